//! The self-assessment file: what an agency attaches to its quarterly
//! report, and the only way data leaves the browser. Documented in
//! `docs/file-format.md` and `schemas/self-assessment.schema.json`.
//!
//! Export is deterministic: the same assessment gives the same bytes, apart
//! from `exported_at`. Import goes through one function, [`import`], that
//! checks, migrates and recomputes, and either returns a whole assessment
//! or an error saying what is wrong; nothing is changed on failure.

use super::json::Value as J;
use super::json::{self, json_struct, obj_out, FromJson, ToJson};
use crate::engine::model::{
    Answer, Assessment, Contact, CorrectiveAction, Dec2, Framework, Period, PlanTask, ReportInfo,
    UnitType, FRAMEWORK_FORMAT,
};
use crate::engine::rules::limits;
use crate::engine::rules::score::{score, AnswerError, Summary};
use crate::engine::rules::validate::validate;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

pub const FILE_FORMAT: &str = "cchc-self-assessment";
/// 2: the summary says which figure it holds ("đến kỳ báo cáo" before
/// the year ends, scored under the framework's period rules) and gives the
/// year-end projection; answers may be marked carried. Version 1 files
/// read as they are (none of that in them).
pub const FILE_FORMAT_VERSION: u32 = 2;
/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Clone, Debug, PartialEq, Default)]
pub struct FrameworkInfo {
    pub id: String,
    pub version: String,
    pub title: String,
    /// SHA-256 (hex) of the framework's canonical JSON.
    pub sha256: String,
    pub built_in: bool,
    /// The whole framework when it is not built into the app, so the
    /// receiver needs nothing else.
    pub embedded: Option<Framework>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct UnitInfo {
    pub name: String,
    pub unit_type: UnitType,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct PeriodInfo {
    pub year: u16,
    pub period: Period,
    /// Informative only ("Quý I"); ignored on import.
    pub label: String,
    /// Data cut-off, ISO date; informative only.
    pub cutoff: String,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct FieldLine {
    pub id: String,
    pub title: String,
    pub max: Dec2,
    pub applicable_max: Dec2,
    pub points: Dec2,
    pub percent: Dec2,
    pub excluded: bool,
}

/// The computed figures, written for people and other tools to read. On
/// import they are never trusted: scores are recomputed and differences
/// reported.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FileSummary {
    pub self_points: Dec2,
    pub self_max: Dec2,
    pub survey_estimate: Dec2,
    pub survey_max: Dec2,
    pub bonus: Dec2,
    pub deductions: Dec2,
    pub total: Dec2,
    pub applicable_max: Dec2,
    pub index: Dec2,
    pub band: Option<String>,
    pub completion: Dec2,
    pub answered: usize,
    pub applicable_items: usize,
    pub missing_support: Vec<String>,
    pub fields: Vec<FieldLine>,
    /// Which figure this is: [`FIGURE_SO_FAR`] or [`FIGURE_YEAR`] (absent
    /// in version 1, whose figures are always the year's rules).
    pub figure: String,
    /// Items that cannot be judged yet at this period, and their maximum.
    pub not_yet: Vec<String>,
    pub not_yet_max: Dec2,
    /// Answers carried from the previous period, not yet updated.
    pub carried: Vec<String>,
    /// "Dự kiến cả năm".
    pub projection: Option<FileProjection>,
}

/// "đến kỳ báo cáo": points against what was due by the cut-off, over the
/// maximum of the items that can be judged yet.
pub const FIGURE_SO_FAR: &str = "den_ky_bao_cao";
/// The year's figure (period "Năm").
pub const FIGURE_YEAR: &str = "ca_nam";

/// The year-end projection: what is not yet due going as planned, plus
/// what the open corrective actions expect to recover.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FileProjection {
    pub total: Dec2,
    pub applicable_max: Dec2,
    pub index: Dec2,
    pub band: Option<String>,
    pub gain_from_actions: Dec2,
}

impl FileSummary {
    /// The file's figures, with the year-end projection of `a`.
    pub fn with_projection(fw: &Framework, s: &Summary, a: &Assessment) -> FileSummary {
        let (_, p) = crate::engine::rules::plan::project_year(fw, a);
        FileSummary {
            projection: Some(FileProjection {
                total: p.total,
                applicable_max: p.max,
                index: p.index,
                band: p.band,
                gain_from_actions: p.gain,
            }),
            ..FileSummary::of(fw, s)
        }
    }

