//! Reads one received XML element (a WebSocket frame, a child of the TCP stream or of a BOSH
//! body) into what the session needs of it.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// Deepest nesting accepted in a frame.
const MAX_DEPTH: usize = 32;

/// What a received frame says.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Frame {
    /// The server opened (or re-opened) the stream.
    Open,
    /// The server closed the stream.
    Close,
    /// Stream features: what may come next.
    Features {
        /// SASL PLAIN is offered.
        plain: bool,
        /// Resource binding is offered.
        bind: bool,
        /// A session must be started.
        session: bool,
        /// STARTTLS is offered (XMPP over TCP).
        starttls: bool,
    },
    /// The server agreed to STARTTLS: the TLS handshake follows.
    Proceed,
    /// Authentication succeeded.
    Success,
    /// Authentication (or STARTTLS) failed.
    SaslFailure(Condition),
    /// A stream error: the server ends the stream.
    StreamError(Condition),
    /// An IQ: a result, an error, or a request from the server.
    Iq {
        /// `result`, `error`, `get` or `set`.
        kind: String,
        /// The id it answers.
        id: String,
        /// The sender.
        from: String,
        /// The JID bound, in a bind result.
        jid: Option<String>,
        /// A ping request from the server.
        ping: bool,
        /// The error condition, in an error result.
        error: Option<String>,
    },
    /// A presence: the `finesse` service's, or another session's.
    Presence {
        /// The sender.
        from: String,
        /// `type="unavailable"`.
        unavailable: bool,
    },
    /// A pub-sub event message: the `<Update>` documents of its items.
    Message {
        /// Each item's Update document, unescaped.
        updates: Vec<String>,
    },
    /// Anything else (a chat message, an unknown element): ignored.
    Other,
}

/// An error condition (RFC 6120 §4.9.3, §6.5): the element name, and the human-readable
/// `<text>` when the server gave one.
#[derive(Debug, PartialEq, Eq, Clone)]
pub(crate) struct Condition {
    /// The condition's element name, e.g. `conflict` or `not-authorized`.
    pub(crate) name: String,
    /// The server's explanation.
    pub(crate) text: Option<String>,
}

/// Parses one frame. Errors are malformed XML.
pub(crate) fn parse_frame(text: &str) -> Result<Frame, String> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let (root, empty) = loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => break (e, false),
            Event::Empty(e) => break (e, true),
            Event::Eof => return Err("empty frame".to_owned()),
            Event::DocType(_) => return Err("DOCTYPE in a frame".to_owned()),
            _ => {}
        }
    };
    let name = local(&root);
    let frame = match name.as_str() {
        "open" => Frame::Open,
        "close" => Frame::Close,
        "success" => Frame::Success,
        "proceed" => Frame::Proceed,
        "features" => {
            let mut plain = false;
            let mut bind = false;
            let mut session = false;
            let mut starttls = false;
            walk(&mut reader, empty, text, |path, node| match node {
                Node::Start(e) => match local(e).as_str() {
                    "bind" => bind = true,
                    "session" => session = true,
                    "starttls" => starttls = true,
                    _ => {}
                },
                Node::Text(t) if path.last().map(String::as_str) == Some("mechanism") => {
                    plain |= t == "PLAIN";
                }
                _ => {}
            })?;
            Frame::Features {
                plain,
                bind,
                session,
                starttls,
            }
        }
        "failure" => Frame::SaslFailure(condition(&mut reader, empty, text)?),
        "error" => Frame::StreamError(condition(&mut reader, empty, text)?),
        "iq" => {
            let kind = attr(&root, b"type");
            let id = attr(&root, b"id");
            let from = attr(&root, b"from");
            let mut jid = None;
            let mut ping = false;
            let mut error = None;
            walk(&mut reader, empty, text, |path, node| match node {
                Node::Start(e) => {
                    let n = local(e);
                    if n == "ping" {
                        ping = true;
                    }
                    // The condition is the element directly inside <error>.
                    if path.len() == 1 && path[0] == "error" && error.is_none() {
                        error = Some(n);
                    }
                }
                Node::Text(t) if path.last().map(String::as_str) == Some("jid") => {
                    jid = Some(t.to_owned());
                }
                _ => {}
            })?;
            Frame::Iq {
                kind,
                id,
                from,
                jid,
                ping,
                error,
            }
        }
        "presence" => {
            let frame = Frame::Presence {
                from: attr(&root, b"from"),
                unavailable: attr(&root, b"type") == "unavailable",
            };
            walk(&mut reader, empty, text, |_, _| {})?;
            frame
        }
        "message" => {
            let mut updates = Vec::new();
            walk(&mut reader, empty, text, |_, node| {
                if let Node::Notification(update) = node {
                    updates.push(update.to_owned());
                }
            })?;
            Frame::Message { updates }
        }
        _ => Frame::Other,
    };
    Ok(frame)
}

