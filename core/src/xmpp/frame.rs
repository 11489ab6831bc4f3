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
                Node::Text(t) if path.last() == Some(&"mechanism") => {
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
                Node::Text(t) if path.last() == Some(&"jid") => {
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
                    updates.push(update);
                }
            })?;
            Frame::Message { updates }
        }
        _ => Frame::Other,
    };
    Ok(frame)
}

/// The condition and text directly inside a `<failure>` or `<stream:error>`.
fn condition<'t>(
    reader: &mut Reader<&'t [u8]>,
    empty: bool,
    text: &'t str,
) -> Result<Condition, String> {
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
    Notification(String),
}

/// Walks the descendants of the root, calling `visit` with the path of element names below
/// the root.
fn walk<'t>(
    reader: &mut Reader<&'t [u8]>,
    root_empty: bool,
    text: &'t str,
    mut visit: impl FnMut(&[&str], Node<'_, '_>),
) -> Result<(), String> {
    if root_empty {
        return Ok(());
    }
    // Local names, borrowed from `text`.
    let mut path: Vec<&'t str> = Vec::new();
    // Where `reader`'s input starts in `text`: it is replaced past an escaped notification.
    let mut base = 0usize;
    loop {
        let at = base + reader.buffer_position() as usize;
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => {
                if path.len() >= MAX_DEPTH {
                    return Err("frame nested too deeply".to_owned());
                }
                // The start tag is at `at`: `<` and then its name.
                let qname = &text[at + 1..at + 1 + e.name().as_ref().len()];
                let name = qname.rsplit(':').next().unwrap_or(qname);
                if name == "notification" {
                    let start = base + reader.buffer_position() as usize;
                    if let Some((content, after)) = escaped_content(text, start, qname) {
                        // The usual case, an escaped Update: taken as one slice and unescaped
                        // in one pass. Asking the reader to skip it would split it at every
                        // entity, several times the cost of decoding the Update.
                        visit(&path, Node::Notification(notification_update(content)?));
                        // The rest, from past the end tag; its ancestors' end tags come
                        // without their start tags, so end tags are checked below instead.
                        *reader = Reader::from_reader(&text.as_bytes()[after..]);
                        reader.config_mut().allow_unmatched_ends = true;
                        base = after;
                    } else {
                        let span = reader.read_to_end(e.name()).map_err(|e| e.to_string())?;
                        let content = &text[base + span.start as usize..base + span.end as usize];
                        visit(&path, Node::Notification(notification_update(content)?));
                    }
                    continue;
                }
                visit(&path, Node::Start(&e));
                path.push(name);
            }
            Event::Empty(e) => {
                visit(&path, Node::Start(&e));
            }
            Event::End(e) => match path.pop() {
                None => return Ok(()),
                Some(open) if open.as_bytes() == e.local_name().as_ref() => {}
                Some(open) => return Err(format!("<{open}> closed by another end tag")),
            },
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

/// When the element whose start tag ends at `start` holds only text up to its end tag
/// `</qname>`: that text, and where the end tag ends.
fn escaped_content<'t>(text: &'t str, start: usize, qname: &str) -> Option<(&'t str, usize)> {
    let rest = text.get(start..)?;
    let lt = memchr::memchr(b'<', rest.as_bytes())?;
    let tag = rest[lt..].strip_prefix("</")?.strip_prefix(qname)?;
    let gt = tag.find('>')?;
    if !tag[..gt].trim().is_empty() {
        return None;
    }
    Some((&rest[..lt], start + lt + 2 + qname.len() + gt + 1))
}

/// The `<Update>` a `<notification>`'s content carries: escaped as text (as Finesse sends
/// it), in a CDATA section, or embedded as an element (as some servers relay it).
fn notification_update(content: &str) -> Result<String, String> {
    let content = content.trim();
    if let Some(inner) = content
        .strip_prefix("<![CDATA[")
        .and_then(|rest| rest.strip_suffix("]]>"))
    {
        return Ok(inner.trim().to_owned());
    }
    if content.contains('<') {
        return Ok(content.to_owned());
    }
    let update = unescape(content)?;
    // Entities may stand for spaces around the Update.
    Ok(match update.trim() {
        trimmed if trimmed.len() == update.len() => update,
        trimmed => trimmed.to_owned(),
    })
}

/// Resolves the entities of `escaped` into a string allocated once: quick-xml's `unescape`
/// grows its output as it goes, a reallocation at every doubling, which is measurable on
/// every notification (BENCHMARKS.md, frame to event).
fn unescape(escaped: &str) -> Result<String, String> {
    let bytes = escaped.as_bytes();
    let mut out = String::with_capacity(escaped.len());
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'&', &bytes[at..]) {
        let amp = at + found;
        out.push_str(&escaped[at..amp]);
        let entity = &bytes[amp + 1..];
        // The five predefined entities by their bytes; only character references need a
        // scan for the `;`.
        let (text, len) = match entity {
            [b'l', b't', b';', ..] => ('<', 3),
            [b'g', b't', b';', ..] => ('>', 3),
            [b'a', b'm', b'p', b';', ..] => ('&', 4),
            [b'q', b'u', b'o', b't', b';', ..] => ('"', 5),
            [b'a', b'p', b'o', b's', b';', ..] => ('\'', 5),
            _ => {
                let end = entity
                    .iter()
                    .take(MAX_ENTITY)
                    .position(|&b| b == b';')
                    .ok_or_else(|| "an entity without its `;`".to_owned())?;
                let name = &escaped[amp + 1..amp + 1 + end];
                (character_reference(name)?, end + 1)
            }
        };
        out.push(text);
        at = amp + 1 + len;
    }
    out.push_str(&escaped[at..]);
    Ok(out)
}

