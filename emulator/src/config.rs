//! Configuration: deployment flavour, agents, reason codes, timing and far-end behaviour.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::node::Topology;
use crate::release::Release;
use crate::resources::{MediaPropertiesLayout, PhoneBook, Workflow};

/// BOSH sessions end after this long without a request (Openfire's default).
const DEFAULT_BOSH_INACTIVITY: Duration = Duration::from_secs(30);

/// Which contact-center platform the emulated Finesse sits on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Deployment {
    /// Unified CCE (the default).
    #[default]
    Cce,
    /// Unified CCX.
    Ccx,
}

impl Deployment {
    /// The `deploymentType` value of SystemInfo.
    pub fn deployment_type(self) -> &'static str {
        match self {
            Deployment::Cce => "UCCE",
            Deployment::Ccx => "UCCX",
        }
    }
}

/// An agent's wrap-up setting for incoming or outgoing calls.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum WrapUpMode {
    /// The agent enters WORK or WORK_READY after the call.
    Required,
    /// As `Required`; the desktop also asks for a wrap-up reason.
    RequiredWithWrapUpData,
    /// The agent returns to the state held before the call (the default).
    #[default]
    Optional,
    /// No wrap-up.
    NotAllowed,
}

impl WrapUpMode {
    /// The value written in the User document's `settings`.
    pub fn as_str(self) -> &'static str {
        match self {
            WrapUpMode::Required => "REQUIRED",
            WrapUpMode::RequiredWithWrapUpData => "REQUIRED_WITH_WRAP_UP_DATA",
            WrapUpMode::Optional => "OPTIONAL",
            WrapUpMode::NotAllowed => "NOT_ALLOWED",
        }
    }

    /// Whether the agent goes to WORK / WORK_READY after a call.
    pub fn requires_wrap_up(self) -> bool {
        matches!(
            self,
            WrapUpMode::Required | WrapUpMode::RequiredWithWrapUpData
        )
    }
}

/// A team, as named in a supervisor's list of supervised teams.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    /// Team id.
    pub id: String,
    /// Team name.
    pub name: String,
}

/// A queue (a CCE skill group) and the teams whose agents are assigned to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueConfig {
    /// Queue id, used in URIs (`/finesse/api/Queue/<id>`).
    pub id: u64,
    /// Queue name.
    pub name: String,
    /// Ids of the teams whose agents are assigned to the queue; none: assigned to no one
    /// (every statistic `-1`, DEVNET `queue—get-queue`).
    #[serde(default)]
    pub teams: Vec<String>,
}

impl QueueConfig {
    /// A queue assigned to no one.
    pub fn new(id: u64, name: impl Into<String>) -> Self {
        QueueConfig {
            id,
            name: name.into(),
            teams: Vec::new(),
        }
    }

    /// Assigns the queue to the agents of a team too.
    pub fn team(mut self, id: impl Into<String>) -> Self {
        let id = id.into();
        if !self.teams.contains(&id) {
            self.teams.push(id);
        }
        self
    }
}

/// One agent (or supervisor) known to the emulator.
#[derive(Clone, PartialEq, Eq, Deserialize)]
pub struct AgentConfig {
    /// Agent id, used in URIs (`/finesse/api/User/<loginId>`).
    pub login_id: String,
    /// Login user name; Basic auth accepts it as well as the id.
    pub login_name: String,
    /// Password for Basic auth.
    pub password: String,
    /// First name.
    #[serde(default)]
    pub first_name: String,
    /// Last name.
    #[serde(default)]
    pub last_name: String,
    /// Id of the agent's own team.
    #[serde(default = "default_team_id")]
    pub team_id: String,
    /// Name of the agent's own team.
    #[serde(default = "default_team_name")]
    pub team_name: String,
    /// Roles: `Agent`, and `Supervisor` for supervisors.
    #[serde(default = "default_roles")]
    pub roles: Vec<String>,
    /// Wrap-up after incoming calls.
    #[serde(default)]
    pub wrap_up_on_incoming: WrapUpMode,
    /// Wrap-up after outgoing calls.
    #[serde(default)]
    pub wrap_up_on_outgoing: WrapUpMode,
    /// A Bearer token accepted in place of Basic credentials (SSO style); none by default.
    #[serde(default)]
    pub bearer_token: Option<String>,
    /// Teams this user supervises (only meaningful with the `Supervisor` role).
    #[serde(default)]
    pub supervised_teams: Vec<Team>,
}

