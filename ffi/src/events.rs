//! `finesse_event`: one notification (a User or Dialog change, a CTI error, a SystemInfo
//! change, a change of the notification connection), `finesse_owned_event`, one the caller
//! owns, and `finesse_owned_event_list`, the events of one decoded `<Update>` document.

use std::ffi::{CString, c_char};

use ::finesse_client::{ConnectionState, Event, PubSubMessage};

use crate::error::finesse_result;
use crate::handles::{Handle, Out, borrow, free, into_owned, lend};
use crate::models::{
    ApiErrorView, DialogView, QueueView, SystemInfoView, TeamMessageView, TeamView, UserView,
    finesse_api_error, finesse_dialog, finesse_queue, finesse_system_info, finesse_team,
    finesse_team_message, finesse_user,
};
use crate::panic::{Fallback, fallible, infallible};
use crate::strings::{bytes_arg, c_string, c_string_opt, ptr_of};

/// What an event reports, as `finesse_event_type` returns it. In C a `uint32_t`: a newer
/// library may add kinds, so treat an unknown value like `FINESSE_EVENT_KIND_OTHER`.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum finesse_event_kind {
    /// No event: what `finesse_event_type` returns for NULL.
    None = 0,
    /// An agent's User changed (state, reason, extension; also team members' Users):
    /// `finesse_event_user`.
    UserChanged = 1,
    /// A dialog appeared (a call being placed, a call ringing): `finesse_event_dialog`.
    DialogAdded = 2,
    /// A dialog changed (a participant's state, the participants, call data, actions):
    /// `finesse_event_dialog`.
    DialogChanged = 3,
    /// A dialog ended, or moved to another agent after a transfer: `finesse_event_dialog`,
    /// as last published.
    DialogRemoved = 4,
    /// A command was accepted, then refused by the CTI server: `finesse_event_error_count`,
    /// `finesse_event_error`, `finesse_event_source` and `finesse_event_request_id`.
    CtiError = 5,
    /// The node's SystemInfo changed (IN_SERVICE, OUT_OF_SERVICE): `finesse_event_system_info`.
    SystemStatus = 6,
    /// The notification connection changed state: `finesse_event_connection_state`,
    /// `finesse_event_connection_detail` and, when it failed,
    /// `finesse_event_connection_condition`.
    Connection = 7,
    /// An update of a kind the library does not type:
    /// `finesse_event_operation`, `finesse_event_source` and `finesse_event_update_xml`.
    Other = 8,
    /// Events were dropped because they were not read in time (the queue reached its bound,
    /// `finesse_notification_options_set_queue_capacity` / `_set_queue_bytes`):
    /// `finesse_event_dropped_count` says how many. What was read before may be stale: read
    /// the User and Dialogs again.
    Dropped = 9,
    /// A whole team published as `<team>` on its node: `finesse_event_team` (a member's change
    /// usually arrives as `FINESSE_EVENT_KIND_USER_CHANGED` on `/finesse/api/Team/<id>/Users`).
    TeamChanged = 10,
    /// A queue's statistics changed (CCE, node `/finesse/api/Queue/<id>`, about every 10 s
    /// while they change): `finesse_event_queue`.
    QueueChanged = 11,
    /// A queue was removed from the user: `finesse_event_queue`, as last published.
    QueueRemoved = 12,
    /// A supervisor broadcast a message to a team of the user (Finesse 12.x):
    /// `finesse_event_team_message`, shown for its `finesse_team_message_duration` seconds.
    TeamMessage = 13,
    /// Its sender deleted a team message before it expired: stop showing it.
    /// `finesse_event_team_message` gives the message (at least its id).
    TeamMessageDeleted = 14,
    /// Queues were added to a user's list (CCE, node `/finesse/api/User/<id>/Queues`):
    /// `finesse_event_queues_count` and `finesse_event_queues_get` give them, with statistics.
    UserQueuesAdded = 15,
    /// Queues were removed from a user's list (the same node's DELETE):
    /// `finesse_event_queues_count` and `finesse_event_queues_get` give them (at least their
    /// uri). Each also comes as `FINESSE_EVENT_KIND_QUEUE_REMOVED` on its own node.
    UserQueuesRemoved = 16,
}

