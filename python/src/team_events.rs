//! The event classes of supervisors and wallboards: a whole team published on its node, a
//! queue's statistics changed or the queue removed, and a supervisor's team message received.

use finesse_client::model;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert;
use crate::models::state::{self, Reduced, field, put};
use crate::models::{Queue, Team, TeamMessage};

fn reduce<'py>(
    slf: &Bound<'py, PyAny>,
    class: &'static str,
    fields: impl FnOnce(&Bound<'py, PyDict>) -> PyResult<()>,
) -> PyResult<Reduced<'py>> {
    let state = PyDict::new(slf.py());
    fields(&state)?;
    state::reduce(slf.py(), class, state)
}

/// The event of Python class `class` with the fields of `state`; None when `class` is not
/// one of this module's.
pub(crate) fn restore(
    py: Python<'_>,
    class: &str,
    state: &Bound<'_, PyDict>,
) -> PyResult<Option<Py<PyAny>>> {
    use pyo3::IntoPyObjectExt;
    Ok(Some(match class {
        "TeamChanged" => TeamChanged {
            team: field(state, "team")?,
            request_id: field(state, "request_id")?,
        }
        .into_py_any(py)?,
        "QueueChanged" => QueueChanged {
            queue: field(state, "queue")?,
        }
        .into_py_any(py)?,
        "QueueRemoved" => QueueRemoved {
            queue: field(state, "queue")?,
        }
        .into_py_any(py)?,
        "UserQueuesAdded" => UserQueuesAdded {
            queues: field(state, "queues")?,
        }
        .into_py_any(py)?,
        "UserQueuesRemoved" => UserQueuesRemoved {
            queues: field(state, "queues")?,
        }
        .into_py_any(py)?,
        "TeamMessageReceived" => TeamMessageReceived {
            message: field(state, "message")?,
            request_id: field(state, "request_id")?,
        }
        .into_py_any(py)?,
        "TeamMessageDeleted" => TeamMessageDeleted {
            message: field(state, "message")?,
            request_id: field(state, "request_id")?,
        }
        .into_py_any(py)?,
        _ => return Ok(None),
    }))
}

/// A whole team published as ``<team>`` on its node. A member's change usually arrives as
/// ``UserChanged`` on ``/finesse/api/Team/<id>/Users`` instead.
#[pyclass(frozen, eq, module = "finesse_client")]
#[derive(PartialEq)]
pub(crate) struct TeamChanged {
    pub(crate) team: model::Team,
    pub(crate) request_id: Option<String>,
}

#[pymethods]
impl TeamChanged {
    /// The ``Team`` after the change.
    #[getter]
    fn team(&self) -> Team {
        Team::from(self.team.clone())
    }

    /// The ``requestId`` of the command that caused it, if any.
    #[getter]
    fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The properties as a dict of plain values.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(slf.as_any(), &["team", "request_id"])
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        convert::repr(slf.as_any(), &["team", "request_id"])
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        let this = slf.get();
        reduce(slf.as_any(), "TeamChanged", |state| {
            put(state, "team", &this.team)?;
            put(state, "request_id", &this.request_id)
        })
    }

    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }
}

/// Defines the class of an event about one queue.
macro_rules! queue_event {
    ($name:ident, $doc:literal, $queue_doc:literal) => {
        #[doc = $doc]
        #[pyclass(frozen, eq, module = "finesse_client")]
        #[derive(PartialEq)]
        pub(crate) struct $name {
            pub(crate) queue: model::Queue,
        }

        #[pymethods]
        impl $name {
            #[doc = $queue_doc]
            #[getter]
            fn queue(&self) -> Queue {
                Queue::from(self.queue.clone())
            }

            /// The properties as a dict of plain values.
            fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
                convert::to_dict(slf.as_any(), &["queue"])
            }

            fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
                convert::repr(slf.as_any(), &["queue"])
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
                let this = slf.get();
                reduce(slf.as_any(), stringify!($name), |state| {
                    put(state, "queue", &this.queue)
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

queue_event!(
    QueueChanged,
    "A queue's statistics changed (CCE: node ``/finesse/api/Queue/<id>``, about every 10 \
     seconds while they change).",
    "The ``Queue`` with its new statistics."
);
queue_event!(
    QueueRemoved,
    "A queue was removed from the user (the queue node's DELETE).",
    "The ``Queue`` as last published (often only its ``uri`` and ``id``)."
);

/// Defines the class of an event about the queues of a user's list.
macro_rules! user_queues_event {
    ($name:ident, $doc:literal, $queues_doc:literal) => {
        #[doc = $doc]
        #[pyclass(frozen, eq, module = "finesse_client")]
        #[derive(PartialEq)]
        pub(crate) struct $name {
            pub(crate) queues: Vec<model::Queue>,
        }

        #[pymethods]
        impl $name {
            #[doc = $queues_doc]
            #[getter]
            fn queues(&self) -> Vec<Queue> {
                self.queues.iter().cloned().map(Queue::from).collect()
            }

            /// The properties as a dict of plain values.
            fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
                convert::to_dict(slf.as_any(), &["queues"])
            }

            fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
                convert::repr(slf.as_any(), &["queues"])
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
                let this = slf.get();
                reduce(slf.as_any(), stringify!($name), |state| {
                    put(state, "queues", &this.queues)
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

user_queues_event!(
    UserQueuesAdded,
    "Queues were added to a user's list (CCE, node ``/finesse/api/User/<id>/Queues``, a POST \
     of ``<Queues>``).",
    "The ``Queue`` list added, with statistics."
);
user_queues_event!(
    UserQueuesRemoved,
    "Queues were removed from a user's list (the same node's DELETE). Each also comes as \
     ``QueueRemoved`` on its own node.",
    "The ``Queue`` list removed (at least each ``uri``)."
);

/// Defines the class of an event about a team message, with the `requestId` of the request
/// that caused it.
macro_rules! team_message_event {
    ($name:ident, $doc:literal, $message_doc:literal) => {
        #[doc = $doc]
        #[pyclass(frozen, eq, module = "finesse_client")]
        #[derive(PartialEq)]
        pub(crate) struct $name {
            pub(crate) message: model::TeamMessage,
            pub(crate) request_id: Option<String>,
        }

        #[pymethods]
        impl $name {
            #[doc = $message_doc]
            #[getter]
            fn message(&self) -> TeamMessage {
                TeamMessage::from(self.message.clone())
            }

            /// The ``requestId`` of the request that caused it, if any.
            #[getter]
            fn request_id(&self) -> Option<&str> {
                self.request_id.as_deref()
            }

            /// The properties as a dict of plain values.
            fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
                convert::to_dict(slf.as_any(), &["message", "request_id"])
            }

            fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
                convert::repr(slf.as_any(), &["message", "request_id"])
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
                let this = slf.get();
                reduce(slf.as_any(), stringify!($name), |state| {
                    put(state, "message", &this.message)?;
                    put(state, "request_id", &this.request_id)
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

team_message_event!(
    TeamMessageReceived,
    "A supervisor broadcast a message to a team of the user (Finesse 12.x): a \
     ``<TeamMessage>`` on the team's node (the emulator's \
     ``/finesse/api/Team/<id>/TeamMessages``). Show it for its ``duration`` seconds.",
    "The ``TeamMessage``: its content, sender, teams, time and duration."
);
team_message_event!(
    TeamMessageDeleted,
    "Its sender deleted a team message before it expired: stop showing it. The same \
     ``<TeamMessage>`` Update with event ``DELETE``.",
    "The deleted ``TeamMessage`` (at least its ``id``)."
);