    pub fn of(fw: &Framework, s: &Summary) -> FileSummary {
        FileSummary {
            figure: if s.period == Period::Year {
                FIGURE_YEAR
            } else {
                FIGURE_SO_FAR
            }
            .to_string(),
            not_yet: s.not_yet.clone(),
            not_yet_max: s.not_yet_max,
            carried: s.carried.clone(),
            projection: None,
            self_points: s.self_points,
            self_max: s.self_max,
            survey_estimate: s.survey_estimate,
            survey_max: s.survey_max,
            bonus: s.bonus,
            deductions: s.deductions,
            total: s.total,
            applicable_max: s.applicable_max,
            index: s.index,
            band: s.band.clone(),
            completion: s.completion,
            answered: s.answered,
            applicable_items: s.applicable_items,
            missing_support: s.missing_support.clone(),
            fields: fw
                .fields
                .iter()
                .filter_map(|f| {
                    let n = s.field(&f.id)?;
                    Some(FieldLine {
                        id: f.id.clone(),
                        title: f.title.clone(),
                        max: n.max,
                        applicable_max: n.applicable_max,
                        points: n.points,
                        percent: n.percent(),
                        excluded: n.excluded,
                    })
                })
                .collect(),
        }
    }
}

/// Present in a file exported by "Nộp": which revision it is.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SubmissionInfo {
    pub revision: u32,
    pub submitted_at: String,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Checksum {
    pub algorithm: String,
    /// SHA-256 (hex) of the canonical content: the file without
    /// `checksum` and `exported_at`, keys sorted, no spaces.
    pub value: String,
}

/// The file, field by field in the order written.
#[derive(Clone, Debug, PartialEq)]
pub struct SelfAssessmentFile {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    pub exported_at: String,
    pub framework: FrameworkInfo,
    pub unit: UnitInfo,
    pub contact: Contact,
    pub period: PeriodInfo,
    pub created: String,
    pub updated: String,
    pub answers: BTreeMap<String, Answer>,
    pub excluded: BTreeSet<String>,
    pub adjustments: BTreeMap<String, u32>,
    pub actions: Vec<CorrectiveAction>,
    pub plan: Vec<PlanTask>,
    pub plan_override: bool,
    pub plan_confirmed: bool,
    pub report: ReportInfo,
    pub submission: Option<SubmissionInfo>,
    pub summary: J,
    pub checksum: Checksum,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

pub fn framework_sha256(fw: &Framework) -> String {
    sha256_hex(fw.to_json().canonical(&[]).as_bytes())
}

/// What the checksum leaves out: itself, and the export time.
const NOT_CHECKSUMMED: [&str; 2] = ["checksum", "exported_at"];

/// ASCII slug of a Vietnamese name: "Sở Tư pháp" → "so-tu-phap".
pub fn slug(name: &str) -> String {
    // Lower and upper case, so no Unicode case tables are needed (they
    // are ~20 KB of the wasm bundle).
    const MAP: [(&str, char); 7] = [
        ("àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'a'),
        ("èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ", 'e'),
        ("ìíỉĩịÌÍỈĨỊ", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'o'),
        ("ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ", 'u'),
        ("ỳýỷỹỵỲÝỶỸỴ", 'y'),
        ("đĐ", 'd'),
    ];
    let mut out = String::new();
    let mut dash = false;
    for c in name.chars() {
        // combining marks (decomposed input) are dropped
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        let c = MAP
            .iter()
            .find(|(set, _)| set.contains(c))
            .map_or(c.to_ascii_lowercase(), |(_, base)| *base);
        if c.is_ascii_alphanumeric() {
            out.push(c);
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    let s = out.trim_end_matches('-');
    let s: String = s.chars().take(60).collect();
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() {
        "don-vi".into()
    } else {
        s
    }
}

pub fn file_name(a: &Assessment) -> String {
    format!(
        "CCHC_{}_{}_{}.json",
        slug(&a.unit_name),
        a.year,
        period_tag(a.period)
    )
}

/// The period in a file name: `Q1`, `6T` (6 tháng), `Q3`, `Nam` (năm).
pub fn period_tag(p: Period) -> &'static str {
    match p {
        Period::Q1 => "Q1",
        Period::H1 => "6T",
        Period::Q3 => "Q3",
        Period::Year => "Nam",
    }
}

/// The file for an assessment, as pretty-printed UTF-8 JSON.
pub fn export(a: &Assessment, fw: &Framework, built_in: bool, exported_at: &str) -> String {
    export_revision(a, fw, built_in, exported_at, None)
}

/// "Nộp": the file of submitted revision `revision` (its number and time
/// are part of what the checksum covers), and its checksum.
pub fn export_submitted(
    a: &Assessment,
    fw: &Framework,
    built_in: bool,
    at: &str,
    revision: u32,
) -> (String, String) {
    let text = export_revision(a, fw, built_in, at, Some((revision, at)));
    let sum = json::parse(&text)
        .ok()
        .and_then(|d| {
            d.get("checksum")
                .and_then(|c| c.get("value"))
                .and_then(|v| v.as_str())
                .map(str::to_string)
        })
        .unwrap_or_default();
    (text, sum)
}

fn export_revision(
    a: &Assessment,
    fw: &Framework,
    built_in: bool,
    exported_at: &str,
    submitted: Option<(u32, &str)>,
) -> String {
    let summary = FileSummary::with_projection(fw, &score(fw, a), a);
    let (d, m) = a.period.cutoff();
    let checksum = |value: &str| obj_out().f("algorithm", "sha256").f("value", value).done();
    let framework = obj_out()
        .f("id", &fw.id)
        .f("version", &fw.version)
        .f("title", &fw.title)
        .f("sha256", &framework_sha256(fw))
        .f("built_in", &built_in)
        .f_if(!built_in, "embedded", fw)
        .done();
    let mut doc = obj_out()
        .f("format", FILE_FORMAT)
        .f("format_version", &FILE_FORMAT_VERSION)
        .f("app_version", APP_VERSION)
        .f("exported_at", exported_at)
        .f("framework", &framework)
        .f(
            "unit",
            &obj_out()
                .f("name", &a.unit_name)
                .f("unit_type", &fw.unit_type)
                .done(),
        )
        .f("contact", &a.contact)
        .f(
            "period",
            &obj_out()
                .f("year", &a.year)
                .f("period", &a.period)
                .f("label", a.period.label())
                .f("cutoff", &format!("{:04}-{m:02}-{d:02}", a.year))
                .done(),
        )
        .f("created", &a.created)
        .f("updated", &a.updated)
        .f("answers", &a.answers)
        .f("excluded", &a.excluded)
        .f("adjustments", &a.adjustments)
        .f("actions", &a.actions)
        .f("plan", &a.plan)
        .f("plan_override", &a.plan_override)
        .f_if(a.plan_confirmed, "plan_confirmed", &a.plan_confirmed)
        .f("report", &a.report)
        .f_if(
            submitted.is_some(),
            "submission",
            &submitted.map(|(revision, at)| SubmissionInfo {
                revision,
                submitted_at: at.to_string(),
            }),
        )
        // Written with its keys sorted, as the first versions did.
        .f("summary", &summary.to_json().sorted())
        .f("checksum", &checksum(""))
        .done();
    let sum = sha256_hex(doc.canonical(&NOT_CHECKSUMMED).as_bytes());
    doc.set("checksum", checksum(&sum));
    let mut text = doc.pretty();
    text.push('\n');
    text
}

/// Why a file was refused. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge(usize),
    Empty,
    NotUtf8,
    NotJson {
        line: usize,
        column: usize,
    },
    NotOurFormat,
    IsFramework,
    NewerVersion(u32),
    Malformed(String),
    UnknownFramework {
        id: String,
        version: String,
    },
    /// The first problems of an embedded framework, and how many in all.
    BadFramework(Vec<String>, usize),
    AnswersDontFit(Vec<(String, String)>),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ImportError::*;
        match self {
            TooLarge(n) => {
                // Tenths of a MiB, rounded, in integers (no float formatting).
                let tenths = (*n as u64 * 10 + 524_288) / 1_048_576;
                write!(
                    f,
                    "Tệp quá lớn ({},{} MB). Tệp tự đánh giá không vượt quá 5 MB: hãy kiểm tra lại có chọn đúng tệp không.",
                    tenths / 10,
                    tenths % 10
                )
            }
            Empty => f.write_str("Tệp rỗng."),
            NotUtf8 => f.write_str("Tệp không phải văn bản UTF-8: đây không phải tệp tự đánh giá (.json) do ứng dụng xuất ra."),
            NotJson { line, column } => write!(
                f,
                "Tệp không đúng định dạng JSON (lỗi ở dòng {line}, cột {column}). Tệp có thể bị hỏng hoặc đã bị sửa tay."
            ),
            NotOurFormat => f.write_str("Tệp JSON này không phải tệp tự đánh giá Chỉ số CCHC do ứng dụng xuất ra."),
            IsFramework => f.write_str("Đây là tệp bộ tiêu chí, không phải tệp tự đánh giá."),
            NewerVersion(v) => write!(
                f,
                "Tệp được tạo bằng phiên bản ứng dụng mới hơn (định dạng {v}). Hãy cập nhật ứng dụng rồi nhập lại."
            ),
            Malformed(m) => write!(f, "Tệp thiếu hoặc sai dữ liệu: {m}."),
            UnknownFramework { id, version } => write!(
                f,
                "Tệp dùng bộ tiêu chí \"{id}\" (phiên bản {version}) không có trong ứng dụng và không kèm theo trong tệp. Hãy nạp bộ tiêu chí đó trước."
            ),
            BadFramework(ps, total) => {
                write!(f, "Bộ tiêu chí kèm trong tệp không hợp lệ: ")?;
                listed(f, ps.iter().map(String::as_str), *total, "lỗi")
            }
            AnswersDontFit(list) => {
                write!(f, "Câu trả lời không khớp với bộ tiêu chí ({} mục): ", list.len())?;
                let parts = list.iter().map(|(id, m)| format!("{id}: {m}"));
                let parts: Vec<String> = parts.take(SHOWN).collect();
                listed(f, parts.iter().map(String::as_str), list.len(), "mục")
            }
        }
    }
}

/// How many problems a message lists before "… và N … khác".
pub const SHOWN: usize = 10;

/// The first [`SHOWN`] of `total` items, "; "-separated, then how many more.
pub fn listed<'a>(
    f: &mut fmt::Formatter<'_>,
    items: impl Iterator<Item = &'a str>,
    total: usize,
    noun: &str,
) -> fmt::Result {
    let first: Vec<&str> = items.take(SHOWN).collect();
    f.write_str(&first.join("; "))?;
    if total > SHOWN {
        write!(f, "; … và {} {noun} khác.", total - SHOWN)?;
    }
    Ok(())
}

/// Something the user must see (and, for the checksum, acknowledge).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportWarning {
    /// The content does not match its checksum: damaged or edited.
    ChecksumMismatch,
    /// The framework differs from the one the file was made with.
    FrameworkChanged,
    /// The framework differs from the one the file was made with only by
    /// the period rules added since (criteria and points unchanged).
    PeriodRulesAdded,
    /// A version-1 file of a period before "Năm", scored then as the year:
    /// its figures now follow the period rules.
    RescoredForPeriod(String, Vec<String>),
    /// The figures written in the file differ from the recomputed ones.
    SummaryDiffers(Vec<String>),
    /// The file's figures could not be read (they are recomputed anyway).
    SummaryUnreadable,
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportWarning::ChecksumMismatch => f.write_str(
                "Mã kiểm tra (checksum) không khớp: tệp đã bị hỏng hoặc bị sửa sau khi xuất. Hãy đối chiếu với đơn vị gửi tệp.",
            ),
            ImportWarning::FrameworkChanged => f.write_str(
                "Bộ tiêu chí trong ứng dụng khác với bộ tiêu chí lúc xuất tệp (cùng mã và phiên bản nhưng nội dung khác).",
            ),
            ImportWarning::PeriodRulesAdded => f.write_str(
                "Bộ tiêu chí đã được bổ sung quy tắc chấm theo kỳ báo cáo sau khi tệp được xuất (tiêu chí và điểm tối đa không đổi).",
            ),
            ImportWarning::RescoredForPeriod(p, d) => write!(
                f,
                "Tệp xuất bằng phiên bản trước, khi kỳ {p} còn được chấm như cả năm; ứng dụng chấm lại theo việc đến hạn trước ngày chốt số liệu (điểm \"đến kỳ báo cáo\"): {}",
                d.join("; ")
            ),
            ImportWarning::SummaryDiffers(d) => write!(
                f,
                "Điểm ghi trong tệp khác điểm tính lại (ứng dụng dùng điểm tính lại): {}",
                d.join("; ")
            ),
            ImportWarning::SummaryUnreadable => {
                f.write_str("Không đọc được phần tổng hợp điểm trong tệp; điểm đã được tính lại.")
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub assessment: Assessment,
    pub framework: Framework,
    /// True when the framework came embedded and is not yet known here.
    pub framework_is_new: bool,
    pub warnings: Vec<ImportWarning>,
    /// Format version the file was written in (before migration).
    pub from_version: u32,
    /// SHA-256 of the file's canonical content (its checksum when intact):
    /// what an appraisal of this revision names.
    pub sha256: String,
    /// The submitted revision's number ("Nộp"); `None` for a plain export.
    pub submission: Option<SubmissionInfo>,
}

impl Imported {
    pub fn needs_acknowledgement(&self) -> bool {
        !self.warnings.is_empty()
    }

