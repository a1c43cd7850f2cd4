//! The paste parser on a corpus of appendix tables laid out as provincial
//! decisions lay them out (issue #14, "Proof"): each `NAME.tsv` (Excel or
//! Word plain text) or `NAME.html` (the clipboard's HTML flavour) under
//! `tests/fixtures/paste/` is read into a draft, rendered one line per
//! node with its rule, then the flags (`!`) and the engine's problems
//! (`?`), and compared with `NAME.expect`.
//!
//! `BLESS=1 cargo test --test paste_corpus` writes the `.expect` files
//! from what the parser gives; check them line by line before keeping
//! them.

use cchc::engine::formats::paste::{self, Draft};
use cchc::engine::model::framework::{PctRange, Rule, UnitType};
use cchc::engine::Dec2;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Fixtures that quote only part of a decision's table: their maxima do
/// not add up, and the problems saying so are part of what is expected.
const PARTIAL: [&str; 2] = ["09-ca-mau-1880", "18-total-differs"];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/paste")
}

/// The fixtures, sorted by name: (name, path of the input).
fn fixtures() -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(dir())
        .expect("tests/fixtures/paste exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x == "tsv" || x == "html" || x == "htm")
        })
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, p)
        })
        .collect();
    out.sort();
    out
}

fn draft_of(path: &Path) -> Draft {
    let text = std::fs::read_to_string(path).expect("fixture reads as UTF-8");
    let is_html = path.extension().is_some_and(|x| x != "tsv");
    let table = if is_html {
        paste::clipboard_table(Some(&text), "")
    } else {
        paste::table::from_tsv(&text)
    };
    let cols = paste::columns::detect(&table);
    paste::build::build(&table, &cols, UnitType::So)
}

fn pct(r: &PctRange) -> String {
    format!(
        "{}{},{}{}",
        if r.from_inclusive { '[' } else { '(' },
        r.from.to_vi(),
        r.to.to_vi(),
        if r.to_inclusive { ']' } else { ')' }
    )
}

/// " (numerator / denominator)" when the rule names them.
fn labels(r: &Rule) -> String {
    match r.ratio_labels() {
        ("", "") => String::new(),
        (n, d) => format!(" ({n} / {d})"),
    }
}

fn rule(r: &Rule) -> String {
    match r {
        Rule::YesNo => "yes-no".into(),
        Rule::Survey => "survey".into(),
        Rule::Options { options } => format!(
            "options: {}",
            options
                .iter()
                .map(|o| format!("{}={}:{}", o.id, o.label, o.points.to_vi()))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        Rule::RatioBands { bands, .. } => format!(
            "ratio{}: {}",
            labels(r),
            bands
                .iter()
                .map(|b| format!("{}={}", pct(&b.range), b.points.to_vi()))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        Rule::Proportional { .. } => format!("proportional{}", labels(r)),
        Rule::CountBands { bands, max_count } => {
            let bs = bands
                .iter()
                .map(|b| {
                    let range = match b.max {
                        None => format!("{}+", b.min),
                        Some(m) if m == b.min => m.to_string(),
                        Some(m) => format!("{}..{m}", b.min),
                    };
                    format!("{range}={}", b.points.to_vi())
                })
                .collect::<Vec<_>>()
                .join("; ");
            match max_count {
                Some(m) => format!("count (of {m}): {bs}"),
                None => format!("count: {bs}"),
            }
        }
    }
}

/// The draft as the `.expect` files write it.
fn render(d: &Draft) -> String {
    let mut s = String::new();
    for f in &d.framework.fields {
        let _ = writeln!(s, "F {} | {} | {}", f.id, f.title, f.max.to_vi());
        for c in &f.criteria {
            let _ = writeln!(s, "C {} | {} | {}", c.id, c.title, c.max.to_vi());
            for sub in &c.subs {
                let mut line = format!(
                    "S {} | {} | {} | {}",
                    sub.id,
                    sub.title,
                    sub.max.to_vi(),
                    rule(&sub.rule)
                );
                if sub.no_case_full_points {
                    line.push_str(" | no-case");
                }
                if sub.may_be_not_applicable {
                    line.push_str(" | may-be-n/a");
                }
                if !sub.evidence_hint.is_empty() {
                    let _ = write!(line, " | evidence: {}", sub.evidence_hint);
                }
                let _ = writeln!(s, "{line}");
            }
        }
    }
    for f in &d.flags {
        let _ = writeln!(s, "! {}: {}", f.id, f.message);
    }
    for p in d.problems() {
        let _ = writeln!(s, "? {p}");
    }
    s
}

fn total(d: &Draft) -> Dec2 {
    d.framework.fields.iter().map(|f| f.max).sum()
}

#[test]
fn corpus_reads_as_expected() {
    let fx = fixtures();
    let bless = std::env::var("BLESS").is_ok_and(|v| v == "1");
    assert!(bless || fx.len() >= 14, "only {} fixtures", fx.len());
    let mut failures = Vec::new();
    for (name, path) in &fx {
        let got = render(&draft_of(path));
        let expect_path = dir().join(format!("{name}.expect"));
        if bless {
            std::fs::write(&expect_path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&expect_path).unwrap_or_default();
        if want != got {
            let mut diff = format!("{name}:\n");
            let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
            for i in 0..w.len().max(g.len()) {
                match (w.get(i), g.get(i)) {
                    (Some(a), Some(b)) if a == b => {}
                    (a, b) => {
                        let _ = writeln!(
                            diff,
                            "  line {}:\n    expected: {}\n    got:      {}",
                            i + 1,
                            a.unwrap_or(&"(nothing)"),
                            b.unwrap_or(&"(nothing)")
                        );
                    }
                }
            }
            failures.push(diff);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ from their .expect (BLESS=1 rewrites them):\n{}",
        failures.len(),
        fx.len(),
        failures.join("\n")
    );
}

#[test]
fn complete_tables_are_valid_frameworks_of_100_points() {
    let mut bad = Vec::new();
    for (name, path) in fixtures() {
        if PARTIAL.contains(&name.as_str()) {
            continue;
        }
        let d = draft_of(&path);
        let problems: Vec<String> = d.problems().iter().map(|p| p.to_string()).collect();
        if !problems.is_empty() || total(&d) != Dec2::HUNDRED {
            bad.push(format!(
                "{name}: total {} | {}",
                total(&d).to_vi(),
                problems.join(" | ")
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn partial_tables_report_what_does_not_add_up() {
    for name in PARTIAL {
        let d = draft_of(&dir().join(format!("{name}.tsv")));
        assert!(!d.problems().is_empty(), "{name}");
    }
}

/// No table of the corpus (Excel's TSV, scoring lines on rows of their
/// own, titles above the header) is taken for a plain-text paste whose
/// cells were split.
#[test]
fn no_fixture_is_taken_for_a_split_paste() {
    for (name, path) in fixtures() {
        if path.extension().is_some_and(|x| x == "tsv") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(paste::table::broken_rows(&text), 0, "{name}");
        }
    }
}
