//! Sở Nội vụ's desk: many units' files checked one by one (a refused file
//! never stops the others), duplicates resolved, units ranked per unit
//! type, and the sub-criteria the province loses most points on.

use super::assessment::{Assessment, Period};
use super::dec::Dec2;
use super::file::{self, ImportWarning};
use super::framework::{Framework, UnitType};
use super::score::{score, SubState, Summary};
use std::collections::BTreeMap;
use std::rc::Rc;

/// A unit's file as checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub file_name: String,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Refused(String),
    Checked(Box<Checked>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub assessment: Assessment,
    pub framework: Rc<Framework>,
    pub summary: Summary,
    /// Warnings in Vietnamese (checksum, totals differ, unsupported
    /// points, incomplete). Empty: accepted as is.
    pub warnings: Vec<String>,
    /// Items with points: share backed by evidence, in %.
    pub evidence_coverage: Dec2,
}

impl Checked {
    pub fn unit_type(&self) -> UnitType {
        self.framework.unit_type
    }

    /// Same unit and period: name compared without case or extra spaces.
    pub fn key(&self) -> (String, UnitType, u16, Period) {
        (
            unit_key(&self.assessment.unit_name),
            self.unit_type(),
            self.assessment.year,
            self.assessment.period,
        )
    }
}

pub fn unit_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Checks one file as the import would, and grades it.
pub fn check_file(file_name: &str, bytes: &[u8], known: &[Rc<Framework>], index: usize) -> Entry {
    let list: Vec<Framework> = known.iter().map(|f| (**f).clone()).collect();
    check_with(file_name, bytes, known, &list, index)
}

