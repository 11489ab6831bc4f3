//! The notification session: a background thread that keeps an XMPP connection to Finesse
//! (over WebSocket, TCP or BOSH), with presence (so the agent is not signed out), pings (so a
//! dead link is noticed), reconnection, and delivery of typed events.

mod connection;
mod link;
mod nodes;
mod resync;
mod run;
mod slot;

use std::cell::Cell;
use std::collections::VecDeque;
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock, PoisonError, Weak};
use std::thread::{JoinHandle, ThreadId};
use std::time::{Duration, Instant};

use crate::error::Error;
use crate::events::{ConnectionState, Event};

pub(crate) use connection::{Connection, SignInSecret, Target, connect_first};
pub(crate) use nodes::{alternate_from, notification_urls, xmpp_domains};
pub(crate) use resync::View;
pub(crate) use run::Context;
pub(crate) use slot::Slot;

/// How many request ids echoed by events are remembered.
const ECHOED: usize = 64;

/// How many recent events are kept for commands waiting on their outcome (while any may).
const RECENT_EVENTS: usize = 1024;

/// What an event is counted as besides its document: the event itself, for the bounds in bytes.
const EVENT_OVERHEAD: usize = size_of::<Event>();

/// Settings of a notification session. The defaults follow the Finesse desktop.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct NotificationOptions {
    /// The notification service's URL, whose scheme names the transport: `wss://` (WebSocket),
    /// `https://` (BOSH), `xmpps://` (TCP, direct TLS), `xmpp://` (TCP, STARTTLS). By default
    /// the configuration's, see
    /// [`ConfigBuilder::notification_url`](crate::ConfigBuilder::notification_url).
    pub url: Option<String>,
    /// The XMPP resource; by default `finesse-client-<random>`. Never `desktop`, which the
    /// Finesse desktop reserves.
    pub resource: Option<String>,
    /// How often to ping the server. Default 10 s.
    pub ping_interval: Duration,
    /// How long a ping may go unanswered. Default 5 s.
    pub ping_timeout: Duration,
    /// Unanswered pings in a row after which the link is declared dead. Default 2: a silent
    /// link is noticed within 20 s.
    pub max_missed_pings: u32,
    /// Pub-sub nodes to subscribe to explicitly (Team and Queue nodes) when the session
    /// starts; starting fails with the refusal of any of them. Subscriptions are made with the
    /// session's full JID and persist on the node across reconnections.
    pub subscriptions: Vec<String>,
    /// How many undelivered events are kept before the oldest are dropped. Default 10,000.
    pub queue_capacity: usize,
    /// How many bytes of undelivered events are kept before the oldest are dropped (an event
    /// counts as the notification document it came from). Default 32 MiB. When events are
    /// dropped, the next one read is [`Event::Dropped`] saying how many.
    pub queue_bytes: usize,
    /// How many bytes of recent events are kept for commands waiting on their outcome (only
    /// while one may wait). Default 8 MiB.
    pub history_bytes: usize,
    /// How long the node may stay unavailable (its notification service unreachable, its
    /// `finesse` service unavailable, or out of service) before the client moves REST and
    /// notifications to the other node, if that one is in service. Default 3 s: with the
    /// keep-alive's 20 s, a dead node is left within 25 s.
    pub failover_after: Duration,
}

impl Default for NotificationOptions {
    fn default() -> Self {
        NotificationOptions {
            url: None,
            resource: None,
            ping_interval: Duration::from_secs(10),
            ping_timeout: Duration::from_secs(5),
            max_missed_pings: 2,
            subscriptions: Vec::new(),
            queue_capacity: 10_000,
            queue_bytes: 32 * 1024 * 1024,
            history_bytes: 8 * 1024 * 1024,
            failover_after: Duration::from_secs(3),
        }
    }
}

impl NotificationOptions {
    /// Sets the notification service's URL (see [`NotificationOptions::url`]).
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Sets the XMPP resource.
    pub fn resource(mut self, resource: impl Into<String>) -> Self {
        self.resource = Some(resource.into());
        self
    }

