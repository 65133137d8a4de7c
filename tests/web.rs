//! Browser tests of the Yew components: each mounts into a fresh element of a real page (headless Chromium) and
//! checks what a user would see. Run by `./x test` (`cargo test --target wasm32-unknown-unknown --test web`).
#![cfg(target_arch = "wasm32")]

use rectify::domain::model::Kind;
use rectify::ui::pages::home::Home;
use rectify::ui::route::Route;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

async fn mount<C: BaseComponent<Properties = ()>>() -> Element {
    let root = fresh_root();
    yew::Renderer::<C>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn buttons(root: &Element) -> Vec<String> {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn the_start_page_names_the_app_and_offers_every_way_in() {
    let root = mount::<Home>().await;
    let heading = root.query_selector("h1").unwrap().unwrap();
    assert_eq!(heading.text_content().unwrap(), "检视整改清单");
    assert!(root.text_content().unwrap().contains("不会上传到任何地方"));
    assert_eq!(
        buttons(&root),
        vec!["新建党组织清单", "新建党员清单", "汇总"]
    );
    let picker = root.query_selector("input[type=file]").unwrap().unwrap();
    let label = picker.closest("label").unwrap().unwrap();
    assert_eq!(label.text_content().unwrap(), "导入文件");
}

#[wasm_bindgen_test]
async fn the_new_list_buttons_lead_to_their_pages() {
    let root = mount::<Home>().await;
    let button: HtmlElement = root
        .query_selector("button.primary")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    let hash = gloo::utils::window().location().hash().unwrap();
    assert_eq!(Route::parse(&hash), Route::New(Kind::Org));
    gloo::utils::window().location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
fn routes_read_back_what_they_write() {
    for route in [
        Route::Home,
        Route::New(Kind::Org),
        Route::New(Kind::Member),
        Route::Consolidate,
    ] {
        assert_eq!(Route::parse(&route.hash()), route);
    }
    assert_eq!(Route::parse(""), Route::Home);
    assert_eq!(Route::parse("#/nowhere"), Route::NotFound("nowhere".into()));
}
