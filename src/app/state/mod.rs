//! The app's one state and its reducer. Pure: no browser calls here, so the
//! whole flow of edits → scores → what is saved is testable on the host.
//! What must reach browser storage is queued as [`Command`]s, run by one
//! root effect (`app::effects`), whose outcomes come back as [`Done`].

mod command;
mod edit;

pub use command::{Command, Done};
pub use edit::Edit;

use super::route::Route;
use crate::engine::formats::file::MAX_FILE_BYTES;
use crate::engine::formats::framework;
use crate::engine::formats::paste::{Draft, Pending};
use crate::engine::formats::stored::{key_of, Stored, Unreadable};
use crate::engine::rules::consolidate::{Entry, Outcome, UnitPeriod};
use crate::engine::rules::limits;
use crate::engine::rules::period::next_period_copy;
use crate::engine::rules::plan::{project_year, Projection};
use crate::engine::{score, Assessment, Framework, Period, Summary};
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
    /// "Dự kiến cả năm" (at "Năm": the plain score with the actions).
    pub year: Rc<Projection>,
    /// Bumped when the assessment is replaced from outside (reload from
    /// another tab), so inputs holding local text are rebuilt.
    pub generation: u32,
    /// Changed since the last successful save.
    pub dirty: bool,
    /// Opened from Sở Nội vụ's desk: shown, never edited or saved.
    pub read_only: bool,
    /// Bytes the assessment may take in its file, beside its framework.
    pub budget: usize,
}

impl Current {
    pub fn new(assessment: Assessment, framework: Rc<Framework>) -> Current {
        let summary = Rc::new(score(&framework, &assessment));
        let year = Rc::new(project_year(&framework, &assessment).1);
        let budget = MAX_FILE_BYTES.saturating_sub(framework::write(&framework).len() + 50_000);
        Current {
            assessment: Rc::new(assessment),
            framework,
            summary,
            year,
            generation: 0,
            dirty: false,
            read_only: false,
            budget,
        }
    }

    /// Why `a` cannot replace the open assessment: a text or list over its
    /// limit, or a file that would pass 5 MB (an edit that shrinks it is
    /// always taken).
    fn refuses(&self, a: &Assessment) -> Option<String> {
        if let Err(e) = limits::check(a) {
            return Some(format!("Không nhận thay đổi: {e}."));
        }
        let size = limits::export_bytes(a);
        (size > self.budget && size > limits::export_bytes(&self.assessment)).then(|| {
            "Không nhận thay đổi: tệp tự đánh giá sẽ vượt giới hạn 5 MB. Hãy rút gọn các giải trình, tài liệu kiểm chứng hoặc biện pháp dài.".to_string()
        })
    }
}

/// A message shown above the page until dismissed or replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
    /// A link to follow (label, href), e.g. to a copy just made.
    pub link: Option<(String, String)>,
}

impl Notice {
    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            error: true,
            link: None,
        }
    }

    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            error: false,
            link: None,
        }
    }
}

/// An `Rc` compared by address: a new value is always a new `Rc` (the
/// reducer never edits one in place), and no deep comparison is compiled.
#[derive(Clone, Debug, Default)]
pub struct Shared<T>(pub Rc<T>);

impl<T> PartialEq for Shared<T> {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.0, &o.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The ids the desk gives the units of its batch ("snv-3").
pub const DESK_ID: &str = "snv-";

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Built-in frameworks first, then those loaded from files.
    pub frameworks: Rc<Vec<Rc<Framework>>>,
    /// How many of `frameworks` are built in.
    pub built_in: usize,
    pub route: Route,
    pub current: Option<Current>,
    /// Why the assessment the route names could not be opened: (id, message).
    pub open_error: Option<(String, String)>,
    pub filter: Filter,
    pub save: SaveStatus,
    /// Storage cannot be used at all in this browser session.
    pub storage_unavailable: bool,
    /// A newer version is installed; it runs after a reload.
    pub update_ready: bool,
    /// Another tab saved the open assessment: saving is paused until the
    /// user chooses which copy to keep (this tab's edits go aside meanwhile).
    pub conflict: bool,
    /// Random id of this tab, written with every save.
    pub tab: String,
    /// The assessments saved in this browser, newest first.
    pub saved: Rc<Vec<Stored>>,
    /// Stored items that could not be read (kept untouched).
    pub unreadable: Rc<Vec<Unreadable>>,
    /// Copies kept aside while two tabs edited one assessment: (key, copy).
    pub aside: Rc<Vec<(String, Stored)>>,
    /// The framework editor's draft.
    pub draft: Option<Rc<Draft>>,
    /// The framework last saved from the editor (id, version): a new
    /// assessment starts with it chosen.
    pub last_framework: Option<(String, String)>,
    /// The table being mapped in the editor, before a draft is made.
    pub pending: Option<Rc<Pending>>,
    pub notice: Option<Notice>,
    /// Sở Nội vụ's desk: the batch of units' files loaded.
    pub desk: Rc<Desk>,
    /// The desk's appraisal rounds (kept apart from the batch, which is
    /// large and changes rarely).
    pub rounds: Shared<crate::engine::model::appraisal::DeskRounds>,
    /// Another tab saved the rounds since this one read them: saving them
    /// here is paused (a reload shows the other tab's work).
    pub rounds_conflict: bool,
    /// Storage work waiting for the root effect, in order: (sequence, command).
    pub outbox: Rc<Vec<(u64, Command)>>,
    /// Sequence number of the next command queued.
    pub next_seq: u64,
}

