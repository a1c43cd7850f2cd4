//! "Nộp & thẩm định", the unit's side of the appraisal rounds: submit a
//! fixed revision, import Sở Nội vụ's appraisal, see the points side by
//! side, explain the flagged items and export the explanation. The unit's
//! own answers are never touched here.

use super::state::Edit;
use super::widgets::{download, event_value, JSON};
use crate::engine::formats::appraisal as af;
use crate::engine::formats::file;
use crate::engine::formats::results as rf;
use crate::engine::model::appraisal::{Explanation, Received, Reply, FINAL_ROUND};
use crate::engine::model::time::{date_vi, datetime_vi};
use crate::engine::rules::appraisal::{
    appraised_answer, as_submitted, changed_since_submitted, compare, snapshot,
};
use crate::engine::{Dec2, Evidence};
use crate::services;
use yew::prelude::*;

fn short(sum: &str) -> &str {
    sum.get(..12).unwrap_or(sum)
}

/// Who sends which file to whom, in what order (both sides show it).
pub const GUIDE: [&str; 5] = [
    "Đơn vị: hoàn thành tự đánh giá, bấm \"Nộp\" ở mục \"Nộp & thẩm định\" và gửi tệp bản nộp (…_ban-1.json) cho Sở Nội vụ. Sửa sau khi nộp thì nộp lại: bản mới là bản lần 2.",
    "Sở Nội vụ: nạp các tệp bản nộp ở trang Tổng hợp, bấm \"Thẩm định\" ở từng đơn vị, chấm từng mục (chấp nhận hoặc sửa số liệu, ghi chú, yêu cầu giải trình). Cơ quan chủ trì lĩnh vực (Sở Tư pháp, Sở Tài chính…) chọn lĩnh vực của mình, xuất tệp thẩm định một phần gửi Sở Nội vụ gộp.",
    "Sở Nội vụ: đặt hạn giải trình, xuất \"kết quả thẩm định vòng 1\" (…_tham-dinh-vong-1.json) gửi đơn vị.",
    "Đơn vị: nhập tệp vòng 1, xem điểm bị trừ từng mục, viết giải trình và minh chứng bổ sung cho các mục được yêu cầu, xuất tệp giải trình (…_giai-trinh.json) gửi Sở Nội vụ trước hạn.",
    "Sở Nội vụ: nhập tệp giải trình, bấm \"Bắt đầu vòng 2\", chấm lại và xuất kết quả cuối cùng (…_tham-dinh-vong-2.json) gửi đơn vị; đơn vị nhập tệp này để thấy kết quả bên cạnh điểm tự chấm. Câu trả lời của đơn vị không bao giờ bị thay bằng điểm thẩm định.",
];

/// The guide, folded.
pub fn guide() -> Html {
    html! {
        <details class="help no-print">
            <summary>{"Hướng dẫn: ai gửi tệp nào cho ai, theo thứ tự nào"}</summary>
            <ol>{ for GUIDE.iter().map(|g| html! { <li>{*g}</li> }) }</ol>
        </details>
    }
}

