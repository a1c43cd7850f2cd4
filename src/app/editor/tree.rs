//! The tree of the draft: a field with its criteria, a criterion with its
//! sub-criteria, a sub-criterion with its rule; each with its checks.

use super::draft::problems_at;
use super::rule::RuleEditor;
use super::{dec_input, removal, text_area, text_input, Patch, Removal};
use crate::app::widgets::{check, event_value};
use crate::engine::formats::paste::Draft;
use crate::engine::model::{Criterion, Field, Framework, PeriodRule, Rule, SubCriterion};
use crate::engine::{Dec2, Problem};
use std::rc::Rc;
use yew::prelude::*;

/// Up, down and remove buttons of an item at `i` of `n`; `what` it is
/// ("lĩnh vực", "tiêu chí" …) names them apart (a criterion and its one
/// sub-criterion share a number).
fn order_buttons(
    what: &str,
    id: &str,
    i: usize,
    n: usize,
    moved: Callback<usize>,
    remove: Callback<MouseEvent>,
) -> Html {
    let up = {
        let m = moved.clone();
        Callback::from(move |_| m.emit(i.saturating_sub(1)))
    };
    let down = Callback::from(move |_| moved.emit(i + 1));
    html! {
        <div class="ed-order">
            <button class="btn small" onclick={up} disabled={i == 0} aria-label={format!("Lên trên: {what} {id}")}>{"↑"}</button>
            <button class="btn small" onclick={down} disabled={i + 1 >= n} aria-label={format!("Xuống dưới: {what} {id}")}>{"↓"}</button>
            <button class="btn small danger-outline" onclick={remove} aria-label={format!("Xóa {what} {id}")}>{"Xóa"}</button>
        </div>
    }
}

/// Moves item `from` of `v` to position `to`.
fn move_item<T>(v: &mut Vec<T>, from: usize, to: usize) {
    if from < v.len() {
        let x = v.remove(from);
        let to = to.min(v.len());
        v.insert(to, x);
    }
}

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub fi: usize,
    pub count: usize,
    pub field: Field,
    pub draft: Rc<Draft>,
    pub problems: Rc<Vec<Problem>>,
    /// Fields that may be declared not applicable: (id, title).
    pub excludable: Rc<Vec<(String, String)>>,
    pub patch: Callback<Patch>,
    /// Removals go through here (undoable).
    pub removed: Callback<Removal>,
    /// Shown open at first (a large draft starts with its fields closed,
    /// except those with errors: thousands of inputs drawn at once are slow
    /// and hard to survey).
    pub start_open: bool,
    /// "Mở/Thu gọn tất cả": (how many times asked, open) — each ask sets
    /// every field, later toggles stay each field's own.
    pub all_open: (u32, bool),
}

/// Whether `id` is `field` or an item under it.
fn under(id: &str, field: &str) -> bool {
    id == field || id.strip_prefix(field).is_some_and(|r| r.starts_with('.'))
}

