//! What the model means: validation of a framework, scoring, projection
//! and plan figures, comparison, ranking, version migration, the next item
//! to answer, and parsing what a user types. Imports `model` only.

pub mod appraisal;
pub mod compare;
pub mod consolidate;
pub mod input;
pub mod limits;
pub mod migrate;
pub mod next;
pub mod official;
pub mod period;
pub mod plan;
pub mod score;
pub mod trend;
pub mod validate;
