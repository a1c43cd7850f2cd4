//! The printable report in the official shape: national heading, number
//! and date lines, title, sections I–IV, signature and "Nơi nhận". The
//! settings above it are not printed.

mod document;
mod settings;

use crate::engine::model::time;
use crate::engine::{Answer, Evidence, SubCriterion, SubScore, SubState, Value};
use yew::prelude::*;

/// "Gia Lai, ngày 05 tháng 01 năm 2025", "ngày 18 tháng 9": as Nghị định
/// 30/2020/NĐ-CP writes dates, a leading zero only on days below 10 and
/// on months 1 and 2.
pub fn date_line(place: &str, iso: &str) -> String {
    let place = if place.trim().is_empty() {
        "……"
    } else {
        place.trim()
    };
    let p = |r: std::ops::Range<usize>| iso.get(r).and_then(|s| s.parse::<u32>().ok());
    match (p(0..4), p(5..7), p(8..10)) {
        (Some(y), Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d) => {
            let month = if m <= 2 {
                format!("{m:02}")
            } else {
                m.to_string()
            };
            format!("{place}, ngày {d:02} tháng {month} năm {y}")
        }
        _ => format!("{place}, ngày …… tháng …… năm ……"),
    }
}

/// The recipients as printed: one "- …" per line (a dash typed by the
/// user is not doubled), and "- Lưu: VT." unless the user wrote a "Lưu" line.
pub fn recipients(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .lines()
        .map(|l| l.trim().trim_start_matches(['-', '–', '+', '•']).trim())
        .filter(|l| !l.is_empty())
        .map(|l| format!("- {l}"))
        .collect();
    let archived = out
        .iter()
        .any(|l| ["- Lưu", "- lưu", "- LƯU"].iter().any(|p| l.starts_with(p)));
    if !archived {
        out.push("- Lưu: VT.".into());
    }
    out
}

pub(crate) fn evidence_line(e: &Evidence) -> String {
    let mut parts = Vec::new();
    if !e.number.trim().is_empty() {
        parts.push(format!("Số {}", e.number.trim()));
    }
    if !e.date.trim().is_empty() {
        parts.push(format!("ngày {}", time::date_vi(e.date.trim())));
    }
    if !e.issuer.trim().is_empty() {
        parts.push(format!("của {}", e.issuer.trim()));
    }
    let head = parts.join(" ");
    match (head.is_empty(), e.summary.trim().is_empty()) {
        (false, false) => format!("{head}: {}", e.summary.trim()),
        (false, true) => head,
        (true, _) => e.summary.trim().to_string(),
    }
}

/// The figures an item was scored on, as an appraiser checks them:
/// "18/20 (90,00%)", "3", the option chosen, "Không phát sinh".
pub fn raw_figures(sub: &SubCriterion, sc: &SubScore, a: Option<&Answer>) -> String {
    if sc.state == SubState::NotApplicable {
        return String::new();
    }
    let Some(a) = a else { return String::new() };
    if a.no_case {
        return "Không phát sinh".into();
    }
    let ratio = |n: String, d: String, parts: Option<(u64, u64)>| match parts {
        Some((x, y)) if y > 0 => format!(
            "{n}/{d} ({}%)",
            crate::engine::Dec2::from_int(x as i64)
                .percent_of(crate::engine::Dec2::from_int(y as i64))
                .to_vi_fixed()
        ),
        _ => format!("{n}/{d}"),
    };
    match &a.value {
        None => String::new(),
        Some(
            v @ Value::Ratio {
                numerator,
                denominator,
            },
        ) => ratio(
            numerator.to_string(),
            denominator.to_string(),
            v.ratio_parts(),
        ),
        Some(
            v @ Value::Amounts {
                numerator,
                denominator,
            },
        ) => ratio(numerator.to_vi(), denominator.to_vi(), v.ratio_parts()),
        Some(Value::Count { count }) => count.to_string(),
        Some(Value::YesNo { yes }) => if *yes { "Đạt" } else { "Không đạt" }.into(),
        Some(Value::Choice { option }) => match &sub.rule {
            crate::engine::Rule::Options { options } => options
                .iter()
                .find(|o| &o.id == option)
                .map_or(option.clone(), |o| o.label.clone()),
            _ => option.clone(),
        },
        Some(Value::Estimate { points }) => format!("ước tính {}", points.to_vi()),
    }
}

#[component]
pub fn ReportPage() -> Html {
    let (ctx, cur) = crate::app::use_current();
    let Some(cur) = cur else {
        return html! {};
    };
    html! {
        <div class="report-page">
            {settings::report_settings(&ctx, &cur)}
            {document::report_document(&cur)}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_decree_30_writes_them() {
        assert_eq!(
            date_line("Gia Lai", "2025-01-05"),
            "Gia Lai, ngày 05 tháng 01 năm 2025"
        );
        assert_eq!(
            date_line("Gia Lai", "2025-09-18"),
            "Gia Lai, ngày 18 tháng 9 năm 2025"
        );
        assert_eq!(
            date_line("Gia Lai", "2025-02-28"),
            "Gia Lai, ngày 28 tháng 02 năm 2025"
        );
        assert_eq!(
            date_line("Gia Lai", "2025-12-01"),
            "Gia Lai, ngày 01 tháng 12 năm 2025"
        );
        assert_eq!(date_line("", ""), "……, ngày …… tháng …… năm ……");
        assert_eq!(date_line("X", "2025-13-40"), "X, ngày …… tháng …… năm ……");
    }

    #[test]
    fn recipients_keep_the_users_own_archive_line() {
        assert_eq!(
            recipients("Sở Nội vụ;\n- UBND tỉnh (b/c);\n- Lưu: VT, VP."),
            vec!["- Sở Nội vụ;", "- UBND tỉnh (b/c);", "- Lưu: VT, VP."]
        );
        assert_eq!(
            recipients("Sở Nội vụ;\n\n"),
            vec!["- Sở Nội vụ;", "- Lưu: VT."]
        );
        assert_eq!(recipients(""), vec!["- Lưu: VT."]);
    }
}
