//! "Diễn biến qua các kỳ": one unit's periods of a year (and the year
//! before, when kept) side by side: the index so far, the year-end
//! projection, and the points lost by field.

use super::plan::project_year;
use super::score::score;
use crate::engine::model::{Assessment, Dec2, Framework, Period};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendRow {
    pub year: u16,
    pub period: Period,
    /// The assessment shown for this period (the latest updated when the
    /// unit keeps several).
    pub id: String,
    /// Other assessments of the same period left out.
    pub others: usize,
    /// "Đến kỳ báo cáo" (at "Năm": the year's figure).
    pub index: Dec2,
    pub total: Dec2,
    pub max: Dec2,
    /// "Dự kiến cả năm".
    pub projected: Dec2,
    /// Maximum of the items not judgeable yet.
    pub not_yet_max: Dec2,
    /// Field id → points lost among what can be judged (survey items
    /// never count as lost: the unit does not score them).
    pub lost: Vec<(String, Dec2)>,
}

/// Whether `a` is an assessment of the unit named `unit` (names compared
/// trimmed, ASCII case ignored, as the comparison page does).
pub fn same_unit(a: &Assessment, unit: &str) -> bool {
    a.unit_name.trim().eq_ignore_ascii_case(unit.trim())
}

/// The rows for `me`'s unit: its year and the year before, in period
/// order. `all` are the assessments kept (`me` among them or not: `me`
/// wins its period); `framework` finds each one's framework (an assessment
/// without one is left out).
pub fn trend<'a>(
    me: &'a Assessment,
    all: impl IntoIterator<Item = &'a Assessment>,
    framework: impl Fn(&Assessment) -> Option<std::rc::Rc<Framework>>,
) -> Vec<TrendRow> {
    let mut picked: Vec<(&Assessment, usize)> = Vec::new();
    let candidates = std::iter::once(me).chain(all.into_iter().filter(|a| a.id != me.id));
    for a in candidates {
        if !same_unit(a, &me.unit_name)
            || a.framework.id != me.framework.id
            || !(a.year == me.year || a.year.saturating_add(1) == me.year)
        {
            continue;
        }
        match picked
            .iter_mut()
            .find(|(p, _)| (p.year, p.period) == (a.year, a.period))
        {
            // `me` comes first and is kept; otherwise the latest updated
            Some((p, n)) => {
                *n += 1;
                if p.id != me.id && a.updated > p.updated {
                    *p = a;
                }
            }
            None => picked.push((a, 0)),
        }
    }
    crate::engine::sort_by_key(&mut picked, |(a, _)| (a.year, a.period));
    picked
        .into_iter()
        .filter_map(|(a, others)| {
            let fw = framework(a)?;
            let s = score(&fw, a);
            let (_, p) = project_year(&fw, a);
            Some(TrendRow {
                year: a.year,
                period: a.period,
                id: a.id.clone(),
                others,
                index: s.index,
                total: s.total,
                max: s.applicable_max,
                projected: p.index,
                not_yet_max: s.not_yet_max,
                lost: fw
                    .fields
                    .iter()
                    .map(|f| {
                        let lost = f
                            .criteria
                            .iter()
                            .flat_map(|c| c.subs.iter())
                            .filter_map(|x| s.sub(&x.id))
                            .map(|x| x.lost)
                            .sum();
                        (f.id.clone(), lost)
                    })
                    .collect(),
            })
        })
        .collect()
}
