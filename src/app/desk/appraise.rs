//! Appraising one unit's submitted revision (full build): item by item
//! with the rule inputs the unit used, or accepting its answer; notes,
//! explanation requests, filters, "accept every remaining item with
//! evidence" (undoable), partial appraisals merged with conflicts shown,
//! the unit's explanation beside round 1, and the files of each round.
//! State: `AppState.rounds` (kept by the desk keeper); the points come
//! from `rules::appraisal`.

use crate::app::route::Route;
use crate::app::state::{Action, Shared};
use crate::app::sub_item::rule_input::RuleInput;
use crate::app::widgets::{check, event_value, JSON};
use crate::engine::formats::appraisal as af;
use crate::engine::model::appraisal::Reply;
use crate::engine::model::appraisal::{AppraisedItem, DeskRounds, DeskWork, FINAL_ROUND};
use crate::engine::rules::appraisal as ra;
use crate::engine::rules::appraisal::WorkEdit;
use crate::engine::rules::consolidate::{Checked, Outcome};
use crate::engine::{Dec2, Framework};
use crate::services;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Show {
    All,
    Open,
    Differ,
    NoEvidence,
    Flagged,
    Explained,
    Conflicts,
}

const SHOWS: [(Show, &str); 7] = [
    (Show::All, "Tất cả"),
    (Show::Open, "Chưa thẩm định"),
    (Show::Differ, "Khác tự chấm"),
    (Show::NoEvidence, "Thiếu minh chứng"),
    (Show::Flagged, "Cần giải trình"),
    (Show::Explained, "Đơn vị đã giải trình"),
    (Show::Conflicts, "Xung đột"),
];

#[derive(Properties, PartialEq)]
pub struct AppraiseProps {
    pub sha: String,
}

/// Replaces this unit's work in the desk's rounds.
fn put(ctx: &crate::app::Ctx, w: DeskWork) {
    let mut r = (*ctx.rounds).clone();
    r.units.insert(w.revision_sha256.clone(), w);
    ctx.dispatch(Action::DeskRounds(Rc::new(r)));
}

fn put_desk(ctx: &crate::app::Ctx, f: impl FnOnce(&mut DeskRounds)) {
    let mut r = (*ctx.rounds).clone();
    f(&mut r);
    ctx.dispatch(Action::DeskRounds(Rc::new(r)));
}

