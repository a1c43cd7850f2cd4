//! Points of an appraisal: the unit's assessment scored once as the unit
//! answered it and once with the appraiser's inputs in place of the
//! unit's, by the same rules (`score`). Merging partial appraisals, and
//! telling two submitted revisions apart.

use super::score::{score, AnswerError, Summary};
use crate::engine::model::appraisal::{Appraisal, AppraisedItem, Submission};
use crate::engine::model::{Answer, Assessment, Dec2, Framework};
use std::collections::{BTreeMap, BTreeSet};

/// The sub-criteria an appraiser judges: every one but the survey's
/// (Sở Nội vụ enters those from the survey), within `scope` (field ids;
/// empty: all).
pub fn appraisable<'a>(
    fw: &'a Framework,
    scope: &'a BTreeSet<String>,
) -> impl Iterator<Item = &'a crate::engine::model::SubCriterion> + 'a {
    fw.fields
        .iter()
        .filter(move |f| scope.is_empty() || scope.contains(&f.id))
        .flat_map(|f| f.criteria.iter().flat_map(|c| c.subs.iter()))
        .filter(|s| !s.rule.is_survey())
}

/// The field a sub-criterion belongs to.
pub fn field_of(fw: &Framework, sub_id: &str) -> Option<String> {
    fw.fields
        .iter()
        .find(|f| {
            f.criteria
                .iter()
                .any(|c| c.subs.iter().any(|s| s.id == sub_id))
        })
        .map(|f| f.id.clone())
}

/// The answer the appraiser's verdict stands for: the unit's when
/// accepted, else the appraised inputs with the unit's evidence kept.
pub fn appraised_answer(unit: Option<&Answer>, item: &AppraisedItem) -> Answer {
    let unit = unit.cloned().unwrap_or_default();
    if item.accepted {
        return unit;
    }
    Answer {
        value: item.answer.value.clone(),
        no_case: item.answer.no_case,
        not_applicable: item.answer.not_applicable,
        carried: false,
        ..unit
    }
}

/// The unit's assessment with every appraised item's answer replaced by
/// the appraiser's (items not appraised keep the unit's answer).
pub fn appraised_assessment(
    fw: &Framework,
    a: &Assessment,
    items: &BTreeMap<String, AppraisedItem>,
) -> Assessment {
    let mut b = a.clone();
    for (id, item) in items {
        if !item.accepted && fw.plan_completion_sub.as_deref() == Some(id.as_str()) {
            // An appraised figure of the plan item is the appraiser's, not
            // the plan's.
            b.plan_override = true;
            b.plan_confirmed = false;
        }
        b.set_answer(id, appraised_answer(a.answers.get(id), item));
    }
    b
}

/// One line of the side-by-side table.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub id: String,
    pub max: Dec2,
    pub self_points: Dec2,
    /// `None` while not appraised.
    pub appraised: Option<Dec2>,
    pub item: Option<AppraisedItem>,
    /// The unit gave evidence or an explanation.
    pub has_support: bool,
    /// The appraiser's corrected inputs are not valid (they score 0 until
    /// mended, and the round cannot be exported).
    pub error: Option<AnswerError>,
    /// The appraisal gives other points, or other figures, than the unit.
    pub differs: bool,
}

impl Line {
    /// Points the appraisal takes off (negative when it gives more).
    pub fn lost(&self) -> Dec2 {
        self.appraised.map_or(Dec2::ZERO, |p| self.self_points - p)
    }

    pub fn flagged(&self) -> bool {
        self.item
            .as_ref()
            .is_some_and(|i| !i.request.trim().is_empty())
    }

    pub fn disagrees(&self) -> bool {
        self.differs
    }
}

#[derive(Clone, Debug)]
pub struct Compared {
    pub unit: Summary,
    pub appraised: Summary,
    pub lines: Vec<Line>,
}

impl Compared {
    pub fn appraised_count(&self) -> usize {
        self.lines.iter().filter(|l| l.appraised.is_some()).count()
    }

    /// Items whose appraised points are lower and have no note.
    pub fn missing_notes(&self) -> Vec<&str> {
        self.lines
            .iter()
            .filter(|l| {
                l.lost() > Dec2::ZERO && l.item.as_ref().is_some_and(|i| i.note.trim().is_empty())
            })
            .map(|l| l.id.as_str())
            .collect()
    }
}

