//! Appraisal rounds (#16): points of the appraised inputs, "accept all",
//! merging partial appraisals, revisions, and every refusal of the
//! appraisal and explanation files.

mod common;
use cchc::engine::formats::appraisal::*;
use cchc::engine::formats::{file, stored};
use cchc::engine::model::appraisal::*;
use cchc::engine::rules::appraisal::*;
use cchc::engine::rules::score::score_sub_at;
use cchc::engine::*;
use common::*;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

const AT: &str = "2026-12-15T09:00:00+07:00";

/// Every non-survey item answered at its best, with evidence.
fn answered(fw: &Framework) -> Assessment {
    let mut a = new_assessment(fw);
    for s in fw.subs().filter(|s| !s.rule.is_survey()) {
        let mut ans = best(s);
        ans.evidence.push(Evidence {
            number: format!("{}/KH-UBND", s.id),
            ..Default::default()
        });
        a.set_answer(&s.id, ans);
    }
    a
}

/// `a` submitted once: its file, the file's checksum, and `a` with the
/// submission recorded (as the app does on "Nộp").
fn submit(fw: &Framework, a: &mut Assessment) -> (String, String) {
    let n = a.rounds.submissions.len() as u32 + 1;
    let (text, sum) = file::export_submitted(a, fw, true, AT, n);
    a.rounds.submissions.push(snapshot(a, n, AT, &sum));
    (text, sum)
}

/// Items the unit answers by hand (not the survey, not the plan's figure).
fn ordinary(fw: &Framework) -> impl Iterator<Item = &SubCriterion> {
    fw.subs()
        .filter(|s| !s.rule.is_survey() && fw.plan_completion_sub.as_deref() != Some(&s.id))
}

fn none() -> BTreeSet<String> {
    BTreeSet::new()
}

fn corrected(ans: Answer, note: &str) -> AppraisedItem {
    AppraisedItem {
        answer: ans,
        note: note.into(),
        ..Default::default()
    }
}

fn appraisal(fw: &Framework, a: &Assessment, sum: &str, round: u8) -> Appraisal {
    Appraisal {
        subject: subject_of(fw, a, sum, 1),
        round,
        appraiser: "Sở Nội vụ".into(),
        deadline: "2026-12-20".into(),
        ..Default::default()
    }
}

#[test]
fn the_submitted_file_names_its_revision_and_the_desk_reads_the_same_checksum() {
    let fw = so();
    let mut a = answered(&fw);
    let (text, sum) = submit(&fw, &mut a);
    assert!(text.contains("\"submission\": {"));
    assert!(text.contains("\"revision\": 1"));
    let imp = file::import(text.as_bytes(), std::slice::from_ref(&fw), "x").unwrap();
    assert_eq!(imp.sha256, sum);
    assert_eq!(imp.submission.as_ref().map(|s| s.revision), Some(1));
    assert!(imp.warnings.is_empty(), "{:?}", imp.warnings);
    // A plain export is not a submission, and has another checksum.
    let plain = file::export(&a, &fw, true, AT);
    let imp = file::import(plain.as_bytes(), std::slice::from_ref(&fw), "x").unwrap();
    assert_eq!(imp.submission, None);
    assert_ne!(imp.sha256, sum);
}

#[test]
fn appraised_points_are_the_rules_points_for_the_appraised_inputs() {
    let fw = so();
    let mut a = answered(&fw);
    let (_, sum) = submit(&fw, &mut a);
    let mut items = BTreeMap::new();
    let targets: Vec<&SubCriterion> = ordinary(&fw).take(3).collect();
    for s in &targets {
        items.insert(
            s.id.clone(),
            corrected(worst(s), "Không có minh chứng hợp lệ"),
        );
    }
    let c = compare(&fw, &a, &items, &none());
    let mut lost = Dec2::ZERO;
    for s in &targets {
        let line = c.lines.iter().find(|l| l.id == s.id).unwrap();
        let expect = score_sub_at(s, Some(&worst(s)), false, a.period).points;
        assert_eq!(line.appraised, Some(expect), "{}", s.id);
        assert_eq!(line.self_points, s.max);
        lost += s.max - expect;
    }
    assert_eq!(c.appraised_count(), 3);
    assert_eq!(c.unit.total - c.appraised.total, lost);
    assert!(c.missing_notes().is_empty());
    // The unit's own answers are untouched.
    assert_eq!(
        a.answers.get(&targets[0].id),
        Some(&{
            let mut x = best(targets[0]);
            x.evidence.push(Evidence {
                number: format!("{}/KH-UBND", targets[0].id),
                ..Default::default()
            });
            x
        })
    );
    // A lower point without a note is listed.
    let mut items2 = items.clone();
    items2.get_mut(&targets[1].id).unwrap().note.clear();
    let c2 = compare(&fw, &a, &items2, &none());
    assert_eq!(c2.missing_notes(), vec![targets[1].id.as_str()]);
    let _ = sum;
}

