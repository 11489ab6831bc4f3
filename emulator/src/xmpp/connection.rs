//! One notification connection: the RFC 7395 stream, SASL PLAIN, resource binding,
//! presence, ping and pub-sub requests, and the delivery of routed events. Whatever a
//! client sends, the connection ends with a stream error rather than a panic.

use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use futures_util::{SinkExt, StreamExt};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::mpsc;
use tokio::time::Instant;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::{Error as WsError, Message};
use uuid::Uuid;

use super::frames::{self, StanzaError};
use super::link::Link;
use super::sessions::{OUTBOX_CAP, Outbound, bare_jid};
use super::stanza::{self, Incoming, IqKind, IqRequest};
use super::{DOMAIN, PUBSUB_DOMAIN, presence, pubsub};
use crate::engine::Engine;

/// Time allowed from connecting to a bound session.
const SIGN_IN_TIMEOUT: Duration = Duration::from_secs(30);
/// A write that does not complete in this time ends the connection.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);
/// How long the server waits for the client's half of the closing handshake.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(2);
/// Longest resource accepted (RFC 7622 3.4).
const MAX_RESOURCE: usize = 1023;

/// Where the stream is in its negotiation.
enum Stage {
    /// Waiting for the first `<open/>`.
    Opening,
    /// SASL offered.
    Authenticating,
    /// Authenticated; the client is to open the stream again.
    Reopening { login_id: String },
    /// Binding offered.
    Binding { login_id: String },
    /// A bound session.
    Bound {
        session: u64,
        login_id: String,
        jid: String,
    },
}

