//! Every check a framework must pass before it is used. Each problem names
//! where it is (`3.4.1`, `bands`, `fields`) and what is wrong, in Vietnamese,
//! because Sở Nội vụ staff read these in the editor.

use crate::engine::model::{
    Adjustments, CountBand, Dec2, Framework, PctRange, PeriodRule, Rule, SubCriterion,
    FRAMEWORK_FORMAT, FRAMEWORK_FORMAT_VERSION,
};
use std::collections::HashSet;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: an item id ("3.4.1"), or a part of the file ("bands").
    pub path: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    WrongFormat(String),
    UnsupportedVersion(u32),
    Empty(&'static str),
    DuplicateId(String),
    /// Children's maxima do not add up to the parent's.
    SumMismatch {
        max: Dec2,
        children: Dec2,
    },
    TotalNot100(Dec2),
    NonPositiveMax,
    PointsOutOfRange(Dec2),
    MaxNotReachable,
    NoOptions,
    NoBands,
    BadRange,
    Gap(Dec2),
    Overlap(Dec2),
    CountGap(u64),
    CountOverlap(u64),
    CountBeyondMax(u64),
    SurveyNoCase,
    YearsReversed,
    NegativeCap,
    /// `plan_completion_sub` names no ratio sub-criterion.
    BadPlanSub(String),
    /// `excluded_with` names no field that may be declared not applicable
    /// (or the criterion's own field, or the criterion may also be
    /// excluded on its own).
    BadExcludedWith(String, ExcludedWithProblem),
    /// An id (or version) outside [`ID_PATTERN`].
    BadId(String),
    /// A period rule that does not fit the item's rule.
    BadPeriodRule(PeriodRuleProblem),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodRuleProblem {
    /// "Số lượng tăng dần theo kỳ" on a rule that is not a count.
    CumulativeNotCount,
    /// The expected counts go down from one period to the next, or the
    /// year's is 0.
    CumulativeNotGrowing,
    /// The year's expected count is above the count's maximum.
    CumulativeAboveMax(u64),
    /// "Tỷ lệ trên việc đến hạn" on a rule that is not a ratio.
    DueNotRatio,
}

/// What an id or version may hold, as the schema says: ASCII letters,
/// digits, dots and hyphens, starting with a letter or digit, at most
/// [`ID_MAX`] characters (ids become parts of storage keys and addresses).
pub const ID_PATTERN: &str = "^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$";
pub const ID_MAX: usize = 64;

/// Whether `id` fits [`ID_PATTERN`].
pub fn id_ok(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= ID_MAX
        && b[0].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == b'.' || *c == b'-')
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExcludedWithProblem {
    NoSuchField,
    FieldNotExcludable,
    OwnField,
    AlsoAlone,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProblemKind::*;
        write!(f, "{}: ", place(&self.path))?;
        match &self.kind {
            WrongFormat(s) => write!(f, "không phải tệp bộ tiêu chí (format = \"{s}\")"),
            UnsupportedVersion(v) => write!(
                f,
                "phiên bản định dạng {v} mới hơn ứng dụng; hãy cập nhật ứng dụng"
            ),
            Empty(what) => write!(f, "thiếu {what}"),
            DuplicateId(id) => write!(f, "mã \"{id}\" bị trùng"),
            SumMismatch { max, children } => write!(
                f,
                "tổng điểm các mục con ({}) khác điểm tối đa ({})",
                children.to_vi(),
                max.to_vi()
            ),
            TotalNot100(t) => write!(f, "tổng điểm tối đa là {}, phải bằng 100", t.to_vi()),
            NonPositiveMax => write!(f, "điểm tối đa phải lớn hơn 0"),
            PointsOutOfRange(p) => {
                write!(
                    f,
                    "mức điểm {} nằm ngoài khoảng 0 đến điểm tối đa",
                    p.to_vi()
                )
            }
            MaxNotReachable => write!(f, "không có mức nào đạt điểm tối đa"),
            NoOptions => write!(f, "cần ít nhất hai phương án"),
            NoBands => write!(f, "chưa có khoảng điểm nào"),
            BadRange => write!(
                f,
                "khoảng không hợp lệ (cận dưới lớn hơn cận trên hoặc ngoài 0–100%)"
            ),
            Gap(p) => write!(f, "các khoảng bỏ trống tại {}%", p.to_vi()),
            Overlap(p) => write!(f, "các khoảng chồng lấn tại {}%", p.to_vi()),
            CountGap(n) => write!(f, "các khoảng số lượng bỏ trống tại {n}"),
            CountOverlap(n) => write!(f, "các khoảng số lượng chồng lấn tại {n}"),
            CountBeyondMax(n) => write!(f, "khoảng số lượng vượt quá số tối đa {n}"),
            SurveyNoCase => write!(
                f,
                "tiêu chí điều tra xã hội học không thể có \"không phát sinh\""
            ),
            YearsReversed => write!(f, "năm kết thúc trước năm bắt đầu"),
            NegativeCap => write!(f, "mức trần không được âm"),
            BadPlanSub(id) => write!(
                f,
                "\"{id}\" không có hoặc không tính theo tỷ lệ"
            ),
            BadPeriodRule(p) => match p {
                PeriodRuleProblem::CumulativeNotCount => write!(
                    f,
                    "\"số lượng tăng dần theo kỳ\" chỉ dùng cho tiêu chí tính theo số lượng"
                ),
                PeriodRuleProblem::CumulativeNotGrowing => write!(
                    f,
                    "số lượng phải đạt theo kỳ (quý I, 6 tháng, quý III, năm) không được giảm dần và số cả năm phải lớn hơn 0"
                ),
                PeriodRuleProblem::CumulativeAboveMax(m) => write!(
                    f,
                    "số lượng phải đạt cả năm vượt quá số tối đa {m}"
                ),
                PeriodRuleProblem::DueNotRatio => write!(
                    f,
                    "\"tỷ lệ trên việc đến hạn\" chỉ dùng cho tiêu chí tính theo tỷ lệ"
                ),
            },
            BadId(id) => {
                let shown: String = id.chars().take(40).collect();
                write!(f, "mã \"{shown}\" không hợp lệ: chỉ dùng chữ cái không dấu, chữ số, dấu chấm và dấu gạch nối (tối đa {ID_MAX} ký tự)")
            }
            BadExcludedWith(field, why) => match why {
                ExcludedWithProblem::NoSuchField => {
                    write!(f, "\"không áp dụng cùng lĩnh vực {field}\": không có lĩnh vực này")
                }
                ExcludedWithProblem::FieldNotExcludable => write!(
                    f,
                    "\"không áp dụng cùng lĩnh vực {field}\": lĩnh vực {field} không được phép khai báo \"không áp dụng\""
                ),
                ExcludedWithProblem::OwnField => write!(
                    f,
                    "\"không áp dụng cùng lĩnh vực {field}\": đó là lĩnh vực chứa tiêu chí này (đã tự không áp dụng theo lĩnh vực)"
                ),
                ExcludedWithProblem::AlsoAlone => write!(
                    f,
                    "tiêu chí đi cùng lĩnh vực {field} không thể khai báo \"không áp dụng\" riêng: bỏ một trong hai"
                ),
            },
        }
    }
}

