//! The notification transports: which ones a release offers third-party clients, and the
//! ports the running server gives them (reported in SystemInfo's `primaryNode`).
//!
//! Sources (reference 10.1): Cisco's 10.x/11.x samples use BOSH on 7443 and XMPP over TCP
//! on 5222 (STARTTLS) and 5223 (direct TLS); 12.0 introduced WebSocket and kept BOSH
//! (EventTunnel.js); DG12.5's ports table and DEVNET `https-requests` have 5222 disabled
//! from 12.5; DEVNET `deprecated-features` and `managing-notifications-in-third-party-
//! applications` recommend WebSocket on the REST port from 12.6, BOSH deprecated but there.

use crate::release::Release;

/// Which notification transports are on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Transports {
    /// XMPP over WebSocket on the REST port (`/ws/`).
    pub websocket: bool,
    /// BOSH (`/http-bind/`) on its own port.
    pub bosh: bool,
    /// XMPP over TCP with STARTTLS (5222 on Finesse).
    pub starttls: bool,
    /// XMPP over TCP with direct TLS (5223 on Finesse).
    pub direct_tls: bool,
}

impl Transports {
    /// What the release offers by default.
    pub fn of(release: Release) -> Transports {
        let all = Transports {
            websocket: true,
            bosh: true,
            starttls: true,
            direct_tls: true,
        };
        match release {
            Release::Cce11_6 => Transports {
                websocket: false,
                ..all
            },
            Release::Cce12_0 => all,
            Release::Cce12_5 | Release::Cce12_6 | Release::Ccx12_5 => Transports {
                starttls: false,
                ..all
            },
        }
    }
}

/// The ports of the running node, as SystemInfo reports them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct NodePorts {
    /// The REST port.
    pub https: u16,
    /// XMPP over TCP with STARTTLS.
    pub xmpp: u16,
    /// XMPP over TCP with direct TLS.
    pub xmpp_secure: u16,
}

/// The URL of each transport of the running server, in the forms clients take.
#[derive(Clone, Debug)]
pub(crate) struct TransportUrls {
    /// `wss://<host>:<REST port>/ws/` (`ws://` with plain HTTP).
    pub websocket: String,
    /// `https://<host>:<port>/http-bind/` (`http://` with plain HTTP).
    pub bosh: String,
    /// `xmpp://<host>:<port>`.
    pub starttls: String,
    /// `xmpps://<host>:<port>`.
    pub direct_tls: String,
}

/// The URLs of the transports on, `None` for those off.
#[derive(Debug)]
pub(crate) struct Offered<'a> {
    pub websocket: Option<&'a str>,
    pub bosh: Option<&'a str>,
    pub starttls: Option<&'a str>,
    pub direct_tls: Option<&'a str>,
}

impl TransportUrls {
    /// The URLs of what `on` says is on.
    pub fn offered(&self, on: Transports) -> Offered<'_> {
        Offered {
            websocket: on.websocket.then_some(self.websocket.as_str()),
            bosh: on.bosh.then_some(self.bosh.as_str()),
            starttls: on.starttls.then_some(self.starttls.as_str()),
            direct_tls: on.direct_tls.then_some(self.direct_tls.as_str()),
        }
    }
}
