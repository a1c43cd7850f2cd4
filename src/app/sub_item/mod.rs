//! One sub-criterion: guidance, the input its rule needs, "không phát
//! sinh"/"không áp dụng", evidence, explanation, and the points it earns.

use super::state::Edit;
use super::widgets::{check, event_checked, event_value};
use super::{edit, Ctx};
use crate::engine::model::framework::Rule;
use crate::engine::rules::input::{parse_count, NotACount};
use crate::engine::{Answer, Dec2, Evidence, SubCriterion, SubScore, SubState, Value};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SubItemProps {
    pub id: AttrValue,
}

#[component]
pub fn SubItem(p: &SubItemProps) -> Html {
    let ctx = super::use_app();
    let Some(cur) = ctx.current.clone() else {
        return html! {};
    };
    let Some(sub) = cur.framework.sub(&p.id).cloned() else {
        return html! {};
    };
    let Some(sc) = cur.summary.sub(&p.id).cloned() else {
        return html! {};
    };
    let answer = cur.assessment.answer(&p.id).cloned().unwrap_or_default();
    let id = sub.id.clone();

    // Every change replaces the answer as a whole.
    let set = {
        let (ctx, id) = (ctx.clone(), id.clone());
        Callback::from(move |a: Answer| edit(&ctx, Edit::Answer(id.clone(), a)))
    };
    let with = |f: fn(&mut Answer, String)| {
        let (set, answer) = (set.clone(), answer.clone());
        Callback::from(move |v: String| {
            let mut a = answer.clone();
            f(&mut a, v);
            set.emit(a);
        })
    };

    let excluded_above = sc.state == SubState::NotApplicable && !answer.not_applicable;
    let plan_sub = cur.framework.plan_completion_sub.as_deref() == Some(id.as_str());
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

    let flags = {
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
        html! {
            <div class="flags">
                {flag(sub.no_case_full_points, "Không phát sinh trong kỳ (được điểm tối đa)", answer.no_case, |a, v| a.no_case = v)}
                {flag(sub.may_be_not_applicable, "Không áp dụng đối với đơn vị (không tính điểm tối đa)", answer.not_applicable, |a, v| a.not_applicable = v)}
            </div>
        }
    };

    let clear = {
        let (set, answer) = (set.clone(), answer.clone());
        Callback::from(move |_| {
            let mut a = answer.clone();
            a.value = None;
            set.emit(a);
        })
    };

    let evidence = {
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
                        aria-label={format!("Xóa tài liệu {} của mục {}", i + 1, id)}>{"Xóa tài liệu"}</button>
                </li>
            }
        });
        let add = {
            let (set, answer) = (set.clone(), answer.clone());
            let dom = dom.clone();
            Callback::from(move |_| {
                let mut a = answer.clone();
                a.evidence.push(Evidence::default());
                let n = a.evidence.len() - 1;
                set.emit(a);
                let target = format!("{dom}-ev{n}-number");
                gloo::timers::callback::Timeout::new(0, move || {
                    crate::services::scroll_to_id(&target)
                })
                .forget();
            })
        };
        html! {
            <fieldset class="evidence">
                <legend>{format!("Tài liệu kiểm chứng ({})", answer.evidence.len())}</legend>
                if !sub.evidence_hint.is_empty() { <p class="hint">{format!("Gợi ý: {}", sub.evidence_hint)}</p> }
                <ol>{ for rows }</ol>
                <button type="button" class="btn small" onclick={add}>{"+ Thêm tài liệu kiểm chứng"}</button>
            </fieldset>
        }
    };

    let explanation = {
        let tid = format!("{dom}-expl");
        let oninput = {
            let f = with(|a, v| a.explanation = v);
            Callback::from(move |e: InputEvent| f.emit(event_value(&e)))
        };
        let required = sc.needs_support;
        html! {
            <div class={classes!("field", "explanation", required.then_some("required"))}>
                <label for={tid.clone()}>{"Giải trình cách chấm điểm"}{ if required { " (bắt buộc)" } else { "" } }</label>
                <textarea id={tid.clone()} rows="2" value={answer.explanation.clone()} {oninput}
                    aria-invalid={required.then_some("true")} aria-describedby={required.then(|| format!("{tid}-msg"))} />
                if required {
                    <p class="error" id={format!("{tid}-msg")}>{"Mục này được tính điểm nhưng chưa có tài liệu kiểm chứng: thêm tài liệu hoặc giải trình."}</p>
                }
            </div>
        }
    };

    html! {
        <article class={classes!("sub", state_class(&sc))} data-sub={id.clone()} id={format!("sub-{id}")} tabindex="-1"
                 aria-labelledby={format!("{dom}-title")}>
            <header class="sub-head">
                <h3 id={format!("{dom}-title")}><span class="sub-id">{id.clone()}</span>{" "}{sub.title.clone()}</h3>
                {points_badge(&sc)}
            </header>
            if !sub.guidance.is_empty() { <p class="guidance">{sub.guidance.clone()}</p> }
            <div class="rule" aria-disabled={locked.to_string()}>
                if excluded_above {
                    <p class="muted">{"Không áp dụng (đã khai báo cho cả lĩnh vực hoặc tiêu chí)."}</p>
                } else if sc.from_plan {
                    {plan_box(&ctx, &cur.assessment, &sc)}
                } else if !locked {
                    if plan_sub && cur.assessment.plan_override && !cur.assessment.plan.is_empty() {
                        {plan_box(&ctx, &cur.assessment, &sc)}
                    }
                    <RuleInput sub={sub.clone()} answer={answer.clone()} score={sc.clone()} onchange={set.clone()} />
                    if answer.value.is_some() {
                        <button type="button" class="btn link small" onclick={clear}>{"Xóa câu trả lời"}</button>
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
            if !excluded_above { {flags} }
            if let Some(e) = &sc.error { <p class="error" role="alert">{e.to_string()}</p> }
            if !excluded_above && !sub.rule.is_survey() {
                {evidence}
                {explanation}
            }
        </article>
    }
}

/// Where the plan-completion figure comes from, and the switch to type it
/// by hand instead.
fn plan_box(ctx: &Ctx, a: &crate::engine::Assessment, sc: &SubScore) -> Html {
    let fig = crate::engine::rules::plan::plan_figure(a);
    let onchange = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| edit(&ctx, Edit::PlanOverride(event_checked(&e))))
    };
    let href = super::route::Route::Plan { id: a.id.clone() }.href();
    html! {
        <div class="plan-box" data-plan-box="">
            if let Some(f) = fig {
                <p>
                    {format!("Lấy từ Kế hoạch CCHC năm: {}/{} nhiệm vụ hoàn thành ({}%)", f.done, f.total,
                        Dec2::from_int(f.done as i64).percent_of(Dec2::from_int(f.total as i64)).to_vi_fixed())}
                    { if sc.from_plan { format!(" → {} điểm. ", sc.points.to_vi()) } else { ". ".to_string() } }
                    <a {href}>{"Xem kế hoạch"}</a>
                </p>
            }
            <label class="choice">
                <input type="checkbox" checked={a.plan_override} {onchange} />
                {"Nhập số liệu khác (ghi đè số liệu kế hoạch; phải giải trình)"}
            </label>
        </div>
    }
}

