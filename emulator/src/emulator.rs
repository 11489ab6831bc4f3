//! The running server and its synchronous control API.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, TcpListener as StdListener};
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use tokio::sync::oneshot;
use tokio_rustls::TlsAcceptor;

use crate::config::{AgentConfig, Deployment, EmulatorConfig, FarEnd};
use crate::control::{AgentSnapshot, DialogSnapshot, InboundCall};
use crate::control_http::{self, ControlState, MAX_DELAY};
use crate::engine::Engine;
use crate::errors::ControlError;
use crate::notify::Notification;
use crate::release::Release;
use crate::request_log::RecordedRequest;
use crate::server::{self, Site};
use crate::state::CutRule;
use crate::tls;
use crate::transports::{NodePorts, Offered, TransportUrls, Transports};
use crate::xmpp::{self, Bosh, Links, TcpMode};

/// How long [`Emulator::settle`] waits at most.
const SETTLE_TIMEOUT: Duration = Duration::from_secs(10);

/// A running emulated Finesse server (on 127.0.0.1 unless configured otherwise).
///
/// It runs on its own thread; dropping it stops the server, closes its ports and joins the
/// thread. All methods are synchronous and may be called from any thread.
pub struct Emulator {
    engine: Arc<Engine>,
    base_url: String,
    control_url: String,
    notification_url: String,
    urls: Arc<TransportUrls>,
    links: Links,
    ca_pem: String,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<thread::JoinHandle<()>>,
}

fn bind(address: IpAddr, port: u16) -> io::Result<StdListener> {
    let listener = StdListener::bind((address, port))?;
    listener.set_nonblocking(true)?;
    Ok(listener)
}

