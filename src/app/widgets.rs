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
            <input id={p.id.clone()} type={kind} value={p.value.clone()} {oninput}
                required={p.required} inputmode={p.inputmode.clone()} autocomplete={p.autocomplete.clone()} />
            if let Some(h) = &p.hint { <small class="hint">{h.clone()}</small> }
        </div>
    }
}

/// A labelled checkbox reporting its new state.
pub fn check(label: &str, checked: bool, cb: Callback<bool>) -> Html {
    let onchange = Callback::from(move |e: Event| cb.emit(event_checked(&e)));
    html! { <label class="choice"><input type="checkbox" {checked} {onchange} />{label.to_string()}</label> }
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
