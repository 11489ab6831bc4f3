//! `ApiErrorDetail`: one error of an `ApiErrors` document.

use finesse_client::model;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};

use crate::convert::{self, StrOrBytes};
use crate::errors;

/// One error reported by Finesse, as carried by ``ApiError.errors``.
///
/// Synchronous answers write ``ApiErrors/ApiError/ErrorType``; asynchronous CTI errors write
/// ``apiErrors/apiError/errorType``. Both are decoded, in any child order.
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct ApiErrorDetail {
    inner: model::ApiError,
}

impl ApiErrorDetail {
    const FIELDS: &[&str] = &[
        "error_type",
        "error_message",
        "error_data",
        "peripheral_error_code",
        "peripheral_error_msg",
        "peripheral_error_text",
    ];

    /// Wraps the core's value.
    pub(crate) fn new(inner: model::ApiError) -> Self {
        ApiErrorDetail { inner }
    }
}

#[pymethods]
impl ApiErrorDetail {
    /// Decodes one ``ApiError`` document (synchronous ``ApiError`` or CTI ``apiError`` form).
    ///
    /// Args:
    ///     data: The document, as ``str`` or ``bytes``.
    ///
    /// Raises:
    ///     DecodeError: The document is not an ``ApiError`` document.
    #[classmethod]
    fn from_xml(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: StrOrBytes,
    ) -> PyResult<ApiErrorDetail> {
        model::ApiError::from_xml(data)
            .map(ApiErrorDetail::new)
            .map_err(|e| errors::to_py(py, e))
    }

    /// Decodes an ``ApiErrors`` document (synchronous or CTI form) into its errors, in order.
    ///
    /// Args:
    ///     data: The document, as ``str`` or ``bytes``.
    ///
    /// Raises:
    ///     DecodeError: The document is not an ``ApiErrors`` document.
    #[classmethod]
    fn list_from_xml(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: StrOrBytes,
    ) -> PyResult<Vec<ApiErrorDetail>> {
        let errors = model::ApiError::list_from_xml(data).map_err(|e| errors::to_py(py, e))?;
        Ok(errors.into_iter().map(ApiErrorDetail::new).collect())
    }

    /// The class of error, e.g. ``Invalid State``, ``Parameter Missing``.
    #[getter]
    fn error_type(&self) -> &str {
        &self.inner.error_type
    }

    /// The message, e.g. ``SERVER_OUT_OF_SERVICE`` or a sentence.
    #[getter]
    fn error_message(&self) -> &str {
        &self.inner.error_message
    }

    /// The field, user or key at fault; for CTI errors, the CTI error code.
    #[getter]
    fn error_data(&self) -> &str {
        &self.inner.error_data
    }

    /// The peripheral's error code, for CTI-originated failures.
    #[getter]
    fn peripheral_error_code(&self) -> Option<&str> {
        self.inner.peripheral_error_code.as_deref()
    }

    /// The peripheral's error name.
    #[getter]
    fn peripheral_error_msg(&self) -> Option<&str> {
        self.inner.peripheral_error_msg.as_deref()
    }

    /// The peripheral's error text.
    #[getter]
    fn peripheral_error_text(&self) -> Option<&str> {
        self.inner.peripheral_error_text.as_deref()
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), Self::FIELDS)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), &Self::FIELDS[..3])
    }
}
