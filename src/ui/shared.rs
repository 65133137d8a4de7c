//! A large value handed from a page to its parts (the 汇总 set and what was made of it run to megabytes): equal
//! only to itself, so comparing props or memo keys costs nothing, whatever its size.

use std::ops::Deref;
use std::rc::Rc;

pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }

    /// The value a model already shares.
    pub fn from_rc(rc: &Rc<T>) -> Self {
        Shared(rc.clone())
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
