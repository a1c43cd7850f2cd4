//! The checklist: a tree of fields → criteria on the side (a menu on
//! phones) and the sub-criteria of one criterion, or of a filter, in the
//! main panel.

use super::edit;
use super::route::Route;
use super::state::{Edit, Filter};
use super::sub_item::SubItem;
use super::widgets::check;
use crate::engine::model::framework::{Criterion, Field};
use crate::engine::{SubState, Summary};
use crate::services;
use yew::prelude::*;

fn matches(filter: Filter, s: &Summary, id: &str) -> bool {
    let Some(x) = s.sub(id) else { return false };
    match filter {
        Filter::All => true,
        Filter::Unanswered => {
            !x.survey
                && !x.is_done()
                && !matches!(x.state, SubState::NotApplicable | SubState::NotYet)
        }
        Filter::Losing => {
            !x.survey && x.state != SubState::Unanswered && x.lost > crate::engine::Dec2::ZERO
        }
        Filter::MissingSupport => x.needs_support,
    }
}

#[component]
pub fn ChecklistPage() -> Html {
    let menu_open = use_state(|| false);
    let (ctx, cur) = super::use_current();
    let focus_now = match &ctx.route {
        Route::Checklist { sub, .. } => sub.clone(),
        _ => None,
    };
    // Bring a focused item (next unanswered, a loss link) into view.
    use_effect_with(focus_now, move |f| {
        if let Some(id) = f {
            services::scroll_to_id(&format!("sub-{id}"));
        }
    });
    let Some(cur) = cur else {
        return html! {};
    };
    let fw = cur.framework.clone();
    let s = cur.summary.clone();
    let aid = cur.assessment.id.clone();
    let (crit_id, _) = match &ctx.route {
        Route::Checklist { criterion, sub, .. } => (criterion.clone(), sub.clone()),
        _ => (None, None),
    };
    let selected: Option<(&Field, &Criterion)> = crit_id
        .as_deref()
        .and_then(|c| fw.criterion(c))
        .or_else(|| {
            fw.fields
                .first()
                .and_then(|f| f.criteria.first().map(|c| (f, c)))
        });

    // The list is one tab stop (the current criterion); arrows move in it.
    let tab_stop = selected.map(|(_, c)| c.id.clone()).unwrap_or_default();
    let nav = fw.fields.iter().map(|f| {
        let fs = s.field(&f.id);
        html! {
            <li key={f.id.clone()}>
                <div class={classes!("nav-field", fs.is_some_and(|x| x.excluded).then_some("excluded"))}>
                    <span>{format!("{}. {}", f.id, f.title)}</span>
                    {node_badge(fs)}
                </div>
                <ul>
                { for f.criteria.iter().map(|c| {
                    let cs = s.criterion(&c.id);
                    let active = selected.is_some_and(|(_, k)| k.id == c.id) && ctx.filter == Filter::All;
                    let href = Route::Checklist { id: aid.clone(), criterion: Some(c.id.clone()), sub: None }.href();
                    let close = { let m = menu_open.clone(); Callback::from(move |_| m.set(false)) };
                    html!{
                        <li key={c.id.clone()}>
                            <a {href} onclick={close} class={classes!("nav-crit", active.then_some("active"), cs.is_some_and(|x| x.excluded).then_some("excluded"))}
                               aria-current={active.then_some("page")} tabindex={if c.id == tab_stop { "0" } else { "-1" }}>
                                <span>{format!("{} {}", c.id, c.title)}</span>
                                {node_badge(cs)}
                            </a>
                        </li>
                    }
                }) }
                </ul>
            </li>
        }
    });

    let panel = if ctx.filter != Filter::All {
        let groups: Vec<Html> = fw
            .fields
            .iter()
            .flat_map(|f| f.criteria.iter())
            .filter_map(|c| {
                let subs: Vec<Html> = c
                    .subs
                    .iter()
                    .filter(|x| matches(ctx.filter, &s, &x.id))
                    .map(|x| html! { <SubItem key={format!("{}-{}", cur.generation, x.id)} id={x.id.clone()} /> })
                    .collect();
                (!subs.is_empty()).then(|| html! {
                    <section class="crit-group" key={c.id.clone()}>
                        <h3 class="crit-title">{format!("{} {}", c.id, c.title)}</h3>
                        { for subs }
                    </section>
                })
            })
            .collect();
        html! {
            <>
                <h2>{format!("Lọc: {} ({} mục)", ctx.filter.label(), count(&fw, &s, ctx.filter))}</h2>
                if groups.is_empty() { <p class="empty">{"Không có mục nào."}</p> }
                { for groups }
            </>
        }
    } else if let Some((field, crit)) = selected {
        let cs = s.criterion(&crit.id);
        let all: Vec<&Criterion> = fw.fields.iter().flat_map(|f| f.criteria.iter()).collect();
        let pos = all.iter().position(|c| c.id == crit.id).unwrap_or(0);
        let link = |c: Option<&&Criterion>, label: &str| match c {
            Some(c) => {
                html! { <a class="btn" href={Route::Checklist { id: aid.clone(), criterion: Some(c.id.clone()), sub: None }.href()}>{format!("{label} {}", c.id)}</a> }
            }
            None => html! { <span></span> },
        };
        // "Not applicable" for a whole field or criterion, where the framework allows it.
        let exclude_toggle = |allowed: bool, id: &str, label: String| {
            let (ctx, nid) = (ctx.clone(), id.to_string());
            let cb = Callback::from(move |v: bool| edit(&ctx, Edit::Exclude(nid.clone(), v)));
            allowed.then(|| check(&label, cur.assessment.excluded.contains(id), cb))
        };
        let field_toggle = exclude_toggle(
            field.may_be_not_applicable,
            &field.id,
            format!(
                "Cả lĩnh vực {} không áp dụng cho đơn vị (ví dụ: không có thủ tục hành chính){}",
                field.id,
                fw.linked_note(&field.id)
            ),
        );
        // A criterion that goes with a field is declared with that field;
        // one declared alone before (stored data) can still be unticked.
        let excluded = &cur.assessment.excluded;
        let crit_toggle = exclude_toggle(
            fw.may_exclude(&crit.id)
                || (excluded.contains(&crit.id) && crit.excluded_with.is_some()),
            &crit.id,
            format!("Tiêu chí {} không áp dụng cho đơn vị", crit.id),
        );
        let linked = crit.excluded_with.as_ref().map(|f| {
            html! { <p class="hint">{format!("Tiêu chí này không áp dụng cùng lĩnh vực {f}: khai báo ở lĩnh vực {f} (đơn vị không có thủ tục hành chính).")}</p> }
        });
        // Problems with the field's or criterion's own declarations.
        let own_errors = s
            .errors
            .iter()
            .filter(|(id, _)| *id == crit.id || *id == field.id)
            .map(|(_, e)| html! { <p class="error" role="alert">{e.to_string()}</p> });
        html! {
            <>
                <p class="crumb">{format!("Lĩnh vực {}. {}", field.id, field.title)}</p>
                <h2 class="crit-heading">
                    <span>{format!("{} {}", crit.id, crit.title)}</span>
                    if let Some(cs) = cs { <span class="pts">{format!("{} / {} điểm", cs.points.to_vi(), cs.applicable_max.to_vi())}</span> }
                </h2>
                {field_toggle.unwrap_or_default()}
                {crit_toggle.unwrap_or_default()}
                {linked.unwrap_or_default()}
                { for own_errors }
                { for crit.subs.iter().map(|x| html!{ <SubItem key={format!("{}-{}", cur.generation, x.id)} id={x.id.clone()} /> }) }
                <nav class="prev-next" aria-label="Tiêu chí trước, sau">
                    {link(pos.checked_sub(1).and_then(|i| all.get(i)), "← Tiêu chí")}
                    {link(all.get(pos + 1), "Tiêu chí →")}
                </nav>
            </>
        }
    } else {
        html! { <p>{"Bộ tiêu chí trống."}</p> }
    };

    let toggle = {
        let m = menu_open.clone();
        Callback::from(move |_| m.set(!*m))
    };
    html! {
        <div class="checklist">
            <button class="btn menu-toggle" aria-expanded={menu_open.to_string()} aria-controls="crit-nav" onclick={toggle}>
                {if *menu_open { "Đóng danh mục tiêu chí" } else { "☰ Danh mục tiêu chí" }}
            </button>
            {super::widgets::skip_link("Bỏ qua danh mục, đến phần chấm điểm", "cham-diem")}
            <nav id="crit-nav" class={classes!("tree", menu_open.then_some("open"))} aria-label="Danh mục tiêu chí (phím mũi tên để di chuyển)"
                 onkeydown={Callback::from(arrow_keys)}>
                <ul>{ for nav }</ul>
            </nav>
            <div class="panel" id="cham-diem" tabindex="-1">
                {after_submit(&cur)}
                <fieldset class="plain" disabled={cur.read_only}>{panel}</fieldset>
            </div>
        </div>
    }
}