/// A unit's file as loaded on the desk: its text, kept so the batch
/// survives a reload (checked again then), or why it was not read.
#[derive(Clone, Debug, PartialEq)]
pub enum DeskFile {
    Text(String, Rc<str>),
    /// Refused before it was read (too large, unreadable): name, reason.
    Unread(String, String),
}

/// Files loaded on Sở Nội vụ's desk, and choices made about them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Desk {
    pub entries: Vec<Entry>,
    /// The file behind each entry, in the same order.
    pub files: Vec<DeskFile>,
    pub previous_files: Vec<DeskFile>,
    /// The batch kept from an earlier visit has been read back (until
    /// then the desk says so, and a unit's page waits for it).
    pub ready: bool,
    /// Duplicate unit/period → the entry the user chose to use.
    pub chosen: BTreeMap<UnitPeriod, usize>,
    /// A previous period's batch, for changes in index and rank.
    pub previous: Vec<Entry>,
    /// The period to rank (`None`: the one most files share).
    pub period: Option<(u16, Period)>,
}

/// What the app finds in browser storage when it starts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub frameworks: Vec<Framework>,
    pub saved: Vec<Stored>,
    pub unreadable: Vec<Unreadable>,
    pub aside: Vec<(String, Stored)>,
    pub draft: Option<Draft>,
    pub pending: Option<Pending>,
}

impl AppState {
    pub fn new(frameworks: Vec<Framework>, route: Route, tab: String) -> AppState {
        AppState {
            built_in: frameworks.len(),
            frameworks: Rc::new(frameworks.into_iter().map(Rc::new).collect()),
            route,
            current: None,
            open_error: None,
            filter: Filter::All,
            save: SaveStatus::Idle,
            storage_unavailable: false,
            update_ready: false,
            conflict: false,
            tab,
            saved: Rc::new(Vec::new()),
            unreadable: Rc::new(Vec::new()),
            aside: Rc::new(Vec::new()),
            draft: None,
            last_framework: None,
            pending: None,
            notice: None,
            desk: Rc::new(Desk::default()),
            rounds: Shared::default(),
            rounds_conflict: false,
            outbox: Rc::new(Vec::new()),
            next_seq: 1,
        }
    }