    /// The file's checksum matches its content (not damaged or edited by
    /// hand): only then does it stand for a submitted revision.
    pub fn intact(&self) -> bool {
        !self.warnings.contains(&ImportWarning::ChecksumMismatch)
    }
}

/// Whether an answer error means the answers were made for another
/// framework (refused), rather than a value the user can still fix
/// (accepted and shown, as in the app).
fn misfit(e: &AnswerError) -> bool {
    !matches!(
        e,
        AnswerError::NumeratorExceedsDenominator
            | AnswerError::ZeroDenominator
            | AnswerError::CountAboveMax(_)
            | AnswerError::EstimateOutOfRange
            | AnswerError::NoBandFits
    )
}

fn differences(file: &FileSummary, now: &FileSummary) -> Vec<String> {
    let mut d = Vec::new();
    let cmp = |d: &mut Vec<String>, name: &str, a: Dec2, b: Dec2| {
        if a != b {
            d.push(format!(
                "{name}: tệp ghi {}, tính lại {}",
                a.to_vi(),
                b.to_vi()
            ));
        }
    };
    cmp(&mut d, "Điểm tự chấm", file.self_points, now.self_points);
    cmp(
        &mut d,
        "Điểm điều tra (ước tính)",
        file.survey_estimate,
        now.survey_estimate,
    );
    cmp(&mut d, "Điểm thưởng", file.bonus, now.bonus);
    cmp(&mut d, "Điểm trừ", file.deductions, now.deductions);
    cmp(&mut d, "Tổng điểm", file.total, now.total);
    cmp(
        &mut d,
        "Tổng điểm tối đa áp dụng",
        file.applicable_max,
        now.applicable_max,
    );
    cmp(&mut d, "Chỉ số", file.index, now.index);
    for f in &now.fields {
        match file.fields.iter().find(|x| x.id == f.id) {
            Some(x) => cmp(&mut d, &format!("Lĩnh vực {}", f.id), x.points, f.points),
            None => d.push(format!("Lĩnh vực {}: không có trong tệp", f.id)),
        }
    }
    if file.band != now.band {
        d.push(format!(
            "Xếp loại: tệp ghi {}, tính lại {}",
            file.band.as_deref().unwrap_or("—"),
            now.band.as_deref().unwrap_or("—")
        ));
    }
    d
}

/// Reads a self-assessment file. `known` are the frameworks this app has
/// (built in or loaded); `new_id` becomes the imported assessment's id.
pub fn import(bytes: &[u8], known: &[Framework], new_id: &str) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    let doc = json::parse(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let format = doc.get("format").and_then(|v| v.as_str());
    match format {
        Some(FILE_FORMAT) => {}
        Some(FRAMEWORK_FORMAT) => return Err(ImportError::IsFramework),
        _ => return Err(ImportError::NotOurFormat),
    }
    let version = doc
        .get("format_version")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| ImportError::Malformed("thiếu format_version".into()))?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > FILE_FORMAT_VERSION {
        return Err(ImportError::NewerVersion(version));
    }
    // Version 1 is the first format; version 2 only adds (the figure's
    // name, the projection, carried marks), so both are read as they are.
    if version < 1 {
        return Err(ImportError::Malformed(format!("format_version {version}")));
    }
    let mut warnings = Vec::new();
    let declared = doc
        .get("checksum")
        .and_then(|c| c.get("value"))
        .and_then(|v| v.as_str())
        .unwrap_or("");
    let content_sha = sha256_hex(json::canonical(&doc, &NOT_CHECKSUMMED).as_bytes());
    if declared != content_sha {
        warnings.push(ImportWarning::ChecksumMismatch);
    }
    let file =
        SelfAssessmentFile::from_json(&doc).map_err(|e| ImportError::Malformed(e.to_string()))?;