    /// Sets the keep-alive: ping every `interval`, each answered within `timeout`, the link
    /// declared dead after `max_missed` unanswered pings in a row.
    pub fn keep_alive(mut self, interval: Duration, timeout: Duration, max_missed: u32) -> Self {
        self.ping_interval = interval;
        self.ping_timeout = timeout;
        self.max_missed_pings = max_missed;
        self
    }

    /// Sets how long the node may stay unavailable before the client moves to the other one
    /// (see [`NotificationOptions::failover_after`]).
    pub fn failover_after(mut self, after: Duration) -> Self {
        self.failover_after = after;
        self
    }

    /// Adds a node to subscribe to explicitly.
    pub fn subscribe(mut self, node: impl Into<String>) -> Self {
        self.subscriptions.push(node.into());
        self
    }

    pub(crate) fn validate(&self) -> Result<(), Error> {
        if let Some(url) = &self.url {
            crate::notification_url::parse("url", url)?;
        }
        if let Some(resource) = &self.resource
            && (resource.is_empty() || resource.eq_ignore_ascii_case("desktop"))
        {
            return Err(Error::invalid(
                "resource",
                "must be non-empty and not `desktop`, which the Finesse desktop reserves",
            ));
        }
        if self.failover_after.is_zero() {
            return Err(Error::invalid(
                "failover_after",
                "must be greater than zero",
            ));
        }
        if self.ping_interval.is_zero() || self.ping_timeout.is_zero() || self.max_missed_pings == 0
        {
            return Err(Error::invalid(
                "keep_alive",
                "interval, timeout and missed pings must be greater than zero",
            ));
        }
        for (field, value) in [
            ("queue_capacity", self.queue_capacity),
            ("queue_bytes", self.queue_bytes),
            ("history_bytes", self.history_bytes),
        ] {
            if value == 0 {
                return Err(Error::invalid(field, "must be greater than zero"));
            }
        }
        Ok(())
    }
}

/// A callback receiving events on the session thread.
pub type EventCallback = Box<dyn FnMut(&Event) + Send>;

/// A running notification session. Events are read with [`Notifications::recv_timeout`] or
/// by iterating, or delivered to a callback.
///
/// A cheap handle: clones (and the handles [`Client::events`](crate::Client::events) returns
/// for the same session) share one session, which ends when [`Notifications::close`] is
/// called on any of them, or when the last one is dropped. Safe to share between threads.
///
/// An event callback runs on the session's own thread: there, the calls that would wait for
/// that thread ([`Notifications::subscribe`], [`Notifications::unsubscribe`],
/// [`Notifications::next_event`] with a timeout, [`crate::Accepted::wait`], starting a
/// session) fail at once with [`Error::InvalidArgument`] naming the call, instead of
/// blocking; [`Notifications::recv_timeout`] and iterating return only what is already
/// queued; and [`Notifications::close`] asks the session to end once the callback returns.
#[derive(Clone)]
pub struct Notifications {
    session: Arc<Session>,
}

/// Handles are equal when they are handles of one session.
impl PartialEq for Notifications {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.session, &other.session)
    }
}

impl Eq for Notifications {}

/// What the handles of one session share; dropping it closes the session.
pub(crate) struct Session {
    shared: Arc<Shared>,
    /// The notification service's URL, as connected to.
    url: String,
    /// Taken by the first `close` from another thread, which joins it.
    thread: Mutex<Option<JoinHandle<()>>>,
}

thread_local! {
    /// Set on every session thread, for the calls a callback must not make on any session.
    static SESSION_THREAD: Cell<bool> = const { Cell::new(false) };
}

/// Whether the caller runs on a session thread (inside an event callback), of any session.
pub(crate) fn on_session_thread() -> bool {
    SESSION_THREAD.get()
}