#[test]
fn a_corrected_plan_item_uses_the_appraised_figure_and_leaves_the_others() {
    let fw = so();
    let plan_id = fw
        .plan_completion_sub
        .clone()
        .expect("the template has a plan item");
    let mut a = answered(&fw);
    let sub = fw.sub(&plan_id).unwrap();
    let mut items = BTreeMap::new();
    items.insert(
        plan_id.clone(),
        corrected(ratio(1, 2), "Chỉ hoàn thành một nửa"),
    );
    let c = compare(&fw, &a, &items, &none());
    let expect = score_sub_at(sub, Some(&ratio(1, 2)), false, a.period).points;
    assert_eq!(
        c.lines.iter().find(|l| l.id == plan_id).unwrap().appraised,
        Some(expect)
    );
    // Accepting it keeps whatever the unit's figure came from.
    a.plan_override = false;
    let mut acc = BTreeMap::new();
    acc.insert(
        plan_id.clone(),
        AppraisedItem {
            accepted: true,
            ..Default::default()
        },
    );
    let c = compare(&fw, &a, &acc, &none());
    assert_eq!(c.appraised.total, c.unit.total);
}

#[test]
fn survey_items_are_not_appraised_and_scope_limits_the_lines() {
    let fw = so();
    let a = answered(&fw);
    let all = compare(&fw, &a, &BTreeMap::new(), &none());
    assert!(all
        .lines
        .iter()
        .all(|l| !fw.sub(&l.id).unwrap().rule.is_survey()));
    assert_eq!(
        all.lines.len(),
        fw.subs().filter(|s| !s.rule.is_survey()).count()
    );
    let scope: BTreeSet<String> = [fw.fields[1].id.clone()].into();
    let part = compare(&fw, &a, &BTreeMap::new(), &scope);
    assert!(!part.lines.is_empty());
    assert!(part
        .lines
        .iter()
        .all(|l| field_of(&fw, &l.id).as_deref() == Some(fw.fields[1].id.as_str())));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// "Accept every remaining item" reproduces the unit's own scores.
    #[test]
    fn accepting_everything_reproduces_the_self_assessment(case in arb_assessment(so())) {
        let (fw, answers, excl, adj) = case;
        let a = build(&fw, &answers, &excl, &adj);
        let mut items = BTreeMap::new();
        let done = accept_remaining(&fw, &a, &mut items, &none(), false, "Sở Nội vụ");
        prop_assert_eq!(done.len(), fw.subs().filter(|s| !s.rule.is_survey()).count());
        let c = compare(&fw, &a, &items, &none());
        prop_assert_eq!(c.appraised.total, c.unit.total);
        prop_assert_eq!(c.appraised.index, c.unit.index);
        for l in &c.lines {
            prop_assert_eq!(l.appraised, Some(l.self_points));
        }
    }
}

#[test]
fn accept_with_evidence_only_skips_unsupported_and_appraised_items() {
    let fw = so();
    let mut a = answered(&fw);
    let ids: Vec<String> = fw
        .subs()
        .filter(|s| !s.rule.is_survey())
        .map(|s| s.id.clone())
        .collect();
    // two items without evidence, one already corrected
    for id in &ids[..2] {
        let mut ans = a.answers[id].clone();
        ans.evidence.clear();
        a.set_answer(id, ans);
    }
    let mut items = BTreeMap::new();
    items.insert(ids[2].clone(), corrected(Answer::default(), "x"));
    let done = accept_remaining(&fw, &a, &mut items, &none(), true, "SNV");
    assert_eq!(done.len(), ids.len() - 3);
    assert!(!done.contains(&ids[0]) && !done.contains(&ids[1]) && !done.contains(&ids[2]));
    assert!(
        !items[&ids[2]].accepted,
        "an appraised item is never replaced"
    );
    // undo = remove what was accepted
    for id in &done {
        items.remove(id);
    }
    assert_eq!(items.len(), 1);
}

