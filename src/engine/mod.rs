//! The pure engine: no browser, no UI; everything here runs and is tested
//! on the host. Three layers, read bottom-up, importing one way only
//! (`formats` → `rules` → `model`; `tests/layers.rs` checks):
//!
//! - [`model`]: the data — exact points, the framework tree, a unit's
//!   assessment with its corrective actions and annual plan;
//! - [`rules`]: what the data means — validation, scoring, projection and
//!   plan figures, comparison, ranking, migration between framework
//!   versions, the next item to answer, parsing typed input;
//! - [`formats`]: what is read and written — JSON, the framework and
//!   self-assessment files, stored data and its migrations, the built-in
//!   templates, the paste parser, the desk's batch, Excel workbooks.

pub mod formats;
pub mod model;
pub mod rules;

pub use model::{
    time, Answer, Assessment, Contact, Dec2, Evidence, Framework, FrameworkRef, MissingSurvey,
    Period, ReportInfo, Rule, Status, SubCriterion, UnitType, Value,
};
pub use rules::score::{score, AnswerError, NodeScore, SubScore, SubState, Summary};
pub use rules::validate::{validate, Problem, ProblemKind};

/// Stable sort with the comparison behind a reference: one compiled sort
/// for the whole app. `slice::sort_by` compiles the whole sort algorithm
/// again for every element type and comparison closure (15 copies were
/// about 60 KB of the wasm bundle).
pub fn sort_by<T>(v: &mut Vec<T>, cmp: &dyn Fn(&T, &T) -> std::cmp::Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

#[inline(never)]
fn sort_indices(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// [`sort_by`] on a key.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, &|a, b| key(a).cmp(&key(b)));
}
