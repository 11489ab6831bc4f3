//! The event classes: what a notification session delivers, one frozen class per kind of
//! the core's `Event`, and `decode_update`, the public decoder of one notification document.

use finesse_client::{ConnectionState, Event, model};
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};

use crate::convert::{self, StrOrBytes};
use crate::errors;
use crate::models::state::{self, Reduced, field, put};
use crate::models::{ApiError, Dialog, SystemInfo, User};

/// The Python object for a core event.
pub(crate) fn to_py(py: Python<'_>, event: Event) -> PyResult<Py<PyAny>> {
    match event {
        Event::UserChanged {
            user,
            request_id,
            resync,
        } => UserChanged {
            user,
            request_id,
            resync,
        }
        .into_py_any(py),
        Event::DialogAdded {
            dialog,
            request_id,
            resync,
        } => DialogAdded {
            dialog,
            request_id,
            resync,
        }
        .into_py_any(py),
        Event::DialogChanged {
            dialog,
            request_id,
            resync,
        } => DialogChanged {
            dialog,
            request_id,
            resync,
        }
        .into_py_any(py),
        Event::DialogRemoved {
            dialog,
            request_id,
            resync,
        } => DialogRemoved {
            dialog,
            request_id,
            resync,
        }
        .into_py_any(py),
        Event::CtiError {
            errors,
            request_id,
            source,
        } => CtiErrorEvent {
            errors,
            request_id,
            source,
        }
        .into_py_any(py),
        Event::SystemStatusChanged { info } => SystemStatusChanged { info }.into_py_any(py),
        Event::TeamChanged { team, request_id } => {
            crate::team_events::TeamChanged { team, request_id }.into_py_any(py)
        }
        Event::QueueChanged { queue } => crate::team_events::QueueChanged { queue }.into_py_any(py),
        Event::QueueRemoved { queue } => crate::team_events::QueueRemoved { queue }.into_py_any(py),
        Event::TeamMessageReceived {
            message,
            request_id,
        } => crate::team_events::TeamMessageReceived {
            message,
            request_id,
        }
        .into_py_any(py),
        Event::UserQueuesAdded { queues } => {
            crate::team_events::UserQueuesAdded { queues }.into_py_any(py)
        }
        Event::UserQueuesRemoved { queues } => {
            crate::team_events::UserQueuesRemoved { queues }.into_py_any(py)
        }
        Event::TeamMessageDeleted {
            message,
            request_id,
        } => crate::team_events::TeamMessageDeleted {
            message,
            request_id,
        }
        .into_py_any(py),
        Event::Connection(state) => ConnectionChanged::new(state).into_py_any(py),
        Event::Dropped { count } => EventsDropped { count }.into_py_any(py),
        Event::Other {
            event,
            source,
            update_xml,
        } => OtherUpdate {
            event,
            source,
            xml: update_xml,
        }
        .into_py_any(py),
        // The core's events are non-exhaustive; a kind this binding does not know yet is
        // passed on raw.
        other => OtherUpdate {
            event: String::new(),
            source: String::new(),
            xml: format!("{other:?}"),
        }
        .into_py_any(py),
    }
}