#[component]
pub fn AppraisePage(p: &AppraiseProps) -> Html {
    let ctx = crate::app::use_app();
    let show = use_state(|| Show::All);
    let undo = use_state(|| None::<Vec<String>>);
    // "start round 2" without the unit's explanation asks once more
    let confirm_r2 = use_state(|| false);
    let msg = use_state(|| None::<(bool, String)>);
    // open at first while the settings are not made; then the user's
    let settings_open =
        *use_state(|| ctx.rounds.appraiser.trim().is_empty() || ctx.rounds.deadline.is_empty());
    let back = html! { <a href={Route::Desk.href()}>{"← Về trang Tổng hợp"}</a> };
    // the unit's checked file, found once per batch (not per keystroke)
    let found = {
        let (desk, sha) = (ctx.desk.clone(), p.sha.clone());
        use_memo((Rc::as_ptr(&desk) as usize, p.sha.clone()), move |_| {
            desk.entries.iter().find_map(|e| match &e.outcome {
                Outcome::Checked(c) if c.sha256 == sha => Some(Shared(Rc::new((**c).clone()))),
                _ => None,
            })
        })
    };
    // Items change the latest rounds (not the ones of their last render),
    // through one callback that never changes: an item repaints only when
    // its own props do.
    let latest = use_mut_ref(|| ctx.rounds.clone());
    *latest.borrow_mut() = ctx.rounds.clone();
    let edit = {
        let (latest, d) = (latest.clone(), ctx.dispatcher());
        use_callback((), move |(sha, unit, e): (String, String, WorkEdit), _| {
            let mut r = (*latest.borrow().0).clone();
            ra::apply(&mut r, &sha, &unit, e);
            d.dispatch(Action::DeskRounds(Rc::new(r)));
        })
    };
    let Some(u) = (*found).clone() else {
        return html! {
            <section class="page">
                <h1>{"Thẩm định"}</h1>
                if ctx.desk.ready { <p role="alert">{"Không có tệp này trong danh sách đã nạp (có thể danh sách đã bị xóa). Hãy nạp lại tệp nộp của đơn vị."}</p> }
                else { <p role="status">{"Đang khôi phục danh sách tệp đã nạp lần trước…"}</p> }
                <p>{back}</p>
            </section>
        };
    };
    let a = &u.assessment;
    let fw = &u.framework;
    let d = ctx.rounds.clone();
    let w = d
        .units
        .get(&p.sha)
        .cloned()
        .unwrap_or_else(|| ra::new_work(&p.sha, &a.unit_name));
    let c = ra::compare(fw, a, &w.items, &d.scope);
    let Some(revision) = u.revision else {
        return html! {
            <section class="page">
                <h1>{format!("Thẩm định: {}", a.unit_name)}</h1>
                <p class="banner warn" role="alert">{ if u.intact { "Tệp này là tệp xuất thường, không phải bản nộp: đơn vị chưa bấm \"Nộp\" ở mục \"Nộp & thẩm định\". Hãy đề nghị đơn vị nộp và gửi lại tệp nộp, để kết quả thẩm định gắn với đúng bản đã nộp." }
                    else { "Mã kiểm tra của tệp không khớp nội dung: tệp bị hỏng hoặc bị sửa sau khi đơn vị nộp, nên không thẩm định tệp này. Hãy đề nghị đơn vị gửi lại đúng tệp bản nộp." } }</p>
                <p>{back}</p>
            </section>
        };
    };
    let subject = af::subject_of(fw, a, &p.sha, revision);

    // batch-wide settings
    let on_appraiser = {
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| {
            let v = event_value(&e);
            put_desk(&ctx, |r| r.appraiser = v)
        })
    };
    let on_deadline = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let v = event_value(&e);
            put_desk(&ctx, |r| r.deadline = v)
        })
    };
    let scope_box = |fid: String, title: String| {
        let ctx = ctx.clone();
        let on = d.scope.contains(&fid);
        let cb = Callback::from(move |v: bool| {
            let f = fid.clone();
            put_desk(&ctx, |r| {
                if v {
                    r.scope.insert(f);
                } else {
                    r.scope.remove(&f);
                }
            })
        });
        check(&title, on, cb)
    };

    let on_accept_all = {
        let msg = msg.clone();
        let (ctx, w, a, fw, undo, scope, by) = (
            ctx.clone(),
            w.clone(),
            a.clone(),
            fw.clone(),
            undo.clone(),
            d.scope.clone(),
            d.appraiser.clone(),
        );
        Callback::from(move |_| {
            let mut w = w.clone();
            let done = ra::accept_remaining(&fw, &a, &mut w.items, &scope, true, &by);
            if done.is_empty() {
                undo.set(None);
                msg.set(Some((
                    true,
                    "Không còn mục nào chưa thẩm định mà có minh chứng.".into(),
                )));
                return;
            }
            undo.set(Some(done));
            put(&ctx, w);
        })
    };
    let on_undo = {
        let (ctx, w, undo) = (ctx.clone(), w.clone(), undo.clone());
        Callback::from(move |_| {
            if let Some(ids) = &*undo {
                let mut w = w.clone();
                for id in ids {
                    // only what the step accepted and nobody changed since
                    if w.items
                        .get(id)
                        .is_some_and(|i| i.accepted && i.note.is_empty() && i.request.is_empty())
                    {
                        w.items.remove(id);
                    }
                }
                put(&ctx, w);
            }
            undo.set(None);
        })
    };

    let on_file = {
        let (ctx, w, u, msg) = (ctx.clone(), w.clone(), u.clone(), msg.clone());
        Callback::from(move |e: Event| {
            let files = services::files::files_of_event(&e);
            services::files::reset_input(&e);
            let (ctx, w, u, msg) = (ctx.clone(), w.clone(), u.clone(), msg.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let mut w = Taking {
                    work: w,
                    restored: None,
                };
                let mut notes = Vec::new();
                let mut ok = true;
                for f in files {
                    let name = f.name();
                    let r = match services::files::read(
                        &f,
                        crate::engine::formats::file::MAX_FILE_BYTES,
                    )
                    .await
                    {
                        Ok(b) => take_file(&u, &mut w, &b),
                        Err(services::files::ReadError::TooLarge(n)) => {
                            Err(af::Refusal::TooLarge(n).to_string())
                        }
                        Err(_) => Err("Không đọc được tệp.".into()),
                    };
                    match r {
                        Ok(m) => notes.push(format!("{name}: {m}")),
                        Err(m) => {
                            ok = false;
                            notes.push(format!("{name}: không nhận — {m}"));
                        }
                    }
                }
                let restored = w.restored.take();
                let mut r = (*ctx.rounds).clone();
                r.units.insert(w.work.revision_sha256.clone(), w.work);
                if let Some((ap, sum)) = restored {
                    if ra::restore_sent(&mut r, &u.sha256, &ap, &sum) {
                        notes.push("Đây là tệp vòng 1 đã gửi đơn vị: đã ghi nhận là đã gửi (khôi phục hạn giải trình và cơ quan thẩm định nếu chưa có), nên nhận được tệp giải trình trả lời tệp này.".into());
                    }
                }
                ctx.dispatch(Action::DeskRounds(Rc::new(r)));
                msg.set(Some((ok, notes.join(" "))));
            });
        })
    };

    let problems = ra::export_problems(&c, &w, &d, &services::now_iso());
    let open_left = c.lines.len() - c.appraised_count();
    let partial = !d.scope.is_empty();
    let on_export = {
        let (ctx, w, fw, a, d, msg, subject, undo) = (
            ctx.clone(),
            w.clone(),
            fw.clone(),
            a.clone(),
            d.clone(),
            msg.clone(),
            subject.clone(),
            undo.clone(),
        );
        Callback::from(move |_| {
            // what was sent cannot be taken back by the page's undo
            undo.set(None);
            let ap = ra::appraisal_of(&d, &w, subject.clone(), &fw);
            let (text, sum) = af::export_appraisal(&fw, &a, &ap, &services::now_iso());
            let by = (!d.scope.is_empty()).then_some(d.appraiser.as_str());
            let name = af::appraisal_file_name(&subject, w.round, by);
            match services::files::download(&name, text.as_bytes(), JSON) {
                Ok(()) => {
                    if by.is_none() {
                        let mut w = w.clone();
                        if w.round == 1 {
                            w.sent1 = sum
                        } else {
                            w.sent2 = sum;
                            w.sent2_items = w.items.clone();
                        }
                        put(&ctx, w);
                    }
                    let to = if by.is_some() {
                        "gửi tệp này cho Sở Nội vụ (cơ quan điều phối) để gộp"
                    } else if w.round == 1 {
                        "gửi tệp này cho đơn vị; đơn vị nhập tệp ở mục \"Nộp & thẩm định\" và gửi lại tệp giải trình"
                    } else {
                        "gửi tệp này cho đơn vị: đây là kết quả cuối cùng"
                    };
                    msg.set(Some((true, format!("Đã tải xuống {name}: {to}."))));
                }
                Err(m) => msg.set(Some((false, m))),
            }
        })
    };
    let on_round2 = {
        let (ctx, w, undo, confirm_r2, msg) = (
            ctx.clone(),
            w.clone(),
            undo.clone(),
            confirm_r2.clone(),
            msg.clone(),
        );
        Callback::from(move |_| {
            if w.explanation.is_none() && !*confirm_r2 {
                confirm_r2.set(true);
                return;
            }
            let mut w = w.clone();
            if ra::start_round2(&mut w) {
                undo.set(None);
                confirm_r2.set(false);
                msg.set(Some((true, "Đã bắt đầu vòng 2: kết quả vòng 1 giữ nguyên bên cạnh từng mục; các yêu cầu giải trình của vòng 1 không chuyển sang vòng 2.".into())));
                put(&ctx, w);
            }
        })
    };
    let cancel_r2 = {
        let c = confirm_r2.clone();
        Callback::from(move |_| c.set(false))
    };

    let keep = |s: Show, l: &ra::Line| match s {
        Show::All => true,
        Show::Open => l.appraised.is_none(),
        Show::Differ => l.disagrees(),
        Show::NoEvidence => !l.has_support,
        Show::Flagged => l.flagged(),
        Show::Explained => w
            .explanation
            .as_ref()
            .is_some_and(|x| x.items.contains_key(&l.id)),
        Show::Conflicts => w.conflicts.contains_key(&l.id),
    };
    let shown: Vec<&ra::Line> = c.lines.iter().filter(|l| keep(*show, l)).collect();
    let pct = |x: Dec2| format!("{}%", x.to_vi_fixed());
    let round_label = if w.round == FINAL_ROUND {
        "Vòng 2 (cuối cùng)"
    } else {
        "Vòng 1"
    };
    let sent = if w.round == FINAL_ROUND {
        &w.sent2
    } else {
        &w.sent1
    };

    html! {
        <section class="page desk-appraise">
            <p class="no-print">{back}</p>
            <h1>{format!("Thẩm định: {}", a.unit_name)}</h1>
            if ctx.rounds_conflict {
                <p class="banner warn" role="alert" data-rounds-conflict="">{"Kết quả thẩm định vừa được lưu từ một thẻ (tab) khác: thẻ này tạm dừng lưu để không ghi đè. Hãy đóng một thẻ và tải lại trang để làm tiếp với bản mới nhất."}</p>
            }
            <p class="sub-title">{format!("{} {} · bản nộp lần {revision} · mã {}… · {}", a.period.label(), a.year, p.sha.get(..12).unwrap_or(&p.sha), fw.title)}</p>
            {crate::app::appraisal::guide()}
            <p class="print-title">{format!("Cơ quan thẩm định: {} · hạn giải trình: {}", if d.appraiser.trim().is_empty() { "chưa ghi" } else { d.appraiser.as_str() },
                if d.deadline.is_empty() { "chưa đặt".to_string() } else { crate::engine::model::time::date_vi(&d.deadline) })}</p>
            <details class="apr-settings-box no-print" open={settings_open}>
            <summary>{format!("Thiết lập chung: {} · hạn giải trình {} · {}", if d.appraiser.trim().is_empty() { "chưa ghi cơ quan thẩm định" } else { d.appraiser.as_str() },
                if d.deadline.is_empty() { "chưa đặt".to_string() } else { crate::engine::model::time::date_vi(&d.deadline) },
                if d.scope.is_empty() { "mọi lĩnh vực".to_string() } else { format!("lĩnh vực {}", d.scope.iter().cloned().collect::<Vec<_>>().join(", ")) })}</summary>
            <fieldset class="apr-settings">
                <legend>{"Thiết lập chung cho cả danh sách"}</legend>
                <div class="field"><label for="apr-by">{"Cơ quan thẩm định"}</label>
                    <input id="apr-by" type="text" value={d.appraiser.clone()} oninput={on_appraiser} maxlength="300" placeholder="Sở Nội vụ" /></div>
                <div class="field"><label for="apr-deadline">{"Hạn đơn vị gửi giải trình"}</label>
                    <input id="apr-deadline" type="date" value={d.deadline.clone()} onchange={on_deadline} /></div>
                <div class="field"><span class="label">{"Lĩnh vực thẩm định ở đây (không chọn: tất cả; cơ quan chủ trì chọn lĩnh vực của mình, xuất tệp một phần)"}</span>
                    <div class="scope-grid">{ for fw.fields.iter().map(|f| scope_box(f.id.clone(), format!("{} {}", f.id, f.title))) }</div></div>
            </fieldset>
            </details>
            <h2>{round_label}</h2>
            <dl class="cards apr-totals" aria-live="polite">
                <div><dt>{"Tổng điểm tự đánh giá"}</dt><dd data-apr="self">{c.unit.total.to_vi()}</dd></div>
                <div><dt>{"Tổng điểm sau thẩm định"}</dt><dd data-apr="appraised">{c.appraised.total.to_vi()}</dd></div>
                <div><dt>{"Chỉ số tự đánh giá"}</dt><dd>{pct(c.unit.index)}</dd></div>
                <div><dt>{"Chỉ số sau thẩm định"}</dt><dd data-apr="index">{pct(c.appraised.index)}</dd></div>
                <div><dt>{"Đã thẩm định"}</dt><dd data-apr="count">{format!("{}/{} mục", c.appraised_count(), c.lines.len())}</dd></div>
                if !w.conflicts.is_empty() { <div><dt>{"Xung đột"}</dt><dd class="bad" data-apr="conflicts">{w.conflicts.len()}</dd></div> }
            </dl>
            <div class="toolbar no-print">
                <div role="group" aria-label="Lọc các mục">
                    { for SHOWS.iter().map(|&(s, label)| {
                        let st = show.clone();
                        let n = c.lines.iter().filter(|l| keep(s, l)).count();
                        html! { <button class={classes!("btn", "filter", (*show == s).then_some("on"))} aria-pressed={(*show == s).to_string()} onclick={Callback::from(move |_| st.set(s))}>{format!("{label} ({n})")}</button> }
                    }) }
                </div>
                <button class="btn" onclick={on_accept_all} data-accept-all="">{"Chấp nhận mọi mục còn lại có minh chứng"}</button>
                if let Some(ids) = &*undo { <button class="btn" onclick={on_undo} data-undo="">{format!("Hoàn tác (bỏ chấp nhận {} mục)", ids.len())}</button> }
                <label class="btn file-pick">{"Nhập tệp thẩm định một phần hoặc tệp giải trình (.json)"}
                    <input type="file" multiple=true accept=".json,application/json" onchange={on_file} data-import-apr="" /></label>
            </div>
            if let Some((ok, m)) = &*msg {
                <p class={classes!("banner", if *ok { "ok" } else { "warn" })} role={if *ok { "status" } else { "alert" }} data-apr-msg="">{m.clone()}</p>
            }
            if let Some(ex) = &w.explanation {
                <p class="banner note" data-explained="">{format!("Đơn vị đã gửi giải trình {} mục{}.", ex.items.len(), if ex.late { " (gửi sau hạn)" } else { "" })}</p>
            }
            <div class="apr-items">
                { for shown.iter().map(|l| html! {
                    <AprItem key={l.id.clone()} u={u.clone()} line={(*l).clone()} round={w.round}
                        conflict={w.conflicts.get(&l.id).cloned()}
                        r1={(w.round == FINAL_ROUND).then(|| w.round1.get(&l.id).cloned()).flatten()}
                        reply={w.explanation.as_ref().and_then(|x| x.items.get(&l.id)).cloned()}
                        edit={edit.clone()} />
                }) }
                if shown.is_empty() { <p class="empty">{"Không có mục nào theo bộ lọc này."}</p> }
            </div>
            <div class="apr-export">
                if problems.is_empty() && open_left > 0 {
                    <p class="hint" data-apr-open-left="">{format!("Còn {open_left} mục chưa thẩm định: trong tệp, các mục này giữ điểm tự chấm của đơn vị.")}</p>
                }
                if !problems.is_empty() {
                    <ul class="banner warn" data-apr-problems="">{ for problems.iter().map(|m| html!{ <li>{m.clone()}</li> }) }</ul>
                }
                <button class="btn primary" onclick={on_export} disabled={!problems.is_empty()} data-export-apr="">{
                    if partial { format!("Xuất kết quả thẩm định một phần (lĩnh vực {}, .json)", d.scope.iter().cloned().collect::<Vec<_>>().join(", ")) }
                    else if w.round == FINAL_ROUND { "Xuất kết quả thẩm định cuối cùng (vòng 2, .json)".to_string() }
                    else { "Xuất kết quả thẩm định vòng 1 gửi đơn vị (.json)".to_string() }
                }</button>
                if !sent.is_empty() { <small class="hint">{format!(" Đã xuất: mã {}…", sent.get(..12).unwrap_or(sent))}</small> }
                if w.round == 1 && !w.sent1.is_empty() {
                    <button class="btn" onclick={on_round2.clone()} data-round2="">{"Bắt đầu vòng 2 (sau khi nhận giải trình)"}</button>
                }
                if *confirm_r2 && w.round == 1 {
                    <div class="banner warn" role="alertdialog" aria-label="Xác nhận bắt đầu vòng 2" data-round2-confirm="">
                        <p>{"Chưa nhận tệp giải trình của đơn vị. Bắt đầu vòng 2 bây giờ thì kết quả cuối cùng không xét giải trình (vẫn nhập được tệp giải trình sau đó)."}</p>
                        <button class="btn primary" onclick={on_round2}>{"Vẫn bắt đầu vòng 2"}</button>
                        <button class="btn" onclick={cancel_r2}>{"Chờ giải trình"}</button>
                    </div>
                }
            </div>
        </section>
    }
}