/// The state of the notification connection a `FINESSE_EVENT_KIND_CONNECTION` event reports,
/// as `finesse_event_connection_state` returns it. In C a `uint32_t`: a newer library may add
/// states.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum finesse_connection_state {
    /// Not a connection event (or a NULL event).
    None = 0,
    /// Signed in to the notification service with presence: events flow. The detail is the
    /// URL connected to, `finesse_event_connection_transport` names the transport.
    Connected = 1,
    /// The connection was lost (closed, failed, or silent for too long); events are missed
    /// until it is back: the session is recovering. It polls the node's SystemInfo and signs
    /// in again once the node is in service, or moves to the other node. The detail says
    /// why.
    Disconnected = 2,
    /// The Finesse service announced itself available.
    ServiceAvailable = 3,
    /// The Finesse service announced itself unavailable: commands fail until it is back.
    ServiceUnavailable = 4,
    /// The session was closed by the application (`finesse_notifications_free`).
    Closed = 5,
    /// The session ended for good and does not reconnect: another session of the user took
    /// its resource (condition `conflict`), or the notification service rejected the
    /// credentials on reconnection (`not-authorized`: a changed password; retrying would lock
    /// the account). The detail says why, `finesse_event_connection_condition` gives the XMPP
    /// condition. No event follows; free the session and start a new one once resolved.
    Failed = 6,
    /// The node stayed unavailable and the other one is in service: REST and notifications
    /// move there together. The detail is the node moved to,
    /// `finesse_event_connection_from` the node left. Commands meanwhile fail with
    /// `FINESSE_RESULT_SERVICE_UNAVAILABLE`, unsent.
    FailingOver = 7,
    /// The node lost its CTI link (SystemInfo `OUT_OF_SERVICE`): commands fail and no events
    /// come until it is back, or the client fails over. The detail is the node.
    OutOfService = 8,
    /// Back after an outage (a reconnection, a failover, a CTI recovery): User and Dialogs
    /// were read again, and what changed meanwhile came just before as events for which
    /// `finesse_event_is_resync` is true (`finesse_event_connection_changes` of them). The
    /// detail is the node in use.
    Recovered = 9,
}

impl Fallback for finesse_event_kind {
    fn fallback() -> Self {
        finesse_event_kind::None
    }
}

impl Fallback for finesse_connection_state {
    fn fallback() -> Self {
        finesse_connection_state::None
    }
}

/// One event, borrowed: from an owned event (`finesse_owned_event_view`), from a list
/// (`finesse_owned_event_list_get`, valid until the list is freed) or passed to a
/// `finesse_event_callback` (valid during that call only). Never freed itself.
///
/// Read it with `finesse_event_type` and the accessor of its kind. Immutable: safe to read from
/// several threads at once. Strings and views it returns (the User, the Dialog, the
/// SystemInfo) are borrowed from it and valid as long as it is.
pub struct finesse_event {
    _private: [u8; 0],
}

impl Handle for finesse_event {
    type Target = EventView;
}

/// An event the caller owns, from `finesse_next_event`: read it through
/// `finesse_owned_event_view`, release it with `finesse_owned_event_free`.
pub struct finesse_owned_event {
    _private: [u8; 0],
}

impl Handle for finesse_owned_event {
    type Target = EventView;
}

/// The events of one `<Update>` document, from `finesse_event_list_from_xml`.
///
/// Released by `finesse_owned_event_list_free`, which also ends the events borrowed from it.
/// Immutable: safe to read from several threads at once.
pub struct finesse_owned_event_list {
    _private: [u8; 0],
}

impl Handle for finesse_owned_event_list {
    type Target = Vec<EventView>;
}

