//! Properties over random answers: scores stay within their maxima, sums
//! agree at every level, the index stays in 0–100, and the order in which
//! answers were given does not matter.

mod common;
use cchc::engine::framework::Rule;
use cchc::engine::*;
use common::*;
use proptest::prelude::*;

/// A random answer for a sub-criterion: mostly well-formed, sometimes not.
fn arb_answer(sub: &SubCriterion) -> BoxedStrategy<Answer> {
    let v: BoxedStrategy<Value> = match &sub.rule {
        Rule::Options { options } => {
            let ids: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
            prop_oneof![
                4 => proptest::sample::select(ids).prop_map(|option| Value::Choice { option }),
                1 => "[a-z]{1,2}".prop_map(|option| Value::Choice { option }),
            ]
            .boxed()
        }
        Rule::YesNo => any::<bool>().prop_map(|yes| Value::YesNo { yes }).boxed(),
        Rule::RatioBands { .. } | Rule::Proportional { .. } => prop_oneof![
            4 => (0u64..=1000).prop_flat_map(|d| (0..=d, Just(d)))
                .prop_map(|(numerator, denominator)| Value::Ratio { numerator, denominator }),
            1 => (any::<u64>(), any::<u64>())
                .prop_map(|(numerator, denominator)| Value::Ratio { numerator, denominator }),
        ]
        .boxed(),
        Rule::CountBands { .. } => prop_oneof![
            4 => (0u64..10).prop_map(|count| Value::Count { count }),
            1 => any::<u64>().prop_map(|count| Value::Count { count }),
        ]
        .boxed(),
        Rule::Survey => (-100i64..=2000)
            .prop_map(|h| Value::Estimate { points: Dec2(h) })
            .boxed(),
    };
    (
        proptest::option::of(v),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        0u8..8,
    )
        .prop_map(|(value, support, nc, na, roll)| Answer {
            value,
            no_case: nc && roll == 0,
            not_applicable: na && roll == 1,
            explanation: if support {
                "giải trình".into()
            } else {
                String::new()
            },
            ..Answer::default()
        })
        .boxed()
}

/// A framework with random answers, exclusions and adjustments.
type Case = (
    Framework,
    Vec<(String, Answer)>,
    Vec<String>,
    Vec<(String, u32)>,
);

fn arb_assessment(fw: Framework) -> impl Strategy<Value = Case> {
    let subs: Vec<SubCriterion> = fw.subs().cloned().collect();
    let answers: Vec<BoxedStrategy<Option<(String, Answer)>>> = subs
        .iter()
        .map(|s| {
            let id = s.id.clone();
            proptest::option::weighted(0.8, arb_answer(s).prop_map(move |a| (id.clone(), a)))
                .boxed()
        })
        .collect();
    let excl = proptest::sample::subsequence(
        vec!["3".to_string(), "7.2".to_string(), "1".to_string()],
        0..=3,
    );
    let adj = proptest::collection::vec(
        (
            proptest::sample::select(vec!["B1", "B2", "D1", "D2", "D3", "ZZ"]),
            0u32..6,
        )
            .prop_map(|(k, n)| (k.to_string(), n)),
        0..4,
    );
    (Just(fw), answers, excl, adj)
        .prop_map(|(fw, a, e, j)| (fw, a.into_iter().flatten().collect(), e, j))
}

fn build(
    fw: &Framework,
    answers: &[(String, Answer)],
    excl: &[String],
    adj: &[(String, u32)],
) -> Assessment {
    let mut a = new_assessment(fw);
    for (id, ans) in answers {
        a.set_answer(id, ans.clone());
    }
    a.excluded = excl.iter().cloned().collect();
    a.adjustments = adj.iter().cloned().collect();
    a
}

fn check(fw: &Framework, s: &Summary) {
    for sub in &s.subs {
        assert!(
            sub.points >= Dec2::ZERO && sub.points <= sub.applicable_max
                || sub.state == SubState::Invalid && sub.points == Dec2::ZERO,
            "{} {:?}",
            sub.id,
            sub
        );
        assert!(sub.applicable_max <= sub.max);
        assert!(sub.lost >= Dec2::ZERO);
    }
    for c in &s.criteria {
        let (_, crit) = fw.criterion(&c.id).unwrap();
        let subs: Vec<&SubScore> = s
            .subs
            .iter()
            .filter(|x| crit.subs.iter().any(|k| k.id == x.id))
            .collect();
        assert_eq!(c.points, subs.iter().map(|x| x.points).sum::<Dec2>());
        assert_eq!(
            c.applicable_max,
            subs.iter().map(|x| x.applicable_max).sum::<Dec2>()
        );
        assert!(c.points <= c.applicable_max);
    }
    for f in &s.fields {
        let field = fw.fields.iter().find(|x| x.id == f.id).unwrap();
        let cs: Vec<&NodeScore> = s
            .criteria
            .iter()
            .filter(|x| field.criteria.iter().any(|k| k.id == x.id))
            .collect();
        assert_eq!(f.points, cs.iter().map(|x| x.points).sum::<Dec2>());
        assert_eq!(
            f.applicable_max,
            cs.iter().map(|x| x.applicable_max).sum::<Dec2>()
        );
        assert!(f.percent() >= Dec2::ZERO && f.percent() <= Dec2::HUNDRED);
    }
    let field_sum: Dec2 = s.fields.iter().map(|f| f.points).sum();
    assert_eq!(field_sum, s.self_points + s.survey_estimate);
    assert_eq!(
        s.applicable_max,
        s.fields.iter().map(|f| f.applicable_max).sum::<Dec2>()
    );
    assert!(s.self_points <= s.self_max);
    assert!(s.index >= Dec2::ZERO && s.index <= Dec2::HUNDRED);
    assert!(s.self_index >= Dec2::ZERO && s.self_index <= Dec2::HUNDRED);
    assert!(s.completion >= Dec2::ZERO && s.completion <= Dec2::HUNDRED);
    assert!(s.bonus <= fw.bonus.cap && s.deductions <= fw.deductions.cap);
    assert!(s.total >= Dec2::ZERO && s.total <= s.applicable_max);
    assert!(s.band.is_some());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn scores_stay_in_bounds_and_sums_agree((fw, answers, excl, adj) in prop_oneof![arb_assessment(so()), arb_assessment(xa())]) {
        let a = build(&fw, &answers, &excl, &adj);
        let s = score(&fw, &a);
        check(&fw, &s);
    }

    #[test]
    fn order_of_answers_is_irrelevant((fw, answers, excl, adj) in arb_assessment(so()), seed in any::<u64>()) {
        let a = build(&fw, &answers, &excl, &adj);
        let mut shuffled = answers.clone();
        // a deterministic shuffle from the seed
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let b = build(&fw, &shuffled, &excl, &adj);
        prop_assert_eq!(score(&fw, &a), score(&fw, &b));
    }
}
