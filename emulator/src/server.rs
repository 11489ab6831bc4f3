//! Serving connections: TLS or plain, HTTP/1.1, one task per connection. Each REST
//! request passes through out-of-service, latency and connection-cut handling here, so
//! a specific connection can be dropped after its request was processed, and is recorded
//! in the request log with its answer. Heads and bodies are bounded (`limits`): too many or
//! too long header lines are answered 431, a body too large 413, and a connection the server
//! ends while its client may still be sending closes lingering, so the answer arrives.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::TcpListener;
use tokio::sync::{Notify, Semaphore, oneshot};
use tokio_rustls::TlsAcceptor;
use tower::ServiceExt;

use crate::accept::accept;
use crate::engine::Engine;
use crate::errors::ApiError;
use crate::limits::{
    LINGER_BYTES, LINGER_TIME, MAX_BODY, MAX_HEADER_BYTES, MAX_HEADERS, MAX_HTTP_BUFFER,
};
use crate::request_log::{self, Received};
use crate::routes;
use crate::xmpp::{Bosh, Links, RestWebSocket};

const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);
const HEADER_TIMEOUT: Duration = Duration::from_secs(30);
const BODY_TIMEOUT: Duration = Duration::from_secs(30);

/// What a listener serves: the Finesse REST API (with XMPP over WebSocket at `/ws/`), or
/// the control API.
#[derive(Clone)]
pub(crate) enum Site {
    Rest {
        engine: Arc<Engine>,
        router: Router,
        websocket: RestWebSocket,
    },
    Control {
        router: Router,
    },
    /// BOSH at `/http-bind/`.
    Bosh {
        engine: Arc<Engine>,
        bosh: Bosh,
    },
}

impl Site {
    pub fn rest(engine: Arc<Engine>, links: Links) -> Site {
        Site::Rest {
            router: routes::router(Arc::clone(&engine)),
            websocket: RestWebSocket::new(Arc::clone(&engine), links),
            engine,
        }
    }

    /// Whether the site's node turns connections away now (a node or service down, see
    /// `NodeHealth`); the control API never does.
    fn refuses(&self) -> bool {
        match self {
            Site::Rest { engine, .. } => engine.refuses_rest(),
            Site::Bosh { engine, .. } => engine.refuses_notifications(),
            Site::Control { .. } => false,
        }
    }
}

pub(crate) async fn serve(
    listener: TcpListener,
    tls: Option<TlsAcceptor>,
    site: Site,
    max_connections: usize,
) {
    let permits = Arc::new(Semaphore::new(max_connections));
    loop {
        let Some((stream, permit)) = accept(&listener, &permits).await else {
            return;
        };
        // A node that is down closes new connections at once.
        if site.refuses() {
            drop(stream);
            continue;
        }
        let site = site.clone();
        let tls = tls.clone();
        tokio::spawn(async move {
            let _permit = permit;
            match tls {
                Some(acceptor) => {
                    if let Ok(Ok(stream)) =
                        tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await
                    {
                        serve_connection(stream, site).await;
                    }
                }
                None => serve_connection(stream, site).await,
            }
        });
    }
}

async fn serve_connection<S>(stream: S, site: Site)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let cut = Arc::new(Notify::new());
    let cut_for_requests = Arc::clone(&cut);
    let service = hyper::service::service_fn(move |request: Request<Incoming>| {
        let site = site.clone();
        let cut = Arc::clone(&cut_for_requests);
        async move { Ok::<_, Infallible>(handle(site, cut, request).await) }
    });
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .max_headers(MAX_HEADERS)
        .max_header_size(MAX_HEADER_BYTES)
        .max_buf_size(MAX_HTTP_BUFFER);
    let (stream, mut returned) = Returned::new(stream);
    let connection = builder
        .serve_connection(TokioIo::new(stream), service)
        .with_upgrades();
    // Dropping the connection closes the socket without writing anything more.
    let cut_off = tokio::select! {
        _ = connection => false,
        _ = cut.notified() => true,
    };
    // The stream comes back unless an upgrade took it or the connection was cut.
    if let (false, Ok(stream)) = (cut_off, returned.try_recv()) {
        linger(stream).await;
    }
}

/// A lingering close: the server's side is shut, then what the client still sends is read
/// and discarded until it closes too, or for `LINGER_TIME` and `LINGER_BYTES` at most.
/// Closing with unread bytes would reset the connection, and a client still writing its
/// request (a body too large, headers too many) would lose the answer already sent.
async fn linger<S>(mut stream: S)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let draining = async {
        let _ = stream.shutdown().await;
        let mut discarded = 0;
        let mut chunk = vec![0u8; 16 * 1024];
        while discarded < LINGER_BYTES {
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => discarded += n,
            }
        }
    };
    let _ = tokio::time::timeout(LINGER_TIME, draining).await;
}

/// A connection's stream, handed back through a channel when hyper drops it, so that the
/// server can close it lingering; an upgrade keeps it (the channel is gone by then).
struct Returned<S> {
    inner: Option<S>,
    back: Option<oneshot::Sender<S>>,
}

