//! Typed notification events, and the decoder of one Finesse `<Update>` document.
//!
//! Finesse publishes every change (a new state, a ringing call, a CTI error) as an `<Update>`
//! document carried, escaped, inside an XMPP pub-sub item. [`Event::from_update_xml`] decodes
//! one such document, whatever transport delivered it; [`PubSubMessage::from_xml`] decodes the
//! whole `<message>` stanza around it.

mod pubsub;

use serde::Serialize;

pub use pubsub::PubSubMessage;

use crate::error::Error;
use crate::limits::DecodeLimits;
use crate::model::{ApiError, Dialog, Queue, SystemInfo, Team, TeamMessage, User};
use crate::xml::{XmlReader, decode_document};

/// Something that happened, as Finesse (or the notification connection) reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Event {
    /// An agent's User changed: state, reason, extension (also team members' Users).
    UserChanged {
        /// The User after the change.
        user: User,
        /// The `requestId` of the command that caused it, if any.
        request_id: Option<String>,
        /// Whether the client found this change by reading the server again after an outage
        /// (a reconnection, a failover, a CTI recovery), rather than from a notification.
        resync: bool,
    },
    /// A dialog appeared: an outbound call being placed, an inbound call ringing.
    DialogAdded {
        /// The new dialog.
        dialog: Dialog,
        /// The `requestId` of the command that caused it, if any.
        request_id: Option<String>,
        /// Whether the client found this change by reading the server again after an outage
        /// (a reconnection, a failover, a CTI recovery), rather than from a notification.
        resync: bool,
    },
    /// A dialog changed: a participant's state, the participants, call data, actions.
    DialogChanged {
        /// The dialog after the change.
        dialog: Dialog,
        /// The `requestId` of the command that caused it, if any.
        request_id: Option<String>,
        /// Whether the client found this change by reading the server again after an outage
        /// (a reconnection, a failover, a CTI recovery), rather than from a notification.
        resync: bool,
    },
    /// A dialog ended (or moved to another agent after a transfer).
    DialogRemoved {
        /// The dialog as last published.
        dialog: Dialog,
        /// The `requestId` of the command that caused it, if any.
        request_id: Option<String>,
        /// Whether the client found this change by reading the server again after an outage
        /// (a reconnection, a failover, a CTI recovery), rather than from a notification.
        resync: bool,
    },
    /// A command was accepted (202) but then refused by the CTI server.
    CtiError {
        /// The errors, e.g. `Generic Error` with CTI code 20999.
        errors: Vec<ApiError>,
        /// The `requestId` of the refused command.
        request_id: Option<String>,
        /// The resource the command acted on, e.g. `/finesse/api/Dialog/16777217`.
        source: String,
    },
    /// A team changed, as a whole `<team>` document on the team's node (some releases
    /// publish the team this way; member changes otherwise arrive as
    /// [`Event::UserChanged`] on `/finesse/api/Team/<id>/Users`).
    TeamChanged {
        /// The team after the change.
        team: Team,
        /// The `requestId` of the command that caused it, if any.
        request_id: Option<String>,
    },
    /// A queue's statistics changed (node `/finesse/api/Queue/<id>`, CCE: published about
    /// every 10 seconds while they change).
    QueueChanged {
        /// The queue with its new statistics.
        queue: Queue,
    },
    /// A queue was removed from the user (the queue node's DELETE).
    QueueRemoved {
        /// The queue as last published.
        queue: Queue,
    },
    /// Queues were added to a user's list (node `/finesse/api/User/<id>/Queues`, CCE; DEVNET
    /// `userqueue-notification`): a POST whose data is `<Queues>`, each queue whole.
    UserQueuesAdded {
        /// The queues added, with their statistics.
        queues: Vec<Queue>,
    },
    /// Queues were removed from a user's list: the same node's DELETE (each queue at least by
    /// its `uri`). Each also comes as [`Event::QueueRemoved`] on its own node.
    UserQueuesRemoved {
        /// The queues removed.
        queues: Vec<Queue>,
    },
    /// A supervisor broadcast a message to a team of the user (Finesse 12.x): an Update
    /// whose data is a `<TeamMessage>` (DEVNET `teammessage`), on the node of a team (the
    /// emulator's `/finesse/api/Team/<id>/TeamMessages`). Show it for its `duration`.
    TeamMessageReceived {
        /// The message.
        message: TeamMessage,
        /// The `requestId` of the request that sent it, if any.
        request_id: Option<String>,
    },
    /// Its sender deleted a team message before it expired: stop showing it. The same
    /// Update with event `DELETE` (the notification's page was not found: the shape every
    /// other Finesse DELETE has, as the emulator publishes it).
    TeamMessageDeleted {
        /// The message, at least its `id`.
        message: TeamMessage,
        /// The `requestId` of the request that deleted it, if any.
        request_id: Option<String>,
    },
    /// The node's SystemInfo changed (IN_SERVICE / OUT_OF_SERVICE).
    SystemStatusChanged {
        /// The new SystemInfo.
        info: SystemInfo,
    },
    /// The notification connection changed state.
    Connection(ConnectionState),
    /// Events were dropped because they were not read in time: the queue reached its bound
    /// ([`NotificationOptions::queue_capacity`](crate::NotificationOptions::queue_capacity),
    /// [`queue_bytes`](crate::NotificationOptions::queue_bytes)) and lost its oldest events.
    /// What was read before may be stale: read User and Dialogs again.
    Dropped {
        /// How many events were dropped since the last one read.
        count: u64,
    },
    /// An update of a kind this library does not type, raw.
    Other {
        /// The Update's `event`: `POST`, `PUT` or `DELETE`.
        event: String,
        /// The resource the update is about.
        source: String,
        /// The whole `<Update>` document.
        update_xml: String,
    },
}