    /// The state the app starts in: built-in frameworks, then what storage
    /// holds; the assessment the route names is asked for.
    /// `keeps_desk`: a batch kept from an earlier visit is being read back
    /// (the full build); until then a unit of it waits.
    pub fn start(
        built_in: Vec<Framework>,
        loaded: Loaded,
        route: Route,
        tab: String,
        keeps_desk: bool,
    ) -> AppState {
        let mut s = AppState::new(built_in, route, tab);
        s.desk = Rc::new(Desk {
            ready: !keeps_desk,
            ..Desk::default()
        });
        let mut list = (*s.frameworks).clone();
        for fw in loaded.frameworks {
            if !list
                .iter()
                .any(|k| k.id == fw.id && k.version == fw.version)
            {
                list.push(Rc::new(fw));
            }
        }
        s.frameworks = Rc::new(list);
        s.saved = Rc::new(loaded.saved);
        s.unreadable = Rc::new(loaded.unreadable);
        s.aside = Rc::new(loaded.aside);
        s.draft = loaded.draft.map(Rc::new);
        s.pending = loaded.pending.map(Rc::new);
        s.want_route_assessment();
        s
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

    /// A stored assessment by id.
    pub fn stored(&self, id: &str) -> Option<&Stored> {
        self.saved.iter().find(|s| s.assessment.id == id)
    }

    fn queue(&mut self, c: Command) {
        let mut o = (*self.outbox).clone();
        o.push((self.next_seq, c));
        self.next_seq += 1;
        self.outbox = Rc::new(o);
    }

    /// Asks for the assessment the route names, when it is not the open one.
    fn want_route_assessment(&mut self) {
        let Some(id) = self.route.assessment_id().map(str::to_string) else {
            return;
        };
        if self.current.as_ref().is_some_and(|c| c.assessment.id == id) {
            return;
        }
        self.open_error = None;
        if id.starts_with(DESK_ID) {
            // A unit of Sở Nội vụ's batch: opened from it, read-only.
            let found = self.desk.entries.iter().find_map(|e| match &e.outcome {
                Outcome::Checked(c) if c.assessment.id == id => Some(c.clone()),
                _ => None,
            });
            match found {
                Some(c) => {
                    let mut cur = Current::new(c.assessment, c.framework);
                    cur.read_only = true;
                    self.current = Some(cur);
                }
                None if self.desk.ready => {
                    self.open_error = Some((
                        id,
                        "Đơn vị này không còn trong danh sách tệp của trang Tổng hợp.".into(),
                    ))
                }
                None => {}
            }
            return;
        }
        self.queue(Command::Load(id));
    }

    /// Opens `a` (replacing whatever is open); `false` when its framework
    /// is not in the app.
    fn open(&mut self, a: Assessment) -> bool {
        let Some(fw) = self.framework(&a.framework.id, &a.framework.version) else {
            self.open_error = Some((
                a.id.clone(),
                format!(
                    "Không có bộ tiêu chí \"{}\" (phiên bản {}) của bản tự đánh giá này trong ứng dụng: hãy nạp tệp bộ tiêu chí đó (trang Tạo bản tự đánh giá mới).",
                    a.framework.id, a.framework.version
                ),
            ));
            return false;
        };
        let generation = self.current.as_ref().map_or(0, |c| c.generation + 1);
        let mut cur = Current::new(a, fw);
        cur.generation = generation;
        self.current = Some(cur);
        self.open_error = None;
        self.conflict = false;
        self.save = SaveStatus::Idle;
        true
    }

    /// Saves the open assessment, or sets it aside while saving is paused.
    fn save_current(&mut self) {
        let Some(cur) = self.current.as_ref().filter(|c| !c.read_only) else {
            return;
        };
        let a = cur.assessment.clone();
        self.queue(if self.conflict {
            Command::SaveAside(a)
        } else {
            Command::Save(a)
        });
    }

    fn add_framework(&mut self, fw: Framework) {
        if self.framework(&fw.id, &fw.version).is_some() {
            return;
        }
        let fw = Rc::new(fw);
        let mut list = (*self.frameworks).clone();
        list.push(fw.clone());
        self.frameworks = Rc::new(list);
        self.queue(Command::SaveFramework(fw));
    }

    /// Puts `st` in the list of stored assessments (replacing its id).
    fn remember(&mut self, st: Stored) {
        let mut list: Vec<Stored> = self
            .saved
            .iter()
            .filter(|s| s.assessment.id != st.assessment.id)
            .cloned()
            .collect();
        list.insert(0, st);
        self.saved = Rc::new(list);
    }

    fn done(&mut self, d: Done) {
        match d {
            Done::Saved {
                assessment,
                stored,
                clock,
            } => {
                if let Some(c) = self.current.as_mut() {
                    if Rc::ptr_eq(&c.assessment, &assessment) {
                        c.dirty = false;
                        self.save = SaveStatus::Saved(clock);
                    }
                }
                self.remember(*stored);
            }
            Done::SaveFailed(msg) => self.save = SaveStatus::Failed(msg),
            Done::Loaded(id, result) => {
                if self.route.assessment_id() != Some(id.as_str()) {
                    return;
                }
                match result {
                    Ok(st) => {
                        self.open(st.assessment);
                    }
                    Err(msg) => self.open_error = Some((id, msg)),
                }
            }
            Done::Refreshed {
                saved,
                unreadable,
                aside,
            } => {
                self.saved = Rc::new(saved);
                self.unreadable = Rc::new(unreadable);
                self.aside = Rc::new(aside);
            }
            Done::Failed(msg) => self.notice = Some(Notice::error(msg)),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Navigate(Route),
    /// A new assessment: opened and saved at once.
    Create(Box<Assessment>),
    /// Copy stored assessment `from` into the next period as `new_id`.
    Duplicate {
        from: String,
        new_id: String,
        now: String,
    },
    /// Delete a stored assessment (the page asked for confirmation).
    Delete(String),
    /// An imported assessment: stored as new (or replacing the stored one
    /// with its id), with its framework when that is new here.
    Import {
        assessment: Box<Assessment>,
        framework: Option<Box<Framework>>,
    },
    /// Replace the open assessment's content (import into it, version
    /// migration); saved at once.
    Replace(Box<Assessment>),
    /// A framework loaded from a file or saved from the editor.
    AddFramework(Box<Framework>),
    /// The framework editor's draft changed (or was dropped).
    SetDraft(Option<Box<Draft>>),
    /// The table being mapped changed (or was dropped: made or cancelled).
    SetPending(Option<Box<Pending>>),
    /// Show a unit's assessment from the desk, read-only.
    OpenReadOnly(Box<Assessment>, Rc<Framework>),
    /// Files checked on the desk (appended to the batch).
    DeskAdd(Vec<(Entry, DeskFile)>),
    /// A previous period's batch (replaces any earlier one).
    DeskPrevious(Vec<(Entry, DeskFile)>),
    /// The batch kept from an earlier visit, checked again.
    DeskRestore(Box<Desk>),
    /// Use this entry for its unit and period.
    DeskChoose(usize),
    /// Rank this period (`None`: the one most files share).
    DeskPeriod(Option<(u16, Period)>),
    DeskClear,
    /// The appraisal rounds, changed as a whole.
    DeskRounds(Rc<crate::engine::model::appraisal::DeskRounds>),
    RoundsConflict,
    Close,
    /// An edit, with the time it was made (ISO 8601).
    Edit(Edit, String),
    SetFilter(Filter),
    /// Storage commands run up to this sequence number, with their outcomes.
    Ran(u64, Vec<Done>),
    StorageUnavailable,
    /// A new version of the app was installed for offline use.
    UpdateReady,
    /// A storage key changed in another tab (the `storage` event), with
    /// the tab id found in the new value, if any.
    StorageChanged {
        key: String,
        saved_by: Option<String>,
    },
    /// Keep this tab's copy: overwrite the other tab's.
    KeepMine,
    /// Take the copy the other tab saved (this tab's edits are dropped).
    TakeTheirs,
    /// Keep this tab's copy as a new assessment (`new_id`), and take the
    /// other tab's in this one.
    KeepBoth {
        new_id: String,
        now: String,
    },
    /// Restore a copy kept aside as a new assessment.
    RestoreAside {
        key: String,
        new_id: String,
    },
    DiscardAside(String),
    Notify(Option<Notice>),
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
                s.want_route_assessment();
            }
            Action::Create(a) => {
                s.open(*a);
                s.save_current();
            }
            Action::Duplicate { from, new_id, now } => {
                let Some(st) = s.stored(&from) else {
                    return self;
                };
                let fw = s.framework(
                    &st.assessment.framework.id,
                    &st.assessment.framework.version,
                );
                let (b, report) = next_period_copy(fw.as_deref(), &st.assessment, &new_id, &now);
                let label = format!("{} — {} {}", b.unit_name, b.period.label(), b.year);
                s.notice = Some(Notice {
                    text: format!("Đã tạo bản \"{label}\". {}", report.describe()),
                    error: false,
                    link: Some((
                        format!("Mở bản {label}"),
                        Route::Checklist {
                            id: new_id,
                            criterion: None,
                            sub: None,
                        }
                        .href(),
                    )),
                });
                s.queue(Command::Save(Rc::new(b)));
            }
            Action::Delete(id) => {
                if s.current.as_ref().is_some_and(|c| c.assessment.id == id) {
                    s.current = None;
                    s.conflict = false;
                }
                s.saved = Rc::new(
                    s.saved
                        .iter()
                        .filter(|x| x.assessment.id != id)
                        .cloned()
                        .collect(),
                );
                s.queue(Command::Delete(id));
            }
            Action::Import {
                assessment,
                framework,
            } => {
                if let Some(fw) = framework {
                    s.add_framework(*fw);
                }
                let a = Rc::new(*assessment);
                if let Some(c) = s.current.as_mut().filter(|c| c.assessment.id == a.id) {
                    // The stored copy is replaced: so is the open one.
                    *c = Current {
                        generation: c.generation + 1,
                        dirty: true,
                        ..Current::new((*a).clone(), c.framework.clone())
                    };
                }
                s.queue(Command::Save(a));
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
                s.save_current();
            }
            Action::AddFramework(fw) => {
                s.last_framework = Some((fw.id.clone(), fw.version.clone()));
                if s.framework(&fw.id, &fw.version).is_some() {
                    return Rc::new(s);
                }
                s.add_framework(*fw);
            }
            Action::SetDraft(d) => {
                let d = d.map(|d| Rc::new(*d));
                s.draft = d.clone();
                s.queue(Command::SaveDraft(d));
            }
            Action::SetPending(p) => {
                let p = p.map(|p| Rc::new(*p));
                if p == s.pending {
                    return self;
                }
                s.pending = p.clone();
                s.queue(Command::SavePending(p));
            }
            Action::OpenReadOnly(a, fw) => {
                let generation = s.current.as_ref().map_or(0, |c| c.generation + 1);
                let mut cur = Current::new(*a, fw);
                cur.generation = generation;
                cur.read_only = true;
                s.current = Some(cur);
                s.conflict = false;
                s.open_error = None;
            }
            Action::DeskAdd(list) => {
                let mut d = (*s.desk).clone();
                for (e, f) in list {
                    d.entries.push(e);
                    d.files.push(f);
                }
                s.desk = Rc::new(d);
            }
            Action::DeskPrevious(list) => {
                let mut d = (*s.desk).clone();
                (d.previous, d.previous_files) = list.into_iter().unzip();
                s.desk = Rc::new(d);
            }
            Action::DeskRestore(d) => {
                let mut d = *d;
                // Files loaded while the kept batch was being read back
                // (a slow machine, a quick user) come after it, not lost.
                if !s.desk.ready {
                    let mut early = (*s.desk).clone();
                    // numbered after the kept ones (they were numbered from 0)
                    for (i, e) in early.entries.iter_mut().enumerate() {
                        if let Outcome::Checked(c) = &mut e.outcome {
                            c.assessment.id = format!("{DESK_ID}{}", d.entries.len() + i);
                        }
                    }
                    d.entries.extend(early.entries);
                    d.files.extend(early.files);
                    if !early.previous.is_empty() {
                        d.previous = early.previous;
                        d.previous_files = early.previous_files;
                    }
                }
                d.ready = true;
                s.desk = Rc::new(d);
                s.want_route_assessment();
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
            Action::DeskPeriod(p) => {
                let mut d = (*s.desk).clone();
                d.period = p;
                s.desk = Rc::new(d);
            }
            Action::DeskClear => {
                s.desk = Rc::new(Desk {
                    ready: true,
                    ..Desk::default()
                })
            }
            Action::DeskRounds(r) => s.rounds = Shared(r),
            Action::RoundsConflict => s.rounds_conflict = true,
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
                if let Some(why) = cur.refuses(&a) {
                    s.notice = Some(Notice::error(why));
                    return Rc::new(s);
                }
                a.updated = at;
                cur.summary = Rc::new(score(&cur.framework, &a));
                cur.year = Rc::new(project_year(&cur.framework, &a).1);
                cur.assessment = Rc::new(a);
                cur.dirty = true;
                s.save_current();
            }
            Action::SetFilter(f) => s.filter = f,
            Action::Ran(upto, outcomes) => {
                s.outbox = Rc::new(
                    s.outbox
                        .iter()
                        .filter(|(n, _)| *n > upto)
                        .cloned()
                        .collect(),
                );
                for d in outcomes {
                    s.done(d);
                }
            }
            Action::StorageUnavailable => s.storage_unavailable = true,
            Action::UpdateReady => s.update_ready = true,
            Action::StorageChanged { key, saved_by } => {
                if saved_by.as_deref() == Some(s.tab.as_str()) {
                    return self;
                }
                let ours = s
                    .current
                    .as_ref()
                    .is_some_and(|c| !c.read_only && key_of(&c.assessment.id) == key);
                if ours && !s.conflict {
                    s.conflict = true;
                    // What this tab has not saved yet goes aside at once.
                    if s.current.as_ref().is_some_and(|c| c.dirty) {
                        s.save_current();
                    }
                }
                s.queue(Command::Refresh);
            }
            Action::KeepMine => {
                if !s.conflict {
                    return self;
                }
                s.conflict = false;
                if let Some(c) = s.current.as_mut() {
                    c.dirty = true;
                    let id = c.assessment.id.clone();
                    s.save_current();
                    s.queue(Command::DropAside(id));
                }
            }
            Action::TakeTheirs => {
                let Some(id) = s.current.as_ref().map(|c| c.assessment.id.clone()) else {
                    return self;
                };
                s.queue(Command::DropAside(id.clone()));
                s.queue(Command::Load(id));
            }
            Action::KeepBoth { new_id, now } => {
                let Some(cur) = s.current.as_ref() else {
                    return self;
                };
                let mut copy = (*cur.assessment).clone();
                let id = copy.id.clone();
                copy.id = new_id.clone();
                copy.unit_name = format!("{} (bản sao)", copy.unit_name.trim());
                copy.created = now.clone();
                copy.updated = now;
                let label = format!("Mở bản sao \"{}\"", copy.unit_name);
                s.queue(Command::Save(Rc::new(copy)));
                s.queue(Command::DropAside(id.clone()));
                s.queue(Command::Load(id));
                s.notice = Some(Notice {
                    text: "Đã lưu bản ở thẻ này thành một bản sao; bản vừa lưu ở thẻ kia được mở ở đây.".into(),
                    error: false,
                    link: Some((
                        label,
                        Route::Checklist {
                            id: new_id,
                            criterion: None,
                            sub: None,
                        }
                        .href(),
                    )),
                });
            }
            Action::RestoreAside { key, new_id } => {
                let Some((_, st)) = s.aside.iter().find(|(k, _)| *k == key).cloned() else {
                    return self;
                };
                let mut a = st.assessment;
                a.id = new_id;
                a.unit_name = format!("{} (bản lưu tạm)", a.unit_name.trim());
                s.queue(Command::Save(Rc::new(a)));
                s.aside = Rc::new(s.aside.iter().filter(|(k, _)| *k != key).cloned().collect());
                s.queue(Command::RemoveKey(key));
            }
            Action::DiscardAside(key) => {
                s.aside = Rc::new(s.aside.iter().filter(|(k, _)| *k != key).cloned().collect());
                s.queue(Command::RemoveKey(key));
            }
            Action::Notify(n) => s.notice = n,
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::formats::stored::STORE_VERSION;
    use crate::engine::formats::templates;
    use crate::engine::model::{CorrectiveAction, PlanStatus, PlanTask};
    use crate::engine::{Answer, Dec2, Value};

    fn blank() -> Rc<AppState> {
        Rc::new(AppState::new(
            templates::built_in(),
            Route::Start,
            "tab-a".into(),
        ))
    }

    fn assessment(id: &str) -> Assessment {
        let fw = &templates::built_in()[0];
        Assessment::new(id, fw.reference(), "Sở Nội vụ", 2025, Period::Q1)
    }

    fn state_with_open() -> Rc<AppState> {
        blank().reduce(Action::Create(Box::new(assessment("a1"))))
    }

    fn commands(s: &AppState) -> Vec<Command> {
        s.outbox.iter().map(|(_, c)| c.clone()).collect()
    }

    /// Runs what is queued as the root effect would, with `ok` writes.
    fn run_all(s: Rc<AppState>) -> Rc<AppState> {
        let upto = s.next_seq - 1;
        let outcomes = s
            .outbox
            .iter()
            .filter_map(|(_, c)| match c {
                Command::Save(a) => Some(Done::Saved {
                    assessment: a.clone(),
                    stored: Box::new(Stored {
                        store_version: STORE_VERSION,
                        saved_by: "tab-a".into(),
                        saved_at: a.updated.clone(),
                        assessment: (**a).clone(),
                    }),
                    clock: "08:00:01".into(),
                }),
                _ => None,
            })
            .collect();
        s.reduce(Action::Ran(upto, outcomes))
    }

    #[test]
    fn edits_rescore_save_and_mark_dirty_until_saved() {
        let s = run_all(state_with_open());
        assert!(s.outbox.is_empty());
        assert_eq!(s.saved.len(), 1);
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
        assert_eq!(commands(&s), vec![Command::Save(cur.assessment.clone())]);
        let s = run_all(s);
        assert!(!s.current.as_ref().unwrap().dirty);
        assert_eq!(s.save, SaveStatus::Saved("08:00:01".into()));
        assert_eq!(
            s.saved[0].assessment.answers.len(),
            1,
            "the list follows the save"
        );
    }

    #[test]
    fn a_save_of_an_older_copy_leaves_the_newer_edit_dirty() {
        let s = run_all(state_with_open());
        let s = s.reduce(Action::Edit(Edit::UnitName("A".into()), "t1".into()));
        let s = s.reduce(Action::Edit(Edit::UnitName("B".into()), "t2".into()));
        // only the first save's outcome has come back
        let first = match &s.outbox[0].1 {
            Command::Save(a) => a.clone(),
            c => panic!("{c:?}"),
        };
        let seq = s.outbox[0].0;
        let s = s.reduce(Action::Ran(
            seq,
            vec![Done::Saved {
                assessment: first.clone(),
                stored: Box::new(Stored {
                    store_version: STORE_VERSION,
                    saved_by: "tab-a".into(),
                    saved_at: "t1".into(),
                    assessment: (*first).clone(),
                }),
                clock: "08:00:01".into(),
            }],
        ));
        assert!(s.current.as_ref().unwrap().dirty);
        assert_eq!(s.outbox.len(), 1);
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
            status: PlanStatus::Done,
            // due by the Quý I cut-off (14/3): counted at Quý I
            deadline: "2025-02-28".into(),
            ..PlanTask::default()
        };
        let s = s.reduce(Action::Edit(Edit::Task("t1".into(), Some(t)), "t".into()));
        // nothing typed at 1.1.3: the plan answers it, 1/1 done → 2 points
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
    fn read_only_assessments_ignore_edits_and_are_never_saved() {
        let s = blank();
        let fw = s.frameworks[0].clone();
        let s = s.reduce(Action::OpenReadOnly(Box::new(assessment("snv-1")), fw));
        let s2 = s
            .clone()
            .reduce(Action::Edit(Edit::UnitName("Đổi".into()), "t".into()));
        assert!(Rc::ptr_eq(&s, &s2));
        assert!(s.current.as_ref().unwrap().read_only);
        assert!(s.outbox.is_empty());
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
    fn another_tab_pauses_saving_and_nothing_is_lost() {
        let s = run_all(state_with_open());
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
        let s = s.reduce(Action::StorageChanged {
            key: "cchc.a.a1".into(),
            saved_by: Some("tab-b".into()),
        });
        assert!(s.conflict);
        // typing goes on: each change is kept aside, never over the other tab's
        let s = run_all(s).reduce(Action::Edit(Edit::UnitName("Mới".into()), "t".into()));
        let cur = s.current.as_ref().unwrap().assessment.clone();
        assert!(commands(&s).contains(&Command::SaveAside(cur.clone())));
        assert!(!commands(&s).iter().any(|c| matches!(c, Command::Save(_))));
        // keep mine: saved over the other, the aside copy dropped
        let k = run_all(s.clone()).reduce(Action::KeepMine);
        assert!(!k.conflict);
        assert!(commands(&k).contains(&Command::Save(cur.clone())));
        assert!(commands(&k).contains(&Command::DropAside("a1".into())));
        // take theirs: reloaded
        let t = run_all(s.clone()).reduce(Action::TakeTheirs);
        assert!(commands(&t).contains(&Command::Load("a1".into())));
        // keep both: this tab's copy saved under a new id, theirs opened
        let b = run_all(s).reduce(Action::KeepBoth {
            new_id: "copy".into(),
            now: "t9".into(),
        });
        let saved: Vec<_> = commands(&b)
            .into_iter()
            .filter_map(|c| match c {
                Command::Save(a) => Some(a),
                _ => None,
            })
            .collect();
        assert_eq!(saved.len(), 1);
        assert_eq!(saved[0].id, "copy");
        assert_eq!(saved[0].unit_name, "Mới (bản sao)");
        assert!(commands(&b).contains(&Command::Load("a1".into())));
        assert!(b.notice.as_ref().unwrap().link.is_some());
    }

    #[test]
    fn opening_with_an_unknown_framework_says_why() {
        let s = blank().reduce(Action::Navigate(Route::Checklist {
            id: "x".into(),
            criterion: None,
            sub: None,
        }));
        assert_eq!(commands(&s), vec![Command::Load("x".into())]);
        let mut a = assessment("x");
        a.framework.id = "khong-co".into();
        let st = Stored {
            store_version: STORE_VERSION,
            saved_by: String::new(),
            saved_at: String::new(),
            assessment: a,
        };
        let s = s.reduce(Action::Ran(
            1,
            vec![Done::Loaded("x".into(), Ok(Box::new(st)))],
        ));
        assert!(s.current.is_none());
        let (id, msg) = s.open_error.clone().unwrap();
        assert_eq!(id, "x");
        assert!(msg.contains("khong-co"), "{msg}");
    }

    #[test]
    fn a_copy_for_the_next_period_is_stored_and_said() {
        let s = run_all(state_with_open());
        let s = s.reduce(Action::Duplicate {
            from: "a1".into(),
            new_id: "b1".into(),
            now: "2025-03-20T08:00:00+07:00".into(),
        });
        let n = s.notice.clone().unwrap();
        assert!(
            n.text
                .starts_with("Đã tạo bản \"Sở Nội vụ — 6 tháng 2025\". Đã chuyển: "),
            "{}",
            n.text
        );
        let s = run_all(s);
        assert_eq!(s.saved.len(), 2);
        assert_eq!(s.saved[0].assessment.id, "b1");
    }

    #[test]
    fn deleting_closes_and_forgets() {
        let s = run_all(state_with_open()).reduce(Action::Delete("a1".into()));
        assert!(s.current.is_none());
        assert!(s.saved.is_empty());
        assert_eq!(commands(&s), vec![Command::Delete("a1".into())]);
    }

    #[test]
    fn an_edit_past_a_limit_is_refused_and_said() {
        let s = run_all(state_with_open());
        let long = "x".repeat(limits::SHORT + 1);
        let s2 = s
            .clone()
            .reduce(Action::Edit(Edit::UnitName(long), "t".into()));
        assert_eq!(
            s2.current.as_ref().unwrap().assessment.unit_name,
            "Sở Nội vụ"
        );
        assert!(s2.outbox.is_empty(), "nothing saved");
        let n = s2.notice.clone().unwrap();
        assert!(n.error);
        assert_eq!(
            n.text,
            "Không nhận thay đổi: trường \"unit.name\": dài quá giới hạn (301 ký tự, tối đa 300)."
        );
        // many long explanations: the file budget stops them before 5 MB
        let mut s = s;
        let mut refused = false;
        for sub in templates::built_in()[0].subs() {
            let ans = Answer {
                explanation: "ệ".repeat(limits::LONG),
                evidence: vec![
                    crate::engine::Evidence {
                        summary: "ệ".repeat(limits::TEXT),
                        link: "ệ".repeat(limits::TEXT),
                        ..Default::default()
                    };
                    limits::EVIDENCE
                ],
                ..Answer::default()
            };
            let next = s
                .clone()
                .reduce(Action::Edit(Edit::Answer(sub.id.clone(), ans), "t".into()));
            if next
                .notice
                .as_ref()
                .is_some_and(|n| n.text.contains("5 MB"))
            {
                refused = true;
                break;
            }
            s = run_all(next);
        }
        assert!(refused, "the budget never stopped the edits");
        let a = &s.current.as_ref().unwrap().assessment;
        assert!(limits::export_bytes(a) <= s.current.as_ref().unwrap().budget);
    }

    fn refused(name: &str) -> (Entry, DeskFile) {
        let e = Entry {
            file_name: name.into(),
            outcome: Outcome::Refused("hỏng".into()),
        };
        (e, DeskFile::Unread(name.into(), "hỏng".into()))
    }

    #[test]
    fn files_loaded_before_the_kept_batch_is_read_back_are_kept_after_it() {
        let s = blank().reduce(Action::DeskAdd(vec![refused("moi.json")]));
        assert!(!s.desk.ready);
        let (e, f) = refused("cu.json");
        let kept = Desk {
            entries: vec![e],
            files: vec![f],
            ..Desk::default()
        };
        let s = s.reduce(Action::DeskRestore(Box::new(kept)));
        assert!(s.desk.ready);
        let names: Vec<&str> = s
            .desk
            .entries
            .iter()
            .map(|e| e.file_name.as_str())
            .collect();
        assert_eq!(names, ["cu.json", "moi.json"]);
        assert_eq!(s.desk.files.len(), 2);
        // once ready, a restore (none comes) would not append again
        let s = s.reduce(Action::DeskRestore(Box::default()));
        assert!(s.desk.entries.is_empty());
    }
}
