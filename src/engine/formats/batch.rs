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
            let mut warnings: Vec<String> = imp
                .warnings
                .iter()
                .map(|w| match w {
                    ImportWarning::ChecksumMismatch => {
                        "Mã kiểm tra không khớp (tệp bị hỏng hoặc bị sửa)".to_string()
                    }
                    other => other.to_string(),
                })
                .collect();
            let same_name = known
                .iter()
                .find(|k| k.id == imp.framework.id && k.version == imp.framework.version);
            // A file never scores itself with its own rules: a framework
            // claiming the id and version of one of the desk's, but not
            // equal to it, is replaced by the desk's own.
            let (fw, foreign) = match same_name {
                Some(k) if **k == imp.framework => (k.clone(), false),
                Some(k) => {
                    warnings.insert(
                        0,
                        format!(
                            "{}: tệp kèm bộ tiêu chí mang mã \"{}\" phiên bản {} nhưng nội dung khác bộ tiêu chí của trang này; đã chấm lại theo bộ tiêu chí của trang này.",
                            imp.assessment.unit_name, k.id, k.version
                        ),
                    );
                    (k.clone(), false)
                }
                None => {
                    warnings.insert(
                        0,
                        format!(
                            "Chấm theo bộ tiêu chí kèm trong tệp (\"{}\", phiên bản {}), chưa có trong trang này: xếp hạng riêng, không cùng các đơn vị chấm theo bộ tiêu chí của trang này.",
                            imp.framework.title, imp.framework.version
                        ),
                    );
                    (Rc::new(imp.framework.clone()), true)
                }
            };
            let intact = imp.intact();
            let (sha256, revision) = (
                imp.sha256.clone(),
                imp.submission
                    .as_ref()
                    .filter(|_| intact)
                    .map(|s| s.revision),
            );
            let mut c = grade(imp.assessment, fw, warnings, foreign);
            c.sha256 = sha256;
            c.revision = revision;
            c.intact = intact;
            Outcome::Checked(Box::new(c))
        }
    };
    Entry {
        file_name: file_name.to_string(),
        outcome,
    }
}

/// A batch as kept in the browser between visits: every file's name and
/// text (or why it was not read), the choices made, the period ranked.
/// Checked again when read back, so it always follows the frameworks the
/// desk has then.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kept {
    pub files: Vec<KeptFile>,
    pub previous: Vec<KeptFile>,
    /// Entries chosen among duplicates (indices into `files`).
    pub chosen: Vec<usize>,
    pub period: Option<KeptPeriod>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct KeptFile {
    pub name: String,
    /// The file's text; empty when `refused` says why it was not read.
    pub text: String,
    pub refused: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct KeptPeriod {
    pub year: u16,
    pub period: crate::engine::model::Period,
}

impl Kept {
    pub fn encode(&self) -> String {
        use super::json::ToJson;
        self.to_json().compact()
    }

    pub fn decode(text: &str) -> Option<Kept> {
        super::json::read(text).ok()
    }
}

/// Checks a kept file again, as when it was loaded.
pub fn recheck(f: &KeptFile, known: &[Rc<Framework>], plain: &[Framework], index: usize) -> Entry {
    if f.refused.is_empty() {
        check_with(&f.name, f.text.as_bytes(), known, plain, index)
    } else {
        Entry {
            file_name: f.name.clone(),
            outcome: Outcome::Refused(f.refused.clone()),
        }
    }
}
