//! Agent state machine: sign-in, READY / NOT_READY / LOGOUT with reasons, pending states,
//! wrap-up, and the states the platform sets while the agent is on calls.

use std::time::{Instant, SystemTime};

use super::World;
use super::dialog::Activity;
use super::mobile_agent::MobileAgent;
use crate::config::{AgentConfig, ReasonCategory, ReasonCode};
use crate::control::AgentSnapshot;
use crate::errors::{ApiError, CtiError};
use crate::node::MAX_NODES;
use crate::xml_in::UserBody;

/// CCE 12.5: an agent who dials from READY is made NOT_READY with this code.
pub(crate) const REASON_CALL_FROM_READY: u32 = 50006;
/// Finesse id of the reason applied when a supervisor makes an agent NOT_READY.
pub(crate) const REASON_SUPERVISOR_NOT_READY: u32 = 999;
/// Finesse id of the reason applied when a supervisor signs an agent out.
pub(crate) const REASON_SUPERVISOR_LOGOUT: u32 = 1999;
/// Finesse signs out an agent whose desktop is gone with this code (id and code alike).
pub(crate) const REASON_FORCED_LOGOUT: u32 = 255;

/// Agent states (reference 2.3) the emulator produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AgentState {
    Logout,
    NotReady,
    Ready,
    Reserved,
    Talking,
    Hold,
    Work,
    WorkReady,
}

impl AgentState {
    pub fn as_str(self) -> &'static str {
        match self {
            AgentState::Logout => "LOGOUT",
            AgentState::NotReady => "NOT_READY",
            AgentState::Ready => "READY",
            AgentState::Reserved => "RESERVED",
            AgentState::Talking => "TALKING",
            AgentState::Hold => "HOLD",
            AgentState::Work => "WORK",
            AgentState::WorkReady => "WORK_READY",
        }
    }

    /// States the platform sets while calls are in progress.
    pub fn on_call(self) -> bool {
        matches!(
            self,
            AgentState::Reserved | AgentState::Talking | AgentState::Hold
        )
    }
}

/// A state with its reason code id.
pub(crate) type StateWithReason = (AgentState, Option<u32>);

/// The user's notification sessions on one node.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct NodePresence {
    /// Sessions available now.
    pub available: usize,
    /// Bumped whenever a forced-logout timer starts or is cancelled on the node; a timer
    /// only acts while the epoch it was started with is current.
    pub epoch: u64,
}

#[derive(Clone)]
pub(crate) struct Agent {
    pub cfg: AgentConfig,
    pub state: AgentState,
    pub reason: Option<u32>,
    /// Empty when signed out.
    pub extension: String,
    pub pending: Option<StateWithReason>,
    pub state_change_time: SystemTime,
    /// Where the agent returns when its calls are over.
    pub before_call: Option<StateWithReason>,
    /// A call that requires wrap-up ended; applied when the last call is over.
    pub wrap_up_due: bool,
    pub bad_passwords: u32,
    pub locked_until: Option<Instant>,
    /// The user's notification sessions on each node (by [`crate::node::Side::index`]), as
    /// each node's notification service reports them.
    pub presence: [NodePresence; MAX_NODES],
    /// Counts the agent's wrap-ups: a wrap-up timer applies to the wrap-up it started for.
    pub wrap_up_epoch: u64,
    /// Signed in as a mobile agent: the mode and dial number.
    pub mobile_agent: Option<MobileAgent>,
}

impl Agent {
    pub fn new(cfg: AgentConfig) -> Agent {
        Agent {
            cfg,
            state: AgentState::Logout,
            reason: None,
            extension: String::new(),
            pending: None,
            state_change_time: SystemTime::now(),
            before_call: None,
            wrap_up_due: false,
            bad_passwords: 0,
            locked_until: None,
            presence: [NodePresence::default(); MAX_NODES],
            wrap_up_epoch: 0,
            mobile_agent: None,
        }
    }

    pub fn signed_in(&self) -> bool {
        self.state != AgentState::Logout
    }

    pub fn snapshot(&self) -> AgentSnapshot {
        AgentSnapshot {
            login_id: self.cfg.login_id.clone(),
            login_name: self.cfg.login_name.clone(),
            state: self.state.as_str().to_owned(),
            reason_code_id: self.reason,
            extension: (!self.extension.is_empty()).then(|| self.extension.clone()),
            pending_state: self.pending.map(|(s, _)| s.as_str().to_owned()),
            locked_out: self
                .locked_until
                .is_some_and(|until| until > Instant::now()),
        }
    }
}

/// A requested state change, validated.
#[derive(Debug)]
pub(crate) enum UserChange {
    Login(String, Option<MobileAgent>),
    Ready,
    NotReady(Option<u32>),
    Logout(Option<u32>),
}