/// The state of the notification connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConnectionState {
    /// Signed in to the notification service, presence sent: events flow.
    Connected {
        /// The notification service's URL connected to (its host is the node's).
        node: String,
        /// The transport: `websocket`, `bosh`, `tcp` (STARTTLS) or `tcp-tls` (direct TLS).
        transport: String,
    },
    /// The connection was lost; events are missed until it is back: the client is
    /// recovering. It polls the node's SystemInfo and signs in again once the node is in
    /// service, or moves to the other node ([`ConnectionState::FailingOver`]); then the
    /// missed changes come as events marked `resync`, and [`ConnectionState::Recovered`].
    Disconnected {
        /// Why.
        reason: String,
    },
    /// The node stays unavailable (its notification service, its web application or its CTI
    /// link) and the other node is in service: the client moves REST and notifications
    /// there together, and signs out of nothing. Commands meanwhile fail with
    /// [`Error::FailingOver`](crate::Error::FailingOver), unsent.
    FailingOver {
        /// The node left.
        from: String,
        /// The node moved to.
        to: String,
    },
    /// The node lost its CTI link (SystemInfo `OUT_OF_SERVICE`): commands fail with 503 and
    /// no events come until it is back in service, or the client fails over.
    OutOfService {
        /// The node.
        node: String,
    },
    /// Back after an outage (a reconnection, a failover, the end of `OUT_OF_SERVICE` or of the
    /// `finesse` service's unavailability): User and Dialogs were read again and what changed
    /// meanwhile was delivered as events marked `resync`, just before this one. The
    /// application's view is current.
    Recovered {
        /// The REST node now in use.
        node: String,
        /// How many resync events were delivered.
        changes: u32,
    },
    /// The `finesse` service announced itself available, or unavailable (its web
    /// application is down: commands will fail until it is back).
    ServiceAvailable {
        /// Whether it is available.
        available: bool,
    },
    /// The session ended for good and does not reconnect: the service rejected the
    /// credentials (a changed password: retrying would lock the account), or another session
    /// signed in with the same resource and took over. Start a new session once resolved.
    Failed {
        /// Why, as a sentence.
        reason: String,
        /// The XMPP condition: `not-authorized` (credentials), `conflict` (resource taken
        /// over), or another stream error condition.
        condition: String,
    },
    /// The session was closed by the application.
    Closed,
}

impl Event {
    /// Decodes one `<Update>` document (as carried in a pub-sub item, unescaped) into the
    /// events it reports: a Dialogs POST or DELETE may carry several dialogs.
    pub fn from_update_xml(xml: impl AsRef<[u8]>) -> Result<Vec<Event>, Error> {
        Self::from_update_xml_with_limits(xml.as_ref(), DecodeLimits::DEFAULT)
    }

