//! The draft being edited: its checks, its metadata, bands and bonus and
//! deduction items, the tree, and saving or exporting it once valid.

use super::rule::RangeFields;
use super::tree::FieldEditor;
use super::{dec_input, export_name, next_version, removal, text_input, Patch, Removal};
use crate::app::state::{Action, Notice};
use crate::app::widgets::{check, download, event_value, Confirm, JSON};
use crate::engine::formats::framework;
use crate::engine::formats::paste::Draft;
use crate::engine::model::{
    AdjustmentItem, Band, Decision, Field, Framework, MissingSurvey, PctRange, Rule, Status,
    UnitType,
};
use crate::engine::{validate, Dec2, Problem};
use crate::services::{lower, upper};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DraftProps {
    pub draft: Rc<Draft>,
}

/// The problems and paste flags at one item (or part: "bands").
pub fn problems_at(problems: &[Problem], draft: &Draft, id: &str) -> Html {
    // a criterion scored at its own level and its one item share an id:
    // the same problem of both is said once
    let mut ps: Vec<String> = problems
        .iter()
        .filter(|p| p.path == id)
        .map(|p| p.to_string())
        .collect();
    ps.dedup();
    let ps = ps.into_iter();
    let fl = draft.flags.iter().filter(|f| f.id == id).map(|f| {
        html! { <FlagNote id={AttrValue::from(f.id.clone())} message={AttrValue::from(f.message.clone())} /> }
    });
    let source = draft.sources.iter().find(|s| s.id == id).map(|s| {
        html! { <SourceNote id={AttrValue::from(id.to_string())} text={AttrValue::from(s.text.clone())} /> }
    });
    html! { <>{ for ps.map(|m| html!{ <p class="error item-problem" role="alert">{m}</p> }) }{ for fl }{ source.unwrap_or_default() }</> }
}

#[derive(Properties, PartialEq)]
struct FlagProps {
    id: AttrValue,
    message: AttrValue,
}

/// What the paste could not settle at an item, until the user says it is
/// dealt with ("Đã xử lý": this flag only).
#[component]
fn FlagNote(p: &FlagProps) -> Html {
    let ctx = crate::app::use_app();
    let (id, m) = (p.id.clone(), p.message.clone());
    let on_done = dismiss(&ctx, FLAG_BUTTONS, move |d: &mut Draft| {
        if let Some(k) = d
            .flags
            .iter()
            .position(|f| f.id == id.as_str() && f.message == m.as_str())
        {
            d.flags.remove(k);
        }
    });
    html! {
        <p class="error item-problem" data-flag={p.id.clone()}>
            {format!("Cần hoàn thiện: {} ", p.message)}
            <button class="btn small" onclick={on_done} aria-label={format!("Đã xử lý ở mục {}: {}", p.id, p.message)}>{"Đã xử lý"}</button>
        </p>
    }
}

/// A button that takes its note off the draft (`f`) and so goes itself:
/// focus moves to the next of `buttons` (the one now in its place).
fn dismiss(
    ctx: &crate::app::Ctx,
    buttons: &'static str,
    f: impl Fn(&mut Draft) + 'static,
) -> Callback<MouseEvent> {
    let ctx = ctx.clone();
    Callback::from(move |e: MouseEvent| {
        let index = crate::services::index_among(buttons, &e);
        if let Some(cur) = ctx.draft.as_ref() {
            let mut nd = (**cur).clone();
            f(&mut nd);
            ctx.dispatch(Action::SetDraft(Some(Box::new(nd))));
            crate::services::focus_nth_later(buttons, index, ".editor [data-editor=status]");
        }
    })
}

/// The "Đã xử lý" buttons, in page order.
const FLAG_BUTTONS: &str = ".item-problem button, [data-editor=general-flags] button";

/// The "Đã kiểm tra" buttons, in page order.
const SOURCE_BUTTONS: &str = ".ed-source button";

#[derive(Properties, PartialEq)]
struct SourceProps {
    id: AttrValue,
    text: AttrValue,
}

/// The row(s) of the pasted table an item was read from, beside it until
/// the user has compared them ("Đã kiểm tra" also clears its flags).
#[component]
fn SourceNote(p: &SourceProps) -> Html {
    let ctx = crate::app::use_app();
    let id = p.id.clone();
    let on_checked = dismiss(&ctx, SOURCE_BUTTONS, move |d: &mut Draft| {
        d.sources.retain(|s| s.id != id.as_str());
        d.flags.retain(|f| f.id != id.as_str());
    });
    html! {
        <div class="ed-source" data-source={p.id.clone()}>
            <p class="ed-source-label">{"Trong bảng gốc:"}</p>
            <pre>{p.text.clone()}</pre>
            <button class="btn small" onclick={on_checked} aria-label={format!("Đã kiểm tra mục {} với bảng gốc", p.id)}>{"Đã kiểm tra"}</button>
        </div>
    }
}

