//! Exact scores for hand-computed answers over the built-in templates.

mod common;
use cchc::engine::formats::templates;
use cchc::engine::*;
use common::*;

fn pts(fw: &Framework, id: &str, a: Answer) -> (Dec2, SubState, Option<AnswerError>) {
    let mut asm = new_assessment(fw);
    asm.set_answer(id, a);
    let s = score(fw, &asm);
    let sub = s.sub(id).unwrap();
    (sub.points, sub.state, sub.error.clone())
}

fn p(fw: &Framework, id: &str, a: Answer) -> Dec2 {
    pts(fw, id, a).0
}

#[test]
fn templates_are_valid_and_split_as_documented() {
    for (name, text) in templates::BUILT_IN {
        let fw =
            cchc::engine::formats::framework::read(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(fw.total_max(), Dec2::HUNDRED, "{name}");
        assert!(fw.is_template(), "{name} must be labelled template");
    }
    let s = score(&so(), &new_assessment(&so()));
    assert_eq!((s.self_max, s.survey_max), (d("80"), d("20")));
    assert_eq!(s.applicable_items, 54);
    let x = score(&xa(), &new_assessment(&xa()));
    assert_eq!((x.self_max, x.survey_max), (d("75"), d("25")));
    assert_eq!(so().subs().count(), 56);
    assert_eq!(xa().subs().count(), 35);
    assert_eq!(templates::built_in().len(), 2);
}

#[test]
fn all_max_is_100_and_all_zero_is_0() {
    for (fw, biggest) in [(so(), "3.4.1"), (xa(), "3.3")] {
        let mut a = new_assessment(&fw);
        for sub in fw.subs() {
            a.set_answer(&sub.id, best(sub));
        }
        let s = score(&fw, &a);
        assert_eq!(s.total, Dec2::HUNDRED, "{}", fw.id);
        assert_eq!(s.index, Dec2::HUNDRED);
        assert_eq!(s.self_index, Dec2::HUNDRED);
        assert_eq!(s.band.as_deref(), Some("Tốt"));
        assert_eq!(s.completion, Dec2::HUNDRED);
        assert!(s.errors.is_empty(), "{:?}", s.errors);
        assert!(s.losses().is_empty());
        for f in &s.fields {
            assert_eq!(f.points, f.max, "field {}", f.id);
        }

        let mut z = new_assessment(&fw);
        for sub in fw.subs() {
            z.set_answer(&sub.id, worst(sub));
        }
        let s = score(&fw, &z);
        assert_eq!(s.total, Dec2::ZERO);
        assert_eq!(s.index, Dec2::ZERO);
        assert_eq!(s.band.as_deref(), Some("Yếu"));
        assert_eq!(s.completion, Dec2::HUNDRED);
        assert!(s.missing_support.is_empty());
        // every self-assessed item now loses its whole maximum
        assert_eq!(s.losses().len(), s.applicable_items);
        assert_eq!(s.losses()[0].id, biggest); // the largest maximum
    }
}

#[test]
fn options_rule() {
    let fw = so();
    let choose = |o: &str| {
        value(Value::Choice {
            option: o.to_string(),
        })
    };
    assert_eq!(p(&fw, "1.1.1", choose("a")), d("1"));
    assert_eq!(p(&fw, "1.1.1", choose("b")), d("0,5"));
    assert_eq!(p(&fw, "1.1.1", choose("c")), d("0"));
    assert_eq!(p(&fw, "3.1.1", choose("b")), d("0,25"));
    let (_, st, e) = pts(&fw, "1.1.1", choose("z"));
    assert_eq!(st, SubState::Invalid);
    assert_eq!(e, Some(AnswerError::UnknownOption("z".into())));
}

#[test]
fn yes_no_rule() {
    let fw = so();
    assert_eq!(p(&fw, "3.2.2", value(Value::YesNo { yes: true })), d("1,5"));
    assert_eq!(p(&fw, "3.2.2", value(Value::YesNo { yes: false })), d("0"));
    assert_eq!(p(&fw, "2.3.1", value(Value::YesNo { yes: true })), d("0,5"));
    // a ratio given to a yes/no item is a wrong input, not a panic
    let (_, st, e) = pts(&fw, "3.2.2", ratio(1, 2));
    assert_eq!((st, e), (SubState::Invalid, Some(AnswerError::WrongInput)));
}

#[test]
fn ratio_bands_every_boundary_of_3_4_1() {
    // 100 = 5; 98–<100 = 4; 95–<98 = 3; 90–<95 = 2; <90 = 0
    let fw = so();
    let cases = [
        (10000, 10000, "5"),
        (9999, 10000, "4"),
        (9801, 10000, "4"),
        (9800, 10000, "4"),
        (9799, 10000, "3"),
        (9501, 10000, "3"),
        (9500, 10000, "3"),
        (9499, 10000, "2"),
        (9001, 10000, "2"),
        (9000, 10000, "2"),
        (8999, 10000, "0"),
        (0, 10000, "0"),
        (49, 50, "4"), // exactly 98%
        (1, 3, "0"),   // 33.33…%
        (20, 21, "3"), // 95.238…%
        (19, 20, "3"), // exactly 95%
    ];
    for (n, dd, want) in cases {
        assert_eq!(p(&fw, "3.4.1", ratio(n, dd)), d(want), "{n}/{dd}");
    }
}

#[test]
fn ratio_bands_open_top_and_low_thresholds() {
    let fw = so();
    // 1.3.1: ≥30 = 1; 15–<30 = 0.5; <15 = 0
    assert_eq!(p(&fw, "1.3.1", ratio(3, 10)), d("1"));
    assert_eq!(p(&fw, "1.3.1", ratio(299, 1000)), d("0,5"));
    assert_eq!(p(&fw, "1.3.1", ratio(15, 100)), d("0,5"));
    assert_eq!(p(&fw, "1.3.1", ratio(149, 1000)), d("0"));
    // 7.2.1: ≥80 = 3; 50–<80 = 2; 20–<50 = 1; <20 = 0
    assert_eq!(p(&fw, "7.2.1", ratio(4, 5)), d("3"));
    assert_eq!(p(&fw, "7.2.1", ratio(799, 1000)), d("2"));
    assert_eq!(p(&fw, "7.2.1", ratio(1, 2)), d("2"));
    assert_eq!(p(&fw, "7.2.1", ratio(499, 1000)), d("1"));
    assert_eq!(p(&fw, "7.2.1", ratio(1, 5)), d("1"));
    assert_eq!(p(&fw, "7.2.1", ratio(199, 1000)), d("0"));
    // 3.2.1: 100 = 1.5; <100 = 0
    assert_eq!(p(&fw, "3.2.1", ratio(7, 7)), d("1,5"));
    assert_eq!(p(&fw, "3.2.1", ratio(6, 7)), d("0"));
}

#[test]
fn ratio_errors_and_zero_denominator() {
    let fw = so();
    let (_, st, e) = pts(&fw, "3.4.1", ratio(11, 10));
    assert_eq!(
        (st, e),
        (
            SubState::Invalid,
            Some(AnswerError::NumeratorExceedsDenominator)
        )
    );
    // 3.4.1 does not allow "no case": 0/0 is an error to show
    let (_, st, e) = pts(&fw, "3.4.1", ratio(0, 0));
    assert_eq!(
        (st, e),
        (SubState::Invalid, Some(AnswerError::ZeroDenominator))
    );
    // 3.4.2 allows it (no overdue file): 0/0 earns the maximum
    let (pt, st, e) = pts(&fw, "3.4.2", ratio(0, 0));
    assert_eq!((pt, st, e), (d("2"), SubState::NoCase, None));
    // proportional without no-case: error too
    let (_, st, _) = pts(&fw, "2.4.1", ratio(0, 0));
    assert_eq!(st, SubState::Invalid);
}

#[test]
fn a_numerator_over_a_zero_denominator_is_an_error_not_no_case() {
    let fw = so();
    let bad = (
        d("0"),
        SubState::Invalid,
        Some(AnswerError::NumeratorExceedsDenominator),
    );
    // 3.4.2 allows "no case": only 0/0 means it; 5/0 is wrong figures
    assert_eq!(pts(&fw, "3.4.2", ratio(5, 0)), bad);
    assert_eq!(pts(&fw, "3.4.2", ratio(1, 0)), bad);
    assert_eq!(
        pts(&fw, "3.4.2", ratio(0, 0)),
        (d("2"), SubState::NoCase, None)
    );
    // without "no case", ratio bands and proportional alike
    assert_eq!(pts(&fw, "3.4.1", ratio(3, 0)), bad);
    assert_eq!(pts(&fw, "2.4.1", ratio(3, 0)), bad);
    assert_eq!(
        pts(&fw, "2.4.1", ratio(0, 0)),
        (
            d("0"),
            SubState::Invalid,
            Some(AnswerError::ZeroDenominator)
        )
    );
    // an import lists it as a value to correct, and the total gets nothing
    let mut a = new_assessment(&fw);
    a.set_answer("3.4.2", ratio(7, 0));
    let s = score(&fw, &a);
    assert_eq!(s.self_points, d("0"));
    assert_eq!(
        s.errors,
        vec![(
            "3.4.2".to_string(),
            AnswerError::NumeratorExceedsDenominator
        )]
    );
}

#[test]
fn proportional_rule_is_exact() {
    let fw = so();
    // 2.4.1 max 1.5
    assert_eq!(p(&fw, "2.4.1", ratio(2, 3)), d("1"));
    assert_eq!(p(&fw, "2.4.1", ratio(1, 3)), d("0,5"));
    assert_eq!(p(&fw, "2.4.1", ratio(1, 8)), d("0,19")); // 0.1875 → 0.19
    assert_eq!(p(&fw, "2.4.1", ratio(1, 7)), d("0,21")); // 0.2142… → 0.21
    assert_eq!(p(&fw, "2.4.1", ratio(5, 5)), d("1,5"));
    assert_eq!(p(&fw, "2.4.1", ratio(0, 5)), d("0"));
    // 6.2.1 max 2
    assert_eq!(p(&fw, "6.2.1", ratio(1, 3)), d("0,67"));
}

#[test]
fn count_bands_rule() {
    let fw = so();
    let c = |n| value(Value::Count { count: n });
    // 1.2.1: 4 = 1; 3 = 0.5; ≤2 = 0, out of 4
    assert_eq!(p(&fw, "1.2.1", c(4)), d("1"));
    assert_eq!(p(&fw, "1.2.1", c(3)), d("0,5"));
    assert_eq!(p(&fw, "1.2.1", c(2)), d("0"));
    assert_eq!(p(&fw, "1.2.1", c(0)), d("0"));
    let (_, st, e) = pts(&fw, "1.2.1", c(5));
    assert_eq!(
        (st, e),
        (SubState::Invalid, Some(AnswerError::CountAboveMax(4)))
    );
    // 3.1.3: ≥3 = 1.5; 1–2 = 0.75; 0 = 0, unbounded
    assert_eq!(p(&fw, "3.1.3", c(0)), d("0"));
    assert_eq!(p(&fw, "3.1.3", c(1)), d("0,75"));
    assert_eq!(p(&fw, "3.1.3", c(2)), d("0,75"));
    assert_eq!(p(&fw, "3.1.3", c(3)), d("1,5"));
    assert_eq!(p(&fw, "3.1.3", c(u64::MAX)), d("1,5"));
}

#[test]
fn survey_estimates_are_kept_apart() {
    let fw = so();
    let mut a = new_assessment(&fw);
    a.set_answer("8.1.1", value(Value::Estimate { points: d("7,5") }));
    a.set_answer("1.1.1", best(fw.sub("1.1.1").unwrap()));
    let s = score(&fw, &a);
    assert_eq!(s.self_points, d("1"));
    assert_eq!(s.survey_estimate, d("7,5"));
    assert_eq!(s.survey_estimated_items, 1);
    assert_eq!(s.total, d("8,5"));
    assert_eq!(s.index, d("8,5"));
    assert_eq!(s.self_index, d("1,25")); // 1 / 80
    assert_eq!(s.sub("8.1.1").unwrap().state, SubState::Estimated);
    // survey items never count as answered items nor as losses
    assert_eq!(s.answered, 1);
    assert!(s.losses().iter().all(|l| !l.survey));
    let (_, st, e) = pts(&fw, "8.1.1", value(Value::Estimate { points: d("10,5") }));
    assert_eq!(
        (st, e),
        (SubState::Invalid, Some(AnswerError::EstimateOutOfRange))
    );
}

#[test]
fn no_case_and_not_applicable_paths() {
    let fw = so();
    let no_case = Answer {
        no_case: true,
        ..Answer::default()
    };
    let na = Answer {
        not_applicable: true,
        ..Answer::default()
    };
    assert_eq!(
        pts(&fw, "3.4.2", no_case.clone()),
        (d("2"), SubState::NoCase, None)
    );
    assert_eq!(
        pts(&fw, "3.4.1", no_case.clone()).2,
        Some(AnswerError::NoCaseNotAllowed)
    );
    assert_eq!(
        pts(&fw, "1.1.1", na.clone()).2,
        Some(AnswerError::NotApplicableNotAllowed)
    );

    let mut a = new_assessment(&fw);
    a.set_answer("1.3.1", na);
    let s = score(&fw, &a);
    assert_eq!(s.sub("1.3.1").unwrap().state, SubState::NotApplicable);
    assert_eq!(s.self_max, d("79"));
    assert_eq!(s.applicable_max, d("99"));
    assert_eq!(s.applicable_items, 53);
    assert_eq!(s.criterion("1.3").unwrap().applicable_max, d("1"));
}

#[test]
fn unit_without_procedures_is_scored_on_the_reduced_maximum() {
    let fw = so();
    let mut a = new_assessment(&fw);
    a.excluded.insert("3".into());
    a.excluded.insert("7.2".into());
    for sub in fw.subs() {
        a.set_answer(&sub.id, best(sub));
    }
    let s = score(&fw, &a);
    // 80 − 20 (field 3) − 6 (criterion 7.2) = 54 self-assessed
    assert_eq!(s.self_max, d("54"));
    assert_eq!(s.applicable_max, d("74"));
    assert_eq!(s.index, Dec2::HUNDRED);
    assert!(s.field("3").unwrap().excluded);
    assert_eq!(s.field("3").unwrap().applicable_max, Dec2::ZERO);
    assert_eq!(s.field("7").unwrap().applicable_max, d("7"));

    // Lose 3.4.1 … no: it is excluded. Lose 1.1.3 (2 points) instead.
    a.set_answer("1.1.3", ratio(0, 1));
    let s = score(&fw, &a);
    assert_eq!(s.total, d("72"));
    assert_eq!(s.index, d("97,3")); // 72 / 74 = 97.297…
    assert!(s.errors.is_empty());

    // a field that may not be excluded is reported, and still counted
    a.excluded.insert("1".into());
    let s = score(&fw, &a);
    assert_eq!(
        s.errors,
        vec![(
            "1".to_string(),
            AnswerError::ExclusionNotAllowed("1".into())
        )]
    );
    assert_eq!(s.field("1").unwrap().applicable_max, d("13"));
}

#[test]
fn bonus_and_deductions_are_capped_and_index_stays_in_range() {
    let fw = so();
    let mut a = new_assessment(&fw);
    for sub in fw.subs() {
        a.set_answer(&sub.id, best(sub));
    }
    a.set_answer("1.1.3", ratio(0, 1)); // −2
    a.adjustments.insert("B1".into(), 1);
    let s = score(&fw, &a);
    assert_eq!((s.bonus, s.total, s.index), (d("1"), d("99"), d("99")));
    a.adjustments.insert("B2".into(), 1);
    a.adjustments.insert("D2".into(), 10); // 10 × 0.5 = 5 → capped 3
    let s = score(&fw, &a);
    assert_eq!((s.bonus, s.deductions), (d("2"), d("3")));
    assert_eq!(s.total, d("97")); // 98 + 2 − 3
                                  // bonus never lifts the index above 100
    a.set_answer("1.1.3", best(fw.sub("1.1.3").unwrap()));
    a.adjustments.remove("D2");
    let s = score(&fw, &a);
    assert_eq!((s.total, s.index), (d("100"), d("100")));
    // deductions never push below 0
    let mut z = new_assessment(&fw);
    z.adjustments.insert("D3".into(), 1);
    let s = score(&fw, &z);
    assert_eq!((s.total, s.index), (d("0"), d("0")));
    // a non-repeatable item counted twice counts once and is reported
    z.adjustments.insert("D3".into(), 2);
    z.set_answer("8.1.1", value(Value::Estimate { points: d("10") }));
    let s = score(&fw, &z);
    assert_eq!(s.deductions, d("1,5"));
    assert_eq!(
        s.errors,
        vec![(
            "D3".into(),
            AnswerError::AdjustmentNotRepeatable("D3".into())
        )]
    );
    // unknown adjustments are reported, never counted
    z.adjustments.insert("X9".into(), 1);
    assert!(score(&fw, &z)
        .errors
        .contains(&("X9".into(), AnswerError::UnknownAdjustment("X9".into()))));
}

#[test]
fn bands_follow_the_framework() {
    let fw = so();
    let band = |i: &str| fw.band_for(d(i)).map(|b| b.label.as_str());
    assert_eq!(band("100"), Some("Tốt"));
    assert_eq!(band("80"), Some("Tốt"));
    assert_eq!(band("79,99"), Some("Khá"));
    assert_eq!(band("65"), Some("Khá"));
    assert_eq!(band("64,99"), Some("Trung bình"));
    assert_eq!(band("50"), Some("Trung bình"));
    assert_eq!(band("49,99"), Some("Yếu"));
    assert_eq!(band("0"), Some("Yếu"));
}

#[test]
fn missing_support_and_losses() {
    let fw = so();
    let mut a = new_assessment(&fw);
    a.set_answer("1.1.1", best(fw.sub("1.1.1").unwrap()));
    let mut with_ev = best(fw.sub("3.4.1").unwrap());
    with_ev.evidence.push(Evidence {
        number: "12/BC-SNV".into(),
        ..Evidence::default()
    });
    a.set_answer("3.4.1", with_ev);
    let mut explained = ratio(9, 10); // 90% → 1 of 2 on 1.1.3
    explained.explanation = "Theo báo cáo quý".into();
    a.set_answer("1.1.3", explained);
    a.set_answer(
        "3.4.2",
        Answer {
            no_case: true,
            ..Answer::default()
        },
    );
    a.set_answer("1.2.1", value(Value::Count { count: 2 })); // 0 points: nothing to support
    let s = score(&fw, &a);
    assert_eq!(
        s.missing_support,
        vec!["1.1.1".to_string(), "3.4.2".to_string()]
    );
    let losses: Vec<(&str, Dec2)> = s.losses().iter().map(|l| (l.id.as_str(), l.lost)).collect();
    assert_eq!(losses, vec![("1.1.3", d("1")), ("1.2.1", d("1"))]);
    assert_eq!(s.answered, 5);
    assert_eq!(s.completion, d("9,26")); // 5 / 54
                                         // blank evidence rows do not count as evidence
    let mut blank = best(fw.sub("1.1.2").unwrap());
    blank.evidence.push(Evidence::default());
    a.set_answer("1.1.2", blank);
    assert!(score(&fw, &a)
        .missing_support
        .contains(&"1.1.2".to_string()));
}

#[test]
fn answers_for_unknown_items_are_reported() {
    let fw = xa();
    let mut a = new_assessment(&fw);
    a.set_answer("9.9.9", value(Value::YesNo { yes: true }));
    let s = score(&fw, &a);
    assert_eq!(s.errors, vec![("9.9.9".into(), AnswerError::WrongInput)]);
    assert_eq!(s.total, Dec2::ZERO);
}

#[test]
fn xa_template_inline_criteria() {
    let fw = xa();
    // criterion 3.3 is scored directly: its one sub-criterion is "3.3"
    assert_eq!(p(&fw, "3.3", ratio(98, 100)), d("5"));
    assert_eq!(p(&fw, "3.3", ratio(90, 100)), d("1,5"));
    assert_eq!(p(&fw, "7.2", ratio(1, 2)), d("2,5"));
    let s = score(&fw, &new_assessment(&fw));
    assert_eq!(s.criterion("3.3").unwrap().max, d("7"));
}

#[test]
fn no_band_until_every_item_is_answered() {
    let fw = so();
    let mut a = new_assessment(&fw);
    // a blank assessment: 0 %, which the bands call "Yếu", is not shown
    let s = score(&fw, &a);
    assert_eq!(s.band.as_deref(), Some("Yếu"));
    assert_eq!(s.band_shown(), Err((0, s.applicable_items)));
    for sub in fw.subs().filter(|x| !x.rule.is_survey()) {
        a.set_answer(&sub.id, best(sub));
    }
    let s = score(&fw, &a);
    assert_eq!(s.answered, s.applicable_items);
    assert_eq!(s.band_shown(), Ok(Some("Tốt")));
}
