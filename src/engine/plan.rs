//! Corrective actions (biện pháp khắc phục) for the points a unit loses,
//! and the unit's annual PAR plan (kế hoạch CCHC năm) whose completion
//! feeds the plan-completion sub-criterion. Pure data and arithmetic.

use super::assessment::{Assessment, Period};
use super::dec::Dec2;
use super::framework::Framework;
use super::score::Summary;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    #[default]
    NotStarted,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::NotStarted, Status::InProgress, Status::Done];

    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Chưa thực hiện",
            Status::InProgress => "Đang thực hiện",
            Status::Done => "Hoàn thành",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Done => "done",
        }
    }

    pub fn from_code(s: &str) -> Status {
        match s {
            "in_progress" => Status::InProgress,
            "done" => Status::Done,
            _ => Status::NotStarted,
        }
    }
}

/// A concrete, owned, dated task that recovers points on sub-criteria.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CorrectiveAction {
    pub id: String,
    /// Sub-criteria whose lost points it recovers.
    pub subs: Vec<String>,
    /// What will be done.
    pub what: String,
    /// Responsible unit (đơn vị chủ trì) and person.
    pub unit: String,
    pub person: String,
    /// ISO date `yyyy-mm-dd`, or empty.
    pub deadline: String,
    /// Points expected back when done.
    pub expected_points: Dec2,
    pub status: Status,
    /// 0–100.
    pub progress: u8,
    /// Result and evidence once done.
    pub result: String,
    pub evidence: String,
}

impl CorrectiveAction {
    /// Past its deadline and not done; `today` is an ISO date.
    pub fn is_overdue(&self, today: &str) -> bool {
        self.status != Status::Done && !self.deadline.is_empty() && self.deadline.as_str() < today
    }
}

/// The six reform contents of Nghị quyết 76/NQ-CP (2021–2030).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReformArea {
    #[default]
    Institutions,
    Procedures,
    Organisation,
    CivilService,
    PublicFinance,
    DigitalGovernment,
}

impl ReformArea {
    pub const ALL: [ReformArea; 6] = [
        ReformArea::Institutions,
        ReformArea::Procedures,
        ReformArea::Organisation,
        ReformArea::CivilService,
        ReformArea::PublicFinance,
        ReformArea::DigitalGovernment,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ReformArea::Institutions => "Cải cách thể chế",
            ReformArea::Procedures => "Cải cách thủ tục hành chính",
            ReformArea::Organisation => "Cải cách tổ chức bộ máy hành chính nhà nước",
            ReformArea::CivilService => "Cải cách chế độ công vụ",
            ReformArea::PublicFinance => "Cải cách tài chính công",
            ReformArea::DigitalGovernment => "Xây dựng, phát triển Chính phủ điện tử, Chính phủ số",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ReformArea::Institutions => "institutions",
            ReformArea::Procedures => "procedures",
            ReformArea::Organisation => "organisation",
            ReformArea::CivilService => "civil_service",
            ReformArea::PublicFinance => "public_finance",
            ReformArea::DigitalGovernment => "digital_government",
        }
    }

    pub fn from_code(s: &str) -> ReformArea {
        ReformArea::ALL
            .into_iter()
            .find(|a| a.code() == s)
            .unwrap_or_default()
    }
}

/// A task of the unit's annual PAR plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanTask {
    pub id: String,
    pub area: ReformArea,
    pub task: String,
    /// Expected output (sản phẩm).
    pub output: String,
    /// Lead unit (đơn vị chủ trì).
    pub lead: String,
    pub deadline: String,
    pub status: Status,
    /// Progress (%) reported at each period.
    pub progress: BTreeMap<Period, u8>,
}

/// Where the plan-completion figure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanFigure {
    pub done: u64,
    pub total: u64,
}

/// Tasks done / tasks planned, when the unit keeps its plan here.
pub fn plan_figure(a: &Assessment) -> Option<PlanFigure> {
    if a.plan.is_empty() {
        return None;
    }
    Some(PlanFigure {
        done: a.plan.iter().filter(|t| t.status == Status::Done).count() as u64,
        total: a.plan.len() as u64,
    })
}

/// The sub-criterion fed by the plan, when the framework names one, the
/// unit keeps a plan, and the user has not overridden it.
pub fn plan_feeds<'a>(fw: &'a Framework, a: &Assessment) -> Option<(&'a str, PlanFigure)> {
    let id = fw.plan_completion_sub.as_deref()?;
    if a.plan_override {
        return None;
    }
    plan_figure(a).map(|f| (id, f))
}

/// What the unit would reach if every open action succeeds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Projection {
    /// Points expected back, capped by what the targeted items still lose.
    pub gain: Dec2,
    pub total: Dec2,
    pub index: Dec2,
    pub band: Option<String>,
    pub open_actions: usize,
    pub done_actions: usize,
}

