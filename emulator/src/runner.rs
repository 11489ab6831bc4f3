//! The threads an emulator runs on: one for the CTI side that the nodes of a pair share (the
//! CTI worker, the timers, the queue statistics), and one per node for its listeners and
//! connections. Each node can stop on its own; the CTI thread stops with the last node.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, TcpListener as StdListener};
use std::sync::Arc;
use std::thread;

use tokio::sync::oneshot;
use tokio_rustls::TlsAcceptor;

use crate::config::EmulatorConfig;
use crate::control_http::{self, ControlState};
use crate::engine::{Engine, Shared};
use crate::node::{NodeAddress, Side};
use crate::server::{self, Site};
use crate::tls::Certs;
use crate::transports::{NodePorts, TransportUrls};
use crate::xmpp::{self, Bosh, TcpMode};

/// A thread running a runtime until told to stop; stopping joins it.
pub(crate) struct Worker {
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Drop for Worker {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Runs `tasks` on a new thread with a runtime of its own until the worker is dropped;
/// dropping the runtime cancels every task and closes every socket.
fn spawn_worker(
    name: &str,
    runtime: tokio::runtime::Runtime,
    tasks: impl FnOnce() + Send + 'static,
) -> io::Result<Worker> {
    let (shutdown, stopped) = oneshot::channel::<()>();
    let thread = thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            runtime.block_on(async move {
                tasks();
                let _ = stopped.await;
            });
            drop(runtime);
        })?;
    Ok(Worker {
        shutdown: Some(shutdown),
        thread: Some(thread),
    })
}

fn runtime() -> io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
}

/// Starts the CTI side for `nodes` nodes: the shared platform, its CTI worker and the
/// periodic queue statistics on a thread of their own.
pub(crate) fn start_cti(config: EmulatorConfig, nodes: usize) -> io::Result<(Arc<Shared>, Worker)> {
    let runtime = runtime()?;
    let (shared, queue) = Shared::new(config, nodes, runtime.handle().clone());
    let worker_shared = Arc::clone(&shared);
    let worker = spawn_worker("finesse-emulator-cti", runtime, move || {
        tokio::spawn(Arc::clone(&worker_shared).run_cti(queue));
        tokio::spawn(worker_shared.publish_queues_periodically());
    })?;
    Ok((shared, worker))
}

fn bind(address: IpAddr, port: u16) -> io::Result<StdListener> {
    let listener = StdListener::bind((address, port))?;
    listener.set_nonblocking(true)?;
    Ok(listener)
}

/// The host to put in URLs for a listen address: loopback for "every interface", IPv6 in
/// brackets.
pub(crate) fn url_host(address: IpAddr) -> String {
    match address {
        IpAddr::V4(a) if a.is_unspecified() => Ipv4Addr::LOCALHOST.to_string(),
        IpAddr::V6(a) if a.is_unspecified() => format!("[{}]", Ipv6Addr::LOCALHOST),
        IpAddr::V4(a) => a.to_string(),
        IpAddr::V6(a) => format!("[{a}]"),
    }
}

/// The hosts the nodes are named by. On IPv4 loopback, side A is `localhost` and side B
/// `127.0.0.1` (both in the certificate): two names, as two Finesse nodes have two FQDNs,
/// so a client tells the nodes apart by host as `SystemInfo.getAlternateHost()` does
/// (DEVNET `rest-services-systeminfo`). Elsewhere both are the listen address's host and
/// differ by port. A single node keeps `localhost` in SystemInfo as before, with URLs on
/// the listen address's host.
pub(crate) fn node_hosts(listen: IpAddr) -> (String, String) {
    let host = url_host(listen);
    if host == Ipv4Addr::LOCALHOST.to_string() {
        ("localhost".to_owned(), host)
    } else {
        (host.clone(), host)
    }
}

/// The ports of one node, listening.
pub(crate) struct Bound {
    rest: StdListener,
    notification: StdListener,
    bosh: StdListener,
    starttls: StdListener,
    direct_tls: StdListener,
    control: StdListener,
}

impl Bound {
    /// Binds the configured ports, or free ones (`fixed` false: side B of a pair, whose
    /// configured ports are side A's).
    pub fn new(config: &EmulatorConfig, fixed: bool) -> io::Result<Bound> {
        let port = |p: u16| if fixed { p } else { 0 };
        Ok(Bound {
            rest: bind(config.listen, port(config.port))?,
            notification: bind(config.listen, port(config.notification_port))?,
            bosh: bind(config.listen, port(config.bosh_port))?,
            starttls: bind(config.listen, port(config.xmpp_port))?,
            direct_tls: bind(config.listen, port(config.xmpp_secure_port))?,
            control: bind(config.listen, port(config.control_port))?,
        })
    }

    /// The node's address for SystemInfo.
    pub fn address(&self, host: &str) -> io::Result<NodeAddress> {
        Ok(NodeAddress {
            host: host.to_owned(),
            ports: NodePorts {
                https: self.rest.local_addr()?.port(),
                xmpp: self.starttls.local_addr()?.port(),
                xmpp_secure: self.direct_tls.local_addr()?.port(),
            },
        })
    }
}

