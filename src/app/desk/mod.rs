//! "Tổng hợp các đơn vị (Sở Nội vụ)": load every unit's file at once, see
//! each file's check, rank the units of one period per unit type, find the
//! criteria the province loses most on, compare with a previous batch,
//! open any unit read-only.

pub mod appraise;
mod checks;
mod keeper;
pub mod official;
mod ranking;

pub use keeper::DeskKeeper;

use super::state::{Action, Desk, DeskFile};
use super::widgets::{download, event_value, print_button, DropZone, XLSX};
use crate::engine::formats::batch;
use crate::engine::formats::file::{ImportError, MAX_FILE_BYTES};
use crate::engine::formats::sheets::{losses_sheet, ranking_sheet};
use crate::engine::formats::xlsx;
use crate::engine::model::{Framework, Period};
use crate::engine::rules::consolidate::{self, Entry, Outcome, Place, SortKey};
use crate::services::files;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// Yields to the browser so a long batch never blocks the page.
pub(super) async fn yield_now() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Reads and checks files one by one, yielding to the page after each
/// (a large or broken file never holds up the others), with progress.
async fn check_batch(
    list: Vec<web_sys::File>,
    known: Rc<Vec<Rc<Framework>>>,
    start: usize,
    progress: UseStateHandle<Option<(usize, usize)>>,
) -> Vec<(Entry, DeskFile)> {
    let plain: Vec<Framework> = known.iter().map(|f| (**f).clone()).collect();
    let total = list.len();
    let mut out = Vec::with_capacity(total);
    let mut since = js_sys::Date::now();
    for (i, f) in list.iter().enumerate() {
        let name = f.name();
        let unread = |m: String| {
            let e = Entry {
                file_name: name.clone(),
                outcome: Outcome::Refused(m.clone()),
            };
            (e, DeskFile::Unread(name.clone(), m))
        };
        let pair = match files::read(f, MAX_FILE_BYTES).await {
            Ok(bytes) => {
                let e = batch::check_with(&name, &bytes, &known, &plain, start + i);
                match String::from_utf8(bytes) {
                    Ok(t) => (e, DeskFile::Text(name.clone(), t.into())),
                    Err(_) => {
                        let m = match &e.outcome {
                            Outcome::Refused(m) => m.clone(),
                            Outcome::Checked(_) => String::new(),
                        };
                        (e, DeskFile::Unread(name.clone(), m))
                    }
                }
            }
            Err(files::ReadError::TooLarge(n)) => unread(ImportError::TooLarge(n).to_string()),
            Err(files::ReadError::Failed) => unread("Không đọc được tệp.".into()),
        };
        out.push(pair);
        // Back to the page whenever a slice of work is done, so it keeps
        // answering (and shows the progress) however many files come.
        if js_sys::Date::now() - since > 40.0 {
            progress.set(Some((i + 1, total)));
            yield_now().await;
            since = js_sys::Date::now();
        }
    }
    progress.set(None);
    out
}

/// "Quý III 2025".
pub fn period_label((y, p): (u16, Period)) -> String {
    format!("{} {y}", p.label())
}

/// What the desk shows, computed once per batch (not per render).
pub struct Computed {
    pub plan: consolidate::Plan,
    pub ranking: BTreeMap<consolidate::Group, Vec<consolidate::Ranked>>,
    pub previous_period: Option<(u16, Period)>,
    pub previous: BTreeMap<(crate::engine::UnitType, String), (crate::engine::Dec2, usize)>,
    pub losses: Vec<consolidate::Loss>,
    /// The batch computed from (kept so its address is not reused).
    pub desk: Rc<Desk>,
}

