//! The running server and its synchronous control API.

use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use crate::config::{AgentConfig, Deployment, EmulatorConfig, FarEnd, QueueConfig};
use crate::control::{AgentSnapshot, DialogSnapshot, InboundCall};
use crate::control_http::MAX_DELAY;
use crate::engine::{Engine, Shared};
use crate::errors::ControlError;
use crate::node::{Side, Topology};
use crate::notify::Notification;
use crate::release::Release;
use crate::request_log::RecordedRequest;
use crate::runner::{self, Bound, NodeSetup, Worker};
use crate::state::CutRule;
use crate::tls;
use crate::transports::{Offered, TransportUrls, Transports};
use crate::xmpp;

/// How long [`Emulator::settle`] waits at most.
const SETTLE_TIMEOUT: Duration = Duration::from_secs(10);

/// A running emulated Finesse node (on 127.0.0.1 unless configured otherwise): a single
/// node, or side A or side B of a pair ([`Emulator::start_pair`]).
///
/// It runs on threads of its own; dropping it stops the node, closes its ports and joins
/// its thread (the CTI side a pair shares stops with the last node). All methods are
/// synchronous and may be called from any thread. Methods on agents, dialogs, calls,
/// the release and the far end act on the CTI state, which the nodes of a pair share;
/// the fault controls, the notification sessions, and the notification and request logs
/// are the node's own.
pub struct Emulator {
    pub(crate) engine: Arc<Engine>,
    base_url: String,
    control_url: String,
    notification_url: String,
    urls: Arc<TransportUrls>,
    ca_pem: String,
    peer_base_url: Option<String>,
    /// Declared before `_cti`: the node stops before the CTI side it uses.
    node: Option<Worker>,
    /// Held for its drop: the CTI side stops with the last node holding it.
    _cti: Arc<Worker>,
}

fn parse_dialog_id(id: &str) -> Result<u64, ControlError> {
    id.trim()
        .parse()
        .map_err(|_| ControlError::UnknownDialog(id.to_owned()))
}

impl Emulator {
    /// Starts the server; returns once all its ports are listening: REST (with XMPP over
    /// WebSocket at `/ws/`), the emulator's own notification port, BOSH, XMPP over TCP with
    /// STARTTLS and with direct TLS, and control. Every port listens whatever the release;
    /// those of transports the release does not offer turn clients away.
    pub fn start(mut config: EmulatorConfig) -> io::Result<Emulator> {
        let certs = tls::generate(config.listen, &config.certificate_names)?;
        let bound = Bound::new(&config, true)?;
        let (system_info_host, _) = runner::node_hosts(config.listen);
        config.topology = Topology {
            primary: bound.address(&system_info_host)?,
            secondary: None,
        };
        let (shared, cti) = runner::start_cti(config.clone(), 1)?;
        let setup = NodeSetup {
            side: Side::A,
            host: runner::url_host(config.listen),
            certs: &certs,
            config: &config,
            peer_base_url: None,
        };
        Emulator::serve(&shared, bound, setup, Arc::new(cti))
    }

