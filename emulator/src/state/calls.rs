//! Telephony flows of reference 3.9: applying accepted requests (make call, answer, hold,
//! consult, transfer, conference, single-step transfer, drop), hang-ups and wrap-up, the
//! timers of call setup, and the far end steered by the control API.

use super::agent::{AgentState, REASON_CALL_FROM_READY};
use super::dialog::{
    Activity, CallTimer, Dialog, DialogAction, DialogState, PState, Participant, is_routed,
};
use super::validate::{valid_address, validate_variables};
use super::{Timer, World};
use crate::config::FarEnd;
use crate::control::InboundCall;
use crate::errors::{ControlError, CtiError};

/// DTMF digits remembered per dialog.
const MAX_DTMF_LOG: usize = 1024;

impl World {
    fn wrap_up_required(&self, d: &Dialog, login_id: &str) -> bool {
        // CCX wraps up routed (ICD) calls only: a non-ICD call leaves the agent state
        // alone (reference 10.4, DG12.5 p49).
        if self.ccx() && !is_routed(&d.call_type) {
            return false;
        }
        let Some(agent) = self.agents.get(login_id) else {
            return false;
        };
        let mode = if d.originator.as_deref() == Some(login_id) {
            agent.cfg.wrap_up_on_outgoing
        } else {
            agent.cfg.wrap_up_on_incoming
        };
        mode.requires_wrap_up()
    }

    /// The agent's part in a connected call ended: remember that wrap-up is due.
    fn note_wrap_up(&mut self, id: u64, login_id: &str) {
        let Some(d) = self.dialogs.get(&id) else {
            return;
        };
        let connected = d.participant_of(login_id).is_some_and(|p| p.connected);
        if connected
            && self.wrap_up_required(d, login_id)
            && let Some(a) = self.agents.get_mut(login_id)
        {
            a.wrap_up_due = true;
        }
    }

    fn refresh_agents(&mut self, agents: &[String], rid: &str) {
        for a in agents {
            self.refresh_agent(a, rid);
        }
    }

    pub fn apply_make_call(
        &mut self,
        login_id: &str,
        to: String,
        variables: Vec<(String, String)>,
        rid: &str,
    ) {
        let Some(agent) = self.agents.get(login_id).filter(|a| a.signed_in()) else {
            self.dialog_cti_error(
                login_id,
                None,
                rid,
                CtiError::action_not_allowed(self.ccx()),
            );
            return;
        };
        let busy = matches!(
            self.call_activity(login_id),
            Activity::Talking | Activity::Dialing | Activity::Ringing { .. }
        );
        if busy {
            self.dialog_cti_error(
                login_id,
                None,
                rid,
                CtiError::action_not_allowed(self.ccx()),
            );
            return;
        }
        let extension = agent.extension.clone();
        let from_ready = agent.state == AgentState::Ready;
        let call_type = if self.agent_by_extension(&to).is_some() {
            "AGENT_INSIDE"
        } else {
            "OUT"
        };
        let id = self.allocate_dialog_id();
        let mut d = Dialog::new(id, &extension, &to, call_type);
        d.set_variables(&variables);
        d.originator = Some(login_id.to_owned());
        d.far_end = self.far_end_for(&to);
        d.participants.push(Participant::new(
            &extension,
            Some(login_id.to_owned()),
            PState::Initiating,
        ));
        // CCE 12.5 keeps routed calls away while the agent dials from READY (reference 3.10).
        if from_ready && self.release.dials_from_ready() {
            if let Some(a) = self.agents.get_mut(login_id) {
                a.before_call = Some((AgentState::Ready, None));
            }
            self.set_agent_state(
                login_id,
                AgentState::NotReady,
                Some(REASON_CALL_FROM_READY),
                rid,
            );
        }
        self.dialogs.insert(id, d);
        self.publish_dialog(id, rid);
        self.timers
            .push((self.timing.step, Timer::Call(CallTimer::Progress(id))));
    }

