//! XMPP over WebSocket (RFC 7395): one complete XML document per text frame, the stream
//! opened and closed by `<open/>` and `<close/>` in the framing namespace, then the
//! WebSocket closing handshake. Served on the notification port and on the REST port
//! (`/ws/`, as Finesse 12.x).

use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::time::Instant;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::http::HeaderMap;
use tokio_tungstenite::tungstenite::http::header::SEC_WEBSOCKET_PROTOCOL;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::{Error as WsError, Message};

use super::connection::{Connection, End, Out, SIGN_IN_TIMEOUT, Step};
use super::frames;
use super::link::Link;
use super::sessions::Outbound;
use super::stanza;
use crate::engine::Engine;
use crate::limits::MAX_FRAME;

/// The WebSocket subprotocol of XMPP (RFC 7395 3.1).
pub(crate) const SUBPROTOCOL: &str = "xmpp";
/// A write that does not complete in this time ends the connection.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);
/// How long the server waits for the client's half of the closing handshake.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(2);

/// Whether a path is the WebSocket endpoint: `/ws/` as Cisco's EventTunnel and 12.5.1
/// sample ask for it, `/ws` as Openfire also serves it (reference 10.1).
pub(crate) fn is_endpoint(path: &str) -> bool {
    matches!(path, "/ws" | "/ws/")
}

/// Whether an upgrade request offers the `xmpp` subprotocol.
pub(crate) fn offers_xmpp(headers: &HeaderMap) -> bool {
    headers
        .get_all(SEC_WEBSOCKET_PROTOCOL)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|p| p.trim() == SUBPROTOCOL)
}

/// Frame and message size limits.
pub(crate) fn config() -> WebSocketConfig {
    WebSocketConfig::default()
        .max_message_size(Some(MAX_FRAME))
        .max_frame_size(Some(MAX_FRAME))
}

/// Serves one upgraded connection until it ends.
pub(crate) async fn run<S>(mut ws: WebSocketStream<S>, engine: Arc<Engine>, mut link: Link)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let (mut conn, mut inbox) = Connection::new(engine);
    let sign_in_deadline = Instant::now() + SIGN_IN_TIMEOUT;
    let end = loop {
        if !link.thawed().await {
            break End::Abrupt;
        }
        let bound = conn.is_bound();
        let step = tokio::select! {
            biased;
            () = link.interrupted() => continue,
            () = tokio::time::sleep_until(sign_in_deadline), if !bound => {
                Err(End::Error("connection-timeout"))
            }
            outbound = inbox.recv() => match outbound {
                Some(Outbound::Frame(frame)) => Ok(vec![Out::Frame(frame)]),
                Some(Outbound::End(condition)) => Err(End::Error(condition)),
                // Cut off by the registry: it could not keep up.
                None => Err(End::Abrupt),
            },
            incoming = ws.next() => receive(&mut conn, incoming),
        };
        match step {
            Ok(replies) => {
                if !write(&mut ws, replies).await {
                    break End::Abrupt;
                }
            }
            Err(end) => break end,
        }
    };
    // The session ends before the farewell, as the stream is over.
    drop(conn);
    finish(ws, end).await;
}

fn receive(conn: &mut Connection, incoming: Option<Result<Message, WsError>>) -> Step {
    match incoming {
        None => Err(End::Abrupt),
        Some(Err(WsError::Capacity(_))) => Err(End::Error("policy-violation")),
        Some(Err(WsError::Utf8(_))) => Err(End::Error("not-well-formed")),
        Some(Err(_)) => Err(End::Abrupt),
        Some(Ok(Message::Text(text))) => match stanza::parse(&text) {
            Err(refused) => Err(End::Error(refused.condition())),
            Ok(None) => Ok(Vec::new()),
            Ok(Some(element)) => conn.handle(element),
        },
        // XMPP over WebSocket is text only (RFC 7395 3.2).
        Some(Ok(Message::Binary(_))) => Err(End::Error("bad-format")),
        Some(Ok(Message::Close(_))) => Err(End::PeerClosed),
        // WebSocket pings are answered by the next flush.
        Some(Ok(_)) => Ok(Vec::new()),
    }
}

fn render(out: Out) -> String {
    match out {
        Out::Open(id) => frames::open(&id),
        Out::Frame(frame) => frame,
    }
}

/// Writes frames and flushes (which also sends pending pongs); false when the link failed.
async fn write<S>(ws: &mut WebSocketStream<S>, replies: Vec<Out>) -> bool
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let sending = async {
        for out in replies {
            ws.feed(Message::text(render(out))).await?;
        }
        ws.flush().await
    };
    matches!(
        tokio::time::timeout(WRITE_TIMEOUT, sending).await,
        Ok(Ok(()))
    )
}

/// Ends the connection the way `end` says, giving the client a moment to complete the
/// WebSocket closing handshake.
async fn finish<S>(mut ws: WebSocketStream<S>, end: End)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let farewell = match end {
        End::Abrupt => return,
        End::PeerClosed => {
            let _ = tokio::time::timeout(CLOSE_TIMEOUT, ws.flush()).await;
            return;
        }
        End::Orderly => vec![frames::close()],
        End::Error(condition) => vec![frames::stream_error(condition), frames::close()],
    };
    let closing = async {
        for frame in farewell {
            ws.feed(Message::text(frame)).await?;
        }
        ws.close(None).await?;
        // The client's close frame completes the handshake.
        while let Some(Ok(_)) = ws.next().await {}
        Ok::<(), WsError>(())
    };
    let _ = tokio::time::timeout(CLOSE_TIMEOUT, closing).await;
}
