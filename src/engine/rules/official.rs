//! The official index (chỉ số chính thức) of a unit, and the ranking the
//! province announces: the appraised points of the self-assessed items,
//! plus the survey points Sở Nội vụ enters (never the unit's estimate),
//! plus the bonus and minus the deductions (the council's, else the
//! unit's claims), each within its cap, over the applicable maximum.

use super::appraisal::appraised_assessment;
use super::score::{score, SubState, Summary};
use crate::engine::model::appraisal::AppraisedItem;
use crate::engine::model::{Assessment, Dec2, Framework, MissingSurvey};
use std::collections::BTreeMap;

/// Points and maximum of a field or criterion in the official result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeResult {
    pub id: String,
    pub points: Dec2,
    pub applicable_max: Dec2,
}

impl NodeResult {
    pub fn percent(&self) -> Dec2 {
        self.points.percent_of(self.applicable_max)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Official {
    /// The unit's own points on the self-assessed items (its estimate,
    /// shown beside the official figures, never mixed in).
    pub self_points: Dec2,
    /// The unit's own estimated index, as its file shows it.
    pub self_index: Dec2,
    /// Appraised points of the self-assessed items.
    pub appraised: Dec2,
    /// Survey points entered by Sở Nội vụ.
    pub survey: Dec2,
    /// Survey items (applicable to the unit) with no result entered.
    pub survey_missing: Vec<String>,
    pub bonus: Dec2,
    pub deductions: Dec2,
    /// The bonus and deductions are the council's (else the unit's claims).
    pub council: bool,
    /// appraised + survey + bonus − deductions, within 0..applicable_max.
    pub total: Dec2,
    pub applicable_max: Dec2,
    /// total ÷ applicable maximum × 100, to two decimals, 0..100.
    pub index: Dec2,
    pub band: Option<String>,
    pub fields: Vec<NodeResult>,
    pub criteria: Vec<NodeResult>,
}

impl Official {
    /// Bonus minus deductions, as the appendix's one column shows it.
    pub fn adjustment(&self) -> Dec2 {
        self.bonus - self.deductions
    }
}

/// The official result of one unit: `items` are the appraiser's verdicts
/// (none: the unit's answers stand), `survey` the points entered per
/// survey item, `council` the council's bonus and deductions.
pub fn official(
    fw: &Framework,
    a: &Assessment,
    items: Option<&BTreeMap<String, AppraisedItem>>,
    survey: Option<&BTreeMap<String, Dec2>>,
    council: Option<&BTreeMap<String, u32>>,
) -> Official {
    let own = score(fw, a);
    let mut b = match items {
        Some(items) => appraised_assessment(fw, a, items),
        None => a.clone(),
    };
    // the unit's survey estimates never reach the official figures
    for s in fw.subs().filter(|s| s.rule.is_survey()) {
        b.answers.remove(&s.id);
    }
    if let Some(c) = council {
        b.adjustments = c.clone();
    }
    let s = score(fw, &b);
    official_of(fw, &own, &s, survey, council.is_some())
}

fn official_of(
    fw: &Framework,
    own: &Summary,
    s: &Summary,
    survey: Option<&BTreeMap<String, Dec2>>,
    council: bool,
) -> Official {
    let mut got = Dec2::ZERO;
    let mut missing = Vec::new();
    // per survey item: the points it adds, the maximum it takes away
    let mut add: BTreeMap<&str, (Dec2, Dec2)> = BTreeMap::new();
    for sc in s.subs.iter().filter(|x| x.survey) {
        if matches!(sc.state, SubState::NotApplicable | SubState::NotYet) {
            continue;
        }
        match survey.and_then(|m| m.get(&sc.id)) {
            Some(p) => {
                let p = (*p).clamp_to(Dec2::ZERO, sc.applicable_max);
                got += p;
                add.insert(&sc.id, (p, Dec2::ZERO));
            }
            None => {
                missing.push(sc.id.clone());
                if fw.missing_survey == MissingSurvey::Scale {
                    add.insert(&sc.id, (Dec2::ZERO, sc.applicable_max));
                }
            }
        }
    }
    let gone: Dec2 = add.values().map(|x| x.1).fold(Dec2::ZERO, |acc, v| acc + v);
    let applicable_max = s.self_max + s.survey_max - gone;
    let total = (s.self_points + got + s.bonus - s.deductions).clamp_to(Dec2::ZERO, applicable_max);
    let index = total
        .percent_of(applicable_max)
        .clamp_to(Dec2::ZERO, Dec2::HUNDRED);
    // a node's official points: its self-assessed points (the unit's
    // estimates were removed) and the survey points inside it
    let node = |id: &str, points: Dec2, max: Dec2, subs: &mut dyn Iterator<Item = &str>| {
        let (mut p, mut m) = (points, max);
        for sid in subs {
            if let Some((plus, minus)) = add.get(sid) {
                p += *plus;
                m = m - *minus;
            }
        }
        NodeResult {
            id: id.to_string(),
            points: p,
            applicable_max: m,
        }
    };
    let mut fields = Vec::new();
    let mut criteria = Vec::new();
    for (f, fs) in fw.fields.iter().zip(&s.fields) {
        let mut ids = f
            .criteria
            .iter()
            .flat_map(|c| c.subs.iter().map(|x| x.id.as_str()));
        fields.push(node(&f.id, fs.points, fs.applicable_max, &mut ids));
        for c in &f.criteria {
            if let Some(cs) = s.criterion(&c.id) {
                let mut ids = c.subs.iter().map(|x| x.id.as_str());
                criteria.push(node(&c.id, cs.points, cs.applicable_max, &mut ids));
            }
        }
    }
    Official {
        self_points: own.self_points,
        self_index: own.index,
        appraised: s.self_points,
        survey: got,
        survey_missing: missing,
        bonus: s.bonus,
        deductions: s.deductions,
        council,
        total,
        applicable_max,
        index,
        band: fw.band_for(index).map(|b| b.label.clone()),
        fields,
        criteria,
    }
}

/// Ranks by `value`, highest first: equal values (to the hundredth) share
/// a rank and the next rank skips (1, 2, 2, 4); ties are listed by `name`.
/// Returns (rank, index into `rows`) in ranked order.
pub fn rank_desc(rows: &[(Dec2, String)]) -> Vec<(usize, usize)> {
    let mut idx: Vec<usize> = (0..rows.len()).collect();
    crate::engine::sort_by(&mut idx, &|&a, &b| {
        rows[b].0.cmp(&rows[a].0).then(rows[a].1.cmp(&rows[b].1))
    });
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(idx.len());
    for (pos, &i) in idx.iter().enumerate() {
        let rank = match out.last() {
            Some(&(r, prev)) if rows[prev].0 == rows[i].0 => r,
            _ => pos + 1,
        };
        out.push((rank, i));
    }
    out
}

/// The verdicts the official results use: the final file's as sent,
/// else the work as it stands.
pub fn final_items(
    w: &crate::engine::model::appraisal::DeskWork,
) -> &BTreeMap<String, AppraisedItem> {
    if !w.sent2.is_empty() && !w.sent2_items.is_empty() {
        &w.sent2_items
    } else {
        &w.items
    }
}

/// One unit's official result in the batch.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitOfficial {
    /// Index of the unit's entry in the batch.
    pub entry: usize,
    /// 1-based within its group; ties share a rank (1, 2, 2, 4).
    pub rank: usize,
    pub result: Official,
    /// How far the appraisal went: none (the unit's answers stand),
    /// under way, or the final (round 2) result sent.
    pub appraisal: Stage,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    None,
    UnderWay,
    Final,
    /// The file's checksum does not hold: it cannot be appraised.
    Damaged,
    /// Edited after the final file was sent: the results use what was sent.
    ChangedAfterFinal,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::None => "chưa thẩm định",
            Stage::UnderWay => "đang thẩm định",
            Stage::Final => "đã có kết quả cuối",
            Stage::Damaged => "tệp bị sửa, không thẩm định được",
            Stage::ChangedAfterFinal => "đã sửa sau khi gửi kết quả cuối (tính theo bản đã gửi)",
        }
    }
}

