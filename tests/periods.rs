//! A quarter is not a year (#15): period rules at each cut-off, the
//! figure "đến kỳ báo cáo" over what can be judged yet, the year-end
//! projection, carried answers, and older files.

mod common;
use cchc::engine::formats::{file, framework as fw_file, stored};
use cchc::engine::model::{PeriodRule, PlanStatus, PlanTask};
use cchc::engine::rules::period::next_period_copy;
use cchc::engine::rules::plan;
use cchc::engine::*;
use common::*;
use proptest::prelude::*;

const PERIODS: [Period; 4] = Period::ALL;

fn at(fw: &Framework, p: Period) -> Assessment {
    let mut a = new_assessment(fw);
    a.period = p;
    a
}

fn count(n: u64) -> Answer {
    value(Value::Count { count: n })
}

fn task(id: &str, deadline: &str, status: PlanStatus) -> PlanTask {
    PlanTask {
        id: id.into(),
        task: format!("Nhiệm vụ {id}"),
        deadline: deadline.into(),
        status,
        ..PlanTask::default()
    }
}

/// The framework without its period rules: what older files read as.
fn unaffected(fw: &Framework) -> Framework {
    let mut f = fw.clone();
    f.subs_mut()
        .for_each(|s| s.period_rule = PeriodRule::Unaffected);
    f
}

#[test]
fn templates_declare_their_period_rules() {
    for fw in [so(), xa()] {
        assert_eq!(
            fw.sub("1.2.1").unwrap().period_rule,
            PeriodRule::Cumulative {
                expected: [1, 2, 3, 4]
            },
            "{}",
            fw.id
        );
        assert_eq!(
            fw.sub(fw.plan_completion_sub.as_deref().unwrap())
                .unwrap()
                .period_rule,
            PeriodRule::DueByCutoff
        );
        // every survey item is judged at year end
        for s in fw.subs().filter(|s| s.rule.is_survey()) {
            assert_eq!(s.period_rule, PeriodRule::YearEnd, "{}", s.id);
        }
        assert!(validate(&fw).is_empty());
    }
}

#[test]
fn reports_due_grow_with_the_period() {
    // 1.2.1: 4 reports → 1, 3 → 0,5, 0–2 → 0 for the year; 1, 2, 3, 4 due
    let fw = so();
    let cases: [(Period, u64, &str); 12] = [
        (Period::Q1, 1, "1"),
        (Period::Q1, 0, "0,5"),
        (Period::H1, 2, "1"),
        (Period::H1, 1, "0,5"),
        (Period::H1, 0, "0"),
        (Period::Q3, 3, "1"),
        (Period::Q3, 2, "0,5"),
        (Period::Q3, 1, "0"),
        (Period::Year, 4, "1"),
        (Period::Year, 3, "0,5"),
        (Period::Year, 2, "0"),
        // reported ahead of time: never above the year's maximum
        (Period::Q1, 4, "1"),
    ];
    for (p, n, pts) in cases {
        let mut a = at(&fw, p);
        a.set_answer("1.2.1", count(n));
        let s = score(&fw, &a);
        let x = s.sub("1.2.1").unwrap();
        assert_eq!(
            (x.points, x.state),
            (d(pts), SubState::Answered),
            "{p:?} {n}"
        );
        let due = [1, 2, 3, 4][p.index()];
        assert_eq!(x.expected, (p != Period::Year).then_some((due, 4)), "{p:?}");
    }
    // a count above the rule's maximum is still an error at any period
    let mut a = at(&fw, Period::Q3);
    a.set_answer("1.2.1", count(5));
    assert_eq!(
        score(&fw, &a).sub("1.2.1").unwrap().error,
        Some(AnswerError::CountAboveMax(4))
    );
}

