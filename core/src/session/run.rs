//! The session thread: reads frames, pings, answers requests from the application, and
//! reconnects when the link is lost.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use super::link::refusal;
use super::nodes;
use super::resync::View;
use super::{Connection, Control, Shared, Target, connect_first};
use crate::error::{Error, ErrorKind};
use crate::events::{ConnectionState, Event};
use crate::http::{Http, Pin};
use crate::limits::DecodeLimits;
use crate::model::SystemStatus;
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
    /// The client's REST side: SystemInfo polls, resync reads, and the node it moves to.
    pub(crate) http: Arc<Http>,
    /// Keeps REST on this session's node while the thread runs.
    pub(crate) _pin: Pin,
    /// How long a node may stay unavailable before the client moves to the other one.
    pub(crate) failover_after: Duration,
    /// What the application was told about its agent, for resyncs.
    pub(crate) view: View,
    /// The REST node the explicit subscriptions were made on: they persist there, and are
    /// made again on the other node after a failover.
    pub(crate) subscribed_on: String,
}

/// Most elements read in a row before requests and pings are looked at.
const DRAIN_BATCH: usize = 64;

/// The pause before the first reconnection: short, yet long enough that a session the server
/// ended for another one signing in with its resource (a stream error that may come just
/// after the link closes) is not signed in again in the middle of the other's sign-in.
const FIRST_ATTEMPT: Duration = Duration::from_millis(250);

/// Longest pause between reconnection attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// The shortest time a sign-in on the current node is given while the other node waits: a
/// node that answers at all signs in within milliseconds.
const MIN_ATTEMPT: Duration = Duration::from_secs(2);

/// How a connection ended.
enum End {
    /// The application closed the session.
    Closed,
    /// The link was lost: recover.
    Lost(String),
    /// The node stayed unavailable (its `finesse` service or its CTI link) and the other
    /// one is in service: move there.
    Leave(String),
    /// The server ended the session for good: do not reconnect.
    Failed(Error),
}

/// Why a connection is being served: what to read again before events flow.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Start {
    /// The session's first connection: what the server holds is what is known.
    First,
    /// A reconnection, here or on the other node: deliver what changed meanwhile.
    Again,
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
    let mut start = Start::First;
    // The first attempt after a loss comes soon; then 1, 2, 4... s, at most 30 s.
    let mut backoff = FIRST_ATTEMPT;
    // When the node became unavailable, and whether to move without trying it again.
    let mut since = Instant::now();
    let mut leave = false;
    loop {
        if let Some(conn) = connection.take() {
            backoff = FIRST_ATTEMPT;
            if !std::mem::take(&mut announced) {
                shared.publish(Event::Connection(ConnectionState::Connected {
                    node: context.target.url.clone(),
                    transport: crate::notification_url::transport_name(&context.target.url)
                        .to_owned(),
                }));
            }
            match serve(&shared, &control, conn, &mut context, start) {
                End::Closed => break,
                End::Lost(reason) => {
                    shared.publish(Event::Connection(ConnectionState::Disconnected { reason }));
                    since = Instant::now();
                }
                End::Leave(reason) => {
                    shared.publish(Event::Connection(ConnectionState::Disconnected { reason }));
                    since = Instant::now() - context.failover_after;
                    leave = true;
                }
                End::Failed(error) => return fail(&shared, &error),
            }
            start = Start::Again;
        }
        // Wait before the next attempt, unless the application closes the session or the
        // node is being left at once.
        let wait = if leave { Duration::ZERO } else { backoff };
        match control.recv_timeout(wait) {
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
        match recover(&shared, &mut context, since, std::mem::take(&mut leave)) {
            Ok(Some(conn)) => connection = Some(conn),
            Ok(None) => {
                backoff = (backoff * 2).clamp(Duration::from_secs(1), MAX_BACKOFF);
            }
            // Retrying rejected credentials could lock the account; a resource another
            // session holds would be taken back and forth without end.
            Err(e) => return fail(&shared, &e),
        }
    }
    shared.publish(Event::Connection(ConnectionState::Closed));
    shared.mark_closed();
}