#[test]
fn partial_appraisals_merge_and_disagreements_are_conflicts() {
    let fw = so();
    let a = answered(&fw);
    let f1 = fw.fields[0].id.clone();
    let f2 = fw.fields[1].id.clone();
    let in_f = |f: &str| -> Vec<String> {
        appraisable(&fw, &[f.to_string()].into())
            .map(|s| s.id.clone())
            .collect()
    };
    let (ids1, ids2) = (in_f(&f1), in_f(&f2));
    let mut tp = appraisal(&fw, &a, "r", 1);
    tp.appraiser = "Sở Tư pháp".into();
    tp.scope = [f2.clone()].into();
    for id in &ids2 {
        tp.items.insert(
            id.clone(),
            AppraisedItem {
                accepted: true,
                ..Default::default()
            },
        );
    }
    // an item outside its scope is ignored, not merged
    tp.items.insert(
        ids1[0].clone(),
        corrected(Answer::default(), "ngoài phạm vi"),
    );
    let mut ours: BTreeMap<String, AppraisedItem> = BTreeMap::new();
    ours.insert(
        ids1[0].clone(),
        AppraisedItem {
            accepted: true,
            ..Default::default()
        },
    );
    let m = merge(&fw, &mut ours, &tp);
    assert_eq!(m.added.len(), ids2.len());
    assert_eq!(m.out_of_scope, vec![ids1[0].clone()]);
    assert!(m.conflicts.is_empty());
    assert!(ours[&ids1[0]].accepted);
    assert_eq!(ours[&ids2[0]].by, "Sở Tư pháp");
    // The same file again: all the same, nothing changes.
    let before = ours.clone();
    let m = merge(&fw, &mut ours, &tp);
    assert_eq!(m.same.len(), ids2.len());
    assert_eq!(ours, before);
    // A second agency disagreeing on one item: a conflict, not overwritten.
    let mut tc = tp.clone();
    tc.appraiser = "Sở Tài chính".into();
    tc.items.clear();
    tc.items
        .insert(ids2[0].clone(), corrected(Answer::default(), "Chưa đạt"));
    let m = merge(&fw, &mut ours, &tc);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].id, ids2[0]);
    assert!(m.conflicts[0].ours.accepted);
    assert_eq!(m.conflicts[0].theirs.by, "Sở Tài chính");
    assert_eq!(ours, before);
}

fn file_of(fw: &Framework, a: &Assessment, ap: &Appraisal) -> (String, String) {
    export_appraisal(fw, a, ap, AT)
}

#[test]
fn the_appraisal_file_round_trips_deterministically() {
    let fw = so();
    let mut a = answered(&fw);
    let (_, sum) = submit(&fw, &mut a);
    let mut ap = appraisal(&fw, &a, &sum, 1);
    let id = fw.subs().next().unwrap().id.clone();
    ap.items.insert(
        id.clone(),
        AppraisedItem {
            answer: worst(fw.sub(&id).unwrap()),
            note: "Văn bản ban hành muộn <script>alert(1)</script>".into(),
            request: "Cung cấp văn bản gốc".into(),
            by: "Sở Nội vụ".into(),
            accepted: false,
        },
    );
    let (t1, s1) = file_of(&fw, &a, &ap);
    let (t2, s2) = export_appraisal(&fw, &a, &ap, "2027-01-01T00:00:00+07:00");
    assert_eq!(s1, s2, "exported_at is outside the checksum");
    assert_eq!(
        t1.replace(AT, "X"),
        t2.replace("2027-01-01T00:00:00+07:00", "X")
    );
    let (back, sum_back) = read_appraisal(t1.as_bytes()).unwrap();
    assert_eq!(back, ap);
    assert_eq!(sum_back, s1);
    assert!(t1.contains("\"format\": \"cchc-appraisal\""));
    // the figures for readers
    let v: serde_json::Value = serde_json::from_str(&t1).unwrap();
    let self_pts = v["summary"]["points"][&id]["self"].to_string();
    assert_eq!(Dec2::parse(&self_pts), Some(fw.sub(&id).unwrap().max));
    assert_eq!(v["summary"]["points"][&id]["appraised"].to_string(), "0");
    assert!(accept_appraisal(&fw, &a, &back, &sum_back).is_ok());
}

