//! The report as printed: heading, section I (the scoring table with the
//! raw figures, evidence and explanations), II, III, IV and the signature.

use super::{date_line, evidence_line, raw_figures, recipients};
use crate::app::state::Current;
use crate::engine::model::{time, ReformArea};
use crate::engine::rules::plan;
use crate::engine::{Dec2, SubState};
use crate::services::upper;
use yew::prelude::*;

fn lines(text: &str) -> Html {
    html! { <>{ for text.lines().filter(|l| !l.trim().is_empty()).map(|l| html!{ <p>{l.to_string()}</p> }) }</> }
}

fn or_none(text: &str) -> Html {
    if text.trim().is_empty() {
        html! { <p>{"Không có."}</p> }
    } else {
        lines(text)
    }
}

/// Section I's table: every field, criterion and sub-criterion.
fn scoring_rows(cur: &Current) -> Vec<Html> {
    let (a, fw, s) = (&cur.assessment, &cur.framework, &cur.summary);
    let mut rows: Vec<Html> = Vec::new();
    for f in &fw.fields {
        let Some(fs) = s.field(&f.id) else { continue };
        rows.push(html! {
            <tr class="r-field" key={format!("f{}", f.id)}>
                <td>{&f.id}</td><td>{upper(&f.title)}{ if fs.survey { " (ước tính)" } else { "" } }</td>
                <td class="num">{ if fs.excluded { "KAD".to_string() } else { f.max.to_vi() } }</td>
                <td></td>
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
                        <td class="num">{c.max.to_vi()}</td><td></td>
                        <td class="num">{ if cs.excluded { "—".to_string() } else { cs.points.to_vi() } }</td><td></td>
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
                let expl = ans
                    .map(|a| a.explanation.trim().to_string())
                    .unwrap_or_default();
                let pts = match sc.state {
                    SubState::Unanswered | SubState::Invalid => "—".to_string(),
                    SubState::NotApplicable => "KAD".to_string(),
                    SubState::NotYet => "CĐG".to_string(),
                    _ => sc.points.to_vi(),
                };
                let figures = if sc.from_plan {
                    plan::plan_figure(fw, a).map_or(String::new(), |f| match f.due_by {
                        Some(p) => format!(
                            "{}/{} nhiệm vụ đến hạn đến {} (kế hoạch)",
                            f.done,
                            f.total,
                            p.cutoff_short()
                        ),
                        None => format!("{}/{} nhiệm vụ (kế hoạch)", f.done, f.total),
                    })
                } else {
                    let f = raw_figures(x, sc, ans);
                    if ans.is_some_and(|y| y.carried) {
                        format!("{f} (chưa cập nhật cho kỳ này)")
                    } else {
                        f
                    }
                };
                rows.push(html! {
                    <tr class={classes!("r-sub", inline.then_some("r-crit"))} key={format!("s{}", x.id)} data-report-sub={x.id.clone()}>
                        <td>{&x.id}</td><td>{&x.title}{ if sc.survey { " (điều tra XHH, ước tính)" } else { "" } }</td>
                        <td class="num">{x.max.to_vi()}</td>
                        <td class="fig" data-report-figures="">{figures}</td>
                        <td class="num">{pts}</td>
                        <td class="ev">
                            { for ev.iter().map(|l| html!{ <div>{l.clone()}</div> }) }
                            if !expl.is_empty() { <div class="r-expl"><em>{"Giải trình: "}</em>{expl}</div> }
                        </td>
                    </tr>
                });
            }
        }
    }
    rows
}

