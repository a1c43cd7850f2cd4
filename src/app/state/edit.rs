//! Changes to the open assessment, each applied as a whole.

use crate::engine::model::appraisal::{Received, Reply, Submission};
use crate::engine::model::{CorrectiveAction, PlanSource, PlanTask};
use crate::engine::rules::plan::{consistent_action, consistent_task, Changed};
use crate::engine::{Answer, Assessment, Contact, Period, ReportInfo};

/// A change to the open assessment.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Answer(String, Answer),
    /// Declare a field or criterion not applicable (or applicable again).
    Exclude(String, bool),
    /// Bonus or deduction item → times it applies (0 removes it).
    Adjust(String, u32),
    UnitName(String),
    Period(u16, Period),
    Contact(Contact),
    /// Upsert (Some) or remove (None) a corrective action by id.
    Action(String, Option<CorrectiveAction>),
    /// Upsert (Some) or remove (None) an annual-plan task by id.
    Task(String, Option<PlanTask>),
    /// Where the plan-completion item's figure comes from (the user's choice).
    PlanSource(PlanSource),
    Report(ReportInfo),
    /// "Nộp": a submitted revision recorded.
    Submit(Submission),
    /// An appraisal file received (checked before).
    Receive(Box<Received>),
    /// The explanation of one flagged item.
    Reply(String, Reply),
    /// The explanation file exported (its checksum).
    Explained(String),
    /// The official result received (replaces an earlier one).
    Official(Box<crate::engine::model::official::Results>),
}

/// Replaces the item with `id`, appends it if new, or removes it.
fn upsert<T>(list: &mut Vec<T>, id: &str, item: Option<T>, id_of: impl Fn(&T) -> &str) {
    let pos = list.iter().position(|x| id_of(x) == id);
    match (pos, item) {
        (Some(i), Some(x)) => list[i] = x,
        (None, Some(x)) => list.push(x),
        (Some(i), None) => {
            list.remove(i);
        }
        (None, None) => {}
    }
}

impl Edit {
    pub fn apply(self, a: &mut Assessment) {
        match self {
            Edit::Answer(id, mut ans) => {
                // A carried figure changed is updated for this period.
                if let Some(old) = a.answers.get(&id) {
                    if (&old.value, old.no_case, old.not_applicable)
                        != (&ans.value, ans.no_case, ans.not_applicable)
                    {
                        ans.carried = false;
                    }
                }
                a.set_answer(&id, ans)
            }
            Edit::Exclude(id, true) => {
                a.excluded.insert(id);
            }
            Edit::Exclude(id, false) => {
                a.excluded.remove(&id);
            }
            Edit::Adjust(id, 0) => {
                a.adjustments.remove(&id);
            }
            Edit::Adjust(id, n) => {
                a.adjustments.insert(id, n);
            }
            Edit::UnitName(n) => a.unit_name = n,
            Edit::Period(y, p) => {
                a.year = y;
                a.period = p;
            }
            Edit::Contact(c) => a.contact = c,
            Edit::Action(id, x) => {
                let x = x.map(|mut x| {
                    let changed = match a.actions.iter().find(|y| y.id == id) {
                        Some(y) if y.status != x.status => Changed::Status,
                        Some(y) if y.progress != x.progress => Changed::Progress,
                        _ => Changed::Other,
                    };
                    consistent_action(&mut x, changed);
                    x
                });
                upsert(&mut a.actions, &id, x, |x| &x.id)
            }
            Edit::Task(id, x) => {
                let x = x.map(|mut t| {
                    let changed = match a.plan.iter().find(|y| y.id == id) {
                        Some(y) if y.status != t.status => Changed::Status,
                        Some(y) if y.progress != t.progress => Changed::Progress,
                        _ => Changed::Other,
                    };
                    consistent_task(&mut t, changed);
                    t
                });
                upsert(&mut a.plan, &id, x, |x| &x.id)
            }
            Edit::PlanSource(s) => a.set_plan_source(s),
            Edit::Report(r) => a.report = r,
            Edit::Submit(x) => a.rounds.submissions.push(x),
            Edit::Receive(x) => a.rounds.received.push(*x),
            Edit::Reply(id, r) if r.is_empty() => {
                a.rounds.replies.remove(&id);
            }
            Edit::Reply(id, r) => {
                a.rounds.replies.insert(id, r);
            }
            Edit::Explained(sum) => a.rounds.explained_sha256 = sum,
            Edit::Official(r) => a.rounds.official = *r,
        }
    }
}
