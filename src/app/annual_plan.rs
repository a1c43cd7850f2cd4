//! The unit's annual PAR plan (Kế hoạch CCHC năm), grouped by the six
//! reform contents of Nghị quyết 76/NQ-CP. Its completion answers the
//! framework's plan-completion item.

use super::edit;
use super::route::Route;
use super::state::Edit;
use super::widgets::event_value;
use super::widgets::{count_note, download, XLSX};
use crate::engine::formats::{file, json, sheets, xlsx};
use crate::engine::model::{PlanStatus as Status, PlanTask, ReformArea};
use crate::engine::rules::input::date_ok;
use crate::engine::rules::limits;
use crate::engine::rules::plan;
use crate::engine::{Dec2, Period};
use crate::services;
use yew::prelude::*;

#[component]
pub fn PlanPage() -> Html {
    let confirm = use_state(|| None::<String>);
    let (ctx, cur) = super::use_current();
    let Some(cur) = cur else {
        return html! {};
    };
    let a = cur.assessment.clone();
    let fw = cur.framework.clone();
    let fig = plan::plan_figure(&fw, &a);
    let plan_sub = fw.plan_completion_sub.clone();
    let due_by = fig.and_then(|f| f.due_by);
    let undated = a.plan.iter().filter(|t| t.deadline.is_empty()).count();

    let groups = ReformArea::ALL.iter().map(|&area| {
        let tasks: Vec<&PlanTask> = a.plan.iter().filter(|t| t.area == area).collect();
        let add = {
            let ctx = ctx.clone();
            Callback::from(move |_| {
                let id = format!("kh-{}", services::random_id());
                edit(&ctx, Edit::Task(id.clone(), Some(PlanTask { id, area, ..PlanTask::default() })));
            })
        };
        let rows = tasks.iter().map(|t| task_row(&ctx, t, &confirm));
        let done = tasks.iter().filter(|t| t.status == Status::Done).count();
        html! {
            <section class="area" key={json::name_of(area, &json::REFORM_AREAS)} data-area={json::name_of(area, &json::REFORM_AREAS)}>
                <h3>{area.label()}<span class="muted">{format!(" — {done}/{} hoàn thành", tasks.len())}</span></h3>
                <ol>{ for rows }</ol>
                <button class="btn small" onclick={add} aria-label={format!("Thêm nhiệm vụ: {}", area.label())}>{"+ Thêm nhiệm vụ"}</button>
            </section>
        }
    });

    let on_csv = {
        let a = a.clone();
        let name = file::file_name(&a).replace(".json", "_ke-hoach.xlsx");
        download(&ctx, name, XLSX, move || {
            xlsx::workbook(&[sheets::plan_sheet(&a)])
        })
    };
    let feed = plan_sub.as_ref().and_then(|id| {
        let sub = fw.sub(id)?;
        let sc = cur.summary.sub(id)?;
        let c = plan::plan_choice(&fw, &a);
        let crit = fw.criterion_of(id).map(|c| c.id.clone());
        let state = match &c {
            Some(c) if c.using_plan && sc.state == crate::engine::SubState::NotYet => c.figure.describe(),
            Some(c) if c.using_plan => format!("dùng số liệu kế hoạch: {} điểm", sc.points.to_vi()),
            Some(_) => format!("đang dùng số liệu nhập tay ở tiêu chí: {} điểm (chọn nguồn số liệu ở tiêu chí)", sc.points.to_vi()),
            None => "chưa có nhiệm vụ".to_string(),
        };
        Some(html! {
            <div class="banner confirm" data-plan="feeds">
                <p>
                    {format!("Tỷ lệ hoàn thành kế hoạch được dùng cho tiêu chí {} \"{}\": ", id, sub.title)}
                    <strong>{state}</strong>
                    {" "}<a href={Route::Checklist { id: a.id.clone(), criterion: crit, sub: Some(id.clone()) }.href()}>{"Xem tiêu chí"}</a>
                </p>
            </div>
        })
    });

    html! {
        <section class="plan-page"><fieldset class="plain" disabled={cur.read_only}>
            <h2>{"Kế hoạch CCHC năm"}</h2>
            <p class="lead">{"Nhiệm vụ theo 6 nội dung cải cách (Nghị quyết 76/NQ-CP): kết quả đầu ra, đơn vị chủ trì, thời hạn, tiến độ từng kỳ."}</p>
            <dl class="cards">
                <div><dt>{"Số nhiệm vụ"}</dt><dd>{a.plan.len()}</dd></div>
                if let Some(p) = fig.and_then(|f| f.due_by) {
                    <div><dt>{format!("Đến hạn trước hoặc đúng ngày {}", p.cutoff_short())}</dt><dd data-plan="due">{fig.map_or(0, |f| f.total)}</dd></div>
                }
                <div><dt>{ if due_by.is_some() { "Đã hoàn thành (trong số đến hạn)" } else { "Đã hoàn thành" } }</dt><dd data-plan="done">{fig.map_or("0".into(), |f| f.done.to_string())}</dd></div>
                <div><dt>{"Tỷ lệ hoàn thành"}</dt><dd data-plan="rate">{fig.filter(|f| f.total > 0).map_or("—".into(), |f| format!("{}%", Dec2::from_int(f.done as i64).percent_of(Dec2::from_int(f.total as i64)).to_vi_fixed()))}</dd></div>
            </dl>
            if due_by.is_some() && undated > 0 {
                <p class="hint warn-hint" role="note" data-plan="undated">{format!("{undated} nhiệm vụ chưa có thời hạn: được coi là đến hạn cuối năm, chưa tính ở kỳ {}. Nhập thời hạn để tính đúng kỳ.", a.period.label())}</p>
            }
            {feed.unwrap_or_default()}
            <div class="toolbar"><button class="btn" onclick={on_csv} disabled={a.plan.is_empty()}>{"Xuất Excel (.xlsx)"}</button></div>
            { for groups }
        </fieldset></section>
    }
}

