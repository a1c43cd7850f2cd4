//! The annual plan's figures (plan completion feeding its sub-criterion)
//! and the projection of what the corrective actions would bring.

use super::score::Summary;
use crate::engine::model::{
    Assessment, CorrectiveAction, Dec2, Framework, Period, PeriodRule, PlanSource,
    PlanStatus as Status, PlanTask, Rule, Value,
};

/// Where the plan-completion figure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanFigure {
    pub done: u64,
    pub total: u64,
    /// Before the year ends, when the item counts only the tasks due by
    /// the period's cut-off: that period.
    pub due_by: Option<Period>,
}

impl PlanFigure {
    /// "3/4 nhiệm vụ đến hạn trước hoặc đúng ngày 14/9 đã hoàn thành".
    pub fn describe(&self) -> String {
        match self.due_by {
            Some(p) if self.total == 0 => format!(
                "Chưa có nhiệm vụ nào của kế hoạch đến hạn trước hoặc đúng ngày {}: chưa đánh giá được ở kỳ này",
                p.cutoff_short()
            ),
            Some(p) => format!(
                "{}/{} nhiệm vụ đến hạn trước hoặc đúng ngày {} đã hoàn thành",
                self.done,
                self.total,
                p.cutoff_short()
            ),
            None => format!(
                "{}/{} nhiệm vụ của kế hoạch đã hoàn thành",
                self.done, self.total
            ),
        }
    }
}

/// Whether task `t` counts as done at `period`: done, or at 100 % for it.
fn done_at(t: &PlanTask, period: Period) -> bool {
    t.status == Status::Done || t.progress.get(&period) == Some(&100)
}

/// Tasks done / tasks planned, when the unit keeps its plan here. Before
/// the year ends, when the plan-completion item's period rule says so,
/// only the tasks due on or before the cut-off count (a task without a
/// deadline is due at year end).
pub fn plan_figure(fw: &Framework, a: &Assessment) -> Option<PlanFigure> {
    if a.plan.is_empty() {
        return None;
    }
    let due_rule = fw
        .plan_completion_sub
        .as_deref()
        .and_then(|id| fw.sub(id))
        .is_some_and(|s| s.period_rule == PeriodRule::DueByCutoff);
    if !due_rule || a.period == Period::Year {
        return Some(PlanFigure {
            done: a.plan.iter().filter(|t| t.status == Status::Done).count() as u64,
            total: a.plan.len() as u64,
            due_by: None,
        });
    }
    let cutoff = a.period.cutoff_iso(a.year);
    let due: Vec<&PlanTask> = a
        .plan
        .iter()
        .filter(|t| !t.deadline.is_empty() && t.deadline.as_str() <= cutoff.as_str())
        .collect();
    Some(PlanFigure {
        done: due.iter().filter(|t| done_at(t, a.period)).count() as u64,
        total: due.len() as u64,
        due_by: Some(a.period),
    })
}

/// Whether item `id` has an answer of the unit's own (a figure, "không
/// phát sinh" or "không áp dụng").
pub fn typed_answer(a: &Assessment, id: &str) -> bool {
    a.answers
        .get(id)
        .is_some_and(|x| x.value.is_some() || x.no_case || x.not_applicable)
}

/// The sub-criterion fed by the plan: when the framework names one, the
/// unit keeps a plan, and either the user chose the plan's figure or
/// nothing is typed at the item. A typed figure is never replaced unless
/// the user says so.
pub fn plan_feeds<'a>(fw: &'a Framework, a: &Assessment) -> Option<(&'a str, PlanFigure)> {
    let id = fw.plan_completion_sub.as_deref()?;
    let fig = plan_figure(fw, a)?;
    match a.plan_source() {
        PlanSource::Hand => None,
        PlanSource::Plan => Some((id, fig)),
        PlanSource::Auto if typed_answer(a, id) => None,
        PlanSource::Auto => Some((id, fig)),
    }
}

/// The typed figure stands beside a plan whose figure differs: the
/// unit must say why (an explanation is required at the item).
pub fn plan_differs(fw: &Framework, a: &Assessment) -> bool {
    let Some(id) = fw.plan_completion_sub.as_deref() else {
        return false;
    };
    let (Some(fig), None) = (plan_figure(fw, a), plan_feeds(fw, a)) else {
        return false;
    };
    match a
        .answers
        .get(id)
        .and_then(|x| x.value.as_ref())
        .and_then(Value::ratio_parts)
    {
        Some((n, d)) => n as u128 * fig.total as u128 != fig.done as u128 * d as u128 || d == 0,
        None => typed_answer(a, id),
    }
}

/// What the unit would reach if every open action succeeds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Projection {
    /// Points expected back, capped by what the targeted items still lose.
    pub gain: Dec2,
    /// The maximum the projection is over.
    pub max: Dec2,
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
    // Each action brings back what it expects, item by item in the order
    // it names them, never more than an item still loses: two actions on
    // one item together recover that item's loss at most.
    let mut left: Vec<(&str, Dec2)> = Vec::new();
    let mut gain = Dec2::ZERO;
    for x in &open {
        let mut e = x.expected_points.max(Dec2::ZERO);
        for id in &x.subs {
            let pos = match left.iter().position(|(k, _)| *k == id.as_str()) {
                Some(p) => p,
                None => {
                    let lost = s
                        .sub(id)
                        .filter(|y| !y.survey)
                        .map_or(Dec2::ZERO, |y| y.lost);
                    left.push((id.as_str(), lost));
                    left.len() - 1
                }
            };
            let take = e.min(left[pos].1);
            left[pos].1 = left[pos].1 - take;
            e = e - take;
            gain += take;
        }
    }
    let total = (s.total + gain).clamp_to(Dec2::ZERO, s.applicable_max);
    let index = total
        .percent_of(s.applicable_max)
        .clamp_to(Dec2::ZERO, Dec2::HUNDRED);
    Projection {
        gain,
        max: s.applicable_max,
        total,
        index,
        band: fw.band_for(index).map(|b| b.label.clone()),
        open_actions: open.len(),
        done_actions: a.actions.len() - open.len(),
    }
}

