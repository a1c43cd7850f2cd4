//! New assessment: framework, unit, year and period, contact person.

use super::route::Route;
use super::state::Action;
use super::widgets::{contact_fields, event_value, period_choice, TextField};
use crate::engine::formats::{file::MAX_FILE_BYTES, framework};
use crate::engine::{Assessment, Contact, Period};
use crate::services::{self, files};
use yew::prelude::*;

#[derive(Clone, PartialEq)]
struct Form {
    framework: usize,
    unit: String,
    year: String,
    period: Period,
    contact: Contact,
}

/// The period whose report is being prepared in `month`.
fn period_now(month: u32) -> Period {
    match month {
        1..=3 => Period::Q1,
        4..=6 => Period::H1,
        7..=9 => Period::Q3,
        _ => Period::Year,
    }
}

/// What the form would create, or the first thing to correct.
fn assessment_of(f: &Form, ctx: &super::Ctx) -> Result<Assessment, String> {
    let unit = f.unit.trim().to_string();
    if unit.is_empty() {
        return Err("Hãy nhập tên cơ quan, đơn vị.".into());
    }
    let year = match f.year.trim().parse::<u16>() {
        Ok(y) if (2000..=2100).contains(&y) => y,
        _ => return Err("Năm đánh giá phải là số từ 2000 đến 2100.".into()),
    };
    let fw = ctx
        .frameworks
        .get(f.framework)
        .ok_or("Hãy chọn bộ tiêu chí.")?;
    let now = services::now_iso();
    let mut a = Assessment::new(services::random_id(), fw.reference(), unit, year, f.period);
    a.contact = f.contact.clone();
    a.created = now.clone();
    a.updated = now;
    Ok(a)
}

