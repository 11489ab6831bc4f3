//! The running emulator's shared state: the world and each node's notifier behind one mutex,
//! the CTI queue that applies accepted requests in order one step after their 202 (a
//! call-control request later, with the race between them switched on), the timers, and
//! each node's request log. Every operation on the world ends here: its changes are
//! published by every node before the lock is released (so notifications go out in the
//! order of the changes), its timers are spawned after.
//!
//! One [`Shared`] holds what the nodes of a pair share: the CTI state, as both Finesse nodes
//! of a peripheral connect to the same CTI server (reference 7.1). Each node reaches it
//! through its own [`Engine`], which names the node's side.

use std::sync::{Arc, Mutex, MutexGuard, mpsc as std_mpsc};
use std::time::Duration;

use tokio::runtime::Handle;
use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;

use crate::config::EmulatorConfig;
use crate::errors::ApiError;
use crate::node::Side;
use crate::notify::Notifier;
use crate::publish::publish_changes;
use crate::request_log::RequestLog;
use crate::state::{CtiJob, Reservation, Timer, World};
use crate::xmpp::Links;

/// Signals that the CTI queue has drained up to a point.
pub(crate) enum Done {
    Async(oneshot::Sender<()>),
    Blocking(std_mpsc::SyncSender<()>),
}

impl Done {
    fn signal(self) {
        // The waiter may have given up; nothing to do then.
        match self {
            Done::Async(tx) => {
                let _ = tx.send(());
            }
            Done::Blocking(tx) => {
                let _ = tx.try_send(());
            }
        }
    }
}

pub(crate) enum Queued {
    /// An accepted request, dropped when the world was reset since (`generation`); a
    /// call-control request with the race on holds its device until applied.
    Job {
        due: Instant,
        job: CtiJob,
        generation: u64,
        reservation: Option<Reservation>,
    },
    Flush(Done),
}

/// What the mutex guards: the CTI state, and each node's publishing side (its log, its
/// subscribers, its notification sessions), indexed by [`Side::index`].
struct Platform {
    world: World,
    notifiers: Vec<Notifier>,
}

/// What the nodes of a pair share (a single node alone): the platform, the CTI queue and
/// its worker's runtime, and each node's request log and notification-connection switches.
pub(crate) struct Shared {
    platform: Mutex<Platform>,
    /// Each node's REST requests, apart from the platform: recording one never waits for
    /// the world.
    requests: Vec<Mutex<RequestLog>>,
    /// Each node's switches over its notification connections (freeze, drop).
    links: Vec<Links>,
    /// What a reset returns to.
    config: EmulatorConfig,
    cti: mpsc::UnboundedSender<Queued>,
    /// The runtime of the CTI worker and of the timers.
    handle: Handle,
}

impl Shared {
    /// The platform for `nodes` nodes (1 or 2), and the queue its CTI worker
    /// ([`Shared::run_cti`]) takes, timers running on `handle`.
    pub fn new(
        config: EmulatorConfig,
        nodes: usize,
        handle: Handle,
    ) -> (Arc<Shared>, mpsc::UnboundedReceiver<Queued>) {
        let (cti, rx) = mpsc::unbounded_channel();
        let shared = Shared {
            platform: Mutex::new(Platform {
                world: World::new(&config),
                notifiers: (0..nodes).map(|_| Notifier::default()).collect(),
            }),
            requests: (0..nodes)
                .map(|_| Mutex::new(RequestLog::default()))
                .collect(),
            links: (0..nodes).map(|_| Links::new()).collect(),
            config,
            cti,
            handle,
        };
        (Arc::new(shared), rx)
    }