/// The work files are taken into, and the whole round-1 file among them
/// (to count as sent once merged).
struct Taking {
    work: DeskWork,
    restored: Option<(crate::engine::model::appraisal::Appraisal, String)>,
}

/// A partial appraisal merged, or the unit's explanation taken.
fn take_file(u: &Checked, t: &mut Taking, bytes: &[u8]) -> Result<String, String> {
    let fw = &u.framework;
    let a = &u.assessment;
    let w = &mut t.work;
    match af::read_appraisal(bytes) {
        Ok((ap, sum)) => {
            af::accept_partial(fw, a, &u.sha256, w.round, &w.seen, &ap, &sum)
                .map_err(|e| e.to_string())?;
            let m = ra::merge_part(fw, w, &ap, &sum);
            let by = if ap.appraiser.trim().is_empty() {
                "tệp".to_string()
            } else {
                ap.appraiser.clone()
            };
            if ap.scope.is_empty() && ap.round == 1 {
                t.restored = Some((ap.clone(), sum.clone()));
            }
            Ok(format!(
                "đã gộp kết quả của {by}: {} mục mới, {} mục trùng khớp, {} mục xung đột{}.",
                m.added.len(),
                m.same.len(),
                m.conflicts.len(),
                if m.out_of_scope.is_empty() {
                    String::new()
                } else {
                    format!(
                        ", bỏ qua {} mục ngoài lĩnh vực của cơ quan đó",
                        m.out_of_scope.len()
                    )
                }
            ))
        }
        Err(af::Refusal::WrongKind { .. }) => {
            let (ex, sum) = af::read_explanation(bytes).map_err(|e| match e {
                af::Refusal::WrongKind { .. } => {
                    "tệp không phải tệp thẩm định hay tệp giải trình.".to_string()
                }
                e => e.to_string(),
            })?;
            // (the round-1 file just merged counts, when chosen with it)
            let sent = (!w.sent1.is_empty())
                .then_some(w.sent1.as_str())
                .or(t.restored.as_ref().map(|(_, s)| s.as_str()));
            af::accept_explanation(fw, a, &u.sha256, sent, &w.seen, &ex, &sum)
                .map_err(|e| e.to_string())?;
            let n = ex.items.len();
            let late = ex.late;
            ra::take_explanation(w, ex, &sum);
            Ok(format!(
                "đã nhận giải trình {n} mục{}.",
                if late { " (gửi sau hạn)" } else { "" }
            ))
        }
        Err(e) => Err(e.to_string()),
    }
}