/// An event with its strings and documents converted once, so accessors can lend them.
pub(crate) struct EventView {
    kind: finesse_event_kind,
    request_id: Option<CString>,
    user: Option<UserView>,
    dialog: Option<DialogView>,
    system_info: Option<SystemInfoView>,
    team: Option<TeamView>,
    queue: Option<QueueView>,
    queues: Vec<QueueView>,
    team_message: Option<TeamMessageView>,
    errors: Vec<ApiErrorView>,
    source: Option<CString>,
    operation: Option<CString>,
    update_xml: Option<CString>,
    connection: finesse_connection_state,
    connection_detail: Option<CString>,
    connection_condition: Option<CString>,
    connection_transport: Option<CString>,
    connection_from: Option<CString>,
    changes: u32,
    resync: bool,
    dropped: u64,
}

impl EventView {
    fn new(kind: finesse_event_kind, request_id: Option<&str>) -> Self {
        EventView {
            kind,
            request_id: c_string_opt(request_id),
            user: None,
            dialog: None,
            system_info: None,
            team: None,
            queue: None,
            queues: Vec::new(),
            team_message: None,
            errors: Vec::new(),
            source: None,
            operation: None,
            update_xml: None,
            connection: finesse_connection_state::None,
            connection_detail: None,
            connection_condition: None,
            connection_transport: None,
            connection_from: None,
            changes: 0,
            resync: false,
            dropped: 0,
        }
    }
}

impl From<&Event> for EventView {
    fn from(event: &Event) -> Self {
        use finesse_connection_state as State;
        use finesse_event_kind as Kind;
        let request_id = event.request_id();
        match event {
            Event::UserChanged { user, resync, .. } => EventView {
                user: Some(UserView::new(user.clone())),
                resync: *resync,
                ..EventView::new(Kind::UserChanged, request_id)
            },
            Event::DialogAdded { dialog, resync, .. } => EventView {
                dialog: Some(DialogView::new(dialog.clone())),
                resync: *resync,
                ..EventView::new(Kind::DialogAdded, request_id)
            },
            Event::DialogChanged { dialog, resync, .. } => EventView {
                dialog: Some(DialogView::new(dialog.clone())),
                resync: *resync,
                ..EventView::new(Kind::DialogChanged, request_id)
            },
            Event::DialogRemoved { dialog, resync, .. } => EventView {
                dialog: Some(DialogView::new(dialog.clone())),
                resync: *resync,
                ..EventView::new(Kind::DialogRemoved, request_id)
            },
            Event::CtiError { errors, source, .. } => EventView {
                errors: errors.iter().cloned().map(ApiErrorView::new).collect(),
                source: Some(c_string(source)),
                ..EventView::new(Kind::CtiError, request_id)
            },
            Event::SystemStatusChanged { info } => EventView {
                system_info: Some(SystemInfoView::new(info.clone())),
                ..EventView::new(Kind::SystemStatus, request_id)
            },
            Event::Connection(state) => {
                let mut transport = None;
                let mut from = None;
                let mut changes = 0;
                let (connection, detail, condition) = match state {
                    ConnectionState::Connected {
                        node,
                        transport: name,
                    } => {
                        transport = Some(name.as_str());
                        (State::Connected, Some(node.as_str()), None)
                    }
                    ConnectionState::FailingOver { from: left, to } => {
                        from = Some(left.as_str());
                        (State::FailingOver, Some(to.as_str()), None)
                    }
                    ConnectionState::OutOfService { node } => {
                        (State::OutOfService, Some(node.as_str()), None)
                    }
                    ConnectionState::Recovered {
                        node,
                        changes: count,
                    } => {
                        changes = *count;
                        (State::Recovered, Some(node.as_str()), None)
                    }
                    ConnectionState::Disconnected { reason } => {
                        (State::Disconnected, Some(reason.as_str()), None)
                    }
                    ConnectionState::ServiceAvailable { available: true } => {
                        (State::ServiceAvailable, None, None)
                    }
                    ConnectionState::ServiceAvailable { available: false } => {
                        (State::ServiceUnavailable, None, None)
                    }
                    ConnectionState::Failed { reason, condition } => (
                        State::Failed,
                        Some(reason.as_str()),
                        Some(condition.as_str()),
                    ),
                    ConnectionState::Closed => (State::Closed, None, None),
                    // A state added to core later: a connection event without details.
                    _ => (State::None, None, None),
                };
                EventView {
                    connection,
                    connection_detail: c_string_opt(detail),
                    connection_condition: c_string_opt(condition),
                    connection_transport: c_string_opt(transport),
                    connection_from: c_string_opt(from),
                    changes,
                    ..EventView::new(Kind::Connection, request_id)
                }
            }
            Event::Other {
                event,
                source,
                update_xml,
            } => EventView {
                operation: Some(c_string(event)),
                source: Some(c_string(source)),
                update_xml: Some(c_string(update_xml)),
                ..EventView::new(Kind::Other, request_id)
            },
            Event::Dropped { count } => EventView {
                dropped: *count,
                ..EventView::new(Kind::Dropped, request_id)
            },
            Event::TeamChanged { team, .. } => EventView {
                team: Some(TeamView::new(team.clone())),
                ..EventView::new(Kind::TeamChanged, request_id)
            },
            Event::QueueChanged { queue } => EventView {
                queue: Some(QueueView::new(queue.clone())),
                ..EventView::new(Kind::QueueChanged, request_id)
            },
            Event::QueueRemoved { queue } => EventView {
                queue: Some(QueueView::new(queue.clone())),
                ..EventView::new(Kind::QueueRemoved, request_id)
            },
            Event::TeamMessageReceived { message, .. } => EventView {
                team_message: Some(TeamMessageView::new(message.clone())),
                ..EventView::new(Kind::TeamMessage, request_id)
            },
            Event::UserQueuesAdded { queues } => EventView {
                queues: queues.iter().cloned().map(QueueView::new).collect(),
                ..EventView::new(Kind::UserQueuesAdded, request_id)
            },
            Event::UserQueuesRemoved { queues } => EventView {
                queues: queues.iter().cloned().map(QueueView::new).collect(),
                ..EventView::new(Kind::UserQueuesRemoved, request_id)
            },
            Event::TeamMessageDeleted { message, .. } => EventView {
                team_message: Some(TeamMessageView::new(message.clone())),
                ..EventView::new(Kind::TeamMessageDeleted, request_id)
            },
            // A kind added to core later: reported as OTHER, without the raw document.
            _ => EventView::new(Kind::Other, request_id),
        }
    }
}

