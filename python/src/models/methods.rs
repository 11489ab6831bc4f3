//! The model classes' methods beyond their properties, each a call of the core method of the
//! same name; their stub lines come from `codegen/src/presentation.rs`.

use finesse_client::model;
use pyo3::prelude::*;

use crate::models::{Dialog, MediaProperties, Participant, User};

#[pymethods]
impl User {
    /// Whether the agent is signed in (in any state but ``LOGOUT``).
    fn is_signed_in(&self) -> bool {
        self.inner.is_signed_in()
    }
}

#[pymethods]
impl Dialog {
    /// The participant with this media address, or ``None``.
    ///
    /// Args:
    ///     media_address: An extension or number.
    fn participant(&self, media_address: &str) -> Option<Participant> {
        self.inner
            .participant(media_address)
            .cloned()
            .map(Participant::from)
    }
}

#[pymethods]
impl MediaProperties {
    /// The call variables as ``(name, value)`` pairs, in document order.
    #[getter]
    fn call_variable_list(&self) -> Vec<(&str, &str)> {
        self.inner
            .call_variables
            .iter()
            .map(|v| (v.name.as_str(), v.value.as_str()))
            .collect()
    }

    /// The value of a call variable by name (``callVariable1``, ``user.CustomerId``,
    /// ``BAStatus``), or ``None``.
    fn call_variable(&self, name: &str) -> Option<&str> {
        self.inner.call_variable(name)
    }
}

#[pymethods]
impl Participant {
    /// Whether ``action`` is currently allowed for this participant.
    ///
    /// Args:
    ///     action: An ``Action``, or its value as Finesse writes it (``"HOLD"``).
    fn can(&self, action: &str) -> bool {
        self.inner.can(&model::Action::parse(action))
    }
}
