//! The agency build (`index.html`): self-assessment, actions, plan,
//! report, compare and import. Everything lives in the library.

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<cchc::app::App<cchc::app::Agency>>::new().render();
}
