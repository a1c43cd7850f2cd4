//! "Bộ tiêu chí": the frameworks in this browser, and an editor for Sở Nội
//! vụ to enter its official criteria table — from a template, a copy, a
//! blank one or a table pasted from the decision — with the engine's own
//! checks shown at each item. Export and use are allowed only when valid.

use super::state::Action;
use super::widgets::{check, event_value};

use crate::engine::formats::json::{self, obj, obj_out, FromJson, Out, ToJson};
use crate::engine::formats::paste::{self, Flag};
use crate::engine::model::framework::{
    Band, ChoiceOption, CountBand, Criterion, Field, Framework, PctRange, RatioBand, Rule, Status,
    SubCriterion, UnitType,
};
use crate::engine::{validate, Dec2};
use crate::services::{files, storage};
use yew::prelude::*;

const DRAFT_KEY: &str = "cchc.fw-draft";

#[derive(Clone, Debug, PartialEq)]
struct Draft {
    fw: Framework,
    /// (item id, what to complete), from the paste parser.
    flags: Vec<(String, String)>,
}

impl FromJson for Draft {
    fn from_json(v: &serde_json::Value) -> json::Result<Self> {
        let mut o = obj(v)?;
        let flags: Vec<Vec<String>> = o.opt("flags");
        let fw = o.req("fw");
        o.done(Draft {
            fw,
            flags: flags
                .into_iter()
                .filter_map(|p| match <[String; 2]>::try_from(p) {
                    Ok([id, m]) => Some((id, m)),
                    Err(_) => None,
                })
                .collect(),
        })
    }
}

impl ToJson for Draft {
    fn to_json(&self) -> Out {
        let flags: Vec<Vec<String>> = self
            .flags
            .iter()
            .map(|(id, m)| vec![id.clone(), m.clone()])
            .collect();
        obj_out().f("fw", &self.fw).f("flags", &flags).done()
    }
}

fn load_draft() -> Option<Draft> {
    let s = web_sys::window()?.local_storage().ok()??;
    json::read(&s.get_item(DRAFT_KEY).ok()??).ok()
}

fn save_draft(d: Option<&Draft>) {
    let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let _ = match d {
        Some(d) => s.set_item(DRAFT_KEY, &d.to_json().compact()),
        None => s.remove_item(DRAFT_KEY),
    };
}

/// "2025.1" → "2025.2"; "1" → "2"; "abc" → "abc.1".
pub fn next_version(v: &str) -> String {
    match v.rsplit_once('.') {
        Some((head, n)) if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() => {
            format!("{head}.{}", n.parse::<u64>().unwrap_or(0) + 1)
        }
        _ if v.chars().all(|c| c.is_ascii_digit()) && !v.is_empty() => {
            (v.parse::<u64>().unwrap_or(0) + 1).to_string()
        }
        _ => format!("{v}.1"),
    }
}

fn blank(unit: UnitType) -> Framework {
    let mut fw = paste::parse("1\tLĩnh vực 1\t100\n1.1\tTiêu chí 1\t100\n1.1.1\tTiêu chí thành phần 1\t100\n\tĐạt: 100\n\tKhông đạt: 0\n", unit).framework;
    fw.title = "Bộ tiêu chí mới".into();
    fw
}

fn new_sub(id: String) -> SubCriterion {
    SubCriterion {
        id,
        title: String::new(),
        max: Dec2::ZERO,
        guidance: String::new(),
        evidence_hint: String::new(),
        no_case_full_points: false,
        may_be_not_applicable: false,
        rule: Rule::YesNo,
    }
}

/// An input committing on change (decimals: "1,5" can be typed through "1,").
fn dec_input(id: String, label: &str, v: Dec2, cb: Callback<Dec2>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Some(d) = Dec2::parse(&event_value(&e)) {
            cb.emit(d);
        }
    });
    html! {
        <div class="field small-field">
            <label for={id.clone()}>{label.to_string()}</label>
            <input id={id} type="text" inputmode="decimal" value={v.to_vi()} {onchange} />
        </div>
    }
}

fn text_input(id: String, label: &str, v: &str, cb: Callback<String>) -> Html {
    let oninput = Callback::from(move |e: InputEvent| cb.emit(event_value(&e)));
    html! {
        <div class="field">
            <label for={id.clone()}>{label.to_string()}</label>
            <input id={id} type="text" value={v.to_string()} {oninput} />
        </div>
    }
}

