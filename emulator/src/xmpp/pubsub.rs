//! Explicit pub-sub subscriptions (reference 6.4), as the world allows them. Each is kept
//! for the JID it names, bare or full (reference 10.2), and outlives the sessions.

use super::frames::StanzaError;
use super::sessions::{Sessions, bare_jid};
use crate::state::{Subscription, World};

/// Checks the request; `Ok(true)` for a node the user is subscribed to automatically.
fn check(world: &World, login_id: &str, node: &str, jid: &str) -> Result<bool, StanzaError> {
    let (bare, resource) = jid.split_once('/').unwrap_or((jid, "x"));
    if bare != bare_jid(login_id) || resource.is_empty() {
        return Err(StanzaError::invalid_jid());
    }
    match world.subscription(login_id, node) {
        Subscription::Automatic => Ok(true),
        Subscription::OnRequest => Ok(false),
        Subscription::Forbidden => Err(StanzaError::forbidden()),
        Subscription::NoSuchNode => Err(StanzaError::item_not_found()),
    }
}

/// Subscribes the user to a node (idempotent).
pub(crate) fn subscribe(
    world: &World,
    sessions: &mut Sessions,
    login_id: &str,
    node: &str,
    jid: &str,
) -> Result<(), StanzaError> {
    if !check(world, login_id, node, jid)? && !sessions.subscribe(jid, node) {
        return Err(StanzaError::policy_violation());
    }
    Ok(())
}

/// Unsubscribes the user from a node. Automatic subscriptions stay whatever is asked.
pub(crate) fn unsubscribe(
    world: &World,
    sessions: &mut Sessions,
    login_id: &str,
    node: &str,
    jid: &str,
) -> Result<(), StanzaError> {
    if check(world, login_id, node, jid)? || sessions.unsubscribe(jid, node) {
        Ok(())
    } else {
        Err(StanzaError::not_subscribed())
    }
}
