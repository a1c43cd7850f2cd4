//! One sub-criterion: guidance, the input its rule needs, "không phát
//! sinh"/"không áp dụng", evidence, explanation, and the points it earns.

mod evidence;
mod plan_box;
pub mod rule_input;

use super::edit;
use super::state::Edit;
use super::widgets::check;
use crate::engine::{Answer, Dec2, SubScore, SubState};
use evidence::{evidence_list, explanation};
use plan_box::plan_source_box;
use rule_input::RuleInput;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SubItemProps {
    pub id: AttrValue,
}

#[component]
pub fn SubItem(p: &SubItemProps) -> Html {
    let (ctx, cur) = super::use_current();
    let Some(cur) = cur else {
        return html! {};
    };
    let (Some(sub), Some(sc)) = (cur.framework.sub(&p.id), cur.summary.sub(&p.id)) else {
        return html! {};
    };
    let answer = cur.assessment.answer(&p.id).cloned().unwrap_or_default();
    let id = sub.id.clone();
    // An item scored at the criterion level has the criterion's number and
    // name, already its page's heading: not shown twice (kept for readers
    // of the region's name).
    let shared = cur
        .framework
        .criterion(&id)
        .is_some_and(|(_, c)| c.subs.len() == 1 && c.title == sub.title);

    // Every change replaces the answer as a whole.
    let set = {
        let (ctx, id) = (ctx.clone(), id.clone());
        Callback::from(move |a: Answer| edit(&ctx, Edit::Answer(id.clone(), a)))
    };
    let set_value = {
        let (set, answer) = (set.clone(), answer.clone());
        Callback::from(move |v| {
            let mut a = answer.clone();
            a.value = v;
            set.emit(a);
        })
    };
    let excluded_above = sc.state == SubState::NotApplicable && !answer.not_applicable;
    let plan_sub = cur.framework.plan_completion_sub.as_deref() == Some(id.as_str());
    let has_plan = plan_sub && !cur.assessment.plan.is_empty();
    let n_actions = cur
        .assessment
        .actions
        .iter()
        .filter(|x| x.subs.contains(&id))
        .count();
    let on_add_action = {
        let (ctx, id) = (ctx.clone(), id.clone());
        Callback::from(move |_| super::actions::add_for(&ctx, &id))
    };
    let locked = answer.no_case || answer.not_applicable || excluded_above;
    let dom = dom_id(&id);
    let flag = |allowed: bool, label: &str, on: bool, f: fn(&mut Answer, bool)| {
        let (set, answer) = (set.clone(), answer.clone());
        let cb = Callback::from(move |v: bool| {
            let mut a = answer.clone();
            f(&mut a, v);
            set.emit(a);
        });
        if allowed {
            check(label, on, cb)
        } else {
            Html::default()
        }
    };
    let clear = {
        let set_value = set_value.clone();
        Callback::from(move |_| set_value.emit(None))
    };
    let keep = {
        let (set, answer) = (set.clone(), answer.clone());
        Callback::from(move |_| {
            set.emit(Answer {
                carried: false,
                ..answer.clone()
            })
        })
    };
    let period = cur.assessment.period;
    let period_note = period_note(sub, sc, period);

    html! {
        <article class={classes!("sub", state_class(sc))} data-sub={id.clone()} id={format!("sub-{id}")} tabindex="-1"
                 aria-labelledby={format!("{dom}-title")}>
            <header class="sub-head">
                <h3 id={format!("{dom}-title")} class={classes!(shared.then_some("sr-only"))}><span class="sub-id">{id.clone()}</span>{" "}{sub.title.clone()}</h3>
                {points_badge(sc)}
            </header>
            if !sub.guidance.is_empty() { <p class="guidance">{sub.guidance.clone()}</p> }
            if let Some(n) = period_note { <p class="period-note" data-period-note="">{n}</p> }
            if answer.carried && !excluded_above && sc.state != SubState::NotApplicable {
                <p class="carried" data-carried="">
                    <span class="badge warn">{"Chưa cập nhật cho kỳ này"}</span>
                    {format!(" Số liệu chuyển từ kỳ trước: sửa lại cho kỳ {}, hoặc ", period.label())}
                    <button type="button" class="btn small" onclick={keep} disabled={cur.read_only}>{"Giữ nguyên cho kỳ này"}</button>
                </p>
            }
            <div class="rule" aria-disabled={locked.to_string()}>
                if excluded_above {
                    <p class="muted">{"Không áp dụng (đã khai báo cho cả lĩnh vực hoặc tiêu chí)."}</p>
                } else {
                    if has_plan { {plan_source_box(&ctx, &cur)} }
                    if !sc.from_plan && !locked {
                        <RuleInput sub={sub.clone()} answer={answer.clone()} {period} onchange={set_value.clone()} />
                        if answer.value.is_some() {
                            <button type="button" class="btn link small" onclick={clear}>{"Xóa câu trả lời"}</button>
                        }
                    }
                }
            </div>
            if sc.lost > Dec2::ZERO && matches!(sc.state, SubState::Answered | SubState::Invalid) {
                <p class="add-action">
                    <button type="button" class="btn small" onclick={on_add_action}>{"+ Biện pháp khắc phục"}</button>
                    if n_actions > 0 {
                        {" "}<a href={super::route::Route::Actions { id: cur.assessment.id.clone(), focus: None }.href()}>{format!("{n_actions} biện pháp đã có")}</a>
                    }
                </p>
            }
            if !excluded_above && !sc.from_plan {
                <div class="flags">
                    {flag(sub.no_case_full_points, "Không phát sinh trong kỳ (được điểm tối đa)", answer.no_case, |a, v| a.no_case = v)}
                    {flag(sub.may_be_not_applicable, "Không áp dụng đối với đơn vị (không tính điểm tối đa)", answer.not_applicable, |a, v| a.not_applicable = v)}
                </div>
            }
            if let Some(e) = &sc.error { <p class="error" role="alert">{e.to_string()}</p> }
            if !excluded_above && !sub.rule.is_survey() {
                {evidence_list(&dom, &id, &sub.evidence_hint, &answer, &set)}
                {explanation(&dom, sc.needs_support, &answer, &set)}
            }
        </article>
    }
}

