//! JSON of an assessment, its actions and annual plan. Field names and
//! order are the storage and file format (schemas/self-assessment.schema.json).

use super::Value as J;
use super::{self as json, json_names, json_struct, name_of, obj, obj_out, FromJson, Out, ToJson};
use crate::engine::model::assessment::*;
use crate::engine::model::plan::{CorrectiveAction, PlanTask, ReformArea, Status};
use std::collections::BTreeMap;

pub const PERIODS: [(&str, Period); 4] = [
    ("q1", Period::Q1),
    ("h1", Period::H1),
    ("q3", Period::Q3),
    ("year", Period::Year),
];

json_names!(Period, PERIODS);

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
            "amounts" => Value::Amounts {
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
            Value::Amounts {
                numerator,
                denominator,
            } => o
                .f("type", "amounts")
                .f("numerator", numerator)
                .f("denominator", denominator),
            Value::Count { count } => o.f("type", "count").f("count", count),
            Value::Estimate { points } => o.f("type", "estimate").f("points", points),
        }
        .done()
    }
}

json_struct!(Evidence {
    number: opt,
    date: opt,
    issuer: opt,
    summary: opt,
    link: opt
});

json_struct!(Answer {
    value: skip,
    no_case: skip,
    not_applicable: skip,
    evidence: skip,
    explanation: skip,
    carried: skip
});

json_struct!(Contact {
    name: opt,
    position: opt,
    phone: opt,
    email: opt
});

json_struct!(FrameworkRef {
    id: req,
    version: req
});

json_struct!(Assessment {
    id: req,
    framework: req,
    unit_name: req,
    year: req,
    period: req,
    contact: opt,
    answers: opt,
    excluded: opt,
    adjustments: opt,
    created: opt,
    updated: opt,
    actions: opt,
    plan: opt,
    plan_override: opt,
    plan_confirmed: skip,
    report: opt,
    rounds: skip
});

json_struct!(ReportInfo {
    parent_body: opt,
    number: opt,
    place: opt,
    date: opt,
    difficulties: opt,
    proposals: opt,
    signer_title: opt,
    signer_name: opt,
    recipients: opt
});

pub const PLAN_STATUSES: [(&str, Status); 3] = [
    ("not_started", Status::NotStarted),
    ("in_progress", Status::InProgress),
    ("done", Status::Done),
];
pub const REFORM_AREAS: [(&str, ReformArea); 6] = [
    ("institutions", ReformArea::Institutions),
    ("procedures", ReformArea::Procedures),
    ("organisation", ReformArea::Organisation),
    ("civil_service", ReformArea::CivilService),
    ("public_finance", ReformArea::PublicFinance),
    ("digital_government", ReformArea::DigitalGovernment),
];

json_names!(Status, PLAN_STATUSES);
json_names!(ReformArea, REFORM_AREAS);

json_struct!(CorrectiveAction {
    id: req,
    subs: opt,
    what: opt,
    unit: opt,
    person: opt,
    deadline: opt,
    expected_points: opt,
    status: opt,
    progress: opt,
    result: opt,
    evidence: opt
});

impl FromJson for PlanTask {
    fn from_json(v: &J) -> json::Result<Self> {
        let mut o = obj(v)?;
        // Progress per period: keys are period codes ("q1", "h1", …).
        let by_name: BTreeMap<String, u8> = o.opt("progress");
        let mut progress = BTreeMap::new();
        for (k, p) in by_name {
            match Period::from_json(&J::String(k.clone())) {
                Ok(period) => {
                    progress.insert(period, p);
                }
                Err(e) => o.fail(e.at(k).at("progress")),
            }
        }
        let r = PlanTask {
            id: o.req("id"),
            area: o.opt("area"),
            task: o.opt("task"),
            output: o.opt("output"),
            lead: o.opt("lead"),
            deadline: o.opt("deadline"),
            status: o.opt("status"),
            progress,
        };
        o.done(r)
    }
}
impl ToJson for PlanTask {
    fn to_json(&self) -> Out {
        let progress = Out::Obj(
            self.progress
                .iter()
                .map(|(k, v)| (name_of(*k, &PERIODS).to_string(), v.to_json()))
                .collect(),
        );
        obj_out()
            .f("id", &self.id)
            .f("area", &self.area)
            .f("task", &self.task)
            .f("output", &self.output)
            .f("lead", &self.lead)
            .f("deadline", &self.deadline)
            .f("status", &self.status)
            .f("progress", &progress)
            .done()
    }
}

use crate::engine::formats::batch::{Kept, KeptFile, KeptPeriod};

json_struct!(KeptFile {
    name: req,
    text: opt,
    refused: opt
});

json_struct!(KeptPeriod {
    year: req,
    period: req
});

json_struct!(Kept {
    files: opt,
    previous: opt,
    chosen: opt,
    period: opt
});

use crate::engine::model::appraisal::{
    Appraisal, AppraisedItem, Explanation, Received, Reply, Subject, Submission, UnitRounds,
};

json_struct!(Subject {
    unit_name: req,
    unit_type: req,
    year: req,
    period: req,
    framework_id: req,
    framework_version: req,
    framework_sha256: req,
    revision_sha256: req,
    revision: req
});

json_struct!(AppraisedItem {
    accepted: skip,
    answer: skip,
    note: skip,
    request: skip,
    by: skip
});

json_struct!(Appraisal {
    subject: req,
    round: req,
    appraiser: opt,
    scope: opt,
    deadline: opt,
    explanation_sha256: skip,
    items: req
});

json_struct!(Reply {
    text: opt,
    evidence: skip
});

json_struct!(Explanation {
    subject: req,
    appraisal_sha256: req,
    deadline: opt,
    late: opt,
    items: req
});

json_struct!(Submission {
    revision: req,
    at: req,
    sha256: req,
    answers: opt,
    excluded: opt,
    adjustments: opt
});

json_struct!(Received {
    sha256: req,
    received_at: opt,
    appraisal: req
});

json_struct!(UnitRounds {
    submissions: skip,
    received: skip,
    replies: skip,
    explained_sha256: skip,
    official: skip
});

use crate::engine::model::appraisal::{DeskRounds, DeskWork};

json_struct!(DeskWork {
    revision_sha256: req,
    unit_name: opt,
    round: req,
    items: opt,
    conflicts: skip,
    round1: skip,
    sent1: skip,
    sent2: skip,
    sent2_items: skip,
    explanation: skip,
    explanation_sha256: skip,
    seen: skip
});

json_struct!(DeskRounds {
    appraiser: opt,
    scope: opt,
    deadline: opt,
    units: opt,
    official: skip
});