#[component]
pub fn AppraisalPage() -> Html {
    let (ctx, cur) = super::use_current();
    let msg = use_state(|| None::<(bool, String)>);
    let by_loss = use_state(|| false);
    let only_diff = use_state(|| false);
    // "Nộp" answers beside its button; imports beside theirs
    let submit_msg = use_state(|| None::<(bool, String)>);
    let Some(cur) = cur else {
        return html! {};
    };
    let a = cur.assessment.clone();
    let fw = cur.framework.clone();
    let r = &a.rounds;
    let built_in = ctx.is_built_in(&fw);
    let changed = changed_since_submitted(&fw, &a);
    let next_rev = r.submissions.len() as u32 + 1;

    let on_submit = {
        let (ctx, a, fw, msg) = (ctx.clone(), a.clone(), fw.clone(), submit_msg.clone());
        Callback::from(move |_| {
            let now = services::now_iso();
            let (text, sum) = file::export_submitted(&a, &fw, built_in, &now, next_rev);
            let name = file::file_name(&a).replace(".json", &format!("_ban-{next_rev}.json"));
            match services::files::download(&name, text.as_bytes(), JSON) {
                Ok(()) => {
                    super::edit(&ctx, Edit::Submit(snapshot(&a, next_rev, &now, &sum)));
                    msg.set(Some((true, format!("Đã nộp bản lần {next_rev} và tải tệp {name} xuống: gửi tệp này cho Sở Nội vụ."))));
                }
                Err(m) => msg.set(Some((false, m))),
            }
        })
    };

    let on_file = {
        let (ctx, a, fw, msg) = (ctx.clone(), a.clone(), fw.clone(), msg.clone());
        Callback::from(move |e: Event| {
            let files = services::files::files_of_event(&e);
            services::files::reset_input(&e);
            let Some(f) = files.into_iter().next() else {
                return;
            };
            let (ctx, a, fw, msg) = (ctx.clone(), a.clone(), fw.clone(), msg.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let mut official = None;
                let got = match services::files::read(&f, file::MAX_FILE_BYTES).await {
                    Err(services::files::ReadError::TooLarge(n)) => Err(af::Refusal::TooLarge(n)),
                    Err(_) => Err(af::Refusal::Empty),
                    Ok(bytes) => af::read_appraisal(&bytes).and_then(|(ap, sum)| {
                        af::accept_appraisal(&fw, &a, &ap, &sum).map(|_| (ap, sum))
                    }).inspect_err(|e| {
                        // the same button takes the official results file
                        if matches!(e, af::Refusal::WrongKind { found, .. } if found == rf::RESULTS_FORMAT) {
                            official = Some(rf::read_results(&bytes).map_err(|e| e.to_string()).and_then(|r| rf::result_for(&r, &a, &fw)));
                        }
                    }),
                };
                if let Some(o) = official {
                    match o {
                        Ok(r) => {
                            super::edit(&ctx, Edit::Official(Box::new(r)));
                            msg.set(Some((true, "Đã nhập kết quả chính thức.".into())));
                        }
                        Err(m) => msg.set(Some((
                            false,
                            format!("Không nhập được tệp: {m} Bản tự đánh giá không thay đổi."),
                        ))),
                    }
                    return;
                }
                match got {
                    Ok((ap, sum)) => {
                        let round = ap.round;
                        super::edit(
                            &ctx,
                            Edit::Receive(Box::new(Received {
                                sha256: sum,
                                received_at: services::now_iso(),
                                appraisal: ap,
                            })),
                        );
                        msg.set(Some((
                            true,
                            format!("Đã nhập kết quả thẩm định vòng {round}."),
                        )));
                    }
                    Err(e) => msg.set(Some((
                        false,
                        format!("Không nhập được tệp: {e} Bản tự đánh giá không thay đổi."),
                    ))),
                }
            });
        })
    };

    let (rev_tag, rev_warn, rev_text) = match (r.last_submission(), &changed) {
        (None, _) => ("none".to_string(), false, "Chưa nộp. Khi hoàn thành, bấm \"Nộp\": ứng dụng tải xuống tệp của bản nộp (bản cố định, có mã kiểm tra) để gửi Sở Nội vụ; sửa sau đó sẽ thành bản nộp mới.".to_string()),
        (Some(s), None) => (s.revision.to_string(), false, format!("Đã nộp bản lần {} lúc {}; chưa sửa gì sau đó.", s.revision, datetime_vi(&s.at))),
        (Some(s), Some(d)) => (format!("changed-{}", d.len()), true, format!("Đã sửa {} mục sau khi nộp bản lần {} ({}). Sở Nội vụ thẩm định bản đã nộp; nếu cần, hãy nộp lại: bản mới sẽ là bản lần {next_rev}.", d.len(), s.revision, d.iter().take(8).cloned().collect::<Vec<_>>().join(", "))),
    };
    let can_submit = !cur.read_only && (r.submissions.is_empty() || changed.is_some());

    html! {
        <section class="appraisal-page">
            <h2 class="print-title">{format!("Kết quả thẩm định — {} · {} {}", a.unit_name, a.period.label(), a.year)}</h2>
            {guide()}
            <h2>{"Nộp bản tự đánh giá"}</h2>
            <p class={classes!(rev_warn.then_some("banner warn"))} data-rev={rev_tag}>{rev_text}</p>
            <button class="btn primary no-print" onclick={on_submit} disabled={!can_submit} data-submit="">{format!("Nộp bản lần {next_rev} và tải tệp (.json)")}</button>
            if let Some((ok, m)) = &*submit_msg {
                <p class={classes!("banner", if *ok { "ok" } else { "warn" })} role={if *ok { "status" } else { "alert" }} data-submit-msg="">{m.clone()}</p>
            }
            if !r.submissions.is_empty() {
                <ul class="revisions">
                    { for r.submissions.iter().rev().map(|s| html! {
                        <li>{format!("Bản lần {} · nộp lúc {} · mã kiểm tra {}…", s.revision, datetime_vi(&s.at), short(&s.sha256))}</li>
                    }) }
                </ul>
            }
            {official_box(&fw, &a)}
            <h2>{"Kết quả thẩm định của Sở Nội vụ"}</h2>
            <label class="btn file-pick no-print">{"Nhập tệp kết quả thẩm định hoặc kết quả chính thức (.json)"}
                <input type="file" accept=".json,application/json" onchange={on_file} disabled={cur.read_only} data-import-appraisal="" />
            </label>
            if let Some((ok, m)) = &*msg {
                <p class={classes!("banner", if *ok { "ok" } else { "warn" })} role={if *ok { "status" } else { "alert" }} data-appraisal-msg="">{m.clone()}</p>
            }
            {received(&ctx, &cur, View {
                by_loss: *by_loss,
                only_diff: *only_diff,
                on_sort: Callback::from(move |_| by_loss.set(!*by_loss)),
                on_diff: Callback::from(move |_| only_diff.set(!*only_diff)),
            })}
        </section>
    }
}

