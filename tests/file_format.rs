//! The self-assessment file: deterministic export, exact round trips, every
//! refusal with its message, warnings, and an importer that never panics.

mod common;
use cchc::engine::formats::file::{self, ImportError, ImportWarning};
use cchc::engine::formats::{stored, templates};
use cchc::engine::model::plan;
use cchc::engine::*;
use common::*;
use proptest::prelude::*;
use serde_json::{json, Value as J};

const T1: &str = "2025-03-20T09:00:00+07:00";
const T2: &str = "2026-01-02T10:30:00+07:00";

fn sample() -> (Framework, Assessment) {
    let fw = so();
    let mut a = new_assessment(&fw);
    a.unit_name = "Sở Tư pháp".into();
    a.period = Period::Q1;
    a.created = "2025-03-01T08:00:00+07:00".into();
    a.updated = "2025-03-19T17:45:10+07:00".into();
    a.contact = Contact {
        name: "Nguyễn Thị B".into(),
        position: "Chuyên viên".into(),
        phone: "0269 3822 000".into(),
        email: "b@example.vn".into(),
    };
    a.set_answer("1.1.1", value(Value::Choice { option: "b".into() }));
    let mut r = ratio(985, 1000);
    r.evidence.push(Evidence {
        number: "12/BC-STP".into(),
        date: "2025-03-10".into(),
        issuer: "Sở Tư pháp".into(),
        summary: "Báo cáo kết quả giải quyết TTHC quý I".into(),
        link: String::new(),
    });
    a.set_answer("3.4.1", r);
    a.set_answer(
        "3.4.2",
        Answer {
            no_case: true,
            explanation: "Không có hồ sơ quá hạn".into(),
            ..Answer::default()
        },
    );
    a.set_answer("8.1.1", value(Value::Estimate { points: d("8,25") }));
    a.adjustments.insert("D2".into(), 1);
    a.actions.push(plan::CorrectiveAction {
        id: "bp1".into(),
        subs: vec!["3.4.1".into()],
        what: "Rà soát quy trình nội bộ để giải quyết hồ sơ đúng hạn".into(),
        unit: "Văn phòng Sở".into(),
        person: "Trần Văn C".into(),
        deadline: "2025-06-14".into(),
        expected_points: d("1"),
        status: plan::Status::InProgress,
        progress: 40,
        ..Default::default()
    });
    for (i, done) in [true, false].into_iter().enumerate() {
        a.plan.push(plan::PlanTask {
            id: format!("kh{i}"),
            area: plan::ReformArea::Procedures,
            task: format!("Nhiệm vụ {}", i + 1),
            status: if done {
                plan::Status::Done
            } else {
                plan::Status::InProgress
            },
            ..Default::default()
        });
    }
    a.report.number = "45/BC-STP".into();
    a.report.place = "Gia Lai".into();
    (fw, a)
}