fn default_team_id() -> String {
    "5007".to_owned()
}

fn default_team_name() -> String {
    "Sales".to_owned()
}

fn default_roles() -> Vec<String> {
    vec!["Agent".to_owned()]
}

impl AgentConfig {
    /// An agent in team 5007 "Sales" with role `Agent` and optional wrap-up.
    pub fn new(
        login_id: impl Into<String>,
        login_name: impl Into<String>,
        password: impl Into<String>,
    ) -> Self {
        AgentConfig {
            login_id: login_id.into(),
            login_name: login_name.into(),
            password: password.into(),
            first_name: String::new(),
            last_name: String::new(),
            team_id: default_team_id(),
            team_name: default_team_name(),
            roles: default_roles(),
            wrap_up_on_incoming: WrapUpMode::default(),
            wrap_up_on_outgoing: WrapUpMode::default(),
            bearer_token: None,
            supervised_teams: Vec::new(),
        }
    }

    /// Sets first and last name.
    pub fn name(mut self, first: impl Into<String>, last: impl Into<String>) -> Self {
        self.first_name = first.into();
        self.last_name = last.into();
        self
    }

    /// Sets the agent's own team.
    pub fn team(mut self, id: impl Into<String>, name: impl Into<String>) -> Self {
        self.team_id = id.into();
        self.team_name = name.into();
        self
    }

    /// Makes this user a supervisor of the given teams (roles `Agent` and `Supervisor`).
    pub fn supervisor_of(mut self, teams: Vec<Team>) -> Self {
        self.roles = vec!["Agent".to_owned(), "Supervisor".to_owned()];
        self.supervised_teams = teams;
        self
    }

    /// Sets the wrap-up modes for incoming and outgoing calls.
    pub fn wrap_up(mut self, incoming: WrapUpMode, outgoing: WrapUpMode) -> Self {
        self.wrap_up_on_incoming = incoming;
        self.wrap_up_on_outgoing = outgoing;
        self
    }

    /// Accepts `Authorization: Bearer <token>` for this user.
    pub fn bearer_token(mut self, token: impl Into<String>) -> Self {
        self.bearer_token = Some(token.into());
        self
    }

    /// Whether the user has the `Supervisor` role.
    pub fn is_supervisor(&self) -> bool {
        self.roles.iter().any(|r| r == "Supervisor")
    }
}

// Secrets stay out of Debug output.
impl fmt::Debug for AgentConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AgentConfig")
            .field("login_id", &self.login_id)
            .field("login_name", &self.login_name)
            .field("password", &"<redacted>")
            .field("first_name", &self.first_name)
            .field("last_name", &self.last_name)
            .field("team_id", &self.team_id)
            .field("team_name", &self.team_name)
            .field("roles", &self.roles)
            .field("wrap_up_on_incoming", &self.wrap_up_on_incoming)
            .field("wrap_up_on_outgoing", &self.wrap_up_on_outgoing)
            .field(
                "bearer_token",
                &self.bearer_token.as_ref().map(|_| "<redacted>"),
            )
            .field("supervised_teams", &self.supervised_teams)
            .finish()
    }
}

/// Category of a reason code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ReasonCategory {
    /// Not Ready reasons.
    NotReady,
    /// Sign-out reasons.
    Logout,
}

impl ReasonCategory {
    /// The wire value (`NOT_READY` or `LOGOUT`).
    pub fn as_str(self) -> &'static str {
        match self {
            ReasonCategory::NotReady => "NOT_READY",
            ReasonCategory::Logout => "LOGOUT",
        }
    }
}

