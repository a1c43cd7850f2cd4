//! Small shared pieces of markup.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The text of the input, select or textarea an event came from.
pub fn event_value(e: &Event) -> String {
    let Some(t) = e.target() else {
        return String::new();
    };
    if let Some(i) = t.dyn_ref::<HtmlInputElement>() {
        i.value()
    } else if let Some(s) = t.dyn_ref::<HtmlSelectElement>() {
        s.value()
    } else if let Some(a) = t.dyn_ref::<HtmlTextAreaElement>() {
        a.value()
    } else {
        String::new()
    }
}

pub fn event_checked(e: &Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

use wasm_bindgen::JsCast;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub oninput: Callback<String>,
    #[prop_or_default]
    pub kind: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// Characters allowed (a name by default).
    #[prop_or(crate::engine::rules::limits::SHORT)]
    pub max: usize,
}

/// A labelled single-line input whose every keystroke is reported.
#[component]
pub fn TextField(p: &TextFieldProps) -> Html {
    let cb = p.oninput.clone();
    let oninput = Callback::from(move |e: InputEvent| cb.emit(event_value(&e)));
    let kind = p.kind.clone().unwrap_or_else(|| "text".into());
    html! {
        <div class="field">
            <label for={p.id.clone()}>{p.label.clone()}{ if p.required { " *" } else { "" } }</label>
            <input id={p.id.clone()} type={kind} value={p.value.clone()} {oninput} maxlength={p.max.to_string()}
                required={p.required} inputmode={p.inputmode.clone()} autocomplete={p.autocomplete.clone()} />
            {count_note(&p.value, p.max)}
            if let Some(h) = &p.hint { <small class="hint">{h.clone()}</small> }
        </div>
    }
}

/// A labelled checkbox reporting its new state.
pub fn check(label: &str, checked: bool, cb: Callback<bool>) -> Html {
    let onchange = Callback::from(move |e: Event| cb.emit(event_checked(&e)));
    // the text in a span of its own, so on a phone it wraps beside the box
    // rather than falling under it
    html! { <label class="choice"><input type="checkbox" {checked} {onchange} /><span class="choice-text">{label.to_string()}</span></label> }
}

#[derive(Properties, PartialEq)]
pub struct DropZoneProps {
    /// The files dropped on the zone.
    pub on_files: Callback<Vec<web_sys::File>>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// An area that takes dropped files (highlighted while files hover).
#[component]
pub fn DropZone(p: &DropZoneProps) -> Html {
    let over = use_state(|| false);
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let (over, on_files) = (over.clone(), p.on_files.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            on_files.emit(crate::services::files::files_of_event(&e));
        })
    };
    html! {
        <div class={classes!("dropzone", p.class.clone(), over.then_some("over"))} {ondragover} {ondragleave} {ondrop}>
            {p.children.clone()}
        </div>
    }
}

/// The reporting period, each with its data cut-off (`year` 0: not known yet).
pub fn period_choice(
    name: &str,
    period: crate::engine::Period,
    year: u16,
    on_choose: Callback<crate::engine::Period>,
) -> Html {
    use crate::engine::Period;
    html! {
        <fieldset class="periods">
            <legend>{"Kỳ báo cáo"}</legend>
            { for Period::ALL.iter().map(|&x| {
                let cb = on_choose.clone();
                let onchange = Callback::from(move |_| cb.emit(x));
                let cut = if year > 0 { x.cutoff_vi(year) } else { let (d, m) = x.cutoff(); format!("{d}/{m}") };
                html!{
                    <label class="choice">
                        <input type="radio" name={name.to_string()} checked={period == x} {onchange} />
                        <span>{x.label()}</span>
                        <small>{format!("số liệu tính đến {cut}")}</small>
                    </label>
                }
            }) }
        </fieldset>
    }
}

/// The contact person: name, position, phone, e-mail (ids `<prefix>-c-…`).
pub fn contact_fields(
    prefix: &str,
    contact: &crate::engine::Contact,
    on_change: Callback<crate::engine::Contact>,
) -> Html {
    use crate::engine::Contact;
    let field = |key: &str, f: fn(&mut Contact, String)| {
        let (cb, c) = (on_change.clone(), contact.clone());
        (
            format!("{prefix}-c-{key}"),
            Callback::from(move |v: String| {
                let mut c = c.clone();
                f(&mut c, v);
                cb.emit(c);
            }),
        )
    };
    let (name_id, on_name) = field("name", |c, v| c.name = v);
    let (pos_id, on_pos) = field("pos", |c, v| c.position = v);
    let (phone_id, on_phone) = field("phone", |c, v| c.phone = v);
    let (email_id, on_email) = field("email", |c, v| c.email = v);
    let c = contact;
    html! {
        <fieldset>
            <legend>{"Người liên hệ"}</legend>
            <TextField id={name_id} label="Họ và tên" value={c.name.clone()} autocomplete="name" oninput={on_name} />
            <TextField id={pos_id} label="Chức vụ" value={c.position.clone()} oninput={on_pos} />
            <TextField id={phone_id} label="Điện thoại" kind="tel" value={c.phone.clone()} autocomplete="tel" oninput={on_phone} />
            <TextField id={email_id} label="Thư điện tử" kind="email" value={c.email.clone()} autocomplete="email" oninput={on_email} />
        </fieldset>
    }
}