/// A node serving: its engine, its URLs and its thread.
pub(crate) struct Node {
    pub engine: Arc<Engine>,
    pub base_url: String,
    pub control_url: String,
    pub notification_url: String,
    pub urls: Arc<TransportUrls>,
    pub worker: Worker,
}

/// What a node is started with besides its ports.
pub(crate) struct NodeSetup<'a> {
    pub side: Side,
    /// The host its URLs name.
    pub host: String,
    pub certs: &'a Certs,
    pub config: &'a EmulatorConfig,
    /// The other node's REST URL, in a pair.
    pub peer_base_url: Option<String>,
}

/// The REST URL of a node: `https://<host>:<port>` (`http://` with plain HTTP).
pub(crate) fn base_url(config: &EmulatorConfig, host: &str, port: u16) -> String {
    let scheme = if config.plain_http { "http" } else { "https" };
    format!("{scheme}://{host}:{port}")
}

/// Starts serving a node's ports on a thread of its own.
pub(crate) fn start_node(
    shared: &Arc<Shared>,
    bound: Bound,
    setup: NodeSetup<'_>,
) -> io::Result<Node> {
    let NodeSetup {
        side,
        host,
        certs,
        config,
        peer_base_url,
    } = setup;
    let (scheme, ws_scheme) = if config.plain_http {
        ("http", "ws")
    } else {
        ("https", "wss")
    };
    let rest_port = bound.rest.local_addr()?.port();
    let base_url = base_url(config, &host, rest_port);
    let notification_url = format!(
        "{ws_scheme}://{host}:{}/ws",
        bound.notification.local_addr()?.port()
    );
    let urls = Arc::new(TransportUrls {
        websocket: format!("{ws_scheme}://{host}:{rest_port}/ws/"),
        bosh: format!(
            "{scheme}://{host}:{}/http-bind/",
            bound.bosh.local_addr()?.port()
        ),
        starttls: format!("xmpp://{host}:{}", bound.starttls.local_addr()?.port()),
        direct_tls: format!("xmpps://{host}:{}", bound.direct_tls.local_addr()?.port()),
    });
    let control_url = format!("http://{host}:{}", bound.control.local_addr()?.port());

    let runtime = runtime()?;
    let engine = Engine::new(Arc::clone(shared), side);
    let links = engine.links().clone();
    let listeners = {
        let _context = runtime.enter();
        [
            bound.rest,
            bound.notification,
            bound.bosh,
            bound.starttls,
            bound.direct_tls,
            bound.control,
        ]
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
    let tls = (!config.plain_http).then(|| TlsAcceptor::from(Arc::clone(&certs.server_config)));
    // XMPP over TCP always runs over TLS (Openfire on Finesse requires it), with no ALPN.
    let xmpp_tls = TlsAcceptor::from(Arc::clone(&certs.xmpp_config));
    let notification_tls = tls.clone();
    let rest_site = Site::rest(Arc::clone(&engine), links.clone());
    let bosh_site = Site::Bosh {
        engine: Arc::clone(&engine),
        bosh: Bosh::new(
            Arc::clone(&engine),
            links.clone(),
            config.bosh_inactivity,
            !config.plain_http,
        ),
    };
    let control_site = Site::Control {
        router: control_http::router(ControlState {
            engine: Arc::clone(&engine),
            ca_pem: Arc::from(certs.ca_pem.as_str()),
            base_url: Arc::from(base_url.as_str()),
            notification_url: Arc::from(notification_url.as_str()),
            transport_urls: Arc::clone(&urls),
            peer_base_url: peer_base_url.map(Arc::from),
        }),
    };
    let max_connections = engine.max_connections();
    let tcp_engine = Arc::clone(&engine);
    let notifications = xmpp::serve(
        notification,
        notification_tls,
        Arc::clone(&engine),
        links.clone(),
    );
    let name = format!("finesse-emulator-{}", side.as_str().to_ascii_lowercase());
    let worker = spawn_worker(&name, runtime, move || {
        tokio::spawn(server::serve(rest, tls.clone(), rest_site, max_connections));
        tokio::spawn(notifications);
        tokio::spawn(server::serve(bosh, tls, bosh_site, max_connections));
        tokio::spawn(xmpp::serve_tcp(
            starttls,
            TcpMode::StartTls,
            xmpp_tls.clone(),
            Arc::clone(&tcp_engine),
            links.clone(),
        ));
        tokio::spawn(xmpp::serve_tcp(
            direct_tls,
            TcpMode::DirectTls,
            xmpp_tls,
            tcp_engine,
            links,
        ));
        tokio::spawn(server::serve(control, None, control_site, max_connections));
    })?;
    Ok(Node {
        engine,
        base_url,
        control_url,
        notification_url,
        urls,
        worker,
    })
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

    #[test]
    fn the_nodes_of_a_pair_have_two_names_on_ipv4_loopback() {
        let (a, b) = node_hosts(IpAddr::V4(Ipv4Addr::LOCALHOST));
        assert_eq!((a.as_str(), b.as_str()), ("localhost", "127.0.0.1"));
        let (a, b) = node_hosts("192.0.2.7".parse().expect("address"));
        assert_eq!((a.as_str(), b.as_str()), ("192.0.2.7", "192.0.2.7"));
    }
}
