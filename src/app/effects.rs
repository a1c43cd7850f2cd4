//! The app's browser effects, all at the root: hash routes, other tabs'
//! writes, the storage commands the reducer queues, the service worker,
//! and the redirect to the other build. Pages never do any of this.

use super::state::{Action, AppState, Command, Done, Loaded};
use super::{Ctx, Tools};
use crate::engine::formats::stored::{self, aside_key, ASIDE_PREFIX};
use crate::services::{self, storage};
use gloo::events::{EventListener, EventListenerOptions};
use std::cell::Cell;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What storage holds when the app starts (read once, before the first
/// render).
pub fn load() -> Loaded {
    let (saved, mut unreadable) = storage::load_all();
    let (frameworks, bad) = storage::load_frameworks();
    unreadable.extend(bad);
    Loaded {
        frameworks,
        saved,
        unreadable,
        aside: load_aside(),
        draft: storage::load_draft(),
        pending: storage::load_pending(),
    }
}

fn load_aside() -> Vec<(String, stored::Stored)> {
    storage::keys_with(ASIDE_PREFIX)
        .into_iter()
        .filter_map(|(k, text)| stored::decode(&text).ok().map(|s| (k, s)))
        .collect()
}

/// Runs one command; its outcome, if it has one to report.
fn run(c: &Command, tab: &str) -> Option<Done> {
    match c {
        Command::Save(a) => {
            let at = services::now_iso();
            Some(match storage::save(a, tab, &at) {
                Ok(()) => Done::Saved {
                    assessment: a.clone(),
                    stored: Box::new(stored::Stored {
                        store_version: stored::STORE_VERSION,
                        saved_by: tab.to_string(),
                        saved_at: at,
                        assessment: (**a).clone(),
                    }),
                    clock: services::now_clock(),
                },
                Err(m) => Done::SaveFailed(m),
            })
        }
        Command::SaveAside(a) => {
            let text = stored::encode(a, tab, &services::now_iso());
            storage::set(&aside_key(&a.id, tab), &text)
                .err()
                .map(|_| Done::SaveFailed("Không lưu tạm được bản ở thẻ này (bộ nhớ đầy hoặc bị chặn): hãy xuất tệp để giữ lại.".into()))
        }
        Command::DropAside(id) => {
            let _ = storage::remove(&aside_key(id, tab));
            None
        }
        Command::RemoveKey(k) => storage::remove(k).err().map(Done::Failed),
        Command::Delete(id) => storage::delete(id).err().map(Done::Failed),
        Command::SaveFramework(fw) => storage::save_framework(fw).err().map(Done::Failed),
        Command::SaveDraft(d) => storage::save_draft(d.as_deref()).err().map(Done::Failed),
        Command::SavePending(p) => storage::save_pending(p.as_deref()).err().map(Done::Failed),
        Command::Load(id) => Some(Done::Loaded(
            id.clone(),
            match storage::load(id) {
                None => Err("Không tìm thấy bản tự đánh giá này trong trình duyệt.".into()),
                Some(Err(e)) => Err(format!("Không mở được bản tự đánh giá: {e}.")),
                Some(Ok(s)) => Ok(Box::new(s)),
            },
        )),
        Command::Refresh => {
            let (saved, mut unreadable) = storage::load_all();
            unreadable.extend(storage::load_frameworks().1);
            Some(Done::Refreshed {
                saved,
                unreadable,
                aside: load_aside(),
            })
        }
    }
}

/// Every root effect of the app.
#[hook]
pub fn use_root_effects<T: Tools>(state: &Ctx) {
    // Once: routes from the hash, other tabs' writes, storage health.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let mut listeners = Vec::new();
            if let Some(w) = &window {
                let d = dispatch.clone();
                listeners.push(EventListener::new(w, "hashchange", move |_| {
                    d.dispatch(Action::Navigate(super::route::Route::parse(
                        &services::current_hash(),
                    )));
                }));
                let d = dispatch.clone();
                listeners.push(EventListener::new(w, "storage", move |ev| {
                    let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    let Some(key) = ev.key() else { return };
                    let saved_by = ev
                        .new_value()
                        .and_then(|t| stored::decode(&t).ok())
                        .map(|s| s.saved_by);
                    d.dispatch(Action::StorageChanged { key, saved_by });
                }));
            }
            if storage::available() {
                storage::request_persistence();
            } else {
                dispatch.dispatch(Action::StorageUnavailable);
            }
            {
                let d = dispatch.clone();
                services::offline::register(T::ROOT, move || d.dispatch(Action::UpdateReady));
            }
            move || drop(listeners)
        });
    }

    // The storage commands the reducer queued, each run once, in order.
    {
        let ran = use_mut_ref(|| Cell::new(0u64));
        let dispatch = state.dispatcher();
        let (outbox, tab) = (state.outbox.clone(), state.tab.clone());
        use_effect_with(state.next_seq, move |_| {
            let last = ran.borrow().get();
            let todo: Vec<&(u64, Command)> = outbox.iter().filter(|(n, _)| *n > last).collect();
            if let Some((upto, _)) = todo.last() {
                ran.borrow().set(*upto);
                let outcomes = todo.iter().filter_map(|(_, c)| run(c, &tab)).collect();
                dispatch.dispatch(Action::Ran(*upto, outcomes));
            }
        });
    }

    // While saving is paused, leaving the page asks first.
    {
        let paused = state.conflict;
        use_effect_with(paused, move |paused| {
            let guard = paused.then(|| {
                web_sys::window().map(|w| {
                    EventListener::new_with_options(
                        &w,
                        "beforeunload",
                        EventListenerOptions::enable_prevent_default(),
                        |e| e.prevent_default(),
                    )
                })
            });
            move || drop(guard)
        });
    }

    // The route lives in the other build (an old link or bookmark): go there.
    use_effect_with(state.route.clone(), |r| {
        let href = T::href(r);
        if href != r.href() {
            if let Some(w) = web_sys::window() {
                let _ = w.location().replace(&href);
            }
        }
    });
}

/// The reducer's state at start-up, from the built-in frameworks, storage
/// and the address.
pub fn initial_state<T: Tools>() -> AppState {
    AppState::start(
        crate::engine::formats::templates::built_in(),
        load(),
        super::route::Route::parse(&services::current_hash()),
        services::random_id(),
        T::KEEPS_DESK,
    )
}
