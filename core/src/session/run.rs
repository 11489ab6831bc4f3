//! The session thread: reads frames, pings, answers requests from the application, and
//! reconnects when the link is lost.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use super::link::refusal;
use super::{Connection, Control, Shared, Target};
use crate::error::{Error, ErrorKind};
use crate::events::{ConnectionState, Event};
use crate::limits::DecodeLimits;
use crate::xmpp::{self, Condition, Frame};

/// What the thread needs besides the first connection.
pub(crate) struct Context {
    pub(crate) target: Target,
    pub(crate) pubsub_domain: String,
    pub(crate) ping_interval: Duration,
    pub(crate) ping_timeout: Duration,
    pub(crate) max_missed_pings: u32,
    /// The nodes subscribed to explicitly, as the server confirmed them.
    pub(crate) subscriptions: Vec<String>,
    pub(crate) limits: DecodeLimits,
    /// Set while the REST API rejects the client's credentials: reconnecting with them could
    /// lock the account.
    pub(crate) credentials_rejected: Arc<AtomicBool>,
}

/// Most elements read in a row before requests and pings are looked at.
const DRAIN_BATCH: usize = 64;

/// Longest pause between reconnection attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// How a connection ended.
enum End {
    /// The application closed the session.
    Closed,
    /// The link was lost: reconnect.
    Lost(String),
    /// The server ended the session for good: do not reconnect.
    Failed(Error),
}