/// Both scores and the line of every appraisable item in `scope`.
pub fn compare(
    fw: &Framework,
    a: &Assessment,
    items: &BTreeMap<String, AppraisedItem>,
    scope: &BTreeSet<String>,
) -> Compared {
    let unit = score(fw, a);
    let appraised = score(fw, &appraised_assessment(fw, a, items));
    let lines = appraisable(fw, scope)
        .map(|sub| {
            let item = items.get(&sub.id).cloned();
            let pts = |s: &Summary| s.sub(&sub.id).map_or(Dec2::ZERO, |x| x.points);
            let error = item
                .as_ref()
                .filter(|i| !i.accepted)
                .and_then(|_| appraised.sub(&sub.id))
                .and_then(|x| x.error.clone());
            let own = a.answers.get(&sub.id);
            let self_points = pts(&unit);
            let appraised = item.as_ref().map(|_| pts(&appraised));
            // opening "Sửa số liệu" on the unit's figures changes nothing
            let other_figures = item.as_ref().is_some_and(|i| {
                !i.accepted
                    && own.is_none_or(|u| {
                        u.value != i.answer.value
                            || u.no_case != i.answer.no_case
                            || u.not_applicable != i.answer.not_applicable
                    })
            });
            Line {
                id: sub.id.clone(),
                max: sub.max,
                self_points,
                differs: other_figures || appraised.is_some_and(|p| p != self_points),
                appraised,
                has_support: own.is_some_and(Answer::has_support),
                item,
                error,
            }
        })
        .collect();
    Compared {
        unit,
        appraised,
        lines,
    }
}

/// Accepts every item of `scope` not yet appraised (with evidence only,
/// when `with_support`); returns the ids accepted, to undo.
pub fn accept_remaining(
    fw: &Framework,
    a: &Assessment,
    items: &mut BTreeMap<String, AppraisedItem>,
    scope: &BTreeSet<String>,
    with_support: bool,
    by: &str,
) -> Vec<String> {
    let mut done = Vec::new();
    for sub in appraisable(fw, scope) {
        if items.contains_key(&sub.id) {
            continue;
        }
        let supported = a.answers.get(&sub.id).is_some_and(Answer::has_support);
        if with_support && !supported {
            continue;
        }
        items.insert(
            sub.id.clone(),
            AppraisedItem {
                accepted: true,
                by: by.to_string(),
                ..Default::default()
            },
        );
        done.push(sub.id.clone());
    }
    done
}

/// Two appraisals of one item that disagree.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub id: String,
    pub ours: AppraisedItem,
    pub theirs: AppraisedItem,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Merged {
    /// Items taken from the part (not appraised here before).
    pub added: Vec<String>,
    /// Items both had, the same.
    pub same: Vec<String>,
    /// Items both had, different: kept as they were here, to resolve.
    pub conflicts: Vec<Conflict>,
    /// Items of the part outside its own scope (ignored).
    pub out_of_scope: Vec<String>,
}

fn same_verdict(x: &AppraisedItem, y: &AppraisedItem) -> bool {
    x.accepted == y.accepted
        && (x.accepted
            || (x.answer.value == y.answer.value
                && x.answer.no_case == y.answer.no_case
                && x.answer.not_applicable == y.answer.not_applicable))
        && x.note.trim() == y.note.trim()
        && x.request.trim() == y.request.trim()
}

/// Merges a (partial) appraisal into `items`: new items are added, equal
/// ones left, disagreeing ones reported and never overwritten.
pub fn merge(
    fw: &Framework,
    items: &mut BTreeMap<String, AppraisedItem>,
    part: &Appraisal,
) -> Merged {
    let mut m = Merged::default();
    for (id, theirs) in &part.items {
        let in_scope =
            part.scope.is_empty() || field_of(fw, id).is_some_and(|f| part.scope.contains(&f));
        if !in_scope {
            m.out_of_scope.push(id.clone());
            continue;
        }
        let mut theirs = theirs.clone();
        if theirs.by.is_empty() {
            theirs.by = part.appraiser.clone();
        }
        match items.get(id) {
            None => {
                items.insert(id.clone(), theirs);
                m.added.push(id.clone());
            }
            Some(ours) if same_verdict(ours, &theirs) => m.same.push(id.clone()),
            Some(ours) => m.conflicts.push(Conflict {
                id: id.clone(),
                ours: ours.clone(),
                theirs,
            }),
        }
    }
    m
}

/// What a revision is made of, borrowed: answers, exclusions, adjustments.
type Parts<'a> = (
    &'a BTreeMap<String, Answer>,
    &'a BTreeSet<String>,
    &'a BTreeMap<String, u32>,
);

fn parts_of(s: &Submission) -> Parts<'_> {
    (&s.answers, &s.excluded, &s.adjustments)
}

/// The items whose answers (or exclusions, for a field or criterion)
/// differ between two revisions.
fn diff(fw: &Framework, old: Parts, new: Parts) -> Vec<String> {
    let mut out: Vec<String> = fw
        .subs()
        .filter(|s| old.0.get(&s.id) != new.0.get(&s.id))
        .map(|s| s.id.clone())
        .collect();
    out.extend(old.1.symmetric_difference(new.1).cloned());
    // (no set collected: that compiles a sort)
    for (id, n) in old.2 {
        if new.2.get(id) != Some(n) {
            out.push(id.clone());
        }
    }
    for id in new.2.keys() {
        if !old.2.contains_key(id) {
            out.push(id.clone());
        }
    }
    out
}

