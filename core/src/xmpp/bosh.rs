//! The `<body>` documents of BOSH (XEP-0124) carrying an XMPP stream (XEP-0206): the ones the
//! client sends, and what it needs of the ones it receives.

use quick_xml::Reader;
use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};

use super::{Frame, parse_frame};

const HTTPBIND: &str = "http://jabber.org/protocol/httpbind";
const XBOSH: &str = "urn:xmpp:xbosh";

/// How long the server may hold a request before answering it empty, in seconds.
pub(crate) const WAIT_SECONDS: u64 = 30;

/// The request that creates a session (XEP-0124 §7.1, XEP-0206 §3).
pub(crate) fn create(rid: u64, domain: &str) -> String {
    format!(
        "<body xmlns=\"{HTTPBIND}\" xmlns:xmpp=\"{XBOSH}\" content=\"text/xml; charset=utf-8\" \
         hold=\"1\" rid=\"{rid}\" to=\"{}\" ver=\"1.6\" wait=\"{WAIT_SECONDS}\" \
         xml:lang=\"en\" xmpp:version=\"1.0\"/>",
        escape(domain)
    )
}

/// The request that restarts the stream after authentication (XEP-0206 §5).
pub(crate) fn restart(rid: u64, sid: &str, domain: &str) -> String {
    format!(
        "<body xmlns=\"{HTTPBIND}\" xmlns:xmpp=\"{XBOSH}\" rid=\"{rid}\" sid=\"{}\" to=\"{}\" \
         xml:lang=\"en\" xmpp:restart=\"true\"/>",
        escape(sid),
        escape(domain)
    )
}

/// A request carrying `stanzas` (none: an empty poll for what the server has).
pub(crate) fn request(rid: u64, sid: &str, stanzas: &str) -> String {
    format!(
        "<body xmlns=\"{HTTPBIND}\" rid=\"{rid}\" sid=\"{}\">{stanzas}</body>",
        escape(sid)
    )
}

/// The request that ends the session, with its last stanzas (XEP-0124 §13).
pub(crate) fn terminate(rid: u64, sid: &str, stanzas: &str) -> String {
    format!(
        "<body xmlns=\"{HTTPBIND}\" rid=\"{rid}\" sid=\"{}\" type=\"terminate\">{stanzas}</body>",
        escape(sid)
    )
}

/// What a response body says.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Body {
    /// The session id, in the answer to the creation request.
    pub(crate) sid: Option<String>,
    /// The longest the server holds a request, in seconds, as it decided.
    pub(crate) wait: Option<u64>,
    /// The server ended the session (`type="terminate"`), with its `condition` (empty when
    /// none was given).
    pub(crate) terminate: Option<String>,
    /// The elements it carries.
    pub(crate) frames: Vec<Frame>,
}

/// Reads a response body.
pub(crate) fn parse_body(text: &str) -> Result<Body, String> {
    let mut reader = Reader::from_str(text);
    let mut body = Body::default();
    let root_empty = loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => {
                read_attributes(&e, &mut body)?;
                break false;
            }
            Event::Empty(e) => {
                read_attributes(&e, &mut body)?;
                break true;
            }
            Event::Eof => return Err("empty BOSH response".to_owned()),
            Event::DocType(_) => return Err("DOCTYPE in a BOSH response".to_owned()),
            _ => {}
        }
    };
    if root_empty {
        return Ok(body);
    }
    // The children, each cut out by its tags and parsed once.
    let mut rest = &text[reader.buffer_position() as usize..];
    loop {
        rest = rest.trim_start();
        if rest.starts_with("</") {
            return Ok(body);
        }
        if !rest.starts_with('<') {
            return Err("truncated BOSH response, or text in its body".to_owned());
        }
        let len = super::boundary::element_len(rest.as_bytes())?
            .ok_or_else(|| "truncated BOSH response".to_owned())?;
        body.frames.push(parse_frame(&rest[..len])?);
        rest = &rest[len..];
    }
}

fn read_attributes(root: &BytesStart<'_>, body: &mut Body) -> Result<(), String> {
    if root.local_name().as_ref() != b"body" {
        return Err("a BOSH response that is not a <body>".to_owned());
    }
    let mut terminate = false;
    let mut condition = String::new();
    for attribute in root.attributes() {
        let attribute = attribute.map_err(|e| e.to_string())?;
        let value = attribute
            .unescape_value()
            .map_err(|e| e.to_string())?
            .into_owned();
        match attribute.key.local_name().as_ref() {
            b"sid" => body.sid = Some(value),
            b"wait" => body.wait = value.parse().ok(),
            b"type" => terminate = value == "terminate",
            b"condition" => condition = value,
            _ => {}
        }
    }
    if terminate {
        body.terminate = Some(condition);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_creation_answer_with_features() {
        let body = parse_body(
            "<body xmlns='http://jabber.org/protocol/httpbind' sid='abc' wait='60' \
             requests='2' hold='1' xmpp:version='1.0' xmlns:xmpp='urn:xmpp:xbosh'>\
             <stream:features xmlns:stream='http://etherx.jabber.org/streams'>\
             <mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>\
             </mechanisms></stream:features></body>",
        )
        .unwrap();
        assert_eq!(body.sid.as_deref(), Some("abc"));
        assert_eq!(body.wait, Some(60));
        assert_eq!(body.terminate, None);
        assert!(matches!(
            body.frames[..],
            [Frame::Features { plain: true, .. }]
        ));
    }

    #[test]
    fn several_stanzas_and_a_termination() {
        let body = parse_body(
            "<body xmlns='http://jabber.org/protocol/httpbind'>\
             <presence xmlns='jabber:client' from='finesse@fin/x'/>\
             <iq xmlns='jabber:client' type='result' id='p1'><x/></iq></body>",
        )
        .unwrap();
        assert_eq!(body.frames.len(), 2);
        let ended = parse_body(
            "<body xmlns='http://jabber.org/protocol/httpbind' type='terminate' \
             condition='remote-connection-failed'/>",
        )
        .unwrap();
        assert_eq!(ended.terminate.as_deref(), Some("remote-connection-failed"));
        assert!(parse_body("<html><body>502</body></html>").is_err());
        assert!(parse_body("<body xmlns='http://jabber.org/protocol/httpbind'><iq>").is_err());
    }

    #[test]
    fn requests_carry_their_rid_and_sid() {
        assert!(create(7, "fin").contains("rid=\"7\""));
        assert!(restart(8, "s&1", "fin").contains("sid=\"s&amp;1\""));
        assert_eq!(
            request(9, "s", "<presence xmlns=\"jabber:client\"/>"),
            "<body xmlns=\"http://jabber.org/protocol/httpbind\" rid=\"9\" sid=\"s\">\
             <presence xmlns=\"jabber:client\"/></body>"
        );
        assert!(terminate(10, "s", "").contains("type=\"terminate\""));
    }
}
