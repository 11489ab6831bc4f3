//! Queues (CCE skill groups) and their real-time statistics, computed from the agents and
//! calls of the world.
//!
//! Sources: DEVNET `queue—get-queue` and DG12.5 p141-144 (the Queue object, `-1` and empty
//! values for a queue assigned to no one, CCE only), DEVNET `queue—get-list-of-queues-for-user`
//! (a supervisor lists the queues of its teams' members too), DEVNET `queue-notifications`
//! (node and source `/finesse/api/Queue/<id>`, "every 10 seconds (if queue statistics
//! change)", not sent on CCX). Which teams each queue is assigned to comes from the
//! configuration and changes at run time (`queue_assignment.rs`).

use std::collections::BTreeSet;
use std::time::SystemTime;

use super::World;
use super::agent::{Agent, AgentState};
use super::dialog::{DialogState, PState};
use crate::config::QueueConfig;
use crate::xml_out::{escape_into, timestamp};

/// The interval between two publications of changed statistics (DEVNET
/// `queue-notifications`).
pub(crate) const QUEUE_INTERVAL: std::time::Duration = std::time::Duration::from_secs(10);

/// One queue's statistics; `None` for a queue assigned to no one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Statistics {
    calls_in_queue: i64,
    longest_since: Option<SystemTime>,
    ready: i64,
    not_ready: i64,
    busy_other: i64,
    logged_on: i64,
    talking_inbound: i64,
    talking_outbound: i64,
    talking_internal: i64,
    wrap_up_not_ready: i64,
    wrap_up_ready: i64,
}

impl World {
    /// The queue a path segment names, written as the id is (`10`, not `010`).
    fn queue_named(&self, id: &str) -> Option<&QueueConfig> {
        let number = id.parse::<u64>().ok()?;
        self.queues.get(&number).filter(|q| q.id.to_string() == id)
    }

    /// Whether `id` names a queue (CCE only: CCX has none, DEVNET `queue—get-queue`).
    pub fn queue_exists(&self, id: &str) -> bool {
        !self.ccx() && self.queue_named(id).is_some()
    }

    /// The Queue document (`root` is `Queue` both in a GET and in a notification, DEVNET
    /// `queue-notifications`), or `None` for no such queue.
    pub fn queue_document(&self, id: &str) -> Option<String> {
        self.queue_named(id).map(|q| self.queue_xml(q))
    }

    /// The ids of the queues in `login_id`'s list: those assigned to its team, and for a
    /// supervisor those assigned to the teams it supervises (DEVNET
    /// `queue—get-list-of-queues-for-user`).
    pub(super) fn user_queue_ids(&self, login_id: &str) -> BTreeSet<u64> {
        let Some(agent) = self.agents.get(login_id) else {
            return BTreeSet::new();
        };
        let mut teams = vec![agent.cfg.team_id.as_str()];
        teams.extend(agent.cfg.supervised_teams.iter().map(|t| t.id.as_str()));
        self.queues
            .values()
            .filter(|q| q.teams.iter().any(|t| teams.contains(&t.as_str())))
            .map(|q| q.id)
            .collect()
    }

    /// The Queues of `login_id` (see [`World::user_queue_ids`]).
    pub fn queues_document(&self, login_id: &str) -> Option<String> {
        self.agents.get(login_id)?;
        Some(self.queues_list(&self.user_queue_ids(login_id), |w, q| w.queue_xml(q)))
    }

    /// `<Queues>` with one item per queue of `ids`, each rendered by `item`; `<Queues/>`
    /// when none.
    pub(super) fn queues_list(
        &self,
        ids: &BTreeSet<u64>,
        item: impl Fn(&World, &QueueConfig) -> String,
    ) -> String {
        let items: String = ids
            .iter()
            .filter_map(|id| self.queues.get(id))
            .map(|q| item(self, q))
            .collect();
        if items.is_empty() {
            "<Queues/>".to_owned()
        } else {
            format!("<Queues>{items}</Queues>")
        }
    }

    /// The queues whose document changed since last published, with their new documents;
    /// remembered as published. None on CCX.
    pub fn changed_queues(&mut self) -> Vec<(u64, String)> {
        if self.ccx() {
            return Vec::new();
        }
        let mut changed = Vec::new();
        for q in self.queues.values() {
            let doc = self.queue_xml(q);
            if self.published_queues.get(&q.id) != Some(&doc) {
                changed.push((q.id, doc));
            }
        }
        for (id, doc) in &changed {
            self.published_queues.insert(*id, doc.clone());
        }
        changed
    }