/// As [`check_file`], with the known frameworks also as plain values (to
/// avoid cloning them for every file of a batch).
pub fn check_with(
    file_name: &str,
    bytes: &[u8],
    known: &[Rc<Framework>],
    plain: &[Framework],
    index: usize,
) -> Entry {
    let outcome = match file::import(bytes, plain, &format!("snv-{index}")) {
        Err(e) => Outcome::Refused(e.to_string()),
        Ok(imp) => {
            let fw = known
                .iter()
                .find(|k| ***k == imp.framework)
                .cloned()
                .unwrap_or_else(|| Rc::new(imp.framework.clone()));
            let summary = score(&fw, &imp.assessment);
            let mut warnings: Vec<String> = imp
                .warnings
                .iter()
                .map(|w| match w {
                    ImportWarning::ChecksumMismatch => {
                        "Mã kiểm tra không khớp (tệp bị hỏng hoặc bị sửa)".to_string()
                    }
                    other => other.to_string(),
                })
                .collect();
            if !summary.missing_support.is_empty() {
                warnings.push(format!(
                    "{} mục có điểm nhưng không có tài liệu kiểm chứng hoặc giải trình: {}",
                    summary.missing_support.len(),
                    summary.missing_support.join(", ")
                ));
            }
            if summary.answered < summary.applicable_items {
                warnings.push(format!(
                    "Chưa hoàn thành: {}/{} mục đã trả lời",
                    summary.answered, summary.applicable_items
                ));
            }
            if !summary.errors.is_empty() {
                warnings.push(format!(
                    "{} mục có số liệu không hợp lệ: {}",
                    summary.errors.len(),
                    summary
                        .errors
                        .iter()
                        .map(|(id, _)| id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            let scored: Vec<_> = summary
                .subs
                .iter()
                .filter(|s| !s.survey && s.points > Dec2::ZERO)
                .collect();
            let backed = scored
                .iter()
                .filter(|s| {
                    imp.assessment
                        .answers
                        .get(&s.id)
                        .is_some_and(|a| a.evidence.iter().any(|e| !e.is_blank()))
                })
                .count();
            let evidence_coverage = if scored.is_empty() {
                Dec2::ZERO
            } else {
                Dec2::from_int(backed as i64).percent_of(Dec2::from_int(scored.len() as i64))
            };
            Outcome::Checked(Box::new(Checked {
                assessment: imp.assessment,
                framework: fw,
                summary,
                warnings,
                evidence_coverage,
            }))
        }
    };
    Entry {
        file_name: file_name.to_string(),
        outcome,
    }
}

/// Which entry stands for each unit and period: by default the most
/// recently updated; `chosen` (entry index) overrides per key.
pub fn resolve_duplicates(
    entries: &[Entry],
    chosen: &BTreeMap<(String, UnitType, u16, Period), usize>,
) -> Vec<Option<usize>> {
    // For each entry: None = used; Some(i) = superseded by entry i.
    let mut best: BTreeMap<(String, UnitType, u16, Period), usize> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let Outcome::Checked(c) = &e.outcome else {
            continue;
        };
        let key = c.key();
        if let Some(&pick) = chosen.get(&key) {
            best.insert(key, pick);
            continue;
        }
        match best.get(&key) {
            Some(&j) => {
                let Outcome::Checked(b) = &entries[j].outcome else {
                    continue;
                };
                // newer `updated` wins; at equal times the later file
                if c.assessment.updated >= b.assessment.updated {
                    best.insert(key, i);
                }
            }
            None => {
                best.insert(key, i);
            }
        }
    }
    entries
        .iter()
        .enumerate()
        .map(|(i, e)| match &e.outcome {
            Outcome::Checked(c) => best.get(&c.key()).filter(|&&j| j != i).copied(),
            Outcome::Refused(_) => None,
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    /// 1-based; equal indices share a rank (1, 2, 2, 4).
    pub rank: usize,
    pub entry: usize,
}

/// Ranking per unit type of the entries in use, best index first; ties
/// share a rank and are listed by unit name.
pub fn rank(entries: &[Entry], superseded: &[Option<usize>]) -> BTreeMap<UnitType, Vec<Ranked>> {
    let mut groups: BTreeMap<UnitType, Vec<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        if superseded.get(i).copied().flatten().is_some() {
            continue;
        }
        if let Outcome::Checked(c) = &e.outcome {
            groups.entry(c.unit_type()).or_default().push(i);
        }
    }
    groups
        .into_iter()
        .map(|(k, mut idx)| {
            let index = |i: usize| match &entries[i].outcome {
                Outcome::Checked(c) => (c.summary.index, unit_key(&c.assessment.unit_name)),
                Outcome::Refused(_) => (Dec2::ZERO, String::new()),
            };
            crate::engine::sort_by(&mut idx, &|&a, &b| {
                let (ia, na) = index(a);
                let (ib, nb) = index(b);
                ib.cmp(&ia).then(na.cmp(&nb))
            });
            let mut out: Vec<Ranked> = Vec::with_capacity(idx.len());
            for (pos, &i) in idx.iter().enumerate() {
                let rank = match out.last() {
                    Some(prev) if index(prev.entry).0 == index(i).0 => prev.rank,
                    _ => pos + 1,
                };
                out.push(Ranked { rank, entry: i });
            }
            (k, out)
        })
        .collect()
}

/// Province-wide: for one sub-criterion, how many units lose points on it
/// and how many points in all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loss {
    pub framework_id: String,
    pub sub: String,
    pub title: String,
    pub max: Dec2,
    pub units: usize,
    pub points: Dec2,
    pub answered_by: usize,
}

pub fn losses(entries: &[Entry], superseded: &[Option<usize>]) -> Vec<Loss> {
    let mut map: BTreeMap<(String, String), Loss> = BTreeMap::new();
    let mut order: Vec<(String, String)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        if superseded.get(i).copied().flatten().is_some() {
            continue;
        }
        let Outcome::Checked(c) = &e.outcome else {
            continue;
        };
        for s in &c.summary.subs {
            if s.survey {
                continue;
            }
            let key = (c.framework.id.clone(), s.id.clone());
            let l = map.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                Loss {
                    framework_id: c.framework.id.clone(),
                    sub: s.id.clone(),
                    title: c
                        .framework
                        .sub(&s.id)
                        .map(|x| x.title.clone())
                        .unwrap_or_default(),
                    max: s.max,
                    units: 0,
                    points: Dec2::ZERO,
                    answered_by: 0,
                }
            });
            if !matches!(s.state, SubState::Unanswered | SubState::NotApplicable) {
                l.answered_by += 1;
                if s.lost > Dec2::ZERO {
                    l.units += 1;
                    l.points += s.lost;
                }
            }
        }
    }
    let mut out: Vec<Loss> = order
        .into_iter()
        .filter_map(|k| map.remove(&k))
        .filter(|l| l.units > 0)
        .collect();
    crate::engine::sort_by(&mut out, &|a, b| {
        b.points.cmp(&a.points).then(b.units.cmp(&a.units))
    });
    out
}