    pub fn apply_dialog_action(
        &mut self,
        login_id: &str,
        id: u64,
        action: DialogAction,
        rid: &str,
    ) {
        let ccx = self.ccx();
        let allowed = self.dialogs.get(&id).and_then(|d| {
            let p = d.participant_of(login_id)?;
            self.participant_actions(d, p)
                .contains(&action.name())
                .then_some(())
        });
        if allowed.is_none() {
            self.dialog_cti_error(login_id, Some(id), rid, CtiError::action_not_allowed(ccx));
            return;
        }
        match action {
            DialogAction::Answer => self.connect(id, rid),
            DialogAction::Hold => self.set_participant(id, login_id, PState::Held, rid),
            DialogAction::Retrieve => self.set_participant(id, login_id, PState::Active, rid),
            DialogAction::Drop => self.leave(id, login_id, rid),
            DialogAction::ConsultCall(to) => self.consult(id, login_id, to, rid),
            DialogAction::Transfer => self.transfer(id, login_id, rid),
            DialogAction::Conference => self.conference(id, login_id, rid),
            DialogAction::TransferSst(to) => self.single_step_transfer(id, login_id, to, rid),
            DialogAction::SendDtmf(digits) => {
                if let Some(d) = self.dialogs.get_mut(&id)
                    && d.dtmf.len() + digits.len() <= MAX_DTMF_LOG
                {
                    d.dtmf.push_str(&digits);
                }
            }
            DialogAction::ParticipantDrop(address) => {
                let target = self.dialogs.get(&id).and_then(|d| {
                    d.participants
                        .iter()
                        .position(|p| p.address == address && p.state.live())
                });
                match target {
                    Some(i) => self.leave_at(id, i, rid),
                    None => self.dialog_cti_error(
                        login_id,
                        Some(id),
                        rid,
                        CtiError::action_not_allowed(ccx),
                    ),
                }
            }
            DialogAction::UpdateCallData {
                wrap_up_reason,
                variables,
            } => {
                if let Some(d) = self.dialogs.get_mut(&id) {
                    d.set_variables(&variables);
                    if wrap_up_reason.is_some() {
                        d.wrap_up_reason = wrap_up_reason;
                    }
                }
                self.publish_dialog(id, rid);
            }
            // Recording happens on the platform; the dialog does not change.
            DialogAction::StartRecording => {}
        }
    }

    fn set_participant(&mut self, id: u64, login_id: &str, state: PState, rid: &str) {
        if let Some(d) = self.dialogs.get_mut(&id)
            && let Some(i) = d.index_of(login_id)
        {
            d.participants[i].set_state(state);
        }
        self.publish_dialog(id, rid);
        self.refresh_agent(login_id, rid);
    }

    /// Everyone ringing or dialing is connected: the call is ACTIVE.
    fn connect(&mut self, id: u64, rid: &str) {
        let Some(d) = self.dialogs.get_mut(&id) else {
            return;
        };
        for p in d.participants.iter_mut() {
            if matches!(p.state, PState::Initiated | PState::Alerting) {
                p.set_state(PState::Active);
            }
        }
        d.state = DialogState::Active;
        let agents = d.agents();
        let hang_up = match d.far_end {
            FarEnd::AnswerThenHangUp(after) => Some(after),
            _ => None,
        };
        self.publish_dialog(id, rid);
        self.refresh_agents(&agents, rid);
        if let Some(after) = hang_up {
            self.timers
                .push((after, Timer::Call(CallTimer::FarEndHangUp(id))));
        }
    }

    fn leave(&mut self, id: u64, login_id: &str, rid: &str) {
        if let Some(i) = self.dialogs.get(&id).and_then(|d| d.index_of(login_id)) {
            self.leave_at(id, i, rid);
        }
    }

    /// One participant leaves; with fewer than two left the call is over.
    fn leave_at(&mut self, id: u64, index: usize, rid: &str) {
        let Some(d) = self.dialogs.get(&id) else {
            return;
        };
        let remaining = d
            .participants
            .iter()
            .enumerate()
            .filter(|(i, p)| *i != index && p.state.live())
            .count();
        let agent = d.participants.get(index).and_then(|p| p.agent.clone());
        if remaining < 2 {
            // A remote party hanging up is seen first, while the call is still ACTIVE.
            if agent.is_none() && d.state == DialogState::Active {
                if let Some(p) = self
                    .dialogs
                    .get_mut(&id)
                    .and_then(|d| d.participants.get_mut(index))
                {
                    p.set_state(PState::Dropped);
                }
                self.publish_dialog(id, rid);
            }
            self.end_call(id, rid);
            return;
        }
        if let Some(a) = &agent {
            self.note_wrap_up(id, a);
        }
        if let Some(p) = self
            .dialogs
            .get_mut(&id)
            .and_then(|d| d.participants.get_mut(index))
        {
            p.set_state(PState::Dropped);
        }
        self.publish_dialog(id, rid);
        match &agent {
            Some(a) => self.remove_agent_from(id, a, rid),
            None => {
                if let Some(d) = self.dialogs.get_mut(&id) {
                    d.participants
                        .retain(|p| p.state.live() || p.agent.is_some());
                }
            }
        }
        self.forget_if_unwatched(id);
        if let Some(a) = agent {
            self.refresh_agent(&a, rid);
        }
        // The conference continues; actions of the others may have changed.
        if self.dialogs.contains_key(&id) {
            self.publish_dialog(id, rid);
        }
        self.end_monitors_of(id, rid);
    }

