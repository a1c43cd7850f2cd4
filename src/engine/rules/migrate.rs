//! Moving an assessment to a new version of its framework, with a report
//! of what changed: items added, removed, and answers that no longer fit
//! (kept aside in the report, never silently reinterpreted).

use super::score::score;
use crate::engine::model::{Assessment, Framework, Rule, Value};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MigrationReport {
    /// Sub-criteria new in the target version (to answer).
    pub added: Vec<String>,
    /// Sub-criteria gone: their answers are dropped.
    pub removed: Vec<String>,
    /// Same id, different rule, maximum or flags: answer kept only if it still fits.
    pub changed: Vec<String>,
    /// Answers dropped because they no longer fit the new rule.
    pub cleared: Vec<String>,
}

fn value_fits(rule: &Rule, v: &Value) -> bool {
    match (rule, v) {
        (Rule::Options { options }, Value::Choice { option }) => {
            options.iter().any(|o| &o.id == option)
        }
        (Rule::YesNo, Value::YesNo { .. }) => true,
        (Rule::RatioBands { .. } | Rule::Proportional { .. }, v) => v.is_ratio(),
        (Rule::CountBands { .. }, Value::Count { .. }) => true,
        (Rule::Survey, Value::Estimate { .. }) => true,
        _ => false,
    }
}

pub fn migrate(a: &Assessment, from: &Framework, to: &Framework) -> (Assessment, MigrationReport) {
    let mut r = MigrationReport::default();
    for s in to.subs() {
        match from.sub(&s.id) {
            None => r.added.push(s.id.clone()),
            Some(old)
                if old.rule != s.rule
                    || old.max != s.max
                    || old.no_case_full_points != s.no_case_full_points
                    || old.may_be_not_applicable != s.may_be_not_applicable =>
            {
                r.changed.push(s.id.clone())
            }
            Some(_) => {}
        }
    }
    for s in from.subs() {
        if to.sub(&s.id).is_none() {
            r.removed.push(s.id.clone());
        }
    }
    let mut b = a.clone();
    b.framework = to.reference();
    b.answers.retain(|id, _| to.sub(id).is_some());
    for (id, ans) in b.answers.iter_mut() {
        let Some(sub) = to.sub(id) else { continue };
        let mut cleared = false;
        if let Some(v) = &ans.value {
            if !value_fits(&sub.rule, v) {
                ans.value = None;
                cleared = true;
            }
        }
        if ans.no_case && !sub.no_case_full_points {
            ans.no_case = false;
            cleared = true;
        }
        if ans.not_applicable && !sub.may_be_not_applicable {
            ans.not_applicable = false;
            cleared = true;
        }
        if cleared {
            r.cleared.push(id.clone());
        }
    }
    b.excluded.retain(|id| to.may_exclude(id));
    let known: Vec<&str> = to
        .bonus
        .items
        .iter()
        .chain(to.deductions.items.iter())
        .map(|i| i.id.as_str())
        .collect();
    b.adjustments.retain(|id, _| known.contains(&id.as_str()));
    debug_assert!(score(to, &b)
        .errors
        .iter()
        .all(|(_, e)| !matches!(e, super::score::AnswerError::WrongInput)));
    (b, r)
}
