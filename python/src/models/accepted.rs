//! `Accepted`: what a command returns, and what waiting on it gives.

use finesse_client::Outcome;
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::blocking;
use crate::convert;
use crate::errors;
use crate::exceptions::FinesseError;
use crate::models::{Dialog, User};

/// A command Finesse accepted (HTTP 202).
///
/// The outcome (the new state, the new call) follows: it is visible in the next read, and
/// Finesse publishes it as a notification that echoes ``request_id``. ``wait()`` waits for
/// it.
#[pyclass(frozen, module = "finesse_client")]
pub(crate) struct Accepted {
    /// The core's value; `None` only while it is dropped.
    inner: Option<finesse_client::Accepted>,
    request_id: String,
}

impl Accepted {
    const FIELDS: &[&str] = &["request_id"];

    /// Wraps the core's value.
    pub(crate) fn new(inner: finesse_client::Accepted) -> Self {
        Accepted {
            request_id: inner.request_id.clone(),
            inner: Some(inner),
        }
    }
}

impl Drop for Accepted {
    fn drop(&mut self) {
        // It holds a handle of the client, maybe the last (see `blocking::release`).
        blocking::release(self.inner.take());
    }
}

/// The Python value of a command's outcome: the ``User``, the ``Dialog``, or None when the
/// command ended the call.
pub(crate) fn outcome_to_py(py: Python<'_>, outcome: Outcome) -> PyResult<Py<PyAny>> {
    match outcome {
        Outcome::User(user) => User::from(user).into_py_any(py),
        Outcome::Dialog(dialog) => Dialog::from(dialog).into_py_any(py),
        // `Ended`: the call is over.
        _ => Ok(py.None()),
    }
}

#[pymethods]
impl Accepted {
    /// The ``requestId`` header the command carried.
    #[getter]
    fn request_id(&self) -> &str {
        &self.request_id
    }

    /// Waits for the command's outcome, releasing the interpreter lock.
    ///
    /// With a notification session running for the client (``Client.notifications()``,
    /// ``Client.events()``), the outcome is the notification echoing ``request_id``, or
    /// showing the requested change; a refusal by the CTI server raises ``CtiError``.
    /// Without one, the resource is read until it shows the requested state (a CTI refusal
    /// then shows as a timeout). Ctrl-C interrupts the wait (``KeyboardInterrupt``); the
    /// command may still take effect.
    ///
    /// Args:
    ///     timeout: Seconds to wait.
    ///
    /// Returns:
    ///     The agent's ``User`` after a state change (sign in, ready, not ready, sign out);
    ///     the new or changed ``Dialog`` after a call command (for ``make_call``, the new
    ///     call; for ``consult_call``, the consult call); None when the command ended the
    ///     call (``drop``, ``transfer``, ``transfer_sst``).
    ///
    /// Raises:
    ///     CtiError: The CTI server refused the command.
    ///     TimeoutError: The outcome was not seen in time; the command may still take effect.
    ///     ValidationError: ``timeout`` is not a positive number.
    fn wait(&self, py: Python<'_>, timeout: f64) -> PyResult<Py<PyAny>> {
        let timeout = convert::seconds("timeout", timeout).map_err(|e| errors::to_py(py, e))?;
        let accepted = self
            .inner
            .clone()
            .ok_or_else(|| FinesseError::new_err("the command is gone"))?;
        let outcome =
            blocking::run(py, move || accepted.wait(timeout))?.map_err(|e| errors::to_py(py, e))?;
        outcome_to_py(py, outcome)
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), Self::FIELDS)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), Self::FIELDS)
    }
}