#[test]
fn the_plan_item_counts_tasks_due_by_the_cut_off() {
    let fw = so();
    let plan = vec![
        task("a", "2025-03-14", PlanStatus::Done), // due exactly on the Quý I cut-off
        task("b", "2025-03-15", PlanStatus::Done), // the day after
        task("c", "2025-06-14", PlanStatus::InProgress),
        task("d", "2025-09-10", PlanStatus::Done),
        task("e", "2025-12-31", PlanStatus::NotStarted), // after the year's cut-off
        task("f", "", PlanStatus::InProgress),           // no deadline: year end
    ];
    // (period, done, due, points of 1.1.3: 100 % → 2, 80–<100 → 1, < 80 → 0)
    let cases = [
        (Period::Q1, 1, 1, "2"),
        (Period::H1, 2, 3, "0"),
        (Period::Q3, 3, 4, "0"),
        // the year: every task of the plan, as before
        (Period::Year, 3, 6, "0"),
    ];
    for (p, done, due, pts) in cases {
        let mut a = at(&fw, p);
        a.plan = plan.clone();
        let f = plan::plan_figure(&fw, &a).unwrap();
        assert_eq!((f.done, f.total), (done, due), "{p:?}");
        assert_eq!(f.due_by, (p != Period::Year).then_some(p));
        let s = score(&fw, &a);
        let x = s.sub("1.1.3").unwrap();
        assert_eq!((x.points, x.from_plan), (d(pts), true), "{p:?}");
    }
    let mut a = at(&fw, Period::Q3);
    a.plan = plan.clone();
    assert_eq!(
        plan::plan_figure(&fw, &a).unwrap().describe(),
        "3/4 nhiệm vụ đến hạn trước hoặc đúng ngày 14/9 đã hoàn thành"
    );
    // the period's progress at 100 % counts as done
    a.plan[2].progress.insert(Period::Q3, 100);
    assert_eq!(plan::plan_figure(&fw, &a).unwrap().done, 4);
    assert_eq!(score(&fw, &a).sub("1.1.3").unwrap().points, d("2"));
    // nothing due yet: cannot be judged, not 0 points
    let mut a = at(&fw, Period::Q1);
    a.plan = vec![task("x", "2025-06-30", PlanStatus::InProgress)];
    let s = score(&fw, &a);
    assert_eq!(s.sub("1.1.3").unwrap().state, SubState::NotYet);
    assert!(s.not_yet.contains(&"1.1.3".to_string()));
    assert_eq!(
        plan::plan_figure(&fw, &a).unwrap().describe(),
        "Chưa có nhiệm vụ nào của kế hoạch đến hạn trước hoặc đúng ngày 14/3: chưa đánh giá được ở kỳ này"
    );
    // a framework without the rule counts every task at every period
    let old = unaffected(&fw);
    let f = plan::plan_figure(&old, &a).unwrap();
    assert_eq!((f.done, f.total, f.due_by), (0, 1, None));
}

#[test]
fn a_hand_typed_ratio_with_nothing_due_is_not_judged_yet() {
    let fw = so();
    // 1.4.1 (tuyên truyền plan) is "due by cut-off": 0/0 at Quý I waits
    let mut a = at(&fw, Period::Q1);
    a.set_answer("1.4.1", ratio(0, 0));
    assert_eq!(score(&fw, &a).sub("1.4.1").unwrap().state, SubState::NotYet);
    a.set_answer("1.4.1", ratio(2, 2));
    assert_eq!(score(&fw, &a).sub("1.4.1").unwrap().points, d("1"));
    // at the year 0/0 is what the year's rule says (no "no case" here)
    let mut a = at(&fw, Period::Year);
    a.set_answer("1.4.1", ratio(0, 0));
    assert_eq!(
        score(&fw, &a).sub("1.4.1").unwrap().error,
        Some(AnswerError::ZeroDenominator)
    );
}

