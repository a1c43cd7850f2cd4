//! Frameworks kept in the browser: no two (id, version) pairs share a
//! key, and frameworks an older app kept under ambiguous keys (or with ids
//! the id pattern now refuses) still load, moved to their own key.

mod common;

use cchc::engine::formats::{framework, stored};
use cchc::services::storage::{self, use_backend, Recording};
use std::rc::Rc;

fn with_ids(id: &str, version: &str) -> cchc::engine::Framework {
    let mut fw = common::so();
    fw.id = id.into();
    fw.version = version.into();
    fw
}

fn keys(rec: &Recording) -> Vec<String> {
    rec.data.borrow().keys().cloned().collect()
}

#[test]
fn colliding_ids_keep_two_frameworks_across_a_reload() {
    let rec = Rc::new(Recording::default());
    use_backend(Some(rec.clone()));
    let first = with_ids("trung@1", "2");
    let second = with_ids("trung", "1@2");
    storage::save_framework(&first).unwrap();
    storage::save_framework(&second).unwrap();
    let (loaded, bad) = storage::load_frameworks();
    use_backend(None);
    assert!(bad.is_empty(), "{bad:?}");
    let ids: Vec<(String, String)> = loaded
        .iter()
        .map(|f| (f.id.clone(), f.version.clone()))
        .collect();
    assert_eq!(
        ids,
        vec![
            ("trung".to_string(), "1@2".to_string()),
            ("trung@1".to_string(), "2".to_string())
        ]
    );
    assert_eq!(
        keys(&rec),
        vec!["cchc.fw.trung%401@2", "cchc.fw.trung@1%402"]
    );
}

#[test]
fn a_framework_under_an_old_key_loads_and_moves() {
    let rec = Rc::new(Recording::default());
    let old = with_ids("trung", "1@2");
    let plain = common::so();
    rec.data
        .borrow_mut()
        .insert("cchc.fw.trung@1@2".into(), framework::write(&old));
    rec.data.borrow_mut().insert(
        stored::framework_key(&plain.id, &plain.version),
        framework::write(&plain),
    );
    use_backend(Some(rec.clone()));
    let (loaded, bad) = storage::load_frameworks();
    let (again, _) = storage::load_frameworks();
    use_backend(None);
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(loaded.len(), 2);
    assert_eq!(loaded, again);
    assert_eq!(
        keys(&rec),
        vec!["cchc.fw.gia-lai-so-mau@2025.1", "cchc.fw.trung@1%402"]
    );
    // A file offering such an id is refused; the kept one is not.
    assert!(framework::read(&framework::write(&old)).is_err());
}

#[test]
fn a_damaged_kept_framework_is_reported_and_left_alone() {
    let rec = Rc::new(Recording::default());
    rec.data.borrow_mut().insert(
        "cchc.fw.hong@1".into(),
        "{\"format\": \"cchc-framework\",".into(),
    );
    use_backend(Some(rec.clone()));
    let (loaded, bad) = storage::load_frameworks();
    use_backend(None);
    assert!(loaded.is_empty());
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].key, "cchc.fw.hong@1");
    assert!(
        bad[0].reason.starts_with("bộ tiêu chí lưu không đọc được"),
        "{}",
        bad[0].reason
    );
    assert_eq!(keys(&rec), vec!["cchc.fw.hong@1"]);
}
