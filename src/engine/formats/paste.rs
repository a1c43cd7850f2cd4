//! "Paste from the decision's table": turns the appendix table of a UBND
//! tỉnh decision, as the clipboard gives it (tab-separated, one rule line
//! per row, Vietnamese decimal comma), into a draft framework. The tree
//! comes from the numbering, maxima from the points column, rules from the
//! rule lines; whatever is not recognised is kept as text and flagged.

use crate::engine::model::{
    Adjustments, Band, ChoiceOption, Criterion, Dec2, Field, Framework, PctRange, RatioBand, Rule,
    Status, SubCriterion, UnitType, Years, FRAMEWORK_FORMAT, FRAMEWORK_FORMAT_VERSION,
};
use crate::engine::rules::validate::{validate, Problem};

/// Something the user must finish by hand, at an item.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Flag {
    pub id: String,
    pub message: String,
}

/// A framework being entered, with what the paste could not settle. The
/// editor keeps it (autosaved) until it is valid and saved for use.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Draft {
    pub framework: Framework,
    pub flags: Vec<Flag>,
}

impl Draft {
    /// The engine's own checks on the draft (e.g. maxima not adding up).
    pub fn problems(&self) -> Vec<Problem> {
        validate(&self.framework)
    }
}

/// A rule line: its label and points (if it has any).
type RuleLine = (String, Option<Dec2>);

struct Row {
    stt: String,
    text: String,
    points: Option<Dec2>,
}

/// A numbered row's depth: "1" → 0, "1.1" → 1, "1.1.1" → 2.
fn depth(stt: &str) -> Option<usize> {
    let s = stt.trim().trim_end_matches('.');
    if s.is_empty()
        || !s
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    Some(s.matches('.').count())
}

/// A rule line's points: the number after its last ':' (else `None`).
fn line_points(text: &str) -> Option<(String, Dec2)> {
    let (label, tail) = text.rsplit_once(':')?;
    let d = Dec2::parse(tail.trim().trim_end_matches("điểm").trim())?;
    Some((label.trim().to_string(), d))
}

/// Percentages in a line, in order ("70%", "70,5 %").
fn percents(text: &str) -> Vec<Dec2> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit() || chars[i] == ',' || chars[i] == '.')
            {
                i += 1;
            }
            let num: String = chars[start..i].iter().collect();
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            if j < chars.len() && chars[j] == '%' {
                if let Some(d) = Dec2::parse(num.trim_end_matches([',', '.'])) {
                    out.push(d);
                }
            }
        } else {
            i += 1;
        }
    }
    out
}

/// A percentage band from a rule line's wording, if it has one.
pub fn band_of(label: &str) -> Option<(Dec2, bool, Dec2, bool)> {
    let l = label.to_lowercase();
    let p = percents(&l);
    let before_first = l.split('%').next().unwrap_or("");
    let above = ["trên", "lớn hơn", "cao hơn", "vượt"]
        .iter()
        .any(|k| before_first.contains(k));
    let below = ["dưới", "nhỏ hơn", "thấp hơn", "chưa đạt"]
        .iter()
        .any(|k| before_first.contains(k));
    let upward = l.contains("trở lên") || l.contains('≥') || l.contains(">=");
    match p.as_slice() {
        [x] if above => Some((*x, false, Dec2::HUNDRED, true)),
        [x] if upward => Some((*x, true, Dec2::HUNDRED, true)),
        [x] if below => Some((Dec2::ZERO, true, *x, false)),
        [x] if l.contains("đến") || l.contains("tối đa") => {
            Some((Dec2::ZERO, true, *x, true))
        }
        [x] => Some((*x, true, *x, true)),
        [x, y] => {
            let between = l.split('%').nth(1).unwrap_or("");
            let to_excl = ["dưới", "nhỏ hơn"].iter().any(|k| between.contains(k));
            Some((*x, !above, *y, !to_excl))
        }
        _ => None,
    }
}