/// How the table is shown: sorted by points lost, only the items where
/// the appraisal differs (the short list a phone needs).
struct View {
    by_loss: bool,
    only_diff: bool,
    on_sort: Callback<MouseEvent>,
    on_diff: Callback<MouseEvent>,
}

/// The latest appraisal received: totals, the table, explanations.
fn received(ctx: &super::Ctx, cur: &super::state::Current, v: View) -> Html {
    let fw = &cur.framework;
    let Some(rec) = cur.assessment.rounds.latest() else {
        return html! { <p>{"Chưa nhận kết quả thẩm định."}</p> };
    };
    let ap = &rec.appraisal;
    // the appraisal judged the submitted revision, not later edits
    let then = cur
        .assessment
        .rounds
        .submissions
        .iter()
        .find(|s| s.sha256 == ap.subject.revision_sha256)
        .map(|s| as_submitted(&cur.assessment, s));
    let a = then.as_ref().unwrap_or(&cur.assessment);
    let c = compare(fw, a, &ap.items, &ap.scope);
    let by_loss = v.by_loss;
    let mut lines: Vec<_> = c
        .lines
        .iter()
        .filter(|l| !v.only_diff || l.disagrees() || l.flagged())
        .collect();
    if by_loss {
        crate::engine::sort_by_key(&mut lines, |l| std::cmp::Reverse(l.lost()));
    }
    let final_round = ap.round == FINAL_ROUND;
    let today = services::now_iso();
    let left = af::days_left(&today, &ap.deadline);
    let (late_cls, deadline) = match left {
        _ if final_round => (false, String::new()),
        None => (false, "· chưa có hạn giải trình.".to_string()),
        Some(n) if n >= 0 => (false, format!("· hạn gửi giải trình {} (còn {n} ngày).", date_vi(&ap.deadline))),
        Some(n) => (true, format!("· hạn gửi giải trình {} đã qua {} ngày: vẫn xuất được tệp giải trình, tệp sẽ ghi là gửi muộn.", date_vi(&ap.deadline), -n)),
    };
    let flagged: Vec<_> = c.lines.iter().filter(|l| l.flagged()).collect();
    let row = |l: &&crate::engine::rules::appraisal::Line| {
        let it = l.item.clone().unwrap_or_default();
        let sub = fw.sub(&l.id);
        let title = sub.map(|s| s.title.clone()).unwrap_or_default();
        let lost = l.lost();
        // the appraiser's figures, where they corrected the unit's
        let figures = match (sub, c.appraised.sub(&l.id)) {
            (Some(sub), Some(sc)) if l.item.as_ref().is_some_and(|i| !i.accepted) => {
                let ans = appraised_answer(a.answers.get(&l.id), &it);
                crate::app::report::raw_figures(sub, sc, Some(&ans))
            }
            _ => String::new(),
        };
        html! {
            <tr class={classes!((lost > Dec2::ZERO).then_some("lost"))} data-line={l.id.clone()}>
                <th scope="row">{format!("{} {title}", l.id)}</th>
                { for [l.max.to_vi(), l.self_points.to_vi(), l.appraised.map_or("—".to_string(), |p| p.to_vi()),
                       if lost == Dec2::ZERO { String::new() } else { (Dec2::ZERO - lost).to_vi() }]
                    .into_iter().map(|v| html! { <td class="num">{v}</td> }) }
                <td>{figures}</td><td>{it.note}</td>
                if !final_round { <td>{it.request}</td> }
            </tr>
        }
    };
    let pct = |d: Dec2| format!("{}%", d.to_vi_fixed());
    html! {
        <>
            <p class={classes!(late_cls.then_some("banner warn"))} title={format!("Vòng {} · {} · nhận {} · mã {}…", ap.round, ap.appraiser, date_vi(&rec.received_at), short(&rec.sha256))} data-final={final_round.then_some("")} data-days-left={left.filter(|_| !final_round).map(|n| n.to_string())}>{format!("{}{} {deadline}", if final_round { "Kết quả thẩm định cuối cùng" } else { "Kết quả thẩm định vòng 1" },
                if ap.appraiser.trim().is_empty() { String::new() } else { format!(" (do {} gửi)", ap.appraiser) })}</p>
            <dl class="apr-totals">
                { for [("Tổng điểm tự đánh giá", "self", c.unit.total.to_vi()), ("Tổng điểm sau thẩm định", "appraised", c.appraised.total.to_vi()),
                       ("Chỉ số tự đánh giá", "self-index", pct(c.unit.index)), ("Chỉ số sau thẩm định", "index", pct(c.appraised.index))]
                    .into_iter().map(|(t, k, v)| html! { <div><dt>{t}</dt><dd data-apr={k}>{v}</dd></div> }) }
            </dl>
            if then.is_some() && changed_since_submitted(fw, &cur.assessment).is_some() {
                <p class="hint" data-compared-submitted="">{format!("Điểm tự đánh giá ở đây là của bản đã nộp lần {} (bản Sở Nội vụ thẩm định), không tính các sửa đổi sau khi nộp.", ap.subject.revision)}</p>
            }
            <div class="toolbar no-print">
                <button class="btn" onclick={v.on_sort} aria-pressed={by_loss.to_string()}>{"Sắp theo điểm bị trừ"}</button>
                <button class="btn" onclick={v.on_diff} aria-pressed={v.only_diff.to_string()} data-only-diff="">{format!("Chỉ các mục bị trừ, sửa hoặc cần giải trình ({})", c.lines.iter().filter(|l| l.disagrees() || l.flagged()).count())}</button>
            </div>
            <p class="scroll-hint no-print">{"Bảng rộng: kéo ngang để xem các cột điểm thẩm định, chênh lệch và ghi chú."}</p>
            <p class="print-title" data-printed-on="">{format!("{} · {} · nhận lúc {} · in lúc {}", if final_round { "Kết quả thẩm định cuối cùng" } else { "Kết quả thẩm định vòng 1" }, ap.appraiser, datetime_vi(&rec.received_at), datetime_vi(&today))}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Bảng so sánh điểm tự chấm và điểm thẩm định">
                <table class="apr-table">
                    <thead><tr>{ for ["Tiêu chí thành phần", "Tối đa", "Tự chấm", "Thẩm định", "Chênh lệch", "Số liệu thẩm định", "Ghi chú thẩm định", "Yêu cầu giải trình"][..if final_round { 7 } else { 8 }].iter().map(|h| html! { <th scope="col">{*h}</th> }) }</tr></thead>
                    <tbody>{ for lines.iter().map(row) }</tbody>
                </table>
            </div>
            if !final_round && !flagged.is_empty() {
                <h2>{format!("Giải trình ({} mục được yêu cầu)", flagged.len())}</h2>
                { for flagged.iter().map(|l| reply_box(ctx, cur, &l.id)) }
                {explain_button(ctx, cur, rec, left.is_some_and(|n| n < 0))}
            }
        </>
    }
}

