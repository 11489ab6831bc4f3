//! The emulator's own notification port: TLS (the REST certificate) or plain TCP, the
//! WebSocket upgrade on `/ws/` or `/ws` with the `xmpp` subprotocol, then one task per
//! connection. It serves whatever the release, so tests written against it keep working;
//! the Finesse-shaped endpoint is `/ws/` on the REST port (see `upgrade`).

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_rustls::TlsAcceptor;
use tokio_tungstenite::accept_hdr_async_with_config;
use tokio_tungstenite::tungstenite::handshake::server::{
    Callback, ErrorResponse, Request, Response,
};
use tokio_tungstenite::tungstenite::http::header::SEC_WEBSOCKET_PROTOCOL;
use tokio_tungstenite::tungstenite::http::{HeaderValue, StatusCode};

use super::link::{Link, Links};
use super::websocket::{self, SUBPROTOCOL};
use crate::accept::accept;
use crate::engine::Engine;

/// Time allowed for the TLS handshake and for the WebSocket upgrade.
pub(crate) const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

pub(crate) async fn serve(
    listener: TcpListener,
    tls: Option<TlsAcceptor>,
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
        let engine = Arc::clone(&engine);
        let tls = tls.clone();
        let mut link = links.link();
        tokio::spawn(async move {
            let _permit = permit;
            // A frozen link carries nothing, not even handshakes.
            if !link.thawed().await {
                return;
            }
            match tls {
                Some(acceptor) => {
                    if let Ok(Ok(stream)) =
                        tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await
                    {
                        upgrade(stream, engine, link).await;
                    }
                }
                None => upgrade(stream, engine, link).await,
            }
        });
    }
}

async fn upgrade<S>(stream: S, engine: Arc<Engine>, link: Link)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let handshake = accept_hdr_async_with_config(stream, XmppUpgrade, Some(websocket::config()));
    if let Ok(Ok(ws)) = tokio::time::timeout(HANDSHAKE_TIMEOUT, handshake).await {
        websocket::run(ws, engine, link).await;
    }
}

fn refusal(status: StatusCode, reason: &str) -> ErrorResponse {
    let mut response = ErrorResponse::new(Some(reason.to_owned()));
    *response.status_mut() = status;
    response
}

/// Accepts upgrades on the endpoint that offer the `xmpp` subprotocol, and echoes it.
struct XmppUpgrade;

impl Callback for XmppUpgrade {
    fn on_request(
        self,
        request: &Request,
        mut response: Response,
    ) -> Result<Response, ErrorResponse> {
        if !websocket::is_endpoint(request.uri().path()) {
            return Err(refusal(StatusCode::NOT_FOUND, "no WebSocket endpoint here"));
        }
        if !websocket::offers_xmpp(request.headers()) {
            return Err(refusal(
                StatusCode::BAD_REQUEST,
                "the xmpp WebSocket subprotocol is required",
            ));
        }
        response.headers_mut().insert(
            SEC_WEBSOCKET_PROTOCOL,
            HeaderValue::from_static(SUBPROTOCOL),
        );
        Ok(response)
    }
}
