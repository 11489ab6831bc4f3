//! What a command returns, [`Accepted`], and waiting on it for the command's outcome: the
//! notification echoing its `requestId`, else the state change it asked for, else (without a
//! notification session) polling the resource.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::client::Client;
use crate::commands::{CallData, DialogAction};
use crate::error::{CtiFailure, Error};
use crate::events::Event;
use crate::model::{AgentState, Dialog, ParticipantState, User};
use crate::session::{Shared, Watch};

/// How often the resource is read when no notification session is up.
const POLL_INTERVAL: Duration = Duration::from_millis(50);

/// The outcome of a command that was waited on.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome {
    /// The agent's User after a state change.
    User(User),
    /// The dialog the command created or changed.
    Dialog(Dialog),
    /// The dialog the command ended (drop, transfer).
    Ended {
        /// The dialog's id.
        dialog_id: String,
    },
}

impl Outcome {
    /// The User, for a state change.
    pub fn user(&self) -> Option<&User> {
        match self {
            Outcome::User(u) => Some(u),
            _ => None,
        }
    }

    /// The Dialog, for a call command that did not end the call.
    pub fn dialog(&self) -> Option<&Dialog> {
        match self {
            Outcome::Dialog(d) => Some(d),
            _ => None,
        }
    }
}

/// A command Finesse accepted (HTTP 202). Its outcome arrives later as a notification that
/// echoes [`Accepted::request_id`]; [`Accepted::wait`] waits for it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Accepted {
    /// The `requestId` header the command carried.
    pub request_id: String,
    client: Client,
    /// The session's events from when the command was sent on, if a session was up.
    watch: Option<Arc<(Watch, u64)>>,
    expect: Expect,
}

impl Accepted {
    pub(crate) fn new(
        request_id: String,
        client: Client,
        watch: Option<(Watch, u64)>,
        expect: Expect,
    ) -> Self {
        Accepted {
            request_id,
            client,
            watch: watch.map(Arc::new),
            expect,
        }
    }

    /// This command as one in flight, when a session can show its outcome; DTMF changes
    /// nothing Finesse publishes, so nothing would.
    pub(crate) fn in_flight(&self) -> Option<InFlight> {
        if let Expect::Dialog {
            action: DialogAction::SendDtmf { .. },
            ..
        } = &self.expect
        {
            return None;
        }
        Some(InFlight {
            request_id: self.request_id.clone(),
            session: self.watch.as_deref()?.0.shared().clone(),
        })
    }

    /// Waits at most `timeout` for the command's outcome: the User after a state change, the
    /// new or changed Dialog after a call command, or the end of the call after a drop or a
    /// transfer.
    ///
    /// With a notification session ([`Client::notifications`]) the outcome is the
    /// notification echoing the request id, or showing the requested change; a refusal by
    /// the CTI server is returned as [`Error::Cti`]. Without one, the resource is read until
    /// it shows the requested state — which also holds when it already did before the
    /// command, and a CTI refusal then shows as a timeout. A timeout means the outcome was
    /// not seen, not that the command failed. SEND_DTMF changes nothing Finesse publishes:
    /// waiting on it returns the dialog as it is.
    ///
    /// From an event callback of the client's session this fails at once with
    /// [`Error::InvalidArgument`] (field `wait`): the outcome would arrive on the very thread
    /// that is waiting.
    pub fn wait(&self, timeout: Duration) -> Result<Outcome, Error> {
        let watched = self
            .watch
            .as_deref()
            .map(|(watch, from)| (watch.shared(), *from));
        wait(
            &self.client,
            &self.request_id,
            watched,
            &self.expect,
            timeout,
        )
    }
}

/// A call-control command whose outcome was not seen yet. Finesse 12.5(1): "call control
/// requests for the same device should not be sent to the Finesse server until the response
/// to a previous call control request has been received" (DG12.5 p91): the client's next one
/// waits for it ([`InFlight::settle`]).
pub(crate) struct InFlight {
    request_id: String,
    /// The session that will echo the request id (not a [`Watch`]: the events need not be
    /// kept for this).
    session: Arc<Shared>,
}

impl InFlight {
    /// Waits at most `timeout` for the notification echoing the command's request id (its
    /// outcome, or its CTI refusal); returns at once when it came already or when the
    /// session is not connected (nothing would show it).
    pub(crate) fn settle(&self, timeout: Duration) {
        if self.session.is_connected() && !self.session.is_own_thread() {
            self.session
                .wait_for_echo(&self.request_id, Instant::now() + timeout);
        }
    }
}

