//! The session thread: reads frames, pings, answers requests from the application, and
//! reconnects when the link is lost.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use super::{Connection, Control, Shared, Target};
use crate::error::Error;
use crate::events::{ConnectionState, Event};
use crate::limits::DecodeLimits;
use crate::xmpp::{self, Frame};

/// What the thread needs besides the first connection.
pub(crate) struct Context {
    pub(crate) target: Target,
    pub(crate) pubsub_domain: String,
    pub(crate) ping_interval: Duration,
    pub(crate) ping_timeout: Duration,
    pub(crate) max_missed_pings: u32,
    pub(crate) subscriptions: Vec<String>,
    pub(crate) limits: DecodeLimits,
}

/// Longest pause between reconnection attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// How a connection ended.
enum End {
    Closed,
    Lost(String),
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
            }
        }
        // Wait before the next attempt, unless the application closes the session.
        match control.recv_timeout(backoff) {
            Ok(Control::Close) | Err(RecvTimeoutError::Disconnected) => break,
            Ok(Control::Subscribe(node, reply)) => {
                remember(&mut context.subscriptions, node);
                let _ = reply.send(Err(not_connected()));
            }
            Ok(Control::Unsubscribe(node, reply)) => {
                context.subscriptions.retain(|n| n != &node);
                let _ = reply.send(Ok(()));
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        match Connection::open(&context.target) {
            Ok(conn) => connection = Some(conn),
            Err(_) => backoff = (backoff * 2).min(MAX_BACKOFF),
        }
    }
    shared.publish(Event::Connection(ConnectionState::Closed));
    shared.mark_closed();
}

/// Serves one connection until it is lost or the session is closed.
fn serve(
    shared: &Shared,
    control: &mpsc::Receiver<Control>,
    mut conn: Connection,
    context: &mut Context,
) -> End {
    let bare_jid = conn.jid.split('/').next().unwrap_or_default().to_owned();
    let mut next_id = 0u64;
    let mut id = || {
        next_id += 1;
        format!("c{next_id}")
    };
    // Explicit subscriptions do not survive a reconnection on every deployment: renew them.
    for node in context.subscriptions.clone() {
        let frame = xmpp::subscribe(&id(), &context.pubsub_domain, &node, &bare_jid);
        if let Err(e) = conn.send(&frame) {
            return End::Lost(e.to_string());
        }
    }
    let mut pending: HashMap<String, mpsc::Sender<Result<(), Error>>> = HashMap::new();
    let mut last_ping = Instant::now();
    let mut outstanding: Option<(String, Instant)> = None;
    let mut missed = 0u32;
    loop {
        match conn.read() {
            Ok(Some(frame)) => match frame {
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
                    } else if let Some(reply) = pending.remove(&got) {
                        let _ = reply.send(if kind == "result" {
                            Ok(())
                        } else {
                            Err(Error::Transport {
                                message: format!(
                                    "the notification service refused: {}",
                                    error.unwrap_or_else(|| kind.clone())
                                ),
                            })
                        });
                    }
                }
                Frame::Close => return End::Lost("the server closed the stream".to_owned()),
                Frame::Failure(condition) => {
                    return End::Lost(format!("stream error: {condition}"));
                }
                _ => {}
            },
            Ok(None) => {}
            Err(e) => return End::Lost(e.to_string()),
        }

        loop {
            match control.try_recv() {
                Ok(Control::Subscribe(node, reply)) => {
                    let iq = id();
                    let frame = xmpp::subscribe(&iq, &context.pubsub_domain, &node, &bare_jid);
                    if let Err(e) = conn.send(&frame) {
                        let _ = reply.send(Err(e));
                        return End::Lost("sending failed".to_owned());
                    }
                    remember(&mut context.subscriptions, node);
                    pending.insert(iq, reply);
                }
                Ok(Control::Unsubscribe(node, reply)) => {
                    let iq = id();
                    let frame = xmpp::unsubscribe(&iq, &context.pubsub_domain, &node, &bare_jid);
                    if let Err(e) = conn.send(&frame) {
                        let _ = reply.send(Err(e));
                        return End::Lost("sending failed".to_owned());
                    }
                    context.subscriptions.retain(|n| n != &node);
                    pending.insert(iq, reply);
                }
                Ok(Control::Close) | Err(mpsc::TryRecvError::Disconnected) => {
                    for node in &context.subscriptions {
                        let frame =
                            xmpp::unsubscribe(&id(), &context.pubsub_domain, node, &bare_jid);
                        let _ = conn.send(&frame);
                    }
                    conn.close();
                    return End::Closed;
                }
                Err(mpsc::TryRecvError::Empty) => break,
            }
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
        Ok(events) => events.into_iter().for_each(|e| shared.publish(e)),
        Err(_) => shared.publish(Event::Other {
            event: String::new(),
            source: String::new(),
            update_xml: update.to_owned(),
        }),
    }
}

fn remember(subscriptions: &mut Vec<String>, node: String) {
    if !subscriptions.contains(&node) {
        subscriptions.push(node);
    }
}

fn not_connected() -> Error {
    Error::Transport {
        message: "the notification service is not connected; the subscription is made on \
                  reconnection"
            .to_owned(),
    }
}