#[test]
fn every_refusal_of_an_appraisal_at_the_unit() {
    let fw = so();
    let mut a = answered(&fw);
    let (_, sum1) = submit(&fw, &mut a);
    let ap1 = appraisal(&fw, &a, &sum1, 1);
    let (t1, s1) = file_of(&fw, &a, &ap1);
    let ok = |ap: &Appraisal, sum: &str, a: &Assessment| accept_appraisal(&fw, a, ap, sum);

    let mut other = ap1.clone();
    other.subject.unit_name = "Sở Y tế".into();
    let e = ok(&other, "z", &a).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Tệp dành cho đơn vị \"Sở Y tế\", không phải \"Sở Thử nghiệm\"."
    );

    let mut other = ap1.clone();
    other.subject.period = Period::Q3;
    assert_eq!(
        ok(&other, "z", &a).unwrap_err().to_string(),
        "Tệp dành cho kỳ Quý III năm 2025, không phải kỳ Năm năm 2025 đang mở."
    );

    let mut other = ap1.clone();
    other.subject.framework_sha256 = "0".repeat(64);
    assert!(matches!(
        ok(&other, "z", &a),
        Err(Refusal::OtherFramework { .. })
    ));

    let mut other = ap1.clone();
    other.subject.revision_sha256 = "f".repeat(64);
    assert_eq!(ok(&other, "z", &a), Err(Refusal::NeverSubmitted));

    let mut part = ap1.clone();
    part.scope = ["1".to_string()].into();
    part.appraiser = "Sở Tư pháp".into();
    assert!(ok(&part, "z", &a)
        .unwrap_err()
        .to_string()
        .contains("Sở Tư pháp"));

    let mut unknown = ap1.clone();
    unknown
        .items
        .insert("9.9.9".into(), AppraisedItem::default());
    assert_eq!(
        ok(&unknown, "z", &a),
        Err(Refusal::UnknownItems(vec!["9.9.9".into()]))
    );

    let two = appraisal(&fw, &a, &sum1, 2);
    assert_eq!(ok(&two, "z", &a), Err(Refusal::RoundTwoFirst));

    // received once: a duplicate
    let (ap, sum) = read_appraisal(t1.as_bytes()).unwrap();
    assert_eq!(sum, s1);
    let mut b = a.clone();
    b.rounds.received.push(Received {
        sha256: sum.clone(),
        received_at: AT.into(),
        appraisal: ap.clone(),
    });
    assert_eq!(ok(&ap, &sum, &b), Err(Refusal::Duplicate));
    // round 2 now fine; after it, round 1 is refused
    assert_eq!(ok(&two, "z", &b), Ok(()));
    b.rounds.received.push(Received {
        sha256: "z".into(),
        received_at: AT.into(),
        appraisal: two.clone(),
    });
    let mut again = ap1.clone();
    again.deadline = "2026-12-31".into();
    assert_eq!(ok(&again, "y", &b), Err(Refusal::AfterFinal));

    // A newer revision submitted since: the old one's appraisal is refused
    // and the message lists what differs.
    let changed = fw.subs().find(|s| !s.rule.is_survey()).unwrap().id.clone();
    a.set_answer(&changed, worst(fw.sub(&changed).unwrap()));
    assert_eq!(
        changed_since_submitted(&fw, &a),
        Some(vec![changed.clone()])
    );
    let (_, sum2) = submit(&fw, &mut a);
    assert_ne!(sum1, sum2);
    assert_eq!(changed_since_submitted(&fw, &a), None);
    let e = ok(&ap1, &s1, &a).unwrap_err();
    assert_eq!(
        e,
        Refusal::Replaced {
            revision: 1,
            latest: 2,
            items: vec![changed.clone()]
        }
    );
    assert!(e.to_string().starts_with(&format!(
        "Tệp thẩm định bản nộp lần 1, nhưng đơn vị đã nộp bản lần 2 sau đó. Các mục khác nhau giữa hai bản: {changed}."
    )));
}

#[test]
fn damaged_hostile_and_foreign_files_are_refused_by_kind() {
    let fw = so();
    let mut a = answered(&fw);
    let (self_file, sum) = submit(&fw, &mut a);
    let (t, _) = file_of(&fw, &a, &appraisal(&fw, &a, &sum, 1));
    let r = |b: &[u8]| read_appraisal(b).unwrap_err();
    assert_eq!(r(b""), Refusal::Empty);
    assert_eq!(r(b"\xff\xfe"), Refusal::NotUtf8);
    assert!(matches!(
        r(b"{\"format\":"),
        Refusal::NotJson { line: 1, .. }
    ));
    assert_eq!(
        r(self_file.as_bytes()).to_string(),
        "Cần tệp kết quả thẩm định, nhưng đây là tệp tự đánh giá."
    );
    assert_eq!(
        r(&vec![b' '; file::MAX_FILE_BYTES + 1]),
        Refusal::TooLarge(file::MAX_FILE_BYTES + 1)
    );
    // edited by hand
    let edited = t.replacen("\"round\": 1", "\"round\": 2", 1);
    assert_eq!(r(edited.as_bytes()), Refusal::ChecksumMismatch);
    // a newer format version
    let newer = t.replacen("\"format_version\": 1", "\"format_version\": 9", 1);
    assert_eq!(r(newer.as_bytes()), Refusal::NewerVersion(9));
    // round 3, a text over its limit: refused even with a valid checksum
    let mut ap = appraisal(&fw, &a, &sum, 1);
    ap.round = 3;
    let (t3, _) = file_of(&fw, &a, &ap);
    assert_eq!(r(t3.as_bytes()), Refusal::BadRound(3));
    let mut ap = appraisal(&fw, &a, &sum, 1);
    let id = fw.subs().next().unwrap().id.clone();
    ap.items
        .insert(id, corrected(Answer::default(), &"x".repeat(20_000)));
    let (tl, _) = file_of(&fw, &a, &ap);
    assert!(r(tl.as_bytes())
        .to_string()
        .contains("dài quá giới hạn (20000 ký tự, tối đa 10000)"));
    // malformed item
    let bad = "{\"format\":\"cchc-appraisal\",\"format_version\":1,\"round\":\"một\"}";
    let sum_bad = file::sha256_hex(
        cchc::engine::formats::json::canonical(
            &cchc::engine::formats::json::parse(bad).unwrap(),
            &["checksum", "exported_at"],
        )
        .as_bytes(),
    );
    let with_sum = bad.replacen(
        '}',
        &format!(",\"checksum\":{{\"algorithm\":\"sha256\",\"value\":\"{sum_bad}\"}}}}"),
        1,
    );
    assert!(matches!(r(with_sum.as_bytes()), Refusal::Malformed(_)));
}

