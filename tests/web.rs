//! Browser tests of the Yew components: each mounts into a fresh element of a real page (headless Chromium) and
//! checks what a user would see. Run by `./x test` (`cargo test --target wasm32-unknown-unknown --test web`).
#![cfg(target_arch = "wasm32")]

use rectify::domain::editor::drafts::Draft;
use rectify::domain::editor::route::{Route, Step};
use rectify::domain::list::model::{Document, Kind};
use rectify::ui::pages::editor::{Editor, EditorProps};
use rectify::ui::pages::home::Home;
use rectify::ui::web::storage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
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

async fn mount_editor(id: &str, step: Step) -> Element {
    let root = fresh_root();
    let props = EditorProps {
        id: id.to_string(),
        step,
        focus: None,
    };
    yew::Renderer::<Editor>::with_root_and_props(root.clone(), props).render();
    // The draft is read from both stored copies, one of them asynchronously: wait until the editor shows it.
    let shown = until(2000.0, || {
        let root = root.clone();
        async move { root.query_selector(".editor-head").unwrap().is_some() }
    })
    .await;
    assert!(shown, "the editor opened the draft");
    root
}

/// Waits until `condition` holds, for at most `limit_ms`; says whether it came to hold.
async fn until<F, Fut>(limit_ms: f64, condition: F) -> bool
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = js_sys::Date::now();
    loop {
        yew::scheduler::flush().await;
        if condition().await {
            return true;
        }
        if js_sys::Date::now() - start > limit_ms {
            return false;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
}

async fn stored(id: &str) -> Option<Draft> {
    storage::load(&storage::Shelf::default(), id)
        .await
        .and_then(Result::ok)
        .map(|c| c.draft)
}

fn buttons(root: &Element) -> Vec<String> {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

/// The control labelled `label` (its `<label for>`), inside `root`.
fn labelled(root: &Element, label: &str) -> HtmlInputElement {
    let labels = root.query_selector_all("label").unwrap();
    for i in 0..labels.length() {
        let l: Element = labels.item(i).unwrap().dyn_into().unwrap();
        if l.text_content().unwrap_or_default().trim_end_matches(" *") == label {
            let id = l.get_attribute("for").expect("labels name their control");
            return gloo::utils::document()
                .get_element_by_id(&id)
                .unwrap()
                .unchecked_into();
        }
    }
    panic!("no field labelled {label}");
}

fn stored_org_draft() -> String {
    let id = rectify::ui::web::clock::new_id();
    let draft = Draft::of(Document::new(Kind::Org, id.clone()), String::new());
    storage::save(&storage::Shelf::default(), &draft, |_| {}).unwrap();
    id
}

#[wasm_bindgen_test]
async fn the_start_page_names_the_app_and_offers_every_way_in() {
    let root = mount::<Home>().await;
    let heading = root.query_selector("h1").unwrap().unwrap();
    assert_eq!(heading.text_content().unwrap(), "检视整改清单");
    assert!(root.text_content().unwrap().contains("不会上传到任何地方"));
    let shown = buttons(&root);
    for name in ["新建党组织清单", "新建党员清单", "新建个人清单", "汇总"] {
        assert!(shown.iter().any(|b| b == name), "{name} in {shown:?}");
    }
    let picker = root.query_selector("input[type=file]").unwrap().unwrap();
    let label = picker.closest("label").unwrap().unwrap();
    assert_eq!(label.text_content().unwrap(), "导入文件");
}

#[wasm_bindgen_test]
async fn a_new_list_is_saved_as_a_draft_and_opened() {
    let root = mount::<Home>().await;
    let button: HtmlElement = root
        .query_selector("button.primary")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    let hash = gloo::utils::window().location().hash().unwrap();
    let Route::Edit(id, Step::Header) = Route::parse(&hash) else {
        panic!("expected the editor, got {hash}");
    };
    let draft = stored(&id).await.expect("the draft is stored");
    assert_eq!(draft.document.kind, Kind::Org);
    storage::delete(&id);
    gloo::utils::window().location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn a_field_left_empty_says_so_and_is_marked_invalid() {
    let id = stored_org_draft();
    let root = mount_editor(&id, Step::Header).await;
    let name = labelled(&root, "党组织名称");
    assert_eq!(
        name.get_attribute("aria-invalid").as_deref(),
        Some("false"),
        "not before it is left"
    );
    name.focus().unwrap();
    name.blur().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = name.get_attribute("aria-describedby").unwrap();
    let message = gloo::utils::document()
        .get_element_by_id(&described)
        .unwrap();
    assert!(message.text_content().unwrap().contains("请填写党组织名称"));
    storage::delete(&id);
}

#[wasm_bindgen_test]
async fn typing_is_saved_to_storage_within_a_second() {
    let id = stored_org_draft();
    let root = mount_editor(&id, Step::Header).await;
    let filer = labelled(&root, "填报人");
    filer.set_value("陈晓燕");
    filer
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    let saved = until(1000.0, || {
        let id = id.clone();
        async move {
            stored(&id)
                .await
                .is_some_and(|d| d.document.header.filed_by == "陈晓燕")
        }
    })
    .await;
    assert!(saved, "saved within a second");
    storage::delete(&id);
}

#[wasm_bindgen_test]
async fn adding_a_problem_shows_its_fields_and_first_measure() {
    let id = stored_org_draft();
    let root = mount_editor(&id, Step::Problems).await;
    let add: HtmlElement = root
        .query_selector("#f-problems")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(add.text_content().unwrap(), "添加问题");
    add.click();
    yew::scheduler::flush().await;
    for label in [
        "问题表现",
        "措施内容",
        "整改目标",
        "牵头责任人（责任领导）",
        "责任单位（部门）",
    ] {
        labelled(&root, label);
    }
    let radios: Vec<String> = {
        let list = root
            .query_selector_all("fieldset.deadline label.choice")
            .unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(radios, vec!["立行立改", "限期整改", "长期坚持"]);
    storage::delete(&id);
}

#[wasm_bindgen_test]
async fn an_unknown_address_says_so_and_leads_home() {
    // Through the app's router, as a mistyped bookmark would arrive.
    gloo::utils::window()
        .location()
        .set_hash("#/nowhere")
        .unwrap();
    let root = mount::<rectify::ui::App>().await;
    gloo::utils::window().location().set_hash("").unwrap();
    assert_eq!(
        root.query_selector("h1")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "找不到这个页面"
    );
    assert_eq!(buttons(&root), vec!["返回首页"]);
}

#[wasm_bindgen_test]
async fn several_fields_may_hear_one_path_and_a_listener_may_call_the_session() {
    use rectify::domain::list::edit::{Action, HeaderField};
    use rectify::domain::list::findings::Finding;
    use rectify::ui::session::SessionHandle;
    use std::cell::RefCell;
    use std::rc::Rc;

    let id = stored_org_draft();
    let draft = stored(&id).await.expect("stored");
    let session = SessionHandle::open(storage::Shelf::default(), draft, None, Callback::noop());
    let (a, b) = (
        Rc::new(RefCell::new(Vec::new())),
        Rc::new(RefCell::new(Vec::new())),
    );
    let heard_a = a.clone();
    let (_, first) = session.subscribe(
        "header.org_name",
        Callback::from(move |f: Vec<Finding>| heard_a.borrow_mut().push(f.len())),
    );
    // The second one changes the session while it is being told: a re-entrant call.
    let (heard_b, again) = (b.clone(), session.clone());
    let (_, second) = session.subscribe(
        "header.org_name",
        Callback::from(move |f: Vec<Finding>| {
            heard_b.borrow_mut().push(f.len());
            again.edit(Action::SetHeader(HeaderField::FiledBy, "陈晓燕".into()));
            again.leave("header.filed_by");
        }),
    );
    session.leave("header.org_name");
    assert_eq!(*a.borrow(), vec![1], "the first heard the missing name");
    assert_eq!(*b.borrow(), vec![1], "so did the second");
    assert_eq!(session.read(|s| s.doc.header.filed_by.clone()), "陈晓燕");

    // Ending the first subscription leaves the second one as it was.
    drop(first);
    session.edit(Action::SetHeader(
        HeaderField::OrgName,
        "交警大队党支部".into(),
    ));
    session.leave("header.org_name");
    assert_eq!(*a.borrow(), vec![1], "an ended subscription hears nothing");
    assert_eq!(*b.borrow(), vec![1, 0], "the other still hears");
    drop(second);
    session.flush();
    storage::delete(&id);
}

/// A core that says, for each event, "heard N" — and, for event 1, asks its shell to send event 2 from inside the
/// effect that carries it out (as a save reports back).
struct Echo;

impl rectify::domain::core::Core for Echo {
    type Event = u32;
    type Effect = String;

    fn update(&mut self, event: u32, _: &rectify::domain::core::Now) -> Vec<String> {
        vec![format!("heard {event}"), format!("after {event}")]
    }
}

#[wasm_bindgen_test]
fn a_store_delivers_every_notice_in_the_order_it_was_made() {
    use rectify::ui::store::Store;
    use std::cell::RefCell;
    use std::rc::Rc;
    let delivered = Rc::new(RefCell::new(Vec::<String>::new()));
    let store = Store::new(Echo);
    let log = delivered.clone();
    store.carry_out_with(move |store, effect| {
        log.borrow_mut().push(effect.clone());
        if effect == "heard 1" {
            // Nested: its notices come after those made before it, never in between.
            store.send(2);
        }
    });
    store.send(1);
    assert_eq!(
        *delivered.borrow(),
        ["heard 1", "after 1", "heard 2", "after 2"]
    );
}