/// The error of `operation` called from an event callback, where it would wait for the thread
/// it runs on.
pub(crate) fn from_callback(operation: &str) -> Error {
    Error::invalid(
        operation,
        format!(
            "cannot be called from an event callback: it runs on the session thread, which \
             {operation} would wait for"
        ),
    )
}

impl std::fmt::Debug for Notifications {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Notifications")
            .field("connected", &self.is_connected())
            .finish_non_exhaustive()
    }
}

/// State shared between the session thread, the application, and waiting commands.
pub(crate) struct Shared {
    /// The session thread, once started.
    thread: OnceLock<ThreadId>,
    state: Mutex<State>,
    cond: Condvar,
    control: Mutex<mpsc::Sender<Control>>,
    /// Wakes the session thread from its wait on the socket when a request is sent: the
    /// thread sleeps until input, a request or its next ping, never on a timer of its own.
    pub(crate) waker: polling::Poller,
}

/// Events are shared between the queue (or the callback) and `recent` rather than copied:
/// the session thread never clones one; a reader popping an event that `recent` still holds
/// gets a copy, on its own thread.
struct State {
    /// Undelivered events with their sizes in bytes.
    queue: VecDeque<(Arc<Event>, usize)>,
    queue_bytes: usize,
    bounds: Bounds,
    dropped: u64,
    /// Events dropped since the last read, told to the next reader as [`Event::Dropped`].
    untold_drops: u64,
    /// Recent events with their sequence numbers and sizes, for waiting commands: kept only
    /// while a command may wait ([`Watch`]), so that otherwise an event is released once
    /// delivered.
    recent: VecDeque<(u64, Arc<Event>, usize)>,
    recent_bytes: usize,
    /// Live [`Watch`]es.
    watchers: usize,
    /// Threads waiting on the condition variable.
    waiting: usize,
    /// The request ids the latest events echoed, for call-control commands waiting for the
    /// previous one's outcome.
    echoed: VecDeque<String>,
    next_seq: u64,
    connected: bool,
    closed: bool,
    callback: Option<EventCallback>,
    /// Counts `set_callback` calls, so a callback in use is not put back over a newer one.
    callback_generation: u64,
}

/// How much a session keeps, from its options.
#[derive(Clone, Copy)]
pub(crate) struct Bounds {
    pub(crate) queue_events: usize,
    pub(crate) queue_bytes: usize,
    pub(crate) history_bytes: usize,
}

impl From<&NotificationOptions> for Bounds {
    fn from(options: &NotificationOptions) -> Self {
        Bounds {
            queue_events: options.queue_capacity,
            queue_bytes: options.queue_bytes,
            history_bytes: options.history_bytes,
        }
    }
}

/// Requests to the session thread.
pub(crate) enum Control {
    Subscribe(String, mpsc::Sender<Result<(), Error>>),
    Unsubscribe(String, mpsc::Sender<Result<(), Error>>),
    Close,
}

impl Shared {
    pub(crate) fn new(bounds: Bounds) -> Result<(Arc<Shared>, mpsc::Receiver<Control>), Error> {
        let (tx, rx) = mpsc::channel();
        let waker = polling::Poller::new()
            .map_err(|e| Error::transport("cannot start the notification session").caused_by(e))?;
        let shared = Arc::new(Shared {
            thread: OnceLock::new(),
            state: Mutex::new(State {
                queue: VecDeque::new(),
                queue_bytes: 0,
                bounds,
                dropped: 0,
                untold_drops: 0,
                recent: VecDeque::new(),
                recent_bytes: 0,
                watchers: 0,
                waiting: 0,
                echoed: VecDeque::new(),
                next_seq: 0,
                connected: false,
                closed: false,
                callback: None,
                callback_generation: 0,
            }),
            cond: Condvar::new(),
            control: Mutex::new(tx),
            waker,
        });
        Ok((shared, rx))
    }

