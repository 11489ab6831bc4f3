//! BOSH bodies (XEP-0124, XEP-0206): reading a client's `<body/>` — its attributes and the
//! elements it carries — and writing the server's.

use roxmltree::Node;

use super::super::stanza::{self, Incoming};
use super::super::{DOMAIN, ns};
use crate::xml_out::escape_into;
use crate::xml_scan::Refused;

/// What a client's body asks for.
#[derive(Debug)]
pub(crate) struct ClientBody {
    /// The session, absent in a session creation request.
    pub sid: Option<String>,
    pub rid: u64,
    /// Session creation: the longest time a request may be held, in seconds.
    pub wait: Option<u64>,
    /// Session creation: how many requests the server may hold.
    pub hold: Option<u64>,
    /// `type="terminate"`: the client ends the session.
    pub terminate: bool,
    /// `xmpp:restart="true"`: the stream restarts (XEP-0206 5).
    pub restart: bool,
    /// The elements carried, in order.
    pub elements: Vec<Incoming>,
}

/// Why a body cannot be read, as the terminal binding condition to answer (XEP-0124 17.2):
/// `bad-request` for what is not a BOSH body, `policy-violation` for a body too deep or
/// too large.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Refusal(pub &'static str);

const BAD_REQUEST: Refusal = Refusal("bad-request");

fn number(node: Node<'_, '_>, name: &str) -> Result<Option<u64>, Refusal> {
    node.attribute(name)
        .map(|v| v.trim().parse().map_err(|_| BAD_REQUEST))
        .transpose()
}

/// Reads a client's body.
pub(crate) fn parse(text: &str) -> Result<ClientBody, Refusal> {
    let doc = stanza::parse_body(text).map_err(|e| match e {
        Refused::NotWellFormed => BAD_REQUEST,
        Refused::TooDeep | Refused::TooLarge => Refusal("policy-violation"),
    })?;
    let body = doc.root_element();
    if body.tag_name().name() != "body" || body.tag_name().namespace() != Some(ns::HTTPBIND) {
        return Err(BAD_REQUEST);
    }
    Ok(ClientBody {
        sid: body.attribute("sid").map(str::to_owned),
        rid: number(body, "rid")?.ok_or(BAD_REQUEST)?,
        wait: number(body, "wait")?,
        hold: number(body, "hold")?,
        terminate: body.attribute("type") == Some("terminate"),
        restart: body.attribute((ns::XBOSH, "restart")) == Some("true"),
        elements: body
            .children()
            .filter(|c| c.is_element())
            .map(stanza::classify)
            .collect(),
    })
}

/// A body of the server, with `attributes` and `content` (complete elements).
fn body(attributes: &[(&str, &str)], content: &str) -> String {
    let mut out = String::with_capacity(content.len() + 160);
    out.push_str("<body xmlns=\"");
    out.push_str(ns::HTTPBIND);
    out.push('"');
    for (name, value) in attributes {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape_into(&mut out, value);
        out.push('"');
    }
    if content.is_empty() {
        out.push_str("/>");
    } else {
        out.push('>');
        out.push_str(content);
        out.push_str("</body>");
    }
    out
}

/// The session's parameters, as the session creation response states them.
pub(crate) struct Created<'a> {
    pub sid: &'a str,
    pub stream_id: &'a str,
    pub wait: u64,
    pub hold: u64,
    pub inactivity: u64,
    pub secure: bool,
}

/// The session creation response (XEP-0124 7.1, XEP-0206 5) with the stream's features.
pub(crate) fn created(c: &Created<'_>, content: &str) -> String {
    body(
        &[
            ("xmlns:xmpp", ns::XBOSH),
            ("xmlns:stream", ns::STREAM),
            ("sid", c.sid),
            ("wait", &c.wait.to_string()),
            ("hold", &c.hold.to_string()),
            ("requests", &(c.hold + 1).to_string()),
            ("inactivity", &c.inactivity.to_string()),
            ("polling", "1"),
            ("ver", "1.6"),
            ("from", DOMAIN),
            ("authid", c.stream_id),
            ("secure", if c.secure { "true" } else { "false" }),
            ("xmpp:version", "1.0"),
            ("xmpp:restartlogic", "true"),
        ],
        content,
    )
}

/// A body carrying elements, or an empty one.
pub(crate) fn carrying(content: &str) -> String {
    body(&[], content)
}

/// The end of the session: `condition` a binding condition (XEP-0124 17.2), `content`
/// e.g. the stream error that ended it.
pub(crate) fn terminate(condition: Option<&str>, content: &str) -> String {
    match condition {
        Some(c) => body(&[("type", "terminate"), ("condition", c)], content),
        None => body(&[("type", "terminate")], content),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_restart_with_its_attributes() {
        let b = parse(
            "<body xmlns='http://jabber.org/protocol/httpbind' xmlns:xmpp='urn:xmpp:xbosh' \
             sid='s1' rid='42' xmpp:restart='true' to='localhost'/>",
        )
        .expect("a body");
        assert_eq!(b.sid.as_deref(), Some("s1"));
        assert_eq!(b.rid, 42);
        assert!(b.restart && !b.terminate && b.elements.is_empty());
    }

    #[test]
    fn stanzas_in_a_body_need_the_client_namespace() {
        let b = parse(
            "<body xmlns='http://jabber.org/protocol/httpbind' sid='s' rid='1'>\
             <presence xmlns='jabber:client'/><presence/></body>",
        )
        .expect("a body");
        assert!(matches!(b.elements[0], Incoming::Presence(_)));
        assert_eq!(b.elements[1], Incoming::Unknown);
    }

    #[test]
    fn refuses_what_is_no_body() {
        assert!(parse("<body rid='1'/>").is_err());
        assert!(parse("<body xmlns='http://jabber.org/protocol/httpbind'/>").is_err());
        assert!(parse("<body xmlns='http://jabber.org/protocol/httpbind' rid='x'/>").is_err());
        let deep = format!(
            "<body xmlns='http://jabber.org/protocol/httpbind' rid='1'>{}",
            "<a>".repeat(100_000)
        );
        assert_eq!(parse(&deep).err(), Some(Refusal("policy-violation")));
    }

    #[test]
    fn writes_terminate_with_its_condition() {
        assert_eq!(
            terminate(Some("item-not-found"), ""),
            "<body xmlns=\"http://jabber.org/protocol/httpbind\" type=\"terminate\" \
             condition=\"item-not-found\"/>"
        );
    }
}