fn reply_box(ctx: &super::Ctx, cur: &super::state::Current, id: &str) -> Html {
    let a = &cur.assessment;
    let r = a.rounds.replies.get(id).cloned().unwrap_or_default();
    let req = a
        .rounds
        .latest()
        .and_then(|x| x.appraisal.items.get(id))
        .map(|i| i.request.clone())
        .unwrap_or_default();
    let title = cur
        .framework
        .sub(id)
        .map(|s| s.title.clone())
        .unwrap_or_default();
    let ev: Vec<String> = r.evidence.iter().map(|e| e.summary.clone()).collect();
    let on_text = {
        let (ctx, id, r) = (ctx.clone(), id.to_string(), r.clone());
        Callback::from(move |e: InputEvent| {
            super::edit(
                &ctx,
                Edit::Reply(
                    id.clone(),
                    Reply {
                        text: event_value(&e),
                        ..r.clone()
                    },
                ),
            )
        })
    };
    let on_ev = {
        let (ctx, id, r) = (ctx.clone(), id.to_string(), r.clone());
        Callback::from(move |e: InputEvent| {
            let evidence = event_value(&e)
                .split('\n')
                .map(|l| Evidence {
                    summary: l.to_string(),
                    ..Default::default()
                })
                .collect();
            super::edit(
                &ctx,
                Edit::Reply(
                    id.clone(),
                    Reply {
                        evidence,
                        ..r.clone()
                    },
                ),
            )
        })
    };
    let (tid, eid) = (format!("gt-{id}"), format!("gt-ev-{id}"));
    let lim = crate::engine::rules::limits::LONG.to_string();
    html! {
        <div class="reply" data-reply={id.to_string()}>
            <h3>{format!("{id} {title}")}</h3>
            <p class="hint">{format!("Yêu cầu giải trình: {req}")}</p>
            <label for={tid.clone()}>{"Giải trình của đơn vị"}</label>
            <textarea id={tid} value={r.text.clone()} oninput={on_text} maxlength={lim.clone()} readonly={cur.read_only} />
            <label for={eid.clone()}>{"Minh chứng bổ sung (mỗi dòng một văn bản: số, ký hiệu, trích yếu, đường dẫn)"}</label>
            <textarea id={eid} value={ev.join("\n")} oninput={on_ev} maxlength={lim} readonly={cur.read_only} />
        </div>
    }
}

