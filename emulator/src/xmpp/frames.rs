//! What the notification service writes: complete elements with their namespaces declared
//! in the element, as each WebSocket frame must be (RFC 7395 3.3.3), and as a BOSH body
//! carries them (XEP-0206 8): every stanza in `jabber:client`, attribute values escaped.
//! Over TCP the same elements sit inside the stream, where the declarations are redundant
//! and harmless. Only the stream's opening and closing differ per transport.

use super::{DOMAIN, PUBSUB_DOMAIN, SERVICE_JID, ns};
use crate::xml_out::escape_into;

/// A stanza error (RFC 6120 8.3): its type, condition and optional pub-sub condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StanzaError {
    kind: &'static str,
    condition: &'static str,
    pubsub_condition: Option<&'static str>,
}

impl StanzaError {
    /// The node does not exist.
    pub fn item_not_found() -> Self {
        Self::new("cancel", "item-not-found", None)
    }

    /// The user may not subscribe to the node.
    pub fn forbidden() -> Self {
        Self::new("auth", "forbidden", None)
    }

    /// The subscription's `jid` is not the user's bare JID (XEP-0060 6.1.3.1).
    pub fn invalid_jid() -> Self {
        Self::new("modify", "bad-request", Some("invalid-jid"))
    }

    /// Unsubscribing from a node the user is not subscribed to (XEP-0060 6.2.3.2).
    pub fn not_subscribed() -> Self {
        Self::new("cancel", "unexpected-request", Some("not-subscribed"))
    }

    /// A request the service does not offer.
    pub fn service_unavailable() -> Self {
        Self::new("cancel", "service-unavailable", None)
    }

    /// The server keeps no more of what was asked (RFC 6120 8.3.3.12).
    pub fn policy_violation() -> Self {
        Self::new("wait", "policy-violation", None)
    }

    /// An iq without a usable type or payload.
    pub fn bad_request() -> Self {
        Self::new("modify", "bad-request", None)
    }

    fn new(kind: &'static str, condition: &'static str, pubsub: Option<&'static str>) -> Self {
        StanzaError {
            kind,
            condition,
            pubsub_condition: pubsub,
        }
    }
}

/// A small writer for one element.
struct Frame(String);

impl Frame {
    fn start(name: &str) -> Frame {
        let mut s = String::with_capacity(256);
        s.push('<');
        s.push_str(name);
        Frame(s)
    }

    fn attr(mut self, name: &str, value: &str) -> Frame {
        self.0.push(' ');
        self.0.push_str(name);
        self.0.push_str("=\"");
        escape_into(&mut self.0, value);
        self.0.push('"');
        self
    }

    /// A stanza (`iq`, `message`, `presence`), in `jabber:client`.
    fn stanza(name: &str) -> Frame {
        Frame::start(name).attr("xmlns", ns::CLIENT)
    }

    fn attr_opt(self, name: &str, value: Option<&str>) -> Frame {
        match value {
            Some(v) => self.attr(name, v),
            None => self,
        }
    }

    /// Ends the start tag as an empty element.
    fn empty(mut self) -> String {
        self.0.push_str("/>");
        self.0
    }

    /// Ends the start tag, adds `inner` (already XML) and the end tag.
    fn with(mut self, name: &str, inner: &str) -> String {
        self.0.push('>');
        self.0.push_str(inner);
        self.0.push_str("</");
        self.0.push_str(name);
        self.0.push('>');
        self.0
    }
}

/// The server's RFC 7395 `<open/>`, answering the client's.
pub(crate) fn open(stream_id: &str) -> String {
    Frame::start("open")
        .attr("xmlns", ns::FRAMING)
        .attr("from", DOMAIN)
        .attr("id", stream_id)
        .attr("version", "1.0")
        .attr("xml:lang", "en")
        .empty()
}

/// The server's RFC 6120 stream header (4.7), with the XML declaration: an open tag,
/// closed only by [`stream_close`].
pub(crate) fn stream_header(stream_id: &str) -> String {
    let mut header = String::from("<?xml version='1.0'?>");
    let tag = Frame::start("stream:stream")
        .attr("xmlns", ns::CLIENT)
        .attr("xmlns:stream", ns::STREAM)
        .attr("from", DOMAIN)
        .attr("id", stream_id)
        .attr("version", "1.0")
        .attr("xml:lang", "en");
    header.push_str(&tag.0);
    header.push('>');
    header
}

/// The end of an RFC 6120 stream.
pub(crate) fn stream_close() -> String {
    "</stream:stream>".to_owned()
}

/// Features before TLS on the STARTTLS port: TLS, required (RFC 6120 5.3.1), as Openfire
/// on Finesse requires it.
pub(crate) fn starttls_features() -> String {
    let starttls = Frame::start("starttls")
        .attr("xmlns", ns::TLS)
        .with("starttls", "<required/>");
    features(&starttls)
}

