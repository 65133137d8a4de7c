//! The thin Yew layer: it shows the documents of `domain` and sends actions to it. Only `web` touches the
//! browser's storage, files and location.

mod app;
pub mod claim;
pub mod components;
pub mod dom;
pub mod flash;
pub mod listeners;
pub mod office;
pub mod pages;
pub mod session;
pub mod shared;
mod shell;
pub mod store;
pub mod stored;
pub mod typing;
pub mod web;

pub use app::App;

/// Mounts the app into `#app` of index.html (not `<body>`, which Yew would empty: the single file keeps the Excel
/// and Word writers in a data block there).
pub fn start() {
    web::panic::install();
    // The start-up notice of index.html has done its work.
    if let Some(boot) = gloo::utils::document().get_element_by_id("boot") {
        boot.remove();
    }
    match gloo::utils::document().get_element_by_id("app") {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
    // Drafts saved just before a crash may be only in IndexedDB: put back, while the start page shows (it lists
    // the backups' drafts itself), and said there when it is done.
    wasm_bindgen_futures::spawn_local(async {
        let restored = web::storage::recover().await;
        if restored > 0 {
            flash::announce(format!(
                "浏览器的常规存储中少了{restored}份草稿（浏览器意外退出，或清理了网站数据），已从本程序的备份中恢复。为防再次丢失，请打开它们并“导出JSON”保存到文件。"
            ));
        }
        web::storage::ask_to_persist();
    });
}
