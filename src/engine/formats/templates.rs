//! The built-in template frameworks, embedded at compile time.

use crate::engine::model::Framework;

/// (file name, JSON text) of every built-in framework.
pub const BUILT_IN: [(&str, &str); 2] = [
    (
        "gia-lai-so-mau.json",
        include_str!("../../../frameworks/gia-lai-so-mau.json"),
    ),
    (
        "gia-lai-xa-mau.json",
        include_str!("../../../frameworks/gia-lai-xa-mau.json"),
    ),
];

/// Parses the built-in frameworks. A broken one is left out (a test makes
/// sure none is), so the app still starts with the others.
pub fn built_in() -> Vec<Framework> {
    BUILT_IN
        .iter()
        .filter_map(|(_, text)| super::framework::read(text).ok())
        .collect()
}