#[component]
pub fn FrameworksPage() -> Html {
    let ctx = super::use_app();
    let draft = use_state(load_draft);
    let paste_text = use_state(String::new);
    let paste_unit = use_state(|| UnitType::So);
    let message = use_state(|| None::<(bool, String)>);

    let set_draft = {
        let draft = draft.clone();
        Callback::from(move |d: Option<Draft>| {
            save_draft(d.as_ref());
            draft.set(d);
        })
    };
    // Every edit goes through here: the draft is saved at once.
    let edit = {
        let (draft, set_draft) = (draft.clone(), set_draft.clone());
        move |f: Box<dyn Fn(&mut Framework)>| {
            if let Some(d) = (*draft).clone() {
                let mut d = d;
                f(&mut d.fw);
                set_draft.emit(Some(d));
            }
        }
    };
    let edit = std::rc::Rc::new(edit);
    macro_rules! cb {
        ($t:ty, |$fw:ident, $v:ident| $body:expr) => {{
            let edit = edit.clone();
            Callback::from(move |$v: $t| {
                let $v = $v.clone();
                edit(Box::new(move |$fw: &mut Framework| {
                    let $v = $v.clone();
                    $body;
                }))
            })
        }};
    }

    // The list of frameworks.
    let list = ctx.frameworks.iter().enumerate().map(|(i, f)| {
        let built_in = i < ctx.built_in;
        let (sd, f2, m) = (set_draft.clone(), (**f).clone(), message.clone());
        let on_version = Callback::from(move |_| {
            let mut fw = f2.clone();
            fw.version = next_version(&fw.version);
            fw.status = Status::Official;
            m.set(Some((true, format!("Bản nháp phiên bản {} của \"{}\": các bản tự đánh giá đang dùng phiên bản {} được giữ nguyên.", fw.version, fw.title, f2.version))));
            sd.emit(Some(Draft { fw, flags: vec![] }));
        });
        let (sd, f3) = (set_draft.clone(), (**f).clone());
        let on_copy = Callback::from(move |_| {
            let mut fw = f3.clone();
            fw.id = format!("{}-ban-sao", fw.id);
            fw.version = "1".into();
            fw.title = format!("{} (bản sao)", fw.title);
            sd.emit(Some(Draft { fw, flags: vec![] }));
        });
        let (ctx2, f4) = (ctx.clone(), (**f).clone());
        let on_export = Callback::from(move |_| {
            if let Err(m) = files::download(&format!("bo-tieu-chi_{}_{}.json", f4.id, f4.version), &crate::engine::formats::framework::write(&f4), "application/json") {
                ctx2.dispatch(Action::SaveFailed(m));
            }
        });
        html! {
            <tr key={format!("{}@{}", f.id, f.version)}>
                <td>{&f.title}</td><td>{&f.version}</td><td>{f.unit_type.label()}</td>
                <td>{ if f.is_template() { "Mẫu" } else { "Chính thức" } }{ if built_in { " · có sẵn" } else { " · nạp vào" } }</td>
                <td class="actions">
                    <button class="btn small" onclick={on_version} aria-label={format!("Sửa thành phiên bản mới: {}", f.title)}>{"Sửa thành phiên bản mới"}</button>
                    <button class="btn small" onclick={on_copy} aria-label={format!("Sao chép thành bộ mới: {}", f.title)}>{"Sao chép thành bộ mới"}</button>
                    <button class="btn small" onclick={on_export} aria-label={format!("Xuất tệp: {}", f.title)}>{"Xuất tệp"}</button>
                </td>
            </tr>
        }
    });

    let on_blank = {
        let sd = set_draft.clone();
        Callback::from(move |_| {
            sd.emit(Some(Draft {
                fw: blank(UnitType::So),
                flags: vec![],
            }))
        })
    };
    let on_paste = {
        let (sd, t, u, m) = (
            set_draft.clone(),
            paste_text.clone(),
            paste_unit.clone(),
            message.clone(),
        );
        Callback::from(move |_| {
            let d = paste::parse(&t, *u);
            m.set(Some((d.flags.is_empty() && d.problems.is_empty(), format!(
                "Đã tạo bản nháp từ bảng: {} lĩnh vực, {} tiêu chí thành phần; {} mục cần hoàn thiện, {} lỗi kiểm tra.",
                d.framework.fields.len(), d.framework.subs().count(), d.flags.len(), d.problems.len()))));
            sd.emit(Some(Draft {
                fw: d.framework,
                flags: d
                    .flags
                    .into_iter()
                    .map(|Flag { id, message }| (id, message))
                    .collect(),
            }));
        })
    };
    let on_paste_text = {
        let t = paste_text.clone();
        Callback::from(move |e: InputEvent| t.set(event_value(&e)))
    };
    let on_paste_unit = {
        let u = paste_unit.clone();
        Callback::from(move |e: Event| {
            u.set(if event_value(&e) == "xa" {
                UnitType::Xa
            } else {
                UnitType::So
            })
        })
    };
    let on_load = {
        let (sd, m) = (set_draft.clone(), message.clone());
        Callback::from(move |e: Event| {
            let list = files::files_of_event(&e);
            files::reset_input(&e);
            let Some(f) = list.first().cloned() else {
                return;
            };
            let (sd, m) = (sd.clone(), m.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(bytes) = files::read(&f, crate::engine::formats::file::MAX_FILE_BYTES).await
                else {
                    return m.set(Some((
                        false,
                        "Không đọc được tệp (hoặc tệp quá 5 MB).".into(),
                    )));
                };
                let text = String::from_utf8_lossy(&bytes).to_string();
                // Loaded as a draft even with problems, so they can be fixed here.
                match json::read::<Framework>(&text) {
                    Ok(fw) => {
                        m.set(Some((
                            true,
                            format!(
                                "Đã nạp \"{}\" (phiên bản {}) làm bản nháp.",
                                fw.title, fw.version
                            ),
                        )));
                        sd.emit(Some(Draft { fw, flags: vec![] }));
                    }
                    Err(_) => m.set(Some((
                        false,
                        match crate::engine::formats::framework::read(&text) {
                            Err(e) => e.to_string(),
                            Ok(_) => String::new(),
                        },
                    ))),
                }
            });
        })
    };

    let editor = (*draft).clone().map(|d| {
        let fw = d.fw.clone();
        let problems = validate(&fw);
        let at = |id: &str| -> Html {
            let ps: Vec<String> = problems.iter().filter(|p| p.path == id).map(|p| p.to_string()).collect();
            let fl: Vec<String> = d.flags.iter().filter(|(i, _)| i == id).map(|(_, m)| format!("Cần hoàn thiện: {m}")).collect();
            html! { <>{ for ps.iter().chain(fl.iter()).map(|m| html!{ <p class="error item-problem" role="alert">{m.clone()}</p> }) }</> }
        };
        let valid = problems.is_empty();
        let total: Dec2 = fw.fields.iter().map(|f| f.max).sum();

        // Fields a criterion may go with ("not applicable with field 3").
        let fields_excludable: Vec<(String, String)> = fw
            .fields
            .iter()
            .filter(|f| f.may_be_not_applicable)
            .map(|f| (f.id.clone(), f.title.clone()))
            .collect();
        let fields = fw.fields.iter().enumerate().map(|(fi, f)| {
            let nf = fw.fields.len();
            let crits = f.criteria.iter().enumerate().map(|(ci, c)| {
                let nc = f.criteria.len();
                let subs = c.subs.iter().enumerate().map(|(si, s)| {
                    let ns = c.subs.len();
                    let dom = format!("ed-{fi}-{ci}-{si}");
                    html! {
                        <li class="ed-sub" key={format!("s{si}")} data-ed-sub={s.id.clone()}>
                            <div class="ed-row">
                                {text_input(format!("{dom}-id"), "Mã", &s.id, cb!(String, |fw, v| fw.fields[fi].criteria[ci].subs[si].id = v))}
                                {text_input(format!("{dom}-title"), "Tiêu chí thành phần", &s.title, cb!(String, |fw, v| fw.fields[fi].criteria[ci].subs[si].title = v))}
                                {dec_input(format!("{dom}-max"), "Điểm tối đa", s.max, cb!(Dec2, |fw, v| fw.fields[fi].criteria[ci].subs[si].max = v))}
                                {order_buttons(&s.id, si, ns, cb!(usize, |fw, to| { let v = &mut fw.fields[fi].criteria[ci].subs; let x = v.remove(si); v.insert(to.min(v.len()), x); }), cb!(MouseEvent, |fw, _e| { fw.fields[fi].criteria[ci].subs.remove(si); }))}
                            </div>
                            {at(&s.id)}
                            {text_input(format!("{dom}-guid"), "Hướng dẫn", &s.guidance, cb!(String, |fw, v| fw.fields[fi].criteria[ci].subs[si].guidance = v))}
                            {text_input(format!("{dom}-ev"), "Gợi ý tài liệu kiểm chứng", &s.evidence_hint, cb!(String, |fw, v| fw.fields[fi].criteria[ci].subs[si].evidence_hint = v))}
                            <div class="flags">
                                {check("Cho phép \"không phát sinh\" (được điểm tối đa)", s.no_case_full_points, cb!(bool, |fw, v| fw.fields[fi].criteria[ci].subs[si].no_case_full_points = v))}
                                {check("Cho phép \"không áp dụng\"", s.may_be_not_applicable, cb!(bool, |fw, v| fw.fields[fi].criteria[ci].subs[si].may_be_not_applicable = v))}
                            </div>
                            {rule_editor(&dom, &s.rule, cb!(Rule, |fw, r| fw.fields[fi].criteria[ci].subs[si].rule = r))}
                        </li>
                    }
                });
                let dom = format!("ed-{fi}-{ci}");
                let next_sub = format!("{}.{}", c.id, c.subs.len() + 1);
                html! {
                    <li class="ed-crit" key={format!("c{ci}")}>
                        <div class="ed-row">
                            {text_input(format!("{dom}-id"), "Mã", &c.id, cb!(String, |fw, v| fw.fields[fi].criteria[ci].id = v))}
                            {text_input(format!("{dom}-title"), "Tiêu chí", &c.title, cb!(String, |fw, v| fw.fields[fi].criteria[ci].title = v))}
                            {dec_input(format!("{dom}-max"), "Điểm tối đa", c.max, cb!(Dec2, |fw, v| fw.fields[fi].criteria[ci].max = v))}
                            {order_buttons(&c.id, ci, nc, cb!(usize, |fw, to| { let v = &mut fw.fields[fi].criteria; let x = v.remove(ci); v.insert(to.min(v.len()), x); }), cb!(MouseEvent, |fw, _e| { fw.fields[fi].criteria.remove(ci); }))}
                        </div>
                        {at(&c.id)}
                        {check("Có thể khai báo \"không áp dụng\" cho cả tiêu chí", c.may_be_not_applicable, cb!(bool, |fw, v| fw.fields[fi].criteria[ci].may_be_not_applicable = v))}
                        <div class="field"><label for={format!("{dom}-with")}>{"Không áp dụng cùng lĩnh vực"}</label>
                            <select id={format!("{dom}-with")} onchange={{ let cb = cb!(String, |fw, v| fw.fields[fi].criteria[ci].excluded_with = (!v.is_empty()).then_some(v)); Callback::from(move |e: Event| cb.emit(event_value(&e))) }}>
                                <option value="" selected={c.excluded_with.is_none()}>{"— (tự tính điểm riêng)"}</option>
                                { for fields_excludable.iter().filter(|(id, _)| *id != f.id).map(|(id, title)| html!{ <option value={id.clone()} selected={c.excluded_with.as_deref() == Some(id.as_str())}>{format!("Lĩnh vực {id}. {title}")}</option> }) }
                            </select></div>
                        <ol class="ed-subs">{ for subs }</ol>
                        <button class="btn small" onclick={{ let edit = edit.clone(); Callback::from(move |_: MouseEvent| { let n = next_sub.clone(); edit(Box::new(move |fw: &mut Framework| fw.fields[fi].criteria[ci].subs.push(new_sub(n.clone())))) }) }}>{format!("+ Tiêu chí thành phần ({})", c.id)}</button>
                    </li>
                }
            });
            let dom = format!("ed-{fi}");
            let next_crit = format!("{}.{}", f.id, f.criteria.len() + 1);
            html! {
                <li class="ed-field" key={format!("f{fi}")}>
                    <div class="ed-row">
                        {text_input(format!("{dom}-id"), "Mã", &f.id, cb!(String, |fw, v| fw.fields[fi].id = v))}
                        {text_input(format!("{dom}-title"), "Lĩnh vực", &f.title, cb!(String, |fw, v| fw.fields[fi].title = v))}
                        {dec_input(format!("{dom}-max"), "Điểm tối đa", f.max, cb!(Dec2, |fw, v| fw.fields[fi].max = v))}
                        {order_buttons(&f.id, fi, nf, cb!(usize, |fw, to| { let x = fw.fields.remove(fi); let n = fw.fields.len(); fw.fields.insert(to.min(n), x); }), cb!(MouseEvent, |fw, _e| { fw.fields.remove(fi); }))}
                    </div>
                    {at(&f.id)}
                    {check("Có thể khai báo \"không áp dụng\" cho cả lĩnh vực (đơn vị không có TTHC)", f.may_be_not_applicable, cb!(bool, |fw, v| fw.fields[fi].may_be_not_applicable = v))}
                    <ol class="ed-crits">{ for crits }</ol>
                    <button class="btn small" onclick={{ let edit = edit.clone(); Callback::from(move |_: MouseEvent| { let n = next_crit.clone(); edit(Box::new(move |fw: &mut Framework| fw.fields[fi].criteria.push(Criterion { id: n.clone(), title: String::new(), max: Dec2::ZERO, may_be_not_applicable: false, excluded_with: None, subs: vec![] }))) }) }}>{format!("+ Tiêu chí (lĩnh vực {})", f.id)}</button>
                </li>
            }
        });

        let next_field = (fw.fields.len() + 1).to_string();
        let on_use = {
            let (ctx, fw, m) = (ctx.clone(), fw.clone(), message.clone());
            Callback::from(move |_| {
                if let Some(existing) = ctx.framework(&fw.id, &fw.version) {
                    if *existing != fw {
                        m.set(Some((false, format!("Phiên bản {} của \"{}\" đã có và khác bản này: hãy đổi số phiên bản (ví dụ {}) để tạo phiên bản mới. Các bản tự đánh giá đang dùng phiên bản cũ được giữ nguyên và có thể chuyển sang phiên bản mới.", fw.version, fw.id, next_version(&fw.version)))));
                        return;
                    }
                }
                match storage::save_framework(&fw) {
                    Ok(()) => {
                        ctx.dispatch(Action::AddFramework(Box::new(fw.clone())));
                        m.set(Some((true, format!("Đã lưu \"{}\" (phiên bản {}) vào trình duyệt: chọn được khi tạo bản tự đánh giá mới.", fw.title, fw.version))));
                    }
                    Err(e) => m.set(Some((false, e))),
                }
            })
        };
        let on_export = {
            let (ctx, fw) = (ctx.clone(), fw.clone());
            Callback::from(move |_| {
                if let Err(m) = files::download(&format!("bo-tieu-chi_{}_{}.json", fw.id, fw.version), &crate::engine::formats::framework::write(&fw), "application/json") {
                    ctx.dispatch(Action::SaveFailed(m));
                }
            })
        };
        let on_discard = { let sd = set_draft.clone(); Callback::from(move |_| sd.emit(None)) };
        let on_clear_flags = { let (draft, sd) = (draft.clone(), set_draft.clone()); Callback::from(move |_| if let Some(mut d) = (*draft).clone() { d.flags.clear(); sd.emit(Some(d)); }) };
        let on_unit = cb!(Event, |fw, e| fw.unit_type = match event_value(&e).as_str() { "xa" => UnitType::Xa, "huyen" => UnitType::Huyen, _ => UnitType::So });
        let on_status = cb!(Event, |fw, e| fw.status = if event_value(&e) == "template" { Status::Template } else { Status::Official });
        let on_from = cb!(String, |fw, v| if let Ok(y) = v.trim().parse() { fw.years.from = y });
        let on_to = cb!(String, |fw, v| fw.years.to = v.trim().parse().ok());
        let general: Vec<String> = problems.iter().filter(|p| fw.fields.iter().all(|f| f.id != p.path && f.criteria.iter().all(|c| c.id != p.path && c.subs.iter().all(|s| s.id != p.path)))).map(|p| p.to_string()).collect();
        html! {
            <section class="editor" aria-label="Soạn bộ tiêu chí">
                <h2>{format!("Bản nháp: {}", fw.title)}</h2>
                <div class={classes!("banner", if valid { "ok" } else { "warn" })} role="status" data-editor="status">
                    if valid {
                        <p>{format!("Hợp lệ: tổng {} điểm. Có thể lưu để dùng và xuất tệp.", total.to_vi())}</p>
                    } else {
                        <p>{format!("{} lỗi cần sửa (hiện ở từng mục). Chỉ xuất tệp được khi không còn lỗi.", problems.len())}</p>
                        <ul>{ for general.iter().map(|g| html!{ <li>{g.clone()}</li> }) }</ul>
                    }
                    if !d.flags.is_empty() {
                        <p>{format!("{} mục đánh dấu cần hoàn thiện sau khi dán bảng. ", d.flags.len())}<button class="btn small" onclick={on_clear_flags}>{"Đã kiểm tra hết"}</button></p>
                    }
                </div>
                <fieldset>
                    <legend>{"Thông tin bộ tiêu chí"}</legend>
                    <div class="report-grid">
                        {text_input("ed-meta-id".into(), "Mã bộ tiêu chí", &fw.id, cb!(String, |fw, v| fw.id = v))}
                        {text_input("ed-meta-version".into(), "Phiên bản", &fw.version, cb!(String, |fw, v| fw.version = v))}
                        {text_input("ed-meta-title".into(), "Tên bộ tiêu chí", &fw.title, cb!(String, |fw, v| fw.title = v))}
                        {text_input("ed-meta-province".into(), "Tỉnh", &fw.province, cb!(String, |fw, v| fw.province = v))}
                        <div class="field"><label for="ed-meta-unit">{"Loại đơn vị"}</label>
                            <select id="ed-meta-unit" onchange={on_unit}>
                                { for [UnitType::So, UnitType::Xa, UnitType::Huyen].iter().map(|u| html!{ <option value={match u { UnitType::So => "so", UnitType::Xa => "xa", UnitType::Huyen => "huyen" }} selected={*u == fw.unit_type}>{u.label()}</option> }) }
                            </select></div>
                        <div class="field"><label for="ed-meta-status">{"Tình trạng"}</label>
                            <select id="ed-meta-status" onchange={on_status}>
                                <option value="official" selected={fw.status == Status::Official}>{"Chính thức (theo Quyết định)"}</option>
                                <option value="template" selected={fw.status == Status::Template}>{"Mẫu"}</option>
                            </select></div>
                        {text_input("ed-meta-from".into(), "Áp dụng từ năm", &fw.years.from.to_string(), on_from)}
                        {text_input("ed-meta-to".into(), "Đến năm (để trống: đến khi thay thế)", &fw.years.to.map(|y| y.to_string()).unwrap_or_default(), on_to)}
                        {text_input("ed-meta-dec".into(), "Số Quyết định", &fw.decision.as_ref().map(|x| x.number.clone()).unwrap_or_default(), cb!(String, |fw, v| { let date = fw.decision.as_ref().map(|x| x.date.clone()).unwrap_or_default(); fw.decision = Some(crate::engine::model::framework::Decision { number: v, date }); }))}
                        {text_input("ed-meta-dec-date".into(), "Ngày Quyết định (yyyy-mm-dd)", &fw.decision.as_ref().map(|x| x.date.clone()).unwrap_or_default(), cb!(String, |fw, v| { let number = fw.decision.as_ref().map(|x| x.number.clone()).unwrap_or_default(); fw.decision = Some(crate::engine::model::framework::Decision { number, date: v }); }))}
                        {dec_input("ed-meta-bonus".into(), "Điểm thưởng tối đa", fw.bonus.cap, cb!(Dec2, |fw, v| fw.bonus.cap = v))}
                        {dec_input("ed-meta-ded".into(), "Điểm trừ tối đa", fw.deductions.cap, cb!(Dec2, |fw, v| fw.deductions.cap = v))}
                    </div>
                    {at("bands")}
                    <h3>{"Xếp loại theo chỉ số (%)"}</h3>
                    <ol>
                    { for fw.bands.iter().enumerate().map(|(k, b): (usize, &Band)| {
                        let dom = format!("ed-band-{k}");
                        html!{ <li key={k} class="ed-line">
                            {text_input(format!("{dom}-label"), "Xếp loại", &b.label, cb!(String, |fw, v| fw.bands[k].label = v))}
                            {dec_input(format!("{dom}-from"), "Từ (%)", b.range.from, cb!(Dec2, |fw, v| fw.bands[k].range.from = v))}
                            {check("tính cả", b.range.from_inclusive, cb!(bool, |fw, v| fw.bands[k].range.from_inclusive = v))}
                            {dec_input(format!("{dom}-to"), "Đến (%)", b.range.to, cb!(Dec2, |fw, v| fw.bands[k].range.to = v))}
                            {check("tính cả", b.range.to_inclusive, cb!(bool, |fw, v| fw.bands[k].range.to_inclusive = v))}
                            <span class="muted">{b.range.describe()}</span>
                            <button class="btn small danger-outline" aria-label={format!("Xóa xếp loại {}", b.label)} onclick={cb!(MouseEvent, |fw, _e| { fw.bands.remove(k); })}>{"Xóa"}</button>
                        </li> }
                    }) }
                    </ol>
                    <button class="btn small" onclick={cb!(MouseEvent, |fw, _e| fw.bands.push(Band { label: String::new(), range: PctRange::new(Dec2::ZERO, true, Dec2::ZERO, false) }))}>{"+ Xếp loại"}</button>
                    { for [("bonus", "Điểm thưởng"), ("deductions", "Điểm trừ")].into_iter().map(|(which, title)| {
                        let items = if which == "bonus" { &fw.bonus.items } else { &fw.deductions.items };
                        html!{ <div key={which}>
                            <h3>{format!("Các mục {}", title.to_lowercase())}</h3>
                            <ol>
                            { for items.iter().enumerate().map(|(k, it)| {
                                let dom = format!("ed-{which}-{k}");
                                html!{ <li key={k} class="ed-line">
                                    {text_input(format!("{dom}-title"), "Nội dung", &it.title, cb!(String, |fw, v| adjustment_items(fw, which == "bonus")[k].title = v))}
                                    {dec_input(format!("{dom}-pts"), "Điểm", it.points, cb!(Dec2, |fw, v| adjustment_items(fw, which == "bonus")[k].points = v))}
                                    {check("tính nhiều lần", it.repeatable, cb!(bool, |fw, v| adjustment_items(fw, which == "bonus")[k].repeatable = v))}
                                    <button class="btn small danger-outline" aria-label={format!("Xóa mục {}", it.title)} onclick={cb!(MouseEvent, |fw, _e| { adjustment_items(fw, which == "bonus").remove(k); })}>{"Xóa"}</button>
                                </li> }
                            }) }
                            </ol>
                            <button class="btn small" onclick={cb!(MouseEvent, |fw, _e| { let v = adjustment_items(fw, which == "bonus"); let n = v.len() + 1; v.push(crate::engine::model::framework::AdjustmentItem { id: format!("{}{n}", if which == "bonus" { "B" } else { "D" }), title: String::new(), points: Dec2::ZERO, repeatable: false }); })}>{format!("+ Mục {}", title.to_lowercase())}</button>
                        </div> }
                    }) }
                </fieldset>
                <ol class="ed-fields">{ for fields }</ol>
                <p><button class="btn" onclick={{ let edit = edit.clone(); Callback::from(move |_: MouseEvent| { let n = next_field.clone(); edit(Box::new(move |fw: &mut Framework| fw.fields.push(Field { id: n.clone(), title: String::new(), max: Dec2::ZERO, may_be_not_applicable: false, criteria: vec![] }))) }) }}>{"+ Lĩnh vực"}</button></p>
                <p class="form-actions">
                    <button class="btn primary" onclick={on_use} disabled={!valid}>{"Lưu vào trình duyệt để dùng"}</button>
                    <button class="btn" onclick={on_export} disabled={!valid}>{"Xuất tệp bộ tiêu chí (.json)"}</button>
                    <button class="btn danger-outline" onclick={on_discard}>{"Bỏ bản nháp"}</button>
                </p>
            </section>
        }
    });

    html! {
        <section class="page frameworks">
            <h1>{"Bộ tiêu chí"}</h1>
            <div class="table-wrap">
            <table class="list">
                <thead><tr><th scope="col">{"Bộ tiêu chí"}</th><th scope="col">{"Phiên bản"}</th><th scope="col">{"Loại đơn vị"}</th><th scope="col">{"Tình trạng"}</th><th scope="col"><span class="sr-only">{"Thao tác"}</span></th></tr></thead>
                <tbody>{ for list }</tbody>
            </table>
            </div>
            <div class="toolbar">
                <button class="btn" onclick={on_blank}>{"Tạo bộ mới (trống)"}</button>
                <div class="field inline"><label for="fw-file">{"Nạp tệp bộ tiêu chí (.json)"}</label><input id="fw-file" type="file" accept=".json,application/json" onchange={on_load} /></div>
            </div>
            <details class="paste">
                <summary>{"Dán bảng từ Quyết định (Word, Excel)"}</summary>
                <p class="hint">{"Sao chép cả bảng phụ lục (các cột STT | Lĩnh vực/Tiêu chí/Tiêu chí thành phần | Điểm tối đa …, kể cả các dòng cách chấm như \"Ban hành kịp thời: 1\", \"Từ 70% - 90% kế hoạch: 1\") rồi dán vào ô dưới."}</p>
                <div class="field"><label for="fw-paste">{"Bảng dán vào"}</label><textarea id="fw-paste" rows="8" value={(*paste_text).clone()} oninput={on_paste_text} /></div>
                <div class="toolbar">
                    <div class="field inline"><label for="fw-paste-unit">{"Loại đơn vị"}</label>
                        <select id="fw-paste-unit" onchange={on_paste_unit}><option value="so">{"Sở, ban, ngành"}</option><option value="xa">{"UBND xã, phường"}</option></select></div>
                    <button class="btn primary" onclick={on_paste} disabled={paste_text.trim().is_empty()}>{"Tạo bản nháp từ bảng"}</button>
                </div>
            </details>
            if let Some((ok, m)) = &*message { <p class={classes!("banner", if *ok { "ok" } else { "warn" })} role="status">{m.clone()}</p> }
            {editor.unwrap_or_default()}
        </section>
    }
}

