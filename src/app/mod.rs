//! The Yew app: one reducer (`state`) shared by a context, hash routes,
//! thin pages and components. Browser effects (storage, events) live here
//! at the root; pages only read the state and dispatch actions.

pub mod actions;
pub mod annual_plan;
pub mod checklist;
pub mod compare;
pub mod desk;
pub mod editor;
pub mod import;
pub mod info;
pub mod new;
pub mod report;
pub mod route;
pub mod shell;
pub mod start;
pub mod state;
pub mod sub_item;
pub mod summary;
pub mod widgets;

use crate::engine::formats::{stored, templates};
use crate::services::{self, storage};
use gloo::events::EventListener;
use route::Route;
use state::{Action, AppState, Edit};
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub type Ctx = UseReducerHandle<AppState>;

/// The app's state. Every page and component is rendered inside the
/// provider set up by `App`, so the context is always there: its absence
/// is a programming error, not something a user or a file can cause.
#[hook]
pub fn use_app() -> Ctx {
    use_context::<Ctx>().expect("components are rendered inside the App context")
}

/// Dispatches an edit of the open assessment, stamped with the time.
pub fn edit(ctx: &Ctx, e: Edit) {
    ctx.dispatch(Action::Edit(e, services::now_iso()));
}

/// Which tools a build carries. The agency build (`index.html`) leaves
/// Sở Nội vụ's desk and the framework editor out, so the app an agency
/// downloads stays small; the full build (`so-noi-vu/`) has everything.
/// The choice is a type, so the linker drops what a build never names.
pub trait Tools: 'static {
    /// The page for `Route::Desk` or `Route::Frameworks` (in the agency's
    /// build, a link while `App` goes to the full build).
    fn office_page(route: &Route) -> Html;
    /// Where a route lives: in this build (a hash) or in the other one.
    fn href(route: &Route) -> String;
    /// The folder of the service worker, relative to this page.
    const ROOT: &'static str;
}

/// The agency build: self-assessment, plan, report, compare, import.
pub struct Agency;

/// Where the full build lives, relative to the agency's page.
pub const OFFICE_DIR: &str = "so-noi-vu/";

impl Tools for Agency {
    fn office_page(route: &Route) -> Html {
        // Shown while `App` sends the browser to the other build.
        html! { <p class="loading"><a href={Self::href(route)}>{"Đang mở trang của Sở Nội vụ…"}</a></p> }
    }
    fn href(route: &Route) -> String {
        match route {
            Route::Desk | Route::Frameworks => format!("{OFFICE_DIR}{}", route.href()),
            r => r.href(),
        }
    }
    const ROOT: &'static str = "./";
}

/// The full build, for Sở Nội vụ: everything the agency build has, plus
/// the desk (many units' files) and the framework editor.
pub struct Office;

impl Tools for Office {
    fn office_page(route: &Route) -> Html {
        match route {
            Route::Desk => html! { <desk::DeskPage /> },
            _ => html! { <editor::FrameworksPage /> },
        }
    }
    fn href(route: &Route) -> String {
        route.href()
    }
    const ROOT: &'static str = "../";
}

