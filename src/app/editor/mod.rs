//! "Bộ tiêu chí": the frameworks in this browser, and an editor for Sở Nội
//! vụ to enter its official criteria table — from a template, a copy, a
//! blank one or a table pasted from the decision — with the engine's own
//! checks shown at each item. Export and use are allowed only when valid.
//!
//! The draft lives in the app's state (autosaved by the root effect); each
//! edit is a [`Patch`] applied to the draft's framework.

use super::state::Action;
use super::widgets::{download, event_value, JSON};
use crate::engine::formats::file::MAX_FILE_BYTES;
use crate::engine::formats::paste::{self, Draft};
use crate::engine::formats::{framework, json};
use crate::engine::model::{Framework, Status, UnitType};
use crate::engine::Dec2;
use crate::services::files;
use std::rc::Rc;
use yew::prelude::*;

/// A change to the draft's framework.
pub type Patch = Rc<dyn Fn(&mut Framework)>;

/// Something removed from the draft, undoable: what to say, and the change.
pub type Removal = (String, Rc<dyn Fn(&mut Draft)>);

/// A button's callback removing something from the draft's framework
/// through `removed` (which keeps the draft before it for "Hoàn tác").
fn removal(
    removed: &Callback<Removal>,
    message: String,
    f: impl Fn(&mut Framework) + 'static,
) -> Callback<MouseEvent> {
    let (removed, f) = (removed.clone(), Rc::new(f));
    Callback::from(move |_: MouseEvent| {
        let f = f.clone();
        removed.emit((
            message.clone(),
            Rc::new(move |d: &mut Draft| f(&mut d.framework)),
        ))
    })
}

/// A callback that applies `$body` to the draft's framework, given the
/// value the event brings: `cb!(patch, String, |fw, v| fw.title = v)`.
macro_rules! cb {
    ($patch:expr, $t:ty, |$fw:ident, $v:ident| $body:expr) => {{
        let patch = $patch.clone();
        #[allow(unused_variables)]
        let body = std::rc::Rc::new(move |$fw: &mut Framework, $v: $t| {
            $body;
        });
        Callback::from(move |v: $t| {
            let body = body.clone();
            patch.emit(
                std::rc::Rc::new(move |fw: &mut Framework| body(fw, v.clone()))
                    as $crate::app::editor::Patch,
            )
        })
    }};
}

mod draft;
mod paste_box;
mod rule;
mod tree;

/// "2025.1" → "2025.2"; "1" → "2"; "abc" → "abc.1".
pub fn next_version(v: &str) -> String {
    match v.rsplit_once('.') {
        Some((head, n)) if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() => {
            format!("{head}.{}", n.parse::<u64>().unwrap_or(0) + 1)
        }
        _ if v.chars().all(|c| c.is_ascii_digit()) && !v.is_empty() => {
            (v.parse::<u64>().unwrap_or(0) + 1).to_string()
        }
        _ => format!("{v}.1"),
    }
}

fn blank(unit: UnitType) -> Framework {
    let mut fw = paste::parse("1\tLĩnh vực 1\t100\n1.1\tTiêu chí 1\t100\n1.1.1\tTiêu chí thành phần 1\t100\n\tĐạt: 100\n\tKhông đạt: 0\n", unit).framework;
    fw.title = "Bộ tiêu chí mới".into();
    fw
}

/// An input committing on change (decimals: "1,5" can be typed through "1,").
fn dec_input(id: String, label: &str, v: Dec2, cb: Callback<Dec2>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Some(d) = Dec2::parse(&event_value(&e)) {
            cb.emit(d);
        }
    });
    html! {
        <div class="field small-field">
            <label for={id.clone()}>{label.to_string()}</label>
            <input id={id} type="text" inputmode="decimal" value={v.to_vi()} {onchange} />
        </div>
    }
}

fn text_input(id: String, label: &str, v: &str, cb: Callback<String>) -> Html {
    let oninput = Callback::from(move |e: InputEvent| cb.emit(event_value(&e)));
    html! {
        <div class="field">
            <label for={id.clone()}>{label.to_string()}</label>
            <input id={id} type="text" value={v.to_string()} {oninput} />
        </div>
    }
}

/// A text of several lines (guidance, pasted rules), committing as typed.
fn text_area(id: String, label: &str, v: &str, cb: Callback<String>) -> Html {
    let oninput = Callback::from(move |e: InputEvent| cb.emit(event_value(&e)));
    let rows = (v.chars().count() / 70 + 1).clamp(2, 8).to_string();
    html! {
        <div class="field">
            <label for={id.clone()}>{label.to_string()}</label>
            <textarea id={id} rows={rows} value={v.to_string()} {oninput} />
        </div>
    }
}

/// Keys of the file name of an exported framework.
fn export_name(fw: &Framework) -> String {
    format!("bo-tieu-chi_{}_{}.json", fw.id, fw.version)
}

