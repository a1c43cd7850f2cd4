//! Official results (#17): the official index from appraised points, the
//! survey points entered and the council's bonus and deductions, both
//! missing-survey rules, caps, ties in the ranking, and the pasted survey
//! table with each of its refusals.

mod common;
use cchc::engine::formats::survey::read_survey;
use cchc::engine::model::appraisal::AppraisedItem;
use cchc::engine::rules::official::{official, rank_desc};
use cchc::engine::*;
use common::*;
use std::collections::BTreeMap;

/// Every non-survey item at its best.
fn answered(fw: &Framework) -> Assessment {
    let mut a = new_assessment(fw);
    for s in fw.subs().filter(|s| !s.rule.is_survey()) {
        a.set_answer(&s.id, best(s));
    }
    a
}

fn survey(pairs: &[(&str, &str)]) -> BTreeMap<String, Dec2> {
    pairs.iter().map(|(k, v)| (k.to_string(), d(v))).collect()
}

#[test]
fn official_index_adds_the_survey_to_the_appraised_points() {
    let fw = so();
    let a = answered(&fw);
    let o = official(
        &fw,
        &a,
        None,
        Some(&survey(&[("8.1.1", "7,5"), ("8.2.1", "9")])),
        None,
    );
    assert_eq!(o.appraised, d("80"));
    assert_eq!(o.survey, d("16,5"));
    assert_eq!(o.total, d("96,5"));
    assert_eq!(o.applicable_max, d("100"));
    assert_eq!(o.index, d("96,5"));
    assert!(o.survey_missing.is_empty());
    let f8 = o.fields.iter().find(|f| f.id == "8").unwrap();
    assert_eq!((f8.points, f8.applicable_max), (d("16,5"), d("20")));
}

#[test]
fn the_units_survey_estimate_never_reaches_the_official_index() {
    let fw = so();
    let mut a = answered(&fw);
    for s in fw.subs().filter(|s| s.rule.is_survey()) {
        a.set_answer(&s.id, best(s));
    }
    let o = official(&fw, &a, None, None, None);
    assert_eq!(o.survey, Dec2::ZERO);
    assert_eq!(
        o.self_index,
        d("100"),
        "the unit's own estimate, shown beside"
    );
    assert_eq!(o.index, d("80"), "no survey result counts zero by default");
    assert_eq!(
        o.survey_missing,
        vec!["8.1.1".to_string(), "8.2.1".to_string()]
    );
}

#[test]
fn a_missing_survey_counts_zero_or_scales_the_rest_as_the_framework_says() {
    let mut fw = so();
    let a = answered(&fw);
    let s = survey(&[("8.1.1", "8")]);
    let zero = official(&fw, &a, None, Some(&s), None);
    assert_eq!(
        (zero.total, zero.applicable_max, zero.index),
        (d("88"), d("100"), d("88"))
    );
    fw.missing_survey = MissingSurvey::Scale;
    let scaled = official(&fw, &a, None, Some(&s), None);
    assert_eq!((scaled.total, scaled.applicable_max), (d("88"), d("90")));
    assert_eq!(scaled.index, d("97,78"), "88 / 90 × 100, half up");
    let f8 = scaled.fields.iter().find(|f| f.id == "8").unwrap();
    assert_eq!((f8.points, f8.applicable_max), (d("8"), d("10")));
}

#[test]
fn council_bonus_and_deductions_are_capped_and_the_index_stays_within_100() {
    let fw = so();
    let a = answered(&fw);
    let full = survey(&[("8.1.1", "10"), ("8.2.1", "10")]);
    let bonus: BTreeMap<String, u32> = [("B1".to_string(), 1), ("B2".to_string(), 1)].into();
    let o = official(&fw, &a, None, Some(&full), Some(&bonus));
    assert_eq!((o.bonus, o.total, o.index), (d("2"), d("100"), d("100")));
    assert!(o.council);
    let late: BTreeMap<String, u32> = [("D2".to_string(), 10)].into();
    let o = official(&fw, &a, None, Some(&full), Some(&late));
    assert_eq!(o.deductions, d("3"), "10 × 0,5 capped at 3");
    assert_eq!((o.total, o.index), (d("97"), d("97")));
    assert_eq!(o.adjustment(), d("-3"));
}

#[test]
fn the_appraised_inputs_replace_the_units_own_in_the_official_index() {
    let fw = so();
    let a = answered(&fw);
    let sub = fw
        .subs()
        .find(|s| !s.rule.is_survey() && s.max == d("1"))
        .unwrap();
    let items: BTreeMap<String, AppraisedItem> = [(
        sub.id.clone(),
        AppraisedItem {
            answer: worst(sub),
            note: "không có minh chứng".into(),
            ..Default::default()
        },
    )]
    .into();
    let o = official(
        &fw,
        &a,
        Some(&items),
        Some(&survey(&[("8.1.1", "10"), ("8.2.1", "10")])),
        None,
    );
    assert_eq!(o.self_points, d("80"));
    assert_eq!(o.appraised, d("79"));
    assert_eq!(o.index, d("99"));
}

