//! The race between call-control requests, when switched on
//! ([`EmulatorConfig::call_control_race`](crate::EmulatorConfig::call_control_race)): a
//! device's call-control request is pending from its 202 until its CTI outcome is applied,
//! and another request of that device arriving meanwhile is refused asynchronously. Finesse
//! 12.5(1): "call control requests for the same device should not be sent to the Finesse
//! server until the response to a previous call control request has been received" (DG12.5
//! p91; reference 1.4, 10.4).

use std::collections::HashMap;
use std::time::Duration;

use super::{Timer, World};
use crate::config::CALL_CONTROL_OUTCOME;
use crate::errors::CtiError;

/// The devices with a call-control request whose outcome is pending.
#[derive(Debug, Default)]
pub(crate) struct PendingCallControl {
    /// Extension → the token of the request pending on it.
    by_device: HashMap<String, u64>,
    next_token: u64,
}

/// A device taken by an accepted call-control request until its outcome is applied.
#[derive(Debug)]
pub(crate) struct Reservation {
    device: String,
    token: u64,
}

impl World {
    /// The device a call-control request of `login_id` acts from: its extension, while it is
    /// signed in (a request of a signed-out agent is refused anyway).
    fn call_control_device(&self, login_id: &str) -> Option<&str> {
        self.agents
            .get(login_id)
            .filter(|a| a.signed_in() && !a.extension.is_empty())
            .map(|a| a.extension.as_str())
    }

    /// Whether, with the race on, a call-control request of `login_id` now would meet one
    /// still pending on its device.
    pub fn call_control_busy(&self, login_id: &str) -> bool {
        self.call_control_race
            && self
                .call_control_device(login_id)
                .is_some_and(|d| self.pending_call_control.by_device.contains_key(d))
    }

    /// Takes the agent's device for a call-control request accepted now, until
    /// [`World::release_call_control`]; `None` when the race is off or there is no device.
    pub fn reserve_call_control(&mut self, login_id: &str) -> Option<Reservation> {
        if !self.call_control_race {
            return None;
        }
        let device = self.call_control_device(login_id)?.to_owned();
        let pending = &mut self.pending_call_control;
        let token = pending.next_token;
        pending.next_token += 1;
        pending.by_device.insert(device.clone(), token);
        Some(Reservation { device, token })
    }

    /// The request's outcome is applied: its device takes requests again.
    pub fn release_call_control(&mut self, reservation: &Reservation) {
        let by_device = &mut self.pending_call_control.by_device;
        if by_device.get(&reservation.device) == Some(&reservation.token) {
            by_device.remove(&reservation.device);
        }
    }

    /// How long after its 202 a call-control request's outcome is applied: one CTI step,
    /// with the race on at least [`CALL_CONTROL_OUTCOME`].
    pub fn call_control_delay(&self) -> Duration {
        if self.call_control_race {
            self.timing.step.max(CALL_CONTROL_OUTCOME)
        } else {
            self.timing.step
        }
    }

    /// Refuses a call-control request that met a pending one on its device: one CTI step
    /// from now, an asynchronous error on the agent's Dialogs node echoing `request_id`.
    pub fn refuse_call_control(&mut self, login_id: &str, dialog: Option<u64>, request_id: &str) {
        self.timers.push((
            self.timing.step,
            Timer::CallControlRefused {
                login_id: login_id.to_owned(),
                dialog,
                request_id: request_id.to_owned(),
            },
        ));
    }

    pub(super) fn call_control_refused(
        &mut self,
        login_id: &str,
        dialog: Option<u64>,
        request_id: &str,
    ) {
        self.dialog_cti_error(
            login_id,
            dialog,
            request_id,
            CtiError::call_control_pending(),
        );
    }
}
