//! Corrective actions (biện pháp khắc phục) for the points a unit loses,
//! and the unit's annual PAR plan (kế hoạch CCHC năm) whose completion
//! feeds the plan-completion sub-criterion. Pure data; the figures are in
//! `rules::plan`.

use super::assessment::Period;
use super::dec::Dec2;
use std::collections::BTreeMap;

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
            ReformArea::DigitalGovernment => {
                "Xây dựng, phát triển chính quyền điện tử, chính quyền số"
            }
        }
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