/// What a command asked for, to recognize its outcome without a `requestId`.
#[derive(Debug, Clone)]
pub(crate) enum Expect {
    /// The agent's state (or pending state) becomes this, with this reason when one was
    /// given.
    State {
        /// Another user's (a team member changed by a supervisor); `None` for the agent.
        login_id: Option<String>,
        state: AgentState,
        reason_code_id: Option<i64>,
    },
    /// A supervisor's monitor or barge: a dialog (other than `not_dialog`) with both the
    /// supervisor's and the agent's extensions, the supervisor's active.
    Supervise {
        own_extension: String,
        agent_extension: String,
        not_dialog: Option<String>,
    },
    /// A new dialog to this address.
    NewDialog { to_address: String },
    /// A dialog changes as the action asks.
    Dialog {
        id: String,
        own_extension: Option<String>,
        action: DialogAction,
    },
}

impl Expect {
    pub(crate) fn for_action(id: &str, own: Option<&str>, action: &DialogAction) -> Expect {
        Expect::Dialog {
            id: id.to_owned(),
            own_extension: own.map(str::to_owned),
            action: action.clone(),
        }
    }

    fn user_matches(&self, user: &User) -> bool {
        match self {
            Expect::State {
                login_id,
                state,
                reason_code_id,
            } => {
                login_id.as_ref().is_none_or(|id| &user.login_id == id)
                    && ((&user.state == state
                        && reason_code_id.is_none_or(|id| user.reason_code_id == Some(id)))
                        || user.pending_state.as_ref() == Some(state))
            }
            _ => false,
        }
    }

    /// Whether a dialog in this state shows the command carried out.
    fn dialog_matches(&self, dialog: &Dialog) -> bool {
        match self {
            Expect::State { .. } => false,
            Expect::NewDialog { to_address } => &dialog.to_address == to_address,
            Expect::Supervise {
                own_extension,
                agent_extension,
                not_dialog,
            } => {
                not_dialog.as_ref() != Some(&dialog.id)
                    && dialog.participant(agent_extension).is_some()
                    && dialog
                        .participant(own_extension)
                        .is_some_and(|p| p.state == ParticipantState::Active)
            }
            Expect::Dialog {
                id,
                own_extension,
                action,
            } => {
                let own = own_extension
                    .as_deref()
                    .and_then(|ext| dialog.participant(ext))
                    .map(|p| &p.state);
                match action {
                    DialogAction::Answer | DialogAction::Retrieve => {
                        &dialog.id == id && own == Some(&ParticipantState::Active)
                    }
                    DialogAction::Hold => &dialog.id == id && own == Some(&ParticipantState::Held),
                    DialogAction::ConsultCall { .. } => dialog
                        .associated_dialog_uri
                        .as_deref()
                        .is_some_and(|uri| uri.rsplit('/').next() == Some(id)),
                    DialogAction::Conference => dialog.participants.len() >= 3,
                    DialogAction::ParticipantDrop { media_address } => {
                        &dialog.id == id
                            && dialog
                                .participant(media_address)
                                .is_none_or(|p| p.state == ParticipantState::Dropped)
                    }
                    DialogAction::UpdateCallData(data) => {
                        &dialog.id == id && call_data_applied(dialog, data)
                    }
                    DialogAction::Drop
                    | DialogAction::Transfer
                    | DialogAction::TransferSst { .. } => &dialog.id == id && ended(dialog, own),
                    // DTMF leaves no trace in the dialog; `wait` does not look for one.
                    DialogAction::SendDtmf { .. } => false,
                }
            }
        }
    }

    fn ends_dialog(&self) -> Option<&str> {
        match self {
            Expect::Dialog {
                id,
                action:
                    DialogAction::Drop | DialogAction::Transfer | DialogAction::TransferSst { .. },
                ..
            } => Some(id),
            _ => None,
        }
    }

    /// The outcome shown by an event, if it shows one.
    fn outcome_of(&self, event: &Event) -> Option<Outcome> {
        match event {
            Event::UserChanged { user, .. } if self.user_matches(user) => {
                Some(Outcome::User(user.clone()))
            }
            Event::DialogAdded { dialog, .. } | Event::DialogChanged { dialog, .. }
                if self.dialog_matches(dialog) =>
            {
                Some(self.dialog_outcome(dialog))
            }
            Event::DialogRemoved { dialog, .. } if self.ends_dialog() == Some(&dialog.id) => {
                Some(Outcome::Ended {
                    dialog_id: dialog.id.clone(),
                })
            }
            _ => None,
        }
    }

    fn dialog_outcome(&self, dialog: &Dialog) -> Outcome {
        match self.ends_dialog() {
            Some(id) => Outcome::Ended {
                dialog_id: id.to_owned(),
            },
            None => Outcome::Dialog(dialog.clone()),
        }
    }
}

