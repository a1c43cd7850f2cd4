//! The official results (kết quả chính thức): what Sở Nội vụ enters after
//! the appraisal rounds — the survey points per unit, the council's bonus
//! and deductions — and the decision that announces them. Pure data: the
//! index and the ranking are `rules::official`.

use super::dec::Dec2;
use super::framework::Decision;
use std::collections::BTreeMap;

/// Everything the desk enters for the official results of a batch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OfficialInputs {
    /// The decision the appendix goes with ("kèm theo Quyết định số …,
    /// ngày …"); empty until known.
    pub decision: Decision,
    /// Unit key (`consolidate::unit_key` of the name) → survey
    /// sub-criterion id → points received from the survey. An item left
    /// out has no result (the framework's `missing_survey` says what then).
    pub survey: BTreeMap<String, BTreeMap<String, Dec2>>,
    /// Unit key → the council's bonus and deductions (adjustment id →
    /// count). A unit not listed keeps the ones it claimed itself.
    pub adjustments: BTreeMap<String, BTreeMap<String, u32>>,
    /// Last year's announced results (from its results file, without the
    /// items), for the change in index and rank.
    pub previous: Vec<UnitResult>,
}

/// One sub-criterion in a unit's results file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResultItem {
    pub id: String,
    pub max: Dec2,
    /// The unit's own points (none on survey items).
    pub self_points: Option<Dec2>,
    /// The official points (none: a survey item without a result).
    pub official: Option<Dec2>,
    /// The appraiser's note.
    pub note: String,
}

/// One unit's announced result.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitResult {
    pub unit_name: String,
    pub unit_type: super::framework::UnitType,
    pub year: u16,
    pub period: super::assessment::Period,
    pub framework_id: String,
    pub framework_version: String,
    /// The submitted revision the result is for.
    pub revision_sha256: String,
    pub self_index: Dec2,
    pub appraised: Dec2,
    pub survey: Dec2,
    pub bonus: Dec2,
    pub deductions: Dec2,
    pub total: Dec2,
    pub applicable_max: Dec2,
    pub index: Dec2,
    /// Rank within its group, and the group's size.
    pub rank: u32,
    pub of: u32,
    pub band: String,
    /// Every sub-criterion (a batch file for last year's comparison may
    /// leave them out).
    pub items: Vec<ResultItem>,
}

/// The official results file (`cchc-official-results`): the decision
/// and the units' results (a unit's own file holds just that unit).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    pub decision: Decision,
    pub units: Vec<UnitResult>,
}
