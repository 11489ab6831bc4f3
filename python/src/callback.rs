//! Event callbacks: a Python callable run on the session thread with the interpreter lock
//! taken. What it raises is reported through `sys.unraisablehook` and the session goes on.

use std::cell::Cell;

use finesse_client::{Event, EventCallback};
use pyo3::prelude::*;

use crate::events;
use crate::exceptions::FinesseError;

thread_local! {
    /// Set while a callback runs on this thread (a session thread).
    static IN_CALLBACK: Cell<bool> = const { Cell::new(false) };
}

/// The core callback running `callable` with each event. While the interpreter shuts down,
/// events are not delivered.
pub(crate) fn wrap(callable: Py<PyAny>) -> EventCallback {
    Box::new(move |event: &Event| {
        Python::try_attach(|py| {
            IN_CALLBACK.set(true);
            let result = events::to_py(py, event.clone()).and_then(|e| callable.call1(py, (e,)));
            IN_CALLBACK.set(false);
            if let Err(err) = result {
                err.write_unraisable(py, Some(callable.bind(py)));
            }
        });
    })
}

/// Whether a callback is running on this thread.
pub(crate) fn running() -> bool {
    IN_CALLBACK.get()
}

/// Refuses `what` inside a callback: it would wait for the session thread, which is the one
/// running the callback.
pub(crate) fn forbid(what: &str) -> PyResult<()> {
    if running() {
        return Err(FinesseError::new_err(format!(
            "{what} cannot be called from an event callback: it runs on the session thread, \
             which {what} would wait for"
        )));
    }
    Ok(())
}
