//! "Dán bảng từ Quyết định" and "Mở tệp Quyết định (.docx)": the appendix
//! table — from the clipboard (Word's or Excel's HTML flavour when there
//! is one, else the plain text) or from one of the document's tables —
//! shown with the role found for each column, which the user can correct,
//! then read into a draft.

use super::ListProps;
use crate::app::state::Action;
use crate::app::widgets::{event_value, Confirm};
use crate::engine::formats::paste::{
    self, build, columns, docx, table, Columns, Pending, Role, Table,
};
use crate::engine::model::UnitType;
use crate::services::files;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Largest .docx opened (a decision with scanned signatures and images
/// can be several MB; the tables themselves are small).
const MAX_DOCX_BYTES: usize = 30 * 1024 * 1024;

/// A table ready to be read, with its columns as detected or corrected.
#[derive(Clone, PartialEq)]
struct Prepared {
    table: Rc<Table>,
    cols: Columns,
    /// Where it came from, for the user: "bảng dán (Word/Excel)", "bảng 3
    /// của QD-123.docx".
    from: String,
    /// The user has corrected the columns (kept while the text is edited).
    edited: bool,
    /// Rows with fewer cells than the others in a plain-text paste: cells
    /// of several paragraphs split over rows.
    broken: usize,
    /// Why the number of heading rows typed was not taken as it was.
    header_note: Option<String>,
}

fn prepare(table: Table, from: String) -> Prepared {
    let cols = columns::detect(&table);
    Prepared {
        table: Rc::new(table),
        cols,
        from,
        edited: false,
        broken: 0,
        header_note: None,
    }
}

/// The largest number of heading rows a table of `rows` rows can have
/// (one row at least is left to read, ten at most are headings).
fn max_header_rows(rows: usize) -> usize {
    rows.saturating_sub(1).min(10)
}

/// The roles after column `c` is given `r`: a column holding `r` already
/// takes the role `c` had, so choosing twice by mistake loses nothing.
fn assign_role(roles: &mut Vec<Role>, width: usize, c: usize, r: Role) {
    if roles.len() < width {
        roles.resize(width, Role::Ignore);
    }
    let old = roles[c];
    if r != Role::Ignore {
        for x in roles.iter_mut().filter(|x| **x == r) {
            *x = old;
        }
    }
    roles[c] = r;
}

/// The first characters of a row's text, for lists and previews.
fn row_text(row: &[paste::Cell], max: usize) -> String {
    let t: String = row
        .iter()
        .map(|c| c.text())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" | ");
    if t.chars().count() > max {
        format!("{}…", t.chars().take(max).collect::<String>())
    } else {
        t
    }
}