    fn queue_statistics(&self, q: &QueueConfig) -> Option<Statistics> {
        if q.teams.is_empty() {
            return None;
        }
        let members: Vec<&Agent> = self
            .agents
            .values()
            .filter(|a| q.teams.contains(&a.cfg.team_id) && a.signed_in())
            .collect();
        let mut s = Statistics {
            logged_on: members.len() as i64,
            ..Statistics::default()
        };
        for a in &members {
            match a.state {
                AgentState::Ready => s.ready += 1,
                AgentState::NotReady => s.not_ready += 1,
                AgentState::Work => s.wrap_up_not_ready += 1,
                AgentState::WorkReady => s.wrap_up_ready += 1,
                AgentState::Talking | AgentState::Hold => match self.talking_kind(a) {
                    Talking::Inbound => s.talking_inbound += 1,
                    Talking::Outbound => s.talking_outbound += 1,
                    Talking::Internal => s.talking_internal += 1,
                },
                AgentState::Reserved => s.busy_other += 1,
                AgentState::Logout => {}
            }
        }
        // Routed calls to this queue ringing and not yet answered wait in it.
        let queue_number = q.id.to_string();
        for d in self.dialogs.values() {
            let waiting = d.queue_number == queue_number
                && d.state == DialogState::Alerting
                && !d.participants.iter().any(|p| p.state == PState::Active);
            if waiting {
                s.calls_in_queue += 1;
                let start = d.participants.iter().map(|p| p.start_time).min();
                s.longest_since = match (s.longest_since, start) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
        }
        Some(s)
    }

    fn talking_kind(&self, a: &Agent) -> Talking {
        let id = &a.cfg.login_id;
        let call = self
            .dialogs
            .values()
            .find(|d| d.monitor.is_none() && d.participant_of(id).is_some());
        match call {
            Some(d) if d.call_type == "AGENT_INSIDE" || d.consult_of.is_some() => Talking::Internal,
            Some(d) if d.originator.as_deref() == Some(id.as_str()) => Talking::Outbound,
            _ => Talking::Inbound,
        }
    }

    pub(super) fn queue_xml(&self, q: &QueueConfig) -> String {
        let stats = self.queue_statistics(q);
        let mut out = String::with_capacity(640);
        out.push_str("<Queue>");
        leaf(&mut out, "uri", &queue_uri(q.id));
        leaf(&mut out, "name", &q.name);
        out.push_str("<statistics>");
        let number = |f: fn(&Statistics) -> i64| {
            stats
                .as_ref()
                .map_or_else(|| "-1".to_owned(), |s| f(s).to_string())
        };
        leaf(&mut out, "callsInQueue", &number(|s| s.calls_in_queue));
        let longest = stats
            .as_ref()
            .and_then(|s| s.longest_since)
            .map(|t| seconds_only(&timestamp(t)))
            .unwrap_or_default();
        leaf(&mut out, "startTimeOfLongestCallInQueue", &longest);
        leaf(&mut out, "agentsReady", &number(|s| s.ready));
        leaf(&mut out, "agentsNotReady", &number(|s| s.not_ready));
        leaf(&mut out, "agentsBusyOther", &number(|s| s.busy_other));
        leaf(&mut out, "agentsLoggedOn", &number(|s| s.logged_on));
        leaf(
            &mut out,
            "agentsTalkingInbound",
            &number(|s| s.talking_inbound),
        );
        leaf(
            &mut out,
            "agentsTalkingOutbound",
            &number(|s| s.talking_outbound),
        );
        leaf(
            &mut out,
            "agentsTalkingInternal",
            &number(|s| s.talking_internal),
        );
        leaf(
            &mut out,
            "agentsWrapUpNotReady",
            &number(|s| s.wrap_up_not_ready),
        );
        leaf(&mut out, "agentsWrapUpReady", &number(|s| s.wrap_up_ready));
        out.push_str("</statistics></Queue>");
        out
    }
}

/// A queue's URI, which is also its node and the source of its notifications.
pub(crate) fn queue_uri(id: u64) -> String {
    format!("/finesse/api/Queue/{id}")
}

enum Talking {
    Inbound,
    Outbound,
    Internal,
}

/// The queue's timestamps have no milliseconds (`2012-02-15T17:58:21Z`, DEVNET
/// `queue—get-queue`).
fn seconds_only(stamp: &str) -> String {
    match stamp.find('.') {
        Some(dot) => format!("{}Z", &stamp[..dot]),
        None => stamp.to_owned(),
    }
}

fn leaf(out: &mut String, name: &str, text: &str) {
    out.push('<');
    out.push_str(name);
    out.push('>');
    escape_into(out, text);
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}
