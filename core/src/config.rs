//! How a client reaches Finesse: nodes, credentials, trust, timeouts.

use std::fmt;
use std::path::Path;
use std::time::Duration;

use crate::error::Error;
use crate::limits::DecodeLimits;
use crate::notification_url;
use crate::token::{AccessToken, TokenError, TokenProvider};
use crate::validate;

/// The HTTPS port Finesse serves its REST API on, used when a URL names none.
pub const DEFAULT_PORT: u16 = 8445;

/// A secret string (password or token): never shown by `Debug` or `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(secret: impl Into<String>) -> Self {
        Secret(secret.into())
    }

    /// The secret itself; take care where it goes.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// How the client authenticates.
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum Credentials {
    /// HTTP Basic with the agent's id (or sign-in name) and password.
    Basic {
        /// The agent id or sign-in name.
        username: String,
        /// The password.
        password: Secret,
    },
    /// An SSO access token (`Authorization: Bearer`), for the agent `login_id`.
    Bearer {
        /// The agent id the token belongs to (URIs need it).
        login_id: String,
        /// The access token.
        token: Secret,
    },
    /// SSO access tokens from the application's provider, for the agent `login_id`: asked
    /// for a token at first use, again once 75% of its lifetime has passed (as Cisco asks of
    /// third-party applications), and once more after the server rejects the one in use.
    TokenProvider {
        /// The agent id the tokens belong to (URIs need it).
        login_id: String,
        /// Where tokens come from.
        provider: TokenProvider,
    },
}

impl Credentials {
    /// The name the client identifies as: the Basic user name, or the Bearer login id.
    pub fn username(&self) -> &str {
        match self {
            Credentials::Basic { username, .. } => username,
            Credentials::Bearer { login_id, .. } | Credentials::TokenProvider { login_id, .. } => {
                login_id
            }
        }
    }
}

/// Timeouts for each step of a request. ureq sets none by default; these do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Timeouts {
    /// Connecting, TLS included. Default 5 s.
    pub connect: Duration,
    /// Sending the request and receiving the response headers. Default 10 s.
    pub response: Duration,
    /// Receiving the response body. Default 10 s.
    pub body: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(5),
            response: Duration::from_secs(10),
            body: Duration::from_secs(10),
        }
    }
}

/// Everything a [`crate::Client`] needs. Build it with [`Config::builder`].
#[derive(Clone, Debug)]
pub struct Config {
    pub(crate) nodes: Vec<String>,
    pub(crate) credentials: Credentials,
    pub(crate) ca_certs: Vec<rustls::pki_types::CertificateDer<'static>>,
    pub(crate) accept_invalid_certs: bool,
    pub(crate) timeouts: Timeouts,
    pub(crate) user_agent: String,
    pub(crate) limits: DecodeLimits,
    pub(crate) login_id: Option<String>,
    pub(crate) notification_url: Option<String>,
}

impl Config {
    /// Starts a configuration for the node at `url`: `https://host[:port]`, or a bare host
    /// name, which means `https://host:8445`.
    pub fn builder(url: impl Into<String>) -> ConfigBuilder {
        ConfigBuilder {
            primary: url.into(),
            secondary: None,
            basic: None,
            bearer: None,
            provider: None,
            ca_pems: Vec::new(),
            ca_files: Vec::new(),
            accept_invalid_certs: false,
            timeouts: Timeouts::default(),
            user_agent: concat!("finesse-client/", env!("CARGO_PKG_VERSION")).to_owned(),
            limits: DecodeLimits::DEFAULT,
            login_id: None,
            notification_url: None,
        }
    }

    /// The node URLs, side A first.
    pub fn nodes(&self) -> &[String] {
        &self.nodes
    }

    /// The credentials.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// The timeouts.
    pub fn timeouts(&self) -> Timeouts {
        self.timeouts
    }

    /// Whether certificate verification is switched off.
    pub fn accepts_invalid_certs(&self) -> bool {
        self.accept_invalid_certs
    }

    /// The decoding limits.
    pub fn limits(&self) -> DecodeLimits {
        self.limits
    }

    /// The notification service URL set with [`ConfigBuilder::notification_url`]; `None`
    /// means the default derived from the active node, as described there.
    pub fn notification_url(&self) -> Option<&str> {
        self.notification_url.as_deref()
    }
}

