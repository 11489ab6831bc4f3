//! The notification session: a background thread that keeps an XMPP-over-WebSocket
//! connection to Finesse, with presence (so the agent is not signed out), pings (so a dead
//! link is noticed), reconnection, and delivery of typed events.

mod connection;
mod run;

use std::collections::VecDeque;
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock, PoisonError};
use std::thread::{JoinHandle, ThreadId};
use std::time::{Duration, Instant};

use crate::error::Error;
use crate::events::{ConnectionState, Event};

pub(crate) use connection::{Connection, Target};
pub(crate) use run::Context;

/// How many recent events are kept for commands waiting on their outcome.
const RECENT_EVENTS: usize = 1024;

/// Settings of a notification session. The defaults follow the Finesse desktop.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct NotificationOptions {
    /// The WebSocket URL; by default `wss://<REST host>:<REST port>/ws`.
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
    /// Pub-sub nodes to subscribe to explicitly (Team and Queue nodes), also after each
    /// reconnection.
    pub subscriptions: Vec<String>,
    /// How many undelivered events are kept before the oldest are dropped. Default 10,000.
    pub queue_capacity: usize,
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
        }
    }
}

impl NotificationOptions {
    /// Sets the WebSocket URL.
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

    /// Adds a node to subscribe to explicitly.
    pub fn subscribe(mut self, node: impl Into<String>) -> Self {
        self.subscriptions.push(node.into());
        self
    }

    pub(crate) fn validate(&self) -> Result<(), Error> {
        if let Some(resource) = &self.resource
            && (resource.is_empty() || resource.eq_ignore_ascii_case("desktop"))
        {
            return Err(Error::invalid(
                "resource",
                "must be non-empty and not `desktop`, which the Finesse desktop reserves",
            ));
        }
        if self.ping_interval.is_zero() || self.ping_timeout.is_zero() || self.max_missed_pings == 0
        {
            return Err(Error::invalid(
                "keep_alive",
                "interval, timeout and missed pings must be greater than zero",
            ));
        }
        if self.queue_capacity == 0 {
            return Err(Error::invalid(
                "queue_capacity",
                "must be greater than zero",
            ));
        }
        Ok(())
    }
}

/// A callback receiving events on the session thread.
pub type EventCallback = Box<dyn FnMut(&Event) + Send>;

/// A running notification session. Events are read with [`Notifications::recv_timeout`] or
/// by iterating, or delivered to a callback. Dropping it closes the session.
///
/// Safe to share between threads.
pub struct Notifications {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
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
}

struct State {
    queue: VecDeque<Event>,
    capacity: usize,
    dropped: u64,
    /// Recent events with their sequence numbers, for waiting commands.
    recent: VecDeque<(u64, Event)>,
    next_seq: u64,
    connected: bool,
    closed: bool,
    callback: Option<EventCallback>,
    /// Counts `set_callback` calls, so a callback in use is not put back over a newer one.
    callback_generation: u64,
}

/// Requests to the session thread.
pub(crate) enum Control {
    Subscribe(String, mpsc::Sender<Result<(), Error>>),
    Unsubscribe(String, mpsc::Sender<Result<(), Error>>),
    Close,
}

