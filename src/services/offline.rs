//! Offline use: registers the service worker written by the build (served
//! pages only; never for a file opened from disk) and reports when a newer
//! version has been installed.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

pub fn is_local_file() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:")
}

/// Registers `<root>sw.js` for the scope `<root>` (`./` on the agency's
/// page, `../` in the full build's folder); calls `on_update` when a new version finished
/// installing while an older one controls the page.
pub fn register(root: &str, on_update: impl Fn() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let proto = w.location().protocol().unwrap_or_default();
    if proto != "https:" && proto != "http:" {
        return;
    }
    let container = w.navigator().service_worker();
    let had_controller = container.controller().is_some();
    let opts = web_sys::RegistrationOptions::new();
    opts.set_scope(root);
    let promise = container.register_with_options(&format!("{root}sw.js"), &opts);
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        let reg2 = reg.clone();
        let on_update = std::rc::Rc::new(on_update);
        EventListener::new(&reg, "updatefound", move |_| {
            let Some(worker) = reg2.installing() else {
                return;
            };
            let w2 = worker.clone();
            let on_update = on_update.clone();
            EventListener::new(&worker, "statechange", move |_| {
                if w2.state() == web_sys::ServiceWorkerState::Installed && had_controller {
                    on_update();
                }
            })
            .forget();
        })
        .forget();
    });
}