/// The official results of every unit the plan ranks, per group, best
/// first: the appraisal work kept for each submitted revision, the
/// survey points and the council's adjustments entered (by unit name).
pub fn batch(
    entries: &[super::consolidate::Entry],
    plan: &super::consolidate::Plan,
    rounds: &crate::engine::model::appraisal::DeskRounds,
    inputs: &crate::engine::model::official::OfficialInputs,
) -> BTreeMap<super::consolidate::Group, Vec<UnitOfficial>> {
    use super::consolidate::{unit_key, Outcome};
    let mut groups: BTreeMap<super::consolidate::Group, Vec<(usize, Official, Stage)>> =
        BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let Outcome::Checked(c) = &e.outcome else {
            continue;
        };
        if !plan.ranked(i) {
            continue;
        }
        let work = c
            .revision
            .and_then(|_| rounds.units.get(&c.sha256))
            .filter(|_| c.intact);
        let stage = match work {
            _ if !c.intact => Stage::Damaged,
            None => Stage::None,
            Some(w) if !w.sent2.is_empty() => {
                if w.sent2_items.is_empty() || w.sent2_items == w.items {
                    Stage::Final
                } else {
                    Stage::ChangedAfterFinal
                }
            }
            Some(_) => Stage::UnderWay,
        };
        let key = unit_key(&c.assessment.unit_name);
        let r = official(
            &c.framework,
            &c.assessment,
            work.map(final_items),
            inputs.survey.get(&key),
            inputs.adjustments.get(&key),
        );
        groups.entry(c.group()).or_default().push((i, r, stage));
    }
    groups
        .into_iter()
        .map(|(g, list)| {
            let rows: Vec<(Dec2, String)> = list
                .iter()
                .map(|(i, r, _)| match &entries[*i].outcome {
                    Outcome::Checked(c) => (r.index, unit_key(&c.assessment.unit_name)),
                    Outcome::Refused(_) => (r.index, String::new()),
                })
                .collect();
            let ranked = rank_desc(&rows)
                .into_iter()
                .map(|(rank, j)| UnitOfficial {
                    entry: list[j].0,
                    rank,
                    result: list[j].1.clone(),
                    appraisal: list[j].2,
                })
                .collect();
            (g, ranked)
        })
        .collect()
}

