//! The notification sessions of the running server and the pub-sub routing: which node
//! goes to which session. Lives inside the notifier, behind the engine's lock, so
//! notifications are routed in the order they are published.

use std::collections::{BTreeMap, BTreeSet};

use tokio::sync::mpsc;
use uuid::Uuid;

use super::{DOMAIN, frames};

/// Frames queued for one connection before it counts as unable to keep up and is cut off.
pub(crate) const OUTBOX_CAP: usize = 4096;
/// Explicit subscriptions the server keeps at most, over all users: full JIDs are the
/// client's to invent, so they must not grow the server without end.
const MAX_SUBSCRIPTIONS: usize = 10_000;

/// What the server sends a connection outside the answers to its own requests.
#[derive(Debug)]
pub(crate) enum Outbound {
    /// One frame, e.g. a pub-sub event.
    Frame(String),
    /// Ends the stream with this stream error condition (e.g. `conflict`).
    End(&'static str),
}

/// One bound notification session.
pub(crate) struct Session {
    pub login_id: String,
    pub resource: String,
    /// Has sent an available presence (and no unavailable one since).
    pub available: bool,
    pub priority: i32,
    /// `None` once the session is being cut off: nothing more is queued for it.
    outbox: Option<mpsc::Sender<Outbound>>,
}

impl Session {
    pub fn full_jid(&self) -> String {
        format!("{}/{}", bare_jid(&self.login_id), self.resource)
    }

    /// Events go only to available sessions with a non-negative priority.
    fn routable(&self) -> bool {
        self.outbox.is_some() && self.available && self.priority >= 0
    }

    /// Queues a frame; a session that cannot keep up is cut off.
    pub fn send(&mut self, frame: String) {
        if let Some(outbox) = &self.outbox
            && outbox.try_send(Outbound::Frame(frame)).is_err()
        {
            self.outbox = None;
        }
    }

