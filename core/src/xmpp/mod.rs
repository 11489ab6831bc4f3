//! The part of XMPP that Finesse notifications need, on every transport Finesse offers:
//! WebSocket (RFC 7395), TCP (RFC 6120) and BOSH (XEP-0124/0206). Written here because generic
//! XMPP libraries get exactly Finesse's quirks wrong: they drop pub-sub messages without a
//! `<body>`, do not unescape the `<Update>` carried as text, or insist on stream management,
//! which Finesse does not offer; and the Rust ones are asynchronous. What is here: the stream
//! open/close, STARTTLS, SASL PLAIN, resource binding, session, presence, ping, and pub-sub
//! subscribe/unsubscribe and event messages. Every stanza is in `jabber:client`, declared on
//! the stanza itself, which each transport accepts (RFC 7395 §3.3.3 requires it on WebSocket).

pub(crate) mod bosh;
mod boundary;
mod frame;
mod stream;

pub(crate) use frame::{Condition, Frame, parse_frame};
pub(crate) use stream::StreamReader;

use base64::Engine;
use quick_xml::escape::escape;

/// The framing namespace of RFC 7395.
const FRAMING: &str = "urn:ietf:params:xml:ns:xmpp-framing";

/// Opens (or, after authentication, re-opens) the stream to `domain`.
pub(crate) fn open(domain: &str) -> String {
    format!(
        "<open xmlns=\"{FRAMING}\" to=\"{}\" version=\"1.0\"/>",
        escape(domain)
    )
}

/// Closes the stream.
pub(crate) fn close() -> String {
    format!("<close xmlns=\"{FRAMING}\"/>")
}

/// Opens (or, after STARTTLS and after authentication, re-opens) the stream over TCP.
pub(crate) fn stream_header(domain: &str) -> String {
    format!(
        "<?xml version='1.0'?><stream:stream to=\"{}\" version=\"1.0\" \
         xmlns=\"jabber:client\" xmlns:stream=\"http://etherx.jabber.org/streams\">",
        escape(domain)
    )
}

/// Ends the stream over TCP.
pub(crate) const STREAM_END: &str = "</stream:stream>";

/// Asks for TLS on the TCP stream (RFC 6120 §5).
pub(crate) const STARTTLS: &str = "<starttls xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"/>";

/// SASL PLAIN with an empty authorization identity.
pub(crate) fn auth_plain(user: &str, password: &str) -> String {
    let token = base64::engine::general_purpose::STANDARD.encode(format!("\0{user}\0{password}"));
    format!("<auth xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\" mechanism=\"PLAIN\">{token}</auth>")
}

/// Binds `resource`.
pub(crate) fn bind(id: &str, resource: &str) -> String {
    format!(
        "<iq xmlns=\"jabber:client\" type=\"set\" id=\"{id}\"><bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\">\
         <resource>{}</resource></bind></iq>",
        escape(resource)
    )
}

/// Starts a session (servers that still advertise RFC 3921 sessions want it).
pub(crate) fn session(id: &str) -> String {
    format!(
        "<iq xmlns=\"jabber:client\" type=\"set\" id=\"{id}\"><session xmlns=\"urn:ietf:params:xml:ns:xmpp-session\"/></iq>"
    )
}

/// Initial presence with priority 0: Finesse routes no events before it, and signs the agent
/// out when every session of theirs is unavailable for too long.
pub(crate) fn presence() -> String {
    "<presence xmlns=\"jabber:client\"><priority>0</priority></presence>".to_owned()
}

/// Says the session is going away.
pub(crate) fn presence_unavailable() -> String {
    "<presence xmlns=\"jabber:client\" type=\"unavailable\"/>".to_owned()
}

/// A keep-alive ping (XEP-0199).
pub(crate) fn ping(id: &str, domain: &str) -> String {
    format!(
        "<iq xmlns=\"jabber:client\" type=\"get\" id=\"{id}\" to=\"{}\"><ping xmlns=\"urn:xmpp:ping\"/></iq>",
        escape(domain)
    )
}

/// The answer to a ping from the server.
pub(crate) fn pong(id: &str, to: &str) -> String {
    format!(
        "<iq xmlns=\"jabber:client\" type=\"result\" id=\"{}\" to=\"{}\"/>",
        escape(id),
        escape(to)
    )
}

/// Subscribes `jid` to a pub-sub node (Team and Queue nodes need it).
pub(crate) fn subscribe(id: &str, pubsub: &str, node: &str, jid: &str) -> String {
    pubsub_request(id, pubsub, "subscribe", node, jid)
}

/// Unsubscribes `jid` from a node.
pub(crate) fn unsubscribe(id: &str, pubsub: &str, node: &str, jid: &str) -> String {
    pubsub_request(id, pubsub, "unsubscribe", node, jid)
}

fn pubsub_request(id: &str, pubsub: &str, verb: &str, node: &str, jid: &str) -> String {
    format!(
        "<iq xmlns=\"jabber:client\" type=\"set\" id=\"{id}\" to=\"{}\"><pubsub xmlns=\"http://jabber.org/protocol/pubsub\">\
         <{verb} node=\"{}\" jid=\"{}\"/></pubsub></iq>",
        escape(pubsub),
        escape(node),
        escape(jid)
    )
}
