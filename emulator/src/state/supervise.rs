//! A supervisor's calls: silent monitor and barge-in (POST `/User/<sup>/Dialogs`), and the
//! monitor call ending with the call it monitors.
//!
//! Sources: DG12.5 p98-99 "Dialog—Make a Silent Monitor Call" (body, who may, CCE/CCX state
//! rules, asynchronous errors 13145 / 88049 / Invalid State), p99-100 "Dialog—End a Silent
//! Monitor Call" (DROP with the supervisor's extension), p101 "Dialog—Make a Barge Call"
//! (body with `associatedDialogUri`, only on a call the supervisor monitors, the call becomes
//! a conference; the conference controller and resource limit rules), p102 (the barge's HTTP
//! responses: 400 Invalid Destination, 20700, 20999), DEVNET `dialog-api-errors` (what gives
//! 20700, 20999 and Invalid Destination for a barge), p131-132 "CTI Event Mappings" table 5
//! (the agent is a participant of the
//! monitor call with no allowable action; the monitor call is a "passive" active call of the
//! agent; the original call is not affected).

use super::World;
use super::agent::AgentState;
use super::dialog::{Dialog, DialogState, PState, Participant};
use crate::errors::{ApiError, CtiError};
use crate::xml_in::DialogBody;

/// The call type of a silent monitor dialog. The guide's callType list is cut after
/// `SUPERVISOR_…` in every copy found (reference 3.2): this name is the emulator's choice.
pub(crate) const MONITOR_CALL_TYPE: &str = "SUPERVISOR_MONITOR";

/// A validated SILENT_MONITOR or BARGE_CALL.
#[derive(Debug)]
pub(crate) enum Supervise {
    Monitor {
        supervisor: String,
        agent: String,
    },
    Barge {
        supervisor: String,
        agent: String,
        monitor: u64,
    },
}

/// The actions of a monitor call's participants: the supervisor may barge in or end it;
/// the monitored agent has none (DG12.5 p131).
pub(super) fn monitor_actions(supervisor: &str, p: &Participant) -> Vec<&'static str> {
    if p.is_agent(supervisor) && p.state == PState::Active {
        vec!["BARGE_CALL", "DROP"]
    } else {
        Vec::new()
    }
}

impl World {
    /// Whether the request is a supervisor's (SILENT_MONITOR or BARGE_CALL).
    pub fn is_supervise_request(body: &DialogBody) -> bool {
        body.requested_action
            .as_deref()
            .map(str::trim)
            .is_some_and(|a| a == "SILENT_MONITOR" || a == "BARGE_CALL")
    }