    let (framework, framework_is_new) = match &file.framework.embedded {
        Some(fw) => {
            let problems = validate(fw);
            if !problems.is_empty() {
                return Err(ImportError::BadFramework(
                    problems.iter().take(SHOWN).map(|p| p.to_string()).collect(),
                    problems.len(),
                ));
            }
            let existing = known
                .iter()
                .find(|k| k.id == fw.id && k.version == fw.version);
            (fw.clone(), existing.is_none())
        }
        None => {
            let fw = known
                .iter()
                .find(|k| k.id == file.framework.id && k.version == file.framework.version)
                .ok_or_else(|| ImportError::UnknownFramework {
                    id: file.framework.id.clone(),
                    version: file.framework.version.clone(),
                })?;
            (fw.clone(), false)
        }
    };
    if framework_sha256(&framework) != file.framework.sha256 {
        let mut plain = framework.clone();
        plain
            .subs_mut()
            .for_each(|s| s.period_rule = Default::default());
        warnings.push(if framework_sha256(&plain) == file.framework.sha256 {
            ImportWarning::PeriodRulesAdded
        } else {
            ImportWarning::FrameworkChanged
        });
    }

    let assessment = Assessment {
        id: new_id.to_string(),
        framework: framework.reference(),
        unit_name: file.unit.name.clone(),
        year: file.period.year,
        period: file.period.period,
        contact: file.contact.clone(),
        answers: file.answers.clone(),
        excluded: file.excluded.clone(),
        adjustments: file.adjustments.clone(),
        created: file.created.clone(),
        updated: file.updated.clone(),
        actions: file.actions.clone(),
        plan: file.plan.clone(),
        plan_override: file.plan_override,
        plan_confirmed: file.plan_confirmed,
        report: file.report.clone(),
        rounds: Default::default(),
    };
    limits::check(&assessment).map_err(|e| ImportError::Malformed(e.to_string()))?;
    let summary = score(&framework, &assessment);
    let misfits: Vec<(String, String)> = summary
        .errors
        .iter()
        .filter(|(_, e)| misfit(e))
        .map(|(id, e)| (id.clone(), e.to_string()))
        .collect();
    if !misfits.is_empty() {
        return Err(ImportError::AnswersDontFit(misfits));
    }
    match FileSummary::from_json(&file.summary) {
        Ok(fs) => {
            let d = differences(&fs, &FileSummary::of(&framework, &summary));
            if !d.is_empty() {
                warnings.push(if version == 1 && assessment.period != Period::Year {
                    ImportWarning::RescoredForPeriod(assessment.period.label().to_string(), d)
                } else {
                    ImportWarning::SummaryDiffers(d)
                });
            }
        }
        Err(_) => warnings.push(ImportWarning::SummaryUnreadable),
    }
    Ok(Imported {
        assessment,
        framework,
        framework_is_new,
        warnings,
        from_version: version,
        sha256: content_sha,
        submission: file.submission.clone(),
    })
}

