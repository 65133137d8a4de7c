//! The address's hash, read, changed and followed.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

use crate::domain::editor::route::Route;

fn window() -> web_sys::Window {
    web_sys::window().expect("the app runs in a window")
}

pub fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Goes to `route`; the hashchange listener then shows it.
pub fn go(route: &Route) {
    let _ = window().location().set_hash(&route.hash());
}

/// Goes to `route` in place of the address shown, so that 后退 does not come back to it (a 新建 address, which
/// would make another).
pub fn replace(route: &Route) {
    let _ = window().location().replace(&route.hash());
}

/// Calls `f` with the new hash whenever it changes; stops when the listener is dropped.
pub fn on_hash_change(f: impl Fn(String) + 'static) -> EventListener {
    let target: web_sys::EventTarget = window().unchecked_into();
    EventListener::new(&target, "hashchange", move |_| f(hash()))
}