/// `<proceed/>`: the TLS handshake follows (RFC 6120 5.4.2.3).
pub(crate) fn starttls_proceed() -> String {
    Frame::start("proceed").attr("xmlns", ns::TLS).empty()
}

fn features(inner: &str) -> String {
    Frame::start("stream:features")
        .attr("xmlns:stream", ns::STREAM)
        .with("stream:features", inner)
}

/// Features before authentication: SASL PLAIN only.
pub(crate) fn sasl_features() -> String {
    let mechanisms = Frame::start("mechanisms")
        .attr("xmlns", ns::SASL)
        .with("mechanisms", "<mechanism>PLAIN</mechanism>");
    features(&mechanisms)
}

/// Features after authentication: resource binding and the optional session.
pub(crate) fn bind_features() -> String {
    let bind = Frame::start("bind").attr("xmlns", ns::BIND).empty();
    let session = Frame::start("session")
        .attr("xmlns", ns::SESSION)
        .with("session", "<optional/>");
    features(&format!("{bind}{session}"))
}

/// SASL `<success/>`.
pub(crate) fn sasl_success() -> String {
    Frame::start("success").attr("xmlns", ns::SASL).empty()
}

/// SASL `<failure/>` with its condition, e.g. `not-authorized`.
pub(crate) fn sasl_failure(condition: &str) -> String {
    let inner = Frame::start(condition).empty();
    Frame::start("failure")
        .attr("xmlns", ns::SASL)
        .with("failure", &inner)
}

/// The bound full JID.
pub(crate) fn bind_result(id: &str, jid: &str) -> String {
    let mut jid_text = String::new();
    escape_into(&mut jid_text, jid);
    let bind = Frame::start("bind")
        .attr("xmlns", ns::BIND)
        .with("bind", &format!("<jid>{jid_text}</jid>"));
    Frame::stanza("iq")
        .attr("type", "result")
        .attr("id", id)
        .with("iq", &bind)
}

/// An empty iq result.
pub(crate) fn iq_result(id: &str, from: Option<&str>, to: Option<&str>) -> String {
    Frame::stanza("iq")
        .attr("type", "result")
        .attr("id", id)
        .attr_opt("from", from)
        .attr_opt("to", to)
        .empty()
}

/// An iq result carrying `<query xmlns="namespace" node="node">inner</query>`.
pub(crate) fn query_result(
    id: &str,
    from: Option<&str>,
    to: &str,
    (namespace, node): (&str, Option<&str>),
    inner: &str,
) -> String {
    let query = Frame::start("query")
        .attr("xmlns", namespace)
        .attr_opt("node", node);
    let query = if inner.is_empty() {
        query.empty()
    } else {
        query.with("query", inner)
    };
    Frame::stanza("iq")
        .attr("type", "result")
        .attr("id", id)
        .attr_opt("from", from)
        .attr("to", to)
        .with("iq", &query)
}

/// An empty element with attributes, for the children of a query result.
pub(crate) fn leaf(name: &str, attributes: &[(&str, &str)]) -> String {
    attributes
        .iter()
        .fold(Frame::start(name), |f, (n, v)| f.attr(n, v))
        .empty()
}

/// An element with escaped text.
pub(crate) fn text_leaf(name: &str, text: &str) -> String {
    let mut escaped = String::new();
    escape_into(&mut escaped, text);
    Frame::start(name).with(name, &escaped)
}

/// The answer to pub-sub `<subscriptions/>`: `(node, jid)` pairs, all subscribed.
pub(crate) fn subscriptions(id: &str, to: &str, list: &[(String, String)]) -> String {
    let inner: String = list
        .iter()
        .map(|(node, jid)| {
            leaf(
                "subscription",
                &[("node", node), ("jid", jid), ("subscription", "subscribed")],
            )
        })
        .collect();
    let subscriptions = Frame::start("subscriptions");
    let subscriptions = if inner.is_empty() {
        subscriptions.empty()
    } else {
        subscriptions.with("subscriptions", &inner)
    };
    let pubsub = Frame::start("pubsub")
        .attr("xmlns", ns::PUBSUB)
        .with("pubsub", &subscriptions);
    Frame::stanza("iq")
        .attr("type", "result")
        .attr("id", id)
        .attr("from", PUBSUB_DOMAIN)
        .attr("to", to)
        .with("iq", &pubsub)
}

