//! The pure engine: no browser, no UI. Framework model and validation,
//! answers, scoring. Everything here runs and is tested on the host.

pub mod assessment;
pub mod compare;
pub mod consolidate;
pub mod dec;
pub mod file;
pub mod framework;
pub mod migrate;
pub mod paste;
pub mod plan;
pub mod score;
pub mod stored;
pub mod templates;
pub mod time;
pub mod validate;

pub use assessment::{
    Answer, Assessment, Contact, Evidence, FrameworkRef, Period, ReportInfo, Value,
};
pub use dec::Dec2;
pub use framework::{Framework, LoadError, Rule, Status, SubCriterion, UnitType};
pub use score::{score, AnswerError, NodeScore, SubScore, SubState, Summary};
pub use validate::{validate, Problem, ProblemKind};