#[derive(Properties, PartialEq)]
struct AprItemProps {
    u: Shared<Checked>,
    line: ra::Line,
    round: u8,
    conflict: Option<AppraisedItem>,
    r1: Option<AppraisedItem>,
    reply: Option<Reply>,
    edit: Callback<(String, String, WorkEdit)>,
}

/// One item: the unit's answer and evidence, the verdict, note, request.
/// Its own component with props compared, so a change repaints only it
/// (and the totals), whatever the size of the framework.
#[component]
fn AprItem(p: &AprItemProps) -> Html {
    let u = &p.u;
    let l = &p.line;
    let fw: &Framework = &u.framework;
    let a = &u.assessment;
    let Some(sub) = fw.sub(&l.id) else {
        return html! {};
    };
    let ans = a.answers.get(&l.id);
    let figures = match u.summary.sub(&l.id) {
        Some(sc) => crate::app::report::raw_figures(sub, sc, ans),
        None => String::new(),
    };
    let item = l.item.clone();
    let send = {
        let (edit, sha, unit) = (p.edit.clone(), u.sha256.clone(), a.unit_name.clone());
        let f: Rc<dyn Fn(WorkEdit)> =
            Rc::new(move |e: WorkEdit| edit.emit((sha.clone(), unit.clone(), e)));
        f
    };
    let set = {
        let (send, id) = (send.clone(), l.id.clone());
        Rc::new(move |i: Option<AppraisedItem>| send(WorkEdit::Item(id.clone(), i)))
    };
    let cur = item.clone().unwrap_or_default();
    let on_accept = {
        let (set, cur, r1) = (set.clone(), cur.clone(), p.r1.clone());
        Callback::from(move |_| {
            // accepted: the unit's answer stands (figures typed before stay
            // here, for "Sửa số liệu" again, and are not exported); in round 2
            // round 1's reason for a deduction no longer holds (it is kept
            // beside, as round 1)
            let stale = r1
                .as_ref()
                .is_some_and(|r| !r.accepted && r.note == cur.note);
            set(Some(AppraisedItem {
                accepted: true,
                note: if stale {
                    String::new()
                } else {
                    cur.note.clone()
                },
                ..cur.clone()
            }))
        })
    };
    let on_correct = {
        let (set, cur, ans) = (set.clone(), cur.clone(), ans.cloned().unwrap_or_default());
        Callback::from(move |_| {
            // start from the unit's figures: the appraiser corrects them
            let mut answer = cur.answer.clone();
            if cur.accepted || item_is_blank(&cur) {
                answer.value = ans.value.clone();
                answer.no_case = ans.no_case;
                answer.not_applicable = ans.not_applicable;
            }
            set(Some(AppraisedItem {
                accepted: false,
                answer,
                ..cur.clone()
            }))
        })
    };
    let on_value = {
        let (set, cur) = (set.clone(), cur.clone());
        Callback::from(move |v| {
            let mut i = cur.clone();
            i.accepted = false;
            i.answer.value = v;
            set(Some(i))
        })
    };
    // the appraiser's "không phát sinh" / "không áp dụng", as the unit's
    let on_flag = |f: fn(&mut AppraisedItem, bool)| {
        let (set, cur) = (set.clone(), cur.clone());
        Callback::from(move |v: bool| {
            let mut i = cur.clone();
            i.accepted = false;
            f(&mut i, v);
            set(Some(i))
        })
    };
    let on_text = |f: fn(&mut AppraisedItem, String)| {
        let (set, cur) = (set.clone(), cur.clone());
        Callback::from(move |e: InputEvent| {
            let mut i = cur.clone();
            f(&mut i, event_value(&e));
            set(Some(i))
        })
    };
    let lost = l.lost() > Dec2::ZERO;
    let nid = format!("apr-note-{}", l.id);
    let rid = format!("apr-req-{}", l.id);
    let evidence: Vec<String> = ans
        .map(|x| {
            x.evidence
                .iter()
                .filter(|e| !e.is_blank())
                .map(crate::app::report::evidence_line)
                .collect()
        })
        .unwrap_or_default();
    let expl = ans
        .map(|x| x.explanation.trim().to_string())
        .unwrap_or_default();
    html! {
        <article class={classes!("apr-item", lost.then_some("lost"), p.conflict.is_some().then_some("conflict"))} data-apr-item={l.id.clone()}>
            <h3>{format!("{} {}", l.id, sub.title)}</h3>
            <p class="apr-unit">{format!("Tối đa {} · đơn vị tự chấm {} điểm", l.max.to_vi(), l.self_points.to_vi())}
                if !figures.is_empty() { {format!(" · số liệu: {figures}")} }</p>
            if evidence.is_empty() && expl.is_empty() { <p class="hint bad">{"Đơn vị không gửi minh chứng hay giải trình."}</p> }
            else {
                <ul class="apr-evidence">{ for evidence.iter().map(|e| html!{ <li>{e.clone()}</li> }) }
                    if !expl.is_empty() { <li>{format!("Thuyết minh khi tự chấm: {expl}")}</li> }</ul>
            }
            if let Some(r1) = &p.r1 {
                <p class="apr-r1">{format!("Vòng 1: {}{}{}", if r1.accepted { "chấp nhận" } else { "sửa số liệu" },
                    if r1.note.is_empty() { String::new() } else { format!(" — {}", r1.note) },
                    if r1.request.is_empty() { String::new() } else { format!(" · yêu cầu giải trình: {}", r1.request) })}</p>
            }
            if let Some(r) = &p.reply {
                <div class="apr-reply" data-reply-shown="">
                    <p><strong>{"Đơn vị giải trình: "}</strong>{r.text.clone()}</p>
                    <ul>{ for r.evidence.iter().filter(|e| !e.is_blank()).map(|e| html!{ <li>{crate::app::report::evidence_line(e)}</li> }) }</ul>
                </div>
            }
            <div class="apr-verdict" role="group" aria-label={format!("Thẩm định mục {}", l.id)}>
                <button class={classes!("btn", (item.is_some() && cur.accepted).then_some("on"))} aria-pressed={(item.is_some() && cur.accepted).to_string()} onclick={on_accept} data-accept="">{"Chấp nhận"}</button>
                <button class={classes!("btn", (item.is_some() && !cur.accepted).then_some("on"))} aria-pressed={(item.is_some() && !cur.accepted).to_string()} onclick={on_correct} data-correct="">{"Sửa số liệu"}</button>
                <span class="apr-points" data-apr-points="">{match l.appraised { Some(p) => format!("Điểm thẩm định: {}", p.to_vi()), None => "Chưa thẩm định".into() }}</span>
            </div>
            if item.is_some() && !cur.accepted {
                <RuleInput sub={sub.clone()} answer={cur.answer.clone()} period={a.period} onchange={on_value} />
                if sub.no_case_full_points || sub.may_be_not_applicable {
                    <div class="flags">
                        if sub.no_case_full_points { {check("Không phát sinh trong kỳ (được điểm tối đa)", cur.answer.no_case, on_flag(|i, v| i.answer.no_case = v))} }
                        if sub.may_be_not_applicable { {check("Không áp dụng đối với đơn vị (không tính điểm tối đa)", cur.answer.not_applicable, on_flag(|i, v| i.answer.not_applicable = v))} }
                    </div>
                }
                if let Some(e) = &l.error { <p class="error" role="alert" data-apr-error="">{format!("Số liệu thẩm định không hợp lệ: {e} Mục này tính 0 điểm và chưa xuất được tệp cho đến khi sửa.")}</p> }
            }
            if item.is_some() {
                <div class="field"><label for={nid.clone()}>{ if lost { "Ghi chú thẩm định * (bắt buộc: điểm bị trừ)" } else { "Ghi chú thẩm định" } }</label>
                    <textarea id={nid} value={cur.note.clone()} oninput={on_text(|i, v| i.note = v)} maxlength="10000" aria-invalid={(lost && cur.note.trim().is_empty()).to_string()} /></div>
                if p.round != FINAL_ROUND {
                    <div class="field"><label for={rid.clone()}>{"Yêu cầu đơn vị giải trình (để trống nếu không)"}</label>
                        <textarea id={rid} value={cur.request.clone()} oninput={on_text(|i, v| i.request = v)} maxlength="10000" /></div>
                }
            }
            if let Some(t) = &p.conflict { {conflict_view(&send, sub, ans, a.period, &cur, t)} }
        </article>
    }
}