    /// Starts two nodes, side A (the primary) and side B (the secondary), sharing one CTI
    /// state: agents and their states, dialogs, queues, teams, lock-outs, tokens. Each node
    /// has its own ports (REST, control, every notification transport), its own
    /// notification sessions and pub-sub subscriptions, its own request and notification
    /// logs and its own faults; a change, from a request on either node or from a control,
    /// is published by both nodes to their own sessions, as both Finesse nodes of a
    /// peripheral receive the CTI events (reference 7.1).
    ///
    /// Side A takes the configured ports; side B takes free ones. Both serve one
    /// certificate, signed by one CA. Both SystemInfo documents name side A as
    /// `primaryNode` and side B as `secondaryNode`; on IPv4 loopback side A is named
    /// `localhost` and side B `127.0.0.1` (URLs included), elsewhere both are named by the
    /// listen address and differ by port.
    pub fn start_pair(mut config: EmulatorConfig) -> io::Result<(Emulator, Emulator)> {
        let certs = tls::generate(config.listen, &config.certificate_names)?;
        let bound_a = Bound::new(&config, true)?;
        let bound_b = Bound::new(&config, false)?;
        let (host_a, host_b) = runner::node_hosts(config.listen);
        let primary = bound_a.address(&host_a)?;
        let secondary = bound_b.address(&host_b)?;
        let url_a = runner::base_url(&config, &host_a, primary.ports.https);
        let url_b = runner::base_url(&config, &host_b, secondary.ports.https);
        config.topology = Topology {
            primary,
            secondary: Some(secondary),
        };
        let (shared, cti) = runner::start_cti(config.clone(), 2)?;
        let cti = Arc::new(cti);
        let a = NodeSetup {
            side: Side::A,
            host: host_a,
            certs: &certs,
            config: &config,
            peer_base_url: Some(url_b),
        };
        let a = Emulator::serve(&shared, bound_a, a, Arc::clone(&cti))?;
        let b = NodeSetup {
            side: Side::B,
            host: host_b,
            certs: &certs,
            config: &config,
            peer_base_url: Some(url_a),
        };
        let b = Emulator::serve(&shared, bound_b, b, cti)?;
        Ok((a, b))
    }

    fn serve(
        shared: &Arc<Shared>,
        bound: Bound,
        setup: NodeSetup<'_>,
        cti: Arc<Worker>,
    ) -> io::Result<Emulator> {
        let ca_pem = setup.certs.ca_pem.clone();
        let peer_base_url = setup.peer_base_url.clone();
        let node = runner::start_node(shared, bound, setup)?;
        Ok(Emulator {
            engine: node.engine,
            base_url: node.base_url,
            control_url: node.control_url,
            notification_url: node.notification_url,
            urls: node.urls,
            ca_pem,
            peer_base_url,
            node: Some(node.worker),
            _cti: cti,
        })
    }

    /// Which node this is: [`Side::A`] for a single node.
    pub fn side(&self) -> Side {
        self.engine.side()
    }

    /// The other node's REST base URL, in a pair.
    pub fn peer_base_url(&self) -> Option<String> {
        self.peer_base_url.clone()
    }

    /// The REST base URL, e.g. `https://127.0.0.1:43121` (no trailing slash): the server
    /// URL a client takes. Listening on every interface, the URL names loopback.
    pub fn base_url(&self) -> String {
        self.base_url.clone()
    }

    /// The control API's URL, e.g. `http://127.0.0.1:43122`.
    pub fn control_url(&self) -> String {
        self.control_url.clone()
    }

    /// The emulator's own notification port (XMPP over WebSocket), e.g.
    /// `wss://127.0.0.1:43123/ws` (`ws://` with plain HTTP). It serves in every release
    /// profile; Finesse's own endpoint is [`Emulator::rest_websocket_url`].
    pub fn notification_url(&self) -> String {
        self.notification_url.clone()
    }

    /// The transports the current release offers (reference 10.1).
    fn offered(&self) -> Transports {
        self.engine.with_world(|w| Transports::of(w.release))
    }