/// A Not Ready or sign-out reason code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReasonCode {
    /// Finesse id: what `reasonCodeId` refers to.
    pub id: u32,
    /// Category.
    pub category: ReasonCategory,
    /// The code reported to the contact-center platform.
    pub code: u32,
    /// Label shown to agents.
    pub label: String,
    /// Global (true) or assigned to teams.
    pub for_all: bool,
    /// Defined by the platform rather than by an administrator; never requestable.
    pub system_code: bool,
}

impl ReasonCode {
    /// A global, administrator-defined reason code.
    pub fn new(id: u32, category: ReasonCategory, code: u32, label: impl Into<String>) -> Self {
        ReasonCode {
            id,
            category,
            code,
            label: label.into(),
            for_all: true,
            system_code: false,
        }
    }
}

/// A wrap-up reason offered to agents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrapUpReason {
    /// Finesse id.
    pub id: u32,
    /// Label (at most 39 bytes on a real server).
    pub label: String,
    /// Global (true) or assigned to teams.
    pub for_all: bool,
}

/// Timing of the emulated telephony.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    /// Length of one CTI step: between INITIATING, INITIATED and ALERTING, and between a
    /// 202 response and the outcome of the request. Default 20 ms.
    pub step: Duration,
    /// How long the far end rings before it answers by itself. Default 150 ms.
    pub ring: Duration,
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            step: Duration::from_millis(20),
            ring: Duration::from_millis(150),
        }
    }
}

/// What a dialed party outside the emulator does with an outbound call.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FarEnd {
    /// Rings for [`Timing::ring`], then answers (the default).
    #[default]
    Answer,
    /// Rings until told to answer or hang up through the control interface.
    Ring,
    /// The call fails with stateCause BUSY.
    Busy,
    /// The call fails with stateCause BAD_DESTINATION.
    NotExist,
    /// Answers after ringing, then hangs up after the given time.
    AnswerThenHangUp(Duration),
}

/// With [`EmulatorConfig::call_control_race`] on, how long the CTI outcome of a call-control
/// request takes at least (one [`Timing::step`] when that is longer): long enough for a
/// client to send a second request before the first one's outcome is known.
pub const CALL_CONTROL_OUTCOME: Duration = Duration::from_millis(200);

/// The parties a conference call may have by default (the phone system's setting; DG12.5
/// p101 names it without a value): 4 is the emulator's choice.
const DEFAULT_CONFERENCE_LIMIT: usize = 4;

/// Finesse signs out an agent whose desktop has been away this long (reference 7.4).
const DEFAULT_FORCED_LOGOUT: Duration = Duration::from_secs(60);

/// How to start an [`Emulator`](crate::Emulator).
#[derive(Clone, Debug)]
pub struct EmulatorConfig {
    pub(crate) release: Release,
    pub(crate) plain_http: bool,
    pub(crate) listen: IpAddr,
    pub(crate) certificate_names: Vec<String>,
    pub(crate) port: u16,
    pub(crate) control_port: u16,
    pub(crate) notification_port: u16,
    pub(crate) bosh_port: u16,
    pub(crate) xmpp_port: u16,
    pub(crate) xmpp_secure_port: u16,
    pub(crate) bosh_inactivity: Duration,
    pub(crate) max_connections: usize,
    /// The nodes and the ports they got, set at start for SystemInfo.
    pub(crate) topology: Topology,
    pub(crate) forced_logout_after: Option<Duration>,
    pub(crate) logout_on_disconnect: bool,
    pub(crate) agents: Vec<AgentConfig>,
    pub(crate) timing: Timing,
    pub(crate) lockout: Duration,
    pub(crate) reason_codes: Vec<ReasonCode>,
    pub(crate) reason_codes_configured: bool,
    pub(crate) wrap_up_timer: Option<Duration>,
    pub(crate) wrap_up_reasons: Vec<WrapUpReason>,
    pub(crate) call_control_race: bool,
    pub(crate) queues: Vec<QueueConfig>,
    pub(crate) conference_limit: usize,
    pub(crate) resources: crate::resources::Resources,
}

impl Default for EmulatorConfig {
    fn default() -> Self {
        Self::new()
    }
}

