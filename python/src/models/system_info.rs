//! `SystemInfo`: a node's service status, deployment and peers.

use finesse_client::model;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};

use crate::convert::{self, StrOrBytes};
use crate::enums::{self, PyEnum};
use crate::errors;

/// A Finesse node's description: status, deployment type, XMPP domain, peers.
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct SystemInfo {
    inner: model::SystemInfo,
}

impl SystemInfo {
    const FIELDS: &[&str] = &[
        "status",
        "status_reason",
        "deployment_type",
        "xmpp_domain",
        "xmpp_pub_sub_domain",
        "primary_node",
        "secondary_node",
        "current_timestamp",
        "timezone_offset",
        "system_auth_mode",
        "license",
        "peripheral_id",
        "cti_version",
        "uri",
    ];
    const REPR: &[&str] = &["status", "deployment_type", "xmpp_domain"];

    /// Wraps the core's value.
    pub(crate) fn new(inner: model::SystemInfo) -> Self {
        SystemInfo { inner }
    }
}

#[pymethods]
impl SystemInfo {
    /// Decodes a ``SystemInfo`` document.
    ///
    /// Args:
    ///     data: The document, as ``str`` or ``bytes``.
    ///
    /// Raises:
    ///     DecodeError: The document is not a ``SystemInfo`` document.
    #[classmethod]
    fn from_xml(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: StrOrBytes,
    ) -> PyResult<SystemInfo> {
        model::SystemInfo::from_xml(data)
            .map(SystemInfo::new)
            .map_err(|e| errors::to_py(py, e))
    }

    /// ``IN_SERVICE``, ``OUT_OF_SERVICE`` or ``PARTIAL_SERVICE`` (a ``SystemStatus``).
    #[getter]
    fn status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.inner.status.to_py(py)
    }

    /// Why the node is not in service.
    #[getter]
    fn status_reason(&self) -> Option<&str> {
        self.inner.status_reason.as_deref()
    }

    /// ``UCCE``, ``UCCX`` or ``PCCE`` (a ``DeploymentType``), if given.
    #[getter]
    fn deployment_type<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        enums::optional(py, self.inner.deployment_type.as_ref())
    }

    /// The XMPP domain, used in JIDs.
    #[getter]
    fn xmpp_domain(&self) -> Option<&str> {
        self.inner.xmpp_domain.as_deref()
    }

    /// The XMPP pub-sub service domain.
    #[getter]
    fn xmpp_pub_sub_domain(&self) -> Option<&str> {
        self.inner.xmpp_pub_sub_domain.as_deref()
    }

    /// Side A host.
    #[getter]
    fn primary_node(&self) -> Option<&str> {
        self.inner.primary_node.as_deref()
    }

    /// Side B host.
    #[getter]
    fn secondary_node(&self) -> Option<&str> {
        self.inner.secondary_node.as_deref()
    }

    /// The server's clock.
    #[getter]
    fn current_timestamp(&self) -> Option<&str> {
        self.inner.current_timestamp.as_deref()
    }

    /// The server's offset from UTC, in minutes.
    #[getter]
    fn timezone_offset(&self) -> Option<i64> {
        self.inner.timezone_offset
    }

    /// ``NON_SSO``, ``SSO`` or ``HYBRID``.
    #[getter]
    fn system_auth_mode(&self) -> Option<&str> {
        self.inner.system_auth_mode.as_deref()
    }

    /// The license string.
    #[getter]
    fn license(&self) -> Option<&str> {
        self.inner.license.as_deref()
    }

    /// The CCE peripheral id.
    #[getter]
    fn peripheral_id(&self) -> Option<&str> {
        self.inner.peripheral_id.as_deref()
    }

    /// The CTI protocol version.
    #[getter]
    fn cti_version(&self) -> Option<&str> {
        self.inner.cti_version.as_deref()
    }

    /// The resource URI.
    #[getter]
    fn uri(&self) -> &str {
        &self.inner.uri
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), Self::FIELDS)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), Self::REPR)
    }
}