#[component]
pub fn DraftEditor(p: &DraftProps) -> Html {
    let ctx = crate::app::use_app();
    let d = p.draft.clone();
    let fw = &d.framework;
    // Each patch applies to the newest draft (the handle reads the newest
    // state once dispatched), so quick edits never undo each other.
    let patch = {
        let ctx = ctx.clone();
        Callback::from(move |f: Patch| {
            if let Some(cur) = ctx.draft.as_ref() {
                let mut nd = (**cur).clone();
                f(&mut nd.framework);
                ctx.dispatch(Action::SetDraft(Some(Box::new(nd))));
            }
        })
    };
    let problems = validate(fw);
    let valid = problems.is_empty();
    let total: Dec2 = fw.fields.iter().map(|f| f.max).sum();

    // Said beside the button too (the page's notice is at its top), while
    // the draft is the one saved: (saved, what was said, the draft).
    let save_note = use_state(|| None::<(bool, String, Rc<Draft>)>);
    let save = {
        let (ctx, fw, note, d) = (ctx.clone(), fw.clone(), save_note.clone(), d.clone());
        Callback::from(move |()| {
            if let Some(existing) = ctx.framework(&fw.id, &fw.version) {
                if *existing != fw {
                    let m = format!("Phiên bản {} của \"{}\" đã có và khác bản này. Nếu đây là phiên bản mới của cùng bộ tiêu chí, hãy đổi số phiên bản (ví dụ {}): các bản tự đánh giá đang dùng phiên bản cũ được giữ nguyên và có thể chuyển sang phiên bản mới. Nếu đây là một bộ tiêu chí khác, hãy đổi mã bộ tiêu chí.", fw.version, fw.id, next_version(&fw.version));
                    note.set(Some((false, m.clone(), d.clone())));
                    return ctx.dispatch(Action::Notify(Some(Notice::error(m))));
                }
            }
            ctx.dispatch(Action::AddFramework(Box::new(fw.clone())));
            let m = format!("Đã lưu \"{}\" (phiên bản {}) vào trình duyệt: chọn được khi tạo bản tự đánh giá mới.", fw.title, fw.version);
            note.set(Some((true, m.clone(), d.clone())));
            ctx.dispatch(Action::Notify(Some(Notice::info(m))));
        })
    };
    // What is still open: saving asks first.
    let mut open_items: Vec<String> = Vec::new();
    if !d.flags.is_empty() {
        open_items.push(format!("{} mục còn đánh dấu cần hoàn thiện", d.flags.len()));
    }
    if !d.sources.is_empty() {
        open_items.push(format!(
            "{} mục chưa đối chiếu với bảng gốc",
            d.sources.len()
        ));
    }
    if fw.status == Status::Official
        && fw
            .decision
            .as_ref()
            .is_none_or(|x| x.number.trim().is_empty())
    {
        open_items.push("chưa ghi số Quyết định (bộ tiêu chí đang để \"Chính thức\")".into());
    }
    let asking_save = use_state(|| false);
    let on_use = {
        let (save, asking, open) = (save.clone(), asking_save.clone(), !open_items.is_empty());
        Callback::from(move |_: MouseEvent| {
            if open {
                asking.set(true);
            } else {
                save.emit(());
            }
        })
    };
    let on_export = {
        let fw2 = fw.clone();
        download(&ctx, export_name(fw), JSON, move || {
            framework::write(&fw2).into_bytes()
        })
    };
    // Discarding asks first: the draft may be hours of work.
    let asking_discard = use_state(|| false);
    let on_discard = {
        let (ctx, asking) = (ctx.clone(), asking_discard.clone());
        Callback::from(move |()| {
            if *asking {
                asking.set(false);
                ctx.dispatch(Action::SetDraft(None));
            } else {
                asking.set(true);
            }
        })
    };
    let on_keep = {
        let asking = asking_discard.clone();
        Callback::from(move |()| asking.set(false))
    };
    // Removals, newest last: (what was done, the draft before, after).
    // "Hoàn tác" undoes the newest while the draft is still the one after
    // it, then the one before it, and so on; any other edit in between
    // withdraws the offers rather than undoing that edit too.
    let undo = use_state(Vec::<(String, Rc<Draft>, Rc<Draft>)>::new);
    // what the last "Hoàn tác" did, while nothing else has changed
    let undone = use_state(|| None::<(String, Rc<Draft>)>);
    let removed = {
        let (ctx, undo, undone) = (ctx.clone(), undo.clone(), undone.clone());
        Callback::from(move |(message, f): Removal| {
            if let Some(cur) = ctx.draft.as_ref() {
                let mut nd = (**cur).clone();
                f(&mut nd);
                // what the paste said of the items removed goes with them
                let left = item_ids(&nd.framework);
                let gone: Vec<String> = item_ids(&cur.framework)
                    .into_iter()
                    .filter(|id| !left.contains(id))
                    .collect();
                nd.flags.retain(|x| !gone.contains(&x.id));
                nd.sources.retain(|x| !gone.contains(&x.id));
                let mut st = (*undo).clone();
                if st.last().is_some_and(|t| *t.2 != **cur) {
                    st.clear();
                }
                st.push((message, cur.clone(), Rc::new(nd.clone())));
                if st.len() > UNDO_STEPS {
                    st.remove(0);
                }
                undo.set(st);
                undone.set(None);
                ctx.dispatch(Action::SetDraft(Some(Box::new(nd))));
            }
        })
    };
    let offer = undo
        .last()
        .filter(|(_, _, after)| **after == *d)
        .map(|(m, _, _)| m.clone());
    let said_undone = undone
        .as_ref()
        .filter(|(_, at)| **at == *d)
        .map(|(m, _)| m.clone());
    let undo_ref = use_node_ref();
    let close_ref = use_node_ref();
    {
        // the removed item's button is gone: focus goes to "Hoàn tác"
        // (or, with nothing left to undo, to "×")
        let (r, close) = (undo_ref.clone(), close_ref.clone());
        let shown = (undo.len(), said_undone.clone());
        use_effect_with(shown, move |(n, u)| {
            if *n > 0 || u.is_some() {
                if let Some(b) = r
                    .cast::<web_sys::HtmlElement>()
                    .or_else(|| close.cast::<web_sys::HtmlElement>())
                {
                    let _ = b.focus();
                }
            }
        });
    }
    let on_undo = {
        let (ctx, undo, undone) = (ctx.clone(), undo.clone(), undone.clone());
        Callback::from(move |_: MouseEvent| {
            let mut st = (*undo).clone();
            if let Some((m, before, _)) = st.pop() {
                let what = m.strip_prefix("Đã ").unwrap_or(&m).trim_end_matches('.');
                undone.set(Some((
                    format!("Đã hoàn tác việc {}.", lower_first(what)),
                    before.clone(),
                )));
                undo.set(st);
                ctx.dispatch(Action::SetDraft(Some(Box::new((*before).clone()))));
            }
        })
    };
    let on_undo_close = {
        let (undo, undone) = (undo.clone(), undone.clone());
        Callback::from(move |_: MouseEvent| {
            undo.set(Vec::new());
            undone.set(None);
        })
    };
    // every item compared with the table at once; what the paste flagged
    // stays until dealt with, item by item
    let on_clear_sources = {
        let (removed, ns) = (removed.clone(), d.sources.len());
        Callback::from(move |_: MouseEvent| {
            removed.emit((
                format!("Đã bỏ {ns} ghi chú bảng gốc (đã đối chiếu hết)."),
                Rc::new(|d: &mut Draft| d.sources.clear()),
            ))
        })
    };
    // what is at no item: shown in the banner
    let at_no_item = |id: &str| {
        fw.fields.iter().all(|f| {
            f.id != id
                && f.criteria
                    .iter()
                    .all(|c| c.id != id && c.subs.iter().all(|s| s.id != id))
        })
    };
    // (the table's total, rows before any item)
    let general_flags: Vec<Html> = d
        .flags
        .iter()
        .filter(|x| at_no_item(&x.id))
        .map(|x| html! { <li><FlagNote id={AttrValue::from(x.id.clone())} message={AttrValue::from(x.message.clone())} /></li> })
        .collect();
    let general: Vec<String> = problems
        .iter()
        .filter(|p| at_no_item(&p.path))
        .map(|p| p.to_string())
        .collect();
    let fields_excludable: Rc<Vec<(String, String)>> = Rc::new(
        fw.fields
            .iter()
            .filter(|f| f.may_be_not_applicable)
            .map(|f| (f.id.clone(), f.title.clone()))
            .collect(),
    );
    // A large draft (a whole decision's table) opens with its fields closed,
    // except those with errors.
    let large = fw.subs().count() > 24;
    let field_has_errors = |f: &Field| {
        problems.iter().any(|p| {
            p.path == f.id
                || p.path
                    .strip_prefix(f.id.as_str())
                    .is_some_and(|r| r.starts_with('.'))
        })
    };
    let start_open: Vec<bool> = fw
        .fields
        .iter()
        .map(|f| !large || field_has_errors(f))
        .collect();
    let all_open = use_state(|| (0u32, false));
    let set_all = |o: bool| {
        let all_open = all_open.clone();
        Callback::from(move |_: MouseEvent| all_open.set((all_open.0 + 1, o)))
    };
    let problems = Rc::new(problems);
    let caps = caps_count(fw);
    let next_field = (fw.fields.len() + 1).to_string();
    html! {
        <section class="editor" aria-label="Soạn bộ tiêu chí">
            <h2>{format!("Bản nháp: {}", fw.title)}</h2>
            <div class={classes!("banner", if valid { "ok" } else { "warn" })} data-editor="status" tabindex="-1">
                if valid {
                    <p>{format!("Hợp lệ: tổng {} điểm. Có thể lưu để dùng và xuất tệp.", total.to_vi())}</p>
                } else {
                    <p>{format!("{} lỗi cần sửa (hiện ở từng mục). Chỉ xuất tệp được khi không còn lỗi.", problems.len())}</p>
                    <ul>{ for general.iter().map(|g| html!{ <li>{g.clone()}</li> }) }</ul>
                }
                if !general_flags.is_empty() {
                    <ul data-editor="general-flags">{ for general_flags }</ul>
                }
                if !d.flags.is_empty() || !d.sources.is_empty() {
                    <p data-editor="unchecked">{format!("{} mục đánh dấu cần hoàn thiện, {} mục chưa đối chiếu với bảng gốc. ", d.flags.len(), d.sources.len())}
                        if !d.sources.is_empty() { <button class="btn small" onclick={on_clear_sources}>{"Đã đối chiếu hết với bảng gốc"}</button> }</p>
                }
                if caps > 0 {
                    <p>{format!("{caps} tên mục viết HOA toàn bộ (như trong bảng dán vào). ")}
                        <button class="btn small" onclick={cb!(patch, MouseEvent, |fw, _e| sentence_case_all(fw))}>{"Chuyển thành chữ thường, viết hoa chữ đầu"}</button></p>
                }
            </div>
            <fieldset>
                <legend>{"Thông tin bộ tiêu chí"}</legend>
                {meta(fw, &patch)}
                {problems_at(&problems, &d, "bands")}
                {bands(fw, &patch, &removed)}
                {adjustments(fw, &patch, &removed, true)}
                {adjustments(fw, &patch, &removed, false)}
            </fieldset>
            {print_table(&d)}
            if fw.fields.len() > 1 {
                <p class="toolbar ed-all">
                    <button class="btn small" onclick={set_all(true)}>{"Mở tất cả lĩnh vực"}</button>
                    <button class="btn small" onclick={set_all(false)}>{"Thu gọn tất cả lĩnh vực"}</button>
                </p>
            }
            <ol class="ed-fields">
                { for fw.fields.iter().enumerate().map(|(fi, f)| html! {
                    <FieldEditor key={format!("f{fi}")} fi={fi} count={fw.fields.len()} field={f.clone()}
                        draft={d.clone()} problems={problems.clone()} excludable={fields_excludable.clone()} patch={patch.clone()} removed={removed.clone()} start_open={start_open[fi]} all_open={*all_open} />
                }) }
            </ol>
            <p><button class="btn" onclick={cb!(patch, MouseEvent, |fw, _e| fw.fields.push(Field { id: next_field.clone(), ..Field::default() }))}>{"+ Lĩnh vực"}</button></p>
            <div class="form-actions">
                if *asking_save {
                    <div data-editor="save-open">
                        <Confirm question={format!("Lưu khi còn: {}?", open_items.join("; "))} yes="Vẫn lưu" no="Quay lại hoàn thiện"
                            on_yes={{ let (s, a) = (save.clone(), asking_save.clone()); Callback::from(move |()| {
                                a.set(false);
                                s.emit(());
                                crate::services::focus_nth_later("[data-editor=saved] a, [data-editor=save-refused]", 0, ".editor .form-actions .btn.primary");
                            }) }}
                            on_no={{ let a = asking_save.clone(); Callback::from(move |()| {
                                a.set(false);
                                crate::services::focus_nth_later(".editor .form-actions .btn.primary", 0, ".editor");
                            }) }} />
                    </div>
                } else {
                    <button class="btn primary" onclick={on_use} disabled={!valid}>{"Lưu vào trình duyệt để dùng"}</button>
                }
                <button class="btn" onclick={on_export} disabled={!valid}>{"Xuất tệp bộ tiêu chí (.json)"}</button>
                if *asking_discard {
                    <div data-editor="discard">
                        <Confirm question={format!("Bỏ bản nháp \"{}\"? Các chỉnh sửa chưa lưu vào trình duyệt hoặc xuất tệp sẽ mất.", fw.title)}
                            yes="Bỏ bản nháp" no="Giữ lại" on_yes={{ let d = on_discard.clone(); Callback::from(move |_| d.emit(())) }}
                            on_no={{ let k = on_keep.clone(); Callback::from(move |()| {
                                k.emit(());
                                crate::services::focus_nth_later(".editor .form-actions .danger-outline", 0, ".editor");
                            }) }} />
                    </div>
                } else {
                    <button class="btn danger-outline" onclick={{ let d = on_discard.clone(); Callback::from(move |_| d.emit(())) }}>{"Bỏ bản nháp"}</button>
                }
            </div>
            if let Some((ok, m, _)) = save_note.as_ref().filter(|(_, _, at)| **at == *d) {
                if *ok {
                    <p class="banner ok" data-editor="saved">{m.clone()}{" "}
                        <a href="#/moi">{"Tạo bản tự đánh giá theo bộ tiêu chí này"}</a></p>
                } else {
                    <p class="banner warn" role="alert" data-editor="save-refused">{m.clone()}</p>
                }
            }
            if offer.is_some() || said_undone.is_some() {
                <div class="ed-undo" role="status" data-editor="undo">
                    if let Some(u) = &said_undone { <span>{u.clone()}</span> }
                    if let Some(m) = &offer {
                        <span>{ if said_undone.is_some() { format!("Trước đó: {}", lower_first(m)) } else { m.clone() } }</span>
                        <button class="btn small" ref={undo_ref} onclick={on_undo}>{"Hoàn tác"}</button>
                    }
                    <button class="btn small" ref={close_ref} aria-label="Đóng thông báo" onclick={on_undo_close}>{"×"}</button>
                </div>
            }
        </section>
    }
}