/// The event of Python class `class` with the fields of `state`, as its `__reduce__` wrote
/// them; None when `class` names no event class.
pub(crate) fn restore(
    py: Python<'_>,
    class: &str,
    state: &Bound<'_, PyDict>,
) -> PyResult<Option<Py<PyAny>>> {
    if let Some(event) = crate::team_events::restore(py, class, state)? {
        return Ok(Some(event));
    }
    let request_id = || field(state, "request_id");
    let restored = match class {
        "UserChanged" => UserChanged {
            user: field(state, "user")?,
            request_id: request_id()?,
            resync: field(state, "resync")?,
        }
        .into_py_any(py)?,
        "DialogAdded" => DialogAdded {
            dialog: field(state, "dialog")?,
            request_id: request_id()?,
            resync: field(state, "resync")?,
        }
        .into_py_any(py)?,
        "DialogChanged" => DialogChanged {
            dialog: field(state, "dialog")?,
            request_id: request_id()?,
            resync: field(state, "resync")?,
        }
        .into_py_any(py)?,
        "DialogRemoved" => DialogRemoved {
            dialog: field(state, "dialog")?,
            request_id: request_id()?,
            resync: field(state, "resync")?,
        }
        .into_py_any(py)?,
        "CtiErrorEvent" => CtiErrorEvent {
            errors: field(state, "errors")?,
            request_id: request_id()?,
            source: field(state, "source")?,
        }
        .into_py_any(py)?,
        "SystemStatusChanged" => SystemStatusChanged {
            info: field(state, "info")?,
        }
        .into_py_any(py)?,
        "ConnectionChanged" => {
            let name: String = field(state, "state")?;
            ConnectionChanged {
                state: ConnectionChanged::STATES
                    .iter()
                    .find(|known| **known == name)
                    .copied()
                    .unwrap_or("unknown"),
                detail: field(state, "detail")?,
                condition: field(state, "condition")?,
                transport: field(state, "transport")?,
                previous_node: field(state, "previous_node")?,
                changes: field(state, "changes")?,
            }
            .into_py_any(py)?
        }
        "EventsDropped" => EventsDropped {
            count: field(state, "count")?,
        }
        .into_py_any(py)?,
        "OtherUpdate" => OtherUpdate {
            event: field(state, "event")?,
            source: field(state, "source")?,
            xml: field(state, "xml")?,
        }
        .into_py_any(py)?,
        _ => return Ok(None),
    };
    Ok(Some(restored))
}

/// `__reduce__` of an event: `_restore`, its class name and its fields.
fn reduce<'py>(
    slf: &Bound<'py, PyAny>,
    class: &'static str,
    fields: impl FnOnce(&Bound<'py, PyDict>) -> PyResult<()>,
) -> PyResult<Reduced<'py>> {
    let state = PyDict::new(slf.py());
    fields(&state)?;
    state::reduce(slf.py(), class, state)
}

/// Decodes one notification document (the ``<Update>`` a pub-sub item carries, unescaped)
/// into its events: a ``<dialogs>`` payload gives one event per dialog, anything else one.
///
/// The root and payload names are matched without regard to case, and so is ``event``
/// (``PUT`` or ``put``); an empty ``requestId`` is None. An update of a kind without a class
/// (a Queue's statistics, say) is an ``OtherUpdate``.
///
/// Args:
///     data: The ``<Update>`` document, as ``str`` or ``bytes``.
///
/// Returns:
///     The events, in document order.
///
/// Raises:
///     DecodeError: The document is not an ``Update`` document, or its payload is malformed.
#[pyfunction]
pub(crate) fn decode_update(py: Python<'_>, data: StrOrBytes) -> PyResult<Vec<Py<PyAny>>> {
    Event::from_update_xml(data)
        .map_err(|e| errors::to_py(py, e))?
        .into_iter()
        .map(|event| to_py(py, event))
        .collect()
}

/// An agent's User changed: state, reason, extension (also a team member's, on a subscribed
/// Team node).
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct UserChanged {
    user: model::User,
    request_id: Option<String>,
    resync: bool,
}

#[pymethods]
impl UserChanged {
    /// The ``User`` after the change.
    #[getter]
    fn user(&self) -> User {
        User::from(self.user.clone())
    }

    /// The ``requestId`` of the command that caused it, or None.
    #[getter]
    fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Whether the client found this change by reading the server again after an outage
    /// (a reconnection, a failover, a CTI recovery) rather than from a notification.
    #[getter]
    fn resync(&self) -> bool {
        self.resync
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), &["user", "request_id", "resync"])
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), &["user", "request_id", "resync"])
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        let this = slf.get();
        reduce(slf.as_any(), "UserChanged", |state| {
            put(state, "user", &this.user)?;
            put(state, "request_id", &this.request_id)?;
            put(state, "resync", &this.resync)
        })
    }

    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }
}