/// One line of the ranking CSV.
pub fn ranking_csv(entries: &[Entry], ranking: &BTreeMap<UnitType, Vec<Ranked>>) -> String {
    let mut rows: Vec<Vec<String>> = vec![];
    for (k, list) in ranking {
        let Some(first) = list.first() else { continue };
        let Outcome::Checked(c0) = &entries[first.entry].outcome else {
            continue;
        };
        let mut head: Vec<String> = [
            "Khối",
            "Hạng",
            "Đơn vị",
            "Kỳ",
            "Chỉ số (%)",
            "Xếp loại",
            "Điểm tự chấm",
            "Điều tra XHH (ước tính)",
            "Hoàn thành (%)",
            "Có kiểm chứng (%)",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        head.extend(
            c0.framework
                .fields
                .iter()
                .map(|f| format!("LV {} (%)", f.id)),
        );
        rows.push(head);
        for r in list {
            let Outcome::Checked(c) = &entries[r.entry].outcome else {
                continue;
            };
            let s = &c.summary;
            let mut row = vec![
                k.label().to_string(),
                r.rank.to_string(),
                c.assessment.unit_name.clone(),
                format!("{} {}", c.assessment.period.label(), c.assessment.year),
                s.index.to_vi_fixed(),
                s.band.clone().unwrap_or_default(),
                s.self_points.to_vi(),
                s.survey_estimate.to_vi(),
                s.completion.to_vi(),
                c.evidence_coverage.to_vi(),
            ];
            row.extend(c0.framework.fields.iter().map(|f| {
                s.field(&f.id)
                    .filter(|n| !n.excluded)
                    .map(|n| n.percent().to_vi_fixed())
                    .unwrap_or_default()
            }));
            rows.push(row);
        }
    }
    super::plan::csv_rows(rows)
}

pub fn losses_csv(list: &[Loss]) -> String {
    let mut rows = vec![[
        "Bộ tiêu chí",
        "Tiêu chí thành phần",
        "Nội dung",
        "Điểm tối đa",
        "Số đơn vị bị mất điểm",
        "Số đơn vị đã chấm",
        "Tổng điểm bị mất",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect::<Vec<_>>()];
    for l in list {
        rows.push(vec![
            l.framework_id.clone(),
            l.sub.clone(),
            l.title.clone(),
            l.max.to_vi(),
            l.units.to_string(),
            l.answered_by.to_string(),
            l.points.to_vi(),
        ]);
    }
    super::plan::csv_rows(rows)
}

/// Each unit's index and rank in a previous batch, by unit type and name.
pub fn previous_positions(
    entries: &[Entry],
    ranking: &BTreeMap<UnitType, Vec<Ranked>>,
) -> BTreeMap<(UnitType, String), (Dec2, usize)> {
    let mut out = BTreeMap::new();
    for (k, list) in ranking {
        for r in list {
            if let Outcome::Checked(c) = &entries[r.entry].outcome {
                out.insert(
                    (*k, unit_key(&c.assessment.unit_name)),
                    (c.summary.index, r.rank),
                );
            }
        }
    }
    out
}