fn explain_button(
    ctx: &super::Ctx,
    cur: &super::state::Current,
    rec: &Received,
    late: bool,
) -> Html {
    let a = &cur.assessment;
    let ap = &rec.appraisal;
    let mut ex = Explanation {
        subject: ap.subject.clone(),
        appraisal_sha256: rec.sha256.clone(),
        deadline: ap.deadline.clone(),
        late,
        items: Default::default(),
    };
    for (id, r) in &a.rounds.replies {
        if ap
            .items
            .get(id)
            .is_some_and(|i| !i.request.trim().is_empty())
        {
            let mut r = r.clone();
            r.evidence.retain(|e| !e.is_blank());
            if !r.is_empty() {
                ex.items.insert(id.clone(), r);
            }
        }
    }
    let n = ex.items.len();
    let name = af::explanation_file_name(&ex.subject);
    let ctx2 = ctx.clone();
    let on_export = download(ctx, name, JSON, move || {
        let (text, sum) = af::export_explanation(&ex, &services::now_iso());
        super::edit(&ctx2, Edit::Explained(sum));
        text.into_bytes()
    });
    html! {
        <p class="no-print">
            <button class="btn primary" onclick={on_export} disabled={n == 0} data-export-explanation="">{format!("Xuất tệp giải trình ({n} mục, .json){}", if late { " — gửi muộn" } else { "" })}</button>
            { if n == 0 { " Viết giải trình hoặc minh chứng cho ít nhất một mục được yêu cầu để xuất tệp.".to_string() }
              else if a.rounds.explained_sha256.is_empty() { String::new() }
              else { format!(" Đã xuất lần gần nhất: mã {}…", short(&a.rounds.explained_sha256)) } }
        </p>
    }
}

