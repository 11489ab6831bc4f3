//! `User`, with its `UserSettings`, `TeamRef`s and `MobileAgent`.

use finesse_client::model;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};

use crate::convert::{self, StrOrBytes};
use crate::enums::{self, PyEnum};
use crate::errors;
use crate::models::ReasonCode;

/// An agent or supervisor: state, extension, reason code, team.
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct User {
    inner: model::User,
}

impl User {
    const FIELDS: &[&str] = &[
        "uri",
        "login_id",
        "login_name",
        "first_name",
        "last_name",
        "extension",
        "dialogs_uri",
        "roles",
        "state",
        "pending_state",
        "state_change_time",
        "reason_code_id",
        "reason_code",
        "settings",
        "team_id",
        "team_name",
        "teams",
        "media_type",
        "skill_target_id",
        "mobile_agent",
        "active_device_id",
    ];
    const REPR: &[&str] = &["login_id", "login_name", "state", "extension"];

    /// Wraps the core's value.
    pub(crate) fn new(inner: model::User) -> Self {
        User { inner }
    }
}

#[pymethods]
impl User {
    /// Decodes a ``User`` document (a GET answer, or the ``<user>`` of a notification).
    ///
    /// Args:
    ///     data: The document, as ``str`` or ``bytes``.
    ///
    /// Raises:
    ///     DecodeError: The document is not a ``User`` document.
    #[classmethod]
    fn from_xml(_cls: &Bound<'_, PyType>, py: Python<'_>, data: StrOrBytes) -> PyResult<User> {
        model::User::from_xml(data)
            .map(User::new)
            .map_err(|e| errors::to_py(py, e))
    }

    /// The resource URI, e.g. ``/finesse/api/User/1001``.
    #[getter]
    fn uri(&self) -> &str {
        &self.inner.uri
    }

    /// The agent id used in URIs.
    #[getter]
    fn login_id(&self) -> &str {
        &self.inner.login_id
    }

    /// The sign-in name (may differ from the id on CCE).
    #[getter]
    fn login_name(&self) -> &str {
        &self.inner.login_name
    }

    /// First name.
    #[getter]
    fn first_name(&self) -> &str {
        &self.inner.first_name
    }

    /// Last name.
    #[getter]
    fn last_name(&self) -> &str {
        &self.inner.last_name
    }

    /// The extension signed in with; ``None`` when signed out.
    #[getter]
    fn extension(&self) -> Option<&str> {
        self.inner.extension.as_deref()
    }

    /// The URI of the user's Dialogs collection.
    #[getter]
    fn dialogs_uri(&self) -> &str {
        &self.inner.dialogs_uri
    }

    /// Roles: ``Agent``, ``Supervisor``.
    #[getter]
    fn roles(&self) -> Vec<String> {
        self.inner.roles.clone()
    }

    /// The current state (an ``AgentState``).
    #[getter]
    fn state<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.inner.state.to_py(py)
    }

    /// The state the agent enters when the current call ends, if one was requested.
    #[getter]
    fn pending_state<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        enums::optional(py, self.inner.pending_state.as_ref())
    }

    /// When the state last changed (``YYYY-MM-DDThh:mm:ss.SSSZ``).
    #[getter]
    fn state_change_time(&self) -> Option<&str> {
        self.inner.state_change_time.as_deref()
    }

    /// The Finesse id of the current NOT_READY or LOGOUT reason; ``None`` when there is none.
    #[getter]
    fn reason_code_id(&self) -> Option<i64> {
        self.inner.reason_code_id
    }

    /// The current reason, when the server includes it.
    #[getter]
    fn reason_code(&self) -> Option<ReasonCode> {
        self.inner.reason_code.clone().map(ReasonCode::new)
    }

    /// Wrap-up and device settings.
    #[getter]
    fn settings(&self) -> UserSettings {
        UserSettings {
            inner: self.inner.settings.clone(),
        }
    }

    /// The agent's own team id.
    #[getter]
    fn team_id(&self) -> Option<&str> {
        self.inner.team_id.as_deref()
    }

    /// The agent's own team name.
    #[getter]
    fn team_name(&self) -> Option<&str> {
        self.inner.team_name.as_deref()
    }

    /// Teams a supervisor supervises.
    #[getter]
    fn teams(&self) -> Vec<TeamRef> {
        self.inner
            .teams
            .iter()
            .map(|t| TeamRef { inner: t.clone() })
            .collect()
    }

    /// The voice media routing domain id (``"1"``).
    #[getter]
    fn media_type(&self) -> Option<&str> {
        self.inner.media_type.as_deref()
    }

    /// The CCE skill target id.
    #[getter]
    fn skill_target_id(&self) -> Option<&str> {
        self.inner.skill_target_id.as_deref()
    }

    /// Mobile agent settings, when signed in as a mobile agent.
    #[getter]
    fn mobile_agent(&self) -> Option<MobileAgent> {
        self.inner
            .mobile_agent
            .as_ref()
            .map(|m| MobileAgent { inner: m.clone() })
    }

    /// The active device, on multi-line deployments.
    #[getter]
    fn active_device_id(&self) -> Option<&str> {
        self.inner.active_device_id.as_deref()
    }

    /// Whether the agent is signed in (in any state but ``LOGOUT``).
    fn is_signed_in(&self) -> bool {
        self.inner.is_signed_in()
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), Self::FIELDS)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), Self::REPR)
    }
}

/// A user's wrap-up and device settings.
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct UserSettings {
    inner: model::UserSettings,
}

impl UserSettings {
    const FIELDS: &[&str] = &[
        "wrap_up_on_incoming",
        "wrap_up_on_outgoing",
        "device_selection",
    ];
}

#[pymethods]
impl UserSettings {
    /// Wrap-up after incoming calls (a ``WrapUpMode``), if set.
    #[getter]
    fn wrap_up_on_incoming<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        enums::optional(py, self.inner.wrap_up_on_incoming.as_ref())
    }

    /// Wrap-up after outgoing calls (a ``WrapUpMode``), if set.
    #[getter]
    fn wrap_up_on_outgoing<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        enums::optional(py, self.inner.wrap_up_on_outgoing.as_ref())
    }

    /// Device selection mode, on multi-line deployments.
    #[getter]
    fn device_selection(&self) -> Option<&str> {
        self.inner.device_selection.as_deref()
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), Self::FIELDS)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), Self::FIELDS)
    }
}

/// A team a supervisor supervises.
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct TeamRef {
    inner: model::TeamRef,
}

impl TeamRef {
    const FIELDS: &[&str] = &["id", "name", "uri"];
}

#[pymethods]
impl TeamRef {
    /// The team id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The team name.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }

    /// The team URI.
    #[getter]
    fn uri(&self) -> &str {
        &self.inner.uri
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), Self::FIELDS)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), &Self::FIELDS[..2])
    }
}

/// Mobile agent settings.
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct MobileAgent {
    inner: model::MobileAgent,
}

impl MobileAgent {
    const FIELDS: &[&str] = &["mode", "dial_number"];
}

#[pymethods]
impl MobileAgent {
    /// ``CALL_BY_CALL`` or ``NAILED_CONNECTION``.
    #[getter]
    fn mode(&self) -> &str {
        &self.inner.mode
    }

    /// The number the agent is reached at.
    #[getter]
    fn dial_number(&self) -> &str {
        &self.inner.dial_number
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), Self::FIELDS)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), Self::FIELDS)
    }
}
