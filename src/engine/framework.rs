//! The criteria framework: a province's "Bộ Chỉ số CCHC" for one unit type,
//! as a tree of fields → criteria → sub-criteria with a scoring rule on each
//! sub-criterion. Documented by `schemas/framework.schema.json`.

use super::dec::Dec2;
use super::validate::{validate, Problem};

pub const FRAMEWORK_FORMAT: &str = "cchc-framework";
pub const FRAMEWORK_FORMAT_VERSION: u32 = 1;

/// Ordered as ranked: sở first, then xã, then huyện.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum UnitType {
    /// Sở, ban, ngành (provincial departments).
    #[default]
    So,
    /// UBND xã, phường (communes and wards).
    Xa,
    /// UBND cấp huyện (districts, before the 2025 two-tier reform).
    Huyen,
}

impl UnitType {
    pub fn label(self) -> &'static str {
        match self {
            UnitType::So => "Sở, ban, ngành",
            UnitType::Xa => "UBND xã, phường",
            UnitType::Huyen => "UBND cấp huyện",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Status {
    /// Our own template in the official shape: never to be presented as official.
    #[default]
    Template,
    /// Entered from a decision of UBND tỉnh.
    Official,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Years {
    pub from: u16,
    /// `None`: until replaced.
    pub to: Option<u16>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Decision {
    pub number: String,
    /// ISO date, `yyyy-mm-dd`.
    pub date: String,
}

/// A range of percentages with explicit inclusivity at both ends, as in
/// "từ 80% đến dưới 100%" = `[80, 100)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PctRange {
    pub from: Dec2,
    pub from_inclusive: bool,
    pub to: Dec2,
    pub to_inclusive: bool,
}

impl PctRange {
    /// Whether `num/den` (as a percentage) lies inside. Exact: compares
    /// `num × 10000` with `bound × den` in integers. `den` must be > 0.
    pub fn contains_ratio(&self, num: u64, den: u64) -> bool {
        let lhs = num as i128 * 10_000;
        let cmp = |bound: Dec2| lhs.cmp(&(bound.0 as i128 * den as i128));
        let lo = cmp(self.from);
        let hi = cmp(self.to);
        let above_lo = lo.is_gt() || (lo.is_eq() && self.from_inclusive);
        let below_hi = hi.is_lt() || (hi.is_eq() && self.to_inclusive);
        above_lo && below_hi
    }

    /// Whether a percentage (in hundredths) lies inside.
    pub fn contains_pct(&self, p: Dec2) -> bool {
        let above = p > self.from || (p == self.from && self.from_inclusive);
        let below = p < self.to || (p == self.to && self.to_inclusive);
        above && below
    }

    /// "từ 80% đến dưới 100%", "trên 90%", "100%" …
    pub fn describe(&self) -> String {
        let f = self.from.to_vi();
        let t = self.to.to_vi();
        if self.from == self.to {
            return format!("{f}%");
        }
        let lo_is_zero = self.from == Dec2::ZERO && self.from_inclusive;
        let hi_is_full = self.to == Dec2::HUNDRED && self.to_inclusive;
        match (lo_is_zero, hi_is_full) {
            (true, true) => "0% – 100%".to_string(),
            (true, false) => {
                if self.to_inclusive {
                    format!("đến {t}%")
                } else {
                    format!("dưới {t}%")
                }
            }
            (false, true) => {
                if self.from_inclusive {
                    format!("từ {f}% trở lên")
                } else {
                    format!("trên {f}%")
                }
            }
            (false, false) => format!(
                "{} {f}% đến {} {t}%",
                if self.from_inclusive { "từ" } else { "trên" },
                if self.to_inclusive { "" } else { "dưới" }
            )
            .replace("  ", " "),
        }
    }
}

/// An index band (xếp loại), e.g. "Tốt" for `[80, 100]`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Band {
    pub label: String,
    pub from: Dec2,
    pub from_inclusive: bool,
    pub to: Dec2,
    pub to_inclusive: bool,
}

impl Band {
    pub fn range(&self) -> PctRange {
        PctRange {
            from: self.from,
            from_inclusive: self.from_inclusive,
            to: self.to,
            to_inclusive: self.to_inclusive,
        }
    }
}

/// Bonus points (điểm thưởng) or deductions (điểm trừ), capped.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Adjustments {
    pub cap: Dec2,
    pub items: Vec<AdjustmentItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AdjustmentItem {
    pub id: String,
    pub title: String,
    /// Always positive; a deduction's sign comes from where it is listed.
    pub points: Dec2,
    /// May be counted more than once (e.g. "per late report").
    pub repeatable: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Field {
    pub id: String,
    pub title: String,
    pub max: Dec2,
    /// The whole field may be declared not applicable (e.g. a unit with no
    /// administrative procedures); its maximum then leaves the total.
    pub may_be_not_applicable: bool,
    pub criteria: Vec<Criterion>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Criterion {
    pub id: String,
    pub title: String,
    pub max: Dec2,
    pub may_be_not_applicable: bool,
    /// A criterion scored directly carries one sub-criterion with its own id.
    pub subs: Vec<SubCriterion>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SubCriterion {
    pub id: String,
    pub title: String,
    pub max: Dec2,
    pub guidance: String,
    pub evidence_hint: String,
    /// "Không phát sinh" (no case arose) earns full points.
    pub no_case_full_points: bool,
    /// "Không áp dụng" (not applicable to this unit) removes the maximum.
    pub may_be_not_applicable: bool,
    pub rule: Rule,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
    pub points: Dec2,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct RatioBand {
    pub from: Dec2,
    pub from_inclusive: bool,
    pub to: Dec2,
    pub to_inclusive: bool,
    pub points: Dec2,
}

impl RatioBand {
    pub fn range(&self) -> PctRange {
        PctRange {
            from: self.from,
            from_inclusive: self.from_inclusive,
            to: self.to,
            to_inclusive: self.to_inclusive,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CountBand {
    pub min: u64,
    /// `None`: and above.
    pub max: Option<u64>,
    pub points: Dec2,
}

impl CountBand {
    pub fn contains(&self, n: u64) -> bool {
        n >= self.min && self.max.is_none_or(|m| n <= m)
    }

    pub fn describe(&self) -> String {
        match self.max {
            None if self.min == 0 => "mọi số".to_string(),
            None => format!("từ {} trở lên", self.min),
            Some(m) if m == self.min => format!("{m}"),
            Some(m) if self.min == 0 => format!("từ 0 đến {m}"),
            Some(m) => format!("từ {} đến {m}", self.min),
        }
    }
}

/// The one scoring rule of a sub-criterion. Every real rule seen fits one
/// of these shapes (see `shared/domain/par-index.md` §4).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Rule {
    /// Pick one option, each with its points.
    Options { options: Vec<ChoiceOption> },
    /// Đạt = maximum, không đạt = 0.
    #[default]
    YesNo,
    /// Bands on a ratio the unit enters as numerator / denominator.
    RatioBands {
        bands: Vec<RatioBand>,
        numerator_label: String,
        denominator_label: String,
    },
    /// Points = maximum × numerator / denominator.
    Proportional {
        numerator_label: String,
        denominator_label: String,
    },
    /// Bands on a whole number (e.g. reports on time out of 4).
    CountBands {
        bands: Vec<CountBand>,
        /// Largest possible count, if any (4 periodic reports).
        max_count: Option<u64>,
    },
    /// Scored by the sociological survey, not by the unit; the unit may
    /// only enter an estimate, always labelled as such.
    Survey,
}

impl Rule {
    pub fn kind_label(&self) -> &'static str {
        match self {
            Rule::Options { .. } => "Chọn mức",
            Rule::YesNo => "Đạt / Không đạt",
            Rule::RatioBands { .. } => "Tỷ lệ theo khoảng",
            Rule::Proportional { .. } => "Tỷ lệ (điểm theo tỷ lệ)",
            Rule::CountBands { .. } => "Số lượng theo khoảng",
            Rule::Survey => "Điều tra xã hội học",
        }
    }

    pub fn is_survey(&self) -> bool {
        matches!(self, Rule::Survey)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Framework {
    pub format: String,
    pub format_version: u32,
    pub id: String,
    pub version: String,
    pub title: String,
    pub province: String,
    pub unit_type: UnitType,
    pub years: Years,
    pub status: Status,
    pub source: String,
    pub decision: Option<Decision>,
    pub bands: Vec<Band>,
    pub bonus: Adjustments,
    pub deductions: Adjustments,
    /// The sub-criterion measuring completion of the unit's annual PAR
    /// plan (a ratio rule); fed from the plan kept in the app.
    pub plan_completion_sub: Option<String>,
    pub fields: Vec<Field>,
}

/// Why a framework file was refused: either it is not readable as a
/// framework at all, or it is and breaks these rules (all of them listed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid JSON, but a field is missing or of the wrong kind.
    Shape(String),
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Json {
                line,
                column,
                message,
            } => write!(
                f,
                "Tệp bộ tiêu chí không đúng định dạng (dòng {line}, cột {column}): {message}"
            ),
            LoadError::Shape(m) => write!(f, "Tệp bộ tiêu chí thiếu hoặc sai dữ liệu: {m}"),
            LoadError::Invalid(problems) => {
                writeln!(f, "Bộ tiêu chí có {} lỗi:", problems.len())?;
                for p in problems {
                    writeln!(f, "- {p}")?;
                }
                Ok(())
            }
        }
    }
}

impl Framework {
    /// Parses and validates a framework file. A framework with any problem
    /// is refused whole, with every problem listed: never half-loaded.
    pub fn from_json_text(text: &str) -> Result<Framework, LoadError> {
        let v = super::json::parse(text).map_err(|e| LoadError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        let fw =
            <Framework as FromJson>::from_json(&v).map_err(|e| LoadError::Shape(e.to_string()))?;
        let problems = validate(&fw);
        if problems.is_empty() {
            Ok(fw)
        } else {
            Err(LoadError::Invalid(problems))
        }
    }

    pub fn to_json_pretty(&self) -> String {
        self.to_json().pretty()
    }

    pub fn subs(&self) -> impl Iterator<Item = &SubCriterion> {
        self.fields
            .iter()
            .flat_map(|f| f.criteria.iter())
            .flat_map(|c| c.subs.iter())
    }

    pub fn sub(&self, id: &str) -> Option<&SubCriterion> {
        self.subs().find(|s| s.id == id)
    }

    pub fn criterion(&self, id: &str) -> Option<(&Field, &Criterion)> {
        self.fields
            .iter()
            .flat_map(|f| f.criteria.iter().map(move |c| (f, c)))
            .find(|(_, c)| c.id == id)
    }

    /// The criterion holding sub-criterion `sub_id`.
    pub fn criterion_of(&self, sub_id: &str) -> Option<&Criterion> {
        self.fields
            .iter()
            .flat_map(|f| f.criteria.iter())
            .find(|c| c.subs.iter().any(|s| s.id == sub_id))
    }

    pub fn total_max(&self) -> Dec2 {
        self.fields.iter().map(|f| f.max).sum()
    }

    /// The band an index falls in, if the bands cover it.
    pub fn band_for(&self, index: Dec2) -> Option<&Band> {
        self.bands.iter().find(|b| b.range().contains_pct(index))
    }

    pub fn is_template(&self) -> bool {
        self.status == Status::Template
    }
}

// ------------------------------------------------------------------ JSON
// Field names and order are the file format (schemas/framework.schema.json).

use super::json::{name_of, obj, obj_out, variant, FromJson, Out, ToJson};
use serde_json::Value as J;

const UNIT_TYPES: [(&str, UnitType); 3] = [
    ("so", UnitType::So),
    ("xa", UnitType::Xa),
    ("huyen", UnitType::Huyen),
];
const STATUSES: [(&str, Status); 2] = [
    ("template", Status::Template),
    ("official", Status::Official),
];

impl FromJson for UnitType {
    fn from_json(v: &J) -> super::json::Result<Self> {
        variant(v, &UNIT_TYPES)
    }
}
impl ToJson for UnitType {
    fn to_json(&self) -> Out {
        name_of(*self, &UNIT_TYPES).to_json()
    }
}
impl FromJson for Status {
    fn from_json(v: &J) -> super::json::Result<Self> {
        variant(v, &STATUSES)
    }
}
impl ToJson for Status {
    fn to_json(&self) -> Out {
        name_of(*self, &STATUSES).to_json()
    }
}

impl FromJson for Years {
    fn from_json(v: &J) -> super::json::Result<Self> {
        let mut o = obj(v)?;
        let r = Years {
            from: o.req("from"),
            to: o.opt("to"),
        };
        o.done(r)
    }
}
impl ToJson for Years {
    fn to_json(&self) -> Out {
        obj_out().f("from", &self.from).f("to", &self.to).done()
    }
}

impl FromJson for Decision {
    fn from_json(v: &J) -> super::json::Result<Self> {
        let mut o = obj(v)?;
        let r = Decision {
            number: o.req("number"),
            date: o.req("date"),
        };
        o.done(r)
    }
}
impl ToJson for Decision {
    fn to_json(&self) -> Out {
        obj_out()
            .f("number", &self.number)
            .f("date", &self.date)
            .done()
    }
}

impl FromJson for Band {
    fn from_json(v: &J) -> super::json::Result<Self> {
        let mut o = obj(v)?;
        let r = Band {
            label: o.req("label"),
            from: o.req("from"),
            from_inclusive: o.req("from_inclusive"),
            to: o.req("to"),
            to_inclusive: o.req("to_inclusive"),
        };
        o.done(r)
    }
}
impl ToJson for Band {
    fn to_json(&self) -> Out {
        obj_out()
            .f("label", &self.label)
            .f("from", &self.from)
            .f("from_inclusive", &self.from_inclusive)
            .f("to", &self.to)
            .f("to_inclusive", &self.to_inclusive)
            .done()
    }
}

impl FromJson for Adjustments {
    fn from_json(v: &J) -> super::json::Result<Self> {
        let mut o = obj(v)?;
        let r = Adjustments {
            cap: o.req("cap"),
            items: o.opt("items"),
        };
        o.done(r)
    }
}
impl ToJson for Adjustments {
    fn to_json(&self) -> Out {
        obj_out().f("cap", &self.cap).f("items", &self.items).done()
    }
}

impl FromJson for AdjustmentItem {
    fn from_json(v: &J) -> super::json::Result<Self> {
        let mut o = obj(v)?;
        let r = AdjustmentItem {
            id: o.req("id"),
            title: o.req("title"),
            points: o.req("points"),
            repeatable: o.opt("repeatable"),
        };
        o.done(r)
    }
}
impl ToJson for AdjustmentItem {
    fn to_json(&self) -> Out {
        obj_out()
            .f("id", &self.id)
            .f("title", &self.title)
            .f("points", &self.points)
            .f("repeatable", &self.repeatable)
            .done()
    }
}

impl FromJson for Field {
    fn from_json(v: &J) -> super::json::Result<Self> {
        let mut o = obj(v)?;
        let r = Field {
            id: o.req("id"),
            title: o.req("title"),
            max: o.req("max"),
            may_be_not_applicable: o.opt("may_be_not_applicable"),
            criteria: o.req("criteria"),
        };
        o.done(r)
    }
}
impl ToJson for Field {
    fn to_json(&self) -> Out {
        obj_out()
            .f("id", &self.id)
            .f("title", &self.title)
            .f("max", &self.max)
            .f("may_be_not_applicable", &self.may_be_not_applicable)
            .f("criteria", &self.criteria)
            .done()
    }
}

impl FromJson for Criterion {
    fn from_json(v: &J) -> super::json::Result<Self> {
        let mut o = obj(v)?;
        let r = Criterion {
            id: o.req("id"),
            title: o.req("title"),
            max: o.req("max"),
            may_be_not_applicable: o.opt("may_be_not_applicable"),
            subs: o.req("subs"),
        };
        o.done(r)
    }
}
impl ToJson for Criterion {
    fn to_json(&self) -> Out {
        obj_out()
            .f("id", &self.id)
            .f("title", &self.title)
            .f("max", &self.max)
            .f("may_be_not_applicable", &self.may_be_not_applicable)
            .f("subs", &self.subs)
            .done()
    }
}

impl FromJson for SubCriterion {
    fn from_json(v: &J) -> super::json::Result<Self> {
        let mut o = obj(v)?;
        let r = SubCriterion {
            id: o.req("id"),
            title: o.req("title"),
            max: o.req("max"),
            guidance: o.opt("guidance"),
            evidence_hint: o.opt("evidence_hint"),
            no_case_full_points: o.opt("no_case_full_points"),
            may_be_not_applicable: o.opt("may_be_not_applicable"),
            rule: o.req("rule"),
        };
        o.done(r)
    }
}
impl ToJson for SubCriterion {
    fn to_json(&self) -> Out {
        obj_out()
            .f("id", &self.id)
            .f("title", &self.title)
            .f("max", &self.max)
            .f("guidance", &self.guidance)
            .f("evidence_hint", &self.evidence_hint)
            .f("no_case_full_points", &self.no_case_full_points)
            .f("may_be_not_applicable", &self.may_be_not_applicable)
            .f("rule", &self.rule)
            .done()
    }
}

impl FromJson for ChoiceOption {
    fn from_json(v: &J) -> super::json::Result<Self> {
        let mut o = obj(v)?;
        let r = ChoiceOption {
            id: o.req("id"),
            label: o.req("label"),
            points: o.req("points"),
        };
        o.done(r)
    }
}
impl ToJson for ChoiceOption {
    fn to_json(&self) -> Out {
        obj_out()
            .f("id", &self.id)
            .f("label", &self.label)
            .f("points", &self.points)
            .done()
    }
}

impl FromJson for RatioBand {
    fn from_json(v: &J) -> super::json::Result<Self> {
        let mut o = obj(v)?;
        let r = RatioBand {
            from: o.req("from"),
            from_inclusive: o.req("from_inclusive"),
            to: o.req("to"),
            to_inclusive: o.req("to_inclusive"),
            points: o.req("points"),
        };
        o.done(r)
    }
}
impl ToJson for RatioBand {
    fn to_json(&self) -> Out {
        obj_out()
            .f("from", &self.from)
            .f("from_inclusive", &self.from_inclusive)
            .f("to", &self.to)
            .f("to_inclusive", &self.to_inclusive)
            .f("points", &self.points)
            .done()
    }
}

impl FromJson for CountBand {
    fn from_json(v: &J) -> super::json::Result<Self> {
        let mut o = obj(v)?;
        let r = CountBand {
            min: o.req("min"),
            max: o.opt("max"),
            points: o.req("points"),
        };
        o.done(r)
    }
}
impl ToJson for CountBand {
    fn to_json(&self) -> Out {
        obj_out()
            .f("min", &self.min)
            .f("max", &self.max)
            .f("points", &self.points)
            .done()
    }
}

impl FromJson for Rule {
    fn from_json(v: &J) -> super::json::Result<Self> {
        let mut o = obj(v)?;
        let kind = o.req::<String>("kind");
        let r = match kind.as_str() {
            "options" => Rule::Options {
                options: o.req("options"),
            },
            "yes_no" => Rule::YesNo,
            "ratio_bands" => Rule::RatioBands {
                bands: o.req("bands"),
                numerator_label: o.opt("numerator_label"),
                denominator_label: o.opt("denominator_label"),
            },
            "proportional" => Rule::Proportional {
                numerator_label: o.opt("numerator_label"),
                denominator_label: o.opt("denominator_label"),
            },
            "count_bands" => Rule::CountBands {
                bands: o.req("bands"),
                max_count: o.opt("max_count"),
            },
            "survey" => Rule::Survey,
            k => {
                o.fail(super::json::Error::new(format!("giá trị \"{k}\" không hợp lệ")).at("kind"));
                Rule::YesNo
            }
        };
        o.done(r)
    }
}
impl ToJson for Rule {
    fn to_json(&self) -> Out {
        let o = obj_out();
        match self {
            Rule::Options { options } => o.f("kind", "options").f("options", options),
            Rule::YesNo => o.f("kind", "yes_no"),
            Rule::RatioBands {
                bands,
                numerator_label,
                denominator_label,
            } => o
                .f("kind", "ratio_bands")
                .f("bands", bands)
                .f("numerator_label", numerator_label)
                .f("denominator_label", denominator_label),
            Rule::Proportional {
                numerator_label,
                denominator_label,
            } => o
                .f("kind", "proportional")
                .f("numerator_label", numerator_label)
                .f("denominator_label", denominator_label),
            Rule::CountBands { bands, max_count } => o
                .f("kind", "count_bands")
                .f("bands", bands)
                .f("max_count", max_count),
            Rule::Survey => o.f("kind", "survey"),
        }
        .done()
    }
}

impl FromJson for Framework {
    fn from_json(v: &J) -> super::json::Result<Self> {
        let mut o = obj(v)?;
        let r = Framework {
            format: o.req("format"),
            format_version: o.req("format_version"),
            id: o.req("id"),
            version: o.req("version"),
            title: o.req("title"),
            province: o.req("province"),
            unit_type: o.req("unit_type"),
            years: o.req("years"),
            status: o.req("status"),
            source: o.opt("source"),
            decision: o.opt("decision"),
            bands: o.req("bands"),
            bonus: o.req("bonus"),
            deductions: o.req("deductions"),
            plan_completion_sub: o.opt("plan_completion_sub"),
            fields: o.req("fields"),
        };
        o.done(r)
    }
}
impl ToJson for Framework {
    fn to_json(&self) -> Out {
        obj_out()
            .f("format", &self.format)
            .f("format_version", &self.format_version)
            .f("id", &self.id)
            .f("version", &self.version)
            .f("title", &self.title)
            .f("province", &self.province)
            .f("unit_type", &self.unit_type)
            .f("years", &self.years)
            .f("status", &self.status)
            .f("source", &self.source)
            .f("decision", &self.decision)
            .f("bands", &self.bands)
            .f("bonus", &self.bonus)
            .f("deductions", &self.deductions)
            .f_if(
                self.plan_completion_sub.is_some(),
                "plan_completion_sub",
                &self.plan_completion_sub,
            )
            .f("fields", &self.fields)
            .done()
    }
}
