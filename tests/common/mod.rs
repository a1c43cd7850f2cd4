#![allow(dead_code)]
//! Helpers shared by the host tests.

use cchc::engine::framework::Rule;
use cchc::engine::*;

pub fn so() -> Framework {
    Framework::from_json(cchc::engine::templates::BUILT_IN[0].1).expect("sở template is valid")
}

pub fn xa() -> Framework {
    Framework::from_json(cchc::engine::templates::BUILT_IN[1].1).expect("xã template is valid")
}

pub fn new_assessment(fw: &Framework) -> Assessment {
    Assessment::new(
        "t1",
        FrameworkRef {
            id: fw.id.clone(),
            version: fw.version.clone(),
        },
        "Sở Thử nghiệm",
        2025,
        Period::Year,
    )
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
