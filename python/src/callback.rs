//! Event callbacks: a Python callable run on the session thread with the interpreter lock
//! taken. What it raises is reported through `sys.unraisablehook` and the session goes on.
//! Calls that would wait for the session thread are refused by core.

use finesse_client::{Event, EventCallback};
use pyo3::prelude::*;

use crate::events;

/// The core callback running `callable` with each event. While the interpreter shuts down,
/// events are not delivered.
pub(crate) fn wrap(callable: Py<PyAny>) -> EventCallback {
    Box::new(move |event: &Event| {
        Python::try_attach(|py| {
            let result = events::to_py(py, event.clone()).and_then(|e| callable.call1(py, (e,)));
            if let Err(err) = result {
                err.write_unraisable(py, Some(callable.bind(py)));
            }
        });
    })
}
