//! Sở Nội vụ's consolidation: checks, duplicates, ranking with ties,
//! mixed unit types, refused files, province-wide losses.

mod common;
use cchc::engine::formats::{batch::check_file, csv, file, templates};
use cchc::engine::rules::consolidate::{self, Outcome};
use cchc::engine::*;
use common::*;
use std::collections::BTreeMap;
use std::rc::Rc;

fn known() -> Vec<Rc<Framework>> {
    templates::built_in().into_iter().map(Rc::new).collect()
}

/// A unit's exported file, answered to reach `self_points` exactly from
/// the yes/no items, with evidence.
fn unit_file(fw: &Framework, name: &str, updated: &str, yes_items: &[&str]) -> Vec<u8> {
    let mut a = new_assessment(fw);
    a.unit_name = name.into();
    a.updated = updated.into();
    for sub in fw.subs() {
        let mut ans = worst(sub);
        if yes_items.contains(&sub.id.as_str()) {
            ans = value(Value::YesNo { yes: true });
            ans.evidence.push(Evidence {
                number: "1/KH".into(),
                ..Evidence::default()
            });
        }
        a.set_answer(&sub.id, ans);
    }
    file::export(&a, fw, true, "2025-12-20T09:00:00+07:00").into_bytes()
}

fn check_all(files: &[(&str, Vec<u8>)]) -> Vec<consolidate::Entry> {
    let k = known();
    files
        .iter()
        .enumerate()
        .map(|(i, (n, b))| check_file(n, b, &k, i))
        .collect()
}

#[test]
fn ranks_per_unit_type_with_ties_sharing_a_rank() {
    let so = so();
    let xa = xa();
    let files = vec![
        (
            "a.json",
            unit_file(&so, "Sở A", "2025-12-01", &["1.1.2", "3.2.2"]),
        ), // 2.5
        ("b.json", unit_file(&so, "Sở B", "2025-12-01", &["1.1.2"])), // 1
        (
            "c.json",
            unit_file(&so, "Sở C", "2025-12-01", &["3.2.2", "1.1.2"]),
        ), // 2.5, tie with A
        ("d.json", unit_file(&so, "Sở D", "2025-12-01", &[])),        // 0
        (
            "x.json",
            unit_file(&xa, "UBND xã X", "2025-12-01", &["3.1"]),
        ), // 4 (xã block)
        ("bad.json", b"{ not json".to_vec()),
    ];
    let entries = check_all(&files);
    assert!(
        matches!(&entries[5].outcome, Outcome::Refused(m) if m.contains("không đúng định dạng JSON"))
    );
    let sup = consolidate::resolve_duplicates(&entries, &BTreeMap::new());
    assert!(sup.iter().all(Option::is_none));
    let ranking = consolidate::rank(&entries, &sup);
    let so_rows: Vec<(usize, &str)> = ranking[&UnitType::So]
        .iter()
        .map(|r| (r.rank, files[r.entry].0))
        .collect();
    assert_eq!(
        so_rows,
        vec![(1, "a.json"), (1, "c.json"), (3, "b.json"), (4, "d.json")]
    );
    assert_eq!(ranking[&UnitType::Xa].len(), 1);
    assert_eq!(
        ranking.keys().copied().collect::<Vec<_>>(),
        vec![UnitType::So, UnitType::Xa]
    );

    // the province loses most on the items few units score
    let losses = consolidate::losses(&entries, &sup);
    let top = &losses[0];
    assert_eq!(
        (top.framework_id.as_str(), top.sub.as_str()),
        ("gia-lai-so-mau", "3.4.1")
    );
    assert_eq!((top.units, top.points), (4, d("20")));
    let l112 = losses
        .iter()
        .find(|l| l.sub == "1.1.2" && l.framework_id == "gia-lai-so-mau")
        .unwrap();
    assert_eq!((l112.units, l112.points, l112.answered_by), (1, d("1"), 4));

    let csv = csv::ranking_csv(&entries, &ranking);
    assert!(csv.starts_with("\u{feff}Khối,Hạng,Đơn vị,Kỳ,Chỉ số (%),Xếp loại,"));
    assert!(
        csv.contains("\r\n\"Sở, ban, ngành\",1,Sở A,Năm 2025,\"2,50\",Yếu,\"2,5\",0,100,100,"),
        "{csv}"
    );
}