/// The ids of a framework's fields, criteria and sub-criteria.
fn item_ids(fw: &Framework) -> Vec<String> {
    let mut out = Vec::new();
    for f in &fw.fields {
        out.push(f.id.clone());
        for c in &f.criteria {
            out.push(c.id.clone());
            out.extend(c.subs.iter().map(|s| s.id.clone()));
        }
    }
    out
}

/// How many removals "Hoàn tác" can take back, one after another.
const UNDO_STEPS: usize = 20;

/// A rule in words, for the printed table.
fn rule_words(r: &Rule, max: Dec2) -> String {
    let pts = |p: Dec2| format!("{} điểm", p.to_vi());
    match r {
        Rule::Options { options } => options
            .iter()
            .map(|o| format!("{}: {}", o.label, pts(o.points)))
            .collect::<Vec<_>>()
            .join("; "),
        Rule::YesNo => format!("Đạt: {}; không đạt: 0 điểm", pts(max)),
        Rule::RatioBands { bands, .. } => bands
            .iter()
            .map(|b| format!("{}: {}", b.range.describe(), pts(b.points)))
            .collect::<Vec<_>>()
            .join("; "),
        Rule::Proportional { .. } => format!("Điểm = tỷ lệ × {}", pts(max)),
        Rule::CountBands { bands, .. } => bands
            .iter()
            .map(|b| format!("{}: {}", b.describe(), pts(b.points)))
            .collect::<Vec<_>>()
            .join("; "),
        Rule::Survey => "Theo kết quả điều tra xã hội học".into(),
    }
}

