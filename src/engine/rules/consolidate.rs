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
    /// Scored with a framework that came embedded in the file and is not
    /// one of the desk's own: ranked apart, never beside the official one.
    pub foreign: bool,
    /// "Dự kiến cả năm" index (at "Năm": the year's with the actions).
    pub projected: Dec2,
    /// SHA-256 of the file's content: the revision an appraisal names.
    pub sha256: String,
    /// The submitted revision's number ("Nộp"), if the file is one and
    /// its checksum holds (a damaged or hand-edited file is not appraised).
    pub revision: Option<u32>,
    /// The file's checksum matches its content.
    pub intact: bool,
}

impl Checked {
    pub fn unit_type(&self) -> UnitType {
        self.framework.unit_type
    }

    /// The units it is ranked with.
    pub fn group(&self) -> Group {
        Group {
            unit_type: self.unit_type(),
            framework_id: self.framework.id.clone(),
            framework_version: self.framework.version.clone(),
        }
    }

    /// Same unit and period: name compared without case or extra spaces.
    pub fn key(&self) -> UnitPeriod {
        (
            unit_key(&self.assessment.unit_name),
            self.unit_type(),
            self.assessment.year,
            self.assessment.period,
        )
    }
}

pub fn unit_key(name: &str) -> String {
    compose_vi(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Vietnamese letters typed as a base letter and combining marks (Unikey's
/// "Unicode tổ hợp") composed into the one-character forms, so both
/// spellings of a name are the same name. Only the Vietnamese letters are
/// composed (no Unicode tables in the bundle); anything else is kept.
pub fn compose_vi(s: &str) -> String {
    // each row: the letter, then with huyền, sắc, hỏi, ngã, nặng
    const ROWS: [&str; 24] = [
        "aàáảãạ",
        "ăằắẳẵặ",
        "âầấẩẫậ",
        "eèéẻẽẹ",
        "êềếểễệ",
        "iìíỉĩị",
        "oòóỏõọ",
        "ôồốổỗộ",
        "ơờớởỡợ",
        "uùúủũụ",
        "ưừứửữự",
        "yỳýỷỹỵ",
        "AÀÁẢÃẠ",
        "ĂẰẮẲẴẶ",
        "ÂẦẤẨẪẬ",
        "EÈÉẺẼẸ",
        "ÊỀẾỂỄỆ",
        "IÌÍỈĨỊ",
        "OÒÓỎÕỌ",
        "ÔỒỐỔỖỘ",
        "ƠỜỚỞỠỢ",
        "UÙÚỦŨỤ",
        "ƯỪỨỬỮỰ",
        "YỲÝỶỸỴ",
    ];
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];
    // (letter, mark) → letter: breve, circumflex, horn
    const MODS: [(char, char, char); 12] = [
        ('a', '\u{306}', 'ă'),
        ('a', '\u{302}', 'â'),
        ('e', '\u{302}', 'ê'),
        ('o', '\u{302}', 'ô'),
        ('o', '\u{31b}', 'ơ'),
        ('u', '\u{31b}', 'ư'),
        ('A', '\u{306}', 'Ă'),
        ('A', '\u{302}', 'Â'),
        ('E', '\u{302}', 'Ê'),
        ('O', '\u{302}', 'Ô'),
        ('O', '\u{31b}', 'Ơ'),
        ('U', '\u{31b}', 'Ư'),
    ];
    let find = |c: char| {
        ROWS.iter()
            .enumerate()
            .find_map(|(r, row)| row.chars().position(|x| x == c).map(|t| (r, t)))
    };
    let at = |r: usize, t: usize| ROWS[r].chars().nth(t);
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        let last = out.last().copied().and_then(find);
        let composed = match (last, TONES.iter().position(|&m| m == c)) {
            (Some((r, 0)), Some(t)) => at(r, t + 1),
            (Some((r, t)), None) => at(r, 0)
                .and_then(|base| MODS.iter().find(|m| m.0 == base && m.1 == c))
                .and_then(|m| find(m.2))
                .and_then(|(r2, _)| at(r2, t)),
            _ => None,
        };
        match composed {
            Some(x) => {
                if let Some(l) = out.last_mut() {
                    *l = x;
                }
            }
            None => out.push(c),
        }
    }
    out.into_iter().collect()
}

/// Grades an imported assessment for the desk: scores it and lists what
/// Sở Nội vụ should look at (`file_warnings` come from the import).
pub fn grade(
    assessment: Assessment,
    framework: Rc<Framework>,
    file_warnings: Vec<String>,
    foreign: bool,
) -> Checked {
    let summary = score(&framework, &assessment);
    let projected = super::plan::project_year(&framework, &assessment).1.index;
    let mut warnings = file_warnings;
    if !summary.carried.is_empty() {
        warnings.push(format!(
            "{} mục chưa cập nhật cho kỳ này (số liệu chuyển từ kỳ trước): {}",
            summary.carried.len(),
            summary.carried.join(", ")
        ));
    }
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
        projected,
        sha256: String::new(),
        revision: None,
        intact: true,
        assessment,
        framework,
        summary,
        warnings,
        evidence_coverage,
        foreign,
    }
}