/// One task of the plan: what, output, lead, deadline, status, progress
/// per period; removed after confirmation (`confirm`: the task asked).
fn task_row(ctx: &super::Ctx, t: &PlanTask, confirm: &UseStateHandle<Option<String>>) -> Html {
    let dom = format!("task-{}", t.id);
    let upd = |f: fn(&mut PlanTask, String)| {
        let (ctx, t) = (ctx.clone(), (*t).clone());
        Callback::from(move |e: InputEvent| {
            let mut y = t.clone();
            f(&mut y, event_value(&e));
            edit(&ctx, Edit::Task(y.id.clone(), Some(y)));
        })
    };
    let on_status = {
        let (ctx, t) = (ctx.clone(), (*t).clone());
        Callback::from(move |e: Event| {
            let mut y = t.clone();
            y.status = Status::ALL[event_value(&e).parse::<usize>().unwrap_or(0).min(2)];
            edit(&ctx, Edit::Task(y.id.clone(), Some(y)));
        })
    };
    let remove = {
        let (ctx, id, c) = (ctx.clone(), t.id.clone(), confirm.clone());
        Callback::from(move |_| {
            edit(&ctx, Edit::Task(id.clone(), None));
            c.set(None);
        })
    };
    let ask = {
        let (c, id) = (confirm.clone(), t.id.clone());
        Callback::from(move |_| c.set(Some(id.clone())))
    };
    let cancel = {
        let c = confirm.clone();
        Callback::from(move |_| c.set(None))
    };
    let text = |label: &str, key: &str, v: &str, kind: &str, cb: Callback<InputEvent>| {
        let max = if matches!(key, "task" | "output") {
            limits::TEXT
        } else {
            limits::SHORT
        };
        html! {
            <div class={classes!("field", format!("t-{key}"))}>
                <label for={format!("{dom}-{key}")}>{label.to_string()}</label>
                <input id={format!("{dom}-{key}")} type={kind.to_string()} maxlength={max.to_string()} value={v.to_string()} oninput={cb}
                    min={(kind == "date").then_some("1900-01-01")} max={(kind == "date").then_some("2100-12-31")} />
                {count_note(v, max)}
            </div>
        }
    };
    let progress = Period::ALL.iter().map(|&p| {
        let v = t.progress.get(&p).map(|n| n.to_string()).unwrap_or_default();
        let (ctx, t) = (ctx.clone(), (*t).clone());
        let oninput = Callback::from(move |e: InputEvent| {
            let mut y = t.clone();
            match event_value(&e).trim().parse::<u8>() {
                Ok(n) => { y.progress.insert(p, n.min(100)); }
                Err(_) => { y.progress.remove(&p); }
            }
            edit(&ctx, Edit::Task(y.id.clone(), Some(y)));
        });
        html! {
            <div class="field t-progress">
                <label for={format!("{dom}-p-{}", p as u8)}>{format!("{} (%)", p.label())}</label>
                <input id={format!("{dom}-p-{}", p as u8)} type="number" min="0" max="100" value={v} {oninput} />
            </div>
        }
    });
    html! {
        <li class={classes!("task", (t.status == Status::Done).then_some("done"))} key={t.id.clone()} data-task={t.id.clone()}>
            <div class="task-grid">
                {text("Nhiệm vụ", "task", &t.task, "text", upd(|y, v| y.task = v))}
                {text("Kết quả đầu ra", "output", &t.output, "text", upd(|y, v| y.output = v))}
                {text("Đơn vị chủ trì", "lead", &t.lead, "text", upd(|y, v| y.lead = v))}
                {text("Thời hạn", "deadline", &t.deadline, "date", upd(|y, v| if date_ok(&v) { y.deadline = v }))}
                <div class="field t-status">
                    <label for={format!("{dom}-status")}>{"Trạng thái"}</label>
                    <select id={format!("{dom}-status")} onchange={on_status}>
                        { for Status::ALL.iter().enumerate().map(|(i, s)| html!{ <option value={i.to_string()} selected={*s == t.status}>{s.label()}</option> }) }
                    </select>
                </div>
            </div>
            <div class="task-progress">{ for progress }</div>
            if confirm.as_deref() == Some(t.id.as_str()) {
                <p class="actions">
                    <span role="alert">{format!("Xóa nhiệm vụ \"{}\"?", t.task)}</span>
                    <button class="btn danger small" onclick={remove}>{"Xóa"}</button>
                    <button class="btn small" onclick={cancel}>{"Hủy"}</button>
                </p>
            } else {
                <button class="btn danger-outline small" onclick={ask} aria-label={format!("Xóa nhiệm vụ {}", t.task)}>{"Xóa nhiệm vụ"}</button>
            }
        </li>
    }
}
