//! "Kết quả chính thức" (full build): the survey points (pasted from the
//! contractor's table or typed), the council's bonus and deductions, the
//! decision, then the official index, the ranking per group (ties share
//! a rank), by field or criterion, the change from last year, the
//! announced appendix (print, CSV, Excel) and each unit's scoring table
//! and results file. The inputs live in `DeskRounds.official` (kept with
//! the rounds); the figures come from `rules::official`.

use crate::app::route::Route;
use crate::app::state::{Action, Shared};
use crate::app::widgets::{download, event_value, print_button, JSON};
use crate::engine::formats::paste::lines::points_cell;
use crate::engine::formats::results as rf;
use crate::engine::formats::survey::read_survey;
use crate::engine::formats::xlsx::{self, Cell, Sheet};
use crate::engine::model::appraisal::DeskRounds;
use crate::engine::model::official::{OfficialInputs, Results, UnitResult};
use crate::engine::rules::consolidate::{self, unit_key, Checked, Group, Outcome};
use crate::engine::rules::official::{self as ro, UnitOfficial};
use crate::engine::{Dec2, Framework, UnitType};
use crate::services;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// The batch's official results, computed once per batch and rounds.
pub struct Figures {
    pub period: Option<(u16, crate::engine::Period)>,
    pub groups: BTreeMap<Group, Vec<UnitOfficial>>,
}

fn figures(d: &super::Desk, r: &DeskRounds) -> Figures {
    let plan = consolidate::plan(&d.entries, &d.chosen, d.period);
    Figures {
        period: plan.period,
        groups: ro::batch(&d.entries, &plan, r, &r.official),
    }
}

fn checked(d: &super::Desk, i: usize) -> Option<&Checked> {
    match &d.entries.get(i)?.outcome {
        Outcome::Checked(c) => Some(c),
        Outcome::Refused(_) => None,
    }
}

/// Changes the official inputs (kept with the rounds).
fn edit(ctx: &crate::app::Ctx, f: impl FnOnce(&mut OfficialInputs)) {
    edit_from(ctx, &ctx.rounds, f)
}

/// [`edit`] from `rounds` (the latest, after an `await`).
fn edit_from(ctx: &crate::app::Ctx, rounds: &DeskRounds, f: impl FnOnce(&mut OfficialInputs)) {
    let mut r = rounds.clone();
    f(&mut r.official);
    ctx.dispatch(Action::DeskRounds(Rc::new(r)));
}

#[hook]
fn use_figures(ctx: &crate::app::Ctx) -> Rc<Figures> {
    let (d, r) = (ctx.desk.clone(), ctx.rounds.clone());
    use_memo(
        (Rc::as_ptr(&d) as usize, Rc::as_ptr(&r.0) as usize),
        move |_| figures(&d, &r),
    )
}

/// "NĂM 2025", "QUÝ III 2025" (written out: `to_uppercase` would bring
/// Unicode's case tables, about 20 KB, into the bundle).
fn period_upper((year, p): (u16, crate::engine::Period)) -> String {
    use crate::engine::Period::*;
    let l = match p {
        Q1 => "QUÝ I",
        H1 => "6 THÁNG",
        Q3 => "QUÝ III",
        Year => "NĂM",
    };
    format!("{l} {year}")
}

fn title_of(period: Option<(u16, crate::engine::Period)>) -> String {
    match period {
        Some(p) => format!("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH {}", period_upper(p)),
        None => "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH".into(),
    }
}

/// Last year's index and rank of a unit, by type and name.
fn previous_of<'a>(prev: &'a [UnitResult], t: UnitType, name: &str) -> Option<&'a UnitResult> {
    let k = unit_key(name);
    prev.iter()
        .find(|u| u.unit_type == t && unit_key(&u.unit_name) == k)
}

/// Each unit's results file entry (with its scoring table's items).
fn unit_results(d: &super::Desk, r: &DeskRounds, g: &[UnitOfficial]) -> Vec<UnitResult> {
    g.iter()
        .filter_map(|u| {
            let c = checked(d, u.entry)?;
            let key = unit_key(&c.assessment.unit_name);
            let work = r
                .units
                .get(&c.sha256)
                .filter(|_| c.revision.is_some() && c.intact);
            let (rows, _) = ro::scoring_table(
                &c.framework,
                &c.assessment,
                work.map(ro::final_items),
                r.official.survey.get(&key),
                r.official.adjustments.get(&key),
            );
            Some(rf::unit_result(
                &c.framework,
                &c.assessment,
                &c.sha256,
                u,
                g.len(),
                &rows,
            ))
        })
        .collect()
}