    /// Hands a request to the session thread and wakes it.
    fn send_control(&self, control: Control) -> Result<(), mpsc::SendError<Control>> {
        self.control
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .send(control)?;
        // Fails only if the thread's poller is gone with the thread; then nothing waits.
        let _ = self.waker.notify();
        Ok(())
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Delivers an event that came with no document (a connection event).
    pub(crate) fn publish(&self, event: Event) {
        self.publish_sized(event, 0);
    }

    /// Delivers an event: to the callback if one is set, else to the queue; and to the
    /// waiting commands. The callback runs without the lock held, so it may use the client.
    /// `document_bytes` is the size of the document it came from, its share of the bounds.
    pub(crate) fn publish_sized(&self, event: Event, document_bytes: usize) {
        if let Event::Connection(state) = &event {
            log_connection(state);
        }
        let size = EVENT_OVERHEAD + document_bytes;
        let event = Arc::new(event);
        let mut state = self.lock();
        match &*event {
            Event::Connection(ConnectionState::Connected { .. }) => state.connected = true,
            Event::Connection(
                ConnectionState::Disconnected { .. }
                | ConnectionState::FailingOver { .. }
                | ConnectionState::Failed { .. }
                | ConnectionState::Closed,
            ) => state.connected = false,
            _ => {}
        }
        let seq = state.next_seq;
        state.next_seq += 1;
        if let Some(id) = event.request_id() {
            if state.echoed.len() == ECHOED {
                state.echoed.pop_front();
            }
            state.echoed.push_back(id.to_owned());
        }
        if state.watchers > 0 {
            while state.recent.len() >= RECENT_EVENTS
                || state.recent_bytes + size > state.bounds.history_bytes
            {
                let Some((_, _, old)) = state.recent.pop_front() else {
                    break;
                };
                state.recent_bytes -= old;
            }
            state.recent_bytes += size;
            state.recent.push_back((seq, event.clone(), size));
        }
        let callback = state.callback.take();
        let generation = state.callback_generation;
        if callback.is_none() {
            // Full: the oldest go first, and the next reader is told how many.
            while state.queue.len() >= state.bounds.queue_events
                || state.queue_bytes + size > state.bounds.queue_bytes
            {
                let Some((_, old)) = state.queue.pop_front() else {
                    break;
                };
                state.queue_bytes -= old;
                state.dropped += 1;
                state.untold_drops += 1;
            }
            state.queue_bytes += size;
            state.queue.push_back((event.clone(), size));
        }
        let wake = state.waiting > 0;
        drop(state);
        // Waking is a system call: only when someone waits.
        if wake {
            self.cond.notify_all();
        }
        if let Some(mut callback) = callback {
            callback(&event);
            let mut state = self.lock();
            // Put it back unless the application replaced it meanwhile.
            if state.callback_generation == generation {
                state.callback = Some(callback);
            }
        }
    }

    /// Waits at most `timeout` for an event or the session's end, counted among the waiters.
    fn wait<'a>(
        &'a self,
        mut state: MutexGuard<'a, State>,
        timeout: Duration,
    ) -> MutexGuard<'a, State> {
        state.waiting += 1;
        let mut state = self
            .cond
            .wait_timeout(state, timeout)
            .unwrap_or_else(PoisonError::into_inner)
            .0;
        state.waiting -= 1;
        state
    }

    /// Marks the session closed, wakes every reader, and drops the callback: what it holds
    /// (a client, a handle to this session) is released with the session.
    pub(crate) fn mark_closed(&self) {
        let callback = {
            let mut state = self.lock();
            state.closed = true;
            state.callback_generation += 1;
            state.callback.take()
        };
        self.cond.notify_all();
        drop(callback);
    }

    /// Starts keeping events for a command about to be sent; returns the guard and the
    /// sequence number of the next event, from which the command looks for its outcome.
    pub(crate) fn watch(self: &Arc<Self>) -> (Watch, u64) {
        let mut state = self.lock();
        state.watchers += 1;
        let seq = state.next_seq;
        drop(state);
        (Watch(self.clone()), seq)
    }

    /// Whether events are flowing now.
    pub(crate) fn is_connected(&self) -> bool {
        self.lock().connected
    }

    /// Whether the caller runs on the session thread (inside a callback).
    pub(crate) fn is_own_thread(&self) -> bool {
        self.thread.get() == Some(&std::thread::current().id())
    }

    /// Waits until an event echoes `request_id`, the session closes or `deadline` passes;
    /// whether one did.
    pub(crate) fn wait_for_echo(&self, request_id: &str, deadline: Instant) -> bool {
        let mut state = self.lock();
        loop {
            if state.echoed.iter().any(|id| id == request_id) {
                return true;
            }
            let now = Instant::now();
            if now >= deadline || state.closed {
                return false;
            }
            state = self.wait(state, deadline - now);
        }
    }

    /// Waits until `matches` accepts an event numbered `from` or later, or `deadline` passes.
    pub(crate) fn wait_for<T>(
        &self,
        from: u64,
        deadline: Instant,
        mut matches: impl FnMut(&Event) -> Option<T>,
    ) -> Option<T> {
        let mut state = self.lock();
        let mut seen = from;
        loop {
            for (seq, event, _) in state.recent.iter() {
                if *seq >= seen
                    && let Some(found) = matches(event)
                {
                    return Some(found);
                }
            }
            seen = state.next_seq;
            let now = Instant::now();
            if now >= deadline || state.closed {
                return None;
            }
            state = self.wait(state, deadline - now);
        }
    }

    fn request(
        &self,
        make: impl FnOnce(mpsc::Sender<Result<(), Error>>) -> Control,
        timeout: Duration,
    ) -> Result<(), Error> {
        let (tx, rx) = mpsc::channel();
        if self.send_control(make(tx)).is_err() {
            return Err(closed());
        }
        rx.recv_timeout(timeout).unwrap_or_else(|e| match e {
            mpsc::RecvTimeoutError::Timeout => Err(Error::timeout(
                "no answer from the notification service".to_owned(),
            )),
            // The session ended before answering.
            mpsc::RecvTimeoutError::Disconnected => Err(closed()),
        })
    }

    /// Waits at most `timeout` for an event in the queue.
    fn pop(&self, timeout: Duration) -> Option<Event> {
        let deadline = Instant::now() + timeout;
        let mut state = self.lock();
        loop {
            if state.untold_drops > 0 {
                let count = std::mem::take(&mut state.untold_drops);
                return Some(Event::Dropped { count });
            }
            if let Some((event, size)) = state.queue.pop_front() {
                state.queue_bytes -= size;
                drop(state);
                return Some(Arc::unwrap_or_clone(event));
            }
            let now = Instant::now();
            if now >= deadline || state.closed {
                return None;
            }
            state = self.wait(state, deadline - now);
        }
    }

    pub(crate) fn is_closed(&self) -> bool {
        self.lock().closed
    }
}

