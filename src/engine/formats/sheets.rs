//! The tables a user takes to Excel: corrective actions, the annual plan,
//! the desk's ranking and its province-wide losses — as worksheets of an
//! .xlsx workbook (numbers as numbers, whatever Excel's regional settings).

use super::xlsx::{Cell, Sheet};
use crate::engine::model::{time, Assessment, Dec2, Period, ReformArea, UnitType};
use crate::engine::rules::consolidate::{unit_key, Entry, Group, Loss, Outcome, Ranked};
use std::collections::BTreeMap;

fn head(cells: &[&str]) -> Vec<Cell> {
    cells.iter().map(|s| Cell::from(*s)).collect()
}

fn int(n: usize) -> Cell {
    Cell::Int(n as i64)
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::from(s)
    }
}

/// Corrective actions.
pub fn actions_sheet(a: &Assessment) -> Sheet {
    let mut rows = vec![head(&[
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
    ])];
    for (i, x) in a.actions.iter().enumerate() {
        rows.push(vec![
            int(i + 1),
            text(&x.subs.join("; ")),
            text(&x.what),
            text(&x.unit),
            text(&x.person),
            text(&time::date_vi(&x.deadline)),
            Cell::Num(x.expected_points),
            text(x.status.label()),
            int(x.progress as usize),
            text(&x.result),
            text(&x.evidence),
        ]);
    }
    Sheet {
        name: "Biện pháp khắc phục".into(),
        rows,
        header_rows: vec![0],
        widths: vec![5, 14, 40, 20, 18, 11, 10, 15, 9, 30, 30],
    }
}

/// The annual plan, grouped by reform area.
pub fn plan_sheet(a: &Assessment) -> Sheet {
    let mut rows = vec![head(&[
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
    ])];
    let mut n = 0;
    for area in ReformArea::ALL {
        for t in a.plan.iter().filter(|t| t.area == area) {
            n += 1;
            let p = |period| {
                t.progress
                    .get(&period)
                    .map_or(Cell::Empty, |v| int(*v as usize))
            };
            rows.push(vec![
                int(n),
                text(area.label()),
                text(&t.task),
                text(&t.output),
                text(&t.lead),
                text(&time::date_vi(&t.deadline)),
                text(crate::engine::rules::plan::task_status(t, a.period).label()),
                p(Period::Q1),
                p(Period::H1),
                p(Period::Q3),
                p(Period::Year),
            ]);
        }
    }
    Sheet {
        name: "Kế hoạch CCHC năm".into(),
        rows,
        header_rows: vec![0],
        widths: vec![5, 30, 40, 30, 20, 11, 15, 9, 9, 9, 9],
    }
}

/// The desk's ranking as shown: groups in order, each with its rows
/// (filtered and sorted as on screen), for `period`; with the index and
/// rank of the previous batch when one is loaded.
pub fn ranking_sheet(
    entries: &[Entry],
    shown: &[(Group, Vec<Ranked>)],
    period: Option<(u16, Period)>,
    previous: &BTreeMap<(UnitType, String), (Dec2, usize)>,
) -> Sheet {
    let quarter = period.is_some_and(|(_, p)| p != Period::Year);
    let period = period.map_or(String::new(), |(y, p)| format!("{} {y}", p.label()));
    let mut rows: Vec<Vec<Cell>> = vec![vec![Cell::Text(format!(
        "Xếp hạng kết quả tự đánh giá Chỉ số CCHC {period}"
    ))]];
    let mut header_rows = vec![0];
    for (g, list) in shown {
        let Some(first) = list.first() else { continue };
        let Outcome::Checked(c0) = &entries[first.entry].outcome else {
            continue;
        };
        let mut h = head(&[
            "Khối",
            "Hạng",
            "Đơn vị",
            "Kỳ",
            if quarter {
                "Chỉ số đến kỳ báo cáo (%)"
            } else {
                "Chỉ số (%)"
            },
            "Xếp loại",
            "Điểm tự chấm",
            "Điều tra XHH (ước tính)",
            "Hoàn thành (%)",
            "Có kiểm chứng (%)",
        ]);
        if quarter {
            h.extend(head(&["Dự kiến cả năm (%)"]));
        }
        if !previous.is_empty() {
            h.extend(head(&["Chỉ số kỳ trước (%)", "Hạng kỳ trước"]));
        }
        h.extend(
            c0.framework
                .fields
                .iter()
                .map(|f| Cell::Text(format!("LV {} (%)", f.id))),
        );
        header_rows.push(rows.len());
        rows.push(h);
        for r in list {
            let Outcome::Checked(c) = &entries[r.entry].outcome else {
                continue;
            };
            let s = &c.summary;
            let mut row = vec![
                text(g.unit_type.label()),
                int(r.rank),
                text(&c.assessment.unit_name),
                text(&period),
                Cell::Num(s.index),
                match s.band_shown() {
                    Ok(Some(b)) => text(b),
                    Ok(None) => Cell::Empty,
                    Err(_) => text("chưa đủ dữ liệu"),
                },
                Cell::Num(s.self_points),
                Cell::Num(s.survey_estimate),
                Cell::Num(s.completion),
                Cell::Num(c.evidence_coverage),
            ];
            if quarter {
                row.push(Cell::Num(c.projected));
            }
            if !previous.is_empty() {
                match previous.get(&(g.unit_type, unit_key(&c.assessment.unit_name))) {
                    Some((i, rank)) => row.extend([Cell::Num(*i), int(*rank)]),
                    None => row.extend([Cell::Empty, Cell::Empty]),
                }
            }
            row.extend(c0.framework.fields.iter().map(|f| {
                s.field(&f.id)
                    .filter(|n| !n.excluded)
                    .map_or(text("KAD"), |n| {
                        if n.applicable_max == Dec2::ZERO {
                            text("CĐG")
                        } else {
                            Cell::Num(n.percent())
                        }
                    })
            }));
            rows.push(row);
        }
    }
    let mut widths = vec![16, 6, 32, 12, 10, 14, 11, 11, 11, 11];
    if quarter {
        widths.push(11);
    }
    if !previous.is_empty() {
        widths.extend([11, 8]);
    }
    Sheet {
        name: "Xếp hạng".into(),
        rows,
        header_rows,
        widths,
    }
}

/// The sub-criteria the province loses most on.
pub fn losses_sheet(list: &[Loss]) -> Sheet {
    let mut rows = vec![head(&[
        "Bộ tiêu chí",
        "Tiêu chí thành phần",
        "Nội dung",
        "Điểm tối đa",
        "Số đơn vị bị mất điểm",
        "Số đơn vị đã chấm",
        "Tổng điểm bị mất",
    ])];
    for l in list {
        rows.push(vec![
            text(&l.framework_id),
            text(&l.sub),
            text(&l.title),
            Cell::Num(l.max),
            int(l.units),
            int(l.answered_by),
            Cell::Num(l.points),
        ]);
    }
    Sheet {
        name: "Phân tích tiêu chí".into(),
        rows,
        header_rows: vec![0],
        widths: vec![18, 10, 50, 10, 12, 12, 12],
    }
}
