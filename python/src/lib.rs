//! Python bindings of finesse-client: the native module `finesse_client._finesse_client`.
//!
//! The bindings only convert: arguments into the core's types, the core's models into frozen
//! Python classes, and the core's errors into the package's exception classes.

mod blocking;
mod callback;
mod client;
mod client_supervisor;
mod client_team_resource;
mod convert;
mod enums;
mod errors;
mod events;
mod exceptions;
mod logging;
mod models;
mod notifications;
mod team_events;
mod testing;
mod token;

use pyo3::prelude::*;

/// The native module; `finesse_client/__init__.py` re-exports it.
#[pymodule]
fn _finesse_client(m: &Bound<'_, PyModule>) -> PyResult<()> {
    logging::install(m.py())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<client::Client>()?;
    m.add_class::<models::Accepted>()?;
    m.add_class::<models::ApiError>()?;
    m.add_class::<models::Contact>()?;
    m.add_class::<models::Dialog>()?;
    m.add_class::<models::MediaProperties>()?;
    m.add_class::<models::MediaPropertiesLayout>()?;
    m.add_class::<models::MediaPropertiesLayoutColumn>()?;
    m.add_class::<models::MediaPropertiesLayoutEntry>()?;
    m.add_class::<models::MobileAgent>()?;
    m.add_class::<models::NodePorts>()?;
    m.add_class::<models::Participant>()?;
    m.add_class::<models::PhoneBook>()?;
    m.add_class::<models::Queue>()?;
    m.add_class::<models::QueueStatistics>()?;
    m.add_class::<models::ReasonCode>()?;
    m.add_class::<models::ScheduledCallbackInfo>()?;
    m.add_class::<models::SystemInfo>()?;
    m.add_class::<models::Team>()?;
    m.add_class::<models::TeamMessage>()?;
    m.add_class::<models::TeamMessageSender>()?;
    m.add_class::<models::TeamRef>()?;
    m.add_class::<models::User>()?;
    m.add_class::<models::UserSettings>()?;
    m.add_class::<models::Workflow>()?;
    m.add_class::<models::WorkflowAction>()?;
    m.add_class::<models::WorkflowActionParam>()?;
    m.add_class::<models::WorkflowCondition>()?;
    m.add_class::<models::WorkflowConditionSet>()?;
    m.add_class::<models::WorkflowTriggerSet>()?;
    m.add_class::<models::WorkflowVariable>()?;
    m.add_class::<models::WrapUpReason>()?;
    m.add_class::<notifications::Notifications>()?;
    m.add_class::<notifications::EventIterator>()?;
    m.add_class::<events::UserChanged>()?;
    m.add_class::<events::DialogAdded>()?;
    m.add_class::<events::DialogChanged>()?;
    m.add_class::<events::DialogRemoved>()?;
    m.add_class::<events::CtiErrorEvent>()?;
    m.add_class::<events::SystemStatusChanged>()?;
    m.add_class::<events::ConnectionChanged>()?;
    m.add_class::<team_events::TeamChanged>()?;
    m.add_class::<team_events::QueueChanged>()?;
    m.add_class::<team_events::QueueRemoved>()?;
    m.add_class::<team_events::UserQueuesAdded>()?;
    m.add_class::<team_events::UserQueuesRemoved>()?;
    m.add_class::<team_events::TeamMessageReceived>()?;
    m.add_class::<team_events::TeamMessageDeleted>()?;
    m.add_class::<events::EventsDropped>()?;
    m.add_class::<events::OtherUpdate>()?;
    m.add_class::<events::PubSubMessage>()?;
    m.add_class::<testing::Emulator>()?;
    m.add_class::<testing::RecordedRequest>()?;
    m.add_function(wrap_pyfunction!(events::decode_update, m)?)?;
    // Private (out of `__all__`): pickles name it to restore models and events.
    m.setattr("_restore", wrap_pyfunction!(models::state::restore, m)?)?;
    exceptions::register(m)
}