/// The answer to a successful pub-sub subscribe.
pub(crate) fn subscribed(id: &str, to: &str, node: &str, jid: &str) -> String {
    let subscription = Frame::start("subscription")
        .attr("node", node)
        .attr("jid", jid)
        .attr("subscription", "subscribed")
        .empty();
    let pubsub = Frame::start("pubsub")
        .attr("xmlns", ns::PUBSUB)
        .with("pubsub", &subscription);
    Frame::stanza("iq")
        .attr("type", "result")
        .attr("id", id)
        .attr("from", PUBSUB_DOMAIN)
        .attr("to", to)
        .with("iq", &pubsub)
}

/// An iq error.
pub(crate) fn iq_error(id: &str, from: Option<&str>, to: Option<&str>, e: StanzaError) -> String {
    let mut inner = Frame::start(e.condition).attr("xmlns", ns::STANZAS).empty();
    if let Some(pubsub) = e.pubsub_condition {
        inner.push_str(
            &Frame::start(pubsub)
                .attr("xmlns", ns::PUBSUB_ERRORS)
                .empty(),
        );
    }
    let error = Frame::start("error")
        .attr("type", e.kind)
        .with("error", &inner);
    Frame::stanza("iq")
        .attr("type", "error")
        .attr("id", id)
        .attr_opt("from", from)
        .attr_opt("to", to)
        .with("iq", &error)
}

/// The presence of Finesse's own user (`finesse@<domain>/finesse`), sent to a session.
pub(crate) fn service_presence(to: &str, available: bool) -> String {
    Frame::stanza("presence")
        .attr("from", SERVICE_JID)
        .attr("to", to)
        .attr_opt("type", (!available).then_some("unavailable"))
        .empty()
}

/// A pub-sub event carrying one Update, escaped as the text of `<notification>`.
pub(crate) fn event_message(
    to: &str,
    message_id: &str,
    node: &str,
    item_id: &str,
    update_xml: &str,
) -> String {
    let mut escaped = String::with_capacity(update_xml.len() + update_xml.len() / 4);
    escape_into(&mut escaped, update_xml);
    let notification = Frame::start("notification")
        .attr("xmlns", ns::PUBSUB)
        .with("notification", &escaped);
    let item = Frame::start("item")
        .attr("id", item_id)
        .with("item", &notification);
    let items = Frame::start("items")
        .attr("node", node)
        .with("items", &item);
    let event = Frame::start("event")
        .attr("xmlns", ns::PUBSUB_EVENT)
        .with("event", &items);
    Frame::stanza("message")
        .attr("from", PUBSUB_DOMAIN)
        .attr("to", to)
        .attr("id", message_id)
        .with("message", &event)
}

/// A stream error; the stream is closed right after it.
pub(crate) fn stream_error(condition: &str) -> String {
    let inner = Frame::start(condition).attr("xmlns", ns::STREAMS).empty();
    Frame::start("stream:error")
        .attr("xmlns:stream", ns::STREAM)
        .with("stream:error", &inner)
}

/// The server's `<close/>`.
pub(crate) fn close() -> String {
    Frame::start("close").attr("xmlns", ns::FRAMING).empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_messages_carry_the_update_as_text() {
        let m = event_message(
            "1001@localhost",
            "n__1001@localhost__1",
            "/finesse/api/User/1001",
            "u-1",
            "<Update><a>x &amp; y</a></Update>",
        );
        assert_eq!(
            m,
            "<message xmlns=\"jabber:client\" from=\"pubsub.localhost\" to=\"1001@localhost\" id=\"n__1001@localhost__1\">\
             <event xmlns=\"http://jabber.org/protocol/pubsub#event\">\
             <items node=\"/finesse/api/User/1001\"><item id=\"u-1\">\
             <notification xmlns=\"http://jabber.org/protocol/pubsub\">\
             &lt;Update&gt;&lt;a&gt;x &amp;amp; y&lt;/a&gt;&lt;/Update&gt;\
             </notification></item></items></event></message>"
        );
    }

    #[test]
    fn attributes_are_escaped() {
        assert_eq!(
            iq_result("a\"<b", None, None),
            "<iq xmlns=\"jabber:client\" type=\"result\" id=\"a&quot;&lt;b\"/>"
        );
        assert_eq!(
            iq_error("x", None, None, StanzaError::not_subscribed()),
            "<iq xmlns=\"jabber:client\" type=\"error\" id=\"x\"><error type=\"cancel\">\
             <unexpected-request xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\"/>\
             <not-subscribed xmlns=\"http://jabber.org/protocol/pubsub#errors\"/></error></iq>"
        );
    }

    #[test]
    fn the_stream_header_declares_the_client_namespace() {
        assert_eq!(
            stream_header("s1"),
            "<?xml version='1.0'?><stream:stream xmlns=\"jabber:client\" \
             xmlns:stream=\"http://etherx.jabber.org/streams\" from=\"localhost\" id=\"s1\" \
             version=\"1.0\" xml:lang=\"en\">"
        );
    }
}
