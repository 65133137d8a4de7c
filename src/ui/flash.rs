//! A one-time notice carried from one page to the next (e.g. "this file was changed after export", shown when the
//! imported list opens).

use std::cell::RefCell;

thread_local! {
    static FLASH: RefCell<Option<String>> = const { RefCell::new(None) };
    static FOCUS: RefCell<Option<String>> = const { RefCell::new(None) };
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