/// One recovery attempt, as the guide describes it (DG12.5 p377-379): the node is used again
/// once its SystemInfo says IN_SERVICE and its notification service signs the agent in;
/// once it has been unavailable for `failover_after` (at once with `skip_node`), the other
/// node is tried, and REST and notifications move there together. `Ok(None)`: try again
/// later; an error ends the session.
fn recover(
    shared: &Shared,
    context: &mut Context,
    since: Instant,
    skip_node: bool,
) -> Result<Option<Connection>, Error> {
    let node = context.http.active_node();
    let other = context.http.alternate_node();
    if !skip_node {
        // With the other node waiting, a node that does not sign the agent in within
        // `failover_after` is as good as down: a silent notification service would otherwise
        // hold each attempt for the whole connect and response timeouts.
        let mut target = context.target.clone();
        if other.is_some() {
            target.timeout = target.timeout.min(context.failover_after.max(MIN_ATTEMPT));
        }
        match nodes::in_service(&context.http, &node) {
            Ok(_) => match Connection::open(&target) {
                Ok(conn) => return Ok(Some(conn)),
                Err(e) if is_final(&e) => return Err(e),
                Err(e) => log::warn!(
                    "reconnecting to {} failed: {}",
                    context.target.url,
                    e.to_string_with_causes()
                ),
            },
            Err(why) => log::warn!("{node} is not available: {why}"),
        }
    }
    if since.elapsed() < context.failover_after {
        return Ok(None);
    }
    let Some(other) = other else {
        return Ok(None);
    };
    let info = match nodes::in_service(&context.http, &other) {
        Ok(info) => info,
        Err(why) => {
            log::warn!("the other node {other} is not available either: {why}");
            return Ok(None);
        }
    };
    shared.publish(Event::Connection(ConnectionState::FailingOver {
        from: node.clone(),
        to: other.clone(),
    }));
    context
        .http
        .set_failing_over(Some((node.clone(), other.clone())));
    let (domain, pubsub_domain) = nodes::xmpp_domains(&other, &info);
    let mut target = context.target.clone();
    target.domain = domain;
    let result = connect_first(&target, &nodes::notification_urls(&other, &info));
    context.http.set_failing_over(None);
    match result {
        Ok((target, conn)) => {
            context.http.move_to(&other);
            context.target = target;
            context.pubsub_domain = pubsub_domain;
            Ok(Some(conn))
        }
        Err(e) if is_final(&e) => Err(e),
        Err(e) => {
            log::warn!(
                "failing over to {other} failed: {}",
                e.to_string_with_causes()
            );
            Ok(None)
        }
    }
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
    /// The application waiting for the answer; `None` for a subscription made again after a
    /// failover, whose refusal is logged.
    reply: Option<mpsc::Sender<Result<(), Error>>>,
}