impl EmulatorConfig {
    /// CCE 12.5, HTTPS, ephemeral ports, the default agents, reason codes and wrap-up reasons,
    /// forced NOT_READY after 60 s without a notification session.
    pub fn new() -> Self {
        EmulatorConfig {
            release: Release::default(),
            plain_http: false,
            listen: IpAddr::V4(Ipv4Addr::LOCALHOST),
            certificate_names: Vec::new(),
            port: 0,
            control_port: 0,
            notification_port: 0,
            bosh_port: 0,
            xmpp_port: 0,
            xmpp_secure_port: 0,
            bosh_inactivity: DEFAULT_BOSH_INACTIVITY,
            max_connections: crate::limits::MAX_CONNECTIONS,
            topology: Topology::default(),
            forced_logout_after: Some(DEFAULT_FORCED_LOGOUT),
            logout_on_disconnect: false,
            agents: default_agents(),
            timing: Timing::default(),
            lockout: Duration::from_secs(300),
            reason_codes: default_reason_codes(),
            reason_codes_configured: true,
            wrap_up_timer: None,
            wrap_up_reasons: default_wrap_up_reasons(),
            call_control_race: false,
            queues: default_queues(),
            conference_limit: DEFAULT_CONFERENCE_LIMIT,
            resources: crate::resources::Resources::default(),
        }
    }

    /// Chooses CCE or CCX behaviour, as its release 12.5 (see [`Release::of_deployment`]).
    pub fn deployment(mut self, d: Deployment) -> Self {
        self.release = Release::of_deployment(d);
        self
    }

    /// Chooses the release the emulator behaves as (default CCE 12.5).
    pub fn release(mut self, r: Release) -> Self {
        self.release = r;
        self
    }

    /// Serves plain `http://` instead of `https://`.
    pub fn plain_http(mut self, yes: bool) -> Self {
        self.plain_http = yes;
        self
    }

    /// The address the REST, notification and control ports listen on: 127.0.0.1 by
    /// default; `0.0.0.0` or `::` for every interface (the control API has no
    /// authentication: only on a network you trust), `::1` for IPv6 loopback.
    pub fn listen(mut self, address: IpAddr) -> Self {
        self.listen = address;
        self
    }

    /// Adds a DNS name or IP address to the server certificate, besides `localhost`,
    /// `127.0.0.1`, `::1` and the listen address: the name clients on other machines use.
    pub fn certificate_name(mut self, name: impl Into<String>) -> Self {
        self.certificate_names.push(name.into());
        self
    }

    /// REST port; 0 (the default) picks a free one.
    pub fn port(mut self, p: u16) -> Self {
        self.port = p;
        self
    }

    /// Control port; 0 (the default) picks a free one.
    pub fn control_port(mut self, p: u16) -> Self {
        self.control_port = p;
        self
    }

    /// Notification service (XMPP over WebSocket) port; 0 (the default) picks a free one.
    pub fn notification_port(mut self, p: u16) -> Self {
        self.notification_port = p;
        self
    }

    /// How many connections each port serves at once (default 256); more wait in the listen
    /// backlog. Raise it to run a fleet of clients, each with its notification session.
    pub fn max_connections(mut self, n: usize) -> Self {
        self.max_connections = n.max(1);
        self
    }

    /// BOSH port (`/http-bind/`, Finesse's 7443); 0 (the default) picks a free one.
    pub fn bosh_port(mut self, p: u16) -> Self {
        self.bosh_port = p;
        self
    }

    /// XMPP-over-TCP port with STARTTLS (Finesse's 5222); 0 (the default) picks a free one.
    pub fn xmpp_port(mut self, p: u16) -> Self {
        self.xmpp_port = p;
        self
    }

    /// XMPP-over-TCP port with direct TLS (Finesse's 5223); 0 (the default) picks a free
    /// one.
    pub fn xmpp_secure_port(mut self, p: u16) -> Self {
        self.xmpp_secure_port = p;
        self
    }