/// The condition and text directly inside a `<failure>` or `<stream:error>`.
fn condition(reader: &mut Reader<&[u8]>, empty: bool, text: &str) -> Result<Condition, String> {
    let mut name = None;
    let mut explanation = None;
    walk(reader, empty, text, |path, node| match node {
        Node::Start(e) if path.is_empty() => {
            let n = local(e);
            if name.is_none() && n != "text" {
                name = Some(n);
            }
        }
        Node::Text(t) if path == ["text"] => explanation = Some(t.to_owned()),
        _ => {}
    })?;
    Ok(Condition {
        name: name.unwrap_or_else(|| "undefined-condition".to_owned()),
        text: explanation,
    })
}

/// What `walk` reports.
enum Node<'a, 'e> {
    /// An element starts (or is empty).
    Start(&'a BytesStart<'e>),
    /// The text of the innermost element (entities resolved).
    Text(&'a str),
    /// The content of a `<notification>` element: its text unescaped, or its child elements
    /// as written (some servers embed the Update unescaped).
    Notification(&'a str),
}

/// Walks the descendants of the root, calling `visit` with the path of element names below
/// the root.
fn walk(
    reader: &mut Reader<&[u8]>,
    root_empty: bool,
    text: &str,
    mut visit: impl FnMut(&[String], Node<'_, '_>),
) -> Result<(), String> {
    if root_empty {
        return Ok(());
    }
    let mut path: Vec<String> = Vec::new();
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => {
                if path.len() >= MAX_DEPTH {
                    return Err("frame nested too deeply".to_owned());
                }
                let name = local(&e);
                if name == "notification" {
                    let start = reader.buffer_position() as usize;
                    let (content, has_elements) = notification_content(reader)?;
                    let end = reader.buffer_position() as usize;
                    if has_elements {
                        // The element's inner markup, between its start and end tags.
                        let inner = &text[start..end];
                        let inner = inner.rsplit_once("</").map_or(inner, |(i, _)| i);
                        visit(&path, Node::Notification(inner.trim()));
                    } else {
                        visit(&path, Node::Notification(content.trim()));
                    }
                    continue;
                }
                visit(&path, Node::Start(&e));
                path.push(name);
            }
            Event::Empty(e) => {
                visit(&path, Node::Start(&e));
            }
            Event::End(_) if path.pop().is_none() => return Ok(()),
            Event::End(_) => {}
            Event::Text(t) => {
                let s = t.decode().map_err(|e| e.to_string())?;
                if !s.trim().is_empty() {
                    visit(&path, Node::Text(s.trim()));
                }
            }
            Event::GeneralRef(r) => {
                let s = resolve(&r)?;
                visit(&path, Node::Text(&s));
            }
            Event::Eof => return Err("truncated frame".to_owned()),
            Event::DocType(_) => return Err("DOCTYPE in a frame".to_owned()),
            _ => {}
        }
    }
}

/// Reads up to the end of a `<notification>`: its text with entities resolved, and whether
/// it had child elements.
fn notification_content(reader: &mut Reader<&[u8]>) -> Result<(String, bool), String> {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut has_elements = false;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(_) => {
                depth += 1;
                has_elements = true;
                if depth > MAX_DEPTH {
                    return Err("notification nested too deeply".to_owned());
                }
            }
            Event::Empty(_) => has_elements = true,
            Event::End(_) if depth == 0 => return Ok((out, has_elements)),
            Event::End(_) => depth -= 1,
            Event::Text(t) => out.push_str(&t.decode().map_err(|e| e.to_string())?),
            Event::CData(t) => out.push_str(&t.decode().map_err(|e| e.to_string())?),
            Event::GeneralRef(r) => out.push_str(&resolve(&r)?),
            Event::Eof => return Err("truncated frame".to_owned()),
            _ => {}
        }
    }
}

