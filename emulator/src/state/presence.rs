//! Notification sessions as the platform sees them: binding, presence, Finesse's own
//! presence, and the forced logout of agents left without an available session
//! (reference 7.4). REST activity never counts as presence.

use tokio::sync::mpsc;

use super::agent::{REASON_FORCED_LOGOUT, UserChange};
use super::{Timer, World};
use crate::xmpp::{Outbound, PresenceUpdate, service_presence};

impl World {
    /// Registers a bound session; returns its id and resource.
    pub fn bind_session(
        &mut self,
        login_id: &str,
        resource: Option<String>,
        outbox: mpsc::Sender<Outbound>,
    ) -> (u64, String) {
        self.notifier.sessions.bind(login_id, resource, outbox)
    }

    /// Applies a broadcast presence. When the session becomes available, returns the
    /// presence of Finesse's own user to send it.
    pub fn session_presence(&mut self, id: u64, update: PresenceUpdate) -> Option<String> {
        let service_available = self.notifier.sessions.service_available;
        let session = self.notifier.sessions.get_mut(id)?;
        let was_available = session.available;
        match update {
            PresenceUpdate::Available { priority } => {
                session.available = true;
                session.priority = priority;
            }
            PresenceUpdate::Unavailable => session.available = false,
        }
        let login_id = session.login_id.clone();
        match (was_available, session.available) {
            (false, true) => {
                let reply = service_presence(&session.full_jid(), service_available);
                self.cancel_forced_logout_timer(&login_id);
                Some(reply)
            }
            (true, false) => {
                self.start_forced_logout_timer(&login_id);
                None
            }
            _ => None,
        }
    }

    /// The session's connection is gone.
    pub fn session_ended(&mut self, id: u64) {
        if let Some(session) = self.notifier.sessions.remove(id)
            && session.available
        {
            self.start_forced_logout_timer(&session.login_id);
        }
    }

    /// Available sessions of the user.
    pub fn available_sessions(&self, login_id: &str) -> usize {
        self.notifier.sessions.available(login_id)
    }

    /// Finesse's own XMPP user comes or goes: every available session is told.
    pub fn set_service_available(&mut self, available: bool) {
        let sessions = &mut self.notifier.sessions;
        if sessions.service_available == available {
            return;
        }
        sessions.service_available = available;
        for session in sessions.available_mut() {
            let presence = service_presence(&session.full_jid(), available);
            session.send(presence);
        }
    }

    /// Starts the forced-logout timer of a signed-in agent without an available session.
    pub(super) fn start_forced_logout_timer(&mut self, login_id: &str) {
        let Some(after) = self.forced_logout_after else {
            return;
        };
        if self.notifier.sessions.available(login_id) > 0 {
            return;
        }
        let Some(agent) = self.agents.get_mut(login_id).filter(|a| a.signed_in()) else {
            return;
        };
        agent.presence_epoch += 1;
        let timer = Timer::ForcedLogout {
            login_id: login_id.to_owned(),
            epoch: agent.presence_epoch,
        };
        self.timers.push((after, timer));
    }

    fn cancel_forced_logout_timer(&mut self, login_id: &str) {
        if let Some(agent) = self.agents.get_mut(login_id) {
            agent.presence_epoch += 1;
        }
    }

    /// The forced-logout timer expired: Finesse asks the platform to sign the agent out
    /// with reason 255, as a supervisor's sign-out would (pending while on a call).
    pub(super) fn forced_logout(&mut self, login_id: &str, epoch: u64) {
        let due = self.agents.get(login_id).is_some_and(|a| {
            a.presence_epoch == epoch
                && a.signed_in()
                && self.notifier.sessions.available(login_id) == 0
        });
        if due {
            let change = UserChange::Logout(Some(REASON_FORCED_LOGOUT));
            self.apply_user(login_id, change, true, "");
        }
    }
}