/// Where a problem is, for people: an item's id as it is, a part of the
/// file by its name in Vietnamese.
fn place(path: &str) -> String {
    const NAMES: [(&str, &str); 12] = [
        ("fields", "Bộ tiêu chí"),
        ("bands", "Xếp loại"),
        ("bonus", "Điểm thưởng"),
        ("deductions", "Điểm trừ"),
        ("format", "Định dạng tệp"),
        ("format_version", "Phiên bản định dạng"),
        ("id", "Mã bộ tiêu chí"),
        ("version", "Phiên bản bộ tiêu chí"),
        ("title", "Tên bộ tiêu chí"),
        ("years", "Năm áp dụng"),
        ("plan_completion_sub", "Tiêu chí hoàn thành kế hoạch"),
        ("(không mã)", "Mục chưa có mã"),
    ];
    let (head, tail) = path.split_once('.').unwrap_or((path, ""));
    match NAMES.iter().find(|(k, _)| *k == head) {
        Some((_, name)) if tail.is_empty() => name.to_string(),
        Some((_, name)) if head == "bonus" || head == "deductions" => format!("{name} {tail}"),
        _ => path.to_string(),
    }
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn push(&mut self, path: &str, kind: ProblemKind) {
        self.problems.push(Problem {
            path: path.to_string(),
            kind,
        });
    }
}