fn strip_time(s: &str) -> String {
    s.lines()
        .filter(|l| !l.contains("\"exported_at\""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn imp(text: &str) -> Result<file::Imported, ImportError> {
    file::import(text.as_bytes(), &templates::built_in(), "new1")
}

#[test]
fn export_is_deterministic_and_named_in_ascii() {
    let (fw, a) = sample();
    let one = file::export(&a, &fw, true, T1);
    let two = file::export(&a, &fw, true, T2);
    assert_ne!(one, two);
    assert_eq!(strip_time(&one), strip_time(&two));
    assert_eq!(file::file_name(&a), "CCHC_so-tu-phap_2025_Q1.json");
    let v: J = serde_json::from_str(&one).unwrap();
    assert_eq!(v["format"], "cchc-self-assessment");
    assert_eq!(v["format_version"], 2);
    assert_eq!(v["period"]["cutoff"], "2025-03-14");
    assert_eq!(v["period"]["label"], "Quý I");
    assert_eq!(v["unit"]["unit_type"], "so");
    assert_eq!(v["framework"]["sha256"].as_str().unwrap().len(), 64);
    assert!(v["framework"].get("embedded").is_none());
    // Quý I, "đến kỳ báo cáo": 0.5 + 4 + 2 = 6.5 self − 0.5 deduction = 6;
    // the survey (estimate 8.25) and the year-end items cannot be judged
    // yet (26 points), nor the plan (no task due by 14/3): 6 / 74 = 8.11 %
    assert_eq!(v["summary"]["figure"], json!("den_ky_bao_cao"));
    assert_eq!(v["summary"]["self_points"], json!(6.5));
    assert_eq!(v["summary"]["total"], json!(6));
    assert_eq!(v["summary"]["applicable_max"], json!(74));
    assert_eq!(v["summary"]["index"], json!(8.11));
    assert_eq!(v["summary"]["not_yet_max"], json!(26));
    assert_eq!(
        v["summary"]["not_yet"],
        json!(["1.1.3", "1.3.1", "1.5.1", "5.3.1", "8.1.1", "8.2.1"])
    );
    // "dự kiến cả năm": 6.5 + 8.25 − 0.5, the plan's two tasks (no
    // deadline: due at year end) done → 1.1.3 earns 2, the open action
    // on 3.4.1 brings 1: 17.25 / 100
    assert_eq!(
        v["summary"]["projection"],
        json!({"total": 17.25, "applicable_max": 100, "index": 17.25, "band": "Yếu", "gain_from_actions": 1})
    );
    assert_eq!(v["summary"]["fields"][2]["points"], json!(6));
    assert_eq!(
        v["answers"]["3.4.1"]["value"],
        json!({"type": "ratio", "numerator": 985, "denominator": 1000})
    );
}

#[test]
fn round_trip_is_byte_identical() {
    let (fw, a) = sample();
    let one = file::export(&a, &fw, true, T1);
    let got = imp(&one).unwrap();
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    assert!(!got.framework_is_new);
    let mut expect = a.clone();
    expect.id = "new1".into();
    assert_eq!(got.assessment, expect);
    assert_eq!(file::export(&got.assessment, &got.framework, true, T1), one);
}

#[test]
fn an_embedded_framework_travels_with_the_file() {
    let (fw, a) = sample();
    let text = file::export(&a, &fw, false, T1);
    let got = file::import(text.as_bytes(), &[], "x").unwrap();
    assert!(got.framework_is_new);
    assert_eq!(got.framework, fw);
    assert_eq!(file::export(&got.assessment, &got.framework, false, T1), {
        let mut b = a.clone();
        b.id = "x".into();
        file::export(&b, &fw, false, T1)
    });
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    // an embedded framework that is broken is refused with its problems
    let mut v: J = serde_json::from_str(&text).unwrap();
    v["framework"]["embedded"]["fields"][0]["max"] = json!(14);
    let e = file::import(v.to_string().as_bytes(), &[], "x").unwrap_err();
    assert_eq!(
        e,
        ImportError::BadFramework(
            vec![
                "1: tổng điểm các mục con (13) khác điểm tối đa (14)".into(),
                "Bộ tiêu chí: tổng điểm tối đa là 101, phải bằng 100".into(),
            ],
            2
        )
    );
}

#[test]
fn each_refusal_has_its_message() {
    let (fw, a) = sample();
    let good = file::export(&a, &fw, true, T1);
    let msg = |r: Result<file::Imported, ImportError>| r.unwrap_err().to_string();

    let big = vec![b' '; file::MAX_FILE_BYTES + 1];
    assert_eq!(
        file::import(&big, &[], "x").unwrap_err().to_string(),
        "Tệp quá lớn (5,0 MB). Tệp tự đánh giá không vượt quá 5 MB: hãy kiểm tra lại có chọn đúng tệp không."
    );
    assert_eq!(msg(imp("")), "Tệp rỗng.");
    assert!(matches!(
        file::import(&[0xff, 0xfe, 0x00], &[], "x"),
        Err(ImportError::NotUtf8)
    ));
    assert_eq!(
        msg(imp("{\n  \"format\": \"cchc-self-assessment\",\n  x\n}")),
        "Tệp không đúng định dạng JSON (lỗi ở dòng 3, cột 3). Tệp có thể bị hỏng hoặc đã bị sửa tay."
    );
    assert_eq!(
        msg(imp("{\"hello\": 1}")),
        "Tệp JSON này không phải tệp tự đánh giá Chỉ số CCHC do ứng dụng xuất ra."
    );
    assert_eq!(
        msg(imp("[1,2]")),
        "Tệp JSON này không phải tệp tự đánh giá Chỉ số CCHC do ứng dụng xuất ra."
    );
    assert_eq!(
        msg(imp(templates::BUILT_IN[0].1)),
        "Đây là tệp bộ tiêu chí, không phải tệp tự đánh giá."
    );

    let mut v: J = serde_json::from_str(&good).unwrap();
    v["format_version"] = json!(3);
    assert_eq!(
        msg(imp(&v.to_string())),
        "Tệp được tạo bằng phiên bản ứng dụng mới hơn (định dạng 3). Hãy cập nhật ứng dụng rồi nhập lại."
    );
    let mut v: J = serde_json::from_str(&good).unwrap();
    v["framework"]["version"] = json!("1999.9");
    assert_eq!(
        msg(imp(&v.to_string())),
        "Tệp dùng bộ tiêu chí \"gia-lai-so-mau\" (phiên bản 1999.9) không có trong ứng dụng và không kèm theo trong tệp. Hãy nạp bộ tiêu chí đó trước."
    );
    let mut v: J = serde_json::from_str(&good).unwrap();
    v["answers"]["9.9.9"] = json!({"value": {"type": "yes_no", "yes": true}});
    v["answers"]["1.1.1"] = json!({"value": {"type": "choice", "option": "z"}});
    v["answers"]["1.1.2"] = json!({"value": {"type": "count", "count": 3}});
    assert_eq!(
        msg(imp(&v.to_string())),
        "Câu trả lời không khớp với bộ tiêu chí (3 mục): 1.1.1: Phương án \"z\" không có trong bộ tiêu chí.; \
         1.1.2: Dữ liệu nhập không đúng dạng của tiêu chí này.; 9.9.9: Dữ liệu nhập không đúng dạng của tiêu chí này."
    );
    let mut v: J = serde_json::from_str(&good).unwrap();
    v.as_object_mut().unwrap().remove("unit");
    assert_eq!(
        msg(imp(&v.to_string())),
        "Tệp thiếu hoặc sai dữ liệu: thiếu trường \"unit\"."
    );
    let mut v: J = serde_json::from_str(&good).unwrap();
    v["period"]["period"] = json!("q5");
    assert_eq!(
        msg(imp(&v.to_string())),
        "Tệp thiếu hoặc sai dữ liệu: trường \"period.period\": giá trị \"q5\" không hợp lệ."
    );
    // The path goes down to the value at fault.
    let mut v: J = serde_json::from_str(&good).unwrap();
    v["answers"]["1.1.3"] = json!({"value": {"type": "ratio", "numerator": -3, "denominator": 10}});
    assert_eq!(
        msg(imp(&v.to_string())),
        "Tệp thiếu hoặc sai dữ liệu: trường \"answers.1.1.3.value.numerator\": cần một số nguyên không âm."
    );
    let mut v: J = serde_json::from_str(&good).unwrap();
    v["plan"] = json!([{"id": "k1", "progress": {"q9": 10}}]);
    assert_eq!(
        msg(imp(&v.to_string())),
        "Tệp thiếu hoặc sai dữ liệu: trường \"plan[0].progress.q9\": giá trị \"q9\" không hợp lệ."
    );
}

#[test]
fn a_value_the_user_can_still_fix_is_accepted() {
    let (fw, mut a) = sample();
    a.set_answer("1.1.3", ratio(12, 10)); // numerator > denominator: shown in the app, not a misfit
    let got = imp(&file::export(&a, &fw, true, T1)).unwrap();
    assert_eq!(got.assessment.answers["1.1.3"], ratio(12, 10));
}

#[test]
fn tampering_is_warned_about_and_figures_are_recomputed() {
    let (fw, a) = sample();
    let good = file::export(&a, &fw, true, T1);
    // an edited total: checksum no longer matches, and the figure differs
    let mut v: J = serde_json::from_str(&good).unwrap();
    v["summary"]["total"] = json!(99);
    v["summary"]["fields"][2]["points"] = json!(20);
    let got = imp(&serde_json::to_string_pretty(&v).unwrap()).unwrap();
    assert_eq!(
        got.warnings,
        vec![
            ImportWarning::ChecksumMismatch,
            ImportWarning::SummaryDiffers(vec![
                "Tổng điểm: tệp ghi 99, tính lại 6".into(),
                "Lĩnh vực 3: tệp ghi 20, tính lại 6".into(),
            ]),
        ]
    );
    assert!(got.needs_acknowledgement());
    assert_eq!(score(&got.framework, &got.assessment).total, d("6"));
    // an edited answer with the summary left alone
    let mut v: J = serde_json::from_str(&good).unwrap();
    v["answers"]["1.1.1"]["value"]["option"] = json!("a");
    let got = imp(&v.to_string()).unwrap();
    assert_eq!(got.warnings[0], ImportWarning::ChecksumMismatch);
    assert!(
        matches!(&got.warnings[1], ImportWarning::SummaryDiffers(d) if d[0] == "Điểm tự chấm: tệp ghi 6,5, tính lại 7")
    );
    // reformatting or a changed export time is not tampering
    let v: J = serde_json::from_str(&good).unwrap();
    let mut v2 = v.clone();
    v2["exported_at"] = json!("2030-01-01T00:00:00+07:00");
    assert!(imp(&v2.to_string()).unwrap().warnings.is_empty());
    // a UTF-8 BOM (Notepad) is fine
    assert!(imp(&format!("\u{feff}{good}")).unwrap().warnings.is_empty());
    // unreadable summary: recomputed, warned
    let mut v: J = serde_json::from_str(&good).unwrap();
    v["summary"] = json!("xx");
    assert!(imp(&v.to_string())
        .unwrap()
        .warnings
        .contains(&ImportWarning::SummaryUnreadable));
}

#[test]
fn hostile_text_survives_as_text() {
    let (fw, mut a) = sample();
    let evil = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&\u{202e}\u{0}";
    a.unit_name = evil.into();
    a.contact.name = evil.into();
    let mut ans = value(Value::YesNo { yes: true });
    ans.explanation = evil.into();
    ans.evidence.push(Evidence {
        number: evil.into(),
        link: "javascript:alert(3)".into(),
        ..Evidence::default()
    });
    a.set_answer("1.1.2", ans);
    let text = file::export(&a, &fw, true, T1);
    let got = imp(&text).unwrap();
    assert_eq!(got.assessment.unit_name, evil);
    assert_eq!(got.assessment.answers["1.1.2"].explanation, evil);
    assert_eq!(
        file::file_name(&a),
        "CCHC_script-alert-1-script-img-src-x-onerror-alert-2_2025_Q1.json"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, .. ProptestConfig::default() })]

    /// export → import → export is byte-identical for random answers.
    #[test]
    fn random_assessments_round_trip((fw, answers, excl, adj) in prop_oneof![arb_assessment(so()), arb_assessment(xa())]) {
        let mut a = build(&fw, &answers, &excl, &adj);
        a.id = "r".into();
        let text = file::export(&a, &fw, true, T1);
        match file::import(text.as_bytes(), &templates::built_in(), "r") {
            Ok(got) => {
                prop_assert!(got.warnings.is_empty());
                prop_assert_eq!(&got.assessment, &a);
                prop_assert_eq!(file::export(&got.assessment, &got.framework, true, T1), text);
            }
            // random answers may not fit (unknown option ids, forbidden flags): refused, listed
            Err(ImportError::AnswersDontFit(list)) => prop_assert!(!list.is_empty()),
            Err(e) => prop_assert!(false, "{}", e),
        }
    }
}

// Fuzzing the importer: arbitrary bytes and mutated valid files never panic.
// (cargo-fuzz needs nightly, so proptest drives it; the case counts are the
// executions per run.)
proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, .. ProptestConfig::default() })]

    #[test]
    fn importer_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = file::import(&bytes, &templates::built_in(), "f");
    }

    #[test]
    fn importer_never_panics_on_mutated_files(cuts in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..12)) {
        let (fw, a) = sample();
        let mut bytes = file::export(&a, &fw, false, T1).into_bytes();
        for (at, b, op) in cuts {
            if bytes.is_empty() { break; }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = b,
                1 => { bytes.remove(i); }
                2 => bytes.insert(i, b),
                _ => { let j = at.index(bytes.len()).min(bytes.len()); bytes.truncate(j.max(i)); }
            }
        }
        let _ = file::import(&bytes, &templates::built_in(), "f");
    }

    #[test]
    fn importer_never_panics_on_mutated_values(path in 0usize..400, v in prop_oneof![
        Just(json!(null)), Just(json!(-1)), Just(json!(1e300)), Just(json!("x")), Just(json!([])),
        Just(json!({})), Just(json!(18446744073709551615u64)), Just(json!(0.001)), Just(json!(true)),
    ]) {
        let (fw, a) = sample();
        let mut doc: J = serde_json::from_str(&file::export(&a, &fw, false, T1)).unwrap();
        // replace the path-th scalar (in document order) by v
        let mut n = 0;
        fn walk(x: &mut J, n: &mut usize, target: usize, v: &J) {
            match x {
                J::Object(m) => for (_, c) in m.iter_mut() { walk(c, n, target, v) },
                J::Array(a) => for c in a.iter_mut() { walk(c, n, target, v) },
                _ => { if *n == target { *x = v.clone(); } *n += 1; }
            }
        }
        walk(&mut doc, &mut n, path, &v);
        let _ = file::import(doc.to_string().as_bytes(), &templates::built_in(), "f");
    }
}

