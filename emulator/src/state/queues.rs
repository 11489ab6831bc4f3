//! Queues (CCE skill groups) and their real-time statistics, computed from the agents and
//! calls of the world.
//!
//! Sources: DEVNET `queue—get-queue` and DG12.5 p141-144 (the Queue object, `-1` and empty
//! values for a queue assigned to no one, CCE only), DEVNET `queue—get-list-of-queues-for-user`
//! (a supervisor lists the queues of its teams' members too), DEVNET `queue-notifications`
//! (node and source `/finesse/api/Queue/<id>`, "every 10 seconds (if queue statistics
//! change)", not sent on CCX).

use std::time::SystemTime;

use super::World;
use super::agent::{Agent, AgentState};
use super::dialog::{DialogState, PState};
use crate::xml_out::{escape_into, timestamp};

/// The emulator's queues: id, name, and the team whose agents are assigned to it (`None`:
/// assigned to no one). Not configurable: two skill groups, one with every agent of the
/// default team, one with nobody.
const QUEUES: &[(u64, &str, Option<&str>)] = &[(10, "Sales", Some("5007")), (11, "Overflow", None)];

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
    /// Whether `id` names a queue (CCE only: CCX has none, DEVNET `queue—get-queue`).
    pub fn queue_exists(&self, id: &str) -> bool {
        !self.ccx() && QUEUES.iter().any(|(q, ..)| q.to_string() == id)
    }

    /// The Queue document (`root` is `Queue` both in a GET and in a notification, DEVNET
    /// `queue-notifications`), or `None` for no such queue.
    pub fn queue_document(&self, id: &str) -> Option<String> {
        let (qid, name, team) = QUEUES.iter().find(|(q, ..)| q.to_string() == id)?;
        Some(self.queue_xml(*qid, name, *team))
    }

    /// The Queues of `login_id`: the queues of its team, and for a supervisor those of the
    /// teams it supervises.
    pub fn queues_document(&self, login_id: &str) -> Option<String> {
        let agent = self.agents.get(login_id)?;
        let mut teams = vec![agent.cfg.team_id.as_str()];
        teams.extend(agent.cfg.supervised_teams.iter().map(|t| t.id.as_str()));
        let items: String = QUEUES
            .iter()
            .filter(|(_, _, team)| team.is_some_and(|t| teams.contains(&t)))
            .map(|(id, name, team)| self.queue_xml(*id, name, *team))
            .collect();
        Some(if items.is_empty() {
            "<Queues/>".to_owned()
        } else {
            format!("<Queues>{items}</Queues>")
        })
    }

    /// The queues whose document changed since last published, with their new documents;
    /// remembered as published. None on CCX.
    pub fn changed_queues(&mut self) -> Vec<(u64, String)> {
        if self.ccx() {
            return Vec::new();
        }
        let mut changed = Vec::new();
        for (id, name, team) in QUEUES {
            let doc = self.queue_xml(*id, name, *team);
            if self.published_queues.get(id) != Some(&doc) {
                self.published_queues.insert(*id, doc.clone());
                changed.push((*id, doc));
            }
        }
        changed
    }

    fn queue_statistics(&self, id: u64, team: Option<&str>) -> Option<Statistics> {
        let team = team?;
        let members: Vec<&Agent> = self
            .agents
            .values()
            .filter(|a| a.cfg.team_id == team && a.signed_in())
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
        let queue_number = id.to_string();
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

    fn queue_xml(&self, id: u64, name: &str, team: Option<&str>) -> String {
        let stats = self.queue_statistics(id, team);
        let mut out = String::with_capacity(640);
        out.push_str("<Queue>");
        leaf(&mut out, "uri", &format!("/finesse/api/Queue/{id}"));
        leaf(&mut out, "name", name);
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
