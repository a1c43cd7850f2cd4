#![allow(dead_code)]
//! Helpers shared by the host tests.

use cchc::engine::model::framework::Rule;
use cchc::engine::*;
use proptest::prelude::*;

pub fn so() -> Framework {
    cchc::engine::formats::framework::read(cchc::engine::formats::templates::BUILT_IN[0].1)
        .expect("sở template is valid")
}

pub fn xa() -> Framework {
    cchc::engine::formats::framework::read(cchc::engine::formats::templates::BUILT_IN[1].1)
        .expect("xã template is valid")
}

pub fn new_assessment(fw: &Framework) -> Assessment {
    Assessment::new("t1", fw.reference(), "Sở Thử nghiệm", 2025, Period::Year)
}

pub fn value(v: Value) -> Answer {
    Answer {
        value: Some(v),
        ..Answer::default()
    }
}

pub fn ratio(n: u64, d: u64) -> Answer {
    value(Value::Ratio {
        numerator: n,
        denominator: d,
    })
}

/// The answer that earns a sub-criterion's maximum.
pub fn best(sub: &SubCriterion) -> Answer {
    let v = match &sub.rule {
        Rule::Options { options } => Value::Choice {
            option: options
                .iter()
                .find(|o| o.points == sub.max)
                .map(|o| o.id.clone())
                .unwrap(),
        },
        Rule::YesNo => Value::YesNo { yes: true },
        Rule::RatioBands { .. } | Rule::Proportional { .. } => Value::Ratio {
            numerator: 10,
            denominator: 10,
        },
        Rule::CountBands { bands, max_count } => Value::Count {
            count: max_count.unwrap_or_else(|| bands.iter().map(|b| b.min).max().unwrap()),
        },
        Rule::Survey => Value::Estimate { points: sub.max },
    };
    value(v)
}

/// The answer that earns 0.
pub fn worst(sub: &SubCriterion) -> Answer {
    let v = match &sub.rule {
        Rule::Options { options } => Value::Choice {
            option: options
                .iter()
                .find(|o| o.points == Dec2::ZERO)
                .map(|o| o.id.clone())
                .unwrap(),
        },
        Rule::YesNo => Value::YesNo { yes: false },
        Rule::RatioBands { .. } | Rule::Proportional { .. } => Value::Ratio {
            numerator: 0,
            denominator: 10,
        },
        Rule::CountBands { .. } => Value::Count { count: 0 },
        Rule::Survey => Value::Estimate { points: Dec2::ZERO },
    };
    value(v)
}

pub fn d(s: &str) -> Dec2 {
    Dec2::parse(s).unwrap()
}

/// A random answer for a sub-criterion: mostly well-formed, sometimes not.
pub fn arb_answer(sub: &SubCriterion) -> BoxedStrategy<Answer> {
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
pub type Case = (
    Framework,
    Vec<(String, Answer)>,
    Vec<String>,
    Vec<(String, u32)>,
);

pub fn arb_assessment(fw: Framework) -> impl Strategy<Value = Case> {
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

pub fn build(
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
