//! The criteria framework: a province's "Bộ Chỉ số CCHC" for one unit type,
//! as a tree of fields → criteria → sub-criteria with a scoring rule on each
//! sub-criterion. Pure data and the questions asked of it; reading and
//! writing the file is `formats::framework`, checking it `rules::validate`.
//! Documented by `schemas/framework.schema.json`.

use super::dec::Dec2;
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct PctRange {
    pub from: Dec2,
    pub from_inclusive: bool,
    pub to: Dec2,
    pub to_inclusive: bool,
}

impl PctRange {
    pub const fn new(from: Dec2, from_inclusive: bool, to: Dec2, to_inclusive: bool) -> Self {
        PctRange {
            from,
            from_inclusive,
            to,
            to_inclusive,
        }
    }

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

/// What the official index does with a unit that has no survey result
/// for a survey item (the contractor did not survey it, or it was left out).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum MissingSurvey {
    /// The item counts 0 points and keeps its maximum.
    #[default]
    Zero,
    /// The item leaves the maximum: the other points are scaled to 100.
    Scale,
}

impl MissingSurvey {
    pub fn label(self) -> &'static str {
        match self {
            MissingSurvey::Zero => "Tính 0 điểm cho mục đó",
            MissingSurvey::Scale => "Quy đổi các điểm còn lại về thang 100",
        }
    }
}

/// An index band (xếp loại), e.g. "Tốt" for `[80, 100]`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Band {
    pub label: String,
    pub range: PctRange,
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
    /// How the item is judged before the year ends (Quý I, 6 tháng,
    /// Quý III). Files without it: unaffected.
    pub period_rule: PeriodRule,
}

/// How a sub-criterion's target depends on the reporting period. At
/// "Năm" every item is judged as the year's rule says; before that:
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum PeriodRule {
    /// Judged the same at every period.
    #[default]
    Unaffected,
    /// A count that grows through the year: `expected[i]` are due by the
    /// cut-off of Quý I, 6 tháng, Quý III and Năm (1, 2, 3, 4 periodic
    /// reports). Before the year ends the count is judged by what is
    /// missing of what was due: `count + (expected[Năm] − expected[kỳ])`,
    /// at most `expected[Năm]`, goes through the year's bands.
    Cumulative { expected: [u64; 4] },
    /// A ratio over what was due by the cut-off (plan tasks with a
    /// deadline on or before it). The unit enters the figures due so far;
    /// the plan-completion item counts the plan's tasks due by then. When
    /// nothing was due yet the item cannot be judged yet.
    DueByCutoff,
    /// Judged only at year end (a yearly survey, a year's appraisal).
    YearEnd,
}

impl PeriodRule {
    pub fn label(&self) -> &'static str {
        match self {
            PeriodRule::Unaffected => "Như nhau ở mọi kỳ",
            PeriodRule::Cumulative { .. } => "Số lượng tăng dần theo kỳ",
            PeriodRule::DueByCutoff => "Tỷ lệ trên việc đến hạn trước ngày chốt số liệu",
            PeriodRule::YearEnd => "Chỉ đánh giá vào cuối năm",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
    pub points: Dec2,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct RatioBand {
    pub range: PctRange,
    pub points: Dec2,
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

    /// Labels of a ratio's numerator and denominator ("" for other rules).
    pub fn ratio_labels(&self) -> (&str, &str) {
        match self {
            Rule::RatioBands {
                numerator_label,
                denominator_label,
                ..
            }
            | Rule::Proportional {
                numerator_label,
                denominator_label,
            } => (numerator_label, denominator_label),
            _ => ("", ""),
        }
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
    /// A survey item without a result, in the official index.
    pub missing_survey: MissingSurvey,
    pub fields: Vec<Field>,
}

impl Framework {
    /// What an assessment scored against this framework records.
    pub fn reference(&self) -> super::assessment::FrameworkRef {
        super::assessment::FrameworkRef {
            id: self.id.clone(),
            version: self.version.clone(),
        }
    }

    pub fn subs(&self) -> impl Iterator<Item = &SubCriterion> {
        self.fields
            .iter()
            .flat_map(|f| f.criteria.iter())
            .flat_map(|c| c.subs.iter())
    }

    pub fn subs_mut(&mut self) -> impl Iterator<Item = &mut SubCriterion> {
        self.fields
            .iter_mut()
            .flat_map(|f| f.criteria.iter_mut())
            .flat_map(|c| c.subs.iter_mut())
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
        self.bands.iter().find(|b| b.range.contains_pct(index))
    }

    pub fn is_template(&self) -> bool {
        self.status == Status::Template
    }
}