#[component]
pub fn App<T: Tools>() -> Html {
    let state = use_reducer(|| {
        let mut s = AppState::new(
            templates::built_in(),
            Route::parse(&services::current_hash()),
            services::random_id(),
        );
        // Frameworks loaded from files earlier, after the built-in ones.
        let mut list = (*s.frameworks).clone();
        for fw in storage::load_frameworks() {
            if !list
                .iter()
                .any(|k| k.id == fw.id && k.version == fw.version)
            {
                list.push(std::rc::Rc::new(fw));
            }
        }
        s.frameworks = std::rc::Rc::new(list);
        s
    });

    // Once: routes from the hash, other tabs' writes, storage health.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let mut listeners = Vec::new();
            if let Some(w) = &window {
                let d = dispatch.clone();
                listeners.push(EventListener::new(w, "hashchange", move |_| {
                    d.dispatch(Action::Navigate(Route::parse(&services::current_hash())));
                }));
                let d = dispatch.clone();
                listeners.push(EventListener::new(w, "storage", move |ev| {
                    let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    let Some(key) = ev.key() else { return };
                    let saved_by = ev
                        .new_value()
                        .and_then(|t| stored::decode(&t).ok())
                        .map(|s| s.saved_by);
                    d.dispatch(Action::StorageChanged { key, saved_by });
                }));
            }
            if storage::available() {
                storage::request_persistence();
            } else {
                dispatch.dispatch(Action::StorageUnavailable);
            }
            {
                let d = dispatch.clone();
                services::offline::register(T::ROOT, move || d.dispatch(Action::UpdateReady));
            }
            move || drop(listeners)
        });
    }

    // The route lives in the other build (an old link or bookmark): go there.
    use_effect_with(state.route.clone(), |r| {
        let href = T::href(r);
        if href != r.href() {
            if let Some(w) = web_sys::window() {
                let _ = w.location().replace(&href);
            }
        }
    });

    // The route names an assessment that is not open: load it.
    {
        let st = state.clone();
        let wanted = state.route.assessment_id().map(str::to_string);
        let open = state.current.as_ref().map(|c| c.assessment.id.clone());
        use_effect_with((wanted, open), move |(wanted, open)| {
            if let Some(id) = wanted {
                if open.as_ref() != Some(id) {
                    if let Some(Ok(s)) = storage::load(id) {
                        st.dispatch(Action::Open(Box::new(s.assessment)));
                    }
                }
            }
        });
    }

    // Autosave: every change is written at once, unless another tab's
    // write is waiting for the user's decision.
    {
        let st = state.clone();
        let deps = state
            .current
            .as_ref()
            .map(|c| (c.assessment.clone(), c.dirty, state.conflict));
        let deps = deps.filter(|_| !state.current.as_ref().is_some_and(|c| c.read_only));
        use_effect_with(deps, move |deps| {
            if let Some((a, true, false)) = deps {
                match storage::save(a, &st.tab, &services::now_iso()) {
                    Ok(()) => st.dispatch(Action::Saved(services::now_clock())),
                    Err(msg) => st.dispatch(Action::SaveFailed(msg)),
                }
            }
        });
    }

    let page = match &state.route {
        Route::Start => html! { <start::StartPage /> },
        Route::New => html! { <new::NewPage /> },
        r @ (Route::Desk | Route::Frameworks) => T::office_page(r),
        Route::NotFound => not_found("Không có trang này."),
        r => {
            let id = r.assessment_id().unwrap_or_default();
            match &state.current {
                Some(c) if c.assessment.id == id => html! { <shell::Shell /> },
                _ => match storage::load(id) {
                    Some(Err(e)) => not_found(&format!("Không mở được bản tự đánh giá: {e}.")),
                    Some(Ok(s))
                        if state
                            .framework(&s.assessment.framework.id, &s.assessment.framework.version)
                            .is_none() =>
                    {
                        not_found("Không có bộ tiêu chí của bản tự đánh giá này trong ứng dụng.")
                    }
                    Some(Ok(_)) => html! { <p class="loading">{"Đang mở…"}</p> },
                    None => not_found("Không tìm thấy bản tự đánh giá này trong trình duyệt."),
                },
            }
        }
    };

    html! {
        <ContextProvider<Ctx> context={state.clone()}>
            <a class="skip" href="#noi-dung">{"Bỏ qua, đến nội dung chính"}</a>
            <header class="topbar">
                <a class="brand" href="#/">{"Tự chấm điểm Chỉ số CCHC"}</a>
                <nav class="topnav" aria-label="Chức năng chính">
                    <a href="#/" aria-current={matches!(state.route, Route::Start).then_some("page")}>{"Bản tự đánh giá"}</a>
                    <a href={T::href(&Route::Desk)} aria-current={matches!(state.route, Route::Desk).then_some("page")}>{"Tổng hợp (Sở Nội vụ)"}</a>
                    <a href={T::href(&Route::Frameworks)} aria-current={matches!(state.route, Route::Frameworks).then_some("page")}>{"Bộ tiêu chí"}</a>
                </nav>
            </header>
            if state.storage_unavailable {
                <div class="banner warn" role="alert">
                    {"Trình duyệt không cho phép lưu dữ liệu (bộ nhớ bị chặn). Ứng dụng vẫn chạy, nhưng dữ liệu sẽ mất khi đóng trang: hãy xuất tệp để giữ lại."}
                    if services::offline::is_local_file() {
                        <p>{"Bạn đang mở tệp ứng dụng trực tiếp từ máy (file://). Một số trình duyệt chặn lưu dữ liệu với tệp mở từ máy: hãy dùng Chrome, Edge hoặc Cốc Cốc, hoặc mở ứng dụng từ địa chỉ web của Sở Nội vụ."}</p>
                    }
                </div>
            }
            if state.update_ready {
                <div class="banner ok" role="status">
                    {"Đã có phiên bản mới của ứng dụng (dùng được cả khi không có mạng). "}
                    <button class="btn small" onclick={Callback::from(|_| { if let Some(w) = web_sys::window() { let _ = w.location().reload(); } })}>{"Tải lại để dùng phiên bản mới"}</button>
                </div>
            }
            <main id="noi-dung" tabindex="-1">{page}</main>
        </ContextProvider<Ctx>>
    }
}

fn not_found(msg: &str) -> Html {
    html! {
        <section class="page">
            <h1>{"Không mở được trang"}</h1>
            <p role="alert">{msg.to_string()}</p>
            <p><a class="btn" href="#/">{"Về trang đầu"}</a></p>
        </section>
    }
}
