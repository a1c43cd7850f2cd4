//! The printable report in the official shape: national heading, number
//! and date lines, title, sections I–IV, signature and "Nơi nhận". The
//! settings above it are not printed.

use super::state::Edit;
use super::widgets::event_value;
use super::{edit, Ctx};
use crate::engine::model::{PlanStatus as Status, ReformArea};
use crate::engine::rules::plan;
use crate::engine::{time, Assessment, Dec2, Evidence, ReportInfo, SubState};
use yew::prelude::*;

fn evidence_line(e: &Evidence) -> String {
    let mut parts = Vec::new();
    if !e.number.trim().is_empty() {
        parts.push(format!("Số {}", e.number.trim()));
    }
    if !e.date.trim().is_empty() {
        parts.push(format!("ngày {}", time::date_vi(e.date.trim())));
    }
    if !e.issuer.trim().is_empty() {
        parts.push(format!("của {}", e.issuer.trim()));
    }
    let head = parts.join(" ");
    match (head.is_empty(), e.summary.trim().is_empty()) {
        (false, false) => format!("{head}: {}", e.summary.trim()),
        (false, true) => head,
        (true, _) => e.summary.trim().to_string(),
    }
}

/// "Gia Lai, ngày 20 tháng 3 năm 2025".
pub fn date_line(place: &str, iso: &str) -> String {
    let place = if place.trim().is_empty() {
        "……"
    } else {
        place.trim()
    };
    let p = |r: std::ops::Range<usize>| iso.get(r).and_then(|s| s.parse::<u32>().ok());
    match (p(0..4), p(5..7), p(8..10)) {
        (Some(y), Some(m), Some(d)) => format!("{place}, ngày {d:02} tháng {m:02} năm {y}"),
        _ => format!("{place}, ngày …… tháng …… năm ……"),
    }
}

fn lines(text: &str) -> Html {
    html! { <>{ for text.lines().filter(|l| !l.trim().is_empty()).map(|l| html!{ <p>{l.to_string()}</p> }) }</> }
}

fn settings(ctx: &Ctx, a: &Assessment, read_only: bool) -> Html {
    let r = a.report.clone();
    let set = |f: fn(&mut ReportInfo, String)| {
        let (ctx, r) = (ctx.clone(), r.clone());
        Callback::from(move |e: InputEvent| {
            let mut x = r.clone();
            f(&mut x, event_value(&e));
            edit(&ctx, Edit::Report(x));
        })
    };
    let input = |id: &str, label: &str, v: &str, kind: &str, cb: Callback<InputEvent>| {
        html! {
            <div class="field"><label for={id.to_string()}>{label.to_string()}</label>
                <input id={id.to_string()} type={kind.to_string()} value={v.to_string()} oninput={cb} /></div>
        }
    };
    let area = |id: &str, label: &str, v: &str, hint: &str, cb: Callback<InputEvent>| {
        html! {
            <div class="field"><label for={id.to_string()}>{label.to_string()}</label>
                <textarea id={id.to_string()} rows="4" value={v.to_string()} oninput={cb} />
                <small class="hint">{hint.to_string()}</small></div>
        }
    };
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <section class="report-settings no-print">
            <h2>{"Báo cáo kết quả tự đánh giá"}</h2>
            <p class="hint">{"Điền các thông tin dưới đây rồi bấm \"In báo cáo\" (chọn khổ A4, hướng dọc; có thể chọn \"Lưu dưới dạng PDF\")."}</p>
            <fieldset class="plain" disabled={read_only}>
            <div class="report-grid">
                {input("rp-parent", "Cơ quan chủ quản (dòng trên tên đơn vị)", &r.parent_body, "text", set(|x, v| x.parent_body = v))}
                {input("rp-number", "Số báo cáo (ví dụ 45/BC-STP)", &r.number, "text", set(|x, v| x.number = v))}
                {input("rp-place", "Địa danh", &r.place, "text", set(|x, v| x.place = v))}
                {input("rp-date", "Ngày báo cáo", &r.date, "date", set(|x, v| x.date = v))}
                {input("rp-signer-title", "Chức danh người ký", &r.signer_title, "text", set(|x, v| x.signer_title = v))}
                {input("rp-signer-name", "Họ tên người ký", &r.signer_name, "text", set(|x, v| x.signer_name = v))}
            </div>
            {area("rp-difficulties", "Khó khăn, vướng mắc", &r.difficulties, "Mỗi ý một dòng.", set(|x, v| x.difficulties = v))}
            {area("rp-proposals", "Đề xuất, kiến nghị", &r.proposals, "Mỗi ý một dòng.", set(|x, v| x.proposals = v))}
            {area("rp-recipients", "Nơi nhận", &r.recipients, "Mỗi nơi một dòng, ví dụ: Sở Nội vụ;", set(|x, v| x.recipients = v))}
            </fieldset>
            <p><button class="btn primary" onclick={print}>{"In báo cáo"}</button></p>
        </section>
    }
}