pub fn report_document(cur: &Current) -> Html {
    let (a, fw, s) = (&cur.assessment, &cur.framework, &cur.summary);
    let r = &a.report;
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
    let quarter = a.period != crate::engine::Period::Year;
    let self_waiting: Dec2 = s
        .not_yet
        .iter()
        .filter_map(|id| s.sub(id))
        .filter(|x| !x.survey)
        .map(|x| x.max)
        .sum();
    let band = match s.band_shown() {
        Ok(Some(b)) => format!(", xếp loại {b}"),
        Ok(None) => String::new(),
        Err((n, m)) => format!(" (chưa xếp loại: mới trả lời {n}/{m} mục)"),
    };
    html! {
        <article class="report" aria-label="Bản in báo cáo">
            <table class="r-heading" role="presentation">
                <tr>
                    <td class="r-left">
                        if !r.parent_body.trim().is_empty() { <div>{upper(&r.parent_body)}</div> }
                        <div class="r-unit">{upper(&a.unit_name)}</div>
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
            <p class="r-subtitle">{format!("Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính {}", a.period.phrase(a.year))}</p>
            <p class="r-note">{format!("(Số liệu tính đến ngày {}; chấm theo {} — phiên bản {}{})", a.period.cutoff_vi(a.year), fw.title, fw.version,
                if fw.is_template() { "; bộ tiêu chí mẫu, cần đối chiếu với Quyết định của UBND tỉnh" } else { "" })}</p>

            <h2>{"I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM"}</h2>
            <p data-report="totals">{format!(
                "Tổng điểm tự đánh giá: {} / {} điểm (các tiêu chí do đơn vị tự chấm). Điểm điều tra xã hội học (ước tính, không chính thức): {} / {} điểm. Điểm thưởng: {}; điểm trừ: {}. Tổng điểm ước tính: {} / {} điểm; Chỉ số CCHC ước tính: {}%{band}.",
                s.self_points.to_vi(), s.self_max.to_vi(), s.survey_estimate.to_vi(), s.survey_max.to_vi(),
                s.bonus.to_vi(), s.deductions.to_vi(), s.total.to_vi(), s.applicable_max.to_vi(), s.index.to_vi_fixed())}</p>
            if quarter {
                <p data-report="period-figures">{format!(
                    "Các số trên là điểm \"đến kỳ báo cáo\": chấm theo những gì phải có đến ngày {} (báo cáo, nhiệm vụ đến hạn); {} mục chỉ đánh giá cuối năm hoặc chưa có việc đến hạn ({} điểm) chưa tính vào điểm tối đa. Dự kiến cả năm (các việc chưa đến hạn hoàn thành đúng hạn, cộng điểm các biện pháp khắc phục): {} / {} điểm, Chỉ số {}%{}.",
                    a.period.cutoff_vi(a.year), s.not_yet.len(), s.not_yet_max.to_vi(), cur.year.total.to_vi(), cur.year.max.to_vi(), cur.year.index.to_vi_fixed(),
                    cur.year.band.as_ref().map(|b| format!(" ({b})")).unwrap_or_default())}</p>
            }
            <table class="r-table r-scores">
                <colgroup><col class="c-stt" /><col class="c-title" /><col class="c-num" /><col class="c-fig" /><col class="c-num" /><col class="c-ev" /></colgroup>
                <thead><tr><th>{"STT"}</th><th>{"Lĩnh vực/Tiêu chí/Tiêu chí thành phần"}</th><th>{"Điểm tối đa"}</th><th>{"Số liệu tự đánh giá"}</th><th>{"Điểm tự đánh giá"}</th><th>{"Tài liệu kiểm chứng, giải trình"}</th></tr></thead>
                <tbody>{ for scoring_rows(cur) }</tbody>
                <tfoot>
                    <tr><td></td><td>{ if self_waiting > Dec2::ZERO { format!("Tổng điểm tự đánh giá (không tính {} điểm của các mục chưa đánh giá được ở kỳ này)", self_waiting.to_vi()) } else { "Tổng điểm tự đánh giá".to_string() } }</td><td class="num">{s.self_max.to_vi()}</td><td></td><td class="num">{s.self_points.to_vi()}</td><td></td></tr>
                    <tr><td></td><td>{ if quarter { "Tổng điểm ước tính đến kỳ báo cáo (gồm điều tra XHH ước tính, điểm thưởng, điểm trừ)" } else { "Tổng điểm ước tính (gồm điều tra XHH ước tính, điểm thưởng, điểm trừ)" } }</td><td class="num">{s.applicable_max.to_vi()}</td><td></td><td class="num" data-report="total">{s.total.to_vi()}</td><td>{format!("Chỉ số: {}%", s.index.to_vi_fixed())}</td></tr>
                </tfoot>
            </table>
            <p class="r-note">{ if quarter { "KAD: không áp dụng đối với đơn vị; CĐG: chưa đánh giá được ở kỳ này (chỉ đánh giá cuối năm hoặc chưa có việc đến hạn); —: chưa chấm." } else { "KAD: không áp dụng đối với đơn vị; —: chưa chấm." } }</p>

            <h2>{"II. GIẢI TRÌNH CÁC TIÊU CHÍ CHẤM ĐIỂM CHƯA CÓ ĐỦ TÀI LIỆU KIỂM CHỨNG"}</h2>
            if unsupported.is_empty() { <p>{"Các tiêu chí được chấm điểm đều có tài liệu kiểm chứng."}</p> } else { <ol>{ for unsupported }</ol> }

            <h2>{"III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ"}</h2>
            <h3>{"1. Khó khăn, vướng mắc"}</h3>
            {or_none(&r.difficulties)}
            <h3>{"2. Đề xuất, kiến nghị"}</h3>
            {or_none(&r.proposals)}

            {actions_and_plan(cur)}

            <table class="r-sign" role="presentation">
                <tr>
                    <td class="r-recipients">
                        <div><strong><em>{"Nơi nhận:"}</em></strong></div>
                        { for recipients(&r.recipients).into_iter().map(|l| html!{ <div>{l}</div> }) }
                    </td>
                    <td class="r-signer">
                        <div><strong>{ if r.signer_title.trim().is_empty() { "THỦ TRƯỞNG CƠ QUAN".to_string() } else { upper(&r.signer_title) } }</strong></div>
                        <div><em>{"(Ký, ghi rõ họ tên, đóng dấu)"}</em></div>
                        <div class="r-sign-space"></div>
                        <div><strong>{&r.signer_name}</strong></div>
                    </td>
                </tr>
            </table>
        </article>
    }
}

