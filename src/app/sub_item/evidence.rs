//! The evidence (tài liệu kiểm chứng) of an item, and the explanation of
//! how it was scored.

use crate::app::widgets::{count_note, event_value};
use crate::engine::rules::input::date_ok;
use crate::engine::rules::limits;
use crate::engine::{Answer, Evidence};
use yew::prelude::*;

/// The evidence entries of item `sub_id` (input ids `<dom>-ev<i>-…`).
pub fn evidence_list(
    dom: &str,
    sub_id: &str,
    hint: &str,
    answer: &Answer,
    set: &Callback<Answer>,
) -> Html {
    let rows = answer.evidence.iter().enumerate().map(|(i, ev)| {
        let field = |label: &str, key: &str, value: &str, kind: &str, f: fn(&mut Evidence, String)| {
            let max = if matches!(key, "summary" | "link") {
                limits::TEXT
            } else {
                limits::SHORT
            };
            let (set, answer, is_date) = (set.clone(), answer.clone(), kind == "date");
            let oninput = Callback::from(move |e: InputEvent| {
                let v = event_value(&e);
                // A date the app would not keep (year 12025) is not saved.
                if is_date && !date_ok(&v) {
                    return;
                }
                let mut a = answer.clone();
                if let Some(x) = a.evidence.get_mut(i) {
                    f(x, v);
                }
                set.emit(a);
            });
            let fid = format!("{dom}-ev{i}-{key}");
            html! {
                <div class={classes!("field", format!("ev-{key}"))}>
                    <label for={fid.clone()}>{label.to_string()}</label>
                    <input id={fid} type={kind.to_string()} maxlength={max.to_string()} value={value.to_string()} {oninput}
                        min={(kind == "date").then_some("1900-01-01")} max={(kind == "date").then_some("2100-12-31")} />
                    {count_note(value, max)}
                </div>
            }
        };
        let remove = {
            let (set, answer) = (set.clone(), answer.clone());
            Callback::from(move |_| {
                let mut a = answer.clone();
                if i < a.evidence.len() {
                    a.evidence.remove(i);
                }
                set.emit(a);
            })
        };
        html! {
            <li class="evidence-row" key={i}>
                {field("Số, ký hiệu", "number", &ev.number, "text", |x, v| x.number = v)}
                {field("Ngày ban hành", "date", &ev.date, "date", |x, v| x.date = v)}
                {field("Cơ quan ban hành", "issuer", &ev.issuer, "text", |x, v| x.issuer = v)}
                {field("Trích yếu", "summary", &ev.summary, "text", |x, v| x.summary = v)}
                {field("Đường dẫn (nếu có)", "link", &ev.link, "url", |x, v| x.link = v)}
                <button type="button" class="btn danger-outline small" onclick={remove}
                    aria-label={format!("Xóa tài liệu {} của mục {}", i + 1, sub_id)}>{"Xóa tài liệu"}</button>
            </li>
        }
    });
    let add = {
        let (set, answer, dom) = (set.clone(), answer.clone(), dom.to_string());
        Callback::from(move |_| {
            let mut a = answer.clone();
            a.evidence.push(Evidence::default());
            let n = a.evidence.len() - 1;
            set.emit(a);
            let target = format!("{dom}-ev{n}-number");
            gloo::timers::callback::Timeout::new(0, move || crate::services::scroll_to_id(&target))
                .forget();
        })
    };
    html! {
        <fieldset class="evidence">
            <legend>{format!("Tài liệu kiểm chứng ({})", answer.evidence.len())}</legend>
            if !hint.is_empty() { <p class="hint">{format!("Gợi ý: {hint}")}</p> }
            <ol>{ for rows }</ol>
            if answer.evidence.len() < limits::EVIDENCE {
                <button type="button" class="btn small" onclick={add}>{"+ Thêm tài liệu kiểm chứng"}</button>
            }
        </fieldset>
    }
}

/// How the item was scored, in the unit's words. `required`: points are
/// claimed without evidence (or a typed figure stands beside a differing
/// plan).
pub fn explanation(dom: &str, required: bool, answer: &Answer, set: &Callback<Answer>) -> Html {
    let tid = format!("{dom}-expl");
    let oninput = {
        let (set, answer) = (set.clone(), answer.clone());
        Callback::from(move |e: InputEvent| {
            let mut a = answer.clone();
            a.explanation = event_value(&e);
            set.emit(a);
        })
    };
    html! {
        <div class={classes!("field", "explanation", required.then_some("required"))}>
            <label for={tid.clone()}>{"Giải trình cách chấm điểm"}{ if required { " (bắt buộc)" } else { "" } }</label>
            <textarea id={tid.clone()} rows="2" maxlength={limits::LONG.to_string()} value={answer.explanation.clone()} {oninput}
                aria-invalid={required.then_some("true")} aria-describedby={required.then(|| format!("{tid}-msg"))} />
            {count_note(&answer.explanation, limits::LONG)}
            if required {
                <p class="error" id={format!("{tid}-msg")}>{"Mục này được tính điểm nhưng chưa có tài liệu kiểm chứng (hoặc số liệu khác số liệu kế hoạch): thêm tài liệu hoặc giải trình."}</p>
            }
        </div>
    }
}