    /// How long a BOSH session lives without a request from its client (default 30 s, as
    /// Openfire; at least one second).
    pub fn bosh_inactivity(mut self, d: Duration) -> Self {
        self.bosh_inactivity = d.max(Duration::from_secs(1));
        self
    }

    /// How long a signed-in agent may stay without an available notification session on a
    /// node, after having had one there, before that node forces it out with reason code
    /// 255 (default 60 s, as Finesse: DEVNET `desktop-presence-and-forced-logout`); `None`
    /// never forces agents out. What "out" means: see
    /// [`EmulatorConfig::logout_on_disconnect`].
    pub fn forced_logout_after(mut self, d: Option<Duration>) -> Self {
        self.forced_logout_after = d;
        self
    }

    /// CCE's LOAD setting for a desktop that went away: off (LOAD 0, the default), the
    /// forced logout makes the agent NOT_READY with reason code 255; on (LOAD 1), it signs
    /// the agent out with reason code 255. CCX always signs the agent out (DG12.5 failover
    /// chapter; reference 7.4, 10.3).
    pub fn logout_on_disconnect(mut self, on: bool) -> Self {
        self.logout_on_disconnect = on;
        self
    }

    /// Adds an agent, replacing any agent with the same login id.
    pub fn agent(mut self, a: AgentConfig) -> Self {
        self.agents.retain(|x| x.login_id != a.login_id);
        self.agents.push(a);
        self
    }

    /// Sets the telephony timing.
    pub fn timing(mut self, t: Timing) -> Self {
        self.timing = t;
        self
    }

    /// How long an agent stays locked after five wrong passwords (default five minutes).
    pub fn lockout(mut self, d: Duration) -> Self {
        self.lockout = d;
        self
    }

    /// Replaces the administrator-defined reason codes (an empty list means no reason is
    /// required for NOT_READY or LOGOUT).
    pub fn reason_codes(mut self, codes: Vec<ReasonCode>) -> Self {
        self.reason_codes = codes;
        self
    }

    /// Whether the system has reason codes configured (the default). Without, ReasonCodes
    /// lists none and NOT_READY or LOGOUT without a reason is accepted, as on a Finesse
    /// whose administrator defined no codes; the configured list comes back when switched
    /// on again.
    pub fn reason_codes_configured(mut self, yes: bool) -> Self {
        self.reason_codes_configured = yes;
        self
    }

    /// How long an agent stays in WORK or WORK_READY before leaving it by itself (at most
    /// two hours); `None` (the default): until the agent asks for READY or NOT_READY.
    pub fn wrap_up_timer(mut self, d: Option<Duration>) -> Self {
        self.wrap_up_timer = d;
        self
    }

    /// Replaces the wrap-up reasons.
    pub fn wrap_up_reasons(mut self, reasons: Vec<WrapUpReason>) -> Self {
        self.wrap_up_reasons = reasons;
        self
    }

    /// Makes the race between call-control requests reproducible (off by default).
    ///
    /// Finesse hands each call-control request to the CTI server and answers 202; the 12.5(1)
    /// guide asks clients not to send "call control requests for the same device … until the
    /// response to a previous call control request has been received" (DG12.5 p91;
    /// reference 1.4, 10.4). Off, the emulator applies every accepted request before it takes
    /// the next, which hides that race. On:
    ///
    /// - the CTI outcome of a call-control request — MAKE_CALL, and every Dialog PUT action
    ///   (ANSWER, HOLD, RETRIEVE, DROP, CONSULT_CALL, TRANSFER, TRANSFER_SST, CONFERENCE,
    ///   SEND_DTMF, PARTICIPANT_DROP, UPDATE_CALL_DATA, …) — comes [`CALL_CONTROL_OUTCOME`]
    ///   (200 ms, or one [`Timing::step`] when longer) after its 202, instead of one step;
    /// - a second call-control request from the same device (the acting agent's extension)
    ///   arriving before that outcome is validated as usual (synchronous ApiErrors stay),
    ///   answered 202, and refused one step later by an asynchronous error on the agent's
    ///   Dialogs node echoing its `requestId` (event `put`, as the emulator's other CTI
    ///   errors): `Generic Error`, errorData `33`, `CF_RESOURCE_BUSY`. No recording of this
    ///   case exists: the code and message are the emulator's choice (CTI's "resource busy",
    ///   reference 4.3). The first request completes normally.
    ///
    /// A client that waits for the notification echoing the previous request's id before it
    /// sends the next (as `finesse-client` does with a notification session) never meets the
    /// refusal. Requests of other devices, and User state changes, are not refused.
    pub fn call_control_race(mut self, on: bool) -> Self {
        self.call_control_race = on;
        self
    }