/// The key of a unit's file for one period: name (without case or extra
/// spaces), unit type, year, period.
pub type UnitPeriod = (String, UnitType, u16, Period);

/// Which entry stands for each unit and period: by default the most
/// recently updated; `chosen` (entry index) overrides per key. For each
/// entry: `None` = stands; `Some(i)` = superseded by entry `i`.
pub fn resolve_duplicates(
    entries: &[Entry],
    chosen: &BTreeMap<UnitPeriod, usize>,
) -> Vec<Option<usize>> {
    let mut best: BTreeMap<UnitPeriod, usize> = BTreeMap::new();
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
                // an intact file wins over a damaged (hand-edited) one;
                // then newer `updated`; at equal times the later file
                if (c.intact, &c.assessment.updated) >= (b.intact, &b.assessment.updated) {
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

/// The period most files of a batch are for (at a tie, the latest):
/// what the desk ranks unless the user picks another.
pub fn common_period(entries: &[Entry]) -> Option<(u16, Period)> {
    let mut count: BTreeMap<(u16, Period), usize> = BTreeMap::new();
    for e in entries {
        if let Outcome::Checked(c) = &e.outcome {
            *count
                .entry((c.assessment.year, c.assessment.period))
                .or_default() += 1;
        }
    }
    // Ascending keys: `>=` keeps the latest of equal counts.
    let mut best: Option<((u16, Period), usize)> = None;
    for (k, n) in count {
        if best.is_none_or(|(_, m)| n >= m) {
            best = Some((k, n));
        }
    }
    best.map(|(k, _)| k)
}

/// Every period the checked files of a batch are for, in order.
pub fn periods(entries: &[Entry]) -> Vec<(u16, Period)> {
    let set: std::collections::BTreeSet<(u16, Period)> = entries
        .iter()
        .filter_map(|e| match &e.outcome {
            Outcome::Checked(c) => Some((c.assessment.year, c.assessment.period)),
            Outcome::Refused(_) => None,
        })
        .collect();
    set.into_iter().collect()
}

/// How one file of a batch is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Ranked for the batch's period.
    Ranked,
    /// The same unit and period as entry `.0`, which is used instead.
    Duplicate(usize),
    /// For another year or period than the one ranked: set aside.
    OtherPeriod,
    Refused,
}

/// What the desk does with a batch: the one period it ranks, and each
/// file's place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub period: Option<(u16, Period)>,
    pub places: Vec<Place>,
}

impl Plan {
    pub fn ranked(&self, i: usize) -> bool {
        self.places.get(i) == Some(&Place::Ranked)
    }
}

/// Places every file: `period` (or, when `None`, the period most files
/// share) is ranked, other periods are set aside, and of two files of the
/// same unit and period only one stands (the newer unless `chosen`).
pub fn plan(
    entries: &[Entry],
    chosen: &BTreeMap<UnitPeriod, usize>,
    period: Option<(u16, Period)>,
) -> Plan {
    let period = period
        .filter(|p| periods(entries).contains(p))
        .or_else(|| common_period(entries));
    let superseded = resolve_duplicates(entries, chosen);
    let places = entries
        .iter()
        .zip(superseded)
        .map(|(e, sup)| match &e.outcome {
            Outcome::Refused(_) => Place::Refused,
            Outcome::Checked(c) if Some((c.assessment.year, c.assessment.period)) != period => {
                Place::OtherPeriod
            }
            Outcome::Checked(_) => sup.map_or(Place::Ranked, Place::Duplicate),
        })
        .collect();
    Plan { period, places }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    /// 1-based; equal indices share a rank (1, 2, 2, 4).
    pub rank: usize,
    pub entry: usize,
}

