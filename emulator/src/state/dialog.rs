//! Dialogs: the call model, the participant actions computed from state (reference 3.5),
//! and which agents' Dialogs nodes receive each dialog change.

use std::time::SystemTime;

use super::validate::call_variable_index;
use super::{Change, DialogEvent, World};
use crate::config::FarEnd;
use crate::control::{CallVariable, DialogSnapshot, ParticipantSnapshot};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DialogState {
    Initiating,
    Initiated,
    Alerting,
    Active,
    Failed,
    Dropped,
}

impl DialogState {
    pub fn as_str(self) -> &'static str {
        match self {
            DialogState::Initiating => "INITIATING",
            DialogState::Initiated => "INITIATED",
            DialogState::Alerting => "ALERTING",
            DialogState::Active => "ACTIVE",
            DialogState::Failed => "FAILED",
            DialogState::Dropped => "DROPPED",
        }
    }
}

/// Participant states (reference 3.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PState {
    Initiating,
    Initiated,
    Alerting,
    Active,
    Held,
    Failed,
    Dropped,
    WrapUp,
}

impl PState {
    pub fn as_str(self) -> &'static str {
        match self {
            PState::Initiating => "INITIATING",
            PState::Initiated => "INITIATED",
            PState::Alerting => "ALERTING",
            PState::Active => "ACTIVE",
            PState::Held => "HELD",
            PState::Failed => "FAILED",
            PState::Dropped => "DROPPED",
            PState::WrapUp => "WRAP_UP",
        }
    }

    /// Still part of the call (a failed call stays until the agent drops it).
    pub(super) fn live(self) -> bool {
        !matches!(self, PState::Dropped | PState::WrapUp)
    }
}

#[derive(Clone)]
pub(crate) struct Participant {
    pub address: String,
    /// Login id when the address is a signed-in agent's device.
    pub agent: Option<String>,
    pub state: PState,
    pub cause: &'static str,
    pub start_time: SystemTime,
    pub state_change_time: SystemTime,
    /// The agent's Dialogs collection has received this dialog (POST sent).
    pub(super) announced: bool,
    /// Was ACTIVE at some point: only then does wrap-up follow.
    pub(super) connected: bool,
}

impl Participant {
    pub(super) fn new(address: &str, agent: Option<String>, state: PState) -> Participant {
        let now = SystemTime::now();
        Participant {
            address: address.to_owned(),
            agent,
            state,
            cause: "",
            start_time: now,
            state_change_time: now,
            announced: false,
            connected: false,
        }
    }

    pub(super) fn set_state(&mut self, state: PState) {
        self.state = state;
        self.state_change_time = SystemTime::now();
        if state == PState::Active {
            self.connected = true;
        }
    }

    pub(super) fn is_agent(&self, login_id: &str) -> bool {
        self.agent.as_deref() == Some(login_id)
    }
}

#[derive(Clone)]
pub(crate) struct Dialog {
    pub id: u64,
    pub from_address: String,
    pub to_address: String,
    pub call_type: String,
    pub dnis: String,
    pub dialed_number: String,
    pub queue_name: String,
    pub queue_number: String,
    pub wrap_up_reason: Option<String>,
    /// callVariable1..callVariable10.
    pub call_variables: [String; 10],
    /// ECC `user.*` variables in the order first set.
    pub ecc: Vec<(String, String)>,
    pub participants: Vec<Participant>,
    pub state: DialogState,
    pub associated: Option<u64>,
    /// Set on a consult call: the dialog it consults from.
    pub(super) consult_of: Option<u64>,
    pub secondary_id: Option<u64>,
    /// Login id of the agent who placed the call.
    pub(super) originator: Option<String>,
    pub(super) far_end: FarEnd,
    pub(super) conference_controller: Option<String>,
    pub dtmf: String,
    /// On a silent monitor call: the supervisor's login id (the monitored call is
    /// `associated`).
    pub(super) monitor: Option<String>,
}

