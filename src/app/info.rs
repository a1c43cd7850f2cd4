//! Unit details, reporting period, contact, scope (not-applicable fields),
//! bonus and deductions.

use super::edit;
use super::state::Edit;
use super::widgets::{contact_fields, event_checked, event_value, period_choice, TextField};
use crate::engine::{Contact, Period};
use yew::prelude::*;

#[component]
pub fn InfoPage() -> Html {
    let migrating = use_state(|| {
        None::<(
            std::rc::Rc<crate::engine::Framework>,
            crate::engine::Assessment,
            crate::engine::rules::migrate::MigrationReport,
        )>
    });
    let (ctx, cur) = super::use_current();
    let Some(cur) = cur else {
        return html! {};
    };
    let a = cur.assessment.clone();
    let fw = cur.framework.clone();
    let versions: Vec<std::rc::Rc<crate::engine::Framework>> = ctx
        .frameworks
        .iter()
        .filter(|f| f.id == fw.id && f.version != fw.version)
        .cloned()
        .collect();
    let on_unit = {
        let ctx = ctx.clone();
        Callback::from(move |v: String| edit(&ctx, Edit::UnitName(v)))
    };
    let on_contact = {
        let ctx = ctx.clone();
        Callback::from(move |c: Contact| edit(&ctx, Edit::Contact(c)))
    };
    let on_period = {
        let (ctx, y) = (ctx.clone(), a.year);
        Callback::from(move |p: Period| edit(&ctx, Edit::Period(y, p)))
    };
    let on_year = {
        let (ctx, p) = (ctx.clone(), a.period);
        Callback::from(move |e: Event| {
            if let Ok(y) = event_value(&e).trim().parse::<u16>() {
                if (2000..=2100).contains(&y) {
                    edit(&ctx, Edit::Period(y, p));
                }
            }
        })
    };

    let excludable: Vec<(String, String)> = fw
        .fields
        .iter()
        .flat_map(|f| {
            let me = f.may_be_not_applicable.then(|| {
                let label = format!("Lĩnh vực {}. {}{}", f.id, f.title, fw.linked_note(&f.id));
                (f.id.clone(), label)
            });
            me.into_iter().chain(
                f.criteria
                    .iter()
                    .filter(|c| fw.may_exclude(&c.id))
                    .map(|c| (c.id.clone(), format!("Tiêu chí {} {}", c.id, c.title))),
            )
        })
        .collect();

    let adjust = |items: &[crate::engine::model::framework::AdjustmentItem], sign: &str| {
        items
            .iter()
            .map(|it| {
                let n = a.adjustments.get(&it.id).copied().unwrap_or(0);
                let id = format!("adj-{}", it.id);
                let (ctx, key) = (ctx.clone(), it.id.clone());
                let repeatable = it.repeatable;
                let control = if repeatable {
                    let onchange = Callback::from(move |e: Event| {
                        let v = event_value(&e).trim().parse::<u32>().unwrap_or(0).min(99);
                        edit(&ctx, Edit::Adjust(key.clone(), v));
                    });
                    html! { <input id={id.clone()} type="number" min="0" max="99" value={n.to_string()} {onchange} /> }
                } else {
                    let onchange = Callback::from(move |e: Event| edit(&ctx, Edit::Adjust(key.clone(), u32::from(event_checked(&e)))));
                    html! { <input id={id.clone()} type="checkbox" checked={n > 0} {onchange} /> }
                };
                html! {
                    <li key={it.id.clone()} class="adj">
                        {control}
                        <label for={id}>{format!("{} ({}{} điểm{})", it.title, sign, it.points.to_vi(), if repeatable { " mỗi lần" } else { "" })}</label>
                    </li>
                }
            })
            .collect::<Html>()
    };

    html! {
        <section class="info-page"><fieldset class="plain" disabled={cur.read_only}>
            <h2>{"Thông tin đơn vị và kỳ báo cáo"}</h2>
            <TextField id="info-unit" label="Tên cơ quan, đơn vị" value={a.unit_name.clone()} required=true oninput={on_unit} />
            <div class="field">
                <label for="info-year">{"Năm đánh giá"}</label>
                <input id="info-year" type="number" min="2000" max="2100" value={a.year.to_string()} onchange={on_year} />
            </div>
            {period_choice("info-period", a.period, a.year, on_period)}
            {contact_fields("info", &a.contact, on_contact)}
            if !excludable.is_empty() {
                <fieldset>
                    <legend>{"Phạm vi áp dụng"}</legend>
                    <p class="hint">{"Đơn vị không có thủ tục hành chính được loại trừ các lĩnh vực, tiêu chí dưới đây; chỉ số được tính trên tổng điểm tối đa còn lại."}</p>
                    { for excludable.iter().map(|(id, label)| {
                        let (ctx, nid) = (ctx.clone(), id.clone());
                        let onchange = Callback::from(move |e: Event| edit(&ctx, Edit::Exclude(nid.clone(), event_checked(&e))));
                        html!{ <label class="choice" key={id.clone()}><input type="checkbox" checked={a.excluded.contains(id)} {onchange} />{format!("{label}: không áp dụng")}</label> }
                    }) }
                </fieldset>
            }
            <fieldset>
                <legend>{format!("Điểm thưởng (tối đa +{})", fw.bonus.cap.to_vi())}</legend>
                <ul class="adjs">{adjust(&fw.bonus.items, "+")}</ul>
            </fieldset>
            <fieldset>
                <legend>{format!("Điểm trừ (tối đa −{})", fw.deductions.cap.to_vi())}</legend>
                <ul class="adjs">{adjust(&fw.deductions.items, "−")}</ul>
            </fieldset>
            if !cur.read_only {
                <h2>{"Nhập tệp thay thế"}</h2>
                <p class="hint">{"Thay toàn bộ dữ liệu của bản này bằng một tệp tự đánh giá (.json) đã xuất trước đó. Ứng dụng hỏi lại trước khi thay."}</p>
                <super::import::ImportBox replace={a.id.clone()} />
            }
            if !versions.is_empty() && !cur.read_only {
                <h2>{"Phiên bản khác của bộ tiêu chí"}</h2>
                { for versions.iter().map(|v| {
                    let (m, a2, from, to) = (migrating.clone(), a.clone(), fw.clone(), v.clone());
                    let onclick = Callback::from(move |_| {
                        let (b, r) = crate::engine::rules::migrate::migrate(&a2, &from, &to);
                        m.set(Some((to.clone(), b, r)));
                    });
                    html!{ <p key={v.version.clone()}><button class="btn" {onclick}>{format!("Chuyển sang phiên bản {}", v.version)}</button></p> }
                }) }
                if let Some((to, b, r)) = &*migrating {
                    <div class="banner confirm" role="alertdialog" aria-labelledby="mig-q" data-migration="">
                        <p id="mig-q"><strong>{format!("Chuyển sang phiên bản {}:", to.version)}</strong></p>
                        <ul>
                            <li>{format!("Mục mới cần trả lời: {}", if r.added.is_empty() { "không có".to_string() } else { r.added.join(", ") })}</li>
                            <li>{format!("Mục bị bỏ (câu trả lời không còn dùng): {}", if r.removed.is_empty() { "không có".to_string() } else { r.removed.join(", ") })}</li>
                            <li>{format!("Mục thay đổi cách chấm: {}", if r.changed.is_empty() { "không có".to_string() } else { r.changed.join(", ") })}</li>
                            <li>{format!("Câu trả lời phải chấm lại: {}", if r.cleared.is_empty() { "không có".to_string() } else { r.cleared.join(", ") })}</li>
                        </ul>
                        <p class="actions">
                            <button class="btn primary" onclick={{ let (ctx, b, m) = (ctx.clone(), b.clone(), migrating.clone()); Callback::from(move |_| { ctx.dispatch(super::state::Action::Replace(Box::new(b.clone()))); m.set(None); }) }}>{"Chuyển"}</button>
                            <button class="btn" onclick={{ let m = migrating.clone(); Callback::from(move |_| m.set(None)) }}>{"Hủy"}</button>
                        </p>
                    </div>
                }
            }
            <h2>{"Bộ tiêu chí"}</h2>
            <dl class="fw-meta">
                <dt>{"Tên"}</dt><dd>{&fw.title}</dd>
                <dt>{"Phiên bản"}</dt><dd>{&fw.version}</dd>
                <dt>{"Tỉnh"}</dt><dd>{&fw.province}</dd>
                <dt>{"Loại đơn vị"}</dt><dd>{fw.unit_type.label()}</dd>
                <dt>{"Tình trạng"}</dt><dd>{ if fw.is_template() { "Bộ tiêu chí mẫu (không phải văn bản chính thức)" } else { "Chính thức" } }</dd>
                <dt>{"Nguồn"}</dt><dd>{&fw.source}</dd>
            </dl>
        </fieldset></section>
    }
}