// ------------------------------------------------------------------ JSON
// Reading the file (export writes it field by field above).

json_struct!(read FrameworkInfo { id: req, version: req, title: req, sha256: req, built_in: req, embedded: opt });

json_struct!(read UnitInfo { name: req, unit_type: req });

json_struct!(read PeriodInfo { year: req, period: req, label: opt, cutoff: opt });

json_struct!(FieldLine {
    id: req,
    title: req,
    max: req,
    applicable_max: req,
    points: req,
    percent: req,
    excluded: req
});

json_struct!(FileSummary {
    self_points: req,
    self_max: req,
    survey_estimate: req,
    survey_max: req,
    bonus: req,
    deductions: req,
    total: req,
    applicable_max: req,
    index: req,
    band: opt,
    completion: req,
    answered: req,
    applicable_items: req,
    missing_support: req,
    fields: req,
    figure: skip,
    not_yet: skip,
    not_yet_max: skip,
    carried: skip,
    projection: skip
});

json_struct!(FileProjection {
    total: req,
    applicable_max: req,
    index: req,
    band: opt,
    gain_from_actions: req
});

json_struct!(SubmissionInfo {
    revision: req,
    submitted_at: req
});

json_struct!(read Checksum { algorithm: req, value: req });

json_struct!(read SelfAssessmentFile { format: req, format_version: req, app_version: req, exported_at: req, framework: req, unit: req, contact: opt, period: req, created: opt, updated: opt, answers: opt, excluded: opt, adjustments: opt, actions: opt, plan: opt, plan_override: opt, plan_confirmed: opt, report: opt, submission: opt, summary: req, checksum: req });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Sở Tư pháp"), "so-tu-phap");
        assert_eq!(slug("UBND phường Diên Hồng"), "ubnd-phuong-dien-hong");
        assert_eq!(
            slug("Sở Nông nghiệp & Môi trường (Gia Lai)"),
            "so-nong-nghiep-moi-truong-gia-lai"
        );
        assert_eq!(slug("ĐẮK ĐOA"), "dak-doa");
        // decomposed (NFD) input
        assert_eq!(slug("So\u{31b} Y te\u{302}\u{301}"), "so-y-te");
        assert_eq!(slug("  ***  "), "don-vi");
        assert_eq!(slug("<script>"), "script");
    }

    #[test]
    fn hashes_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