/// Keeps a session's recent events while a command may wait on its outcome: one per
/// accepted command, shared by its clones.
pub(crate) struct Watch(Arc<Shared>);

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watch")
    }
}

impl Watch {
    /// The session's state, for waiting.
    pub(crate) fn shared(&self) -> &Arc<Shared> {
        &self.0
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let mut state = self.0.lock();
        state.watchers -= 1;
        if state.watchers == 0 {
            state.recent.clear();
            state.recent_bytes = 0;
        }
    }
}

impl Session {
    /// Asks the thread to end, and (but on the thread itself) waits until it has.
    fn close(&self) {
        let _ = self.shared.send_control(Control::Close);
        // From a callback: the thread ends by itself once the callback returns.
        if self.shared.is_own_thread() {
            return;
        }
        // Held while joining, so that a concurrent `close` also returns only once it ended.
        let mut thread = self.thread.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(thread) = thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.close();
    }
}

impl Notifications {
    pub(crate) fn start(
        shared: Arc<Shared>,
        control: mpsc::Receiver<Control>,
        connection: Connection,
        context: run::Context,
    ) -> Result<Notifications, Error> {
        shared.publish(Event::Connection(
            crate::events::ConnectionState::Connected {
                node: context.target.url.clone(),
                transport: crate::notification_url::transport_name(&context.target.url).to_owned(),
            },
        ));
        let url = context.target.url.clone();
        let thread_shared = shared.clone();
        let thread = std::thread::Builder::new()
            .name("finesse-notifications".to_owned())
            .spawn(move || {
                SESSION_THREAD.set(true);
                run::run(thread_shared, control, connection, context)
            });
        let thread = match thread {
            Ok(thread) => thread,
            // Out of threads or memory: the connection is dropped with the closure.
            Err(e) => {
                shared.publish(Event::Connection(crate::events::ConnectionState::Closed));
                shared.mark_closed();
                return Err(Error::transport("cannot start the notification thread")
                    .at(&url)
                    .caused_by(e));
            }
        };
        let _ = shared.thread.set(thread.thread().id());
        Ok(Notifications {
            session: Arc::new(Session {
                shared,
                url,
                thread: Mutex::new(Some(thread)),
            }),
        })
    }