/// Whether an extension is a device the emulator knows: a short dial string (CCX also
/// allows E.164 with a leading +); anything else is refused as "Invalid Device".
fn valid_extension(ext: &str) -> bool {
    (1..=32).contains(&ext.len())
        && ext
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+*#._-".contains(&b))
}

fn trimmed(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

impl World {
    /// Platform-defined reason codes; the supervisor codes differ between CCE and CCX.
    fn system_reason_codes(&self) -> Vec<ReasonCode> {
        let ccx = self.ccx();
        let mut codes = Vec::new();
        if self.release.dials_from_ready() {
            codes.push(ReasonCode {
                system_code: true,
                ..ReasonCode::new(
                    REASON_CALL_FROM_READY,
                    ReasonCategory::NotReady,
                    REASON_CALL_FROM_READY,
                    "Outbound Call",
                )
            });
        }
        codes.push(ReasonCode {
            system_code: true,
            ..ReasonCode::new(
                REASON_SUPERVISOR_NOT_READY,
                ReasonCategory::NotReady,
                if ccx { 33 } else { 999 },
                "Supervisor Initiated",
            )
        });
        codes.push(ReasonCode {
            system_code: true,
            ..ReasonCode::new(
                REASON_SUPERVISOR_LOGOUT,
                ReasonCategory::Logout,
                if ccx { 22 } else { 999 },
                "Supervisor Initiated",
            )
        });
        codes.push(ReasonCode {
            system_code: true,
            ..ReasonCode::new(
                REASON_FORCED_LOGOUT,
                ReasonCategory::Logout,
                REASON_FORCED_LOGOUT,
                "Connection Failure",
            )
        });
        // CCE with LOAD 0 makes the agent NOT_READY, with the same code 255 (DG12.5
        // failover chapter; reference 10.3).
        codes.push(ReasonCode {
            system_code: true,
            ..ReasonCode::new(
                REASON_FORCED_LOGOUT,
                ReasonCategory::NotReady,
                REASON_FORCED_LOGOUT,
                "Connection Failure",
            )
        });
        codes
    }

    /// The administrator-defined reason codes in force: none while the "no reason codes
    /// configured" setting is on.
    fn configured_reason_codes(&self) -> &[ReasonCode] {
        if self.reason_codes_configured {
            &self.reason_codes
        } else {
            &[]
        }
    }

    /// The reason code of an agent's state: found by id, in the category of the state when
    /// codes of both categories share the id (255, the forced logout's, is both).
    pub fn find_reason_code(&self, id: u32, state: AgentState) -> Option<ReasonCode> {
        let category = match state {
            AgentState::Logout => ReasonCategory::Logout,
            _ => ReasonCategory::NotReady,
        };
        let all: Vec<ReasonCode> = self
            .configured_reason_codes()
            .iter()
            .cloned()
            .chain(self.system_reason_codes())
            .filter(|c| c.id == id)
            .collect();
        let preferred = all.iter().position(|c| c.category == category);
        all.into_iter().nth(preferred.unwrap_or(0))
    }

    /// What ReasonCodes lists: the configured codes only; system codes such as 50006 are
    /// never listed (reference 10.4, DEVNET `reasoncode`).
    pub fn listed_reason_codes(&self, category: Option<ReasonCategory>) -> Vec<ReasonCode> {
        self.configured_reason_codes()
            .iter()
            .filter(|c| category.is_none_or(|cat| c.category == cat))
            .cloned()
            .collect()
    }

    /// A reason requested by the agent: required when codes of the category are configured.
    fn requested_reason(
        &self,
        raw: Option<String>,
        category: ReasonCategory,
    ) -> Result<Option<u32>, ApiError> {
        let configured = self
            .configured_reason_codes()
            .iter()
            .any(|c| c.category == category);
        let Some(raw) = trimmed(raw) else {
            return if configured {
                Err(ApiError::reason_code_required())
            } else {
                Ok(None)
            };
        };
        let id: u32 = raw
            .parse()
            .map_err(|_| ApiError::invalid_input("reasonCodeId"))?;
        self.configured_reason_codes()
            .iter()
            .find(|c| c.id == id && c.category == category && !c.system_code)
            .map(|c| Some(c.id))
            .ok_or_else(|| ApiError::invalid_input("reasonCodeId"))
    }

    /// Validates PUT User against the current state (synchronous errors).
    pub fn validate_user_put(
        &self,
        target: &str,
        by_supervisor: bool,
        body: UserBody,
    ) -> Result<UserChange, ApiError> {
        let Some(agent) = self.agents.get(target) else {
            return Err(ApiError::user_not_found(target));
        };
        let requested = trimmed(body.state).ok_or_else(|| ApiError::parameter_missing("state"))?;
        let state = agent.state;
        let signed_out = state == AgentState::Logout;
        let not_signed_in = || ApiError::invalid_state(400, state.as_str());
        match requested.as_str() {
            "LOGIN" => {
                if by_supervisor {
                    return Err(ApiError::invalid_input("state"));
                }
                let ext = trimmed(body.extension)
                    .ok_or_else(|| ApiError::parameter_missing("extension"))?;
                let mobile = body.mobile_agent.map(MobileAgent::from_body).transpose()?;
                // Whether the extension is a device is for the platform to say: later.
                Ok(UserChange::Login(ext, mobile))
            }
            // READY while signed out goes to the platform, which refuses it (below).
            "READY" => Ok(UserChange::Ready),
            "NOT_READY" if signed_out => Err(not_signed_in()),
            "NOT_READY" if by_supervisor => {
                if body.reason_code_id.is_some() {
                    return Err(ApiError::invalid_input("reasonCodeId"));
                }
                if !matches!(
                    state,
                    AgentState::Ready | AgentState::Work | AgentState::WorkReady
                ) {
                    return Err(ApiError::invalid_state(400, state.as_str()));
                }
                Ok(UserChange::NotReady(Some(REASON_SUPERVISOR_NOT_READY)))
            }
            "NOT_READY" => Ok(UserChange::NotReady(
                self.requested_reason(body.reason_code_id, ReasonCategory::NotReady)?,
            )),
            "LOGOUT" if signed_out => Err(not_signed_in()),
            "LOGOUT" if by_supervisor => {
                if body.reason_code_id.is_some() {
                    return Err(ApiError::invalid_input("reasonCodeId"));
                }
                Ok(UserChange::Logout(Some(REASON_SUPERVISOR_LOGOUT)))
            }
            "LOGOUT" => {
                let reason = self.requested_reason(body.reason_code_id, ReasonCategory::Logout)?;
                if !self.logout_allowed_from(state) {
                    return Err(ApiError::invalid_state(400, state.as_str()));
                }
                Ok(UserChange::Logout(reason))
            }
            _ => Err(ApiError::invalid_input("state")),
        }
    }

    /// CCE signs out only from NOT_READY, CCX also from READY; during a call it is pending.
    fn logout_allowed_from(&self, state: AgentState) -> bool {
        state.on_call()
            || state == AgentState::NotReady
            || (self.ccx() && state == AgentState::Ready)
    }

    pub fn apply_user(&mut self, target: &str, change: UserChange, by_supervisor: bool, rid: &str) {
        let Some(agent) = self.agents.get(target) else {
            return;
        };
        let state = agent.state;
        let ccx = self.ccx();
        let refuse = CtiError::invalid_agent_state(ccx);
        match change {
            UserChange::Login(ext, mobile) => {
                if agent.signed_in() {
                    // A repeated sign-in keeps the current state.
                    self.publish_user(target, rid);
                    return;
                }
                // An extension that is no device: CTI refuses the sign-in (reference 2.4,
                // 10.4: recorded "Invalid Device", 260).
                if !valid_extension(&ext) {
                    self.user_cti_error(target, rid, CtiError::invalid_device());
                    return;
                }
                let taken = self
                    .agents
                    .values()
                    .any(|a| a.signed_in() && a.extension == ext);
                if taken {
                    self.user_cti_error(target, rid, CtiError::device_busy());
                    return;
                }
                if let Some(a) = self.agents.get_mut(target) {
                    a.extension = ext;
                    a.mobile_agent = mobile;
                }
                // No forced-logout timer here: only losing a session starts one (reference
                // 10.3: "Nothing documents a logout of an agent that never opened a session").
                self.set_agent_state(target, AgentState::NotReady, None, rid);
            }
            UserChange::Ready => match state {
                // READY to READY is ignored: no event.
                AgentState::Ready => {}
                // Recorded on CCE 12.5: 202, then Invalid State 22 (reference 10.4).
                AgentState::Logout => {
                    self.user_cti_error(target, rid, CtiError::invalid_object_state())
                }
                s if s.on_call() && ccx => {
                    let error = if self.on_routed_call(target) {
                        refuse
                    } else {
                        CtiError::resource_busy()
                    };
                    self.user_cti_error(target, rid, error);
                }
                s if s.on_call() => self.set_pending(target, (AgentState::Ready, None), rid),
                // On a non-ICD call the CCX agent stays NOT_READY; READY is refused as
                // during the call (reference 2.4, DG12.5 p49).
                _ if ccx && self.call_activity(target) != Activity::Idle => {
                    self.user_cti_error(target, rid, CtiError::resource_busy())
                }
                _ => {
                    self.finish_wrap_up(target, rid);
                    self.set_agent_state(target, AgentState::Ready, None, rid);
                }
            },
            UserChange::NotReady(reason) => match state {
                AgentState::Logout => self.user_cti_error(target, rid, refuse),
                s if s.on_call() => self.set_pending(target, (AgentState::NotReady, reason), rid),
                _ => {
                    self.finish_wrap_up(target, rid);
                    self.set_agent_state(target, AgentState::NotReady, reason, rid);
                }
            },
            UserChange::Logout(reason) => match state {
                AgentState::Logout => self.user_cti_error(target, rid, refuse),
                s if s.on_call() => self.set_pending(target, (AgentState::Logout, reason), rid),
                s if by_supervisor || self.logout_allowed_from(s) => {
                    self.finish_wrap_up(target, rid);
                    self.set_agent_state(target, AgentState::Logout, reason, rid);
                }
                _ => self.user_cti_error(target, rid, refuse),
            },
        }
    }

    fn set_pending(&mut self, target: &str, pending: StateWithReason, rid: &str) {
        if let Some(a) = self.agents.get_mut(target) {
            a.pending = Some(pending);
        }
        self.publish_user(target, rid);
    }

    /// Changes the state and publishes the User update. Signing out clears the extension.
    pub fn set_agent_state(
        &mut self,
        target: &str,
        state: AgentState,
        reason: Option<u32>,
        rid: &str,
    ) {
        let Some(a) = self.agents.get_mut(target) else {
            return;
        };
        a.state = state;
        a.reason = reason;
        a.state_change_time = SystemTime::now();
        if state == AgentState::Logout {
            a.extension.clear();
            a.mobile_agent = None;
            a.pending = None;
            a.before_call = None;
            a.wrap_up_due = false;
        }
        self.publish_user(target, rid);
    }

    /// Brings the agent state in line with the agent's calls.
    pub fn refresh_agent(&mut self, target: &str, rid: &str) {
        let activity = self.call_activity(target);
        let ccx = self.ccx();
        let routed = self.on_routed_call(target);
        let Some(agent) = self.agents.get_mut(target) else {
            return;
        };
        if !agent.signed_in() {
            return;
        }
        let current = agent.state;
        // CCX: a non-routed (non-ICD) call leaves the agent state alone, without a User
        // update (reference 10.4, DG12.5 p49; DEVNET `user-states`).
        if ccx && !routed && !current.on_call() && agent.before_call.is_none() {
            return;
        }
        match activity {
            Activity::Talking | Activity::Held => {
                // CCX keeps TALKING while the call is held.
                let wanted = if activity == Activity::Held && !ccx {
                    AgentState::Hold
                } else {
                    AgentState::Talking
                };
                if !current.on_call() {
                    agent.before_call.get_or_insert((current, agent.reason));
                }
                if current != wanted || agent.reason.is_some() {
                    self.set_agent_state(target, wanted, None, rid);
                }
            }
            Activity::Ringing { routed: true } if current == AgentState::Ready => {
                agent.before_call.get_or_insert((current, agent.reason));
                self.set_agent_state(target, AgentState::Reserved, None, rid);
            }
            Activity::Ringing { .. } | Activity::Dialing => {}
            Activity::Idle => {
                if current.on_call() || agent.before_call.is_some() {
                    self.after_calls(target, rid);
                }
            }
        }
    }

    /// The last call is over: pending state, wrap-up, or back to the state before the call.
    fn after_calls(&mut self, target: &str, rid: &str) {
        let ccx = self.ccx();
        let Some(agent) = self.agents.get_mut(target) else {
            return;
        };
        let (before, before_reason) = agent
            .before_call
            .take()
            .unwrap_or((AgentState::NotReady, None));
        let pending = agent.pending.take();
        let wrap_up = std::mem::take(&mut agent.wrap_up_due);
        match pending {
            Some((AgentState::Logout, reason)) => {
                self.finish_wrap_up(target, rid);
                self.set_agent_state(target, AgentState::Logout, reason, rid);
            }
            _ if wrap_up => {
                let ready_after = match pending {
                    Some((s, _)) => s == AgentState::Ready,
                    None => matches!(before, AgentState::Ready | AgentState::WorkReady),
                };
                let next = if ready_after {
                    AgentState::Ready
                } else {
                    AgentState::NotReady
                };
                // CCX has WORK only; WORK_READY is CCE's (reference 10.4).
                let state = if ready_after && !ccx {
                    AgentState::WorkReady
                } else {
                    AgentState::Work
                };
                self.set_agent_state(target, state, None, rid);
                self.start_wrap_up_timer(target, next);
            }
            Some((state, reason)) => self.set_agent_state(target, state, reason, rid),
            None => self.set_agent_state(target, before, before_reason, rid),
        }
    }
}
