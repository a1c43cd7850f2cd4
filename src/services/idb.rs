//! IndexedDB for what is too large for localStorage: Sở Nội vụ's batch of
//! units' files. One database, one object store of texts by key. Every
//! call answers an error message instead of panicking (private modes and
//! blocked storage refuse IndexedDB too).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DB: &str = "cchc";
const STORE: &str = "texts";

/// Waits for a request's outcome.
async fn done(req: &IdbRequest) -> Result<JsValue, String> {
    let fail = |_| "Trình duyệt không cho lưu dữ liệu lớn (IndexedDB).".to_string();
    let req2 = req.clone();
    let p = js_sys::Promise::new(&mut |resolve, reject| {
        let r = req2.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::NULL));
        });
        let bad = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        req2.set_onsuccess(ok.dyn_ref());
        req2.set_onerror(bad.dyn_ref());
    });
    JsFuture::from(p).await.map_err(fail)
}

async fn open() -> Result<IdbDatabase, String> {
    let fail = |_| "Trình duyệt không cho lưu dữ liệu lớn (IndexedDB).".to_string();
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or("Trình duyệt không có IndexedDB.")?;
    let req = factory.open_with_u32(DB, 1).map_err(fail)?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let db = e
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|d| d.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = done(&req).await?;
    drop(upgrade);
    db.dyn_into::<IdbDatabase>().map_err(fail)
}

/// The text kept under `key`, if any.
pub async fn get(key: &str) -> Result<Option<String>, String> {
    let db = open().await?;
    let fail = |_| "Không đọc được dữ liệu đã lưu (IndexedDB).".to_string();
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readonly)
        .map_err(fail)?;
    let req = tx
        .object_store(STORE)
        .map_err(fail)?
        .get(&JsValue::from_str(key))
        .map_err(fail)?;
    Ok(done(&req).await?.as_string())
}

/// Keeps `text` under `key` (or, with `None`, drops it).
pub async fn set(key: &str, text: Option<&str>) -> Result<(), String> {
    let db = open().await?;
    let fail =
        |_| "Không lưu được danh sách tệp (bộ nhớ trình duyệt đầy hoặc bị chặn).".to_string();
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(fail)?;
    let store = tx.object_store(STORE).map_err(fail)?;
    let req = match text {
        Some(t) => store.put_with_key(&JsValue::from_str(t), &JsValue::from_str(key)),
        None => store.delete(&JsValue::from_str(key)),
    }
    .map_err(fail)?;
    done(&req).await.map(|_| ())
}
