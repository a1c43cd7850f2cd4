//! The appraisal file (`cchc-appraisal`, Sở Nội vụ → unit, and a lead
//! agency's partial appraisal → Sở Nội vụ) and the explanation file
//! (`cchc-explanation`, unit → Sở Nội vụ). Documented in
//! `docs/file-format.md` and `schemas/appraisal.schema.json`,
//! `schemas/explanation.schema.json`.
//!
//! Both are deterministic (the same content gives the same bytes apart
//! from `exported_at`) and carry a checksum over their canonical content,
//! as the self-assessment file does. Unlike it, a damaged or edited
//! appraisal or explanation is refused: it is an official step, and the
//! sender can always export it again.

use super::file::{framework_sha256, listed, sha256_hex, MAX_FILE_BYTES, SHOWN};
use super::json::{self, obj_out, FromJson};
use crate::engine::model::appraisal::{Appraisal, Explanation, Subject, FINAL_ROUND};
use crate::engine::model::{Assessment, Framework, FRAMEWORK_FORMAT};
use crate::engine::rules::appraisal::{compare, revision_diff};
use crate::engine::rules::limits;
use std::fmt;

pub const APPRAISAL_FORMAT: &str = "cchc-appraisal";
pub const EXPLANATION_FORMAT: &str = "cchc-explanation";
pub const APPRAISAL_FORMAT_VERSION: u32 = 1;

const NOT_CHECKSUMMED: [&str; 2] = ["checksum", "exported_at"];

/// The subject of `a`'s submitted revision `sha256` (number `revision`).
pub fn subject_of(fw: &Framework, a: &Assessment, sha256: &str, revision: u32) -> Subject {
    Subject {
        unit_name: a.unit_name.clone(),
        unit_type: fw.unit_type,
        year: a.year,
        period: a.period,
        framework_id: fw.id.clone(),
        framework_version: fw.version.clone(),
        framework_sha256: framework_sha256(fw),
        revision_sha256: sha256.to_string(),
        revision,
    }
}

/// One of our signed documents: its kind and version, the app, when,
/// then `body`'s fields, then the checksum (text, checksum).
pub(super) fn signed(
    format: &str,
    version: u32,
    body: &impl super::json::ToJson,
    exported_at: &str,
    extra: Option<(&str, json::Out)>,
) -> (String, String) {
    let mut doc = obj_out()
        .f("format", format)
        .f("format_version", &version)
        .f("app_version", super::file::APP_VERSION)
        .f("exported_at", exported_at)
        .merge(body);
    if let Some((k, v)) = extra {
        doc = doc.f(k, &v);
    }
    finish(doc.f("checksum", &obj_out().done()).done())
}

fn finish(mut doc: json::Out) -> (String, String) {
    let sum = sha256_hex(doc.canonical(&NOT_CHECKSUMMED).as_bytes());
    doc.set(
        "checksum",
        obj_out().f("algorithm", "sha256").f("value", &sum).done(),
    );
    let mut text = doc.pretty();
    text.push('\n');
    (text, sum)
}

/// The appraisal file of `ap` (on `a`, the unit's assessment, for the
/// figures written for readers), and its checksum.
pub fn export_appraisal(
    fw: &Framework,
    a: &Assessment,
    ap: &Appraisal,
    exported_at: &str,
) -> (String, String) {
    let c = compare(fw, a, &ap.items, &ap.scope);
    let mut points = obj_out();
    for l in &c.lines {
        if let Some(p) = l.appraised {
            points = points.f(
                &l.id,
                &obj_out()
                    .f("self", &l.self_points)
                    .f("appraised", &p)
                    .done(),
            );
        }
    }
    let summary = obj_out()
        .f("self_total", &c.unit.total)
        .f("self_index", &c.unit.index)
        .f("appraised_total", &c.appraised.total)
        .f("appraised_index", &c.appraised.index)
        .f("applicable_max", &c.appraised.applicable_max)
        .f("appraised_items", &c.appraised_count())
        .f("appraisable_items", &c.lines.len())
        .f("points", &points.done())
        .done();
    signed(
        APPRAISAL_FORMAT,
        APPRAISAL_FORMAT_VERSION,
        ap,
        exported_at,
        Some(("summary", summary)),
    )
}