    /// The next event, waiting at most `timeout`; `None` when none came, or when the session
    /// is closed and every event was read. From an event callback of this session it does
    /// not wait (see [`Notifications::next_event`]).
    pub fn recv_timeout(&self, timeout: Duration) -> Option<Event> {
        if self.shared().is_own_thread() {
            return self.try_recv();
        }
        self.shared().pop(timeout)
    }

    /// The next event, waiting at most `timeout`: `Ok(None)` when none came, or when the
    /// session is closed and every event was read. From an event callback of this session a
    /// non-zero `timeout` is an [`Error::InvalidArgument`] (field `next_event`): no event can
    /// reach the queue while the callback holds the session thread.
    pub fn next_event(&self, timeout: Duration) -> Result<Option<Event>, Error> {
        if self.shared().is_own_thread() && !timeout.is_zero() {
            return Err(from_callback("next_event"));
        }
        Ok(self.shared().pop(timeout))
    }

    /// The next event if one is waiting.
    pub fn try_recv(&self) -> Option<Event> {
        self.shared().pop(Duration::ZERO)
    }

    /// Events as they come, until the session is closed. From an event callback of this
    /// session, only the events already queued.
    pub fn iter(&self) -> impl Iterator<Item = Event> + '_ {
        let own_thread = self.shared().is_own_thread();
        std::iter::from_fn(move || {
            if own_thread {
                return self.try_recv();
            }
            loop {
                if let Some(event) = self.shared().pop(Duration::from_secs(3600)) {
                    return Some(event);
                }
                if self.is_closed() {
                    return None;
                }
            }
        })
    }

    /// Delivers events to `callback` instead of the queue (events already queued stay
    /// there). The callback runs on the session's own thread, named `finesse-notifications`:
    /// keep it short. It may send commands and read resources with the client; the calls
    /// that would wait for its thread fail there (see [`Notifications`]). `None` goes back to
    /// the queue.
    ///
    /// The callback is dropped when the session ends (at once, on a closed session). Until
    /// then what it holds stays alive: a handle to this session keeps the session open, and a
    /// clone of the [`Client`](crate::Client) keeps a session the client owns
    /// ([`Client::events`](crate::Client::events)) open; close those explicitly.
    pub fn set_callback(&self, callback: Option<EventCallback>) {
        let mut state = self.shared().lock();
        state.callback_generation += 1;
        // A closed session delivers nothing more: keeping the callback would only keep what
        // it holds alive.
        let replaced = if state.closed {
            callback
        } else {
            std::mem::replace(&mut state.callback, callback)
        };
        drop(state);
        drop(replaced);
    }

    /// The notification service's URL the session connected to: the configured one, or the
    /// first of the defaults that answered. Its scheme names the transport (`wss://`
    /// WebSocket, `https://` BOSH, `xmpps://` and `xmpp://` TCP).
    pub fn url(&self) -> &str {
        &self.session.url
    }

    /// Whether the connection is up and events are flowing.
    pub fn is_connected(&self) -> bool {
        self.shared().is_connected()
    }

    /// Whether the session has ended (it reconnects by itself otherwise).
    pub fn is_closed(&self) -> bool {
        self.shared().is_closed()
    }

    /// How many events were dropped because the queue was full.
    pub fn dropped(&self) -> u64 {
        self.shared().lock().dropped
    }

    /// Subscribes to a node (a Team's users, a Queue), waiting for the server's answer: a
    /// refusal is an [`Error::Refused`] naming the node and the XMPP condition. The
    /// subscription is made with the session's full JID; the server keeps it across
    /// reconnections, until [`Notifications::unsubscribe`] or the session's close.
    pub fn subscribe(&self, node: &str) -> Result<(), Error> {
        check_node(node)?;
        self.check_thread("subscribe")?;
        self.shared().request(
            |tx| Control::Subscribe(node.to_owned(), tx),
            Duration::from_secs(10),
        )
    }

    /// Unsubscribes from a node subscribed to explicitly.
    pub fn unsubscribe(&self, node: &str) -> Result<(), Error> {
        check_node(node)?;
        self.check_thread("unsubscribe")?;
        self.shared().request(
            |tx| Control::Unsubscribe(node.to_owned(), tx),
            Duration::from_secs(10),
        )
    }

    /// Closes the session, for every handle: explicit subscriptions are removed (they would
    /// otherwise persist on the server), presence goes unavailable, and the thread ends.
    /// Returns once it has ended; from an event callback of this session, at once (the
    /// session ends when the callback returns). Closing again does nothing.
    pub fn close(&self) {
        self.session.close();
    }

    pub(crate) fn shared(&self) -> &Arc<Shared> {
        &self.session.shared
    }

    /// A reference that does not keep the session open.
    pub(crate) fn downgrade(&self) -> Weak<Session> {
        Arc::downgrade(&self.session)
    }

    /// A handle to a session still referenced elsewhere.
    pub(crate) fn upgrade(session: &Weak<Session>) -> Option<Notifications> {
        session.upgrade().map(|session| Notifications { session })
    }

    fn check_thread(&self, operation: &str) -> Result<(), Error> {
        if self.shared().is_own_thread() {
            return Err(from_callback(operation));
        }
        Ok(())
    }
}