    /// Validates SILENT_MONITOR and BARGE_CALL (synchronous errors, DG12.5 p98, p101).
    pub fn validate_supervise(
        &self,
        supervisor: &str,
        body: DialogBody,
    ) -> Result<Supervise, ApiError> {
        let action = body
            .requested_action
            .as_deref()
            .map(str::trim)
            .unwrap_or("");
        let sup = self
            .agents
            .get(supervisor)
            .ok_or_else(|| ApiError::user_not_found(supervisor))?;
        // Agents and administrators have no such API (DG12.5 p98 "401: Invalid
        // Authorization User Specified").
        if !sup.cfg.is_supervisor() {
            return Err(ApiError::other_user(supervisor));
        }
        if !sup.signed_in() {
            return Err(ApiError::invalid_state(400, AgentState::Logout.as_str()));
        }
        let from = body
            .from_address
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .ok_or_else(|| ApiError::parameter_missing("fromAddress"))?;
        // "A supervisor must be signed in to the fromAddress" (DG12.5 p98).
        if from != sup.extension {
            return Err(ApiError::invalid_input("fromAddress"));
        }
        let to = body
            .to_address
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| ApiError::parameter_missing("toAddress"))?;
        if to == from {
            return Err(ApiError::invalid_destination(to));
        }
        let agent = self
            .agent_by_extension(to)
            .ok_or_else(|| ApiError::invalid_destination(to))?;
        // "Agent to be monitored must be assigned to a team that the supervisor is
        // responsible for" (DG12.5 p98); refused as the User API refuses a supervisor
        // acting outside its teams.
        let team = self
            .agents
            .get(&agent)
            .map(|a| a.cfg.team_id.clone())
            .unwrap_or_default();
        if !sup.cfg.supervised_teams.iter().any(|t| t.id == team) {
            return Err(ApiError::invalid_supervisor(&agent));
        }
        if action == "SILENT_MONITOR" {
            // Both platforms: "The supervisor must be in NOT_READY state to start a silent
            // monitoring session" (DG12.5 p99).
            if sup.state != AgentState::NotReady {
                return Err(ApiError::invalid_state(400, sup.state.as_str()));
            }
            return Ok(Supervise::Monitor {
                supervisor: supervisor.to_owned(),
                agent,
            });
        }
        let uri = body
            .associated_dialog_uri
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .ok_or_else(|| ApiError::parameter_missing("associatedDialogUri"))?;
        // "can only barge in to calls they are already silent monitoring" (DG12.5 p101).
        let monitor = uri
            .strip_prefix("/finesse/api/Dialog/")
            .and_then(|id| id.parse::<u64>().ok())
            .filter(|id| {
                self.dialogs.get(id).is_some_and(|d| {
                    d.monitor.as_deref() == Some(supervisor) && d.participant_of(&agent).is_some()
                })
            })
            .ok_or_else(|| ApiError::invalid_input("associatedDialogUri"))?;
        if let Some(call) = self.dialogs.get(&monitor).and_then(|m| m.associated) {
            self.check_barge(&agent, call, to)?;
        }
        Ok(Supervise::Barge {
            supervisor: supervisor.to_owned(),
            agent,
            monitor,
        })
    }

    /// The barge-in refusals Finesse answers at once (DG12.5 p101-102, DEVNET
    /// `dialog-api-errors`), on both platforms: the page's list of HTTP responses is not
    /// split by platform and p101 words the conference rules for "Both Unified CCE and
    /// Unified CCX".
    fn check_barge(&self, agent: &str, call: u64, to: &str) -> Result<(), ApiError> {
        let Some(d) = self.dialogs.get(&call) else {
            // Gone since: the CTI step refuses it (apply_supervise).
            return Ok(());
        };
        // "this error occurs if the supervisor tries to barge in on an agent call when the
        // agent's extension is in HELD state" (DEVNET `dialog-api-errors`, Invalid
        // Destination).
        if d.participant_of(agent)
            .is_some_and(|p| p.state == PState::Held)
        {
            return Err(ApiError::invalid_destination(to));
        }
        // "If the original call is a conference call and the agent is not the conference
        // controller, the supervisor's barge request fails" (DG12.5 p101); so does a barge on
        // an agent with an outstanding consult call (p102).
        let not_controller = d
            .conference_controller
            .as_deref()
            .is_some_and(|c| c != agent);
        let consulting = self.dialogs.values().any(|c| {
            c.consult_of.is_some()
                && c.state != DialogState::Dropped
                && c.participant_of(agent).is_some_and(|p| p.state.live())
        });
        if not_controller || consulting {
            return Err(ApiError::barge_not_controller(to));
        }
        // "When a supervisor makes a barge call, the supervisor is added as a new party to
        // the conference. If the resource limit has already been reached, the supervisor's
        // barge request fails" (DG12.5 p101).
        if d.live_count() >= self.conference_limit {
            return Err(ApiError::barge_conference_limit(to));
        }
        Ok(())
    }

    /// Carries out a supervisor's request one CTI step after the 202.
    pub(super) fn apply_supervise(&mut self, request: Supervise, rid: &str) {
        match request {
            Supervise::Monitor { supervisor, agent } => self.monitor(&supervisor, &agent, rid),
            Supervise::Barge {
                supervisor,
                agent,
                monitor,
            } => self.barge(&supervisor, &agent, monitor, rid),
        }
    }

    /// The agent's call a monitor would listen to: one where the agent talks.
    fn monitored_call(&self, agent: &str) -> Option<u64> {
        self.dialogs
            .values()
            .find(|d| {
                d.monitor.is_none()
                    && d.state == DialogState::Active
                    && d.participant_of(agent)
                        .is_some_and(|p| p.state == PState::Active)
            })
            .map(|d| d.id)
    }

    fn monitor(&mut self, supervisor: &str, agent: &str, rid: &str) {
        let ccx = self.ccx();
        let Some(call) = self.monitored_call(agent) else {
            let state = self.agents.get(agent).map(|a| a.state);
            // DG12.5 p99, asynchronous errors: CCX 88049 whatever the agent's state; CCE
            // 13145 for an agent in Hold or Not Ready, Invalid State for Ready or Wrap-Up.
            let error = if ccx {
                monitor_refused("Generic Error", "88049")
            } else if matches!(
                state,
                Some(AgentState::Ready | AgentState::Work | AgentState::WorkReady)
            ) {
                monitor_refused("Invalid State", "13145")
            } else {
                monitor_refused("Generic Error", "13145")
            };
            self.dialog_cti_error(supervisor, None, rid, error);
            return;
        };
        let (Some(sup_ext), Some(agent_ext)) = (
            self.agents.get(supervisor).map(|a| a.extension.clone()),
            self.agents.get(agent).map(|a| a.extension.clone()),
        ) else {
            return;
        };
        let id = self.allocate_dialog_id();
        let mut d = Dialog::new(id, &sup_ext, &agent_ext, MONITOR_CALL_TYPE);
        d.state = DialogState::Active;
        d.associated = Some(call);
        d.monitor = Some(supervisor.to_owned());
        d.originator = Some(supervisor.to_owned());
        for (address, login) in [(&sup_ext, supervisor), (&agent_ext, agent)] {
            let mut p = Participant::new(address, Some(login.to_owned()), PState::Active);
            p.set_state(PState::Active);
            d.participants.push(p);
        }
        self.dialogs.insert(id, d);
        self.publish_dialog(id, rid);
        // CCE: the supervisor goes TALKING; CCX: stays NOT_READY (DG12.5 p99). The
        // emulator's CCX leaves the state alone for calls it does not route.
        self.refresh_agent(supervisor, rid);
    }

    fn barge(&mut self, supervisor: &str, agent: &str, monitor: u64, rid: &str) {
        let call = self
            .dialogs
            .get(&monitor)
            .filter(|d| d.monitor.as_deref() == Some(supervisor))
            .and_then(|d| d.associated)
            .filter(|c| self.dialogs.contains_key(c));
        let Some(call) = call else {
            self.dialog_cti_error(
                supervisor,
                Some(monitor),
                rid,
                CtiError::action_not_allowed(self.ccx()),
            );
            return;
        };
        let Some(sup_ext) = self.agents.get(supervisor).map(|a| a.extension.clone()) else {
            return;
        };
        // The monitor call gives way to the barge: it leaves both Dialogs collections.
        self.end_monitor(monitor, rid);
        // "If the original call is not a conference call, after the barge request succeeds,
        // the call becomes a conference call and the agent is the conference controller"
        // (DG12.5 p101).
        if let Some(d) = self.dialogs.get_mut(&call) {
            if d.conference_controller.is_none() {
                d.conference_controller = Some(agent.to_owned());
            }
            let mut p = Participant::new(&sup_ext, Some(supervisor.to_owned()), PState::Active);
            p.set_state(PState::Active);
            d.participants.push(p);
        }
        self.publish_dialog(call, rid);
        self.refresh_agent(supervisor, rid);
    }

    /// Ends a monitor call: DROPPED, then removed from both Dialogs collections.
    fn end_monitor(&mut self, id: u64, rid: &str) {
        let Some(d) = self.dialogs.get_mut(&id) else {
            return;
        };
        for p in d.participants.iter_mut() {
            p.set_state(PState::Dropped);
        }
        d.state = DialogState::Dropped;
        let agents = d.agents();
        self.publish_dialog(id, rid);
        for a in &agents {
            self.remove_agent_from(id, a, rid);
        }
        self.dialogs.remove(&id);
    }

    /// "If an agent drops from or transfers the call that the supervisor is monitoring,
    /// the silent monitoring session ends" (DG12.5 p98): the monitors of a call that ended
    /// for the agent end too.
    pub(super) fn end_monitors_of(&mut self, call: u64, rid: &str) {
        let monitors: Vec<(u64, String)> = self
            .dialogs
            .values()
            .filter(|d| d.monitor.is_some() && d.associated == Some(call))
            .filter_map(|d| Some((d.id, d.monitor.clone()?)))
            .collect();
        let call_live = self.dialogs.get(&call).is_some_and(|d| {
            d.state != DialogState::Dropped && d.participants.iter().any(|p| p.state.live())
        });
        for (id, supervisor) in monitors {
            let agent_left = self.dialogs.get(&id).is_some_and(|m| {
                m.participants
                    .iter()
                    .filter(|p| !p.is_agent(&supervisor))
                    .filter_map(|p| p.agent.as_deref())
                    .all(|a| {
                        !self
                            .dialogs
                            .get(&call)
                            .and_then(|c| c.participant_of(a))
                            .is_some_and(|p| p.state.live())
                    })
            });
            if !call_live || agent_left {
                self.end_monitor(id, rid);
                self.refresh_agent(&supervisor, rid);
            }
        }
    }
}

fn monitor_refused(error_type: &'static str, code: &str) -> CtiError {
    CtiError {
        error_type,
        error_data: code.to_owned(),
        error_message: "CF_GENERIC_UNSPECIFIED",
        peripheral: None,
    }
}
