//! Importing a self-assessment file: picker or drag-and-drop, one pure
//! import call, then a confirmation where warnings, a duplicate unit/period
//! or a replacement need the user's word. Nothing changes until then.

use super::route::Route;
use super::state::Action;

use crate::engine::formats::file::{self, Imported, MAX_FILE_BYTES};
use crate::services::files::{self, ReadError};
use crate::services::{self, storage};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
enum Step {
    Idle,
    Busy(String),
    Failed {
        name: String,
        msg: String,
    },
    Confirm {
        name: String,
        imported: Rc<Imported>,
        duplicate: Option<(String, String)>,
    },
    Done {
        name: String,
        id: String,
        label: String,
    },
}

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    /// Id of the open assessment to replace; `None` imports as a new one.
    #[prop_or_default]
    pub replace: Option<AttrValue>,
    /// Called after an import was saved (to refresh a list).
    #[prop_or_default]
    pub on_done: Callback<()>,
}

fn label_of(a: &crate::engine::Assessment) -> String {
    format!("{} — {} {}", a.unit_name, a.period.label(), a.year)
}

#[component]
pub fn ImportBox(p: &ImportProps) -> Html {
    let ctx = super::use_app();
    let step = use_state(|| Step::Idle);
    let input = use_node_ref();

    let handle = {
        let (ctx, step, replace) = (ctx.clone(), step.clone(), p.replace.clone());
        Callback::from(move |list: Vec<web_sys::File>| {
            let Some(f) = list.first().cloned() else {
                return;
            };
            if list.len() > 1 {
                step.set(Step::Failed {
                    name: String::new(),
                    msg: "Chỉ chọn một tệp mỗi lần.".into(),
                });
                return;
            }
            let name = f.name();
            step.set(Step::Busy(name.clone()));
            let (ctx, step, replace) = (ctx.clone(), step.clone(), replace.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = match files::read(&f, MAX_FILE_BYTES).await {
                    Ok(b) => b,
                    Err(ReadError::TooLarge(n)) => {
                        step.set(Step::Failed {
                            name,
                            msg: file::ImportError::TooLarge(n).to_string(),
                        });
                        return;
                    }
                    Err(ReadError::Failed) => {
                        step.set(Step::Failed {
                            name,
                            msg: "Không đọc được tệp.".into(),
                        });
                        return;
                    }
                };
                let id = replace
                    .as_ref()
                    .map_or_else(services::random_id, |r| r.to_string());
                match file::import(&bytes, &ctx.framework_list(), &id) {
                    Err(e) => step.set(Step::Failed {
                        name,
                        msg: e.to_string(),
                    }),
                    Ok(imp) => {
                        let duplicate = if replace.is_some() {
                            None
                        } else {
                            let a = &imp.assessment;
                            let unit = crate::services::lower(a.unit_name.trim());
                            storage::load_all()
                                .0
                                .into_iter()
                                .map(|s| s.assessment)
                                .find(|b| {
                                    b.year == a.year
                                        && crate::services::lower(b.unit_name.trim()) == unit
                                        && b.period == a.period
                                })
                                .map(|b| (b.id.clone(), label_of(&b)))
                        };
                        step.set(Step::Confirm {
                            name,
                            imported: Rc::new(imp),
                            duplicate,
                        });
                    }
                }
            });
        })
    };

    let commit = {
        let (ctx, step, replace, on_done) = (
            ctx.clone(),
            step.clone(),
            p.replace.clone(),
            p.on_done.clone(),
        );
        move |imp: Rc<Imported>, name: String, into: Option<String>| {
            let mut a = imp.assessment.clone();
            if let Some(id) = into {
                a.id = id;
            }
            if imp.framework_is_new {
                // Kept in this browser too; without it the assessment could not open later.
                if let Err(m) = storage::save_framework(&imp.framework) {
                    ctx.dispatch(Action::SaveFailed(m));
                }
                ctx.dispatch(Action::AddFramework(Box::new(imp.framework.clone())));
            }
            let label = label_of(&a);
            let id = a.id.clone();
            if replace.is_some() {
                ctx.dispatch(Action::Replace(Box::new(a)));
            } else if let Err(m) = storage::save(&a, &ctx.tab, &services::now_iso()) {
                step.set(Step::Failed { name, msg: m });
                return;
            }
            step.set(Step::Done { name, id, label });
            on_done.emit(());
        }
    };

    let on_change = {
        let handle = handle.clone();
        Callback::from(move |e: Event| {
            let list = files::files_of_event(&e);
            files::reset_input(&e);
            handle.emit(list);
        })
    };
    let on_pick = {
        let input = input.clone();
        Callback::from(move |_| {
            if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
                i.click();
            }
        })
    };
    let cancel = {
        let step = step.clone();
        Callback::from(move |_| step.set(Step::Idle))
    };

    let replacing = p.replace.is_some();
    let body = match &*step {
        Step::Idle => html! {},
        Step::Busy(n) => html! { <p role="status">{format!("Đang đọc tệp {n}…")}</p> },
        Step::Failed { name, msg } => html! {
            <div class="banner warn" role="alert" data-import="error">
                <p><strong>{ if name.is_empty() { "Không nhập được tệp.".to_string() } else { format!("Không nhập được tệp {name}.") } }</strong></p>
                <p>{msg.clone()}</p>
                <p class="muted">{"Dữ liệu hiện có không bị thay đổi."}</p>
            </div>
        },
        Step::Confirm {
            name,
            imported,
            duplicate,
        } => {
            let a = &imported.assessment;
            let s = crate::engine::score(&imported.framework, a);
            let go = |into: Option<String>, label: &str, primary: bool| {
                let (commit, imp, name) = (commit.clone(), imported.clone(), name.clone());
                let onclick =
                    Callback::from(move |_| commit(imp.clone(), name.clone(), into.clone()));
                html! { <button class={classes!("btn", primary.then_some("primary"))} {onclick}>{label.to_string()}</button> }
            };
            html! {
                <div class="banner confirm" role="alertdialog" aria-labelledby="import-q" data-import="confirm">
                    <p id="import-q"><strong>{format!("Tệp {name}: {} — chỉ số tính lại {}%", label_of(a), s.index.to_vi_fixed())}</strong></p>
                    if !imported.warnings.is_empty() {
                        <p>{"Cảnh báo (cần xem trước khi nhập):"}</p>
                        <ul class="warnings">{ for imported.warnings.iter().map(|w| html!{ <li>{w.to_string()}</li> }) }</ul>
                    }
                    if imported.framework_is_new {
                        <p>{format!("Tệp kèm bộ tiêu chí \"{}\" (phiên bản {}) chưa có trong trình duyệt này; bộ tiêu chí sẽ được lưu cùng.", imported.framework.title, imported.framework.version)}</p>
                    }
                    if replacing {
                        <p>{"Toàn bộ dữ liệu của bản đang mở sẽ được thay bằng nội dung tệp."}</p>
                        <p class="actions">{go(None, "Thay thế bằng nội dung tệp", true)}<button class="btn" onclick={cancel.clone()}>{"Hủy"}</button></p>
                    } else if let Some((dup_id, dup_label)) = duplicate {
                        <p>{format!("Trình duyệt đã có bản \"{dup_label}\" cùng đơn vị và kỳ báo cáo.")}</p>
                        <p class="actions">
                            {go(Some(dup_id.clone()), "Thay thế bản đang có", false)}
                            {go(None, "Giữ cả hai", true)}
                            <button class="btn" onclick={cancel.clone()}>{"Hủy"}</button>
                        </p>
                    } else {
                        <p class="actions">
                            {go(None, if imported.warnings.is_empty() { "Nhập" } else { "Vẫn nhập" }, true)}
                            <button class="btn" onclick={cancel.clone()}>{"Hủy"}</button>
                        </p>
                    }
                </div>
            }
        }
        Step::Done { name, id, label } => html! {
            <p class="banner ok" role="status" data-import="done">
                {format!("Đã nhập tệp {name}: {label}. ")}
                if !replacing {
                    <a href={Route::Checklist { id: id.clone(), criterion: None, sub: None }.href()}>{"Mở"}</a>
                }
            </p>
        },
    };

    html! {
        <super::widgets::DropZone on_files={handle.clone()}>
            <input ref={input} type="file" accept=".json,application/json" class="file-input" tabindex="-1" aria-hidden="true" onchange={on_change} />
            <button type="button" class="btn" onclick={on_pick}>
                { if replacing { "Nhập tệp thay thế bản này…" } else { "Nhập tệp tự đánh giá (.json)…" } }
            </button>
            <span class="muted">{" hoặc kéo thả tệp vào đây"}</span>
            {body}
        </super::widgets::DropZone>
    }
}
