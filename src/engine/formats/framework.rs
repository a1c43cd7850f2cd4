//! The framework file (`cchc-framework`): read = parse, then validate
//! (refused whole, with every problem listed); write = pretty JSON.

use super::json::{self, FromJson, ToJson};
use crate::engine::model::{Framework, FRAMEWORK_FORMAT};
use crate::engine::rules::validate::{validate, Problem, ProblemKind};

/// Why a framework file was refused: either it is not readable as a
/// framework at all, or it is and breaks these rules (all of them listed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid JSON, but a field is missing or of the wrong kind.
    Shape(String),
    /// Another kind of file (a self-assessment, or no file of the app's).
    NotFramework(&'static str),
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Json {
                line,
                column,
                message,
            } => write!(
                f,
                "Tệp bộ tiêu chí không đúng định dạng (dòng {line}, cột {column}): {message}"
            ),
            LoadError::Shape(m) => write!(f, "Tệp bộ tiêu chí thiếu hoặc sai dữ liệu: {m}"),
            LoadError::NotFramework(m) => f.write_str(m),
            LoadError::Invalid(problems) => {
                writeln!(f, "Bộ tiêu chí có {} lỗi:", problems.len())?;
                for p in problems.iter().take(super::file::SHOWN) {
                    writeln!(f, "- {p}")?;
                }
                if problems.len() > super::file::SHOWN {
                    writeln!(
                        f,
                        "- … và {} lỗi khác.",
                        problems.len() - super::file::SHOWN
                    )?;
                }
                Ok(())
            }
        }
    }
}

/// Parses and validates a framework file. A framework with any problem
/// is refused whole, with every problem listed: never half-loaded.
pub fn read(text: &str) -> Result<Framework, LoadError> {
    let v = json::parse(text).map_err(|e| LoadError::Json {
        line: e.line(),
        column: e.column(),
        message: e.message.to_string(),
    })?;
    match v.get("format").and_then(|f| f.as_str()) {
        Some(super::file::FILE_FORMAT) => {
            return Err(LoadError::NotFramework(
                "Đây là tệp tự đánh giá của một đơn vị, không phải tệp bộ tiêu chí. Hãy chọn tệp bộ tiêu chí (.json) do Sở Nội vụ gửi; tệp tự đánh giá được nhập ở trang đầu (\"Nhập tệp tự đánh giá\").",
            ))
        }
        Some(FRAMEWORK_FORMAT) => {}
        // Looks like a framework (a wrong "format" or none): validation
        // says what is wrong with it.
        _ if v.get("fields").is_some() => {}
        _ => {
            return Err(LoadError::NotFramework(
                "Tệp JSON này không phải tệp bộ tiêu chí Chỉ số CCHC (thiếu \"format\": \"cchc-framework\").",
            ))
        }
    }
    let fw = Framework::from_json(&v).map_err(|e| LoadError::Shape(e.to_string()))?;
    let problems = validate(&fw);
    if problems.is_empty() {
        Ok(fw)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// Reads a framework this app kept in the browser: as [`read`], except
/// that ids outside the id pattern are tolerated (an older app accepted
/// them; refusing now would make its assessments unopenable).
pub fn read_kept(text: &str) -> Result<Framework, LoadError> {
    match read(text) {
        Err(LoadError::Invalid(problems))
            if problems
                .iter()
                .all(|p| matches!(p.kind, ProblemKind::BadId(_))) =>
        {
            let v = json::parse(text).map_err(|_| LoadError::Invalid(problems.clone()))?;
            Framework::from_json(&v).map_err(|e| LoadError::Shape(e.to_string()))
        }
        r => r,
    }
}

/// The framework file's text: two-space indented, in the schema's order.
pub fn write(fw: &Framework) -> String {
    fw.to_json().pretty()
}
