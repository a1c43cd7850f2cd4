//! The app's one state and its reducer. Pure: no browser calls here, so the
//! whole flow of edits → scores is testable on the host.

use super::route::Route;
use crate::engine::formats::stored::key_of;
use crate::engine::model::framework::UnitType;
use crate::engine::model::{CorrectiveAction, PlanTask};
use crate::engine::rules::consolidate::{Entry, Outcome};
use crate::engine::{score, Answer, Assessment, Contact, Framework, Period, ReportInfo, Summary};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::Reducible;

/// Checklist filters of the summary bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    /// Chưa trả lời.
    Unanswered,
    /// Bị mất điểm.
    Losing,
    /// Thiếu tài liệu kiểm chứng.
    MissingSupport,
}

impl Filter {
    pub const ALL: [Filter; 4] = [
        Filter::All,
        Filter::Unanswered,
        Filter::Losing,
        Filter::MissingSupport,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "Tất cả",
            Filter::Unanswered => "Chưa trả lời",
            Filter::Losing => "Bị mất điểm",
            Filter::MissingSupport => "Thiếu tài liệu kiểm chứng",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum SaveStatus {
    #[default]
    Idle,
    /// Saved at hh:mm:ss.
    Saved(String),
    /// Storage refused the write (full, blocked): working in memory only.
    Failed(String),
}

/// The open assessment with its framework and scores. The summary is
/// derived, recomputed by the reducer on every change, never edited.
#[derive(Clone, Debug, PartialEq)]
pub struct Current {
    pub assessment: Rc<Assessment>,
    pub framework: Rc<Framework>,
    pub summary: Rc<Summary>,
    /// Bumped when the assessment is replaced from outside (reload from
    /// another tab), so inputs holding local text are rebuilt.
    pub generation: u32,
    /// Changed since the last successful save.
    pub dirty: bool,
    /// Opened from Sở Nội vụ's desk: shown, never edited or saved.
    pub read_only: bool,
}

impl Current {
    pub fn new(assessment: Assessment, framework: Rc<Framework>) -> Current {
        let summary = Rc::new(score(&framework, &assessment));
        Current {
            assessment: Rc::new(assessment),
            framework,
            summary,
            generation: 0,
            dirty: false,
            read_only: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Built-in frameworks first, then those loaded from files.
    pub frameworks: Rc<Vec<Rc<Framework>>>,
    /// How many of `frameworks` are built in.
    pub built_in: usize,
    pub route: Route,
    pub current: Option<Current>,
    pub filter: Filter,
    pub save: SaveStatus,
    /// Storage cannot be used at all in this browser session.
    pub storage_unavailable: bool,
    /// A newer version is installed; it runs after a reload.
    pub update_ready: bool,
    /// Another tab saved the open assessment: autosave is paused until the
    /// user chooses which copy to keep.
    pub conflict: bool,
    /// Random id of this tab, written with every save.
    pub tab: String,
    /// Sở Nội vụ's desk: the batch of units' files loaded (in memory only).
    pub desk: Rc<Desk>,
}

/// Files loaded on Sở Nội vụ's desk, and choices made about them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Desk {
    pub entries: Vec<Entry>,
    /// Duplicate unit/period → the entry the user chose to use.
    pub chosen: BTreeMap<(String, UnitType, u16, Period), usize>,
    /// A previous period's batch, for changes in index and rank.
    pub previous: Vec<Entry>,
}

impl AppState {
    pub fn new(frameworks: Vec<Framework>, route: Route, tab: String) -> AppState {
        AppState {
            built_in: frameworks.len(),
            frameworks: Rc::new(frameworks.into_iter().map(Rc::new).collect()),
            route,
            current: None,
            filter: Filter::All,
            save: SaveStatus::Idle,
            storage_unavailable: false,
            update_ready: false,
            conflict: false,
            tab,
            desk: Rc::new(Desk::default()),
        }
    }

    pub fn framework(&self, id: &str, version: &str) -> Option<Rc<Framework>> {
        self.frameworks
            .iter()
            .find(|f| f.id == id && f.version == version)
            .cloned()
    }

    /// Whether this exact framework ships with the app (and so need not be
    /// embedded in exported files).
    pub fn is_built_in(&self, fw: &Framework) -> bool {
        self.frameworks[..self.built_in].iter().any(|b| **b == *fw)
    }

    pub fn framework_list(&self) -> Vec<Framework> {
        self.frameworks.iter().map(|f| (**f).clone()).collect()
    }
}

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
    /// Answer the plan-completion item by hand instead of from the plan.
    PlanOverride(bool),
    Report(ReportInfo),
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
            Edit::Answer(id, ans) => a.set_answer(&id, ans),
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
            Edit::Action(id, x) => upsert(&mut a.actions, &id, x, |x| &x.id),
            Edit::Task(id, x) => upsert(&mut a.plan, &id, x, |x| &x.id),
            Edit::PlanOverride(b) => a.plan_override = b,
            Edit::Report(r) => a.report = r,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Navigate(Route),
    /// Open an assessment (created, loaded, or reloaded after a conflict).
    Open(Box<Assessment>),
    /// Replace the open assessment's content (import into it); saved at once.
    Replace(Box<Assessment>),
    /// A framework loaded from a file (kept after the built-in ones).
    AddFramework(Box<Framework>),
    /// Show a unit's assessment from the desk, read-only.
    OpenReadOnly(Box<Assessment>, Rc<Framework>),
    /// Files checked on the desk (appended to the batch).
    DeskAdd(Vec<Entry>),
    /// A previous period's batch (replaces any earlier one).
    DeskPrevious(Vec<Entry>),
    /// Use this entry for its unit and period.
    DeskChoose(usize),
    DeskClear,
    Close,
    /// An edit, with the time it was made (ISO 8601).
    Edit(Edit, String),
    SetFilter(Filter),
    Saved(String),
    SaveFailed(String),
    StorageUnavailable,
    /// A new version of the app was installed for offline use.
    UpdateReady,
    /// A storage key changed in another tab (the `storage` event), with
    /// the tab id found in the new value, if any.
    StorageChanged {
        key: String,
        saved_by: Option<String>,
    },
    /// Another tab wrote the open assessment.
    Conflict,
    /// Keep this tab's copy: overwrite the other tab's on the next save.
    KeepMine,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Navigate(r) => {
                if r == s.route {
                    return self;
                }
                s.route = r;
            }
            Action::Open(a) => {
                let Some(fw) = s.framework(&a.framework.id, &a.framework.version) else {
                    return self;
                };
                let generation = s.current.as_ref().map_or(0, |c| c.generation + 1);
                let mut cur = Current::new(*a, fw);
                cur.generation = generation;
                s.current = Some(cur);
                s.conflict = false;
                s.save = SaveStatus::Idle;
            }
            Action::Replace(a) => {
                let Some(fw) = s.framework(&a.framework.id, &a.framework.version) else {
                    return self;
                };
                let generation = s.current.as_ref().map_or(0, |c| c.generation + 1);
                let mut cur = Current::new(*a, fw);
                cur.generation = generation;
                cur.dirty = true;
                s.current = Some(cur);
            }
            Action::AddFramework(fw) => {
                if s.framework(&fw.id, &fw.version).is_some() {
                    return self;
                }
                let mut list = (*s.frameworks).clone();
                list.push(Rc::new(*fw));
                s.frameworks = Rc::new(list);
            }
            Action::OpenReadOnly(a, fw) => {
                let generation = s.current.as_ref().map_or(0, |c| c.generation + 1);
                let mut cur = Current::new(*a, fw);
                cur.generation = generation;
                cur.read_only = true;
                s.current = Some(cur);
                s.conflict = false;
            }
            Action::DeskAdd(mut list) => {
                let mut d = (*s.desk).clone();
                d.entries.append(&mut list);
                s.desk = Rc::new(d);
            }
            Action::DeskPrevious(list) => {
                let mut d = (*s.desk).clone();
                d.previous = list;
                s.desk = Rc::new(d);
            }
            Action::DeskChoose(i) => {
                let mut d = (*s.desk).clone();
                if let Some(Outcome::Checked(c)) = d.entries.get(i).map(|e| &e.outcome) {
                    d.chosen.insert(c.key(), i);
                    s.desk = Rc::new(d);
                } else {
                    return self;
                }
            }
            Action::DeskClear => s.desk = Rc::new(Desk::default()),
            Action::Close => {
                s.current = None;
                s.conflict = false;
            }
            Action::Edit(edit, at) => {
                let Some(cur) = s.current.as_mut().filter(|c| !c.read_only) else {
                    return self;
                };
                let mut a = (*cur.assessment).clone();
                edit.apply(&mut a);
                if a == *cur.assessment {
                    return self;
                }
                a.updated = at;
                cur.summary = Rc::new(score(&cur.framework, &a));
                cur.assessment = Rc::new(a);
                cur.dirty = true;
            }
            Action::SetFilter(f) => s.filter = f,
            Action::Saved(at) => {
                if let Some(c) = s.current.as_mut() {
                    c.dirty = false;
                }
                s.save = SaveStatus::Saved(at);
            }
            Action::SaveFailed(msg) => s.save = SaveStatus::Failed(msg),
            Action::StorageUnavailable => s.storage_unavailable = true,
            Action::UpdateReady => s.update_ready = true,
            Action::StorageChanged { key, saved_by } => {
                let ours = s
                    .current
                    .as_ref()
                    .is_some_and(|c| key_of(&c.assessment.id) == key);
                if !ours || saved_by.as_deref() == Some(s.tab.as_str()) {
                    return self;
                }
                s.conflict = true;
            }
            Action::Conflict => s.conflict = true,
            Action::KeepMine => {
                s.conflict = false;
                if let Some(c) = s.current.as_mut() {
                    c.dirty = true;
                }
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::formats::templates;
    use crate::engine::{Dec2, FrameworkRef, Value};

    fn state_with_open() -> Rc<AppState> {
        let s = Rc::new(AppState::new(
            templates::built_in(),
            Route::Start,
            "tab-a".into(),
        ));
        let fw = &s.frameworks[0];
        let a = Assessment::new(
            "a1",
            FrameworkRef {
                id: fw.id.clone(),
                version: fw.version.clone(),
            },
            "Sở Nội vụ",
            2025,
            Period::Q1,
        );
        s.reduce(Action::Open(Box::new(a)))
    }

    #[test]
    fn edits_rescore_and_mark_dirty() {
        let s = state_with_open();
        let s = s.reduce(Action::Edit(
            Edit::Answer(
                "3.4.1".into(),
                Answer {
                    value: Some(Value::Ratio {
                        numerator: 98,
                        denominator: 100,
                    }),
                    ..Answer::default()
                },
            ),
            "2025-03-01T08:00:00+07:00".into(),
        ));
        let cur = s.current.as_ref().unwrap();
        assert_eq!(cur.summary.self_points, Dec2::from_int(4));
        assert!(cur.dirty);
        assert_eq!(cur.assessment.updated, "2025-03-01T08:00:00+07:00");
        let s = s.reduce(Action::Saved("08:00:01".into()));
        assert!(!s.current.as_ref().unwrap().dirty);
        assert_eq!(s.save, SaveStatus::Saved("08:00:01".into()));
    }

    #[test]
    fn actions_and_tasks_are_upserted_and_removed() {
        let s = state_with_open();
        let x = CorrectiveAction {
            id: "x1".into(),
            what: "A".into(),
            ..CorrectiveAction::default()
        };
        let s = s.reduce(Action::Edit(
            Edit::Action("x1".into(), Some(x.clone())),
            "t".into(),
        ));
        let y = CorrectiveAction {
            what: "B".into(),
            ..x.clone()
        };
        let s = s.reduce(Action::Edit(Edit::Action("x1".into(), Some(y)), "t".into()));
        assert_eq!(s.current.as_ref().unwrap().assessment.actions.len(), 1);
        assert_eq!(s.current.as_ref().unwrap().assessment.actions[0].what, "B");
        let s = s.reduce(Action::Edit(Edit::Action("x1".into(), None), "t".into()));
        assert!(s.current.as_ref().unwrap().assessment.actions.is_empty());
        let t = PlanTask {
            id: "t1".into(),
            status: crate::engine::model::PlanStatus::Done,
            ..PlanTask::default()
        };
        let s = s.reduce(Action::Edit(Edit::Task("t1".into(), Some(t)), "t".into()));
        // the plan now answers 1.1.3: 1/1 done → 2 points
        assert_eq!(
            s.current
                .as_ref()
                .unwrap()
                .summary
                .sub("1.1.3")
                .unwrap()
                .points,
            Dec2::from_int(2)
        );
    }

    #[test]
    fn read_only_assessments_ignore_edits() {
        let s = Rc::new(AppState::new(
            templates::built_in(),
            Route::Start,
            "tab-a".into(),
        ));
        let fw = s.frameworks[0].clone();
        let a = Assessment::new(
            "snv-1",
            FrameworkRef {
                id: fw.id.clone(),
                version: fw.version.clone(),
            },
            "Sở X",
            2025,
            Period::Year,
        );
        let s = s.reduce(Action::OpenReadOnly(Box::new(a), fw));
        let s2 = s
            .clone()
            .reduce(Action::Edit(Edit::UnitName("Đổi".into()), "t".into()));
        assert!(Rc::ptr_eq(&s, &s2));
        assert!(s.current.as_ref().unwrap().read_only);
    }

    #[test]
    fn a_no_op_edit_returns_the_same_state() {
        let s = state_with_open();
        let s2 = s
            .clone()
            .reduce(Action::Edit(Edit::UnitName("Sở Nội vụ".into()), "t".into()));
        assert!(Rc::ptr_eq(&s, &s2));
        let s3 = s.clone().reduce(Action::Navigate(Route::Start));
        assert!(Rc::ptr_eq(&s, &s3));
    }

    #[test]
    fn conflict_then_keep_mine() {
        let s = state_with_open();
        let same_tab = Action::StorageChanged {
            key: "cchc.a.a1".into(),
            saved_by: Some("tab-a".into()),
        };
        assert!(!s.clone().reduce(same_tab).conflict);
        let other_key = Action::StorageChanged {
            key: "cchc.a.zz".into(),
            saved_by: Some("tab-b".into()),
        };
        assert!(!s.clone().reduce(other_key).conflict);
        let deleted = Action::StorageChanged {
            key: "cchc.a.a1".into(),
            saved_by: None,
        };
        assert!(s.clone().reduce(deleted).conflict);
        let s = s.reduce(Action::StorageChanged {
            key: "cchc.a.a1".into(),
            saved_by: Some("tab-b".into()),
        });
        assert!(s.conflict);
        let s = s.reduce(Action::KeepMine);
        assert!(!s.conflict);
        assert!(s.current.as_ref().unwrap().dirty);
    }

    #[test]
    fn opening_with_an_unknown_framework_changes_nothing() {
        let s = Rc::new(AppState::new(
            templates::built_in(),
            Route::Start,
            "tab-a".into(),
        ));
        let a = Assessment::new(
            "x",
            FrameworkRef {
                id: "khong-co".into(),
                version: "1".into(),
            },
            "X",
            2025,
            Period::Q1,
        );
        let s2 = s.clone().reduce(Action::Open(Box::new(a)));
        assert!(Rc::ptr_eq(&s, &s2));
    }
}