    /// The call is over for everyone: DROPPED (or WRAP_UP for agents who must wrap up),
    /// then DELETE for those without wrap-up.
    fn end_call(&mut self, id: u64, rid: &str) {
        let Some(d) = self.dialogs.get(&id) else {
            return;
        };
        let agents = d.agents();
        let mut wrapping = Vec::new();
        for a in &agents {
            self.note_wrap_up(id, a);
            let Some(d) = self.dialogs.get(&id) else {
                return;
            };
            let connected_live = d
                .participant_of(a)
                .is_some_and(|p| p.connected && p.state.live());
            if connected_live && self.wrap_up_required(d, a) && !self.other_live_dialogs(a, id) {
                wrapping.push(a.clone());
            }
        }
        if let Some(d) = self.dialogs.get_mut(&id) {
            for p in d.participants.iter_mut().filter(|p| p.state.live()) {
                let wraps = p.agent.as_ref().is_some_and(|a| wrapping.contains(a));
                p.set_state(if wraps {
                    PState::WrapUp
                } else {
                    PState::Dropped
                });
            }
            d.state = DialogState::Dropped;
        }
        self.publish_dialog(id, rid);
        for a in agents.iter().filter(|a| !wrapping.contains(a)) {
            self.remove_agent_from(id, a, rid);
        }
        if wrapping.is_empty() {
            self.dialogs.remove(&id);
        } else if let Some(d) = self.dialogs.get_mut(&id) {
            d.participants.retain(|p| p.agent.is_some());
        }
        self.refresh_agents(&agents, rid);
        self.end_monitors_of(id, rid);
    }

    /// The agent leaves wrap-up: its WRAP_UP dialogs are removed.
    pub fn finish_wrap_up(&mut self, login_id: &str, rid: &str) {
        let ids: Vec<u64> = self
            .dialogs
            .values()
            .filter(|d| {
                d.participant_of(login_id)
                    .is_some_and(|p| p.state == PState::WrapUp)
            })
            .map(|d| d.id)
            .collect();
        for id in ids {
            if let Some(d) = self.dialogs.get_mut(&id)
                && let Some(i) = d.index_of(login_id)
            {
                d.participants[i].set_state(PState::Dropped);
            }
            self.remove_agent_from(id, login_id, rid);
            self.forget_if_unwatched(id);
        }
    }

    fn consult(&mut self, id: u64, login_id: &str, to: String, rid: &str) {
        let Some((call_variables, ecc)) = self
            .dialogs
            .get(&id)
            .map(|d| (d.call_variables.clone(), d.ecc.clone()))
        else {
            return;
        };
        let extension = self
            .agents
            .get(login_id)
            .map(|a| a.extension.clone())
            .unwrap_or_default();
        let consult_id = self.allocate_dialog_id();
        let mut c = Dialog::new(consult_id, &extension, &to, "CONSULT");
        c.call_variables = call_variables;
        c.ecc = ecc;
        c.associated = Some(id);
        c.consult_of = Some(id);
        c.originator = Some(login_id.to_owned());
        c.far_end = self.far_end_for(&to);
        c.participants.push(Participant::new(
            &extension,
            Some(login_id.to_owned()),
            PState::Initiating,
        ));
        if let Some(d) = self.dialogs.get_mut(&id) {
            d.associated = Some(consult_id);
            if let Some(i) = d.index_of(login_id) {
                d.participants[i].set_state(PState::Held);
            }
        }
        self.publish_dialog(id, rid);
        self.dialogs.insert(consult_id, c);
        self.publish_dialog(consult_id, rid);
        self.timers.push((
            self.timing.step,
            Timer::Call(CallTimer::Progress(consult_id)),
        ));
    }

