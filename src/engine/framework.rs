//! The criteria framework: a province's "Bộ Chỉ số CCHC" for one unit type,
//! as a tree of fields → criteria → sub-criteria with a scoring rule on each
//! sub-criterion. Documented by `schemas/framework.schema.json`.

use super::dec::Dec2;
use super::validate::{validate, Problem};
use std::collections::BTreeSet;

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
    /// The field this criterion goes with: it is not applicable exactly
    /// when that field is (e.g. online public services with the field of
    /// administrative procedures), and cannot be declared so on its own.
    pub excluded_with: Option<String>,
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

    /// Whether field or criterion `id` may be declared not applicable on
    /// its own (a criterion that goes with a field may not).
    pub fn may_exclude(&self, id: &str) -> bool {
        self.fields.iter().any(|f| {
            (f.id == id && f.may_be_not_applicable)
                || f.criteria
                    .iter()
                    .any(|c| c.id == id && c.may_be_not_applicable && c.excluded_with.is_none())
        })
    }

    /// Whether field `id` is declared not applicable in `excluded`.
    pub fn field_excluded(&self, id: &str, excluded: &BTreeSet<String>) -> bool {
        excluded.contains(id)
            && self
                .fields
                .iter()
                .any(|f| f.id == id && f.may_be_not_applicable)
    }

    /// Whether criterion `crit` of `field` is not applicable under
    /// `excluded`: with its field, on its own, or with the field it goes with.
    pub fn criterion_excluded(
        &self,
        field: &Field,
        crit: &Criterion,
        excluded: &BTreeSet<String>,
    ) -> bool {
        (field.may_be_not_applicable && excluded.contains(&field.id))
            || match &crit.excluded_with {
                Some(with) => self.field_excluded(with, excluded),
                None => crit.may_be_not_applicable && excluded.contains(&crit.id),
            }
    }

    /// " (cùng tiêu chí 7.2)": the criteria that go with field `id`, for
    /// the label of its "not applicable" choice; empty when none do.
    pub fn linked_note(&self, id: &str) -> String {
        let linked: Vec<&str> = self
            .fields
            .iter()
            .flat_map(|f| f.criteria.iter())
            .filter(|c| c.excluded_with.as_deref() == Some(id))
            .map(|c| c.id.as_str())
            .collect();
        if linked.is_empty() {
            String::new()
        } else {
            format!(" (cùng tiêu chí {})", linked.join(", "))
        }
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

use super::json::{json_names, json_struct, obj, obj_out, FromJson, Out, ToJson};
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

json_names!(UnitType, UNIT_TYPES);
json_names!(Status, STATUSES);

json_struct!(Years { from: req, to: opt });

json_struct!(Decision {
    number: req,
    date: req
});

json_struct!(Band {
    label: req,
    from: req,
    from_inclusive: req,
    to: req,
    to_inclusive: req
});

json_struct!(Adjustments {
    cap: req,
    items: opt
});

json_struct!(AdjustmentItem {
    id: req,
    title: req,
    points: req,
    repeatable: opt
});

json_struct!(Field {
    id: req,
    title: req,
    max: req,
    may_be_not_applicable: opt,
    criteria: req
});

json_struct!(Criterion {
    id: req,
    title: req,
    max: req,
    may_be_not_applicable: opt,
    // Left out when absent: frameworks without it keep their bytes and hash.
    excluded_with: skip,
    subs: req
});

json_struct!(SubCriterion {
    id: req,
    title: req,
    max: req,
    guidance: opt,
    evidence_hint: opt,
    no_case_full_points: opt,
    may_be_not_applicable: opt,
    rule: req
});

json_struct!(ChoiceOption {
    id: req,
    label: req,
    points: req
});

json_struct!(RatioBand {
    from: req,
    from_inclusive: req,
    to: req,
    to_inclusive: req,
    points: req
});

json_struct!(CountBand {
    min: req,
    max: opt,
    points: req
});

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

json_struct!(Framework {
    format: req,
    format_version: req,
    id: req,
    version: req,
    title: req,
    province: req,
    unit_type: req,
    years: req,
    status: req,
    source: opt,
    decision: opt,
    bands: req,
    bonus: req,
    deductions: req,
    plan_completion_sub: skip,
    fields: req
});
