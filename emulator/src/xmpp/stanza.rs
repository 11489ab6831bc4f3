//! Reading what clients send: one complete XML element (a WebSocket frame, an element cut
//! from a TCP stream, a child of a BOSH body), parsed into the few requests the
//! notification service understands. Document type definitions are refused, and depth and
//! node count are capped before anything else (`xml_scan`), so a hostile element costs
//! little.

use roxmltree::{Document, Node};

use super::ns;
use crate::limits::{MAX_XML_DEPTH, STANZA_XML_NODES};
use crate::xml_scan::{self, Refused};
/// Lowest presence priority (RFC 6121 4.7.2.3).
const MIN_PRIORITY: i32 = -128;
/// Highest presence priority.
const MAX_PRIORITY: i32 = 127;

/// One element received from a client.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Incoming {
    /// RFC 7395 `<open/>`.
    Open,
    /// `<open/>` outside the RFC 7395 namespace.
    OpenWithoutFraming,
    /// `<close/>`: the client ends the stream.
    Close,
    /// SASL `<auth/>` with its mechanism and base64 payload.
    Auth { mechanism: String, payload: String },
    /// An `<iq/>` request or response.
    Iq {
        id: String,
        /// The address the iq is sent to; none means the user's own account.
        to: Option<String>,
        kind: IqKind,
        request: IqRequest,
    },
    /// A `<presence/>` without a `to` (a broadcast presence).
    Presence(PresenceUpdate),
    /// A stanza the service accepts and ignores (messages, directed presence).
    Ignored,
    /// An element XMPP does not define here.
    Unknown,
}

/// The `type` of an iq.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum IqKind {
    Get,
    Set,
    /// `result` or `error`: answers are never answered.
    Response,
    /// A missing or unknown type.
    Invalid,
}

/// What an iq asks for, by its payload.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum IqRequest {
    Bind {
        resource: Option<String>,
    },
    Session,
    Ping,
    Subscribe {
        node: String,
        jid: String,
    },
    Unsubscribe {
        node: String,
        jid: String,
    },
    /// Pub-sub `<subscriptions/>`: the requester's subscriptions (XEP-0060 5.6).
    Subscriptions,
    /// `jabber:iq:roster` (RFC 6121 2.2).
    Roster,
    /// XEP-0030 `disco#info`, of an entity or of one of its nodes.
    DiscoInfo {
        node: Option<String>,
    },
    /// XEP-0030 `disco#items`, of an entity or of one of its nodes.
    DiscoItems {
        node: Option<String>,
    },
    /// XEP-0092 `jabber:iq:version`.
    Version,
    Other,
}

/// A change of the session's broadcast presence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PresenceUpdate {
    /// Available, with its priority (negative: no events routed to it).
    Available { priority: i32 },
    /// `type="unavailable"`.
    Unavailable,
}

/// Parses one WebSocket frame; `Ok(None)` for a frame of whitespace only. An error names
/// why the frame cannot be read (not one namespace-well-formed element, too deep, too
/// large); its `condition()` is the stream error to answer.
pub(crate) fn parse(text: &str) -> Result<Option<Incoming>, Refused> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let doc = xml_scan::parse(text, STANZA_XML_NODES)?;
    Ok(Some(classify(doc.root_element())))
}

/// Parses one element cut from an RFC 6120 stream, in the scope of the stream header's
/// namespace declarations (`jabber:client` by default, `stream:` for the stream prefix).
pub(crate) fn parse_in_stream(element: &str) -> Result<Incoming, Refused> {
    let wrapped = format!(
        "<stream:stream xmlns=\"{}\" xmlns:stream=\"{}\">{element}</stream:stream>",
        ns::CLIENT,
        ns::STREAM
    );
    // The stream element around it is one level more.
    let doc = xml_scan::parse_within(&wrapped, STANZA_XML_NODES, MAX_XML_DEPTH + 1)?;
    let root = doc.root_element();
    let mut children = root.children().filter(|c| c.is_element());
    match (children.next(), children.next()) {
        (Some(element), None) => Ok(classify(element)),
        _ => Err(Refused::NotWellFormed),
    }
}

/// Parses a BOSH `<body/>` (XEP-0124): the body itself, for its attributes, and the
/// elements it carries.
pub(crate) fn parse_body(text: &str) -> Result<Document<'_>, Refused> {
    xml_scan::parse(text, STANZA_XML_NODES)
}

fn in_namespace(node: Node<'_, '_>, namespace: &str) -> bool {
    node.tag_name().namespace() == Some(namespace)
}

