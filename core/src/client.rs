//! The client: one agent's view of Finesse, with every operation of the Desktop API.

use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::Duration;

use crate::client_team_resource::ListSource;
use crate::commands::{CallData, DialogAction, MakeCall, supervise_xml, user_state_xml};
use crate::config::{Config, Credentials};
use crate::error::Error;
use crate::http::{Http, Method};
use crate::model::{AgentState, Dialog, Queue, SystemInfo, Team, User};
use crate::session::{self, NotificationOptions, Notifications, Shared, Slot};
use crate::validate;
use crate::wait::{Accepted, Expect, InFlight};

/// A synchronous Finesse client for one agent (or supervisor).
///
/// Cheap to clone and safe to share between threads: clones share one connection pool.
/// Commands (PUT/POST) from one client are sent one at a time, as Cisco advises for requests
/// on one device; GETs run concurrently.
///
/// ```no_run
/// use finesse_client::{Client, Config, MakeCall};
///
/// let config = Config::builder("https://finesse-a.example.com:8445")
///     .basic_auth("1001", std::env::var("FINESSE_PASSWORD").unwrap())
///     .ca_file("/etc/ssl/finesse-ca.pem")
///     .build()?;
/// let client = Client::new(config)?;
/// client.sign_in("1001001")?;
/// client.ready()?;
/// let accepted = client.make_call(&MakeCall::new("6135551212").call_variable("callVariable1", "acct-42"))?;
/// println!("dialing, request {}", accepted.request_id);
/// # Ok::<(), finesse_client::Error>(())
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

/// The longest a call-control command waits for the previous one's outcome: CTI answers in
/// milliseconds; a release that echoed no request id should not hold the agent's next action
/// for long.
const CALL_CONTROL_SETTLE: Duration = Duration::from_secs(2);

