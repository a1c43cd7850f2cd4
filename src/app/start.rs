//! Start page: the assessments saved in this browser, copies kept aside
//! while two tabs edited one, and what could not be read.

use super::route::Route;
use super::state::Action;
use crate::engine::formats::stored::Stored;
use crate::engine::{score, time};
use crate::services;
use yew::prelude::*;

#[component]
pub fn StartPage() -> Html {
    let ctx = super::use_app();
    let confirm = use_state(|| None::<String>);

    let rows = ctx.saved.iter().map(|s: &Stored| {
        let a = &s.assessment;
        let fw = ctx.framework(&a.framework.id, &a.framework.version);
        let (fw_title, index, completion) = match &fw {
            Some(fw) => {
                let sm = score(fw, a);
                (fw.title.clone(), format!("{}%{}", sm.index.to_vi_fixed(), if a.period == crate::engine::Period::Year { "" } else { " đến kỳ" }), format!("{}%", sm.completion.to_vi()))
            }
            None => (format!("{} (không có trong ứng dụng)", a.framework.id), "—".into(), "—".into()),
        };
        let id = a.id.clone();
        let open_href = Route::Checklist { id: id.clone(), criterion: None, sub: None }.href();
        let on_dup = {
            let (id, ctx) = (id.clone(), ctx.clone());
            Callback::from(move |_| {
                ctx.dispatch(Action::Duplicate { from: id.clone(), new_id: services::random_id(), now: services::now_iso() })
            })
        };
        let asking = confirm.as_deref() == Some(id.as_str());
        let on_ask = { let (c, id) = (confirm.clone(), id.clone()); Callback::from(move |_| c.set(Some(id.clone()))) };
        let on_cancel = { let c = confirm.clone(); Callback::from(move |_| c.set(None)) };
        let on_delete = {
            let (c, id, ctx) = (confirm.clone(), id.clone(), ctx.clone());
            Callback::from(move |_| {
                ctx.dispatch(Action::Delete(id.clone()));
                c.set(None);
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

    let aside = ctx.aside.iter().map(|(key, st)| {
        let a = &st.assessment;
        let restore = {
            let (ctx, key) = (ctx.clone(), key.clone());
            Callback::from(move |_| ctx.dispatch(Action::RestoreAside { key: key.clone(), new_id: services::random_id() }))
        };
        let discard = {
            let (ctx, key) = (ctx.clone(), key.clone());
            Callback::from(move |_| ctx.dispatch(Action::DiscardAside(key.clone())))
        };
        html! {
            <li key={key.clone()} data-aside={key.clone()}>
                {format!("{} — {} {} (lưu tạm lúc {})", a.unit_name, a.period.label(), a.year, saved_vi(&st.saved_at))}
                {" "}<button class="btn small" onclick={restore}>{"Khôi phục thành bản mới"}</button>
                {" "}<button class="btn small danger-outline" onclick={discard}>{"Bỏ bản lưu tạm"}</button>
            </li>
        }
    });

    html! {
        <section class="page start">
            <h1>{"Bản tự đánh giá đã lưu trong trình duyệt này"}</h1>
            <p class="lead">{"Dữ liệu chỉ lưu trên máy này, không gửi đi đâu. Mỗi thay đổi được lưu ngay."}</p>
            <p><a class="btn primary" href={Route::New.href()}>{"Tạo bản tự đánh giá mới"}</a></p>
            <super::import::ImportBox />
            if !ctx.aside.is_empty() {
                <div class="banner warn" role="alert" data-start="aside">
                    <p>{"Bản lưu tạm khi cùng một bản tự đánh giá được sửa ở hai thẻ (tab): chưa ghi vào bản chính."}</p>
                    <ul>{ for aside }</ul>
                </div>
            }
            if !ctx.unreadable.is_empty() {
                <div class="banner warn" role="alert">
                    <p>{format!("Có {} mục lưu không đọc được. Dữ liệu gốc được giữ nguyên, không bị ghi đè:", ctx.unreadable.len())}</p>
                    <ul>{ for ctx.unreadable.iter().map(|u| html!{ <li><code>{&u.key}</code>{": "}{&u.reason}</li> }) }</ul>
                </div>
            }
            if ctx.saved.is_empty() {
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
