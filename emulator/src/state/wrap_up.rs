//! The wrap-up timer: an agent left in WORK or WORK_READY leaves it by itself when the
//! timer expires (reference 2.4 transitions, 10.4; DEVNET `user-states`): WORK goes
//! NOT_READY, WORK_READY goes READY; on CCX, which has WORK only, the agent goes where it
//! would have gone without wrap-up.

use std::time::Duration;

use super::agent::AgentState;
use super::{Timer, World};

/// Longest wrap-up timer accepted (CCE's agent desk setting stops at 7200 s).
pub(crate) const MAX_WRAP_UP_TIMER: Duration = Duration::from_secs(7200);

impl World {
    /// The agent entered wrap-up: starts its timer, if one is configured, towards `next`.
    pub(super) fn start_wrap_up_timer(&mut self, login_id: &str, next: AgentState) {
        let Some(after) = self.wrap_up_timer else {
            return;
        };
        let Some(agent) = self.agents.get_mut(login_id) else {
            return;
        };
        agent.wrap_up_epoch += 1;
        let timer = Timer::WrapUp {
            login_id: login_id.to_owned(),
            epoch: agent.wrap_up_epoch,
            next,
        };
        self.timers.push((after.min(MAX_WRAP_UP_TIMER), timer));
    }

    /// The wrap-up timer expired: if the agent is still in the same wrap-up, it ends, and
    /// the agent goes to `next` (a User update without requestId).
    pub(super) fn wrap_up_expired(&mut self, login_id: &str, epoch: u64, next: AgentState) {
        let due = self.agents.get(login_id).is_some_and(|a| {
            a.wrap_up_epoch == epoch && matches!(a.state, AgentState::Work | AgentState::WorkReady)
        });
        if due {
            self.finish_wrap_up(login_id, "");
            self.set_agent_state(login_id, next, None, "");
        }
    }
}
