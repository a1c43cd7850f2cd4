//! The official results as they leave the desk: the results file
//! (`cchc-official-results`, a unit's own or the whole batch's, read back
//! by the unit's app and by next year's desk), the announced appendix and
//! a unit's scoring table as CSV for Excel (UTF-8 with BOM, comma
//! separated, numbers with a dot). Documented in `docs/file-format.md`.

use super::appraisal::{parse, signed, Refusal};
use super::json::FromJson;
use crate::engine::model::official::{ResultItem, Results, UnitResult};
use crate::engine::model::{Assessment, Dec2, Framework, Period, UnitType};
use crate::engine::rules::limits;
use crate::engine::rules::official::{TableRow, UnitOfficial};

pub const RESULTS_FORMAT: &str = "cchc-official-results";
/// Checked by the shared reader with the appraisal files' version.
pub const RESULTS_FORMAT_VERSION: u32 = super::appraisal::APPRAISAL_FORMAT_VERSION;
/// Units in one results file (a province has a few hundred).
pub const MAX_UNITS: usize = 5_000;

/// The result of one unit, with its scoring table's sub-criteria.
pub fn unit_result(
    fw: &Framework,
    a: &Assessment,
    revision_sha256: &str,
    u: &UnitOfficial,
    of: usize,
    rows: &[TableRow],
) -> UnitResult {
    let r = &u.result;
    UnitResult {
        unit_name: a.unit_name.clone(),
        unit_type: fw.unit_type,
        year: a.year,
        period: a.period,
        framework_id: fw.id.clone(),
        framework_version: fw.version.clone(),
        revision_sha256: revision_sha256.to_string(),
        self_index: r.self_index,
        appraised: r.appraised,
        survey: r.survey,
        bonus: r.bonus,
        deductions: r.deductions,
        total: r.total,
        applicable_max: r.applicable_max,
        index: r.index,
        rank: u.rank as u32,
        of: of as u32,
        band: r.band.clone().unwrap_or_default(),
        items: rows
            .iter()
            .filter(|x| x.level == 2)
            .map(|x| ResultItem {
                id: x.id.clone(),
                // what counts: an item not applicable costs nothing
                max: x.applicable_max,
                self_points: x.self_points,
                official: x.official,
                note: x.appraisal_note.clone(),
            })
            .collect(),
    }
}

/// The results file's text (deterministic apart from `exported_at`).
pub fn export_results(r: &Results, exported_at: &str) -> String {
    signed(RESULTS_FORMAT, RESULTS_FORMAT_VERSION, r, exported_at, None).0
}

/// Reads a results file; a damaged or edited one is refused.
pub fn read_results(bytes: &[u8]) -> Result<Results, Refusal> {
    let (doc, _) = parse(bytes, RESULTS_FORMAT)?;
    let r = Results::from_json(&doc).map_err(|e| Refusal::Malformed(e.to_string()))?;
    let bad = |m: String| Err(Refusal::Malformed(m));
    if r.units.is_empty() {
        return bad("không có đơn vị nào".into());
    }
    if r.units.len() > MAX_UNITS {
        return bad(format!(
            "quá nhiều đơn vị ({}, tối đa {MAX_UNITS})",
            r.units.len()
        ));
    }
    if r.decision.number.chars().count() > limits::SHORT || r.decision.date.len() > 10 {
        return bad("trường \"decision\": dài quá giới hạn".into());
    }
    let date = &r.decision.date;
    let is_date = date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !date.is_empty() && !is_date {
        return bad(format!(
            "ngày quyết định \"{date}\" không đúng dạng năm-tháng-ngày"
        ));
    }
    let mut seen = std::collections::BTreeSet::new();
    let points = |d: Dec2| (Dec2::ZERO..=Dec2::from_int(1000)).contains(&d);
    for u in &r.units {
        let key = (
            u.unit_type,
            crate::engine::rules::consolidate::unit_key(&u.unit_name),
        );
        if !seen.insert(key) {
            return bad(format!("đơn vị \"{}\" có hai kết quả", u.unit_name));
        }
        let sane = [
            u.self_index,
            u.appraised,
            u.survey,
            u.bonus,
            u.deductions,
            u.total,
            u.applicable_max,
        ]
        .into_iter()
        .all(points)
            && u.index <= Dec2::HUNDRED
            && u.total <= u.applicable_max
            && (2000..=2100).contains(&u.year)
            && u.items.iter().all(|i| {
                points(i.max)
                    && i.self_points.is_none_or(points)
                    && i.official.is_none_or(|o| points(o) && o <= i.max)
            });
        if !sane {
            return bad(format!("kết quả của \"{}\" không hợp lệ", u.unit_name));
        }
        if u.unit_name.trim().is_empty() || u.unit_name.chars().count() > limits::SHORT {
            return bad("tên đơn vị trống hoặc dài quá giới hạn".into());
        }
        if u.items.len() > limits::ANSWERS {
            return bad(format!(
                "quá nhiều mục ({}, tối đa {})",
                u.items.len(),
                limits::ANSWERS
            ));
        }
        let long = [&u.framework_id, &u.framework_version, &u.band]
            .into_iter()
            .any(|s| s.chars().count() > limits::SHORT)
            || u.items.iter().any(|i| {
                i.id.chars().count() > limits::SHORT || i.note.chars().count() > limits::LONG
            });
        if long || u.rank == 0 || u.rank > u.of || u.index > Dec2::HUNDRED {
            return bad(format!("kết quả của \"{}\" không hợp lệ", u.unit_name));
        }
    }
    Ok(r)
}