/// Decodes one notification document, an `<Update>` as carried (unescaped) in a pub-sub item,
/// into its events, without any network call: a Dialogs update may carry several dialogs, so
/// there may be more than one. `len` bytes of XML at `xml`, borrowed for the call only. Root
/// and element names are matched without regard to case, as Finesse sends both forms; an
/// update of a kind the library does not type gives one `FINESSE_EVENT_KIND_OTHER` event.
///
/// On success the caller owns `*out_list` and releases it with `finesse_owned_event_list_free`; on
/// failure (`FINESSE_RESULT_DECODE` for a document that is not an Update) `*out_list` is not
/// written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_list_from_xml(
    xml: *const u8,
    len: usize,
    out_list: *mut *mut finesse_owned_event_list,
) -> finesse_result {
    fallible(|| {
        let xml = unsafe { bytes_arg(xml, len, "xml") }?;
        let out = Out::required(out_list, "out_list")?;
        let events = Event::from_update_xml(xml)?;
        let views = events.iter().map(EventView::from).collect();
        unsafe { out.write(into_owned::<finesse_owned_event_list>(views)) };
        Ok(())
    })
}

/// Releases an event list and the events borrowed from it. NULL is a no-op; must not be called
/// twice with the same pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_owned_event_list_free(list: *mut finesse_owned_event_list) {
    infallible(|| {
        unsafe { free(list) };
        Some(())
    })
}

/// The number of events in `list` (0 when `list` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_owned_event_list_count(
    list: *const finesse_owned_event_list,
) -> usize {
    infallible(|| unsafe { borrow(list) }.map(Vec::len))
}

