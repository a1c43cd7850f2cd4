//! Browser storage (localStorage) of assessments, frameworks and the
//! editor's draft. Every call tolerates a browser that blocks or fills
//! storage: nothing here panics, and failures come back as Vietnamese
//! messages for the user.
//!
//! Only the app's root effects call this module (pages render and
//! dispatch). The key-value backend can be swapped for a recording one in
//! tests ([`use_backend`]), so a test can prove a page never touches it.

use crate::engine::formats::stored::{self, DecodeError, Stored, Unreadable};
use crate::engine::formats::{framework, paste};
use crate::engine::{Assessment, Framework};
use std::cell::RefCell;
use std::rc::Rc;

pub use crate::engine::formats::stored::{key_of, KEY_PREFIX as PREFIX};

/// The browser refused a write or a removal (storage full or blocked).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused;

/// The key-value store under everything here.
pub trait Backend {
    fn get(&self, key: &str) -> Option<String>;
    /// `Err` when the browser refuses (full, blocked).
    fn set(&self, key: &str, value: &str) -> Result<(), Refused>;
    fn remove(&self, key: &str) -> Result<(), Refused>;
    fn keys(&self) -> Vec<String>;
}

/// The browser's localStorage, looked up at each call (a blocked storage
/// gives `None` and every call fails softly).
struct Local;

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

impl Backend for Local {
    fn get(&self, key: &str) -> Option<String> {
        local()?.get_item(key).ok().flatten()
    }
    fn set(&self, key: &str, value: &str) -> Result<(), Refused> {
        local()
            .ok_or(Refused)?
            .set_item(key, value)
            .map_err(|_| Refused)
    }
    fn remove(&self, key: &str) -> Result<(), Refused> {
        local()
            .ok_or(Refused)?
            .remove_item(key)
            .map_err(|_| Refused)
    }
    fn keys(&self) -> Vec<String> {
        let Some(s) = local() else { return Vec::new() };
        let n = s.length().unwrap_or(0);
        (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
    }
}

thread_local! {
    static BACKEND: RefCell<Option<Rc<dyn Backend>>> = const { RefCell::new(None) };
}

/// Replaces the backend (tests: a recording one); `None` restores
/// localStorage.
pub fn use_backend(b: Option<Rc<dyn Backend>>) {
    BACKEND.with(|x| *x.borrow_mut() = b);
}

fn with<R>(f: impl FnOnce(&dyn Backend) -> R) -> R {
    let custom = BACKEND.with(|x| x.borrow().clone());
    match custom {
        Some(b) => f(&*b),
        None => f(&Local),
    }
}

/// Whether storage can be written at all (blocked for `file://` pages or
/// private modes in some browsers).
pub fn available() -> bool {
    with(|b| {
        let probe = "cchc.probe";
        b.set(probe, "1").is_ok() && b.remove(probe).is_ok()
    })
}

/// Writes one key as it is.
pub fn set(key: &str, value: &str) -> Result<(), String> {
    with(|b| b.set(key, value))
        .map_err(|_| "Không lưu được vào trình duyệt (bộ nhớ đầy hoặc bị chặn).".to_string())
}

pub fn remove(key: &str) -> Result<(), String> {
    with(|b| b.remove(key)).map_err(|_| "Trình duyệt không cho xóa dữ liệu.".to_string())
}

/// Every key starting with `prefix`, with its text.
pub fn keys_with(prefix: &str) -> Vec<(String, String)> {
    with(|b| {
        b.keys()
            .into_iter()
            .filter(|k| k.starts_with(prefix))
            .filter_map(|k| b.get(&k).map(|v| (k, v)))
            .collect()
    })
}

pub fn save(a: &Assessment, tab: &str, at: &str) -> Result<(), String> {
    with(|b| b.set(&key_of(&a.id), &stored::encode(a, tab, at))).map_err(|_| {
        "Không lưu được vào trình duyệt (bộ nhớ đầy hoặc bị chặn). Dữ liệu vẫn còn trong trang này: hãy xuất tệp để giữ lại, rồi xóa bớt các bản cũ."
            .to_string()
    })
}

pub fn raw(id: &str) -> Option<String> {
    with(|b| b.get(&key_of(id)))
}

pub fn load(id: &str) -> Option<Result<Stored, DecodeError>> {
    raw(id).map(|t| stored::decode(&t))
}

pub fn delete(id: &str) -> Result<(), String> {
    remove(&key_of(id))
}

/// Every stored assessment, newest first, and those that cannot be read.
pub fn load_all() -> (Vec<Stored>, Vec<Unreadable>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    with(|b| {
        for key in b.keys().into_iter().filter(|k| k.starts_with(PREFIX)) {
            let Some(text) = b.get(&key) else { continue };
            match stored::decode(&text) {
                Ok(st) => ok.push(st),
                Err(e) => bad.push(Unreadable {
                    key,
                    reason: e.to_string(),
                }),
            }
        }
    });
    crate::engine::sort_by(&mut ok, &|a, b| {
        b.saved_at
            .cmp(&a.saved_at)
            .then(a.assessment.id.cmp(&b.assessment.id))
    });
    (ok, bad)
}

/// Asks the browser to keep our storage under pressure (best effort).
pub fn request_persistence() {
    if let Some(w) = web_sys::window() {
        if let Ok(p) = w.navigator().storage().persist() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            });
        }
    }
}