/// The items that differ between two submitted revisions.
pub fn revision_diff(fw: &Framework, old: &Submission, new: &Submission) -> Vec<String> {
    diff(fw, parts_of(old), parts_of(new))
}

/// A snapshot of `a` as a submission (revision number, time and checksum
/// given by the caller).
pub fn snapshot(a: &Assessment, revision: u32, at: &str, sha256: &str) -> Submission {
    Submission {
        revision,
        at: at.to_string(),
        sha256: sha256.to_string(),
        answers: a.answers.clone(),
        excluded: a.excluded.clone(),
        adjustments: a.adjustments.clone(),
    }
}

/// The assessment as it was submitted in `s` (what an appraisal of that
/// revision judged), whatever the unit edited since.
pub fn as_submitted(a: &Assessment, s: &Submission) -> Assessment {
    let mut b = a.clone();
    b.answers = s.answers.clone();
    b.excluded = s.excluded.clone();
    b.adjustments = s.adjustments.clone();
    b
}

/// Importing a file over a stored copy of the same unit and period keeps
/// that copy's rounds (submissions, appraisals received, explanations):
/// files never carry them, and they are the unit's record.
pub fn carry_rounds(old: &Assessment, new: &mut Assessment) {
    if new.rounds == Default::default() {
        new.rounds = old.rounds.clone();
    }
}

/// A submitted revision's own (intact) file imported: it is known as
/// submitted here too (another computer, a cleared browser), so the
/// appraisal of it can be imported. Kept in revision order; false when
/// it was known already.
pub fn adopt_submission(a: &mut Assessment, revision: u32, at: &str, sha256: &str) -> bool {
    if a.rounds.submissions.iter().any(|s| s.sha256 == sha256) {
        return false;
    }
    let s = snapshot(a, revision, at, sha256);
    let i = a
        .rounds
        .submissions
        .partition_point(|x| x.revision <= revision);
    a.rounds.submissions.insert(i, s);
    true
}

/// Whether `a` changed since its last submission (then the next export
/// is a new revision).
pub fn changed_since_submitted(fw: &Framework, a: &Assessment) -> Option<Vec<String>> {
    // (borrowed, not a snapshot: the checklist asks on every keystroke)
    let last = a.rounds.last_submission()?;
    let d = diff(
        fw,
        parts_of(last),
        (&a.answers, &a.excluded, &a.adjustments),
    );
    (!d.is_empty()).then_some(d)
}

use crate::engine::model::appraisal::{DeskRounds, DeskWork, Explanation, FINAL_ROUND};

/// A new piece of work on a unit's revision (round 1).
pub fn new_work(revision_sha256: &str, unit_name: &str) -> DeskWork {
    DeskWork {
        revision_sha256: revision_sha256.to_string(),
        unit_name: unit_name.to_string(),
        round: 1,
        ..Default::default()
    }
}

/// Round 2 starts from round 1 as sent (which is kept beside it); the
/// requests were round 1's, answered by the explanation, so the final
/// verdicts start without them.
pub fn start_round2(w: &mut DeskWork) -> bool {
    if w.round != 1 || w.sent1.is_empty() {
        return false;
    }
    w.round1 = w.items.clone();
    for i in w.items.values_mut() {
        i.request.clear();
    }
    w.round = FINAL_ROUND;
    true
}

/// A whole round-1 appraisal of this revision imported into a desk that
/// has not sent one (another machine, or a cleared browser): it is the
/// file the unit received, so it counts as sent and its explanation can be
/// taken. Returns whether it did.
pub fn restore_sent(d: &mut DeskRounds, sha: &str, part: &Appraisal, part_sha: &str) -> bool {
    let Some(w) = d.units.get_mut(sha) else {
        return false;
    };
    if part.round != 1 || !part.scope.is_empty() || w.round != 1 || !w.sent1.is_empty() {
        return false;
    }
    w.sent1 = part_sha.to_string();
    if d.deadline.is_empty() {
        d.deadline = part.deadline.clone();
    }
    if d.appraiser.trim().is_empty() {
        d.appraiser = part.appraiser.clone();
    }
    true
}

/// Merges a partial appraisal file (checksum `sha`) into `w`.
pub fn merge_part(fw: &Framework, w: &mut DeskWork, part: &Appraisal, sha: &str) -> Merged {
    let m = merge(fw, &mut w.items, part);
    for c in &m.conflicts {
        w.conflicts.insert(c.id.clone(), c.theirs.clone());
    }
    w.seen.push(sha.to_string());
    m
}

