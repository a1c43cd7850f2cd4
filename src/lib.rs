//! Tự chấm điểm Chỉ số CCHC: a browser app (Yew, WebAssembly) for PAR Index
//! self-assessment. `engine` is pure and host-tested; `app` and `services`
//! are the browser side.

pub mod app;
pub mod engine;
pub mod services;
