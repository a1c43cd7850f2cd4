//! A unit's self-assessment: who, which period, and an answer per
//! sub-criterion. Pure data; scoring lives in `score`.

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

    /// Short ASCII code for file names.
    pub fn code(self) -> &'static str {
        match self {
            Period::Q1 => "Q1",
            Period::H1 => "6T",
            Period::Q3 => "Q3",
            Period::Year => "Nam",
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
    /// A whole number (count-bands rule).
    Count { count: u64 },
    /// An estimate of a survey item's points, never an official figure.
    Estimate { points: Dec2 },
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
}

impl Answer {
    pub fn is_empty(&self) -> bool {
        self == &Answer::default()
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
    /// plan (an explanation is then required).
    pub plan_override: bool,
    /// Heading and free-text parts of the printed report.
    pub report: ReportInfo,
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
            report: ReportInfo::default(),
        }
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

// ------------------------------------------------------------------ JSON
// Field names and order are the storage and file format
// (schemas/self-assessment.schema.json).

use super::json::{self, name_of, obj, obj_out, variant, FromJson, Out, ToJson};
use serde_json::Value as J;

pub(crate) const PERIODS: [(&str, Period); 4] = [
    ("q1", Period::Q1),
    ("h1", Period::H1),
    ("q3", Period::Q3),
    ("year", Period::Year),
];

impl FromJson for Period {
    fn from_json(v: &J) -> json::Result<Self> {
        variant(v, &PERIODS)
    }
}
impl ToJson for Period {
    fn to_json(&self) -> Out {
        name_of(*self, &PERIODS).to_json()
    }
}

impl FromJson for Value {
    fn from_json(v: &J) -> json::Result<Self> {
        let mut o = obj(v)?;
        let kind = o.req::<String>("type");
        let r = match kind.as_str() {
            "choice" => Value::Choice {
                option: o.req("option"),
            },
            "yes_no" => Value::YesNo { yes: o.req("yes") },
            "ratio" => Value::Ratio {
                numerator: o.req("numerator"),
                denominator: o.req("denominator"),
            },
            "count" => Value::Count {
                count: o.req("count"),
            },
            "estimate" => Value::Estimate {
                points: o.req("points"),
            },
            k => {
                o.fail(json::Error::new(format!("giá trị \"{k}\" không hợp lệ")).at("type"));
                Value::YesNo { yes: false }
            }
        };
        o.done(r)
    }
}
impl ToJson for Value {
    fn to_json(&self) -> Out {
        let o = obj_out();
        match self {
            Value::Choice { option } => o.f("type", "choice").f("option", option),
            Value::YesNo { yes } => o.f("type", "yes_no").f("yes", yes),
            Value::Ratio {
                numerator,
                denominator,
            } => o
                .f("type", "ratio")
                .f("numerator", numerator)
                .f("denominator", denominator),
            Value::Count { count } => o.f("type", "count").f("count", count),
            Value::Estimate { points } => o.f("type", "estimate").f("points", points),
        }
        .done()
    }
}

impl FromJson for Evidence {
    fn from_json(v: &J) -> json::Result<Self> {
        let mut o = obj(v)?;
        let r = Evidence {
            number: o.opt("number"),
            date: o.opt("date"),
            issuer: o.opt("issuer"),
            summary: o.opt("summary"),
            link: o.opt("link"),
        };
        o.done(r)
    }
}
impl ToJson for Evidence {
    fn to_json(&self) -> Out {
        obj_out()
            .f("number", &self.number)
            .f("date", &self.date)
            .f("issuer", &self.issuer)
            .f("summary", &self.summary)
            .f("link", &self.link)
            .done()
    }
}

impl FromJson for Answer {
    fn from_json(v: &J) -> json::Result<Self> {
        let mut o = obj(v)?;
        let r = Answer {
            value: o.opt("value"),
            no_case: o.opt("no_case"),
            not_applicable: o.opt("not_applicable"),
            evidence: o.opt("evidence"),
            explanation: o.opt("explanation"),
        };
        o.done(r)
    }
}
impl ToJson for Answer {
    fn to_json(&self) -> Out {
        obj_out()
            .f_if(self.value.is_some(), "value", &self.value)
            .f_if(self.no_case, "no_case", &self.no_case)
            .f_if(self.not_applicable, "not_applicable", &self.not_applicable)
            .f_if(!self.evidence.is_empty(), "evidence", &self.evidence)
            .f_if(
                !self.explanation.is_empty(),
                "explanation",
                &self.explanation,
            )
            .done()
    }
}

impl FromJson for Contact {
    fn from_json(v: &J) -> json::Result<Self> {
        let mut o = obj(v)?;
        let r = Contact {
            name: o.opt("name"),
            position: o.opt("position"),
            phone: o.opt("phone"),
            email: o.opt("email"),
        };
        o.done(r)
    }
}
impl ToJson for Contact {
    fn to_json(&self) -> Out {
        obj_out()
            .f("name", &self.name)
            .f("position", &self.position)
            .f("phone", &self.phone)
            .f("email", &self.email)
            .done()
    }
}

impl FromJson for FrameworkRef {
    fn from_json(v: &J) -> json::Result<Self> {
        let mut o = obj(v)?;
        let r = FrameworkRef {
            id: o.req("id"),
            version: o.req("version"),
        };
        o.done(r)
    }
}
impl ToJson for FrameworkRef {
    fn to_json(&self) -> Out {
        obj_out()
            .f("id", &self.id)
            .f("version", &self.version)
            .done()
    }
}

impl FromJson for Assessment {
    fn from_json(v: &J) -> json::Result<Self> {
        let mut o = obj(v)?;
        let r = Assessment {
            id: o.req("id"),
            framework: o.req("framework"),
            unit_name: o.req("unit_name"),
            year: o.req("year"),
            period: o.req("period"),
            contact: o.opt("contact"),
            answers: o.opt("answers"),
            excluded: o.opt("excluded"),
            adjustments: o.opt("adjustments"),
            created: o.opt("created"),
            updated: o.opt("updated"),
            actions: o.opt("actions"),
            plan: o.opt("plan"),
            plan_override: o.opt("plan_override"),
            report: o.opt("report"),
        };
        o.done(r)
    }
}
impl ToJson for Assessment {
    fn to_json(&self) -> Out {
        obj_out()
            .f("id", &self.id)
            .f("framework", &self.framework)
            .f("unit_name", &self.unit_name)
            .f("year", &self.year)
            .f("period", &self.period)
            .f("contact", &self.contact)
            .f("answers", &self.answers)
            .f("excluded", &self.excluded)
            .f("adjustments", &self.adjustments)
            .f("created", &self.created)
            .f("updated", &self.updated)
            .f("actions", &self.actions)
            .f("plan", &self.plan)
            .f("plan_override", &self.plan_override)
            .f("report", &self.report)
            .done()
    }
}

impl FromJson for ReportInfo {
    fn from_json(v: &J) -> json::Result<Self> {
        let mut o = obj(v)?;
        let r = ReportInfo {
            parent_body: o.opt("parent_body"),
            number: o.opt("number"),
            place: o.opt("place"),
            date: o.opt("date"),
            difficulties: o.opt("difficulties"),
            proposals: o.opt("proposals"),
            signer_title: o.opt("signer_title"),
            signer_name: o.opt("signer_name"),
            recipients: o.opt("recipients"),
        };
        o.done(r)
    }
}
impl ToJson for ReportInfo {
    fn to_json(&self) -> Out {
        obj_out()
            .f("parent_body", &self.parent_body)
            .f("number", &self.number)
            .f("place", &self.place)
            .f("date", &self.date)
            .f("difficulties", &self.difficulties)
            .f("proposals", &self.proposals)
            .f("signer_title", &self.signer_title)
            .f("signer_name", &self.signer_name)
            .f("recipients", &self.recipients)
            .done()
    }
}