/// The assessment as it would stand at year end if what is not yet due
/// goes as planned: counts that grow with the periods reach what the
/// year expects less what is already missing, plan tasks not done whose
/// deadline is after the cut-off (or not set) are done. At "Năm" it is the
/// assessment itself.
pub fn year_end_copy(fw: &Framework, a: &Assessment) -> Assessment {
    let mut b = a.clone();
    if a.period == Period::Year {
        return b;
    }
    b.period = Period::Year;
    for sub in fw.subs() {
        let (PeriodRule::Cumulative { expected }, Rule::CountBands { max_count, .. }) =
            (&sub.period_rule, &sub.rule)
        else {
            continue;
        };
        if let Some(Value::Count { count }) =
            b.answers.get_mut(&sub.id).and_then(|x| x.value.as_mut())
        {
            if max_count.is_none_or(|m| *count <= m) {
                let missing = expected[a.period.index()].saturating_sub(*count);
                *count = (*count).max(expected[3].saturating_sub(missing));
            }
        }
    }
    let cutoff = a.period.cutoff_iso(a.year);
    for t in &mut b.plan {
        if !done_at(t, a.period) && (t.deadline.is_empty() || t.deadline.as_str() > cutoff.as_str())
        {
            t.status = Status::Done;
        }
    }
    b
}

/// "Dự kiến cả năm": the year-end figures if what is not yet due goes as
/// planned ([`year_end_copy`]) and the open corrective actions bring what
/// they expect. At "Năm" it is [`project`] of the plain score.
pub fn project_year(fw: &Framework, a: &Assessment) -> (Summary, Projection) {
    let b = year_end_copy(fw, a);
    let s = super::score::score(fw, &b);
    let p = project(fw, &b, &s);
    (s, p)
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

/// The two figures the plan-completion item can be scored with, side by
/// side, for the item to show and the user to choose between.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanChoice {
    pub figure: PlanFigure,
    /// Points the plan's figure earns.
    pub plan_points: Dec2,
    /// The typed answer's points, when one is typed (and scorable).
    pub typed_points: Option<Dec2>,
    /// Whether the plan's figure is the one used now.
    pub using_plan: bool,
    pub source: PlanSource,
}

/// Both figures of the plan-completion item; `None` when the framework
/// names no such item or the unit keeps no plan.
pub fn plan_choice(fw: &Framework, a: &Assessment) -> Option<PlanChoice> {
    let id = fw.plan_completion_sub.as_deref()?;
    let sub = fw.sub(id)?;
    let figure = plan_figure(fw, a)?;
    let fed = crate::engine::model::Answer {
        value: Some(Value::Ratio {
            numerator: figure.done,
            denominator: figure.total,
        }),
        ..Default::default()
    };
    let plan_points = super::score::score_sub_at(sub, Some(&fed), false, a.period).points;
    let typed_points = typed_answer(a, id)
        .then(|| super::score::score_sub_at(sub, a.answers.get(id), false, a.period))
        .filter(|s| s.error.is_none())
        .map(|s| s.points);
    Some(PlanChoice {
        figure,
        plan_points,
        typed_points,
        using_plan: plan_feeds(fw, a).is_some(),
        source: a.plan_source(),
    })
}

/// What an edit of a task or action changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Changed {
    Status,
    Progress,
    /// Something else (its text): status and progress are left as they are.
    Other,
}

/// A task's status and progress made to agree after an edit: progress
/// reported means it has started; a task done is at 100 % in the periods
/// it has progress for; "Chưa thực hiện" has no progress.
pub fn consistent_task(t: &mut crate::engine::model::PlanTask, changed: Changed) {
    let started = t.progress.values().any(|p| *p > 0);
    match (t.status, changed) {
        (Status::NotStarted, Changed::Status) => t.progress.clear(),
        (Status::NotStarted, Changed::Progress) if started => t.status = Status::InProgress,
        (Status::Done, Changed::Status) => {
            for p in t.progress.values_mut() {
                *p = 100;
            }
        }
        (Status::Done, Changed::Progress) if t.progress.values().any(|p| *p < 100) => {
            t.status = Status::InProgress
        }
        _ => {}
    }
}

/// The same for a corrective action (one progress figure).
pub fn consistent_action(x: &mut CorrectiveAction, changed: Changed) {
    x.progress = x.progress.min(100);
    match (x.status, changed) {
        (Status::NotStarted, Changed::Status) => x.progress = 0,
        (Status::NotStarted, Changed::Progress) if x.progress > 0 => x.status = Status::InProgress,
        (Status::Done, Changed::Status) => x.progress = 100,
        (Status::Done, Changed::Progress) if x.progress < 100 => x.status = Status::InProgress,
        _ => {}
    }
}

/// A task's status as printed for `period`: never "Chưa thực hiện" with
/// progress (a file made elsewhere may say so).
pub fn task_status(t: &crate::engine::model::PlanTask, period: crate::engine::Period) -> Status {
    match (t.status, t.progress.get(&period)) {
        (Status::NotStarted, Some(p)) if *p > 0 => Status::InProgress,
        (s, _) => s,
    }
}
