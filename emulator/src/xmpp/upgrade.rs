//! XMPP over WebSocket on the REST port, as Finesse 12.x serves it: `wss://<host:port>/ws/`
//! (and `/ws`), subprotocol `xmpp` (reference 10.1: Cisco's EventTunnel and 12.5.1 Strophe
//! sample; Openfire's `HttpBindManager`). The HTTP/1.1 upgrade (RFC 6455 4.2) is answered
//! here; the connection then runs as on the notification port.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderValue, Request, Response, StatusCode, header};
use hyper_util::rt::TokioIo;
use tokio::sync::Semaphore;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;
use tokio_tungstenite::tungstenite::protocol::Role;

use super::link::Links;
use super::websocket::{self, SUBPROTOCOL};
use crate::engine::Engine;

/// The endpoint's share of the server: the engine, the fault switches, and a bound on the
/// connections it serves at once.
#[derive(Clone)]
pub(crate) struct RestWebSocket {
    engine: Arc<Engine>,
    links: Links,
    permits: Arc<Semaphore>,
}

fn refusal(status: StatusCode, reason: &'static str) -> Response<Body> {
    let mut response = Response::new(Body::from(reason));
    *response.status_mut() = status;
    response
}

fn has_token(
    request: &Request<hyper::body::Incoming>,
    name: header::HeaderName,
    token: &str,
) -> bool {
    request
        .headers()
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| t.trim().eq_ignore_ascii_case(token))
}

impl RestWebSocket {
    pub fn new(engine: Arc<Engine>, links: Links) -> RestWebSocket {
        RestWebSocket {
            permits: Arc::new(Semaphore::new(engine.max_connections())),
            engine,
            links,
        }
    }

    /// Whether the request is for this endpoint while the release offers it; other
    /// requests go to the REST resources.
    pub fn wants(&self, request: &Request<hyper::body::Incoming>) -> bool {
        websocket::is_endpoint(request.uri().path())
            && self
                .engine
                .with_world(|w| crate::transports::Transports::of(w.release).websocket)
    }

    /// Answers the upgrade and serves the connection that follows on a task of its own.
    pub fn upgrade(&self, mut request: Request<hyper::body::Incoming>) -> Response<Body> {
        let upgrade = has_token(&request, header::UPGRADE, "websocket")
            && has_token(&request, header::CONNECTION, "upgrade")
            && request.headers().get(header::SEC_WEBSOCKET_VERSION)
                == Some(&HeaderValue::from_static("13"));
        let Some(key) = request.headers().get(header::SEC_WEBSOCKET_KEY).cloned() else {
            return refusal(StatusCode::BAD_REQUEST, "a WebSocket upgrade is required");
        };
        if !upgrade || request.method() != axum::http::Method::GET {
            return refusal(StatusCode::BAD_REQUEST, "a WebSocket upgrade is required");
        }
        if !websocket::offers_xmpp(request.headers()) {
            return refusal(
                StatusCode::BAD_REQUEST,
                "the xmpp WebSocket subprotocol is required",
            );
        }
        // The notification service behind the REST port is down.
        if self.engine.refuses_notifications() {
            return refusal(
                StatusCode::SERVICE_UNAVAILABLE,
                "the notification service is down",
            );
        }
        let Ok(permit) = Arc::clone(&self.permits).try_acquire_owned() else {
            return refusal(StatusCode::SERVICE_UNAVAILABLE, "too many connections");
        };
        let upgraded = hyper::upgrade::on(&mut request);
        let engine = Arc::clone(&self.engine);
        let mut link = self.links.link();
        tokio::spawn(async move {
            let _permit = permit;
            let Ok(upgraded) = upgraded.await else {
                return;
            };
            let io = TokioIo::new(upgraded);
            let ws =
                WebSocketStream::from_raw_socket(io, Role::Server, Some(websocket::config())).await;
            if link.thawed().await {
                websocket::run(ws, engine, link).await;
            }
        });
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::SWITCHING_PROTOCOLS;
        let headers = response.headers_mut();
        headers.insert(header::UPGRADE, HeaderValue::from_static("websocket"));
        headers.insert(header::CONNECTION, HeaderValue::from_static("Upgrade"));
        if let Ok(accept) = HeaderValue::from_str(&derive_accept_key(key.as_bytes())) {
            headers.insert(header::SEC_WEBSOCKET_ACCEPT, accept);
        }
        headers.insert(
            header::SEC_WEBSOCKET_PROTOCOL,
            HeaderValue::from_static(SUBPROTOCOL),
        );
        response
    }
}