#[component]
pub fn OfficialPage() -> Html {
    let ctx = crate::app::use_app();
    let figs = use_figures(&ctx);
    let msg = use_state(|| None::<(bool, String)>);
    let paste = use_state(String::new);
    let paste_group = use_state(|| 0usize);
    let by = use_state(String::new);
    let d = ctx.desk.clone();
    let inputs = &ctx.rounds.official;
    let groups: Vec<(&Group, &Vec<UnitOfficial>)> = figs.groups.iter().collect();
    let head = html! {
        <>
            <h1 class="no-print">{"Kết quả chính thức"}</h1>
            <p class="lead no-print">{"Chỉ số chính thức = (điểm thẩm định + điểm điều tra xã hội học do Sở Nội vụ nhập + điểm thưởng − điểm trừ) / tổng điểm tối đa áp dụng × 100. Điểm tự đánh giá của đơn vị chỉ để đối chiếu, không tính vào."}</p>
        </>
    };
    if groups.is_empty() {
        return html! {
            <section class="page official">
                {head}
                if d.ready {
                    <p class="empty">{"Chưa có đơn vị nào được xếp hạng. Hãy nạp tệp của các đơn vị ở trang "}<a href={Route::Desk.href()}>{"Tổng hợp các đơn vị"}</a>{"."}</p>
                } else {
                    <p role="status">{"Đang khôi phục danh sách tệp đã nạp lần trước…"}</p>
                }
            </section>
        };
    }
    let not_final = figs
        .groups
        .values()
        .flatten()
        .filter(|u| u.appraisal != ro::Stage::Final)
        .count();
    let damaged = figs
        .groups
        .values()
        .flatten()
        .filter(|u| u.appraisal == ro::Stage::Damaged)
        .count();
    let missing_survey = figs
        .groups
        .values()
        .flatten()
        .filter(|u| !u.result.survey_missing.is_empty())
        .count();
    let title = title_of(figs.period);
    let heading = rf::appendix_heading(&inputs.decision.number, &inputs.decision.date);

    // the decision
    let on_number = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let v = event_value(&e);
            edit(&ctx, |o| o.decision.number = v.trim().to_string());
        })
    };
    let on_date = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let v = event_value(&e);
            edit(&ctx, |o| o.decision.date = v);
        })
    };

    // the survey table pasted
    let pg = (*paste_group).min(groups.len() - 1);
    let on_paste_text = {
        let (p, msg) = (paste.clone(), msg.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                p.set(t.value());
                if msg.is_some() {
                    msg.set(None);
                }
            }
        })
    };
    let on_paste_group = {
        let g = paste_group.clone();
        Callback::from(move |e: Event| g.set(event_value(&e).parse().unwrap_or(0)))
    };
    let on_apply = {
        let (ctx, paste, msg, d, figs) = (
            ctx.clone(),
            paste.clone(),
            msg.clone(),
            d.clone(),
            figs.clone(),
        );
        Callback::from(move |_| {
            let Some((_, list)) = figs.groups.iter().nth(pg) else {
                return;
            };
            let units: Vec<String> = list
                .iter()
                .filter_map(|u| checked(&d, u.entry).map(|c| c.assessment.unit_name.clone()))
                .collect();
            let Some(fw) = list
                .first()
                .and_then(|u| checked(&d, u.entry))
                .map(|c| c.framework.clone())
            else {
                return;
            };
            match read_survey(&paste.to_string(), &fw, &units) {
                Err(mut problems) => {
                    // names of another group's units: the wrong group is chosen
                    let text = unit_key(&paste);
                    let elsewhere = figs.groups.iter().enumerate().any(|(i, (_, l))| {
                        i != pg
                            && l.iter().any(|u| {
                                checked(&d, u.entry).is_some_and(|c| {
                                    text.contains(&unit_key(&c.assessment.unit_name))
                                })
                            })
                    });
                    if elsewhere {
                        problems.insert(0, "Bảng có tên đơn vị của khối khác: hãy chọn đúng khối ở ô \"Bảng của khối\" (mỗi khối dán một bảng).".into());
                    }
                    msg.set(Some((
                        false,
                        format!(
                            "Chưa áp dụng bảng dán (không có gì thay đổi), {} lỗi:\n{}",
                            problems.len(),
                            problems.join("\n")
                        ),
                    )))
                }
                Ok(t) => {
                    let n = t.values.len();
                    let mut note = format!(
                        "Đã áp dụng điểm điều tra xã hội học cho {n} đơn vị ({} cột; ô trống giữ nguyên điểm đã có).",
                        t.columns.len()
                    );
                    if !t.approximate.is_empty() {
                        let l: Vec<String> = t
                            .approximate
                            .iter()
                            .map(|(w, u)| format!("\"{w}\" → {u}"))
                            .collect();
                        note.push_str(&format!(
                            " Tên khớp gần đúng, hãy kiểm tra: {}.",
                            l.join("; ")
                        ));
                    }
                    edit(&ctx, |o| {
                        for (k, vals) in t.values {
                            let m = o.survey.entry(k).or_default();
                            // an empty cell keeps the points already entered
                            for (col, v) in vals {
                                m.insert(col, v);
                            }
                        }
                    });
                    paste.set(String::new());
                    msg.set(Some((true, note)));
                }
            }
        })
    };

    // last year's results file
    // the rounds of the latest render: a file read takes a while, and an
    // edit made meanwhile must not be overwritten by the rounds before it
    let latest = use_mut_ref(|| ctx.rounds.clone());
    *latest.borrow_mut() = ctx.rounds.clone();
    let on_previous = {
        let (ctx, msg, period, latest) = (ctx.clone(), msg.clone(), figs.period, latest.clone());
        Callback::from(move |e: Event| {
            let files = services::files::files_of_event(&e);
            services::files::reset_input(&e);
            let (ctx, msg, latest) = (ctx.clone(), msg.clone(), latest.clone());
            let Some(f) = files.into_iter().next() else {
                return;
            };
            wasm_bindgen_futures::spawn_local(async move {
                let r =
                    match services::files::read(&f, crate::engine::formats::file::MAX_FILE_BYTES)
                        .await
                    {
                        Ok(b) => rf::read_results(&b).map_err(|e| e.to_string()),
                        Err(services::files::ReadError::TooLarge(n)) => {
                            Err(crate::engine::formats::appraisal::Refusal::TooLarge(n).to_string())
                        }
                        Err(_) => Err("Không đọc được tệp.".into()),
                    };
                let r = r.and_then(|r| {
                    match r.units.iter().find(|u| Some((u.year, u.period)) == period) {
                        Some(u) => Err(format!(
                        "đây là kết quả của chính kỳ đang xếp hạng ({} {}), không phải kỳ trước.",
                        u.period.label(),
                        u.year
                    )),
                        None => Ok(r),
                    }
                });
                match r {
                    Ok(r) => {
                        let n = r.units.len();
                        let now = latest.borrow().clone();
                        edit_from(&ctx, &now, |o| {
                            o.previous = r
                                .units
                                .into_iter()
                                .map(|mut u| {
                                    u.items.clear();
                                    u
                                })
                                .collect();
                        });
                        msg.set(Some((
                            true,
                            format!("Đã nạp kết quả chính thức kỳ trước của {n} đơn vị."),
                        )));
                    }
                    Err(m) => msg.set(Some((false, format!("{}: không nhận — {m}", f.name())))),
                }
            });
        })
    };
    let forget_previous = {
        let ctx = ctx.clone();
        Callback::from(move |_| edit(&ctx, |o| o.previous.clear()))
    };

    // downloads
    let (year, period) = figs.period.unwrap_or((0, crate::engine::Period::Year));
    let csv = {
        let (d, figs, title, heading) = (d.clone(), figs.clone(), title.clone(), heading.clone());
        download(
            &ctx,
            format!("CCHC_phu-luc-ket-qua_{year}.csv"),
            "text/csv",
            move || {
                let gs: Vec<rf::AppendixGroup<'_>> = figs
                    .groups
                    .iter()
                    .map(|(g, list)| rf::AppendixGroup {
                        unit_type: g.unit_type,
                        units: list
                            .iter()
                            .filter_map(|u| {
                                checked(&d, u.entry).map(|c| (c.assessment.unit_name.as_str(), u))
                            })
                            .collect(),
                    })
                    .collect();
                rf::appendix_csv(&title, &heading, &gs)
            },
        )
    };
    let xlsx_file = {
        let (d, figs, title, heading) = (d.clone(), figs.clone(), title.clone(), heading.clone());
        download(
            &ctx,
            format!("CCHC_phu-luc-ket-qua_{year}.xlsx"),
            crate::app::widgets::XLSX,
            move || {
                let mut rows = vec![
                    vec![Cell::from(title.as_str())],
                    vec![Cell::from(heading.as_str())],
                ];
                let mut header_rows = vec![0, 1];
                for (g, list) in &figs.groups {
                    rows.push(vec![]);
                    rows.push(vec![Cell::from(
                        format!("Khối {}", g.unit_type.label()).as_str(),
                    )]);
                    header_rows.push(rows.len() - 1);
                    rows.push(
                        rf::APPENDIX_COLUMNS
                            .iter()
                            .map(|s| Cell::from(*s))
                            .collect(),
                    );
                    header_rows.push(rows.len() - 1);
                    for (i, u) in list.iter().enumerate() {
                        let Some(c) = checked(&d, u.entry) else {
                            continue;
                        };
                        let r = &u.result;
                        rows.push(vec![
                            Cell::Int(i as i64 + 1),
                            Cell::from(c.assessment.unit_name.as_str()),
                            Cell::Num(r.self_points),
                            Cell::Num(r.appraised),
                            Cell::Num(r.survey),
                            Cell::Num(r.adjustment()),
                            Cell::Num(r.total),
                            Cell::Num(r.index),
                            Cell::Int(u.rank as i64),
                            Cell::from(r.band.as_deref().unwrap_or("")),
                        ]);
                    }
                }
                xlsx::workbook(&[Sheet {
                    name: "Phụ lục kết quả".into(),
                    rows,
                    header_rows,
                    widths: vec![5, 40, 10, 10, 10, 10, 10, 9, 8, 14],
                }])
            },
        )
    };
    let results_file = {
        let (d, r, figs) = (d.clone(), ctx.rounds.clone(), figs.clone());
        download(
            &ctx,
            rf::results_file_name(None, year, period),
            JSON,
            move || {
                let units = figs
                    .groups
                    .values()
                    .flat_map(|g| unit_results(&d, &r, g))
                    .collect();
                let res = Results {
                    decision: r.official.decision.clone(),
                    units,
                };
                rf::export_results(&res, &services::now_iso()).into_bytes()
            },
        )
    };

    // "<group>:f:<id>" / "<group>:c:<id>": each group by its own framework
    let by_options: Vec<(String, String)> = {
        let mut v = vec![(String::new(), "Chỉ số chính thức".to_string())];
        let many = groups.len() > 1;
        for (gi, (g, l)) in groups.iter().enumerate() {
            let Some(c) = l.first().and_then(|u| checked(&d, u.entry)) else {
                continue;
            };
            let khoi = if many {
                format!("Khối {} — ", g.unit_type.label())
            } else {
                String::new()
            };
            for f in &c.framework.fields {
                v.push((
                    format!("{gi}:f:{}", f.id),
                    format!("{khoi}Lĩnh vực {}: {}", f.id, f.title),
                ));
                for cr in &f.criteria {
                    v.push((
                        format!("{gi}:c:{}", cr.id),
                        format!("{khoi}Tiêu chí {}: {}", cr.id, cr.title),
                    ));
                }
            }
        }
        v
    };
    let on_by = {
        let by = by.clone();
        Callback::from(move |e: Event| by.set(event_value(&e)))
    };

    html! {
        <section class="page official">
            {head}
            <div class="no-print official-inputs">
                <h2>{"1. Quyết định công bố"}</h2>
                <div class="toolbar">
                    <div class="field inline">
                        <label for="off-number">{"Số quyết định"}</label>
                        <input id="off-number" type="text" maxlength="100" placeholder="123/QĐ-UBND" value={inputs.decision.number.clone()} onchange={on_number} />
                    </div>
                    <div class="field inline">
                        <label for="off-date">{"Ngày"}</label>
                        <input id="off-date" type="date" value={inputs.decision.date.clone()} onchange={on_date} />
                    </div>
                </div>
                <h2>{"2. Điểm điều tra xã hội học"}</h2>
                <p class="hint">{"Dán bảng của đơn vị điều tra (chép từ Excel): một dòng một đơn vị, cột đầu là tên đơn vị, mỗi cột sau là một tiêu chí thành phần điều tra (ghi mã, ví dụ 8.1.1, hoặc tên ở dòng tiêu đề). Bảng chỉ được áp dụng khi không còn lỗi nào."}</p>
                if groups.len() > 1 {
                    <div class="field inline">
                        <label for="off-paste-group">{"Bảng của khối"}</label>
                        <select id="off-paste-group" onchange={on_paste_group}>
                            { for groups.iter().enumerate().map(|(i, (g, _))| html! {
                                <option value={i.to_string()} selected={i == pg}>{g.unit_type.label()}</option>
                            }) }
                        </select>
                    </div>
                }
                <div class="field">
                    <label for="off-paste">{"Bảng điểm điều tra (dán vào đây)"}</label>
                    <textarea id="off-paste" rows="5" value={(*paste).clone()} oninput={on_paste_text} />
                </div>
                <button class="btn primary" onclick={on_apply}>{"Áp dụng bảng dán"}</button>
                if let Some((ok, m)) = &*msg {
                    {message(*ok, m)}
                }
                { for groups.iter().map(|(g, list)| html! {
                    <SurveyEntry group={(*g).clone()} list={Shared(Rc::new((*list).clone()))} />
                }) }
                <h2>{"3. Kết quả chính thức năm trước (để so sánh)"}</h2>
                <div class="toolbar">
                    <label class="btn">{"Nạp tệp kết quả chính thức kỳ trước (.json)"}
                        <input type="file" class="sr-only" accept=".json,application/json" onchange={on_previous} data-official-prev="" />
                    </label>
                    if !inputs.previous.is_empty() {
                        <span>{format!("Đã nạp {} đơn vị. ", inputs.previous.len())}</span>
                        <button class="btn small" onclick={forget_previous}>{"Bỏ so sánh"}</button>
                    }
                </div>
            </div>
            <h2 class="no-print">{"4. Kết quả, phụ lục công bố"}</h2>
            <div class="toolbar no-print">
                {print_button("In phụ lục / Lưu PDF")}
                <button class="btn" onclick={csv} data-download="csv">{"Tải CSV"}</button>
                <button class="btn" onclick={xlsx_file}>{"Tải Excel (.xlsx)"}</button>
                <button class="btn" onclick={results_file} data-download="results">{"Tải tệp kết quả (.json)"}</button>
                <div class="field inline">
                    <label for="off-by">{"Xếp hạng theo"}</label>
                    <select id="off-by" onchange={on_by}>
                        { for by_options.iter().map(|(v, l)| html! { <option value={v.clone()} selected={*v == *by}>{l.clone()}</option> }) }
                    </select>
                </div>
            </div>
            if not_final > 0 {
                <p class="banner warn no-print" role="status" data-official="not-final">{format!("{not_final} đơn vị chưa có kết quả thẩm định cuối cùng (vòng 2 đã gửi): điểm thẩm định của các đơn vị này đang tạm tính theo kết quả thẩm định hiện có hoặc điểm tự đánh giá (cột \"Thẩm định\").")}</p>
            }
            if damaged > 0 {
                <p class="banner warn no-print" role="status" data-official="damaged">{format!("{damaged} đơn vị có tệp bị sửa hoặc hỏng (mã kiểm tra không khớp): kết quả của các đơn vị này tính theo tệp không đáng tin cậy; hãy đề nghị đơn vị gửi lại tệp bản nộp trước khi công bố.")}</p>
            }
            if missing_survey > 0 {
                <p class="banner warn no-print" role="status" data-official="no-survey">{format!("{missing_survey} đơn vị chưa có đủ điểm điều tra xã hội học (đánh dấu *).")}</p>
            }
            <header class="appendix-head">
                <p class="appendix-kind">{"Phụ lục"}</p>
                <h2 class="appendix-title">{title.clone()}</h2>
                <p class="appendix-decision" data-official="heading">{heading.clone()}</p>
            </header>
            { for groups.iter().enumerate().map(|(gi, (g, list))| {
                match by.split_once(':') {
                    None => appendix_table(&d, g, list, &inputs.previous),
                    Some((i, rest)) if i == gi.to_string() => node_table(&d, g, list, rest, &by, &by_options),
                    Some(_) => Html::default(),
                }
            }) }
        </section>
    }
}

