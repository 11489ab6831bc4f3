//! The notification port: TLS (the REST certificate) or plain TCP, the WebSocket upgrade
//! on `/ws` with the `xmpp` subprotocol, then one task per connection.

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
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

use super::connection;
use super::link::{Link, Links};
use crate::engine::Engine;

/// The WebSocket path, as on Finesse 12.x.
const PATH: &str = "/ws";
/// The WebSocket subprotocol of XMPP (RFC 7395 3.1).
const SUBPROTOCOL: &str = "xmpp";
/// Largest frame or message accepted from a client.
const MAX_FRAME: usize = 64 * 1024;
/// Connections served at once; further clients wait in the listen backlog.
const MAX_CONNECTIONS: usize = 256;
/// Time allowed for the TLS handshake and for the WebSocket upgrade.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

pub(crate) async fn serve(
    listener: TcpListener,
    tls: Option<TlsAcceptor>,
    engine: Arc<Engine>,
    links: Links,
) {
    let permits = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok(permit) = Arc::clone(&permits).acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of descriptors or a reset before accept: try again shortly.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
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
    let config = WebSocketConfig::default()
        .max_message_size(Some(MAX_FRAME))
        .max_frame_size(Some(MAX_FRAME));
    let handshake = accept_hdr_async_with_config(stream, XmppUpgrade, Some(config));
    if let Ok(Ok(ws)) = tokio::time::timeout(HANDSHAKE_TIMEOUT, handshake).await {
        connection::run(ws, engine, link).await;
    }
}

fn refusal(status: StatusCode, reason: &str) -> ErrorResponse {
    let mut response = ErrorResponse::new(Some(reason.to_owned()));
    *response.status_mut() = status;
    response
}

/// Accepts upgrades on `/ws` that offer the `xmpp` subprotocol, and echoes it.
struct XmppUpgrade;

impl Callback for XmppUpgrade {
    fn on_request(
        self,
        request: &Request,
        mut response: Response,
    ) -> Result<Response, ErrorResponse> {
        if request.uri().path() != PATH {
            return Err(refusal(StatusCode::NOT_FOUND, "no WebSocket endpoint here"));
        }
        let offers_xmpp = request
            .headers()
            .get_all(SEC_WEBSOCKET_PROTOCOL)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|p| p.trim() == SUBPROTOCOL);
        if !offers_xmpp {
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