impl Shared {
    pub(crate) fn new(capacity: usize) -> (Arc<Shared>, mpsc::Receiver<Control>) {
        let (tx, rx) = mpsc::channel();
        let shared = Arc::new(Shared {
            thread: OnceLock::new(),
            state: Mutex::new(State {
                queue: VecDeque::new(),
                capacity,
                dropped: 0,
                recent: VecDeque::new(),
                next_seq: 0,
                connected: false,
                closed: false,
                callback: None,
                callback_generation: 0,
            }),
            cond: Condvar::new(),
            control: Mutex::new(tx),
        });
        (shared, rx)
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Delivers an event: to the callback if one is set, else to the queue; and to the
    /// waiting commands. The callback runs without the lock held, so it may use the client.
    pub(crate) fn publish(&self, event: Event) {
        let mut state = self.lock();
        match &event {
            Event::Connection(ConnectionState::Connected { .. }) => state.connected = true,
            Event::Connection(ConnectionState::Disconnected { .. } | ConnectionState::Closed) => {
                state.connected = false
            }
            _ => {}
        }
        let seq = state.next_seq;
        state.next_seq += 1;
        if state.recent.len() == RECENT_EVENTS {
            state.recent.pop_front();
        }
        state.recent.push_back((seq, event.clone()));
        let callback = state.callback.take();
        let generation = state.callback_generation;
        if callback.is_none() {
            if state.queue.len() >= state.capacity {
                state.queue.pop_front();
                state.dropped += 1;
            }
            state.queue.push_back(event.clone());
        }
        drop(state);
        self.cond.notify_all();
        if let Some(mut callback) = callback {
            callback(&event);
            let mut state = self.lock();
            // Put it back unless the application replaced it meanwhile.
            if state.callback_generation == generation {
                state.callback = Some(callback);
            }
        }
    }

    /// Marks the session closed and wakes every reader.
    pub(crate) fn mark_closed(&self) {
        self.lock().closed = true;
        self.cond.notify_all();
    }

    /// The sequence number the next event will get: a command takes it before sending, and
    /// then looks only at events from there on.
    pub(crate) fn next_seq(&self) -> u64 {
        self.lock().next_seq
    }

    /// Whether events are flowing now.
    pub(crate) fn is_connected(&self) -> bool {
        self.lock().connected
    }

    /// Whether the caller runs on the session thread (inside a callback).
    pub(crate) fn is_own_thread(&self) -> bool {
        self.thread.get() == Some(&std::thread::current().id())
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
            for (seq, event) in state.recent.iter() {
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
            state = self
                .cond
                .wait_timeout(state, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    fn request(
        &self,
        make: impl FnOnce(mpsc::Sender<Result<(), Error>>) -> Control,
        timeout: Duration,
    ) -> Result<(), Error> {
        let (tx, rx) = mpsc::channel();
        let sent = self
            .control
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .send(make(tx));
        if sent.is_err() {
            return Err(closed());
        }
        rx.recv_timeout(timeout).unwrap_or_else(|_| {
            Err(Error::timeout(
                "no answer from the notification service".to_owned(),
            ))
        })
    }
}

impl Notifications {
    pub(crate) fn start(
        shared: Arc<Shared>,
        control: mpsc::Receiver<Control>,
        connection: Connection,
        context: run::Context,
    ) -> Notifications {
        shared.publish(Event::Connection(
            crate::events::ConnectionState::Connected {
                node: context.target.url.clone(),
            },
        ));
        let thread_shared = shared.clone();
        let thread = std::thread::Builder::new()
            .name("finesse-notifications".to_owned())
            .spawn(move || run::run(thread_shared, control, connection, context))
            .expect("spawning the notification thread");
        let _ = shared.thread.set(thread.thread().id());
        Notifications {
            shared,
            thread: Some(thread),
        }
    }

    /// The next event, waiting at most `timeout`; `None` when none came, or when the session
    /// is closed and every event was read.
    pub fn recv_timeout(&self, timeout: Duration) -> Option<Event> {
        let deadline = Instant::now() + timeout;
        let mut state = self.shared.lock();
        loop {
            if let Some(event) = state.queue.pop_front() {
                return Some(event);
            }
            let now = Instant::now();
            if now >= deadline || state.closed {
                return None;
            }
            state = self
                .shared
                .cond
                .wait_timeout(state, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// The next event if one is waiting.
    pub fn try_recv(&self) -> Option<Event> {
        self.shared.lock().queue.pop_front()
    }

    /// Events as they come, until the session is closed.
    pub fn iter(&self) -> impl Iterator<Item = Event> + '_ {
        std::iter::from_fn(move || {
            loop {
                if let Some(event) = self.recv_timeout(Duration::from_secs(3600)) {
                    return Some(event);
                }
                if self.shared.lock().closed {
                    return None;
                }
            }
        })
    }

    /// Delivers events to `callback` instead of the queue (events already queued stay
    /// there). The callback runs on the session's own thread, named `finesse-notifications`:
    /// keep it short. A command awaited from it is confirmed by reading the resource, since
    /// no event can arrive while the callback runs. `None` goes back to the queue.
    pub fn set_callback(&self, callback: Option<EventCallback>) {
        let mut state = self.shared.lock();
        state.callback = callback;
        state.callback_generation += 1;
    }

    /// Whether the connection is up and events are flowing.
    pub fn is_connected(&self) -> bool {
        self.shared.is_connected()
    }

    /// Whether the session has ended (it reconnects by itself otherwise).
    pub fn is_closed(&self) -> bool {
        self.shared.lock().closed
    }

    /// How many events were dropped because the queue was full.
    pub fn dropped(&self) -> u64 {
        self.shared.lock().dropped
    }

    /// Subscribes to a node (a Team's users, a Queue), waiting for the server's answer. The
    /// subscription is renewed after each reconnection.
    pub fn subscribe(&self, node: &str) -> Result<(), Error> {
        check_node(node)?;
        self.shared.request(
            |tx| Control::Subscribe(node.to_owned(), tx),
            Duration::from_secs(10),
        )
    }

    /// Unsubscribes from a node subscribed to explicitly.
    pub fn unsubscribe(&self, node: &str) -> Result<(), Error> {
        check_node(node)?;
        self.shared.request(
            |tx| Control::Unsubscribe(node.to_owned(), tx),
            Duration::from_secs(10),
        )
    }

    /// Closes the session: explicit subscriptions are removed (they would otherwise persist
    /// on the server), presence goes unavailable, and the thread ends.
    pub fn close(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        let _ = self
            .shared
            .control
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .send(Control::Close);
        if let Some(thread) = self.thread.take() {
            // Closed from a callback: the thread ends by itself after the callback returns.
            if thread.thread().id() != std::thread::current().id() {
                let _ = thread.join();
            }
        }
    }

    pub(crate) fn shared(&self) -> &Arc<Shared> {
        &self.shared
    }
}

impl Drop for Notifications {
    fn drop(&mut self) {
        self.shutdown();
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

fn closed() -> Error {
    Error::Transport {
        message: "the notification session is closed".to_owned(),
    }
}
