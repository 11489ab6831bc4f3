//! One XMPP stream, whatever carries it: SASL PLAIN, resource binding, presence, ping,
//! pub-sub requests and the standard answers. The transports (WebSocket, TCP, BOSH) turn
//! what arrives into [`Incoming`] elements, hand them here, and write what comes back;
//! only the stream's opening and closing are theirs to render. Whatever a client sends,
//! the stream ends with a stream error rather than a panic.

use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use tokio::sync::mpsc;
use uuid::Uuid;

use super::frames::{self, StanzaError};
use super::sessions::{OUTBOX_CAP, Outbound, bare_jid};
use super::stanza::{Incoming, IqKind, IqRequest};
use super::{DOMAIN, PUBSUB_DOMAIN, answers, presence, pubsub};
use crate::engine::Engine;

/// Time allowed from connecting to a bound session.
pub(crate) const SIGN_IN_TIMEOUT: Duration = Duration::from_secs(30);
/// Longest resource accepted (RFC 7622 3.4).
const MAX_RESOURCE: usize = 1023;

/// What the stream sends, in order.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Out {
    /// The server's side of a stream (re)opening, with its stream id; each transport
    /// renders it its own way.
    Open(String),
    /// One complete element.
    Frame(String),
}

/// How the stream ends.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum End {
    /// The client closed the stream: the server closes its side too.
    Orderly,
    /// A stream error with this condition, then the server closes its side.
    Error(&'static str),
    /// The client closed the transport: the server completes that closing.
    PeerClosed,
    /// The connection is dropped without a word.
    Abrupt,
}

/// What to send, or the end of the stream.
pub(crate) type Step = Result<Vec<Out>, End>;

/// Where the stream is in its negotiation.
enum Stage {
    /// Waiting for the first stream opening.
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

/// The negotiation and the stanzas of one stream. Dropping it ends its session.
pub(crate) struct Connection {
    engine: Arc<Engine>,
    stage: Stage,
    /// Handed to the session registry when the session is bound.
    outbox: Option<mpsc::Sender<Outbound>>,
}

/// Decodes a SASL payload; `=` stands for an empty one (RFC 6120 6.4.2).
fn decode_sasl(payload: &str) -> Option<String> {
    if payload == "=" {
        return Some(String::new());
    }
    String::from_utf8(STANDARD.decode(payload).ok()?).ok()
}

/// A fresh stream id.
pub(crate) fn stream_id() -> String {
    Uuid::new_v4().simple().to_string()
}

impl Connection {
    /// A stream waiting for its opening, and the queue of what the server sends it outside
    /// the answers to its own requests (events, presence, the end of the session).
    pub fn new(engine: Arc<Engine>) -> (Connection, mpsc::Receiver<Outbound>) {
        let (outbox, inbox) = mpsc::channel(OUTBOX_CAP);
        let connection = Connection {
            engine,
            stage: Stage::Opening,
            outbox: Some(outbox),
        };
        (connection, inbox)
    }

    /// Whether a session is bound (the sign-in deadline no longer applies).
    pub fn is_bound(&self) -> bool {
        matches!(self.stage, Stage::Bound { .. })
    }

    /// Handles one element from the client.
    pub fn handle(&mut self, element: Incoming) -> Step {
        match element {
            Incoming::Close => return Err(End::Orderly),
            Incoming::Unknown => return Err(End::Error("unsupported-stanza-type")),
            Incoming::OpenWithoutFraming => return Err(End::Error("invalid-namespace")),
            _ => {}
        }
        match (&self.stage, element) {
            (Stage::Opening | Stage::Authenticating, Incoming::Open) => {
                self.stage = Stage::Authenticating;
                Ok(vec![
                    Out::Open(stream_id()),
                    Out::Frame(frames::sasl_features()),
                ])
            }
            (Stage::Authenticating, Incoming::Auth { mechanism, payload }) => {
                Ok(vec![Out::Frame(self.authenticate(&mechanism, &payload))])
            }
            (Stage::Reopening { login_id } | Stage::Binding { login_id }, Incoming::Open) => {
                self.stage = Stage::Binding {
                    login_id: login_id.clone(),
                };
                Ok(vec![
                    Out::Open(stream_id()),
                    Out::Frame(frames::bind_features()),
                ])
            }
            (
                Stage::Binding { login_id },
                Incoming::Iq {
                    id,
                    kind: IqKind::Set,
                    request: IqRequest::Bind { resource },
                    ..
                },
            ) => {
                let login_id = login_id.clone();
                Ok(vec![Out::Frame(self.bind(login_id, &id, resource))])
            }
            (Stage::Bound { login_id, jid, .. }, iq @ Incoming::Iq { .. }) => {
                let reply = self.iq(login_id, jid, iq);
                Ok(reply.into_iter().map(Out::Frame).collect())
            }
            (Stage::Bound { session, .. }, Incoming::Presence(update)) => {
                let session = *session;
                let side = self.engine.side();
                let reply = self.engine.with_notifier(|w, n| {
                    presence::session_presence(side, w, &mut n.sessions, session, update)
                });
                Ok(reply.into_iter().map(Out::Frame).collect())
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
    fn iq(&self, login_id: &str, jid: &str, element: Incoming) -> Option<String> {
        let Incoming::Iq {
            id,
            to,
            kind,
            request,
        } = element
        else {
            return None;
        };
        let to = to.as_deref();
        let reply = match (kind, request) {
            (IqKind::Response, _) => return None,
            (IqKind::Set, IqRequest::Session) => frames::iq_result(&id, None, None),
            // Answered by the address pinged (XEP-0199 4.2: the server answers for itself;
            // a ping without `to` is for the user's account, answered without `from`).
            (IqKind::Get, IqRequest::Ping) => frames::iq_result(&id, to, Some(jid)),
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
                    Ok(()) => frames::subscribed(&id, jid, &node, &subscriber),
                    Err(e) => frames::iq_error(&id, Some(PUBSUB_DOMAIN), Some(jid), e),
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
                    Ok(()) => frames::iq_result(&id, Some(PUBSUB_DOMAIN), Some(jid)),
                    Err(e) => frames::iq_error(&id, Some(PUBSUB_DOMAIN), Some(jid), e),
                }
            }
            (IqKind::Get, request) => self.engine.with_notifier(|w, n| {
                answers::get(w, &n.sessions, login_id, jid, &id, to, request)
            }),
            (IqKind::Invalid, _) => {
                frames::iq_error(&id, None, Some(jid), StanzaError::bad_request())
            }
            // An unknown iq set (RFC 6120 8.4).
            (IqKind::Set, _) => {
                frames::iq_error(&id, to, Some(jid), StanzaError::service_unavailable())
            }
        };
        Some(reply)
    }
}

impl Drop for Connection {
    /// The stream is gone: its session's presence goes with it.
    fn drop(&mut self) {
        if let Stage::Bound { session, .. } = self.stage {
            let side = self.engine.side();
            self.engine
                .with_notifier(|w, n| presence::session_ended(side, w, &mut n.sessions, session));
        }
    }
}