/// Defines an event class carrying a dialog and the `requestId` that caused the change.
macro_rules! dialog_event {
    ($name:ident, $doc:literal, $dialog_doc:literal) => {
        #[doc = $doc]
        #[pyclass(frozen, eq, module = "finesse_client")]
        #[derive(PartialEq)]
        pub(crate) struct $name {
            dialog: model::Dialog,
            request_id: Option<String>,
            resync: bool,
        }

        #[pymethods]
        impl $name {
            #[doc = $dialog_doc]
            #[getter]
            fn dialog(&self) -> Dialog {
                Dialog::from(self.dialog.clone())
            }

            /// The ``requestId`` of the command that caused it, or None.
            #[getter]
            fn request_id(&self) -> Option<&str> {
                self.request_id.as_deref()
            }

            /// Whether the client found this change by reading the server again after an
            /// outage (a reconnection, a failover, a CTI recovery) rather than from a
            /// notification.
            #[getter]
            fn resync(&self) -> bool {
                self.resync
            }

            /// The properties as a dict of plain values.
            fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
                convert::to_dict(slf.as_any(), &["dialog", "request_id", "resync"])
            }

            fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
                convert::repr(slf.as_any(), &["dialog", "request_id", "resync"])
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
                let this = slf.get();
                reduce(slf.as_any(), stringify!($name), |state| {
                    put(state, "dialog", &this.dialog)?;
                    put(state, "request_id", &this.request_id)?;
                    put(state, "resync", &this.resync)
                })
            }

            fn __copy__(slf: Py<Self>) -> Py<Self> {
                slf
            }

            fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
                slf
            }
        }
    };
}

dialog_event!(
    DialogAdded,
    "A dialog appeared: an outbound call being placed (``INITIATING``), an inbound call \
     ringing (``ALERTING``).",
    "The new ``Dialog``."
);
dialog_event!(
    DialogChanged,
    "A dialog changed: a participant's state, the participants, call data, actions.",
    "The ``Dialog`` after the change."
);
dialog_event!(
    DialogRemoved,
    "A dialog ended, or moved to another agent after a transfer.",
    "The ``Dialog`` as last published."
);

/// A command was accepted (HTTP 202), then refused by the CTI server. A command waited on
/// raises ``CtiError`` instead.
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct CtiErrorEvent {
    errors: Vec<model::ApiError>,
    request_id: Option<String>,
    source: String,
}

#[pymethods]
impl CtiErrorEvent {
    /// The errors (``ApiError``); ``error_data`` is the CTI error code, e.g. ``20999``.
    #[getter]
    fn errors(&self) -> Vec<ApiError> {
        self.errors.iter().cloned().map(ApiError::from).collect()
    }

    /// The ``requestId`` of the refused command, or None.
    #[getter]
    fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The resource the command acted on, e.g. ``/finesse/api/Dialog/16777217``.
    #[getter]
    fn source(&self) -> &str {
        &self.source
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), &["errors", "request_id", "source"])
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), &["errors", "request_id", "source"])
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        let this = slf.get();
        reduce(slf.as_any(), "CtiErrorEvent", |state| {
            put(state, "errors", &this.errors)?;
            put(state, "request_id", &this.request_id)?;
            put(state, "source", &this.source)
        })
    }

    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }
}

/// The node's SystemInfo changed: ``OUT_OF_SERVICE`` (commands fail with
/// ``ServiceUnavailableError`` until it is back), ``IN_SERVICE`` again.
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct SystemStatusChanged {
    info: model::SystemInfo,
}

#[pymethods]
impl SystemStatusChanged {
    /// The new ``SystemInfo``.
    #[getter]
    fn info(&self) -> SystemInfo {
        SystemInfo::from(self.info.clone())
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), &["info"])
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), &["info"])
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        let this = slf.get();
        reduce(slf.as_any(), "SystemStatusChanged", |state| {
            put(state, "info", &this.info)
        })
    }

    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }
}