fn appendix_table(d: &super::Desk, g: &Group, list: &[UnitOfficial], prev: &[UnitResult]) -> Html {
    let with_prev = !prev.is_empty();
    html! {
        <section class="official-group" data-group={g.unit_type.label()}>
            <h3>{format!("Khối {}", g.unit_type.label())}</h3>
            <div class="table-wrap">
            <table class="official-table" data-official="appendix">
                <thead><tr>
                    { for rf::APPENDIX_COLUMNS.iter().map(|c| html! { <th scope="col">{*c}</th> }) }
                    if with_prev { <th scope="col">{"Năm trước"}</th><th scope="col">{"Thay đổi"}</th> }
                    <th scope="col" class="no-print">{"Thẩm định"}</th>
                </tr></thead>
                <tbody>
                { for list.iter().enumerate().filter_map(|(i, u)| {
                    let c = checked(d, u.entry)?;
                    let r = &u.result;
                    let name = &c.assessment.unit_name;
                    let p = previous_of(prev, g.unit_type, name);
                    let missing = !r.survey_missing.is_empty();
                    Some(html! {
                        <tr data-unit={name.clone()}>
                            <td class="num">{i + 1}</td>
                            <th scope="row"><a href={Route::DeskOfficial { sha: Some(c.sha256.clone()) }.href()}>{name.clone()}</a></th>
                            <td class="num">{r.self_points.to_vi_fixed()}</td>
                            <td class="num">{r.appraised.to_vi_fixed()}</td>
                            <td class="num" title={missing.then(|| format!("Chưa có kết quả điều tra: {}", r.survey_missing.join(", ")))}>
                                {r.survey.to_vi_fixed()}{missing.then_some(" *")}
                            </td>
                            <td class="num">{r.adjustment().to_vi_fixed()}</td>
                            <td class="num">{r.total.to_vi_fixed()}</td>
                            <td class="num" data-col="index"><strong>{r.index.to_vi_fixed()}</strong></td>
                            <td class="num" data-col="rank">{u.rank}</td>
                            <td>{r.band.clone().unwrap_or_default()}</td>
                            if with_prev {
                                <td class="num">{p.map(|p| format!("{} (hạng {})", p.index.to_vi_fixed(), p.rank)).unwrap_or_else(|| "—".into())}</td>
                                <td class="num" data-col="change">{p.map(|p| {
                                    let moved = p.rank as i64 - u.rank as i64;
                                    let arrow = match moved.cmp(&0) {
                                        std::cmp::Ordering::Greater => format!(", lên {moved} hạng"),
                                        std::cmp::Ordering::Less => format!(", xuống {} hạng", -moved),
                                        std::cmp::Ordering::Equal => String::new(),
                                    };
                                    format!("{}{arrow}", (r.index - p.index).to_vi_signed())
                                }).unwrap_or_default()}</td>
                            }
                            <td class="no-print">{u.appraisal.label()}</td>
                        </tr>
                    })
                }) }
                </tbody>
            </table>
            </div>
            if list.iter().any(|u| !u.result.survey_missing.is_empty()) {
                <p class="hint">{"* Chưa có kết quả điều tra xã hội học cho một số tiêu chí thành phần: "}{missing_rule(d, list)}</p>
            }
        </section>
    }
}

