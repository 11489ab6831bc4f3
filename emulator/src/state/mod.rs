//! The emulated platform: agents, dialogs, and the changes that Finesse notifies.
//!
//! `World` is a plain state machine behind one mutex. Requests are validated against it
//! synchronously (ApiErrors), then applied as [`CtiJob`]s a CTI step later, the way Finesse
//! answers 202 and reports the outcome by notification. Telephony that happens on its own
//! (ringing, answering, hanging up) and the forced logout of agents without a notification
//! session are driven by [`Timer`]s, which the caller of a World method spawns after the
//! lock is released. What an operation changed is recorded as [`Change`]s, which the
//! caller renders and publishes before releasing the lock.

pub(crate) mod agent;
mod call_control;
mod calls;
mod change;
pub(crate) mod dialog;
mod mobile_agent;
mod nodes;
mod presence;
mod pubsub;
mod queue_assignment;
mod queues;
mod resources;
pub(crate) mod supervise;
mod team_messages;
mod validate;
mod wrap_up;

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use crate::config::{
    Deployment, EmulatorConfig, FarEnd, QueueConfig, ReasonCode, Timing, WrapUpReason,
};
use crate::control::{AgentSnapshot, DialogSnapshot};
use crate::errors::CtiError;
use crate::node::{MAX_NODES, NodeHealth, Side, Topology};
use crate::release::Release;
use crate::tokens::Tokens;

pub(crate) use agent::{Agent, UserChange};
pub(crate) use call_control::{PendingCallControl, Reservation};
pub(crate) use change::{Change, DialogEvent};
pub(crate) use dialog::{Dialog, DialogAction};
pub(crate) use pubsub::Subscription;
pub(crate) use queue_assignment::removed_queue_item;
pub(crate) use queues::{QUEUE_INTERVAL, queue_uri};
pub(crate) use team_messages::TeamMessage;

/// CCE call ids are large numbers; starting here makes ids look like real ones.
const FIRST_DIALOG_ID: u64 = 16_777_217;

/// Something that happens by itself after a delay.
#[derive(Clone, Debug)]
pub(crate) enum Timer {
    /// Telephony: call setup steps, the far end answering or hanging up.
    Call(dialog::CallTimer),
    /// Signs the agent out unless a notification session became available on the node in
    /// the meantime (the agent's presence epoch on that node is still `epoch`).
    ForcedLogout {
        login_id: String,
        side: Side,
        epoch: u64,
    },
    /// Ends the agent's wrap-up towards `next` unless it ended already (the agent's
    /// wrap-up epoch is no longer `epoch`).
    WrapUp {
        login_id: String,
        epoch: u64,
        next: agent::AgentState,
    },
    /// Refuses a call-control request that met a pending one of its device (the race
    /// switched on).
    CallControlRefused {
        login_id: String,
        dialog: Option<u64>,
        request_id: String,
    },
}

/// One-shot instruction to drop the connection after the next matching request.
#[derive(Clone, Debug)]
pub(crate) struct CutRule {
    pub method: String,
    pub path_prefix: String,
}

/// The outcome of an accepted request, applied one CTI step after the 202.
#[derive(Debug)]
pub(crate) enum CtiJob {
    User {
        target: String,
        change: UserChange,
        by_supervisor: bool,
        request_id: String,
    },
    MakeCall {
        agent: String,
        to: String,
        variables: Vec<(String, String)>,
        request_id: String,
    },
    Dialog {
        agent: String,
        dialog: u64,
        action: DialogAction,
        request_id: String,
    },
    /// A supervisor's SILENT_MONITOR or BARGE_CALL.
    Supervise {
        request: supervise::Supervise,
        request_id: String,
    },
}

