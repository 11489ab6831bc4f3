//! Python bindings of finesse-client: the native module `finesse_client._finesse_client`.
//!
//! The bindings only convert: arguments into the core's types, the core's models into frozen
//! Python classes, and the core's errors into the package's exception classes.

mod client;
mod convert;
mod enums;
mod errors;
mod exceptions;
mod models;

use pyo3::prelude::*;

/// The native module; `finesse_client/__init__.py` re-exports it.
#[pymodule]
fn _finesse_client(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<client::Client>()?;
    m.add_class::<models::Accepted>()?;
    m.add_class::<models::ApiErrorDetail>()?;
    m.add_class::<models::Dialog>()?;
    m.add_class::<models::MediaProperties>()?;
    m.add_class::<models::MobileAgent>()?;
    m.add_class::<models::Participant>()?;
    m.add_class::<models::ReasonCode>()?;
    m.add_class::<models::ScheduledCallbackInfo>()?;
    m.add_class::<models::SystemInfo>()?;
    m.add_class::<models::TeamRef>()?;
    m.add_class::<models::User>()?;
    m.add_class::<models::UserSettings>()?;
    m.add_class::<models::WrapUpReason>()?;
    exceptions::register(m)
}
