//! Presence as the platform sees it: the forced logout of agents left without an available
//! notification session (reference 7.4). REST activity never counts as presence.

use super::agent::{REASON_FORCED_LOGOUT, UserChange};
use super::{Timer, World};

impl World {
    /// The notification service reports how many of the user's sessions are available now:
    /// one more cancels a pending forced logout, none left starts one.
    pub fn set_available_sessions(&mut self, login_id: &str, count: usize) {
        let Some(agent) = self.agents.get_mut(login_id) else {
            return;
        };
        let before = std::mem::replace(&mut agent.available_sessions, count);
        if count > before {
            agent.presence_epoch += 1;
        } else if count < before {
            self.start_forced_logout_timer(login_id);
        }
    }

    /// Starts the forced-logout timer of a signed-in agent without an available session.
    pub(super) fn start_forced_logout_timer(&mut self, login_id: &str) {
        let Some(after) = self.forced_logout_after else {
            return;
        };
        let Some(agent) = self
            .agents
            .get_mut(login_id)
            .filter(|a| a.signed_in() && a.available_sessions == 0)
        else {
            return;
        };
        agent.presence_epoch += 1;
        let timer = Timer::ForcedLogout {
            login_id: login_id.to_owned(),
            epoch: agent.presence_epoch,
        };
        self.timers.push((after, timer));
    }

    /// The forced-logout timer expired: Finesse asks the platform to sign the agent out
    /// with reason 255, as a supervisor's sign-out would (pending while on a call).
    pub(super) fn forced_logout(&mut self, login_id: &str, epoch: u64) {
        let due = self.agents.get(login_id).is_some_and(|a| {
            a.presence_epoch == epoch && a.signed_in() && a.available_sessions == 0
        });
        if due {
            let change = UserChange::Logout(Some(REASON_FORCED_LOGOUT));
            self.apply_user(login_id, change, true, "");
        }
    }
}
