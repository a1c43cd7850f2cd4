//! Mounts the app; everything else lives in the library.

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<cchc::app::App>::new().render();
}
