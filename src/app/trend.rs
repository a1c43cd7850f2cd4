//! "Diễn biến qua các kỳ": the unit's periods of this year and the year
//! before, side by side, as a small chart and a table. Figures come from
//! `rules::trend`; nothing here computes a score.

use super::route::Route;
use super::state::Current;
use super::Ctx;
use crate::engine::rules::trend::{trend, TrendRow};
use crate::engine::Period;
use yew::prelude::*;

fn label(r: &TrendRow) -> String {
    format!("{} {}", r.period.label(), r.year)
}

pub fn trend_section(ctx: &Ctx, cur: &Current) -> Html {
    let me = &cur.assessment;
    let rows = trend(me, ctx.saved.iter().map(|s| &s.assessment), |a| {
        if a.id == me.id {
            Some(cur.framework.clone())
        } else {
            ctx.framework(&a.framework.id, &a.framework.version)
        }
    });
    let fw = &cur.framework;
    // Grouped bars: index so far (solid) and projected year end (light).
    let (group_w, top, plot_h, left) = (78i32, 8i32, 140i32, 34i32);
    let width = left + group_w * rows.len().max(1) as i32 + 8;
    let y_of = |pct: crate::engine::Dec2| top + plot_h - (pct.hundredths() * plot_h as i64 / 10_000) as i32;
    let chart = html! {
        <svg class="chart trend-chart" viewBox={format!("0 0 {width} {}", top + plot_h + 40)} role="img"
             aria-label="Chỉ số đến kỳ báo cáo và dự kiến cả năm qua các kỳ">
            { for [0, 50, 100].iter().map(|t| {
                let y = top + plot_h - plot_h * t / 100;
                html!{ <g key={*t}>
                    <line x1={left.to_string()} x2={(width - 4).to_string()} y1={y.to_string()} y2={y.to_string()} class="grid" />
                    <text x={(left - 4).to_string()} y={(y + 4).to_string()} class="tick" text-anchor="end">{format!("{t}%")}</text>
                </g> }
            }) }
            { for rows.iter().enumerate().map(|(i, r)| {
                let x = left + group_w * i as i32 + 8;
                let bar = |dx: i32, pct: crate::engine::Dec2, class: &'static str| {
                    let y = y_of(pct);
                    html!{ <rect x={(x + dx).to_string()} y={y.to_string()} width="26" height={(top + plot_h - y).max(0).to_string()} class={classes!("bar", class)} /> }
                };
                html!{ <g key={r.id.clone()}>
                    {bar(0, r.index, "so-far")}
                    {bar(28, r.projected, "proj")}
                    <text x={(x + 27).to_string()} y={(top + plot_h + 16).to_string()} class="lbl" text-anchor="middle">{r.period.label()}</text>
                    <text x={(x + 27).to_string()} y={(top + plot_h + 32).to_string()} class="tick" text-anchor="middle">{r.year.to_string()}</text>
                </g> }
            }) }
        </svg>
    };
    html! {
        <section class="trend" data-trend="">
            <h2>{"Diễn biến qua các kỳ"}</h2>
            if rows.len() < 2 {
                <p class="empty">{format!("Chưa có kỳ khác của {} trong trình duyệt này (năm {} và năm trước). Dùng \"Nhân bản sang kỳ sau\" ở trang đầu để lập kỳ tiếp theo từ bản này.", me.unit_name, me.year)}</p>
            } else {
                {chart}
                <p class="hint legend"><span class="key so-far"></span>{" Chỉ số đến kỳ báo cáo (kỳ Năm: cả năm) "}<span class="key proj"></span>{" Dự kiến cả năm"}</p>
            }
            <div class="table-wrap" tabindex="0">
            <table class="trend-table">
                <thead><tr>
                    <th scope="col">{"Kỳ"}</th><th scope="col">{"Chỉ số đến kỳ báo cáo"}</th><th scope="col">{"Dự kiến cả năm"}</th>
                    <th scope="col">{"Chưa đánh giá được"}</th>
                    { for fw.fields.iter().map(|f| html!{ <th scope="col" class="num" title={f.title.clone()}>{format!("Mất LV {}", f.id)}</th> }) }
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|r| {
                        let href = Route::Summary { id: r.id.clone() }.href();
                        let here = r.id == me.id;
                        html!{
                            <tr key={r.id.clone()} class={classes!(here.then_some("here"))} data-trend-row={format!("{}-{}", r.year, crate::engine::formats::file::period_tag(r.period))}>
                                <th scope="row">
                                    if here { {label(r)}{" (bản này)"} } else { <a {href}>{label(r)}</a> }
                                    if r.others > 0 { <span class="muted">{format!(" (+{} bản khác cùng kỳ)", r.others)}</span> }
                                </th>
                                <td class="num" data-col="index">{format!("{}%", r.index.to_vi_fixed())}</td>
                                <td class="num" data-col="projected">{ if r.period == Period::Year { format!("{}% (gồm biện pháp)", r.projected.to_vi_fixed()) } else { format!("{}%", r.projected.to_vi_fixed()) } }</td>
                                <td class="num">{ if r.not_yet_max == crate::engine::Dec2::ZERO { "—".to_string() } else { format!("{} điểm", r.not_yet_max.to_vi()) } }</td>
                                { for fw.fields.iter().map(|f| {
                                    let lost = r.lost.iter().find(|(id, _)| *id == f.id).map(|(_, d)| d.to_vi()).unwrap_or_else(|| "—".into());
                                    html!{ <td class="num">{lost}</td> }
                                }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}
