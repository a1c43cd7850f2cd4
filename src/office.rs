//! The full build (`so-noi-vu/index.html`), for Sở Nội vụ: the agency's
//! app plus the desk that loads many units' files and the framework
//! editor. Everything lives in the library.

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<cchc::app::App<cchc::app::Office>>::new().render();
}