/// The explanation file, and its checksum.
pub fn export_explanation(ex: &Explanation, exported_at: &str) -> (String, String) {
    signed(
        EXPLANATION_FORMAT,
        APPRAISAL_FORMAT_VERSION,
        ex,
        exported_at,
        None,
    )
}

/// `CCHC_so-tu-phap_2026_Nam_tham-dinh-vong-1.json`.
pub fn appraisal_file_name(s: &Subject, round: u8, partial_by: Option<&str>) -> String {
    let base = base_name(s);
    match partial_by {
        Some(by) => format!(
            "{base}_tham-dinh-vong-{round}_{}.json",
            super::file::slug(by)
        ),
        None => format!("{base}_tham-dinh-vong-{round}.json"),
    }
}

pub fn explanation_file_name(s: &Subject) -> String {
    format!("{}_giai-trinh.json", base_name(s))
}

fn base_name(s: &Subject) -> String {
    format!(
        "CCHC_{}_{}_{}",
        super::file::slug(&s.unit_name),
        s.year,
        super::file::period_tag(s.period)
    )
}

/// Why an appraisal or explanation file was refused. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    TooLarge(usize),
    Empty,
    NotUtf8,
    NotJson {
        line: usize,
        column: usize,
    },
    /// Another kind of file of ours, or not ours at all.
    WrongKind {
        expected: &'static str,
        found: String,
    },
    NewerVersion(u32),
    Malformed(String),
    ChecksumMismatch,
    OtherUnit {
        file: String,
        here: String,
    },
    OtherPeriod {
        file: String,
        here: String,
    },
    OtherFramework {
        file: String,
        here: String,
    },
    /// The revision appraised was never submitted from here.
    NeverSubmitted,
    /// It was, but a newer one has been submitted since.
    Replaced {
        revision: u32,
        latest: u32,
        items: Vec<String>,
    },
    RoundTwoFirst,
    AfterFinal,
    BadRound(u8),
    Partial(String),
    /// An explanation of an appraisal this desk did not send.
    OtherAppraisal,
    Duplicate,
    UnknownItems(Vec<String>),
    NoUnit(String),
}

