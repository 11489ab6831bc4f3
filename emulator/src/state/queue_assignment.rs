//! Queues that change assignment at run time (CCE): a queue added, assigned to a team's
//! agents or removed from them, or removed from the system, and the notifications that tell the users whose list of
//! queues changed.
//!
//! Sources: DEVNET `userqueue-notification` ("User/Queue Notification": sent when a queue is
//! added to or removed from the user's list, CCE only; node and source
//! `/finesse/api/User/{id}/Queues`; payload `{post}` with the data `<Queues>` of full
//! `<Queue>` objects; the DELETE payload's body is not in any copy found), DEVNET
//! `notification-parameters` (the data "specifies a list of queues that were added or deleted
//! from the user's list"; requestId "empty for a User/Queues notification") and DEVNET
//! `queue-notifications` (the DELETE payload on `/finesse/api/Queue/{id}`: `<Queue>` with its
//! `<uri>` only, empty requestId). The items of a `User/Queues` DELETE and which users receive
//! the Queue node's DELETE are the emulator's choices (README, "Choices where the Finesse
//! documentation is silent").

use std::collections::{BTreeMap, BTreeSet};

use super::queues::queue_uri;
use super::{Change, World};
use crate::config::QueueConfig;
use crate::errors::ControlError;
use crate::limits::MAX_QUEUES;

/// Each user's list of queues, by login id.
type Lists = BTreeMap<String, BTreeSet<u64>>;

impl World {
    /// The queues, with the teams each is assigned to, in id order.
    pub fn queue_configs(&self) -> Vec<QueueConfig> {
        self.queues.values().cloned().collect()
    }

    /// Adds a queue; the users of its teams are told of it.
    pub fn add_queue(&mut self, queue: QueueConfig) -> Result<(), ControlError> {
        if queue.name.trim().is_empty() {
            return Err(ControlError::InvalidInput(
                "a queue needs a name".to_owned(),
            ));
        }
        if queue.teams.iter().any(|t| t.trim().is_empty()) {
            return Err(ControlError::InvalidInput("empty team id".to_owned()));
        }
        if self.queues.contains_key(&queue.id) {
            return Err(ControlError::InvalidState(format!(
                "queue {} exists",
                queue.id
            )));
        }
        if self.queues.len() >= MAX_QUEUES {
            return Err(ControlError::InvalidState(format!(
                "the emulator holds {MAX_QUEUES} queues at most"
            )));
        }
        self.reassign(|w| {
            // A new queue's statistics count as published: only their changes are.
            let id = queue.id;
            w.queues.insert(id, queue);
            if let Some(doc) = w.queues.get(&id).map(|q| w.queue_xml(q)) {
                w.published_queues.insert(id, doc);
            }
        });
        Ok(())
    }

    /// Assigns a queue to the agents of a team (nothing changes if it already is).
    pub fn assign_queue(&mut self, id: u64, team: &str) -> Result<(), ControlError> {
        let team = checked_team(team)?;
        self.known_queue(id)?;
        self.reassign(|w| {
            if let Some(q) = w.queues.get_mut(&id).filter(|q| !q.teams.contains(&team)) {
                q.teams.push(team);
            }
        });
        Ok(())
    }

    /// Removes a queue from the agents of a team (nothing changes if it was not assigned).
    pub fn unassign_queue(&mut self, id: u64, team: &str) -> Result<(), ControlError> {
        let team = checked_team(team)?;
        self.known_queue(id)?;
        self.reassign(|w| {
            if let Some(q) = w.queues.get_mut(&id) {
                q.teams.retain(|t| *t != team);
            }
        });
        Ok(())
    }

    /// Removes a queue from the system: its users lose it, as when it is unassigned
    /// ("a queue assigned to the user is removed from the system", DEVNET
    /// `userqueue-notification`), and `GET /finesse/api/Queue/<id>` answers 404.
    pub fn remove_queue(&mut self, id: u64) -> Result<(), ControlError> {
        self.known_queue(id)?;
        self.reassign(|w| {
            w.queues.remove(&id);
            w.published_queues.remove(&id);
        });
        Ok(())
    }

    fn known_queue(&self, id: u64) -> Result<(), ControlError> {
        if self.queues.contains_key(&id) {
            Ok(())
        } else {
            Err(ControlError::UnknownQueue(id.to_string()))
        }
    }

    fn user_queue_lists(&self) -> Lists {
        self.agents
            .keys()
            .map(|id| (id.clone(), self.user_queue_ids(id)))
            .collect()
    }

    /// Applies an assignment change, then records the notifications of every user whose
    /// list of queues changed (CCE; CCX has no queues).
    fn reassign(&mut self, change: impl FnOnce(&mut World)) {
        let before = self.user_queue_lists();
        change(self);
        if self.ccx() {
            return;
        }
        let after = self.user_queue_lists();
        let mut lost: BTreeMap<u64, Vec<String>> = BTreeMap::new();
        for (user, now) in &after {
            let was = before.get(user).cloned().unwrap_or_default();
            let removed: BTreeSet<u64> = was.difference(now).copied().collect();
            let added: BTreeSet<u64> = now.difference(&was).copied().collect();
            for id in &removed {
                lost.entry(*id).or_default().push(user.clone());
            }
            if !removed.is_empty() {
                // By id alone: a queue removed from the system is gone from `queues` already.
                let items: String = removed.iter().map(|id| removed_queue_item(*id)).collect();
                self.user_queues_change(user, "delete", format!("<Queues>{items}</Queues>"));
            }
            if !added.is_empty() {
                let data = self.queues_list(&added, |w, q| w.queue_xml(q));
                self.user_queues_change(user, "post", data);
            }
        }
        for (queue, users) in lost {
            self.changes.push(Change::QueueRemoved { queue, users });
        }
    }

    fn user_queues_change(&mut self, login_id: &str, event: &'static str, data: String) {
        self.changes.push(Change::UserQueues {
            login_id: login_id.to_owned(),
            event,
            data,
        });
    }
}

fn checked_team(team: &str) -> Result<String, ControlError> {
    let team = team.trim();
    if team.is_empty() {
        Err(ControlError::InvalidInput("empty team id".to_owned()))
    } else {
        Ok(team.to_owned())
    }
}

/// A queue as a DELETE names it: its `uri` only, as the Queue node's documented DELETE
/// payload (DEVNET `queue-notifications`).
pub(crate) fn removed_queue_item(id: u64) -> String {
    format!("<Queue><uri>{}</uri></Queue>", queue_uri(id))
}
