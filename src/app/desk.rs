//! "Tổng hợp (Sở Nội vụ)": load every unit's file at once, see each file's
//! check, rank the units per unit type, find the criteria the province
//! loses most on, compare with a previous batch, open any unit read-only.

use super::route::Route;
use super::state::Action;
use super::widgets::event_value;

use crate::engine::formats::file::MAX_FILE_BYTES;
use crate::engine::model::framework::Framework;
use crate::engine::rules::consolidate::{self, Entry, Outcome, Ranked};
use crate::engine::Dec2;
use crate::services::{self, files};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// Yields to the browser so a long batch never blocks the page.
async fn yield_now() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Reads and checks files in small slices (one browser task each).
async fn check_batch(
    list: Vec<web_sys::File>,
    known: Rc<Vec<Rc<Framework>>>,
    start: usize,
    progress: UseStateHandle<Option<(usize, usize)>>,
) -> Vec<Entry> {
    let plain: Vec<Framework> = known.iter().map(|f| (**f).clone()).collect();
    let total = list.len();
    let mut out = Vec::with_capacity(total);
    for (i, f) in list.iter().enumerate() {
        let entry = match files::read(f, MAX_FILE_BYTES).await {
            Ok(bytes) => crate::engine::formats::batch::check_with(
                &f.name(),
                &bytes,
                &known,
                &plain,
                start + i,
            ),
            Err(files::ReadError::TooLarge(n)) => Entry {
                file_name: f.name(),
                outcome: Outcome::Refused(
                    crate::engine::formats::file::ImportError::TooLarge(n).to_string(),
                ),
            },
            Err(files::ReadError::Failed) => Entry {
                file_name: f.name(),
                outcome: Outcome::Refused("Không đọc được tệp.".into()),
            },
        };
        out.push(entry);
        if i % 8 == 7 {
            progress.set(Some((i + 1, total)));
            yield_now().await;
        }
    }
    progress.set(None);
    out
}