struct Inner {
    config: Config,
    /// Shared with the notification session, which moves it to the other node on failover.
    http: Arc<Http>,
    /// The agent id used in URIs, once known.
    login_id: OnceLock<String>,
    /// The extension the agent is signed in with, as last learned from the server or set by
    /// sign-in; `None` when unknown.
    extension: Mutex<Option<String>>,
    /// Held while a command is sent; holds the last call-control command whose outcome the
    /// next one waits for.
    command_lock: Mutex<Option<InFlight>>,
    /// The notification session: commands wait on its events, `events()` hands it out.
    session: Mutex<Slot>,
    /// Held while a session starts, so that two threads do not both start one.
    starting: Mutex<()>,
    /// Whether the agent's lists come from TeamResource or the user.
    list_source: ListSource,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("node", &self.inner.http.active_node())
            .field("user", &self.inner.config.credentials.username())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Creates a client. Nothing is sent until the first operation.
    pub fn new(config: Config) -> Result<Client, Error> {
        let http = Arc::new(Http::new(&config));
        let login_id = OnceLock::new();
        if let Some(id) = config
            .login_id
            .clone()
            .or_else(|| match &config.credentials {
                Credentials::Bearer { login_id, .. }
                | Credentials::TokenProvider { login_id, .. } => Some(login_id.clone()),
                Credentials::Basic { .. } => None,
            })
        {
            let _ = login_id.set(id);
        }
        Ok(Client {
            inner: Arc::new(Inner {
                config,
                http,
                login_id,
                extension: Mutex::new(None),
                command_lock: Mutex::new(None),
                session: Mutex::new(Slot::default()),
                starting: Mutex::new(()),
                list_source: ListSource::default(),
            }),
        })
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The node requests currently go to first (side A, or side B after a failover). While
    /// a notification session runs, it is the session's node: REST and notifications move
    /// together.
    pub fn active_node(&self) -> String {
        self.inner.http.active_node()
    }

    /// Gets the agent's User: state, extension, reason code, team.
    pub fn user(&self) -> Result<User, Error> {
        let id = self.login_id()?;
        self.user_by_id(&id)
    }

    /// Gets another user by id (a supervisor's team member), or by sign-in name on CCE 12.5+.
    pub fn user_by_id(&self, id: &str) -> Result<User, Error> {
        validate::path_segment("user_id", id)?;
        let body = self.inner.http.get(&format!("/finesse/api/User/{id}"))?;
        let user = User::from_xml_with_limits(&body, self.inner.http.limits())?;
        if self.is_self(id, &user) {
            let _ = self.inner.login_id.set(user.login_id.clone());
            *self.extension_slot() = user.extension.clone();
        }
        Ok(user)
    }

    /// Signs the agent in on `extension`; the agent becomes NOT_READY.
    pub fn sign_in(&self, extension: &str) -> Result<Accepted, Error> {
        validate::address("extension", extension)?;
        let accepted = self.set_state("LOGIN", None, Some(extension), AgentState::NotReady)?;
        *self.extension_slot() = Some(extension.to_owned());
        Ok(accepted)
    }

    /// Makes the agent READY.
    pub fn ready(&self) -> Result<Accepted, Error> {
        self.set_state("READY", None, None, AgentState::Ready)
    }

    /// Makes the agent NOT_READY, with the Finesse id of a NOT_READY reason code (required
    /// when the deployment has such codes; see [`Client::reason_codes`]).
    pub fn not_ready(&self, reason_code_id: Option<i64>) -> Result<Accepted, Error> {
        self.set_state("NOT_READY", reason_code_id, None, AgentState::NotReady)
    }

    /// Signs the agent out, with the Finesse id of a LOGOUT reason code when required. On
    /// CCE the agent must be NOT_READY first.
    pub fn sign_out(&self, reason_code_id: Option<i64>) -> Result<Accepted, Error> {
        let accepted = self.set_state("LOGOUT", reason_code_id, None, AgentState::Logout)?;
        *self.extension_slot() = None;
        Ok(accepted)
    }

    /// Lists the agent's current dialogs (calls).
    pub fn dialogs(&self) -> Result<Vec<Dialog>, Error> {
        let id = self.login_id()?;
        let body = self
            .inner
            .http
            .get(&format!("/finesse/api/User/{id}/Dialogs"))?;
        Dialog::list_from_xml_with_limits(&body, self.inner.http.limits())
    }

    /// Gets one dialog by id.
    pub fn dialog(&self, dialog_id: &str) -> Result<Dialog, Error> {
        validate::path_segment("dialog_id", dialog_id)?;
        let body = self
            .inner
            .http
            .get(&format!("/finesse/api/Dialog/{dialog_id}"))?;
        Dialog::from_xml_with_limits(&body, self.inner.http.limits())
    }

    /// Places a call (click-to-dial), from the extension the agent is signed in with unless
    /// the request names one. The new dialog appears in [`Client::dialogs`] (and as a
    /// notification) once the phone starts the call.
    pub fn make_call(&self, call: &MakeCall) -> Result<Accepted, Error> {
        call.validate()?;
        let from = match call.from() {
            Some(from) => from.to_owned(),
            None => self.own_extension("from_address")?,
        };
        let id = self.login_id()?;
        self.command(
            Method::Post,
            &format!("/finesse/api/User/{id}/Dialogs"),
            call.to_xml(&from),
            Expect::NewDialog {
                to_address: call.to().to_owned(),
            },
        )
    }

    /// Acts on a dialog. The acting agent's extension is the target of every action but
    /// UPDATE_CALL_DATA and PARTICIPANT_DROP.
    pub fn dialog_action(&self, dialog_id: &str, action: &DialogAction) -> Result<Accepted, Error> {
        validate::path_segment("dialog_id", dialog_id)?;
        action.validate()?;
        let own = if action.needs_own_extension() {
            Some(self.own_extension("targetMediaAddress")?)
        } else {
            self.extension_slot().clone()
        };
        let body = action.to_xml(own.as_deref().filter(|_| action.needs_own_extension()));
        self.command(
            Method::Put,
            &format!("/finesse/api/Dialog/{dialog_id}"),
            body,
            Expect::for_action(dialog_id, own.as_deref(), action),
        )
    }

    /// Answers a ringing call.
    pub fn answer(&self, dialog_id: &str) -> Result<Accepted, Error> {
        self.dialog_action(dialog_id, &DialogAction::Answer)
    }

    /// Puts a call on hold.
    pub fn hold(&self, dialog_id: &str) -> Result<Accepted, Error> {
        self.dialog_action(dialog_id, &DialogAction::Hold)
    }

    /// Takes a call off hold.
    pub fn retrieve(&self, dialog_id: &str) -> Result<Accepted, Error> {
        self.dialog_action(dialog_id, &DialogAction::Retrieve)
    }

    /// Leaves (hangs up) a call.
    pub fn drop_call(&self, dialog_id: &str) -> Result<Accepted, Error> {
        self.dialog_action(dialog_id, &DialogAction::Drop)
    }

    /// Holds a call and calls `to_address` for a consult; the consult call is a new dialog.
    pub fn consult_call(&self, dialog_id: &str, to_address: &str) -> Result<Accepted, Error> {
        self.dialog_action(
            dialog_id,
            &DialogAction::ConsultCall {
                to_address: to_address.to_owned(),
            },
        )
    }

    /// Completes a consult transfer.
    pub fn transfer(&self, dialog_id: &str) -> Result<Accepted, Error> {
        self.dialog_action(dialog_id, &DialogAction::Transfer)
    }

    /// Transfers a call to `to_address` in one step (blind transfer).
    pub fn transfer_sst(&self, dialog_id: &str, to_address: &str) -> Result<Accepted, Error> {
        self.dialog_action(
            dialog_id,
            &DialogAction::TransferSst {
                to_address: to_address.to_owned(),
            },
        )
    }

    /// Joins the consult call into a conference.
    pub fn conference(&self, dialog_id: &str) -> Result<Accepted, Error> {
        self.dialog_action(dialog_id, &DialogAction::Conference)
    }

    /// Sends DTMF digits (0-9, *, #, A-D) on a call.
    pub fn send_dtmf(&self, dialog_id: &str, digits: &str) -> Result<Accepted, Error> {
        self.dialog_action(
            dialog_id,
            &DialogAction::SendDtmf {
                digits: digits.to_owned(),
            },
        )
    }

    /// Drops a participant from a conference (CCE).
    pub fn drop_participant(
        &self,
        dialog_id: &str,
        media_address: &str,
    ) -> Result<Accepted, Error> {
        self.dialog_action(
            dialog_id,
            &DialogAction::ParticipantDrop {
                media_address: media_address.to_owned(),
            },
        )
    }

    /// Writes call variables and/or the wrap-up reason on a call.
    pub fn update_call_data(&self, dialog_id: &str, data: &CallData) -> Result<Accepted, Error> {
        self.dialog_action(dialog_id, &DialogAction::UpdateCallData(data.clone()))
    }

    /// Gets the node's SystemInfo: status, deployment type, XMPP domain, peers.
    pub fn system_info(&self) -> Result<SystemInfo, Error> {
        let body = self.inner.http.get("/finesse/api/SystemInfo")?;
        SystemInfo::from_xml_with_limits(&body, self.inner.http.limits())
    }

    /// Gets a team the signed-in supervisor supervises (`GET /finesse/api/Team/<id>`): its
    /// members with their states (DG12.5 p144). A team the user does not supervise is
    /// refused with [`ErrorKind::Permission`](crate::ErrorKind::Permission) (or
    /// `Authentication` on releases that answer `Authorization Failure`); an unknown team is
    /// [`ErrorKind::NotFound`](crate::ErrorKind::NotFound). The ids of the supervisor's
    /// teams are in [`User::teams`].
    pub fn team(&self, team_id: &str) -> Result<Team, Error> {
        validate::path_segment("team_id", team_id)?;
        let body = self
            .inner
            .http
            .get(&format!("/finesse/api/Team/{team_id}"))?;
        Team::from_xml_with_limits(&body, self.inner.http.limits())
    }

    /// Gets a queue and its statistics (`GET /finesse/api/Queue/<id>`, CCE only; any
    /// signed-in user may read any queue, DG12.5 p141).
    pub fn queue(&self, queue_id: &str) -> Result<Queue, Error> {
        validate::path_segment("queue_id", queue_id)?;
        let body = self
            .inner
            .http
            .get(&format!("/finesse/api/Queue/{queue_id}"))?;
        Queue::from_xml_with_limits(&body, self.inner.http.limits())
    }

    /// Lists the queues (skill groups) of the signed-in user, with their statistics
    /// (`GET /finesse/api/User/<id>/Queues`, CCE only).
    pub fn queues(&self) -> Result<Vec<Queue>, Error> {
        let id = self.login_id()?;
        let body = self
            .inner
            .http
            .get(&format!("/finesse/api/User/{id}/Queues"))?;
        Queue::list_from_xml_with_limits(&body, self.inner.http.limits())
    }

    /// A supervisor changes the state of a member of a team it supervises: `READY`,
    /// `NOT_READY` or `LOGOUT` only, without a reason code (the system applies its own,
    /// DG12.5 p47). Any other state is refused before sending. The outcome is the member's
    /// User, seen on the team's node (subscribe to `/finesse/api/Team/<id>/Users`) or, without
    /// a session, by reading the member.
    pub fn set_member_state(&self, agent_id: &str, state: AgentState) -> Result<Accepted, Error> {
        validate::path_segment("agent_id", agent_id)?;
        let name = match state {
            AgentState::Ready => "READY",
            AgentState::NotReady => "NOT_READY",
            AgentState::Logout => "LOGOUT",
            other => {
                return Err(Error::invalid(
                    "state",
                    format!(
                        "a supervisor may set a team member READY, NOT_READY or LOGOUT, not {other}"
                    ),
                ));
            }
        };
        self.command(
            Method::Put,
            &format!("/finesse/api/User/{agent_id}"),
            user_state_xml(name, None, None),
            Expect::State {
                login_id: Some(agent_id.to_owned()),
                state,
                reason_code_id: None,
            },
        )
    }

    /// A supervisor starts silently monitoring the call of a team member signed in on
    /// `agent_extension` (`SILENT_MONITOR`, POSTed on the supervisor's Dialogs from the
    /// extension the supervisor is signed in with, DG12.5 p98). The outcome is the new
    /// monitor dialog; end it with [`Client::drop_call`].
    pub fn silent_monitor(&self, agent_extension: &str) -> Result<Accepted, Error> {
        validate::address("agent_extension", agent_extension)?;
        let own = self.own_extension("fromAddress")?;
        let id = self.login_id()?;
        self.command(
            Method::Post,
            &format!("/finesse/api/User/{id}/Dialogs"),
            supervise_xml("SILENT_MONITOR", &own, agent_extension, None),
            Expect::Supervise {
                own_extension: own,
                agent_extension: agent_extension.to_owned(),
                not_dialog: None,
            },
        )
    }

    /// A supervisor barges in on the call it is silently monitoring (`BARGE_CALL`, POSTed on
    /// the supervisor's Dialogs with the monitor dialog as `associatedDialogUri`, DG12.5
    /// p101): the call becomes a conference with the supervisor in it. The outcome is the
    /// dialog the supervisor joined; leave it with [`Client::drop_call`].
    pub fn barge_in(
        &self,
        agent_extension: &str,
        monitor_dialog_id: &str,
    ) -> Result<Accepted, Error> {
        validate::address("agent_extension", agent_extension)?;
        validate::path_segment("monitor_dialog_id", monitor_dialog_id)?;
        let own = self.own_extension("fromAddress")?;
        let id = self.login_id()?;
        let associated = format!("/finesse/api/Dialog/{monitor_dialog_id}");
        self.command(
            Method::Post,
            &format!("/finesse/api/User/{id}/Dialogs"),
            supervise_xml("BARGE_CALL", &own, agent_extension, Some(&associated)),
            Expect::Supervise {
                own_extension: own,
                agent_extension: agent_extension.to_owned(),
                not_dialog: Some(monitor_dialog_id.to_owned()),
            },
        )
    }

    fn set_state(
        &self,
        state: &str,
        reason_code_id: Option<i64>,
        extension: Option<&str>,
        expected: AgentState,
    ) -> Result<Accepted, Error> {
        let id = self.login_id()?;
        self.command(
            Method::Put,
            &format!("/finesse/api/User/{id}"),
            user_state_xml(state, reason_code_id, extension),
            Expect::State {
                login_id: None,
                state: expected,
                reason_code_id,
            },
        )
    }

    /// Sends one command with a fresh `requestId`, one command at a time. A call-control
    /// command (a call placed, an action on a dialog) first waits, at most
    /// [`CALL_CONTROL_SETTLE`], for the notification echoing the previous one's request id (its
    /// outcome or refusal), as Finesse 12.5(1) asks of clients (DG12.5 p91); without a
    /// notification session nothing shows that outcome, and it is sent at once.
    fn command(
        &self,
        method: Method,
        path: &str,
        body: String,
        expect: Expect,
    ) -> Result<Accepted, Error> {
        let request_id = uuid::Uuid::new_v4().to_string();
        let call_control = !matches!(expect, Expect::State { .. });
        let mut in_flight = self
            .inner
            .command_lock
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if call_control && let Some(previous) = in_flight.take() {
            previous.settle(CALL_CONTROL_SETTLE);
        }
        // Taken before sending, so the outcome's notification cannot be missed.
        let watch = self.session().map(|s| s.watch());
        self.inner.http.send(method, path, body, &request_id)?;
        let accepted = Accepted::new(request_id, self.clone(), watch, expect);
        if call_control {
            *in_flight = accepted.in_flight();
        }
        Ok(accepted)
    }

    /// Starts a notification session with the default options: events as they happen, and
    /// commands that can be waited on. See [`Client::notifications_with`].
    pub fn notifications(&self) -> Result<Notifications, Error> {
        self.notifications_with(NotificationOptions::default())
    }

    /// Starts a notification session: an XMPP connection (WebSocket, TCP or BOSH) on a
    /// background thread, to [`NotificationOptions::url`] or else the configuration's
    /// [`ConfigBuilder::notification_url`](crate::ConfigBuilder::notification_url) (whose
    /// documentation gives the transports and the default), signed in
    /// with the client's credentials, with presence (so Finesse does not sign the agent out
    /// after 60 s) and a keep-alive ping; it reconnects by itself. Returns once connected, or
    /// with the error that kept it from connecting.
    ///
    /// One session per client runs at a time: while this one is open, [`Client::events`]
    /// hands out this same session. The application owns it: it ends when closed, or when its
    /// last handle is dropped. From an event callback this fails at once with
    /// [`Error::InvalidArgument`] (field `notifications`).
    pub fn notifications_with(&self, options: NotificationOptions) -> Result<Notifications, Error> {
        options.validate()?;
        refuse_start_from_callback("notifications")?;
        let _starting = lock(&self.inner.starting);
        if self.slot().running().is_some() {
            return Err(Error::invalid(
                "notifications",
                "a notification session is already running for this client",
            ));
        }
        let session = self.start_session(&options)?;
        let previous = self.slot().watch(&session);
        // Released outside the client's lock: releasing it may wait for its thread to end.
        drop(previous);
        Ok(session)
    }

    /// The client's event session: the one running (started by this method, or the one
    /// [`Client::notifications`] returned while the application still holds it and has not
    /// closed it), else a new one with the default options, which the client owns.
    ///
    /// A session the client owns keeps the agent's presence and stays open until
    /// [`Client::close_events`] is called or the last clone of the client is dropped, even
    /// while handles to it are still held; later calls return it. Handles are cheap clones
    /// of one session: closing any of them closes it for all.
    ///
    /// Starting a session from an event callback fails at once with
    /// [`Error::InvalidArgument`] (field `events`); returning the running one does not.
    pub fn events(&self) -> Result<Notifications, Error> {
        if let Some(running) = self.slot().running() {
            return Ok(running);
        }
        refuse_start_from_callback("events")?;
        let _starting = lock(&self.inner.starting);
        // Another thread may have started one meanwhile.
        if let Some(running) = self.slot().running() {
            return Ok(running);
        }
        let session = self.start_session(&NotificationOptions::default())?;
        let previous = self.slot().own(session.clone());
        // Released outside the client's lock: releasing it may wait for its thread to end.
        drop(previous);
        Ok(session)
    }

    /// Closes the session [`Client::events`] started, if any; a session
    /// [`Client::notifications`] returned is left to the application. Returns once it has
    /// ended (from an event callback of that session, at once; it ends when the callback
    /// returns).
    pub fn close_events(&self) {
        let owned = self.slot().take_owned();
        if let Some(session) = owned {
            session.close();
        }
    }

    /// Connects a new session; the caller records it.
    fn start_session(&self, options: &NotificationOptions) -> Result<Notifications, Error> {
        let login_id = self.login_id()?;
        let info = self.system_info()?;
        let node = self.active_node();
        if let Some(other) = session::alternate_from(&node, &info) {
            self.inner.http.learn_alternate(&other);
        }
        let (domain, pubsub_domain) = session::xmpp_domains(&node, &info);
        let secret = self.inner.http.sign_in_secret();
        let resource = options.resource.clone().unwrap_or_else(|| {
            format!(
                "finesse-client-{}",
                &uuid::Uuid::new_v4().simple().to_string()[..8]
            )
        });
        let urls = match options
            .url
            .clone()
            .or_else(|| self.inner.config.notification_url.clone())
        {
            Some(url) => vec![url],
            None => session::notification_urls(&node, &info),
        };
        let target = session::Target {
            url: String::new(),
            domain,
            login_id: login_id.clone(),
            secret,
            resource,
            tls: crate::tls::client_config(&self.inner.config)?,
            http_tls: crate::tls::ureq_config(&self.inner.config),
            timeout: self.inner.config.timeouts.connect + self.inner.config.timeouts.response,
        };
        let (target, connection) = session::connect_first(&target, &urls)?;
        let (shared, control) = Shared::new(session::Bounds::from(options))?;
        let context = session::Context {
            target,
            pubsub_domain,
            ping_interval: options.ping_interval,
            ping_timeout: options.ping_timeout,
            max_missed_pings: options.max_missed_pings,
            subscriptions: Vec::new(),
            limits: self.inner.config.limits,
            credentials_rejected: self.inner.http.credentials_rejected(),
            _pin: self.inner.http.pin(),
            http: self.inner.http.clone(),
            failover_after: options.failover_after,
            view: session::View::new(login_id),
            subscribed_on: node,
        };
        let session = Notifications::start(shared, control, connection, context)?;
        for node in &options.subscriptions {
            if let Err(e) = session.subscribe(node) {
                session.close();
                return Err(e);
            }
        }
        Ok(session)
    }

    /// The HTTP side, for the operations of other files (`client_team_message`).
    /// Where the agent's lists come from, as learned so far.
    pub(crate) fn list_source(&self) -> &ListSource {
        &self.inner.list_source
    }

    pub(crate) fn http(&self) -> &Http {
        &self.inner.http
    }

    /// The latest notification session's state, while it has a handle: commands wait on it.
    pub(crate) fn session(&self) -> Option<Arc<Shared>> {
        self.slot().shared()
    }

    fn slot(&self) -> MutexGuard<'_, Slot> {
        lock(&self.inner.session)
    }

