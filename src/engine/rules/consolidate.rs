//! Sở Nội vụ's desk: each unit's file graded (reading the files is
//! `formats::batch`), duplicates resolved, units ranked per unit type, and
//! the sub-criteria the province loses most points on.

use super::score::{score, SubState, Summary};
use crate::engine::model::{Assessment, Dec2, Framework, Period, UnitType};
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

/// Grades an imported assessment for the desk: scores it and lists what
/// Sở Nội vụ should look at (`file_warnings` come from the import).
pub fn grade(
    assessment: Assessment,
    framework: Rc<Framework>,
    file_warnings: Vec<String>,
) -> Checked {
    let summary = score(&framework, &assessment);
    let mut warnings = file_warnings;
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
            assessment
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
    Checked {
        assessment,
        framework,
        summary,
        warnings,
        evidence_coverage,
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