/// Saves a framework loaded from a file, so assessments using it open later.
pub fn save_framework(fw: &Framework) -> Result<(), String> {
    with(|b| {
        b.set(
            &stored::framework_key(&fw.id, &fw.version),
            &framework::write(fw),
        )
    })
    .map_err(|_| {
        "Không lưu được bộ tiêu chí vào trình duyệt (bộ nhớ đầy hoặc bị chặn).".to_string()
    })
}

/// Frameworks saved in this browser, and those that no longer read (kept
/// untouched, reported with the assessments that do not read). One kept
/// under a key an older app wrote is moved to its unambiguous key.
pub fn load_frameworks() -> (Vec<Framework>, Vec<Unreadable>) {
    let mut bad = Vec::new();
    let mut out: Vec<Framework> = Vec::new();
    let mut kept = Vec::new();
    for (key, text) in keys_with(stored::FRAMEWORK_PREFIX) {
        match framework::read_kept(&text) {
            Ok(fw) => {
                kept.push((key, (fw.id.clone(), fw.version.clone())));
                out.push(fw);
            }
            Err(e) => bad.push(Unreadable {
                key,
                reason: format!(
                    "bộ tiêu chí lưu không đọc được ({})",
                    e.to_string().trim_end()
                ),
            }),
        }
    }
    for (from, to) in stored::framework_rekeys(&kept) {
        with(|b| {
            if let Some(text) = b.get(&from) {
                if b.set(&to, &text).is_ok() {
                    let _ = b.remove(&from);
                }
            }
        });
    }
    crate::engine::sort_by(&mut out, &|a, b| {
        (&a.id, &a.version).cmp(&(&b.id, &b.version))
    });
    (out, bad)
}

const DRAFT_KEY: &str = "cchc.fw-draft";

/// The framework editor's draft, if one is kept.
pub fn load_draft() -> Option<paste::Draft> {
    stored::decode_draft(&with(|b| b.get(DRAFT_KEY))?)
}

/// Keeps (or, with `None`, drops) the editor's draft.
pub fn save_draft(d: Option<&paste::Draft>) -> Result<(), String> {
    with(|b| match d {
        Some(d) => b.set(DRAFT_KEY, &stored::encode_draft(d)),
        None => b.remove(DRAFT_KEY),
    })
    .map_err(|_| "Không lưu được bản nháp bộ tiêu chí (bộ nhớ đầy hoặc bị chặn).".to_string())
}

const PENDING_KEY: &str = "cchc.fw-paste";

/// Tables larger than this are not kept across a reload (the draft made
/// from one is): localStorage holds about 5 MB in all.
pub const MAX_PENDING_BYTES: usize = 1024 * 1024;

/// The table being mapped in the editor, if one is kept.
pub fn load_pending() -> Option<paste::Pending> {
    stored::decode_pending(&with(|b| b.get(PENDING_KEY))?)
}

/// Keeps (or, with `None`, drops) the table being mapped.
pub fn save_pending(p: Option<&paste::Pending>) -> Result<(), String> {
    with(|b| match p.filter(|p| p.table.len() <= MAX_PENDING_BYTES) {
        Some(p) => b.set(PENDING_KEY, &stored::encode_pending(p)),
        None => b.remove(PENDING_KEY),
    })
    .map_err(|_| "Không giữ được bảng đang dán qua lần tải lại trang (bộ nhớ đầy hoặc bị chặn): hãy tạo bản nháp từ bảng.".to_string())
}

/// A backend in memory that records every call: for tests that prove a
/// page never reads or writes storage while it renders.
#[derive(Default)]
pub struct Recording {
    pub data: RefCell<std::collections::BTreeMap<String, String>>,
    pub calls: RefCell<Vec<String>>,
}

impl Backend for Recording {
    fn get(&self, key: &str) -> Option<String> {
        self.calls.borrow_mut().push(format!("get {key}"));
        self.data.borrow().get(key).cloned()
    }
    fn set(&self, key: &str, value: &str) -> Result<(), Refused> {
        self.calls.borrow_mut().push(format!("set {key}"));
        self.data.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), Refused> {
        self.calls.borrow_mut().push(format!("remove {key}"));
        self.data.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Vec<String> {
        self.calls.borrow_mut().push("keys".into());
        self.data.borrow().keys().cloned().collect()
    }
}