impl Dialog {
    pub(super) fn new(id: u64, from: &str, to: &str, call_type: &str) -> Dialog {
        Dialog {
            id,
            from_address: from.to_owned(),
            to_address: to.to_owned(),
            call_type: call_type.to_owned(),
            dnis: to.to_owned(),
            dialed_number: to.to_owned(),
            queue_name: String::new(),
            queue_number: String::new(),
            wrap_up_reason: None,
            call_variables: Default::default(),
            ecc: Vec::new(),
            participants: Vec::new(),
            state: DialogState::Initiating,
            associated: None,
            consult_of: None,
            secondary_id: None,
            originator: None,
            far_end: FarEnd::Answer,
            conference_controller: None,
            dtmf: String::new(),
            monitor: None,
        }
    }

    pub(super) fn index_of(&self, login_id: &str) -> Option<usize> {
        self.participants.iter().position(|p| p.is_agent(login_id))
    }

    pub(super) fn participant_of(&self, login_id: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.is_agent(login_id))
    }

    pub(super) fn agents(&self) -> Vec<String> {
        self.participants
            .iter()
            .filter_map(|p| p.agent.clone())
            .collect()
    }

    pub(super) fn live_count(&self) -> usize {
        self.participants.iter().filter(|p| p.state.live()).count()
    }

    pub(super) fn set_variables(&mut self, variables: &[(String, String)]) {
        for (name, value) in variables {
            if let Some(i) = call_variable_index(name) {
                self.call_variables[i] = value.clone();
            } else if let Some(slot) = self.ecc.iter_mut().find(|(n, _)| n == name) {
                slot.1 = value.clone();
            } else {
                self.ecc.push((name.clone(), value.clone()));
            }
        }
    }

    /// All ten call variables, then ECC variables, as the server lists them.
    pub fn all_variables(&self) -> Vec<(String, &str)> {
        self.call_variables
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("callVariable{}", i + 1), v.as_str()))
            .chain(self.ecc.iter().map(|(n, v)| (n.clone(), v.as_str())))
            .collect()
    }
}

/// Telephony that happens by itself after a delay.
#[derive(Clone, Copy, Debug)]
pub(crate) enum CallTimer {
    /// Next setup step of an outbound call: INITIATING → INITIATED → ALERTING or FAILED.
    Progress(u64),
    /// The far end picks up.
    FarEndAnswer(u64),
    /// The far end hangs up.
    FarEndHangUp(u64),
}

/// A validated dialog action.
#[derive(Debug)]
pub(crate) enum DialogAction {
    Answer,
    Hold,
    Retrieve,
    Drop,
    ConsultCall(String),
    Transfer,
    Conference,
    TransferSst(String),
    SendDtmf(String),
    ParticipantDrop(String),
    UpdateCallData {
        wrap_up_reason: Option<String>,
        variables: Vec<(String, String)>,
    },
    StartRecording,
}

impl DialogAction {
    pub(super) fn name(&self) -> &'static str {
        match self {
            DialogAction::Answer => "ANSWER",
            DialogAction::Hold => "HOLD",
            DialogAction::Retrieve => "RETRIEVE",
            DialogAction::Drop => "DROP",
            DialogAction::ConsultCall(_) => "CONSULT_CALL",
            DialogAction::Transfer => "TRANSFER",
            DialogAction::Conference => "CONFERENCE",
            DialogAction::TransferSst(_) => "TRANSFER_SST",
            DialogAction::SendDtmf(_) => "SEND_DTMF",
            DialogAction::ParticipantDrop(_) => "PARTICIPANT_DROP",
            DialogAction::UpdateCallData { .. } => "UPDATE_CALL_DATA",
            DialogAction::StartRecording => "START_RECORDING",
        }
    }
}

/// What an agent's calls amount to, for the agent state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Activity {
    Idle,
    /// Only a call being set up (INITIATING): the state is left as it is.
    Dialing,
    Ringing {
        routed: bool,
    },
    Talking,
    Held,
}

impl World {
    pub(super) fn agent_by_extension(&self, extension: &str) -> Option<String> {
        let extension = extension.trim();
        self.agents
            .values()
            .find(|a| a.signed_in() && a.extension == extension)
            .map(|a| a.cfg.login_id.clone())
    }

    pub(super) fn far_end_for(&self, address: &str) -> FarEnd {
        self.far_end_by_address
            .get(address)
            .or_else(|| self.far_end_by_address.get(address.trim()))
            .copied()
            .unwrap_or(self.far_end_default)
    }

