//! The notification service's WebSocket URL: its default, derived from the REST node, and the
//! rules a given one must follow. The default is documented for users on
//! [`crate::ConfigBuilder::notification_url`].

use crate::error::Error;

/// A checked `ws://` or `wss://` URL, split for connecting.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Parts {
    /// `wss`: TLS.
    pub(crate) tls: bool,
    /// The host, an IPv6 literal with its brackets.
    pub(crate) host: String,
    pub(crate) port: u16,
    /// The path, `/` when none was given.
    pub(crate) path: String,
}

/// The URL of the notification service of `node` (a normalized REST URL,
/// `scheme://host[:port]`): where Finesse 12.x serves XMPP over WebSocket.
pub(crate) fn default_for(node: &str) -> String {
    match node.split_once("://") {
        Some(("http", authority)) => format!("ws://{authority}/ws"),
        Some((_, authority)) => format!("wss://{authority}/ws"),
        None => format!("wss://{node}/ws"),
    }
}

/// Checks `url` and returns it with its scheme in lowercase.
pub(crate) fn normalize(field: &str, url: &str) -> Result<String, Error> {
    parse(field, url)?;
    let (scheme, rest) = url.trim().split_once("://").unwrap_or_default();
    Ok(format!("{}://{rest}", scheme.to_ascii_lowercase()))
}

/// Splits `url`; an error names `field`.
pub(crate) fn parse(field: &str, url: &str) -> Result<Parts, Error> {
    let bad = |why: &str| Error::invalid(field, format!("{url:?}: {why}"));
    let url = url.trim();
    let (scheme, rest) = url
        .split_once("://")
        .ok_or_else(|| bad("no scheme; expected wss://host[:port][/path] or ws://…"))?;
    let tls = match scheme.to_ascii_lowercase().as_str() {
        "wss" => true,
        "ws" => false,
        _ => return Err(bad("the scheme must be wss or ws")),
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
    let (host, port) = match authority.rsplit_once(':') {
        // An IPv6 literal `[::1]` has colons inside the brackets: those are not a port.
        Some((host, port)) if !port.contains(']') => match port.parse::<u16>() {
            Ok(p) if p != 0 => (host, p),
            _ => return Err(bad(&format!("port {port:?} is not valid"))),
        },
        _ => (authority, if tls { 443 } else { 80 }),
    };
    if host.is_empty() {
        return Err(bad("no host"));
    }
    Ok(Parts {
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
    fn the_default_follows_the_rest_node() {
        assert_eq!(default_for("https://fin-a:8445"), "wss://fin-a:8445/ws");
        assert_eq!(
            default_for("http://127.0.0.1:8082"),
            "ws://127.0.0.1:8082/ws"
        );
        assert_eq!(default_for("https://[::1]"), "wss://[::1]/ws");
    }

    #[test]
    fn urls_are_split_and_checked() {
        assert_eq!(
            parse("u", "WSS://fin-a:7443/ws/").unwrap(),
            Parts {
                tls: true,
                host: "fin-a".into(),
                port: 7443,
                path: "/ws/".into()
            }
        );
        assert_eq!(
            parse("u", "ws://[::1]").unwrap(),
            Parts {
                tls: false,
                host: "[::1]".into(),
                port: 80,
                path: "/".into()
            }
        );
        assert_eq!(normalize("u", " WsS://h/ws ").unwrap(), "wss://h/ws");
        for bad in [
            "fin-a/ws",
            "https://fin-a/ws",
            "wss://",
            "wss://:7443/ws",
            "wss://h:0/ws",
            "wss://h:x/ws",
            "wss://u:p@h/ws",
            "wss://h/w s",
        ] {
            let err = parse("notification_url", bad).unwrap_err();
            assert!(
                err.to_string().contains("`notification_url`"),
                "{bad}: {err}"
            );
        }
    }
}
