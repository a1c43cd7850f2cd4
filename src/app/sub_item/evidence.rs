//! The evidence (tài liệu kiểm chứng) of an item, and the explanation of
//! how it was scored.

use crate::app::widgets::event_value;
use crate::engine::{Answer, Evidence};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EvidenceProps {
    pub dom: AttrValue,
    pub sub_id: AttrValue,
    pub hint: AttrValue,
    pub answer: Answer,
    pub onchange: Callback<Answer>,
}

#[component]
pub fn EvidenceList(p: &EvidenceProps) -> Html {
    let (dom, answer, set) = (&p.dom, &p.answer, &p.onchange);
    let rows = answer.evidence.iter().enumerate().map(|(i, ev)| {
        let field = |label: &str, key: &str, value: &str, kind: &str, f: fn(&mut Evidence, String)| {
            let (set, answer) = (set.clone(), answer.clone());
            let oninput = Callback::from(move |e: InputEvent| {
                let mut a = answer.clone();
                if let Some(x) = a.evidence.get_mut(i) {
                    f(x, event_value(&e));
                }
                set.emit(a);
            });
            let fid = format!("{dom}-ev{i}-{key}");
            html! {
                <div class={classes!("field", format!("ev-{key}"))}>
                    <label for={fid.clone()}>{label.to_string()}</label>
                    <input id={fid} type={kind.to_string()} value={value.to_string()} {oninput} />
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
                    aria-label={format!("Xóa tài liệu {} của mục {}", i + 1, p.sub_id)}>{"Xóa tài liệu"}</button>
            </li>
        }
    });
    let add = {
        let (set, answer, dom) = (set.clone(), answer.clone(), dom.clone());
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
            if !p.hint.is_empty() { <p class="hint">{format!("Gợi ý: {}", p.hint)}</p> }
            <ol>{ for rows }</ol>
            <button type="button" class="btn small" onclick={add}>{"+ Thêm tài liệu kiểm chứng"}</button>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct ExplanationProps {
    pub dom: AttrValue,
    /// Points are claimed without evidence (or a typed figure stands
    /// beside a differing plan): an explanation is required.
    pub required: bool,
    pub answer: Answer,
    pub onchange: Callback<Answer>,
}

#[component]
pub fn Explanation(p: &ExplanationProps) -> Html {
    let tid = format!("{}-expl", p.dom);
    let oninput = {
        let (set, answer) = (p.onchange.clone(), p.answer.clone());
        Callback::from(move |e: InputEvent| {
            let mut a = answer.clone();
            a.explanation = event_value(&e);
            set.emit(a);
        })
    };
    let required = p.required;
    html! {
        <div class={classes!("field", "explanation", required.then_some("required"))}>
            <label for={tid.clone()}>{"Giải trình cách chấm điểm"}{ if required { " (bắt buộc)" } else { "" } }</label>
            <textarea id={tid.clone()} rows="2" value={p.answer.explanation.clone()} {oninput}
                aria-invalid={required.then_some("true")} aria-describedby={required.then(|| format!("{tid}-msg"))} />
            if required {
                <p class="error" id={format!("{tid}-msg")}>{"Mục này được tính điểm nhưng chưa có tài liệu kiểm chứng (hoặc số liệu khác số liệu kế hoạch): thêm tài liệu hoặc giải trình."}</p>
            }
        </div>
    }
}