fn kind_name(format: &str) -> &'static str {
    match format {
        APPRAISAL_FORMAT => "tệp kết quả thẩm định",
        EXPLANATION_FORMAT => "tệp giải trình",
        super::file::FILE_FORMAT => "tệp tự đánh giá",
        FRAMEWORK_FORMAT => "tệp bộ tiêu chí",
        super::results::RESULTS_FORMAT => "tệp kết quả chính thức",
        _ => "tệp JSON khác",
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Refusal::*;
        match self {
            TooLarge(n) => write!(
                f,
                "Tệp quá lớn ({} KB; tối đa 5 MB): hãy kiểm tra lại có chọn đúng tệp không.",
                n / 1024
            ),
            Empty => f.write_str("Tệp rỗng."),
            NotUtf8 => f.write_str("Tệp không phải văn bản UTF-8 (.json) do ứng dụng xuất ra."),
            NotJson { line, column } => write!(
                f,
                "Tệp không đúng định dạng JSON (lỗi ở dòng {line}, cột {column}). Tệp có thể bị hỏng hoặc đã bị sửa tay."
            ),
            WrongKind { expected, found } => write!(
                f,
                "Cần {expected}, nhưng đây là {}.",
                kind_name(found)
            ),
            NewerVersion(v) => write!(
                f,
                "Tệp được tạo bằng phiên bản ứng dụng mới hơn (định dạng {v}). Hãy cập nhật ứng dụng rồi nhập lại."
            ),
            Malformed(m) => write!(f, "Tệp thiếu hoặc sai dữ liệu: {m}."),
            ChecksumMismatch => f.write_str(
                "Mã kiểm tra (checksum) không khớp: tệp đã bị hỏng hoặc bị sửa sau khi xuất. Hãy đề nghị nơi gửi xuất lại tệp.",
            ),
            OtherUnit { file, here } => write!(
                f,
                "Tệp dành cho đơn vị \"{file}\", không phải \"{here}\"."
            ),
            OtherPeriod { file, here } => write!(
                f,
                "Tệp dành cho kỳ {file}, không phải kỳ {here} đang mở."
            ),
            OtherFramework { file, here } => write!(
                f,
                "Tệp chấm theo bộ tiêu chí {file}, khác bộ tiêu chí của bản tự đánh giá ({here})."
            ),
            NeverSubmitted => f.write_str(
                "Tệp này thẩm định một bản nộp mà trình duyệt này không có (mã kiểm tra không khớp bản nộp nào ở đây). Nếu bản đó được nộp từ máy khác, hãy nhập chính tệp bản nộp đã gửi (…_ban-N.json) ở trang đầu rồi nhập lại tệp thẩm định.",
            ),
            Replaced { revision, latest, items } => {
                write!(
                    f,
                    "Tệp thẩm định bản nộp lần {revision}, nhưng đơn vị đã nộp bản lần {latest} sau đó. Các mục khác nhau giữa hai bản: "
                )?;
                if items.is_empty() {
                    f.write_str("không có (chỉ khác thời điểm nộp)")?;
                } else {
                    listed(f, items.iter().map(String::as_str), items.len(), "mục")?;
                }
                f.write_str(". Hãy đề nghị Sở Nội vụ thẩm định bản mới nhất.")
            }
            RoundTwoFirst => f.write_str(
                "Đây là kết quả thẩm định vòng 2 nhưng chưa nhập kết quả vòng 1: hãy nhập tệp vòng 1 trước.",
            ),
            AfterFinal => f.write_str(
                "Đã nhập kết quả thẩm định cuối cùng (vòng 2); không nhận thêm tệp vòng 1.",
            ),
            BadRound(r) => write!(f, "Vòng thẩm định {r} không hợp lệ (chỉ có vòng 1 và vòng 2)."),
            Partial(by) => write!(
                f,
                "Đây là kết quả thẩm định một phần (của {by}); đơn vị chỉ nhận bản tổng hợp của Sở Nội vụ."
            ),
            OtherAppraisal => f.write_str(
                "Tệp giải trình trả lời một bản thẩm định khác với bản đã gửi cho đơn vị này.",
            ),
            Duplicate => f.write_str("Tệp này đã được nhập rồi."),
            UnknownItems(ids) => {
                write!(f, "Tệp có mục không có trong bộ tiêu chí ({} mục): ", ids.len())?;
                listed(f, ids.iter().map(String::as_str), ids.len(), "mục")
            }
            NoUnit(name) => write!(
                f,
                "Không có bản tự đánh giá nào của \"{name}\" cho đúng kỳ và bộ tiêu chí này trong danh sách."
            ),
        }
    }
}

/// Parses one of our two files: size, text, JSON, kind, version, checksum.
pub(super) fn parse(
    bytes: &[u8],
    expected: &'static str,
) -> Result<(json::Value, String), Refusal> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge(bytes.len()));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Refusal::Empty);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| Refusal::NotUtf8)?;
    let doc = json::parse(text).map_err(|e| Refusal::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let format = doc.get("format").and_then(|v| v.as_str()).unwrap_or("");
    if format != expected {
        return Err(Refusal::WrongKind {
            expected: kind_name(expected),
            found: format.to_string(),
        });
    }
    let version = doc
        .get("format_version")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| Refusal::Malformed("thiếu format_version".into()))?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > APPRAISAL_FORMAT_VERSION {
        return Err(Refusal::NewerVersion(version));
    }
    if version < 1 {
        return Err(Refusal::Malformed(format!("format_version {version}")));
    }
    let declared = doc
        .get("checksum")
        .and_then(|c| c.get("value"))
        .and_then(|v| v.as_str())
        .unwrap_or("");
    let sum = sha256_hex(json::canonical(&doc, &NOT_CHECKSUMMED).as_bytes());
    if declared != sum {
        return Err(Refusal::ChecksumMismatch);
    }
    Ok((doc, sum))
}

fn check_texts<'a>(texts: impl Iterator<Item = (String, &'a str, usize)>) -> Result<(), Refusal> {
    for (path, s, max) in texts {
        if s.len() > max && s.chars().count() > max {
            return Err(Refusal::Malformed(format!(
                "trường \"{path}\": dài quá giới hạn ({} ký tự, tối đa {max})",
                s.chars().count()
            )));
        }
    }
    Ok(())
}

