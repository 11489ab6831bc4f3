//! The notification service's URL: the scheme names the transport, and the defaults follow
//! what each Finesse release offers. Documented for users on
//! [`crate::ConfigBuilder::notification_url`].
//!
//! | Scheme | Transport | Default port |
//! |---|---|---|
//! | `wss://`, `ws://` | XMPP over WebSocket (RFC 7395) | 443, 80 |
//! | `https://`, `http://` | BOSH (XEP-0124, XEP-0206) | 443, 80 |
//! | `xmpps://` | XMPP over TCP, direct TLS (XEP-0368) | 5223 |
//! | `xmpp://` | XMPP over TCP with STARTTLS, required (RFC 6120 §5) | 5222 |

use crate::error::Error;

/// How the XMPP stream is carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Transport {
    /// One XML element per WebSocket text frame.
    WebSocket,
    /// XML elements wrapped in `<body>` documents of HTTP requests.
    Bosh,
    /// One XML stream over a TCP connection; `direct_tls` when TLS starts at once, else it
    /// starts with STARTTLS.
    Tcp {
        /// TLS from the first byte (port 5223), not through STARTTLS (port 5222).
        direct_tls: bool,
    },
}

impl Transport {
    /// The name events and logs give it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Transport::WebSocket => "websocket",
            Transport::Bosh => "bosh",
            Transport::Tcp { direct_tls: false } => "tcp",
            Transport::Tcp { direct_tls: true } => "tcp-tls",
        }
    }
}

/// The name of the transport of `url`, a URL the session connected to.
pub(crate) fn transport_name(url: &str) -> &'static str {
    parse("url", url).map_or("unknown", |parts| parts.transport.name())
}

/// A checked notification URL, split for connecting.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Parts {
    pub(crate) transport: Transport,
    /// TLS (for TCP, always: from the start or after STARTTLS).
    pub(crate) tls: bool,
    /// The host, an IPv6 literal with its brackets.
    pub(crate) host: String,
    pub(crate) port: u16,
    /// The path, `/` when none was given (meaningless for TCP).
    pub(crate) path: String,
}

/// Where a node's ports are known (SystemInfo of 12.6 lists them per node).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct KnownPorts {
    /// XMPP over TCP with STARTTLS (`xmppPort`).
    pub(crate) xmpp: Option<u16>,
    /// XMPP over TCP with direct TLS (`xmppSecurePort`).
    pub(crate) xmpp_secure: Option<u16>,
}

/// The URLs tried, in order, when none is configured, for the REST node `node` (a normalized
/// `scheme://host[:port]`). Finesse 12.x serves XMPP over WebSocket at `/ws/` on the REST
/// origin (Cisco's EventTunnel and 12.5(1) sample); 10.x and 11.x offer BOSH on 7443 (7071
/// without TLS), then XMPP over TCP on 5223 (direct TLS) and 5222 (STARTTLS); see reference
/// §10.1. SystemInfo names no release, so the release shows in what the node serves: the
/// next URL is tried only when the previous transport is not offered there.
pub(crate) fn candidates(node: &str, ports: KnownPorts) -> Vec<String> {
    let (scheme, authority) = node.split_once("://").unwrap_or(("https", node));
    let host = host_of(node);
    let plain = scheme == "http";
    let (ws, bosh) = if plain {
        (
            format!("ws://{authority}/ws/"),
            format!("http://{host}:7071/http-bind/"),
        )
    } else {
        (
            format!("wss://{authority}/ws/"),
            format!("https://{host}:7443/http-bind/"),
        )
    };
    vec![
        ws,
        bosh,
        format!("xmpps://{host}:{}", ports.xmpp_secure.unwrap_or(5223)),
        format!("xmpp://{host}:{}", ports.xmpp.unwrap_or(5222)),
    ]
}

/// Checks `url` and returns it with its scheme in lowercase.
pub(crate) fn normalize(field: &str, url: &str) -> Result<String, Error> {
    parse(field, url)?;
    let (scheme, rest) = url.trim().split_once("://").unwrap_or_default();
    Ok(format!("{}://{rest}", scheme.to_ascii_lowercase()))
}

/// The host of a node URL `scheme://host[:port]` (an IPv6 literal keeps its brackets).
pub(crate) fn host_of(node: &str) -> &str {
    let authority = node.split_once("://").map_or(node, |(_, rest)| rest);
    match authority.rsplit_once(':') {
        // An IPv6 literal `[::1]` has colons inside the brackets: those are not a port.
        Some((host, port)) if !port.contains(']') => host,
        _ => authority,
    }
}

