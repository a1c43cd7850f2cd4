//! A unit's self-assessment: who, which period, and an answer per
//! sub-criterion, its corrective actions and annual plan. Pure data:
//! scoring lives in `rules::score`, the JSON in `formats`.

use super::dec::Dec2;
use std::collections::{BTreeMap, BTreeSet};

/// Reporting periods of the periodic PAR report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Period {
    #[default]
    Q1,
    H1,
    Q3,
    Year,
}

impl Period {
    pub const ALL: [Period; 4] = [Period::Q1, Period::H1, Period::Q3, Period::Year];

    pub fn label(self) -> &'static str {
        match self {
            Period::Q1 => "Quý I",
            Period::H1 => "6 tháng",
            Period::Q3 => "Quý III",
            Period::Year => "Năm",
        }
    }

    /// As written in a report title: "quý I năm 2025", "6 tháng đầu năm 2025".
    pub fn phrase(self, year: u16) -> String {
        match self {
            Period::Q1 => format!("quý I năm {year}"),
            Period::H1 => format!("6 tháng đầu năm {year}"),
            Period::Q3 => format!("quý III năm {year}"),
            Period::Year => format!("năm {year}"),
        }
    }

    /// Data cut-off (day, month): 14/3, 14/6, 14/9, 14/12.
    pub fn cutoff(self) -> (u8, u8) {
        match self {
            Period::Q1 => (14, 3),
            Period::H1 => (14, 6),
            Period::Q3 => (14, 9),
            Period::Year => (14, 12),
        }
    }

    pub fn cutoff_vi(self, year: u16) -> String {
        let (d, m) = self.cutoff();
        format!("{d:02}/{m:02}/{year}")
    }

    /// Position in the year: 0 (Quý I) … 3 (Năm).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The cut-off as an ISO date of `year`.
    pub fn cutoff_iso(self, year: u16) -> String {
        let (d, m) = self.cutoff();
        format!("{year:04}-{m:02}-{d:02}")
    }

    /// "14/9": the cut-off as said in a sentence.
    pub fn cutoff_short(self) -> String {
        let (d, m) = self.cutoff();
        format!("{d}/{m}")
    }

    pub fn next(self) -> Option<Period> {
        match self {
            Period::Q1 => Some(Period::H1),
            Period::H1 => Some(Period::Q3),
            Period::Q3 => Some(Period::Year),
            Period::Year => None,
        }
    }
}

/// The input a rule needs. Which variant fits depends on the rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// Chosen option id (options rule).
    Choice { option: String },
    /// Đạt / không đạt.
    YesNo { yes: bool },
    /// Numerator / denominator (ratio-bands and proportional rules).
    Ratio { numerator: u64, denominator: u64 },
    /// The same, for amounts with decimals (e.g. triệu đồng: 1.234,5).
    Amounts { numerator: Dec2, denominator: Dec2 },
    /// A whole number (count-bands rule).
    Count { count: u64 },
    /// An estimate of a survey item's points, never an official figure.
    Estimate { points: Dec2 },
}

impl Value {
    /// A numerator and denominator (whole numbers or amounts).
    pub fn is_ratio(&self) -> bool {
        matches!(self, Value::Ratio { .. } | Value::Amounts { .. })
    }

