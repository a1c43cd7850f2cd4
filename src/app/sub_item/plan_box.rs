//! The plan-completion item: the figure from the annual plan and the one
//! typed at the item, both shown, and the user's choice of which counts.
//! A typed figure is never replaced without that choice.

use crate::app::state::{Current, Edit};
use crate::app::Ctx;
use crate::app::{edit, route::Route};
use crate::engine::model::PlanSource;
use crate::engine::rules::plan::plan_choice;
use crate::engine::{Dec2, Value};
use yew::prelude::*;

fn pct(n: u64, d: u64) -> String {
    if d == 0 {
        "—".into()
    } else {
        format!(
            "{}%",
            Dec2::from_int(n as i64)
                .percent_of(Dec2::from_int(d as i64))
                .to_vi_fixed()
        )
    }
}

pub fn plan_source_box(ctx: &Ctx, cur: &Current) -> Html {
    let a = &cur.assessment;
    let Some(c) = plan_choice(&cur.framework, a) else {
        return html! {};
    };
    let id = cur
        .framework
        .plan_completion_sub
        .clone()
        .unwrap_or_default();
    let typed = a.answers.get(&id).and_then(|x| match &x.value {
        Some(v @ (Value::Ratio { .. } | Value::Amounts { .. })) => {
            v.ratio_parts().map(|(n, d)| (v.clone(), n, d))
        }
        _ => None,
    });
    let typed_text = match &typed {
        Some((
            Value::Amounts {
                numerator,
                denominator,
            },
            n,
            d,
        )) => {
            format!(
                "{}/{} = {}",
                numerator.to_vi(),
                denominator.to_vi(),
                pct(*n, *d)
            )
        }
        Some((_, n, d)) => format!("{n}/{d} = {}", pct(*n, *d)),
        None if c.typed_points.is_some() => "đã chọn ở mục này".into(),
        None => "chưa nhập".into(),
    };
    let choose = |s: PlanSource| {
        let ctx = ctx.clone();
        Callback::from(move |_| edit(&ctx, Edit::PlanSource(s)))
    };
    let name = format!("plan-src-{}", a.id);
    let differ = c.typed_points.is_some() && c.typed_points != Some(c.plan_points);
    let undecided = c.source == PlanSource::Auto && c.typed_points.is_some();
    html! {
        <fieldset class="plan-box" data-plan-box="">
            <legend>{"Nguồn số liệu tính điểm"}</legend>
            <label class="choice">
                <input type="radio" name={name.clone()} checked={c.using_plan} onchange={choose(PlanSource::Plan)} />
                <span data-plan-source="plan">{match c.figure.due_by {
                    Some(_) if c.figure.total == 0 => format!("Theo Kế hoạch CCHC năm: {}", c.figure.describe()),
                    Some(_) => format!("Theo Kế hoạch CCHC năm: {} ({}) → {} điểm",
                        c.figure.describe(), pct(c.figure.done, c.figure.total), c.plan_points.to_vi()),
                    None => format!("Theo Kế hoạch CCHC năm: {}/{} nhiệm vụ hoàn thành ({}) → {} điểm",
                        c.figure.done, c.figure.total, pct(c.figure.done, c.figure.total), c.plan_points.to_vi()),
                }}</span>
            </label>
            <label class="choice">
                <input type="radio" name={name} checked={!c.using_plan} onchange={choose(PlanSource::Hand)} />
                <span data-plan-source="typed">{format!("Theo số liệu nhập tay: {typed_text}{}",
                    c.typed_points.map(|p| format!(" → {} điểm", p.to_vi())).unwrap_or_default())}</span>
            </label>
            if undecided && differ {
                <p class="hint warn-hint" role="note">{"Hai nguồn số liệu cho kết quả khác nhau: đang tính theo số liệu nhập tay (đã nhập trước khi có kế hoạch). Hãy chọn nguồn số liệu; số liệu nhập tay không bị xóa."}</p>
            } else if c.using_plan && c.typed_points.is_some() {
                <p class="hint">{"Số liệu nhập tay vẫn được giữ (không dùng để tính điểm)."}</p>
            } else if !c.using_plan && differ {
                <p class="hint">{"Số liệu nhập tay khác số liệu kế hoạch: cần giải trình ở dưới."}</p>
            }
            <p><a href={Route::Plan { id: a.id.clone() }.href()}>{"Xem Kế hoạch CCHC năm"}</a></p>
        </fieldset>
    }
}
