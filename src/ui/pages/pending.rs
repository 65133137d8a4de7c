//! A page whose feature has not landed yet: says so plainly and leads back.

use yew::prelude::*;

use crate::ui::route::Route;
use crate::ui::web::location;

#[derive(Properties, PartialEq)]
pub struct PendingProps {
    pub title: AttrValue,
}

#[function_component(Pending)]
pub fn pending(props: &PendingProps) -> Html {
    let home = Callback::from(|_: MouseEvent| location::go(&Route::Home));
    html! {
        <section aria-labelledby="pending-heading">
            <h1 id="pending-heading">{ &props.title }</h1>
            <p>{ "这部分功能还在制作中，下一个版本提供。您的数据不受影响。" }</p>
            <button type="button" onclick={home}>{ "返回首页" }</button>
        </section>
    }
}