/// The official result received from Sở Nội vụ, beside the unit's own
/// estimate, with the items that cost it most.
fn official_box(fw: &crate::engine::Framework, a: &crate::engine::Assessment) -> Html {
    let r = &a.rounds.official;
    let Some(u) = r.units.first() else {
        return Html::default();
    };
    let d = &r.decision;
    let lost = rf::costliest(u, 5);
    let dash = |v: Option<crate::engine::Dec2>| v.map_or("—".to_string(), |x| x.to_vi());
    html! {
        <section class="official-result" data-official-result="">
            <h2>{"Kết quả chính thức"}</h2>
            if !d.number.is_empty() || !d.date.is_empty() {
                <p>{rf::appendix_heading(&d.number, &d.date)}</p>
            }
            <dl class="cards">
                <div><dt>{"Chỉ số chính thức"}</dt><dd data-col="index">{u.index.to_vi_fixed()}</dd></div>
                <div><dt>{"Xếp hạng"}</dt><dd data-col="rank">{format!("{}/{}", u.rank, u.of)}</dd></div>
                <div><dt>{"Xếp loại"}</dt><dd>{if u.band.is_empty() { "—".to_string() } else { u.band.clone() }}</dd></div>
                <div><dt>{"Chỉ số tự đánh giá"}</dt><dd>{u.self_index.to_vi_fixed()}</dd></div>
            </dl>
            <p>{format!("Điểm thẩm định {} · điều tra xã hội học {} · thưởng/trừ {} · tổng {}/{}.", u.appraised.to_vi(), u.survey.to_vi(), (u.bonus - u.deductions).to_vi_signed(), u.total.to_vi(), u.applicable_max.to_vi())}</p>
            if !lost.is_empty() {
                <h3>{"Các tiêu chí thành phần mất nhiều điểm nhất"}</h3>
                <div class="table-wrap">
                <table class="official-table" data-official="costliest">
                    <thead><tr><th scope="col">{"Tiêu chí thành phần"}</th><th scope="col">{"Tối đa"}</th><th scope="col">{"Tự đánh giá"}</th><th scope="col">{"Chính thức"}</th><th scope="col">{"Mất"}</th><th scope="col">{"Ghi chú thẩm định"}</th></tr></thead>
                    <tbody>
                    { for lost.iter().map(|(i, l)| html! {
                        <tr>
                            <th scope="row">{format!("{} {}", i.id, fw.sub(&i.id).map(|s| s.title.as_str()).unwrap_or(""))}</th>
                            <td class="num">{i.max.to_vi()}</td><td class="num">{dash(i.self_points)}</td>
                            <td class="num">{dash(i.official)}</td><td class="num">{l.to_vi()}</td><td>{i.note.clone()}</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
                </div>
            }
        </section>
    }
}