/// Stanzas are in `jabber:client`, whatever the transport: declared in each WebSocket frame
/// (RFC 7395 3.3.3), inherited from the stream header over TCP (RFC 6120 4.8.3), declared on
/// each stanza in a BOSH body (XEP-0206 8). Openfire also takes stanzas without a
/// namespace over WebSocket; the emulator does not, as Prosody does not, so a client that
/// forgets the namespace fails here rather than on a strict server. No client of this
/// project or its tests needs the leniency.
fn is_stanza(node: Node<'_, '_>) -> bool {
    in_namespace(node, ns::CLIENT)
}

fn text(node: Node<'_, '_>) -> String {
    node.children()
        .filter(|c| c.is_text())
        .filter_map(|c| c.text())
        .collect()
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str, namespace: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name && in_namespace(*c, namespace))
}

/// What one element asks for.
pub(crate) fn classify(root: Node<'_, '_>) -> Incoming {
    let name = root.tag_name().name();
    match name {
        "open" if in_namespace(root, ns::FRAMING) => Incoming::Open,
        "open" => Incoming::OpenWithoutFraming,
        "close" if in_namespace(root, ns::FRAMING) => Incoming::Close,
        "auth" if in_namespace(root, ns::SASL) => Incoming::Auth {
            mechanism: root.attribute("mechanism").unwrap_or_default().to_owned(),
            payload: text(root).trim().to_owned(),
        },
        "iq" if is_stanza(root) => iq(root),
        "presence" if is_stanza(root) => presence(root),
        "message" if is_stanza(root) => Incoming::Ignored,
        _ => Incoming::Unknown,
    }
}

fn iq(root: Node<'_, '_>) -> Incoming {
    let kind = match root.attribute("type") {
        Some("get") => IqKind::Get,
        Some("set") => IqKind::Set,
        Some("result" | "error") => IqKind::Response,
        _ => IqKind::Invalid,
    };
    let payload = root.children().find(|c| c.is_element());
    let request = payload.map_or(IqRequest::Other, request);
    Incoming::Iq {
        id: root.attribute("id").unwrap_or_default().to_owned(),
        to: root.attribute("to").map(str::to_owned),
        kind,
        request,
    }
}

fn request(payload: Node<'_, '_>) -> IqRequest {
    let name = payload.tag_name().name();
    let namespace = payload.tag_name().namespace().unwrap_or_default();
    match (name, namespace) {
        ("bind", ns::BIND) => IqRequest::Bind {
            resource: child(payload, "resource", ns::BIND)
                .map(|r| text(r).trim().to_owned())
                .filter(|r| !r.is_empty()),
        },
        ("session", ns::SESSION) => IqRequest::Session,
        ("ping", ns::PING) => IqRequest::Ping,
        ("pubsub", ns::PUBSUB) => pubsub(payload),
        ("query", ns::ROSTER) => IqRequest::Roster,
        ("query", ns::DISCO_INFO) => IqRequest::DiscoInfo {
            node: payload.attribute("node").map(str::to_owned),
        },
        ("query", ns::DISCO_ITEMS) => IqRequest::DiscoItems {
            node: payload.attribute("node").map(str::to_owned),
        },
        ("query", ns::VERSION) => IqRequest::Version,
        _ => IqRequest::Other,
    }
}

fn pubsub(payload: Node<'_, '_>) -> IqRequest {
    let Some(action) = payload.children().find(|c| c.is_element()) else {
        return IqRequest::Other;
    };
    let node = action.attribute("node").unwrap_or_default().to_owned();
    let jid = action.attribute("jid").unwrap_or_default().to_owned();
    match action.tag_name().name() {
        "subscribe" => IqRequest::Subscribe { node, jid },
        "unsubscribe" => IqRequest::Unsubscribe { node, jid },
        "subscriptions" => IqRequest::Subscriptions,
        _ => IqRequest::Other,
    }
}