/// All problems of a framework, in file order. Empty means valid.
pub fn validate(fw: &Framework) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    if fw.format != FRAMEWORK_FORMAT {
        c.push("format", ProblemKind::WrongFormat(fw.format.clone()));
    }
    if fw.format_version > FRAMEWORK_FORMAT_VERSION || fw.format_version == 0 {
        c.push(
            "format_version",
            ProblemKind::UnsupportedVersion(fw.format_version),
        );
    }
    if fw.id.trim().is_empty() {
        c.push("id", ProblemKind::Empty("mã bộ tiêu chí"));
    } else if !id_ok(&fw.id) {
        c.push("id", ProblemKind::BadId(fw.id.clone()));
    }
    if !id_ok(&fw.version) {
        c.push("version", ProblemKind::BadId(fw.version.clone()));
    }
    if fw.title.trim().is_empty() {
        c.push("title", ProblemKind::Empty("tên bộ tiêu chí"));
    }
    if fw.years.to.is_some_and(|t| t < fw.years.from) {
        c.push("years", ProblemKind::YearsReversed);
    }

    // Bands of the index: labels, and full coverage of 0–100%.
    if fw.bands.is_empty() {
        c.push("bands", ProblemKind::NoBands);
    }
    for b in &fw.bands {
        if b.label.trim().is_empty() {
            c.push("bands", ProblemKind::Empty("tên xếp loại"));
        }
    }
    let ranges: Vec<PctRange> = fw.bands.iter().map(|b| b.range).collect();
    if !ranges.is_empty() {
        check_coverage(&mut c, "bands", &ranges);
    }
    check_adjustments(&mut c, "bonus", &fw.bonus);
    check_adjustments(&mut c, "deductions", &fw.deductions);

    if fw.fields.is_empty() {
        c.push("fields", ProblemKind::Empty("lĩnh vực"));
    }
    let mut field_ids = HashSet::new();
    let mut crit_ids = HashSet::new();
    let mut sub_ids = HashSet::new();
    for field in &fw.fields {
        if !field_ids.insert(field.id.as_str()) {
            c.push(&field.id, ProblemKind::DuplicateId(field.id.clone()));
        }
        check_node(&mut c, &field.id, &field.title, field.max);
        if field.criteria.is_empty() {
            c.push(&field.id, ProblemKind::Empty("tiêu chí"));
        }
        let sum: Dec2 = field.criteria.iter().map(|k| k.max).sum();
        if sum != field.max {
            c.push(
                &field.id,
                ProblemKind::SumMismatch {
                    max: field.max,
                    children: sum,
                },
            );
        }
        for crit in &field.criteria {
            if !crit_ids.insert(crit.id.as_str()) || field_ids.contains(crit.id.as_str()) {
                c.push(&crit.id, ProblemKind::DuplicateId(crit.id.clone()));
            }
            check_node(&mut c, &crit.id, &crit.title, crit.max);
            if crit.subs.is_empty() {
                c.push(&crit.id, ProblemKind::Empty("tiêu chí thành phần"));
            }
            let sum: Dec2 = crit.subs.iter().map(|s| s.max).sum();
            if sum != crit.max {
                c.push(
                    &crit.id,
                    ProblemKind::SumMismatch {
                        max: crit.max,
                        children: sum,
                    },
                );
            }
            for sub in &crit.subs {
                // A criterion scored directly has one sub-criterion bearing
                // the criterion's own id; any other reuse is a clash.
                let inline = sub.id == crit.id && crit.subs.len() == 1;
                let clash = field_ids.contains(sub.id.as_str())
                    || (crit_ids.contains(sub.id.as_str()) && !inline);
                if !sub_ids.insert(sub.id.as_str()) || clash {
                    c.push(&sub.id, ProblemKind::DuplicateId(sub.id.clone()));
                }
                check_node(&mut c, &sub.id, &sub.title, sub.max);
                check_rule(&mut c, sub);
            }
        }
    }
    // A criterion that goes with a field (not applicable exactly when the
    // field is): the field must exist, be excludable and be another field.
    for field in &fw.fields {
        for crit in &field.criteria {
            let Some(with) = &crit.excluded_with else {
                continue;
            };
            let why = match fw.fields.iter().find(|f| &f.id == with) {
                None => Some(ExcludedWithProblem::NoSuchField),
                Some(f) if !f.may_be_not_applicable => {
                    Some(ExcludedWithProblem::FieldNotExcludable)
                }
                Some(f) if f.id == field.id => Some(ExcludedWithProblem::OwnField),
                Some(_) if crit.may_be_not_applicable => Some(ExcludedWithProblem::AlsoAlone),
                Some(_) => None,
            };
            if let Some(why) = why {
                c.push(&crit.id, ProblemKind::BadExcludedWith(with.clone(), why));
            }
        }
    }
    if let Some(id) = &fw.plan_completion_sub {
        let ok = fw
            .sub(id)
            .is_some_and(|s| matches!(s.rule, Rule::RatioBands { .. } | Rule::Proportional { .. }));
        if !ok {
            c.push("plan_completion_sub", ProblemKind::BadPlanSub(id.clone()));
        }
    }
    let total = fw.total_max();
    if !fw.fields.is_empty() && total != Dec2::HUNDRED {
        c.push("fields", ProblemKind::TotalNot100(total));
    }
    c.problems
}

