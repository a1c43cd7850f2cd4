//! Compare with an earlier period of the same unit: pick a stored
//! assessment or load a file; nothing is saved by comparing.

use crate::engine::formats::file::{self, MAX_FILE_BYTES};
use crate::engine::rules::compare::{compare, Row};
use crate::engine::{Assessment, Framework};
use crate::services::files;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
struct Other {
    fw: Rc<Framework>,
    a: Assessment,
    label: String,
}

fn cell(d: Option<crate::engine::Dec2>) -> String {
    d.map_or_else(|| "—".into(), |x| x.to_vi())
}

fn change_cell(r: &Row) -> Html {
    let cls = if r.better() {
        "up"
    } else if r.worse() {
        "down"
    } else {
        "same"
    };
    match r.change() {
        Some(c) => html! { <td class={classes!("num", cls)}>{c.to_vi_signed()}</td> },
        None => html! { <td class="num">{"—"}</td> },
    }
}

#[component]
pub fn ComparePage() -> Html {
    let other = use_state(|| None::<Other>);
    let error = use_state(|| None::<String>);
    let only_changed = use_state(|| true);
    let (ctx, cur) = super::use_current();
    let Some(cur) = cur else {
        return html! {};
    };
    let me = cur.assessment.clone();

    let mut stored: Vec<Assessment> = ctx
        .saved
        .iter()
        .map(|s| s.assessment.clone())
        .filter(|a| a.id != me.id)
        .collect();
    // the same unit first, most recent period first
    let same = |a: &Assessment| a.unit_name.trim().eq_ignore_ascii_case(me.unit_name.trim());
    crate::engine::sort_by_key(&mut stored, |a| {
        (!same(a), std::cmp::Reverse((a.year, a.period)))
    });

    let on_pick = {
        let (ctx, other, error, stored) =
            (ctx.clone(), other.clone(), error.clone(), stored.clone());
        Callback::from(move |e: Event| {
            let id = super::widgets::event_value(&e);
            match stored.iter().find(|a| a.id == id) {
                Some(a) => match ctx.framework(&a.framework.id, &a.framework.version) {
                    Some(fw) => {
                        error.set(None);
                        other.set(Some(Other {
                            fw,
                            a: a.clone(),
                            label: format!("{} — {} {}", a.unit_name, a.period.label(), a.year),
                        }));
                    }
                    None => error.set(Some("Không có bộ tiêu chí của bản này.".into())),
                },
                None => other.set(None),
            }
        })
    };
    let on_file = {
        let (ctx, other, error) = (ctx.clone(), other.clone(), error.clone());
        Callback::from(move |e: Event| {
            let list = files::files_of_event(&e);
            files::reset_input(&e);
            let Some(f) = list.first().cloned() else {
                return;
            };
            let (ctx, other, error) = (ctx.clone(), other.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = match files::read(&f, MAX_FILE_BYTES).await {
                    Ok(b) => b,
                    Err(_) => {
                        return error.set(Some("Không đọc được tệp (hoặc tệp quá 5 MB).".into()))
                    }
                };
                match file::import(&bytes, &ctx.framework_list(), "so-sanh") {
                    Ok(imp) => {
                        let a = imp.assessment;
                        error.set(None);
                        other.set(Some(Other {
                            fw: Rc::new(imp.framework),
                            label: format!(
                                "{} — {} {} (tệp {})",
                                a.unit_name,
                                a.period.label(),
                                a.year,
                                f.name()
                            ),
                            a,
                        }));
                    }
                    Err(e) => error.set(Some(e.to_string())),
                }
            });
        })
    };
    let toggle = {
        let o = only_changed.clone();
        Callback::from(move |e: Event| o.set(super::widgets::event_checked(&e)))
    };

    let table = other.as_ref().map(|o| {
        let c = compare(&cur.framework, &me, &o.fw, &o.a);
        let subs: Vec<&Row> = c.subs.iter().filter(|r| !*only_changed || r.then != r.now).collect();
        html! {
            <>
                <h2>{format!("So với: {}", o.label)}</h2>
                <div class="table-wrap" tabindex="0">
                <table class="compare">
                    <thead><tr><th scope="col">{"Lĩnh vực"}</th><th scope="col">{"Kỳ trước"}</th><th scope="col">{"Kỳ này"}</th><th scope="col">{"Thay đổi"}</th></tr></thead>
                    <tbody>
                        { for c.fields.iter().map(|r| html!{
                            <tr class={classes!(r.worse().then_some("worse"))} data-field={r.id.clone()}>
                                <th scope="row">{format!("{}. {}", r.id, r.title)}</th>
                                <td class="num">{cell(r.then)}</td><td class="num">{cell(r.now)}</td>{change_cell(r)}
                            </tr>
                        }) }
                    </tbody>
                    <tfoot>
                        <tr class={classes!("total", c.total.worse().then_some("worse"))}><th scope="row">{"Tổng điểm"}</th><td class="num">{cell(c.total.then)}</td><td class="num">{cell(c.total.now)}</td>{change_cell(&c.total)}</tr>
                        <tr class={classes!(c.index.worse().then_some("worse"))}><th scope="row">{"Chỉ số (%)"}</th><td class="num">{cell(c.index.then)}</td><td class="num">{cell(c.index.now)}</td>{change_cell(&c.index)}</tr>
                    </tfoot>
                </table>
                </div>
                <h2>{"Theo tiêu chí thành phần"}</h2>
                <label class="choice"><input type="checkbox" checked={*only_changed} onchange={toggle} />{"Chỉ hiện các mục có thay đổi"}</label>
                <p class="hint">{format!("{} mục giảm điểm, {} mục tăng điểm.", c.subs.iter().filter(|r| r.worse()).count(), c.subs.iter().filter(|r| r.better()).count())}</p>
                <div class="table-wrap" tabindex="0">
                <table class="compare subs">
                    <thead><tr><th scope="col">{"Tiêu chí thành phần"}</th><th scope="col">{"Kỳ trước"}</th><th scope="col">{"Kỳ này"}</th><th scope="col">{"Thay đổi"}</th></tr></thead>
                    <tbody>
                        { for subs.iter().map(|r| html!{
                            <tr class={classes!(r.worse().then_some("worse"), r.better().then_some("better"))} data-sub-row={r.id.clone()}>
                                <th scope="row">{format!("{} {}", r.id, r.title)}</th>
                                <td class="num">{cell(r.then)}</td><td class="num">{cell(r.now)}</td>{change_cell(r)}
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
            </>
        }
    });

    html! {
        <section class="compare-page">
            <h2>{"So sánh với kỳ trước"}</h2>
            <div class="field">
                <label for="cmp-pick">{"Chọn bản tự đánh giá đã lưu"}</label>
                <select id="cmp-pick" onchange={on_pick}>
                    <option value="">{"— chọn —"}</option>
                    { for stored.iter().map(|a| html!{
                        <option value={a.id.clone()}>{format!("{} — {} {}", a.unit_name, a.period.label(), a.year)}</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="cmp-file">{"hoặc mở tệp tự đánh giá (.json) của kỳ trước"}</label>
                <input id="cmp-file" type="file" accept=".json,application/json" onchange={on_file} />
            </div>
            if let Some(e) = &*error { <p class="error" role="alert">{e.clone()}</p> }
            {table.unwrap_or_default()}
        </section>
    }
}
