//! Component tests in a real browser (wasm-bindgen-test, headless Chromium):
//! the app is mounted into a fresh element, driven through its DOM, and its
//! figures compared with the engine's.
#![cfg(target_arch = "wasm32")]

use cchc::app::Office;
type App = cchc::app::App<Office>;
use cchc::engine::formats::stored::{self, key_of};
use cchc::engine::formats::templates;
use cchc::engine::{score, Assessment, Dec2, Evidence, Framework, Period};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

async fn settle() {
    yew::scheduler::flush().await;
    sleep(5).await;
    yew::scheduler::flush().await;
}

/// Waits (up to 2 s) for a selector to appear.
async fn wait_for(sel: &str) -> Element {
    for _ in 0..200 {
        if let Some(e) = doc().query_selector(sel).unwrap() {
            return e;
        }
        sleep(10).await;
    }
    panic!("{sel} never appeared");
}

fn q(sel: &str) -> Element {
    doc()
        .query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no {sel}"))
}

fn text(sel: &str) -> String {
    q(sel).text_content().unwrap_or_default()
}

async fn click(sel: &str) {
    q(sel).dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
}

/// Clicks the `n`th radio button of a sub-criterion.
async fn click_radio(sub: &str, n: u32) {
    doc()
        .query_selector_all(&format!("[data-sub=\"{sub}\"] input[type=radio]"))
        .unwrap()
        .get(n)
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    settle().await;
}

