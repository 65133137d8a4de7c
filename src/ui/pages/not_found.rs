//! An address the app does not know (a mistyped or old bookmark): says so plainly and leads home.

use yew::prelude::*;

use crate::domain::editor::route::Route;
use crate::ui::web::location;

pub fn not_found() -> Html {
    let home = Callback::from(|_: MouseEvent| location::go(&Route::Home));
    html! {
        <section aria-labelledby="not-found-heading">
            <h1 id="not-found-heading">{ "找不到这个页面" }</h1>
            <p>{ "地址可能输错了，或者来自旧的书签。您的草稿不受影响。" }</p>
            <button type="button" onclick={home}>{ "返回首页" }</button>
        </section>
    }
}