/// How the connection ends.
enum End {
    /// The client closed the stream: `<close/>` back, then the WebSocket closing handshake.
    Orderly,
    /// A stream error, `<close/>`, then the WebSocket closing handshake.
    Error(&'static str),
    /// The client closed the WebSocket: the server completes the handshake.
    PeerClosed,
    /// The TCP connection is dropped without a word.
    Abrupt,
}

/// Frames to write, or the end of the connection.
type Step = Result<Vec<String>, End>;

struct Connection {
    engine: Arc<Engine>,
    stage: Stage,
    /// Handed to the session registry when the session is bound.
    outbox: Option<mpsc::Sender<Outbound>>,
}

/// Serves one upgraded connection until it ends.
pub(crate) async fn run<S>(mut ws: WebSocketStream<S>, engine: Arc<Engine>, mut link: Link)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let (outbox, mut inbox) = mpsc::channel(OUTBOX_CAP);
    let mut conn = Connection {
        engine,
        stage: Stage::Opening,
        outbox: Some(outbox),
    };
    let sign_in_deadline = Instant::now() + SIGN_IN_TIMEOUT;
    let end = loop {
        if !link.thawed().await {
            break End::Abrupt;
        }
        let bound = conn.session().is_some();
        let step = tokio::select! {
            biased;
            () = link.interrupted() => continue,
            () = tokio::time::sleep_until(sign_in_deadline), if !bound => {
                Err(End::Error("connection-timeout"))
            }
            outbound = inbox.recv() => match outbound {
                Some(Outbound::Frame(frame)) => Ok(vec![frame]),
                Some(Outbound::End(condition)) => Err(End::Error(condition)),
                // Cut off by the registry: it could not keep up.
                None => Err(End::Abrupt),
            },
            incoming = ws.next() => conn.receive(incoming),
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
    if let Some(session) = conn.session() {
        conn.engine
            .with_notifier(|w, n| presence::session_ended(w, &mut n.sessions, session));
    }
    finish(ws, end).await;
}

/// Writes frames and flushes (which also sends pending pongs); false when the link failed.
async fn write<S>(ws: &mut WebSocketStream<S>, replies: Vec<String>) -> bool
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let sending = async {
        for frame in replies {
            ws.feed(Message::text(frame)).await?;
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

/// Decodes a SASL payload; `=` stands for an empty one (RFC 6120 6.4.2).
fn decode_sasl(payload: &str) -> Option<String> {
    if payload == "=" {
        return Some(String::new());
    }
    String::from_utf8(STANDARD.decode(payload).ok()?).ok()
}

fn stream_id() -> String {
    Uuid::new_v4().simple().to_string()
}

impl Connection {
    fn session(&self) -> Option<u64> {
        match self.stage {
            Stage::Bound { session, .. } => Some(session),
            _ => None,
        }
    }

    fn receive(&mut self, incoming: Option<Result<Message, WsError>>) -> Step {
        match incoming {
            None => Err(End::Abrupt),
            Some(Err(WsError::Capacity(_))) => Err(End::Error("policy-violation")),
            Some(Err(WsError::Utf8(_))) => Err(End::Error("not-well-formed")),
            Some(Err(_)) => Err(End::Abrupt),
            Some(Ok(Message::Text(text))) => match stanza::parse(&text) {
                Err(_) => Err(End::Error("not-well-formed")),
                Ok(None) => Ok(Vec::new()),
                Ok(Some(element)) => self.handle(element),
            },
            // XMPP over WebSocket is text only (RFC 7395 3.2).
            Some(Ok(Message::Binary(_))) => Err(End::Error("bad-format")),
            Some(Ok(Message::Close(_))) => Err(End::PeerClosed),
            // WebSocket pings are answered by the next flush.
            Some(Ok(_)) => Ok(Vec::new()),
        }
    }

    fn handle(&mut self, element: Incoming) -> Step {
        match element {
            Incoming::Close => return Err(End::Orderly),
            Incoming::Unknown => return Err(End::Error("unsupported-stanza-type")),
            Incoming::Open { framing: false } => return Err(End::Error("invalid-namespace")),
            _ => {}
        }
        match (&self.stage, element) {
            (Stage::Opening | Stage::Authenticating, Incoming::Open { .. }) => {
                self.stage = Stage::Authenticating;
                Ok(vec![frames::open(&stream_id()), frames::sasl_features()])
            }
            (Stage::Authenticating, Incoming::Auth { mechanism, payload }) => {
                Ok(vec![self.authenticate(&mechanism, &payload)])
            }
            (
                Stage::Reopening { login_id } | Stage::Binding { login_id },
                Incoming::Open { .. },
            ) => {
                self.stage = Stage::Binding {
                    login_id: login_id.clone(),
                };
                Ok(vec![frames::open(&stream_id()), frames::bind_features()])
            }
            (
                Stage::Binding { login_id },
                Incoming::Iq {
                    id,
                    kind: IqKind::Set,
                    request: IqRequest::Bind { resource },
                },
            ) => {
                let login_id = login_id.clone();
                Ok(vec![self.bind(login_id, &id, resource)])
            }
            (Stage::Bound { login_id, jid, .. }, Incoming::Iq { id, kind, request }) => Ok(self
                .iq(login_id, jid, &id, kind, request)
                .into_iter()
                .collect()),
            (Stage::Bound { session, .. }, Incoming::Presence(update)) => {
                let session = *session;
                let reply = self.engine.with_notifier(|w, n| {
                    presence::session_presence(w, &mut n.sessions, session, update)
                });
                Ok(reply.into_iter().collect())
            }
            (Stage::Bound { .. }, Incoming::Ignored) => Ok(Vec::new()),
            (Stage::Bound { .. }, _) => Err(End::Error("unsupported-stanza-type")),
            // Stanzas before the session is bound.
            _ => Err(End::Error("not-authorized")),
        }
    }

    /// SASL PLAIN: `authzid \0 authcid \0 password-or-token`.
    fn authenticate(&mut self, mechanism: &str, payload: &str) -> String {
        if mechanism != "PLAIN" {
            return frames::sasl_failure("invalid-mechanism");
        }
        let Some(decoded) = decode_sasl(payload) else {
            return frames::sasl_failure("incorrect-encoding");
        };
        let mut parts = decoded.split('\0');
        let (Some(authzid), Some(authcid), Some(secret), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return frames::sasl_failure("malformed-request");
        };
        let domain_suffix = format!("@{DOMAIN}");
        let user = authcid.strip_suffix(&domain_suffix).unwrap_or(authcid);
        if !authzid.is_empty() && authzid != user && authzid != bare_jid(user) {
            return frames::sasl_failure("invalid-authzid");
        }
        match self
            .engine
            .with_world(|w| w.authenticate_xmpp(user, secret))
        {
            Some(login_id) => {
                self.stage = Stage::Reopening { login_id };
                frames::sasl_success()
            }
            None => frames::sasl_failure("not-authorized"),
        }
    }

    fn bind(&mut self, login_id: String, id: &str, resource: Option<String>) -> String {
        if resource.as_ref().is_some_and(|r| r.len() > MAX_RESOURCE) {
            return frames::iq_error(id, None, None, StanzaError::bad_request());
        }
        let Some(outbox) = self.outbox.take() else {
            return frames::iq_error(id, None, None, StanzaError::bad_request());
        };
        let (session, resource) = self
            .engine
            .with_notifier(|_, n| n.sessions.bind(&login_id, resource, outbox));
        let jid = format!("{}/{resource}", bare_jid(&login_id));
        let reply = frames::bind_result(id, &jid);
        self.stage = Stage::Bound {
            session,
            login_id,
            jid,
        };
        reply
    }

    /// An iq of a bound session; responses from the client get no answer.
    fn iq(
        &self,
        login_id: &str,
        jid: &str,
        id: &str,
        kind: IqKind,
        request: IqRequest,
    ) -> Option<String> {
        let reply = match (kind, request) {
            (IqKind::Response, _) => return None,
            (IqKind::Set, IqRequest::Session) => frames::iq_result(id, None, None),
            (IqKind::Get, IqRequest::Ping) => frames::iq_result(id, Some(DOMAIN), Some(jid)),
            (
                IqKind::Set,
                IqRequest::Subscribe {
                    node,
                    jid: subscriber,
                },
            ) => {
                let outcome = self.engine.with_notifier(|w, n| {
                    pubsub::subscribe(w, &mut n.sessions, login_id, &node, &subscriber)
                });
                match outcome {
                    Ok(()) => frames::subscribed(id, jid, &node, &subscriber),
                    Err(e) => frames::iq_error(id, Some(PUBSUB_DOMAIN), Some(jid), e),
                }
            }
            (
                IqKind::Set,
                IqRequest::Unsubscribe {
                    node,
                    jid: subscriber,
                },
            ) => {
                let outcome = self.engine.with_notifier(|w, n| {
                    pubsub::unsubscribe(w, &mut n.sessions, login_id, &node, &subscriber)
                });
                match outcome {
                    Ok(()) => frames::iq_result(id, Some(PUBSUB_DOMAIN), Some(jid)),
                    Err(e) => frames::iq_error(id, Some(PUBSUB_DOMAIN), Some(jid), e),
                }
            }
            (IqKind::Invalid, _) => {
                frames::iq_error(id, None, Some(jid), StanzaError::bad_request())
            }
            _ => frames::iq_error(id, None, Some(jid), StanzaError::service_unavailable()),
        };
        Some(reply)
    }
}