fn presence(root: Node<'_, '_>) -> Incoming {
    if root.attribute("to").is_some() {
        // Directed presence does not change the session's availability.
        return Incoming::Ignored;
    }
    match root.attribute("type") {
        None => {
            // An unreadable priority counts as the default, 0.
            let priority = root
                .children()
                .find(|c| c.is_element() && c.tag_name().name() == "priority")
                .and_then(|p| text(p).trim().parse::<i32>().ok())
                .map_or(0, |p| p.clamp(MIN_PRIORITY, MAX_PRIORITY));
            Incoming::Presence(PresenceUpdate::Available { priority })
        }
        Some("unavailable") => Incoming::Presence(PresenceUpdate::Unavailable),
        Some(_) => Incoming::Ignored,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Incoming {
        parse(text).expect("well-formed").expect("an element")
    }

    #[test]
    fn reads_the_sign_in_sequence() {
        assert_eq!(
            one(
                r#"<open xmlns="urn:ietf:params:xml:ns:xmpp-framing" to="localhost" version="1.0"/>"#
            ),
            Incoming::Open
        );
        assert_eq!(
            one(
                r#"<auth xmlns="urn:ietf:params:xml:ns:xmpp-sasl" mechanism="PLAIN">AGEAYg==</auth>"#
            ),
            Incoming::Auth {
                mechanism: "PLAIN".to_owned(),
                payload: "AGEAYg==".to_owned()
            }
        );
        assert_eq!(
            one(
                r#"<iq xmlns="jabber:client" type="set" id="b"><bind xmlns="urn:ietf:params:xml:ns:xmpp-bind"><resource>r1</resource></bind></iq>"#
            ),
            Incoming::Iq {
                id: "b".to_owned(),
                to: None,
                kind: IqKind::Set,
                request: IqRequest::Bind {
                    resource: Some("r1".to_owned())
                }
            }
        );
        assert_eq!(
            one(r#"<presence xmlns="jabber:client"><priority>0</priority></presence>"#),
            Incoming::Presence(PresenceUpdate::Available { priority: 0 })
        );
        assert_eq!(
            one(r#"<presence xmlns="jabber:client"><priority>-1</priority></presence>"#),
            Incoming::Presence(PresenceUpdate::Available { priority: -1 })
        );
        assert_eq!(
            one(r#"<close xmlns="urn:ietf:params:xml:ns:xmpp-framing"/>"#),
            Incoming::Close
        );
    }

    #[test]
    fn reads_pubsub_requests() {
        let sub = r#"<iq xmlns="jabber:client" type="set" id="s" to="pubsub.localhost"><pubsub xmlns="http://jabber.org/protocol/pubsub"><subscribe node="/finesse/api/Team/5007/Users" jid="2001@localhost"/></pubsub></iq>"#;
        assert_eq!(
            one(sub),
            Incoming::Iq {
                id: "s".to_owned(),
                to: Some("pubsub.localhost".to_owned()),
                kind: IqKind::Set,
                request: IqRequest::Subscribe {
                    node: "/finesse/api/Team/5007/Users".to_owned(),
                    jid: "2001@localhost".to_owned()
                }
            }
        );
    }

    #[test]
    fn refuses_what_is_not_one_element() {
        assert_eq!(parse("<iq"), Err(Refused::NotWellFormed));
        assert_eq!(parse("<a/><b/>"), Err(Refused::NotWellFormed));
        assert_eq!(parse("<stream:features/>"), Err(Refused::NotWellFormed));
        assert_eq!(
            parse(r#"<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>"#),
            Err(Refused::NotWellFormed)
        );
        assert_eq!(parse("  "), Ok(None));
        assert_eq!(parse(&"<a>".repeat(100_000)), Err(Refused::TooDeep));
        assert_eq!(Refused::TooDeep.condition(), "policy-violation");
        assert_eq!(one("<foo/>"), Incoming::Unknown);
        assert_eq!(
            one(r#"<presence xmlns="jabber:client" to="x@localhost"/>"#),
            Incoming::Ignored
        );
    }

    #[test]
    fn stanzas_without_the_client_namespace_are_unknown() {
        assert_eq!(one("<presence/>"), Incoming::Unknown);
        assert_eq!(one(r#"<iq type="get" id="p"/>"#), Incoming::Unknown);
        assert_eq!(
            one(r#"<open xmlns="jabber:client"/>"#),
            Incoming::OpenWithoutFraming
        );
    }

    #[test]
    fn stream_elements_inherit_the_client_namespace() {
        assert_eq!(
            parse_in_stream("<presence/>"),
            Ok(Incoming::Presence(PresenceUpdate::Available {
                priority: 0
            }))
        );
        assert_eq!(
            parse_in_stream(r#"<iq type="get" id="r"><query xmlns="jabber:iq:roster"/></iq>"#),
            Ok(Incoming::Iq {
                id: "r".to_owned(),
                to: None,
                kind: IqKind::Get,
                request: IqRequest::Roster
            })
        );
        assert_eq!(parse_in_stream("<a/><b/>"), Err(Refused::NotWellFormed));
        assert_eq!(
            parse_in_stream("</stream:stream><x>"),
            Err(Refused::NotWellFormed)
        );
    }
}