/// The notification connection changed state.
///
/// ``state`` is one of:
///
/// - ``"connected"``: signed in to the notification service, events flow; ``detail`` is its
///   URL, ``transport`` names the transport.
/// - ``"disconnected"``: the connection was lost (a dead link is noticed after the missed
///   pings); events are missed until it is back: the session is recovering. It polls the
///   node's SystemInfo and signs in again once the node is in service, or moves to the other
///   node. ``detail`` says why.
/// - ``"failing_over"``: the node stayed unavailable and the other one is in service: REST
///   and notifications move there together; ``detail`` is the node moved to, ``previous_node``
///   the node left. Commands meanwhile raise ``ServiceUnavailableError``, unsent.
/// - ``"out_of_service"``: the node lost its CTI link (SystemInfo ``OUT_OF_SERVICE``):
///   commands fail and no events come until it is back; ``detail`` is the node.
/// - ``"recovered"``: back after an outage; User and Dialogs were read again and what
///   changed meanwhile came just before as events with ``resync`` true (``changes`` of them);
///   ``detail`` is the node in use.
/// - ``"service_available"``, ``"service_unavailable"``: the Finesse service announced itself
///   up or down (when down, commands fail until it is back).
/// - ``"failed"``: the session ended for good and does not reconnect; ``detail`` says why
///   and ``condition`` gives the XMPP condition: ``"conflict"`` when another session of the
///   user took its resource, ``"not-authorized"`` when the credentials were rejected on
///   reconnection (a changed password: retrying would lock the account). No event follows;
///   start a new session once resolved.
/// - ``"closed"``: the session was closed.
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct ConnectionChanged {
    state: &'static str,
    detail: String,
    condition: Option<String>,
    transport: Option<String>,
    previous_node: Option<String>,
    changes: Option<u32>,
}

impl ConnectionChanged {
    const FIELDS: [&str; 6] = [
        "state",
        "detail",
        "condition",
        "transport",
        "previous_node",
        "changes",
    ];

    /// Every value of `state`.
    const STATES: &[&str] = &[
        "connected",
        "disconnected",
        "failing_over",
        "out_of_service",
        "recovered",
        "service_available",
        "service_unavailable",
        "failed",
        "closed",
        "unknown",
    ];

    fn new(state: ConnectionState) -> Self {
        let mut transport = None;
        let mut previous_node = None;
        let mut changes = None;
        let (state, detail, condition) = match state {
            ConnectionState::Connected {
                node,
                transport: name,
            } => {
                transport = Some(name);
                ("connected", node, None)
            }
            ConnectionState::Disconnected { reason } => ("disconnected", reason, None),
            ConnectionState::FailingOver { from, to } => {
                previous_node = Some(from);
                ("failing_over", to, None)
            }
            ConnectionState::OutOfService { node } => ("out_of_service", node, None),
            ConnectionState::Recovered {
                node,
                changes: count,
            } => {
                changes = Some(count);
                ("recovered", node, None)
            }
            ConnectionState::ServiceAvailable { available: true } => {
                ("service_available", String::new(), None)
            }
            ConnectionState::ServiceAvailable { available: false } => {
                ("service_unavailable", String::new(), None)
            }
            ConnectionState::Failed { reason, condition } => ("failed", reason, Some(condition)),
            ConnectionState::Closed => ("closed", String::new(), None),
            // The core's states are non-exhaustive; one this binding does not know yet.
            other => ("unknown", format!("{other:?}"), None),
        };
        ConnectionChanged {
            state,
            detail,
            condition,
            transport,
            previous_node,
            changes,
        }
    }
}

#[pymethods]
impl ConnectionChanged {
    /// ``"connected"``, ``"disconnected"``, ``"service_available"``,
    /// ``"service_unavailable"``, ``"failed"`` or ``"closed"``.
    #[getter]
    fn state(&self) -> &str {
        self.state
    }

    /// ``"connected"``: the notification URL connected to; ``"disconnected"`` and
    /// ``"failed"``: why; ``"failing_over"``: the node moved to; ``"out_of_service"``: the
    /// node; ``"recovered"``: the node now in use; empty otherwise.
    #[getter]
    fn detail(&self) -> &str {
        &self.detail
    }

    /// The transport of a ``"connected"`` session: ``"websocket"``, ``"bosh"``, ``"tcp"``
    /// (STARTTLS) or ``"tcp-tls"`` (direct TLS); None for other states.
    #[getter]
    fn transport(&self) -> Option<&str> {
        self.transport.as_deref()
    }

    /// The node left, for ``"failing_over"``; None for other states.
    #[getter]
    fn previous_node(&self) -> Option<&str> {
        self.previous_node.as_deref()
    }

    /// How many events marked ``resync`` came just before a ``"recovered"``; None for other
    /// states.
    #[getter]
    fn changes(&self) -> Option<u32> {
        self.changes
    }