#[test]
fn duplicates_keep_the_newest_unless_chosen() {
    let so = so();
    let files = vec![
        (
            "old.json",
            unit_file(&so, "Sở A", "2025-12-01T08:00:00+07:00", &["1.1.2"]),
        ),
        (
            "new.json",
            unit_file(
                &so,
                "  sở  a ",
                "2025-12-05T08:00:00+07:00",
                &["1.1.2", "3.2.2"],
            ),
        ),
        (
            "other.json",
            unit_file(&so, "Sở B", "2025-11-01T08:00:00+07:00", &[]),
        ),
    ];
    let entries = check_all(&files);
    let sup = consolidate::resolve_duplicates(&entries, &BTreeMap::new());
    assert_eq!(sup, vec![Some(1), None, None]);
    let ranking = consolidate::rank(&entries, &sup);
    assert_eq!(
        ranking[&UnitType::So]
            .iter()
            .map(|r| r.entry)
            .collect::<Vec<_>>(),
        vec![1, 2]
    );
    // the user picks the older file
    let Outcome::Checked(c) = &entries[0].outcome else {
        panic!()
    };
    let chosen = [(c.key(), 0usize)].into_iter().collect();
    let sup = consolidate::resolve_duplicates(&entries, &chosen);
    assert_eq!(sup, vec![None, Some(0), None]);
}

#[test]
fn warnings_grade_the_files() {
    let so = so();
    let good = unit_file(&so, "Sở A", "2025-12-01", &["1.1.2"]);
    // tampered total
    let mut v: serde_json::Value = serde_json::from_slice(&good).unwrap();
    v["summary"]["total"] = serde_json::json!(90);
    let tampered = serde_json::to_vec(&v).unwrap();
    // points without support, and incomplete
    let mut a = new_assessment(&so);
    a.unit_name = "Sở C".into();
    a.set_answer("1.1.2", value(Value::YesNo { yes: true }));
    let thin = file::export(&a, &so, true, "2025-12-20T09:00:00+07:00").into_bytes();
    let entries = check_all(&[
        ("good.json", good),
        ("t.json", tampered),
        ("thin.json", thin),
    ]);
    let warn = |i: usize| match &entries[i].outcome {
        Outcome::Checked(c) => c.warnings.clone(),
        Outcome::Refused(m) => panic!("{m}"),
    };
    assert!(warn(0).is_empty(), "{:?}", warn(0));
    assert_eq!(
        warn(1)[0],
        "Mã kiểm tra không khớp (tệp bị hỏng hoặc bị sửa)"
    );
    assert!(warn(1)[1].contains("Tổng điểm: tệp ghi 90, tính lại 1"));
    assert_eq!(
        warn(2),
        vec![
            "1 mục có điểm nhưng không có tài liệu kiểm chứng hoặc giải trình: 1.1.2".to_string(),
            "Chưa hoàn thành: 1/54 mục đã trả lời".to_string(),
        ]
    );
    let Outcome::Checked(c) = &entries[0].outcome else {
        panic!()
    };
    assert_eq!(c.evidence_coverage, d("100"));
}

#[test]
fn previous_period_positions() {
    let so = so();
    let entries = check_all(&[
        ("a.json", unit_file(&so, "Sở A", "2025-12-01", &["1.1.2"])),
        (
            "b.json",
            unit_file(&so, "Sở B", "2025-12-01", &["1.1.2", "3.2.2"]),
        ),
    ]);
    let sup = consolidate::resolve_duplicates(&entries, &BTreeMap::new());
    let ranking = consolidate::rank(&entries, &sup);
    let prev = consolidate::previous_positions(&entries, &ranking);
    assert_eq!(prev[&(UnitType::So, "sở a".to_string())], (d("1"), 2));
    assert_eq!(prev[&(UnitType::So, "sở b".to_string())], (d("2,5"), 1));
}