/// Resolves a conflict: theirs replaces ours, or ours stays.
pub fn resolve(w: &mut DeskWork, id: &str, take_theirs: bool) {
    if let Some(t) = w.conflicts.remove(id) {
        if take_theirs {
            w.items.insert(id.to_string(), t);
        }
    }
}

pub fn take_explanation(w: &mut DeskWork, ex: Explanation, sha: &str) {
    w.explanation = Some(ex);
    w.explanation_sha256 = sha.to_string();
    w.seen.push(sha.to_string());
}

/// Why this round cannot be exported yet (empty: it can); `today` is an
/// ISO date (a deadline already past is a mistake).
pub fn export_problems(c: &Compared, w: &DeskWork, d: &DeskRounds, today: &str) -> Vec<String> {
    let mut p = Vec::new();
    if d.appraiser.trim().is_empty() {
        p.push(
            "Chưa ghi cơ quan thẩm định (ở \"Thiết lập chung\"): tệp phải ghi ai thẩm định.".into(),
        );
    }
    let whole_round1 = w.round == 1 && d.scope.is_empty();
    if whole_round1 && d.deadline.is_empty() && c.lines.iter().any(Line::flagged) {
        p.push(
            "Có mục yêu cầu giải trình nhưng chưa đặt hạn gửi giải trình (ở \"Thiết lập chung\")."
                .into(),
        );
    }
    if whole_round1 && !d.deadline.is_empty() && d.deadline.as_str() < today.get(..10).unwrap_or("")
    {
        p.push("Hạn gửi giải trình đã qua: hãy đặt lại hạn (ở \"Thiết lập chung\").".into());
    }
    let bad: Vec<&str> = c
        .lines
        .iter()
        .filter(|l| l.error.is_some())
        .map(|l| l.id.as_str())
        .collect();
    if !bad.is_empty() {
        p.push(format!(
            "{} mục có số liệu thẩm định không hợp lệ: {}",
            bad.len(),
            bad.join(", ")
        ));
    }
    if !w.conflicts.is_empty() {
        let ids: Vec<&str> = w.conflicts.keys().map(String::as_str).collect();
        p.push(format!(
            "{} mục có hai kết quả thẩm định khác nhau chưa chọn: {}",
            ids.len(),
            ids.join(", ")
        ));
    }
    let m = c.missing_notes();
    if !m.is_empty() {
        p.push(format!(
            "{} mục bị trừ điểm chưa có ghi chú thẩm định: {}",
            m.len(),
            m.join(", ")
        ));
    }
    if w.items.is_empty() {
        p.push("Chưa thẩm định mục nào.".into());
    }
    p
}

/// The appraisal to export for `w` (scope and appraiser from the desk).
pub fn appraisal_of(
    d: &DeskRounds,
    w: &DeskWork,
    subject: crate::engine::model::appraisal::Subject,
    fw: &Framework,
) -> Appraisal {
    let items = w
        .items
        .iter()
        .filter(|(id, _)| {
            d.scope.is_empty() || field_of(fw, id).is_some_and(|f| d.scope.contains(&f))
        })
        .map(|(id, i)| {
            let mut i = i.clone();
            if i.by.is_empty() {
                i.by = d.appraiser.clone();
            }
            if i.accepted {
                // figures typed before accepting stay at the desk, not in the file
                i.answer = Answer::default();
            }
            (id.clone(), i)
        })
        .collect();
    Appraisal {
        subject,
        round: w.round,
        appraiser: d.appraiser.clone(),
        scope: d.scope.clone(),
        deadline: if w.round == 1 {
            d.deadline.clone()
        } else {
            String::new()
        },
        explanation_sha256: if w.round == FINAL_ROUND {
            w.explanation_sha256.clone()
        } else {
            String::new()
        },
        items,
    }
}

/// One change to a unit's work, applied to the desk's current rounds.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkEdit {
    /// Set (or clear) the verdict of an item; `by` fills an empty `by`.
    Item(String, Option<AppraisedItem>),
    /// Resolve a conflict: take theirs, or keep ours.
    Resolve(String, bool),
}

/// Applies `e` to the work on revision `sha` (created for `unit` if new).
pub fn apply(d: &mut DeskRounds, sha: &str, unit: &str, e: WorkEdit) {
    let by = d.appraiser.clone();
    let w = d
        .units
        .entry(sha.to_string())
        .or_insert_with(|| new_work(sha, unit));
    match e {
        WorkEdit::Item(id, Some(mut i)) => {
            if i.by.is_empty() {
                i.by = by;
            }
            w.items.insert(id, i);
        }
        WorkEdit::Item(id, None) => {
            w.items.remove(&id);
        }
        WorkEdit::Resolve(id, take) => resolve(w, &id, take),
    }
}