#[test]
fn explanations_answer_exactly_the_appraisal_sent() {
    let fw = so();
    let mut a = answered(&fw);
    let (_, sum) = submit(&fw, &mut a);
    let id = fw.subs().next().unwrap().id.clone();
    let mut ap = appraisal(&fw, &a, &sum, 1);
    ap.items.insert(
        id.clone(),
        AppraisedItem {
            request: "Bổ sung".into(),
            ..corrected(Answer::default(), "Thiếu")
        },
    );
    let (_, ap_sum) = file_of(&fw, &a, &ap);
    let mut ex = Explanation {
        subject: ap.subject.clone(),
        appraisal_sha256: ap_sum.clone(),
        deadline: ap.deadline.clone(),
        late: false,
        items: BTreeMap::new(),
    };
    ex.items.insert(
        id.clone(),
        Reply {
            text: "Đã ban hành đúng hạn, gửi kèm văn bản".into(),
            evidence: vec![Evidence {
                number: "12/QĐ-UBND".into(),
                date: "2025-02-01".into(),
                ..Default::default()
            }],
        },
    );
    let (t, s) = export_explanation(&ex, AT);
    let (back, s_back) = read_explanation(t.as_bytes()).unwrap();
    assert_eq!(back, ex);
    assert_eq!(s, s_back);
    let ok = |sent: Option<&str>, seen: &[String], ex: &Explanation| {
        accept_explanation(&fw, &a, &sum, sent, seen, ex, &s)
    };
    assert_eq!(ok(Some(&ap_sum), &[], &back), Ok(()));
    assert_eq!(ok(Some("other"), &[], &back), Err(Refusal::OtherAppraisal));
    assert_eq!(ok(None, &[], &back), Err(Refusal::OtherAppraisal));
    assert_eq!(
        ok(Some(&ap_sum), std::slice::from_ref(&s), &back),
        Err(Refusal::Duplicate)
    );
    let mut other = back.clone();
    other.subject.unit_name = "UBND xã A".into();
    assert!(matches!(
        ok(Some(&ap_sum), &[], &other),
        Err(Refusal::OtherUnit { .. })
    ));
    assert_eq!(
        read_explanation(
            t.replacen("giai", "giải", 0)
                .replacen("Đã ban", "Chưa ban", 1)
                .as_bytes()
        ),
        Err(Refusal::ChecksumMismatch)
    );
    let mut many = ex.clone();
    many.items.get_mut(&id).unwrap().evidence = vec![Evidence::default(); 31];
    let (tm, _) = export_explanation(&many, AT);
    assert!(read_explanation(tm.as_bytes())
        .unwrap_err()
        .to_string()
        .contains("quá nhiều minh chứng (31, tối đa 30)"));
}

#[test]
fn partial_appraisals_are_checked_against_the_round_and_revision() {
    let fw = so();
    let mut a = answered(&fw);
    let (_, sum) = submit(&fw, &mut a);
    let mut p = appraisal(&fw, &a, &sum, 1);
    p.scope = [fw.fields[0].id.clone()].into();
    let ok = |round: u8, rev: &str, p: &Appraisal| accept_partial(&fw, &a, rev, round, &[], p, "s");
    assert_eq!(ok(1, &sum, &p), Ok(()));
    assert_eq!(ok(1, "other", &p), Err(Refusal::NeverSubmitted));
    assert_eq!(ok(2, &sum, &p), Err(Refusal::AfterFinal));
    p.round = 2;
    assert_eq!(ok(1, &sum, &p), Err(Refusal::RoundTwoFirst));
}

