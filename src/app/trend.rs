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
    // Grouped bars: index so far (solid) and projected year end (light);
    // the grid is one path, each period one group.
    let (gw, plot, left) = (78i64, 140i64, 34i64);
    // at least four groups wide, so two periods do not blow up the text
    let width = left + gw * rows.len().max(4) as i64 + 8;
    let h = |pct: crate::engine::Dec2| pct.hundredths().clamp(0, 10_000) * plot / 10_000;
    type Group = (String, [(i64, i64, &'static str); 2], String);
    let bars: Vec<Group> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let x = left + gw * i as i64 + 8;
            let label = format!("{} {}", r.period.label(), r.year);
            (
                label,
                [
                    (x, h(r.index), "bar so-far"),
                    (x + 28, h(r.projected), "bar proj"),
                ],
                (x + 27).to_string(),
            )
        })
        .collect();
    let grid = format!("M{left} 8H{w}M{left} 78H{w}M{left} 148H{w}", w = width - 4);
    let chart = html! {
        <svg class="chart trend-chart" viewBox={format!("0 0 {width} 172")} role="img"
             aria-label="Chỉ số đến kỳ báo cáo và dự kiến cả năm qua các kỳ">
            <path d={grid} class="grid" />
            <text x="30" y="12" class="tick" text-anchor="end">{"100%"}</text>
            <text x="30" y="152" class="tick" text-anchor="end">{"0%"}</text>
            { for bars.into_iter().map(|(label, pair, mid)| html!{ <g>
                { for pair.into_iter().map(|(x, hh, class)| html!{
                    <rect x={x.to_string()} y={(148 - hh).to_string()} width="26" height={hh.to_string()} {class} />
                }) }
                <text x={mid} y="166" class="lbl" text-anchor="middle">{label}</text>
            </g> }) }
        </svg>
    };
    let head: Vec<String> = [
        "Kỳ",
        "Chỉ số đến kỳ báo cáo",
        "Dự kiến cả năm",
        "Chưa đánh giá được",
    ]
    .iter()
    .map(|x| x.to_string())
    .chain(fw.fields.iter().map(|f| format!("Mất điểm LV {}", f.id)))
    .collect();
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
                <thead><tr>{ for head.into_iter().map(|x| html!{ <th scope="col">{x}</th> }) }</tr></thead>
                <tbody>
                    { for rows.iter().map(|r| {
                        let here = r.id == me.id;
                        let cells = cells(r, fw);
                        html!{
                            <tr class={classes!(here.then_some("here"))} data-trend-row={format!("{}-{}", r.year, crate::engine::formats::file::period_tag(r.period))}>
                                <th scope="row">
                                    if here { {label(r)}{" (bản này)"} } else { <a href={Route::Summary { id: r.id.clone() }.href()}>{label(r)}</a> }
                                    if r.others > 0 { {format!(" (+{} bản khác cùng kỳ)", r.others)} }
                                </th>
                                { for cells.into_iter().map(|c| html!{ <td class="num">{c}</td> }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}

/// The figures of one row, as shown.
fn cells(r: &TrendRow, fw: &crate::engine::Framework) -> Vec<String> {
    let mut v = vec![
        format!("{}%", r.index.to_vi_fixed()),
        format!(
            "{}%{}",
            r.projected.to_vi_fixed(),
            if r.period == Period::Year {
                " (gồm biện pháp)"
            } else {
                ""
            }
        ),
        if r.not_yet_max == crate::engine::Dec2::ZERO {
            "—".to_string()
        } else {
            format!("{} điểm", r.not_yet_max.to_vi())
        },
    ];
    v.extend(fw.fields.iter().map(|f| {
        r.lost
            .iter()
            .find(|(id, _)| *id == f.id)
            .map_or_else(|| "—".into(), |(_, d)| d.to_vi())
    }));
    v
}
