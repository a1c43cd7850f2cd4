//! Sở Nội vụ's consolidation: checks, duplicates, ranking with ties,
//! mixed unit types, refused files, province-wide losses.

mod common;
use cchc::engine::formats::xlsx::Cell;
use cchc::engine::formats::{batch::check_file, file, sheets, templates};
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
    unit_file_for(fw, name, updated, yes_items, Period::Year)
}

fn unit_file_for(
    fw: &Framework,
    name: &str,
    updated: &str,
    yes_items: &[&str],
    period: Period,
) -> Vec<u8> {
    let mut a = new_assessment(fw);
    a.period = period;
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

/// The ranking of the group of `ut` scored with the built-in template.
fn group(
    ranking: &BTreeMap<consolidate::Group, Vec<consolidate::Ranked>>,
    ut: UnitType,
) -> &Vec<consolidate::Ranked> {
    ranking
        .iter()
        .find(|(g, _)| g.unit_type == ut)
        .map(|(_, v)| v)
        .unwrap()
}

fn plan_of(entries: &[consolidate::Entry]) -> consolidate::Plan {
    consolidate::plan(entries, &BTreeMap::new(), None)
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
    let plan = plan_of(&entries);
    let ranking = consolidate::rank(&entries, &plan);
    let so_rows: Vec<(usize, &str)> = group(&ranking, UnitType::So)
        .iter()
        .map(|r| (r.rank, files[r.entry].0))
        .collect();
    assert_eq!(
        so_rows,
        vec![(1, "a.json"), (1, "c.json"), (3, "b.json"), (4, "d.json")]
    );
    assert_eq!(group(&ranking, UnitType::Xa).len(), 1);
    assert_eq!(
        ranking.keys().map(|g| g.unit_type).collect::<Vec<_>>(),
        vec![UnitType::So, UnitType::Xa]
    );

    // the province loses most on the items few units score
    let losses = consolidate::losses(&entries, &plan);
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

    let shown: Vec<_> = ranking
        .iter()
        .map(|(g, l)| (g.clone(), l.clone()))
        .collect();
    let sheet = sheets::ranking_sheet(&entries, &shown, plan.period, &BTreeMap::new());
    assert_eq!(
        sheet.rows[0],
        vec![Cell::from(
            "Xếp hạng kết quả tự đánh giá Chỉ số CCHC Năm 2025"
        )]
    );
    assert_eq!(
        sheet.rows[1][..6],
        [
            Cell::from("Khối"),
            Cell::from("Hạng"),
            Cell::from("Đơn vị"),
            Cell::from("Kỳ"),
            Cell::from("Chỉ số (%)"),
            Cell::from("Xếp loại")
        ]
    );
    assert_eq!(
        sheet.rows[2][..10],
        [
            Cell::from("Sở, ban, ngành"),
            Cell::Int(1),
            Cell::from("Sở A"),
            Cell::from("Năm 2025"),
            Cell::Num(d("2,5")),
            Cell::from("Yếu"),
            Cell::Num(d("2,5")),
            Cell::Num(d("0")),
            Cell::Num(d("100")),
            Cell::Num(d("100"))
        ]
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
    let ranking = consolidate::rank(&entries, &plan_of(&entries));
    assert_eq!(
        group(&ranking, UnitType::So)
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
    let ranking = consolidate::rank(&entries, &plan_of(&entries));
    let prev = consolidate::previous_positions(&entries, &ranking);
    assert_eq!(prev[&(UnitType::So, "sở a".to_string())], (d("1"), 2));
    assert_eq!(prev[&(UnitType::So, "sở b".to_string())], (d("2,5"), 1));
}

#[test]
fn a_batch_ranks_one_period_and_sets_the_others_aside() {
    // eight Năm files and one Quý III file of Sở Tư pháp (the defect found)
    let so = so();
    let mut files: Vec<(String, Vec<u8>)> = (0..8)
        .map(|i| {
            let yes: Vec<&str> = ["1.1.2", "3.2.2", "1.2.1"][..(i % 3)].to_vec();
            (
                format!("s{i}.json"),
                unit_file(&so, &format!("Sở {i}"), "2025-12-01", &yes),
            )
        })
        .collect();
    files[3].1 = unit_file(&so, "Sở Tư pháp", "2025-12-10", &["1.1.2"]);
    files.push((
        "q3.json".into(),
        unit_file_for(
            &so,
            "Sở Tư pháp",
            "2025-09-20",
            &["1.1.2", "3.2.2"],
            Period::Q3,
        ),
    ));
    let refs: Vec<(&str, Vec<u8>)> = files.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    let entries = check_all(&refs);
    let plan = plan_of(&entries);
    assert_eq!(plan.period, Some((2025, Period::Year)));
    assert_eq!(plan.places[8], consolidate::Place::OtherPeriod);
    let ranking = consolidate::rank(&entries, &plan);
    let names: Vec<&str> = group(&ranking, UnitType::So)
        .iter()
        .map(|r| files[r.entry].0.as_str())
        .collect();
    assert_eq!(names.len(), 8);
    assert!(
        !names.contains(&"q3.json"),
        "never ranked beside the year's files"
    );
    assert_eq!(
        consolidate::periods(&entries),
        vec![(2025, Period::Q3), (2025, Period::Year)]
    );
    // the user may rank the other period instead
    let q3 = consolidate::plan(&entries, &BTreeMap::new(), Some((2025, Period::Q3)));
    assert_eq!(
        q3.places
            .iter()
            .filter(|p| **p == consolidate::Place::Ranked)
            .count(),
        1
    );
    // a period no file is for falls back to the common one
    let none = consolidate::plan(&entries, &BTreeMap::new(), Some((2024, Period::Q1)));
    assert_eq!(none.period, Some((2025, Period::Year)));
}

#[test]
fn each_unit_is_paired_with_its_own_previous_file() {
    let so = so();
    let now = check_all(&[
        ("a.json", unit_file(&so, "Sở A", "2025-12-01", &["1.1.2"])),
        (
            "b.json",
            unit_file(&so, "Sở B", "2025-12-01", &["1.1.2", "3.2.2"]),
        ),
        ("c.json", unit_file(&so, "Sở C", "2025-12-01", &[])),
    ]);
    // the previous batch: A and B, B twice (the newer counts), and a Q3 file of C
    let prev = check_all(&[
        (
            "a0.json",
            unit_file(&so, "Sở A", "2024-12-01", &["1.1.2", "3.2.2"]),
        ),
        ("b0.json", unit_file(&so, "Sở B", "2024-12-01", &[])),
        ("b1.json", unit_file(&so, "sở b", "2024-12-05", &["1.1.2"])),
        (
            "c0.json",
            unit_file_for(&so, "Sở C", "2024-09-01", &["1.1.2"], Period::Q3),
        ),
    ]);
    let pr = consolidate::rank(&prev, &plan_of(&prev));
    let p = consolidate::previous_positions(&prev, &pr);
    assert_eq!(p[&(UnitType::So, "sở a".to_string())], (d("2,5"), 1));
    assert_eq!(p[&(UnitType::So, "sở b".to_string())], (d("1"), 2));
    assert!(
        !p.contains_key(&(UnitType::So, "sở c".to_string())),
        "C has no previous file of that period"
    );
    let ranking = consolidate::rank(&now, &plan_of(&now));
    let shown: Vec<_> = ranking
        .iter()
        .map(|(g, l)| (g.clone(), l.clone()))
        .collect();
    let sheet = sheets::ranking_sheet(&now, &shown, Some((2025, Period::Year)), &p);
    assert_eq!(
        sheet.rows[1][10..12],
        [
            Cell::from("Chỉ số kỳ trước (%)"),
            Cell::from("Hạng kỳ trước")
        ]
    );
    let row = |name: &str| {
        sheet
            .rows
            .iter()
            .find(|r| r.get(2) == Some(&Cell::from(name)))
            .unwrap()
            .clone()
    };
    assert_eq!(
        row("Sở C")[10..12],
        [Cell::Empty, Cell::Empty],
        "no previous file: no figures"
    );
    assert_eq!(row("Sở A")[10..12], [Cell::Num(d("2,5")), Cell::Int(1)]);
}

#[test]
fn a_file_never_ranks_itself_with_its_own_rules() {
    // a forged copy of the built-in template, with easier scoring, embedded
    let so = so();
    let mut easy = so.clone();
    for f in &mut easy.fields {
        for c in &mut f.criteria {
            for s in &mut c.subs {
                if let cchc::engine::model::Rule::Options { options } = &mut s.rule {
                    for o in options.iter_mut() {
                        o.points = s.max;
                    }
                }
            }
        }
    }
    let mut a = new_assessment(&so);
    a.unit_name = "Sở Gian Lận".into();
    a.set_answer("1.1.1", worst(so.sub("1.1.1").unwrap()));
    let forged = file::export(&a, &easy, false, "2025-12-20T09:00:00+07:00").into_bytes();
    let plain = file::export(&a, &so, true, "2025-12-20T09:00:00+07:00").into_bytes();
    let entries = check_all(&[("gian-lan.json", forged), ("thuong.json", plain)]);
    let (Outcome::Checked(f), Outcome::Checked(p)) = (&entries[0].outcome, &entries[1].outcome)
    else {
        panic!()
    };
    assert_eq!(
        f.summary.index, p.summary.index,
        "scored with the desk's own framework"
    );
    assert!(*f.framework == so);
    assert!(!f.foreign);
    assert!(
        f.warnings[0].starts_with("Sở Gian Lận: tệp kèm bộ tiêu chí mang mã \"gia-lai-so-mau\""),
        "{:?}",
        f.warnings
    );
    // an unknown embedded framework is ranked apart, and says so
    let mut other = so.clone();
    other.id = "bo-rieng".into();
    let mut b = new_assessment(&other);
    b.unit_name = "Sở Riêng".into();
    let own = file::export(&b, &other, false, "2025-12-20T09:00:00+07:00").into_bytes();
    let entries = check_all(&[
        ("rieng.json", own),
        ("thuong.json", file::export(&a, &so, true, "x").into_bytes()),
    ]);
    let Outcome::Checked(r) = &entries[0].outcome else {
        panic!()
    };
    assert!(r.foreign);
    assert!(r.warnings[0].starts_with("Chấm theo bộ tiêu chí kèm trong tệp"));
    let ranking = consolidate::rank(&entries, &plan_of(&entries));
    assert_eq!(ranking.len(), 2, "two groups: never side by side");
}

#[test]
fn a_hand_edited_copy_never_wins_over_the_intact_file_nor_is_appraised() {
    let so = so();
    let mut a = new_assessment(&so);
    a.unit_name = "Sở A".into();
    a.updated = "2025-12-01T08:00:00+07:00".into();
    let (genuine, _) = file::export_submitted(&a, &so, true, "2025-12-01T08:00:00+07:00", 1);
    // the same file, one figure edited by hand and its date moved later
    let edited = genuine
        .replacen(
            "\"updated\": \"2025-12-01T08:00:00+07:00\"",
            "\"updated\": \"2025-12-09T08:00:00+07:00\"",
            1,
        )
        .into_bytes();
    let files = vec![
        ("ban-1.json", genuine.into_bytes()),
        ("ban-1-sua.json", edited),
    ];
    let entries = check_all(&files);
    let Outcome::Checked(g) = &entries[0].outcome else {
        panic!()
    };
    let Outcome::Checked(e) = &entries[1].outcome else {
        panic!("the edited file is read, with a warning")
    };
    assert!(g.intact && g.revision == Some(1));
    assert!(!e.intact, "{:?}", e.warnings);
    assert_eq!(e.revision, None, "a damaged submission is not appraised");
    assert_eq!(
        consolidate::resolve_duplicates(&entries, &BTreeMap::new()),
        vec![None, Some(0)],
        "newer, but edited: the intact file stands"
    );
}