#[component]
pub fn ReportPage() -> Html {
    let ctx = super::use_app();
    let Some(cur) = ctx.current.clone() else {
        return html! {};
    };
    let a = cur.assessment.clone();
    let fw = cur.framework.clone();
    let s = cur.summary.clone();
    let r = &a.report;
    let proj = plan::project(&fw, &a, &s);
    let today: String = crate::services::now_iso().chars().take(10).collect();

    // Section I: the table of points, with evidence references.
    let mut rows: Vec<Html> = Vec::new();
    for f in &fw.fields {
        let Some(fs) = s.field(&f.id) else { continue };
        rows.push(html! {
            <tr class="r-field" key={format!("f{}", f.id)}>
                <td>{&f.id}</td><td>{crate::services::upper(&f.title)}{ if fs.survey { " (ước tính)" } else { "" } }</td>
                <td class="num">{ if fs.excluded { "KAD".to_string() } else { f.max.to_vi() } }</td>
                <td class="num">{ if fs.excluded { "—".to_string() } else { fs.points.to_vi() } }</td><td></td>
            </tr>
        });
        for c in &f.criteria {
            let Some(cs) = s.criterion(&c.id) else {
                continue;
            };
            let inline = c.subs.len() == 1 && c.subs[0].id == c.id;
            if !inline {
                rows.push(html! {
                    <tr class="r-crit" key={format!("c{}", c.id)}>
                        <td>{&c.id}</td><td>{&c.title}</td>
                        <td class="num">{c.max.to_vi()}</td><td class="num">{ if cs.excluded { "—".to_string() } else { cs.points.to_vi() } }</td><td></td>
                    </tr>
                });
            }
            for x in &c.subs {
                let Some(sc) = s.sub(&x.id) else { continue };
                let ans = a.answer(&x.id);
                let ev: Vec<String> = ans
                    .map(|a| {
                        a.evidence
                            .iter()
                            .filter(|e| !e.is_blank())
                            .map(evidence_line)
                            .collect()
                    })
                    .unwrap_or_default();
                let pts = match sc.state {
                    SubState::Unanswered | SubState::Invalid => "—".to_string(),
                    SubState::NotApplicable => "KAD".to_string(),
                    _ => sc.points.to_vi(),
                };
                rows.push(html! {
                    <tr class={classes!("r-sub", inline.then_some("r-crit"))} key={format!("s{}", x.id)} data-report-sub={x.id.clone()}>
                        <td>{&x.id}</td><td>{&x.title}{ if sc.survey { " (điều tra XHH, ước tính)" } else { "" } }</td>
                        <td class="num">{x.max.to_vi()}</td><td class="num">{pts}</td>
                        <td class="ev">{ for ev.iter().map(|l| html!{ <div>{l.clone()}</div> }) }</td>
                    </tr>
                });
            }
        }
    }

    // Section II: items scored without full evidence.
    let unsupported: Vec<Html> = s
        .subs
        .iter()
        .filter(|x| !x.survey && x.points > Dec2::ZERO)
        .filter(|x| a.answer(&x.id).is_none_or(|ans| !ans.evidence.iter().any(|e| !e.is_blank())))
        .map(|x| {
            let title = fw.sub(&x.id).map(|k| k.title.clone()).unwrap_or_default();
            let expl = a.answer(&x.id).map(|ans| ans.explanation.trim().to_string()).unwrap_or_default();
            html! {
                <li key={x.id.clone()}>
                    <strong>{format!("{} {} ({} điểm): ", x.id, title, x.points.to_vi())}</strong>
                    { if expl.is_empty() { html!{ <em>{"Chưa có giải trình."}</em> } } else { html!{ {expl} } } }
                </li>
            }
        })
        .collect();

    let fig = plan::plan_figure(&a);
    // Plan tasks numbered straight through, in the order printed.
    let plan_no: std::collections::HashMap<String, usize> = ReformArea::ALL
        .iter()
        .flat_map(|ar| a.plan.iter().filter(move |t| t.area == *ar))
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i + 1))
        .collect();
    let unit_upper = crate::services::upper(&a.unit_name);
    let cut = a.period.cutoff_vi(a.year);
    let period_text = a.period.phrase(a.year);

    html! {
        <div class="report-page">
            {settings(&ctx, &a, cur.read_only)}
            <article class="report" aria-label="Bản in báo cáo">
                <table class="r-heading" role="presentation">
                    <tr>
                        <td class="r-left">
                            if !r.parent_body.trim().is_empty() { <div>{crate::services::upper(&r.parent_body)}</div> }
                            <div class="r-unit">{unit_upper}</div>
                            <div class="r-rule"></div>
                            <div>{format!("Số: {}", if r.number.trim().is_empty() { "……/BC-……" } else { r.number.trim() })}</div>
                        </td>
                        <td class="r-right">
                            <div class="r-nation">{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}</div>
                            <div class="r-motto">{"Độc lập - Tự do - Hạnh phúc"}</div>
                            <div class="r-rule"></div>
                            <div class="r-date"><em>{date_line(&r.place, &r.date)}</em></div>
                        </td>
                    </tr>
                </table>
                <h1 class="r-title">{"BÁO CÁO"}</h1>
                <p class="r-subtitle">{format!("Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính {period_text}")}</p>
                <p class="r-note">{format!("(Số liệu tính đến ngày {cut}; chấm theo {} — phiên bản {}{})", fw.title, fw.version,
                    if fw.is_template() { "; bộ tiêu chí mẫu, cần đối chiếu với Quyết định của UBND tỉnh" } else { "" })}</p>

                <h2>{"I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM"}</h2>
                <p data-report="totals">{format!(
                    "Tổng điểm tự đánh giá: {} / {} điểm (các tiêu chí do đơn vị tự chấm). Điểm điều tra xã hội học (ước tính, không chính thức): {} / {} điểm. Điểm thưởng: {}; điểm trừ: {}. Tổng điểm ước tính: {} / {} điểm; Chỉ số CCHC ước tính: {}%{}.",
                    s.self_points.to_vi(), s.self_max.to_vi(), s.survey_estimate.to_vi(), s.survey_max.to_vi(),
                    s.bonus.to_vi(), s.deductions.to_vi(), s.total.to_vi(), s.applicable_max.to_vi(), s.index.to_vi_fixed(),
                    s.band.as_ref().map(|b| format!(", xếp loại {b}")).unwrap_or_default())}</p>
                <table class="r-table">
                    <thead><tr><th>{"STT"}</th><th>{"Lĩnh vực/Tiêu chí/Tiêu chí thành phần"}</th><th>{"Điểm tối đa"}</th><th>{"Điểm tự đánh giá"}</th><th>{"Tài liệu kiểm chứng"}</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                    <tfoot>
                        <tr><td></td><td>{"Tổng điểm tự đánh giá"}</td><td class="num">{s.self_max.to_vi()}</td><td class="num">{s.self_points.to_vi()}</td><td></td></tr>
                        <tr><td></td><td>{"Tổng điểm ước tính (gồm điều tra XHH ước tính, điểm thưởng, điểm trừ)"}</td><td class="num">{s.applicable_max.to_vi()}</td><td class="num" data-report="total">{s.total.to_vi()}</td><td>{format!("Chỉ số: {}%", s.index.to_vi_fixed())}</td></tr>
                    </tfoot>
                </table>
                <p class="r-note">{"KAD: không áp dụng đối với đơn vị; —: chưa chấm."}</p>

                <h2>{"II. GIẢI TRÌNH CÁC TIÊU CHÍ CHẤM ĐIỂM CHƯA CÓ ĐỦ TÀI LIỆU KIỂM CHỨNG"}</h2>
                if unsupported.is_empty() { <p>{"Các tiêu chí được chấm điểm đều có tài liệu kiểm chứng."}</p> } else { <ol>{ for unsupported }</ol> }

                <h2>{"III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ"}</h2>
                <h3>{"1. Khó khăn, vướng mắc"}</h3>
                { if r.difficulties.trim().is_empty() { html!{ <p>{"Không có."}</p> } } else { lines(&r.difficulties) } }
                <h3>{"2. Đề xuất, kiến nghị"}</h3>
                { if r.proposals.trim().is_empty() { html!{ <p>{"Không có."}</p> } } else { lines(&r.proposals) } }

                <h2>{"IV. BIỆN PHÁP KHẮC PHỤC VÀ TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CCHC"}</h2>
                <h3>{"1. Biện pháp khắc phục các tiêu chí bị mất điểm"}</h3>
                if a.actions.is_empty() { <p>{"Chưa đề ra biện pháp."}</p> } else {
                    <table class="r-table">
                        <thead><tr><th>{"STT"}</th><th>{"Tiêu chí"}</th><th>{"Biện pháp"}</th><th>{"Chủ trì / phụ trách"}</th><th>{"Thời hạn"}</th><th>{"Trạng thái, tiến độ"}</th></tr></thead>
                        <tbody>
                            { for a.actions.iter().enumerate().map(|(i, x)| html!{
                                <tr key={x.id.clone()}>
                                    <td>{i + 1}</td><td>{x.subs.join(", ")}</td><td>{&x.what}{ if x.result.trim().is_empty() { String::new() } else { format!(" — Kết quả: {}", x.result.trim()) } }</td>
                                    <td>{[x.unit.trim(), x.person.trim()].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" / ")}</td>
                                    <td class="date">{time::date_vi(&x.deadline)}</td>
                                    <td>{format!("{}, {}%{}", x.status.label(), x.progress, if x.is_overdue(&today) { " (quá hạn)" } else { "" })}</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    <p data-report="projected">{format!("Đã hoàn thành {}/{} biện pháp. Nếu hoàn thành các biện pháp, Chỉ số CCHC ước tính đạt {}%{}.",
                        proj.done_actions, a.actions.len(), proj.index.to_vi_fixed(), proj.band.as_ref().map(|b| format!(" ({b})")).unwrap_or_default())}</p>
                }
                <h3>{"2. Tiến độ thực hiện Kế hoạch CCHC năm"}</h3>
                if let Some(f) = fig {
                    <p data-report="plan">{format!("Hoàn thành {}/{} nhiệm vụ ({}%).", f.done, f.total,
                        Dec2::from_int(f.done as i64).percent_of(Dec2::from_int(f.total as i64)).to_vi_fixed())}</p>
                    <table class="r-table">
                        <thead><tr><th>{"STT"}</th><th>{"Nhiệm vụ"}</th><th>{"Kết quả đầu ra"}</th><th>{"Chủ trì"}</th><th>{"Thời hạn"}</th><th>{format!("Tiến độ kỳ {}", a.period.label())}</th></tr></thead>
                        <tbody>
                            { for ReformArea::ALL.iter().filter(|ar| a.plan.iter().any(|t| t.area == **ar)).map(|ar| html!{
                                <>
                                    <tr class="r-crit" key={format!("{ar:?}")}><td colspan="6">{ar.label()}</td></tr>
                                    { for a.plan.iter().filter(|t| t.area == *ar).map(|t| html!{
                                        <tr key={t.id.clone()}>
                                            <td>{plan_no.get(&t.id).copied().unwrap_or(0)}</td><td>{&t.task}</td><td>{&t.output}</td><td>{&t.lead}</td><td class="date">{time::date_vi(&t.deadline)}</td>
                                            <td>{ if t.status == Status::Done { "Hoàn thành".to_string() } else { format!("{}{}", t.status.label(), t.progress.get(&a.period).map(|p| format!(", {p}%")).unwrap_or_default()) } }</td>
                                        </tr>
                                    }) }
                                </>
                            }) }
                        </tbody>
                    </table>
                } else {
                    <p>{"Chưa nhập kế hoạch CCHC năm."}</p>
                }

                <table class="r-sign" role="presentation">
                    <tr>
                        <td class="r-recipients">
                            <div><strong><em>{"Nơi nhận:"}</em></strong></div>
                            { for r.recipients.lines().filter(|l| !l.trim().is_empty()).map(|l| html!{ <div>{format!("- {}", l.trim())}</div> }) }
                            <div>{"- Lưu: VT."}</div>
                        </td>
                        <td class="r-signer">
                            <div><strong>{ if r.signer_title.trim().is_empty() { "THỦ TRƯỞNG CƠ QUAN".to_string() } else { crate::services::upper(&r.signer_title) } }</strong></div>
                            <div><em>{"(Ký, ghi rõ họ tên, đóng dấu)"}</em></div>
                            <div class="r-sign-space"></div>
                            <div><strong>{&r.signer_name}</strong></div>
                        </td>
                    </tr>
                </table>
            </article>
        </div>
    }
}
