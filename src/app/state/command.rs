//! What the reducer asks of browser storage, and what comes back. The
//! reducer stays pure: it queues [`Command`]s in the state; one root
//! effect (`app::effects`) runs them in order through
//! `services::storage` and dispatches their [`Done`] outcomes.

use crate::engine::formats::paste::{Draft, Pending};
use crate::engine::formats::stored::{Stored, Unreadable};
use crate::engine::{Assessment, Framework};
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Write an assessment under its own key.
    Save(Rc<Assessment>),
    /// Write this tab's copy aside while saving is paused (another tab
    /// saved the same assessment), so closing the tab loses nothing.
    SaveAside(Rc<Assessment>),
    /// Drop this tab's aside copy of assessment `.0`.
    DropAside(String),
    /// Remove a stored key (an aside copy restored or discarded).
    RemoveKey(String),
    Delete(String),
    SaveFramework(Rc<Framework>),
    SaveDraft(Option<Rc<Draft>>),
    /// Keep (or drop) the table being mapped in the editor.
    SavePending(Option<Rc<Pending>>),
    /// Read an assessment and open it.
    Load(String),
    /// Re-read the list of stored assessments (another tab wrote).
    Refresh,
}

/// What running a command gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Done {
    /// Written; `clock` is the time shown ("Đã lưu lúc …").
    Saved {
        assessment: Rc<Assessment>,
        stored: Box<Stored>,
        clock: String,
    },
    SaveFailed(String),
    /// The assessment asked for by `Load`, or why it could not be read.
    Loaded(String, Result<Box<Stored>, String>),
    Refreshed {
        saved: Vec<Stored>,
        unreadable: Vec<Unreadable>,
        aside: Vec<(String, Stored)>,
    },
    /// Something else failed (a framework or the draft not saved).
    Failed(String),
}
