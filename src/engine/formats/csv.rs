//! CSV for Excel: corrective actions, the annual plan, the desk's ranking
//! and its province-wide losses. UTF-8 with BOM, CRLF, RFC 4180 quoting,
//! formula-looking cells neutralised.

use crate::engine::model::{time, Assessment, Dec2, Period, ReformArea, UnitType};
use crate::engine::rules::consolidate::{unit_key, Entry, Group, Loss, Outcome, Ranked};
use std::collections::BTreeMap;

pub fn csv_cell(s: &str) -> String {
    // Cells that Excel would read as a formula are prefixed with a quote.
    let s = if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Rows as CSV for Excel: UTF-8 with BOM, CRLF, RFC 4180 quoting, and
/// formula-looking cells neutralised.
pub fn csv_rows(rows: Vec<Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Corrective actions as CSV (UTF-8 with BOM, CRLF), for Excel.
pub fn actions_csv(a: &Assessment) -> String {
    let mut rows = vec![[
        "STT",
        "Tiêu chí thành phần",
        "Biện pháp",
        "Đơn vị chủ trì",
        "Người phụ trách",
        "Thời hạn",
        "Điểm dự kiến thu hồi",
        "Trạng thái",
        "Tiến độ (%)",
        "Kết quả",
        "Tài liệu kiểm chứng",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect::<Vec<_>>()];
    for (i, x) in a.actions.iter().enumerate() {
        rows.push(vec![
            (i + 1).to_string(),
            x.subs.join("; "),
            x.what.clone(),
            x.unit.clone(),
            x.person.clone(),
            time::date_vi(&x.deadline),
            x.expected_points.to_vi(),
            x.status.label().into(),
            x.progress.to_string(),
            x.result.clone(),
            x.evidence.clone(),
        ]);
    }
    csv_rows(rows)
}

/// The annual plan as CSV (UTF-8 with BOM, CRLF), grouped by reform area.
pub fn plan_csv(a: &Assessment) -> String {
    let mut rows = vec![[
        "STT",
        "Nội dung cải cách",
        "Nhiệm vụ",
        "Kết quả đầu ra",
        "Đơn vị chủ trì",
        "Thời hạn",
        "Trạng thái",
        "Quý I (%)",
        "6 tháng (%)",
        "Quý III (%)",
        "Năm (%)",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect::<Vec<_>>()];
    let mut n = 0;
    for area in ReformArea::ALL {
        for t in a.plan.iter().filter(|t| t.area == area) {
            n += 1;
            let p = |period| {
                t.progress
                    .get(&period)
                    .map_or(String::new(), |v| v.to_string())
            };
            rows.push(vec![
                n.to_string(),
                area.label().into(),
                t.task.clone(),
                t.output.clone(),
                t.lead.clone(),
                time::date_vi(&t.deadline),
                t.status.label().into(),
                p(Period::Q1),
                p(Period::H1),
                p(Period::Q3),
                p(Period::Year),
            ]);
        }
    }
    csv_rows(rows)
}

/// The desk's ranking as shown: groups in order, each with its rows
/// (filtered and sorted as on screen), for `period`; with the change from
/// the previous batch when one is loaded.
pub fn ranking_csv(
    entries: &[Entry],
    shown: &[(Group, Vec<Ranked>)],
    period: Option<(u16, Period)>,
    previous: &BTreeMap<(UnitType, String), (Dec2, usize)>,
) -> String {
    let mut rows: Vec<Vec<String>> = vec![];
    let period = period.map_or(String::new(), |(y, p)| format!("{} {y}", p.label()));
    for (g, list) in shown {
        let Some(first) = list.first() else { continue };
        let Outcome::Checked(c0) = &entries[first.entry].outcome else {
            continue;
        };
        let mut head: Vec<String> = [
            "Khối",
            "Hạng",
            "Đơn vị",
            "Kỳ",
            "Chỉ số (%)",
            "Xếp loại",
            "Điểm tự chấm",
            "Điều tra XHH (ước tính)",
            "Hoàn thành (%)",
            "Có kiểm chứng (%)",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        if !previous.is_empty() {
            head.extend([
                "Chỉ số kỳ trước (%)".to_string(),
                "Hạng kỳ trước".to_string(),
            ]);
        }
        head.extend(
            c0.framework
                .fields
                .iter()
                .map(|f| format!("LV {} (%)", f.id)),
        );
        rows.push(head);
        for r in list {
            let Outcome::Checked(c) = &entries[r.entry].outcome else {
                continue;
            };
            let s = &c.summary;
            let mut row = vec![
                g.unit_type.label().to_string(),
                r.rank.to_string(),
                c.assessment.unit_name.clone(),
                period.clone(),
                s.index.to_vi_fixed(),
                s.band.clone().unwrap_or_default(),
                s.self_points.to_vi(),
                s.survey_estimate.to_vi(),
                s.completion.to_vi(),
                c.evidence_coverage.to_vi(),
            ];
            if !previous.is_empty() {
                match previous.get(&(g.unit_type, unit_key(&c.assessment.unit_name))) {
                    Some((i, rank)) => row.extend([i.to_vi_fixed(), rank.to_string()]),
                    None => row.extend([String::new(), String::new()]),
                }
            }
            row.extend(c0.framework.fields.iter().map(|f| {
                s.field(&f.id)
                    .filter(|n| !n.excluded)
                    .map(|n| n.percent().to_vi_fixed())
                    .unwrap_or_default()
            }));
            rows.push(row);
        }
    }
    csv_rows(rows)
}

pub fn losses_csv(list: &[Loss]) -> String {
    let mut rows = vec![[
        "Bộ tiêu chí",
        "Tiêu chí thành phần",
        "Nội dung",
        "Điểm tối đa",
        "Số đơn vị bị mất điểm",
        "Số đơn vị đã chấm",
        "Tổng điểm bị mất",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect::<Vec<_>>()];
    for l in list {
        rows.push(vec![
            l.framework_id.clone(),
            l.sub.clone(),
            l.title.clone(),
            l.max.to_vi(),
            l.units.to_string(),
            l.answered_by.to_string(),
            l.points.to_vi(),
        ]);
    }
    csv_rows(rows)
}
