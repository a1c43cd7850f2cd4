//! Corrective actions: what the unit will do to recover the points it
//! loses — owned, dated, tracked — and the index it would reach.

use super::route::Route;
use super::state::Edit;
use super::widgets::{count_note, download, event_value, XLSX};
use super::{edit, Ctx};
use crate::engine::formats::{file, sheets, xlsx};
use crate::engine::model::{CorrectiveAction, Framework, PlanStatus as Status};
use crate::engine::rules::input::date_ok;
use crate::engine::rules::limits;
use crate::engine::rules::plan;
use crate::engine::Dec2;
use crate::services;
use yew::prelude::*;

/// Adds an action for a losing sub-criterion (expecting its lost points
/// back) and opens it on the actions page.
pub fn add_for(ctx: &Ctx, sub: &str) {
    let Some(cur) = ctx.current.as_ref() else {
        return;
    };
    let lost = cur.summary.sub(sub).map_or(Dec2::ZERO, |s| s.lost);
    let id = format!("bp-{}", services::random_id());
    let x = CorrectiveAction {
        id: id.clone(),
        subs: vec![sub.to_string()],
        expected_points: lost,
        ..CorrectiveAction::default()
    };
    edit(ctx, Edit::Action(id.clone(), Some(x)));
    services::set_hash(
        &Route::Actions {
            id: cur.assessment.id.clone(),
            focus: Some(id),
        }
        .href(),
    );
}

fn today() -> String {
    services::now_iso().chars().take(10).collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Sort {
    Deadline,
    Field,
    Status,
}

#[component]
pub fn ActionsPage() -> Html {
    let sort = use_state(|| Sort::Deadline);
    let confirm = use_state(|| None::<String>);
    let (ctx, cur) = super::use_current();
    let focus = match &ctx.route {
        Route::Actions { focus, .. } => focus.clone(),
        _ => None,
    };
    use_effect_with(focus, move |f| {
        if let Some(id) = f {
            services::scroll_to_id(&format!("act-{id}"));
        }
    });
    let Some(cur) = cur else {
        return html! {};
    };
    let a = cur.assessment.clone();
    let fw = cur.framework.clone();
    // Before the year ends: the year-end projection (what is not yet due
    // going as planned, plus the actions); at "Năm" the same as before.
    let p = cur.year.clone();
    let quarter = a.period != crate::engine::Period::Year;
    let today = today();

    let mut list: Vec<&CorrectiveAction> = a.actions.iter().collect();
    let field_pos = |x: &CorrectiveAction| {
        plan::action_field(&fw, x)
            .and_then(|f| fw.fields.iter().position(|k| k.id == f))
            .unwrap_or(usize::MAX)
    };
    match *sort {
        Sort::Deadline => {
            crate::engine::sort_by_key(&mut list, |x| (x.deadline.is_empty(), x.deadline.clone()))
        }
        Sort::Field => crate::engine::sort_by_key(&mut list, |x| field_pos(x)),
        Sort::Status => crate::engine::sort_by_key(&mut list, |x| x.status),
    }
    let overdue = a.actions.iter().filter(|x| x.is_overdue(&today)).count();

    let cards = list
        .into_iter()
        .map(|x| action_card(&ctx, x, &fw, &today, &confirm));
    let on_sort = {
        let sort = sort.clone();
        Callback::from(move |e: Event| {
            sort.set(match event_value(&e).as_str() {
                "field" => Sort::Field,
                "status" => Sort::Status,
                _ => Sort::Deadline,
            })
        })
    };
    let on_add = {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            let id = format!("bp-{}", services::random_id());
            edit(
                &ctx,
                Edit::Action(
                    id.clone(),
                    Some(CorrectiveAction {
                        id,
                        ..CorrectiveAction::default()
                    }),
                ),
            );
        })
    };
    let on_csv = {
        let a = a.clone();
        let name = file::file_name(&a).replace(".json", "_bien-phap.xlsx");
        download(&ctx, name, XLSX, move || {
            xlsx::workbook(&[sheets::actions_sheet(&a)])
        })
    };
    let losses = cur.summary.losses();
    let uncovered: Vec<_> = losses
        .iter()
        .filter(|l| !a.actions.iter().any(|x| x.subs.contains(&l.id)))
        .collect();

    html! {
        <section class="actions-page"><fieldset class="plain" disabled={cur.read_only}>
            <h2>{"Biện pháp khắc phục"}</h2>
            <dl class="cards">
                <div><dt>{"Số biện pháp"}</dt><dd data-plan="count">{a.actions.len()}</dd></div>
                <div><dt>{"Đã hoàn thành"}</dt><dd data-plan="completion">{format!("{}/{} ({}%)", p.done_actions, a.actions.len(), p.completion().to_vi())}</dd></div>
                <div><dt>{"Quá hạn"}</dt><dd data-plan="overdue" class={classes!((overdue > 0).then_some("bad"))}>{overdue}</dd></div>
                <div><dt>{ if quarter { "Chỉ số đến kỳ báo cáo" } else { "Chỉ số hiện tại" } }</dt><dd>{format!("{}%", cur.summary.index.to_vi_fixed())}</dd></div>
                <div><dt>{ if quarter { "Dự kiến cả năm, nếu hoàn thành các biện pháp" } else { "Nếu hoàn thành các biện pháp" } }</dt><dd data-plan="projected">{format!("{}% ({})", p.index.to_vi_fixed(), p.band.clone().unwrap_or_default())}</dd></div>
            </dl>
            if quarter {
                <p class="hint" data-plan="projected-note">{"Số dự kiến cả năm tính trên 100 điểm, gồm cả các mục chỉ đánh giá cuối năm theo câu trả lời đã nhập (chưa trả lời, kể cả điều tra XHH chưa ước tính: 0 điểm), nên có thể thấp hơn chỉ số đến kỳ báo cáo. Mỗi biện pháp chưa hoàn thành cộng điểm dự kiến thu hồi, không quá số điểm tiêu chí đó còn mất."}</p>
            }
            if !uncovered.is_empty() {
                <details class="uncovered">
                    <summary>{format!("{} tiêu chí đang mất điểm chưa có biện pháp", uncovered.len())}</summary>
                    <ul>
                        { for uncovered.iter().map(|l| {
                            let (ctx, sid) = (ctx.clone(), l.id.clone());
                            let onclick = Callback::from(move |_| add_for(&ctx, &sid));
                            let title = fw.sub(&l.id).map(|s| s.title.clone()).unwrap_or_default();
                            html!{ <li key={l.id.clone()}>
                                {format!("{} {} — mất {} điểm ", l.id, title, l.lost.to_vi())}
                                <button class="btn small" {onclick} aria-label={format!("Thêm biện pháp cho {}", l.id)}>{"Thêm biện pháp"}</button>
                            </li> }
                        }) }
                    </ul>
                </details>
            }
            <div class="toolbar">
                <div class="field inline">
                    <label for="act-sort">{"Sắp xếp theo"}</label>
                    <select id="act-sort" onchange={on_sort}>
                        <option value="deadline" selected={*sort == Sort::Deadline}>{"Thời hạn"}</option>
                        <option value="field" selected={*sort == Sort::Field}>{"Lĩnh vực"}</option>
                        <option value="status" selected={*sort == Sort::Status}>{"Trạng thái"}</option>
                    </select>
                </div>
                <button class="btn" onclick={on_add}>{"+ Thêm biện pháp"}</button>
                <button class="btn" onclick={on_csv} disabled={a.actions.is_empty()}>{"Xuất Excel (.xlsx)"}</button>
            </div>
            if a.actions.is_empty() {
                <p class="empty">{"Chưa có biện pháp nào. Thêm từ các tiêu chí bị mất điểm (trong danh mục tiêu chí hoặc trang Tổng hợp)."}</p>
            }
            { for cards }
        </fieldset></section>
    }
}

