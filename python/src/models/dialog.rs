//! `Dialog`, its `Participant`s and `MediaProperties`, and `ScheduledCallbackInfo`.

use finesse_client::model;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};

use crate::convert::{self, StrOrBytes};
use crate::enums::{self, PyEnum};
use crate::errors;

/// A dialog: for voice, one call, with its participants and call data.
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct Dialog {
    inner: model::Dialog,
}

impl Dialog {
    const FIELDS: &[&str] = &[
        "id",
        "uri",
        "associated_dialog_uri",
        "secondary_id",
        "media_type",
        "from_address",
        "to_address",
        "callback_number",
        "state",
        "media_properties",
        "participants",
        "scheduled_callback_info",
    ];
    const REPR: &[&str] = &["id", "state", "from_address", "to_address"];

    /// Wraps the core's value.
    pub(crate) fn new(inner: model::Dialog) -> Self {
        Dialog { inner }
    }

    /// The call id.
    pub(crate) fn id(&self) -> &str {
        &self.inner.id
    }
}

#[pymethods]
impl Dialog {
    /// Decodes a ``Dialog`` document (a GET answer, or the ``<dialog>`` of a notification).
    ///
    /// Args:
    ///     data: The document, as ``str`` or ``bytes``.
    ///
    /// Raises:
    ///     DecodeError: The document is not a ``Dialog`` document.
    #[classmethod]
    fn from_xml(_cls: &Bound<'_, PyType>, py: Python<'_>, data: StrOrBytes) -> PyResult<Dialog> {
        model::Dialog::from_xml(data)
            .map(Dialog::new)
            .map_err(|e| errors::to_py(py, e))
    }

    /// Decodes a ``Dialogs`` document (a user's dialog list); ``<Dialogs/>`` is an empty list.
    ///
    /// Args:
    ///     data: The document, as ``str`` or ``bytes``.
    ///
    /// Raises:
    ///     DecodeError: The document is not a ``Dialogs`` document.
    #[classmethod]
    fn list_from_xml(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: StrOrBytes,
    ) -> PyResult<Vec<Dialog>> {
        model::Dialog::list_from_xml(data)
            .map(|dialogs| dialogs.into_iter().map(Dialog::new).collect())
            .map_err(|e| errors::to_py(py, e))
    }

    /// The call id, e.g. ``"16777437"``.
    #[getter(id)]
    fn py_id(&self) -> &str {
        &self.inner.id
    }

    /// The resource URI.
    #[getter]
    fn uri(&self) -> &str {
        &self.inner.uri
    }

    /// The related dialog (consult call and original call), if any.
    #[getter]
    fn associated_dialog_uri(&self) -> Option<&str> {
        self.inner.associated_dialog_uri.as_deref()
    }

    /// After a transfer or conference, the id of the call merged away.
    #[getter]
    fn secondary_id(&self) -> Option<&str> {
        self.inner.secondary_id.as_deref()
    }

    /// The media routing domain name: ``"Voice"`` for calls.
    #[getter]
    fn media_type(&self) -> &str {
        &self.inner.media_type
    }

    /// The calling party.
    #[getter(from_address)]
    fn caller(&self) -> &str {
        &self.inner.from_address
    }

    /// The dialed number of the original call.
    #[getter]
    fn to_address(&self) -> &str {
        &self.inner.to_address
    }

    /// The customer number without dialer prefix (CCE direct preview).
    #[getter]
    fn callback_number(&self) -> Option<&str> {
        self.inner.callback_number.as_deref()
    }

    /// The dialog state (a ``DialogState``).
    #[getter]
    fn state<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.inner.state.to_py(py)
    }

    /// The call data.
    #[getter]
    fn media_properties(&self) -> MediaProperties {
        MediaProperties {
            inner: self.inner.media_properties.clone(),
        }
    }

    /// The parties on the call.
    #[getter]
    fn participants(&self) -> Vec<Participant> {
        self.inner
            .participants
            .iter()
            .map(|p| Participant { inner: p.clone() })
            .collect()
    }

    /// A scheduled callback (Outbound Option), if any.
    #[getter]
    fn scheduled_callback_info(&self) -> Option<ScheduledCallbackInfo> {
        self.inner
            .scheduled_callback_info
            .as_ref()
            .map(|s| ScheduledCallbackInfo { inner: s.clone() })
    }

    /// The participant with this media address, or ``None``.
    ///
    /// Args:
    ///     media_address: An extension or number.
    fn participant(&self, media_address: &str) -> Option<Participant> {
        self.inner
            .participant(media_address)
            .map(|p| Participant { inner: p.clone() })
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), Self::FIELDS)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), Self::REPR)
    }
}

/// The call data of a dialog: call variables, ECC variables, wrap-up reason, DNIS, queue…
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct MediaProperties {
    inner: model::MediaProperties,
}

impl MediaProperties {
    const FIELDS: &[&str] = &[
        "media_id",
        "dialed_number",
        "dnis",
        "call_type",
        "outbound_classification",
        "queue_number",
        "queue_name",
        "call_key_call_id",
        "call_key_sequence_num",
        "call_key_prefix",
        "call_guid",
        "wrap_up_reason",
        "wrap_up_items",
        "call_variables",
        "call_variable_list",
    ];
    const REPR: &[&str] = &["call_type", "dialed_number", "call_variables"];
}