/// The draft as one table, printed instead of the editor's inputs (which
/// take two pages an item): STT | Nội dung | Điểm tối đa | Cách chấm.
fn print_table(d: &Draft) -> Html {
    let fw = &d.framework;
    let row = |id: &str, title: &str, max: Dec2, how: String, from: String, level: &'static str| {
        html! { <tr class={level}><td>{id.to_string()}</td><td>{title.to_string()}</td><td class="num">{max.to_vi()}</td>
        <td>{how}if !from.is_empty() { <span class="ed-print-from">{format!("Theo bảng: {from}")}</span> }</td></tr> }
    };
    let mut rows = Vec::new();
    for f in &fw.fields {
        rows.push(row(
            &f.id,
            &f.title,
            f.max,
            String::new(),
            String::new(),
            "lv-field",
        ));
        for c in &f.criteria {
            let shared = c.subs.len() == 1 && c.subs[0].id == c.id;
            if !shared {
                rows.push(row(
                    &c.id,
                    &c.title,
                    c.max,
                    String::new(),
                    String::new(),
                    "lv-crit",
                ));
            }
            for x in &c.subs {
                let mut how = rule_words(&x.rule, x.max);
                if x.no_case_full_points {
                    how.push_str("; không phát sinh: điểm tối đa");
                }
                if x.may_be_not_applicable {
                    how.push_str("; có thể không áp dụng");
                }
                match &x.period_rule {
                    crate::engine::model::PeriodRule::Unaffected => {}
                    crate::engine::model::PeriodRule::Cumulative { expected } => {
                        how.push_str(&format!(
                            "; theo kỳ: phải có {}/{}/{}/{} (quý I/6 tháng/quý III/năm)",
                            expected[0], expected[1], expected[2], expected[3]
                        ))
                    }
                    crate::engine::model::PeriodRule::DueByCutoff => {
                        how.push_str("; theo kỳ: tỷ lệ trên việc đến hạn trước ngày chốt số liệu")
                    }
                    crate::engine::model::PeriodRule::YearEnd => {
                        how.push_str("; theo kỳ: chỉ đánh giá vào cuối năm")
                    }
                }
                let level = if shared { "lv-crit" } else { "lv-sub" };
                // the table's own wording, when the rule says it otherwise
                let from = if x.guidance.trim().is_empty() || x.guidance == how {
                    String::new()
                } else {
                    x.guidance.clone()
                };
                rows.push(row(&x.id, &x.title, x.max, how, from, level));
            }
        }
    }
    let total: Dec2 = fw.fields.iter().map(|f| f.max).sum();
    let decision = fw
        .decision
        .as_ref()
        .filter(|x| !x.number.trim().is_empty())
        .map(|x| {
            if x.date.trim().is_empty() {
                format!(" · Quyết định số {}", x.number)
            } else {
                format!(" · Quyết định số {}, ngày {}", x.number, x.date)
            }
        })
        .unwrap_or_else(|| " · chưa ghi số Quyết định".into());
    let province = if fw.province.trim().is_empty() {
        String::new()
    } else {
        format!(" · tỉnh {}", fw.province)
    };
    html! {
        <table class="r-table ed-print print-only">
            <caption>{format!("{} (mã {}, phiên bản {}){province}{decision} · {} · tổng {} điểm", fw.title, fw.id, fw.version, fw.unit_type.label(), total.to_vi())}
                if !d.flags.is_empty() || !d.sources.is_empty() {
                    <span class="ed-print-open">{format!("Bản nháp: còn {} mục cần hoàn thiện, {} mục chưa đối chiếu với bảng gốc.", d.flags.len(), d.sources.len())}</span>
                }</caption>
            <colgroup><col class="c-id" /><col class="c-title" /><col class="c-max" /><col class="c-rule" /></colgroup>
            <thead><tr><th scope="col">{"STT"}</th><th scope="col">{"Lĩnh vực / Tiêu chí / Tiêu chí thành phần"}</th><th scope="col">{"Điểm tối đa"}</th><th scope="col">{"Cách chấm"}</th></tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// "Đã xóa …" → "đã xóa …".
fn lower_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => lower(&c.to_string()) + cs.as_str(),
        None => String::new(),
    }
}

