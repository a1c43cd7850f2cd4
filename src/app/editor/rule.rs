//! The editor of one rule, in the shape it has; switching its shape keeps
//! the levels when they convert, and asks before dropping them.

use super::{dec_input, text_input};
use crate::app::widgets::{check, event_value};
use crate::engine::formats::paste::band_of;
use crate::engine::model::{ChoiceOption, CountBand, PctRange, RatioBand, Rule};
use crate::engine::Dec2;
use yew::prelude::*;

const KINDS: [(&str, &str); 6] = [
    ("options", "Chọn mức"),
    ("yes_no", "Đạt / Không đạt"),
    ("ratio_bands", "Tỷ lệ theo khoảng"),
    ("proportional", "Tỷ lệ (điểm theo tỷ lệ)"),
    ("count_bands", "Số lượng theo khoảng"),
    ("survey", "Điều tra xã hội học"),
];

fn kind_of(rule: &Rule) -> &'static str {
    match rule {
        Rule::Options { .. } => "options",
        Rule::YesNo => "yes_no",
        Rule::RatioBands { .. } => "ratio_bands",
        Rule::Proportional { .. } => "proportional",
        Rule::CountBands { .. } => "count_bands",
        Rule::Survey => "survey",
    }
}

/// How many levels (options or bands) a rule holds.
fn levels(rule: &Rule) -> usize {
    match rule {
        Rule::Options { options } => options.len(),
        Rule::RatioBands { bands, .. } => bands.len(),
        Rule::CountBands { bands, .. } => bands.len(),
        _ => 0,
    }
}

fn labels(rule: &Rule) -> (String, String) {
    let (n, d) = rule.ratio_labels();
    (n.to_string(), d.to_string())
}

/// `rule` in shape `kind`, keeping what converts: options worded as
/// percentages become bands and back, ratio labels stay.
pub fn convert(rule: &Rule, kind: &str) -> Rule {
    let (n, d) = labels(rule);
    match (rule, kind) {
        (Rule::Options { options }, "ratio_bands") => {
            let bands: Option<Vec<RatioBand>> = options
                .iter()
                .map(|o| {
                    let (f, fi, t, ti) = band_of(&o.label)?;
                    Some(RatioBand {
                        range: PctRange::new(f, fi, t, ti),
                        points: o.points,
                    })
                })
                .collect();
            Rule::RatioBands {
                bands: bands.unwrap_or_else(|| vec![full_band()]),
                numerator_label: n,
                denominator_label: d,
            }
        }
        (Rule::RatioBands { bands, .. }, "options") => Rule::Options {
            options: bands
                .iter()
                .enumerate()
                .map(|(i, b)| ChoiceOption {
                    id: format!("m{}", i + 1),
                    label: b.range.describe(),
                    points: b.points,
                })
                .collect(),
        },
        (_, "options") => Rule::Options {
            options: vec![
                ChoiceOption {
                    id: "a".into(),
                    label: "Đạt".into(),
                    points: Dec2::ZERO,
                },
                ChoiceOption {
                    id: "b".into(),
                    label: "Không đạt".into(),
                    points: Dec2::ZERO,
                },
            ],
        },
        (_, "ratio_bands") => Rule::RatioBands {
            bands: vec![full_band()],
            numerator_label: n,
            denominator_label: d,
        },
        (_, "proportional") => Rule::Proportional {
            numerator_label: n,
            denominator_label: d,
        },
        (_, "count_bands") => Rule::CountBands {
            bands: vec![CountBand {
                min: 0,
                max: None,
                points: Dec2::ZERO,
            }],
            max_count: None,
        },
        (_, "survey") => Rule::Survey,
        _ => Rule::YesNo,
    }
}

fn full_band() -> RatioBand {
    RatioBand {
        range: PctRange::new(Dec2::ZERO, true, Dec2::HUNDRED, true),
        points: Dec2::ZERO,
    }
}

#[derive(Properties, PartialEq)]
pub struct RangeProps {
    pub dom: AttrValue,
    pub range: PctRange,
    pub on_change: Callback<PctRange>,
}