/// `docs/example-self-assessment.json` is what the exporter writes today
/// (the schema test validates it); regenerate with
/// `CCHC_WRITE_EXAMPLE=1 cargo test --test file_format example`.
/// The hand-written printer against serde_json, the reference the first
/// versions used: same pretty text once parsed and printed again, and the
/// same canonical text (the checksum) for the parsed document.
#[test]
fn printing_agrees_with_serde_json() {
    let (fw, a) = sample();
    for built_in in [true, false] {
        let text = file::export(&a, &fw, built_in, T1);
        let v: J = serde_json::from_str(&text).unwrap();
        // Key order differs (ours keeps the written order), so compare trees.
        assert_eq!(
            serde_json::from_str::<J>(&serde_json::to_string_pretty(&v).unwrap()).unwrap(),
            v
        );
        let mut sorted = v.clone();
        let o = sorted.as_object_mut().unwrap();
        o.remove("checksum");
        o.remove("exported_at");
        assert_eq!(
            file::sha256_hex(serde_json::to_string(&sorted).unwrap().as_bytes()),
            v["checksum"]["value"].as_str().unwrap()
        );
    }
    // Frameworks: written and read back unchanged; the hash is of the
    // canonical text of what is written (defaults included, as before).
    for (name, text) in templates::BUILT_IN {
        let fw = cchc::engine::formats::framework::read(text).unwrap();
        let again = cchc::engine::formats::framework::write(&fw);
        assert_eq!(
            cchc::engine::formats::framework::read(&again).unwrap(),
            fw,
            "{name}"
        );
        let b: J = serde_json::from_str(&again).unwrap();
        assert_eq!(
            file::framework_sha256(&fw),
            file::sha256_hex(serde_json::to_string(&b).unwrap().as_bytes()),
            "{name}"
        );
    }
}