/// What the period means for this item, before the year ends.
fn period_note(
    sub: &crate::engine::SubCriterion,
    sc: &SubScore,
    period: crate::engine::Period,
) -> Option<String> {
    use crate::engine::model::PeriodRule;
    if period == crate::engine::Period::Year {
        return None;
    }
    let cut = period.cutoff_short();
    match &sub.period_rule {
        PeriodRule::Unaffected => None,
        PeriodRule::YearEnd => Some(format!(
            "Chỉ đánh giá vào cuối năm: ở kỳ {} mục này chưa tính vào điểm \"đến kỳ báo cáo\" (không phải mất điểm); câu trả lời, nếu có, được dùng cho số dự kiến cả năm.",
            period.label()
        )),
        PeriodRule::Cumulative { .. } => sc.expected.map(|(due, year)| {
            format!(
                "Đến ngày {cut} phải có {due}/{year}: nhập số thực có đến ngày {cut}; chỉ phần còn thiếu so với số đến hạn bị trừ điểm."
            )
        }),
        PeriodRule::DueByCutoff => Some(if sc.state == SubState::NotYet {
            format!("Chưa có việc nào đến hạn trước hoặc đúng ngày {cut}: chưa đánh giá được ở kỳ này.")
        } else {
            format!("Tính trên các việc đến hạn trước hoặc đúng ngày {cut} (không tính việc có hạn sau ngày chốt số liệu).")
        }),
    }
}

pub fn dom_id(id: &str) -> String {
    format!("s{}", id.replace(|c: char| !c.is_ascii_alphanumeric(), "-"))
}

fn state_class(sc: &SubScore) -> &'static str {
    match sc.state {
        SubState::Unanswered => "unanswered",
        SubState::Invalid => "invalid",
        SubState::NotApplicable => "na",
        SubState::NotYet => "notyet",
        _ if sc.lost > Dec2::ZERO => "losing",
        _ => "full",
    }
}

fn points_badge(sc: &SubScore) -> Html {
    let text = match sc.state {
        SubState::Unanswered => format!("chưa trả lời · tối đa {}", sc.max.to_vi()),
        SubState::NotApplicable => "không áp dụng".to_string(),
        SubState::NotYet => format!("chưa đánh giá được ở kỳ này · tối đa {}", sc.max.to_vi()),
        SubState::Invalid => format!("lỗi · tối đa {}", sc.max.to_vi()),
        SubState::Estimated => {
            format!("{} / {} điểm (ước tính)", sc.points.to_vi(), sc.max.to_vi())
        }
        SubState::NoCase => format!(
            "{} / {} điểm (không phát sinh)",
            sc.points.to_vi(),
            sc.max.to_vi()
        ),
        SubState::Answered => format!("{} / {} điểm", sc.points.to_vi(), sc.max.to_vi()),
    };
    html! { <span class="pts" data-points={sc.points.to_plain()} aria-live="polite">{text}</span> }
}