    fn url_if(&self, pick: impl FnOnce(Offered<'_>) -> Option<&str>) -> Option<String> {
        pick(self.urls.offered(self.offered())).map(str::to_owned)
    }

    /// XMPP over WebSocket on the REST port, as Finesse 12.x serves it:
    /// `wss://127.0.0.1:<REST port>/ws/` (`ws://` with plain HTTP; `/ws` is served too).
    /// `None` when the release offers no WebSocket (11.6).
    pub fn rest_websocket_url(&self) -> Option<String> {
        self.url_if(|o| o.websocket)
    }

    /// BOSH, e.g. `https://127.0.0.1:43124/http-bind/` (`http://` with plain HTTP), on a
    /// port of its own as Finesse's 7443. `None` when the release does not offer it.
    pub fn bosh_url(&self) -> Option<String> {
        self.url_if(|o| o.bosh)
    }

    /// XMPP over TCP with STARTTLS (TLS required before SASL), as Finesse's 5222:
    /// `xmpp://127.0.0.1:<port>`. `None` when the release does not offer it (12.5 on).
    pub fn xmpp_url(&self) -> Option<String> {
        self.url_if(|o| o.starttls)
    }

    /// XMPP over TCP with direct TLS, as Finesse's 5223: `xmpps://127.0.0.1:<port>`.
    /// `None` when the release does not offer it.
    pub fn xmpps_url(&self) -> Option<String> {
        self.url_if(|o| o.direct_tls)
    }

    /// The XMPP domain: JIDs are `<loginId>@<domain>`, the pub-sub service is
    /// `pubsub.<domain>` (as SystemInfo reports).
    pub fn xmpp_domain(&self) -> String {
        xmpp::DOMAIN.to_owned()
    }

    /// PEM of the CA that signed the server certificate.
    pub fn ca_pem(&self) -> String {
        self.ca_pem.clone()
    }

    /// Writes the CA certificate as PEM.
    pub fn write_ca_pem(&self, path: &Path) -> io::Result<()> {
        std::fs::write(path, &self.ca_pem)
    }

    /// Switches between CCE and CCX behaviour, as its release 12.5.
    pub fn set_deployment(&self, d: Deployment) {
        self.set_release(Release::of_deployment(d));
    }

    /// Switches to another release profile; calls and agents stay as they are.
    pub fn set_release(&self, r: Release) {
        self.engine.with_world(|w| w.release = r);
    }

    /// The release profile the emulator behaves as.
    pub fn release(&self) -> Release {
        self.engine.with_world(|w| w.release)
    }

    /// Switches the "reason codes configured" setting (see
    /// [`EmulatorConfig::reason_codes_configured`]).
    pub fn set_reason_codes_configured(&self, yes: bool) {
        self.engine.with_world(|w| w.reason_codes_configured = yes);
    }

    /// How long wrap-up lasts before the agent leaves it by itself (see
    /// [`EmulatorConfig::wrap_up_timer`]); applies to wrap-ups started from now on.
    pub fn set_wrap_up_timer(&self, d: Option<Duration>) {
        self.engine.with_world(|w| w.wrap_up_timer = d);
    }

    /// Switches the race between call-control requests on or off (see
    /// [`EmulatorConfig::call_control_race`]); requests accepted before keep the timing they
    /// were accepted with.
    pub fn set_call_control_race(&self, on: bool) {
        self.engine.with_world(|w| w.call_control_race = on);
    }

    /// How many parties a conference call may have (see
    /// [`EmulatorConfig::conference_limit`]; at least 2).
    pub fn set_conference_limit(&self, parties: usize) {
        self.engine
            .with_world(|w| w.conference_limit = parties.max(2));
    }

    /// Adds an agent, or updates an existing agent's configuration (its state stays).
    pub fn add_agent(&self, a: AgentConfig) {
        self.engine.with_world(|w| w.add_agent(a));
    }

    /// What external destinations do with new outbound calls.
    pub fn set_far_end(&self, f: FarEnd) {
        self.engine.with_world(|w| w.set_far_end(None, f));
    }

    /// What one destination does with new outbound calls (overrides the default).
    pub fn set_far_end_for(&self, address: &str, f: FarEnd) {
        self.engine.with_world(|w| w.set_far_end(Some(address), f));
    }

    /// The ringing external party of the dialog answers.
    pub fn answer_far_end(&self, dialog_id: &str) -> Result<(), ControlError> {
        let id = parse_dialog_id(dialog_id)?;
        self.engine.with_world(|w| w.far_end_answer(id))
    }

    /// The external parties of the dialog hang up.
    pub fn hang_up_far_end(&self, dialog_id: &str) -> Result<(), ControlError> {
        let id = parse_dialog_id(dialog_id)?;
        self.engine.with_world(|w| w.far_end_hang_up(id))
    }

    /// A call arrives at a signed-in agent; returns the new dialog's id.
    pub fn inject_inbound_call(&self, call: InboundCall) -> Result<String, ControlError> {
        self.engine
            .with_world(|w| w.inject_inbound(call))
            .map(|id| id.to_string())
    }

    /// Delays every REST response of this node (at most ten minutes).
    pub fn set_latency(&self, d: Duration) {
        let node = self.side().index();
        self.engine
            .with_world(|w| w.latency[node] = d.min(MAX_DELAY));
    }

    /// One-shot: the next request to this node with this method and a path starting with
    /// `path_prefix` is processed in full, then its connection is closed without a
    /// response.
    pub fn cut_connection_after(&self, method: &str, path_prefix: &str) {
        let rule = CutRule {
            method: method.to_owned(),
            path_prefix: path_prefix.to_owned(),
        };
        let node = self.side().index();
        self.engine.with_world(|w| w.cut[node] = Some(rule));
    }

    /// Freezes (or thaws) every notification connection of this node, present and future:
    /// the server stops reading and writing but keeps the TCP connections open, as on a
    /// silently dead link. Sessions stay available meanwhile.
    pub fn freeze_notifications(&self, frozen: bool) {
        self.engine.links().freeze(frozen);
    }

    /// Closes every notification connection of this node abruptly (no XMPP or WebSocket
    /// close).
    pub fn drop_notification_connections(&self) {
        self.engine.links().drop_all();
    }

    /// Finesse's own XMPP user (`finesse@<domain>/finesse`) becomes unavailable or available
    /// again on this node; every available session of the node receives the presence.
    pub fn set_service_available(&self, available: bool) {
        self.engine
            .with_notifier(|_, n| xmpp::set_service_available(&mut n.sessions, available));
    }

    /// The user's available notification sessions on this node.
    pub fn notification_sessions(&self, login_id: &str) -> usize {
        self.engine
            .with_notifier(|_, n| n.sessions.available(login_id))
    }

    /// Every dialog the emulator holds, including those in wrap-up.
    pub fn dialogs(&self) -> Vec<DialogSnapshot> {
        self.engine.with_world(|w| w.dialog_snapshots())
    }

    /// Every agent's configuration (passwords included), those added since start too.
    pub fn agents(&self) -> Vec<AgentConfig> {
        self.engine
            .with_world(|w| w.agents.values().map(|a| a.cfg.clone()).collect())
    }

    /// One agent's state.
    pub fn agent_state(&self, login_id: &str) -> Option<AgentSnapshot> {
        self.engine.with_world(|w| w.agent_snapshot(login_id))
    }

    /// Every notification published so far (the most recent 10 000).
    pub fn notifications(&self) -> Vec<Notification> {
        self.notifications_since(0)
    }

    /// Notifications with a sequence number greater than `seq`.
    pub fn notifications_since(&self, seq: u64) -> Vec<Notification> {
        self.engine.with_notifier(|_, n| n.since(seq))
    }

    /// Publishes an Update on a pub-sub node as the server does for its own changes: it is
    /// logged and routed at once to every available session subscribed to `node` (a user's
    /// sessions for `/finesse/api/User/<id>` and `/finesse/api/User/<id>/Dialogs`). `data`
    /// is the payload element (`<dialog>…</dialog>`, `<user>…</user>`), written inside
    /// `<data>` as given; the emulator's own state does not change. For benchmarks and for
    /// tests of a client's decoding: the caller knows when the Update left. Returns its
    /// sequence number.
    pub fn publish_update(
        &self,
        node: &str,
        event: &str,
        source: &str,
        request_id: &str,
        data: &str,
    ) -> u64 {
        self.engine.with_notifier(|_, n| {
            n.publish(node.to_owned(), event, source.to_owned(), request_id, data)
        })
    }

    /// Publishes now the statistics of every queue that changed since they were last
    /// published, as the server does by itself every 10 seconds (CCE; DEVNET
    /// `queue-notifications`); for tests and benchmarks that will not wait. Returns how many
    /// queues were published.
    pub fn publish_queue_statistics(&self) -> usize {
        self.engine
            .with_platform(crate::publish::publish_queue_statistics)
    }

    /// The queues (CCE skill groups), each with the teams whose agents are assigned to it,
    /// in id order.
    pub fn queues(&self) -> Vec<QueueConfig> {
        self.engine.with_world(|w| w.queue_configs())
    }

    /// Adds a queue (at most 1 000 in all). The users whose list of queues gains it are
    /// sent a `post` on `/finesse/api/User/<id>/Queues` (CCE; DEVNET
    /// `userqueue-notification`). Fails for an id in use, an empty name or team id.
    pub fn add_queue(&self, queue: QueueConfig) -> Result<(), ControlError> {
        self.engine.with_world(|w| w.add_queue(queue))
    }

    /// Assigns a queue to the agents of a team. The users whose list of queues gains it
    /// (the team's members and supervisors, unless they had it through another team) are
    /// sent a `post` on `/finesse/api/User/<id>/Queues` with the queue (CCE).
    pub fn assign_queue(&self, queue_id: u64, team_id: &str) -> Result<(), ControlError> {
        self.engine
            .with_world(|w| w.assign_queue(queue_id, team_id))
    }

    /// Removes a queue from the agents of a team. The users whose list of queues loses it
    /// are sent a `delete` on `/finesse/api/User/<id>/Queues` and the queue's documented
    /// `delete` on `/finesse/api/Queue/<id>` (CCE; DEVNET `queue-notifications`).
    pub fn unassign_queue(&self, queue_id: u64, team_id: &str) -> Result<(), ControlError> {
        self.engine
            .with_world(|w| w.unassign_queue(queue_id, team_id))
    }

    /// Removes a queue from the system. Its users lose it as when it is unassigned: a
    /// `delete` on `/finesse/api/User/<id>/Queues` and on `/finesse/api/Queue/<id>` (CCE;
    /// DEVNET `userqueue-notification`); the queue then answers 404.
    pub fn remove_queue(&self, queue_id: u64) -> Result<(), ControlError> {
        self.engine.with_world(|w| w.remove_queue(queue_id))
    }

    /// Notifications published from now on, as they happen.
    pub fn subscribe(&self) -> mpsc::Receiver<Notification> {
        self.engine.with_notifier(|_, n| n.subscribe())
    }

    /// Back to the start: every agent signed out and unlocked (agents added since stay,
    /// with their configuration), no dialogs, far-end behaviour, release, service,
    /// latency and cuts as configured, no faults, no tokens issued, notification
    /// connections closed and subscriptions forgotten, the request logs emptied. Requests
    /// accepted and timers started before are dropped; dialog ids and sequence numbers keep
    /// counting. In a pair, both nodes are reset: they share the CTI state.
    pub fn reset(&self) {
        self.engine.reset();
    }

    /// The REST requests received, oldest first (the most recent 1 000). Bodies are kept
    /// up to 8 KiB; credentials never.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.requests_since(0)
    }

