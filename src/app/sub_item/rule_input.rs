//! The input a rule needs. Numbers keep their own text while typed, so a
//! half-typed or mistyped number is shown as typed, with a message, and
//! never saved as a wrong value.

use super::dom_id;
use crate::app::widgets::event_value;
use crate::engine::model::framework::Rule;
use crate::engine::rules::input::{parse_count, parse_ratio, NotACount, RatioInput};
use crate::engine::{Answer, Dec2, SubCriterion, Value};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RuleInputProps {
    pub sub: SubCriterion,
    pub answer: Answer,
    /// The assessment's period (a count that grows is judged by it).
    pub period: crate::engine::Period,
    /// The new value (the rest of the answer is kept by the caller).
    pub onchange: Callback<Option<Value>>,
}

/// The input of the sub-criterion's rule.
#[component]
pub fn RuleInput(p: &RuleInputProps) -> Html {
    // The figures as typed (each rule uses the ones it needs) and the
    // message about them.
    let (n0, d0) = match &p.answer.value {
        Some(Value::Ratio {
            numerator,
            denominator,
        }) => (numerator.to_string(), denominator.to_string()),
        Some(Value::Amounts {
            numerator,
            denominator,
        }) => (numerator.to_vi(), denominator.to_vi()),
        _ => Default::default(),
    };
    let t = Typed {
        num: use_state(|| n0),
        den: use_state(|| d0),
        one: use_state(|| match &p.answer.value {
            Some(Value::Count { count }) => count.to_string(),
            Some(Value::Estimate { points }) => points.to_vi(),
            _ => String::new(),
        }),
        problem: use_state(|| None::<String>),
    };
    let sub = &p.sub;
    let dom = dom_id(&sub.id);
    match &sub.rule {
        Rule::Options { options } => {
            let chosen = match &p.answer.value {
                Some(Value::Choice { option }) => Some(option.as_str()),
                _ => None,
            };
            html! {
                <fieldset class="options">
                    <legend>{"Mức đạt được"}</legend>
                    { for options.iter().map(|o| radio(&format!("{dom}-opt"), o.id.clone(),
                        format!("{} — {} điểm", o.label, o.points.to_vi()),
                        chosen == Some(o.id.as_str()), Value::Choice { option: o.id.clone() }, &p.onchange)) }
                </fieldset>
            }
        }
        Rule::YesNo => {
            let v = match &p.answer.value {
                Some(Value::YesNo { yes }) => Some(*yes),
                _ => None,
            };
            let name = format!("{dom}-yn");
            html! {
                <fieldset class="options">
                    <legend>{"Kết quả"}</legend>
                    {radio(&name, "y".into(), format!("Đạt — {} điểm", sub.max.to_vi()), v == Some(true), Value::YesNo { yes: true }, &p.onchange)}
                    {radio(&name, "n".into(), "Không đạt — 0 điểm".into(), v == Some(false), Value::YesNo { yes: false }, &p.onchange)}
                </fieldset>
            }
        }
        Rule::RatioBands { .. } | Rule::Proportional { .. } => ratio_inputs(p, &t),
        Rule::CountBands { .. } => count_input(p, &t),
        Rule::Survey => estimate_input(p, &t),
    }
}

fn radio(
    name: &str,
    key: String,
    label: String,
    checked: bool,
    v: Value,
    cb: &Callback<Option<Value>>,
) -> Html {
    let cb = cb.clone();
    let onchange = Callback::from(move |_| cb.emit(Some(v.clone())));
    html! {
        <label class="choice" key={key}>
            <input type="radio" name={name.to_string()} {checked} {onchange} />
            <span>{label}</span>
        </label>
    }
}

/// The figures as typed, kept while typing.
struct Typed {
    num: UseStateHandle<String>,
    den: UseStateHandle<String>,
    /// A count or an estimate.
    one: UseStateHandle<String>,
    problem: UseStateHandle<Option<String>>,
}

