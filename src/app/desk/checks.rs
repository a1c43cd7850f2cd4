//! The check of every file loaded: used, warned, refused, a duplicate
//! (with both dates) or of another period, and why.

use super::{period_label, Shared};
use crate::app::state::Action;
use crate::engine::model::time;
use crate::engine::rules::consolidate::{Outcome, Place};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChecksProps {
    pub computed: Shared,
}

#[component]
pub fn ChecksTable(p: &ChecksProps) -> Html {
    let ctx = crate::app::use_app();
    let c = &*p.computed.0;
    let entries = &c.desk.entries;
    let updated = |i: usize| match &entries[i].outcome {
        Outcome::Checked(x) => time::date_vi(&x.assessment.updated),
        Outcome::Refused(_) => String::new(),
    };
    let attention = c.plan.places.iter().zip(entries).any(|(pl, e)| {
        *pl != Place::Ranked || matches!(&e.outcome, Outcome::Checked(x) if !x.warnings.is_empty())
    });
    let rows = entries.iter().enumerate().map(|(i, e)| {
        let place = c.plan.places.get(i).copied().unwrap_or(Place::Refused);
        let (unit, period, status, mut notes, cls) = match &e.outcome {
            Outcome::Refused(m) => (String::new(), String::new(), "Bị từ chối", vec![m.clone()], "refused"),
            Outcome::Checked(x) => {
                let (status, cls) = match place {
                    Place::Duplicate(_) => ("Trùng", "dup"),
                    Place::OtherPeriod => ("Khác kỳ", "other"),
                    _ if x.warnings.is_empty() => ("Hợp lệ", "ok"),
                    _ => ("Có cảnh báo", "warn"),
                };
                let p = (x.assessment.year, x.assessment.period);
                (x.assessment.unit_name.clone(), period_label(p), status, x.warnings.clone(), cls)
            }
        };
        match place {
            Place::Duplicate(j) => notes.insert(0, format!(
                "Trùng đơn vị và kỳ với tệp {} (cập nhật {}); tệp này cập nhật {}: không dùng tệp này.",
                entries[j].file_name, updated(j), updated(i))),
            Place::OtherPeriod => notes.insert(0, format!(
                "Không xếp hạng: tệp của kỳ khác với kỳ đang xếp hạng ({}).",
                c.plan.period.map(period_label).unwrap_or_default())),
            _ => {}
        }
        let choose = matches!(place, Place::Duplicate(_)).then(|| {
            let ctx = ctx.clone();
            let onclick = Callback::from(move |_| ctx.dispatch(Action::DeskChoose(i)));
            html! { <button class="btn small no-print" {onclick} aria-label={format!("Dùng tệp này: {}", e.file_name)}>{"Dùng tệp này"}</button> }
        });
        html! {
            <tr key={i} class={cls} data-file={e.file_name.clone()}>
                <td>{&e.file_name}</td><td>{unit}</td><td>{period}</td>
                <td><span class={classes!("status", cls)}>{status}</span></td>
                <td>{ for notes.iter().map(|n| html!{ <div>{n.clone()}</div> }) }{choose.unwrap_or_default()}</td>
            </tr>
        }
    });
    html! {
        <details class="checks" open={attention}>
            <summary>{format!("Kết quả kiểm tra từng tệp ({} tệp)", entries.len())}</summary>
            <div class="table-wrap" tabindex="0">
            <table class="checks-table">
                <thead><tr><th scope="col">{"Tệp"}</th><th scope="col">{"Đơn vị"}</th><th scope="col">{"Kỳ"}</th><th scope="col">{"Kết quả"}</th><th scope="col">{"Ghi chú"}</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            </div>
        </details>
    }
}