fn count(fw: &crate::engine::Framework, s: &Summary, f: Filter) -> usize {
    fw.subs().filter(|x| matches(f, s, &x.id)).count()
}

fn node_badge(n: Option<&crate::engine::NodeScore>) -> Html {
    match n {
        Some(n) if n.excluded => html! { <span class="node-badge">{"không áp dụng"}</span> },
        Some(n) => html! {
            <span class="node-badge">
                <span class="nb-pts" title="Điểm đạt / tối đa">{format!("{}/{}đ", n.points.to_vi(), n.applicable_max.to_vi())}</span>
                if n.applicable_items > 0 {
                    <span class={classes!("nb-done", (n.answered == n.applicable_items).then_some("complete"))} title="Số mục đã trả lời">
                        { if n.answered == n.applicable_items { "✓".to_string() } else { format!("{}/{} mục", n.answered, n.applicable_items) } }
                    </span>
                }
            </span>
        },
        None => html! {},
    }
}

/// Up and down (and Home, End) move focus along the criteria list.
fn arrow_keys(e: KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let step: i32 = match e.key().as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        "Home" => i32::MIN,
        "End" => i32::MAX,
        _ => return,
    };
    let Some(list) = e
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|n| n.query_selector_all("a.nav-crit").ok())
    else {
        return;
    };
    let links: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.get(i)?.dyn_into().ok())
        .collect();
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let at = links
        .iter()
        .position(|l| {
            active
                .as_ref()
                .is_some_and(|a| a == l.as_ref() as &web_sys::Element)
        })
        .unwrap_or(0) as i32;
    let to = match step {
        i32::MIN => 0,
        i32::MAX => links.len() as i32 - 1,
        s => (at + s).clamp(0, links.len() as i32 - 1),
    };
    if let Some(l) = links.get(to as usize) {
        e.prevent_default();
        for x in &links {
            let _ = x.set_attribute("tabindex", "-1");
        }
        let _ = l.set_attribute("tabindex", "0");
        let _ = l.focus();
    }
}

/// Editing after "Nộp": Sở Nội vụ appraises the revision sent, so the
/// unit is told that these changes reach it only when submitted again.
fn after_submit(cur: &super::state::Current) -> Html {
    let a = &cur.assessment;
    let Some(last) = a.rounds.last_submission() else {
        return html! {};
    };
    match crate::engine::rules::appraisal::changed_since_submitted(&cur.framework, a) {
        None => html! {},
        Some(d) => html! {
            <p class="banner note" data-after-submit="">
                {format!("Đã sửa {} mục ({}) sau khi nộp bản lần {}: Sở Nội vụ thẩm định bản đã nộp, không thấy các sửa đổi này. ", d.len(), d.iter().take(5).cloned().collect::<Vec<_>>().join(", "), last.revision)}
                { if a.rounds.received.is_empty() { "Sửa xong, hãy nộp lại (bản mới) ở " } else { "Đang trong vòng thẩm định: muốn Sở Nội vụ xét lại một mục, hãy giải trình kèm minh chứng ở " } }
                <a href={Route::Appraisal { id: a.id.clone() }.href()}>{"Nộp & thẩm định"}</a>{"."}
            </p>
        },
    }
}
