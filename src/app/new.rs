//! New assessment: framework, unit, year and period, contact person.

use super::route::Route;
use super::state::Action;
use super::widgets::{event_value, TextField};

use crate::engine::{Assessment, Contact, FrameworkRef, Period};
use crate::services::{self, storage};
use yew::prelude::*;

#[derive(Clone, PartialEq)]
struct Form {
    framework: usize,
    unit: String,
    year: String,
    period: Period,
    contact: Contact,
}

#[component]
pub fn NewPage() -> Html {
    let ctx = super::use_app();
    let (this_year, month, ..) = crate::engine::model::time::parts(services::now_ms());
    // The period whose report is being prepared now.
    let period = match month {
        1..=3 => Period::Q1,
        4..=6 => Period::H1,
        7..=9 => Period::Q3,
        _ => Period::Year,
    };
    let form = use_state(|| Form {
        framework: 0,
        unit: String::new(),
        year: this_year.to_string(),
        period,
        contact: Contact::default(),
    });
    let error = use_state(|| None::<String>);

    let set = |f: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |v: String| {
            let mut x = (*form).clone();
            f(&mut x, v);
            form.set(x);
        })
    };

    let on_fw = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let mut x = (*form).clone();
            x.framework = event_value(&e).parse().unwrap_or(0);
            form.set(x);
        })
    };

    let fw_error = use_state(|| None::<String>);
    let on_fw_file = {
        let (ctx, form, fw_error) = (ctx.clone(), form.clone(), fw_error.clone());
        Callback::from(move |e: Event| {
            let list = crate::services::files::files_of_event(&e);
            crate::services::files::reset_input(&e);
            let Some(f) = list.first().cloned() else {
                return;
            };
            let (ctx, form, fw_error) = (ctx.clone(), form.clone(), fw_error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(bytes) =
                    crate::services::files::read(&f, crate::engine::formats::file::MAX_FILE_BYTES)
                        .await
                else {
                    return fw_error.set(Some("Không đọc được tệp (hoặc tệp quá 5 MB).".into()));
                };
                match crate::engine::formats::framework::read(&String::from_utf8_lossy(&bytes)) {
                    Ok(fw) => {
                        let index = ctx
                            .frameworks
                            .iter()
                            .position(|k| k.id == fw.id && k.version == fw.version);
                        let index = match index {
                            Some(i) => i,
                            None => {
                                // Appended last: its index is the length before the dispatch
                                // (the handle reads the newest state once dispatched).
                                let n = ctx.frameworks.len();
                                if let Err(m) = storage::save_framework(&fw) {
                                    ctx.dispatch(Action::SaveFailed(m));
                                }
                                ctx.dispatch(Action::AddFramework(Box::new(fw)));
                                n
                            }
                        };
                        fw_error.set(None);
                        let mut x = (*form).clone();
                        x.framework = index;
                        form.set(x);
                    }
                    Err(e) => fw_error.set(Some(e.to_string())),
                }
            });
        })
    };

    let onsubmit = {
        let (form, ctx, error) = (form.clone(), ctx.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let unit = form.unit.trim().to_string();
            if unit.is_empty() {
                error.set(Some("Hãy nhập tên cơ quan, đơn vị.".into()));
                return;
            }
            let year = match form.year.trim().parse::<u16>() {
                Ok(y) if (2000..=2100).contains(&y) => y,
                _ => {
                    error.set(Some("Năm đánh giá phải là số từ 2000 đến 2100.".into()));
                    return;
                }
            };
            let Some(fw) = ctx.frameworks.get(form.framework) else {
                error.set(Some("Hãy chọn bộ tiêu chí.".into()));
                return;
            };
            let now = services::now_iso();
            let mut a = Assessment::new(
                services::random_id(),
                FrameworkRef {
                    id: fw.id.clone(),
                    version: fw.version.clone(),
                },
                unit,
                year,
                form.period,
            );
            a.contact = form.contact.clone();
            a.created = now.clone();
            a.updated = now.clone();
            let id = a.id.clone();
            // Saved at once; if storage refuses, the app keeps it in memory
            // and the shell shows the warning.
            let saved = storage::save(&a, &ctx.tab, &now);
            ctx.dispatch(Action::Open(Box::new(a)));
            match saved {
                Ok(()) => ctx.dispatch(Action::Saved(services::now_clock())),
                Err(m) => ctx.dispatch(Action::SaveFailed(m)),
            }
            services::set_hash(
                &Route::Checklist {
                    id,
                    criterion: None,
                    sub: None,
                }
                .href(),
            );
        })
    };

    // Keep the select in step with the state (a framework loaded from a file
    // is appended and chosen; option attributes alone do not move a select).
    let select = use_node_ref();
    {
        let (select, n) = (select.clone(), ctx.frameworks.len());
        use_effect_with((form.framework, n), move |(i, _)| {
            if let Some(s) = select.cast::<web_sys::HtmlSelectElement>() {
                s.set_value(&i.to_string());
            }
        });
    }
    let fw = ctx.frameworks.get(form.framework).cloned();
    let year_num: u16 = form.year.trim().parse().unwrap_or(0);
    html! {
        <section class="page new">
            <h1>{"Tạo bản tự đánh giá mới"}</h1>
            <form {onsubmit} novalidate=true>
                <div class="field">
                    <label for="new-fw">{"Bộ tiêu chí"}</label>
                    <select id="new-fw" ref={select} onchange={on_fw}>
                        { for ctx.frameworks.iter().enumerate().map(|(i, f)| html!{
                            <option key={format!("{}@{}", f.id, f.version)} value={i.to_string()} selected={i == form.framework}>
                                {format!("{} (phiên bản {})", f.title, f.version)}
                            </option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="new-fw-file">{"Dùng bộ tiêu chí từ tệp (.json do Sở Nội vụ gửi)"}</label>
                    <input id="new-fw-file" type="file" accept=".json,application/json" onchange={on_fw_file} />
                </div>
                if let Some(e) = &*fw_error { <p class="error" role="alert">{e.clone()}</p> }
                if let Some(fw) = &fw {
                    if fw.is_template() {
                        <p class="banner template" role="note">{"Bộ tiêu chí mẫu — đối chiếu với Quyết định của UBND tỉnh. "}<small>{&fw.source}</small></p>
                    }
                }
                <TextField id="new-unit" label="Tên cơ quan, đơn vị" value={form.unit.clone()} required=true
                    hint="Ví dụ: Sở Tư pháp; UBND phường Diên Hồng" oninput={set(|f, v| f.unit = v)} />
                <TextField id="new-year" label="Năm đánh giá" value={form.year.clone()} inputmode="numeric" required=true
                    oninput={set(|f, v| f.year = v)} />
                <fieldset class="periods">
                    <legend>{"Kỳ báo cáo"}</legend>
                    { for Period::ALL.iter().map(|&p| {
                        let checked = form.period == p;
                        let form = form.clone();
                        let onchange = Callback::from(move |_| { let mut x = (*form).clone(); x.period = p; form.set(x); });
                        let cut = if year_num > 0 { p.cutoff_vi(year_num) } else { let (d, m) = p.cutoff(); format!("{d}/{m}") };
                        html!{
                            <label class="choice">
                                <input type="radio" name="new-period" {checked} {onchange} />
                                <span>{p.label()}</span>
                                <small>{format!("số liệu tính đến {cut}")}</small>
                            </label>
                        }
                    }) }
                </fieldset>
                <fieldset>
                    <legend>{"Người liên hệ"}</legend>
                    <TextField id="new-c-name" label="Họ và tên" value={form.contact.name.clone()} autocomplete="name" oninput={set(|f, v| f.contact.name = v)} />
                    <TextField id="new-c-pos" label="Chức vụ" value={form.contact.position.clone()} oninput={set(|f, v| f.contact.position = v)} />
                    <TextField id="new-c-phone" label="Điện thoại" kind="tel" value={form.contact.phone.clone()} autocomplete="tel" oninput={set(|f, v| f.contact.phone = v)} />
                    <TextField id="new-c-email" label="Thư điện tử" kind="email" value={form.contact.email.clone()} autocomplete="email" oninput={set(|f, v| f.contact.email = v)} />
                </fieldset>
                if let Some(e) = &*error { <p class="error" role="alert">{e.clone()}</p> }
                <p class="form-actions">
                    <button type="submit" class="btn primary">{"Tạo và bắt đầu tự chấm"}</button>
                    <a class="btn" href="#/">{"Hủy"}</a>
                </p>
            </form>
        </section>
    }
}