/// Splits `url`; an error names `field`.
pub(crate) fn parse(field: &str, url: &str) -> Result<Parts, Error> {
    let bad = |why: &str| Error::invalid(field, format!("{url:?}: {why}"));
    let url = url.trim();
    let expected = "expected wss://host[:port]/path (WebSocket), https://host[:port]/path \
                    (BOSH), xmpps://host[:port] (TCP, direct TLS) or xmpp://host[:port] (TCP, \
                    STARTTLS)";
    let (scheme, rest) = url
        .split_once("://")
        .ok_or_else(|| bad(&format!("no scheme; {expected}")))?;
    let (transport, tls, default_port) = match scheme.to_ascii_lowercase().as_str() {
        "wss" => (Transport::WebSocket, true, 443),
        "ws" => (Transport::WebSocket, false, 80),
        "https" => (Transport::Bosh, true, 443),
        "http" => (Transport::Bosh, false, 80),
        "xmpps" => (Transport::Tcp { direct_tls: true }, true, 5223),
        "xmpp" => (Transport::Tcp { direct_tls: false }, true, 5222),
        other => return Err(bad(&format!("unknown scheme {other:?}; {expected}"))),
    };
    if let Some(c) = rest
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || matches!(c, '@' | '#'))
    {
        // No user info either: credentials never travel in URLs.
        return Err(bad(&format!("{c:?} is not allowed")));
    }
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if matches!(transport, Transport::Tcp { .. }) && path != "/" {
        return Err(bad("an XMPP over TCP URL has no path"));
    }
    let (host, port) = match authority.rsplit_once(':') {
        // An IPv6 literal `[::1]` has colons inside the brackets: those are not a port.
        Some((host, port)) if !port.contains(']') => match port.parse::<u16>() {
            Ok(p) if p != 0 => (host, p),
            _ => return Err(bad(&format!("port {port:?} is not valid"))),
        },
        _ => (authority, default_port),
    };
    if host.is_empty() {
        return Err(bad("no host"));
    }
    Ok(Parts {
        transport,
        tls,
        host: host.to_owned(),
        port,
        path: path.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_follow_the_releases() {
        assert_eq!(
            candidates("https://fin-a:8445", KnownPorts::default()),
            [
                "wss://fin-a:8445/ws/",
                "https://fin-a:7443/http-bind/",
                "xmpps://fin-a:5223",
                "xmpp://fin-a:5222"
            ]
        );
        let known = KnownPorts {
            xmpp: Some(15222),
            xmpp_secure: Some(15223),
        };
        assert_eq!(
            candidates("http://127.0.0.1:8082", known),
            [
                "ws://127.0.0.1:8082/ws/",
                "http://127.0.0.1:7071/http-bind/",
                "xmpps://127.0.0.1:15223",
                "xmpp://127.0.0.1:15222"
            ]
        );
        assert_eq!(candidates("https://[::1]", known)[0], "wss://[::1]/ws/");
        assert_eq!(candidates("https://[::1]", known)[2], "xmpps://[::1]:15223");
    }

    #[test]
    fn urls_are_split_and_checked() {
        assert_eq!(
            parse("u", "WSS://fin-a:7443/ws/").unwrap(),
            Parts {
                transport: Transport::WebSocket,
                tls: true,
                host: "fin-a".into(),
                port: 7443,
                path: "/ws/".into()
            }
        );
        assert_eq!(
            parse("u", "ws://[::1]").unwrap(),
            Parts {
                transport: Transport::WebSocket,
                tls: false,
                host: "[::1]".into(),
                port: 80,
                path: "/".into()
            }
        );
        let tcp = parse("u", "xmpp://fin-a").unwrap();
        assert_eq!(
            (tcp.transport, tcp.tls, tcp.port),
            (Transport::Tcp { direct_tls: false }, true, 5222)
        );
        let direct = parse("u", "xmpps://fin-a").unwrap();
        assert_eq!(
            (direct.transport, direct.port),
            (Transport::Tcp { direct_tls: true }, 5223)
        );
        let bosh = parse("u", "https://fin-a:7443/http-bind/").unwrap();
        assert_eq!(
            (bosh.transport, bosh.tls, bosh.path.as_str()),
            (Transport::Bosh, true, "/http-bind/")
        );
        assert_eq!(normalize("u", " WsS://h/ws ").unwrap(), "wss://h/ws");
        for bad in [
            "fin-a/ws",
            "ftp://fin-a/ws",
            "wss://",
            "wss://:7443/ws",
            "wss://h:0/ws",
            "wss://h:x/ws",
            "wss://u:p@h/ws",
            "wss://h/w s",
            "xmpp://h/path",
        ] {
            let err = parse("notification_url", bad).unwrap_err();
            assert!(
                err.to_string().contains("`notification_url`"),
                "{bad}: {err}"
            );
        }
    }
}
