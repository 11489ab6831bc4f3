//! The typed Finesse resources, each decodable from its XML document with `from_xml`.

mod api_error;
mod dialog;
mod enums;
mod queue;
mod reason_code;
mod system_info;
mod team;
mod team_message;
mod user;

pub use api_error::ApiError;
pub use dialog::{CallVariable, Dialog, MediaProperties, Participant, ScheduledCallbackInfo};
pub use enums::{
    Action, AgentState, CallType, DeploymentType, DialogState, MediaAddressType, ParticipantState,
    ReasonCodeCategory, StateCause, SystemStatus, WrapUpMode,
};
pub use queue::{Queue, QueueStatistics};
pub use reason_code::{ReasonCode, WrapUpReason};
pub use system_info::{NodePorts, SystemInfo};
pub use team::Team;
pub use team_message::{TeamMessage, TeamMessageSender};
pub use user::{MobileAgent, TeamRef, User, UserSettings};

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
    uri.rsplit('/').next().and_then(number)
}
