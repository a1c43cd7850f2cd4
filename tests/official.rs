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
    // only columns that are not survey items: nothing to apply
    let e = read_survey("STT\tĐơn vị\tGhi chú\n1\tSở Tư pháp\tx", &fw, &units()).unwrap_err();
    assert_eq!(
        e,
        vec!["Bảng không có cột nào là mục điều tra (8.1.1, 8.2.1): ghi mã mục ở dòng tiêu đề của mỗi cột điểm."]
    );
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

mod batch_results {
    use super::*;
    use cchc::engine::formats::results::{
        appendix_csv, export_results, read_results, table_csv, unit_result, AppendixGroup,
    };
    use cchc::engine::formats::{appraisal::Refusal, batch::check_file, file};
    use cchc::engine::model::appraisal::{DeskRounds, DeskWork};
    use cchc::engine::model::official::{OfficialInputs, Results};
    use cchc::engine::rules::consolidate::{self, unit_key, Outcome};
    use cchc::engine::rules::official::{batch, scoring_table, Stage};
    use std::rc::Rc;

    /// Four sở units, every self-assessed item at its best, as a batch
    /// whose files are submitted revisions.
    fn entries(fw: &Framework) -> Vec<consolidate::Entry> {
        let known = vec![Rc::new(fw.clone())];
        ["Sở A", "Sở B", "Sở C", "Sở D"]
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let mut a = answered(fw);
                a.unit_name = n.to_string();
                let bytes = file::export(&a, fw, true, "2026-12-01T09:00:00+07:00");
                let mut e = check_file(&format!("{n}.json"), bytes.as_bytes(), &known, i);
                if let Outcome::Checked(c) = &mut e.outcome {
                    c.revision = Some(1);
                }
                e
            })
            .collect()
    }

    fn sha(e: &consolidate::Entry) -> String {
        match &e.outcome {
            Outcome::Checked(c) => c.sha256.clone(),
            Outcome::Refused(m) => panic!("{m}"),
        }
    }

    /// B's final appraisal takes one point away (with a note); C's
    /// appraisal is under way; survey points entered for all but D; the
    /// council gives A no bonus. A 96.5, B and C 95.5 (tie), D 80.
    fn setup() -> (
        Framework,
        Vec<consolidate::Entry>,
        DeskRounds,
        OfficialInputs,
    ) {
        let fw = so();
        let es = entries(&fw);
        let sub = fw
            .subs()
            .find(|s| !s.rule.is_survey() && s.max == d("1"))
            .unwrap()
            .clone();
        let lower: BTreeMap<String, AppraisedItem> = [(
            sub.id.clone(),
            AppraisedItem {
                answer: worst(&sub),
                note: "không có minh chứng".into(),
                ..Default::default()
            },
        )]
        .into();
        let mut rounds = DeskRounds::default();
        rounds.units.insert(
            sha(&es[1]),
            DeskWork {
                revision_sha256: sha(&es[1]),
                round: 2,
                items: lower,
                sent2: "abc".into(),
                ..Default::default()
            },
        );
        rounds.units.insert(
            sha(&es[2]),
            DeskWork {
                revision_sha256: sha(&es[2]),
                round: 1,
                ..Default::default()
            },
        );
        let mut inputs = OfficialInputs::default();
        inputs.survey.insert(
            unit_key("Sở A"),
            survey(&[("8.1.1", "7,5"), ("8.2.1", "9")]),
        );
        inputs.survey.insert(
            unit_key("Sở B"),
            survey(&[("8.1.1", "7,5"), ("8.2.1", "9")]),
        );
        inputs.survey.insert(
            unit_key("Sở C"),
            survey(&[("8.1.1", "6,5"), ("8.2.1", "9")]),
        );
        inputs.adjustments.insert(unit_key("Sở A"), BTreeMap::new());
        (fw, es, rounds, inputs)
    }

    fn names<'a>(
        es: &'a [consolidate::Entry],
        list: &[cchc::engine::rules::official::UnitOfficial],
    ) -> Vec<(usize, &'a str, String, Stage)> {
        list.iter()
            .map(|u| match &es[u.entry].outcome {
                Outcome::Checked(c) => (
                    u.rank,
                    c.assessment.unit_name.as_str(),
                    u.result.index.to_vi_fixed(),
                    u.appraisal,
                ),
                Outcome::Refused(_) => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn the_batch_is_ranked_on_the_official_index_with_ties_and_each_appraisals_stage() {
        let (_, es, rounds, inputs) = setup();
        let plan = consolidate::plan(&es, &BTreeMap::new(), None);
        let groups = batch(&es, &plan, &rounds, &inputs);
        assert_eq!(groups.len(), 1);
        let list = groups.values().next().unwrap();
        assert_eq!(
            names(&es, list),
            vec![
                (1, "Sở A", "96,50".into(), Stage::None),
                (2, "Sở B", "95,50".into(), Stage::Final),
                (2, "Sở C", "95,50".into(), Stage::UnderWay),
                (4, "Sở D", "80,00".into(), Stage::None),
            ]
        );
        // the unit's own estimate beside, never mixed in
        assert!(list.iter().all(|u| u.result.self_index == d("80")));
        assert!(list[0].result.council && !list[1].result.council);
    }

    #[test]
    fn a_unit_whose_final_file_was_sent_keeps_the_sent_verdicts_whatever_is_edited_after() {
        let (_, es, mut rounds, inputs) = setup();
        let w = rounds.units.get_mut(&sha(&es[1])).unwrap();
        w.sent2_items = w.items.clone();
        // the desk accepts the lowered item again after sending
        for it in w.items.values_mut() {
            it.accepted = true;
        }
        let plan = consolidate::plan(&es, &BTreeMap::new(), None);
        let groups = batch(&es, &plan, &rounds, &inputs);
        let list = groups.values().next().unwrap();
        let b = list.iter().find(|u| u.entry == 1).unwrap();
        assert_eq!(b.appraisal, Stage::ChangedAfterFinal);
        assert_eq!(b.result.index, d("95,5"), "as sent, not as edited");
    }

    #[test]
    fn the_scoring_table_lists_every_node_with_both_points_and_both_notes() {
        let (fw, es, rounds, inputs) = setup();
        let Outcome::Checked(c) = &es[1].outcome else {
            unreachable!()
        };
        let w = &rounds.units[&c.sha256];
        let (rows, r) = scoring_table(
            &fw,
            &c.assessment,
            Some(&w.items),
            inputs.survey.get(&unit_key("Sở B")),
            None,
        );
        assert_eq!(r.index, d("95,5"));
        let n_nodes = fw.fields.len()
            + fw.fields.iter().map(|f| f.criteria.len()).sum::<usize>()
            + fw.subs().count();
        let adj = [&fw.bonus, &fw.deductions]
            .iter()
            .filter(|a| !a.items.is_empty())
            .count();
        assert_eq!(
            rows.len(),
            n_nodes + adj + 2,
            "then the total and the index"
        );
        let last: Vec<_> = rows[rows.len() - 2..]
            .iter()
            .map(|x| (x.title.as_str(), x.max, x.self_points, x.official))
            .collect();
        assert_eq!(
            last,
            vec![
                ("Tổng điểm", d("100"), Some(d("80")), Some(d("95,5"))),
                ("Chỉ số (%)", d("100"), None, Some(d("95,5")))
            ]
        );
        let lowered = rows
            .iter()
            .find(|x| x.appraisal_note == "không có minh chứng")
            .unwrap();
        assert_eq!(
            (lowered.self_points, lowered.official),
            (Some(d("1")), Some(d("0")))
        );
        let s811 = rows.iter().find(|x| x.id == "8.1.1").unwrap();
        assert_eq!((s811.self_points, s811.official), (None, Some(d("7,5"))));
        let f8 = rows.iter().find(|x| x.level == 0 && x.id == "8").unwrap();
        assert_eq!(f8.official, Some(d("16,5")));
        // the unit's own figure of a field is the sum of the items it
        // scored (its survey estimate is not among them): none here
        assert_eq!(f8.self_points, None);
        // the CSV: BOM, CRLF, quoted where needed, numbers with a dot
        let csv = table_csv(&["Bảng chấm điểm, Sở B".into()], &rows);
        assert!(csv.starts_with(b"\xEF\xBB\xBF"));
        assert!(csv[3..].starts_with(
            "\"Bảng chấm điểm, Sở B\"\r\nSTT,Lĩnh vực/Tiêu chí/Tiêu chí thành phần,Điểm tối đa,"
                .as_bytes()
        ));
        let text = String::from_utf8(csv).unwrap();
        assert!(text.contains("\r\n8.1.1,"), "{text}");
        assert!(text.contains(",,7.50,,\r\n"), "{text}");
    }

    #[test]
    fn the_appendix_csv_has_the_heading_and_one_table_per_group() {
        let (_, es, rounds, inputs) = setup();
        let plan = consolidate::plan(&es, &BTreeMap::new(), None);
        let groups = batch(&es, &plan, &rounds, &inputs);
        let list = groups.values().next().unwrap();
        let named: Vec<(&str, &_)> = list
            .iter()
            .map(|u| match &es[u.entry].outcome {
                Outcome::Checked(c) => (c.assessment.unit_name.as_str(), u),
                Outcome::Refused(_) => unreachable!(),
            })
            .collect();
        let heading = cchc::engine::formats::results::appendix_heading("123/QĐ-UBND", "2027-02-10");
        assert_eq!(
            heading,
            "(Kèm theo Quyết định số 123/QĐ-UBND, ngày 10/02/2027)"
        );
        let csv = appendix_csv(
            "KẾT QUẢ CHỈ SỐ CCHC NĂM 2026",
            &heading,
            &[AppendixGroup {
                unit_type: UnitType::So,
                units: named,
            }],
        );
        let text = String::from_utf8(csv).unwrap();
        let band = list[0].result.band.clone().unwrap_or_default();
        assert_eq!(
            text,
            format!(
                "\u{feff}KẾT QUẢ CHỈ SỐ CCHC NĂM 2026\r\n\"(Kèm theo Quyết định số 123/QĐ-UBND, ngày 10/02/2027)\"\r\n\r\n\
                 \"Khối Sở, ban, ngành\"\r\n\
                 STT,Đơn vị,Điểm tự đánh giá,Điểm thẩm định,Điểm điều tra XHH,Điểm thưởng/trừ,Tổng điểm,Chỉ số,Xếp hạng,Xếp loại\r\n\
                 1,Sở A,80.00,80.00,16.50,0.00,96.50,96.50,1,{band}\r\n\
                 2,Sở B,80.00,79.00,16.50,0.00,95.50,95.50,2,{}\r\n\
                 3,Sở C,80.00,80.00,15.50,0.00,95.50,95.50,2,{}\r\n\
                 4,Sở D,80.00,80.00,0.00,0.00,80.00,80.00,4,{}\r\n",
                list[1].result.band.clone().unwrap_or_default(),
                list[2].result.band.clone().unwrap_or_default(),
                list[3].result.band.clone().unwrap_or_default(),
            )
        );
    }

    #[test]
    fn a_results_file_reads_back_and_a_damaged_or_wrong_one_is_refused() {
        let (fw, es, rounds, inputs) = setup();
        let plan = consolidate::plan(&es, &BTreeMap::new(), None);
        let groups = batch(&es, &plan, &rounds, &inputs);
        let list = groups.values().next().unwrap();
        let u = &list[1];
        let Outcome::Checked(c) = &es[u.entry].outcome else {
            unreachable!()
        };
        let (rows, _) = scoring_table(
            &fw,
            &c.assessment,
            Some(&rounds.units[&c.sha256].items),
            inputs.survey.get(&unit_key("Sở B")),
            None,
        );
        let mut r = Results::default();
        r.decision.number = "123/QĐ-UBND".into();
        r.decision.date = "2027-02-10".into();
        r.units.push(unit_result(
            &fw,
            &c.assessment,
            &c.sha256,
            u,
            list.len(),
            &rows,
        ));
        let text = export_results(&r, "2027-02-11T08:00:00+07:00");
        assert_eq!(read_results(text.as_bytes()), Ok(r.clone()));
        assert_eq!(r.units[0].rank, 2);
        assert_eq!(r.units[0].of, 4);
        assert_eq!(r.units[0].items.len(), fw.subs().count());
        // the same content gives the same bytes
        assert_eq!(text, export_results(&r, "2027-02-11T08:00:00+07:00"));
        let edited = text.replace("\"index\": 95.5", "\"index\": 99");
        assert_ne!(edited, text, "the index is in the file: {text}");
        assert_eq!(
            read_results(edited.as_bytes()),
            Err(Refusal::ChecksumMismatch)
        );
        assert_eq!(
            read_results(b"{\"format\": \"cchc-appraisal\"}")
                .unwrap_err()
                .to_string(),
            "Cần tệp kết quả chính thức, nhưng đây là tệp kết quả thẩm định."
        );
        assert_eq!(read_results(b"  ").unwrap_err(), Refusal::Empty);
        let newer = text.replace("\"format_version\": 1", "\"format_version\": 9");
        assert_eq!(
            read_results(newer.as_bytes()).unwrap_err(),
            Refusal::NewerVersion(9)
        );
        assert!(matches!(
            read_results(&vec![b' '; 6 * 1024 * 1024]),
            Err(Refusal::TooLarge(_))
        ));
    }
}

#[test]
fn a_unit_takes_its_own_result_from_a_results_file_and_sees_what_cost_it_most() {
    use cchc::engine::formats::results::{costliest, result_for};
    use cchc::engine::model::official::{ResultItem, Results, UnitResult};
    let fw = so();
    let mut a = answered(&fw);
    a.unit_name = "Sở Tư pháp".into();
    let item = |id: &str, max: &str, official: Option<&str>| ResultItem {
        id: id.into(),
        max: d(max),
        self_points: Some(d(max)),
        official: official.map(d),
        note: String::new(),
    };
    let unit = |name: &str| UnitResult {
        unit_name: name.into(),
        unit_type: fw.unit_type,
        year: a.year,
        period: a.period,
        framework_id: fw.id.clone(),
        framework_version: fw.version.clone(),
        index: d("90"),
        rank: 1,
        of: 2,
        items: vec![
            item("1.1.1", "1", Some("0,5")),
            item("3.4.1", "5", Some("2")),
            item("1.1.2", "1", Some("1")),
            item("8.1.1", "10", None),
        ],
        ..Default::default()
    };
    let r = Results {
        units: vec![unit("Sở Tài chính"), unit("sở tư  pháp")],
        ..Default::default()
    };
    let mut r = r;
    for u in &mut r.units {
        u.items[3].self_points = None;
    }
    let mine = result_for(&r, &a, &fw).unwrap();
    assert_eq!(mine.units.len(), 1);
    assert_eq!(mine.units[0].unit_name, "sở tư  pháp");
    let lost: Vec<(&str, String)> = costliest(&mine.units[0], 5)
        .into_iter()
        .map(|(i, l)| (i.id.as_str(), l.to_vi()))
        .collect();
    // what the appraisal took first, then what was lost anyway (a survey
    // item has no points of the unit's own)
    assert_eq!(
        lost,
        vec![
            ("3.4.1", "3".into()),
            ("1.1.1", "0,5".into()),
            ("8.1.1", "10".into())
        ]
    );
    a.unit_name = "Sở Y tế".into();
    assert_eq!(
        result_for(&r, &a, &fw).unwrap_err(),
        "tệp kết quả không có đơn vị \"Sở Y tế\" (2 đơn vị khác trong tệp)."
    );
    a.unit_name = "Sở Tài chính".into();
    a.year += 1;
    assert!(result_for(&r, &a, &fw)
        .unwrap_err()
        .starts_with("kết quả trong tệp là của kỳ"));
}

mod results_file_checks {
    use super::*;
    use cchc::engine::formats::appraisal::Refusal;
    use cchc::engine::formats::results::{costliest, export_results, read_results, table_csv};
    use cchc::engine::model::official::{ResultItem, Results, UnitResult};
    use cchc::engine::rules::official::TableRow;

    fn unit(name: &str) -> UnitResult {
        UnitResult {
            unit_name: name.into(),
            year: 2026,
            framework_id: "f".into(),
            framework_version: "1".into(),
            total: d("80"),
            applicable_max: d("100"),
            index: d("80"),
            rank: 1,
            of: 2,
            ..Default::default()
        }
    }

    fn refused(units: Vec<UnitResult>, date: &str) -> String {
        let mut r = Results {
            units,
            ..Default::default()
        };
        r.decision.date = date.into();
        // a valid checksum: only the content is wrong
        match read_results(export_results(&r, "2027-01-01T08:00:00+07:00").as_bytes()) {
            Err(Refusal::Malformed(m)) => m,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_results_file_with_impossible_figures_is_refused_even_with_its_checksum() {
        let mut u = unit("Sở A");
        u.rank = 0;
        assert_eq!(refused(vec![u], ""), "kết quả của \"Sở A\" không hợp lệ");
        let mut u = unit("Sở A");
        u.rank = 3;
        assert_eq!(refused(vec![u], ""), "kết quả của \"Sở A\" không hợp lệ");
        let mut u = unit("Sở A");
        u.total = d("101");
        assert_eq!(refused(vec![u], ""), "kết quả của \"Sở A\" không hợp lệ");
        let mut u = unit("Sở A");
        u.deductions = d("-1");
        assert_eq!(refused(vec![u], ""), "kết quả của \"Sở A\" không hợp lệ");
        let mut u = unit("Sở A");
        u.year = 0;
        assert_eq!(refused(vec![u], ""), "kết quả của \"Sở A\" không hợp lệ");
        let mut u = unit("Sở A");
        u.items.push(ResultItem {
            id: "1.1.1".into(),
            max: d("1"),
            official: Some(d("2")),
            ..Default::default()
        });
        assert_eq!(refused(vec![u], ""), "kết quả của \"Sở A\" không hợp lệ");
        assert_eq!(
            refused(vec![unit("Sở A"), unit("sở  a")], ""),
            "đơn vị \"sở  a\" có hai kết quả"
        );
        assert_eq!(
            refused(vec![unit("Sở A")], "10/02/2027"),
            "ngày quyết định \"10/02/2027\" không đúng dạng năm-tháng-ngày"
        );
        assert_eq!(refused(vec![], ""), "không có đơn vị nào");
        // and the same file without the faults is read
        let r = Results {
            units: vec![unit("Sở A"), unit("Sở B")],
            ..Default::default()
        };
        assert!(read_results(export_results(&r, "2027-01-01T08:00:00+07:00").as_bytes()).is_ok());
    }

    #[test]
    fn an_item_that_does_not_count_never_shows_as_lost() {
        let mut u = unit("Sở A");
        let item = |id: &str, max: &str, own: Option<&str>, off: Option<&str>| ResultItem {
            id: id.into(),
            max: d(max),
            self_points: own.map(d),
            official: off.map(d),
            note: String::new(),
        };
        u.items = vec![
            item("1.1.1", "0", Some("0"), Some("0")), // not applicable
            item("1.1.2", "5", Some("0"), Some("1")), // raised by the appraisal: 4 lost
            item("1.1.3", "2", Some("1"), Some("1")), // unchanged: 1 lost
            item("8.1.1", "0", None, None),           // no survey result, taken out
        ];
        let got: Vec<&str> = costliest(&u, 5)
            .iter()
            .map(|(i, _)| i.id.as_str())
            .collect();
        assert_eq!(got, vec!["1.1.2", "1.1.3"]);
    }

    #[test]
    fn csv_text_that_a_spreadsheet_would_run_is_kept_as_text() {
        let row = |title: &str, note: &str| TableRow {
            level: 2,
            id: "1.1.1".into(),
            title: title.into(),
            max: d("1"),
            applicable_max: d("1"),
            self_points: Some(d("-1")),
            official: None,
            unit_note: note.into(),
            appraisal_note: String::new(),
        };
        let text = String::from_utf8(table_csv(
            &[],
            &[row("=HYPERLINK(\"x\")", "-tốt"), row("@a", "+1")],
        ))
        .unwrap();
        assert!(
            text.contains("\r\n1.1.1,\"'=HYPERLINK(\"\"x\"\")\",1.00,-1.00,,'-tốt,\r\n"),
            "{text}"
        );
        assert!(
            text.contains("\r\n1.1.1,'@a,1.00,-1.00,,'+1,\r\n"),
            "{text}"
        );
    }
}

#[test]
fn names_typed_with_combining_marks_are_the_same_names() {
    use cchc::engine::rules::consolidate::{compose_vi, unit_key};
    // every Vietnamese letter, as Unikey's "Unicode tổ hợp" writes it (NFD)
    let nfd = "aa\u{300}a\u{301}a\u{309}a\u{303}a\u{323}a\u{306}a\u{306}\u{300}a\u{306}\u{301}a\u{306}\u{309}a\u{306}\u{303}a\u{323}\u{306}a\u{302}a\u{302}\u{300}a\u{302}\u{301}a\u{302}\u{309}a\u{302}\u{303}a\u{323}\u{302}ee\u{300}e\u{301}e\u{309}e\u{303}e\u{323}e\u{302}e\u{302}\u{300}e\u{302}\u{301}e\u{302}\u{309}e\u{302}\u{303}e\u{323}\u{302}ii\u{300}i\u{301}i\u{309}i\u{303}i\u{323}oo\u{300}o\u{301}o\u{309}o\u{303}o\u{323}o\u{302}o\u{302}\u{300}o\u{302}\u{301}o\u{302}\u{309}o\u{302}\u{303}o\u{323}\u{302}o\u{31b}o\u{31b}\u{300}o\u{31b}\u{301}o\u{31b}\u{309}o\u{31b}\u{303}o\u{31b}\u{323}uu\u{300}u\u{301}u\u{309}u\u{303}u\u{323}u\u{31b}u\u{31b}\u{300}u\u{31b}\u{301}u\u{31b}\u{309}u\u{31b}\u{303}u\u{31b}\u{323}yy\u{300}y\u{301}y\u{309}y\u{303}y\u{323}AA\u{300}A\u{301}A\u{309}A\u{303}A\u{323}A\u{306}A\u{306}\u{300}A\u{306}\u{301}A\u{306}\u{309}A\u{306}\u{303}A\u{323}\u{306}A\u{302}A\u{302}\u{300}A\u{302}\u{301}A\u{302}\u{309}A\u{302}\u{303}A\u{323}\u{302}EE\u{300}E\u{301}E\u{309}E\u{303}E\u{323}E\u{302}E\u{302}\u{300}E\u{302}\u{301}E\u{302}\u{309}E\u{302}\u{303}E\u{323}\u{302}II\u{300}I\u{301}I\u{309}I\u{303}I\u{323}OO\u{300}O\u{301}O\u{309}O\u{303}O\u{323}O\u{302}O\u{302}\u{300}O\u{302}\u{301}O\u{302}\u{309}O\u{302}\u{303}O\u{323}\u{302}O\u{31b}O\u{31b}\u{300}O\u{31b}\u{301}O\u{31b}\u{309}O\u{31b}\u{303}O\u{31b}\u{323}UU\u{300}U\u{301}U\u{309}U\u{303}U\u{323}U\u{31b}U\u{31b}\u{300}U\u{31b}\u{301}U\u{31b}\u{309}U\u{31b}\u{303}U\u{31b}\u{323}YY\u{300}Y\u{301}Y\u{309}Y\u{303}Y\u{323} \u{110}\u{111}";
    assert_eq!(compose_vi(nfd), "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵAÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴ Đđ");
    // marks in the other order (tone before the circumflex) too
    assert_eq!(compose_vi("a\u{301}\u{302}"), "ấ");
    assert_eq!(
        unit_key("So\u{31b}\u{309} Thu\u{31b}\u{309} Nghie\u{323}\u{302}m 001 \u{2014} UBND phu\u{31b}o\u{31b}\u{300}ng Ia Kring, Quy\u{300}nh"),
        unit_key("Sở Thử Nghiệm 001 — UBND phường Ia Kring, Quỳnh")
    );
    // what is not a Vietnamese letter is kept as it is
    assert_eq!(compose_vi("x\u{301} \u{301}"), "x\u{301} \u{301}");
    let units = vec!["Sở Thử Nghiệm 001".to_string()];
    let t = read_survey(
        "So\u{31b}\u{309} Thu\u{31b}\u{309} Nghie\u{323}\u{302}m 001\t5\t6",
        &so(),
        &units,
    )
    .unwrap();
    assert_eq!(t.values.len(), 1);
    assert!(t.approximate.is_empty());
}