/// Units ranked together: one unit type, scored against one framework.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Group {
    pub unit_type: UnitType,
    pub framework_id: String,
    pub framework_version: String,
}

/// Ranking per group of the entries the plan ranks, best index first;
/// ties share a rank and are listed by unit name.
pub fn rank(entries: &[Entry], plan: &Plan) -> BTreeMap<Group, Vec<Ranked>> {
    let mut groups: BTreeMap<Group, Vec<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        if !plan.ranked(i) {
            continue;
        }
        if let Outcome::Checked(c) = &e.outcome {
            groups.entry(c.group()).or_default().push(i);
        }
    }
    groups
        .into_iter()
        .map(|(k, idx)| {
            let rows: Vec<(Dec2, String)> = idx
                .iter()
                .map(|&i| match &entries[i].outcome {
                    Outcome::Checked(c) => (c.summary.index, unit_key(&c.assessment.unit_name)),
                    Outcome::Refused(_) => (Dec2::ZERO, String::new()),
                })
                .collect();
            let out = super::official::rank_desc(&rows)
                .into_iter()
                .map(|(rank, j)| Ranked {
                    rank,
                    entry: idx[j],
                })
                .collect();
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

pub fn losses(entries: &[Entry], plan: &Plan) -> Vec<Loss> {
    let mut map: BTreeMap<(String, String), Loss> = BTreeMap::new();
    let mut order: Vec<(String, String)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        if !plan.ranked(i) {
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
    ranking: &BTreeMap<Group, Vec<Ranked>>,
) -> BTreeMap<(UnitType, String), (Dec2, usize)> {
    let mut out = BTreeMap::new();
    for (g, list) in ranking {
        for r in list {
            if let Outcome::Checked(c) = &entries[r.entry].outcome {
                out.insert(
                    (g.unit_type, unit_key(&c.assessment.unit_name)),
                    (c.summary.index, r.rank),
                );
            }
        }
    }
    out
}

/// What the desk's ranking table is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Rank,
    Name,
    SelfPoints,
    Completion,
    Evidence,
    /// The percentage of field `.0` (its position in the framework).
    Field(usize),
}

/// The rows of one group in the order shown: `band` (when given) keeps
/// only units of that band; sorted by `key`, descending when `desc`.
pub fn rows_shown<'a>(
    entries: &[Entry],
    list: &'a [Ranked],
    band: Option<&str>,
    key: SortKey,
    desc: bool,
) -> Vec<&'a Ranked> {
    let checked = |r: &Ranked| -> Option<&Checked> {
        match &entries[r.entry].outcome {
            Outcome::Checked(c) => Some(c),
            Outcome::Refused(_) => None,
        }
    };
    let mut rows: Vec<&Ranked> = list
        .iter()
        .filter(|r| {
            band.is_none_or(|b| checked(r).is_some_and(|c| c.summary.band_shown() == Ok(Some(b))))
        })
        .collect();
    crate::engine::sort_by(&mut rows, &|a, b| {
        let (Some(ca), Some(cb)) = (checked(a), checked(b)) else {
            return std::cmp::Ordering::Equal;
        };
        let o = match key {
            SortKey::Rank => a.rank.cmp(&b.rank),
            SortKey::Name => {
                unit_key(&ca.assessment.unit_name).cmp(&unit_key(&cb.assessment.unit_name))
            }
            SortKey::SelfPoints => ca.summary.self_points.cmp(&cb.summary.self_points),
            SortKey::Completion => ca.summary.completion.cmp(&cb.summary.completion),
            SortKey::Evidence => ca.evidence_coverage.cmp(&cb.evidence_coverage),
            SortKey::Field(k) => {
                let p = |c: &Checked| {
                    c.framework
                        .fields
                        .get(k)
                        .and_then(|f| c.summary.field(&f.id))
                        .map(|n| n.percent())
                        .unwrap_or_default()
                };
                p(ca).cmp(&p(cb))
            }
        };
        if desc {
            o.reverse()
        } else {
            o
        }
    });
    rows
}
