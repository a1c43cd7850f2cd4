//! Framework + answers → exact scores. The only place points are computed:
//! the UI, the export and the consolidation all ask this module.

use crate::engine::model::{
    Adjustments, Answer, Assessment, Dec2, Framework, Period, PeriodRule, Rule, SubCriterion, Value,
};
use std::fmt;

/// What an answer amounts to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubState {
    Unanswered,
    Answered,
    /// "Không phát sinh": full points where the rule allows it.
    NoCase,
    /// Not applicable: leaves the maximum.
    NotApplicable,
    /// A survey item with an estimate (never official).
    Estimated,
    /// The input cannot be scored; see the error.
    Invalid,
    /// Cannot be judged yet at this period (a year-end item, or nothing
    /// due yet): leaves the maximum of the figure "đến kỳ báo cáo".
    NotYet,
}

/// A bad answer: shown to the user beside the item, never a panic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    NumeratorExceedsDenominator,
    ZeroDenominator,
    UnknownOption(String),
    CountAboveMax(u64),
    EstimateOutOfRange,
    WrongInput,
    NoCaseNotAllowed,
    NotApplicableNotAllowed,
    NoBandFits,
    UnknownAdjustment(String),
    AdjustmentNotRepeatable(String),
    ExclusionNotAllowed(String),
    /// A criterion that goes with field `.0` declared not applicable alone.
    ExcludedOnlyWith(String),
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use AnswerError::*;
        match self {
            NumeratorExceedsDenominator => f.write_str("Tử số lớn hơn mẫu số: kiểm tra lại số liệu."),
            ZeroDenominator => f.write_str(
                "Mẫu số bằng 0: tiêu chí này không cho phép \"không phát sinh\", hãy nhập số liệu thực tế.",
            ),
            UnknownOption(o) => write!(f, "Phương án \"{o}\" không có trong bộ tiêu chí."),
            CountAboveMax(m) => write!(f, "Số lượng vượt quá tối đa ({m})."),
            EstimateOutOfRange => f.write_str("Điểm ước tính phải từ 0 đến điểm tối đa."),
            WrongInput => f.write_str("Dữ liệu nhập không đúng dạng của tiêu chí này."),
            NoCaseNotAllowed => f.write_str("Tiêu chí này không cho phép chọn \"không phát sinh\"."),
            NotApplicableNotAllowed => f.write_str("Tiêu chí này không cho phép chọn \"không áp dụng\"."),
            NoBandFits => f.write_str("Không có mức điểm nào ứng với tỷ lệ này."),
            UnknownAdjustment(id) => write!(f, "Mục điểm thưởng/điểm trừ \"{id}\" không có trong bộ tiêu chí."),
            AdjustmentNotRepeatable(id) => write!(f, "Mục \"{id}\" chỉ được tính một lần."),
            ExclusionNotAllowed(id) => write!(f, "Mục {id} không được phép khai báo \"không áp dụng\"."),
            ExcludedOnlyWith(field) => write!(
                f,
                "Tiêu chí này chỉ không áp dụng cùng lĩnh vực {field}: bỏ chọn \"không áp dụng\" ở tiêu chí, hoặc khai báo cả lĩnh vực {field} không áp dụng."
            ),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubScore {
    pub id: String,
    pub max: Dec2,
    /// The maximum still counted (0 when not applicable).
    pub applicable_max: Dec2,
    pub points: Dec2,
    /// Points the unit could still gain here (0 for survey items).
    pub lost: Dec2,
    pub state: SubState,
    pub error: Option<AnswerError>,
    pub survey: bool,
    /// Claims points with neither evidence nor explanation (or overrides
    /// the plan figure without an explanation).
    pub needs_support: bool,
    /// The input came from the unit's annual plan, not typed by hand.
    pub from_plan: bool,
    /// For a count that grows with the periods, before the year ends: the
    /// count due by the cut-off and the year's.
    pub expected: Option<(u64, u64)>,
}

impl SubScore {
    /// Answered in a way that counts toward completion.
    pub fn is_done(&self) -> bool {
        matches!(
            self.state,
            SubState::Answered | SubState::NoCase | SubState::NotApplicable
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeScore {
    pub id: String,
    pub max: Dec2,
    pub applicable_max: Dec2,
    /// Self-assessed points plus survey estimates inside this node.
    pub points: Dec2,
    /// Non-survey items answered / applicable.
    pub answered: usize,
    pub applicable_items: usize,
    pub excluded: bool,
    /// Every item below is a survey item (its points are estimates).
    pub survey: bool,
}

impl NodeScore {
    pub fn percent(&self) -> Dec2 {
        self.points.percent_of(self.applicable_max)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub subs: Vec<SubScore>,
    pub criteria: Vec<NodeScore>,
    pub fields: Vec<NodeScore>,
    /// Maximum of the applicable self-assessed (non-survey) items.
    pub self_max: Dec2,
    pub self_points: Dec2,
    pub survey_max: Dec2,
    /// Sum of the survey estimates entered (an estimate, never official).
    pub survey_estimate: Dec2,
    pub survey_estimated_items: usize,
    pub survey_items: usize,
    pub bonus: Dec2,
    pub deductions: Dec2,
    pub applicable_max: Dec2,
    /// self + survey estimate + bonus − deductions, kept within 0..applicable_max.
    pub total: Dec2,
    /// Self-assessed points / self-assessed maximum, in %.
    pub self_index: Dec2,
    /// Estimated index (%), 0..100.
    pub index: Dec2,
    pub band: Option<String>,
    pub answered: usize,
    pub applicable_items: usize,
    /// answered / applicable items, in %.
    pub completion: Dec2,
    /// Items claiming points without evidence or explanation.
    pub missing_support: Vec<String>,
    /// Answers (or adjustments, exclusions) that cannot be scored.
    pub errors: Vec<(String, AnswerError)>,
    /// The period the figures are for: before "Năm" they are "đến kỳ báo
    /// cáo", against what was due by the cut-off.
    pub period: crate::engine::model::Period,
    /// Items that cannot be judged yet, and their maximum (left out of
    /// `applicable_max`).
    pub not_yet: Vec<String>,
    pub not_yet_max: Dec2,
    /// Answers carried from the previous period, not yet updated.
    pub carried: Vec<String>,
}

impl Summary {
    pub fn sub(&self, id: &str) -> Option<&SubScore> {
        self.subs.iter().find(|s| s.id == id)
    }

    pub fn criterion(&self, id: &str) -> Option<&NodeScore> {
        self.criteria.iter().find(|s| s.id == id)
    }

    pub fn field(&self, id: &str) -> Option<&NodeScore> {
        self.fields.iter().find(|s| s.id == id)
    }

    /// The band to show the user: only once every self-assessed item is
    /// answered (an unanswered item counts 0, so a band before then says
    /// nothing about the unit). `Err((answered, applicable))` until then;
    /// `Ok(None)` when the framework's bands do not cover the index.
    pub fn band_shown(&self) -> Result<Option<&str>, (usize, usize)> {
        if self.answered < self.applicable_items {
            Err((self.answered, self.applicable_items))
        } else {
            Ok(self.band.as_deref())
        }
    }

    /// Answered items that lose points, most points lost first (ties in
    /// framework order): where the unit gains most by acting.
    pub fn losses(&self) -> Vec<&SubScore> {
        let mut v: Vec<&SubScore> = self
            .subs
            .iter()
            .filter(|s| s.lost > Dec2::ZERO && s.state != SubState::Unanswered && !s.survey)
            .collect();
        crate::engine::sort_by_key(&mut v, |s| std::cmp::Reverse(s.lost));
        v
    }
}

fn score_rule(sub: &SubCriterion, value: &Value) -> Result<(Dec2, SubState), AnswerError> {
    // k/0 with k > 0 is a numerator above its denominator, never "no case";
    // 0/0 is "no case arose" only where the item allows it.
    let ratio_check = |n: u64, d: u64| -> Result<Option<(u64, u64)>, AnswerError> {
        if n > d {
            Err(AnswerError::NumeratorExceedsDenominator)
        } else if d == 0 {
            if sub.no_case_full_points {
                Ok(None)
            } else {
                Err(AnswerError::ZeroDenominator)
            }
        } else {
            Ok(Some((n, d)))
        }
    };
    match (&sub.rule, value) {
        (Rule::Options { options }, Value::Choice { option }) => options
            .iter()
            .find(|o| &o.id == option)
            .map(|o| (o.points, SubState::Answered))
            .ok_or_else(|| AnswerError::UnknownOption(option.clone())),
        (Rule::YesNo, Value::YesNo { yes }) => {
            Ok((if *yes { sub.max } else { Dec2::ZERO }, SubState::Answered))
        }
        (Rule::RatioBands { bands, .. }, v) if v.is_ratio() => {
            let (n, d) = v.ratio_parts().ok_or(AnswerError::WrongInput)?;
            match ratio_check(n, d)? {
                None => Ok((sub.max, SubState::NoCase)),
                Some((n, d)) => bands
                    .iter()
                    .find(|b| b.range.contains_ratio(n, d))
                    .map(|b| (b.points, SubState::Answered))
                    .ok_or(AnswerError::NoBandFits),
            }
        }
        (Rule::Proportional { .. }, v) if v.is_ratio() => {
            let (n, d) = v.ratio_parts().ok_or(AnswerError::WrongInput)?;
            match ratio_check(n, d)? {
                None => Ok((sub.max, SubState::NoCase)),
                Some((n, d)) => Ok((sub.max.mul_ratio(n, d), SubState::Answered)),
            }
        }
        (Rule::CountBands { bands, max_count }, Value::Count { count }) => {
            if let Some(m) = max_count {
                if count > m {
                    return Err(AnswerError::CountAboveMax(*m));
                }
            }
            bands
                .iter()
                .find(|b| b.contains(*count))
                .map(|b| (b.points, SubState::Answered))
                .ok_or(AnswerError::NoBandFits)
        }
        (Rule::Survey, Value::Estimate { points }) => {
            if *points < Dec2::ZERO || *points > sub.max {
                Err(AnswerError::EstimateOutOfRange)
            } else {
                Ok((*points, SubState::Estimated))
            }
        }
        _ => Err(AnswerError::WrongInput),
    }
}

/// Scores one sub-criterion for the year. `excluded` is true when its
/// field or criterion was declared not applicable.
pub fn score_sub(sub: &SubCriterion, answer: Option<&Answer>, excluded: bool) -> SubScore {
    score_sub_at(sub, answer, excluded, Period::Year)
}

/// The count a growing count is judged as at `period`: what is missing of
/// what was due by the cut-off is missing of the year's
/// (`count + (expected[Năm] − expected[kỳ])`, at most the year's or the
/// count itself). Any other count, and any count at "Năm", as it is.
pub fn judged_count(sub: &SubCriterion, count: u64, period: Period) -> u64 {
    match &sub.period_rule {
        PeriodRule::Cumulative { expected } if period != Period::Year => {
            let (due, year) = (expected[period.index()], expected[3]);
            count
                .saturating_add(year.saturating_sub(due))
                .min(year.max(count))
        }
        _ => count,
    }
}

/// The value to score and, for a count that grows, the counts due.
type Judged = (Option<Value>, Option<(u64, u64)>);

/// What the period rule makes of an answer before the year ends: `Err`
/// when the item cannot be judged yet, else the value to score (a count
/// judged by what is missing of what was due) and the counts due.
fn at_period(sub: &SubCriterion, value: Option<&Value>, period: Period) -> Result<Judged, ()> {
    if period == Period::Year {
        return Ok((value.cloned(), None));
    }
    match (&sub.period_rule, value) {
        (PeriodRule::YearEnd, _) => Err(()),
        (PeriodRule::Cumulative { expected }, v) => {
            let due = (expected[period.index()], expected[3]);
            let v = match (v, &sub.rule) {
                (Some(Value::Count { count }), Rule::CountBands { max_count, .. })
                    if max_count.is_none_or(|m| *count <= m) =>
                {
                    Some(Value::Count {
                        count: judged_count(sub, *count, period),
                    })
                }
                (v, _) => v.cloned(),
            };
            Ok((v, Some(due)))
        }
        (PeriodRule::DueByCutoff, Some(v)) if v.ratio_parts() == Some((0, 0)) => Err(()),
        (_, v) => Ok((v.cloned(), None)),
    }
}

/// Scores one sub-criterion at `period` (see [`PeriodRule`]).
pub fn score_sub_at(
    sub: &SubCriterion,
    answer: Option<&Answer>,
    excluded: bool,
    period: Period,
) -> SubScore {
    let survey = sub.rule.is_survey();
    let mut s = SubScore {
        id: sub.id.clone(),
        max: sub.max,
        applicable_max: sub.max,
        points: Dec2::ZERO,
        lost: Dec2::ZERO,
        state: SubState::Unanswered,
        error: None,
        survey,
        needs_support: false,
        from_plan: false,
        expected: None,
    };
    let not_na = !excluded && !answer.is_some_and(|a| a.not_applicable);
    let judged = match at_period(sub, answer.and_then(|a| a.value.as_ref()), period) {
        Err(()) if not_na && !answer.is_some_and(|a| a.no_case) => {
            s.state = SubState::NotYet;
            s.applicable_max = Dec2::ZERO;
            return s;
        }
        Err(()) => None,
        Ok((v, due)) => {
            s.expected = due;
            Some(v)
        }
    };
    let outcome: Result<(Dec2, SubState), AnswerError> = if excluded {
        Ok((Dec2::ZERO, SubState::NotApplicable))
    } else {
        match answer {
            None => Ok((Dec2::ZERO, SubState::Unanswered)),
            Some(a) if a.not_applicable => {
                if sub.may_be_not_applicable {
                    Ok((Dec2::ZERO, SubState::NotApplicable))
                } else {
                    Err(AnswerError::NotApplicableNotAllowed)
                }
            }
            Some(a) if a.no_case => {
                if sub.no_case_full_points {
                    Ok((sub.max, SubState::NoCase))
                } else {
                    Err(AnswerError::NoCaseNotAllowed)
                }
            }
            Some(a) => match judged.unwrap_or_else(|| a.value.clone()) {
                None => Ok((Dec2::ZERO, SubState::Unanswered)),
                Some(v) => score_rule(sub, &v),
            },
        }
    };
    match outcome {
        Ok((points, state)) => {
            s.points = points;
            s.state = state;
        }
        Err(e) => {
            s.state = SubState::Invalid;
            s.error = Some(e);
        }
    }
    if s.state == SubState::NotApplicable {
        s.applicable_max = Dec2::ZERO;
    }
    if !survey {
        s.lost = s.applicable_max - s.points;
        s.needs_support = s.points > Dec2::ZERO && !answer.is_some_and(Answer::has_support);
    }
    s
}

fn adjustment_total(
    adj: &Adjustments,
    counts: &std::collections::BTreeMap<String, u32>,
    errors: &mut Vec<(String, AnswerError)>,
) -> Dec2 {
    let mut sum = Dec2::ZERO;
    for item in &adj.items {
        if let Some(&n) = counts.get(&item.id) {
            let n = if !item.repeatable && n > 1 {
                errors.push((
                    item.id.clone(),
                    AnswerError::AdjustmentNotRepeatable(item.id.clone()),
                ));
                1
            } else {
                n
            };
            sum += Dec2(item.points.0.saturating_mul(n as i64));
        }
    }
    sum.clamp_to(Dec2::ZERO, adj.cap.max(Dec2::ZERO))
}

/// Scores a whole assessment. Never panics, whatever the answers hold.
pub fn score(fw: &Framework, a: &Assessment) -> Summary {
    let mut errors = Vec::new();
    let mut subs = Vec::new();
    let mut criteria = Vec::new();
    let mut fields = Vec::new();

    for id in &a.excluded {
        if fw.may_exclude(id) {
            continue;
        }
        // A criterion that goes with a field, declared on its own (stored
        // before the link existed): redundant when the field is declared
        // too, an error to correct otherwise.
        let with = fw.criterion(id).and_then(|(_, c)| c.excluded_with.clone());
        match with {
            Some(field) if fw.field_excluded(&field, &a.excluded) => {}
            Some(field) => errors.push((id.clone(), AnswerError::ExcludedOnlyWith(field))),
            None => errors.push((id.clone(), AnswerError::ExclusionNotAllowed(id.clone()))),
        }
    }

    let fed = super::plan::plan_feeds(fw, a);
    let overridden = super::plan::plan_differs(fw, a);
    for field in &fw.fields {
        let f_ex = fw.field_excluded(&field.id, &a.excluded);
        let mut fnode = node(&field.id, field.max, f_ex);
        for crit in &field.criteria {
            let c_ex = fw.criterion_excluded(field, crit, &a.excluded);
            let mut cnode = node(&crit.id, crit.max, c_ex);
            for sub in &crit.subs {
                let plan_sub = fw.plan_completion_sub.as_deref() == Some(sub.id.as_str());
                let mut s = match fed {
                    Some((id, fig)) if id == sub.id => {
                        let mut ans = a.answers.get(&sub.id).cloned().unwrap_or_default();
                        ans.value = Some(Value::Ratio {
                            numerator: fig.done,
                            denominator: fig.total,
                        });
                        ans.no_case = false;
                        ans.not_applicable = false;
                        let mut s = score_sub_at(sub, Some(&ans), c_ex, a.period);
                        s.from_plan = true;
                        s
                    }
                    _ => score_sub_at(sub, a.answers.get(&sub.id), c_ex, a.period),
                };
                if plan_sub && overridden && s.state != SubState::NotApplicable {
                    let explained = a
                        .answers
                        .get(&sub.id)
                        .is_some_and(|x| !x.explanation.trim().is_empty());
                    s.needs_support |= !explained;
                }
                if let Some(e) = &s.error {
                    errors.push((s.id.clone(), e.clone()));
                }
                add_to(&mut cnode, &s);
                subs.push(s);
            }
            merge(&mut fnode, &cnode);
            criteria.push(cnode);
        }
        fields.push(fnode);
    }

    // Unknown sub-criterion ids in the answers are reported, not dropped
    // silently: they usually mean the wrong framework.
    for id in a.answers.keys() {
        if !subs.iter().any(|s| &s.id == id) {
            errors.push((id.clone(), AnswerError::WrongInput));
        }
    }
    for id in a.adjustments.keys() {
        let known = fw
            .bonus
            .items
            .iter()
            .chain(fw.deductions.items.iter())
            .any(|i| &i.id == id);
        if !known {
            errors.push((id.clone(), AnswerError::UnknownAdjustment(id.clone())));
        }
    }

    let mut self_max = Dec2::ZERO;
    let mut self_points = Dec2::ZERO;
    let mut survey_max = Dec2::ZERO;
    let mut survey_estimate = Dec2::ZERO;
    let mut survey_estimated_items = 0;
    let mut survey_items = 0;
    let mut answered = 0;
    let mut applicable_items = 0;
    let mut missing_support = Vec::new();
    let mut not_yet = Vec::new();
    let mut not_yet_max = Dec2::ZERO;
    for s in &subs {
        if s.state == SubState::NotYet {
            not_yet.push(s.id.clone());
            not_yet_max += s.max;
            continue;
        }
        if s.survey {
            if s.state != SubState::NotApplicable {
                survey_items += 1;
                survey_max += s.applicable_max;
            }
            if s.state == SubState::Estimated {
                survey_estimate += s.points;
                survey_estimated_items += 1;
            }
        } else {
            self_max += s.applicable_max;
            self_points += s.points;
            if s.state != SubState::NotApplicable {
                applicable_items += 1;
                if s.is_done() {
                    answered += 1;
                }
            }
        }
        if s.needs_support {
            missing_support.push(s.id.clone());
        }
    }
    let bonus = adjustment_total(&fw.bonus, &a.adjustments, &mut errors);
    let deductions = adjustment_total(&fw.deductions, &a.adjustments, &mut errors);
    let applicable_max = self_max + survey_max;
    let total =
        (self_points + survey_estimate + bonus - deductions).clamp_to(Dec2::ZERO, applicable_max);
    let index = total
        .percent_of(applicable_max)
        .clamp_to(Dec2::ZERO, Dec2::HUNDRED);
    let band = fw.band_for(index).map(|b| b.label.clone());
    let carried = subs
        .iter()
        .filter(|s| s.state != SubState::NotApplicable)
        .filter(|s| a.answers.get(&s.id).is_some_and(|x| x.carried))
        .map(|s| s.id.clone())
        .collect();
    let completion = if applicable_items == 0 {
        Dec2::HUNDRED
    } else {
        Dec2::from_int(answered as i64).percent_of(Dec2::from_int(applicable_items as i64))
    };

    Summary {
        subs,
        criteria,
        fields,
        self_max,
        self_points,
        survey_max,
        survey_estimate,
        survey_estimated_items,
        survey_items,
        bonus,
        deductions,
        applicable_max,
        total,
        self_index: self_points.percent_of(self_max),
        index,
        band,
        answered,
        applicable_items,
        completion,
        missing_support,
        errors,
        period: a.period,
        not_yet,
        not_yet_max,
        carried,
    }
}

fn node(id: &str, max: Dec2, excluded: bool) -> NodeScore {
    NodeScore {
        id: id.to_string(),
        max,
        applicable_max: Dec2::ZERO,
        points: Dec2::ZERO,
        answered: 0,
        applicable_items: 0,
        excluded,
        survey: true,
    }
}

fn add_to(n: &mut NodeScore, s: &SubScore) {
    n.applicable_max += s.applicable_max;
    n.points += s.points;
    n.survey &= s.survey;
    if !s.survey && !matches!(s.state, SubState::NotApplicable | SubState::NotYet) {
        n.applicable_items += 1;
        if s.is_done() {
            n.answered += 1;
        }
    }
}

fn merge(parent: &mut NodeScore, child: &NodeScore) {
    parent.applicable_max += child.applicable_max;
    parent.points += child.points;
    parent.survey &= child.survey;
    parent.applicable_items += child.applicable_items;
    parent.answered += child.answered;
}