/// Event `index` of `list`, in document order, or NULL when `index` is out of range or `list`
/// is NULL.
///
/// Borrowed from `list`, valid until the list is freed; never free it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_owned_event_list_get(
    list: *const finesse_owned_event_list,
    index: usize,
) -> *const finesse_event {
    infallible(|| {
        unsafe { borrow(list) }?
            .get(index)
            .map(lend::<finesse_event>)
    })
}

/// The view of an owned event, valid until it is freed; NULL when `event` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_owned_event_view(
    event: *const finesse_owned_event,
) -> *const finesse_event {
    infallible(|| unsafe { borrow(event) }.map(lend::<finesse_event>))
}

/// Releases an owned event, with the User, Dialog, SystemInfo and strings borrowed from it.
/// NULL is a no-op; must not be called twice with the same pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_owned_event_free(event: *mut finesse_owned_event) {
    infallible(|| {
        unsafe { free(event) };
        Some(())
    })
}

/// What `event` reports (a `FINESSE_EVENT_KIND_*` value); `FINESSE_EVENT_KIND_NONE` when
/// `event` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_type(event: *const finesse_event) -> finesse_event_kind {
    infallible(|| unsafe { borrow(event) }.map(|e| e.kind))
}

/// The `requestId` of the command that caused the event (a User or Dialog change, a CTI
/// error), or NULL when it echoes none (a change made elsewhere: a call ringing, a supervisor,
/// the phone). Borrowed from `event`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_request_id(event: *const finesse_event) -> *const c_char {
    infallible(|| unsafe { borrow(event) }.and_then(|e| ptr_of(&e.request_id)))
}

/// The User after the change, for `FINESSE_EVENT_KIND_USER_CHANGED`; otherwise NULL. Read it
/// with the `finesse_user_*` accessors. Borrowed from `event`, valid until it is freed; never
/// free it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_user(event: *const finesse_event) -> *const finesse_user {
    infallible(|| {
        unsafe { borrow(event) }?
            .user
            .as_ref()
            .map(lend::<finesse_user>)
    })
}

/// The Dialog, for `FINESSE_EVENT_KIND_DIALOG_ADDED`, `_CHANGED` (after the change) and
/// `_REMOVED` (as last published); otherwise NULL. Read it with the `finesse_dialog_*`
/// accessors. Borrowed from `event`, valid until it is freed; never free it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_dialog(
    event: *const finesse_event,
) -> *const finesse_dialog {
    infallible(|| {
        unsafe { borrow(event) }?
            .dialog
            .as_ref()
            .map(lend::<finesse_dialog>)
    })
}

/// The new SystemInfo, for `FINESSE_EVENT_KIND_SYSTEM_STATUS`; otherwise NULL. Read it with
/// the `finesse_system_info_*` accessors. Borrowed from `event`, valid until it is freed; never
/// free it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_system_info(
    event: *const finesse_event,
) -> *const finesse_system_info {
    infallible(|| {
        unsafe { borrow(event) }?
            .system_info
            .as_ref()
            .map(lend::<finesse_system_info>)
    })
}

/// The team, for `FINESSE_EVENT_KIND_TEAM_CHANGED`; otherwise NULL. Read it with the
/// `finesse_team_*` accessors. Borrowed from `event`, valid until it is freed; never free it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_team(event: *const finesse_event) -> *const finesse_team {
    infallible(|| {
        unsafe { borrow(event) }?
            .team
            .as_ref()
            .map(lend::<finesse_team>)
    })
}

/// The message, for `FINESSE_EVENT_KIND_TEAM_MESSAGE` and `_TEAM_MESSAGE_DELETED`; otherwise
/// NULL. Read it with the `finesse_team_message_*` accessors. Borrowed from `event`, valid
/// until it is freed; never free it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_team_message(
    event: *const finesse_event,
) -> *const finesse_team_message {
    infallible(|| {
        unsafe { borrow(event) }?
            .team_message
            .as_ref()
            .map(lend::<finesse_team_message>)
    })
}

