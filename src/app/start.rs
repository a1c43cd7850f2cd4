//! Start page: the assessments saved in this browser.

use super::route::Route;
use super::state::Action;

use crate::engine::formats::stored::Stored;
use crate::engine::{score, time, Assessment, Period};
use crate::services::{self, storage};
use yew::prelude::*;

/// A copy of `a` for the next reporting period (Quý I → 6 tháng → Quý III
/// → Năm → Quý I of the next year), keeping answers and evidence, so a unit
/// only updates what changed.
pub fn duplicate_for_next_period(a: &Assessment, new_id: String, now: &str) -> Assessment {
    let mut b = a.clone();
    b.id = new_id;
    match a.period.next() {
        Some(p) => b.period = p,
        None => {
            b.period = Period::Q1;
            b.year = a.year.saturating_add(1);
        }
    }
    b.created = now.to_string();
    b.updated = now.to_string();
    b
}

#[component]
pub fn StartPage() -> Html {
    let ctx = super::use_app();
    // Bumped to re-read storage after a delete or duplicate.
    let refresh = use_state(|| 0u32);
    let confirm = use_state(|| None::<String>);
    let (items, unreadable) = storage::load_all();
    let _ = *refresh;

    let rows = items.iter().map(|s: &Stored| {
        let a = &s.assessment;
        let fw = ctx.framework(&a.framework.id, &a.framework.version);
        let (fw_title, index, completion) = match &fw {
            Some(fw) => {
                let sm = score(fw, a);
                (fw.title.clone(), format!("{}%", sm.index.to_vi_fixed()), format!("{}%", sm.completion.to_vi()))
            }
            None => (format!("{} (không có trong ứng dụng)", a.framework.id), "—".into(), "—".into()),
        };
        let id = a.id.clone();
        let open_href = Route::Checklist { id: id.clone(), criterion: None, sub: None }.href();
        let on_dup = {
            let (a, ctx, refresh) = (a.clone(), ctx.clone(), refresh.clone());
            Callback::from(move |_| {
                let now = services::now_iso();
                let b = duplicate_for_next_period(&a, services::random_id(), &now);
                match storage::save(&b, &ctx.tab, &now) {
                    Ok(()) => refresh.set(*refresh + 1),
                    Err(msg) => ctx.dispatch(Action::SaveFailed(msg)),
                }
            })
        };
        let asking = confirm.as_deref() == Some(id.as_str());
        let on_ask = { let (c, id) = (confirm.clone(), id.clone()); Callback::from(move |_| c.set(Some(id.clone()))) };
        let on_cancel = { let c = confirm.clone(); Callback::from(move |_| c.set(None)) };
        let on_delete = {
            let (c, id, refresh, ctx) = (confirm.clone(), id.clone(), refresh.clone(), ctx.clone());
            Callback::from(move |_| {
                storage::delete(&id);
                if ctx.current.as_ref().is_some_and(|cur| cur.assessment.id == id) {
                    ctx.dispatch(Action::Close);
                }
                c.set(None);
                refresh.set(*refresh + 1);
            })
        };
        let label = format!("{} — {} {}", a.unit_name, a.period.label(), a.year);
        html! {
            <tr key={id.clone()} data-assessment={id.clone()}>
                <td data-label="Đơn vị"><a href={open_href.clone()}>{&a.unit_name}</a></td>
                <td data-label="Kỳ báo cáo">{format!("{} {}", a.period.label(), a.year)}</td>
                <td data-label="Bộ tiêu chí">{fw_title}</td>
                <td data-label="Chỉ số (ước tính)" class="num">{index}</td>
                <td data-label="Hoàn thành" class="num">{completion}</td>
                <td data-label="Lưu lúc">{saved_vi(&s.saved_at)}</td>
                <td class="actions">
                    if asking {
                        <span role="alert">{format!("Xóa \"{label}\"? Không thể hoàn tác.")}</span>
                        <button class="btn danger" onclick={on_delete}>{"Xóa"}</button>
                        <button class="btn" onclick={on_cancel}>{"Hủy"}</button>
                    } else {
                        <a class="btn" href={open_href} aria-label={format!("Mở: {label}")}>{"Mở"}</a>
                        <button class="btn" onclick={on_dup} aria-label={format!("Nhân bản sang kỳ sau: {label}")}>{"Nhân bản sang kỳ sau"}</button>
                        <button class="btn danger-outline" onclick={on_ask} aria-label={format!("Xóa: {label}")}>{"Xóa"}</button>
                    }
                </td>
            </tr>
        }
    });

    html! {
        <section class="page start">
            <h1>{"Bản tự đánh giá đã lưu trong trình duyệt này"}</h1>
            <p class="lead">{"Dữ liệu chỉ lưu trên máy này, không gửi đi đâu. Mỗi thay đổi được lưu ngay."}</p>
            <p><a class="btn primary" href={Route::New.href()}>{"Tạo bản tự đánh giá mới"}</a></p>
            <super::import::ImportBox on_done={{ let r = refresh.clone(); Callback::from(move |_| r.set(*r + 1)) }} />
            if !unreadable.is_empty() {
                <div class="banner warn" role="alert">
                    <p>{format!("Có {} bản lưu không đọc được. Dữ liệu gốc được giữ nguyên, không bị ghi đè:", unreadable.len())}</p>
                    <ul>{ for unreadable.iter().map(|u| html!{ <li><code>{&u.key}</code>{": "}{&u.reason}</li> }) }</ul>
                </div>
            }
            if items.is_empty() {
                <p class="empty">{"Chưa có bản tự đánh giá nào. Bấm \"Tạo bản tự đánh giá mới\" để bắt đầu."}</p>
            } else {
                <table class="list">
                    <thead><tr>
                        <th scope="col">{"Đơn vị"}</th><th scope="col">{"Kỳ báo cáo"}</th><th scope="col">{"Bộ tiêu chí"}</th>
                        <th scope="col">{"Chỉ số (ước tính)"}</th><th scope="col">{"Hoàn thành"}</th><th scope="col">{"Lưu lúc"}</th>
                        <th scope="col"><span class="sr-only">{"Thao tác"}</span></th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
        </section>
    }
}

fn saved_vi(iso: &str) -> String {
    match iso.get(11..19) {
        Some(clock) => format!("{} {clock}", time::date_vi(iso)),
        None => time::date_vi(iso),
    }
}
