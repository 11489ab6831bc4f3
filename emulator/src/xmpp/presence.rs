//! Presence between the notification service and the platform: the sessions' presence is
//! reported to the world (which signs out agents left without an available session), and
//! Finesse's own presence is sent to the sessions.

use super::frames::service_presence;
use super::sessions::Sessions;
use super::stanza::PresenceUpdate;
use crate::node::Side;
use crate::state::World;

/// Applies a broadcast presence. When the session becomes available, returns the presence
/// of Finesse's own user to send it.
pub(crate) fn session_presence(
    side: Side,
    world: &mut World,
    sessions: &mut Sessions,
    id: u64,
    update: PresenceUpdate,
) -> Option<String> {
    let service_available = sessions.service_available;
    let session = sessions.get_mut(id)?;
    let was_available = session.available;
    match update {
        PresenceUpdate::Available { priority } => {
            session.available = true;
            session.priority = priority;
        }
        PresenceUpdate::Unavailable => session.available = false,
    }
    let reply = (!was_available && session.available)
        .then(|| service_presence(&session.full_jid(), service_available));
    let login_id = session.login_id.clone();
    world.set_available_sessions(side, &login_id, sessions.available(&login_id));
    reply
}

/// The session's connection is gone.
pub(crate) fn session_ended(side: Side, world: &mut World, sessions: &mut Sessions, id: u64) {
    if let Some(session) = sessions.remove(id) {
        let count = sessions.available(&session.login_id);
        world.set_available_sessions(side, &session.login_id, count);
    }
}

/// Cuts every connection of the user's sessions at once, as a lost link would: the
/// sessions are gone for the platform now (which starts the forced-logout timer), and
/// their connections end without a word. Returns how many were cut.
pub(crate) fn cut_user(
    side: Side,
    world: &mut World,
    sessions: &mut Sessions,
    login_id: &str,
) -> usize {
    let cut = sessions.cut(login_id);
    if cut > 0 {
        world.set_available_sessions(side, login_id, sessions.available(login_id));
    }
    cut
}

/// Finesse's own XMPP user comes or goes: every available session is told.
pub(crate) fn set_service_available(sessions: &mut Sessions, available: bool) {
    if sessions.service_available == available {
        return;
    }
    sessions.service_available = available;
    for session in sessions.available_mut() {
        let presence = service_presence(&session.full_jid(), available);
        session.send(presence);
    }
}
