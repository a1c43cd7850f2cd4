//! Appraisal rounds (thẩm định): Sở Nội vụ appraises a submitted revision
//! of a unit's self-assessment item by item, asks for explanations, the
//! unit explains (giải trình), and a second round settles the points.
//! Pure data: points in `rules::appraisal`, files in `formats::appraisal`.
//!
//! Nothing here ever replaces the unit's own answers: an appraisal holds
//! the appraiser's inputs beside them.

use super::assessment::{Answer, Evidence, Period};
use super::framework::UnitType;
use std::collections::{BTreeMap, BTreeSet};

/// Exactly what an appraisal or an explanation answers: the unit, the
/// period, the framework and the submitted revision of the self-assessment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Subject {
    pub unit_name: String,
    pub unit_type: UnitType,
    pub year: u16,
    pub period: Period,
    pub framework_id: String,
    pub framework_version: String,
    /// SHA-256 of the framework's canonical JSON.
    pub framework_sha256: String,
    /// Checksum of the self-assessment file (the submitted revision).
    pub revision_sha256: String,
    /// The unit's revision number ("bản nộp lần 2").
    pub revision: u32,
}

/// The appraiser's verdict on one sub-criterion.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppraisedItem {
    /// The unit's answer is accepted as it is.
    pub accepted: bool,
    /// The appraised inputs (value, "không phát sinh", "không áp dụng")
    /// when not accepted; the engine computes the points from them.
    pub answer: Answer,
    /// Required wherever the appraised points are lower.
    pub note: String,
    /// What the unit must explain (empty: nothing requested).
    pub request: String,
    /// Who appraised it (a lead agency: "Sở Tư pháp").
    pub by: String,
}

/// Round 1 is sent to the unit for explanation; round 2 is final.
pub const FINAL_ROUND: u8 = 2;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Appraisal {
    pub subject: Subject,
    /// 1 or 2.
    pub round: u8,
    /// Who made this file ("Sở Nội vụ", or a lead agency for a partial one).
    pub appraiser: String,
    /// Field ids this appraisal covers; empty: the whole framework.
    pub scope: BTreeSet<String>,
    /// ISO date by which the unit must send its explanation (round 1).
    pub deadline: String,
    /// Round 2: checksum of the explanation file it took into account
    /// (empty when the unit sent none).
    pub explanation_sha256: String,
    /// Sub-criterion id → verdict.
    pub items: BTreeMap<String, AppraisedItem>,
}

/// The unit's explanation of one flagged item.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reply {
    pub text: String,
    pub evidence: Vec<Evidence>,
}

impl Reply {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.evidence.iter().all(Evidence::is_blank)
    }
}

/// What a unit sends back after round 1.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Explanation {
    pub subject: Subject,
    /// Checksum of the round-1 appraisal file it answers.
    pub appraisal_sha256: String,
    /// The deadline the appraisal gave, and whether this was sent after it.
    pub deadline: String,
    pub late: bool,
    /// Sub-criterion id → reply.
    pub items: BTreeMap<String, Reply>,
}

/// One submitted revision, as the unit's app keeps it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Submission {
    pub revision: u32,
    /// ISO timestamp of "Nộp".
    pub at: String,
    /// Checksum of the file exported then.
    pub sha256: String,
    /// The answers and exclusions then, to tell what changed since.
    pub answers: BTreeMap<String, Answer>,
    pub excluded: BTreeSet<String>,
    pub adjustments: BTreeMap<String, u32>,
}

/// A received appraisal file, kept as it came.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Received {
    pub sha256: String,
    pub received_at: String,
    pub appraisal: Appraisal,
}

/// The unit's side of the rounds, kept with its assessment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitRounds {
    /// Every submitted revision, oldest first.
    pub submissions: Vec<Submission>,
    /// Appraisals received, in the order imported (round 1, then 2).
    pub received: Vec<Received>,
    /// Explanations being written (sub id → reply).
    pub replies: BTreeMap<String, Reply>,
    /// Checksum of the explanation file last exported, if any.
    pub explained_sha256: String,
    /// The official result received from Sở Nội vụ's results file (the
    /// decision and this unit alone; none: not received).
    pub official: super::official::Results,
}

impl UnitRounds {
    pub fn last_submission(&self) -> Option<&Submission> {
        self.submissions.last()
    }

    /// The latest received appraisal of `round`.
    pub fn round(&self, round: u8) -> Option<&Received> {
        self.received
            .iter()
            .rev()
            .find(|r| r.appraisal.round == round)
    }

    /// The appraisal to show: the final one when it came, else round 1.
    pub fn latest(&self) -> Option<&Received> {
        self.round(FINAL_ROUND).or_else(|| self.round(1))
    }
}

/// Sở Nội vụ's (or a lead agency's) work on one unit's revision.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeskWork {
    /// The revision appraised (its file's checksum).
    pub revision_sha256: String,
    pub unit_name: String,
    /// The round being worked on: 1, then 2.
    pub round: u8,
    /// This round's verdicts (round 2 starts from round 1's).
    pub items: BTreeMap<String, AppraisedItem>,
    /// Disagreeing verdicts from merged partial appraisals, to resolve
    /// (ours is in `items`).
    pub conflicts: BTreeMap<String, AppraisedItem>,
    /// Round 1 as sent, kept beside round 2.
    pub round1: BTreeMap<String, AppraisedItem>,
    /// Checksum of the round-1 file sent to the unit.
    pub sent1: String,
    /// Checksum of the final (round-2) file sent.
    pub sent2: String,
    /// The verdicts as the final file sent them (what the official
    /// results use, whatever is edited after).
    pub sent2_items: BTreeMap<String, AppraisedItem>,
    /// The unit's explanation, once imported.
    pub explanation: Option<Explanation>,
    pub explanation_sha256: String,
    /// Checksums of every file merged here (partials, explanations).
    pub seen: Vec<String>,
}

/// Everything the desk's appraisers keep for a batch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeskRounds {
    /// Who appraises here ("Sở Nội vụ", "Sở Tư pháp").
    pub appraiser: String,
    /// Fields appraised here (empty: all; a lead agency picks its own).
    pub scope: BTreeSet<String>,
    /// The explanation deadline set once for the batch (ISO date).
    pub deadline: String,
    /// Revision checksum → work.
    pub units: BTreeMap<String, DeskWork>,
    /// The official results' inputs: the survey points, the council's
    /// adjustments, the decision, last year's results.
    pub official: super::official::OfficialInputs,
}