/// The queue, for `FINESSE_EVENT_KIND_QUEUE_CHANGED` (with its new statistics) and
/// `_QUEUE_REMOVED`; otherwise NULL. Read it with the `finesse_queue_*` accessors. Borrowed
/// from `event`, valid until it is freed; never free it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_queue(event: *const finesse_event) -> *const finesse_queue {
    infallible(|| {
        unsafe { borrow(event) }?
            .queue
            .as_ref()
            .map(lend::<finesse_queue>)
    })
}

/// How many queues a `FINESSE_EVENT_KIND_USER_QUEUES_ADDED` or `_REMOVED` event carries (0 for
/// other kinds and for NULL); `finesse_event_queues_get` gives each.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_queues_count(event: *const finesse_event) -> usize {
    infallible(|| unsafe { borrow(event) }.map(|e| e.queues.len()))
}

/// Queue `index` of a `FINESSE_EVENT_KIND_USER_QUEUES_ADDED` or `_REMOVED` event, read with the
/// `finesse_queue_*` accessors; NULL when there is no such entry. Borrowed from `event`, valid
/// as long as it is.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_queues_get(
    event: *const finesse_event,
    index: usize,
) -> *const finesse_queue {
    infallible(|| {
        unsafe { borrow(event) }?
            .queues
            .get(index)
            .map(lend::<finesse_queue>)
    })
}

/// How many errors a `FINESSE_EVENT_KIND_CTI_ERROR` event carries (0 for other kinds and for
/// NULL); `finesse_event_error` gives each.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_error_count(event: *const finesse_event) -> usize {
    infallible(|| unsafe { borrow(event) }.map(|e| e.errors.len()))
}

/// Error `index` of a CTI error event (its `errorType`, e.g. `"Generic Error"`, its
/// `errorMessage`, its `errorData`: the CTI error code, and the peripheral's fields), read
/// with the `finesse_api_error_*` accessors; NULL when there is no such entry. Borrowed from
/// `event`, valid as long as it is.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_error(
    event: *const finesse_event,
    index: usize,
) -> *const finesse_api_error {
    infallible(|| {
        unsafe { borrow(event) }?
            .errors
            .get(index)
            .map(lend::<finesse_api_error>)
    })
}

/// The resource the update is about: for `FINESSE_EVENT_KIND_CTI_ERROR` the one the refused
/// command acted on (e.g. `"/finesse/api/Dialog/16777217"`), for `FINESSE_EVENT_KIND_OTHER`
/// the update's source (possibly empty); NULL for other kinds. Borrowed from `event`, valid
/// until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_source(event: *const finesse_event) -> *const c_char {
    infallible(|| unsafe { borrow(event) }.and_then(|e| ptr_of(&e.source)))
}

/// The update's `<event>` of a `FINESSE_EVENT_KIND_OTHER` event, upper case: `"POST"`, `"PUT"`
/// or `"DELETE"` (empty when the update could not be decoded); NULL for other kinds. Borrowed
/// from `event`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_operation(event: *const finesse_event) -> *const c_char {
    infallible(|| unsafe { borrow(event) }.and_then(|e| ptr_of(&e.operation)))
}

/// The whole `<Update>` document of a `FINESSE_EVENT_KIND_OTHER` event, for the application to
/// decode; NULL for other kinds. Borrowed from `event`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_update_xml(event: *const finesse_event) -> *const c_char {
    infallible(|| unsafe { borrow(event) }.and_then(|e| ptr_of(&e.update_xml)))
}

/// The connection state a `FINESSE_EVENT_KIND_CONNECTION` event reports (a
/// `FINESSE_CONNECTION_STATE_*` value); `FINESSE_CONNECTION_STATE_NONE` for other kinds and
/// for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_connection_state(
    event: *const finesse_event,
) -> finesse_connection_state {
    infallible(|| unsafe { borrow(event) }.map(|e| e.connection))
}

