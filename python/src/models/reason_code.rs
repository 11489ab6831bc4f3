//! `ReasonCode` (NOT_READY and LOGOUT reasons) and `WrapUpReason`.

use finesse_client::model;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};

use crate::convert::{self, StrOrBytes};
use crate::enums;
use crate::errors;

/// A NOT_READY or LOGOUT reason.
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct ReasonCode {
    inner: model::ReasonCode,
}

impl ReasonCode {
    const FIELDS: &[&str] = &[
        "id",
        "uri",
        "category",
        "code",
        "label",
        "for_all",
        "system_code",
    ];
    const REPR: &[&str] = &["id", "category", "code", "label"];

    /// Wraps the core's value.
    pub(crate) fn new(inner: model::ReasonCode) -> Self {
        ReasonCode { inner }
    }
}

#[pymethods]
impl ReasonCode {
    /// Decodes one ``ReasonCode`` document.
    ///
    /// Args:
    ///     data: The document, as ``str`` or ``bytes``.
    ///
    /// Raises:
    ///     DecodeError: The document is not a ``ReasonCode`` document.
    #[classmethod]
    fn from_xml(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: StrOrBytes,
    ) -> PyResult<ReasonCode> {
        model::ReasonCode::from_xml(data)
            .map(ReasonCode::new)
            .map_err(|e| errors::to_py(py, e))
    }

    /// Decodes a ``ReasonCodes`` list document.
    ///
    /// Args:
    ///     data: The document, as ``str`` or ``bytes``.
    ///
    /// Raises:
    ///     DecodeError: The document is not a ``ReasonCodes`` document.
    #[classmethod]
    fn list_from_xml(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: StrOrBytes,
    ) -> PyResult<Vec<ReasonCode>> {
        model::ReasonCode::list_from_xml(data)
            .map(|codes| codes.into_iter().map(ReasonCode::new).collect())
            .map_err(|e| errors::to_py(py, e))
    }

    /// The Finesse id, sent as ``reason_code_id`` in state changes.
    #[getter]
    fn id(&self) -> Option<i64> {
        self.inner.id
    }

    /// The resource URI.
    #[getter]
    fn uri(&self) -> &str {
        &self.inner.uri
    }

    /// ``NOT_READY`` or ``LOGOUT`` (a ``ReasonCodeCategory``), if given.
    #[getter]
    fn category<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        enums::optional(py, self.inner.category.as_ref())
    }

    /// The CTI reason code number.
    #[getter]
    fn code(&self) -> Option<i64> {
        self.inner.code
    }

    /// The label shown to agents.
    #[getter]
    fn label(&self) -> &str {
        &self.inner.label
    }

    /// Whether the code is global rather than assigned to teams.
    #[getter]
    fn for_all(&self) -> Option<bool> {
        self.inner.for_all
    }

    /// Whether the code is defined by the system rather than an administrator.
    #[getter]
    fn system_code(&self) -> Option<bool> {
        self.inner.system_code
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), Self::FIELDS)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), Self::REPR)
    }
}

/// A wrap-up reason.
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct WrapUpReason {
    inner: model::WrapUpReason,
}

impl WrapUpReason {
    const FIELDS: &[&str] = &["id", "uri", "label", "for_all"];
    const REPR: &[&str] = &["id", "label"];

    /// Wraps the core's value.
    pub(crate) fn new(inner: model::WrapUpReason) -> Self {
        WrapUpReason { inner }
    }
}

#[pymethods]
impl WrapUpReason {
    /// Decodes one ``WrapUpReason`` document.
    ///
    /// Args:
    ///     data: The document, as ``str`` or ``bytes``.
    ///
    /// Raises:
    ///     DecodeError: The document is not a ``WrapUpReason`` document.
    #[classmethod]
    fn from_xml(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: StrOrBytes,
    ) -> PyResult<WrapUpReason> {
        model::WrapUpReason::from_xml(data)
            .map(WrapUpReason::new)
            .map_err(|e| errors::to_py(py, e))
    }

    /// Decodes a ``WrapUpReasons`` list document.
    ///
    /// Args:
    ///     data: The document, as ``str`` or ``bytes``.
    ///
    /// Raises:
    ///     DecodeError: The document is not a ``WrapUpReasons`` document.
    #[classmethod]
    fn list_from_xml(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: StrOrBytes,
    ) -> PyResult<Vec<WrapUpReason>> {
        model::WrapUpReason::list_from_xml(data)
            .map(|reasons| reasons.into_iter().map(WrapUpReason::new).collect())
            .map_err(|e| errors::to_py(py, e))
    }

    /// The Finesse id, from the ``id`` element or the URI.
    #[getter]
    fn id(&self) -> Option<i64> {
        self.inner.id
    }

    /// The resource URI.
    #[getter]
    fn uri(&self) -> &str {
        &self.inner.uri
    }

    /// The label: what ``update_call_data(wrap_up_reason=...)`` sets.
    #[getter]
    fn label(&self) -> &str {
        &self.inner.label
    }

    /// Whether the reason is global rather than assigned to teams.
    #[getter]
    fn for_all(&self) -> Option<bool> {
        self.inner.for_all
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), Self::FIELDS)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), Self::REPR)
    }
}