fn meta(fw: &Framework, patch: &Callback<Patch>) -> Html {
    let on_unit = cb!(patch, Event, |fw, e| {
        fw.unit_type = match event_value(&e).as_str() {
            "xa" => UnitType::Xa,
            "huyen" => UnitType::Huyen,
            _ => UnitType::So,
        }
    });
    let on_status = cb!(patch, Event, |fw, e| {
        fw.status = if event_value(&e) == "template" {
            Status::Template
        } else {
            Status::Official
        }
    });
    let on_missing = cb!(patch, Event, |fw, e| {
        fw.missing_survey = if event_value(&e) == "scale" {
            MissingSurvey::Scale
        } else {
            MissingSurvey::Zero
        }
    });
    let decision = fw.decision.clone().unwrap_or_default();
    let units = [
        ("so", UnitType::So),
        ("xa", UnitType::Xa),
        ("huyen", UnitType::Huyen),
    ];
    html! {
        <div class="report-grid">
            {text_input("ed-meta-id".into(), "Mã bộ tiêu chí", &fw.id, cb!(patch, String, |fw, v| fw.id = v))}
            {text_input("ed-meta-version".into(), "Phiên bản", &fw.version, cb!(patch, String, |fw, v| fw.version = v))}
            {text_input("ed-meta-title".into(), "Tên bộ tiêu chí", &fw.title, cb!(patch, String, |fw, v| fw.title = v))}
            {text_input("ed-meta-province".into(), "Tỉnh", &fw.province, cb!(patch, String, |fw, v| fw.province = v))}
            <div class="field"><label for="ed-meta-unit">{"Loại đơn vị"}</label>
                <select id="ed-meta-unit" onchange={on_unit}>
                    { for units.iter().map(|(code, u)| html!{ <option value={*code} selected={*u == fw.unit_type}>{u.label()}</option> }) }
                </select></div>
            <div class="field"><label for="ed-meta-status">{"Tình trạng"}</label>
                <select id="ed-meta-status" onchange={on_status}>
                    <option value="official" selected={fw.status == Status::Official}>{"Chính thức (theo Quyết định)"}</option>
                    <option value="template" selected={fw.status == Status::Template}>{"Mẫu"}</option>
                </select></div>
            {text_input("ed-meta-from".into(), "Áp dụng từ năm", &fw.years.from.to_string(), cb!(patch, String, |fw, v| if let Ok(y) = v.trim().parse() { fw.years.from = y }))}
            {text_input("ed-meta-to".into(), "Đến năm (để trống: đến khi thay thế)", &fw.years.to.map(|y| y.to_string()).unwrap_or_default(), cb!(patch, String, |fw, v| fw.years.to = v.trim().parse().ok()))}
            {text_input("ed-meta-dec".into(), "Số Quyết định", &decision.number, cb!(patch, String, |fw, v| { let d = fw.decision.get_or_insert_with(Decision::default); d.number = v; }))}
            {text_input("ed-meta-dec-date".into(), "Ngày Quyết định (yyyy-mm-dd)", &decision.date, cb!(patch, String, |fw, v| { let d = fw.decision.get_or_insert_with(Decision::default); d.date = v; }))}
            {dec_input("ed-meta-bonus".into(), "Điểm thưởng tối đa", fw.bonus.cap, cb!(patch, Dec2, |fw, v| fw.bonus.cap = v))}
            {dec_input("ed-meta-ded".into(), "Điểm trừ tối đa", fw.deductions.cap, cb!(patch, Dec2, |fw, v| fw.deductions.cap = v))}
            <div class="field"><label for="ed-meta-missing">{"Đơn vị không có kết quả điều tra xã hội học"}</label>
                <select id="ed-meta-missing" onchange={on_missing} data-missing-survey="">
                    { for [("zero", MissingSurvey::Zero), ("scale", MissingSurvey::Scale)].into_iter().map(|(code, m)| html!{ <option value={code} selected={m == fw.missing_survey}>{m.label()}</option> }) }
                </select></div>
        </div>
    }
}