/// `CCHC_ket-qua-chinh-thuc_2026_Nam.json`, or with the unit's name.
pub fn results_file_name(unit: Option<&str>, year: u16, period: Period) -> String {
    let tag = super::file::period_tag(period);
    match unit {
        Some(n) => format!(
            "CCHC_{}_{year}_{tag}_ket-qua-chinh-thuc.json",
            super::file::slug(n)
        ),
        None => format!("CCHC_ket-qua-chinh-thuc_{year}_{tag}.json"),
    }
}

/// One CSV cell: quoted when it holds a comma, a quote or a line break.
fn cell(s: &str) -> String {
    // text a spreadsheet would run as a formula (a unit's name or note
    // comes from its file) is kept as text; numbers like -1.00 are not text
    // (a number is checked by hand: str::parse::<f64> brings 14 KiB of
    // float-parsing tables into the bundle)
    let number = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    let formula = s.starts_with(['=', '+', '@', '\t', '\r'])
        || s.strip_prefix('-').is_some_and(|t| !number(t));
    let s = if formula {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn csv(rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    for r in rows {
        let line: Vec<String> = r.iter().map(|c| cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// The heading line of the announced appendix.
pub fn appendix_heading(number: &str, date: &str) -> String {
    let n = if number.trim().is_empty() {
        "…"
    } else {
        number.trim()
    };
    let d = if date.trim().is_empty() {
        "…".to_string()
    } else {
        crate::engine::model::time::date_vi(date)
    };
    format!("(Kèm theo Quyết định số {n}, ngày {d})")
}

pub const APPENDIX_COLUMNS: [&str; 10] = [
    "STT",
    "Đơn vị",
    "Điểm tự đánh giá",
    "Điểm thẩm định",
    "Điểm điều tra XHH",
    "Điểm thưởng/trừ",
    "Tổng điểm",
    "Chỉ số",
    "Xếp hạng",
    "Xếp loại",
];

/// One group of the appendix: its units' names and results, best first.
pub struct AppendixGroup<'a> {
    pub unit_type: UnitType,
    pub units: Vec<(&'a str, &'a UnitOfficial)>,
}

/// The cells of one appendix row (numbers written with a dot).
pub fn appendix_row(stt: usize, name: &str, u: &UnitOfficial) -> Vec<String> {
    let r = &u.result;
    vec![
        stt.to_string(),
        name.to_string(),
        r.self_points.to_fixed2(),
        r.appraised.to_fixed2(),
        r.survey.to_fixed2(),
        r.adjustment().to_fixed2(),
        r.total.to_fixed2(),
        r.index.to_fixed2(),
        u.rank.to_string(),
        r.band.clone().unwrap_or_default(),
    ]
}

/// The announced appendix as CSV: its title and heading, then one table
/// per group (a title line, the column names, the units).
pub fn appendix_csv(title: &str, heading: &str, groups: &[AppendixGroup<'_>]) -> Vec<u8> {
    let mut rows = vec![vec![title.to_string()], vec![heading.to_string()]];
    for g in groups {
        rows.push(Vec::new());
        rows.push(vec![format!("Khối {}", g.unit_type.label())]);
        rows.push(APPENDIX_COLUMNS.iter().map(|s| s.to_string()).collect());
        for (i, (name, u)) in g.units.iter().enumerate() {
            rows.push(appendix_row(i + 1, name, u));
        }
    }
    csv(&rows)
}

pub const TABLE_COLUMNS: [&str; 7] = [
    "STT",
    "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
    "Điểm tối đa",
    "Điểm tự đánh giá",
    "Điểm thẩm định",
    "Ghi chú của đơn vị",
    "Ghi chú thẩm định",
];

/// The cells of one scoring-table row.
pub fn table_row(r: &TableRow) -> Vec<String> {
    let opt = |d: Option<Dec2>| d.map(Dec2::to_fixed2).unwrap_or_default();
    vec![
        r.id.clone(),
        r.title.clone(),
        r.max.to_fixed2(),
        opt(r.self_points),
        opt(r.official),
        r.unit_note.clone(),
        r.appraisal_note.clone(),
    ]
}

/// A unit's scoring table as CSV: its title lines, then the table.
pub fn table_csv(title: &[String], rows: &[TableRow]) -> Vec<u8> {
    let mut out: Vec<Vec<String>> = title.iter().map(|t| vec![t.clone()]).collect();
    out.push(TABLE_COLUMNS.iter().map(|s| s.to_string()).collect());
    out.extend(rows.iter().map(table_row));
    csv(&out)
}

/// This unit's result in a results file, with the file's decision, or
/// why the file is not for it (nothing changes then).
pub fn result_for(r: &Results, a: &Assessment, fw: &Framework) -> Result<Results, String> {
    let key = crate::engine::rules::consolidate::unit_key(&a.unit_name);
    let mine: Vec<&UnitResult> = r
        .units
        .iter()
        .filter(|u| crate::engine::rules::consolidate::unit_key(&u.unit_name) == key)
        .collect();
    let Some(u) = mine.first() else {
        return Err(format!(
            "tệp kết quả không có đơn vị \"{}\" ({} đơn vị khác trong tệp).",
            a.unit_name,
            r.units.len()
        ));
    };
    if u.year != a.year || u.period != a.period {
        return Err(format!(
            "kết quả trong tệp là của kỳ {} {}, không phải kỳ {} {} đang mở.",
            u.period.label(),
            u.year,
            a.period.label(),
            a.year
        ));
    }
    if u.framework_id != fw.id || u.framework_version != fw.version {
        return Err(format!(
            "kết quả chấm theo bộ tiêu chí {} (phiên bản {}), khác bộ tiêu chí của bản tự đánh giá.",
            u.framework_id, u.framework_version
        ));
    }
    Ok(Results {
        decision: r.decision.clone(),
        units: vec![(*u).clone()],
    })
}

/// The items that cost the unit most in its official result (maximum
/// minus official points): first those the appraisal lowered, most
/// points taken first, then the rest, most points lost first (framework
/// order on ties).
pub fn costliest(u: &UnitResult, n: usize) -> Vec<(&ResultItem, Dec2)> {
    let off = |i: &ResultItem| i.official.unwrap_or(Dec2::ZERO);
    let taken = |i: &ResultItem| i.self_points.map_or(Dec2::ZERO, |s| s - off(i));
    let mut v: Vec<(&ResultItem, Dec2)> = u
        .items
        .iter()
        .filter_map(|i| {
            let lost = i.max - off(i);
            (lost > Dec2::ZERO).then_some((i, lost))
        })
        .collect();
    crate::engine::sort_by_key(&mut v, |x| {
        (
            std::cmp::Reverse(taken(x.0).max(Dec2::ZERO)),
            std::cmp::Reverse(x.1),
        )
    });
    v.truncate(n);
    v
}
