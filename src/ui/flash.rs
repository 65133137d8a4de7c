//! A one-time notice carried from one page to the next (e.g. "this file was changed after export", shown when the
//! imported list opens).

use std::cell::RefCell;

thread_local! {
    static FLASH: RefCell<Option<String>> = const { RefCell::new(None) };
    static FOCUS: RefCell<Option<String>> = const { RefCell::new(None) };
}

thread_local! {
    static HEARD: RefCell<Option<yew::Callback<String>>> = const { RefCell::new(None) };
}

/// A notice that arrives after the page is up (the start-up's recovery of drafts): told to the page listening
/// (`listen`), else kept for the next page like `set`.
pub fn announce(message: String) {
    match HEARD.with(|h| h.borrow().clone()) {
        Some(listener) => listener.emit(message),
        None => set(message),
    }
}

/// The page that shows announcements as they come; `None` when it goes.
pub fn listen(listener: Option<yew::Callback<String>>) {
    HEARD.with(|h| *h.borrow_mut() = listener);
}

pub fn set(message: String) {
    FLASH.with(|f| *f.borrow_mut() = Some(message));
}

pub fn take() -> Option<String> {
    FLASH.with(|f| f.borrow_mut().take())
}

/// A field to focus once the page that holds it has rendered.
pub fn focus_later(path: String) {
    FOCUS.with(|f| *f.borrow_mut() = Some(path));
}

pub fn take_focus() -> Option<String> {
    FOCUS.with(|f| f.borrow_mut().take())
}