fn adjustment_items(
    fw: &mut Framework,
    bonus: bool,
) -> &mut Vec<crate::engine::model::framework::AdjustmentItem> {
    if bonus {
        &mut fw.bonus.items
    } else {
        &mut fw.deductions.items
    }
}

fn order_buttons(
    id: &str,
    i: usize,
    n: usize,
    moved: Callback<usize>,
    remove: Callback<MouseEvent>,
) -> Html {
    let up = {
        let m = moved.clone();
        Callback::from(move |_| m.emit(i.saturating_sub(1)))
    };
    let down = Callback::from(move |_| moved.emit(i + 1));
    html! {
        <div class="ed-order">
            <button class="btn small" onclick={up} disabled={i == 0} aria-label={format!("Lên trên: {id}")}>{"↑"}</button>
            <button class="btn small" onclick={down} disabled={i + 1 >= n} aria-label={format!("Xuống dưới: {id}")}>{"↓"}</button>
            <button class="btn small danger-outline" onclick={remove} aria-label={format!("Xóa: {id}")}>{"Xóa"}</button>
        </div>
    }
}

/// The editor for one rule, in the shape it has.
fn rule_editor(dom: &str, rule: &Rule, set: Callback<Rule>) -> Html {
    let kinds = [
        ("options", "Chọn mức"),
        ("yes_no", "Đạt / Không đạt"),
        ("ratio_bands", "Tỷ lệ theo khoảng"),
        ("proportional", "Tỷ lệ (điểm theo tỷ lệ)"),
        ("count_bands", "Số lượng theo khoảng"),
        ("survey", "Điều tra xã hội học"),
    ];
    let current = match rule {
        Rule::Options { .. } => "options",
        Rule::YesNo => "yes_no",
        Rule::RatioBands { .. } => "ratio_bands",
        Rule::Proportional { .. } => "proportional",
        Rule::CountBands { .. } => "count_bands",
        Rule::Survey => "survey",
    };
    let on_kind = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            set.emit(match event_value(&e).as_str() {
                "options" => Rule::Options {
                    options: vec![
                        ChoiceOption {
                            id: "a".into(),
                            label: "Đạt".into(),
                            points: Dec2::ZERO,
                        },
                        ChoiceOption {
                            id: "b".into(),
                            label: "Không đạt".into(),
                            points: Dec2::ZERO,
                        },
                    ],
                },
                "ratio_bands" => Rule::RatioBands {
                    bands: vec![RatioBand {
                        range: PctRange::new(Dec2::ZERO, true, Dec2::HUNDRED, true),
                        points: Dec2::ZERO,
                    }],
                    numerator_label: String::new(),
                    denominator_label: String::new(),
                },
                "proportional" => Rule::Proportional {
                    numerator_label: String::new(),
                    denominator_label: String::new(),
                },
                "count_bands" => Rule::CountBands {
                    bands: vec![CountBand {
                        min: 0,
                        max: None,
                        points: Dec2::ZERO,
                    }],
                    max_count: None,
                },
                "survey" => Rule::Survey,
                _ => Rule::YesNo,
            })
        })
    };
    let body = match rule.clone() {
        Rule::Options { options } => {
            let rows = options.iter().enumerate().map(|(k, o)| {
                let (s1, s2, s3, o1, o2, o3) = (set.clone(), set.clone(), set.clone(), options.clone(), options.clone(), options.clone());
                html! { <li key={k} class="ed-line">
                    {text_input(format!("{dom}-o{k}-label"), "Mức", &o.label, Callback::from(move |v: String| { let mut x = o1.clone(); x[k].label = v; s1.emit(Rule::Options { options: x }) }))}
                    {dec_input(format!("{dom}-o{k}-pts"), "Điểm", o.points, Callback::from(move |v: Dec2| { let mut x = o2.clone(); x[k].points = v; s2.emit(Rule::Options { options: x }) }))}
                    <button class="btn small danger-outline" aria-label={format!("Xóa mức {}", k + 1)} onclick={Callback::from(move |_| { let mut x = o3.clone(); x.remove(k); s3.emit(Rule::Options { options: x }) })}>{"Xóa"}</button>
                </li> }
            });
            let (s, o) = (set.clone(), options.clone());
            let add = Callback::from(move |_| {
                let mut x = o.clone();
                let n = x.len();
                x.push(ChoiceOption {
                    id: format!("m{}", n + 1),
                    label: String::new(),
                    points: Dec2::ZERO,
                });
                s.emit(Rule::Options { options: x })
            });
            html! { <><ol>{ for rows }</ol><button class="btn small" onclick={add}>{"+ Mức"}</button></> }
        }
        Rule::RatioBands {
            bands,
            numerator_label,
            denominator_label,
        } => {
            let mk = move |b: Vec<RatioBand>, n: String, d: String| Rule::RatioBands {
                bands: b,
                numerator_label: n,
                denominator_label: d,
            };
            let rows = bands.iter().enumerate().map(|(k, b)| {
                let edit = |f: fn(&mut RatioBand, Dec2, bool, u8), which: u8| {
                    let (s, bs, n, d) = (set.clone(), bands.clone(), numerator_label.clone(), denominator_label.clone());
                    move |v: Dec2, flag: bool| { let mut x = bs.clone(); f(&mut x[k], v, flag, which); s.emit(mk(x, n.clone(), d.clone())) }
                };
                let set_from = edit(|b, v, _, _| b.range.from = v, 0);
                let set_to = edit(|b, v, _, _| b.range.to = v, 1);
                let set_pts = edit(|b, v, _, _| b.points = v, 2);
                let set_fi = edit(|b, _, f, _| b.range.from_inclusive = f, 3);
                let set_ti = edit(|b, _, f, _| b.range.to_inclusive = f, 4);
                let (s, bs, n, d) = (set.clone(), bands.clone(), numerator_label.clone(), denominator_label.clone());
                let remove = Callback::from(move |_| { let mut x = bs.clone(); x.remove(k); s.emit(mk(x, n.clone(), d.clone())) });
                html! { <li key={k} class="ed-line">
                    {dec_input(format!("{dom}-b{k}-from"), "Từ (%)", b.range.from, Callback::from(move |v| set_from(v, false)))}
                    {check("tính cả", b.range.from_inclusive, Callback::from(move |f| set_fi(Dec2::ZERO, f)))}
                    {dec_input(format!("{dom}-b{k}-to"), "Đến (%)", b.range.to, Callback::from(move |v| set_to(v, false)))}
                    {check("tính cả", b.range.to_inclusive, Callback::from(move |f| set_ti(Dec2::ZERO, f)))}
                    {dec_input(format!("{dom}-b{k}-pts"), "Điểm", b.points, Callback::from(move |v| set_pts(v, false)))}
                    <span class="muted">{b.range.describe()}</span>
                    <button class="btn small danger-outline" aria-label={format!("Xóa khoảng {}", k + 1)} onclick={remove}>{"Xóa"}</button>
                </li> }
            });
            let (s, bs, n, d) = (
                set.clone(),
                bands.clone(),
                numerator_label.clone(),
                denominator_label.clone(),
            );
            let add = Callback::from(move |_| {
                let mut x = bs.clone();
                x.push(RatioBand {
                    range: PctRange::new(Dec2::ZERO, true, Dec2::ZERO, false),
                    points: Dec2::ZERO,
                });
                s.emit(mk(x, n.clone(), d.clone()))
            });
            let (s1, b1, d1) = (set.clone(), bands.clone(), denominator_label.clone());
            let (s2, b2, n2) = (set.clone(), bands.clone(), numerator_label.clone());
            html! { <>
                {text_input(format!("{dom}-numl"), "Tên tử số", &numerator_label, Callback::from(move |v: String| s1.emit(mk(b1.clone(), v, d1.clone()))))}
                {text_input(format!("{dom}-denl"), "Tên mẫu số", &denominator_label, Callback::from(move |v: String| s2.emit(mk(b2.clone(), n2.clone(), v))))}
                <ol>{ for rows }</ol><button class="btn small" onclick={add}>{"+ Khoảng"}</button>
            </> }
        }
        Rule::CountBands { bands, max_count } => {
            let rows = bands.iter().enumerate().map(|(k, b)| {
                let (s, bs) = (set.clone(), bands.clone());
                let set_all = move |f: Box<dyn Fn(&mut CountBand)>| { let mut x = bs.clone(); f(&mut x[k]); s.emit(Rule::CountBands { bands: x, max_count }) };
                let set_all = std::rc::Rc::new(set_all);
                let (a, b2, c) = (set_all.clone(), set_all.clone(), set_all.clone());
                let (s2, bs2) = (set.clone(), bands.clone());
                let remove = Callback::from(move |_| { let mut x = bs2.clone(); x.remove(k); s2.emit(Rule::CountBands { bands: x, max_count }) });
                html! { <li key={k} class="ed-line">
                    {text_input(format!("{dom}-c{k}-min"), "Từ", &b.min.to_string(), Callback::from(move |v: String| if let Ok(n) = v.trim().parse::<u64>() { a(Box::new(move |x| x.min = n)) }))}
                    {text_input(format!("{dom}-c{k}-max"), "Đến (trống: trở lên)", &b.max.map(|m| m.to_string()).unwrap_or_default(), Callback::from(move |v: String| { let m = v.trim().parse::<u64>().ok(); b2(Box::new(move |x| x.max = m)) }))}
                    {dec_input(format!("{dom}-c{k}-pts"), "Điểm", b.points, Callback::from(move |v: Dec2| c(Box::new(move |x| x.points = v))))}
                    <button class="btn small danger-outline" aria-label={format!("Xóa khoảng {}", k + 1)} onclick={remove}>{"Xóa"}</button>
                </li> }
            });
            let (s, bs) = (set.clone(), bands.clone());
            let add = Callback::from(move |_| {
                let mut x = bs.clone();
                x.push(CountBand {
                    min: 0,
                    max: Some(0),
                    points: Dec2::ZERO,
                });
                s.emit(Rule::CountBands {
                    bands: x,
                    max_count,
                })
            });
            let (s3, b3) = (set.clone(), bands.clone());
            html! { <>
                {text_input(format!("{dom}-maxc"), "Số lượng tối đa (trống: không giới hạn)", &max_count.map(|m| m.to_string()).unwrap_or_default(),
                    Callback::from(move |v: String| s3.emit(Rule::CountBands { bands: b3.clone(), max_count: v.trim().parse().ok() })))}
                <ol>{ for rows }</ol><button class="btn small" onclick={add}>{"+ Khoảng"}</button>
            </> }
        }
        Rule::Proportional {
            numerator_label,
            denominator_label,
        } => {
            let (s1, d1, s2, n2) = (
                set.clone(),
                denominator_label.clone(),
                set.clone(),
                numerator_label.clone(),
            );
            html! { <>
                {text_input(format!("{dom}-numl"), "Tên tử số", &numerator_label, Callback::from(move |v: String| s1.emit(Rule::Proportional { numerator_label: v, denominator_label: d1.clone() })))}
                {text_input(format!("{dom}-denl"), "Tên mẫu số", &denominator_label, Callback::from(move |v: String| s2.emit(Rule::Proportional { numerator_label: n2.clone(), denominator_label: v })))}
            </> }
        }
        Rule::YesNo | Rule::Survey => html! {},
    };
    html! {
        <div class="ed-rule">
            <div class="field inline">
                <label for={format!("{dom}-kind")}>{"Cách chấm"}</label>
                <select id={format!("{dom}-kind")} onchange={on_kind}>
                    { for kinds.iter().map(|(k, l)| html!{ <option value={*k} selected={*k == current}>{*l}</option> }) }
                </select>
            </div>
            {body}
        </div>
    }
}