/// Browser storage written by earlier versions (serde's compact output)
/// still reads, and what we write now reads back the same.
#[test]
fn stored_data_reads_across_versions() {
    let (_, a) = sample();
    let text = stored::encode(&a, "tab1", T1);
    let st = stored::decode(&text).unwrap();
    assert_eq!(
        (st.assessment, st.saved_by.as_str(), st.saved_at.as_str()),
        (a.clone(), "tab1", T1)
    );
    // Same bytes as serde_json prints the same tree with our key order.
    let v: J = serde_json::from_str(&text).unwrap();
    assert_eq!(v["store_version"], json!(1));
    assert_eq!(v["assessment"]["unit_name"], json!(a.unit_name));
    // A missing field is named.
    let mut v2 = v.clone();
    v2["assessment"].as_object_mut().unwrap().remove("period");
    assert_eq!(
        stored::decode(&v2.to_string()).unwrap_err().to_string(),
        "dữ liệu lưu không đọc được (thiếu trường \"assessment.period\")"
    );
}

#[test]
fn example_file_in_docs_is_current() {
    let (fw, a) = sample();
    let text = file::export(&a, &fw, true, T1);
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/example-self-assessment.json"
    );
    if std::env::var_os("CCHC_WRITE_EXAMPLE").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert_eq!(
        committed, text,
        "docs/example-self-assessment.json is out of date"
    );
}