#[test]
fn equal_indexes_share_a_rank_and_the_next_rank_skips() {
    let rows: Vec<(Dec2, String)> = [
        ("90,5", "b"),
        ("88", "c"),
        ("90,5", "a"),
        ("87,99", "d"),
        ("88", "e"),
    ]
    .iter()
    .map(|(v, n)| (d(v), n.to_string()))
    .collect();
    let got: Vec<(usize, &str)> = rank_desc(&rows)
        .into_iter()
        .map(|(r, i)| (r, rows[i].1.as_str()))
        .collect();
    assert_eq!(got, vec![(1, "a"), (1, "b"), (3, "c"), (3, "e"), (5, "d")]);
    assert!(rank_desc(&[]).is_empty());
}

fn units() -> Vec<String> {
    [
        "Sở Tư pháp",
        "Sở Tài chính",
        "Sở Nội vụ",
        "Sở Giáo dục và Đào tạo",
    ]
    .map(String::from)
    .to_vec()
}

#[test]
fn a_pasted_survey_table_is_read_with_its_header_stt_and_comma_decimals() {
    let fw = so();
    let text = "STT\tĐơn vị\t8.1.1 SIPAS\tTC 8.2.1\tTổng\n1\tSở Tư pháp\t8,25\t9\t17,25\n2\tsở  tài chính\t7.5\t\t7,5\n3\tGiáo dục và Đào tạo\t6\t6\t12\n";
    let t = read_survey(text, &fw, &units()).unwrap();
    assert_eq!(t.columns, vec!["8.1.1", "8.2.1"]);
    assert_eq!(
        t.values["sở tư pháp"],
        survey(&[("8.1.1", "8,25"), ("8.2.1", "9")])
    );
    assert_eq!(
        t.values["sở tài chính"],
        survey(&[("8.1.1", "7,5")]),
        "an empty cell is no result"
    );
    assert_eq!(
        t.approximate,
        vec![(
            "Giáo dục và Đào tạo".to_string(),
            "Sở Giáo dục và Đào tạo".to_string()
        )]
    );
    // without a header: the columns in the framework's order
    let t = read_survey("Sở Nội vụ\t10\t9,5", &fw, &units()).unwrap();
    assert_eq!(
        t.values["sở nội vụ"],
        survey(&[("8.1.1", "10"), ("8.2.1", "9,5")])
    );
}

#[test]
fn a_pasted_survey_table_with_any_problem_is_refused_whole_with_each_problem() {
    let fw = so();
    let bad = "Đơn vị\t8.1.1\t8.2.1\nSở Tư pháp\t11\t9\nSở Xây dựng\t8\t8\nSở Tư pháp\t8\t8\nSở T\t1\t1\nSở Tài chính\tnhiều\t5\n\t4\t4\n";
    let e = read_survey(bad, &fw, &units()).unwrap_err();
    let all = e.join("\n");
    for want in [
        "Dòng 2, mục 8.1.1: 11 điểm vượt điểm tối đa 10",
        "Dòng 3: không có đơn vị \"Sở Xây dựng\"",
        "Dòng 4: đơn vị \"Sở Tư pháp\" đã có ở dòng 2",
        "Dòng 5: \"Sở T\" khớp nhiều đơn vị",
        "Dòng 6, mục 8.1.1: \"nhiều\" không phải số điểm",
        "Dòng 7: có số liệu nhưng không có tên đơn vị",
    ] {
        assert!(all.contains(want), "missing «{want}» in:\n{all}");
    }
    assert_eq!(e.len(), 6, "{all}");
    let e = read_survey(
        "Đơn vị\t8.1.1\tSIPAS năm trước\nSở Tư pháp\t5\t5",
        &fw,
        &units(),
    )
    .unwrap_err();
    assert!(e[0].contains("Cột \"SIPAS năm trước\" không khớp"), "{e:?}");
    let e = read_survey("Sở Tư pháp\t5", &fw, &units()).unwrap_err();
    assert!(
        e[0].contains("có 1 cột số liệu, nhưng bộ tiêu chí có 2 mục"),
        "{e:?}"
    );
    assert!(read_survey("", &fw, &units()).unwrap_err()[0].contains("trống"));
    let huge = "x\t1\n".repeat(400_000);
    assert!(read_survey(&huge, &fw, &units()).unwrap_err()[0].contains("quá lớn"));
    let e = read_survey("Đơn vị\t8.1.1\t8.1.1\nSở Tư pháp\t5\t5", &fw, &units()).unwrap_err();
    assert!(e[0].contains("đã có ở một cột khác"), "{e:?}");
}

#[test]
fn missing_survey_is_kept_in_the_framework_file_only_when_it_scales() {
    use cchc::engine::formats::framework as ff;
    let fw = so();
    let text = ff::write(&fw);
    assert!(
        !text.contains("missing_survey"),
        "the default leaves the bytes and hash alone"
    );
    let mut scaled = fw.clone();
    scaled.missing_survey = MissingSurvey::Scale;
    let text = ff::write(&scaled);
    assert!(text.contains("\"missing_survey\": \"scale\""));
    assert_eq!(
        ff::read(&text).unwrap().missing_survey,
        MissingSurvey::Scale
    );
}