#[component]
pub fn FrameworksPage() -> Html {
    let ctx = super::use_app();
    let message = use_state(|| None::<(bool, String)>);
    // The draft a new one replaced, for "Khôi phục" (one step of undo).
    let previous = use_state(|| None::<Rc<Draft>>);
    let set_draft = {
        let (ctx, previous) = (ctx.clone(), previous.clone());
        Callback::from(move |d: Option<Draft>| {
            if let Some(cur) = ctx.draft.clone() {
                if d.as_ref() != Some(&*cur) {
                    previous.set(Some(cur));
                }
            }
            ctx.dispatch(Action::SetDraft(d.map(Box::new)))
        })
    };
    let on_restore = {
        let (ctx, previous) = (ctx.clone(), previous.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(p) = (*previous).clone() {
                previous.set(ctx.draft.clone());
                ctx.dispatch(Action::SetDraft(Some(Box::new((*p).clone()))));
            }
        })
    };
    let on_blank = {
        let sd = set_draft.clone();
        Callback::from(move |_| sd.emit(Some(Draft::of(blank(UnitType::So)))))
    };
    let on_load = {
        let (sd, m) = (set_draft.clone(), message.clone());
        Callback::from(move |e: Event| {
            let list = files::files_of_event(&e);
            files::reset_input(&e);
            let Some(f) = list.first().cloned() else {
                return;
            };
            let (sd, m) = (sd.clone(), m.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(bytes) = files::read(&f, MAX_FILE_BYTES).await else {
                    let msg = "Không đọc được tệp (hoặc tệp quá 5 MB).".to_string();
                    return m.set(Some((false, msg)));
                };
                let text = String::from_utf8_lossy(&bytes).to_string();
                // Loaded as a draft even with problems, so they can be fixed here.
                match json::read::<Framework>(&text) {
                    Ok(fw) => {
                        let msg = format!(
                            "Đã nạp \"{}\" (phiên bản {}) làm bản nháp.",
                            fw.title, fw.version
                        );
                        m.set(Some((true, msg)));
                        sd.emit(Some(Draft::of(fw)));
                    }
                    Err(_) => m.set(Some((
                        false,
                        framework::read(&text)
                            .err()
                            .map(|e| e.to_string())
                            .unwrap_or_default(),
                    ))),
                }
            });
        })
    };
    html! {
        <section class="page frameworks">
            <h1>{"Bộ tiêu chí"}</h1>
            <FrameworkList on_draft={set_draft.clone()} on_message={Callback::from({ let m = message.clone(); move |x| m.set(Some(x)) })} />
            <div class="toolbar">
                <button class="btn" onclick={on_blank}>{"Tạo bộ mới (trống)"}</button>
                <div class="field inline"><label for="fw-file">{"Nạp tệp bộ tiêu chí (.json)"}</label><input id="fw-file" type="file" accept=".json,application/json" onchange={on_load} /></div>
            </div>
            <paste_box::PasteBox on_draft={set_draft} on_message={Callback::from({ let m = message.clone(); move |x| m.set(Some(x)) })} />
            if let Some((ok, m)) = &*message { <p class={classes!("banner", if *ok { "ok" } else { "warn" })} role="status">{m.clone()}</p> }
            if let Some(p) = &*previous {
                <p class="banner" data-editor="replaced">{format!("Bản nháp \"{}\" đã được thay. ", p.framework.title)}
                    <button class="btn small" onclick={on_restore}>{"Khôi phục bản nháp trước"}</button></p>
            }
            if let Some(d) = &ctx.draft { <draft::DraftEditor draft={d.clone()} /> }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ListProps {
    pub on_draft: Callback<Option<Draft>>,
    pub on_message: Callback<(bool, String)>,
}

/// The frameworks in this browser: edit as a new version, copy, export.
#[component]
fn FrameworkList(p: &ListProps) -> Html {
    let ctx = super::use_app();
    let rows = ctx.frameworks.iter().enumerate().map(|(i, f)| {
        let built_in = i < ctx.built_in;
        let (sd, f2, m) = (p.on_draft.clone(), (**f).clone(), p.on_message.clone());
        let on_version = Callback::from(move |_| {
            let mut fw = f2.clone();
            fw.version = next_version(&fw.version);
            fw.status = Status::Official;
            m.emit((true, format!("Bản nháp phiên bản {} của \"{}\": các bản tự đánh giá đang dùng phiên bản {} được giữ nguyên.", fw.version, fw.title, f2.version)));
            sd.emit(Some(Draft::of(fw)));
        });
        let (sd, f3) = (p.on_draft.clone(), (**f).clone());
        let on_copy = Callback::from(move |_| {
            let mut fw = f3.clone();
            fw.id = format!("{}-ban-sao", fw.id);
            fw.version = "1".into();
            fw.title = format!("{} (bản sao)", fw.title);
            sd.emit(Some(Draft::of(fw)));
        });
        let f4 = f.clone();
        let on_export = download(&ctx, export_name(f), JSON, move || framework::write(&f4).into_bytes());
        html! {
            <tr key={format!("{}@{}", f.id, f.version)}>
                <td>{&f.title}</td><td>{&f.version}</td><td>{f.unit_type.label()}</td>
                <td>{ if f.is_template() { "Mẫu" } else { "Chính thức" } }{ if built_in { " · có sẵn" } else { " · nạp vào" } }</td>
                <td class="actions">
                    <button class="btn small" onclick={on_version} aria-label={format!("Sửa thành phiên bản mới: {}", f.title)}>{"Sửa thành phiên bản mới"}</button>
                    <button class="btn small" onclick={on_copy} aria-label={format!("Sao chép thành bộ mới: {}", f.title)}>{"Sao chép thành bộ mới"}</button>
                    <button class="btn small" onclick={on_export} aria-label={format!("Xuất tệp: {}", f.title)}>{"Xuất tệp"}</button>
                </td>
            </tr>
        }
    });
    html! {
        <div class="table-wrap" tabindex="0">
        <table class="list">
            <thead><tr><th scope="col">{"Bộ tiêu chí"}</th><th scope="col">{"Phiên bản"}</th><th scope="col">{"Loại đơn vị"}</th><th scope="col">{"Tình trạng"}</th><th scope="col"><span class="sr-only">{"Thao tác"}</span></th></tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
        </div>
    }
}
