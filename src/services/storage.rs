//! Browser storage of assessments (localStorage). Every call tolerates a
//! browser that blocks or fills storage: nothing here panics, and failures
//! come back as Vietnamese messages for the user.

use crate::engine::formats::stored::{self, DecodeError};
use crate::engine::Assessment;
use web_sys::Storage;

pub use crate::engine::formats::stored::{key_of, KEY_PREFIX as PREFIX};

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether storage can be written at all (blocked for `file://` pages or
/// private modes in some browsers).
pub fn available() -> bool {
    let Some(s) = local() else { return false };
    let probe = "cchc.probe";
    s.set_item(probe, "1").is_ok() && s.remove_item(probe).is_ok()
}

pub fn save(a: &Assessment, tab: &str, at: &str) -> Result<(), String> {
    let s = local().ok_or_else(|| {
        "Trình duyệt không cho phép lưu dữ liệu. Dữ liệu chỉ còn trong trang này: hãy xuất tệp để giữ lại.".to_string()
    })?;
    s.set_item(&key_of(&a.id), &stored::encode(a, tab, at))
        .map_err(|_| {
            "Không lưu được vào trình duyệt (bộ nhớ đầy hoặc bị chặn). Dữ liệu vẫn còn trong trang này: hãy xuất tệp để giữ lại, rồi xóa bớt các bản cũ."
                .to_string()
        })
}

pub fn raw(id: &str) -> Option<String> {
    local()?.get_item(&key_of(id)).ok().flatten()
}

pub fn load(id: &str) -> Option<Result<stored::Stored, DecodeError>> {
    raw(id).map(|t| stored::decode(&t))
}

pub fn delete(id: &str) -> bool {
    local().is_some_and(|s| s.remove_item(&key_of(id)).is_ok())
}

/// A stored item that could not be read: left untouched, reported.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub reason: String,
}

/// Every stored assessment, newest first, and those that cannot be read.
pub fn load_all() -> (Vec<stored::Stored>, Vec<Unreadable>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    let Some(s) = local() else { return (ok, bad) };
    let n = s.length().unwrap_or(0);
    let keys: Vec<String> = (0..n).filter_map(|i| s.key(i).ok().flatten()).collect();
    for key in keys.into_iter().filter(|k| k.starts_with(PREFIX)) {
        let Some(text) = s.get_item(&key).ok().flatten() else {
            continue;
        };
        match stored::decode(&text) {
            Ok(st) => ok.push(st),
            Err(e) => bad.push(Unreadable {
                key,
                reason: e.to_string(),
            }),
        }
    }
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

const FW_PREFIX: &str = "cchc.fw.";

/// Saves a framework loaded from a file, so assessments using it open later.
pub fn save_framework(fw: &crate::engine::Framework) -> Result<(), String> {
    let s = local().ok_or_else(|| "Trình duyệt không cho phép lưu dữ liệu.".to_string())?;
    s.set_item(
        &format!("{FW_PREFIX}{}@{}", fw.id, fw.version),
        &crate::engine::formats::framework::write(fw),
    )
    .map_err(|_| {
        "Không lưu được bộ tiêu chí vào trình duyệt (bộ nhớ đầy hoặc bị chặn).".to_string()
    })
}

/// Frameworks saved in this browser; invalid ones are skipped.
pub fn load_frameworks() -> Vec<crate::engine::Framework> {
    let Some(s) = local() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    let keys: Vec<String> = (0..n).filter_map(|i| s.key(i).ok().flatten()).collect();
    let mut out: Vec<crate::engine::Framework> = keys
        .iter()
        .filter(|k| k.starts_with(FW_PREFIX))
        .filter_map(|k| s.get_item(k).ok().flatten())
        .filter_map(|t| crate::engine::formats::framework::read(&t).ok())
        .collect();
    crate::engine::sort_by(&mut out, &|a, b| {
        (&a.id, &a.version).cmp(&(&b.id, &b.version))
    });
    out
}