fn bands(fw: &Framework, patch: &Callback<Patch>, removed: &Callback<Removal>) -> Html {
    html! {
        <>
            <h3>{"Xếp loại theo chỉ số (%)"}</h3>
            <ol>
            { for fw.bands.iter().enumerate().map(|(k, b): (usize, &Band)| {
                let dom = format!("ed-band-{k}");
                html!{ <li key={k} class="ed-line">
                    {text_input(format!("{dom}-label"), "Xếp loại", &b.label, cb!(patch, String, |fw, v| fw.bands[k].label = v))}
                    <RangeFields dom={dom.clone()} range={b.range} on_change={cb!(patch, PctRange, |fw, r| fw.bands[k].range = r)} />
                    <button class="btn small danger-outline" aria-label={format!("Xóa xếp loại {}", b.label)} onclick={removal(removed, format!("Đã xóa xếp loại \"{}\".", b.label), move |fw| { if k < fw.bands.len() { fw.bands.remove(k); } })}>{"Xóa"}</button>
                </li> }
            }) }
            </ol>
            <button class="btn small" onclick={cb!(patch, MouseEvent, |fw, _e| fw.bands.push(Band { label: String::new(), range: PctRange::new(Dec2::ZERO, true, Dec2::ZERO, false) }))}>{"+ Xếp loại"}</button>
        </>
    }
}

