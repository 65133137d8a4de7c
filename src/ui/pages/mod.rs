//! One module per screen of `product.md`.

pub mod editor;
pub mod home;
pub mod ledger;
pub mod not_found;
pub mod other_lists;
pub mod print;
pub mod register;
