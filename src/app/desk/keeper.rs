//! Keeps Sở Nội vụ's batch in the browser (IndexedDB: a batch is too large
//! for localStorage) so a reload, or a unit's page opened from the batch,
//! finds it again. A root effect of the full build: pages do not store.

use super::yield_now;
use crate::app::state::{Action, Desk, DeskFile, Notice};
use crate::engine::formats::batch::{recheck, Kept, KeptFile, KeptPeriod};
use crate::engine::model::Framework;
use crate::engine::rules::consolidate::Outcome;
use crate::services::idb;
use std::rc::Rc;
use yew::prelude::*;

const KEY: &str = "desk";

fn kept_files(files: &[DeskFile]) -> Vec<KeptFile> {
    files
        .iter()
        .map(|f| match f {
            DeskFile::Text(name, text) => KeptFile {
                name: name.clone(),
                text: text.to_string(),
                refused: String::new(),
            },
            DeskFile::Unread(name, why) => KeptFile {
                name: name.clone(),
                text: String::new(),
                refused: why.clone(),
            },
        })
        .collect()
}

fn kept(d: &Desk) -> Kept {
    let mut chosen: Vec<usize> = d.chosen.values().copied().collect();
    chosen.sort_unstable();
    Kept {
        files: kept_files(&d.files),
        previous: kept_files(&d.previous_files),
        chosen,
        period: d.period.map(|(year, period)| KeptPeriod { year, period }),
    }
}

/// Kept files checked again, yielding to the page between slices of work.
async fn read(
    list: &[KeptFile],
    start: usize,
    known: &[Rc<Framework>],
    plain: &[Framework],
) -> (Vec<crate::engine::rules::consolidate::Entry>, Vec<DeskFile>) {
    let mut entries = Vec::new();
    let mut files = Vec::new();
    let mut since = js_sys::Date::now();
    for (i, f) in list.iter().enumerate() {
        entries.push(recheck(f, known, plain, start + i));
        files.push(if f.refused.is_empty() {
            DeskFile::Text(f.name.clone(), f.text.as_str().into())
        } else {
            DeskFile::Unread(f.name.clone(), f.refused.clone())
        });
        if js_sys::Date::now() - since > 40.0 {
            yield_now().await;
            since = js_sys::Date::now();
        }
    }
    (entries, files)
}

/// The kept batch, checked again against the frameworks the desk has now.
async fn restore(k: Kept, known: Rc<Vec<Rc<Framework>>>) -> Desk {
    let plain: Vec<Framework> = known.iter().map(|f| (**f).clone()).collect();
    let mut d = Desk::default();
    (d.entries, d.files) = read(&k.files, 0, &known, &plain).await;
    (d.previous, d.previous_files) = read(&k.previous, 100_000, &known, &plain).await;
    for i in k.chosen {
        if let Some(Outcome::Checked(c)) = d.entries.get(i).map(|e| &e.outcome) {
            d.chosen.insert(c.key(), i);
        }
    }
    d.period = k.period.map(|p| (p.year, p.period));
    d
}

/// Reads the kept batch back once, then keeps every change of it.
#[component]
pub fn DeskKeeper() -> Html {
    let ctx = crate::app::use_app();
    // (the rounds read back yet, the text last read or written)
    let seen: Seen = use_mut_ref(|| (false, None::<String>));
    {
        let (ctx, seen) = (ctx.clone(), seen.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                // The rounds first: the batch's read-back is what opens
                // the appraisal pages, so none is edited before its
                // rounds are in (and then replaced by them).
                read_rounds(&ctx, &seen).await;
                let desk = match idb::get(KEY).await {
                    Ok(Some(text)) => match Kept::decode(&text) {
                        Some(k) => restore(k, ctx.frameworks.clone()).await,
                        None => Desk::default(),
                    },
                    _ => Desk::default(),
                };
                ctx.dispatch(Action::DeskRestore(Box::new(desk)));
            });
        });
    }
    {
        let (ctx, desk) = (ctx.clone(), ctx.desk.clone());
        use_effect_with(Rc::as_ptr(&desk) as usize, move |_| {
            if desk.ready {
                let text = (!desk.files.is_empty() || !desk.previous_files.is_empty())
                    .then(|| kept(&desk).encode());
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(m) = idb::set(KEY, text.as_deref()).await {
                        let m = format!("{m} Danh sách tệp sẽ không còn sau khi tải lại trang.");
                        ctx.dispatch(Action::Notify(Some(Notice::error(m))));
                    }
                });
            }
        });
    }
    use_rounds_keeper(&ctx, seen);
    html! {}
}

const ROUNDS_KEY: &str = "desk-rounds";

type Seen = Rc<std::cell::RefCell<(bool, Option<String>)>>;

/// Reads the kept rounds back (once, at start).
async fn read_rounds(ctx: &crate::app::Ctx, seen: &Seen) {
    use crate::engine::formats::json;
    use crate::engine::model::appraisal::DeskRounds;
    let text = idb::get(ROUNDS_KEY).await.ok().flatten();
    let r: Option<DeskRounds> = text
        .as_deref()
        .and_then(|t| t.split_once('\n'))
        .and_then(|(_, j)| json::read(j).ok());
    *seen.borrow_mut() = (true, text);
    if let Some(r) = r {
        ctx.dispatch(Action::DeskRounds(Rc::new(r)));
    }
}

/// The appraisal rounds: read back once, then every change kept (first
/// line the tab that wrote it, then the JSON). A change saved by another
/// tab since this one read or wrote pauses saving here, so neither
/// overwrites the other's appraisals.
#[hook]
fn use_rounds_keeper(ctx: &crate::app::Ctx, seen: Seen) {
    use crate::engine::formats::json::ToJson;
    let (ctx, rounds) = (ctx.clone(), ctx.rounds.clone());
    use_effect_with(Rc::as_ptr(&rounds.0) as usize, move |_| {
        if !seen.borrow().0 || ctx.rounds_conflict {
            return;
        }
        let text = format!("{}\n{}", ctx.tab, rounds.to_json().compact());
        if seen.borrow().1.as_deref() == Some(text.as_str()) {
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let now = idb::get(ROUNDS_KEY).await.ok().flatten();
            let mine = now
                .as_deref()
                .is_some_and(|t| t.starts_with(&format!("{}\n", ctx.tab)));
            if now != seen.borrow().1 && !mine {
                ctx.dispatch(Action::RoundsConflict);
                return;
            }
            match idb::set(ROUNDS_KEY, Some(&text)).await {
                Ok(()) => seen.borrow_mut().1 = Some(text),
                Err(m) => ctx.dispatch(Action::Notify(Some(Notice::error(format!(
                    "{m} Kết quả thẩm định vừa sửa chưa được lưu."
                ))))),
            }
        });
    });
}
