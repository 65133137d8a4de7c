//! One module per screen of `product.md`.

pub mod home;
pub mod pending;