#[test]
fn the_rounds_are_kept_with_the_assessment_and_not_carried_to_the_next_period() {
    let fw = so();
    let mut a = answered(&fw);
    let (_, sum) = submit(&fw, &mut a);
    let ap = appraisal(&fw, &a, &sum, 1);
    a.rounds.received.push(Received {
        sha256: "s".into(),
        received_at: AT.into(),
        appraisal: ap,
    });
    a.rounds.replies.insert(
        "1.1.1".into(),
        Reply {
            text: "Giải trình".into(),
            evidence: vec![],
        },
    );
    let text = stored::encode(&a, "tab", AT);
    let back = stored::decode(&text).unwrap();
    assert_eq!(back.assessment.rounds, a.rounds);
    // An assessment without rounds stores as before.
    let plain = new_assessment(&fw);
    assert!(!stored::encode(&plain, "tab", AT).contains("rounds"));
    let mut q = a.clone();
    q.period = Period::Q3;
    let (next, _) = cchc::engine::rules::period::next_period_copy(Some(&fw), &q, "n", AT);
    assert_eq!(next.rounds, UnitRounds::default());
}

#[test]
fn days_left_counts_calendar_days() {
    assert_eq!(days_left("2026-12-15", "2026-12-20"), Some(5));
    assert_eq!(
        days_left("2026-12-31T10:00:00+07:00", "2027-01-01"),
        Some(1)
    );
    assert_eq!(days_left("2024-02-28", "2024-03-01"), Some(2));
    assert_eq!(days_left("2026-12-21", "2026-12-20"), Some(-1));
    assert_eq!(days_left("2026-12-21", ""), None);
    assert_eq!(days_left("2026-13-01", "2026-12-20"), None);
}

#[test]
fn desk_work_through_both_rounds() {
    let fw = so();
    let mut a = answered(&fw);
    let (_, sum) = submit(&fw, &mut a);
    let mut d = DeskRounds {
        appraiser: "Sở Nội vụ".into(),
        deadline: "2026-12-20".into(),
        ..Default::default()
    };
    let ids: Vec<String> = appraisable(&fw, &none()).map(|s| s.id.clone()).collect();
    let sub0 = fw.sub(&ids[0]).unwrap();
    apply(
        &mut d,
        &sum,
        &a.unit_name,
        WorkEdit::Item(ids[0].clone(), Some(corrected(worst(sub0), ""))),
    );
    let w = d.units[&sum].clone();
    assert_eq!(
        w.items[&ids[0]].by, "Sở Nội vụ",
        "an empty 'by' is the desk's appraiser"
    );
    let c = compare(&fw, &a, &w.items, &d.scope);
    let p = export_problems(&c, &w, &d, AT);
    assert_eq!(
        p,
        vec![format!(
            "1 mục bị trừ điểm chưa có ghi chú thẩm định: {}",
            ids[0]
        )]
    );
    // without an appraiser, the file could not say who appraised
    let nobody = DeskRounds {
        appraiser: " ".into(),
        ..d.clone()
    };
    assert!(export_problems(&c, &w, &nobody, AT)[0].starts_with("Chưa ghi cơ quan thẩm định"));
    let mut w2 = w.clone();
    assert!(
        !start_round2(&mut w2),
        "round 2 waits for round 1 to be sent"
    );
    apply(
        &mut d,
        &sum,
        &a.unit_name,
        WorkEdit::Item(
            ids[0].clone(),
            Some(AppraisedItem {
                note: "Sai kỳ".into(),
                request: "Giải trình".into(),
                ..corrected(worst(sub0), "")
            }),
        ),
    );
    let mut w = d.units[&sum].clone();
    let c = compare(&fw, &a, &w.items, &d.scope);
    assert!(export_problems(&c, &w, &d, AT).is_empty());
    assert_eq!(
        export_problems(&c, &w, &d, "2026-12-21T08:00:00+07:00"),
        vec!["Hạn gửi giải trình đã qua: hãy đặt lại hạn (ở \"Thiết lập chung\").".to_string()]
    );
    // a request without a deadline: the unit would not know by when
    let undated = DeskRounds {
        deadline: String::new(),
        ..d.clone()
    };
    assert_eq!(
        export_problems(&c, &w, &undated, AT),
        vec![
            "Có mục yêu cầu giải trình nhưng chưa đặt hạn gửi giải trình (ở \"Thiết lập chung\")."
                .to_string()
        ]
    );
    let ap = appraisal_of(&d, &w, subject_of(&fw, &a, &sum, 1), &fw);
    assert_eq!(
        (ap.round, ap.deadline.as_str(), ap.items.len()),
        (1, "2026-12-20", 1)
    );
    let (_, s1) = export_appraisal(&fw, &a, &ap, AT);
    w.sent1 = s1.clone();
    let before = w.items.clone();
    assert!(start_round2(&mut w));
    assert_eq!(w.round, 2);
    assert_eq!(w.round1, before, "round 1 kept as sent, requests and all");
    assert!(
        w.items.values().all(|i| i.request.is_empty()),
        "the final round starts without round 1's requests"
    );
    assert_eq!(w.items[&ids[0]].note, "Sai kỳ");
    let ex = Explanation {
        subject: ap.subject.clone(),
        appraisal_sha256: s1,
        ..Default::default()
    };
    take_explanation(&mut w, ex, "e1");
    let ap2 = appraisal_of(&d, &w, subject_of(&fw, &a, &sum, 1), &fw);
    assert_eq!(
        (
            ap2.round,
            ap2.deadline.as_str(),
            ap2.explanation_sha256.as_str()
        ),
        (2, "", "e1")
    );
    // a conflict blocks the export until resolved
    w.conflicts.insert(
        ids[0].clone(),
        AppraisedItem {
            accepted: true,
            by: "Sở Tư pháp".into(),
            ..Default::default()
        },
    );
    let c = compare(&fw, &a, &w.items, &d.scope);
    assert!(export_problems(&c, &w, &d, AT)[0]
        .starts_with("1 mục có hai kết quả thẩm định khác nhau chưa chọn"));
    resolve(&mut w, &ids[0], true);
    assert!(w.items[&ids[0]].accepted && w.conflicts.is_empty());
    // a partial scope exports only its fields
    let mut dp = d.clone();
    dp.scope = [fw.fields[1].id.clone()].into();
    let part = appraisal_of(&dp, &w, subject_of(&fw, &a, &sum, 1), &fw);
    assert!(
        part.items.is_empty(),
        "item {} is in field {}",
        ids[0],
        fw.fields[0].id
    );
}

