//! Everything read or written: JSON in and out of the model, the framework
//! file, the self-assessment file, browser-stored data and its migrations,
//! the built-in templates, the paste parser, the desk's batch reading,
//! Excel workbooks.
//! May import `rules` and `model`, never the other way round.

pub mod appraisal;
pub mod batch;
pub mod file;
pub mod framework;
pub mod json;
pub mod paste;
pub mod results;
pub mod sheets;
pub mod stored;
pub mod survey;
pub mod templates;
pub mod xlsx;