/// "Từ … % (tính cả) đến … % (tính cả)", as a band of the index or of a ratio.
#[component]
pub fn RangeFields(p: &RangeProps) -> Html {
    let r = p.range;
    let set = |f: fn(&mut PctRange, Dec2, bool)| {
        let cb = p.on_change.clone();
        move |v: Dec2, flag: bool| {
            let mut x = r;
            f(&mut x, v, flag);
            cb.emit(x)
        }
    };
    let (from, to) = (set(|x, v, _| x.from = v), set(|x, v, _| x.to = v));
    let (fi, ti) = (
        set(|x, _, f| x.from_inclusive = f),
        set(|x, _, f| x.to_inclusive = f),
    );
    html! {
        <>
            {dec_input(format!("{}-from", p.dom), "Từ (%)", r.from, Callback::from(move |v| from(v, false)))}
            {check("tính cả", r.from_inclusive, Callback::from(move |f| fi(Dec2::ZERO, f)))}
            {dec_input(format!("{}-to", p.dom), "Đến (%)", r.to, Callback::from(move |v| to(v, false)))}
            {check("tính cả", r.to_inclusive, Callback::from(move |f| ti(Dec2::ZERO, f)))}
            <span class="muted">{r.describe()}</span>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct RuleProps {
    pub dom: AttrValue,
    pub rule: Rule,
    pub on_change: Callback<Rule>,
}

#[component]
pub fn RuleEditor(p: &RuleProps) -> Html {
    // A switch of shape that would drop levels, waiting for the user's word.
    let pending = use_state(|| None::<&'static str>);
    let (rule, set, dom) = (&p.rule, &p.on_change, p.dom.to_string());
    let current = kind_of(rule);
    let on_kind = {
        let (set, rule, pending) = (set.clone(), rule.clone(), pending.clone());
        Callback::from(move |e: Event| {
            let v = event_value(&e);
            let Some((kind, _)) = KINDS.iter().find(|(k, _)| *k == v) else {
                return;
            };
            let next = convert(&rule, kind);
            if levels(&rule) > 0 && levels(&next) < levels(&rule) {
                pending.set(Some(kind));
            } else {
                set.emit(next);
            }
        })
    };
    let confirm = pending.map(|kind| {
        let label = KINDS
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or("", |(_, l)| *l);
        let (set, old, p2) = (set.clone(), rule.clone(), pending.clone());
        let yes = Callback::from(move |_| {
            set.emit(convert(&old, kind));
            p2.set(None);
        });
        let p3 = pending.clone();
        let no = Callback::from(move |_| p3.set(None));
        html! {
            <p class="banner confirm" role="alert">
                {format!("Đổi sang \"{label}\" sẽ bỏ {} mức đang có. ", levels(rule))}
                <button class="btn small danger" onclick={yes}>{"Đổi và bỏ các mức"}</button>
                {" "}<button class="btn small" onclick={no}>{"Giữ nguyên"}</button>
            </p>
        }
    });
    html! {
        <div class="ed-rule">
            <div class="field inline">
                <label for={format!("{dom}-kind")}>{"Cách chấm"}</label>
                <select id={format!("{dom}-kind")} onchange={on_kind}>
                    { for KINDS.iter().map(|(k, l)| html!{ <option value={*k} selected={*k == current && pending.is_none()}>{*l}</option> }) }
                </select>
            </div>
            {confirm.unwrap_or_default()}
            {body(&dom, rule, set)}
        </div>
    }
}

fn ratio_labels(dom: &str, rule: &Rule, set: &Callback<Rule>) -> Html {
    let (n, d) = labels(rule);
    let with = |numerator: bool| {
        let (set, rule) = (set.clone(), rule.clone());
        Callback::from(move |v: String| {
            let mut r = rule.clone();
            if let Rule::RatioBands {
                numerator_label,
                denominator_label,
                ..
            }
            | Rule::Proportional {
                numerator_label,
                denominator_label,
            } = &mut r
            {
                *(if numerator {
                    numerator_label
                } else {
                    denominator_label
                }) = v;
            }
            set.emit(r)
        })
    };
    html! {
        <>
            {text_input(format!("{dom}-numl"), "Tên tử số", &n, with(true))}
            {text_input(format!("{dom}-denl"), "Tên mẫu số", &d, with(false))}
            if n.trim().is_empty() || d.trim().is_empty() {
                <p class="hint warn-hint">{"Chưa đặt tên tử số hoặc mẫu số: đơn vị sẽ chỉ thấy \"Tử số\", \"Mẫu số\". Hãy ghi rõ (ví dụ: Số hồ sơ giải quyết đúng hạn / Tổng số hồ sơ)."}</p>
            }
        </>
    }
}

/// A list editor: `rows` of `items`, "+ …" adds `blank`.
fn list<T: Clone + 'static>(
    items: &[T],
    add_label: &str,
    blank: T,
    put: impl Fn(Vec<T>) + Clone + 'static,
    row: impl Fn(usize, &T, Callback<T>) -> Html,
    remove_label: &str,
) -> Html {
    let rows: Vec<Html> = items.iter().enumerate().map(|(k, it)| {
        let (put1, all1) = (put.clone(), items.to_vec());
        let change = Callback::from(move |x: T| {
            let mut v = all1.clone();
            v[k] = x;
            put1(v)
        });
        let (put2, all2) = (put.clone(), items.to_vec());
        let remove = Callback::from(move |_| {
            let mut v = all2.clone();
            v.remove(k);
            put2(v)
        });
        html! { <li key={k} class="ed-line">
            {row(k, it, change)}
            <button class="btn small danger-outline" aria-label={format!("{remove_label} {}", k + 1)} onclick={remove}>{"Xóa"}</button>
        </li> }
    }).collect();
    let all = items.to_vec();
    let add = Callback::from(move |_| {
        let mut v = all.clone();
        v.push(blank.clone());
        put(v)
    });
    html! { <><ol>{ for rows }</ol><button class="btn small" onclick={add}>{add_label.to_string()}</button></> }
}

fn body(dom: &str, rule: &Rule, set: &Callback<Rule>) -> Html {
    match rule.clone() {
        Rule::Options { options } => {
            let s = set.clone();
            let next = format!("m{}", options.len() + 1);
            list(
                &options,
                "+ Mức",
                ChoiceOption {
                    id: next,
                    ..ChoiceOption::default()
                },
                move |v| s.emit(Rule::Options { options: v }),
                |k, o, change| {
                    let (c1, o1) = (change.clone(), o.clone());
                    let (c2, o2) = (change, o.clone());
                    html! { <>
                        {text_input(format!("{dom}-o{k}-label"), "Mức", &o.label, Callback::from(move |v: String| c1.emit(ChoiceOption { label: v, ..o1.clone() })))}
                        {dec_input(format!("{dom}-o{k}-pts"), "Điểm", o.points, Callback::from(move |v: Dec2| c2.emit(ChoiceOption { points: v, ..o2.clone() })))}
                    </> }
                },
                "Xóa mức",
            )
        }
        Rule::RatioBands {
            bands,
            numerator_label,
            denominator_label,
        } => {
            let s = set.clone();
            let put = move |b: Vec<RatioBand>| {
                s.emit(Rule::RatioBands {
                    bands: b,
                    numerator_label: numerator_label.clone(),
                    denominator_label: denominator_label.clone(),
                })
            };
            html! { <>
                {ratio_labels(dom, rule, set)}
                {list(&bands, "+ Khoảng", RatioBand { range: PctRange::new(Dec2::ZERO, true, Dec2::ZERO, false), points: Dec2::ZERO }, put, |k, b, change| {
                    let (c1, b1) = (change.clone(), b.clone());
                    let (c2, b2) = (change, b.clone());
                    html! { <>
                        <RangeFields dom={format!("{dom}-b{k}")} range={b.range} on_change={Callback::from(move |r| c1.emit(RatioBand { range: r, ..b1.clone() }))} />
                        {dec_input(format!("{dom}-b{k}-pts"), "Điểm", b.points, Callback::from(move |v: Dec2| c2.emit(RatioBand { points: v, ..b2.clone() })))}
                    </> }
                }, "Xóa khoảng")}
            </> }
        }
        Rule::CountBands { bands, max_count } => {
            let s = set.clone();
            let put = move |b: Vec<CountBand>| {
                s.emit(Rule::CountBands {
                    bands: b,
                    max_count,
                })
            };
            let (s3, b3) = (set.clone(), bands.clone());
            html! { <>
                {text_input(format!("{dom}-maxc"), "Số lượng tối đa (trống: không giới hạn)", &max_count.map(|m| m.to_string()).unwrap_or_default(),
                    Callback::from(move |v: String| s3.emit(Rule::CountBands { bands: b3.clone(), max_count: v.trim().parse().ok() })))}
                {list(&bands, "+ Khoảng", CountBand { min: 0, max: Some(0), points: Dec2::ZERO }, put, |k, b, change| {
                    let (c1, b1) = (change.clone(), b.clone());
                    let (c2, b2) = (change.clone(), b.clone());
                    let (c3, b3) = (change, b.clone());
                    html! { <>
                        {text_input(format!("{dom}-c{k}-min"), "Từ", &b.min.to_string(), Callback::from(move |v: String| if let Ok(n) = v.trim().parse::<u64>() { c1.emit(CountBand { min: n, ..b1.clone() }) }))}
                        {text_input(format!("{dom}-c{k}-max"), "Đến (trống: trở lên)", &b.max.map(|m| m.to_string()).unwrap_or_default(), Callback::from(move |v: String| c2.emit(CountBand { max: v.trim().parse::<u64>().ok(), ..b2.clone() })))}
                        {dec_input(format!("{dom}-c{k}-pts"), "Điểm", b.points, Callback::from(move |v: Dec2| c3.emit(CountBand { points: v, ..b3.clone() })))}
                    </> }
                }, "Xóa khoảng")}
            </> }
        }
        Rule::Proportional { .. } => ratio_labels(dom, rule, set),
        Rule::YesNo | Rule::Survey => html! {},
    }
}