    /// The dialog as `login_id` may see it (only participants see a dialog).
    pub fn visible_dialog(&self, login_id: &str, id: u64) -> Option<&Dialog> {
        self.dialogs
            .get(&id)
            .filter(|d| d.participant_of(login_id).is_some())
    }

    pub fn dialogs_of(&self, login_id: &str) -> Vec<&Dialog> {
        self.dialogs
            .values()
            .filter(|d| d.participant_of(login_id).is_some())
            .collect()
    }

    pub fn call_activity(&self, login_id: &str) -> Activity {
        let mut activity = Activity::Idle;
        for d in self.dialogs.values() {
            let Some(p) = d.participant_of(login_id) else {
                continue;
            };
            let this = match p.state {
                PState::Initiated | PState::Active | PState::Failed => Activity::Talking,
                PState::Initiating => Activity::Dialing,
                PState::Held => Activity::Held,
                PState::Alerting => Activity::Ringing {
                    routed: is_routed(&d.call_type),
                },
                PState::Dropped | PState::WrapUp => Activity::Idle,
            };
            activity = activity.max_with(this);
        }
        activity
    }

    pub fn on_routed_call(&self, login_id: &str) -> bool {
        self.dialogs
            .values()
            .any(|d| d.participant_of(login_id).is_some() && is_routed(&d.call_type))
    }

    /// Live dialogs of the agent other than `except`.
    pub(super) fn other_live_dialogs(&self, login_id: &str, except: u64) -> bool {
        self.dialogs
            .values()
            .any(|d| d.id != except && d.participant_of(login_id).is_some_and(|p| p.state.live()))
    }

    /// The (original, consult) pair when the agent holds the original and talks on an
    /// answered consult call: the precondition of TRANSFER and CONFERENCE.
    pub(super) fn established_consult(&self, login_id: &str, d: &Dialog) -> Option<(u64, u64)> {
        let (original, consult) = match d.consult_of {
            Some(o) => (self.dialogs.get(&o)?, d),
            None => (
                d,
                self.dialogs.values().find(|c| c.consult_of == Some(d.id))?,
            ),
        };
        let holding = original.participant_of(login_id)?.state == PState::Held;
        let talking = consult.participant_of(login_id)?.state == PState::Active;
        let answered = consult
            .participants
            .iter()
            .any(|p| !p.is_agent(login_id) && p.state == PState::Active);
        (holding && talking && answered).then_some((original.id, consult.id))
    }

