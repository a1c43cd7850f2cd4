//! Summary page: per-field table, a bar chart of % achieved per field, and
//! the sub-criteria losing most points, each linking to its item.

use super::route::Route;

use crate::engine::Dec2;
use yew::prelude::*;

#[component]
pub fn SummaryPage() -> Html {
    let (ctx, cur) = super::use_current();
    let Some(cur) = cur else {
        return html! {};
    };
    let fw = &cur.framework;
    let s = &cur.summary;
    let y = &cur.year;
    let period = cur.assessment.period;
    let quarter = period != crate::engine::Period::Year;
    let aid = cur.assessment.id.clone();

    let rows = fw.fields.iter().filter_map(|f| {
        let n = s.field(&f.id)?;
        Some(html! {
            <tr key={f.id.clone()} data-field={f.id.clone()}>
                <th scope="row">{format!("{}. {}", f.id, f.title)}{ if n.survey { " (ước tính)" } else { "" } }</th>
                <td class="num">{n.max.to_vi()}</td>
                <td class="num">{ if n.excluded { "không áp dụng".to_string() } else { n.applicable_max.to_vi() } }</td>
                <td class="num">{n.points.to_vi()}</td>
                <td class="num">{ if n.excluded { "—".to_string() } else if n.applicable_max == Dec2::ZERO { "chưa đánh giá được".to_string() } else { format!("{}%", n.percent().to_vi_fixed()) } }</td>
                <td class="num">{ if n.applicable_items > 0 { format!("{}/{}", n.answered, n.applicable_items) } else { "—".into() } }</td>
            </tr>
        })
    });

    // Horizontal bars, one per field: an SVG is enough, no chart library.
    let bar_h = 26;
    let label_w = 44;
    let width = 420;
    let fields: Vec<_> = fw
        .fields
        .iter()
        .filter_map(|f| s.field(&f.id).map(|n| (f, n)))
        .collect();
    let height = (fields.len() as i32) * bar_h + 24;
    let chart = html! {
        <svg class="chart" viewBox={format!("0 0 {} {}", width + label_w + 60, height)} role="img"
             aria-label="Tỷ lệ điểm đạt được theo lĩnh vực">
            { for [0, 25, 50, 75, 100].iter().map(|t| {
                let x = label_w + width * t / 100;
                html!{ <g key={*t}>
                    <line x1={x.to_string()} x2={x.to_string()} y1="0" y2={(height - 18).to_string()} class="grid" />
                    <text x={x.to_string()} y={(height - 4).to_string()} class="tick" text-anchor="middle">{format!("{t}%")}</text>
                </g> }
            }) }
            { for fields.iter().enumerate().map(|(i, (f, n))| {
                let y = i as i32 * bar_h + 4;
                let pct = if n.excluded { Dec2::ZERO } else { n.percent() };
                let w = (pct.hundredths() * width as i64 / 10_000) as i32;
                let level = if pct >= Dec2::from_int(80) { "good" } else if pct >= Dec2::from_int(50) { "mid" } else { "low" };
                html!{ <g key={f.id.clone()}>
                    <text x="0" y={(y + 15).to_string()} class="lbl">{format!("LV {}", f.id)}</text>
                    <rect x={label_w.to_string()} y={y.to_string()} width={w.max(0).to_string()} height={(bar_h - 8).to_string()} class={classes!("bar", level, n.survey.then_some("est"))} />
                    <text x={(label_w + w + 4).to_string()} y={(y + 15).to_string()} class="val">
                        { if n.excluded { "không áp dụng".to_string() } else if n.applicable_max == Dec2::ZERO { "chưa đánh giá được".to_string() } else { format!("{}%", pct.to_vi()) } }
                    </text>
                </g> }
            }) }
        </svg>
    };

    let losses = s.losses();
    html! {
        <section class="summary-page">
            <h2>{"Kết quả theo lĩnh vực"}</h2>
            <div class="table-wrap" tabindex="0">
            <table class="fields">
                <thead><tr>
                    <th scope="col">{"Lĩnh vực"}</th><th scope="col">{"Điểm tối đa"}</th><th scope="col">{"Tối đa áp dụng"}</th>
                    <th scope="col">{"Điểm đạt"}</th><th scope="col">{"Tỷ lệ"}</th><th scope="col">{"Đã trả lời"}</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
                <tfoot>
                    <tr><th scope="row">{"Điểm tự chấm"}</th><td class="num">{s.self_max.to_vi()}</td><td></td><td class="num">{s.self_points.to_vi()}</td><td class="num">{format!("{}%", s.self_index.to_vi_fixed())}</td><td class="num">{format!("{}/{}", s.answered, s.applicable_items)}</td></tr>
                    <tr><th scope="row">{"Điều tra xã hội học (ước tính)"}</th><td class="num">{s.survey_max.to_vi()}</td><td></td><td class="num">{s.survey_estimate.to_vi()}</td><td></td><td></td></tr>
                    <tr><th scope="row">{"Điểm thưởng / điểm trừ"}</th><td></td><td></td><td class="num">{format!("+{} / −{}", s.bonus.to_vi(), s.deductions.to_vi())}</td><td></td><td></td></tr>
                    if quarter && s.not_yet_max > Dec2::ZERO {
                        <tr data-summary-row="not-yet"><th scope="row">{format!("Chưa đánh giá được ở kỳ {} ({} mục: chỉ đánh giá cuối năm hoặc chưa có việc đến hạn)", period.label(), s.not_yet.len())}</th><td class="num">{s.not_yet_max.to_vi()}</td><td class="num">{"—"}</td><td></td><td></td><td></td></tr>
                    }
                    <tr class="total"><th scope="row">{ if quarter { "Tổng điểm đến kỳ báo cáo (ước tính)" } else { "Tổng (ước tính)" } }</th><td class="num">{"100"}</td><td class="num">{s.applicable_max.to_vi()}</td><td class="num">{s.total.to_vi()}</td><td class="num">{format!("{}%", s.index.to_vi_fixed())}</td><td data-summary-band="">{super::widgets::band_text(s)}</td></tr>
                    if quarter {
                        <tr class="projected" data-summary-row="year"><th scope="row">{"Dự kiến cả năm"}</th><td class="num">{"100"}</td><td class="num">{y.max.to_vi()}</td><td class="num">{y.total.to_vi()}</td><td class="num">{format!("{}%", y.index.to_vi_fixed())}</td><td>{y.band.clone().unwrap_or_default()}</td></tr>
                    }
                </tfoot>
            </table>
            </div>
            <p class="hint" data-index-note="">{super::widgets::INDEX_NOTE}</p>
            if quarter {
                <p class="hint" data-period-note="">{format!("Kỳ {} (số liệu đến {}): \"đến kỳ báo cáo\" chấm theo những gì phải có đến ngày chốt số liệu — báo cáo đến hạn, nhiệm vụ kế hoạch đến hạn; mục chỉ đánh giá cuối năm không tính vào điểm tối đa. \"Dự kiến cả năm\" giả định các việc chưa đến hạn hoàn thành đúng hạn (nhiệm vụ đã quá hạn vẫn tính là chưa xong) và cộng điểm dự kiến thu hồi của các biện pháp khắc phục chưa hoàn thành; mục chỉ đánh giá cuối năm tính theo câu trả lời đã nhập (chưa trả lời, kể cả điều tra XHH chưa ước tính: 0 điểm), nên số dự kiến có thể thấp hơn số đến kỳ.", period.label(), period.cutoff_vi(cur.assessment.year))}</p>
            }
            <h2>{"Tỷ lệ điểm đạt theo lĩnh vực"}</h2>
            {chart}
            <h2>{"Các tiêu chí bị mất nhiều điểm nhất"}</h2>
            if losses.is_empty() {
                <p class="empty">{"Chưa có tiêu chí nào bị mất điểm trong các mục đã trả lời."}</p>
            } else {
                <fieldset class="plain" disabled={cur.read_only}><ol class="losses">
                    { for losses.iter().take(15).map(|l| {
                        let title = fw.sub(&l.id).map(|x| x.title.clone()).unwrap_or_default();
                        let crit = fw.criterion_of(&l.id).map(|c| c.id.clone());
                        let href = Route::Checklist { id: aid.clone(), criterion: crit, sub: Some(l.id.clone()) }.href();
                        let n = cur.assessment.actions.iter().filter(|x| x.subs.contains(&l.id)).count();
                        let (ctx, sid) = (ctx.clone(), l.id.clone());
                        let add = Callback::from(move |_| super::actions::add_for(&ctx, &sid));
                        html!{
                            <li key={l.id.clone()}>
                                <a {href}>{format!("{} {}", l.id, title)}</a>
                                <span class="lost">{format!("mất {} / {} điểm", l.lost.to_vi(), l.applicable_max.to_vi())}</span>
                                if n > 0 { <span class="muted">{format!(" · {n} biện pháp")}</span> }
                                <button class="btn small" onclick={add} aria-label={format!("Thêm biện pháp cho {}", l.id)}>{"Thêm biện pháp"}</button>
                            </li>
                        }
                    }) }
                </ol></fieldset>
            }
            {super::trend::trend_section(&ctx, &cur)}
        </section>
    }
}
