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
