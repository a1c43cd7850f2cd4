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
    AdjustmentItem, Band, Decision, Field, Framework, PctRange, Rule, Status, UnitType,
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
    let ps = problems
        .iter()
        .filter(|p| p.path == id)
        .map(|p| p.to_string());
    let fl = draft
        .flags
        .iter()
        .filter(|f| f.id == id)
        .map(|f| format!("Cần hoàn thiện: {}", f.message));
    let source = draft.sources.iter().find(|s| s.id == id).map(|s| {
        html! { <SourceNote id={AttrValue::from(id.to_string())} text={AttrValue::from(s.text.clone())} /> }
    });
    html! { <>{ for ps.chain(fl).map(|m| html!{ <p class="error item-problem" role="alert">{m}</p> }) }{ source.unwrap_or_default() }</> }
}

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
    let on_checked = {
        let (ctx, id) = (ctx.clone(), p.id.clone());
        Callback::from(move |e: MouseEvent| {
            // this button goes: focus moves to the next item's
            let me = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok());
            let index = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector_all(SOURCE_BUTTONS).ok())
                .and_then(|l| {
                    (0..l.length()).find(|&i| l.item(i).is_some_and(|n| Some(&n) == me.as_ref()))
                })
                .unwrap_or(0) as usize;
            if let Some(cur) = ctx.draft.as_ref() {
                let mut nd = (**cur).clone();
                nd.sources.retain(|s| s.id != id.as_str());
                nd.flags.retain(|f| f.id != id.as_str());
                ctx.dispatch(Action::SetDraft(Some(Box::new(nd))));
                crate::services::focus_nth_later(
                    SOURCE_BUTTONS,
                    index,
                    ".editor [data-editor=status]",
                );
            }
        })
    };
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

    // Said beside the button too (the page's notice is at its top).
    let saved = use_state(|| None::<(String, Rc<Draft>)>);
    let on_use = {
        let (ctx, fw, saved, d) = (ctx.clone(), fw.clone(), saved.clone(), d.clone());
        Callback::from(move |_| {
            if let Some(existing) = ctx.framework(&fw.id, &fw.version) {
                if *existing != fw {
                    return ctx.dispatch(Action::Notify(Some(Notice::error(format!("Phiên bản {} của \"{}\" đã có và khác bản này: hãy đổi số phiên bản (ví dụ {}) để tạo phiên bản mới. Các bản tự đánh giá đang dùng phiên bản cũ được giữ nguyên và có thể chuyển sang phiên bản mới.", fw.version, fw.id, next_version(&fw.version))))));
                }
            }
            ctx.dispatch(Action::AddFramework(Box::new(fw.clone())));
            let m = format!("Đã lưu \"{}\" (phiên bản {}) vào trình duyệt: chọn được khi tạo bản tự đánh giá mới.", fw.title, fw.version);
            saved.set(Some((m.clone(), d.clone())));
            ctx.dispatch(Action::Notify(Some(Notice::info(m))));
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
    // A removal keeps the draft before it and after it: "Hoàn tác" is
    // offered while the draft is still the one after it (any later edit
    // withdraws the offer rather than undoing that edit too).
    let undo = use_state(|| None::<(String, Rc<Draft>, Rc<Draft>, bool)>);
    let removed = {
        let (ctx, undo) = (ctx.clone(), undo.clone());
        Callback::from(move |(message, f): Removal| {
            if let Some(cur) = ctx.draft.as_ref() {
                let mut nd = (**cur).clone();
                f(&mut nd);
                undo.set(Some((message, cur.clone(), Rc::new(nd.clone()), false)));
                ctx.dispatch(Action::SetDraft(Some(Box::new(nd))));
            }
        })
    };
    let undo_ref = use_node_ref();
    let close_ref = use_node_ref();
    {
        // the removed item's button is gone: focus goes to "Hoàn tác"
        let r = undo_ref.clone();
        let shown = undo.as_ref().map(|u| u.0.clone());
        let close = close_ref.clone();
        use_effect_with(shown, move |s| {
            if s.is_some() {
                // after "Hoàn tác" only "×" is left
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
        let (ctx, undo) = (ctx.clone(), undo.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some((m, before, _, false)) = (*undo).clone() {
                let what = m.strip_prefix("Đã ").unwrap_or(&m).trim_end_matches('.');
                undo.set(Some((
                    format!("Đã hoàn tác việc {}.", lower_first(what)),
                    before.clone(),
                    before.clone(),
                    true,
                )));
                ctx.dispatch(Action::SetDraft(Some(Box::new((*before).clone()))));
            }
        })
    };
    let on_undo_close = {
        let undo = undo.clone();
        Callback::from(move |_: MouseEvent| undo.set(None))
    };
    let undo_offer = undo
        .as_ref()
        .filter(|(_, _, after, _)| **after == *d)
        .map(|(m, _, _, done)| (m.clone(), *done));
    let on_clear_flags = {
        let (removed, nf, ns) = (removed.clone(), d.flags.len(), d.sources.len());
        Callback::from(move |_: MouseEvent| {
            removed.emit((
                format!("Đã bỏ {nf} đánh dấu cần hoàn thiện và {ns} ghi chú bảng gốc."),
                Rc::new(|d: &mut Draft| {
                    d.flags.clear();
                    d.sources.clear();
                }),
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
    let general_flags: Vec<String> = d
        .flags
        .iter()
        .filter(|x| at_no_item(&x.id))
        .map(|x| format!("Cần hoàn thiện ({}): {}", x.id, x.message))
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
            <div class={classes!("banner", if valid { "ok" } else { "warn" })} role="status" data-editor="status" tabindex="-1">
                if valid {
                    <p>{format!("Hợp lệ: tổng {} điểm. Có thể lưu để dùng và xuất tệp.", total.to_vi())}</p>
                } else {
                    <p>{format!("{} lỗi cần sửa (hiện ở từng mục). Chỉ xuất tệp được khi không còn lỗi.", problems.len())}</p>
                    <ul>{ for general.iter().map(|g| html!{ <li>{g.clone()}</li> }) }</ul>
                }
                if !general_flags.is_empty() {
                    <ul data-editor="general-flags">{ for general_flags.iter().map(|g| html!{ <li>{g.clone()}</li> }) }</ul>
                }
                if !d.flags.is_empty() || !d.sources.is_empty() {
                    <p data-editor="unchecked">{format!("{} mục đánh dấu cần hoàn thiện, {} mục chưa đối chiếu với bảng gốc. ", d.flags.len(), d.sources.len())}<button class="btn small" onclick={on_clear_flags}>{"Đã kiểm tra hết"}</button></p>
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
            {print_table(fw)}
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
                <button class="btn primary" onclick={on_use} disabled={!valid}>{"Lưu vào trình duyệt để dùng"}</button>
                <button class="btn" onclick={on_export} disabled={!valid}>{"Xuất tệp bộ tiêu chí (.json)"}</button>
                if *asking_discard {
                    <div data-editor="discard">
                        <Confirm question={format!("Bỏ bản nháp \"{}\"? Các chỉnh sửa chưa lưu vào trình duyệt hoặc xuất tệp sẽ mất.", fw.title)}
                            yes="Bỏ bản nháp" no="Giữ lại" on_yes={{ let d = on_discard.clone(); Callback::from(move |_| d.emit(())) }} on_no={on_keep} />
                    </div>
                } else {
                    <button class="btn danger-outline" onclick={{ let d = on_discard.clone(); Callback::from(move |_| d.emit(())) }}>{"Bỏ bản nháp"}</button>
                }
            </div>
            if let Some((m, _)) = saved.as_ref().filter(|(_, at)| **at == *d) {
                <p class="banner ok" role="status" data-editor="saved">{m.clone()}{" "}
                    <a href="#/moi">{"Tạo bản tự đánh giá theo bộ tiêu chí này"}</a></p>
            }
            if let Some((m, done)) = undo_offer {
                <div class="ed-undo" role="status" data-editor="undo">
                    <span>{m}</span>
                    if !done { <button class="btn small" ref={undo_ref} onclick={on_undo}>{"Hoàn tác"}</button> }
                    <button class="btn small" ref={close_ref} aria-label="Đóng thông báo" onclick={on_undo_close}>{"×"}</button>
                </div>
            }
        </section>
    }
}

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
fn print_table(fw: &Framework) -> Html {
    let row = |id: &str, title: &str, max: Dec2, how: String, level: &'static str| {
        html! { <tr class={level}><td>{id.to_string()}</td><td>{title.to_string()}</td><td class="num">{max.to_vi()}</td><td>{how}</td></tr> }
    };
    let mut rows = Vec::new();
    for f in &fw.fields {
        rows.push(row(&f.id, &f.title, f.max, String::new(), "lv-field"));
        for c in &f.criteria {
            let shared = c.subs.len() == 1 && c.subs[0].id == c.id;
            if !shared {
                rows.push(row(&c.id, &c.title, c.max, String::new(), "lv-crit"));
            }
            for x in &c.subs {
                let mut how = rule_words(&x.rule, x.max);
                if x.no_case_full_points {
                    how.push_str("; không phát sinh: điểm tối đa");
                }
                if x.may_be_not_applicable {
                    how.push_str("; có thể không áp dụng");
                }
                let level = if shared { "lv-crit" } else { "lv-sub" };
                rows.push(row(&x.id, &x.title, x.max, how, level));
            }
        }
    }
    html! {
        <table class="r-table ed-print print-only">
            <caption>{format!("{} (phiên bản {})", fw.title, fw.version)}</caption>
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