    /// Removes the consult dialog and moves its other parties into the original.
    /// Returns the agents who join the original.
    fn merge_consult(
        &mut self,
        original: u64,
        consult: u64,
        login_id: &str,
        rid: &str,
    ) -> Vec<String> {
        let Some(c) = self.dialogs.get(&consult) else {
            return Vec::new();
        };
        let moving: Vec<Participant> = c
            .participants
            .iter()
            .filter(|p| !p.is_agent(login_id) && p.state.live())
            .cloned()
            .collect();
        for a in c.agents() {
            self.remove_agent_from(consult, &a, rid);
        }
        self.dialogs.remove(&consult);
        let joining = moving.iter().filter_map(|p| p.agent.clone()).collect();
        if let Some(d) = self.dialogs.get_mut(&original) {
            for mut p in moving {
                p.announced = false;
                d.participants.push(p);
            }
            d.secondary_id = Some(consult);
            d.associated = None;
        }
        joining
    }

    fn transfer(&mut self, id: u64, login_id: &str, rid: &str) {
        let Some((original, consult)) = self
            .dialogs
            .get(&id)
            .and_then(|d| self.established_consult(login_id, d))
        else {
            self.dialog_cti_error(
                login_id,
                Some(id),
                rid,
                CtiError::action_not_allowed(self.ccx()),
            );
            return;
        };
        self.note_wrap_up(original, login_id);
        self.remove_agent_from(original, login_id, rid);
        let joining = self.merge_consult(original, consult, login_id, rid);
        self.publish_dialog(original, rid);
        self.forget_if_unwatched(original);
        self.refresh_agent(login_id, rid);
        self.refresh_agents(&joining, rid);
    }

    fn conference(&mut self, id: u64, login_id: &str, rid: &str) {
        let Some((original, consult)) = self
            .dialogs
            .get(&id)
            .and_then(|d| self.established_consult(login_id, d))
        else {
            self.dialog_cti_error(
                login_id,
                Some(id),
                rid,
                CtiError::action_not_allowed(self.ccx()),
            );
            return;
        };
        let joining = self.merge_consult(original, consult, login_id, rid);
        if let Some(d) = self.dialogs.get_mut(&original) {
            if let Some(i) = d.index_of(login_id) {
                d.participants[i].set_state(PState::Active);
            }
            d.conference_controller = Some(login_id.to_owned());
        }
        self.publish_dialog(original, rid);
        self.refresh_agent(login_id, rid);
        self.refresh_agents(&joining, rid);
    }

    /// Blind transfer: the agent leaves at once and the destination starts ringing.
    fn single_step_transfer(&mut self, id: u64, login_id: &str, to: String, rid: &str) {
        self.note_wrap_up(id, login_id);
        self.remove_agent_from(id, login_id, rid);
        let target_agent = self.agent_by_extension(&to);
        if let Some(d) = self.dialogs.get_mut(&id)
            && let Some(b) = target_agent
        {
            d.participants.push(Participant::new(
                to.trim(),
                Some(b.clone()),
                PState::Alerting,
            ));
            d.state = DialogState::Alerting;
            d.associated = None;
            self.publish_dialog(id, rid);
            self.refresh_agent(&b, rid);
        }
        self.forget_if_unwatched(id);
        self.refresh_agent(login_id, rid);
    }

    pub(super) fn fire_call_timer(&mut self, timer: CallTimer) {
        match timer {
            CallTimer::Progress(id) => self.progress(id),
            CallTimer::FarEndAnswer(id) => {
                let ringing = self.dialogs.get(&id).is_some_and(|d| {
                    d.participants
                        .iter()
                        .any(|p| p.agent.is_none() && p.state == PState::Alerting)
                });
                if ringing {
                    self.connect(id, "");
                }
            }
            CallTimer::FarEndHangUp(id) => {
                // Ignore errors: the call may have ended in the meantime.
                let _ = self.far_end_hang_up(id);
            }
        }
    }

    /// Next step of an outbound call being set up.
    fn progress(&mut self, id: u64) {
        let Some(d) = self.dialogs.get_mut(&id) else {
            return;
        };
        let originator = d.originator.clone().unwrap_or_default();
        match d.state {
            DialogState::Initiating => {
                if let Some(i) = d.index_of(&originator) {
                    d.participants[i].set_state(PState::Initiated);
                }
                d.state = DialogState::Initiated;
                self.publish_dialog(id, "");
                self.refresh_agent(&originator, "");
                self.timers
                    .push((self.timing.step, Timer::Call(CallTimer::Progress(id))));
            }
            DialogState::Initiated => {
                let to = d.to_address.clone();
                let far_end = d.far_end;
                match self.agent_by_extension(&to).filter(|b| *b != originator) {
                    Some(b) => self.alert(id, to.trim(), Some(b)),
                    None => match far_end {
                        FarEnd::Busy => self.fail(id, &originator, "BUSY"),
                        FarEnd::NotExist => self.fail(id, &originator, "BAD_DESTINATION"),
                        FarEnd::Ring => self.alert(id, &to, None),
                        FarEnd::Answer | FarEnd::AnswerThenHangUp(_) => {
                            self.alert(id, &to, None);
                            self.timers
                                .push((self.timing.ring, Timer::Call(CallTimer::FarEndAnswer(id))));
                        }
                    },
                }
            }
            _ => {}
        }
    }

