//! Comparing an assessment with an earlier period's (same unit): points
//! then and now per field and per sub-criterion, matched by id, so a
//! framework revision between the two periods shows as missing sides.

use super::score::{score, SubState, Summary};
use crate::engine::model::{Assessment, Dec2, Framework};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub title: String,
    /// Points in the earlier period (`None`: not answered or not there).
    pub then: Option<Dec2>,
    pub now: Option<Dec2>,
}

impl Row {
    pub fn change(&self) -> Option<Dec2> {
        Some(self.now? - self.then?)
    }

    pub fn worse(&self) -> bool {
        self.change().is_some_and(|c| c < Dec2::ZERO)
    }

    pub fn better(&self) -> bool {
        self.change().is_some_and(|c| c > Dec2::ZERO)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub fields: Vec<Row>,
    pub subs: Vec<Row>,
    pub total: Row,
    pub index: Row,
}

fn answered_points(s: &Summary, id: &str) -> Option<Dec2> {
    s.sub(id)
        .filter(|x| {
            !matches!(
                x.state,
                SubState::Unanswered | SubState::Invalid | SubState::NotYet
            )
        })
        .map(|x| x.points)
}

pub fn compare(
    fw_now: &Framework,
    now: &Assessment,
    fw_then: &Framework,
    then: &Assessment,
) -> Comparison {
    let s_now = score(fw_now, now);
    let s_then = score(fw_then, then);
    let mut fields: Vec<Row> = fw_now
        .fields
        .iter()
        .map(|f| Row {
            id: f.id.clone(),
            title: f.title.clone(),
            then: s_then.field(&f.id).map(|n| n.points),
            now: s_now.field(&f.id).map(|n| n.points),
        })
        .collect();
    for f in &fw_then.fields {
        if !fields.iter().any(|r| r.id == f.id) {
            fields.push(Row {
                id: f.id.clone(),
                title: f.title.clone(),
                then: s_then.field(&f.id).map(|n| n.points),
                now: None,
            });
        }
    }
    let mut subs: Vec<Row> = fw_now
        .subs()
        .map(|x| Row {
            id: x.id.clone(),
            title: x.title.clone(),
            then: answered_points(&s_then, &x.id),
            now: answered_points(&s_now, &x.id),
        })
        .collect();
    for x in fw_then.subs() {
        if fw_now.sub(&x.id).is_none() {
            subs.push(Row {
                id: x.id.clone(),
                title: x.title.clone(),
                then: answered_points(&s_then, &x.id),
                now: None,
            });
        }
    }
    Comparison {
        fields,
        subs,
        total: Row {
            id: "total".into(),
            title: "Tổng điểm".into(),
            then: Some(s_then.total),
            now: Some(s_now.total),
        },
        index: Row {
            id: "index".into(),
            title: "Chỉ số (%)".into(),
            then: Some(s_then.index),
            now: Some(s_now.index),
        },
    }
}
