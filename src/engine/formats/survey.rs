//! The survey contractor's table, pasted from a spreadsheet: one row per
//! unit (its name), one column per survey sub-criterion. Read whole or not
//! at all: every unmatched or ambiguous name, unknown column, bad value,
//! value above the item's maximum and duplicate row is listed, and nothing
//! is applied until there is none.

use super::paste::lines::points_cell;
use super::paste::{lower_vi, table};
use crate::engine::model::{Dec2, Framework};
use crate::engine::rules::consolidate::unit_key;
use std::collections::BTreeMap;

/// Pasted text beyond this is not a survey table.
pub const MAX_SURVEY_BYTES: usize = 1_000_000;
const MAX_ROWS: usize = 5_000;

/// A table read without problems.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SurveyTable {
    /// Unit key → survey item id → points. Empty cells are left out.
    pub values: BTreeMap<String, BTreeMap<String, Dec2>>,
    /// The survey items the columns hold, in order.
    pub columns: Vec<String>,
    /// Names matched by part of the name, not exactly: (as written, unit).
    pub approximate: Vec<(String, String)>,
}

/// Reads `text` against the survey items of `fw`, matching names to
/// `units` (the batch's unit names). `Err`: every problem, in Vietnamese.
pub fn read_survey(
    text: &str,
    fw: &Framework,
    units: &[String],
) -> Result<SurveyTable, Vec<String>> {
    if text.len() > MAX_SURVEY_BYTES {
        return Err(vec![format!(
            "Bảng dán quá lớn ({} KB, tối đa {} KB).",
            text.len() / 1000,
            MAX_SURVEY_BYTES / 1000
        )]);
    }
    let items: Vec<_> = fw.subs().filter(|s| s.rule.is_survey()).collect();
    if items.is_empty() {
        return Err(vec![
            "Bộ tiêu chí của nhóm này không có mục điều tra xã hội học.".to_string(),
        ]);
    }
    let t = table::from_tsv(text);
    if t.rows.is_empty() {
        return Err(vec!["Bảng dán trống: sao chép bảng kết quả điều tra (cột tên đơn vị và một cột cho mỗi mục điều tra) rồi dán vào ô.".to_string()]);
    }
    if t.rows.len() > MAX_ROWS {
        return Err(vec![format!(
            "Bảng có {} dòng, tối đa {MAX_ROWS}.",
            t.rows.len()
        )]);
    }
    let mut problems = Vec::new();
    let cell = |r: usize, c: usize| t.cell(r, c).map(|x| x.text()).unwrap_or_default();
    // a header row: some cell after the first is neither empty nor a number
    let header = (1..t.width()).any(|c| {
        let v = cell(0, c);
        !v.is_empty() && points_cell(&v).is_none()
    });
    let first = lower_vi(&cell(0, 0));
    // an "STT" column before the names
    let name_col =
        usize::from(header && matches!(first.trim(), "stt" | "tt" | "số tt" | "số thứ tự"));
    // column → survey item (None: a total or an empty column, not read)
    let mut cols: Vec<(usize, &str)> = Vec::new();
    if header {
        for c in name_col + 1..t.width() {
            let h = cell(0, c);
            let l = lower_vi(&h);
            if h.is_empty() || l.starts_with("tổng") || l.starts_with("cộng") || l == "ghi chú"
            {
                continue;
            }
            let hits: Vec<&str> = items
                .iter()
                .filter(|s| header_names(&l, &s.id, &lower_vi(&s.title)))
                .map(|s| s.id.as_str())
                .collect();
            match hits.as_slice() {
                [one] if cols.iter().any(|(_, id)| id == one) => {
                    problems.push(format!("Cột \"{h}\": mục {one} đã có ở một cột khác."))
                }
                [one] => cols.push((c, one)),
                [] => problems.push(format!(
                    "Cột \"{h}\" không khớp mục điều tra nào ({}). Ghi mã mục (ví dụ \"{}\") ở dòng tiêu đề.",
                    items.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", "),
                    items[0].id
                )),
                many => problems.push(format!("Cột \"{h}\" khớp nhiều mục: {}.", many.join(", "))),
            }
        }
    } else {
        let n = t.width().saturating_sub(1);
        if n != items.len() {
            return Err(vec![format!(
                "Bảng không có dòng tiêu đề và có {n} cột số liệu, nhưng bộ tiêu chí có {} mục điều tra ({}): thêm dòng tiêu đề ghi mã mục ở mỗi cột.",
                items.len(),
                items.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", ")
            )]);
        }
        cols = items
            .iter()
            .enumerate()
            .map(|(i, s)| (i + 1, s.id.as_str()))
            .collect();
    }
    if header && cols.is_empty() && problems.is_empty() {
        return Err(vec![format!(
            "Bảng không có cột nào là mục điều tra ({}): ghi mã mục ở dòng tiêu đề của mỗi cột điểm.",
            items.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", ")
        )]);
    }
    let keys: Vec<(String, &String)> = units.iter().map(|u| (unit_key(u), u)).collect();
    let mut out = SurveyTable {
        columns: cols.iter().map(|(_, id)| id.to_string()).collect(),
        ..SurveyTable::default()
    };
    let mut row_of: BTreeMap<String, usize> = BTreeMap::new();
    for r in usize::from(header)..t.rows.len() {
        let line = r + 1;
        let name = cell(r, name_col);
        let values: Vec<(usize, &str)> = cols
            .iter()
            .filter(|(c, _)| !cell(r, *c).is_empty())
            .copied()
            .collect();
        if name.is_empty() {
            if !values.is_empty() {
                problems.push(format!(
                    "Dòng {line}: có số liệu nhưng không có tên đơn vị."
                ));
            }
            continue;
        }
        let key = unit_key(&name);
        let exact: Vec<&String> = keys
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|x| x.1)
            .collect();
        let found = if !exact.is_empty() {
            exact
        } else {
            keys.iter()
                .filter(|(k, _)| {
                    key.chars().count() >= 4 && (k.contains(&key) || key.contains(k.as_str()))
                })
                .map(|x| x.1)
                .collect()
        };
        let unit = match found.as_slice() {
            [] => {
                problems.push(format!(
                    "Dòng {line}: không có đơn vị \"{name}\" trong các tệp đã nạp."
                ));
                continue;
            }
            [u] => *u,
            many => {
                problems.push(format!(
                    "Dòng {line}: \"{name}\" khớp nhiều đơn vị ({}): ghi đủ tên.",
                    many.iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                ));
                continue;
            }
        };
        let ukey = unit_key(unit);
        if key != ukey {
            out.approximate.push((name.clone(), unit.clone()));
        }
        if let Some(prev) = row_of.insert(ukey.clone(), line) {
            problems.push(format!(
                "Dòng {line}: đơn vị \"{unit}\" đã có ở dòng {prev}."
            ));
            continue;
        }
        let mut got = BTreeMap::new();
        for (c, id) in values {
            let v = cell(r, c);
            let max = items
                .iter()
                .find(|s| s.id == id)
                .map_or(Dec2::ZERO, |s| s.max);
            match points_cell(&v) {
                None => problems.push(format!(
                    "Dòng {line}, mục {id}: \"{v}\" không phải số điểm."
                )),
                Some(p) if p > max => problems.push(format!(
                    "Dòng {line}, mục {id}: {} điểm vượt điểm tối đa {} của mục.",
                    p.to_vi(),
                    max.to_vi()
                )),
                Some(p) => {
                    got.insert(id.to_string(), p);
                }
            }
        }
        out.values.insert(ukey, got);
    }
    if problems.is_empty() && out.values.is_empty() {
        problems.push("Bảng không có dòng số liệu nào.".to_string());
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Whether a header cell (lower case) names item `id` / `title`: by its
/// id as a whole token ("8.1.1", "TC 8.1.1 — SIPAS") or by its title.
fn header_names(h: &str, id: &str, title: &str) -> bool {
    let by_id = h.match_indices(id).any(|(i, _)| {
        let before = h[..i].chars().next_back();
        let after = h[i + id.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !(c.is_ascii_digit() || c == '.'));
        edge(before)
            && (edge(after)
                || after == Some('.')
                    && h[i + id.len() + 1..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_ascii_digit()))
    });
    by_id || (!title.is_empty() && (h == title || (h.chars().count() >= 8 && title.contains(h))))
}