async fn type_into(sel: &str, value: &str) {
    let el = q(sel);
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.set_value(value);
    } else if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        t.set_value(value);
    }
    let ev = web_sys::InputEvent::new_with_event_init_dict("input", &{
        let init = web_sys::InputEventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    el.dispatch_event(&ev).unwrap();
    settle().await;
}

async fn go(hash: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    sleep(30).await;
    settle().await;
}

fn so() -> Framework {
    templates::built_in().remove(0)
}

fn stored_assessment(id: &str) -> Assessment {
    let text = storage().get_item(&key_of(id)).unwrap().expect("saved");
    stored::decode(&text).unwrap().assessment
}

/// A fresh storage holding one empty assessment, and the app mounted on it.
async fn mount_with(id: &str, hash: &str) -> (yew::AppHandle<App>, Element) {
    storage().clear().unwrap();
    let fw = so();
    let a = Assessment::new(id, fw.reference(), "Sở Thử nghiệm", 2025, Period::Year); // every rule judged by its rule alone (periods: e2e/tests/periods.test.js)
    storage()
        .set_item(
            &key_of(id),
            &stored::encode(&a, "setup", "2025-01-01T00:00:00+07:00"),
        )
        .unwrap();
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    let root = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    (handle, root)
}

fn points(sub: &str) -> String {
    q(&format!("[data-sub=\"{sub}\"] .pts"))
        .get_attribute("data-points")
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn every_rule_input_yields_the_engines_points() {
    let (app, root) = mount_with("b1", "#/a/b1/tieu-chi/1.1").await;
    wait_for("[data-sub=\"1.1.1\"]").await;

    // options: "không kịp thời" = 0.5
    click("[data-sub=\"1.1.1\"] input[type=radio]:nth-of-type(1)").await;
    click_radio("1.1.1", 1).await;
    assert_eq!(points("1.1.1"), "0.5");
    // yes/no: đạt = 1
    click_radio("1.1.2", 0).await;
    assert_eq!(points("1.1.2"), "1");
    // ratio bands: 9/10 = 90% → 80–<100 → 1
    type_into("#s1-1-3-num", "9").await;
    type_into("#s1-1-3-den", "10").await;
    assert_eq!(points("1.1.3"), "1");
    assert_eq!(text("[data-sub=\"1.1.3\"] [data-ratio]"), "90,00%");
    // a mistyped number is shown as an error and not saved
    type_into("#s1-1-3-num", "9x").await;
    assert!(text("[data-sub=\"1.1.3\"] .error").contains("số nguyên"));
    assert_eq!(points("1.1.3"), "1");
    type_into("#s1-1-3-num", "10").await;
    assert_eq!(points("1.1.3"), "2");
    // numerator above denominator: the engine's error, 0 points
    type_into("#s1-1-3-num", "11").await;
    assert!(text("[data-sub=\"1.1.3\"] .error").contains("Tử số lớn hơn mẫu số"));
    assert_eq!(points("1.1.3"), "0");
    type_into("#s1-1-3-num", "8").await;

    // count bands: 3 of 4 reports on time → 0.5
    go("#/a/b1/tieu-chi/1.2").await;
    wait_for("[data-sub=\"1.2.1\"]").await;
    type_into("#s1-2-1-count", "3").await;
    assert_eq!(points("1.2.1"), "0.5");
    // proportional: 1/3 of 1.5 → 0.5
    go("#/a/b1/tieu-chi/2.4").await;
    type_into("#s2-4-1-num", "1").await;
    type_into("#s2-4-1-den", "3").await;
    assert_eq!(points("2.4.1"), "0.5");
    // no case arose: full points on 3.4.2
    go("#/a/b1/tieu-chi/3.4").await;
    click("[data-sub=\"3.4.2\"] .flags input[type=checkbox]").await;
    assert_eq!(points("3.4.2"), "2");
    // survey estimate, labelled
    go("#/a/b1/tieu-chi/8.1").await;
    type_into("#s8-1-1-est", "7,5").await;
    assert_eq!(points("8.1.1"), "7.5");
    assert!(text("[data-sub=\"8.1.1\"] .pts").contains("ước tính"));

    // The summary bar shows exactly what the engine computes for what was saved.
    let saved = stored_assessment("b1");
    let s = score(&so(), &saved);
    assert_eq!(s.self_points, Dec2::parse("5,5").unwrap()); // 0.5+1+1+0.5+0.5+2
    assert_eq!(text("[data-summary=\"self\"]"), s.self_points.to_vi());
    assert_eq!(text("[data-summary=\"total\"]"), "13"); // 5.5 + 7.5
    assert_eq!(
        text("[data-summary=\"index\"]"),
        format!("{}%", s.index.to_vi_fixed())
    );
    // no band while items are unanswered (a blank already scored "Yếu")
    assert!(
        text("[data-summary=\"band\"]").starts_with("chưa đủ dữ liệu"),
        "{}",
        text("[data-summary=\"band\"]")
    );
    assert_eq!(
        text("[data-summary=\"completion\"]"),
        format!("{}%", s.completion.to_vi())
    );

    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn evidence_is_added_edited_and_removed() {
    let (app, root) = mount_with("b2", "#/a/b2/tieu-chi/1.1").await;
    wait_for("[data-sub=\"1.1.2\"]").await;
    click_radio("1.1.2", 0).await;
    // points without support: explanation required
    assert!(doc()
        .query_selector("[data-sub=\"1.1.2\"] .explanation.required")
        .unwrap()
        .is_some());
    assert_eq!(text("[data-summary=\"missing\"]"), "1");

    click("[data-sub=\"1.1.2\"] .evidence > button").await;
    type_into("#s1-1-2-ev0-number", "15/KH-STP").await;
    type_into("#s1-1-2-ev0-issuer", "Sở Tư pháp").await;
    type_into(
        "#s1-1-2-ev0-summary",
        "<script>alert(1)</script> Kế hoạch CCHC",
    )
    .await;
    assert!(doc()
        .query_selector("[data-sub=\"1.1.2\"] .explanation.required")
        .unwrap()
        .is_none());
    assert_eq!(text("[data-summary=\"missing\"]"), "0");
    let a = stored_assessment("b2");
    assert_eq!(
        a.answers["1.1.2"].evidence,
        vec![Evidence {
            number: "15/KH-STP".into(),
            issuer: "Sở Tư pháp".into(),
            summary: "<script>alert(1)</script> Kế hoạch CCHC".into(),
            ..Evidence::default()
        }]
    );
    // hostile text stays text
    assert!(doc()
        .query_selector("[data-sub=\"1.1.2\"] script")
        .unwrap()
        .is_none());

    click("[data-sub=\"1.1.2\"] .evidence-row button").await;
    assert!(stored_assessment("b2").answers["1.1.2"].evidence.is_empty());
    assert_eq!(text("[data-summary=\"missing\"]"), "1");
    type_into("#s1-1-2-expl", "Kế hoạch lồng ghép trong KH số 3").await;
    assert_eq!(text("[data-summary=\"missing\"]"), "0");
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn autosave_round_trip_restores_everything() {
    let (app, root) = mount_with("b3", "#/a/b3/tieu-chi/3.4").await;
    wait_for("[data-sub=\"3.4.1\"]").await;
    type_into("#s3-4-1-num", "97").await;
    type_into("#s3-4-1-den", "100").await;
    type_into("#s3-4-1-expl", "Số liệu từ Hệ thống một cửa").await;
    assert_eq!(points("3.4.1"), "3");
    assert!(text(".save-state").starts_with("Đã lưu lúc"));
    app.destroy();
    root.remove();

    // A fresh mount (as after a reload) shows the same values.
    let root = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    wait_for("[data-sub=\"3.4.1\"]").await;
    assert_eq!(
        q("#s3-4-1-num")
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .value(),
        "97"
    );
    assert_eq!(
        q("#s3-4-1-den")
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .value(),
        "100"
    );
    assert_eq!(
        q("#s3-4-1-expl")
            .dyn_into::<HtmlTextAreaElement>()
            .unwrap()
            .value(),
        "Số liệu từ Hệ thống một cửa"
    );
    assert_eq!(points("3.4.1"), "3");
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn unreadable_stored_data_is_kept_and_reported() {
    storage().clear().unwrap();
    storage().set_item("cchc.a.broken", "{ not json").unwrap();
    storage()
        .set_item("cchc.a.future", r#"{"store_version": 99}"#)
        .unwrap();
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/")
        .unwrap();
    let root = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    let banner = text(".banner.warn");
    assert!(banner.contains("2 mục lưu không đọc được"), "{banner}");
    assert!(banner.contains("cập nhật ứng dụng"));
    // nothing overwritten
    assert_eq!(
        storage().get_item("cchc.a.broken").unwrap().as_deref(),
        Some("{ not json")
    );
    app.destroy();
    root.remove();
}

mod pages_without_storage {
    //! Pages only render and dispatch: each is rendered with a storage
    //! backend that records every call, and none is made.
    use super::*;
    use cchc::app::route::Route;
    use cchc::app::state::{Action, AppState, Loaded};
    use cchc::app::Ctx;
    use cchc::engine::formats::paste;
    use cchc::engine::formats::stored::Stored;
    use cchc::services::storage::{use_backend, Recording};
    use std::rc::Rc;
    use yew::prelude::*;

    #[derive(Properties, PartialEq)]
    struct HostProps {
        state: AppState,
        /// 0 start, 1 new, 2 the open assessment's shell, 3 desk, 4 editor.
        page: u8,
    }

    #[component]
    fn Host(p: &HostProps) -> Html {
        let st = use_reducer(|| p.state.clone());
        let page = match p.page {
            0 => html! { <cchc::app::start::StartPage /> },
            1 => html! { <cchc::app::new::NewPage /> },
            2 => html! { <cchc::app::shell::Shell /> },
            3 => html! { <cchc::app::desk::DeskPage /> },
            _ => html! { <cchc::app::editor::FrameworksPage /> },
        };
        html! { <ContextProvider<Ctx> context={st}>{page}</ContextProvider<Ctx>> }
    }

    fn state(route: Route) -> AppState {
        let fw = so();
        let mut a = Assessment::new("p1", fw.reference(), "Sở Thử nghiệm", 2025, Period::Q3);
        a.set_answer(
            "1.1.3",
            cchc::engine::Answer {
                value: Some(cchc::engine::Value::Ratio {
                    numerator: 14,
                    denominator: 18,
                }),
                ..Default::default()
            },
        );
        let stored = Stored {
            store_version: 1,
            saved_by: "t".into(),
            saved_at: "2025-09-01T08:00:00+07:00".into(),
            assessment: a.clone(),
        };
        let loaded = Loaded {
            saved: vec![stored],
            draft: Some(paste::Draft::of(fw)),
            ..Loaded::default()
        };
        let s = AppState::start(templates::built_in(), loaded, route, "tab".into(), false);
        // opened as the route would open it (the root effect is not here)
        let s = Rc::new(s).reduce(Action::Create(Box::new(a)));
        let mut s = (*s).clone();
        s.outbox = Rc::new(Vec::new());
        s
    }

    #[wasm_bindgen_test]
    async fn no_page_reads_or_writes_storage_while_it_renders() {
        let rec = Rc::new(Recording::default());
        use_backend(Some(rec.clone()));
        let id = "p1".to_string();
        let routes: Vec<(u8, Route)> = vec![
            (0, Route::Start),
            (1, Route::New),
            (
                2,
                Route::Checklist {
                    id: id.clone(),
                    criterion: Some("1.1".into()),
                    sub: None,
                },
            ),
            (2, Route::Info { id: id.clone() }),
            (2, Route::Summary { id: id.clone() }),
            (2, Route::Compare { id: id.clone() }),
            (
                2,
                Route::Actions {
                    id: id.clone(),
                    focus: None,
                },
            ),
            (2, Route::Plan { id: id.clone() }),
            (2, Route::Report { id: id.clone() }),
            (3, Route::Desk),
            (4, Route::Frameworks),
        ];
        for (page, route) in routes {
            let root = doc().create_element("div").unwrap();
            doc().body().unwrap().append_child(&root).unwrap();
            let app = yew::Renderer::<Host>::with_root_and_props(
                root.clone(),
                HostProps {
                    state: state(route.clone()),
                    page,
                },
            )
            .render();
            settle().await;
            assert!(root.child_element_count() > 0, "{route:?} rendered nothing");
            assert_eq!(
                *rec.calls.borrow(),
                Vec::<String>::new(),
                "{route:?} touched storage"
            );
            app.destroy();
            root.remove();
        }
        // the recorder works: a call through the service is seen
        let _ = cchc::services::storage::load("p1");
        assert_eq!(rec.calls.borrow().len(), 1);
        use_backend(None);
    }
}