    /// The ratio as two whole numbers with the same quotient (amounts in
    /// hundredths); `None` for other values and negative amounts.
    pub fn ratio_parts(&self) -> Option<(u64, u64)> {
        match *self {
            Value::Ratio {
                numerator,
                denominator,
            } => Some((numerator, denominator)),
            Value::Amounts {
                numerator,
                denominator,
            } => Some((
                u64::try_from(numerator.hundredths()).ok()?,
                u64::try_from(denominator.hundredths()).ok()?,
            )),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    /// Số/ký hiệu, e.g. "123/KH-SNV".
    pub number: String,
    /// ISO date `yyyy-mm-dd`, or empty.
    pub date: String,
    pub issuer: String,
    pub summary: String,
    pub link: String,
}

impl Evidence {
    pub fn is_blank(&self) -> bool {
        [
            &self.number,
            &self.date,
            &self.issuer,
            &self.summary,
            &self.link,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answer {
    pub value: Option<Value>,
    /// "Không phát sinh": no case arose in the period.
    pub no_case: bool,
    /// "Không áp dụng": the item does not apply to this unit.
    pub not_applicable: bool,
    pub evidence: Vec<Evidence>,
    pub explanation: String,
    /// Carried from the previous period and not yet confirmed or changed
    /// for this one ("chưa cập nhật cho kỳ này").
    pub carried: bool,
}

impl Answer {
    /// Nothing given (a carried mark alone is nothing).
    pub fn is_empty(&self) -> bool {
        let Answer {
            value,
            no_case,
            not_applicable,
            evidence,
            explanation,
            carried: _,
        } = self;
        value.is_none()
            && !no_case
            && !not_applicable
            && evidence.is_empty()
            && explanation.is_empty()
    }

    pub fn has_support(&self) -> bool {
        self.evidence.iter().any(|e| !e.is_blank()) || !self.explanation.trim().is_empty()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    pub position: String,
    pub phone: String,
    pub email: String,
}

/// Which framework an assessment is scored against.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FrameworkRef {
    pub id: String,
    pub version: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assessment {
    /// Local identifier in this browser.
    pub id: String,
    pub framework: FrameworkRef,
    pub unit_name: String,
    pub year: u16,
    pub period: Period,
    pub contact: Contact,
    /// Sub-criterion id → answer. Ordered, so the same answers always
    /// serialise to the same bytes.
    pub answers: BTreeMap<String, Answer>,
    /// Field or criterion ids the unit declares not applicable as a whole.
    pub excluded: BTreeSet<String>,
    /// Bonus or deduction item id → number of times it applies.
    pub adjustments: BTreeMap<String, u32>,
    /// ISO 8601 timestamps with offset.
    pub created: String,
    pub updated: String,
    /// Corrective actions for the points lost.
    pub actions: Vec<super::plan::CorrectiveAction>,
    /// The unit's annual PAR plan.
    pub plan: Vec<super::plan::PlanTask>,
    /// The plan-completion item is answered by hand instead of from the
    /// plan (the user chose so; an explanation is then required).
    pub plan_override: bool,
    /// The user chose the plan's figure for the plan-completion item even
    /// though a figure was typed there (kept, not used).
    pub plan_confirmed: bool,
    /// Heading and free-text parts of the printed report.
    pub report: ReportInfo,
    /// Submitted revisions, appraisals received, explanations.
    pub rounds: super::appraisal::UnitRounds,
}

/// Where the plan-completion item's figure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PlanSource {
    /// Not chosen: the plan's figure when nothing is typed at the item,
    /// else what is typed (a typed figure is never replaced silently).
    #[default]
    Auto,
    /// The plan's figure, chosen by the user (a typed figure is kept).
    Plan,
    /// The typed figure, chosen by the user.
    Hand,
}

/// What the printed report needs besides the scores.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportInfo {
    /// The issuing body above the unit name (cơ quan chủ quản), e.g. "UBND TỈNH GIA LAI".
    pub parent_body: String,
    /// "Số: …/BC-…".
    pub number: String,
    /// Place of the date line ("Gia Lai").
    pub place: String,
    /// ISO date of the report.
    pub date: String,
    /// (III) Difficulties, problems.
    pub difficulties: String,
    /// (III) Proposals and recommendations.
    pub proposals: String,
    /// Signer's title and name.
    pub signer_title: String,
    pub signer_name: String,
    /// "Nơi nhận", one per line.
    pub recipients: String,
}

impl Assessment {
    pub fn new(
        id: impl Into<String>,
        framework: FrameworkRef,
        unit_name: impl Into<String>,
        year: u16,
        period: Period,
    ) -> Self {
        Assessment {
            id: id.into(),
            framework,
            unit_name: unit_name.into(),
            year,
            period,
            contact: Contact::default(),
            answers: BTreeMap::new(),
            excluded: BTreeSet::new(),
            adjustments: BTreeMap::new(),
            created: String::new(),
            updated: String::new(),
            actions: Vec::new(),
            plan: Vec::new(),
            plan_override: false,
            plan_confirmed: false,
            report: ReportInfo::default(),
            rounds: Default::default(),
        }
    }

    /// Which figure answers the plan-completion item.
    pub fn plan_source(&self) -> PlanSource {
        match (self.plan_override, self.plan_confirmed) {
            (true, _) => PlanSource::Hand,
            (false, true) => PlanSource::Plan,
            (false, false) => PlanSource::Auto,
        }
    }

    pub fn set_plan_source(&mut self, s: PlanSource) {
        self.plan_override = s == PlanSource::Hand;
        self.plan_confirmed = s == PlanSource::Plan;
    }

    pub fn answer(&self, sub_id: &str) -> Option<&Answer> {
        self.answers.get(sub_id)
    }

    /// Replaces one answer; an emptied answer is removed so that "never
    /// touched" and "cleared" store the same.
    pub fn set_answer(&mut self, sub_id: &str, answer: Answer) {
        if answer.is_empty() {
            self.answers.remove(sub_id);
        } else {
            self.answers.insert(sub_id.to_string(), answer);
        }
    }
}
