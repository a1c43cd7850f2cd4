//! Writes a batch of fully answered self-assessment files, as units would
//! send them to Sở Nội vụ, for load tests of the consolidation page.
//! Deterministic for a given seed.
//!
//!     cargo run --release --example gen_batch -- --count 200 --seed 42 --out target/batch

use cchc::engine::formats::{file, templates};
use cchc::engine::model::framework::Rule;
use cchc::engine::*;
use std::path::PathBuf;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn main() {
    let mut count = 200usize;
    let mut seed = 42u64;
    let mut out = PathBuf::from("target/batch");
    let mut kind = "so".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().unwrap_or_default();
        match a.as_str() {
            "--count" => count = v.parse().unwrap_or(count),
            "--seed" => seed = v.parse().unwrap_or(seed),
            "--out" => out = PathBuf::from(v),
            "--kind" => kind = v,
            _ => {
                eprintln!(
                    "usage: gen_batch [--count N] [--seed S] [--out DIR] [--kind so|xa|mixed]"
                );
                std::process::exit(2);
            }
        }
    }
    let fws = templates::built_in();
    std::fs::create_dir_all(&out).expect("create output folder");
    let mut rng = Rng(seed.max(1));
    for n in 0..count {
        let fw = match kind.as_str() {
            "xa" => &fws[1],
            "mixed" if n % 3 == 2 => &fws[1],
            _ => &fws[0],
        };
        let name = if fw.unit_type == UnitType::Xa {
            format!("UBND xã Thử Nghiệm {:03}", n + 1)
        } else {
            format!("Sở Thử Nghiệm {:03}", n + 1)
        };
        let mut a = Assessment::new(
            format!("g{n}"),
            FrameworkRef {
                id: fw.id.clone(),
                version: fw.version.clone(),
            },
            name,
            2025,
            Period::Year,
        );
        a.created = "2025-01-05T08:00:00+07:00".into();
        a.updated = format!(
            "2025-12-{:02}T{:02}:00:00+07:00",
            15 + rng.below(5),
            8 + rng.below(9)
        );
        for sub in fw.subs() {
            let value = match &sub.rule {
                Rule::Options { options } => Value::Choice {
                    option: options[rng.below(options.len() as u64) as usize].id.clone(),
                },
                Rule::YesNo => Value::YesNo {
                    yes: rng.below(5) != 0,
                },
                Rule::RatioBands { .. } | Rule::Proportional { .. } => {
                    let den = 20 + rng.below(400);
                    Value::Ratio {
                        numerator: den - rng.below(den / 5 + 1),
                        denominator: den,
                    }
                }
                Rule::CountBands { max_count, .. } => Value::Count {
                    count: rng.below(max_count.unwrap_or(5) + 1),
                },
                Rule::Survey => Value::Estimate {
                    points: Dec2((sub.max.0 * (60 + rng.below(40) as i64)) / 100),
                },
            };
            a.set_answer(
                &sub.id,
                Answer {
                    value: Some(value),
                    evidence: vec![Evidence {
                        number: format!(
                            "{}/KH-{}",
                            10 + rng.below(300),
                            if fw.unit_type == UnitType::Xa {
                                "UBND"
                            } else {
                                "S"
                            }
                        ),
                        date: format!("2025-{:02}-{:02}", 1 + rng.below(11), 1 + rng.below(28)),
                        issuer: "UBND tỉnh Gia Lai".into(),
                        summary: format!(
                            "Kế hoạch, báo cáo thực hiện tiêu chí {} năm 2025 của đơn vị",
                            sub.id
                        ),
                        link: String::new(),
                    }],
                    explanation: "Số liệu theo báo cáo định kỳ và hệ thống thông tin của tỉnh."
                        .into(),
                    ..Answer::default()
                },
            );
        }
        let text = file::export(&a, fw, true, "2025-12-20T09:00:00+07:00");
        std::fs::write(out.join(file::file_name(&a)), text).expect("write file");
    }
    println!("wrote {count} files to {}", out.display());
}