    fn alert(&mut self, id: u64, address: &str, agent: Option<String>) {
        if let Some(d) = self.dialogs.get_mut(&id) {
            d.participants
                .push(Participant::new(address, agent.clone(), PState::Alerting));
            d.state = DialogState::Alerting;
        }
        self.publish_dialog(id, "");
        if let Some(b) = agent {
            self.refresh_agent(&b, "");
        }
    }

    fn fail(&mut self, id: u64, originator: &str, cause: &'static str) {
        if let Some(d) = self.dialogs.get_mut(&id) {
            if let Some(i) = d.index_of(originator) {
                d.participants[i].set_state(PState::Failed);
                d.participants[i].cause = cause;
            }
            d.state = DialogState::Failed;
        }
        self.publish_dialog(id, "");
        self.refresh_agent(originator, "");
    }

    pub fn far_end_answer(&mut self, id: u64) -> Result<(), ControlError> {
        let d = self
            .dialogs
            .get(&id)
            .ok_or_else(|| ControlError::UnknownDialog(id.to_string()))?;
        let ringing = d
            .participants
            .iter()
            .any(|p| p.agent.is_none() && p.state == PState::Alerting);
        if !ringing {
            return Err(ControlError::InvalidState(
                "no external party is ringing".to_owned(),
            ));
        }
        self.connect(id, "");
        Ok(())
    }

    /// Every external party of the dialog hangs up.
    pub fn far_end_hang_up(&mut self, id: u64) -> Result<(), ControlError> {
        loop {
            let d = self
                .dialogs
                .get(&id)
                .ok_or_else(|| ControlError::UnknownDialog(id.to_string()))?;
            let external = d
                .participants
                .iter()
                .position(|p| p.agent.is_none() && p.state.live());
            match external {
                Some(i) => self.leave_at(id, i, ""),
                None if d.participants.iter().any(|p| p.agent.is_none()) => return Ok(()),
                None => {
                    return Err(ControlError::InvalidState(
                        "the dialog has no external party".to_owned(),
                    ));
                }
            }
            // Done once the call ended or no external party is left.
            let more = self.dialogs.get(&id).is_some_and(|d| {
                d.participants
                    .iter()
                    .any(|p| p.agent.is_none() && p.state.live())
            });
            if !more {
                return Ok(());
            }
        }
    }

    pub fn inject_inbound(&mut self, call: InboundCall) -> Result<u64, ControlError> {
        let login_id = self
            .agent_by_extension(&call.to)
            .or_else(|| {
                self.agents
                    .get(call.to.trim())
                    .filter(|a| a.signed_in())
                    .map(|a| a.cfg.login_id.clone())
            })
            .ok_or_else(|| ControlError::UnknownTarget(call.to.clone()))?;
        if call.from_address.trim().is_empty() || !valid_address(&call.from_address) {
            return Err(ControlError::InvalidInput("from_address".to_owned()));
        }
        if call.call_type.trim().is_empty() || !valid_address(&call.call_type) {
            return Err(ControlError::InvalidInput("call_type".to_owned()));
        }
        validate_variables(&call.call_variables, &[])
            .map_err(|e| ControlError::InvalidInput(e.data))?;
        let extension = self
            .agents
            .get(&login_id)
            .map(|a| a.extension.clone())
            .unwrap_or_default();
        let id = self.allocate_dialog_id();
        let to = if call.dnis.is_empty() {
            extension.clone()
        } else {
            call.dnis.clone()
        };
        let mut d = Dialog::new(id, &call.from_address, &to, &call.call_type);
        d.dnis = call.dnis;
        d.queue_name = call.queue_name;
        d.queue_number = call.queue_number;
        d.set_variables(&call.call_variables);
        d.participants.push(Participant::new(
            &call.from_address,
            None,
            PState::Initiated,
        ));
        d.participants.push(Participant::new(
            &extension,
            Some(login_id.clone()),
            PState::Alerting,
        ));
        d.state = DialogState::Alerting;
        self.dialogs.insert(id, d);
        self.publish_dialog(id, "");
        self.refresh_agent(&login_id, "");
        Ok(id)
    }
}