#[component]
pub fn FieldEditor(p: &FieldProps) -> Html {
    let (fi, f, patch) = (p.fi, &p.field, &p.patch);
    let dom = format!("ed-{fi}");
    let next_crit = format!("{}.{}", f.id, f.criteria.len() + 1);
    let open = use_state(|| p.start_open);
    {
        let open = open.clone();
        use_effect_with(p.all_open, move |(n, o)| {
            if *n > 0 {
                open.set(*o);
            }
        });
    }
    let subs = f.criteria.iter().map(|c| c.subs.len()).sum::<usize>();
    let errors = p.problems.iter().filter(|x| under(&x.path, &f.id)).count();
    let flags = p.draft.flags.iter().filter(|x| under(&x.id, &f.id)).count();
    let unchecked = p
        .draft
        .sources
        .iter()
        .filter(|x| under(&x.id, &f.id))
        .count();
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let mut counts = vec![format!(
        "{} tiêu chí, {subs} tiêu chí thành phần",
        f.criteria.len()
    )];
    if errors > 0 {
        counts.push(format!("{errors} lỗi"));
    }
    if flags > 0 {
        counts.push(format!("{flags} mục cần hoàn thiện"));
    }
    if unchecked > 0 {
        counts.push(format!("{unchecked} mục chưa đối chiếu"));
    }
    html! {
        <li class="ed-field">
            <div class="ed-row">
                {text_input(format!("{dom}-id"), "Mã", &f.id, cb!(patch, String, |fw, v| fw.fields[fi].id = v))}
                {text_input(format!("{dom}-title"), "Lĩnh vực", &f.title, cb!(patch, String, |fw, v| fw.fields[fi].title = v))}
                {dec_input(format!("{dom}-max"), "Điểm tối đa", f.max, cb!(patch, Dec2, |fw, v| fw.fields[fi].max = v))}
                {order_buttons("lĩnh vực", &f.id, fi, p.count, cb!(patch, usize, |fw, to| move_item(&mut fw.fields, fi, to)), removal(&p.removed, format!("Đã xóa lĩnh vực {} \"{}\" ({} tiêu chí, {subs} tiêu chí thành phần).", f.id, f.title, f.criteria.len()), move |fw| { if fi < fw.fields.len() { fw.fields.remove(fi); } }))}
            </div>
            {problems_at(&p.problems, &p.draft, &f.id)}
            <p class="ed-field-summary">
                <span data-field-summary={f.id.clone()}>{counts.join(" · ")}</span>{" "}
                <button class="btn small" aria-expanded={(*open).to_string()} aria-controls={format!("{dom}-body")} onclick={toggle}>
                    { if *open { format!("Thu gọn lĩnh vực {}", f.id) } else { format!("Mở lĩnh vực {}", f.id) } }
                </button>
            </p>
            if *open {
            <div id={format!("{dom}-body")}>
            {check("Có thể khai báo \"không áp dụng\" cho cả lĩnh vực (đơn vị không có TTHC)", f.may_be_not_applicable, cb!(patch, bool, |fw, v| fw.fields[fi].may_be_not_applicable = v))}
            <ol class="ed-crits">
                { for f.criteria.iter().enumerate().map(|(ci, c)| html! {
                    <CriterionEditor key={format!("c{ci}")} fi={fi} ci={ci} count={f.criteria.len()} field_id={f.id.clone()} criterion={c.clone()}
                        draft={p.draft.clone()} problems={p.problems.clone()} excludable={p.excludable.clone()} patch={patch.clone()} removed={p.removed.clone()} />
                }) }
            </ol>
            <button class="btn small" onclick={cb!(patch, MouseEvent, |fw, _e| fw.fields[fi].criteria.push(Criterion { id: next_crit.clone(), ..Criterion::default() }))}>{format!("+ Tiêu chí (lĩnh vực {})", f.id)}</button>
            </div>
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct CriterionProps {
    pub fi: usize,
    pub ci: usize,
    pub count: usize,
    pub field_id: AttrValue,
    pub criterion: Criterion,
    pub draft: Rc<Draft>,
    pub problems: Rc<Vec<Problem>>,
    pub excludable: Rc<Vec<(String, String)>>,
    pub patch: Callback<Patch>,
    pub removed: Callback<Removal>,
}

#[component]
pub fn CriterionEditor(p: &CriterionProps) -> Html {
    let (fi, ci, c, patch) = (p.fi, p.ci, &p.criterion, &p.patch);
    let dom = format!("ed-{fi}-{ci}");
    let next_sub = format!("{}.{}", c.id, c.subs.len() + 1);
    let on_with = {
        let cb = cb!(patch, String, |fw, v| fw.fields[fi].criteria[ci]
            .excluded_with =
            (!v.is_empty()).then_some(v));
        Callback::from(move |e: Event| cb.emit(event_value(&e)))
    };
    html! {
        <li class="ed-crit">
            <div class="ed-row">
                {text_input(format!("{dom}-id"), "Mã", &c.id, cb!(patch, String, |fw, v| fw.fields[fi].criteria[ci].id = v))}
                {text_input(format!("{dom}-title"), "Tiêu chí", &c.title, cb!(patch, String, |fw, v| fw.fields[fi].criteria[ci].title = v))}
                {dec_input(format!("{dom}-max"), "Điểm tối đa", c.max, cb!(patch, Dec2, |fw, v| fw.fields[fi].criteria[ci].max = v))}
                {order_buttons("tiêu chí", &c.id, ci, p.count, cb!(patch, usize, |fw, to| move_item(&mut fw.fields[fi].criteria, ci, to)), removal(&p.removed, format!("Đã xóa tiêu chí {} \"{}\" ({} tiêu chí thành phần).", c.id, c.title, c.subs.len()), move |fw| { if let Some(f) = fw.fields.get_mut(fi) { if ci < f.criteria.len() { f.criteria.remove(ci); } } }))}
            </div>
            {problems_at(&p.problems, &p.draft, &c.id)}
            {check("Có thể khai báo \"không áp dụng\" cho cả tiêu chí", c.may_be_not_applicable, cb!(patch, bool, |fw, v| fw.fields[fi].criteria[ci].may_be_not_applicable = v))}
            <div class="field"><label for={format!("{dom}-with")}>{"Không áp dụng khi lĩnh vực sau không áp dụng (ví dụ: đơn vị không có TTHC)"}</label>
                <select id={format!("{dom}-with")} onchange={on_with}>
                    <option value="" selected={c.excluded_with.is_none()}>{"Không gắn với lĩnh vực nào (luôn được chấm)"}</option>
                    { for p.excludable.iter().filter(|(id, _)| id.as_str() != p.field_id.as_str()).map(|(id, title)| html!{ <option value={id.clone()} selected={c.excluded_with.as_deref() == Some(id.as_str())}>{format!("Lĩnh vực {id}. {title}")}</option> }) }
                </select></div>
            <ol class="ed-subs">
                { for c.subs.iter().enumerate().map(|(si, s)| html! {
                    <SubEditor key={format!("s{si}")} fi={fi} ci={ci} si={si} count={c.subs.len()} sub={s.clone()} shared={s.id == c.id}
                        draft={p.draft.clone()} problems={p.problems.clone()} patch={patch.clone()} removed={p.removed.clone()} />
                }) }
            </ol>
            <button class="btn small" onclick={cb!(patch, MouseEvent, |fw, _e| fw.fields[fi].criteria[ci].subs.push(SubCriterion { id: next_sub.clone(), rule: Rule::YesNo, ..SubCriterion::default() }))}>{format!("+ Tiêu chí thành phần ({})", c.id)}</button>
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct SubProps {
    pub fi: usize,
    pub ci: usize,
    pub si: usize,
    pub count: usize,
    pub sub: SubCriterion,
    /// Scored at the criterion level (same id): its checks are shown there.
    pub shared: bool,
    pub draft: Rc<Draft>,
    pub problems: Rc<Vec<Problem>>,
    pub patch: Callback<Patch>,
    pub removed: Callback<Removal>,
}

/// The sub-criterion `(fi, ci, si)` of a framework.
fn sub_mut(fw: &mut Framework, fi: usize, ci: usize, si: usize) -> Option<&mut SubCriterion> {
    fw.fields
        .get_mut(fi)?
        .criteria
        .get_mut(ci)?
        .subs
        .get_mut(si)
}

#[component]
pub fn SubEditor(p: &SubProps) -> Html {
    let (fi, ci, si, s, patch) = (p.fi, p.ci, p.si, &p.sub, &p.patch);
    let dom = format!("ed-{fi}-{ci}-{si}");
    // Every field of the sub-criterion is set through `at`.
    macro_rules! at {
        ($t:ty, |$x:ident, $v:ident| $body:expr) => {
            cb!(
                patch,
                $t,
                |fw, $v| if let Some($x) = sub_mut(fw, fi, ci, si) {
                    $body;
                }
            )
        };
    }
    html! {
        <li class="ed-sub" data-ed-sub={s.id.clone()}>
            <div class="ed-row">
                {text_input(format!("{dom}-id"), "Mã", &s.id, at!(String, |x, v| x.id = v))}
                {text_input(format!("{dom}-title"), "Tiêu chí thành phần", &s.title, at!(String, |x, v| x.title = v))}
                {dec_input(format!("{dom}-max"), "Điểm tối đa", s.max, at!(Dec2, |x, v| x.max = v))}
                {order_buttons("tiêu chí thành phần", &s.id, si, p.count, cb!(patch, usize, |fw, to| move_item(&mut fw.fields[fi].criteria[ci].subs, si, to)), removal(&p.removed, format!("Đã xóa tiêu chí thành phần {} \"{}\".", s.id, s.title), move |fw| { if let Some(c) = fw.fields.get_mut(fi).and_then(|f| f.criteria.get_mut(ci)) { if si < c.subs.len() { c.subs.remove(si); } } }))}
            </div>
            if !p.shared { {problems_at(&p.problems, &p.draft, &s.id)} }
            {text_area(format!("{dom}-guid"), "Hướng dẫn", &s.guidance, at!(String, |x, v| x.guidance = v))}
            {text_input(format!("{dom}-ev"), "Gợi ý tài liệu kiểm chứng", &s.evidence_hint, at!(String, |x, v| x.evidence_hint = v))}
            <div class="flags">
                {check("Cho phép \"không phát sinh\" (được điểm tối đa)", s.no_case_full_points, at!(bool, |x, v| x.no_case_full_points = v))}
                {check("Cho phép \"không áp dụng\"", s.may_be_not_applicable, at!(bool, |x, v| x.may_be_not_applicable = v))}
            </div>
            <RuleEditor dom={dom.clone()} rule={s.rule.clone()} on_change={at!(Rule, |x, r| x.rule = r)} />
            {period_rule_editor(&dom, s, at!(PeriodRule, |x, r| x.period_rule = r))}
        </li>
    }
}

/// How the item is judged before the year ends: a choice, and for a
/// count that grows the four counts due.
fn period_rule_editor(dom: &str, s: &SubCriterion, set: Callback<PeriodRule>) -> Html {
    const KINDS: [(&str, &str); 4] = [
        ("unaffected", "Như nhau ở mọi kỳ"),
        (
            "cumulative",
            "Số lượng tăng dần theo kỳ (ví dụ báo cáo quý: 1, 2, 3, 4)",
        ),
        (
            "due_by_cutoff",
            "Tỷ lệ trên việc đến hạn trước ngày chốt số liệu",
        ),
        ("year_end", "Chỉ đánh giá vào cuối năm"),
    ];
    let current = match &s.period_rule {
        PeriodRule::Unaffected => "unaffected",
        PeriodRule::Cumulative { .. } => "cumulative",
        PeriodRule::DueByCutoff => "due_by_cutoff",
        PeriodRule::YearEnd => "year_end",
    };
    let on_kind = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            set.emit(match event_value(&e).as_str() {
                "cumulative" => PeriodRule::Cumulative {
                    expected: [1, 2, 3, 4],
                },
                "due_by_cutoff" => PeriodRule::DueByCutoff,
                "year_end" => PeriodRule::YearEnd,
                _ => PeriodRule::Unaffected,
            })
        })
    };
    let counts = match &s.period_rule {
        PeriodRule::Cumulative { expected } => {
            let expected = *expected;
            html! {
                <div class="ed-row ed-due" data-ed-due="">
                    { for crate::engine::Period::ALL.iter().enumerate().map(|(k, p)| {
                        let set = set.clone();
                        let cb = Callback::from(move |v: String| {
                            if let Ok(n) = v.trim().parse::<u64>() {
                                let mut e = expected;
                                e[k] = n;
                                set.emit(PeriodRule::Cumulative { expected: e });
                            }
                        });
                        text_input(format!("{dom}-due{k}"), &format!("Phải có đến {} ({})", p.cutoff_short(), p.label()), &expected[k].to_string(), cb)
                    }) }
                </div>
            }
        }
        _ => Html::default(),
    };
    html! {
        <div class="ed-period">
            <div class="field inline">
                <label for={format!("{dom}-period")}>{"Chấm theo kỳ báo cáo"}</label>
                <select id={format!("{dom}-period")} onchange={on_kind}>
                    { for KINDS.iter().map(|(k, l)| html!{ <option value={*k} selected={*k == current}>{*l}</option> }) }
                </select>
            </div>
            {counts}
        </div>
    }
}