#[test]
fn year_end_items_wait_and_leave_the_maximum_so_far() {
    let fw = so();
    let year_end: Vec<&str> = fw
        .subs()
        .filter(|s| s.period_rule == PeriodRule::YearEnd)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(year_end, ["1.3.1", "1.5.1", "5.3.1", "8.1.1", "8.2.1"]);
    for p in PERIODS {
        let mut a = at(&fw, p);
        for s in fw.subs() {
            a.set_answer(&s.id, best(s));
        }
        // 5.3.1 is answered but still waits before the year ends
        let s = score(&fw, &a);
        let x = s.sub("5.3.1").unwrap();
        let plain = score(&unaffected(&fw), &a);
        if p == Period::Year {
            assert_eq!(x.state, SubState::Answered);
            assert!(s.not_yet.is_empty());
            assert_eq!(s.not_yet_max, Dec2::ZERO);
        } else {
            assert_eq!(
                (x.state, x.points, x.applicable_max, x.lost),
                (SubState::NotYet, Dec2::ZERO, Dec2::ZERO, Dec2::ZERO),
                "{p:?}"
            );
            // the judgeable maximum: what is left once the waiting items go
            // (1 + 1 + 2 + 10 + 10; the plan item is typed here, so judged)
            assert_eq!(s.not_yet, year_end, "{p:?}");
            assert_eq!(s.not_yet_max, d("24"));
            assert_eq!(s.applicable_max + s.not_yet_max, plain.applicable_max);
            assert_eq!(s.applicable_max, d("76"));
            // every self-assessed item judged at full: 100 % so far
            assert_eq!(s.index, d("100"), "{p:?}");
            assert_eq!(s.applicable_items, plain.applicable_items - 3);
        }
    }
    // not applicable wins over "not yet"
    let mut a = at(&fw, Period::Q1);
    a.set_answer(
        "1.3.1",
        Answer {
            not_applicable: true,
            ..Answer::default()
        },
    );
    let fw2 = {
        let mut f = fw.clone();
        f.subs_mut()
            .filter(|s| s.id == "1.3.1")
            .for_each(|s| s.may_be_not_applicable = true);
        f
    };
    assert_eq!(
        score(&fw2, &a).sub("1.3.1").unwrap().state,
        SubState::NotApplicable
    );
}

#[test]
fn the_year_end_projection_counts_what_is_not_yet_due() {
    let fw = so();
    let mut a = at(&fw, Period::Q3);
    for s in fw.subs() {
        a.set_answer(&s.id, best(s));
    }
    a.set_answer("1.2.1", count(2)); // one of three reports missing
    a.answers.remove("1.1.3"); // the plan answers it
    a.plan = vec![
        task("a", "2025-03-01", PlanStatus::Done),
        task("b", "2025-09-01", PlanStatus::InProgress), // overdue: stays open
        task("c", "2025-11-30", PlanStatus::InProgress), // not yet due
    ];
    let so_far = score(&fw, &a);
    // 1.2.1: 2 of 3 due → 3 of 4 → 0,5; 1.1.3: 1/2 due done → 0
    assert_eq!(so_far.sub("1.2.1").unwrap().points, d("0,5"));
    assert_eq!(so_far.sub("1.1.3").unwrap().points, d("0"));
    let (year, p) = plan::project_year(&fw, &a);
    assert_eq!(year.period, Period::Year);
    // at year end: still one report missing (3 of 4 → 0,5); the plan 2/3
    // (task c done by its deadline, b still open) → 66,67 % → 0
    assert_eq!(year.sub("1.2.1").unwrap().points, d("0,5"));
    assert_eq!(year.sub("1.1.3").unwrap().points, d("0"));
    // the survey estimates and year-end items count again
    assert!(year.not_yet.is_empty());
    assert_eq!(p.max, d("100"));
    assert_eq!(p.total, year.total);
    assert_eq!(p.gain, Dec2::ZERO);
    // with the overdue task done too, the plan reaches 100 % at year end
    a.plan[1].status = PlanStatus::Done;
    let (year, p2) = plan::project_year(&fw, &a);
    assert_eq!(year.sub("1.1.3").unwrap().points, d("2"));
    assert_eq!(p2.total, p.total + d("2"));
    // without open tasks the projection is the answers (and actions) alone
    let mut b = a.clone();
    b.plan.clear();
    b.set_answer("1.1.3", ratio(1, 1));
    let (year_b, pb) = plan::project_year(&fw, &b);
    assert_eq!(pb.total, year_b.total);
    // an open action adds what it expects, within what its item loses
    b.actions.push(cchc::engine::model::CorrectiveAction {
        id: "x".into(),
        subs: vec!["1.2.1".into()],
        expected_points: d("3"),
        ..Default::default()
    });
    let (_, pc) = plan::project_year(&fw, &b);
    assert_eq!(pc.gain, d("0,5"));
    assert_eq!(pc.total, pb.total + d("0,5"));
}

