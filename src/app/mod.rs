//! The Yew app: one reducer (`state`) shared by a context, hash routes,
//! thin pages and components. Browser effects (storage, events) live in
//! `effects`, run from the root; pages only read the state and dispatch
//! actions.

pub mod actions;
pub mod annual_plan;
pub mod appraisal;
pub mod checklist;
pub mod compare;
pub mod desk;
pub mod editor;
pub mod effects;
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
pub mod trend;
pub mod widgets;

use crate::services;
use route::Route;
use state::{Action, AppState, Current, Edit};
use yew::prelude::*;

pub type Ctx = UseReducerHandle<AppState>;

/// The app's state. Every page and component is rendered inside the
/// provider set up by `App`, so the context is always there: its absence
/// is a programming error, not something a user or a file can cause.
#[hook]
pub fn use_app() -> Ctx {
    use_context::<Ctx>().expect("components are rendered inside the App context")
}

/// The app's state and the open assessment, if any. Call it with the
/// component's other hooks (before any early return): `let (ctx, cur) =
/// use_current();` then `let Some(cur) = cur else { return html! {} };`.
#[hook]
pub fn use_current() -> (Ctx, Option<Current>) {
    let ctx = use_app();
    let cur = ctx.current.clone();
    (ctx, cur)
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
    /// Links to Sở Nội vụ's pages in the top bar (none in the agency's
    /// build: agencies reach them from the footer).
    fn office_links(current: &Route) -> Html;
    /// The page's footer.
    fn footer() -> Html;
    /// Effects only this build has, mounted at the root (the full build
    /// keeps Sở Nội vụ's batch between visits).
    fn root_effects() -> Html;
    /// Whether the build keeps a desk batch to read back at start.
    const KEEPS_DESK: bool;
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
            Route::Desk
            | Route::Frameworks
            | Route::DeskAppraise { .. }
            | Route::DeskOfficial { .. } => {
                format!("{OFFICE_DIR}{}", route.href())
            }
            r => r.href(),
        }
    }
    fn office_links(_: &Route) -> Html {
        Html::default()
    }
    fn root_effects() -> Html {
        Html::default()
    }
    const KEEPS_DESK: bool = false;
    fn footer() -> Html {
        html! {
            <footer class="site-footer no-print">
                <span>{"Dành cho Sở Nội vụ: "}</span>
                <a href={Self::href(&Route::Desk)}>{"Tổng hợp, xếp hạng các đơn vị"}</a>{" · "}
                <a href={Self::href(&Route::Frameworks)}>{"Soạn bộ tiêu chí"}</a>
            </footer>
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
            Route::DeskAppraise { sha } => {
                html! { <desk::appraise::AppraisePage sha={sha.clone()} /> }
            }
            Route::DeskOfficial { sha: None } => html! { <desk::official::OfficialPage /> },
            Route::DeskOfficial { sha: Some(sha) } => {
                html! { <desk::official::ScoringTablePage sha={sha.clone()} /> }
            }
            _ => html! { <editor::FrameworksPage /> },
        }
    }
    fn href(route: &Route) -> String {
        route.href()
    }
    fn office_links(current: &Route) -> Html {
        let here = |r: &Route| (current == r).then_some("page");
        html! {
            <>
                <a href={Route::Desk.href()} aria-current={here(&Route::Desk)}>{"Tổng hợp các đơn vị (Sở Nội vụ)"}</a>
                <a href={Route::DeskOfficial { sha: None }.href()} aria-current={here(&Route::DeskOfficial { sha: None })}>{"Kết quả chính thức"}</a>
                <a href={Route::Frameworks.href()} aria-current={here(&Route::Frameworks)}>{"Bộ tiêu chí"}</a>
            </>
        }
    }
    fn footer() -> Html {
        Html::default()
    }
    fn root_effects() -> Html {
        html! { <desk::DeskKeeper /> }
    }
    const KEEPS_DESK: bool = true;
    const ROOT: &'static str = "../";
}

#[component]
pub fn App<T: Tools>() -> Html {
    let state = use_reducer(effects::initial_state::<T>);
    effects::use_root_effects::<T>(&state);

    let page = match &state.route {
        Route::Start => html! { <start::StartPage /> },
        Route::New => html! { <new::NewPage /> },
        r @ (Route::Desk
        | Route::Frameworks
        | Route::DeskAppraise { .. }
        | Route::DeskOfficial { .. }) => T::office_page(r),
        Route::NotFound => not_found("Không có trang này."),
        r => {
            let id = r.assessment_id().unwrap_or_default();
            match (&state.current, &state.open_error) {
                (Some(c), _) if c.assessment.id == id => html! { <shell::Shell /> },
                (_, Some((eid, msg))) if eid == id => not_found(msg),
                _ => html! { <p class="loading" role="status">{"Đang mở…"}</p> },
            }
        }
    };

    let dismiss = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::Notify(None)))
    };
    html! {
        <ContextProvider<Ctx> context={state.clone()}>
            {widgets::skip_link("Bỏ qua, đến nội dung chính", "noi-dung")}
            <header class="topbar">
                <a class="brand" href="#/">{"Tự chấm điểm Chỉ số CCHC"}</a>
                <nav class="topnav" aria-label="Chức năng chính">
                    <a href="#/" aria-current={matches!(state.route, Route::Start).then_some("page")}>{"Bản tự đánh giá"}</a>
                    {T::office_links(&state.route)}
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
            if let Some(n) = &state.notice {
                <div class={classes!("banner", "notice", if n.error { "warn" } else { "ok" })} role={if n.error { "alert" } else { "status" }} data-notice="">
                    <span>{n.text.clone()}</span>
                    if let Some((label, href)) = &n.link { {" "}<a href={href.clone()}>{label.clone()}</a> }
                    {" "}<button class="btn small" onclick={dismiss} aria-label="Đóng thông báo">{"Đóng"}</button>
                </div>
            }
            <main id="noi-dung" tabindex="-1">{page}</main>
            {T::root_effects()}
            {T::footer()}
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
