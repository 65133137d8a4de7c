//! The shell of a `domain::core::Core`: sends it events with the clock's reading and carries out the effects it
//! returns, in the order they were made. An effect carried out may send another event (a save reports back); its
//! effects join the end of the queue, so no notice is ever delivered before one made earlier — the one rule of
//! ordering, kept here once for every page.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use crate::domain::core::Core;
use crate::ui::web::clock;

type Carrier<C> = Box<dyn Fn(&Store<C>, <C as Core>::Effect)>;

struct Inner<C: Core> {
    core: RefCell<C>,
    outbox: RefCell<VecDeque<C::Effect>>,
    draining: Cell<bool>,
    carrier: RefCell<Option<Carrier<C>>>,
    serial: u64,
}

/// A core and what carries out its effects. Clones are the same store.
pub struct Store<C: Core>(Rc<Inner<C>>);

impl<C: Core> Clone for Store<C> {
    fn clone(&self) -> Self {
        Store(self.0.clone())
    }
}

impl<C: Core> PartialEq for Store<C> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A store that does not keep it alive (for timers and callbacks that may outlive the page).
pub struct WeakStore<C: Core>(Weak<Inner<C>>);

impl<C: Core> WeakStore<C> {
    pub fn upgrade(&self) -> Option<Store<C>> {
        self.0.upgrade().map(Store)
    }
}

impl<C: Core + 'static> Store<C> {
    pub fn new(core: C) -> Self {
        Store(Rc::new(Inner {
            core: RefCell::new(core),
            outbox: RefCell::new(VecDeque::new()),
            draining: Cell::new(false),
            carrier: RefCell::new(None),
            serial: next_serial(),
        }))
    }

    /// Tells this store from every other made in this app (a page's new session from its last one): numbered as
    /// they are made, never reused as an address can be.
    pub fn serial(&self) -> u64 {
        self.0.serial
    }

    /// What carries out the effects (set once, after the store exists, so it can hold a `WeakStore`).
    pub fn carry_out_with(&self, carrier: impl Fn(&Store<C>, C::Effect) + 'static) {
        *self.0.carrier.borrow_mut() = Some(Box::new(carrier));
    }

    pub fn downgrade(&self) -> WeakStore<C> {
        WeakStore(Rc::downgrade(&self.0))
    }

    /// Reads the model. The closure must not send events.
    pub fn read<R>(&self, f: impl FnOnce(&C) -> R) -> R {
        f(&self.0.core.borrow())
    }

    /// Applies `event` now, then carries out its effects (and those of any event they send) in order. A send from
    /// inside an effect is applied at once and its effects queued after the ones before them.
    pub fn send(&self, event: C::Event) {
        let effects = self.0.core.borrow_mut().update(event, &clock::reading());
        self.0.outbox.borrow_mut().extend(effects);
        if self.0.draining.replace(true) {
            return;
        }
        loop {
            let next = self.0.outbox.borrow_mut().pop_front();
            let Some(effect) = next else { break };
            if let Some(carrier) = self.0.carrier.borrow().as_ref() {
                carrier(self, effect);
            }
        }
        self.0.draining.set(false);
    }
}

thread_local! {
    static SERIAL: Cell<u64> = const { Cell::new(0) };
}

fn next_serial() -> u64 {
    SERIAL.with(|g| {
        g.set(g.get() + 1);
        g.get()
    })
}
