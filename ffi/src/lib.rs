//! The C ABI of finesse-client: `libfinesse` (`.so` and `.a`) and `include/finesse.h`.
//!
//! This crate only converts: C strings and handles in, core results and errors out. Every
//! behaviour (validation, requests, decoding) belongs to the `finesse-client` crate.
//!
//! The contract for C callers (handles, status codes, out-params, the thread-local last error,
//! borrowed and owned strings, thread-safety) is written out in `ffi/README.md`. Every exported
//! function follows it; that contract is also the safety contract of each `unsafe extern "C"`
//! function here, which is why they carry no separate `# Safety` sections.

// C names (`finesse_client`, `finesse_result`) are the public interface of this crate.
#![allow(non_camel_case_types)]
#![allow(
    clippy::missing_safety_doc,
    reason = "the safety contract of every exported function is the C API contract in ffi/README.md"
)]

mod accepted;
mod agent;
mod calls;
mod client;
mod config;
mod error;
mod events;
mod handles;
mod logging;
mod model_methods;
mod models;
mod notifications;
mod panic;
mod queries;
mod strings;
mod supervisor;
mod team_message;
mod team_resource;
mod token;

pub use accepted::*;
pub use agent::*;
pub use calls::*;
pub use client::*;
pub use config::*;
pub use error::*;
pub use events::*;
pub use logging::*;
pub use model_methods::*;
pub use models::*;
pub use notifications::*;
pub use queries::*;
pub use token::*;

use std::ffi::c_char;

use crate::panic::infallible;

/// The library version, e.g. `"0.1.0"`, equal to `FINESSE_VERSION`.
///
/// Returns a static NUL-terminated string: never free it. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn finesse_version() -> *const c_char {
    infallible(|| Some(concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()))
}
