//! A place in the app where a page of a lazy module shows (汇总, 调度, 整改台账, 打印): it loads the module (the
//! first time, saying so), mounts the page into itself, and unmounts it when it goes or is given another page.

use yew::prelude::*;

use crate::ui::web::lazy::{self, Page};

#[derive(Properties, PartialEq)]
pub struct LazyPageProps {
    pub page: Page,
}

#[derive(Clone, PartialEq)]
enum State {
    Loading,
    Shown,
    Failed(String),
}

#[function_component(LazyPage)]
pub fn lazy_page(props: &LazyPageProps) -> Html {
    let root = use_node_ref();
    let state = use_state(|| State::Loading);
    {
        let (root, state) = (root.clone(), state.clone());
        use_effect_with(props.page.clone(), move |page| {
            // Whatever is mounted when this effect is cleaned up (the page goes, or another is asked for).
            let mounted = std::rc::Rc::new(std::cell::RefCell::new(None::<lazy::Mounted>));
            let gone = std::rc::Rc::new(std::cell::Cell::new(false));
            if let Some(el) = root.cast::<web_sys::Element>() {
                let (page, mounted, gone) = (page.clone(), mounted.clone(), gone.clone());
                state.set(State::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    match lazy::mount(&page, &el).await {
                        Ok(m) if gone.get() => m.unmount(),
                        Ok(m) => {
                            *mounted.borrow_mut() = Some(m);
                            state.set(State::Shown);
                        }
                        Err(e) => state.set(State::Failed(e)),
                    }
                });
            }
            move || {
                gone.set(true);
                if let Some(m) = mounted.borrow_mut().take() {
                    m.unmount();
                }
            }
        });
    }
    html! {
        <>
            {
                match &*state {
                    State::Loading => html! { <p class="muted lazy-loading" role="status">{ "正在载入……" }</p> },
                    State::Failed(e) => html! { <p class="notice error" role="alert">{ e }</p> },
                    State::Shown => html! {},
                }
            }
            <div class="lazy-page" ref={root}></div>
        </>
    }
}