fn item_is_blank(i: &AppraisedItem) -> bool {
    i.answer.value.is_none() && !i.answer.no_case && !i.answer.not_applicable
}

/// A verdict in words, with the points it gives and the figures behind
/// them, so two verdicts can be told apart at a glance.
fn verdict_text(
    sub: &crate::engine::SubCriterion,
    unit: Option<&crate::engine::Answer>,
    period: crate::engine::Period,
    i: &AppraisedItem,
) -> String {
    let ans = ra::appraised_answer(unit, i);
    let sc = crate::engine::rules::score::score_sub_at(sub, Some(&ans), false, period);
    let figures = crate::app::report::raw_figures(sub, &sc, Some(&ans));
    let what = format!(
        "{} — {} điểm{}",
        if i.accepted {
            "chấp nhận"
        } else {
            "sửa số liệu"
        },
        sc.points.to_vi(),
        if figures.is_empty() {
            String::new()
        } else {
            format!(" (số liệu: {figures})")
        }
    );
    format!(
        "{}: {what}{}",
        if i.by.is_empty() { "—" } else { &i.by },
        if i.note.is_empty() {
            String::new()
        } else {
            format!(" — {}", i.note)
        }
    )
}

fn conflict_view(
    send: &Rc<dyn Fn(WorkEdit)>,
    sub: &crate::engine::SubCriterion,
    unit: Option<&crate::engine::Answer>,
    period: crate::engine::Period,
    ours: &AppraisedItem,
    theirs: &AppraisedItem,
) -> Html {
    let id = sub.id.as_str();
    let choose = |take: bool| {
        let (send, id) = (send.clone(), id.to_string());
        Callback::from(move |_| send(WorkEdit::Resolve(id.clone(), take)))
    };
    html! {
        <div class="banner warn apr-conflict" role="group" aria-label={format!("Xung đột ở mục {id}")} data-conflict-item="">
            <p><strong>{"Hai kết quả thẩm định khác nhau — chọn một:"}</strong></p>
            <p>{format!("Đang dùng — {}", verdict_text(sub, unit, period, ours))}</p>
            <p>{format!("Bản nhập — {}", verdict_text(sub, unit, period, theirs))}</p>
            <button class="btn" onclick={choose(false)}>{"Giữ bản đang dùng"}</button>
            <button class="btn" onclick={choose(true)}>{"Dùng bản nhập"}</button>
        </div>
    }
}
