//! Presence as the platform sees it: the forced logout of agents whose desktop went away
//! (reference 7.4, 10.3). REST activity never counts as presence.
//!
//! Sources: DEVNET `desktop-presence-and-forced-logout` (Finesse watches the presence of
//! each signed-in user's sessions; when they go unavailable it waits 60 s, then signs the
//! agent out; a client failing over to the other node leaves the first node seeing
//! unavailable presence, and that node, being in service, sends the forced logout); DG12.5
//! failover chapter (reason code 255; CCE's LOAD setting: 0, the default, makes the agent
//! NOT_READY, 1 signs it out; CCX always signs it out).
//!
//! Each node watches its own sessions: presence is counted per node, and a node that is not
//! operational (out of service, web application or node down) signs no one out.

use super::agent::{REASON_FORCED_LOGOUT, UserChange};
use super::{Timer, World};
use crate::node::Side;

impl World {
    /// The node's notification service reports how many of the user's sessions are
    /// available there now: one more cancels a pending forced logout on that node, none
    /// left (after at least one) starts one.
    pub fn set_available_sessions(&mut self, side: Side, login_id: &str, count: usize) {
        let Some(agent) = self.agents.get_mut(login_id) else {
            return;
        };
        let presence = &mut agent.presence[side.index()];
        let before = std::mem::replace(&mut presence.available, count);
        if count > before {
            presence.epoch += 1;
        } else if count < before && count == 0 {
            self.start_forced_logout_timer(side, login_id);
        }
    }

    /// Starts the forced-logout timer of a signed-in agent left without an available
    /// session on an operational node.
    fn start_forced_logout_timer(&mut self, side: Side, login_id: &str) {
        let Some(after) = self.forced_logout_after else {
            return;
        };
        if !self.nodes[side.index()].operational() {
            return;
        }
        let Some(agent) = self
            .agents
            .get_mut(login_id)
            .filter(|a| a.signed_in() && a.presence[side.index()].available == 0)
        else {
            return;
        };
        let presence = &mut agent.presence[side.index()];
        presence.epoch += 1;
        let timer = Timer::ForcedLogout {
            login_id: login_id.to_owned(),
            side,
            epoch: presence.epoch,
        };
        self.timers.push((after, timer));
    }

    /// The forced-logout timer expired: unless a session came back on the node (or the
    /// node stopped operating), Finesse asks the platform to make the agent NOT_READY (CCE,
    /// LOAD 0) or to sign it out (CCE with LOAD 1, CCX), with reason 255, as a supervisor's
    /// change would (pending while on a call). An agent signed out already stays so.
    pub(super) fn forced_logout(&mut self, login_id: &str, side: Side, epoch: u64) {
        let due = self.nodes[side.index()].operational()
            && self.agents.get(login_id).is_some_and(|a| {
                let p = a.presence[side.index()];
                p.epoch == epoch && a.signed_in() && p.available == 0
            });
        if !due {
            return;
        }
        let reason = Some(REASON_FORCED_LOGOUT);
        let change = if self.ccx() || self.logout_on_disconnect {
            UserChange::Logout(reason)
        } else {
            UserChange::NotReady(reason)
        };
        self.apply_user(login_id, change, true, "");
    }
}