fn check_node(c: &mut Checker, id: &str, title: &str, max: Dec2) {
    if id.trim().is_empty() {
        c.push("(không mã)", ProblemKind::Empty("mã mục"));
    } else if !id_ok(id) {
        c.push(id, ProblemKind::BadId(id.to_string()));
    }
    if title.trim().is_empty() {
        c.push(id, ProblemKind::Empty("tên mục"));
    }
    if max <= Dec2::ZERO {
        c.push(id, ProblemKind::NonPositiveMax);
    }
}

fn check_adjustments(c: &mut Checker, path: &str, adj: &Adjustments) {
    if adj.cap < Dec2::ZERO {
        c.push(path, ProblemKind::NegativeCap);
    }
    let mut ids = HashSet::new();
    for item in &adj.items {
        let p = format!("{path}.{}", item.id);
        if !id_ok(&item.id) {
            c.push(path, ProblemKind::BadId(item.id.clone()));
        }
        if !ids.insert(item.id.as_str()) {
            c.push(&p, ProblemKind::DuplicateId(item.id.clone()));
        }
        if item.title.trim().is_empty() {
            c.push(&p, ProblemKind::Empty("nội dung"));
        }
        if item.points <= Dec2::ZERO {
            c.push(&p, ProblemKind::PointsOutOfRange(item.points));
        }
    }
}

fn check_points(c: &mut Checker, sub: &SubCriterion, points: impl Iterator<Item = Dec2>) {
    let mut reaches_max = false;
    for p in points {
        if p < Dec2::ZERO || p > sub.max {
            c.push(&sub.id, ProblemKind::PointsOutOfRange(p));
        }
        reaches_max |= p == sub.max;
    }
    if !reaches_max {
        c.push(&sub.id, ProblemKind::MaxNotReachable);
    }
}

fn check_period_rule(c: &mut Checker, sub: &SubCriterion) {
    use PeriodRuleProblem as P;
    let bad = match (&sub.period_rule, &sub.rule) {
        (PeriodRule::Cumulative { expected }, Rule::CountBands { max_count, .. }) => {
            if expected.windows(2).any(|w| w[0] > w[1]) || expected[3] == 0 {
                Some(P::CumulativeNotGrowing)
            } else {
                max_count
                    .filter(|m| expected[3] > *m)
                    .map(P::CumulativeAboveMax)
            }
        }
        (PeriodRule::Cumulative { .. }, _) => Some(P::CumulativeNotCount),
        (PeriodRule::DueByCutoff, Rule::RatioBands { .. } | Rule::Proportional { .. }) => None,
        (PeriodRule::DueByCutoff, _) => Some(P::DueNotRatio),
        (PeriodRule::Unaffected | PeriodRule::YearEnd, _) => None,
    };
    if let Some(p) = bad {
        c.push(&sub.id, ProblemKind::BadPeriodRule(p));
    }
}