/// Builds a [`Config`]; [`ConfigBuilder::build`] checks it.
#[derive(Debug)]
#[must_use]
pub struct ConfigBuilder {
    primary: String,
    secondary: Option<String>,
    /// Both kinds are recorded, so that `build` can refuse a configuration that gives both.
    basic: Option<(String, Secret)>,
    bearer: Option<(String, Secret)>,
    provider: Option<(String, TokenProvider)>,
    ca_pems: Vec<Vec<u8>>,
    ca_files: Vec<std::path::PathBuf>,
    accept_invalid_certs: bool,
    timeouts: Timeouts,
    user_agent: String,
    limits: DecodeLimits,
    login_id: Option<String>,
    notification_url: Option<String>,
}

impl ConfigBuilder {
    /// The side B node, tried when side A cannot be reached or is out of service.
    pub fn secondary(mut self, url: impl Into<String>) -> Self {
        self.secondary = Some(url.into());
        self
    }

    /// HTTP Basic credentials: agent id (or sign-in name) and password. Give these or a
    /// [`bearer_token`](ConfigBuilder::bearer_token), not both.
    pub fn basic_auth(mut self, username: impl Into<String>, password: impl Into<String>) -> Self {
        self.basic = Some((username.into(), Secret::new(password)));
        self
    }

    /// An SSO bearer token for agent `login_id`. Give this or
    /// [`basic_auth`](ConfigBuilder::basic_auth), not both.
    pub fn bearer_token(mut self, login_id: impl Into<String>, token: impl Into<String>) -> Self {
        self.bearer = Some((login_id.into(), Secret::new(token)));
        self
    }

    /// SSO access tokens from `provider` for agent `login_id`, renewed after 75% of their
    /// lifetime and after a rejection (see [`Credentials::TokenProvider`]). Give this, a
    /// [`bearer_token`](ConfigBuilder::bearer_token) or
    /// [`basic_auth`](ConfigBuilder::basic_auth): one of them.
    pub fn token_provider(
        mut self,
        login_id: impl Into<String>,
        provider: impl Fn() -> Result<AccessToken, TokenError> + Send + Sync + 'static,
    ) -> Self {
        self.provider = Some((login_id.into(), TokenProvider::new(provider)));
        self
    }

    /// The agent id used in URIs, when the Basic user name is a sign-in name that differs
    /// from it. Without it, the id is learned from the first User document.
    pub fn login_id(mut self, id: impl Into<String>) -> Self {
        self.login_id = Some(id.into());
        self
    }

