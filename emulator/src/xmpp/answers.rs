//! The standard answers a generic XMPP client asks for, as Openfire (the server inside
//! Finesse) gives them (reference 10.1): an empty roster, service discovery of the domain
//! and of the pub-sub service, the software version, and the requester's pub-sub
//! subscriptions. Anything else is `service-unavailable` (RFC 6120 8.4), from the address
//! asked.

use super::frames::{self, StanzaError};
use super::sessions::{Sessions, bare_jid};
use super::stanza::IqRequest;
use super::{DOMAIN, PUBSUB_DOMAIN, ns};
use crate::state::{Subscription, World};

/// Features of the server's domain (XEP-0030 3.1).
const SERVER_FEATURES: [&str; 6] = [
    ns::DISCO_INFO,
    ns::DISCO_ITEMS,
    ns::PING,
    ns::VERSION,
    ns::ROSTER,
    ns::SESSION,
];
/// Features of the pub-sub service (XEP-0060 5.1): subscribing and listing subscriptions.
const PUBSUB_FEATURES: [&str; 5] = [
    ns::DISCO_INFO,
    ns::DISCO_ITEMS,
    ns::PUBSUB,
    "http://jabber.org/protocol/pubsub#subscribe",
    "http://jabber.org/protocol/pubsub#retrieve-subscriptions",
];

/// Who an iq is for.
enum Target {
    /// The user's own account: no `to`, or its bare JID.
    Account,
    /// The server's domain.
    Server,
    /// The pub-sub service.
    PubSub,
    /// Anyone else: nothing here answers for them.
    Other,
}

fn target(login_id: &str, to: Option<&str>) -> Target {
    match to {
        None => Target::Account,
        Some(DOMAIN) => Target::Server,
        Some(PUBSUB_DOMAIN) => Target::PubSub,
        Some(to) if to == bare_jid(login_id) => Target::Account,
        Some(_) => Target::Other,
    }
}

/// The nodes a user may subscribe to: SystemInfo, its own User and Dialogs, the Users of
/// the teams it supervises (reference 6.2, 6.4).
fn user_nodes(world: &World, login_id: &str) -> Vec<String> {
    let mut nodes = vec![
        "/finesse/api/SystemInfo".to_owned(),
        format!("/finesse/api/User/{login_id}"),
        format!("/finesse/api/User/{login_id}/Dialogs"),
    ];
    if let Some(agent) = world.agents.get(login_id) {
        nodes.extend(
            agent
                .cfg
                .supervised_teams
                .iter()
                .map(|t| format!("/finesse/api/Team/{}/Users", t.id)),
        );
    }
    nodes
}

fn features(list: &[&str]) -> String {
    list.iter()
        .map(|f| frames::leaf("feature", &[("var", f)]))
        .collect()
}

fn disco_info(world: &World, login_id: &str, target: Target, node: Option<&str>) -> Option<String> {
    let (category, kind, list): (&str, &str, &[&str]) = match (target, node) {
        (Target::Account, None) => ("account", "registered", &[ns::DISCO_INFO]),
        (Target::Server, None) => ("server", "im", &SERVER_FEATURES),
        (Target::PubSub, None) => ("pubsub", "service", &PUBSUB_FEATURES),
        // A node the user may see is a leaf (XEP-0060 5.3), as Smack's PubSubManager asks.
        (Target::PubSub, Some(node))
            if world.subscription(login_id, node) != Subscription::NoSuchNode =>
        {
            ("pubsub", "leaf", &PUBSUB_FEATURES)
        }
        _ => return None,
    };
    let identity = frames::leaf("identity", &[("category", category), ("type", kind)]);
    Some(format!("{identity}{}", features(list)))
}

fn disco_items(
    world: &World,
    login_id: &str,
    target: Target,
    node: Option<&str>,
) -> Option<String> {
    match (target, node) {
        (Target::Account, None) => Some(String::new()),
        (Target::Server, None) => Some(frames::leaf(
            "item",
            &[
                ("jid", PUBSUB_DOMAIN),
                ("name", "Publish-Subscribe service"),
            ],
        )),
        (Target::PubSub, None) => Some(
            user_nodes(world, login_id)
                .iter()
                .map(|n| frames::leaf("item", &[("jid", PUBSUB_DOMAIN), ("node", n)]))
                .collect(),
        ),
        // Leaves have no items to list here.
        (Target::PubSub, Some(node))
            if world.subscription(login_id, node) != Subscription::NoSuchNode =>
        {
            Some(String::new())
        }
        _ => None,
    }
}

/// The user's subscriptions: the automatic ones of its bare JID (Finesse subscribes every
/// user to them), then the explicit ones, bare or full.
fn subscriptions(sessions: &Sessions, login_id: &str) -> Vec<(String, String)> {
    let bare = bare_jid(login_id);
    let automatic = [
        "/finesse/api/SystemInfo".to_owned(),
        format!("/finesse/api/User/{login_id}"),
        format!("/finesse/api/User/{login_id}/Dialogs"),
    ];
    automatic
        .into_iter()
        .map(|n| (n, bare.clone()))
        .chain(sessions.subscriptions_of(login_id))
        .collect()
}

/// Answers an iq get of a bound session (`jid`, the session's full JID).
pub(crate) fn get(
    world: &World,
    sessions: &Sessions,
    login_id: &str,
    jid: &str,
    id: &str,
    to: Option<&str>,
    request: IqRequest,
) -> String {
    let target = target(login_id, to);
    let mut node = None;
    let answer = match request {
        IqRequest::Roster if matches!(target, Target::Account) => Some((ns::ROSTER, String::new())),
        IqRequest::DiscoInfo { node: asked } => {
            node = asked;
            disco_info(world, login_id, target, node.as_deref()).map(|i| (ns::DISCO_INFO, i))
        }
        IqRequest::DiscoItems { node: asked } => {
            node = asked;
            disco_items(world, login_id, target, node.as_deref()).map(|i| (ns::DISCO_ITEMS, i))
        }
        IqRequest::Version if matches!(target, Target::Account | Target::Server) => {
            let inner = format!(
                "{}{}",
                frames::text_leaf("name", "finesse-emulator"),
                frames::text_leaf("version", env!("CARGO_PKG_VERSION"))
            );
            Some((ns::VERSION, inner))
        }
        IqRequest::Subscriptions if matches!(target, Target::PubSub) => {
            return frames::subscriptions(id, jid, &subscriptions(sessions, login_id));
        }
        _ => None,
    };
    match answer {
        Some((namespace, inner)) => {
            frames::query_result(id, to, jid, (namespace, node.as_deref()), &inner)
        }
        None => frames::iq_error(id, to, Some(jid), StanzaError::service_unavailable()),
    }
}