fn check_subject(s: &Subject) -> Result<(), Refusal> {
    check_texts(
        [
            (
                "subject.unit_name".to_string(),
                s.unit_name.as_str(),
                limits::SHORT,
            ),
            (
                "subject.framework_id".into(),
                s.framework_id.as_str(),
                limits::SHORT,
            ),
            (
                "subject.framework_version".into(),
                s.framework_version.as_str(),
                limits::SHORT,
            ),
            (
                "subject.framework_sha256".into(),
                s.framework_sha256.as_str(),
                64,
            ),
            (
                "subject.revision_sha256".into(),
                s.revision_sha256.as_str(),
                64,
            ),
        ]
        .into_iter(),
    )
}

/// Reads an appraisal file: the appraisal and the file's checksum.
pub fn read_appraisal(bytes: &[u8]) -> Result<(Appraisal, String), Refusal> {
    let (doc, sum) = parse(bytes, APPRAISAL_FORMAT)?;
    let ap = Appraisal::from_json(&doc).map_err(|e| Refusal::Malformed(e.to_string()))?;
    if !(1..=FINAL_ROUND).contains(&ap.round) {
        return Err(Refusal::BadRound(ap.round));
    }
    check_subject(&ap.subject)?;
    if ap.items.len() > limits::ANSWERS {
        return Err(Refusal::Malformed(format!(
            "quá nhiều mục ({}, tối đa {})",
            ap.items.len(),
            limits::ANSWERS
        )));
    }
    check_texts(
        [
            (
                "appraiser".to_string(),
                ap.appraiser.as_str(),
                limits::SHORT,
            ),
            ("deadline".into(), ap.deadline.as_str(), 10),
        ]
        .into_iter()
        .chain(ap.items.iter().flat_map(|(id, i)| {
            [
                (format!("items.{id}.note"), i.note.as_str(), limits::LONG),
                (
                    format!("items.{id}.request"),
                    i.request.as_str(),
                    limits::LONG,
                ),
                (format!("items.{id}.by"), i.by.as_str(), limits::SHORT),
            ]
        })),
    )?;
    Ok((ap, sum))
}

/// Reads an explanation file: the explanation and the file's checksum.
pub fn read_explanation(bytes: &[u8]) -> Result<(Explanation, String), Refusal> {
    let (doc, sum) = parse(bytes, EXPLANATION_FORMAT)?;
    let ex = Explanation::from_json(&doc).map_err(|e| Refusal::Malformed(e.to_string()))?;
    check_subject(&ex.subject)?;
    if ex.items.len() > limits::ANSWERS {
        return Err(Refusal::Malformed(format!(
            "quá nhiều mục ({}, tối đa {})",
            ex.items.len(),
            limits::ANSWERS
        )));
    }
    for (id, r) in &ex.items {
        if r.evidence.len() > limits::EVIDENCE {
            return Err(Refusal::Malformed(format!(
                "trường \"items.{id}.evidence\": quá nhiều minh chứng ({}, tối đa {})",
                r.evidence.len(),
                limits::EVIDENCE
            )));
        }
        check_texts(
            std::iter::once((format!("items.{id}.text"), r.text.as_str(), limits::LONG)).chain(
                r.evidence.iter().flat_map(|e| {
                    [
                        (
                            format!("items.{id}.evidence.number"),
                            e.number.as_str(),
                            limits::SHORT,
                        ),
                        (
                            format!("items.{id}.evidence.date"),
                            e.date.as_str(),
                            limits::SHORT,
                        ),
                        (
                            format!("items.{id}.evidence.issuer"),
                            e.issuer.as_str(),
                            limits::SHORT,
                        ),
                        (
                            format!("items.{id}.evidence.summary"),
                            e.summary.as_str(),
                            limits::TEXT,
                        ),
                        (
                            format!("items.{id}.evidence.link"),
                            e.link.as_str(),
                            limits::TEXT,
                        ),
                    ]
                }),
            ),
        )?;
    }
    Ok((ex, sum))
}

/// Whether `s` names this unit, period and framework (checked in that
/// order, so the message names the first difference).
pub fn same_subject(fw: &Framework, a: &Assessment, s: &Subject) -> Result<(), Refusal> {
    if s.unit_name.trim() != a.unit_name.trim() {
        return Err(Refusal::OtherUnit {
            file: s.unit_name.clone(),
            here: a.unit_name.clone(),
        });
    }
    if s.year != a.year || s.period != a.period {
        return Err(Refusal::OtherPeriod {
            file: format!("{} năm {}", s.period.label(), s.year),
            here: format!("{} năm {}", a.period.label(), a.year),
        });
    }
    if s.framework_id != fw.id
        || s.framework_version != fw.version
        || s.framework_sha256 != framework_sha256(fw)
    {
        return Err(Refusal::OtherFramework {
            file: format!("\"{}\" phiên bản {}", s.framework_id, s.framework_version),
            here: format!("\"{}\" phiên bản {}", fw.id, fw.version),
        });
    }
    Ok(())
}