    /// Trusts the CA certificates in this PEM text, in addition to the operating system's
    /// store and the built-in roots (Finesse nodes often carry self-signed or private-CA
    /// certificates).
    pub fn ca_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.ca_pems.push(pem.into());
        self
    }

    /// Trusts the CA certificates in this PEM file; it is read by `build`.
    pub fn ca_file(mut self, path: impl AsRef<Path>) -> Self {
        self.ca_files.push(path.as_ref().to_owned());
        self
    }

    /// **Switches certificate verification off.** Anyone on the path can then read the
    /// agent's password and calls. Use only against a lab server, never in production;
    /// prefer [`ConfigBuilder::ca_pem`].
    pub fn danger_accept_invalid_certs(mut self, yes: bool) -> Self {
        self.accept_invalid_certs = yes;
        self
    }

    /// Sets all timeouts.
    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// Sets the connect timeout (TLS included).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.timeouts.connect = timeout;
        self
    }

    /// Sets the time allowed to send a request and receive the response headers, and then the
    /// response body.
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.timeouts.response = timeout;
        self.timeouts.body = timeout;
        self
    }

    /// Sets the `User-Agent` header.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// Sets the decoding limits.
    pub fn limits(mut self, limits: DecodeLimits) -> Self {
        self.limits = limits;
        self
    }

    /// The notification service's URL, used by every session whose
    /// [`NotificationOptions::url`](crate::NotificationOptions) is not set. Its scheme names
    /// the transport:
    ///
    /// | URL | Transport | Finesse releases |
    /// |---|---|---|
    /// | `wss://host[:port]/ws/` | XMPP over WebSocket (RFC 7395) | 12.0 and later |
    /// | `https://host:7443/http-bind/` | BOSH (XEP-0124, XEP-0206) | all; deprecated in 12.6 |
    /// | `xmpps://host:5223` | XMPP over TCP, direct TLS | all |
    /// | `xmpp://host:5222` | XMPP over TCP, STARTTLS (TLS required) | all; off by default from 12.5 |
    ///
    /// (`ws://` and `http://` are the same without TLS, for test servers.) Without it, a
    /// session tries, on the node REST requests go to when it starts (side A, or side B after
    /// a failover): `wss://<host>:<port>/ws/` (12.x serves WebSocket on the REST origin), then
    /// `https://<host>:7443/http-bind/`, `xmpps://<host>:5223` and `xmpp://<host>:5222` (what
    /// 10.x and 11.x offer; the TCP ports as SystemInfo names them when it does). The next is
    /// tried only when a transport is not offered (refused connection, no such path); rejected
    /// credentials or an untrusted certificate stop the search. A session stays on the
    /// transport it started with.
    pub fn notification_url(mut self, url: impl Into<String>) -> Self {
        self.notification_url = Some(url.into());
        self
    }

    /// Checks the configuration: URLs, credentials, CA certificates.
    pub fn build(self) -> Result<Config, Error> {
        let mut nodes = vec![normalize_url("url", &self.primary)?];
        if let Some(secondary) = &self.secondary {
            nodes.push(normalize_url("secondary", secondary)?);
        }
        // The messages name the choice the way every binding's constructor offers it.
        let credentials = match (self.basic, self.bearer, self.provider) {
            (Some((username, password)), None, None) => Credentials::Basic { username, password },
            (None, Some((login_id, token)), None) => Credentials::Bearer { login_id, token },
            (None, None, Some((login_id, provider))) => {
                Credentials::TokenProvider { login_id, provider }
            }
            (None, None, None) => {
                return Err(Error::invalid("password", "give a password or a token"));
            }
            _ => {
                return Err(Error::invalid(
                    "token",
                    "give one of a password, a token or a token provider",
                ));
            }
        };
        match &credentials {
            Credentials::Basic { username, password } => {
                validate::path_segment("username", username)?;
                if username.contains(':') {
                    return Err(Error::invalid("username", "must not contain ':'"));
                }
                if password.expose().is_empty() {
                    return Err(Error::invalid("password", "must not be empty"));
                }
            }
            Credentials::Bearer { login_id, token } => {
                validate::path_segment("login_id", login_id)?;
                check_token("token", token.expose())?;
            }
            Credentials::TokenProvider { login_id, .. } => {
                validate::path_segment("login_id", login_id)?;
            }
        }
        if let Some(id) = &self.login_id {
            validate::path_segment("login_id", id)?;
        }
        let mut ca_certs = Vec::new();
        for pem in &self.ca_pems {
            ca_certs.extend(parse_ca_pem("ca_pem", pem)?);
        }
        for path in &self.ca_files {
            let pem = std::fs::read(path).map_err(|e| {
                Error::invalid("ca_file", format!("cannot read {}: {e}", path.display()))
            })?;
            ca_certs.extend(parse_ca_pem("ca_file", &pem)?);
        }
        for (name, d) in [
            ("connect_timeout", self.timeouts.connect),
            ("response_timeout", self.timeouts.response),
            ("body_timeout", self.timeouts.body),
        ] {
            if d.is_zero() {
                return Err(Error::invalid(name, "must be greater than zero"));
            }
        }
        if self.user_agent.chars().any(|c| !(' '..='~').contains(&c)) {
            return Err(Error::invalid("user_agent", "must be printable ASCII"));
        }
        for node in nodes.iter().filter(|node| node.starts_with("http://")) {
            // Allowed for test servers, but never silently: Basic credentials and tokens
            // travel in clear.
            log::warn!("{node} is plain HTTP: the credentials are sent unencrypted");
        }
        let notification_url = self
            .notification_url
            .map(|url| notification_url::normalize("notification_url", &url))
            .transpose()?;
        Ok(Config {
            nodes,
            credentials,
            ca_certs,
            accept_invalid_certs: self.accept_invalid_certs,
            timeouts: self.timeouts,
            user_agent: self.user_agent,
            limits: self.limits,
            login_id: self.login_id,
            notification_url,
        })
    }
}