#[test]
fn a_clone_into_the_next_period_marks_what_grows() {
    let fw = so();
    let mut a = at(&fw, Period::Q3);
    a.set_answer("1.2.1", count(3));
    a.set_answer("1.4.1", ratio(3, 4));
    a.set_answer("1.1.1", value(Value::Choice { option: "a".into() }));
    let (b, r) = next_period_copy(Some(&fw), &a, "b", "2025-09-20T08:00:00+07:00");
    assert_eq!(b.period, Period::Year);
    assert!(b.answers["1.2.1"].carried);
    assert!(b.answers["1.4.1"].carried);
    assert!(!b.answers["1.1.1"].carried);
    assert_eq!(r.to_update, 2);
    // a year-end item answered before it could be judged, and a "no case
    // so far" on a growing ratio: both to confirm at "Năm"
    let mut q = at(&fw, Period::Q3);
    q.set_answer("5.3.1", value(Value::Choice { option: "a".into() }));
    q.set_answer(
        "6.3.1",
        Answer {
            no_case: true,
            ..Answer::default()
        },
    );
    let (y2, r2) = next_period_copy(Some(&fw), &q, "y", "2025-12-01T08:00:00+07:00");
    assert!(y2.answers["5.3.1"].carried && y2.answers["6.3.1"].carried);
    assert_eq!(r2.to_update, 2);
    assert!(r.describe().contains(
        "2 mục tăng dần theo kỳ (số báo cáo, việc đến hạn) hoặc chỉ đánh giá cuối năm giữ số liệu kỳ trước làm điểm xuất phát, đánh dấu \"chưa cập nhật cho kỳ này\"."
    ));
    let s = score(&fw, &b);
    assert_eq!(s.carried, ["1.2.1", "1.4.1"]);
    // the carried values are the starting point: scored as they are
    assert_eq!(s.sub("1.2.1").unwrap().points, d("0,5"));
    // the mark is kept in the file and in storage, and read back
    let text = file::export(&b, &fw, true, "2025-12-20T08:00:00+07:00");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["answers"]["1.2.1"]["carried"], serde_json::json!(true));
    assert!(v["answers"]["1.1.1"].get("carried").is_none());
    assert_eq!(
        v["summary"]["carried"],
        serde_json::json!(["1.2.1", "1.4.1"])
    );
    let back = file::import(text.as_bytes(), std::slice::from_ref(&fw), "c").unwrap();
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    assert_eq!(back.assessment.answers, b.answers);
    let st = stored::encode(&b, "tab", "t");
    assert_eq!(stored::decode(&st).unwrap().assessment, b);
    // the next clone clears the old marks before setting its own
    let mut c = b.clone();
    c.period = Period::H1; // the next is Quý III of the same year
    c.answers.get_mut("1.2.1").unwrap().carried = false;
    c.answers.get_mut("1.1.1").unwrap().carried = true; // from elsewhere
    let (d2, _) = next_period_copy(Some(&fw), &c, "d", "2026-01-02T08:00:00+07:00");
    assert!(d2.answers["1.2.1"].carried);
    assert!(!d2.answers["1.1.1"].carried);
    // into a new year the growing figures start again: cleared, said so
    let mut y = at(&fw, Period::Year);
    y.set_answer("1.2.1", count(4));
    y.set_answer("1.1.1", value(Value::Choice { option: "a".into() }));
    let (q1, r) = next_period_copy(Some(&fw), &y, "q", "2026-01-02T08:00:00+07:00");
    assert_eq!((q1.period, q1.year), (Period::Q1, 2026));
    assert_eq!(q1.answers.get("1.2.1"), None);
    assert!(q1.answers.contains_key("1.1.1"));
    assert_eq!(r.to_update, 0);
    assert_eq!(
        r.cleared,
        ["1 số liệu tăng dần theo kỳ của năm 2025 (số báo cáo, việc đến hạn: năm 2026 tính lại từ đầu)"]
    );
    // a carried mark alone is no answer
    let only = Answer {
        carried: true,
        ..Answer::default()
    };
    assert!(only.is_empty());
}