/// Reads the pasted table into a draft framework.
pub fn parse(text: &str, unit_type: UnitType) -> Draft {
    let rows: Vec<Row> = text
        .lines()
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let col = |i: usize| {
                cols.get(i)
                    .map(|s| s.trim().to_string())
                    .unwrap_or_default()
            };
            Row {
                stt: col(0),
                text: col(1),
                points: Dec2::parse(&col(2)),
            }
        })
        .filter(|r| !(r.stt.is_empty() && r.text.is_empty()))
        .collect();

    let mut fields: Vec<Field> = Vec::new();
    let mut flags: Vec<Flag> = Vec::new();
    // Rule lines waiting for the node they belong to: (node id, lines).
    let mut lines: Vec<(String, Vec<RuleLine>)> = Vec::new();
    let flag = |flags: &mut Vec<Flag>, id: &str, m: String| {
        flags.push(Flag {
            id: id.to_string(),
            message: m,
        })
    };

    for r in &rows {
        let is_header = r.stt.to_lowercase().starts_with("stt")
            || r.text.to_lowercase().starts_with("lĩnh vực/");
        if is_header {
            continue;
        }
        match depth(&r.stt) {
            Some(d) => {
                let id = r.stt.trim().trim_end_matches('.').to_string();
                let max = r.points.unwrap_or_else(|| {
                    flag(&mut flags, &id, "thiếu điểm tối đa".into());
                    Dec2::ZERO
                });
                match d {
                    0 => fields.push(Field {
                        id: id.clone(),
                        title: r.text.clone(),
                        max,
                        may_be_not_applicable: false,
                        criteria: vec![],
                    }),
                    1 => match fields.last_mut() {
                        Some(f) => f.criteria.push(Criterion {
                            id: id.clone(),
                            title: r.text.clone(),
                            max,
                            may_be_not_applicable: false,
                            excluded_with: None,
                            subs: vec![],
                        }),
                        None => flag(&mut flags, &id, "tiêu chí nằm ngoài lĩnh vực nào".into()),
                    },
                    2 => match fields.last_mut().and_then(|f| f.criteria.last_mut()) {
                        Some(c) => c.subs.push(SubCriterion {
                            id: id.clone(),
                            title: r.text.clone(),
                            max,
                            guidance: String::new(),
                            evidence_hint: String::new(),
                            no_case_full_points: false,
                            may_be_not_applicable: false,
                            rule: Rule::YesNo,
                        }),
                        None => flag(
                            &mut flags,
                            &id,
                            "tiêu chí thành phần nằm ngoài tiêu chí nào".into(),
                        ),
                    },
                    _ => flag(
                        &mut flags,
                        &id,
                        format!("số thứ tự \"{id}\" sâu hơn 3 cấp: bỏ qua \"{}\"", r.text),
                    ),
                }
                lines.push((id, Vec::new()));
            }
            None if r.stt.is_empty() => {
                let (label, pts) = match line_points(&r.text) {
                    Some((l, p)) => (l, Some(p)),
                    None => (r.text.clone(), r.points),
                };
                match lines.last_mut() {
                    Some((_, l)) => l.push((label, pts)),
                    None => flag(
                        &mut flags,
                        "(đầu bảng)",
                        format!("dòng không thuộc mục nào: \"{}\"", r.text),
                    ),
                }
            }
            None => flag(
                &mut flags,
                &r.stt,
                format!("không hiểu số thứ tự \"{}\": \"{}\"", r.stt, r.text),
            ),
        }
    }

    // Attach rules. A criterion with rule lines and no sub-criteria is
    // scored directly: it gets one sub-criterion with its own id.
    for (id, ls) in &lines {
        for f in fields.iter_mut() {
            for c in f.criteria.iter_mut() {
                if &c.id == id && c.subs.is_empty() && !ls.is_empty() {
                    c.subs.push(SubCriterion {
                        id: c.id.clone(),
                        title: c.title.clone(),
                        max: c.max,
                        guidance: String::new(),
                        evidence_hint: String::new(),
                        no_case_full_points: false,
                        may_be_not_applicable: false,
                        rule: Rule::YesNo,
                    });
                }
                for s in c.subs.iter_mut().filter(|s| &s.id == id) {
                    s.rule = rule_from(&s.id, s.max, ls, &mut flags);
                    s.guidance = ls
                        .iter()
                        .map(|(l, p)| match p {
                            Some(p) => format!("{l}: {}", p.to_vi()),
                            None => l.clone(),
                        })
                        .collect::<Vec<_>>()
                        .join("; ");
                }
            }
        }
    }
    for f in &fields {
        for c in &f.criteria {
            if c.subs.is_empty() {
                flag(
                    &mut flags,
                    &c.id,
                    "tiêu chí chưa có tiêu chí thành phần hay cách chấm".into(),
                );
            }
        }
    }

    let framework = Framework {
        format: FRAMEWORK_FORMAT.into(),
        format_version: FRAMEWORK_FORMAT_VERSION,
        id: "bo-tieu-chi-moi".into(),
        version: "1".into(),
        title: "Bộ tiêu chí (dán từ bảng)".into(),
        province: String::new(),
        unit_type,
        years: Years {
            from: 2025,
            to: None,
        },
        status: Status::Official,
        source: "Dán từ bảng phụ lục của Quyết định".into(),
        decision: None,
        bands: default_bands(),
        bonus: Adjustments {
            cap: Dec2::ZERO,
            items: vec![],
        },
        deductions: Adjustments {
            cap: Dec2::ZERO,
            items: vec![],
        },
        plan_completion_sub: None,
        fields,
    };
    Draft { framework, flags }
}