pub(crate) struct World {
    /// Bumped by a reset: timers and queued requests from before it are dropped.
    pub generation: u64,
    pub release: Release,
    pub timing: Timing,
    pub lockout: Duration,
    /// Time without an available notification session before a forced logout.
    pub forced_logout_after: Option<Duration>,
    /// CCE's LOAD setting 1 ("logout on disconnect"): a forced logout signs the agent out
    /// instead of making it NOT_READY (see [`EmulatorConfig::logout_on_disconnect`]).
    pub logout_on_disconnect: bool,
    pub agents: BTreeMap<String, Agent>,
    pub dialogs: BTreeMap<u64, Dialog>,
    next_dialog_id: u64,
    pub reason_codes: Vec<ReasonCode>,
    /// Off: the system has no reason codes configured, so NOT_READY and LOGOUT need none
    /// (reference 2.2 `reasonCodeId` -1 "no codes configured", 2.4).
    pub reason_codes_configured: bool,
    /// How long wrap-up lasts before the agent leaves it by itself; `None`: until asked.
    pub wrap_up_timer: Option<Duration>,
    pub wrap_up_reasons: Vec<WrapUpReason>,
    /// The race between call-control requests reproduced (DG12.5 p91): see
    /// [`EmulatorConfig::call_control_race`].
    pub call_control_race: bool,
    /// Devices whose call-control request awaits its outcome (with the race on).
    pub pending_call_control: PendingCallControl,
    pub far_end_default: FarEnd,
    pub far_end_by_address: HashMap<String, FarEnd>,
    /// Each node's health, by [`Side::index`].
    pub nodes: [NodeHealth; MAX_NODES],
    /// The nodes, as SystemInfo names them.
    pub topology: Topology,
    /// Each node's delay on REST responses.
    pub latency: [Duration; MAX_NODES],
    /// Each node's one-shot connection cut.
    pub cut: [Option<CutRule>; MAX_NODES],
    /// SSO access tokens issued with an expiry, valid on every node.
    pub tokens: Tokens,
    /// When the platform started (the CTI connections' start).
    pub started: std::time::SystemTime,
    /// Timers requested by the last operation; drained and spawned by the caller.
    pub timers: Vec<(Duration, Timer)>,
    /// The outbox: changes made by the last operation, in order; drained, rendered and
    /// published by the caller.
    pub changes: Vec<Change>,
    /// Phone books, workflows and media properties layouts, as configured.
    pub resources: crate::resources::Resources,
    /// The parties a conference call may have (a barge-in past it is refused).
    pub conference_limit: usize,
    /// The queues (CCE skill groups) and the teams each is assigned to, by id.
    pub queues: BTreeMap<u64, QueueConfig>,
    /// Each queue's document as last published on its node.
    pub published_queues: HashMap<u64, String>,
    /// Team messages sent and not yet known to have expired (12.x).
    pub team_messages: Vec<TeamMessage>,
}

impl World {
    pub fn new(config: &EmulatorConfig) -> World {
        let mut world = World {
            generation: 0,
            release: config.release,
            timing: config.timing,
            lockout: config.lockout,
            forced_logout_after: config.forced_logout_after,
            logout_on_disconnect: config.logout_on_disconnect,
            agents: config
                .agents
                .iter()
                .map(|a| (a.login_id.clone(), Agent::new(a.clone())))
                .collect(),
            dialogs: BTreeMap::new(),
            next_dialog_id: FIRST_DIALOG_ID,
            reason_codes: config.reason_codes.clone(),
            reason_codes_configured: config.reason_codes_configured,
            wrap_up_timer: config.wrap_up_timer,
            wrap_up_reasons: config.wrap_up_reasons.clone(),
            call_control_race: config.call_control_race,
            pending_call_control: PendingCallControl::default(),
            far_end_default: FarEnd::default(),
            far_end_by_address: HashMap::new(),
            nodes: [NodeHealth::default(); MAX_NODES],
            topology: config.topology.clone(),
            latency: [Duration::ZERO; MAX_NODES],
            cut: [None, None],
            tokens: Tokens::default(),
            started: std::time::SystemTime::now(),
            timers: Vec::new(),
            changes: Vec::new(),
            resources: config.resources.clone(),
            conference_limit: config.conference_limit,
            queues: config
                .queues
                .iter()
                .map(|q| (q.id, q.clone()))
                .take(crate::limits::MAX_QUEUES)
                .collect(),
            published_queues: HashMap::new(),
            team_messages: Vec::new(),
        };
        // The queues' statistics at the start count as published: only changes are.
        world.changed_queues();
        world
    }