#[component]
pub fn NewPage() -> Html {
    let ctx = super::use_app();
    let form = use_state(|| {
        let (this_year, month, ..) = crate::engine::time::parts(services::now_ms());
        // the framework just saved in the editor, if any
        let framework = ctx
            .last_framework
            .as_ref()
            .and_then(|(id, v)| {
                ctx.frameworks
                    .iter()
                    .position(|f| &f.id == id && &f.version == v)
            })
            .unwrap_or(0);
        Form {
            framework,
            unit: String::new(),
            year: this_year.to_string(),
            period: period_now(month),
            contact: Contact::default(),
        }
    });
    let error = use_state(|| None::<String>);

    let update = |f: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |v: String| {
            let mut x = (*form).clone();
            f(&mut x, v);
            form.set(x);
        })
    };
    let on_framework = {
        let form = form.clone();
        Callback::from(move |i: usize| {
            let mut x = (*form).clone();
            x.framework = i;
            form.set(x);
        })
    };
    let on_period = {
        let form = form.clone();
        Callback::from(move |p: Period| {
            let mut x = (*form).clone();
            x.period = p;
            form.set(x);
        })
    };
    let on_contact = {
        let form = form.clone();
        Callback::from(move |c: Contact| {
            let mut x = (*form).clone();
            x.contact = c;
            form.set(x);
        })
    };
    let onsubmit = {
        let (form, ctx, error) = (form.clone(), ctx.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match assessment_of(&form, &ctx) {
                Err(m) => error.set(Some(m)),
                Ok(a) => {
                    let route = Route::Checklist {
                        id: a.id.clone(),
                        criterion: None,
                        sub: None,
                    };
                    ctx.dispatch(Action::Create(Box::new(a)));
                    services::set_hash(&route.href());
                }
            }
        })
    };
    let year_num: u16 = form.year.trim().parse().unwrap_or(0);
    html! {
        <section class="page new">
            <h1>{"Tạo bản tự đánh giá mới"}</h1>
            <form {onsubmit} novalidate=true>
                <FrameworkPicker chosen={form.framework} on_choose={on_framework} />
                <TextField id="new-unit" label="Tên cơ quan, đơn vị" value={form.unit.clone()} required=true
                    hint="Ví dụ: Sở Tư pháp; UBND phường Diên Hồng" oninput={update(|f, v| f.unit = v)} />
                <TextField id="new-year" label="Năm đánh giá" value={form.year.clone()} inputmode="numeric" required=true
                    oninput={update(|f, v| f.year = v)} />
                {period_choice("new-period", form.period, year_num, on_period)}
                {contact_fields("new", &form.contact, on_contact)}
                if let Some(e) = &*error { <p class="error" role="alert">{e.clone()}</p> }
                <p class="form-actions">
                    <button type="submit" class="btn primary">{"Tạo và bắt đầu tự chấm"}</button>
                    <a class="btn" href="#/">{"Hủy"}</a>
                </p>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PickerProps {
    chosen: usize,
    on_choose: Callback<usize>,
}

/// The framework to score against: one of the app's, or one from a file
/// Sở Nội vụ sent (kept in this browser).
#[component]
fn FrameworkPicker(p: &PickerProps) -> Html {
    let ctx = super::use_app();
    let fw_error = use_state(|| None::<String>);
    let select = use_node_ref();
    // Keep the select in step with the choice (a framework loaded from a
    // file is appended and chosen; option attributes alone do not move a select).
    {
        let (select, n) = (select.clone(), ctx.frameworks.len());
        use_effect_with((p.chosen, n), move |(i, _)| {
            if let Some(s) = select.cast::<web_sys::HtmlSelectElement>() {
                s.set_value(&i.to_string());
            }
        });
    }
    let on_select = {
        let cb = p.on_choose.clone();
        Callback::from(move |e: Event| cb.emit(event_value(&e).parse().unwrap_or(0)))
    };
    let on_file = {
        let (ctx, cb, fw_error) = (ctx.clone(), p.on_choose.clone(), fw_error.clone());
        Callback::from(move |e: Event| {
            let list = files::files_of_event(&e);
            files::reset_input(&e);
            let Some(f) = list.first().cloned() else {
                return;
            };
            let (ctx, cb, fw_error) = (ctx.clone(), cb.clone(), fw_error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(bytes) = files::read(&f, MAX_FILE_BYTES).await else {
                    return fw_error.set(Some("Không đọc được tệp (hoặc tệp quá 5 MB).".into()));
                };
                match framework::read(&String::from_utf8_lossy(&bytes)) {
                    Ok(fw) => {
                        let known = ctx
                            .frameworks
                            .iter()
                            .position(|k| k.id == fw.id && k.version == fw.version);
                        // Appended last: its index is the length before the dispatch
                        // (the handle reads the newest state once dispatched).
                        let index = known.unwrap_or(ctx.frameworks.len());
                        if known.is_none() {
                            ctx.dispatch(Action::AddFramework(Box::new(fw)));
                        }
                        fw_error.set(None);
                        cb.emit(index);
                    }
                    Err(e) => fw_error.set(Some(e.to_string())),
                }
            });
        })
    };
    let fw = ctx.frameworks.get(p.chosen).cloned();
    html! {
        <>
            <div class="field">
                <label for="new-fw">{"Bộ tiêu chí"}</label>
                <select id="new-fw" ref={select} onchange={on_select}>
                    { for ctx.frameworks.iter().enumerate().map(|(i, f)| html!{
                        <option key={format!("{}@{}", f.id, f.version)} value={i.to_string()} selected={i == p.chosen}>
                            {format!("{} (phiên bản {})", f.title, f.version)}
                        </option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="new-fw-file">{"Dùng bộ tiêu chí từ tệp (.json do Sở Nội vụ gửi)"}</label>
                <input id="new-fw-file" type="file" accept=".json,application/json" onchange={on_file} />
            </div>
            if let Some(e) = &*fw_error { <p class="error" role="alert">{e.clone()}</p> }
            if let Some(fw) = &fw {
                if fw.is_template() {
                    <p class="banner template" role="note">{"Bộ tiêu chí mẫu — đối chiếu với Quyết định của UBND tỉnh. "}<small>{&fw.source}</small></p>
                }
            }
        </>
    }
}