    pub(crate) fn from_update_xml_with_limits(
        xml: &[u8],
        limits: DecodeLimits,
    ) -> Result<Vec<Event>, Error> {
        let update = decode_document(xml, "Update", &[b"update"], limits, read_update)?;
        let request_id = update.request_id.filter(|id| !id.is_empty());
        // Sources disagree on the case of the event name (`PUT` / `put`).
        let event = update.event.to_ascii_uppercase();
        Ok(match update.data {
            Data::User(user) => vec![Event::UserChanged {
                user,
                request_id,
                resync: false,
            }],
            Data::Dialog(dialog) => vec![match event.as_str() {
                "POST" => Event::DialogAdded {
                    dialog,
                    request_id,
                    resync: false,
                },
                "DELETE" => Event::DialogRemoved {
                    dialog,
                    request_id,
                    resync: false,
                },
                _ => Event::DialogChanged {
                    dialog,
                    request_id,
                    resync: false,
                },
            }],
            Data::Dialogs(dialogs) => dialogs
                .into_iter()
                .map(|dialog| match event.as_str() {
                    "DELETE" => Event::DialogRemoved {
                        dialog,
                        request_id: request_id.clone(),
                        resync: false,
                    },
                    "PUT" => Event::DialogChanged {
                        dialog,
                        request_id: request_id.clone(),
                        resync: false,
                    },
                    _ => Event::DialogAdded {
                        dialog,
                        request_id: request_id.clone(),
                        resync: false,
                    },
                })
                .collect(),
            Data::ApiErrors(errors) => vec![Event::CtiError {
                errors,
                request_id,
                source: update.source,
            }],
            Data::SystemInfo(info) => vec![Event::SystemStatusChanged { info }],
            Data::Team(team) => vec![Event::TeamChanged { team, request_id }],
            Data::Queue(queue) => vec![match event.as_str() {
                "DELETE" => Event::QueueRemoved { queue },
                _ => Event::QueueChanged { queue },
            }],
            Data::Queues(queues) => vec![match event.as_str() {
                "DELETE" => Event::UserQueuesRemoved { queues },
                _ => Event::UserQueuesAdded { queues },
            }],
            Data::TeamMessage(message) => vec![match event.as_str() {
                "DELETE" => Event::TeamMessageDeleted {
                    message,
                    request_id,
                },
                _ => Event::TeamMessageReceived {
                    message,
                    request_id,
                },
            }],
            Data::Other => vec![Event::Other {
                event,
                source: update.source,
                update_xml: String::from_utf8_lossy(xml).into_owned(),
            }],
        })
    }

    /// The `requestId` this event echoes, if any.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Event::UserChanged { request_id, .. }
            | Event::DialogAdded { request_id, .. }
            | Event::DialogChanged { request_id, .. }
            | Event::DialogRemoved { request_id, .. }
            | Event::TeamChanged { request_id, .. }
            | Event::TeamMessageReceived { request_id, .. }
            | Event::TeamMessageDeleted { request_id, .. }
            | Event::CtiError { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }
}

struct Update {
    data: Data,
    event: String,
    request_id: Option<String>,
    source: String,
}

enum Data {
    User(User),
    Dialog(Dialog),
    Dialogs(Vec<Dialog>),
    ApiErrors(Vec<ApiError>),
    SystemInfo(SystemInfo),
    Team(Team),
    Queue(Queue),
    Queues(Vec<Queue>),
    TeamMessage(TeamMessage),
    Other,
}

fn read_update(r: &mut XmlReader<'_>) -> Result<Update, Error> {
    let mut update = Update {
        data: Data::Other,
        event: String::new(),
        request_id: None,
        source: String::new(),
    };
    while let Some(name) = r.next_child()? {
        match name.as_bytes() {
            b"data" => update.data = read_data(r)?,
            b"event" => update.event = r.text()?,
            b"requestid" => update.request_id = Some(r.text()?),
            b"source" => update.source = r.text()?,
            _ => r.skip()?,
        }
    }
    Ok(update)
}

/// The payload: the first element inside `<data>`, by its (lower-camel) root name.
fn read_data(r: &mut XmlReader<'_>) -> Result<Data, Error> {
    let mut data = Data::Other;
    while let Some(name) = r.next_child()? {
        if !matches!(data, Data::Other) {
            r.skip()?;
            continue;
        }
        data = match name.as_bytes() {
            b"user" => Data::User(User::read(r)?),
            b"dialog" => Data::Dialog(Dialog::read(r)?),
            b"dialogs" => Data::Dialogs(r.list(b"dialog", Dialog::read)?),
            b"apierrors" => Data::ApiErrors(r.list(b"apierror", ApiError::read)?),
            b"systeminfo" => Data::SystemInfo(SystemInfo::read(r)?),
            b"team" => Data::Team(Team::read(r)?),
            // The guide's queue notification writes `<Queue>`; names match ignoring case.
            b"queue" => Data::Queue(Queue::read(r)?),
            b"queues" => Data::Queues(r.list(b"queue", Queue::read)?),
            b"teammessage" => Data::TeamMessage(TeamMessage::read(r)?),
            _ => {
                r.skip()?;
                Data::Other
            }
        };
    }
    Ok(data)
}
