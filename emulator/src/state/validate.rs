//! Synchronous validation of dialog requests: what Finesse itself checks before it
//! answers 202 (addresses, call variables, DTMF digits, the acting device).

use super::World;
use super::agent::AgentState;
use super::dialog::{DialogAction, PState};
use crate::errors::ApiError;
use crate::xml_in::DialogBody;

/// Longest destination address accepted.
const MAX_ADDRESS: usize = 128;
/// Longest DTMF string accepted in one request.
const MAX_DTMF: usize = 32;
/// Call variable and ECC limits of the platform.
const MAX_CALL_VARIABLE: usize = 40;
const MAX_ECC_TOTAL: usize = 2000;
const MAX_WRAP_UP_REASON: usize = 39;

pub(super) fn call_variable_index(name: &str) -> Option<usize> {
    let n: usize = name.strip_prefix("callVariable")?.parse().ok()?;
    // "callVariable01" is not a call variable name.
    (format!("callVariable{n}") == name && (1..=10).contains(&n)).then(|| n - 1)
}

/// `user.<name>` or `user.<name>[<index>]`.
fn is_ecc_name(name: &str) -> bool {
    let Some(rest) = name.strip_prefix("user.") else {
        return false;
    };
    let (base, index) = match rest.split_once('[') {
        Some((base, tail)) => match tail.strip_suffix(']') {
            Some(idx) => (base, Some(idx)),
            None => return false,
        },
        None => (rest, None),
    };
    let base_ok = (1..=32).contains(&base.len())
        && base
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b));
    let index_ok =
        index.is_none_or(|i| (1..=3).contains(&i.len()) && i.bytes().all(|b| b.is_ascii_digit()));
    base_ok && index_ok
}

/// Checks call variables as the platform does; the request is refused as a whole.
pub(super) fn validate_variables(
    variables: &[(String, String)],
    existing_ecc: &[(String, String)],
) -> Result<(), ApiError> {
    for (name, value) in variables {
        if name.starts_with("BA") {
            return Err(ApiError::invalid_input(name));
        }
        if call_variable_index(name).is_some() {
            if value.len() > MAX_CALL_VARIABLE {
                return Err(ApiError::invalid_input(name));
            }
        } else if !is_ecc_name(name) {
            return Err(ApiError::invalid_input(name));
        }
    }
    // ECC size counts names (without the "user." prefix) and values after the update.
    let mut merged: Vec<(&str, &str)> = existing_ecc
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    for (name, value) in variables.iter().filter(|(n, _)| is_ecc_name(n)) {
        match merged.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value,
            None => merged.push((name, value)),
        }
    }
    let total: usize = merged
        .iter()
        .map(|(n, v)| n.len() - "user.".len() + v.len())
        .sum();
    if total > MAX_ECC_TOTAL {
        return Err(ApiError::invalid_input("callvariables"));
    }
    Ok(())
}

/// A destination address: printable ASCII, kept exactly as sent.
pub(super) fn valid_address(address: &str) -> bool {
    address.len() <= MAX_ADDRESS && address.bytes().all(|b| (0x20..0x7f).contains(&b))
}

fn required_address(value: Option<String>, field: &str) -> Result<String, ApiError> {
    let address = value
        .filter(|a| !a.trim().is_empty())
        .ok_or_else(|| ApiError::parameter_missing(field))?;
    if !valid_address(&address) {
        return Err(ApiError::invalid_input(field));
    }
    Ok(address)
}

fn valid_dtmf(digits: &str, ccx: bool) -> bool {
    let allowed: &[u8] = if ccx {
        b"0123456789*#"
    } else {
        b"0123456789*#ABCD"
    };
    (1..=MAX_DTMF).contains(&digits.len()) && digits.bytes().all(|b| allowed.contains(&b))
}

/// Actions accepted by the API that the emulator has no scenario for.
const UNSUPPORTED_ACTIONS: &[&str] = &[
    "ACCEPT",
    "CLOSE",
    "REJECT",
    "RECLASSIFY",
    "UPDATE_SCHEDULED_CALLBACK",
    "CANCEL_SCHEDULED_CALLBACK",
    "SILENT_MONITOR",
    "BARGE_CALL",
];

impl World {
    /// Validates MAKE_CALL (POST /User/<id>/Dialogs); returns the address and variables.
    pub fn validate_make_call(
        &self,
        login_id: &str,
        body: DialogBody,
    ) -> Result<(String, Vec<(String, String)>), ApiError> {
        let action = body
            .requested_action
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .ok_or_else(|| ApiError::parameter_missing("requestedAction"))?;
        match action {
            "MAKE_CALL" => {}
            "SILENT_MONITOR" | "BARGE_CALL" => return Err(ApiError::not_implemented(action)),
            _ => return Err(ApiError::invalid_input("requestedAction")),
        }
        let Some(agent) = self.agents.get(login_id).filter(|a| a.signed_in()) else {
            return Err(ApiError::invalid_state(400, AgentState::Logout.as_str()));
        };
        let from = body
            .from_address
            .filter(|f| !f.trim().is_empty())
            .ok_or_else(|| ApiError::parameter_missing("fromAddress"))?;
        if from.trim() != agent.extension {
            return Err(ApiError::invalid_input("fromAddress"));
        }
        // Dialing from READY exists only from CCE 12.5(1) (reference 10.4, DG12.5 p80);
        // before, and on CCX, the agent must be NOT_READY: Finesse knows the state locally.
        if agent.state == AgentState::Ready && !self.release.dials_from_ready() {
            return Err(ApiError::invalid_state(400, AgentState::Ready.as_str()));
        }
        let to = required_address(body.to_address, "toAddress")?;
        if to.trim() == from.trim() {
            return Err(ApiError::invalid_destination(&to));
        }
        let variables = match body.media {
            None => Vec::new(),
            Some(_) if self.ccx() => return Err(ApiError::invalid_input("mediaProperties")),
            Some(media) => {
                if media.wrap_up_reason.is_some() {
                    return Err(ApiError::invalid_input("wrapUpReason"));
                }
                if let Some(other) = media.other.first() {
                    return Err(ApiError::invalid_input(other));
                }
                validate_variables(&media.variables, &[])?;
                media.variables
            }
        };
        Ok((to, variables))
    }