fn missing_rule(d: &super::Desk, list: &[UnitOfficial]) -> &'static str {
    let scale = list
        .first()
        .and_then(|u| checked(d, u.entry))
        .is_some_and(|c| c.framework.missing_survey == crate::engine::model::MissingSurvey::Scale);
    if scale {
        "theo bộ tiêu chí, tiêu chí đó không tính vào tổng điểm tối đa (quy đổi phần còn lại)."
    } else {
        "theo bộ tiêu chí, tiêu chí đó tính 0 điểm."
    }
}

/// The ranking of one field or criterion (`by`: "f:<id>" or "c:<id>").
fn node_table(
    d: &super::Desk,
    g: &Group,
    list: &[UnitOfficial],
    node_by: &str,
    by: &str,
    options: &[(String, String)],
) -> Html {
    let (kind, id) = node_by.split_once(':').unwrap_or(("f", node_by));
    let node = |u: &UnitOfficial| {
        let l = if kind == "c" {
            &u.result.criteria
        } else {
            &u.result.fields
        };
        l.iter().find(|n| n.id == id).cloned()
    };
    let rows: Vec<(&UnitOfficial, String, ro::NodeResult)> = list
        .iter()
        .filter_map(|u| {
            Some((
                u,
                checked(d, u.entry)?.assessment.unit_name.clone(),
                node(u)?,
            ))
        })
        .collect();
    let keyed: Vec<(Dec2, String)> = rows
        .iter()
        .map(|(_, n, r)| (r.percent(), unit_key(n)))
        .collect();
    let label = options
        .iter()
        .find(|(v, _)| v == by)
        .map(|(_, l)| l.rsplit(" — ").next().unwrap_or(l).to_string())
        .unwrap_or_default();
    html! {
        <section class="official-group" data-group={g.unit_type.label()}>
            <h3>{format!("Khối {} — {label}", g.unit_type.label())}</h3>
            <div class="table-wrap">
            <table class="official-table" data-official="by-node">
                <thead><tr>
                    <th scope="col">{"Xếp hạng"}</th><th scope="col">{"Đơn vị"}</th><th scope="col">{"Điểm"}</th>
                    <th scope="col">{"Tối đa"}</th><th scope="col">{"Tỷ lệ (%)"}</th>
                </tr></thead>
                <tbody>
                { for ro::rank_desc(&keyed).into_iter().map(|(rank, j)| {
                    let (u, name, r) = &rows[j];
                    let href = checked(d, u.entry).map(|c| Route::DeskOfficial { sha: Some(c.sha256.clone()) }.href());
                    html! {
                        <tr>
                            <td class="num">{rank}</td><th scope="row"><a href={href}>{name.clone()}</a></th>
                            <td class="num">{r.points.to_vi()}</td><td class="num">{r.applicable_max.to_vi()}</td>
                            <td class="num">{r.percent().to_vi_fixed()}</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SurveyEntryProps {
    group: Group,
    list: Shared<Vec<UnitOfficial>>,
}

/// Survey points typed by hand, and the council's adjustments, per unit.
#[component]
fn SurveyEntry(p: &SurveyEntryProps) -> Html {
    let ctx = crate::app::use_app();
    let err = use_state(|| None::<String>);
    let open = use_state(|| false);
    let d = ctx.desk.clone();
    let Some(fw): Option<Rc<Framework>> = p
        .list
        .first()
        .and_then(|u| checked(&d, u.entry))
        .map(|c| c.framework.clone())
    else {
        return Html::default();
    };
    let items: Vec<(String, Dec2)> = fw
        .subs()
        .filter(|s| s.rule.is_survey())
        .map(|s| (s.id.clone(), s.max))
        .collect();
    // (id, title, bonus, the most times it counts)
    let adj: Vec<(String, String, bool, u32)> = fw
        .bonus
        .items
        .iter()
        .map(|a| (a, true))
        .chain(fw.deductions.items.iter().map(|a| (a, false)))
        .map(|(a, b)| {
            (
                a.id.clone(),
                a.title.clone(),
                b,
                if a.repeatable { 99 } else { 1 },
            )
        })
        .collect();
    let survey = &ctx.rounds.official.survey;
    let council = &ctx.rounds.official.adjustments;
    let set_survey = |key: String, id: String, max: Dec2| {
        let (ctx, err) = (ctx.clone(), err.clone());
        Callback::from(move |e: Event| {
            let v = event_value(&e);
            let t = v.trim();
            let value = if t.is_empty() { None } else { points_cell(t) };
            match value {
                Some(x) if x > max || x < Dec2::ZERO => {
                    err.set(Some(format!(
                        "Tiêu chí {id}: {} vượt điểm tối đa {} (không lưu).",
                        x.to_vi(),
                        max.to_vi()
                    )));
                    return;
                }
                None if !t.is_empty() => {
                    err.set(Some(format!(
                        "Tiêu chí {id}: \"{t}\" không phải là số điểm (không lưu)."
                    )));
                    return;
                }
                _ => err.set(None),
            }
            let (key, id) = (key.clone(), id.clone());
            edit(&ctx, move |o| {
                let m = o.survey.entry(key.clone()).or_default();
                match value {
                    Some(x) => m.insert(id, x),
                    None => m.remove(&id),
                };
                if m.is_empty() {
                    o.survey.remove(&key);
                }
            });
        })
    };
    let set_adj = |key: String, id: String, own: BTreeMap<String, u32>, most: u32| {
        let (ctx, err) = (ctx.clone(), err.clone());
        Callback::from(move |e: Event| {
            let v = event_value(&e);
            let t = v.trim();
            let n: u32 = match t.parse::<u32>() {
                Ok(n) if n <= most => n,
                _ if t.is_empty() => 0,
                _ => {
                    err.set(Some(format!(
                        "Mục {id}: \"{t}\" không hợp lệ — nhập số lần từ 0 đến {most} (không lưu)."
                    )));
                    return;
                }
            };
            err.set(None);
            let (key, id, own) = (key.clone(), id.clone(), own.clone());
            edit(&ctx, move |o| {
                let m = o.adjustments.entry(key).or_insert(own);
                if n == 0 {
                    m.remove(&id);
                } else {
                    m.insert(id, n);
                }
            });
        })
    };
    let reset_adj = |key: String| {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            let key = key.clone();
            edit(&ctx, move |o| {
                o.adjustments.remove(&key);
            })
        })
    };
    let label = p.group.unit_type.label();
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let head = html! {
        <button class="btn" aria-expanded={(*open).to_string()} onclick={toggle}>
            {format!("{} Nhập tay, sửa từng đơn vị — khối {label} ({} đơn vị)", if *open { "▾" } else { "▸" }, p.list.len())}
        </button>
    };
    // a closed section draws nothing (a batch of 200 has 1,000 inputs)
    if !*open {
        return html! { <div class="official-entry" data-entry={label}>{head}</div> };
    }
    html! {
        <div class="official-entry" data-entry={label}>
            {head}
            if let Some(m) = &*err { <p role="alert" class="bad">{m.clone()}</p> }
            <div class="table-wrap">
            <table class="official-table">
                <thead><tr>
                    <th scope="col">{"Đơn vị"}</th>
                    { for items.iter().map(|(id, max)| html! { <th scope="col">{format!("Điều tra {id} (tối đa {})", max.to_vi())}</th> }) }
                    { for adj.iter().map(|(id, t, bonus, _)| html! { <th scope="col" title={t.clone()}>{format!("{} {id} (số lần)", if *bonus { "Thưởng" } else { "Trừ" })}</th> }) }
                    if !adj.is_empty() { <th scope="col">{"Thưởng/trừ"}</th> }
                </tr></thead>
                <tbody>
                { for p.list.iter().filter_map(|u| {
                    let c = checked(&d, u.entry)?;
                    let name = c.assessment.unit_name.clone();
                    let key = unit_key(&name);
                    let mine = survey.get(&key);
                    let decided = council.get(&key);
                    let counts = decided.unwrap_or(&c.assessment.adjustments);
                    Some(html! {
                        <tr data-unit={name.clone()}>
                            <th scope="row">{name.clone()}</th>
                            { for items.iter().map(|(id, max)| {
                                let v = mine.and_then(|m| m.get(id)).map(|x| x.to_vi()).unwrap_or_default();
                                html! { <td><input type="text" inputmode="decimal" size="5" aria-label={format!("{name}: điểm điều tra {id}")} value={v} onchange={set_survey(key.clone(), id.clone(), *max)} data-survey={id.clone()} /></td> }
                            }) }
                            { for adj.iter().map(|(id, t, _, most)| {
                                let v = counts.get(id).copied().unwrap_or(0).to_string();
                                html! { <td><input type="number" min="0" max={most.to_string()} size="3" aria-label={format!("{name}: {t}")} value={v} onchange={set_adj(key.clone(), id.clone(), c.assessment.adjustments.clone(), *most)} /></td> }
                            }) }
                            if !adj.is_empty() {
                                <td>
                                    {u.result.adjustment().to_vi_signed()}
                                    if decided.is_some() {
                                        {" (Hội đồng quyết định) "}
                                        <button class="btn small" onclick={reset_adj(key.clone())}>{"Trở lại điểm đơn vị tự nhận"}</button>
                                    } else { {" (đơn vị tự nhận)"} }
                                </td>
                            }
                        </tr>
                    })
                }) }
                </tbody>
            </table>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ScoringProps {
    pub sha: String,
}

/// One unit's scoring table (bảng chấm điểm), printable, as CSV and its
/// results file.
#[component]
pub fn ScoringTablePage(p: &ScoringProps) -> Html {
    let ctx = crate::app::use_app();
    let figs = use_figures(&ctx);
    let d = ctx.desk.clone();
    let back = html! { <a class="no-print" href={Route::DeskOfficial { sha: None }.href()}>{"← Về kết quả chính thức"}</a> };
    let found = figs.groups.values().find_map(|g| {
        g.iter()
            .find(|u| checked(&d, u.entry).is_some_and(|c| c.sha256 == p.sha))
            .map(|u| (u.clone(), g.len()))
    });
    let Some((u, of)) = found else {
        return html! {
            <section class="page">
                <h1>{"Bảng chấm điểm"}</h1>
                if d.ready { <p role="alert">{"Không có đơn vị này trong danh sách được xếp hạng."}</p> }
                else { <p role="status">{"Đang khôi phục danh sách tệp đã nạp lần trước…"}</p> }
                <p>{back}</p>
            </section>
        };
    };
    let Some(c) = checked(&d, u.entry) else {
        return Html::default();
    };
    let r = ctx.rounds.clone();
    let key = unit_key(&c.assessment.unit_name);
    let work = r
        .units
        .get(&c.sha256)
        .filter(|_| c.revision.is_some() && c.intact);
    let (rows, o) = ro::scoring_table(
        &c.framework,
        &c.assessment,
        work.map(ro::final_items),
        r.official.survey.get(&key),
        r.official.adjustments.get(&key),
    );
    let name = c.assessment.unit_name.clone();
    let title = format!(
        "BẢNG CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH {} — {}",
        period_upper((c.assessment.year, c.assessment.period)),
        name
    );
    let heading = rf::appendix_heading(&r.official.decision.number, &r.official.decision.date);
    let csv = {
        let (rows, t, h) = (rows.clone(), title.clone(), heading.clone());
        let fname = format!(
            "CCHC_{}_{}_bang-cham-diem.csv",
            crate::engine::formats::file::slug(&name),
            c.assessment.year
        );
        download(&ctx, fname, "text/csv", move || {
            rf::table_csv(&[t.clone(), h.clone()], &rows)
        })
    };
    let file = {
        let res = Results {
            decision: r.official.decision.clone(),
            units: vec![rf::unit_result(
                &c.framework,
                &c.assessment,
                &c.sha256,
                &u,
                of,
                &rows,
            )],
        };
        download(
            &ctx,
            rf::results_file_name(Some(&name), c.assessment.year, c.assessment.period),
            JSON,
            move || rf::export_results(&res, &services::now_iso()).into_bytes(),
        )
    };
    html! {
        <section class="page official scoring">
            <p>{back}</p>
            <h1 class="appendix-title">{title}</h1>
            <p class="appendix-decision">{heading}</p>
            <dl class="cards" data-official="unit">
                <div><dt>{"Chỉ số chính thức"}</dt><dd data-col="index">{o.index.to_vi_fixed()}</dd></div>
                <div><dt>{"Xếp hạng"}</dt><dd>{format!("{}/{of}", u.rank)}</dd></div>
                <div><dt>{"Xếp loại"}</dt><dd>{o.band.clone().unwrap_or_else(|| "—".into())}</dd></div>
                <div><dt>{"Chỉ số đơn vị tự ước tính"}</dt><dd>{o.self_index.to_vi_fixed()}</dd></div>
                <div><dt>{"Thẩm định"}</dt><dd>{u.appraisal.label()}</dd></div>
            </dl>
            <div class="toolbar no-print">
                {print_button("In bảng chấm điểm / Lưu PDF")}
                <button class="btn" onclick={csv} data-download="table-csv">{"Tải CSV"}</button>
                <button class="btn" onclick={file} data-download="unit-results">{"Tải tệp kết quả cho đơn vị (.json)"}</button>
            </div>
            <div class="table-wrap">
            <table class="official-table scoring-table" data-official="table">
                <thead><tr>{ for rf::TABLE_COLUMNS.iter().map(|c| html! { <th scope="col">{*c}</th> }) }</tr></thead>
                <tbody>
                { for rows.iter().map(|x| {
                    let cls = match x.level { 0 => "lv-field", 1 => "lv-criterion", 3 => "lv-adjust", 4 => "lv-total", _ => "lv-sub" };
                    let lower = matches!((x.self_points, x.official), (Some(s), Some(o)) if o < s);
                    html! {
                        <tr class={classes!(cls, lower.then_some("lower"))}>
                            <td>{x.id.clone()}</td>
                            <td>{x.title.clone()}</td>
                            <td class="num">{x.max.to_vi()}</td>
                            <td class="num">{x.self_points.map(|v| v.to_vi()).unwrap_or_else(|| "—".into())}</td>
                            <td class="num">{x.official.map(|v| v.to_vi()).unwrap_or_else(|| "—".into())}</td>
                            <td>{x.unit_note.clone()}</td>
                            <td>{x.appraisal_note.clone()}</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}

/// A message: its first line, then each further line as an item (at most
/// 20, each cut at 300 characters: a pasted table may be anything).
fn message(ok: bool, m: &str) -> Html {
    let mut lines = m.lines();
    let head = lines.next().unwrap_or_default().to_string();
    let rest: Vec<&str> = lines.collect();
    let cut = |s: &str| -> String {
        if s.chars().count() > 300 {
            format!("{}…", s.chars().take(300).collect::<String>())
        } else {
            s.to_string()
        }
    };
    html! {
        <div role={if ok { "status" } else { "alert" }} class={classes!("banner", if ok { "ok" } else { "warn" })} data-official-msg="">
            <p>{cut(&head)}</p>
            if !rest.is_empty() {
                <ul>
                    { for rest.iter().take(20).map(|l| html! { <li>{cut(l)}</li> }) }
                    if rest.len() > 20 { <li>{format!("… và {} lỗi khác.", rest.len() - 20)}</li> }
                </ul>
            }
        </div>
    }
}
