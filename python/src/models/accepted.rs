//! `Accepted`: what a command returns.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert;

/// A command Finesse accepted (HTTP 202).
///
/// The outcome (the new state, the new call) follows: it is visible in the next read, and
/// Finesse publishes it as a notification that echoes ``request_id``.
#[pyclass(frozen, module = "finesse_client")]
pub(crate) struct Accepted {
    inner: finesse_client::Accepted,
}

impl Accepted {
    const FIELDS: &[&str] = &["request_id"];

    /// Wraps the core's value.
    pub(crate) fn new(inner: finesse_client::Accepted) -> Self {
        Accepted { inner }
    }
}

#[pymethods]
impl Accepted {
    /// The ``requestId`` header the command carried.
    #[getter]
    fn request_id(&self) -> &str {
        &self.inner.request_id
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), Self::FIELDS)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), Self::FIELDS)
    }
}