fn level(p: Dec2) -> &'static str {
    if p >= Dec2::from_int(80) {
        "lvl-good"
    } else if p >= Dec2::from_int(50) {
        "lvl-mid"
    } else {
        "lvl-low"
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SortKey {
    Rank,
    Name,
    SelfPoints,
    Completion,
    Evidence,
    Field(usize),
}

#[component]
pub fn DeskPage() -> Html {
    let ctx = super::use_app();
    let progress = use_state(|| None::<(usize, usize)>);
    let band_filter = use_state(String::new);
    let sort = use_state(|| (SortKey::Rank, false));
    let desk = ctx.desk.clone();

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
    let on_files = {
        let load = load.clone();
        Callback::from(move |e: Event| {
            let list = files::files_of_event(&e);
            files::reset_input(&e);
            load.emit((list, false));
        })
    };
    let on_prev = {
        let load = load.clone();
        Callback::from(move |e: Event| {
            let list = files::files_of_event(&e);
            files::reset_input(&e);
            load.emit((list, true));
        })
    };
    let on_drop = {
        let load = load.clone();
        Callback::from(move |list: Vec<web_sys::File>| load.emit((list, false)))
    };
    let on_clear = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::DeskClear))
    };

    let entries = &desk.entries;
    // Keyed on the batch itself (the reducer makes a new Rc on every
    // change), so progress ticks, sorting and filtering do not re-rank. The
    // memo holds that Rc, so its address cannot be reused by a later batch.
    let computed = {
        let d = desk.clone();
        use_memo(std::rc::Rc::as_ptr(&desk) as usize, move |_| {
            let sup = consolidate::resolve_duplicates(&d.entries, &d.chosen);
            let ranking = consolidate::rank(&d.entries, &sup);
            let psup = consolidate::resolve_duplicates(&d.previous, &BTreeMap::new());
            let pr = consolidate::rank(&d.previous, &psup);
            let prev_pos = consolidate::previous_positions(&d.previous, &pr);
            let losses = consolidate::losses(&d.entries, &sup);
            (sup, ranking, prev_pos, losses, d)
        })
    };
    let (sup, ranking, prev_pos, losses, _) = &*computed;
    let has_prev = !desk.previous.is_empty();

    let refused = entries
        .iter()
        .filter(|e| matches!(e.outcome, Outcome::Refused(_)))
        .count();
    let warned = entries
        .iter()
        .filter(|e| matches!(&e.outcome, Outcome::Checked(c) if !c.warnings.is_empty()))
        .count();
    let dups = sup.iter().filter(|x| x.is_some()).count();

    let checks = entries.iter().enumerate().map(|(i, e)| {
        let (unit, period, status, notes, cls) = match &e.outcome {
            Outcome::Refused(m) => (String::new(), String::new(), "Bị từ chối", vec![m.clone()], "refused"),
            Outcome::Checked(c) => {
                let mut notes = c.warnings.clone();
                let superseded = sup[i];
                if let Some(j) = superseded {
                    notes.insert(0, format!("Trùng đơn vị và kỳ với tệp {}: không dùng tệp này", entries[j].file_name));
                }
                let (status, cls) = if superseded.is_some() { ("Trùng", "dup") } else if c.warnings.is_empty() { ("Hợp lệ", "ok") } else { ("Có cảnh báo", "warn") };
                (c.assessment.unit_name.clone(), format!("{} {}", c.assessment.period.label(), c.assessment.year), status, notes, cls)
            }
        };
        let choose = sup[i].map(|_| {
            let ctx = ctx.clone();
            let onclick = Callback::from(move |_| ctx.dispatch(Action::DeskChoose(i)));
            html! { <button class="btn small no-print" {onclick} aria-label={format!("Dùng tệp này: {}", e.file_name)}>{"Dùng tệp này"}</button> }
        });
        html! {
            <tr key={i} class={cls} data-file={e.file_name.clone()}>
                <td>{&e.file_name}</td><td>{unit}</td><td>{period}</td>
                <td><span class={classes!("status", cls)}>{status}</span></td>
                <td>{ for notes.iter().map(|n| html!{ <div>{n.clone()}</div> }) }{choose.unwrap_or_default()}</td>
            </tr>
        }
    });

    let tables = ranking.iter().map(|(ut, list)| {
        let Some(Outcome::Checked(first)) = list.first().map(|r| &entries[r.entry].outcome) else { return html! {} };
        let fw = first.framework.clone();
        let bands: Vec<String> = fw.bands.iter().map(|b| b.label.clone()).collect();
        let mut rows: Vec<&Ranked> = list.iter().filter(|r| {
            band_filter.is_empty() || matches!(&entries[r.entry].outcome, Outcome::Checked(c) if c.summary.band.as_deref() == Some(band_filter.as_str()))
        }).collect();
        let get = |r: &Ranked| match &entries[r.entry].outcome { Outcome::Checked(c) => Some(c.clone()), _ => None };
        let (key, desc) = *sort;
        crate::engine::sort_by(&mut rows, &|a, b| {
            let (Some(ca), Some(cb)) = (get(a), get(b)) else { return std::cmp::Ordering::Equal };
            let o = match key {
                SortKey::Rank => a.rank.cmp(&b.rank),
                SortKey::Name => consolidate::unit_key(&ca.assessment.unit_name).cmp(&consolidate::unit_key(&cb.assessment.unit_name)),
                SortKey::SelfPoints => ca.summary.self_points.cmp(&cb.summary.self_points),
                SortKey::Completion => ca.summary.completion.cmp(&cb.summary.completion),
                SortKey::Evidence => ca.evidence_coverage.cmp(&cb.evidence_coverage),
                SortKey::Field(k) => {
                    let p = |c: &consolidate::Checked| fw.fields.get(k).and_then(|f| c.summary.field(&f.id)).map(|n| n.percent()).unwrap_or_default();
                    p(&ca).cmp(&p(&cb))
                }
            };
            if desc { o.reverse() } else { o }
        });
        let th = |label: String, k: SortKey| {
            let sort = sort.clone();
            let active = sort.0 == k;
            let down = sort.1;
            let aria = if active { if down { "descending" } else { "ascending" } } else { "none" };
            let onclick = Callback::from(move |_| {
                let (cur, d) = *sort;
                sort.set((k, if cur == k { !d } else { !matches!(k, SortKey::Rank | SortKey::Name) }));
            });
            html! { <th scope="col" aria-sort={aria}><button class="th-sort" {onclick}>{label}{ if active { if down { " ▼" } else { " ▲" } } else { "" } }</button></th> }
        };
        let utk = *ut;
        html! {
            <section class="rank-block" key={format!("{ut:?}")} data-rank={format!("{ut:?}")}>
                <h2>{format!("Xếp hạng khối {} ({} đơn vị)", ut.label(), list.len())}</h2>
                <div class="table-wrap">
                <table class="ranking">
                    <thead><tr>
                        {th("Hạng".into(), SortKey::Rank)}
                        {th("Đơn vị".into(), SortKey::Name)}
                        <th scope="col">{"Chỉ số (%)"}</th><th scope="col">{"Xếp loại"}</th>
                        {th("Tự chấm".into(), SortKey::SelfPoints)}
                        <th scope="col">{"Điều tra XHH (ước tính)"}</th>
                        {th("Hoàn thành".into(), SortKey::Completion)}
                        {th("Có kiểm chứng".into(), SortKey::Evidence)}
                        if has_prev { <th scope="col">{"So với kỳ trước"}</th> }
                        { for fw.fields.iter().enumerate().map(|(k, f)| th(format!("LV {}", f.id), SortKey::Field(k))) }
                    </tr></thead>
                    <tbody>
                    { for rows.iter().map(|r| {
                        let Outcome::Checked(c) = &entries[r.entry].outcome else { return html!{} };
                        let s = &c.summary;
                        let open = {
                            let (ctx, a, fw) = (ctx.clone(), c.assessment.clone(), c.framework.clone());
                            Callback::from(move |e: MouseEvent| {
                                e.prevent_default();
                                let id = a.id.clone();
                                ctx.dispatch(Action::OpenReadOnly(Box::new(a.clone()), fw.clone()));
                                services::set_hash(&Route::Checklist { id, criterion: None, sub: None }.href());
                            })
                        };
                        let prev = prev_pos.get(&(utk, consolidate::unit_key(&c.assessment.unit_name)));
                        html!{
                            <tr key={r.entry} data-unit={c.assessment.unit_name.clone()}>
                                <td class="num" data-col="rank">{r.rank}</td>
                                <td><a href="#" onclick={open}>{&c.assessment.unit_name}</a>
                                    if !c.warnings.is_empty() { <span class="warn-mark" title={c.warnings.join("\n")}>{" ⚠"}</span> }</td>
                                <td class="num" data-col="index">{s.index.to_vi_fixed()}</td>
                                <td>{s.band.clone().unwrap_or_default()}</td>
                                <td class="num">{format!("{}/{}", s.self_points.to_vi(), s.self_max.to_vi())}</td>
                                <td class="num">{s.survey_estimate.to_vi()}</td>
                                <td class="num">{format!("{}%", s.completion.to_vi())}</td>
                                <td class="num">{format!("{}%", c.evidence_coverage.to_vi())}</td>
                                if has_prev {
                                    <td class="num" data-col="change">{ match prev {
                                        Some((pi, pr)) => {
                                            let d = s.index - *pi;
                                            let moved = *pr as i64 - r.rank as i64;
                                            format!("{}{} điểm %; hạng {} → {}{}", if d > Dec2::ZERO { "+" } else { "" }, d.to_vi(), pr, r.rank,
                                                match moved { 0 => String::new(), m if m > 0 => format!(" (↑{m})"), m => format!(" (↓{})", -m) })
                                        }
                                        None => "mới".to_string(),
                                    } }</td>
                                }
                                { for fw.fields.iter().map(|f| match s.field(&f.id) {
                                    Some(n) if !n.excluded => { let p = n.percent(); html!{ <td class={classes!("num", level(p))}>{p.to_vi()}</td> } }
                                    _ => html!{ <td class="num">{"KAD"}</td> },
                                }) }
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
                </div>
                <p class="hint no-print">{format!("Xếp loại: {}. Màu: xanh ≥ 80%, vàng 50–<80%, đỏ < 50%.", bands.join(", "))}</p>
            </section>
        }
    });

    let all_bands: Vec<String> = {
        let mut v: Vec<String> = ctx
            .frameworks
            .iter()
            .flat_map(|f| f.bands.iter().map(|b| b.label.clone()))
            .collect();
        v.dedup();
        let mut seen = std::collections::BTreeSet::new();
        v.retain(|b| seen.insert(b.clone()));
        v
    };
    let on_band = {
        let b = band_filter.clone();
        Callback::from(move |e: Event| b.set(event_value(&e)))
    };
    let csv = |name: &'static str, text: String| {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            if let Err(m) = files::download(name, &text, "text/csv;charset=utf-8") {
                ctx.dispatch(Action::SaveFailed(m));
            }
        })
    };
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });

    html! {
        <section class="page desk">
            <h1>{"Tổng hợp (Sở Nội vụ)"}</h1>
            <p class="lead no-print">{"Nạp tệp tự đánh giá của các đơn vị (chọn nhiều tệp hoặc kéo thả cả thư mục tệp). Tệp chỉ được đọc trên máy này."}</p>
            <super::widgets::DropZone class="no-print" on_files={on_drop}>
                <div class="field">
                    <label for="desk-files">{"Tệp tự đánh giá của các đơn vị (.json, chọn nhiều)"}</label>
                    <input id="desk-files" type="file" multiple=true accept=".json,application/json" onchange={on_files} />
                </div>
                <div class="field">
                    <label for="desk-prev">{"Tệp của kỳ trước (để so sánh chỉ số, thứ hạng)"}</label>
                    <input id="desk-prev" type="file" multiple=true accept=".json,application/json" onchange={on_prev} />
                </div>
                if let Some((done, total)) = *progress { <p role="status">{format!("Đang kiểm tra {done}/{total} tệp…")}</p> }
            </super::widgets::DropZone>
            if !entries.is_empty() {
                <dl class="cards" data-desk="counts">
                    <div><dt>{"Số tệp"}</dt><dd data-count="files">{entries.len()}</dd></div>
                    <div><dt>{"Hợp lệ"}</dt><dd data-count="ok">{entries.len() - refused - warned}</dd></div>
                    <div><dt>{"Có cảnh báo"}</dt><dd data-count="warn">{warned}</dd></div>
                    <div><dt>{"Bị từ chối"}</dt><dd data-count="refused" class={classes!((refused > 0).then_some("bad"))}>{refused}</dd></div>
                    <div><dt>{"Trùng (không dùng)"}</dt><dd data-count="dup">{dups}</dd></div>
                    if has_prev { <div><dt>{"Tệp kỳ trước"}</dt><dd>{desk.previous.len()}</dd></div> }
                </dl>
                <div class="toolbar no-print">
                    <div class="field inline">
                        <label for="desk-band">{"Lọc theo xếp loại"}</label>
                        <select id="desk-band" onchange={on_band}>
                            <option value="" selected={band_filter.is_empty()}>{"Tất cả"}</option>
                            { for all_bands.iter().map(|b| html!{ <option value={b.clone()} selected={*band_filter == *b}>{b.clone()}</option> }) }
                        </select>
                    </div>
                    <button class="btn" onclick={csv("CCHC_xep-hang.csv", crate::engine::formats::csv::ranking_csv(entries, ranking))}>{"Xuất CSV xếp hạng"}</button>
                    <button class="btn" onclick={csv("CCHC_phan-tich-tieu-chi.csv", crate::engine::formats::csv::losses_csv(losses))}>{"Xuất CSV phân tích"}</button>
                    <button class="btn" onclick={print}>{"In"}</button>
                    <button class="btn danger-outline" onclick={on_clear}>{"Xóa danh sách"}</button>
                </div>
                { for tables }
                <h2>{"Các tiêu chí toàn tỉnh bị mất điểm nhiều nhất"}</h2>
                <div class="table-wrap">
                <table class="losses-table">
                    <thead><tr><th scope="col">{"Tiêu chí"}</th><th scope="col">{"Nội dung"}</th><th scope="col">{"Đơn vị mất điểm / đã chấm"}</th><th scope="col">{"Tổng điểm mất"}</th></tr></thead>
                    <tbody>
                        { for losses.iter().take(30).map(|l| html!{
                            <tr key={format!("{}-{}", l.framework_id, l.sub)} data-loss={l.sub.clone()}>
                                <td>{format!("{} ({})", l.sub, if l.framework_id.contains("-xa") { "xã" } else { "sở" })}</td><td>{&l.title}</td>
                                <td class="num">{format!("{}/{}", l.units, l.answered_by)}</td><td class="num">{l.points.to_vi()}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
                <details class="checks" open={refused + warned + dups > 0}>
                    <summary>{format!("Kết quả kiểm tra từng tệp ({} tệp)", entries.len())}</summary>
                    <div class="table-wrap">
                    <table class="checks-table">
                        <thead><tr><th scope="col">{"Tệp"}</th><th scope="col">{"Đơn vị"}</th><th scope="col">{"Kỳ"}</th><th scope="col">{"Kết quả"}</th><th scope="col">{"Ghi chú"}</th></tr></thead>
                        <tbody>{ for checks }</tbody>
                    </table>
                    </div>
                </details>
            } else if progress.is_none() {
                <p class="empty">{"Chưa nạp tệp nào."}</p>
            }
        </section>
    }
}