    /// Back to the start as `config` describes it, keeping every agent's configuration
    /// (those added since included) with its state reset: no dialogs, agents signed out and
    /// unlocked, far-end behaviour, service, latency and cuts as configured, no tokens
    /// issued. Dialog ids keep counting, and timers and queued requests of before are
    /// dropped (see `generation`).
    pub fn reset(&mut self, config: &EmulatorConfig) {
        let mut fresh = World::new(config);
        fresh.topology = std::mem::take(&mut self.topology);
        fresh.agents = std::mem::take(&mut self.agents)
            .into_iter()
            .map(|(id, agent)| (id, Agent::new(agent.cfg)))
            .collect();
        fresh.generation = self.generation + 1;
        fresh.next_dialog_id = self.next_dialog_id;
        *self = fresh;
    }

    pub fn ccx(&self) -> bool {
        self.release.deployment() == Deployment::Ccx
    }

    pub fn allocate_dialog_id(&mut self) -> u64 {
        let id = self.next_dialog_id;
        self.next_dialog_id += 1;
        id
    }

    pub fn apply(&mut self, job: CtiJob) {
        match job {
            CtiJob::User {
                target,
                change,
                by_supervisor,
                request_id,
            } => self.apply_user(&target, change, by_supervisor, &request_id),
            CtiJob::MakeCall {
                agent,
                to,
                variables,
                request_id,
            } => self.apply_make_call(&agent, to, variables, &request_id),
            CtiJob::Dialog {
                agent,
                dialog,
                action,
                request_id,
            } => self.apply_dialog_action(&agent, dialog, action, &request_id),
            CtiJob::Supervise {
                request,
                request_id,
            } => self.apply_supervise(request, &request_id),
        }
    }

    /// Runs a timer that has expired.
    pub fn fire(&mut self, timer: Timer) {
        match timer {
            Timer::Call(t) => self.fire_call_timer(t),
            Timer::ForcedLogout {
                login_id,
                side,
                epoch,
            } => self.forced_logout(&login_id, side, epoch),
            Timer::WrapUp {
                login_id,
                epoch,
                next,
            } => self.wrap_up_expired(&login_id, epoch, next),
            Timer::CallControlRefused {
                login_id,
                dialog,
                request_id,
            } => self.call_control_refused(&login_id, dialog, &request_id),
        }
    }

    /// Records the user as it is now for its own node and its team's node (the per-member
    /// `<user>` update supervisors subscribe to).
    pub fn publish_user(&mut self, login_id: &str, request_id: &str) {
        let Some(agent) = self.agents.get(login_id) else {
            return;
        };
        self.changes.push(Change::User {
            agent: Box::new(agent.clone()),
            request_id: request_id.to_owned(),
        });
    }

    /// An asynchronous error on the user's node (state changes).
    pub fn user_cti_error(&mut self, login_id: &str, request_id: &str, error: CtiError) {
        self.changes.push(Change::UserError {
            login_id: login_id.to_owned(),
            request_id: request_id.to_owned(),
            error,
        });
    }

    /// An asynchronous error on the user's Dialogs node (call control).
    pub fn dialog_cti_error(
        &mut self,
        login_id: &str,
        dialog: Option<u64>,
        request_id: &str,
        error: CtiError,
    ) {
        self.changes.push(Change::DialogError {
            login_id: login_id.to_owned(),
            dialog,
            request_id: request_id.to_owned(),
            error,
        });
    }

    pub fn dialog_snapshots(&self) -> Vec<DialogSnapshot> {
        self.dialogs
            .values()
            .map(|d| self.snapshot_dialog(d))
            .collect()
    }

    pub fn agent_snapshot(&self, login_id: &str) -> Option<AgentSnapshot> {
        self.agents.get(login_id).map(|a| a.snapshot())
    }
}

impl World {
    /// Adds an agent, or updates the configuration of an existing one (its state stays).
    pub fn add_agent(&mut self, config: crate::config::AgentConfig) {
        match self.agents.get_mut(&config.login_id) {
            Some(existing) => existing.cfg = config,
            None => {
                self.agents
                    .insert(config.login_id.clone(), Agent::new(config));
            }
        }
    }

    /// Sets the far-end behaviour for one destination, or the default when `address` is None.
    pub fn set_far_end(&mut self, address: Option<&str>, far_end: FarEnd) {
        match address {
            Some(a) => {
                self.far_end_by_address.insert(a.to_owned(), far_end);
            }
            None => self.far_end_default = far_end,
        }
    }
}
