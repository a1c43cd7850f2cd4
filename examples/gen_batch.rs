//! Writes a batch of fully answered self-assessment files, as units would
//! send them to Sở Nội vụ, for load tests of the consolidation page.
//! Deterministic for a given seed.
//!
//!     cargo run --release --example gen_batch -- --count 200 --seed 42 --out target/batch
//!
//! With `--hostile`, six more files a desk must not be held up or fooled
//! by: three over the 5 MB limit (`qua-lon-*.json`), one whose unit name is
//! over its limit (`ten-qua-dai.json`), one embedding an easier forged copy
//! of the sở template under its id and version (`gian-lan.json`), and one
//! scored with a framework of its own (`bo-rieng.json`).

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
    let mut hostile = false;
    let mut submitted = false;
    let mut period = Period::Year;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--hostile" {
            hostile = true;
            continue;
        }
        if a == "--submitted" {
            submitted = true;
            continue;
        }
        let v = args.next().unwrap_or_default();
        match a.as_str() {
            "--count" => count = v.parse().unwrap_or(count),
            "--seed" => seed = v.parse().unwrap_or(seed),
            "--out" => out = PathBuf::from(v),
            "--kind" => kind = v,
            "--period" => {
                period = match v.as_str() {
                    "q1" => Period::Q1,
                    "h1" => Period::H1,
                    "q3" => Period::Q3,
                    _ => Period::Year,
                }
            }
            _ => {
                eprintln!(
                    "usage: gen_batch [--count N] [--seed S] [--out DIR] [--kind so|xa|mixed] [--period q1|h1|q3|year] [--hostile] [--submitted]"
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
        let mut a = Assessment::new(format!("g{n}"), fw.reference(), name, 2025, period);
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
        // --submitted: each file is revision 1 as "Nộp" writes it (the desk
        // can appraise it)
        let text = if submitted {
            file::export_submitted(&a, fw, true, AT, 1).0
        } else {
            file::export(&a, fw, true, AT)
        };
        std::fs::write(out.join(file::file_name(&a)), text).expect("write file");
        if hostile && n == 0 {
            write_hostile(&out, &a, fw);
        }
    }
    println!(
        "wrote {count} files{} to {}",
        if hostile { " and 6 hostile ones" } else { "" },
        out.display()
    );
}

const AT: &str = "2025-12-20T09:00:00+07:00";

/// The hostile files, made from one good assessment `a` of `fw`.
fn write_hostile(out: &std::path::Path, a: &Assessment, fw: &Framework) {
    let write = |name: &str, text: &str| std::fs::write(out.join(name), text).expect("write file");
    let good = file::export(a, fw, true, AT);
    for k in 1..=3 {
        // valid JSON, padded past the limit
        let mut big = good.trim_end().trim_end_matches('}').to_string();
        big.push_str(&" ".repeat(6 * 1024 * 1024));
        big.push('}');
        write(&format!("qua-lon-{k}.json"), &big);
    }
    let mut long = a.clone();
    long.unit_name = "Sở Tên Dài ".repeat(100);
    write("ten-qua-dai.json", &file::export(&long, fw, true, AT));
    // easier scoring under the template's own id and version
    let mut easy = fw.clone();
    for s in easy
        .fields
        .iter_mut()
        .flat_map(|f| f.criteria.iter_mut())
        .flat_map(|c| c.subs.iter_mut())
    {
        let max = s.max;
        if let Rule::Options { options } = &mut s.rule {
            for o in options.iter_mut() {
                o.points = max;
            }
        }
    }
    let mut forged = a.clone();
    forged.unit_name = "Sở Gian Lận".into();
    write("gian-lan.json", &file::export(&forged, &easy, false, AT));
    let mut other = fw.clone();
    other.id = "bo-rieng".into();
    other.title = "Bộ tiêu chí riêng".into();
    let mut own = a.clone();
    own.unit_name = "Sở Bộ Riêng".into();
    own.framework = other.reference();
    write("bo-rieng.json", &file::export(&own, &other, false, AT));
}
