//! Browser glue: storage, time, ids. Kept apart from the pure engine.

pub mod files;
pub mod idb;
pub mod offline;
pub mod storage;

use crate::engine::model::time;

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

pub fn now_iso() -> String {
    time::iso(now_ms())
}

pub fn now_clock() -> String {
    time::clock_vi(now_ms())
}

/// A short random id (assessments, tabs).
pub fn random_id() -> String {
    let a = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let b = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!(
        "{:x}{:08x}",
        now_ms() as u64 & 0xffff_ffff,
        (a ^ (b << 16)) & 0xffff_ffff
    )
}

pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

pub fn set_hash(h: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(h);
    }
}

pub fn scroll_to_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.scroll_into_view();
        if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = h.focus();
        }
    }
}

/// Upper case by the browser (Vietnamese included). Rust's own
/// `to_uppercase` brings ~20 KB of Unicode tables into the bundle.
pub fn upper(s: &str) -> String {
    js_sys::JsString::from(s).to_upper_case().into()
}

/// Lower case by the browser; see [`upper`].
pub fn lower(s: &str) -> String {
    js_sys::JsString::from(s).to_lower_case().into()
}

/// Where the element an event came from stands among those matching
/// `selector` (0 if it is not one of them).
pub fn index_among(selector: &str, e: &web_sys::Event) -> usize {
    let me = e
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok());
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(selector).ok())
        .and_then(|l| (0..l.length()).find(|&i| l.item(i).is_some_and(|n| Some(&n) == me.as_ref())))
        .unwrap_or(0) as usize
}

/// After the next render, focuses the `index`-th element matching
/// `selector` (the last one if fewer), else the first matching
/// `fallback`: for a button that removes itself, so focus moves on to
/// the next one instead of falling back to the page.
pub fn focus_nth_later(selector: &'static str, index: usize, fallback: &'static str) {
    gloo::timers::callback::Timeout::new(0, move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let nth = doc.query_selector_all(selector).ok().and_then(|l| {
            let n = l.length();
            (n > 0).then(|| l.item((index as u32).min(n - 1))).flatten()
        });
        let el = nth.or_else(|| {
            doc.query_selector(fallback)
                .ok()
                .flatten()
                .map(web_sys::Node::from)
        });
        if let Some(h) =
            el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = h.focus();
        }
    })
    .forget();
}
