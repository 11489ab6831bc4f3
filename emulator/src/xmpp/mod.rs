//! The Finesse notification service: XMPP over WebSocket (RFC 7395) with the subset of
//! XMPP that Finesse clients use — SASL PLAIN, resource binding, presence, ping, and
//! pub-sub event delivery from `pubsub.<domain>` — on its own loopback port.
//!
//! Each WebSocket text frame carries one complete XML element. Every notification the
//! server publishes goes to the available sessions subscribed to its node, as an escaped
//! `<Update>` inside a pub-sub event message.

mod connection;
mod frames;
mod link;
mod listener;
mod presence;
mod pubsub;
mod sessions;
mod stanza;

pub(crate) use link::Links;
pub(crate) use listener::serve;
pub(crate) use presence::set_service_available;
pub(crate) use sessions::Sessions;

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