/// Numerator and denominator, the ratio, and the scale of the rule.
fn ratio_inputs(p: &RuleInputProps, t: &Typed) -> Html {
    let sub = &p.sub;
    let dom = dom_id(&sub.id);
    let (num, den, problem) = (&t.num, &t.den, &t.problem);
    let update = {
        let (num, den, problem, cb) = (
            num.clone(),
            den.clone(),
            problem.clone(),
            p.onchange.clone(),
        );
        move |n: String, d: String| {
            num.set(n.clone());
            den.set(d.clone());
            match parse_ratio(&n, &d) {
                Ok(v) => {
                    problem.set(None);
                    cb.emit(v);
                }
                Err(RatioInput::OneMissing) => {
                    problem.set(Some("Nhập cả tử số và mẫu số.".into()));
                    cb.emit(None);
                }
                Err(RatioInput::NotANumber) => problem.set(Some(
                    "Chỉ nhập số không âm: số nguyên (ví dụ 1250) hoặc số tiền có phần thập phân (ví dụ 1.234,5).".into(),
                )),
            }
        }
    };
    let on_num = {
        let (u, den) = (update.clone(), den.clone());
        Callback::from(move |ev: InputEvent| u(event_value(&ev), (*den).clone()))
    };
    let on_den = {
        let (u, num) = (update.clone(), num.clone());
        Callback::from(move |ev: InputEvent| u((*num).clone(), event_value(&ev)))
    };
    let pct = p
        .answer
        .value
        .as_ref()
        .and_then(Value::ratio_parts)
        .filter(|(n, d)| *d > 0 && n <= d)
        .map(|(n, d)| Dec2::from_int(n as i64).percent_of(Dec2::from_int(d as i64)));
    let (nl, dl) = sub.rule.ratio_labels();
    let or = |l: &str, d: &str| {
        if l.trim().is_empty() {
            d.to_string()
        } else {
            l.to_string()
        }
    };
    html! {
        <div class="ratio">
            <div class="field">
                <label for={format!("{dom}-num")}>{or(nl, "Tử số")}</label>
                <input id={format!("{dom}-num")} type="text" inputmode="decimal" value={(**num).clone()} oninput={on_num} />
            </div>
            <div class="field">
                <label for={format!("{dom}-den")}>{or(dl, "Mẫu số")}</label>
                <input id={format!("{dom}-den")} type="text" inputmode="decimal" value={(**den).clone()} oninput={on_den} />
            </div>
            <p class="ratio-result" aria-live="polite">
                {"Tỷ lệ: "}<strong data-ratio="">{pct.map(|x| format!("{}%", x.to_vi_fixed())).unwrap_or_else(|| "—".into())}</strong>
            </p>
            if let Some(m) = &**problem { <p class="error" role="alert">{m.clone()}</p> }
            <p class="hint" data-ratio-hint="">{ratio_hint(sub, &p.answer)}</p>
            {scale(&sub.rule, sub.max, pct)}
        </div>
    }
}

/// A whole number and the rule's count bands.
fn count_input(p: &RuleInputProps, t: &Typed) -> Html {
    let dom = dom_id(&p.sub.id);
    let raw = match &p.answer.value {
        Some(Value::Count { count }) => Some(*count),
        _ => None,
    };
    let due = match &p.sub.period_rule {
        crate::engine::model::PeriodRule::Cumulative { expected }
            if p.period != crate::engine::Period::Year =>
        {
            Some(expected[p.period.index()])
        }
        _ => None,
    };
    // the band that counts: the year's, for what the count is judged as
    let current = raw.map(|c| crate::engine::rules::score::judged_count(&p.sub, c, p.period));
    let (text, problem) = (&t.one, &t.problem);
    let Rule::CountBands { bands, max_count } = &p.sub.rule else {
        return html! {};
    };
    let oninput = {
        let (text, problem, cb) = (text.clone(), problem.clone(), p.onchange.clone());
        Callback::from(move |ev: InputEvent| {
            let t = event_value(&ev);
            text.set(t.clone());
            match parse_count(&t) {
                Ok(v) => {
                    problem.set(None);
                    cb.emit(v.map(|count| Value::Count { count }));
                }
                Err(NotACount) => problem.set(Some("Chỉ nhập số nguyên không âm.".into())),
            }
        })
    };
    html! {
        <div class="count">
            <div class="field">
                <label for={format!("{dom}-count")}>{ match max_count { Some(m) => format!("Số lượng (tối đa {m})"), None => "Số lượng".to_string() } }</label>
                <input id={format!("{dom}-count")} type="text" inputmode="numeric" value={(**text).clone()} {oninput} />
            </div>
            if let Some(m) = &**problem { <p class="error" role="alert">{m.clone()}</p> }
            <ul class="scale">
                { for bands.iter().map(|b| html!{
                    <li class={classes!(current.is_some_and(|c| b.contains(c)).then_some("hit"))}>
                        {format!("{}: {} điểm", b.describe(), b.points.to_vi())}
                    </li>
                }) }
            </ul>
            if let (Some(r), Some(c)) = (raw, current) {
                if r != c { <p class="hint" data-judged="">{format!("Ở kỳ này {r} được tính như {c} của cả năm (chỉ phần thiếu so với số đến hạn bị trừ).")}</p> }
            }
            if let (Some(r), Some(d)) = (raw, due) {
                if r > d { <p class="hint warn-hint" data-above-due="">{format!("{r} nhiều hơn số phải có đến ngày chốt số liệu của kỳ {} ({d}): kiểm tra lại số liệu.", p.period.label())}</p> }
            }
        </div>
    }
}

