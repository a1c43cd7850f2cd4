//! "Nhân bản sang kỳ sau": a unit's assessment copied into the next
//! reporting period. What the unit keeps working on (answers, evidence,
//! corrective actions, the year's plan) is carried; what belongs to one
//! report (its number and date, the period's difficulties and proposals,
//! survey estimates) is cleared, and the copy says which is which.

use crate::engine::model::{Assessment, Framework, Period, PeriodRule, Value};

/// What a copy for the next period carried and cleared.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CarryReport {
    pub answers: usize,
    pub evidence: usize,
    pub actions: usize,
    pub tasks: usize,
    /// Answers that grow through the year, carried as the starting point
    /// and marked "chưa cập nhật cho kỳ này".
    pub to_update: usize,
    /// What was cleared, in Vietnamese, each a short phrase.
    pub cleared: Vec<String>,
}

impl CarryReport {
    /// One sentence for the user.
    pub fn describe(&self) -> String {
        let mut s = format!(
            "Đã chuyển: {} câu trả lời, {} tài liệu kiểm chứng, {} biện pháp khắc phục, {} nhiệm vụ kế hoạch.",
            self.answers, self.evidence, self.actions, self.tasks
        );
        if self.to_update > 0 {
            s.push_str(&format!(
                " {} mục tăng dần theo kỳ (số báo cáo, việc đến hạn) hoặc chỉ đánh giá cuối năm giữ số liệu kỳ trước làm điểm xuất phát, đánh dấu \"chưa cập nhật cho kỳ này\".",
                self.to_update
            ));
        }
        if self.cleared.is_empty() {
            s.push_str(" Không có gì phải xóa.");
        } else {
            s.push_str(&format!(
                " Đã để trống (riêng của kỳ trước): {}.",
                self.cleared.join("; ")
            ));
        }
        s
    }
}

/// The period after `p` in `year`: Quý I → 6 tháng → Quý III → Năm →
/// Quý I of the next year.
pub fn next_period(p: Period, year: u16) -> (Period, u16) {
    match p.next() {
        Some(n) => (n, year),
        None => (Period::Q1, year.saturating_add(1)),
    }
}

/// A copy of `a` for the next reporting period, with id `new_id`, made at
/// `now` (ISO 8601). Answers to items whose figures grow through the year
/// (under `fw`'s period rules) are carried marked "chưa cập nhật cho kỳ
/// này" until the user confirms or changes them.
pub fn next_period_copy(
    fw: Option<&Framework>,
    a: &Assessment,
    new_id: &str,
    now: &str,
) -> (Assessment, CarryReport) {
    let mut b = a.clone();
    b.id = new_id.to_string();
    let (period, year) = next_period(a.period, a.year);
    b.period = period;
    b.year = year;
    b.created = now.to_string();
    b.updated = now.to_string();
    // A new period is a new self-assessment: nothing submitted or
    // appraised yet.
    b.rounds = Default::default();
    let mut r = CarryReport::default();

    // Survey estimates are a guess for one report, never carried.
    let mut estimates = 0;
    for ans in b.answers.values_mut() {
        if matches!(ans.value, Some(Value::Estimate { .. })) {
            ans.value = None;
            estimates += 1;
        }
    }
    b.answers.retain(|_, ans| !ans.is_empty());
    if estimates > 0 {
        r.cleared
            .push(format!("{estimates} điểm ước tính điều tra xã hội học"));
    }

    let rep = &mut b.report;
    if !rep.number.trim().is_empty() || !rep.date.trim().is_empty() {
        r.cleared.push("số và ngày báo cáo".into());
    }
    if !rep.difficulties.trim().is_empty() || !rep.proposals.trim().is_empty() {
        r.cleared
            .push("khó khăn, vướng mắc và đề xuất, kiến nghị của kỳ trước".into());
    }
    rep.number.clear();
    rep.date.clear();
    rep.difficulties.clear();
    rep.proposals.clear();

    // The annual plan belongs to its year.
    if year != a.year && !b.plan.is_empty() {
        r.cleared.push(format!(
            "kế hoạch CCHC năm {} ({} nhiệm vụ; lập kế hoạch năm {year} mới)",
            a.year,
            b.plan.len()
        ));
        b.plan.clear();
        b.set_plan_source(crate::engine::model::PlanSource::Auto);
    }

    // Figures that grow through the year: the starting point, to update.
    for ans in b.answers.values_mut() {
        ans.carried = false;
    }
    // Into a new year those figures start again from nothing.
    let new_year = year != a.year;
    let mut restarted = 0;
    if let Some(fw) = fw {
        for sub in fw.subs() {
            let grows = matches!(
                sub.period_rule,
                PeriodRule::Cumulative { .. } | PeriodRule::DueByCutoff
            );
            // an answer given before the item could be judged is judged
            // for the first time at "Năm": the user confirms it
            let first_judged = sub.period_rule == PeriodRule::YearEnd
                && period == Period::Year
                && a.period != Period::Year;
            if let Some(ans) = b.answers.get_mut(&sub.id).filter(|_| grows || first_judged) {
                if (ans.value.is_none() && !ans.no_case) || ans.not_applicable {
                } else if first_judged {
                    ans.carried = true;
                    r.to_update += 1;
                } else if new_year {
                    ans.value = None;
                    ans.no_case = false;
                    restarted += 1;
                } else {
                    ans.carried = true;
                    r.to_update += 1;
                }
            }
        }
    }

    if restarted > 0 {
        b.answers.retain(|_, ans| !ans.is_empty());
        r.cleared.push(format!(
            "{restarted} số liệu tăng dần theo kỳ của năm {} (số báo cáo, việc đến hạn: năm {year} tính lại từ đầu)",
            a.year
        ));
    }
    r.answers = b.answers.len();
    r.evidence = b
        .answers
        .values()
        .map(|x| x.evidence.iter().filter(|e| !e.is_blank()).count())
        .sum();
    r.actions = b.actions.len();
    r.tasks = b.plan.len();
    (b, r)
}