    /// The agent id for URIs: configured, or learned from the first User document (the
    /// server resolves a sign-in name to the user).
    pub(crate) fn login_id(&self) -> Result<String, Error> {
        if let Some(id) = self.inner.login_id.get() {
            return Ok(id.clone());
        }
        let user = self.user_by_id(self.inner.config.credentials.username())?;
        Ok(self
            .inner
            .login_id
            .get_or_init(|| user.login_id.clone())
            .clone())
    }

    /// The extension the agent is signed in with, asking the server when not known.
    fn own_extension(&self, field: &str) -> Result<String, Error> {
        if let Some(ext) = self.extension_slot().clone() {
            return Ok(ext);
        }
        self.user()?.extension.ok_or_else(|| {
            Error::invalid(
                field,
                "the agent is not signed in to an extension; sign in first",
            )
        })
    }

    fn is_self(&self, requested: &str, user: &User) -> bool {
        match self.inner.login_id.get() {
            Some(id) => id == &user.login_id,
            None => requested == self.inner.config.credentials.username(),
        }
    }

    fn extension_slot(&self) -> MutexGuard<'_, Option<String>> {
        lock(&self.inner.extension)
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starting a session from an event callback would hold up the session thread the callback
/// runs on (its events, its keep-alive) for as long as connecting takes.
fn refuse_start_from_callback(operation: &str) -> Result<(), Error> {
    if session::on_session_thread() {
        return Err(Error::invalid(
            operation,
            "cannot start a session from an event callback: it runs on a session thread, \
             which would be held up while connecting",
        ));
    }
    Ok(())
}