/// One corrective action: what, who, when, expected points, status.
/// `confirm` holds the action asked to be deleted.
fn action_card(
    ctx: &Ctx,
    x: &CorrectiveAction,
    fw: &Framework,
    today: &str,
    confirm: &UseStateHandle<Option<String>>,
) -> Html {
    let id = x.id.clone();
    let dom = format!("act-{id}");
    let upd = |f: fn(&mut CorrectiveAction, String)| {
        let (ctx, x) = (ctx.clone(), x.clone());
        Callback::from(move |e: InputEvent| {
            let mut y = x.clone();
            f(&mut y, event_value(&e));
            edit(&ctx, Edit::Action(y.id.clone(), Some(y)));
        })
    };
    let upd_change = |f: fn(&mut CorrectiveAction, String)| {
        let (ctx, x) = (ctx.clone(), x.clone());
        Callback::from(move |e: Event| {
            let mut y = x.clone();
            f(&mut y, event_value(&e));
            edit(&ctx, Edit::Action(y.id.clone(), Some(y)));
        })
    };
    let unknown: Vec<&String> = x.subs.iter().filter(|s| fw.sub(s).is_none()).collect();
    let titles: Vec<String> = x
        .subs
        .iter()
        .filter_map(|s| fw.sub(s).map(|k| format!("{} {}", k.id, k.title)))
        .collect();
    let is_overdue = x.is_overdue(today);
    let asking = confirm.as_deref() == Some(x.id.as_str());
    let remove = {
        let (ctx, id, c) = (ctx.clone(), id.clone(), confirm.clone());
        Callback::from(move |_| {
            edit(&ctx, Edit::Action(id.clone(), None));
            c.set(None);
        })
    };
    let ask = {
        let (c, id) = (confirm.clone(), id.clone());
        Callback::from(move |_| c.set(Some(id.clone())))
    };
    let cancel = {
        let c = confirm.clone();
        Callback::from(move |_| c.set(None))
    };
    let field = |label: &str, key: &str, value: String, kind: &str, cb: Callback<InputEvent>| {
        let max = if matches!(key, "result" | "evidence" | "subs") {
            limits::TEXT
        } else {
            limits::SHORT
        };
        html! {
            <div class={classes!("field", format!("f-{key}"))}>
                <label for={format!("{dom}-{key}")}>{label.to_string()}</label>
                <input id={format!("{dom}-{key}")} type={kind.to_string()} maxlength={max.to_string()} value={value.clone()} oninput={cb}
                    min={(kind == "date").then_some("1900-01-01")} max={(kind == "date").then_some("2100-12-31")} />
                {count_note(&value, max)}
            </div>
        }
    };
    html! {
        <article class={classes!("action", is_overdue.then_some("overdue"), (x.status == Status::Done).then_some("done"))}
                 id={dom.clone()} key={id.clone()} data-action={id.clone()} tabindex="-1">
            <header class="action-head">
                <h3>{ if titles.is_empty() { "Biện pháp (chưa gắn tiêu chí)".to_string() } else { titles.join("; ") } }</h3>
                if is_overdue { <span class="badge overdue-badge">{"Quá hạn"}</span> }
                <span class="badge">{x.status.label()}</span>
            </header>
            <div class="field f-what">
                <label for={format!("{dom}-what")}>{"Biện pháp (việc sẽ làm)"}</label>
                <textarea id={format!("{dom}-what")} rows="2" maxlength={limits::TEXT.to_string()} value={x.what.clone()} oninput={upd(|y, v| y.what = v)} />
                {count_note(&x.what, limits::TEXT)}
            </div>
            <div class="action-grid">
                {field("Tiêu chí thành phần (mã, cách nhau dấu phẩy)", "subs", x.subs.join(", "), "text", upd(|y, v| {
                    y.subs = v.split([',', ';', ' ']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
                }))}
                {field("Đơn vị chủ trì", "unit", x.unit.clone(), "text", upd(|y, v| y.unit = v))}
                {field("Người phụ trách", "person", x.person.clone(), "text", upd(|y, v| y.person = v))}
                {field("Thời hạn", "deadline", x.deadline.clone(), "date", upd(|y, v| if date_ok(&v) { y.deadline = v }))}
                <div class="field f-expected">
                    <label for={format!("{dom}-expected")}>{"Điểm dự kiến thu hồi"}</label>
                    // Committed on change, so "1,5" can be typed through "1,".
                    <input id={format!("{dom}-expected")} type="text" inputmode="decimal" value={x.expected_points.to_vi()}
                        onchange={upd_change(|y, v| {
                            if let Some(d) = Dec2::parse(&v) { if d >= Dec2::ZERO && d <= Dec2::HUNDRED { y.expected_points = d; } }
                        })} />
                </div>
                <div class="field f-status">
                    <label for={format!("{dom}-status")}>{"Trạng thái"}</label>
                    <select id={format!("{dom}-status")} onchange={upd_change(|y, v| {
                        y.status = Status::ALL[v.parse::<usize>().unwrap_or(0).min(2)];
                        if y.status == Status::Done { y.progress = 100; }
                    })}>
                        { for Status::ALL.iter().enumerate().map(|(i, s)| html!{ <option value={i.to_string()} selected={*s == x.status}>{s.label()}</option> }) }
                    </select>
                </div>
                {field("Tiến độ (%)", "progress", x.progress.to_string(), "number", upd(|y, v| {
                    if let Ok(n) = v.trim().parse::<u8>() { y.progress = n.min(100); }
                }))}
            </div>
            if !unknown.is_empty() {
                <p class="error" role="alert">{format!("Không có tiêu chí thành phần: {}", unknown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "))}</p>
            }
            if x.status != Status::NotStarted {
                <div class="action-grid">
                    {field("Kết quả", "result", x.result.clone(), "text", upd(|y, v| y.result = v))}
                    {field("Tài liệu kiểm chứng kết quả", "evidence", x.evidence.clone(), "text", upd(|y, v| y.evidence = v))}
                </div>
            }
            <p class="actions">
                if asking {
                    <span role="alert">{"Xóa biện pháp này?"}</span>
                    <button class="btn danger" onclick={remove}>{"Xóa"}</button>
                    <button class="btn" onclick={cancel}>{"Hủy"}</button>
                } else {
                    <button class="btn danger-outline small" onclick={ask}>{"Xóa biện pháp"}</button>
                }
            </p>
        </article>
    }
}