#[test]
fn period_rules_read_write_and_are_checked() {
    let fw = so();
    let text = fw_file::write(&fw);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v["fields"][0]["criteria"][1]["subs"][0]["period_rule"],
        serde_json::json!({"kind": "cumulative", "expected": [1, 2, 3, 4]})
    );
    assert_eq!(
        v["fields"][0]["criteria"][1]["subs"][1].get("period_rule"),
        None
    );
    assert_eq!(fw_file::read(&text).unwrap(), fw);
    // an older framework (no period rules) keeps its bytes
    let old = unaffected(&fw);
    assert!(!fw_file::write(&old).contains("period_rule"));
    let bad = |rule: serde_json::Value| {
        let mut v = v.clone();
        v["fields"][0]["criteria"][1]["subs"][0]["period_rule"] = rule;
        match fw_file::read(&v.to_string()) {
            Ok(f) => validate(&f)
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>(),
            Err(e) => vec![e.to_string()],
        }
    };
    assert_eq!(
        bad(serde_json::json!({"kind": "cumulative", "expected": [3, 2, 3, 4]})),
        ["Bộ tiêu chí có 1 lỗi:\n- 1.2.1: số lượng phải đạt theo kỳ (quý I, 6 tháng, quý III, năm) không được giảm dần và số cả năm phải lớn hơn 0\n"]
    );
    assert_eq!(
        bad(serde_json::json!({"kind": "cumulative", "expected": [1, 2, 3, 5]})),
        ["Bộ tiêu chí có 1 lỗi:\n- 1.2.1: số lượng phải đạt cả năm vượt quá số tối đa 4\n"]
    );
    let e = bad(serde_json::json!({"kind": "cumulative", "expected": [1, 2, 3]}));
    assert!(
        e[0].contains("cần đúng 4 số (quý I, 6 tháng, quý III, năm), có 3"),
        "{e:?}"
    );
    let e = bad(serde_json::json!({"kind": "monthly"}));
    assert!(e[0].contains("giá trị \"monthly\" không hợp lệ"), "{e:?}");
    assert!(bad(serde_json::json!({"kind": "unaffected"})).is_empty());
    // a period rule that does not fit its item's rule
    let mut f = fw.clone();
    f.fields[0].criteria[0].subs[0].period_rule = PeriodRule::Cumulative {
        expected: [1, 2, 3, 4],
    };
    f.fields[0].criteria[0].subs[1].period_rule = PeriodRule::DueByCutoff;
    let ps: Vec<String> = validate(&f).iter().map(|p| p.to_string()).collect();
    assert_eq!(
        ps,
        [
            "1.1.1: \"số lượng tăng dần theo kỳ\" chỉ dùng cho tiêu chí tính theo số lượng",
            "1.1.2: \"tỷ lệ trên việc đến hạn\" chỉ dùng cho tiêu chí tính theo tỷ lệ"
        ]
    );
}

