//! The log of notifications the server publishes, and live subscribers to it.
//!
//! Every state change produces the `<Update>` document that Finesse publishes on its
//! pub-sub node; it is logged here and routed at once to the notification sessions
//! subscribed to the node.

use std::collections::VecDeque;
use std::sync::mpsc;

use serde::Serialize;

use crate::xml_out;
use crate::xmpp::Sessions;

/// Oldest notifications are forgotten past this many, so a long-running server stays bounded.
const LOG_CAP: usize = 10_000;

/// One published notification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Notification {
    /// Sequence number, starting at 1, increasing by one per notification.
    pub seq: u64,
    /// The pubsub node, e.g. `/finesse/api/User/1001/Dialogs`.
    pub node: String,
    /// `POST`, `PUT` or `DELETE`.
    pub event: String,
    /// The `<source>` of the Update, e.g. `/finesse/api/Dialog/16777217`.
    pub source: String,
    /// The echoed `requestId` header; empty when no request caused it.
    pub request_id: String,
    /// The full `<Update>` document.
    pub update_xml: String,
}

#[derive(Default)]
pub(crate) struct Notifier {
    log: VecDeque<Notification>,
    next_seq: u64,
    subscribers: Vec<mpsc::Sender<Notification>>,
    /// The notification sessions, and who is subscribed to what.
    pub sessions: Sessions,
}

impl Notifier {
    /// Forgets the notifications published so far; sequence numbers keep counting.
    pub fn clear_log(&mut self) {
        self.log.clear();
    }

    pub fn publish(
        &mut self,
        node: String,
        event: &str,
        source: String,
        request_id: &str,
        data: &str,
    ) -> u64 {
        self.publish_to(node, event, source, request_id, data, None)
    }

    /// Publishes an Update that only the sessions of the users in `only` receive (all the
    /// node's subscribers when `None`); the log keeps it as any other.
    pub fn publish_to(
        &mut self,
        node: String,
        event: &str,
        source: String,
        request_id: &str,
        data: &str,
        only: Option<&[String]>,
    ) -> u64 {
        self.next_seq += 1;
        let n = Notification {
            seq: self.next_seq,
            update_xml: xml_out::update(data, event, request_id, &source),
            node,
            event: event.to_owned(),
            source,
            request_id: request_id.to_owned(),
        };
        self.sessions.route(&n.node, &n.update_xml, only);
        // A dropped receiver unsubscribes.
        self.subscribers.retain(|s| s.send(n.clone()).is_ok());
        if self.log.len() == LOG_CAP {
            self.log.pop_front();
        }
        self.log.push_back(n);
        self.next_seq
    }

    pub fn since(&self, seq: u64) -> Vec<Notification> {
        self.log.iter().filter(|n| n.seq > seq).cloned().collect()
    }

    pub fn subscribe(&mut self) -> mpsc::Receiver<Notification> {
        let (tx, rx) = mpsc::channel();
        self.subscribers.push(tx);
        rx
    }
}
