//! Whether a mouse button is down on the page. A field left by pressing another control shows or hides its
//! findings only once the press is released: the messages coming or going above that control would move it between
//! the press and the release, and the click would land beside it — a radio button pressed after fixing the field
//! above it (its error gone on leaving) was not chosen. Mouse events rather than pointer events: a finger's tap
//! moves the focus only at its `mousedown`, which comes after the finger's `pointerup`, and its `mouseup` and click
//! follow in the same task.

use std::cell::{Cell, RefCell};

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;

type Held = Box<dyn FnOnce()>;

thread_local! {
    static PRESSED: Cell<bool> = const { Cell::new(false) };
    static HELD: RefCell<Vec<Held>> = const { RefCell::new(Vec::new()) };
    static LISTENERS: RefCell<Vec<EventListener>> = const { RefCell::new(Vec::new()) };
}

/// Starts following presses on the page (once; before any field can be left by one).
pub fn follow() {
    LISTENERS.with(|listeners| {
        let mut listeners = listeners.borrow_mut();
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if !listeners.is_empty() {
            return;
        }
        let capture = EventListenerOptions::run_in_capture_phase();
        listeners.push(EventListener::new_with_options(
            &document,
            "mousedown",
            capture,
            |_| PRESSED.with(|p| p.set(true)),
        ));
        // A `<select>` opens its list on the press, and the release may go to that list, not to the page: a
        // choice made in it, or a key typed, ends the press too, so that no finding waits for a later click. (A
        // text field's own `change` comes as the press leaves it: that one ends nothing.)
        for released in ["mouseup", "keydown", "change"] {
            listeners.push(EventListener::new_with_options(
                &document,
                released,
                capture,
                move |event| {
                    let a_select =
                        |t: web_sys::EventTarget| t.has_type::<web_sys::HtmlSelectElement>();
                    if released == "change" && !event.target().is_some_and(a_select) {
                        return;
                    }
                    PRESSED.with(|p| p.set(false));
                    // In a task of its own: the release's click is dispatched in this one, after it. Only when
                    // something waits: every key comes here, and a timer per key was ~0.3 ms of a key's script.
                    if HELD.with(|h| !h.borrow().is_empty()) {
                        gloo::timers::callback::Timeout::new(0, run_held).forget();
                    }
                },
            ));
        }
    });
}

/// Runs `f` now, or, while a press is down, once it is released and its click handled; in the order asked.
pub fn after_press(f: impl FnOnce() + 'static) {
    let wait = PRESSED.with(Cell::get) || HELD.with(|h| !h.borrow().is_empty());
    if wait {
        HELD.with(|h| h.borrow_mut().push(Box::new(f)));
    } else {
        f();
    }
}

fn run_held() {
    if PRESSED.with(Cell::get) {
        return;
    }
    let held = HELD.with(|h| std::mem::take(&mut *h.borrow_mut()));
    for f in held {
        f();
    }
}
