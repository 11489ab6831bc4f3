//! The XMPP-over-TCP ports: one with STARTTLS (5222 on Finesse), one with direct TLS
//! (5223), both with the REST certificate. A port whose transport the release does not
//! offer closes each connection at once.

use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_rustls::TlsAcceptor;

use super::link::Links;
use super::listener::HANDSHAKE_TIMEOUT;
use super::tcp;
use crate::accept::accept;
use crate::engine::Engine;
use crate::transports::Transports;

/// How a TCP port starts its streams.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TcpMode {
    /// Plain TCP, TLS negotiated with STARTTLS.
    StartTls,
    /// TLS from the first byte (XEP-0368).
    DirectTls,
}

impl TcpMode {
    fn offered(self, transports: Transports) -> bool {
        match self {
            TcpMode::StartTls => transports.starttls,
            TcpMode::DirectTls => transports.direct_tls,
        }
    }
}

pub(crate) async fn serve_tcp(
    listener: TcpListener,
    mode: TcpMode,
    tls: TlsAcceptor,
    engine: Arc<Engine>,
    links: Links,
) {
    let permits = Arc::new(Semaphore::new(engine.max_connections()));
    loop {
        let Some((stream, permit)) = accept(&listener, &permits).await else {
            return;
        };
        // A node or notification service that is down closes new connections at once.
        if engine.refuses_notifications() {
            drop(stream);
            continue;
        }
        if !mode.offered(engine.with_world(|w| Transports::of(w.release))) {
            continue;
        }
        let engine = Arc::clone(&engine);
        let tls = tls.clone();
        let mut link = links.link();
        tokio::spawn(async move {
            let _permit = permit;
            // A frozen link carries nothing, not even handshakes.
            if !link.thawed().await {
                return;
            }
            match mode {
                TcpMode::StartTls => tcp::run_starttls(stream, tls, engine, link).await,
                TcpMode::DirectTls => {
                    if let Ok(Ok(stream)) =
                        tokio::time::timeout(HANDSHAKE_TIMEOUT, tls.accept(stream)).await
                    {
                        tcp::run(stream, engine, link).await;
                    }
                }
            }
        });
    }
}