/// The longest entity name looked for (`#x10FFFF` is 8).
const MAX_ENTITY: usize = 10;

/// The character of `#N` or `#xH`.
fn character_reference(name: &str) -> Result<char, String> {
    let code = match name.strip_prefix("#x") {
        Some(hex) => u32::from_str_radix(hex, 16).ok(),
        None => name.strip_prefix('#').and_then(|n| n.parse().ok()),
    };
    code.and_then(char::from_u32)
        .ok_or_else(|| format!("unknown entity &{name};"))
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
    fn several_escaped_notifications_and_the_end_tags_after_them() {
        let frame = "<message><event><items node='n'>\
            <item><ns:notification xmlns:ns='x'>&lt;Update/&gt;</ns:notification></item>\
            <item><notification>&lt;Update&gt;&amp;&lt;/Update&gt;</notification >\
            </item></items></event></message>";
        assert_eq!(
            parse_frame(frame).unwrap(),
            Frame::Message {
                updates: vec!["<Update/>".to_owned(), "<Update>&</Update>".to_owned()]
            }
        );
        let crossed = "<message><event><items node='n'><item>\
            <notification>&lt;Update/&gt;</notification></items></item></event></message>";
        assert!(parse_frame(crossed).is_err());
    }

    #[test]
    fn entities_of_every_kind_and_bad_ones() {
        assert_eq!(
            unescape("&lt;a b=&quot;&#x263A;&apos;&#65;&quot;&gt;&amp;amp;").unwrap(),
            "<a b=\"☺'A\">&amp;"
        );
        assert_eq!(unescape("no entity").unwrap(), "no entity");
        assert!(unescape("&lt").is_err());
        assert!(unescape("&nbsp;").is_err());
        assert!(unescape("&#xD800;").is_err());
    }

    #[test]
    fn pubsub_message_with_the_update_in_cdata() {
        let frame = "<message><event><items node='n'><item>\
            <notification> <![CDATA[<Update><event>PUT</event></Update>]]> </notification>\
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
