//! The pure engine: no browser, no UI. Framework model and validation,
//! answers, scoring. Everything here runs and is tested on the host.

pub mod assessment;
pub mod compare;
pub mod consolidate;
pub mod dec;
pub mod file;
pub mod framework;
pub mod json;
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
