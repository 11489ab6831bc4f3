//! The typed Finesse resources, each decodable from its XML document with `from_xml`.

mod api_error;
mod dialog;
mod enums;
mod media_properties_layout;
mod phone_book;
mod queue;
mod reason_code;
mod system_info;
mod team;
mod team_message;
mod user;
mod workflow;

pub use api_error::ApiError;
pub use dialog::{CallVariable, Dialog, MediaProperties, Participant, ScheduledCallbackInfo};
pub use enums::{
    Action, AgentState, CallType, DeploymentType, DialogState, MediaAddressType, ParticipantState,
    PhoneBookType, ReasonCodeCategory, StateCause, SystemStatus, WrapUpMode,
};
pub use media_properties_layout::{
    MediaPropertiesLayout, MediaPropertiesLayoutColumn, MediaPropertiesLayoutEntry,
};
pub use phone_book::{Contact, PhoneBook};
pub use queue::{Queue, QueueStatistics};
pub use reason_code::{ReasonCode, WrapUpReason};
pub use system_info::{NodePorts, SystemInfo};
pub use team::Team;
pub use team_message::{TeamMessage, TeamMessageSender};
pub use user::{MobileAgent, TeamRef, User, UserSettings};
pub use workflow::{
    Workflow, WorkflowAction, WorkflowActionParam, WorkflowCondition, WorkflowConditionSet,
    WorkflowTriggerSet, WorkflowVariable,
};

/// An empty element means "none" throughout the API.
fn non_empty(s: String) -> Option<String> {
    if s.is_empty() { None } else { Some(s) }
}

/// Numbers are decoded leniently: an empty or malformed value is absent, never an error.
fn number(s: &str) -> Option<i64> {
    s.trim().parse().ok()
}

/// `true`/`false` as Finesse writes them; anything else is absent.
fn boolean(s: &str) -> Option<bool> {
    match s.trim() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// The last path segment of a resource URI: `/finesse/api/ReasonCode/22` gives `22`.
fn id_from_uri(uri: &str) -> Option<i64> {
    number(&last_segment(uri))
}

/// The last path segment of a resource URI, as text (ids that are not numbers); empty for an
/// empty URI.
fn last_segment(uri: &str) -> String {
    uri.trim_end()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned()
}