    /// Actions of one participant, recomputed from state (reference 3.5).
    pub fn participant_actions(&self, d: &Dialog, p: &Participant) -> Vec<&'static str> {
        if let Some(supervisor) = &d.monitor {
            return super::supervise::monitor_actions(supervisor, p);
        }
        let mut actions = match p.state {
            PState::Initiating | PState::Initiated => vec!["UPDATE_CALL_DATA", "DROP"],
            PState::Alerting => vec!["ANSWER"],
            PState::Active => vec![
                "HOLD",
                "DROP",
                "UPDATE_CALL_DATA",
                "CONSULT_CALL",
                "SEND_DTMF",
                "TRANSFER_SST",
            ],
            PState::Held => vec!["RETRIEVE", "DROP", "UPDATE_CALL_DATA"],
            PState::Failed => vec!["DROP"],
            PState::WrapUp => vec!["UPDATE_CALL_DATA"],
            PState::Dropped => Vec::new(),
        };
        let Some(login_id) = p.agent.as_deref() else {
            return actions;
        };
        if matches!(p.state, PState::Active | PState::Held)
            && self.established_consult(login_id, d).is_some()
        {
            actions.extend(["TRANSFER", "CONFERENCE"]);
        }
        if p.state == PState::Active {
            if self.ccx() {
                actions.push("START_RECORDING");
            } else if d.live_count() >= 3 {
                let controller = d.conference_controller.as_deref() == Some(login_id);
                let supervisor = self
                    .agents
                    .get(login_id)
                    .is_some_and(|a| a.cfg.is_supervisor());
                if controller || supervisor {
                    actions.push("PARTICIPANT_DROP");
                }
            }
        }
        actions
    }

    /// The actions of every participant (`actions[i]` for participant `i`).
    pub fn dialog_actions(&self, d: &Dialog) -> Vec<Vec<&'static str>> {
        d.participants
            .iter()
            .map(|p| self.participant_actions(d, p))
            .collect()
    }

    /// Records the dialog as it is now for the given agents.
    fn record_dialog(&mut self, id: u64, deliveries: Vec<(String, DialogEvent)>, rid: &str) {
        let Some(d) = self.dialogs.get(&id) else {
            return;
        };
        self.changes.push(Change::Dialog {
            dialog: Box::new(d.clone()),
            actions: self.dialog_actions(d),
            deliveries,
            request_id: rid.to_owned(),
        });
    }

    /// POST to agents who have not seen the dialog yet, PUT to the others.
    pub(super) fn publish_dialog(&mut self, id: u64, rid: &str) {
        let Some(d) = self.dialogs.get(&id) else {
            return;
        };
        let deliveries = d
            .participants
            .iter()
            .filter_map(|p| {
                let event = if p.announced {
                    DialogEvent::Put
                } else {
                    DialogEvent::Post
                };
                p.agent.clone().map(|a| (a, event))
            })
            .collect();
        self.record_dialog(id, deliveries, rid);
        if let Some(d) = self.dialogs.get_mut(&id) {
            for p in d.participants.iter_mut().filter(|p| p.agent.is_some()) {
                p.announced = true;
            }
        }
    }

    /// DELETE from the agent's Dialogs collection, then forget the agent's participation.
    pub(super) fn remove_agent_from(&mut self, id: u64, login_id: &str, rid: &str) {
        self.record_dialog(id, vec![(login_id.to_owned(), DialogEvent::Delete)], rid);
        if let Some(d) = self.dialogs.get_mut(&id) {
            d.participants.retain(|p| !p.is_agent(login_id));
        }
    }

    /// Forgets a dialog no agent can see any more (the call goes on outside Finesse).
    pub(super) fn forget_if_unwatched(&mut self, id: u64) {
        let unwatched = self
            .dialogs
            .get(&id)
            .is_some_and(|d| d.participants.iter().all(|p| p.agent.is_none()));
        if unwatched {
            self.dialogs.remove(&id);
        }
    }

    pub fn snapshot_dialog(&self, d: &Dialog) -> DialogSnapshot {
        DialogSnapshot {
            id: d.id.to_string(),
            state: d.state.as_str().to_owned(),
            from_address: d.from_address.clone(),
            to_address: d.to_address.clone(),
            call_type: d.call_type.clone(),
            dnis: d.dnis.clone(),
            participants: d
                .participants
                .iter()
                .map(|p| ParticipantSnapshot {
                    address: p.address.clone(),
                    state: p.state.as_str().to_owned(),
                    state_cause: p.cause.to_owned(),
                    login_id: p.agent.clone(),
                    actions: self
                        .participant_actions(d, p)
                        .into_iter()
                        .map(str::to_owned)
                        .collect(),
                })
                .collect(),
            call_variables: d
                .all_variables()
                .into_iter()
                .map(|(name, value)| CallVariable {
                    name,
                    value: value.to_owned(),
                })
                .collect(),
            wrap_up_reason: d.wrap_up_reason.clone(),
            dtmf_digits: d.dtmf.clone(),
            associated_dialog_id: d.associated.map(|a| a.to_string()),
            secondary_id: d.secondary_id.map(|s| s.to_string()),
        }
    }
}

/// Calls routed by the platform reserve a READY agent while ringing.
pub(super) fn is_routed(call_type: &str) -> bool {
    matches!(
        call_type,
        "ACD_IN" | "PREROUTE_ACD_IN" | "PREROUTE_DIRECT_AGENT" | "OVERFLOW_IN"
    )
}

impl Activity {
    /// Combines the activities of several calls: talking wins, then dialing, held, ringing.
    pub(super) fn max_with(self, other: Activity) -> Activity {
        fn rank(a: Activity) -> u8 {
            match a {
                Activity::Idle => 0,
                Activity::Ringing { .. } => 1,
                Activity::Held => 2,
                Activity::Dialing => 3,
                Activity::Talking => 4,
            }
        }
        match (self, other) {
            (Activity::Ringing { routed: a }, Activity::Ringing { routed: b }) => {
                Activity::Ringing { routed: a || b }
            }
            _ if rank(other) > rank(self) => other,
            _ => self,
        }
    }
}
