//! Sở Nội vụ's desk reads many units' files: each is imported as the app
//! would import it (a refused file never stops the others) and graded by
//! `rules::consolidate`.

use super::file::{self, ImportWarning};
use crate::engine::model::Framework;
use crate::engine::rules::consolidate::{grade, Entry, Outcome};
use std::rc::Rc;

/// Checks one file as the import would, and grades it.
pub fn check_file(file_name: &str, bytes: &[u8], known: &[Rc<Framework>], index: usize) -> Entry {
    let list: Vec<Framework> = known.iter().map(|f| (**f).clone()).collect();
    check_with(file_name, bytes, known, &list, index)
}

/// As [`check_file`], with the known frameworks also as plain values (to
/// avoid cloning them for every file of a batch).
pub fn check_with(
    file_name: &str,
    bytes: &[u8],
    known: &[Rc<Framework>],
    plain: &[Framework],
    index: usize,
) -> Entry {
    let outcome = match file::import(bytes, plain, &format!("snv-{index}")) {
        Err(e) => Outcome::Refused(e.to_string()),
        Ok(imp) => {
            let fw = known
                .iter()
                .find(|k| ***k == imp.framework)
                .cloned()
                .unwrap_or_else(|| Rc::new(imp.framework.clone()));
            let warnings: Vec<String> = imp
                .warnings
                .iter()
                .map(|w| match w {
                    ImportWarning::ChecksumMismatch => {
                        "Mã kiểm tra không khớp (tệp bị hỏng hoặc bị sửa)".to_string()
                    }
                    other => other.to_string(),
                })
                .collect();
            Outcome::Checked(Box::new(grade(imp.assessment, fw, warnings)))
        }
    };
    Entry {
        file_name: file_name.to_string(),
        outcome,
    }
}