/// Section IV: corrective actions, and progress of the annual plan.
fn actions_and_plan(cur: &Current) -> Html {
    let (a, fw) = (&cur.assessment, &cur.framework);
    let proj = cur.year.clone();
    // overdue as of the report's data cut-off (or today, if earlier)
    let today: String = crate::services::now_iso().chars().take(10).collect();
    let today = today.min(a.period.cutoff_iso(a.year));
    let fig = plan::plan_figure(fw, a);
    // Plan tasks numbered straight through, in the order printed.
    let plan_no: std::collections::HashMap<String, usize> = ReformArea::ALL
        .iter()
        .flat_map(|ar| a.plan.iter().filter(move |t| t.area == *ar))
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i + 1))
        .collect();
    html! {
        <>
            <h2>{"IV. BIỆN PHÁP KHẮC PHỤC VÀ TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CCHC"}</h2>
            <h3>{"1. Biện pháp khắc phục các tiêu chí bị mất điểm"}</h3>
            if a.actions.is_empty() { <p>{"Chưa đề ra biện pháp."}</p> } else {
                <table class="r-table r-actions">
                    <colgroup><col class="c-stt" /><col class="c-sub" /><col class="c-what" /><col class="c-who" /><col class="c-date" /><col class="c-state" /></colgroup>
                    <thead><tr><th>{"STT"}</th><th>{"Tiêu chí"}</th><th>{"Biện pháp"}</th><th>{"Chủ trì / phụ trách"}</th><th>{"Thời hạn"}</th><th>{"Trạng thái, tiến độ"}</th></tr></thead>
                    <tbody>
                        { for a.actions.iter().enumerate().map(|(i, x)| html!{
                            <tr key={x.id.clone()}>
                                <td>{i + 1}</td><td class="ids">{x.subs.join(", ")}</td><td>{&x.what}{ if x.result.trim().is_empty() { String::new() } else { format!(" — Kết quả: {}", x.result.trim()) } }</td>
                                <td>{[x.unit.trim(), x.person.trim()].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" / ")}</td>
                                <td class="date">{time::date_vi(&x.deadline)}</td>
                                <td>{format!("{}, {}%{}", x.status.label(), x.progress, if x.is_overdue(&today) { " (quá hạn)" } else { "" })}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                <p data-report="projected">{format!("Đã hoàn thành {}/{} biện pháp. {}Nếu hoàn thành các biện pháp, Chỉ số CCHC ước tính đạt {}%{}.",
                    proj.done_actions, a.actions.len(), if a.period == crate::engine::Period::Year { "" } else { "Dự kiến cả năm: " }, proj.index.to_vi_fixed(), proj.band.as_ref().map(|b| format!(" ({b})")).unwrap_or_default())}</p>
            }
            <h3>{"2. Tiến độ thực hiện Kế hoạch CCHC năm"}</h3>
            if let Some(f) = fig {
                <p data-report="plan">{ if f.due_by.is_some() {
                    format!("{} ({}%); cả kế hoạch: {} nhiệm vụ.", f.describe(),
                        Dec2::from_int(f.done as i64).percent_of(Dec2::from_int(f.total as i64)).to_vi_fixed(), a.plan.len())
                } else {
                    format!("Hoàn thành {}/{} nhiệm vụ ({}%).", f.done, f.total,
                        Dec2::from_int(f.done as i64).percent_of(Dec2::from_int(f.total as i64)).to_vi_fixed())
                } }</p>
                <table class="r-table r-plan">
                    <colgroup><col class="c-stt" /><col class="c-what" /><col class="c-out" /><col class="c-who" /><col class="c-date" /><col class="c-state" /></colgroup>
                    <thead><tr><th>{"STT"}</th><th>{"Nhiệm vụ"}</th><th>{"Kết quả đầu ra"}</th><th>{"Chủ trì"}</th><th>{"Thời hạn"}</th><th>{format!("Tiến độ kỳ {}", a.period.label())}</th></tr></thead>
                    <tbody>
                        { for ReformArea::ALL.iter().filter(|ar| a.plan.iter().any(|t| t.area == **ar)).map(|ar| html!{
                            <>
                                <tr class="r-crit" key={format!("{ar:?}")}><td colspan="6">{ar.label()}</td></tr>
                                { for a.plan.iter().filter(|t| t.area == *ar).map(|t| {
                                    let st = plan::task_status(t, a.period);
                                    let state = match (st, t.progress.get(&a.period)) {
                                        (crate::engine::model::PlanStatus::Done, _) => "Hoàn thành".to_string(),
                                        (st, Some(p)) => format!("{}, {p}%", st.label()),
                                        (st, None) => st.label().to_string(),
                                    };
                                    html!{
                                        <tr key={t.id.clone()}>
                                            <td>{plan_no.get(&t.id).copied().unwrap_or(0)}</td><td>{&t.task}</td><td>{&t.output}</td><td>{&t.lead}</td><td class="date">{time::date_vi(&t.deadline)}</td>
                                            <td>{state}</td>
                                        </tr>
                                    }
                                }) }
                            </>
                        }) }
                    </tbody>
                </table>
            } else {
                <p>{"Chưa nhập kế hoạch CCHC năm."}</p>
            }
        </>
    }
}