/// A line of a unit's scoring table (bảng chấm điểm).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRow {
    /// 0 field, 1 criterion, 2 sub-criterion, 3 bonus or deduction,
    /// 4 the total and the index.
    pub level: u8,
    pub id: String,
    pub title: String,
    pub max: Dec2,
    /// The maximum that counts (0: not applicable, not due yet, or a
    /// survey item without a result taken out of the maximum).
    pub applicable_max: Dec2,
    /// The unit's own points (none on survey items: it does not score them).
    pub self_points: Option<Dec2>,
    /// Appraised points (survey items: the points entered; none: no result).
    pub official: Option<Dec2>,
    /// The unit's explanation of its answer.
    pub unit_note: String,
    /// The appraiser's note.
    pub appraisal_note: String,
}

/// The scoring table of one unit: every field, criterion and
/// sub-criterion with its maximum, the unit's points and the official
/// ones, then the bonus and deductions.
pub fn scoring_table(
    fw: &Framework,
    a: &Assessment,
    items: Option<&BTreeMap<String, AppraisedItem>>,
    survey: Option<&BTreeMap<String, Dec2>>,
    council: Option<&BTreeMap<String, u32>>,
) -> (Vec<TableRow>, Official) {
    let r = official(fw, a, items, survey, council);
    // the unit's own points without its survey estimates, so a field's
    // figure is the sum of the items shown under it
    let mut mine = a.clone();
    for s in fw.subs().filter(|s| s.rule.is_survey()) {
        mine.answers.remove(&s.id);
    }
    let own = score(fw, &mine);
    let mut b = match items {
        Some(items) => appraised_assessment(fw, a, items),
        None => a.clone(),
    };
    if let Some(c) = council {
        b.adjustments = c.clone();
    }
    let s = score(fw, &b);
    let node = |list: &[NodeResult], id: &str| list.iter().find(|n| n.id == id).map(|n| n.points);
    let node_max = |list: &[NodeResult], id: &str| {
        list.iter()
            .find(|n| n.id == id)
            .map_or(Dec2::ZERO, |n| n.applicable_max)
    };
    let mut rows = Vec::new();
    for f in &fw.fields {
        rows.push(TableRow {
            level: 0,
            id: f.id.clone(),
            title: f.title.clone(),
            max: f.max,
            applicable_max: node_max(&r.fields, &f.id),
            self_points: own.field(&f.id).filter(|x| !x.survey).map(|x| x.points),
            official: node(&r.fields, &f.id),
            unit_note: String::new(),
            appraisal_note: String::new(),
        });
        for c in &f.criteria {
            rows.push(TableRow {
                level: 1,
                id: c.id.clone(),
                title: c.title.clone(),
                max: c.max,
                applicable_max: node_max(&r.criteria, &c.id),
                self_points: own.criterion(&c.id).filter(|x| !x.survey).map(|x| x.points),
                official: node(&r.criteria, &c.id),
                unit_note: String::new(),
                appraisal_note: String::new(),
            });
            for sub in &c.subs {
                let is_survey = sub.rule.is_survey();
                let counted = s.sub(&sub.id).map_or(Dec2::ZERO, |x| x.applicable_max);
                let entered = survey.and_then(|m| m.get(&sub.id)).copied();
                let sub_max = if is_survey
                    && entered.is_none()
                    && fw.missing_survey == crate::engine::model::MissingSurvey::Scale
                {
                    Dec2::ZERO
                } else {
                    counted
                };
                let official = if is_survey {
                    entered
                        .filter(|_| counted > Dec2::ZERO)
                        .map(|p| p.clamp_to(Dec2::ZERO, counted))
                } else {
                    s.sub(&sub.id).map(|x| x.points)
                };
                rows.push(TableRow {
                    level: 2,
                    id: sub.id.clone(),
                    title: sub.title.clone(),
                    max: sub.max,
                    applicable_max: sub_max,
                    self_points: (!is_survey)
                        .then(|| own.sub(&sub.id).map(|x| x.points))
                        .flatten(),
                    official,
                    unit_note: a
                        .answers
                        .get(&sub.id)
                        .map(|x| x.explanation.clone())
                        .unwrap_or_default(),
                    appraisal_note: items
                        .and_then(|m| m.get(&sub.id))
                        .map(|x| x.note.clone())
                        .unwrap_or_default(),
                });
            }
        }
    }
    for (adj, sign, own_total, off_total) in [
        (&fw.bonus, "Điểm thưởng", own.bonus, r.bonus),
        (&fw.deductions, "Điểm trừ", own.deductions, r.deductions),
    ] {
        if adj.items.is_empty() {
            continue;
        }
        rows.push(TableRow {
            level: 3,
            id: String::new(),
            title: sign.to_string(),
            max: adj.cap,
            applicable_max: adj.cap,
            self_points: Some(own_total),
            official: Some(off_total),
            unit_note: String::new(),
            appraisal_note: String::new(),
        });
    }
    let row = |title: &str, max: Dec2, own: Option<Dec2>, off: Dec2| TableRow {
        level: 4,
        id: String::new(),
        title: title.to_string(),
        max,
        applicable_max: max,
        self_points: own,
        official: Some(off),
        unit_note: String::new(),
        appraisal_note: String::new(),
    };
    rows.push(row(
        "Tổng điểm",
        r.applicable_max,
        Some(own.self_points + own.bonus - own.deductions),
        r.total,
    ));
    rows.push(row("Chỉ số (%)", Dec2::HUNDRED, None, r.index));
    (rows, r)
}