    /// The XMPP condition that ended a ``"failed"`` session (``"conflict"``,
    /// ``"not-authorized"``...); None for other states.
    #[getter]
    fn condition(&self) -> Option<&str> {
        self.condition.as_deref()
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), &Self::FIELDS)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), &Self::FIELDS)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        let this = slf.get();
        reduce(slf.as_any(), "ConnectionChanged", |state| {
            put(state, "state", &this.state.to_owned())?;
            put(state, "detail", &this.detail)?;
            put(state, "condition", &this.condition)?;
            put(state, "transport", &this.transport)?;
            put(state, "previous_node", &this.previous_node)?;
            put(state, "changes", &this.changes)
        })
    }

    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }
}

/// Events were dropped because they were not read in time: the session's queue reached its
/// bound (``queue_capacity``, ``queue_bytes`` of ``notifications()``) and lost its oldest
/// events. What was read before may be stale: read the user and the dialogs again.
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct EventsDropped {
    count: u64,
}

#[pymethods]
impl EventsDropped {
    /// How many events were dropped since the last one read.
    #[getter]
    fn count(&self) -> u64 {
        self.count
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), &["count"])
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), &["count"])
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        let this = slf.get();
        reduce(slf.as_any(), "EventsDropped", |state| {
            put(state, "count", &this.count)
        })
    }

    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }
}

/// An update of a kind without a class of its own (a Queue's statistics, a Team), raw.
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct OtherUpdate {
    event: String,
    source: String,
    xml: String,
}

#[pymethods]
impl OtherUpdate {
    /// The update's ``event``, upper-cased: ``POST``, ``PUT`` or ``DELETE``.
    #[getter]
    fn event(&self) -> &str {
        &self.event
    }

    /// The resource the update is about.
    #[getter]
    fn source(&self) -> &str {
        &self.source
    }

    /// The whole ``<Update>`` document.
    #[getter]
    fn xml(&self) -> &str {
        &self.xml
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), &["event", "source", "xml"])
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), &["event", "source"])
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        let this = slf.get();
        reduce(slf.as_any(), "OtherUpdate", |state| {
            put(state, "event", &this.event)?;
            put(state, "source", &this.source)?;
            put(state, "xml", &this.xml)
        })
    }

    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }
}

/// One pub-sub ``<message>`` of the Finesse notification service, as an XMPP stack or a log
/// shows it: the node it was published to, the item's id, and the events of its ``<Update>``.
#[pyclass(frozen, module = "finesse_client")]
pub(crate) struct PubSubMessage {
    inner: finesse_client::PubSubMessage,
}

#[pymethods]
impl PubSubMessage {
    /// Decodes a ``<message>`` stanza as Finesse sends it (the ``<Update>`` escaped inside
    /// ``<notification>``, or embedded as an element).
    ///
    /// Args:
    ///     data: The ``<message>``, as ``str`` or ``bytes``.
    ///
    /// Raises:
    ///     DecodeError: It is not a pub-sub event message (the message names what is missing),
    ///         or its ``<Update>`` cannot be decoded.
    #[classmethod]
    fn from_xml(_cls: &Bound<'_, PyType>, py: Python<'_>, data: StrOrBytes) -> PyResult<Self> {
        finesse_client::PubSubMessage::from_xml(data)
            .map(|inner| PubSubMessage { inner })
            .map_err(|e| errors::to_py(py, e))
    }

    /// The node the item was published to, e.g. ``/finesse/api/User/1001``.
    #[getter]
    fn node(&self) -> &str {
        &self.inner.node
    }

    /// The item's id, if it has one.
    #[getter]
    fn item_id(&self) -> Option<&str> {
        self.inner.item_id.as_deref()
    }

    /// The events of the item's ``<Update>``, in document order.
    #[getter]
    fn events(&self, py: Python<'_>) -> PyResult<Vec<Py<PyAny>>> {
        self.inner
            .events
            .iter()
            .map(|event| to_py(py, event.clone()))
            .collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "PubSubMessage(node={:?}, item_id={:?}, events={})",
            self.inner.node,
            self.inner.item_id,
            self.inner.events.len()
        )
    }
}
