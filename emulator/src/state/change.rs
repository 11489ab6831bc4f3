//! The outbox: what an operation changed, recorded as typed values for the caller to render
//! and publish once the operation is over. Documents are written from copies taken when
//! the change happened, because later steps of the same operation go on changing the
//! state (a dialog is published, then its participant is removed, then it is published
//! again).

use super::agent::Agent;
use super::dialog::Dialog;
use super::team_messages::TeamMessage;
use crate::errors::CtiError;
use crate::node::Side;

/// One change to publish, in the order the operation made them.
pub(crate) enum Change {
    /// The node on `side` went in or out of service (SystemInfo), published by that node.
    SystemInfo { side: Side },
    /// A change published by the node on `side` only: what it publishes again on
    /// recovering its CTI connection.
    Only { side: Side, change: Box<Change> },
    /// The user changed; published on its own node and on its team's.
    User {
        /// Copy of the agent at the change.
        agent: Box<Agent>,
        /// The request that caused the change; empty for the platform's own changes.
        request_id: String,
    },
    /// A dialog changed; delivered to some of its agents' Dialogs nodes.
    Dialog {
        /// Copy of the dialog at the change.
        dialog: Box<Dialog>,
        /// Each participant's actions at the change (`actions[i]` for participant `i`).
        actions: Vec<Vec<&'static str>>,
        /// Who receives it, in order, and how.
        deliveries: Vec<(String, DialogEvent)>,
        /// The request that caused the change; empty for the platform's own changes.
        request_id: String,
    },
    /// A team message was sent (`POST`) or deleted (`DELETE`); published on each of its
    /// teams' nodes.
    TeamMessage {
        /// Copy of the message.
        message: Box<TeamMessage>,
        /// The Update's event.
        event: &'static str,
        /// The request that caused the change.
        request_id: String,
    },
    /// A user's list of queues changed: `post` with the queues added, `delete` with those
    /// removed, on `/finesse/api/User/<id>/Queues` (DEVNET `userqueue-notification`).
    UserQueues {
        /// The user.
        login_id: String,
        /// The Update's event.
        event: &'static str,
        /// The `<Queues>` document, written when the change happened.
        data: String,
    },
    /// A queue left the lists of these users: its DELETE on `/finesse/api/Queue/<id>`
    /// (DEVNET `queue-notifications`), routed to them only.
    QueueRemoved {
        /// The queue.
        queue: u64,
        /// The users who lost it.
        users: Vec<String>,
    },
    /// An asynchronous error on the user's node (state changes).
    UserError {
        /// The user.
        login_id: String,
        /// The refused request.
        request_id: String,
        /// What went wrong.
        error: CtiError,
    },
    /// An asynchronous error on the user's Dialogs node (call control).
    DialogError {
        /// The user.
        login_id: String,
        /// The dialog acted on; none for MAKE_CALL.
        dialog: Option<u64>,
        /// The refused request.
        request_id: String,
        /// What went wrong.
        error: CtiError,
    },
}

/// How an agent's Dialogs collection changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DialogEvent {
    /// The agent sees the dialog for the first time.
    Post,
    /// A dialog the agent has seen changed.
    Put,
    /// The dialog leaves the agent's collection.
    Delete,
}

impl DialogEvent {
    /// The Update's `<event>`.
    pub fn as_str(self) -> &'static str {
        match self {
            DialogEvent::Post => "POST",
            DialogEvent::Put => "PUT",
            DialogEvent::Delete => "DELETE",
        }
    }
}
