//! Keys typed into a field and not yet read into the document.
//!
//! A text field reads its value after the frame that shows the key (`web::idle::after_paint`), not in the key's
//! own event: the character reaches the screen first, and the read, the edit and the save timer follow. Until
//! then the session holds the field's reader here, and runs it before anything else is asked of the session —
//! 撤销, a save, leaving the page, an export, a take-over — so nothing reads the document without the last key.

use std::cell::RefCell;
use std::rc::Rc;

/// The reader of the field with keys waiting, if any.
#[derive(Default)]
pub struct Typing(RefCell<Option<Rc<dyn Fn()>>>);

impl Typing {
    /// `read` takes the waiting keys into the document (and does nothing once they are taken). A field that had
    /// keys waiting before is read first.
    pub fn hold(&self, read: Rc<dyn Fn()>) {
        let before = self.0.borrow_mut().replace(read.clone());
        if let Some(before) = before.filter(|b| !Rc::ptr_eq(b, &read)) {
            before();
        }
    }

    /// Takes any waiting keys into the document now.
    pub fn read(&self) {
        let waiting = self.0.borrow_mut().take();
        if let Some(read) = waiting {
            read();
        }
    }

    /// Drops the waiting keys: the document they were typed into was replaced (another tab's copy).
    pub fn forget(&self) {
        self.0.borrow_mut().take();
    }
}