/// The detail of a connection event: the URL for `FINESSE_CONNECTION_STATE_CONNECTED`, the
/// reason for `FINESSE_CONNECTION_STATE_DISCONNECTED` (e.g. `"2 pings unanswered"`) and for
/// `FINESSE_CONNECTION_STATE_FAILED`, the node moved to for `_FAILING_OVER`, the node for
/// `_OUT_OF_SERVICE` and `_RECOVERED`; NULL otherwise. Borrowed from `event`, valid until it
/// is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_connection_detail(
    event: *const finesse_event,
) -> *const c_char {
    infallible(|| unsafe { borrow(event) }.and_then(|e| ptr_of(&e.connection_detail)))
}

/// The XMPP condition that ended the session, for `FINESSE_CONNECTION_STATE_FAILED`:
/// `"conflict"` (another session took the resource), `"not-authorized"` (credentials
/// rejected), or another stream error condition; NULL for other states and kinds. Borrowed
/// from `event`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_connection_condition(
    event: *const finesse_event,
) -> *const c_char {
    infallible(|| unsafe { borrow(event) }.and_then(|e| ptr_of(&e.connection_condition)))
}

/// The transport of a `FINESSE_CONNECTION_STATE_CONNECTED` event: `"websocket"`, `"bosh"`,
/// `"tcp"` (STARTTLS) or `"tcp-tls"` (direct TLS); NULL for other states and kinds. Borrowed
/// from `event`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_connection_transport(
    event: *const finesse_event,
) -> *const c_char {
    infallible(|| unsafe { borrow(event) }.and_then(|e| ptr_of(&e.connection_transport)))
}

/// The node left, for `FINESSE_CONNECTION_STATE_FAILING_OVER`; NULL for other states and
/// kinds. Borrowed from `event`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_connection_from(
    event: *const finesse_event,
) -> *const c_char {
    infallible(|| unsafe { borrow(event) }.and_then(|e| ptr_of(&e.connection_from)))
}

/// How many resync events came just before a `FINESSE_CONNECTION_STATE_RECOVERED` event; 0
/// for other states and kinds.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_connection_changes(event: *const finesse_event) -> u32 {
    infallible(|| unsafe { borrow(event) }.map(|e| e.changes))
}

/// Whether a User or Dialog event was found by reading the server again after an outage (a
/// reconnection, a failover, a CTI recovery) rather than from a notification; false for
/// other kinds and for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_is_resync(event: *const finesse_event) -> bool {
    infallible(|| unsafe { borrow(event) }.map(|e| e.resync))
}

/// How many events a `FINESSE_EVENT_KIND_DROPPED` event says were dropped since the last one
/// read; 0 for other kinds and for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_event_dropped_count(event: *const finesse_event) -> u64 {
    infallible(|| unsafe { borrow(event) }.map(|e| e.dropped))
}

/// One pub-sub `<message>` of the Finesse notification service, as an XMPP stack or a log
/// shows it: the node it was published to, the item's id and the events of its `<Update>`.
///
/// Created by `finesse_pubsub_message_from_xml`, released by `finesse_pubsub_message_free`.
/// Immutable: safe to read from several threads at once. Strings and events it returns are
/// borrowed from it and valid until it is freed.
pub struct finesse_pubsub_message {
    _private: [u8; 0],
}

impl Handle for finesse_pubsub_message {
    type Target = PubSubMessageView;
}

/// A pub-sub message with its strings and events converted once.
pub(crate) struct PubSubMessageView {
    node: CString,
    item_id: Option<CString>,
    events: Vec<EventView>,
}

/// Decodes a whole pub-sub `<message>` stanza as Finesse sends it (the `<Update>` escaped
/// inside `<notification>`, or embedded as an element): `len` bytes of XML at `xml`,
/// borrowed for the call only, without any network call.
///
/// On success the caller owns `*out_message` and releases it with
/// `finesse_pubsub_message_free`; on failure (`FINESSE_RESULT_DECODE`, the message naming
/// what is missing) `*out_message` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_pubsub_message_from_xml(
    xml: *const u8,
    len: usize,
    out_message: *mut *mut finesse_pubsub_message,
) -> finesse_result {
    fallible(|| {
        let xml = unsafe { bytes_arg(xml, len, "xml") }?;
        let out = Out::required(out_message, "out_message")?;
        let message = PubSubMessage::from_xml(xml)?;
        let view = PubSubMessageView {
            node: c_string(&message.node),
            item_id: c_string_opt(message.item_id.as_deref()),
            events: message.events.iter().map(EventView::from).collect(),
        };
        unsafe { out.write(into_owned::<finesse_pubsub_message>(view)) };
        Ok(())
    })
}

