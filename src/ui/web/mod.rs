//! Everything that touches the browser: the address, files, storage, the panic screen.

pub mod files;
pub mod location;
pub mod panic;
