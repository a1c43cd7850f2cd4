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
}