/// A survey item's estimate: never official.
fn estimate_input(p: &RuleInputProps, t: &Typed) -> Html {
    let dom = dom_id(&p.sub.id);
    let max = p.sub.max;
    let (text, problem) = (&t.one, &t.problem);
    let oninput = {
        let (text, problem, cb) = (text.clone(), problem.clone(), p.onchange.clone());
        Callback::from(move |ev: InputEvent| {
            let t = event_value(&ev);
            text.set(t.clone());
            if t.trim().is_empty() {
                problem.set(None);
                return cb.emit(None);
            }
            match Dec2::parse(&t) {
                Some(d) if d >= Dec2::ZERO && d <= max => {
                    problem.set(None);
                    cb.emit(Some(Value::Estimate { points: d }));
                }
                _ => problem.set(Some(format!(
                    "Nhập số điểm từ 0 đến {} (tối đa 2 chữ số thập phân).",
                    max.to_vi()
                ))),
            }
        })
    };
    html! {
        <div class="survey">
            <p class="muted"><span class="badge">{"ước tính"}</span>{" Không phải điểm chính thức: chỉ dùng để xem chỉ số dự kiến."}</p>
            <div class="field">
                <label for={format!("{dom}-est")}>{format!("Điểm ước tính (0 – {})", max.to_vi())}</label>
                <input id={format!("{dom}-est")} type="text" inputmode="decimal" value={(**text).clone()} {oninput} />
            </div>
            if let Some(m) = &**problem { <p class="error" role="alert">{m.clone()}</p> }
        </div>
    }
}

/// What the figures mean, under the ratio inputs: the tử số never exceeds
/// the mẫu số, and 0/0 counts as "no case arose" only where allowed.
fn ratio_hint(sub: &SubCriterion, answer: &Answer) -> String {
    let zero = answer.value.as_ref().and_then(Value::ratio_parts) == Some((0, 0));
    match (sub.no_case_full_points, zero) {
        (true, true) => "0/0: không phát sinh trường hợp nào, được điểm tối đa. Nên đánh dấu \"Không phát sinh trong kỳ\" ở dưới cho rõ.".into(),
        (true, false) => "Tử số không được lớn hơn mẫu số. Nếu trong kỳ không phát sinh trường hợp nào, đánh dấu \"Không phát sinh trong kỳ\" (hoặc nhập 0/0).".into(),
        (false, _) => "Tử số không được lớn hơn mẫu số; mẫu số phải lớn hơn 0 (tiêu chí này không có trường hợp \"không phát sinh\").".into(),
    }
}

/// The rule's scale, with the band the current ratio falls in marked.
fn scale(rule: &Rule, max: Dec2, pct: Option<Dec2>) -> Html {
    match rule {
        Rule::Proportional { .. } => html! {
            <p class="scale-note">{format!("Điểm = {} × tỷ lệ (làm tròn 2 chữ số thập phân).", max.to_vi())}</p>
        },
        Rule::RatioBands { bands, .. } => html! {
            <ul class="scale">
                { for bands.iter().map(|b| html!{
                    <li class={classes!(pct.is_some_and(|x| b.range.contains_pct(x)).then_some("hit"))}>
                        {format!("{}: {} điểm", b.range.describe(), b.points.to_vi())}
                    </li>
                }) }
            </ul>
        },
        _ => html! {},
    }
}