fn check_node(node: &str) -> Result<(), Error> {
    if !node.starts_with("/finesse/api/") || node.chars().any(|c| c.is_control()) {
        return Err(Error::invalid(
            "node",
            "a node is a Finesse URI such as /finesse/api/Team/5007/Users",
        ));
    }
    Ok(())
}

/// Every change of the session's state, in the log: the one place they all pass.
fn log_connection(state: &ConnectionState) {
    match state {
        ConnectionState::Connected { node, transport } => {
            log::info!("notifications connected to {node} ({transport})")
        }
        ConnectionState::Disconnected { reason } => {
            log::warn!("notifications disconnected, recovering: {reason}")
        }
        ConnectionState::FailingOver { from, to } => {
            log::warn!("failing over from {from} to {to}")
        }
        ConnectionState::OutOfService { node } => log::warn!("{node} is out of service"),
        ConnectionState::Recovered { node, changes } => {
            log::info!("recovered on {node}: {changes} changes read again")
        }
        ConnectionState::ServiceAvailable { available: true } => {
            log::info!("the finesse service is available")
        }
        ConnectionState::ServiceAvailable { available: false } => {
            log::warn!("the finesse service is unavailable")
        }
        ConnectionState::Failed { reason, .. } => {
            log::error!("notifications failed for good: {reason}")
        }
        ConnectionState::Closed => log::info!("notifications closed"),
    }
}

fn closed() -> Error {
    Error::transport("the notification session is closed")
}