pub(crate) fn run(
    shared: Arc<Shared>,
    control: mpsc::Receiver<Control>,
    first: Connection,
    mut context: Context,
) {
    let mut connection = Some(first);
    // The first connection was announced by whoever opened it, before this thread started.
    let mut announced = true;
    let mut backoff = Duration::from_secs(1);
    loop {
        if let Some(conn) = connection.take() {
            backoff = Duration::from_secs(1);
            if !std::mem::take(&mut announced) {
                shared.publish(Event::Connection(ConnectionState::Connected {
                    node: context.target.url.clone(),
                }));
            }
            match serve(&shared, &control, conn, &mut context) {
                End::Closed => break,
                End::Lost(reason) => {
                    shared.publish(Event::Connection(ConnectionState::Disconnected { reason }))
                }
                End::Failed(error) => return fail(&shared, &error),
            }
        }
        // Wait before the next attempt, unless the application closes the session.
        match control.recv_timeout(backoff) {
            Ok(Control::Close) | Err(RecvTimeoutError::Disconnected) => break,
            Ok(Control::Subscribe(_, reply) | Control::Unsubscribe(_, reply)) => {
                let _ = reply.send(Err(not_connected()));
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        if context.credentials_rejected.load(Ordering::Relaxed) {
            let condition = Condition {
                name: "not-authorized".to_owned(),
                text: Some("the REST API rejected the credentials".to_owned()),
            };
            return fail(
                &shared,
                &refusal(&context.target.url, "sign-in", condition, None),
            );
        }
        match Connection::open(&context.target) {
            Ok(conn) => connection = Some(conn),
            // Retrying rejected credentials could lock the account; a resource another
            // session holds would be taken back and forth without end.
            Err(e) if is_final(&e) => return fail(&shared, &e),
            Err(e) => {
                backoff = (backoff * 2).min(MAX_BACKOFF);
                log::warn!(
                    "reconnecting to {} failed, next attempt in {backoff:?}: {}",
                    context.target.url,
                    e.to_string_with_causes()
                );
            }
        }
    }
    shared.publish(Event::Connection(ConnectionState::Closed));
    shared.mark_closed();
}

/// Whether `e` ends the session rather than calling for another attempt.
fn is_final(e: &Error) -> bool {
    match e {
        Error::Refused(refusal) => refusal.is_authentication() || refusal.condition == "conflict",
        _ => e.kind() == ErrorKind::Authentication,
    }
}

/// Ends the session for good, saying why.
fn fail(shared: &Shared, error: &Error) {
    let condition = match error {
        Error::Refused(refusal) => refusal.condition.clone(),
        _ => "not-authorized".to_owned(),
    };
    shared.publish(Event::Connection(ConnectionState::Failed {
        reason: error.to_string(),
        condition,
    }));
    shared.mark_closed();
}

/// A request to the server waiting for its answer.
struct Pending {
    node: String,
    subscribe: bool,
    reply: mpsc::Sender<Result<(), Error>>,
}

/// Serves one connection until it is lost or the session is closed.
fn serve(
    shared: &Shared,
    control: &mpsc::Receiver<Control>,
    mut conn: Connection,
    context: &mut Context,
) -> End {
    // Explicit subscriptions are made with the full JID, as Cisco asks (with the bare JID they
    // reach every session of the user and outlive this one). They persist on the node that
    // took them, across reconnections (DEVNET subscription-persistence): not sent again here.
    let jid = conn.jid.clone();
    let url = context.target.url.clone();
    let mut next_id = 0u64;
    let mut id = || {
        next_id += 1;
        format!("c{next_id}")
    };
    let mut pending: HashMap<String, Pending> = HashMap::new();
    let mut last_ping = Instant::now();
    let mut outstanding: Option<(String, Instant)> = None;
    let mut missed = 0u32;
    // Input may still be buffered by the link (TLS, WebSocket) after a drain cut short.
    let mut buffered = false;
    loop {
        // Sleep until input, a request of the application, or the next ping: an idle session
        // wakes only for its keep-alive.
        let next_timer = match &outstanding {
            Some((_, sent)) => *sent + context.ping_timeout,
            None => last_ping + context.ping_interval,
        };
        let input = buffered
            || match conn.wait_for_input(&shared.waker, next_timer) {
                Ok(input) => input,
                Err(e) => return End::Lost(e.to_string()),
            };
        // Every element that came, until the link is quiet for a tick; at most a batch, so
        // that requests and pings are not held up by a stream of events.
        buffered = false;
        let mut left = if input { DRAIN_BATCH } else { 0 };
        while left > 0 {
            left -= 1;
            let frame = match conn.read() {
                Ok(Some(frame)) => frame,
                Ok(None) => break,
                Err(e) => return End::Lost(e.to_string()),
            };
            // The batch is used up: more may wait in the link's buffers, where the socket
            // does not show it.
            buffered = left == 0;
            match frame {
                Frame::Message { updates } => {
                    for update in updates {
                        deliver(shared, &update, context.limits);
                    }
                }
                Frame::Presence { from, unavailable } if from.starts_with("finesse@") => {
                    shared.publish(Event::Connection(ConnectionState::ServiceAvailable {
                        available: !unavailable,
                    }));
                }
                Frame::Iq {
                    kind,
                    id: got,
                    from,
                    ping,
                    error,
                    ..
                } => {
                    if ping && kind == "get" {
                        if let Err(e) = conn.send(&xmpp::pong(&got, &from)) {
                            return End::Lost(e.to_string());
                        }
                    } else if outstanding.as_ref().is_some_and(|(p, _)| p == &got) {
                        outstanding = None;
                        missed = 0;
                    } else if let Some(request) = pending.remove(&got) {
                        let answer = if kind == "result" {
                            if request.subscribe {
                                remember(&mut context.subscriptions, request.node);
                            } else {
                                context.subscriptions.retain(|n| n != &request.node);
                            }
                            Ok(())
                        } else {
                            let operation = if request.subscribe {
                                "subscribe"
                            } else {
                                "unsubscribe"
                            };
                            let condition = Condition {
                                name: error.unwrap_or_else(|| "undefined-condition".to_owned()),
                                text: None,
                            };
                            Err(refusal(&url, operation, condition, Some(&request.node)))
                        };
                        let _ = request.reply.send(answer);
                    }
                }
                Frame::Close => return End::Lost("the server closed the stream".to_owned()),
                // Another session bound this resource: taking it back would knock that one
                // off in turn, without end.
                Frame::StreamError(condition) if condition.name == "conflict" => {
                    return End::Failed(refusal(&url, "stream", condition, None));
                }
                Frame::StreamError(condition) => {
                    return End::Lost(format!("stream error: {}", condition.name));
                }
                _ => {}
            }
        }

        loop {
            let (node, subscribe, reply) = match control.try_recv() {
                Ok(Control::Subscribe(node, reply)) => (node, true, reply),
                Ok(Control::Unsubscribe(node, reply)) => (node, false, reply),
                Ok(Control::Close) | Err(mpsc::TryRecvError::Disconnected) => {
                    for node in &context.subscriptions {
                        let frame = xmpp::unsubscribe(&id(), &context.pubsub_domain, node, &jid);
                        let _ = conn.send(&frame);
                    }
                    conn.close();
                    return End::Closed;
                }
                Err(mpsc::TryRecvError::Empty) => break,
            };
            let iq = id();
            let frame = if subscribe {
                xmpp::subscribe(&iq, &context.pubsub_domain, &node, &jid)
            } else {
                xmpp::unsubscribe(&iq, &context.pubsub_domain, &node, &jid)
            };
            if let Err(e) = conn.send(&frame) {
                let lost = e.to_string();
                let _ = reply.send(Err(e));
                return End::Lost(lost);
            }
            pending.insert(
                iq,
                Pending {
                    node,
                    subscribe,
                    reply,
                },
            );
        }

        // Keep-alive: one ping every interval; an unanswered one is retried at once, and
        // after `max_missed_pings` in a row the link is declared dead.
        let now = Instant::now();
        if let Some((_, sent)) = &outstanding
            && now.duration_since(*sent) >= context.ping_timeout
        {
            missed += 1;
            outstanding = None;
            if missed >= context.max_missed_pings {
                return End::Lost(format!("{missed} pings unanswered"));
            }
            last_ping = now - context.ping_interval;
        }
        if outstanding.is_none() && now.duration_since(last_ping) >= context.ping_interval {
            let ping = id();
            if let Err(e) = conn.send(&xmpp::ping(&ping, &context.target.domain)) {
                return End::Lost(e.to_string());
            }
            outstanding = Some((ping, now));
            last_ping = now;
        }
    }
}

/// Decodes one Update and publishes its events; an Update that cannot be decoded is
/// published raw rather than lost.
fn deliver(shared: &Shared, update: &str, limits: DecodeLimits) {
    match Event::from_update_xml_with_limits(update.as_bytes(), limits) {
        Ok(events) => {
            // A Dialogs update with several dialogs: each event has its share.
            let share = update.len() / events.len().max(1);
            events
                .into_iter()
                .for_each(|e| shared.publish_sized(e, share))
        }
        Err(_) => shared.publish_sized(
            Event::Other {
                event: String::new(),
                source: String::new(),
                update_xml: update.to_owned(),
            },
            update.len(),
        ),
    }
}

fn remember(subscriptions: &mut Vec<String>, node: String) {
    if !subscriptions.contains(&node) {
        subscriptions.push(node);
    }
}

fn not_connected() -> Error {
    Error::transport(
        "the notification service is not connected now; try again once the session is \
         connected",
    )
}
