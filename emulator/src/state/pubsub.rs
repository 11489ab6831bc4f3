//! Pub-sub nodes (reference 6.4): which nodes exist and who may subscribe to them.

use super::World;

/// What a user may do with a node, for a subscription request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Subscription {
    /// SystemInfo, the user's own User and Dialogs nodes: subscribed automatically, so
    /// asking changes nothing.
    Automatic,
    /// `/finesse/api/Team/<id>/Users` of a team the user supervises; any user's
    /// `/finesse/api/Queue/<id>` (CCE, "Any user can use this API to retrieve information
    /// about a specific queue", DEVNET `queue—get-queue`) and any user's
    /// `/finesse/api/User/<id>/Queues` (CCE, "All users can use this API to retrieve a list
    /// of queues for any user", DEVNET `queue—get-list-of-queues-for-user`).
    OnRequest,
    /// Another user's User or Dialogs node, or a team the user does not supervise.
    Forbidden,
    /// No such node.
    NoSuchNode,
}

impl World {
    /// Whether the user may subscribe to the node.
    pub fn subscription(&self, login_id: &str, node: &str) -> Subscription {
        if node == "/finesse/api/SystemInfo" {
            return Subscription::Automatic;
        }
        if let Some(user) = node
            .strip_prefix("/finesse/api/User/")
            .and_then(|rest| rest.strip_suffix("/Queues"))
        {
            return if !self.ccx() && self.agents.contains_key(user) {
                Subscription::OnRequest
            } else {
                Subscription::NoSuchNode
            };
        }
        if let Some(rest) = node.strip_prefix("/finesse/api/User/") {
            let user = rest.strip_suffix("/Dialogs").unwrap_or(rest);
            return match user {
                u if u == login_id => Subscription::Automatic,
                u if self.agents.contains_key(u) => Subscription::Forbidden,
                _ => Subscription::NoSuchNode,
            };
        }
        if let Some(queue) = node.strip_prefix("/finesse/api/Queue/") {
            return if self.queue_exists(queue) {
                Subscription::OnRequest
            } else {
                Subscription::NoSuchNode
            };
        }
        if let Some(team) = node
            .strip_prefix("/finesse/api/Team/")
            .and_then(|rest| rest.strip_suffix("/TeamMessages"))
            .filter(|_| self.release.has_team_messages())
        {
            return if self.member_or_supervisor(login_id, team) {
                Subscription::OnRequest
            } else if self.team_exists(team) {
                Subscription::Forbidden
            } else {
                Subscription::NoSuchNode
            };
        }
        let team = node
            .strip_prefix("/finesse/api/Team/")
            .and_then(|rest| rest.strip_suffix("/Users"));
        match team {
            // Supervising a team implies that it exists.
            Some(id) if self.supervises(login_id, id) => Subscription::OnRequest,
            Some(id) if self.team_exists(id) => Subscription::Forbidden,
            _ => Subscription::NoSuchNode,
        }
    }

    /// Whether a team exists (someone is on it or supervises it).
    pub fn team_exists(&self, id: &str) -> bool {
        self.agents
            .values()
            .any(|a| a.cfg.team_id == id || a.cfg.supervised_teams.iter().any(|t| t.id == id))
    }

    pub(super) fn supervises(&self, login_id: &str, team: &str) -> bool {
        self.agents.get(login_id).is_some_and(|a| {
            a.cfg.is_supervisor() && a.cfg.supervised_teams.iter().any(|t| t.id == team)
        })
    }
}