fn ended(dialog: &Dialog, own: Option<&ParticipantState>) -> bool {
    dialog.state == crate::model::DialogState::Dropped
        || matches!(
            own,
            Some(ParticipantState::Dropped | ParticipantState::WrapUp)
        )
}

fn call_data_applied(dialog: &Dialog, data: &CallData) -> bool {
    let media = &dialog.media_properties;
    data.get_wrap_up_reason()
        .is_none_or(|r| media.wrap_up_reason.as_deref() == Some(r))
        && data
            .call_variables()
            .iter()
            .all(|v| media.call_variable(&v.name) == Some(v.value.as_str()))
}

/// Waits for the outcome of the command `request_id`, sent before the event numbered `from`
/// of the session `watched`, if one was up.
fn wait(
    client: &Client,
    request_id: &str,
    watched: Option<(&Arc<Shared>, u64)>,
    expect: &Expect,
    timeout: Duration,
) -> Result<Outcome, Error> {
    if client.session().is_some_and(|s| s.is_own_thread()) {
        return Err(crate::session::from_callback("wait"));
    }
    if let Expect::Dialog {
        id,
        action: DialogAction::SendDtmf { .. },
        ..
    } = expect
    {
        // DTMF changes nothing that Finesse publishes: accepted is all there is to see.
        return client.dialog(id).map(Outcome::Dialog);
    }
    let deadline = Instant::now() + timeout;
    if let Some((session, from)) = watched
        && session.is_connected()
    {
        let found = session.wait_for(from, deadline, |event| match event.request_id() {
            // Another command's outcome is never this one's.
            Some(other) if other != request_id => None,
            // An echo of this command: a CTI refusal, the User for a state change, or a
            // dialog that shows the requested change (a consult's first echo is the original
            // call going on hold, which is not its outcome).
            Some(_) => match event {
                Event::CtiError {
                    errors,
                    request_id,
                    source,
                } => Some(Err(Error::Cti(Box::new(CtiFailure {
                    errors: errors.clone(),
                    request_id: request_id.clone(),
                    source: source.clone(),
                })))),
                Event::UserChanged { user, .. } if matches!(expect, Expect::State { .. }) => {
                    Some(Ok(Outcome::User(user.clone())))
                }
                _ => expect.outcome_of(event).map(Ok),
            },
            // Without an echo, the requested change shows the outcome.
            None => expect.outcome_of(event).map(Ok),
        });
        return found.unwrap_or_else(|| Err(no_outcome(request_id, timeout)));
    }
    poll(client, request_id, expect, deadline, timeout)
}

/// Without notifications: read the resource until it shows the outcome.
fn poll(
    client: &Client,
    request_id: &str,
    expect: &Expect,
    deadline: Instant,
    timeout: Duration,
) -> Result<Outcome, Error> {
    loop {
        if let Some(outcome) = probe(client, expect)? {
            return Ok(outcome);
        }
        if Instant::now() + POLL_INTERVAL > deadline {
            return Err(no_outcome(request_id, timeout));
        }
        std::thread::sleep(POLL_INTERVAL);
    }
}

fn probe(client: &Client, expect: &Expect) -> Result<Option<Outcome>, Error> {
    match expect {
        Expect::State { login_id, .. } => {
            let user = match login_id {
                Some(id) => client.user_by_id(id)?,
                None => client.user()?,
            };
            Ok(expect.user_matches(&user).then_some(Outcome::User(user)))
        }
        Expect::NewDialog { .. } | Expect::Supervise { .. } => {
            // The newest dialog to that address (dialog ids grow with each call).
            let newest = client
                .dialogs()?
                .into_iter()
                .filter(|d| expect.dialog_matches(d))
                .max_by_key(|d| (d.id.len(), d.id.clone()));
            Ok(newest.map(Outcome::Dialog))
        }
        Expect::Dialog { id, action, .. } => {
            if let DialogAction::ConsultCall { .. } | DialogAction::Conference = action {
                return Ok(client
                    .dialogs()?
                    .into_iter()
                    .find(|d| expect.dialog_matches(d))
                    .map(Outcome::Dialog));
            }
            match client.dialog(id) {
                Ok(dialog) if expect.dialog_matches(&dialog) => {
                    Ok(Some(expect.dialog_outcome(&dialog)))
                }
                Ok(_) => Ok(None),
                Err(e) if e.http_status() == Some(404) && expect.ends_dialog().is_some() => {
                    Ok(Some(Outcome::Ended {
                        dialog_id: id.clone(),
                    }))
                }
                Err(e) => Err(e),
            }
        }
    }
}

fn no_outcome(request_id: &str, timeout: Duration) -> Error {
    Error::Timeout {
        message: format!(
            "request {request_id} was accepted, but its outcome was not seen within {timeout:?}"
        ),
        request_id: Some(request_id.to_owned()),
        url: None,
    }
}