    /// Ends the session's stream with a stream error.
    fn end_with(&mut self, condition: &'static str) {
        if let Some(outbox) = self.outbox.take() {
            let _ = outbox.try_send(Outbound::End(condition));
        }
    }
}

/// `<loginId>@<domain>`.
pub(crate) fn bare_jid(login_id: &str) -> String {
    format!("{login_id}@{DOMAIN}")
}

/// Nodes every user is subscribed to without asking (reference 6.2).
fn auto_subscribed(login_id: &str, node: &str) -> bool {
    node == "/finesse/api/SystemInfo"
        || node
            .strip_prefix("/finesse/api/User/")
            .and_then(|rest| rest.strip_prefix(login_id))
            .is_some_and(|rest| rest.is_empty() || rest == "/Dialogs")
}

/// Short message-id suffix, base 62 like the ids a real server writes.
fn token(n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut n = n;
    let mut out = [b'0'; 5];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS[(n % 62) as usize];
        n /= 62;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub(crate) struct Sessions {
    live: BTreeMap<u64, Session>,
    next_id: u64,
    /// Explicit subscriptions per subscriber JID, bare or full as asked. They outlive
    /// sessions, as on a real server: a bare JID's reach every session of the user, a full
    /// JID's only the session bound to that resource (DEVNET `subscription-management`,
    /// reference 10.2).
    subscriptions: BTreeMap<String, BTreeSet<String>>,
    /// Whether Finesse's own XMPP user is available.
    pub service_available: bool,
    next_message: u64,
}

impl Default for Sessions {
    fn default() -> Self {
        Sessions {
            live: BTreeMap::new(),
            next_id: 0,
            subscriptions: BTreeMap::new(),
            service_available: true,
            next_message: 0,
        }
    }
}

impl Sessions {
    /// Registers a bound session; a session of the same user already bound to the resource
    /// is ended with a `conflict` stream error. Without a resource, one is generated.
    pub fn bind(
        &mut self,
        login_id: &str,
        resource: Option<String>,
        outbox: mpsc::Sender<Outbound>,
    ) -> (u64, String) {
        let resource = resource.unwrap_or_else(|| Uuid::new_v4().simple().to_string());
        for s in self.live.values_mut() {
            if s.login_id == login_id && s.resource == resource {
                s.end_with("conflict");
            }
        }
        self.next_id += 1;
        let session = Session {
            login_id: login_id.to_owned(),
            resource: resource.clone(),
            available: false,
            priority: 0,
            outbox: Some(outbox),
        };
        self.live.insert(self.next_id, session);
        (self.next_id, resource)
    }

    /// Forgets every session and subscription (their connections are being closed) and
    /// makes Finesse's own presence available again. Ids keep counting.
    pub fn reset(&mut self) {
        self.live.clear();
        self.subscriptions.clear();
        self.service_available = true;
    }

    pub fn get_mut(&mut self, id: u64) -> Option<&mut Session> {
        self.live.get_mut(&id)
    }

    pub fn remove(&mut self, id: u64) -> Option<Session> {
        self.live.remove(&id)
    }

    /// Forgets every session of the user and drops their queues, so their connections end
    /// abruptly (each transport ends a stream whose queue is gone without a word). Returns
    /// how many there were.
    pub fn cut(&mut self, login_id: &str) -> usize {
        let before = self.live.len();
        self.live.retain(|_, s| s.login_id != login_id);
        before - self.live.len()
    }

    /// Sessions of the user that are available.
    pub fn available(&self, login_id: &str) -> usize {
        self.live
            .values()
            .filter(|s| s.login_id == login_id && s.available)
            .count()
    }

    /// Every available session, for presence broadcasts.
    pub fn available_mut(&mut self) -> impl Iterator<Item = &mut Session> {
        self.live.values_mut().filter(|s| s.available)
    }

    /// Adds an explicit subscription of `jid`, bare or full (idempotent); false when the
    /// server holds as many subscriptions as it keeps.
    pub fn subscribe(&mut self, jid: &str, node: &str) -> bool {
        let held: usize = self.subscriptions.values().map(BTreeSet::len).sum();
        let known = self
            .subscriptions
            .get(jid)
            .is_some_and(|nodes| nodes.contains(node));
        if !known && held >= MAX_SUBSCRIPTIONS {
            return false;
        }
        self.subscriptions
            .entry(jid.to_owned())
            .or_default()
            .insert(node.to_owned());
        true
    }

    /// Removes an explicit subscription of `jid`; false when there was none.
    pub fn unsubscribe(&mut self, jid: &str, node: &str) -> bool {
        let Some(nodes) = self.subscriptions.get_mut(jid) else {
            return false;
        };
        let removed = nodes.remove(node);
        if nodes.is_empty() {
            self.subscriptions.remove(jid);
        }
        removed
    }

    /// The user's explicit subscriptions, as `(node, jid)`: those of its bare JID and of
    /// each of its full JIDs.
    pub fn subscriptions_of(&self, login_id: &str) -> Vec<(String, String)> {
        let bare = bare_jid(login_id);
        let full_prefix = format!("{bare}/");
        self.subscriptions
            .iter()
            .filter(|(jid, _)| **jid == bare || jid.starts_with(&full_prefix))
            .flat_map(|(jid, nodes)| nodes.iter().map(|n| (n.clone(), jid.clone())))
            .collect()
    }

    /// Sends one published Update to every routable session subscribed to its node,
    /// addressed to the JID the subscription names: the full JID for a subscription of that
    /// session's resource, otherwise the bare JID. All recipients see the same item id, as
    /// for one item published on a pub-sub node. With `only`, the sessions of other users
    /// are left out.
    pub fn route(&mut self, node: &str, update_xml: &str, only: Option<&[String]>) {
        let mut item_id: Option<String> = None;
        let Sessions {
            live,
            subscriptions,
            next_message,
            ..
        } = self;
        let subscribed = |jid: &str| subscriptions.get(jid).is_some_and(|n| n.contains(node));
        for s in live.values_mut() {
            let excluded = only.is_some_and(|users| !users.contains(&s.login_id));
            if !s.routable() || excluded {
                continue;
            }
            let bare = bare_jid(&s.login_id);
            let full = s.full_jid();
            let to = if subscribed(&full) {
                full
            } else if subscribed(&bare) || auto_subscribed(&s.login_id, node) {
                bare
            } else {
                continue;
            };
            *next_message += 1;
            let message_id = format!("{node}__{to}__{}", token(*next_message));
            let item = item_id.get_or_insert_with(|| Uuid::new_v4().to_string());
            s.send(frames::event_message(
                &to,
                &message_id,
                node,
                item,
                update_xml,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_get_their_own_nodes_and_system_info() {
        assert!(auto_subscribed("1001", "/finesse/api/User/1001"));
        assert!(auto_subscribed("1001", "/finesse/api/User/1001/Dialogs"));
        assert!(auto_subscribed("1001", "/finesse/api/SystemInfo"));
        assert!(!auto_subscribed("1001", "/finesse/api/User/10011"));
        assert!(!auto_subscribed("1001", "/finesse/api/User/1002"));
        assert!(!auto_subscribed("1001", "/finesse/api/Team/5007/Users"));
    }

    #[test]
    fn tokens_are_five_base62_digits() {
        assert_eq!(token(0), "00000");
        assert_eq!(token(61), "0000z");
        assert_eq!(token(62), "00010");
    }

    #[test]
    fn a_full_outbox_cuts_the_session_off() {
        let mut sessions = Sessions::default();
        let (tx, _rx) = mpsc::channel(1);
        let (id, _) = sessions.bind("1001", Some("r".to_owned()), tx);
        let s = sessions.get_mut(id).expect("bound");
        s.available = true;
        sessions.route("/finesse/api/User/1001", "<Update/>", None);
        sessions.route("/finesse/api/User/1001", "<Update/>", None);
        let s = sessions.get_mut(id).expect("still registered");
        assert!(!s.routable());
        assert!(s.available, "presence stays until the connection ends");
    }
}