/// [`Computed`] shared with the tables; equal when it is the same one.
#[derive(Clone)]
pub struct Shared(pub Rc<Computed>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

fn compute(d: Rc<Desk>) -> Computed {
    let plan = consolidate::plan(&d.entries, &d.chosen, d.period);
    let ranking = consolidate::rank(&d.entries, &plan);
    let pplan = consolidate::plan(&d.previous, &BTreeMap::new(), None);
    let pr = consolidate::rank(&d.previous, &pplan);
    let previous = consolidate::previous_positions(&d.previous, &pr);
    let losses = consolidate::losses(&d.entries, &plan);
    Computed {
        previous_period: pplan.period,
        plan,
        ranking,
        previous,
        losses,
        desk: d,
    }
}

#[component]
pub fn DeskPage() -> Html {
    let ctx = super::use_app();
    let progress = use_state(|| None::<(usize, usize)>);
    let band_filter = use_state(String::new);
    let sort = use_state(|| (SortKey::Rank, false));
    let confirm_clear = use_state(|| false);
    let desk = ctx.desk.clone();
    // Keyed on the batch itself (the reducer makes a new Rc on every
    // change), so progress ticks, sorting and filtering do not re-rank.
    let computed = {
        let d = desk.clone();
        Shared(use_memo(Rc::as_ptr(&desk) as usize, move |_| compute(d)))
    };

    let load = {
        let (ctx, progress) = (ctx.clone(), progress.clone());
        Callback::from(move |(list, previous): (Vec<web_sys::File>, bool)| {
            if list.is_empty() {
                return;
            }
            let (ctx, progress) = (ctx.clone(), progress.clone());
            let start = if previous {
                100_000
            } else {
                ctx.desk.entries.len()
            };
            progress.set(Some((0, list.len())));
            wasm_bindgen_futures::spawn_local(async move {
                let entries = check_batch(list, ctx.frameworks.clone(), start, progress).await;
                ctx.dispatch(if previous {
                    Action::DeskPrevious(entries)
                } else {
                    Action::DeskAdd(entries)
                });
            });
        })
    };
    let from_input = |previous: bool| {
        let load = load.clone();
        Callback::from(move |e: Event| {
            let list = files::files_of_event(&e);
            files::reset_input(&e);
            load.emit((list, previous));
        })
    };
    let on_drop = {
        let load = load.clone();
        Callback::from(move |list: Vec<web_sys::File>| load.emit((list, false)))
    };

    let entries = &desk.entries;
    let c = &*computed.0;
    let count = |f: &dyn Fn(&Place) -> bool| c.plan.places.iter().filter(|p| f(p)).count();
    let refused = count(&|p| *p == Place::Refused);
    let dups = count(&|p| matches!(p, Place::Duplicate(_)));
    let other = count(&|p| *p == Place::OtherPeriod);
    let warned = entries
        .iter()
        .zip(&c.plan.places)
        .filter(|(e, p)| {
            **p == Place::Ranked
                && matches!(&e.outcome, Outcome::Checked(c) if !c.warnings.is_empty())
        })
        .count();
    let ranked = count(&|p| *p == Place::Ranked);
    let band = (!band_filter.is_empty()).then(|| (*band_filter).clone());

    let all_bands: Vec<String> = {
        let mut seen = std::collections::BTreeSet::new();
        ctx.frameworks
            .iter()
            .flat_map(|f| f.bands.iter().map(|b| b.label.clone()))
            .filter(|b| seen.insert(b.clone()))
            .collect()
    };
    let on_band = {
        let b = band_filter.clone();
        Callback::from(move |e: Event| b.set(event_value(&e)))
    };
    let on_period = {
        let ctx = ctx.clone();
        let periods = consolidate::periods(entries);
        Callback::from(move |e: Event| {
            let i: Option<usize> = event_value(&e).parse().ok();
            ctx.dispatch(Action::DeskPeriod(i.and_then(|i| periods.get(i).copied())));
        })
    };
    let export_ranking = {
        let (d, comp, band, (key, desc)) = (desk.clone(), computed.0.clone(), band.clone(), *sort);
        download(&ctx, "CCHC_xep-hang.xlsx".into(), XLSX, move || {
            let shown: Vec<_> = comp
                .ranking
                .iter()
                .map(|(g, list)| {
                    let rows =
                        consolidate::rows_shown(&d.entries, list, band.as_deref(), key, desc);
                    (g.clone(), rows.into_iter().cloned().collect::<Vec<_>>())
                })
                .collect();
            xlsx::workbook(&[ranking_sheet(
                &d.entries,
                &shown,
                comp.plan.period,
                &comp.previous,
            )])
        })
    };
    let export_losses = {
        let comp = computed.0.clone();
        download(
            &ctx,
            "CCHC_phan-tich-tieu-chi.xlsx".into(),
            XLSX,
            move || xlsx::workbook(&[losses_sheet(&comp.losses)]),
        )
    };
    let clear = {
        let (ctx, c) = (ctx.clone(), confirm_clear.clone());
        Callback::from(move |_| {
            ctx.dispatch(Action::DeskClear);
            c.set(false);
        })
    };
    let ask_clear = {
        let c = confirm_clear.clone();
        Callback::from(move |_| c.set(true))
    };
    let cancel_clear = {
        let c = confirm_clear.clone();
        Callback::from(move |_| c.set(false))
    };
    let periods = consolidate::periods(entries);
    let title = match c.plan.period {
        Some(p) => format!("Kết quả tự đánh giá Chỉ số CCHC {}", period_label(p)),
        None => "Kết quả tự đánh giá Chỉ số CCHC".to_string(),
    };

    html! {
        <section class="page desk">
            <h1>{"Tổng hợp các đơn vị (Sở Nội vụ)"}</h1>
            <p class="lead no-print">{"Nạp tệp tự đánh giá của các đơn vị (chọn nhiều tệp hoặc kéo thả cả thư mục tệp). Tệp chỉ được đọc trên máy này."}</p>
            <DropZone class="no-print" on_files={on_drop}>
                <div class="field">
                    <label for="desk-files">{"Tệp tự đánh giá của các đơn vị (.json, chọn nhiều)"}</label>
                    <input id="desk-files" type="file" multiple=true accept=".json,application/json" onchange={from_input(false)} />
                </div>
                <div class="field">
                    <label for="desk-prev">{"Tệp của kỳ trước (để so sánh chỉ số, thứ hạng)"}</label>
                    <input id="desk-prev" type="file" multiple=true accept=".json,application/json" onchange={from_input(true)} />
                </div>
                if let Some((done, total)) = *progress { <p role="status">{format!("Đang kiểm tra {done}/{total} tệp…")}</p> }
            </DropZone>
            if !entries.is_empty() {
                <h2 class="print-title">{title}</h2>
                <dl class="cards" data-desk="counts">
                    <div><dt>{"Số tệp"}</dt><dd data-count="files">{entries.len()}</dd></div>
                    <div><dt>{"Được xếp hạng"}</dt><dd data-count="ranked">{ranked}</dd></div>
                    <div><dt>{"Hợp lệ"}</dt><dd data-count="ok">{ranked - warned}</dd></div>
                    <div><dt>{"Có cảnh báo"}</dt><dd data-count="warn">{warned}</dd></div>
                    <div><dt>{"Bị từ chối"}</dt><dd data-count="refused" class={classes!((refused > 0).then_some("bad"))}>{refused}</dd></div>
                    <div><dt>{"Trùng (không dùng)"}</dt><dd data-count="dup">{dups}</dd></div>
                    <div><dt>{"Khác kỳ (để riêng)"}</dt><dd data-count="other">{other}</dd></div>
                    if !desk.previous.is_empty() { <div><dt>{"Tệp kỳ trước"}</dt><dd>{desk.previous.len()}</dd></div> }
                </dl>
                <div class="toolbar no-print">
                    <div class="field inline">
                        <label for="desk-period">{"Kỳ xếp hạng"}</label>
                        <select id="desk-period" onchange={on_period}>
                            { for periods.iter().enumerate().map(|(i, p)| html!{
                                <option value={i.to_string()} selected={c.plan.period == Some(*p)}>{period_label(*p)}</option>
                            }) }
                        </select>
                    </div>
                    <div class="field inline">
                        <label for="desk-band">{"Lọc theo xếp loại"}</label>
                        <select id="desk-band" onchange={on_band}>
                            <option value="" selected={band_filter.is_empty()}>{"Tất cả"}</option>
                            { for all_bands.iter().map(|b| html!{ <option value={b.clone()} selected={*band_filter == *b}>{b.clone()}</option> }) }
                        </select>
                    </div>
                    <button class="btn" onclick={export_ranking}>{"Xuất Excel xếp hạng"}</button>
                    <button class="btn" onclick={export_losses}>{"Xuất Excel phân tích"}</button>
                    {print_button("In")}
                    if *confirm_clear {
                        <span role="alert">{format!("Xóa cả {} tệp đã nạp (và tệp kỳ trước)?", entries.len())}</span>
                        <button class="btn danger" onclick={clear}>{"Xóa danh sách"}</button>
                        <button class="btn" onclick={cancel_clear}>{"Hủy"}</button>
                    } else {
                        <button class="btn danger-outline" onclick={ask_clear}>{"Xóa danh sách"}</button>
                    }
                </div>
                if other > 0 {
                    <p class="banner note no-print" role="note" data-desk="other-period">{format!(
                        "{other} tệp của kỳ khác {} được để riêng, không xếp hạng (xem danh sách kiểm tra từng tệp). Chọn \"Kỳ xếp hạng\" để xếp hạng kỳ khác.",
                        c.plan.period.map(period_label).unwrap_or_default())}</p>
                }
                { for c.ranking.iter().map(|(g, list)| html! {
                    <ranking::RankingTable key={format!("{:?}-{}-{}", g.unit_type, g.framework_id, g.framework_version)}
                        group={g.clone()} list={list.clone()} computed={computed.clone()}
                        band={band.clone()} sort={sort.clone()} />
                }) }
                <h2>{"Các tiêu chí toàn tỉnh bị mất điểm nhiều nhất"}</h2>
                <div class="table-wrap" tabindex="0">
                <table class="losses-table">
                    <thead><tr><th scope="col">{"Tiêu chí"}</th><th scope="col">{"Nội dung"}</th><th scope="col">{"Đơn vị mất điểm / đã chấm"}</th><th scope="col">{"Tổng điểm mất"}</th></tr></thead>
                    <tbody>
                        { for c.losses.iter().take(30).map(|l| html!{
                            <tr key={format!("{}-{}", l.framework_id, l.sub)} data-loss={l.sub.clone()}>
                                <td>{format!("{} ({})", l.sub, if l.framework_id.contains("-xa") { "xã" } else { "sở" })}</td><td>{&l.title}</td>
                                <td class="num">{format!("{}/{}", l.units, l.answered_by)}</td><td class="num">{l.points.to_vi()}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
                <checks::ChecksTable computed={computed.clone()} />
            } else if !desk.ready {
                <p role="status">{"Đang khôi phục danh sách tệp đã nạp lần trước…"}</p>
            } else if progress.is_none() {
                <p class="empty">{"Chưa nạp tệp nào."}</p>
            }
        </section>
    }
}
