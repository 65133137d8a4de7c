//! Who listens to the open draft: each field shown, with its subscribers, and the status line. A subscription is a
//! token: a field may have several subscribers, and dropping a token ends that one subscription and no other. A
//! token needs no access to the session, so it can be dropped at any moment: ended subscriptions are forgotten the
//! next time anyone is told.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::Callback;

use crate::domain::list::findings::Finding;

/// A subscription; dropping it ends it.
pub struct Subscription {
    alive: Rc<Cell<bool>>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.alive.set(false);
    }
}

/// One subscriber: its callback, and whether its token still lives.
struct Subscriber<T> {
    callback: Callback<T>,
    alive: Rc<Cell<bool>>,
}

/// The subscribers of one thing.
pub struct Listeners<T>(RefCell<Vec<Subscriber<T>>>);

impl<T> Default for Listeners<T> {
    fn default() -> Self {
        Listeners(RefCell::new(Vec::new()))
    }
}

impl<T: Clone + 'static> Listeners<T> {
    pub fn add(&self, callback: Callback<T>) -> Subscription {
        let alive = Rc::new(Cell::new(true));
        self.0.borrow_mut().push(Subscriber {
            callback,
            alive: alive.clone(),
        });
        Subscription { alive }
    }

    /// Tells every live subscriber; false when none is left. The callbacks run after the list is let go, so one
    /// may subscribe or end a subscription.
    pub fn tell(&self, value: T) -> bool {
        let callbacks: Vec<Callback<T>> = {
            let mut list = self.0.borrow_mut();
            list.retain(|s| s.alive.get());
            list.iter().map(|s| s.callback.clone()).collect()
        };
        for callback in &callbacks {
            callback.emit(value.clone());
        }
        !callbacks.is_empty()
    }

    /// Whether no live subscriber is left (the ended ones forgotten).
    fn is_empty(&self) -> bool {
        let mut list = self.0.borrow_mut();
        list.retain(|s| s.alive.get());
        list.is_empty()
    }
}

/// Each field shown on the page, by its finding path, with its subscribers (a list: a map type would be kilobytes
/// of the start-up module).
#[derive(Default)]
pub struct Fields(RefCell<Vec<(String, Rc<FieldListeners>)>>);

type FieldListeners = Listeners<Vec<Finding>>;

impl Fields {
    /// Subscribes to the field at `path`; true when it had no live subscriber (the core must start watching it).
    pub fn subscribe(&self, path: &str, callback: Callback<Vec<Finding>>) -> (bool, Subscription) {
        let listeners = {
            let mut fields = self.0.borrow_mut();
            match fields.iter().find(|(p, _)| p == path) {
                Some((_, listeners)) => listeners.clone(),
                None => {
                    let listeners = Rc::new(Listeners::default());
                    fields.push((path.to_string(), listeners.clone()));
                    listeners
                }
            }
        };
        let first = listeners.is_empty();
        (first, listeners.add(callback))
    }

    /// Tells the field's subscribers its findings; false, and the field forgotten, when nobody shows it any more.
    pub fn tell(&self, path: &str, findings: Vec<Finding>) -> bool {
        let listeners = (self.0.borrow().iter())
            .find(|(p, _)| p == path)
            .map(|(_, l)| l.clone());
        let told = listeners.is_some_and(|l| l.tell(findings));
        if !told {
            self.0.borrow_mut().retain(|(p, _)| p != path);
        }
        told
    }
}
