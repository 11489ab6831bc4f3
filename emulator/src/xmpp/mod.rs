//! The Finesse notification service: the subset of XMPP that Finesse clients use — SASL
//! PLAIN, resource binding, presence, ping, pub-sub event delivery from `pubsub.<domain>`,
//! and the standard answers of a generic server — over every transport Finesse offers:
//! WebSocket (RFC 7395) on the REST port and on a port of its own, TCP (RFC 6120) with
//! STARTTLS or direct TLS, and BOSH (XEP-0124, XEP-0206).
//!
//! One stream's logic lives in `connection`; each transport only frames it. Every
//! notification the server publishes goes to the available sessions subscribed to its
//! node, as an escaped `<Update>` inside a pub-sub event message.

mod answers;
mod bosh;
mod connection;
mod frames;
mod link;
mod listener;
mod presence;
mod pubsub;
mod sessions;
mod stanza;
mod tcp;
mod tcp_listener;
mod tcp_reader;
mod upgrade;
mod websocket;

pub(crate) use bosh::Bosh;
pub(crate) use link::Links;
pub(crate) use listener::serve;
pub(crate) use presence::{cut_user, set_service_available};
pub(crate) use sessions::Sessions;
pub(crate) use tcp_listener::{TcpMode, serve_tcp};
pub(crate) use upgrade::RestWebSocket;

/// The readers of what clients send, for the fuzz targets (`crate::fuzzing`).
pub(crate) mod readers {
    pub(crate) use super::bosh::parse_body as bosh_body;
    pub(crate) use super::stanza::{parse as frame, parse_in_stream as stream_element};
    pub(crate) use super::tcp_reader::{Piece, StreamReader};
}

/// The XMPP domain: user JIDs are `<loginId>@localhost`.
pub(crate) const DOMAIN: &str = "localhost";
/// The pub-sub service's address.
pub(crate) const PUBSUB_DOMAIN: &str = "pubsub.localhost";
/// Finesse's own XMPP user; its presence tells clients whether the webapp is up.
pub(crate) const SERVICE_JID: &str = "finesse@localhost/finesse";

/// XML namespaces of the protocol elements.
pub(crate) mod ns {
    /// RFC 7395 framing (`<open/>`, `<close/>`).
    pub const FRAMING: &str = "urn:ietf:params:xml:ns:xmpp-framing";
    /// Stream prefix namespace (`<stream:features/>`, `<stream:error/>`).
    pub const STREAM: &str = "http://etherx.jabber.org/streams";
    /// Stream error conditions.
    pub const STREAMS: &str = "urn:ietf:params:xml:ns:xmpp-streams";
    /// The default namespace of client stanzas.
    pub const CLIENT: &str = "jabber:client";
    /// SASL negotiation.
    pub const SASL: &str = "urn:ietf:params:xml:ns:xmpp-sasl";
    /// Resource binding.
    pub const BIND: &str = "urn:ietf:params:xml:ns:xmpp-bind";
    /// Session establishment (RFC 3921, kept for old clients).
    pub const SESSION: &str = "urn:ietf:params:xml:ns:xmpp-session";
    /// Stanza error conditions.
    pub const STANZAS: &str = "urn:ietf:params:xml:ns:xmpp-stanzas";
    /// XEP-0199 ping.
    pub const PING: &str = "urn:xmpp:ping";
    /// XEP-0060 pub-sub requests; also the namespace of Finesse's `<notification>`.
    pub const PUBSUB: &str = "http://jabber.org/protocol/pubsub";
    /// XEP-0060 pub-sub error conditions.
    pub const PUBSUB_ERRORS: &str = "http://jabber.org/protocol/pubsub#errors";
    /// XEP-0060 event notifications.
    pub const PUBSUB_EVENT: &str = "http://jabber.org/protocol/pubsub#event";
    /// RFC 6121 roster.
    pub const ROSTER: &str = "jabber:iq:roster";
    /// XEP-0030 service discovery, information.
    pub const DISCO_INFO: &str = "http://jabber.org/protocol/disco#info";
    /// XEP-0030 service discovery, items.
    pub const DISCO_ITEMS: &str = "http://jabber.org/protocol/disco#items";
    /// XEP-0092 software version.
    pub const VERSION: &str = "jabber:iq:version";
    /// RFC 6120 5 STARTTLS.
    pub const TLS: &str = "urn:ietf:params:xml:ns:xmpp-tls";
    /// XEP-0124 BOSH bodies.
    pub const HTTPBIND: &str = "http://jabber.org/protocol/httpbind";
    /// XEP-0206 attributes of a BOSH body (`xmpp:version`, `xmpp:restart`).
    pub const XBOSH: &str = "urn:xmpp:xbosh";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_share_the_domain() {
        assert_eq!(PUBSUB_DOMAIN, format!("pubsub.{DOMAIN}"));
        assert_eq!(SERVICE_JID, format!("finesse@{DOMAIN}/finesse"));
    }
}
