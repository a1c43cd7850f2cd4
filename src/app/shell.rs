//! The frame around an open assessment: title, tabs, banners, and the
//! summary bar that stays in view while the user works.

use super::checklist::ChecklistPage;
use super::info::InfoPage;
use super::route::Route;
use super::state::{Action, Filter, SaveStatus};
use super::summary::SummaryPage;
use crate::engine::rules::next::next_unanswered;

use super::widgets::{band_text, download, JSON};
use crate::engine::formats::file;
use crate::engine::Dec2;
use crate::services;
use yew::prelude::*;

#[component]
pub fn Shell() -> Html {
    let (ctx, cur) = super::use_current();
    let Some(cur) = cur else {
        return html! {};
    };
    let a = &cur.assessment;
    let fw = &cur.framework;
    let s = &cur.summary;
    let id = a.id.clone();

    let tab = |route: Route, label: &str, active: bool| {
        html! {
            <a href={route.href()} class={classes!("tab", active.then_some("active"))}
               aria-current={active.then_some("page")}>{label.to_string()}</a>
        }
    };
    let is_check = matches!(ctx.route, Route::Checklist { .. });
    let is_info = matches!(ctx.route, Route::Info { .. });
    let is_sum = matches!(ctx.route, Route::Summary { .. });
    let is_cmp = matches!(ctx.route, Route::Compare { .. });
    let is_act = matches!(ctx.route, Route::Actions { .. });
    let is_plan = matches!(ctx.route, Route::Plan { .. });
    let is_rep = matches!(ctx.route, Route::Report { .. });
    let is_apr = matches!(ctx.route, Route::Appraisal { .. });
    let body = match &ctx.route {
        Route::Info { .. } => html! { <InfoPage /> },
        Route::Summary { .. } => html! { <SummaryPage /> },
        Route::Compare { .. } => html! { <super::compare::ComparePage /> },
        Route::Actions { .. } => html! { <super::actions::ActionsPage /> },
        Route::Plan { .. } => html! { <super::annual_plan::PlanPage /> },
        Route::Report { .. } => html! { <super::report::ReportPage /> },
        Route::Appraisal { .. } => html! { <super::appraisal::AppraisalPage /> },
        _ => html! { <ChecklistPage /> },
    };

    let on_next = {
        let (ctx, fw, s) = (ctx.clone(), fw.clone(), s.clone());
        Callback::from(move |_| {
            let after = match &ctx.route {
                Route::Checklist { criterion, .. } => criterion.clone(),
                _ => None,
            };
            ctx.dispatch(Action::SetFilter(Filter::All));
            if let Some((c, sub)) = next_unanswered(&fw, &s, after.as_deref()) {
                let id = ctx
                    .current
                    .as_ref()
                    .map(|c| c.assessment.id.clone())
                    .unwrap_or_default();
                services::set_hash(
                    &Route::Checklist {
                        id,
                        criterion: Some(c),
                        sub: Some(sub),
                    }
                    .href(),
                );
            }
        })
    };
    let on_theirs = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::TakeTheirs))
    };
    let on_keep = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::KeepMine))
    };
    let on_both = {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            ctx.dispatch(Action::KeepBoth {
                new_id: services::random_id(),
                now: services::now_iso(),
            })
        })
    };
    let on_export = {
        let (a, fw) = (a.clone(), fw.clone());
        let built_in = ctx.is_built_in(&fw);
        download(&ctx, file::file_name(&a), JSON, move || {
            file::export(&a, &fw, built_in, &services::now_iso()).into_bytes()
        })
    };
    let save_text = match &ctx.save {
        _ if cur.read_only => html! { <span class="saved">{"Chỉ xem"}</span> },
        _ if ctx.conflict => {
            html! { <span class="saved failed" data-saved="paused">{"Tạm dừng lưu (thẻ khác vừa lưu)"}</span> }
        }
        SaveStatus::Idle => html! { <span class="saved">{"Đã lưu"}</span> },
        SaveStatus::Saved(t) => {
            html! { <span class="saved" data-saved={t.clone()}>{format!("Đã lưu lúc {t}")}</span> }
        }
        SaveStatus::Failed(_) => html! { <span class="saved failed">{"Chưa lưu được"}</span> },
    };
    let pct = |d: Dec2| format!("{}%", d.to_vi_fixed());
    let quarter = a.period != crate::engine::Period::Year;

    html! {
        <div class="shell">
            <div class="shell-head">
                <div class="title">
                    <h1>{&a.unit_name}</h1>
                    <p class="sub-title">
                        {format!("{} {} · số liệu tính đến {} · {}", a.period.label(), a.year, a.period.cutoff_vi(a.year), fw.title)}
                    </p>
                </div>
                <div class="head-actions">
                    <div class="save-state" aria-live="polite">{save_text}</div>
                    <button class="btn" onclick={on_export}>{"Xuất tệp tự đánh giá (.json)"}</button>
                </div>
            </div>
            if cur.read_only {
                <p class="banner readonly" role="note">
                    {"Chế độ chỉ xem: tệp của đơn vị được nạp ở trang Tổng hợp (Sở Nội vụ), không sửa được. "}
                    <a href={Route::Desk.href()}>{"← Về trang Tổng hợp"}</a>
                </p>
            }
            if fw.is_template() {
                <p class="banner template" role="note">{"Bộ tiêu chí mẫu — đối chiếu với Quyết định của UBND tỉnh"}</p>
            }
            if let SaveStatus::Failed(msg) = &ctx.save {
                <div class="banner warn" role="alert">{msg.clone()}</div>
            }
            if ctx.conflict {
                <div class="banner warn conflict" role="alert" data-conflict="" id="xung-dot" tabindex="-1">
                    <p><strong>{"Bản tự đánh giá này vừa được lưu từ một thẻ (tab) khác. Việc lưu ở thẻ này đang tạm dừng để hai bên không ghi đè lên nhau."}</strong>
                        {" Những gì bạn sửa ở đây vẫn được giữ (lưu tạm riêng) cho đến khi bạn chọn:"}</p>
                    <p class="actions">
                        <button class="btn primary" onclick={on_keep}>{"Giữ bản ở thẻ này (ghi đè bản kia)"}</button>
                        <button class="btn" onclick={on_theirs}>{"Dùng bản vừa lưu ở thẻ kia"}</button>
                        <button class="btn" onclick={on_both}>{"Giữ cả hai: lưu bản ở thẻ này thành bản sao"}</button>
                    </p>
                </div>
            }
            <nav class="tabs" aria-label="Các phần của bản tự đánh giá">
                {tab(Route::Checklist { id: id.clone(), criterion: None, sub: None }, "Chấm điểm", is_check)}
                {tab(Route::Info { id: id.clone() }, "Thông tin đơn vị", is_info)}
                {tab(Route::Summary { id: id.clone() }, "Kết quả", is_sum)}
                {tab(Route::Actions { id: id.clone(), focus: None }, "Biện pháp khắc phục", is_act)}
                {tab(Route::Plan { id: id.clone() }, "Kế hoạch CCHC năm", is_plan)}
                {tab(Route::Report { id: id.clone() }, "Báo cáo", is_rep)}
                {tab(Route::Compare { id: id.clone() }, "So sánh kỳ trước", is_cmp)}
                {tab(Route::Appraisal { id: id.clone() }, "Nộp & thẩm định", is_apr)}
            </nav>
            <section class="summary-bar" aria-label="Kết quả tạm tính">
                if ctx.conflict {
                    <p class="bar-alert" data-bar-alert="">{"Tạm dừng lưu: thẻ khác vừa lưu bản này. "}<a href="#xung-dot" onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); services::scroll_to_id("xung-dot"); })}>{"Chọn bản giữ lại"}</a></p>
                }
                <dl>
                    <div class="secondary"><dt>{"Tự chấm"}</dt><dd><span data-summary="self">{s.self_points.to_vi()}</span>{format!(" / {}", s.self_max.to_vi())}</dd></div>
                    <div class="secondary"><dt>{"Điều tra XHH "}<span class="badge">{"ước tính"}</span></dt>
                        <dd>{ if quarter && s.survey_max == Dec2::ZERO && s.survey_items == 0 { html!{ <span data-summary="survey">{"tính cuối năm"}</span> } } else { html!{ <><span data-summary="survey">{s.survey_estimate.to_vi()}</span>{format!(" / {}", s.survey_max.to_vi())}</> } } }</dd></div>
                    <div><dt>{ if quarter { "Tổng điểm đến kỳ" } else { "Tổng điểm" } }</dt><dd><span data-summary="total">{s.total.to_vi()}</span>{format!(" / {}", s.applicable_max.to_vi())}</dd></div>
                    <div><dt>{ if quarter { "Chỉ số đến kỳ" } else { "Chỉ số ước tính" } }</dt><dd data-summary="index">{pct(s.index)}</dd></div>
                    if quarter {
                        <div><dt>{"Dự kiến cả năm"}</dt><dd data-summary="year">{pct(cur.year.index)}</dd></div>
                    }
                    if !s.not_yet.is_empty() {
                        <div class="secondary"><dt>{"Chưa đánh giá được"}</dt><dd data-summary="not-yet">{format!("{} mục ({} điểm)", s.not_yet.len(), s.not_yet_max.to_vi())}</dd></div>
                    }
                    if !s.carried.is_empty() {
                        <div class="secondary"><dt>{"Chưa cập nhật cho kỳ này"}</dt><dd data-summary="carried">{format!("{} mục", s.carried.len())}</dd></div>
                    }
                    <div class="secondary"><dt>{"Xếp loại"}</dt><dd data-summary="band">{band_text(s)}</dd></div>
                    // on a phone a quarter shows its two figures and the total
                    <div class={classes!(quarter.then_some("secondary"))}><dt>{"Hoàn thành"}</dt><dd data-summary="completion">{format!("{}%", s.completion.to_vi())}</dd></div>
                    <div class="secondary"><dt>{"Thiếu kiểm chứng"}</dt><dd data-summary="missing">{s.missing_support.len()}</dd></div>
                </dl>
                if is_check {
                    <div class="bar-actions">
                        <button class="btn primary" onclick={on_next} disabled={s.answered == s.applicable_items}>{"Mục chưa trả lời tiếp theo"}</button>
                        {filters(&ctx, "filters")}
                    </div>
                }
            </section>
            // On a phone the filters sit below the compact bar (CSS shows one of the two).
            if is_check { {filters(&ctx, "filters-phone")} }
            {body}
        </div>
    }
}

/// The checklist's filters (one group shows on a laptop, one on a phone).
fn filters(ctx: &super::Ctx, class: &'static str) -> Html {
    html! {
        <div class={class} role="group" aria-label="Lọc danh sách tiêu chí">
            { for Filter::ALL.iter().map(|&f| {
                let on = ctx.filter == f;
                let ctx = ctx.clone();
                let onclick = Callback::from(move |_| ctx.dispatch(Action::SetFilter(f)));
                html!{ <button class={classes!("btn", "filter", on.then_some("on"))}
                        aria-pressed={on.to_string()} {onclick}>{f.label()}</button> }
            }) }
        </div>
    }
}
