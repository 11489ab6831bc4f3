//! Explicit pub-sub subscriptions (reference 6.4): which nodes exist and who may subscribe
//! to them. Subscriptions belong to the user and outlive its sessions.

use super::World;
use crate::xmpp::{StanzaError, bare_jid};

/// What a node name refers to.
enum NodeKind<'a> {
    /// Subscribed automatically: SystemInfo, the user's own User and Dialogs nodes.
    Automatic,
    /// Another user's User or Dialogs node.
    OtherUser,
    /// `/finesse/api/Team/<id>/Users`.
    Team(&'a str),
    /// No such node.
    Unknown,
}

impl World {
    fn node_kind<'a>(&self, login_id: &str, node: &'a str) -> NodeKind<'a> {
        if node == "/finesse/api/SystemInfo" {
            return NodeKind::Automatic;
        }
        if let Some(rest) = node.strip_prefix("/finesse/api/User/") {
            let user = rest.strip_suffix("/Dialogs").unwrap_or(rest);
            return match user {
                u if u == login_id => NodeKind::Automatic,
                u if self.agents.contains_key(u) => NodeKind::OtherUser,
                _ => NodeKind::Unknown,
            };
        }
        let team = node
            .strip_prefix("/finesse/api/Team/")
            .and_then(|rest| rest.strip_suffix("/Users"));
        match team {
            Some(id) if self.team_exists(id) => NodeKind::Team(id),
            _ => NodeKind::Unknown,
        }
    }

    fn team_exists(&self, id: &str) -> bool {
        self.agents
            .values()
            .any(|a| a.cfg.team_id == id || a.cfg.supervised_teams.iter().any(|t| t.id == id))
    }

    fn supervises(&self, login_id: &str, team: &str) -> bool {
        self.agents.get(login_id).is_some_and(|a| {
            a.cfg.is_supervisor() && a.cfg.supervised_teams.iter().any(|t| t.id == team)
        })
    }

    /// Checks the request; `Ok(true)` for a node the user is subscribed to automatically.
    fn check_subscription(
        &self,
        login_id: &str,
        node: &str,
        jid: &str,
    ) -> Result<bool, StanzaError> {
        let bare = jid.split_once('/').map_or(jid, |(bare, _)| bare);
        if bare != bare_jid(login_id) {
            return Err(StanzaError::invalid_jid());
        }
        match self.node_kind(login_id, node) {
            NodeKind::Automatic => Ok(true),
            NodeKind::Team(team) if self.supervises(login_id, team) => Ok(false),
            NodeKind::Team(_) | NodeKind::OtherUser => Err(StanzaError::forbidden()),
            NodeKind::Unknown => Err(StanzaError::item_not_found()),
        }
    }

    /// Subscribes the user to a node (idempotent).
    pub fn subscribe_node(
        &mut self,
        login_id: &str,
        node: &str,
        jid: &str,
    ) -> Result<(), StanzaError> {
        if !self.check_subscription(login_id, node, jid)? {
            self.notifier.sessions.subscribe(login_id, node);
        }
        Ok(())
    }

    /// Unsubscribes the user from a node. Automatic subscriptions stay whatever is asked.
    pub fn unsubscribe_node(
        &mut self,
        login_id: &str,
        node: &str,
        jid: &str,
    ) -> Result<(), StanzaError> {
        if self.check_subscription(login_id, node, jid)?
            || self.notifier.sessions.unsubscribe(login_id, node)
        {
            Ok(())
        } else {
            Err(StanzaError::not_subscribed())
        }
    }
}