/// The host to put in URLs for a listen address: loopback for "every interface", IPv6 in
/// brackets.
fn url_host(address: IpAddr) -> String {
    match address {
        IpAddr::V4(a) if a.is_unspecified() => Ipv4Addr::LOCALHOST.to_string(),
        IpAddr::V6(a) if a.is_unspecified() => format!("[{}]", Ipv6Addr::LOCALHOST),
        IpAddr::V4(a) => a.to_string(),
        IpAddr::V6(a) => format!("[{a}]"),
    }
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
        let rest = bind(config.listen, config.port)?;
        let notification = bind(config.listen, config.notification_port)?;
        let bosh = bind(config.listen, config.bosh_port)?;
        let starttls = bind(config.listen, config.xmpp_port)?;
        let direct_tls = bind(config.listen, config.xmpp_secure_port)?;
        let control = bind(config.listen, config.control_port)?;
        let host = url_host(config.listen);
        let (scheme, ws_scheme) = if config.plain_http {
            ("http", "ws")
        } else {
            ("https", "wss")
        };
        let rest_port = rest.local_addr()?.port();
        let base_url = format!("{scheme}://{host}:{rest_port}");
        let notification_url = format!(
            "{ws_scheme}://{host}:{}/ws",
            notification.local_addr()?.port()
        );
        config.node_ports = NodePorts {
            https: rest_port,
            xmpp: starttls.local_addr()?.port(),
            xmpp_secure: direct_tls.local_addr()?.port(),
        };
        let urls = Arc::new(TransportUrls {
            websocket: format!("{ws_scheme}://{host}:{rest_port}/ws/"),
            bosh: format!("{scheme}://{host}:{}/http-bind/", bosh.local_addr()?.port()),
            starttls: format!("xmpp://{host}:{}", config.node_ports.xmpp),
            direct_tls: format!("xmpps://{host}:{}", config.node_ports.xmpp_secure),
        });
        let control_url = format!("http://{host}:{}", control.local_addr()?.port());
        let links = Links::new();

        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let plain_http = config.plain_http;
        let bosh_inactivity = config.bosh_inactivity;
        let (engine, cti_queue) = Engine::new(config, runtime.handle().clone());
        let listeners = {
            let _context = runtime.enter();
            [rest, notification, bosh, starttls, direct_tls, control]
                .map(tokio::net::TcpListener::from_std)
        };
        let [rest, notification, bosh, starttls, direct_tls, control] = listeners;
        let (rest, notification, bosh, starttls, direct_tls, control) = (
            rest?,
            notification?,
            bosh?,
            starttls?,
            direct_tls?,
            control?,
        );
        let tls = (!plain_http).then(|| TlsAcceptor::from(certs.server_config));
        // XMPP over TCP always runs over TLS (Openfire on Finesse requires it), with no ALPN.
        let xmpp_tls = TlsAcceptor::from(certs.xmpp_config);
        let notification_tls = tls.clone();
        let rest_site = Site::rest(Arc::clone(&engine), links.clone());
        let bosh_site = Site::Bosh {
            bosh: Bosh::new(
                Arc::clone(&engine),
                links.clone(),
                bosh_inactivity,
                !plain_http,
            ),
        };
        let control_site = Site::Control {
            router: control_http::router(ControlState {
                engine: Arc::clone(&engine),
                ca_pem: Arc::from(certs.ca_pem.as_str()),
                base_url: Arc::from(base_url.as_str()),
                notification_url: Arc::from(notification_url.as_str()),
                transport_urls: Arc::clone(&urls),
                links: links.clone(),
            }),
        };
        let max_connections = engine.max_connections();
        let worker = Arc::clone(&engine);
        let queue_engine = Arc::clone(&engine);
        let tcp_engine = Arc::clone(&engine);
        let tcp_links = links.clone();
        let notifications = xmpp::serve(
            notification,
            notification_tls,
            Arc::clone(&engine),
            links.clone(),
        );
        let (shutdown, stopped) = oneshot::channel::<()>();
        let thread = thread::Builder::new()
            .name("finesse-emulator".to_owned())
            .spawn(move || {
                runtime.block_on(async move {
                    tokio::spawn(worker.run_cti(cti_queue));
                    tokio::spawn(publish_queues_periodically(queue_engine));
                    tokio::spawn(server::serve(rest, tls.clone(), rest_site, max_connections));
                    tokio::spawn(notifications);
                    tokio::spawn(server::serve(bosh, tls, bosh_site, max_connections));
                    tokio::spawn(xmpp::serve_tcp(
                        starttls,
                        TcpMode::StartTls,
                        xmpp_tls.clone(),
                        Arc::clone(&tcp_engine),
                        tcp_links.clone(),
                    ));
                    tokio::spawn(xmpp::serve_tcp(
                        direct_tls,
                        TcpMode::DirectTls,
                        xmpp_tls,
                        tcp_engine,
                        tcp_links,
                    ));
                    tokio::spawn(server::serve(control, None, control_site, max_connections));
                    let _ = stopped.await;
                });
                // Dropping the runtime cancels every task and closes every socket.
                drop(runtime);
            })?;
        Ok(Emulator {
            engine,
            base_url,
            control_url,
            notification_url,
            urls,
            links,
            ca_pem: certs.ca_pem,
            shutdown: Some(shutdown),
            thread: Some(thread),
        })
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

    /// Takes the node out of service: every REST call but SystemInfo answers 503.
    pub fn set_out_of_service(&self, yes: bool) {
        self.engine.with_world(|w| w.set_out_of_service(yes));
    }

    /// Delays every REST response (at most ten minutes).
    pub fn set_latency(&self, d: Duration) {
        self.engine.with_world(|w| w.latency = d.min(MAX_DELAY));
    }

    /// One-shot: the next request with this method and a path starting with `path_prefix`
    /// is processed in full, then its connection is closed without a response.
    pub fn cut_connection_after(&self, method: &str, path_prefix: &str) {
        let rule = CutRule {
            method: method.to_owned(),
            path_prefix: path_prefix.to_owned(),
        };
        self.engine.with_world(|w| w.cut = Some(rule));
    }

    /// Freezes (or thaws) every notification connection, present and future: the server
    /// stops reading and writing but keeps the TCP connections open, as on a silently dead
    /// link. Sessions stay available meanwhile.
    pub fn freeze_notifications(&self, frozen: bool) {
        self.links.freeze(frozen);
    }

    /// Closes every notification connection abruptly (no XMPP or WebSocket close).
    pub fn drop_notification_connections(&self) {
        self.links.drop_all();
    }

    /// Finesse's own XMPP user (`finesse@<domain>/finesse`) becomes unavailable or available
    /// again; every available session receives the presence.
    pub fn set_service_available(&self, available: bool) {
        self.engine
            .with_notifier(|_, n| xmpp::set_service_available(&mut n.sessions, available));
    }

    /// The user's available notification sessions.
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
            .with_notifier(crate::publish::publish_queue_statistics)
    }

    /// Notifications published from now on, as they happen.
    pub fn subscribe(&self) -> mpsc::Receiver<Notification> {
        self.engine.with_notifier(|_, n| n.subscribe())
    }

    /// Back to the start: every agent signed out and unlocked (agents added since stay,
    /// with their configuration), no dialogs, far-end behaviour, release, service,
    /// latency and cuts as configured, notification connections closed and subscriptions
    /// forgotten, the request log emptied. Requests accepted and timers started before
    /// are dropped; dialog ids and sequence numbers keep counting.
    pub fn reset(&self) {
        self.engine.reset(&self.links);
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
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl std::fmt::Debug for Emulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Emulator")
            .field("base_url", &self.base_url)
            .field("control_url", &self.control_url)
            .field("notification_url", &self.notification_url)
            .field("transports", &self.urls)
            .finish()
    }
}

/// Every 10 seconds, the statistics of the queues that changed (DEVNET `queue-notifications`).
async fn publish_queues_periodically(engine: Arc<Engine>) {
    let period = crate::state::QUEUE_INTERVAL;
    let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        engine.with_notifier(crate::publish::publish_queue_statistics);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_loopback_for_every_interface_and_bracket_ipv6() {
        assert_eq!(url_host(IpAddr::V4(Ipv4Addr::UNSPECIFIED)), "127.0.0.1");
        assert_eq!(url_host(IpAddr::V6(Ipv6Addr::UNSPECIFIED)), "[::1]");
        assert_eq!(url_host(IpAddr::V6(Ipv6Addr::LOCALHOST)), "[::1]");
        assert_eq!(url_host("192.0.2.7".parse().expect("address")), "192.0.2.7");
    }
}
