//! Full recompute of one assessment over the sở template, fully answered
//! with evidence: what the app does on every answer change.

use cchc::engine::formats::templates;
use cchc::engine::model::framework::Rule;
use cchc::engine::*;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn full_assessment(fw: &Framework) -> Assessment {
    let mut a = Assessment::new("bench", fw.reference(), "Sở Thử nghiệm", 2025, Period::Year);
    for (i, sub) in fw.subs().enumerate() {
        let value = match &sub.rule {
            Rule::Options { options } => Value::Choice {
                option: options[i % options.len()].id.clone(),
            },
            Rule::YesNo => Value::YesNo { yes: i % 3 != 0 },
            Rule::RatioBands { .. } | Rule::Proportional { .. } => Value::Ratio {
                numerator: 90 + (i as u64 % 11),
                denominator: 100,
            },
            Rule::CountBands { .. } => Value::Count {
                count: i as u64 % 5,
            },
            Rule::Survey => Value::Estimate {
                points: Dec2::from_int(7),
            },
        };
        a.set_answer(
            &sub.id,
            Answer {
                value: Some(value),
                evidence: vec![Evidence {
                    number: format!("{i}/KH-UBND"),
                    date: "2025-03-01".into(),
                    issuer: "UBND tỉnh Gia Lai".into(),
                    summary: "Kế hoạch cải cách hành chính năm 2025 của cơ quan".into(),
                    link: String::new(),
                }],
                ..Answer::default()
            },
        );
    }
    a
}

fn bench(c: &mut Criterion) {
    let fw = templates::built_in().remove(0);
    let a = full_assessment(&fw);
    c.bench_function("score_full_so_template", |b| {
        b.iter(|| score(black_box(&fw), black_box(&a)))
    });
    // What the app does on every change of a quarter's assessment: the
    // figure "đến kỳ báo cáo" and the year-end projection, with a plan.
    let mut q3 = a.clone();
    q3.period = Period::Q3;
    q3.plan = (0..40)
        .map(|i| cchc::engine::model::PlanTask {
            id: format!("t{i}"),
            deadline: format!("2025-{:02}-14", 1 + i % 12),
            status: if i % 3 == 0 {
                cchc::engine::model::PlanStatus::Done
            } else {
                cchc::engine::model::PlanStatus::InProgress
            },
            ..Default::default()
        })
        .collect();
    c.bench_function("score_and_project_q3_so_template", |b| {
        b.iter(|| {
            (
                score(black_box(&fw), black_box(&q3)),
                cchc::engine::rules::plan::project_year(black_box(&fw), black_box(&q3)),
            )
        })
    });
    let text = templates::BUILT_IN[0].1;
    c.bench_function("load_and_validate_so_template", |b| {
        b.iter(|| cchc::engine::formats::framework::read(black_box(text)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