fn check_rule(c: &mut Checker, sub: &SubCriterion) {
    check_period_rule(c, sub);
    match &sub.rule {
        Rule::Options { options } => {
            if options.len() < 2 {
                c.push(&sub.id, ProblemKind::NoOptions);
            }
            let mut ids = HashSet::new();
            for o in options {
                if !id_ok(&o.id) {
                    c.push(&sub.id, ProblemKind::BadId(o.id.clone()));
                }
                if !ids.insert(o.id.as_str()) {
                    c.push(&sub.id, ProblemKind::DuplicateId(o.id.clone()));
                }
                if o.label.trim().is_empty() {
                    c.push(&sub.id, ProblemKind::Empty("tên phương án"));
                }
            }
            if !options.is_empty() {
                check_points(c, sub, options.iter().map(|o| o.points));
            }
        }
        Rule::RatioBands { bands, .. } => {
            if bands.is_empty() {
                c.push(&sub.id, ProblemKind::NoBands);
                return;
            }
            let ranges: Vec<PctRange> = bands.iter().map(|b| b.range).collect();
            check_coverage(c, &sub.id, &ranges);
            check_points(c, sub, bands.iter().map(|b| b.points));
        }
        Rule::CountBands { bands, max_count } => {
            if bands.is_empty() {
                c.push(&sub.id, ProblemKind::NoBands);
                return;
            }
            check_count_coverage(c, &sub.id, bands, *max_count);
            check_points(c, sub, bands.iter().map(|b| b.points));
        }
        Rule::Survey => {
            if sub.no_case_full_points {
                c.push(&sub.id, ProblemKind::SurveyNoCase);
            }
        }
        Rule::YesNo | Rule::Proportional { .. } => {}
    }
}

/// Percent ranges must tile 0–100% exactly: no gap, no overlap, with the
/// inclusivity of touching ends complementary.
fn check_coverage(c: &mut Checker, path: &str, ranges: &[PctRange]) {
    let mut sorted: Vec<PctRange> = Vec::with_capacity(ranges.len());
    for r in ranges {
        let degenerate = r.from == r.to && !(r.from_inclusive && r.to_inclusive);
        if r.from > r.to || r.from < Dec2::ZERO || r.to > Dec2::HUNDRED || degenerate {
            c.push(path, ProblemKind::BadRange);
        } else {
            sorted.push(*r);
        }
    }
    if sorted.is_empty() {
        return;
    }
    // Lower bound first; at equal bounds the inclusive start comes first.
    crate::engine::sort_by_key(&mut sorted, |r| (r.from, !r.from_inclusive, r.to));
    let first = sorted[0];
    if first.from > Dec2::ZERO || !first.from_inclusive {
        c.push(path, ProblemKind::Gap(Dec2::ZERO));
    }
    for w in sorted.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a.to < b.from {
            c.push(path, ProblemKind::Gap(a.to));
        } else if a.to > b.from || (a.to_inclusive && b.from_inclusive) {
            c.push(path, ProblemKind::Overlap(b.from));
        } else if !a.to_inclusive && !b.from_inclusive {
            c.push(path, ProblemKind::Gap(b.from));
        }
    }
    let last = sorted[sorted.len() - 1];
    let reach = sorted.iter().map(|r| r.to).max().unwrap_or(Dec2::ZERO);
    if reach < Dec2::HUNDRED || (last.to == Dec2::HUNDRED && !last.to_inclusive) {
        c.push(path, ProblemKind::Gap(reach));
    }
}

/// Count bands must tile 0..=max_count (or 0..∞) exactly.
fn check_count_coverage(c: &mut Checker, path: &str, bands: &[CountBand], max_count: Option<u64>) {
    let mut sorted: Vec<&CountBand> = Vec::with_capacity(bands.len());
    for b in bands {
        if b.max.is_some_and(|m| m < b.min) {
            c.push(path, ProblemKind::BadRange);
        } else {
            sorted.push(b);
        }
    }
    if sorted.is_empty() {
        return;
    }
    crate::engine::sort_by_key(&mut sorted, |b| (b.min, b.max.unwrap_or(u64::MAX)));
    if sorted[0].min > 0 {
        c.push(path, ProblemKind::CountGap(0));
    }
    for w in sorted.windows(2) {
        let (a, b) = (w[0], w[1]);
        match a.max {
            None => c.push(path, ProblemKind::CountOverlap(b.min)),
            Some(m) if m >= b.min => c.push(path, ProblemKind::CountOverlap(b.min)),
            Some(m) if m + 1 < b.min => c.push(path, ProblemKind::CountGap(m + 1)),
            Some(_) => {}
        }
    }
    let last = sorted[sorted.len() - 1];
    match (last.max, max_count) {
        (None, Some(mc)) => c.push(path, ProblemKind::CountBeyondMax(mc)),
        (Some(m), Some(mc)) if m > mc => c.push(path, ProblemKind::CountBeyondMax(mc)),
        (Some(m), Some(mc)) if m < mc => c.push(path, ProblemKind::CountGap(m + 1)),
        (Some(m), None) => c.push(path, ProblemKind::CountGap(m + 1)),
        _ => {}
    }
}