#[test]
fn the_unit_sees_the_appraisal_against_what_it_submitted() {
    let fw = so();
    let mut a = answered(&fw);
    let (_, sum) = submit(&fw, &mut a);
    let s = ordinary(&fw).next().unwrap();
    // edited after submitting: the appraisal judged the submitted answers
    a.set_answer(&s.id, worst(s));
    let sub = a.rounds.last_submission().unwrap().clone();
    assert_eq!(sub.sha256, sum);
    let then = as_submitted(&a, &sub);
    assert_eq!(then.answers, sub.answers);
    let c = compare(&fw, &then, &BTreeMap::new(), &none());
    let line = c.lines.iter().find(|l| l.id == s.id).unwrap();
    assert_eq!(
        line.self_points, s.max,
        "the submitted answer, not the edit"
    );
    assert_eq!(changed_since_submitted(&fw, &a), Some(vec![s.id.clone()]));
}

#[test]
fn an_invalid_corrected_figure_is_an_error_and_blocks_the_export() {
    let fw = so();
    let mut a = answered(&fw);
    let (_, sum) = submit(&fw, &mut a);
    let s = fw
        .subs()
        .find(|s| matches!(s.rule, Rule::RatioBands { .. } | Rule::Proportional { .. }))
        .expect("a ratio item");
    let mut items = BTreeMap::new();
    items.insert(
        s.id.clone(),
        AppraisedItem {
            note: "Sai số liệu".into(),
            ..corrected(ratio(400, 376), "")
        },
    );
    let c = compare(&fw, &a, &items, &none());
    let line = c.lines.iter().find(|l| l.id == s.id).unwrap();
    assert_eq!(line.error, Some(AnswerError::NumeratorExceedsDenominator));
    let d = DeskRounds {
        appraiser: "Sở Nội vụ".into(),
        ..Default::default()
    };
    let w = DeskWork {
        items,
        ..new_work(&sum, &a.unit_name)
    };
    assert_eq!(
        export_problems(&c, &w, &d, AT),
        vec![format!("1 mục có số liệu thẩm định không hợp lệ: {}", s.id)]
    );
    // an accepted item carries no appraiser's figures, so no error
    let mut ok = w.items.clone();
    ok.get_mut(&s.id).unwrap().accepted = true;
    let c = compare(&fw, &a, &ok, &none());
    assert!(c.lines.iter().all(|l| l.error.is_none()));
}