/// RFC 6750 §2.1: a bearer token is a b64token. Anything else could not be sent in a header,
/// and would fail every request later as if the server were unreachable.
pub(crate) fn check_token(field: &str, token: &str) -> Result<(), Error> {
    let b64token = |c: char| c.is_ascii_alphanumeric() || "-._~+/=".contains(c);
    if token.is_empty() || !token.chars().all(b64token) {
        return Err(Error::invalid(
            field,
            "must be a non-empty RFC 6750 token: letters, digits and -._~+/= only",
        ));
    }
    Ok(())
}

/// `https://host[:port][/]` stays as it is (without the slash); a bare host gets
/// `https://` and port 8445. Paths, queries and user info are refused.
fn normalize_url(field: &str, url: &str) -> Result<String, Error> {
    let url = url.trim().trim_end_matches('/');
    let (scheme, rest) = match url.split_once("://") {
        Some((scheme, rest)) => (scheme.to_ascii_lowercase(), rest),
        None => ("https".to_owned(), url),
    };
    if scheme != "https" && scheme != "http" {
        return Err(Error::invalid(
            field,
            format!("scheme {scheme:?} is not http or https"),
        ));
    }
    if rest.is_empty() {
        return Err(Error::invalid(field, "has no host"));
    }
    if let Some(c) = rest
        .chars()
        .find(|c| matches!(c, '/' | '?' | '#' | '@') || c.is_whitespace())
    {
        return Err(Error::invalid(
            field,
            format!("must be scheme://host[:port] only, found {c:?}"),
        ));
    }
    match rest.rsplit_once(':') {
        // An IPv6 literal `[::1]` has colons inside the brackets: those are not a port.
        Some((host, port)) if !host.is_empty() && !port.contains(']') => {
            if port.parse::<u16>().map_or(true, |p| p == 0) {
                return Err(Error::invalid(field, format!("port {port:?} is not valid")));
            }
            Ok(format!("{scheme}://{rest}"))
        }
        _ if url.contains("://") => Ok(format!("{scheme}://{rest}")),
        _ => Ok(format!("https://{rest}:{DEFAULT_PORT}")),
    }
}

/// Parses the certificates of a PEM text; it must hold at least one.
fn parse_ca_pem(
    field: &str,
    pem: &[u8],
) -> Result<Vec<rustls::pki_types::CertificateDer<'static>>, Error> {
    let mut certs = Vec::new();
    for item in ureq::tls::parse_pem(pem) {
        match item {
            Ok(ureq::tls::PemItem::Certificate(cert)) => {
                let der = rustls::pki_types::CertificateDer::from(cert.der().to_vec());
                // Refused here rather than silently left out of the trusted roots.
                rustls::RootCertStore::empty()
                    .add(der.clone())
                    .map_err(|e| Error::invalid(field, format!("not a usable CA: {e}")))?;
                certs.push(der);
            }
            Ok(_) => {}
            Err(e) => return Err(Error::invalid(field, format!("bad PEM: {e}"))),
        }
    }
    if certs.is_empty() {
        return Err(Error::invalid(
            field,
            "no CERTIFICATE block in the PEM text",
        ));
    }
    Ok(certs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_normalized() {
        assert_eq!(
            normalize_url("url", "fin-a.example.com").unwrap(),
            "https://fin-a.example.com:8445"
        );
        assert_eq!(
            normalize_url("url", "https://fin-a:8445/").unwrap(),
            "https://fin-a:8445"
        );
        assert_eq!(
            normalize_url("url", "http://127.0.0.1:8082").unwrap(),
            "http://127.0.0.1:8082"
        );
        assert_eq!(
            normalize_url("url", "https://[::1]").unwrap(),
            "https://[::1]"
        );
        for bad in [
            "ftp://x",
            "https://",
            "https://x/finesse",
            "https://u:p@x",
            "https://x:0",
            "https://x:99999",
        ] {
            let err = normalize_url("url", bad).unwrap_err();
            assert!(err.to_string().contains("`url`"), "{bad}: {err}");
        }
    }

    #[test]
    fn debug_never_shows_secrets() {
        let config = Config::builder("fin-a")
            .basic_auth("1001", "hunter2")
            .build()
            .unwrap();
        assert!(!format!("{config:?}").contains("hunter2"));
        let config = Config::builder("fin-a")
            .bearer_token("1001", "tok-abc")
            .build()
            .unwrap();
        assert!(!format!("{config:?}").contains("tok-abc"));
    }
}
