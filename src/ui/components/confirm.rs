//! An inline confirmation: says what will happen and offers to go ahead or not. No browser dialog, so it reads
//! well, works with the keyboard, and never blocks the page.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    pub message: AttrValue,
    pub confirm_label: AttrValue,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
    /// More to say or choose before confirming (a checkbox).
    #[prop_or_default]
    pub children: Html,
}

#[function_component(Confirm)]
pub fn confirm(props: &ConfirmProps) -> Html {
    let yes_ref = use_node_ref();
    {
        // Focus goes to the question, so keyboard and screen-reader users meet it at once.
        let yes_ref = yes_ref.clone();
        use_effect_with((), move |_| {
            if let Some(el) = yes_ref.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let yes = props.on_confirm.reform(|_: MouseEvent| ());
    let no = props.on_cancel.reform(|_: MouseEvent| ());
    html! {
        <div class="confirm" role="alertdialog" aria-label={props.message.clone()}>
            <p>{ &props.message }</p>
            { props.children.clone() }
            <div class="button-row">
                <button type="button" class="danger" ref={yes_ref} onclick={yes}>{ &props.confirm_label }</button>
                <button type="button" onclick={no}>{ "取消" }</button>
            </div>
        </div>
    }
}
