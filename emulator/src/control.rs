//! Data exchanged with the control interface: inbound calls to inject, and snapshots of
//! the emulator's agents and dialogs.

use serde::Serialize;

/// A call from outside arriving at a signed-in agent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InboundCall {
    /// The agent's extension, or the agent's login id.
    pub to: String,
    /// The caller's number (`fromAddress`).
    pub from_address: String,
    /// Dialed number; becomes `toAddress`, `DNIS` and `dialedNumber` when not empty.
    pub dnis: String,
    /// `callType`; `ACD_IN` by default (a routed call reserves a READY agent).
    pub call_type: String,
    /// `callVariable1`..`callVariable10` and ECC `user.*` variables.
    pub call_variables: Vec<(String, String)>,
    /// Queue (skill group / CSQ) name.
    pub queue_name: String,
    /// Queue number.
    pub queue_number: String,
}

impl InboundCall {
    /// A routed (ACD_IN) call from `from_address` to an agent extension or login id.
    pub fn new(to: impl Into<String>, from_address: impl Into<String>) -> Self {
        InboundCall {
            to: to.into(),
            from_address: from_address.into(),
            dnis: String::new(),
            call_type: "ACD_IN".to_owned(),
            call_variables: Vec::new(),
            queue_name: String::new(),
            queue_number: String::new(),
        }
    }

    /// Sets the dialed number.
    pub fn dnis(mut self, dnis: impl Into<String>) -> Self {
        self.dnis = dnis.into();
        self
    }

    /// Sets the call type (e.g. `OTHER_IN` for a direct call).
    pub fn call_type(mut self, call_type: impl Into<String>) -> Self {
        self.call_type = call_type.into();
        self
    }

    /// Adds a call variable or ECC variable.
    pub fn variable(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.call_variables.push((name.into(), value.into()));
        self
    }

    /// Sets the queue name and number.
    pub fn queue(mut self, name: impl Into<String>, number: impl Into<String>) -> Self {
        self.queue_name = name.into();
        self.queue_number = number.into();
        self
    }
}

/// A call variable (`callVariableN` or ECC `user.*`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CallVariable {
    /// Variable name.
    pub name: String,
    /// Value; empty when unset.
    pub value: String,
}

/// One participant of a dialog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParticipantSnapshot {
    /// `mediaAddress`.
    pub address: String,
    /// Participant state, e.g. `ACTIVE`.
    pub state: String,
    /// `stateCause`, e.g. `BUSY`; empty when none.
    pub state_cause: String,
    /// Login id when the participant is a signed-in agent's device.
    pub login_id: Option<String>,
    /// The actions currently offered to this participant.
    pub actions: Vec<String>,
}

/// A dialog as the emulator holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DialogSnapshot {
    /// Dialog id.
    pub id: String,
    /// Dialog state, e.g. `ACTIVE`.
    pub state: String,
    /// `fromAddress`.
    pub from_address: String,
    /// `toAddress`, verbatim as dialed.
    pub to_address: String,
    /// `callType`.
    pub call_type: String,
    /// `DNIS`.
    pub dnis: String,
    /// Participants in document order.
    pub participants: Vec<ParticipantSnapshot>,
    /// All ten call variables, then ECC variables.
    pub call_variables: Vec<CallVariable>,
    /// Wrap-up reason, once set.
    pub wrap_up_reason: Option<String>,
    /// DTMF digits sent on this dialog, in order.
    pub dtmf_digits: String,
    /// The associated (consult or original) dialog.
    pub associated_dialog_id: Option<String>,
    /// After a transfer or conference: the id of the call merged away.
    pub secondary_id: Option<String>,
}

impl DialogSnapshot {
    /// The value of a call variable, if the name is known.
    pub fn call_variable(&self, name: &str) -> Option<&str> {
        self.call_variables
            .iter()
            .find(|v| v.name == name)
            .map(|v| v.value.as_str())
    }

    /// The participant with this address.
    pub fn participant(&self, address: &str) -> Option<&ParticipantSnapshot> {
        self.participants.iter().find(|p| p.address == address)
    }
}

/// An agent as the emulator holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AgentSnapshot {
    /// Login id.
    pub login_id: String,
    /// Login name.
    pub login_name: String,
    /// Agent state, e.g. `NOT_READY`.
    pub state: String,
    /// Finesse id of the current reason code.
    pub reason_code_id: Option<u32>,
    /// Signed-in extension.
    pub extension: Option<String>,
    /// State to apply when the current call ends.
    pub pending_state: Option<String>,
    /// Locked after five wrong passwords.
    pub locked_out: bool,
}
