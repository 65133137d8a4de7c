//! The thin Yew layer: it shows the documents of `domain` and sends actions to it. Only `web` touches the
//! browser's storage, files and location.

mod app;
pub mod components;
pub mod dom;
pub mod flash;
pub mod pages;
pub mod route;
pub mod session;
pub mod web;

pub use app::App;

/// Mounts the app into `<body>`.
pub fn start() {
    web::panic::install();
    // Drafts saved just before a crash may be only in IndexedDB: put them back first, then show the app.
    wasm_bindgen_futures::spawn_local(async {
        web::storage::recover().await;
        web::storage::ask_to_persist();
        yew::Renderer::<App>::new().render();
    });
}