fn known_items<'a>(fw: &Framework, ids: impl Iterator<Item = &'a String>) -> Result<(), Refusal> {
    let unknown: Vec<String> = ids
        .filter(|id| fw.sub(id).is_none_or(|s| s.rule.is_survey()))
        .take(SHOWN + 1)
        .cloned()
        .collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(Refusal::UnknownItems(unknown))
    }
}

/// The unit's app receiving an appraisal of its assessment `a`: whether
/// it may be kept (nothing is changed here; the caller keeps it).
pub fn accept_appraisal(
    fw: &Framework,
    a: &Assessment,
    ap: &Appraisal,
    sha256: &str,
) -> Result<(), Refusal> {
    same_subject(fw, a, &ap.subject)?;
    if !ap.scope.is_empty() {
        return Err(Refusal::Partial(ap.appraiser.clone()));
    }
    known_items(fw, ap.items.keys())?;
    let r = &a.rounds;
    if r.received.iter().any(|x| x.sha256 == sha256) {
        return Err(Refusal::Duplicate);
    }
    let subs = &r.submissions;
    let Some(i) = subs
        .iter()
        .position(|s| s.sha256 == ap.subject.revision_sha256)
    else {
        return Err(Refusal::NeverSubmitted);
    };
    if let Some(last) = subs.last().filter(|_| i + 1 < subs.len()) {
        return Err(Refusal::Replaced {
            revision: subs[i].revision,
            latest: last.revision,
            items: revision_diff(fw, &subs[i], last),
        });
    }
    if ap.round == FINAL_ROUND && r.round(1).is_none() {
        return Err(Refusal::RoundTwoFirst);
    }
    if ap.round == 1 && r.round(FINAL_ROUND).is_some() {
        return Err(Refusal::AfterFinal);
    }
    Ok(())
}

/// The desk receiving a unit's explanation of the round-1 appraisal it
/// sent (`sent`: that file's checksum; `seen`: explanations already in).
pub fn accept_explanation(
    fw: &Framework,
    a: &Assessment,
    revision_sha256: &str,
    sent: Option<&str>,
    seen: &[String],
    ex: &Explanation,
    sha256: &str,
) -> Result<(), Refusal> {
    same_subject(fw, a, &ex.subject)?;
    if ex.subject.revision_sha256 != revision_sha256 {
        return Err(Refusal::OtherAppraisal);
    }
    if sent != Some(ex.appraisal_sha256.as_str()) {
        return Err(Refusal::OtherAppraisal);
    }
    if seen.iter().any(|s| s == sha256) {
        return Err(Refusal::Duplicate);
    }
    known_items(fw, ex.items.keys())
}

/// The coordinator receiving a lead agency's (partial) appraisal of a
/// unit's revision `revision_sha256`, in round `round`.
pub fn accept_partial(
    fw: &Framework,
    a: &Assessment,
    revision_sha256: &str,
    round: u8,
    seen: &[String],
    ap: &Appraisal,
    sha256: &str,
) -> Result<(), Refusal> {
    same_subject(fw, a, &ap.subject)?;
    if ap.subject.revision_sha256 != revision_sha256 {
        return Err(Refusal::NeverSubmitted);
    }
    if ap.round != round {
        return Err(if ap.round > round {
            Refusal::RoundTwoFirst
        } else {
            Refusal::AfterFinal
        });
    }
    if seen.iter().any(|s| s == sha256) {
        return Err(Refusal::Duplicate);
    }
    known_items(fw, ap.items.keys())
}

/// Days from `today` to `deadline` (ISO dates; negative when past).
pub fn days_left(today: &str, deadline: &str) -> Option<i64> {
    Some(day_number(deadline)? - day_number(today)?)
}

fn day_number(iso: &str) -> Option<i64> {
    let p: Vec<&str> = iso.get(..10)?.split('-').collect();
    let [y, m, d] = p[..] else { return None };
    let (y, m, d): (i64, i64, i64) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe)
}