    /// Requests received with a sequence number greater than `seq`.
    pub fn requests_since(&self, seq: u64) -> Vec<RecordedRequest> {
        self.engine.with_requests(|log| log.since(seq))
    }

    /// Empties the request log (sequence numbers keep counting).
    pub fn clear_requests(&self) {
        self.engine.with_requests(|log| log.clear());
    }

    /// Lifts the lock-out of one agent after wrong passwords, and forgets its count of
    /// wrong passwords.
    pub fn lift_lockout(&self, login_id: &str) -> Result<(), ControlError> {
        self.engine.with_world(|w| w.lift_lockout(Some(login_id)))
    }

    /// Lifts every agent's lock-out.
    pub fn lift_lockouts(&self) {
        // Without a login id no agent can be unknown.
        let _ = self.engine.with_world(|w| w.lift_lockout(None));
    }

    /// Waits until every request accepted so far (202) has been applied.
    pub fn settle(&self) {
        self.engine.flush_blocking(SETTLE_TIMEOUT);
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        // The node first (its tasks may still use the CTI side), then, with the last node,
        // the CTI side (when `_cti` drops).
        drop(self.node.take());
    }
}

impl std::fmt::Debug for Emulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Emulator")
            .field("side", &self.side())
            .field("base_url", &self.base_url)
            .field("control_url", &self.control_url)
            .field("notification_url", &self.notification_url)
            .field("transports", &self.urls)
            .finish()
    }
}