impl Projection {
    /// Done / all actions, in %.
    pub fn completion(&self) -> Dec2 {
        let all = self.open_actions + self.done_actions;
        if all == 0 {
            return Dec2::ZERO;
        }
        Dec2::from_int(self.done_actions as i64).percent_of(Dec2::from_int(all as i64))
    }
}

pub fn project(fw: &Framework, a: &Assessment, s: &Summary) -> Projection {
    let open: Vec<_> = a
        .actions
        .iter()
        .filter(|x| x.status != Status::Done)
        .collect();
    let expected: Dec2 = open.iter().map(|x| x.expected_points.max(Dec2::ZERO)).sum();
    let mut targeted: BTreeSet<&str> = BTreeSet::new();
    for x in &open {
        targeted.extend(x.subs.iter().map(String::as_str));
    }
    let recoverable: Dec2 = targeted
        .iter()
        .filter_map(|id| s.sub(id))
        .filter(|x| !x.survey)
        .map(|x| x.lost)
        .sum();
    let gain = expected.min(recoverable);
    let total = (s.total + gain).clamp_to(Dec2::ZERO, s.applicable_max);
    let index = total
        .percent_of(s.applicable_max)
        .clamp_to(Dec2::ZERO, Dec2::HUNDRED);
    Projection {
        gain,
        total,
        index,
        band: fw.band_for(index).map(|b| b.label.clone()),
        open_actions: open.len(),
        done_actions: a.actions.len() - open.len(),
    }
}

/// The field (first sub-criterion's) an action belongs to, for sorting.
pub fn action_field<'a>(fw: &'a Framework, x: &CorrectiveAction) -> Option<&'a str> {
    let first = x.subs.first()?;
    fw.fields
        .iter()
        .find(|f| {
            f.criteria
                .iter()
                .any(|c| c.subs.iter().any(|s| &s.id == first))
        })
        .map(|f| f.id.as_str())
}

fn csv_cell(s: &str) -> String {
    // Cells that Excel would read as a formula are prefixed with a quote.
    let s = if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Rows as CSV for Excel: UTF-8 with BOM, CRLF, RFC 4180 quoting, and
/// formula-looking cells neutralised.
pub fn csv_rows(rows: Vec<Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Corrective actions as CSV (UTF-8 with BOM, CRLF), for Excel.
pub fn actions_csv(a: &Assessment) -> String {
    let mut rows = vec![[
        "STT",
        "Tiêu chí thành phần",
        "Biện pháp",
        "Đơn vị chủ trì",
        "Người phụ trách",
        "Thời hạn",
        "Điểm dự kiến thu hồi",
        "Trạng thái",
        "Tiến độ (%)",
        "Kết quả",
        "Tài liệu kiểm chứng",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect::<Vec<_>>()];
    for (i, x) in a.actions.iter().enumerate() {
        rows.push(vec![
            (i + 1).to_string(),
            x.subs.join("; "),
            x.what.clone(),
            x.unit.clone(),
            x.person.clone(),
            super::time::date_vi(&x.deadline),
            x.expected_points.to_vi(),
            x.status.label().into(),
            x.progress.to_string(),
            x.result.clone(),
            x.evidence.clone(),
        ]);
    }
    csv_rows(rows)
}

/// The annual plan as CSV (UTF-8 with BOM, CRLF), grouped by reform area.
pub fn plan_csv(a: &Assessment) -> String {
    let mut rows = vec![[
        "STT",
        "Nội dung cải cách",
        "Nhiệm vụ",
        "Kết quả đầu ra",
        "Đơn vị chủ trì",
        "Thời hạn",
        "Trạng thái",
        "Quý I (%)",
        "6 tháng (%)",
        "Quý III (%)",
        "Năm (%)",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect::<Vec<_>>()];
    let mut n = 0;
    for area in ReformArea::ALL {
        for t in a.plan.iter().filter(|t| t.area == area) {
            n += 1;
            let p = |period| {
                t.progress
                    .get(&period)
                    .map_or(String::new(), |v| v.to_string())
            };
            rows.push(vec![
                n.to_string(),
                area.label().into(),
                t.task.clone(),
                t.output.clone(),
                t.lead.clone(),
                super::time::date_vi(&t.deadline),
                t.status.label().into(),
                p(Period::Q1),
                p(Period::H1),
                p(Period::Q3),
                p(Period::Year),
            ]);
        }
    }
    csv_rows(rows)
}

// ------------------------------------------------------------------ JSON
// Field names and order are the storage and file format.

use super::assessment::PERIODS;
use super::json::{self, json_names, json_struct, name_of, obj, obj_out, FromJson, Out, ToJson};
use serde_json::Value as J;

json_names!(Status, Status::ALL.map(|s| (s.code(), s)));
json_names!(ReformArea, ReformArea::ALL.map(|a| (a.code(), a)));

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
