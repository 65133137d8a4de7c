//! Up, down and remove (with confirmation) for a problem, measure or member of the editor.

use yew::prelude::*;

use crate::domain::list::edit::Action;
use crate::ui::components::confirm::Confirm;
use crate::ui::session::SessionHandle;

/// Up, down and remove (with confirmation) for a problem, measure or member.
#[derive(Properties, PartialEq)]
pub struct ItemActionsProps {
    pub id: AttrValue,
    /// What the item is called in button names and the question, e.g. `问题2`.
    pub name: AttrValue,
    pub index: usize,
    pub count: usize,
    /// What else goes with it, for the question (`及其整改措施`).
    #[prop_or_default]
    pub with: AttrValue,
}

/// The id of an item's 上移 (`delta` -1) or 下移 button.
fn button_id(item: &str, delta: i32) -> String {
    let way = if delta < 0 { "up" } else { "down" };
    format!("move-{way}-{}", crate::ui::dom::field_id(item))
}

#[function_component(ItemActions)]
pub fn item_actions(props: &ItemActionsProps) -> Html {
    let session = use_context::<SessionHandle>().expect("inside an editor");
    let asking = use_state(|| false);
    // After a move the card is elsewhere on the page: focus follows it to the button pressed (or, at an end of
    // the list, the other one), shown on screen, so that a second press moves it again.
    let mover = |delta: i32| {
        let (session, id) = (session.clone(), props.id.to_string());
        Callback::from(move |_: MouseEvent| {
            session.edit(Action::Move(id.clone(), delta));
            let id = id.clone();
            gloo::timers::callback::Timeout::new(0, move || {
                let pressed = button_id(&id, delta);
                if !crate::ui::dom::focus_enabled(&pressed) {
                    crate::ui::dom::focus_enabled(&button_id(&id, -delta));
                }
            })
            .forget();
        })
    };
    let ask = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(true))
    };
    let on_confirm = {
        let (session, id, asking) = (session.clone(), props.id.to_string(), asking.clone());
        Callback::from(move |_| {
            asking.set(false);
            session.edit(Action::Remove(id.clone()));
        })
    };
    let on_cancel = {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(false))
    };
    html! {
        <div class="item-actions">
            <button type="button" class="small" id={button_id(&props.id, -1)} disabled={props.index == 0} onclick={mover(-1)} aria-label={format!("上移{}", props.name)}>{ "上移" }</button>
            <button type="button" class="small" id={button_id(&props.id, 1)} disabled={props.index + 1 >= props.count} onclick={mover(1)} aria-label={format!("下移{}", props.name)}>{ "下移" }</button>
            <button type="button" class="small danger-text" onclick={ask} aria-label={format!("删除{}", props.name)}>{ "删除" }</button>
            if *asking {
                <Confirm message={format!("确定删除{}{}吗？删除后可以点“撤销”恢复。", props.name, props.with)}
                    confirm_label={format!("删除{}", props.name)} {on_confirm} {on_cancel} />
            }
        </div>
    }
}