fn default_bands() -> Vec<Band> {
    let b = |label: &str, from: i64, to: i64, to_incl: bool| Band {
        label: label.into(),
        range: PctRange::new(Dec2::from_int(from), true, Dec2::from_int(to), to_incl),
    };
    vec![
        b("Tốt", 80, 100, true),
        b("Khá", 65, 80, false),
        b("Trung bình", 50, 65, false),
        b("Yếu", 0, 50, false),
    ]
}

fn rule_from(id: &str, max: Dec2, lines: &[RuleLine], flags: &mut Vec<Flag>) -> Rule {
    if lines.is_empty() {
        flags.push(Flag {
            id: id.into(),
            message: "không có dòng cách chấm: tạm để Đạt/Không đạt, hãy kiểm tra".into(),
        });
        return Rule::YesNo;
    }
    for (l, p) in lines {
        if p.is_none() {
            flags.push(Flag {
                id: id.into(),
                message: format!("dòng \"{l}\" không có điểm: hãy nhập điểm"),
            });
        }
    }
    let bands: Vec<Option<(Dec2, bool, Dec2, bool)>> =
        lines.iter().map(|(l, _)| band_of(l)).collect();
    if bands.iter().all(Option::is_some) && lines.len() >= 2 {
        return Rule::RatioBands {
            bands: bands
                .iter()
                .zip(lines)
                .filter_map(|(b, (_, p))| {
                    let (from, fi, to, ti) = (*b)?;
                    Some(RatioBand {
                        range: PctRange::new(from, fi, to, ti),
                        points: p.unwrap_or(Dec2::ZERO),
                    })
                })
                .collect(),
            numerator_label: String::new(),
            denominator_label: String::new(),
        };
    }
    if bands.iter().any(Option::is_some) {
        flags.push(Flag {
            id: id.into(),
            message: "có dòng tỷ lệ % lẫn dòng khác: tạm để dạng chọn mức, hãy kiểm tra".into(),
        });
    }
    let letters = "abcdefghijklmnopqrstuvwxyz";
    let options: Vec<ChoiceOption> = lines
        .iter()
        .enumerate()
        .map(|(i, (l, p))| ChoiceOption {
            id: letters
                .chars()
                .nth(i)
                .map_or_else(|| format!("o{i}"), |c| c.to_string()),
            label: l.clone(),
            points: p.unwrap_or(Dec2::ZERO),
        })
        .collect();
    if !options.iter().any(|o| o.points == max) {
        flags.push(Flag {
            id: id.into(),
            message: "không có mức nào bằng điểm tối đa".into(),
        });
    }
    Rule::Options { options }
}