impl<S> Returned<S> {
    fn new(stream: S) -> (Returned<S>, oneshot::Receiver<S>) {
        let (back, returned) = oneshot::channel();
        let stream = Returned {
            inner: Some(stream),
            back: Some(back),
        };
        (stream, returned)
    }

    fn inner(&mut self) -> Pin<&mut S>
    where
        S: Unpin,
    {
        match self.inner.as_mut() {
            Some(inner) => Pin::new(inner),
            // Only `drop` takes the stream.
            None => unreachable!("the stream is there until dropped"),
        }
    }
}

impl<S> Drop for Returned<S> {
    fn drop(&mut self) {
        if let (Some(stream), Some(back)) = (self.inner.take(), self.back.take()) {
            let _ = back.send(stream);
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Returned<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        self.get_mut().inner().poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Returned<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        self.get_mut().inner().poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        self.get_mut().inner().poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.as_ref().is_some_and(S::is_write_vectored)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        self.get_mut().inner().poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        self.get_mut().inner().poll_shutdown(cx)
    }
}

fn body_error(site: &Site, status: StatusCode, error: ApiError) -> Response<Body> {
    match site {
        Site::Rest { .. } => routes::error_response(&error),
        // A terminal binding condition, as for any body BOSH cannot take (XEP-0124 17.2).
        Site::Bosh { .. } => Bosh::refuse(status == StatusCode::PAYLOAD_TOO_LARGE),
        Site::Control { .. } => {
            let mut response =
                Response::new(Body::from(format!("{{\"error\":\"{}\"}}", error.message)));
            *response.status_mut() = status;
            response
        }
    }
}

async fn handle(site: Site, cut: Arc<Notify>, request: Request<Incoming>) -> Response<Body> {
    // Connections kept alive from before a node went down die with it.
    if site.refuses() {
        cut.notify_one();
        return std::future::pending().await;
    }
    if let Site::Rest { websocket, .. } = &site
        && websocket.wants(&request)
    {
        return websocket.upgrade(request);
    }
    let (parts, body) = request.into_parts();
    let collected =
        tokio::time::timeout(BODY_TIMEOUT, Limited::new(body, MAX_BODY).collect()).await;
    let bytes = match collected {
        Ok(Ok(c)) => c.to_bytes(),
        Ok(Err(e)) if e.downcast_ref::<LengthLimitError>().is_some() => {
            return body_error(&site, StatusCode::PAYLOAD_TOO_LARGE, ApiError::too_large());
        }
        _ => {
            return body_error(
                &site,
                StatusCode::BAD_REQUEST,
                ApiError::bad_request("incomplete body"),
            );
        }
    };
    let (engine, router) = match &site {
        Site::Rest { engine, router, .. } => (engine, router),
        Site::Control { router } => {
            return call(
                router.clone(),
                Request::from_parts(parts, Body::from(bytes)),
            )
            .await;
        }
        Site::Bosh { bosh, .. } => {
            return match bosh.handle(&parts.method, parts.uri.path(), &bytes).await {
                Some(response) => response,
                // The session was cut off: so is its connection.
                None => {
                    cut.notify_one();
                    std::future::pending().await
                }
            };
        }
    };
    let method = parts.method.as_str().to_owned();
    let path = parts.uri.path().to_owned();
    let query = parts.uri.query().unwrap_or_default().to_owned();
    let request_id = parts
        .headers
        .get("requestId")
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    let request = Request::from_parts(parts, Body::from(bytes.clone()));
    let node = engine.side().index();
    let (health, latency, cut_now) = engine.with_world(|w| {
        let matches = w.cut[node].as_ref().is_some_and(|rule| {
            rule.method.eq_ignore_ascii_case(&method) && path.starts_with(&rule.path_prefix)
        });
        let cut_now = matches && w.cut[node].take().is_some();
        (w.nodes[node], w.latency[node], cut_now)
    });
    // Tomcat down: nothing of the web application answers (DEVNET "Failure Scenarios").
    // Out of service: 503 for everything but SystemInfo (reference 7.2).
    let unavailable =
        health.web_app_down || (!health.in_service() && path != "/finesse/api/SystemInfo");
    let (response, user) = if unavailable {
        (routes::error_response(&ApiError::out_of_service()), None)
    } else {
        request_log::observe_user(call(router.clone(), request)).await
    };
    let received = Received {
        method: &method,
        path: &path,
        query: &query,
        request_id: request_id.as_deref(),
        body: &bytes,
    };
    engine.with_requests(|log| log.record(&received, response.status().as_u16(), user));
    if cut_now {
        // The request's outcome is applied before the connection goes away.
        engine.flush().await;
        cut.notify_one();
        return std::future::pending().await;
    }
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    response
}

async fn call(router: Router, request: Request<Body>) -> Response<Body> {
    match router.oneshot(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    }
}