    fn lock(&self) -> MutexGuard<'_, Platform> {
        // A panic elsewhere must not take the whole server down with it.
        self.platform.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` on the world and every node's notifier, publishes the changes it made on
    /// every node, then starts the timers it asked for.
    pub fn with_platform<R>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut World, &mut [Notifier]) -> R,
    ) -> R {
        let (result, timers, generation) = {
            let mut guard = self.lock();
            let Platform { world, notifiers } = &mut *guard;
            let result = f(world, notifiers);
            publish_changes(world, notifiers);
            (result, std::mem::take(&mut world.timers), world.generation)
        };
        self.spawn_timers(timers, generation);
        result
    }

    fn spawn_timers(self: &Arc<Self>, timers: Vec<(Duration, Timer)>, generation: u64) {
        for (delay, timer) in timers {
            let shared = Arc::clone(self);
            self.handle.spawn(async move {
                tokio::time::sleep(delay).await;
                shared.with_platform(|w, _| {
                    if w.generation == generation {
                        w.fire(timer);
                    }
                });
            });
        }
    }

    /// Every 10 seconds, the statistics of the queues that changed (DEVNET
    /// `queue-notifications`).
    pub async fn publish_queues_periodically(self: Arc<Self>) {
        let period = crate::state::QUEUE_INTERVAL;
        let mut ticks = tokio::time::interval_at(Instant::now() + period, period);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            self.with_platform(crate::publish::publish_queue_statistics);
        }
    }
}

/// One node's view of the shared platform: every REST route, notification connection and
/// control request of a node goes through its engine, which knows the node's side.
pub(crate) struct Engine {
    shared: Arc<Shared>,
    side: Side,
}

impl Engine {
    /// The engine of the node on `side`.
    pub fn new(shared: Arc<Shared>, side: Side) -> Arc<Engine> {
        Arc::new(Engine { shared, side })
    }

    /// This node's side.
    pub fn side(&self) -> Side {
        self.side
    }

    /// How many connections each port serves at once.
    pub(crate) fn max_connections(&self) -> usize {
        self.shared.config.max_connections
    }

    /// Whether the node turns REST connections away: the whole node is down.
    pub fn refuses_rest(&self) -> bool {
        self.with_world(|w| w.health(self.side).down)
    }

    /// Whether the node turns notification connections away: the node or its
    /// notification service is down.
    pub fn refuses_notifications(&self) -> bool {
        self.with_world(|w| {
            let h = w.health(self.side);
            h.down || h.notification_down
        })
    }

    /// This node's switches over its notification connections.
    pub fn links(&self) -> &Links {
        &self.shared.links[self.side.index()]
    }

    /// Runs `f` on the world, publishes the changes it made, then starts the timers it
    /// asked for.
    pub fn with_world<R>(&self, f: impl FnOnce(&mut World) -> R) -> R {
        self.shared.with_platform(|world, _| f(world))
    }

    /// As [`Engine::with_world`], with this node's notifier too: its log, its subscribers
    /// and its notification sessions.
    pub fn with_notifier<R>(&self, f: impl FnOnce(&mut World, &mut Notifier) -> R) -> R {
        let index = self.side.index();
        self.shared
            .with_platform(|world, notifiers| f(world, &mut notifiers[index]))
    }

    /// As [`Engine::with_world`], with every node's notifier.
    pub fn with_platform<R>(&self, f: impl FnOnce(&mut World, &mut [Notifier]) -> R) -> R {
        self.shared.with_platform(f)
    }

    /// Queues an accepted request; it is applied one CTI step from now, after all
    /// requests accepted before it.
    pub fn submit(&self, job: CtiJob) {
        let (step, generation) = {
            let guard = self.shared.lock();
            (guard.world.timing.step, guard.world.generation)
        };
        self.queue(step, job, generation, None);
    }

    fn queue(&self, delay: Duration, job: CtiJob, generation: u64, r: Option<Reservation>) {
        // The worker only stops with the runtime, when no request can arrive any more.
        let _ = self.shared.cti.send(Queued::Job {
            due: Instant::now() + delay,
            job,
            generation,
            reservation: r,
        });
    }

    /// Accepts a call-control request of `agent` (MAKE_CALL, a Dialog action): `validate`
    /// checks it against the world (synchronous errors) and makes its job, queued as
    /// [`Engine::submit`] does. With the race between call-control requests on
    /// ([`EmulatorConfig::call_control_race`]), a request meeting one still pending on the
    /// agent's device is validated without waiting for the queue, then refused
    /// asynchronously (see [`World::refuse_call_control`]); an accepted one holds the device
    /// until its outcome is applied, [`World::call_control_delay`] from now.
    pub async fn call_control(
        &self,
        agent: &str,
        dialog: Option<u64>,
        request_id: &str,
        validate: impl FnOnce(&World) -> Result<CtiJob, ApiError>,
    ) -> Result<(), ApiError> {
        if !self.with_world(|w| w.call_control_busy(agent)) {
            self.flush().await;
        }
        let queued = self.with_world(|w| {
            let job = validate(w)?;
            // Checked again: a request of the same device may have been accepted meanwhile.
            if w.call_control_busy(agent) {
                w.refuse_call_control(agent, dialog, request_id);
                return Ok(None);
            }
            let reservation = w.reserve_call_control(agent);
            Ok(Some((
                job,
                reservation,
                w.call_control_delay(),
                w.generation,
            )))
        })?;
        if let Some((job, reservation, delay, generation)) = queued {
            self.queue(delay, job, generation, reservation);
        }
        Ok(())
    }

    /// Runs `f` on this node's request log.
    pub fn with_requests<R>(&self, f: impl FnOnce(&mut RequestLog) -> R) -> R {
        let log = &self.shared.requests[self.side.index()];
        f(&mut log.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Back to the start, on every node of the pair since they share the platform: the
    /// world as configured (agents kept, their state reset, every node in service), no
    /// notification sessions or subscriptions, notification connections closed, empty
    /// request and notification logs.
    pub fn reset(&self) {
        let shared = &self.shared;
        shared.with_platform(|w, notifiers| {
            w.reset(&shared.config);
            for n in notifiers {
                n.sessions.reset();
                n.clear_log();
            }
        });
        for links in &shared.links {
            links.drop_all();
        }
        for log in &shared.requests {
            log.lock().unwrap_or_else(|e| e.into_inner()).clear();
        }
    }

    /// Waits until every request accepted so far has been applied.
    pub async fn flush(&self) {
        let (tx, rx) = oneshot::channel();
        if self.shared.cti.send(Queued::Flush(Done::Async(tx))).is_ok() {
            let _ = rx.await;
        }
    }

    /// As [`Engine::flush`], for callers outside the runtime.
    pub fn flush_blocking(&self, timeout: Duration) {
        let (tx, rx) = std_mpsc::sync_channel(1);
        if self
            .shared
            .cti
            .send(Queued::Flush(Done::Blocking(tx)))
            .is_ok()
        {
            let _ = rx.recv_timeout(timeout);
        }
    }
}

impl Shared {
    /// The CTI worker: applies queued requests in order, each at its due time.
    pub async fn run_cti(self: Arc<Self>, mut rx: mpsc::UnboundedReceiver<Queued>) {
        while let Some(queued) = rx.recv().await {
            match queued {
                Queued::Job {
                    due,
                    job,
                    generation,
                    reservation,
                } => {
                    tokio::time::sleep_until(due).await;
                    self.with_platform(|w, _| {
                        if w.generation == generation {
                            w.apply(job);
                            if let Some(r) = &reservation {
                                w.release_call_control(r);
                            }
                        }
                    });
                }
                Queued::Flush(done) => done.signal(),
            }
        }
    }
}