#[pymethods]
impl MediaProperties {
    /// The media routing domain id (``"1"`` for voice).
    #[getter]
    fn media_id(&self) -> Option<&str> {
        self.inner.media_id.as_deref()
    }

    /// The number dialed.
    #[getter]
    fn dialed_number(&self) -> Option<&str> {
        self.inner.dialed_number.as_deref()
    }

    /// The DNIS.
    #[getter]
    fn dnis(&self) -> Option<&str> {
        self.inner.dnis.as_deref()
    }

    /// How the call came to be (a ``CallType``), if known.
    #[getter]
    fn call_type<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        enums::optional(py, self.inner.call_type.as_ref())
    }

    /// The Outbound Option classification.
    #[getter]
    fn outbound_classification(&self) -> Option<&str> {
        self.inner.outbound_classification.as_deref()
    }

    /// The queue (skill group / CSQ) number.
    #[getter]
    fn queue_number(&self) -> Option<&str> {
        self.inner.queue_number.as_deref()
    }

    /// The queue name.
    #[getter]
    fn queue_name(&self) -> Option<&str> {
        self.inner.queue_name.as_deref()
    }

    /// CCE call key: call id.
    #[getter]
    fn call_key_call_id(&self) -> Option<&str> {
        self.inner.call_key_call_id.as_deref()
    }

    /// CCE call key: sequence number.
    #[getter]
    fn call_key_sequence_num(&self) -> Option<&str> {
        self.inner.call_key_sequence_num.as_deref()
    }

    /// CCE call key: prefix.
    #[getter]
    fn call_key_prefix(&self) -> Option<&str> {
        self.inner.call_key_prefix.as_deref()
    }

    /// The CCE call GUID.
    #[getter]
    fn call_guid(&self) -> Option<&str> {
        self.inner.call_guid.as_deref()
    }

    /// The wrap-up reason set on the call.
    #[getter]
    fn wrap_up_reason(&self) -> Option<&str> {
        self.inner.wrap_up_reason.as_deref()
    }

    /// Wrap-up items (CCX).
    #[getter]
    fn wrap_up_items(&self) -> Vec<String> {
        self.inner.wrap_up_items.clone()
    }

    /// The call variables by name: ``callVariable1``-``10``, ECC ``user.*`` variables and
    /// Outbound Option ``BA*`` variables, in document order (the first wins if a name repeats).
    #[getter]
    fn call_variables<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for var in &self.inner.call_variables {
            if !dict.contains(&var.name)? {
                dict.set_item(&var.name, &var.value)?;
            }
        }
        Ok(dict)
    }

    /// The call variables as ``(name, value)`` pairs, in document order.
    #[getter]
    fn call_variable_list(&self) -> Vec<(&str, &str)> {
        self.inner
            .call_variables
            .iter()
            .map(|v| (v.name.as_str(), v.value.as_str()))
            .collect()
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), Self::FIELDS)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), Self::REPR)
    }
}

/// One party on a dialog.
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct Participant {
    inner: model::Participant,
}

impl Participant {
    const FIELDS: &[&str] = &[
        "actions",
        "media_address",
        "media_address_type",
        "start_time",
        "state",
        "state_cause",
        "state_change_time",
    ];
    const REPR: &[&str] = &["media_address", "state", "actions"];
}

#[pymethods]
impl Participant {
    /// What this participant may do now (``Action`` members); drive buttons from this.
    #[getter]
    fn actions<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        enums::list(py, &self.inner.actions)
    }

    /// The party's extension or number.
    #[getter]
    fn media_address(&self) -> &str {
        &self.inner.media_address
    }

    /// ``MediaAddressType.AGENT_DEVICE`` for an agent's phone; ``None`` for external parties.
    #[getter]
    fn media_address_type<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        enums::optional(py, self.inner.media_address_type.as_ref())
    }

    /// When the party joined.
    #[getter]
    fn start_time(&self) -> Option<&str> {
        self.inner.start_time.as_deref()
    }

    /// The party's state (a ``ParticipantState``).
    #[getter]
    fn state<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.inner.state.to_py(py)
    }

    /// Why it failed (a ``StateCause``), when it did.
    #[getter]
    fn state_cause<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        enums::optional(py, self.inner.state_cause.as_ref())
    }

    /// When the state last changed.
    #[getter]
    fn state_change_time(&self) -> Option<&str> {
        self.inner.state_change_time.as_deref()
    }

    /// Whether ``action`` is currently allowed for this participant.
    ///
    /// Args:
    ///     action: An ``Action`` or its string value.
    fn can(&self, action: &str) -> bool {
        self.inner.can(&model::Action::parse(action))
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), Self::FIELDS)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), Self::REPR)
    }
}

/// A scheduled callback (Outbound Option).
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct ScheduledCallbackInfo {
    inner: model::ScheduledCallbackInfo,
}

impl ScheduledCallbackInfo {
    const FIELDS: &[&str] = &["callback_time", "callback_number"];
}

#[pymethods]
impl ScheduledCallbackInfo {
    /// When, as ``YYYY-MM-DDTHH:MM``.
    #[getter]
    fn callback_time(&self) -> Option<&str> {
        self.inner.callback_time.as_deref()
    }

    /// The number to call back.
    #[getter]
    fn callback_number(&self) -> Option<&str> {
        self.inner.callback_number.as_deref()
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), Self::FIELDS)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), Self::FIELDS)
    }
}