fn adjustment_items(fw: &mut Framework, bonus: bool) -> &mut Vec<AdjustmentItem> {
    if bonus {
        &mut fw.bonus.items
    } else {
        &mut fw.deductions.items
    }
}

fn adjustments(
    fw: &Framework,
    patch: &Callback<Patch>,
    removed: &Callback<Removal>,
    bonus: bool,
) -> Html {
    let (which, title, items) = if bonus {
        ("bonus", "điểm thưởng", &fw.bonus.items)
    } else {
        ("deductions", "điểm trừ", &fw.deductions.items)
    };
    let letter = if bonus { "B" } else { "D" };
    html! {
        <div>
            <h3>{format!("Các mục {title}")}</h3>
            <ol>
            { for items.iter().enumerate().map(|(k, it)| {
                let dom = format!("ed-{which}-{k}");
                html!{ <li key={k} class="ed-line">
                    {text_input(format!("{dom}-title"), "Nội dung", &it.title, cb!(patch, String, |fw, v| adjustment_items(fw, bonus)[k].title = v))}
                    {dec_input(format!("{dom}-pts"), "Điểm", it.points, cb!(patch, Dec2, |fw, v| adjustment_items(fw, bonus)[k].points = v))}
                    {check("tính nhiều lần", it.repeatable, cb!(patch, bool, |fw, v| adjustment_items(fw, bonus)[k].repeatable = v))}
                    <button class="btn small danger-outline" aria-label={format!("Xóa mục {}", it.title)} onclick={removal(removed, format!("Đã xóa mục {title} \"{}\".", it.title), move |fw| { let v = adjustment_items(fw, bonus); if k < v.len() { v.remove(k); } })}>{"Xóa"}</button>
                </li> }
            }) }
            </ol>
            <button class="btn small" onclick={cb!(patch, MouseEvent, |fw, _e| { let v = adjustment_items(fw, bonus); let n = v.len() + 1; v.push(AdjustmentItem { id: format!("{letter}{n}"), ..AdjustmentItem::default() }); })}>{format!("+ Mục {title}")}</button>
        </div>
    }
}

