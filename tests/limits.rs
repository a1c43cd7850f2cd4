//! Hostile and oversized files, generated here (never committed): each
//! import answers quickly, refuses with a short clear message, and the
//! largest assessment the limits allow exports and imports back.

mod common;
use cchc::engine::formats::file::{self, ImportError, MAX_FILE_BYTES};
use cchc::engine::formats::framework;
use cchc::engine::*;
use common::*;
use serde_json::{json, Value as J};
use std::time::{Duration, Instant};

/// Generous against a slow machine; a hang (the defect) takes minutes.
const QUICK: Duration = Duration::from_secs(3);

fn known() -> Vec<Framework> {
    vec![so(), xa()]
}

fn base_file() -> J {
    let fw = so();
    let a = new_assessment(&fw);
    serde_json::from_str(&file::export(&a, &fw, true, "2025-12-20T09:00:00+07:00")).unwrap()
}

/// The import of `bytes`, and how long it took (printed: run with
/// `cargo test --release --test limits -- --nocapture` for the figures).
fn timed(bytes: &[u8]) -> (Result<file::Imported, ImportError>, Duration) {
    let t = Instant::now();
    let r = file::import(bytes, &known(), "x");
    let took = t.elapsed();
    println!("import of {} bytes: {took:?}", bytes.len());
    (r, took)
}

#[test]
fn a_hundred_thousand_unknown_answer_ids_are_refused_quickly() {
    let mut v = base_file();
    let answers = v["answers"].as_object_mut().unwrap();
    for i in 0..100_000 {
        answers.insert(
            format!("99.{i}"),
            json!({"value": {"type": "yes_no", "yes": true}}),
        );
    }
    let bytes = serde_json::to_vec(&v).unwrap();
    assert!(bytes.len() < MAX_FILE_BYTES, "{}", bytes.len());
    let (r, took) = timed(&bytes);
    assert!(took < QUICK, "took {took:?}");
    assert_eq!(
        refused(r),
        "Tệp thiếu hoặc sai dữ liệu: trường \"answers\": dài quá giới hạn (100000 mục, tối đa 2000)."
    );
    // fewer, within the limit: listed, but only the first ten
    let mut v = base_file();
    let answers = v["answers"].as_object_mut().unwrap();
    for i in 0..1_500 {
        answers.insert(
            format!("99.{i:04}"),
            json!({"value": {"type": "yes_no", "yes": true}}),
        );
    }
    let msg = refused(timed(&serde_json::to_vec(&v).unwrap()).0);
    assert!(msg.len() < 1_000, "a message of {} bytes", msg.len());
    assert!(
        msg.starts_with("Câu trả lời không khớp với bộ tiêu chí (1500 mục): 99.0000: "),
        "{msg}"
    );
    assert!(msg.ends_with("; … và 1490 mục khác."), "{msg}");
}

/// The refusal's message (never the whole value: it may be huge).
fn refused(r: Result<file::Imported, ImportError>) -> String {
    match r {
        Ok(_) => panic!("accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_unit_name_of_a_million_characters_is_refused_quickly() {
    let mut v = base_file();
    v["unit"]["name"] = json!("Ă".repeat(1_000_000));
    let bytes = serde_json::to_vec(&v).unwrap();
    let (r, took) = timed(&bytes);
    assert!(took < QUICK, "took {took:?}");
    assert_eq!(
        refused(r),
        "Tệp thiếu hoặc sai dữ liệu: trường \"unit.name\": dài quá giới hạn (1000000 ký tự, tối đa 300)."
    );
}

#[test]
fn an_embedded_framework_with_seventy_five_thousand_duplicate_ids() {
    let mut v = base_file();
    let mut fw: J = serde_json::from_str(&framework::write(&so())).unwrap();
    let sub = json!({"id": "1.1.1", "title": "x", "max": 1, "rule": {"kind": "yes_no"}});
    let subs = fw["fields"][0]["criteria"][0]["subs"]
        .as_array_mut()
        .unwrap();
    for _ in 0..75_000 {
        subs.push(sub.clone());
    }
    fw["id"] = json!("khac");
    v["framework"]["embedded"] = fw;
    v["framework"]["built_in"] = json!(false);
    let bytes = serde_json::to_vec(&v).unwrap();
    assert!(bytes.len() < MAX_FILE_BYTES, "{}", bytes.len());
    let (r, took) = timed(&bytes);
    assert!(took < QUICK, "took {took:?}");
    let msg = refused(r);
    assert!(msg.len() < 3_000, "a message of {} bytes", msg.len());
    assert!(msg.contains("mã \"1.1.1\" bị trùng"), "{msg}");
    assert!(msg.contains("lỗi khác"), "{msg}");
}

#[test]
fn the_largest_assessment_the_limits_allow_exports_and_imports_back() {
    use cchc::engine::rules::limits::{self, export_bytes, EVIDENCE, ITEMS, LONG, SHORT, TEXT};
    // every text at its limit, with the widest characters a keyboard gives
    let fill = |n: usize| "ệ\"".repeat(n / 2);
    let fw = so();
    let mut a = new_assessment(&fw);
    a.unit_name = fill(SHORT);
    let budget = MAX_FILE_BYTES - framework::write(&fw).len() - 50_000;
    'outer: for sub in fw.subs() {
        let mut ans = best(sub);
        ans.explanation = fill(LONG);
        for _ in 0..EVIDENCE {
            ans.evidence.push(Evidence {
                number: fill(SHORT),
                date: "2025-01-01".into(),
                issuer: fill(SHORT),
                summary: fill(TEXT),
                link: fill(TEXT),
            });
            let mut b = a.clone();
            b.set_answer(&sub.id, ans.clone());
            // the app refuses an edit past the byte budget: stop there
            if export_bytes(&b) > budget {
                break 'outer;
            }
            a = b;
        }
    }
    for i in 0..ITEMS {
        let mut b = a.clone();
        b.actions.push(cchc::engine::model::CorrectiveAction {
            id: format!("x{i}"),
            what: fill(TEXT),
            ..Default::default()
        });
        if export_bytes(&b) > budget {
            break;
        }
        a = b;
    }
    limits::check(&a).unwrap();
    let text = file::export(&a, &fw, true, "2025-12-20T09:00:00+07:00");
    assert!(
        text.len() <= export_bytes(&a) + framework::write(&fw).len(),
        "the estimate is an upper bound: {} > {}",
        text.len(),
        export_bytes(&a)
    );
    assert!(text.len() < MAX_FILE_BYTES, "{} bytes", text.len());
    assert!(
        text.len() > MAX_FILE_BYTES * 3 / 5,
        "not near the limit: {}",
        text.len()
    );
    let (r, took) = timed(text.as_bytes());
    assert!(took < QUICK, "took {took:?}");
    let back = r.map_err(|e| e.to_string()).unwrap();
    assert_eq!(back.assessment.answers, a.answers);
    assert_eq!(back.assessment.unit_name, a.unit_name);
}