/// "In": the browser's print dialog (A4, or "Lưu dưới dạng PDF").
pub fn print_button(label: &str) -> Html {
    let onclick = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! { <button class="btn" {onclick}>{label.to_string()}</button> }
}

/// A callback offering the file `bytes` makes (when clicked) as a
/// download; a browser that refuses is told to the user.
pub fn download(
    ctx: &super::Ctx,
    name: String,
    mime: &'static str,
    bytes: impl Fn() -> Vec<u8> + 'static,
) -> Callback<MouseEvent> {
    download_with(ctx.clone(), name, mime, std::rc::Rc::new(bytes))
}

/// [`download`], compiled once.
#[inline(never)]
fn download_with(
    ctx: super::Ctx,
    name: String,
    mime: &'static str,
    text: std::rc::Rc<dyn Fn() -> Vec<u8>>,
) -> Callback<MouseEvent> {
    Callback::from(move |_| {
        if let Err(m) = crate::services::files::download(&name, &text(), mime) {
            ctx.dispatch(super::state::Action::Notify(Some(
                super::state::Notice::error(m),
            )));
        }
    })
}

pub const XLSX: &str = crate::engine::formats::xlsx::MIME;
pub const JSON: &str = "application/json";

/// The band as shown: none until every self-assessed item is answered.
pub fn band_text(s: &crate::engine::Summary) -> String {
    match s.band_shown() {
        Ok(Some(b)) => b.to_string(),
        Ok(None) => "—".into(),
        Err((n, m)) => format!("chưa đủ dữ liệu ({n}/{m} mục)"),
    }
}

/// How the estimated index is made, in one sentence.
pub const INDEX_NOTE: &str = "Chỉ số ước tính = (điểm tự chấm + điểm điều tra XHH ước tính + điểm thưởng − điểm trừ) / tổng điểm tối đa áp dụng × 100; mục chưa trả lời tính 0 điểm. Xếp loại hiện khi đã trả lời hết các mục tự chấm.";

/// "1.950/2.000 ký tự" once a text is near its limit (the input's
/// `maxlength` stops it there).
pub fn count_note(value: &str, max: usize) -> Html {
    // Bytes bound characters from above: count only when it may matter.
    if value.len() * 10 < max * 8 {
        return Html::default();
    }
    let n = value.chars().count();
    if n * 10 < max * 8 {
        return Html::default();
    }
    html! { <small class={classes!("count-note", (n >= max).then_some("full"))} aria-live="polite">{format!("{n}/{max} ký tự")}</small> }
}

/// A link that moves focus to element `target` without touching the
/// address (the hash holds the route).
pub fn skip_link(label: &str, target: &'static str) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        crate::services::scroll_to_id(target);
    });
    html! { <a class="skip" href={format!("#{target}")} {onclick}>{label.to_string()}</a> }
}

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    /// The question, for the dialog's name and text.
    pub question: AttrValue,
    pub yes: AttrValue,
    pub no: AttrValue,
    pub on_yes: Callback<()>,
    pub on_no: Callback<()>,
    /// `data-confirm` value, for tests and styles.
    #[prop_or_default]
    pub tag: AttrValue,
}

/// A question asked before something is lost, in place of the button that
/// asked it: focus goes to the safe answer (the button pressed is gone),
/// Esc answers no.
#[component]
pub fn Confirm(p: &ConfirmProps) -> Html {
    let no_ref = use_node_ref();
    {
        let r = no_ref.clone();
        use_effect_with((), move |_| {
            if let Some(b) = r.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let on_key = {
        let no = p.on_no.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                no.emit(());
            }
        })
    };
    let (yes, no) = (p.on_yes.clone(), p.on_no.clone());
    html! {
        <div class="banner confirm" role="alertdialog" aria-label={p.question.clone()} data-confirm={p.tag.clone()} onkeydown={on_key}>
            <p>{p.question.clone()}</p>
            <button class="btn danger" onclick={Callback::from(move |_| yes.emit(()))}>{p.yes.clone()}</button>
            <button class="btn" ref={no_ref} onclick={Callback::from(move |_| no.emit(()))}>{p.no.clone()}</button>
        </div>
    }
}