#[test]
fn files_of_format_version_1_still_import() {
    // docs/example-self-assessment.json as version 1 wrote it: Quý I,
    // scored then as the whole year, with the framework before its
    // period rules
    let text = include_str!("fixtures/files/v1-quy-1.json");
    let got = file::import(text.as_bytes(), &[so()], "v1").unwrap();
    assert_eq!(got.from_version, 1);
    assert_eq!(got.assessment.period, Period::Q1);
    assert_eq!(
        got.warnings,
        vec![
            file::ImportWarning::PeriodRulesAdded,
            file::ImportWarning::RescoredForPeriod(
                "Quý I".into(),
                vec![
                    "Điểm điều tra (ước tính): tệp ghi 8,25, tính lại 0".into(),
                    "Tổng điểm: tệp ghi 14,25, tính lại 6".into(),
                    "Tổng điểm tối đa áp dụng: tệp ghi 100, tính lại 74".into(),
                    "Chỉ số: tệp ghi 14,25, tính lại 8,11".into(),
                    "Lĩnh vực 8: tệp ghi 8,25, tính lại 0".into(),
                ]
            ),
        ]
    );
    assert_eq!(
        got.warnings[1].to_string(),
        "Tệp xuất bằng phiên bản trước, khi kỳ Quý I còn được chấm như cả năm; ứng dụng chấm lại theo việc đến hạn trước ngày chốt số liệu (điểm \"đến kỳ báo cáo\"): Điểm điều tra (ước tính): tệp ghi 8,25, tính lại 0; Tổng điểm: tệp ghi 14,25, tính lại 6; Tổng điểm tối đa áp dụng: tệp ghi 100, tính lại 74; Chỉ số: tệp ghi 14,25, tính lại 8,11; Lĩnh vực 8: tệp ghi 8,25, tính lại 0"
    );
    // the same file against the framework it was made with: nothing to say
    let got = file::import(text.as_bytes(), &[unaffected(&so())], "v1").unwrap();
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    // a version-1 year file: the year's figures are unchanged
    let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
    v["period"]["period"] = serde_json::json!("year");
    let got = file::import(v.to_string().as_bytes(), &[so()], "v1y").unwrap();
    assert_eq!(
        got.warnings,
        vec![
            file::ImportWarning::ChecksumMismatch,
            file::ImportWarning::PeriodRulesAdded
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// At "Năm" every figure is the year's plain scoring: the period rules
    /// change nothing, and the projection is the existing one.
    #[test]
    fn at_the_year_nothing_changes((fw, answers, excl, adj) in prop_oneof![arb_assessment(so()), arb_assessment(xa())], tasks in proptest::collection::vec((0u8..3, 0u16..400), 0..6)) {
        let mut a = build(&fw, &answers, &excl, &adj);
        a.plan = plan_of(&tasks);
        let old = unaffected(&fw);
        let s = score(&fw, &a);
        prop_assert_eq!(&s, &score(&old, &a));
        prop_assert!(s.not_yet.is_empty());
        let (y, p) = plan::project_year(&fw, &a);
        prop_assert_eq!(&y, &s);
        prop_assert_eq!(p, plan::project(&fw, &a, &s));
    }

    /// A framework without period rules scores every period as the year.
    #[test]
    fn without_period_rules_every_period_is_the_year((fw, answers, excl, adj) in arb_assessment(so()), p in 0usize..4, tasks in proptest::collection::vec((0u8..3, 0u16..400), 0..6)) {
        let old = unaffected(&fw);
        let mut a = build(&old, &answers, &excl, &adj);
        a.plan = plan_of(&tasks);
        let year = score(&old, &a);
        a.period = Period::ALL[p];
        let mut s = score(&old, &a);
        s.period = Period::Year;
        prop_assert_eq!(s, year);
    }

    /// Before the year ends the figures stay in bounds, the judgeable
    /// maximum and the waiting items add up to the year's, and the
    /// projection is over the year's maximum.
    #[test]
    fn so_far_figures_add_up((fw, answers, excl, adj) in prop_oneof![arb_assessment(so()), arb_assessment(xa())], p in 0usize..3, tasks in proptest::collection::vec((0u8..3, 0u16..400), 0..6)) {
        let mut a = build(&fw, &answers, &excl, &adj);
        a.plan = plan_of(&tasks);
        a.period = Period::ALL[p];
        let s = score(&fw, &a);
        prop_assert!(s.index >= Dec2::ZERO && s.index <= Dec2::HUNDRED);
        prop_assert!(s.total <= s.applicable_max);
        let (y, proj) = plan::project_year(&fw, &a);
        let waiting: Dec2 = s.not_yet.iter().map(|id| {
            s.sub(id).map_or(Dec2::ZERO, |x| x.max)
        }).sum();
        prop_assert_eq!(waiting, s.not_yet_max);
        prop_assert!(s.applicable_max + s.not_yet_max >= y.applicable_max);
        prop_assert_eq!(proj.max, y.applicable_max);
        prop_assert!(proj.index >= Dec2::ZERO && proj.index <= Dec2::HUNDRED);
    }
}

/// Plan tasks from (status, day of 2025) pairs.
fn plan_of(tasks: &[(u8, u16)]) -> Vec<PlanTask> {
    tasks
        .iter()
        .enumerate()
        .map(|(i, (st, day))| {
            let status = [
                PlanStatus::NotStarted,
                PlanStatus::InProgress,
                PlanStatus::Done,
            ][*st as usize];
            let deadline = if *day >= 365 {
                String::new()
            } else {
                let (mut m, mut d) = (1u16, *day + 1);
                let len = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
                while d > len[m as usize - 1] {
                    d -= len[m as usize - 1];
                    m += 1;
                }
                format!("2025-{m:02}-{d:02}")
            };
            task(&format!("t{i}"), &deadline, status)
        })
        .collect()
}
