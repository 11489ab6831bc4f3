//! The running emulator's shared state: the world and the notifier behind one mutex, the
//! CTI queue that applies accepted requests in order one step after their 202 (a
//! call-control request later, with the race between them switched on), and the
//! timers, and the request log. Every operation on the world ends here: its changes are published before the
//! lock is released (so notifications go out in the order of the changes), its timers are
//! spawned after.

use std::sync::{Arc, Mutex, MutexGuard, mpsc as std_mpsc};
use std::time::Duration;

use tokio::runtime::Handle;
use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;

use crate::config::EmulatorConfig;
use crate::errors::ApiError;
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

/// What the mutex guards.
struct Platform {
    world: World,
    notifier: Notifier,
}

pub(crate) struct Engine {
    platform: Mutex<Platform>,
    /// The REST requests received, apart from the platform: recording one never waits
    /// for the world.
    requests: Mutex<RequestLog>,
    /// What a reset returns to.
    config: EmulatorConfig,
    cti: mpsc::UnboundedSender<Queued>,
    handle: Handle,
}

impl Engine {
    /// How many connections each port serves at once.
    pub(crate) fn max_connections(&self) -> usize {
        self.config.max_connections
    }

    pub fn new(
        config: EmulatorConfig,
        handle: Handle,
    ) -> (Arc<Engine>, mpsc::UnboundedReceiver<Queued>) {
        let (cti, rx) = mpsc::unbounded_channel();
        let engine = Engine {
            platform: Mutex::new(Platform {
                world: World::new(&config),
                notifier: Notifier::default(),
            }),
            requests: Mutex::new(RequestLog::default()),
            config,
            cti,
            handle,
        };
        (Arc::new(engine), rx)
    }

    fn lock(&self) -> MutexGuard<'_, Platform> {
        // A panic elsewhere must not take the whole server down with it.
        self.platform.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` on the world, publishes the changes it made, then starts the timers it
    /// asked for.
    pub fn with_world<R>(self: &Arc<Self>, f: impl FnOnce(&mut World) -> R) -> R {
        self.with_notifier(|world, _| f(world))
    }

    /// As [`Engine::with_world`], with the notifier too: its log, its subscribers and the
    /// notification sessions.
    pub fn with_notifier<R>(self: &Arc<Self>, f: impl FnOnce(&mut World, &mut Notifier) -> R) -> R {
        let (result, timers, generation) = {
            let mut guard = self.lock();
            let Platform { world, notifier } = &mut *guard;
            let result = f(world, notifier);
            publish_changes(world, notifier);
            (result, std::mem::take(&mut world.timers), world.generation)
        };
        self.spawn_timers(timers, generation);
        result
    }

    fn spawn_timers(self: &Arc<Self>, timers: Vec<(Duration, Timer)>, generation: u64) {
        for (delay, timer) in timers {
            let engine = Arc::clone(self);
            self.handle.spawn(async move {
                tokio::time::sleep(delay).await;
                engine.with_world(|w| {
                    if w.generation == generation {
                        w.fire(timer);
                    }
                });
            });
        }
    }

    /// Queues an accepted request; it is applied one CTI step from now, after all
    /// requests accepted before it.
    pub fn submit(&self, job: CtiJob) {
        let (step, generation) = {
            let guard = self.lock();
            (guard.world.timing.step, guard.world.generation)
        };
        self.queue(step, job, generation, None);
    }

    fn queue(&self, delay: Duration, job: CtiJob, generation: u64, r: Option<Reservation>) {
        // The worker only stops with the runtime, when no request can arrive any more.
        let _ = self.cti.send(Queued::Job {
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
        self: &Arc<Self>,
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

    /// Runs `f` on the request log.
    pub fn with_requests<R>(&self, f: impl FnOnce(&mut RequestLog) -> R) -> R {
        f(&mut self.requests.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Back to the start: the world as configured (agents kept, their state reset), no
    /// notification sessions or subscriptions, empty request and notification logs. Notification
    /// connections are closed through `links`.
    pub fn reset(self: &Arc<Self>, links: &Links) {
        self.with_notifier(|w, n| {
            w.reset(&self.config);
            n.sessions.reset();
            n.clear_log();
        });
        links.drop_all();
        self.with_requests(RequestLog::clear);
    }

    /// Waits until every request accepted so far has been applied.
    pub async fn flush(&self) {
        let (tx, rx) = oneshot::channel();
        if self.cti.send(Queued::Flush(Done::Async(tx))).is_ok() {
            let _ = rx.await;
        }
    }

    /// As [`Engine::flush`], for callers outside the runtime.
    pub fn flush_blocking(&self, timeout: Duration) {
        let (tx, rx) = std_mpsc::sync_channel(1);
        if self.cti.send(Queued::Flush(Done::Blocking(tx))).is_ok() {
            let _ = rx.recv_timeout(timeout);
        }
    }

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
                    self.with_world(|w| {
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