    /// Validates PUT Dialog (synchronous errors); the action is applied later.
    pub fn validate_dialog_put(
        &self,
        login_id: &str,
        id: u64,
        body: DialogBody,
    ) -> Result<DialogAction, ApiError> {
        let d = self
            .visible_dialog(login_id, id)
            .ok_or_else(|| ApiError::dialog_not_found(&id.to_string()))?;
        let action = body
            .requested_action
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .ok_or_else(|| ApiError::parameter_missing("requestedAction"))?
            .to_owned();
        let ccx = self.ccx();
        let extension = self
            .agents
            .get(login_id)
            .map(|a| a.extension.clone())
            .unwrap_or_default();
        let target = body
            .target_media_address
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
        // Most actions name the acting agent's own device.
        let own_target = || -> Result<(), ApiError> {
            match target.as_deref() {
                None => Err(ApiError::parameter_missing("targetMediaAddress")),
                Some(t) if t != extension => Err(ApiError::invalid_input("targetMediaAddress")),
                Some(_) => Ok(()),
            }
        };
        let destination = |to: Option<String>| -> Result<String, ApiError> {
            let to = required_address(to, "toAddress")?;
            if to.trim() == extension {
                return Err(ApiError::invalid_destination(&to));
            }
            Ok(to)
        };
        let action = match action.as_str() {
            "ANSWER" => own_target().map(|_| DialogAction::Answer)?,
            "HOLD" => own_target().map(|_| DialogAction::Hold)?,
            "RETRIEVE" => own_target().map(|_| DialogAction::Retrieve)?,
            "DROP" => own_target().map(|_| DialogAction::Drop)?,
            "TRANSFER" => own_target().map(|_| DialogAction::Transfer)?,
            "CONFERENCE" => own_target().map(|_| DialogAction::Conference)?,
            "CONSULT_CALL" => {
                own_target()?;
                DialogAction::ConsultCall(destination(body.to_address)?)
            }
            "TRANSFER_SST" => {
                own_target()?;
                DialogAction::TransferSst(destination(body.to_address)?)
            }
            "SEND_DTMF" => {
                own_target()?;
                let digits = body
                    .action_params
                    .into_iter()
                    .find(|(n, _)| n == "dtmfString")
                    .map(|(_, v)| v)
                    .filter(|v| !v.is_empty())
                    .ok_or_else(|| ApiError::parameter_missing("dtmfString"))?;
                if !valid_dtmf(&digits, ccx) {
                    return Err(ApiError::invalid_input("dtmfString"));
                }
                if d.participant_of(login_id).map(|p| p.state) == Some(PState::Held) {
                    return Err(ApiError::invalid_state(401, PState::Held.as_str()));
                }
                DialogAction::SendDtmf(digits)
            }
            "PARTICIPANT_DROP" if ccx => return Err(ApiError::not_implemented(&action)),
            "PARTICIPANT_DROP" => {
                let t = target.ok_or_else(|| ApiError::parameter_missing("targetMediaAddress"))?;
                let other = d
                    .participants
                    .iter()
                    .any(|p| p.address == t && !p.is_agent(login_id));
                if !other {
                    return Err(ApiError::invalid_input("targetMediaAddress"));
                }
                DialogAction::ParticipantDrop(t)
            }
            "UPDATE_CALL_DATA" => {
                let media = body
                    .media
                    .ok_or_else(|| ApiError::parameter_missing("mediaProperties"))?;
                if media
                    .wrap_up_reason
                    .as_ref()
                    .is_some_and(|r| r.len() > MAX_WRAP_UP_REASON)
                {
                    return Err(ApiError::invalid_input("wrapUpReason"));
                }
                validate_variables(&media.variables, &d.ecc)?;
                DialogAction::UpdateCallData {
                    wrap_up_reason: media.wrap_up_reason,
                    variables: media.variables,
                }
            }
            "START_RECORDING" if !ccx => return Err(ApiError::not_implemented(&action)),
            "START_RECORDING" => own_target().map(|_| DialogAction::StartRecording)?,
            a if UNSUPPORTED_ACTIONS.contains(&a) => return Err(ApiError::not_implemented(a)),
            _ => return Err(ApiError::invalid_input("requestedAction")),
        };
        Ok(action)
    }
}
