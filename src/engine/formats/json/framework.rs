//! JSON of the framework tree. Field names and order are the file format
//! (schemas/framework.schema.json).

use super::Value as J;
use super::{json_names, json_struct, obj, obj_out, FromJson, Out, ToJson};
use crate::engine::formats::paste::{Draft, Flag, Pending, Source};
use crate::engine::model::framework::*;

pub const UNIT_TYPES: [(&str, UnitType); 3] = [
    ("so", UnitType::So),
    ("xa", UnitType::Xa),
    ("huyen", UnitType::Huyen),
];
pub const MISSING_SURVEY: [(&str, MissingSurvey); 2] = [
    ("zero", MissingSurvey::Zero),
    ("scale", MissingSurvey::Scale),
];
pub const STATUSES: [(&str, Status); 2] = [
    ("template", Status::Template),
    ("official", Status::Official),
];

json_names!(UnitType, UNIT_TYPES);
json_names!(Status, STATUSES);
json_names!(MissingSurvey, MISSING_SURVEY);

json_struct!(Years { from: req, to: opt });

json_struct!(Decision {
    number: req,
    date: req
});

json_struct!(PctRange {
    from: req,
    from_inclusive: req,
    to: req,
    to_inclusive: req
});

json_struct!(Band {
    label: req,
    range: flat
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
    rule: req,
    // Left out when unaffected: older frameworks keep their bytes and hash.
    period_rule: skip
});

impl FromJson for PeriodRule {
    fn from_json(v: &J) -> super::Result<Self> {
        let mut o = obj(v)?;
        let kind = o.req::<String>("kind");
        let r = match kind.as_str() {
            "unaffected" => PeriodRule::Unaffected,
            "cumulative" => {
                let e: Vec<u64> = o.req("expected");
                match <[u64; 4]>::try_from(e.as_slice()) {
                    Ok(expected) => PeriodRule::Cumulative { expected },
                    Err(_) => {
                        o.fail(
                            super::Error::new(format!(
                                "cần đúng 4 số (quý I, 6 tháng, quý III, năm), có {}",
                                e.len()
                            ))
                            .at("expected"),
                        );
                        PeriodRule::Unaffected
                    }
                }
            }
            "due_by_cutoff" => PeriodRule::DueByCutoff,
            "year_end" => PeriodRule::YearEnd,
            k => {
                o.fail(super::Error::new(format!("giá trị \"{k}\" không hợp lệ")).at("kind"));
                PeriodRule::Unaffected
            }
        };
        o.done(r)
    }
}
impl ToJson for PeriodRule {
    fn to_json(&self) -> Out {
        let o = obj_out();
        match self {
            PeriodRule::Unaffected => o.f("kind", "unaffected"),
            PeriodRule::Cumulative { expected } => {
                o.f("kind", "cumulative").f("expected", &expected.to_vec())
            }
            PeriodRule::DueByCutoff => o.f("kind", "due_by_cutoff"),
            PeriodRule::YearEnd => o.f("kind", "year_end"),
        }
        .done()
    }
}

json_struct!(ChoiceOption {
    id: req,
    label: req,
    points: req
});

json_struct!(RatioBand {
    range: flat,
    points: req
});

json_struct!(CountBand {
    min: req,
    max: opt,
    points: req
});

impl FromJson for Rule {
    fn from_json(v: &J) -> super::Result<Self> {
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
                o.fail(super::Error::new(format!("giá trị \"{k}\" không hợp lệ")).at("kind"));
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
    // Left out when "zero": frameworks without it keep their bytes and hash.
    missing_survey: skip,
    fields: req
});

json_struct!(Flag {
    id: req,
    message: req
});

json_struct!(Source { id: req, text: req });

json_struct!(Draft {
    framework: req,
    flags: opt,
    sources: skip
});

json_struct!(Pending {
    table: req,
    from: req,
    roles: req,
    header_rows: req,
    edited: opt,
    broken: opt
});

use crate::engine::model::official::{OfficialInputs, ResultItem, Results, UnitResult};

json_struct!(OfficialInputs {
    decision: skip,
    survey: skip,
    adjustments: skip,
    previous: skip
});

json_struct!(ResultItem {
    id: req,
    max: req,
    self_points: opt,
    official: opt,
    note: skip
});

json_struct!(UnitResult {
    unit_name: req,
    unit_type: req,
    year: req,
    period: req,
    framework_id: req,
    framework_version: req,
    revision_sha256: opt,
    self_index: req,
    appraised: req,
    survey: req,
    bonus: req,
    deductions: req,
    total: req,
    applicable_max: req,
    index: req,
    rank: req,
    of: req,
    band: opt,
    items: opt
});

json_struct!(Results {
    decision: opt,
    units: req
});
