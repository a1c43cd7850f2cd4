//! Importing a self-assessment file: picker or drag-and-drop, one pure
//! import call, then a confirmation where warnings, a duplicate unit/period
//! or a replacement need the user's word. Nothing changes until then.

use super::route::Route;
use super::state::Action;
use crate::engine::formats::file::{self, Imported, MAX_FILE_BYTES};
use crate::engine::rules::appraisal as ra;
use crate::engine::Assessment;
use crate::services::files::{self, ReadError};
use crate::services::{self, lower};
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
}

fn label_of(a: &Assessment) -> String {
    format!("{} — {} {}", a.unit_name, a.period.label(), a.year)
}

/// Reads a chosen file and imports it (nothing stored yet).
async fn read_and_import(f: web_sys::File, ctx: super::Ctx, id: String) -> Step {
    let name = f.name();
    let bytes = match files::read(&f, MAX_FILE_BYTES).await {
        Ok(b) => b,
        Err(ReadError::TooLarge(n)) => {
            let msg = file::ImportError::TooLarge(n).to_string();
            return Step::Failed { name, msg };
        }
        Err(ReadError::Failed) => {
            let msg = "Không đọc được tệp.".into();
            return Step::Failed { name, msg };
        }
    };
    match file::import(&bytes, &ctx.framework_list(), &id) {
        Err(e) => Step::Failed {
            name,
            msg: e.to_string(),
        },
        Ok(imp) => Step::Confirm {
            name,
            imported: Rc::new(imp),
        },
    }
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
                let msg = "Chỉ chọn một tệp mỗi lần.".into();
                return step.set(Step::Failed {
                    name: String::new(),
                    msg,
                });
            }
            step.set(Step::Busy(f.name()));
            let id = replace
                .as_ref()
                .map_or_else(services::random_id, |r| r.to_string());
            let (ctx, step) = (ctx.clone(), step.clone());
            wasm_bindgen_futures::spawn_local(async move {
                step.set(read_and_import(f, ctx, id).await);
            });
        })
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
    let done = {
        let step = step.clone();
        Callback::from(move |(name, a): (String, Assessment)| {
            step.set(Step::Done {
                name,
                id: a.id.clone(),
                label: label_of(&a),
            })
        })
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
        Step::Confirm { name, imported } => confirm_import(
            &ctx,
            Confirm {
                name,
                imported,
                replacing,
                on_done: done,
                on_cancel: cancel,
            },
        ),
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

/// What the confirmation needs.
struct Confirm<'a> {
    name: &'a str,
    imported: &'a Rc<Imported>,
    replacing: bool,
    /// (file name, the assessment stored).
    on_done: Callback<(String, Assessment)>,
    on_cancel: Callback<MouseEvent>,
}

/// What the file holds, its warnings, and the user's choice: import,
/// replace the stored copy of the same unit and period, keep both, cancel.
fn confirm_import(ctx: &super::Ctx, p: Confirm) -> Html {
    let imp = p.imported;
    let a = &imp.assessment;
    // The same unit and period stored already (when importing as new).
    let duplicate = (!p.replacing)
        .then(|| {
            let unit = lower(a.unit_name.trim());
            ctx.saved
                .iter()
                .map(|s| &s.assessment)
                .find(|b| {
                    b.year == a.year && b.period == a.period && lower(b.unit_name.trim()) == unit
                })
                .map(|b| (b.id.clone(), label_of(b)))
        })
        .flatten();
    let s = crate::engine::score(&imp.framework, a);
    let go = |into: Option<String>, label: &str, primary: bool| {
        let (ctx, imp, name, done) = (
            ctx.clone(),
            imp.clone(),
            p.name.to_string(),
            p.on_done.clone(),
        );
        let replacing = p.replacing;
        let onclick = Callback::from(move |_| {
            let mut a = imp.assessment.clone();
            if let Some(id) = &into {
                a.id = id.clone();
            }
            // what it replaces keeps its submissions and appraisals
            let old = match &into {
                Some(id) => ctx
                    .saved
                    .iter()
                    .find(|s| s.assessment.id == *id)
                    .map(|s| s.assessment.clone()),
                None if replacing => ctx.current.as_ref().map(|c| (*c.assessment).clone()),
                None => None,
            };
            if let Some(old) = &old {
                ra::carry_rounds(old, &mut a);
            }
            if let Some(sub) = imp.submission.as_ref().filter(|_| imp.intact()) {
                ra::adopt_submission(&mut a, sub.revision, &sub.submitted_at, &imp.sha256);
            }
            if replacing {
                if imp.framework_is_new {
                    ctx.dispatch(Action::AddFramework(Box::new(imp.framework.clone())));
                }
                ctx.dispatch(Action::Replace(Box::new(a.clone())));
            } else {
                let framework = imp
                    .framework_is_new
                    .then(|| Box::new(imp.framework.clone()));
                ctx.dispatch(Action::Import {
                    assessment: Box::new(a.clone()),
                    framework,
                });
            }
            done.emit((name.clone(), a));
        });
        html! { <button class={classes!("btn", primary.then_some("primary"))} {onclick}>{label.to_string()}</button> }
    };
    html! {
        <div class="banner confirm" role="alertdialog" aria-labelledby="import-q" data-import="confirm">
            <p id="import-q"><strong>{format!("Tệp {}: {} — chỉ số {}tính lại {}%", p.name, label_of(a), if a.period == crate::engine::Period::Year { "" } else { "đến kỳ báo cáo " }, s.index.to_vi_fixed())}</strong></p>
            if !imp.warnings.is_empty() {
                <p>{"Cảnh báo (cần xem trước khi nhập):"}</p>
                <ul class="warnings">{ for imp.warnings.iter().map(|w| html!{ <li>{w.to_string()}</li> }) }</ul>
            }
            if imp.framework_is_new {
                <p>{format!("Tệp kèm bộ tiêu chí \"{}\" (phiên bản {}) chưa có trong trình duyệt này; bộ tiêu chí sẽ được lưu cùng.", imp.framework.title, imp.framework.version)}</p>
            }
            if p.replacing {
                <p>{"Toàn bộ dữ liệu của bản đang mở sẽ được thay bằng nội dung tệp (các lần nộp, kết quả thẩm định và giải trình đã có được giữ lại)."}</p>
                <p class="actions">{go(None, "Thay thế bằng nội dung tệp", true)}<button class="btn" onclick={p.on_cancel.clone()}>{"Hủy"}</button></p>
            } else if let Some((dup_id, dup_label)) = duplicate {
                <p>{format!("Trình duyệt đã có bản \"{dup_label}\" cùng đơn vị và kỳ báo cáo. Thay thế thì câu trả lời được thay bằng nội dung tệp; các lần nộp, kết quả thẩm định và giải trình của bản đang có được giữ lại.")}</p>
                <p class="actions">
                    {go(Some(dup_id.clone()), "Thay thế bản đang có", false)}
                    {go(None, "Giữ cả hai", true)}
                    <button class="btn" onclick={p.on_cancel.clone()}>{"Hủy"}</button>
                </p>
            } else {
                <p class="actions">
                    {go(None, if imp.warnings.is_empty() { "Nhập" } else { "Vẫn nhập" }, true)}
                    <button class="btn" onclick={p.on_cancel.clone()}>{"Hủy"}</button>
                </p>
            }
        </div>
    }
}