    /// How many parties a conference call may have, the phone system's "configurable
    /// parameter" (DG12.5 p101; default 4, at least 2): a supervisor's barge-in that would
    /// go past it is refused with 400 `20700` (DG12.5 p102).
    pub fn conference_limit(mut self, parties: usize) -> Self {
        self.conference_limit = parties.max(2);
        self
    }

    /// Replaces the phone books (default: GLOBAL "Global Directory", id 1, with 3 contacts;
    /// TEAM "Sales Team", id 2, for team 5007 with 2). Past Finesse's limits (10 global and
    /// 300 team phone books, 6000 contacts in a book, 50,000 in all; DEVNET `phonebook`,
    /// `contact`) the rest is left out.
    pub fn phone_books(mut self, books: Vec<PhoneBook>) -> Self {
        self.resources.phone_books = crate::resources::bounded_phone_books(books);
        self
    }

    /// Replaces the workflows (default: the guide's example, id 1, for team 5007). Past 100
    /// workflows, or 5 actions in one, the rest is left out.
    pub fn workflows(mut self, workflows: Vec<Workflow>) -> Self {
        self.resources.workflows = crate::resources::bounded_workflows(workflows);
        self
    }

    /// Replaces the media properties layouts (default: the DEFAULT layout, id 1, and a
    /// CUSTOM one, id 2, for team 5007). Columns past two, entries past 10 in a column, are
    /// left out.
    pub fn media_properties_layouts(mut self, layouts: Vec<MediaPropertiesLayout>) -> Self {
        self.resources.layouts = crate::resources::bounded_layouts(layouts);
        self
    }

    /// Replaces the queues at start (CCE; CCX has none). A queue id given twice keeps its
    /// last definition; past 1 000 queues, the rest are ignored.
    pub fn queues(mut self, queues: Vec<QueueConfig>) -> Self {
        self.queues = queues;
        self
    }
}

/// The queues at start (CCE only): 10 "Sales" with every agent of team 5007, 11 "Overflow"
/// assigned to no one. They change at run time through the control API.
fn default_queues() -> Vec<QueueConfig> {
    vec![
        QueueConfig::new(10, "Sales").team("5007"),
        QueueConfig::new(11, "Overflow"),
    ]
}

fn default_agents() -> Vec<AgentConfig> {
    vec![
        AgentConfig::new("1001", "jdoe", "secret1001").name("Jane", "Doe"),
        AgentConfig::new("1002", "jroe", "secret1002").name("John", "Roe"),
        AgentConfig::new("1003", "asmith", "secret1003").name("Alice", "Smith"),
        AgentConfig::new("2001", "boss", "secret2001")
            .name("Sam", "Boss")
            .supervisor_of(vec![Team {
                id: "5007".to_owned(),
                name: "Sales".to_owned(),
            }]),
    ]
}

fn default_reason_codes() -> Vec<ReasonCode> {
    vec![
        ReasonCode::new(22, ReasonCategory::NotReady, 1, "Break"),
        ReasonCode::new(23, ReasonCategory::NotReady, 2, "Lunch"),
        ReasonCode::new(31, ReasonCategory::Logout, 3, "End of shift"),
    ]
}

fn default_wrap_up_reasons() -> Vec<WrapUpReason> {
    ["Sales Call", "Support", "Billing"]
        .iter()
        .zip(1..)
        .map(|(label, id)| WrapUpReason {
            id,
            label: (*label).to_owned(),
            for_all: true,
        })
        .collect()
}
