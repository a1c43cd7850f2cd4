//! The annual plan's figures (plan completion feeding its sub-criterion)
//! and the projection of what the corrective actions would bring.

use super::score::Summary;
use crate::engine::model::{Assessment, CorrectiveAction, Dec2, Framework, PlanStatus as Status};
use std::collections::BTreeSet;

/// Where the plan-completion figure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanFigure {
    pub done: u64,
    pub total: u64,
}

/// Tasks done / tasks planned, when the unit keeps its plan here.
pub fn plan_figure(a: &Assessment) -> Option<PlanFigure> {
    if a.plan.is_empty() {
        return None;
    }
    Some(PlanFigure {
        done: a.plan.iter().filter(|t| t.status == Status::Done).count() as u64,
        total: a.plan.len() as u64,
    })
}

/// The sub-criterion fed by the plan, when the framework names one, the
/// unit keeps a plan, and the user has not overridden it.
pub fn plan_feeds<'a>(fw: &'a Framework, a: &Assessment) -> Option<(&'a str, PlanFigure)> {
    let id = fw.plan_completion_sub.as_deref()?;
    if a.plan_override {
        return None;
    }
    plan_figure(a).map(|f| (id, f))
}

/// What the unit would reach if every open action succeeds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Projection {
    /// Points expected back, capped by what the targeted items still lose.
    pub gain: Dec2,
    pub total: Dec2,
    pub index: Dec2,
    pub band: Option<String>,
    pub open_actions: usize,
    pub done_actions: usize,
}

impl Projection {
    /// Done / all actions, in %.
    pub fn completion(&self) -> Dec2 {
        let all = self.open_actions + self.done_actions;
        if all == 0 {
            return Dec2::ZERO;
        }
        Dec2::from_int(self.done_actions as i64).percent_of(Dec2::from_int(all as i64))
    }
}

pub fn project(fw: &Framework, a: &Assessment, s: &Summary) -> Projection {
    let open: Vec<_> = a
        .actions
        .iter()
        .filter(|x| x.status != Status::Done)
        .collect();
    let expected: Dec2 = open.iter().map(|x| x.expected_points.max(Dec2::ZERO)).sum();
    let mut targeted: BTreeSet<&str> = BTreeSet::new();
    for x in &open {
        targeted.extend(x.subs.iter().map(String::as_str));
    }
    let recoverable: Dec2 = targeted
        .iter()
        .filter_map(|id| s.sub(id))
        .filter(|x| !x.survey)
        .map(|x| x.lost)
        .sum();
    let gain = expected.min(recoverable);
    let total = (s.total + gain).clamp_to(Dec2::ZERO, s.applicable_max);
    let index = total
        .percent_of(s.applicable_max)
        .clamp_to(Dec2::ZERO, Dec2::HUNDRED);
    Projection {
        gain,
        total,
        index,
        band: fw.band_for(index).map(|b| b.label.clone()),
        open_actions: open.len(),
        done_actions: a.actions.len() - open.len(),
    }
}

/// The field (first sub-criterion's) an action belongs to, for sorting.
pub fn action_field<'a>(fw: &'a Framework, x: &CorrectiveAction) -> Option<&'a str> {
    let first = x.subs.first()?;
    fw.fields
        .iter()
        .find(|f| {
            f.criteria
                .iter()
                .any(|c| c.subs.iter().any(|s| &s.id == first))
        })
        .map(|f| f.id.as_str())
}