/// The node the item was published to, e.g. `"/finesse/api/User/1001"`. Borrowed from
/// `message`, valid until it is freed; NULL when `message` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_pubsub_message_node(
    message: *const finesse_pubsub_message,
) -> *const c_char {
    infallible(|| unsafe { borrow(message) }.map(|m| m.node.as_ptr()))
}

/// The item's id, or NULL when it has none (or `message` is NULL). Borrowed from `message`,
/// valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_pubsub_message_item_id(
    message: *const finesse_pubsub_message,
) -> *const c_char {
    infallible(|| unsafe { borrow(message) }.and_then(|m| ptr_of(&m.item_id)))
}

/// How many events the message's `<Update>` carries (0 when `message` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_pubsub_message_events_count(
    message: *const finesse_pubsub_message,
) -> usize {
    infallible(|| unsafe { borrow(message) }.map(|m| m.events.len()))
}

/// Event `index` of the message, in document order, or NULL when out of range. Borrowed from
/// `message`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_pubsub_message_events_get(
    message: *const finesse_pubsub_message,
    index: usize,
) -> *const finesse_event {
    infallible(|| {
        unsafe { borrow(message) }?
            .events
            .get(index)
            .map(lend::<finesse_event>)
    })
}

/// Releases a pub-sub message and the events borrowed from it. NULL is a no-op; must not be
/// called twice with the same pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_pubsub_message_free(message: *mut finesse_pubsub_message) {
    infallible(|| {
        unsafe { free(message) };
        Some(())
    })
}

#[cfg(test)]
mod tests {
    use std::ffi::CStr;

    use super::*;

    fn view(state: ConnectionState) -> EventView {
        EventView::from(&Event::Connection(state))
    }

    #[test]
    fn connection_states_map_to_their_constants_and_details() {
        let connected = view(ConnectionState::Connected {
            node: "wss://finesse:8445/ws".to_owned(),
            transport: "websocket".to_owned(),
        });
        assert_eq!(connected.kind, finesse_event_kind::Connection);
        assert_eq!(connected.connection, finesse_connection_state::Connected);
        let detail = connected.connection_detail.as_deref().map(CStr::to_bytes);
        assert_eq!(detail, Some(&b"wss://finesse:8445/ws"[..]));
        let lost = view(ConnectionState::Disconnected {
            reason: "2 pings unanswered".to_owned(),
        });
        assert_eq!(lost.connection, finesse_connection_state::Disconnected);
        let down = view(ConnectionState::ServiceAvailable { available: false });
        assert_eq!(
            down.connection,
            finesse_connection_state::ServiceUnavailable
        );
        assert!(down.connection_detail.is_none());
        let closed = view(ConnectionState::Closed);
        assert_eq!(closed.connection, finesse_connection_state::Closed);
        assert!(closed.request_id.is_none() && closed.dialog.is_none());
        assert!(closed.connection_condition.is_none());
        let failed = view(ConnectionState::Failed {
            reason: "another session took the resource".to_owned(),
            condition: "conflict".to_owned(),
        });
        assert_eq!(failed.connection, finesse_connection_state::Failed);
        let detail = failed.connection_detail.as_deref().map(CStr::to_bytes);
        assert_eq!(detail, Some(&b"another session took the resource"[..]));
        let condition = failed.connection_condition.as_deref().map(CStr::to_bytes);
        assert_eq!(condition, Some(&b"conflict"[..]));
        assert!(lost.connection_condition.is_none());
    }
}