/// Acronyms kept in capitals when a title is put in sentence case.
const ACRONYMS: [&str; 20] = [
    "CCHC", "TTHC", "UBND", "HĐND", "CNTT", "ISO", "TCVN", "CBCCVC", "CBCC", "VBQPPL", "QPPL",
    "PCI", "PAPI", "SIPAS", "XHH", "NQ", "QĐ", "KH", "DVC", "MTTQ",
];

/// Whether `t` is written in capitals (as pasted tables often are).
fn all_caps(t: &str) -> bool {
    t.chars().filter(|c| c.is_alphabetic()).count() > 3 && upper(t) == t && lower(t) != t
}

/// "CÔNG TÁC CHỈ ĐẠO CCHC" → "Công tác chỉ đạo CCHC".
fn sentence_case(t: &str) -> String {
    let low = lower(t);
    let mut out = String::new();
    for (orig, w) in t.split(' ').zip(low.split(' ')) {
        if !out.is_empty() {
            out.push(' ');
        }
        let bare = orig.trim_matches(|c: char| !c.is_alphanumeric());
        if ACRONYMS.contains(&bare) {
            out.push_str(orig);
        } else {
            out.push_str(w);
        }
    }
    let mut cs = out.chars();
    match cs.next() {
        Some(c) => upper(&c.to_string()) + cs.as_str(),
        None => out,
    }
}

/// Every title of the draft in capitals put in sentence case.
fn sentence_case_all(fw: &mut Framework) {
    let fix = |t: &mut String| {
        if all_caps(t) {
            *t = sentence_case(t);
        }
    };
    for f in &mut fw.fields {
        fix(&mut f.title);
        for c in &mut f.criteria {
            fix(&mut c.title);
            for s in &mut c.subs {
                fix(&mut s.title);
            }
        }
    }
}

fn caps_count(fw: &Framework) -> usize {
    fw.fields
        .iter()
        .flat_map(|f| {
            std::iter::once(&f.title).chain(
                f.criteria
                    .iter()
                    .flat_map(|c| std::iter::once(&c.title).chain(c.subs.iter().map(|s| &s.title))),
            )
        })
        .filter(|t| all_caps(t))
        .count()
}