/// Serves one connection until it is lost or the session is closed.
fn serve(
    shared: &Shared,
    control: &mpsc::Receiver<Control>,
    mut conn: Connection,
    context: &mut Context,
    start: Start,
) -> End {
    // Explicit subscriptions are made with the full JID, as Cisco asks (with the bare JID they
    // reach every session of the user and outlive this one). They persist on the node that
    // took them, across reconnections (DEVNET subscription-persistence): made again only on
    // another node.
    let jid = conn.jid.clone();
    let url = context.target.url.clone();
    let node = context.http.active_node();
    let mut next_id = 0u64;
    let mut id = || {
        next_id += 1;
        format!("c{next_id}")
    };
    let mut pending: HashMap<String, Pending> = HashMap::new();
    if context.subscribed_on != node {
        for subscription in &context.subscriptions {
            let iq = id();
            let frame = xmpp::subscribe(&iq, &context.pubsub_domain, subscription, &jid);
            if let Err(e) = conn.send(&frame) {
                return End::Lost(e.to_string());
            }
            pending.insert(
                iq,
                Pending {
                    node: subscription.clone(),
                    subscribe: true,
                    reply: None,
                },
            );
        }
        context.subscribed_on = node.clone();
    }
    let mut last_ping = Instant::now();
    let mut outstanding: Option<(String, Instant)> = None;
    let mut missed = 0u32;
    // Input may still be buffered by the link (TLS, WebSocket) after a drain cut short.
    let mut buffered = false;
    // Whether User and Dialogs must be read again (and when next to try), and how the node
    // is doing.
    let mut resync: Option<(Start, Instant)> = Some((start, Instant::now()));
    let mut health = Health::default();
    loop {
        let now = Instant::now();
        if let Some((kind, at)) = resync
            && now >= at
        {
            resync = match read_again(shared, context, &node, kind) {
                Ok(()) => None,
                Err(e) => {
                    log::warn!(
                        "reading User and Dialogs from {node} failed, trying again in {:?}: {}",
                        context.ping_interval,
                        e.to_string_with_causes()
                    );
                    Some((kind, now + context.ping_interval))
                }
            };
        }
        // The node stayed unavailable: move when the other one is in service.
        if let Some(check_at) = health.failover_check(context.failover_after)
            && now >= check_at
        {
            health.checked = Some(now);
            if let Some(other) = context.http.alternate_node() {
                match nodes::in_service(&context.http, &other) {
                    Ok(_) => {
                        conn.close();
                        return End::Leave(format!(
                            "{node} stayed unavailable ({}) for {:?}",
                            health.why(),
                            context.failover_after
                        ));
                    }
                    Err(why) => log::debug!("the other node {other} is not available: {why}"),
                }
            }
        }
        // Sleep until input, a request of the application, the next ping, resync attempt or
        // failover check: an idle session wakes only for its keep-alive.
        let mut next_timer = match &outstanding {
            Some((_, sent)) => *sent + context.ping_timeout,
            None => last_ping + context.ping_interval,
        };
        if let Some((_, at)) = resync {
            next_timer = next_timer.min(at);
        }
        if let Some(at) = health.failover_check(context.failover_after) {
            next_timer = next_timer.min(at);
        }
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
                        deliver(shared, &update, context.limits, |event| {
                            context.view.observe(event);
                            if let Event::SystemStatusChanged { info } = event {
                                let out = info.status != SystemStatus::InService;
                                if out && !health.out_of_service {
                                    shared.publish(Event::Connection(
                                        ConnectionState::OutOfService { node: node.clone() },
                                    ));
                                }
                                if health.set_out_of_service(out) {
                                    resync = Some((Start::Again, Instant::now()));
                                }
                            }
                        });
                    }
                }
                Frame::Presence { from, unavailable } if from.starts_with("finesse@") => {
                    shared.publish(Event::Connection(ConnectionState::ServiceAvailable {
                        available: !unavailable,
                    }));
                    if health.set_service_down(unavailable) {
                        resync = Some((Start::Again, Instant::now()));
                    }
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
                        let answer: Result<(), Error> = if kind == "result" {
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
                        match (request.reply, answer) {
                            (Some(reply), answer) => {
                                let _ = reply.send(answer);
                            }
                            (None, Err(e)) => log::warn!("subscribing again on {node}: {e}"),
                            (None, Ok(())) => {}
                        }
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
                    reply: Some(reply),
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

/// Reads the agent's User and Dialogs again from `node`: at the first connection as what is
/// known; after a reconnection, CTI recovery or failover, delivering what changed as events
/// marked `resync`, then [`ConnectionState::Recovered`].
fn read_again(
    shared: &Shared,
    context: &mut Context,
    node: &str,
    start: Start,
) -> Result<(), Error> {
    if start == Start::First {
        return context.view.load(&context.http, node);
    }
    let events = context.view.resync(&context.http, node)?;
    let changes = u32::try_from(events.len()).unwrap_or(u32::MAX);
    for event in events {
        shared.publish(event);
    }
    shared.publish(Event::Connection(ConnectionState::Recovered {
        node: node.to_owned(),
        changes,
    }));
    Ok(())
}

/// How the node is doing by the two signals that come over a live connection (DEVNET
/// "Failure Scenarios"): the `finesse` presence (its web application) and SystemInfo's status
/// (its CTI link).
#[derive(Default)]
struct Health {
    service_down: bool,
    out_of_service: bool,
    /// Since when either signal says unavailable.
    since: Option<Instant>,
    /// When the other node was last checked.
    checked: Option<Instant>,
}

impl Health {
    /// Records the `finesse` presence; whether the node came back (to be read again).
    fn set_service_down(&mut self, down: bool) -> bool {
        let back = self.service_down && !down;
        self.service_down = down;
        self.update();
        back
    }

    /// Records SystemInfo's status; whether the node came back (to be read again).
    fn set_out_of_service(&mut self, out: bool) -> bool {
        let back = self.out_of_service && !out;
        self.out_of_service = out;
        self.update();
        back
    }

    fn update(&mut self) {
        if self.service_down || self.out_of_service {
            self.since.get_or_insert_with(Instant::now);
        } else {
            self.since = None;
            self.checked = None;
        }
    }

    /// When to check the other node next: once the node has been unavailable for `after`,
    /// then every second.
    fn failover_check(&self, after: Duration) -> Option<Instant> {
        let since = self.since?;
        Some(match self.checked {
            Some(checked) => checked + Duration::from_secs(1),
            None => since + after,
        })
    }

    fn why(&self) -> &'static str {
        match (self.service_down, self.out_of_service) {
            (true, _) => "the finesse service is unavailable",
            _ => "out of service",
        }
    }
}

/// Decodes one Update and publishes its events, each shown to `observe` first; an Update
/// that cannot be decoded is published raw rather than lost.
fn deliver(shared: &Shared, update: &str, limits: DecodeLimits, mut observe: impl FnMut(&Event)) {
    match Event::from_update_xml_with_limits(update.as_bytes(), limits) {
        Ok(events) => {
            // A Dialogs update with several dialogs: each event has its share.
            let share = update.len() / events.len().max(1);
            events.into_iter().for_each(|e| {
                observe(&e);
                shared.publish_sized(e, share)
            })
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