fn dom_id(id: &str) -> String {
    format!("s{}", id.replace(|c: char| !c.is_ascii_alphanumeric(), "-"))
}

fn state_class(sc: &SubScore) -> &'static str {
    match sc.state {
        SubState::Unanswered => "unanswered",
        SubState::Invalid => "invalid",
        SubState::NotApplicable => "na",
        _ if sc.lost > Dec2::ZERO => "losing",
        _ => "full",
    }
}

fn points_badge(sc: &SubScore) -> Html {
    let text = match sc.state {
        SubState::Unanswered => format!("chưa trả lời · tối đa {}", sc.max.to_vi()),
        SubState::NotApplicable => "không áp dụng".to_string(),
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

#[derive(Properties, PartialEq)]
pub struct RuleInputProps {
    pub sub: SubCriterion,
    pub answer: Answer,
    pub score: SubScore,
    pub onchange: Callback<Answer>,
}

/// The input the rule needs. Numbers keep their own text while typed, so a
/// half-typed or mistyped number is shown as typed, with a message, and
/// never saved as a wrong value.
#[component]
pub fn RuleInput(p: &RuleInputProps) -> Html {
    let sub = &p.sub;
    let dom = dom_id(&sub.id);
    let (num0, den0, count0, est0) = match &p.answer.value {
        Some(Value::Ratio {
            numerator,
            denominator,
        }) => (
            numerator.to_string(),
            denominator.to_string(),
            String::new(),
            String::new(),
        ),
        Some(Value::Count { count }) => (
            String::new(),
            String::new(),
            count.to_string(),
            String::new(),
        ),
        Some(Value::Estimate { points }) => {
            (String::new(), String::new(), String::new(), points.to_vi())
        }
        _ => Default::default(),
    };
    let num = use_state(|| num0);
    let den = use_state(|| den0);
    let count = use_state(|| count0);
    let est = use_state(|| est0);
    let problem = use_state(|| None::<String>);

    let emit_value = {
        let (cb, answer) = (p.onchange.clone(), p.answer.clone());
        move |v: Option<Value>| {
            let mut a = answer.clone();
            a.value = v;
            cb.emit(a);
        }
    };

    let radio = |name: &str, key: String, label: String, checked: bool, v: Value| {
        let e = emit_value.clone();
        let onchange = Callback::from(move |_| e(Some(v.clone())));
        html! {
            <label class="choice" key={key}>
                <input type="radio" name={name.to_string()} {checked} {onchange} />
                <span>{label}</span>
            </label>
        }
    };

    match &sub.rule {
        Rule::Options { options } => {
            let chosen = match &p.answer.value {
                Some(Value::Choice { option }) => Some(option.clone()),
                _ => None,
            };
            html! {
                <fieldset class="options">
                    <legend>{"Mức đạt được"}</legend>
                    { for options.iter().map(|o| radio(&format!("{dom}-opt"), o.id.clone(),
                        format!("{} — {} điểm", o.label, o.points.to_vi()),
                        chosen.as_deref() == Some(o.id.as_str()), Value::Choice { option: o.id.clone() })) }
                </fieldset>
            }
        }
        Rule::YesNo => {
            let v = match &p.answer.value {
                Some(Value::YesNo { yes }) => Some(*yes),
                _ => None,
            };
            html! {
                <fieldset class="options">
                    <legend>{"Kết quả"}</legend>
                    {radio(&format!("{dom}-yn"), "y".into(), format!("Đạt — {} điểm", sub.max.to_vi()), v == Some(true), Value::YesNo { yes: true })}
                    {radio(&format!("{dom}-yn"), "n".into(), "Không đạt — 0 điểm".into(), v == Some(false), Value::YesNo { yes: false })}
                </fieldset>
            }
        }
        Rule::RatioBands {
            numerator_label,
            denominator_label,
            ..
        }
        | Rule::Proportional {
            numerator_label,
            denominator_label,
        } => {
            let update = {
                let (num, den, problem, e) = (
                    num.clone(),
                    den.clone(),
                    problem.clone(),
                    emit_value.clone(),
                );
                move |n: String, d: String| {
                    num.set(n.clone());
                    den.set(d.clone());
                    match (parse_count(&n), parse_count(&d)) {
                        (Ok(Some(numerator)), Ok(Some(denominator))) => {
                            problem.set(None);
                            e(Some(Value::Ratio {
                                numerator,
                                denominator,
                            }));
                        }
                        (Ok(a), Ok(b)) => {
                            problem.set(
                                (a.is_some() || b.is_some())
                                    .then(|| "Nhập cả tử số và mẫu số.".to_string()),
                            );
                            e(None);
                        }
                        _ => problem.set(Some("Chỉ nhập số nguyên không âm (ví dụ 1250).".into())),
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
            let pct = match &p.answer.value {
                Some(Value::Ratio {
                    numerator,
                    denominator,
                }) if *denominator > 0 && numerator <= denominator => Some(
                    Dec2::from_int(*numerator as i64)
                        .percent_of(Dec2::from_int(*denominator as i64)),
                ),
                _ => None,
            };
            let nl = if numerator_label.is_empty() {
                "Tử số"
            } else {
                numerator_label.as_str()
            };
            let dl = if denominator_label.is_empty() {
                "Mẫu số"
            } else {
                denominator_label.as_str()
            };
            html! {
                <div class="ratio">
                    <div class="field">
                        <label for={format!("{dom}-num")}>{nl.to_string()}</label>
                        <input id={format!("{dom}-num")} type="text" inputmode="numeric" value={(*num).clone()} oninput={on_num} />
                    </div>
                    <div class="field">
                        <label for={format!("{dom}-den")}>{dl.to_string()}</label>
                        <input id={format!("{dom}-den")} type="text" inputmode="numeric" value={(*den).clone()} oninput={on_den} />
                    </div>
                    <p class="ratio-result" aria-live="polite">
                        {"Tỷ lệ: "}<strong data-ratio="">{pct.map(|x| format!("{}%", x.to_vi_fixed())).unwrap_or_else(|| "—".into())}</strong>
                    </p>
                    if let Some(m) = &*problem { <p class="error" role="alert">{m.clone()}</p> }
                    <p class="hint" data-ratio-hint="">{ratio_hint(sub, &p.answer)}</p>
                    {scale(&sub.rule, sub.max, pct)}
                </div>
            }
        }
        Rule::CountBands { bands, max_count } => {
            let oninput = {
                let (count, problem, e) = (count.clone(), problem.clone(), emit_value.clone());
                Callback::from(move |ev: InputEvent| {
                    let t = event_value(&ev);
                    count.set(t.clone());
                    match parse_count(&t) {
                        Ok(v) => {
                            problem.set(None);
                            e(v.map(|count| Value::Count { count }));
                        }
                        Err(NotACount) => problem.set(Some("Chỉ nhập số nguyên không âm.".into())),
                    }
                })
            };
            let current = match &p.answer.value {
                Some(Value::Count { count }) => Some(*count),
                _ => None,
            };
            html! {
                <div class="count">
                    <div class="field">
                        <label for={format!("{dom}-count")}>{ match max_count { Some(m) => format!("Số lượng (tối đa {m})"), None => "Số lượng".to_string() } }</label>
                        <input id={format!("{dom}-count")} type="text" inputmode="numeric" value={(*count).clone()} {oninput} />
                    </div>
                    if let Some(m) = &*problem { <p class="error" role="alert">{m.clone()}</p> }
                    <ul class="scale">
                        { for bands.iter().map(|b| html!{
                            <li class={classes!(current.is_some_and(|c| b.contains(c)).then_some("hit"))}>
                                {format!("{}: {} điểm", b.describe(), b.points.to_vi())}
                            </li>
                        }) }
                    </ul>
                </div>
            }
        }
        Rule::Survey => {
            let oninput = {
                let (est, problem, e) = (est.clone(), problem.clone(), emit_value.clone());
                let max = sub.max;
                Callback::from(move |ev: InputEvent| {
                    let t = event_value(&ev);
                    est.set(t.clone());
                    if t.trim().is_empty() {
                        problem.set(None);
                        e(None);
                    } else {
                        match Dec2::parse(&t) {
                            Some(d) if d >= Dec2::ZERO && d <= max => {
                                problem.set(None);
                                e(Some(Value::Estimate { points: d }));
                            }
                            _ => problem.set(Some(format!(
                                "Nhập số điểm từ 0 đến {} (tối đa 2 chữ số thập phân).",
                                max.to_vi()
                            ))),
                        }
                    }
                })
            };
            html! {
                <div class="survey">
                    <p class="muted"><span class="badge">{"ước tính"}</span>{" Không phải điểm chính thức: chỉ dùng để xem chỉ số dự kiến."}</p>
                    <div class="field">
                        <label for={format!("{dom}-est")}>{format!("Điểm ước tính (0 – {})", sub.max.to_vi())}</label>
                        <input id={format!("{dom}-est")} type="text" inputmode="decimal" value={(*est).clone()} {oninput} />
                    </div>
                    if let Some(m) = &*problem { <p class="error" role="alert">{m.clone()}</p> }
                </div>
            }
        }
    }
}

/// What the figures mean, under the ratio inputs: the tử số never exceeds
/// the mẫu số, and 0/0 counts as "no case arose" only where allowed.
fn ratio_hint(sub: &SubCriterion, answer: &Answer) -> String {
    let zero = matches!(
        answer.value,
        Some(Value::Ratio {
            numerator: 0,
            denominator: 0
        })
    );
    match (sub.no_case_full_points, zero) {
        (true, true) => "0/0: không phát sinh trường hợp nào, được điểm tối đa. Nên đánh dấu \"Không phát sinh trong kỳ\" ở dưới cho rõ.".into(),
        (true, false) => "Tử số không được lớn hơn mẫu số. Nếu trong kỳ không phát sinh trường hợp nào, đánh dấu \"Không phát sinh trong kỳ\" (hoặc nhập 0/0).".into(),
        (false, _) => "Tử số không được lớn hơn mẫu số; mẫu số phải lớn hơn 0 (tiêu chí này không có trường hợp \"không phát sinh\").".into(),
    }
}

fn bands_of(rule: &Rule) -> Vec<(crate::engine::model::framework::PctRange, Dec2)> {
    match rule {
        Rule::RatioBands { bands, .. } => bands.iter().map(|b| (b.range, b.points)).collect(),
        _ => Vec::new(),
    }
}

/// The rule's scale, with the band the current ratio falls in marked.
fn scale(rule: &Rule, max: Dec2, pct: Option<Dec2>) -> Html {
    match rule {
        Rule::Proportional { .. } => html! {
            <p class="scale-note">{format!("Điểm = {} × tỷ lệ (làm tròn 2 chữ số thập phân).", max.to_vi())}</p>
        },
        _ => html! {
            <ul class="scale">
                { for bands_of(rule).iter().map(|(r, pts)| html!{
                    <li class={classes!(pct.is_some_and(|x| r.contains_pct(x)).then_some("hit"))}>
                        {format!("{}: {} điểm", r.describe(), pts.to_vi())}
                    </li>
                }) }
            </ul>
        },
    }
}
