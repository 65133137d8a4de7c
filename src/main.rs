//! Entry point. In the browser it mounts the app; on the host it only says where the app is.

#[cfg(target_arch = "wasm32")]
fn main() {
    rectify::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("检视整改清单 runs in the browser: use `./x run` (see README.md).");
}