#[component]
pub fn PasteBox(p: &ListProps) -> Html {
    let ctx = crate::app::use_app();
    let text = use_state(String::new);
    // The HTML flavour of the last paste (dropped once the text is edited).
    let html_flavour = use_state(|| None::<Rc<String>>);
    let unit = use_state(|| UnitType::So);
    // kept across reloads until a draft is made from it or it is cancelled
    let prepared = use_state(|| {
        ctx.pending.as_ref().map(|p| {
            let (t, cols) = p.restore();
            Prepared {
                table: Rc::new(t),
                cols,
                from: p.from.clone(),
                edited: p.edited,
                broken: p.broken,
                header_note: None,
            }
        })
    });
    {
        let ctx = ctx.clone();
        use_effect_with((*prepared).clone(), move |pr| {
            let p = pr.as_ref().map(|pr| {
                Box::new(Pending::of(
                    &pr.table, &pr.cols, &pr.from, pr.edited, pr.broken,
                ))
            });
            ctx.dispatch(Action::SetPending(p));
        });
    }
    let doc = use_state(|| None::<(String, Rc<Vec<Table>>, usize)>);
    let error = use_state(|| None::<String>);
    let asking = use_state(|| false);

    let on_paste = {
        let (text, hf, prepared, error, doc) = (
            text.clone(),
            html_flavour.clone(),
            prepared.clone(),
            error.clone(),
            doc.clone(),
        );
        Callback::from(move |e: Event| {
            let Some(data) = e
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|c| c.clipboard_data())
            else {
                return;
            };
            let plain = data.get_data("text/plain").unwrap_or_default();
            let html = data.get_data("text/html").ok().filter(|h| h.contains("<t"));
            if plain.is_empty() && html.is_none() {
                return;
            }
            // The pasted table replaces what the box held.
            e.prevent_default();
            let limit = crate::engine::formats::file::MAX_FILE_BYTES;
            if plain.len() > limit || html.as_ref().is_some_and(|h| h.len() > 4 * limit) {
                error.set(Some("Nội dung dán vào quá lớn (trên 5 MB): hãy chỉ chọn bảng phụ lục tiêu chí rồi sao chép lại.".into()));
                return;
            }
            let table = paste::clipboard_table(html.as_deref(), &plain);
            let from = if html.is_some() && table.width() >= 2 {
                "bảng dán vào (định dạng Word/Excel)"
            } else {
                "bảng dán vào (văn bản)"
            };
            let mut pr = prepare(table, from.into());
            if html.is_none() || pr.table.width() < 2 {
                pr.broken = table::broken_rows(&plain);
            }
            text.set(plain);
            hf.set(html.map(Rc::new));
            error.set(None);
            doc.set(None);
            prepared.set(Some(pr));
        })
    };
    let on_text = {
        let (t, hf, prepared) = (text.clone(), html_flavour.clone(), prepared.clone());
        Callback::from(move |e: InputEvent| {
            // Typed or edited text: the table is read again from it (the
            // HTML flavour no longer matches), keeping a corrected mapping
            // while the columns stay the same.
            let v = event_value(&e);
            hf.set(None);
            if v.trim().is_empty() {
                prepared.set(None);
            } else {
                let mut n = prepare(table::from_tsv(&v), "bảng dán vào".into());
                n.broken = table::broken_rows(&v);
                if let Some(old) = (*prepared)
                    .as_ref()
                    .filter(|o| o.edited && o.table.width() == n.table.width())
                {
                    n.cols = old.cols.clone();
                    n.edited = true;
                }
                prepared.set(Some(n));
            }
            t.set(v);
        })
    };
    let on_docx = {
        let (prepared, doc, error) = (prepared.clone(), doc.clone(), error.clone());
        Callback::from(move |e: Event| {
            let list = files::files_of_event(&e);
            files::reset_input(&e);
            let Some(f) = list.first().cloned() else {
                return;
            };
            let (prepared, doc, error) = (prepared.clone(), doc.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = f.name();
                let bytes = match files::read(&f, MAX_DOCX_BYTES).await {
                    Ok(b) => b,
                    Err(files::ReadError::TooLarge(n)) => {
                        return error.set(Some(format!(
                            "Tệp \"{name}\" quá lớn ({:.1} MB, tối đa 30 MB): hãy mở bằng Word, sao chép bảng phụ lục rồi dán vào ô \"Bảng dán vào\".",
                            n as f64 / 1_048_576.0
                        ).replace('.', ",")));
                    }
                    Err(_) => return error.set(Some(format!("Không đọc được tệp \"{name}\"."))),
                };
                match docx::tables(&bytes) {
                    Err(e) => {
                        doc.set(None);
                        error.set(Some(format!("\"{name}\": {e}")));
                    }
                    Ok(tables) => {
                        let pick = docx::criteria_table(&tables).unwrap_or(0);
                        let from = format!("bảng {} của tệp \"{name}\"", pick + 1);
                        prepared.set(tables.get(pick).cloned().map(|t| prepare(t, from)));
                        error.set(None);
                        doc.set(Some((name, Rc::new(tables), pick)));
                    }
                }
            });
        })
    };
    let on_unit = {
        let u = unit.clone();
        Callback::from(move |e: Event| {
            u.set(if event_value(&e) == "xa" {
                UnitType::Xa
            } else {
                UnitType::So
            })
        })
    };
    let make = {
        let (sd, m, prepared, unit, asking) = (
            p.on_draft.clone(),
            p.on_message.clone(),
            prepared.clone(),
            unit.clone(),
            asking.clone(),
        );
        Callback::from(move |_: ()| {
            let Some(pr) = &*prepared else { return };
            let mut d = build::build(&pr.table, &pr.cols, *unit);
            // each table read gets a code of its own (two decisions pasted
            // are two frameworks, not two versions of one)
            let stamp: String = crate::services::now_iso()
                .chars()
                .filter(char::is_ascii_digit)
                .take(12)
                .collect();
            d.framework.id = format!("bo-tieu-chi-{stamp}");
            let problems = d.problems().len();
            m.emit((true, format!(
                "Đã tạo bản nháp từ {}: {} lĩnh vực, {} tiêu chí thành phần, tổng {} điểm (khi tạo: {} mục cần hoàn thiện, {} lỗi kiểm tra). Bảng gốc hiện bên mỗi mục cho đến khi bấm \"Đã kiểm tra\".",
                pr.from,
                d.framework.fields.len(),
                d.framework.subs().count(),
                d.framework.fields.iter().map(|f| f.max).sum::<crate::engine::Dec2>().to_vi(),
                d.flags.len(),
                problems)));
            asking.set(false);
            prepared.set(None);
            sd.emit(Some(d));
            // to what was made: the draft's checks, at its top
            crate::services::focus_nth_later(".editor [data-editor=status]", 0, ".editor");
        })
    };
    let on_make = {
        let (make, asking, has_draft) = (make.clone(), asking.clone(), ctx.draft.is_some());
        Callback::from(move |_: MouseEvent| {
            if has_draft {
                asking.set(true);
            } else {
                make.emit(());
            }
        })
    };
    let on_cancel = {
        let (prepared, doc) = (prepared.clone(), doc.clone());
        Callback::from(move |_: MouseEvent| {
            prepared.set(None);
            doc.set(None);
        })
    };

    let doc_list = doc.as_ref().map(|(name, tables, _)| {
        let chosen = prepared.as_ref().map(|p| p.from.clone());
        html! {
            <fieldset class="paste-tables">
                <legend>{format!("Các bảng trong \"{name}\" ({})", tables.len())}</legend>
                { for tables.iter().enumerate().map(|(i, t)| {
                    let from = format!("bảng {} của tệp \"{name}\"", i + 1);
                    let on_pick = {
                        let (prepared, t, from) = (prepared.clone(), t.clone(), from.clone());
                        Callback::from(move |_: Event| prepared.set(Some(prepare(t.clone(), from.clone()))))
                    };
                    let first: Vec<String> = t.rows.iter().take(3).map(|r| row_text(r, 140)).collect();
                    html! {
                        <label class="paste-table-choice">
                            <input type="radio" name="paste-table" checked={chosen.as_deref() == Some(from.as_str())} onchange={on_pick} />
                            <span><strong>{format!("Bảng {}: {} dòng × {} cột", i + 1, t.rows.len(), t.width())}</strong>
                            { for first.into_iter().map(|l| html!{ <span class="paste-row-text">{l}</span> }) }</span>
                        </label>
                    }
                }) }
            </fieldset>
        }
    });

    html! {
        <details class="paste" open={prepared.is_some() || doc.is_some() || error.is_some()}>
            <summary>{"Dán bảng từ Quyết định (Word, Excel) hoặc mở tệp Quyết định (.docx)"}</summary>
            <p class="hint">{"Mở Quyết định bằng Word hoặc Excel, chọn cả bảng phụ lục (các cột STT | Lĩnh vực/Tiêu chí/Tiêu chí thành phần | Điểm tối đa | Phương pháp chấm điểm …) rồi dán (Ctrl+V) vào ô dưới; hoặc mở thẳng tệp .docx. Ứng dụng nhận biết các cột, bạn kiểm tra lại trước khi tạo bản nháp."}</p>
            <div class="toolbar">
                <div class="field inline"><label for="fw-docx">{"Mở tệp Quyết định (.docx)"}</label>
                    <input id="fw-docx" type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onchange={on_docx} /></div>
            </div>
            <div class="field"><label for="fw-paste">{"Bảng dán vào"}</label>
                <textarea id="fw-paste" rows="6" value={(*text).clone()} oninput={on_text} onpaste={on_paste} /></div>
            if let Some(e) = &*error { <p class="banner warn" role="alert" data-paste="error">{e.clone()}</p> }
            { doc_list.unwrap_or_default() }
            <div class="toolbar">
                <div class="field inline"><label for="fw-paste-unit">{"Loại đơn vị"}</label>
                    <select id="fw-paste-unit" onchange={on_unit}>
                        <option value="so" selected={*unit == UnitType::So}>{"Sở, ban, ngành"}</option>
                        <option value="xa" selected={*unit == UnitType::Xa}>{"UBND xã, phường"}</option>
                    </select></div>
            </div>
            if let Some(pr) = &*prepared {
                <Mapping prepared={pr.clone()} on_change={Callback::from({ let p = prepared.clone(); move |x| p.set(Some(x)) })} />
                if *asking {
                    <div data-paste="confirm">
                        <Confirm question={format!("Bản nháp \"{}\" đang soạn sẽ được thay bằng bản đọc từ bảng. Tiếp tục?", ctx.draft.as_ref().map(|d| d.framework.title.clone()).unwrap_or_default())}
                            yes="Thay bản nháp" no="Giữ bản nháp đang soạn" on_yes={make.clone()}
                            on_no={{ let a = asking.clone(); Callback::from(move |_| {
                                a.set(false);
                                crate::services::focus_nth_later(".paste .form-actions .btn.primary", 0, ".paste");
                            }) }} />
                    </div>
                } else {
                    <p class="form-actions">
                        <button class="btn primary" onclick={on_make} disabled={pr.cols.find(Role::Title).is_none()}>{"Tạo bản nháp từ bảng"}</button>
                        <button class="btn" onclick={on_cancel}>{"Hủy"}</button>
                    </p>
                }
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct MappingProps {
    prepared: Prepared,
    on_change: Callback<Prepared>,
}

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 8;

/// The table's columns, each with its role (a select the user can
/// change), the number of heading rows, and the first rows under them.
#[component]
fn Mapping(p: &MappingProps) -> Html {
    let pr = &p.prepared;
    let w = pr.table.width();
    let doubts = pr.cols.doubts();
    let role_select = |c: usize| {
        let on = {
            let (pr, cb) = (pr.clone(), p.on_change.clone());
            Callback::from(move |e: Event| {
                let mut n = pr.clone();
                let r = Role::from_code(&event_value(&e));
                // one column per role: the one chosen takes it, the other
                // gets this column's former role
                assign_role(&mut n.cols.roles, w, c, r);
                n.edited = true;
                cb.emit(n);
            })
        };
        let cur = pr.cols.roles.get(c).copied().unwrap_or_default();
        let heading = pr.cols.headings.get(c).cloned().unwrap_or_default();
        let label = if heading.is_empty() {
            format!("Cột {}", c + 1)
        } else {
            format!("Cột {}: {}", c + 1, heading)
        };
        html! {
            <th scope="col" class={classes!((cur == Role::Ignore).then_some("paste-skipped"))}>
                <label for={format!("paste-col-{c}")} class="paste-col-label">{label}</label>
                <select id={format!("paste-col-{c}")} onchange={on}>
                    { for Role::ALL.iter().map(|r| html!{ <option value={r.code()} selected={*r == cur}>{r.label()}</option> }) }
                </select>
            </th>
        }
    };
    let on_header = {
        let (pr, cb) = (pr.clone(), p.on_change.clone());
        Callback::from(move |e: Event| {
            let typed = event_value(&e);
            let most = max_header_rows(pr.table.rows.len());
            let mut x = pr.clone();
            let (n, note) = match typed.trim().parse::<i64>() {
                Ok(n) if (0..=most as i64).contains(&n) => (n as usize, None),
                Ok(n) if n < 0 => (
                    0,
                    Some(format!(
                        "Số dòng tiêu đề không thể âm (\"{typed}\"): đã lấy 0."
                    )),
                ),
                Ok(_) => (
                    most,
                    Some(format!(
                        "Bảng có {} dòng: số dòng tiêu đề tối đa là {most}, đã lấy {most}.",
                        pr.table.rows.len()
                    )),
                ),
                Err(_) => (
                    pr.cols.header_rows,
                    Some(format!(
                        "\"{typed}\" không phải một số nguyên từ 0 đến {most}: giữ {} dòng tiêu đề.",
                        pr.cols.header_rows
                    )),
                ),
            };
            x.cols.header_rows = n;
            x.header_note = note;
            x.edited = true;
            cb.emit(x);
        })
    };
    let body: Vec<&Vec<paste::Cell>> = pr
        .table
        .rows
        .iter()
        .skip(pr.cols.header_rows)
        .take(PREVIEW_ROWS)
        .collect();
    let more = pr
        .table
        .rows
        .len()
        .saturating_sub(pr.cols.header_rows + PREVIEW_ROWS);
    html! {
        <section class="paste-mapping" aria-label="Các cột của bảng">
            <h3>{format!("Các cột của {}", pr.from)}</h3>
            if pr.broken > 0 {
                <p class="banner warn" data-paste="broken" role="status">{format!("{} dòng có ít cột hơn các dòng khác: bảng được dán dưới dạng chữ thuần nên mỗi ô có nhiều đoạn (các dòng cách chấm) đã bị tách thành nhiều hàng, kết quả đọc sẽ sai. Hãy sao chép lại bảng trong Word hoặc Excel rồi dán thẳng vào ô trên (Ctrl+V), hoặc mở tệp Quyết định (.docx).", pr.broken)}</p>
            }
            if doubts.is_empty() {
                <p class={classes!("banner", (pr.broken == 0).then_some("ok"))} data-paste="columns">{
                    if pr.cols.header_rows == 0 {
                        "Không dùng dòng tiêu đề: mọi dòng được đọc như nội dung. Kiểm tra vai trò từng cột; sửa nếu cần.".to_string()
                    } else {
                        format!("Đã nhận biết các cột theo dòng tiêu đề ({} dòng tiêu đề). Kiểm tra vai trò từng cột; sửa nếu cần.", pr.cols.header_rows)
                    }
                }</p>
            } else {
                <div class="banner warn" data-paste="columns" role="status"><ul>{ for doubts.iter().map(|d| html!{ <li>{d.clone()}</li> }) }</ul></div>
            }
            <div class="field small-field"><label for="paste-header-rows">{"Số dòng tiêu đề ở đầu bảng"}</label>
                <input id="paste-header-rows" type="number" min="0" max={max_header_rows(pr.table.rows.len()).to_string()} value={pr.cols.header_rows.to_string()} onchange={on_header} aria-describedby="paste-header-note" /></div>
            if let Some(n) = &pr.header_note { <p class="banner warn" id="paste-header-note" role="status" data-paste="header-note">{n.clone()}</p> }
            <p class="hint paste-scroll-hint">{format!("Bảng có {w} cột: kéo ngang để xem hết và chọn vai trò từng cột.")}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Xem trước bảng">
                <table class="paste-preview">
                    <thead><tr>{ for (0..w).map(role_select) }</tr></thead>
                    <tbody>
                        { for body.iter().map(|r| html!{ <tr>{ for (0..w).map(|c| {
                            let cell = r.get(c);
                            let lines = cell.map(|x| x.lines.clone()).unwrap_or_default();
                            let skipped = pr.cols.roles.get(c).is_none_or(|r| *r == Role::Ignore);
                            html!{ <td class={classes!(cell.is_some_and(|x| x.bold).then_some("bold"), skipped.then_some("paste-skipped"))}>{ for lines.into_iter().map(|l| html!{ <span class="paste-line">{l}</span> }) }</td> }
                        }) }</tr> }) }
                    </tbody>
                </table>
            </div>
            if more > 0 { <p class="hint">{format!("… và {more} dòng nữa.")}</p> }
        </section>
    }
}