fn resolve(r: &quick_xml::events::BytesRef<'_>) -> Result<String, String> {
    if let Some(ch) = r.resolve_char_ref().map_err(|e| e.to_string())? {
        return Ok(ch.to_string());
    }
    let name = r.decode().map_err(|e| e.to_string())?;
    quick_xml::escape::resolve_predefined_entity(&name)
        .map(str::to_owned)
        .ok_or_else(|| format!("unknown entity &{name};"))
}

fn local(e: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> String {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pubsub_message_without_body_and_with_escaped_update() {
        let frame = "<message from='pubsub.fin' to='1001@fin' id='x'>\
            <event xmlns='http://jabber.org/protocol/pubsub#event'>\
            <items node='/finesse/api/User/1001'><item id='1'>\
            <notification xmlns='http://jabber.org/protocol/pubsub'>&lt;Update&gt;&lt;data&gt;\
            &lt;user&gt;&lt;state&gt;READY&lt;/state&gt;&lt;/user&gt;&lt;/data&gt;\
            &lt;event&gt;put&lt;/event&gt;&lt;/Update&gt;</notification></item></items></event>\
            </message>";
        assert_eq!(
            parse_frame(frame).unwrap(),
            Frame::Message {
                updates: vec![
                    "<Update><data><user><state>READY</state></user></data>\
                     <event>put</event></Update>"
                        .to_owned()
                ]
            }
        );
    }

    #[test]
    fn pubsub_message_with_an_unescaped_update() {
        let frame = "<message><event><items node='n'><item>\
            <notification><Update><event>PUT</event></Update></notification>\
            </item></items></event></message>";
        assert_eq!(
            parse_frame(frame).unwrap(),
            Frame::Message {
                updates: vec!["<Update><event>PUT</event></Update>".to_owned()]
            }
        );
    }

    #[test]
    fn stream_features_iq_and_presence() {
        assert_eq!(
            parse_frame(
                "<stream:features xmlns:stream='http://etherx.jabber.org/streams'>\
                 <mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>\
                 <mechanism>SCRAM-SHA-1</mechanism><mechanism>PLAIN</mechanism></mechanisms>\
                 </stream:features>"
            )
            .unwrap(),
            Frame::Features {
                plain: true,
                bind: false,
                session: false,
                starttls: false
            }
        );
        assert_eq!(
            parse_frame(
                "<iq type='result' id='bind_1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>\
                 <jid>1001@fin/abc</jid></bind></iq>"
            )
            .unwrap(),
            Frame::Iq {
                kind: "result".into(),
                id: "bind_1".into(),
                from: String::new(),
                jid: Some("1001@fin/abc".into()),
                ping: false,
                error: None
            }
        );
        assert_eq!(
            parse_frame(
                "<iq type='error' id='s1'><error type='cancel'>\
                 <item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"
            )
            .unwrap(),
            Frame::Iq {
                kind: "error".into(),
                id: "s1".into(),
                from: String::new(),
                jid: None,
                ping: false,
                error: Some("item-not-found".into())
            }
        );
        assert_eq!(
            parse_frame("<presence from='finesse@fin/x' type='unavailable'/>").unwrap(),
            Frame::Presence {
                from: "finesse@fin/x".into(),
                unavailable: true
            }
        );
        assert_eq!(
            parse_frame(
                "<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>"
            )
            .unwrap(),
            Frame::SaslFailure(Condition {
                name: "not-authorized".into(),
                text: None
            })
        );
        assert_eq!(
            parse_frame(
                "<stream:error xmlns:stream='http://etherx.jabber.org/streams'>\
                 <conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>\
                 <text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>Replaced by new connection</text>\
                 </stream:error>"
            )
            .unwrap(),
            Frame::StreamError(Condition {
                name: "conflict".into(),
                text: Some("Replaced by new connection".into())
            })
        );
    }

    #[test]
    fn hostile_frames_are_errors() {
        assert!(parse_frame("<message><event>").is_err());
        assert!(parse_frame("<!DOCTYPE x [<!ENTITY a 'b'>]><message/>").is_err());
        let deep = format!(
            "<message>{}{}</message>",
            "<a>".repeat(100),
            "</a>".repeat(100)
        );
        assert!(parse_frame(&deep).is_err());
        assert!(parse_frame("").is_err());
    }
}
