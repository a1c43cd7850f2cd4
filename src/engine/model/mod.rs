//! The data, and nothing else: exact points, the framework tree, a unit's
//! assessment with its corrective actions and annual plan, the calendar.
//! Imports nothing from `rules` or `formats` (a test checks).

pub mod appraisal;
pub mod assessment;
pub mod dec;
pub mod framework;
pub mod official;
pub mod plan;
pub mod time;

pub use assessment::{
    Answer, Assessment, Contact, Evidence, FrameworkRef, Period, PlanSource, ReportInfo, Value,
};
pub use dec::Dec2;
pub use framework::{
    AdjustmentItem, Adjustments, Band, ChoiceOption, CountBand, Criterion, Decision, Field,
    Framework, MissingSurvey, PctRange, PeriodRule, RatioBand, Rule, Status, SubCriterion,
    UnitType, Years, FRAMEWORK_FORMAT, FRAMEWORK_FORMAT_VERSION,
};
pub use plan::{CorrectiveAction, PlanTask, ReformArea, Status as PlanStatus};