#[test]
fn a_whole_round_one_file_restores_what_was_sent_on_a_fresh_desk() {
    let fw = so();
    let mut a = answered(&fw);
    let (_, sum) = submit(&fw, &mut a);
    let mut ap = appraisal(&fw, &a, &sum, 1);
    let id = appraisable(&fw, &none()).next().unwrap().id.clone();
    ap.items.insert(
        id.clone(),
        AppraisedItem {
            accepted: true,
            request: "Bổ sung".into(),
            ..Default::default()
        },
    );
    let (_, s1) = export_appraisal(&fw, &a, &ap, AT);
    // a fresh desk: no appraiser, no deadline, no work
    let mut d = DeskRounds::default();
    d.units.insert(sum.clone(), new_work(&sum, &a.unit_name));
    let w = d.units.get_mut(&sum).unwrap();
    accept_partial(&fw, &a, &sum, 1, &w.seen, &ap, &s1).unwrap();
    merge_part(&fw, w, &ap, &s1);
    assert!(restore_sent(&mut d, &sum, &ap, &s1));
    assert_eq!(d.units[&sum].sent1, s1);
    assert_eq!(
        (d.deadline.as_str(), d.appraiser.as_str()),
        ("2026-12-20", "Sở Nội vụ")
    );
    // so the unit's explanation of it is taken
    let ex = Explanation {
        subject: ap.subject.clone(),
        appraisal_sha256: s1.clone(),
        ..Default::default()
    };
    let w = &d.units[&sum];
    assert_eq!(
        accept_explanation(&fw, &a, &sum, Some(&w.sent1), &w.seen, &ex, "e"),
        Ok(())
    );
    // a second time, or a partial one, restores nothing
    assert!(!restore_sent(&mut d, &sum, &ap, "other"));
    let mut part = ap.clone();
    part.scope = [fw.fields[0].id.clone()].into();
    let mut d2 = DeskRounds::default();
    d2.units.insert(sum.clone(), new_work(&sum, &a.unit_name));
    assert!(!restore_sent(&mut d2, &sum, &part, "p"));
    assert!(d2.units[&sum].sent1.is_empty());
}

#[test]
fn opening_the_units_figures_is_no_disagreement_and_accepted_figures_stay_home() {
    let fw = so();
    let mut a = answered(&fw);
    let (_, sum) = submit(&fw, &mut a);
    let all = none();
    let s = appraisable(&fw, &all).next().unwrap();
    let own = a.answers[&s.id].clone();
    let mut items = BTreeMap::new();
    items.insert(s.id.clone(), corrected(own.clone(), ""));
    let c = compare(&fw, &a, &items, &none());
    assert!(
        !c.lines[0].disagrees(),
        "the unit's own figures, not changed"
    );
    items.insert(s.id.clone(), corrected(worst(s), "x"));
    let c = compare(&fw, &a, &items, &none());
    assert!(c.lines[0].disagrees());
    // accepted after typing figures: the desk keeps them, the file does not
    items.get_mut(&s.id).unwrap().accepted = true;
    let d = DeskRounds {
        appraiser: "Sở Nội vụ".into(),
        ..Default::default()
    };
    let w = DeskWork {
        items: items.clone(),
        ..new_work(&sum, &a.unit_name)
    };
    let ap = appraisal_of(&d, &w, subject_of(&fw, &a, &sum, 1), &fw);
    assert_eq!(ap.items[&s.id].answer, Answer::default());
    assert_eq!(w.items[&s.id].answer, worst(s));
}

#[test]
fn replacing_keeps_the_rounds_and_a_submitted_file_is_adopted() {
    let fw = so();
    let mut a = answered(&fw);
    let (text, sum) = submit(&fw, &mut a);
    a.rounds.replies.insert(
        "1.1.1".into(),
        Reply {
            text: "x".into(),
            ..Default::default()
        },
    );
    // the file imported over it carries no rounds: the stored ones stay
    let imp = file::import(text.as_bytes(), std::slice::from_ref(&fw), "y").unwrap();
    let mut b = imp.assessment.clone();
    assert_eq!(b.rounds, UnitRounds::default());
    carry_rounds(&a, &mut b);
    assert_eq!(b.rounds, a.rounds);
    // on a browser that never submitted it, its own file makes it known
    let mut fresh = imp.assessment.clone();
    let info = imp.submission.clone().unwrap();
    assert!(adopt_submission(
        &mut fresh,
        info.revision,
        &info.submitted_at,
        &imp.sha256
    ));
    assert!(!adopt_submission(
        &mut fresh,
        info.revision,
        &info.submitted_at,
        &imp.sha256
    ));
    assert_eq!(fresh.rounds.submissions.len(), 1);
    assert_eq!(fresh.rounds.submissions[0].sha256, sum);
    let ap = appraisal(&fw, &fresh, &sum, 1);
    let (t1, _) = export_appraisal(&fw, &fresh, &ap, AT);
    let (ap, s1) = read_appraisal(t1.as_bytes()).unwrap();
    assert_eq!(accept_appraisal(&fw, &fresh, &ap, &s1), Ok(()));
    // an older revision adopted later goes before the newer one
    adopt_submission(&mut fresh, 0, AT, "older");
    assert_eq!(fresh.rounds.submissions[0].sha256, "older");
}
