//! One notification connection: the transport, then the XMPP sign-in (SASL PLAIN, resource
//! binding, session, presence), the same on every transport.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::link::{self, Link, next_frame, refusal};
use crate::config::Secret;
use crate::error::Error;
use crate::token::Tokens;
use crate::xmpp::{self, Condition, Frame};

/// Where and as whom to connect.
#[derive(Clone)]
pub(crate) struct Target {
    /// The notification URL; its scheme names the transport (see `notification_url`).
    pub(crate) url: String,
    /// The XMPP domain (SystemInfo `xmppDomain`).
    pub(crate) domain: String,
    /// The agent id: the JID's local part and the SASL user.
    pub(crate) login_id: String,
    /// The password or SSO token.
    pub(crate) secret: SignInSecret,
    /// The resource to bind.
    pub(crate) resource: String,
    /// TLS settings for WebSocket and TCP.
    pub(crate) tls: Arc<rustls::ClientConfig>,
    /// The same trust, for BOSH's HTTP client.
    pub(crate) http_tls: ureq::tls::TlsConfig,
    /// Limit for connecting and each sign-in step.
    pub(crate) timeout: Duration,
}

/// What the session signs in with.
#[derive(Clone)]
pub(crate) enum SignInSecret {
    /// A password or a fixed token.
    Fixed(Secret),
    /// The client's tokens from the application's provider, as REST uses them.
    Tokens(Arc<Tokens>),
}

impl Target {
    /// The same target at another URL.
    pub(crate) fn at(&self, url: &str) -> Target {
        Target {
            url: url.to_owned(),
            ..self.clone()
        }
    }
}

/// A signed-in notification connection.
pub(crate) struct Connection {
    link: Box<dyn Link>,
    /// The full JID bound.
    pub(crate) jid: String,
}

impl Connection {
    /// Connects and signs in: stream, SASL PLAIN, bind, session, presence. With tokens from
    /// a provider, a token the service rejects is renewed once, and tried once more if the
    /// provider gave a new one.
    pub(crate) fn open(target: &Target) -> Result<Connection, Error> {
        match &target.secret {
            SignInSecret::Fixed(secret) => Self::open_with(target, secret),
            SignInSecret::Tokens(tokens) => {
                let token = tokens.current()?;
                match Self::open_with(target, &token) {
                    Err(Error::Refused(refusal)) if refusal.is_authentication() => {
                        match tokens.renew_after_rejection(&token)? {
                            Some(fresh) => Self::open_with(target, &fresh),
                            None => Err(Error::Refused(refusal)),
                        }
                    }
                    result => result,
                }
            }
        }
    }

    fn open_with(target: &Target, secret: &Secret) -> Result<Connection, Error> {
        log::debug!("connecting to the notification service at {}", target.url);
        let deadline = Instant::now() + target.timeout;
        let mut link = link::connect(target, deadline)?;
        let jid = sign_in(link.as_mut(), target, secret, deadline)?;
        log::debug!("signed in to {} as {jid}", target.url);
        Ok(Connection { link, jid })
    }

    /// Reads one element; `None` when nothing arrived within a tick.
    pub(crate) fn read(&mut self) -> Result<Option<Frame>, Error> {
        self.link.read()
    }

    /// Waits until input arrives on the link's socket, `waker` is notified (a request of the
    /// application), or `deadline` passes; whether input arrived. A link without a socket
    /// (BOSH) has its reads wait instead: true at once.
    pub(crate) fn wait_for_input(
        &self,
        waker: &polling::Poller,
        deadline: Instant,
    ) -> Result<bool, Error> {
        let Some(socket) = self.link.socket() else {
            return Ok(true);
        };
        let timeout = deadline.saturating_duration_since(Instant::now());
        let mut events = polling::Events::new();
        let io = |e: std::io::Error| Error::transport("cannot wait on the socket").caused_by(e);
        // SAFETY: the socket is deleted from the poller below, before this borrow ends.
        unsafe { waker.add(socket, polling::Event::readable(0)) }.map_err(io)?;
        let waited = waker.wait(&mut events, Some(timeout));
        let deleted = waker.delete(socket);
        waited.map_err(io)?;
        deleted.map_err(io)?;
        Ok(events.iter().any(|event| event.readable))
    }

    /// Sends one element.
    pub(crate) fn send(&mut self, frame: &str) -> Result<(), Error> {
        self.link.send(frame)
    }

    /// Says goodbye: unavailable presence, then the end of the stream. Errors are ignored:
    /// the connection is going away anyway.
    pub(crate) fn close(mut self) {
        self.link.close(&xmpp::presence_unavailable());
    }
}

fn sign_in(
    link: &mut dyn Link,
    target: &Target,
    secret: &Secret,
    deadline: Instant,
) -> Result<String, Error> {
    let url = target.url.as_str();
    link.open_stream(&target.domain)?;
    let Features { plain, .. } = expect_features(link, url, deadline)?;
    if !plain {
        return Err(refusal(
            url,
            "sign-in",
            Condition {
                name: "invalid-mechanism".to_owned(),
                text: Some("the server does not offer SASL PLAIN".to_owned()),
            },
            None,
        ));
    }
    link.send_secret(&xmpp::auth_plain(&target.login_id, secret.expose()))?;
    loop {
        match next_frame(link, deadline)? {
            Frame::Success => break,
            Frame::SaslFailure(condition) => {
                return Err(refusal(url, "sign-in", condition, None));
            }
            other => ended(url, other)?,
        }
    }
    link.open_stream(&target.domain)?;
    let Features { session, .. } = expect_features(link, url, deadline)?;
    link.send(&xmpp::bind("bind_1", &target.resource))?;
    let jid = expect_result(link, url, "bind_1", "bind", deadline)?
        .unwrap_or_else(|| format!("{}@{}/{}", target.login_id, target.domain, target.resource));
    if session {
        link.send(&xmpp::session("session_1"))?;
        expect_result(link, url, "session_1", "session", deadline)?;
    }
    link.send(&xmpp::presence())?;
    Ok(jid)
}

/// What the stream features offer.
struct Features {
    plain: bool,
    session: bool,
}

fn expect_features(link: &mut dyn Link, url: &str, deadline: Instant) -> Result<Features, Error> {
    loop {
        match next_frame(link, deadline)? {
            Frame::Features { plain, session, .. } => return Ok(Features { plain, session }),
            other => ended(url, other)?,
        }
    }
}

/// Waits for the answer to the IQ `id`; an error answer is a refusal of `operation`.
fn expect_result(
    link: &mut dyn Link,
    url: &str,
    id: &str,
    operation: &str,
    deadline: Instant,
) -> Result<Option<String>, Error> {
    loop {
        match next_frame(link, deadline)? {
            Frame::Iq {
                kind,
                id: got,
                jid,
                error,
                ..
            } if got == id => {
                return match kind.as_str() {
                    "result" => Ok(jid),
                    _ => Err(refusal(
                        url,
                        operation,
                        Condition {
                            name: error.unwrap_or_else(|| "undefined-condition".to_owned()),
                            text: None,
                        },
                        None,
                    )),
                };
            }
            other => ended(url, other)?,
        }
    }
}

/// During sign-in: an error when `frame` ends the stream, else nothing (it is ignored).
fn ended(url: &str, frame: Frame) -> Result<(), Error> {
    match frame {
        Frame::StreamError(condition) => Err(refusal(url, "stream", condition, None)),
        Frame::Close => {
            Err(Error::transport("the server closed the stream during sign-in").at(url))
        }
        _ => Ok(()),
    }
}

/// Connects to the first of `urls` that offers its transport, trying the next only when one
/// is not offered (not reachable, no such path, no answer); any other failure (rejected
/// credentials, an untrusted certificate) ends the search. Returns the target at the URL that
/// answered.
pub(crate) fn connect_first(
    target: &Target,
    urls: &[String],
) -> Result<(Target, Connection), Error> {
    let mut failures = Vec::new();
    for url in urls {
        let at = target.at(url);
        match Connection::open(&at) {
            Ok(connection) => return Ok((at, connection)),
            Err(e)
                if urls.len() > 1
                    && matches!(e, Error::Transport { .. } | Error::Timeout { .. }) =>
            {
                log::debug!("no notification transport at {url}: {e}");
                failures.push(e.to_string())
            }
            Err(e) => return Err(e),
        }
    }
    Err(Error::transport(format!(
        "no notification transport answered: {}",
        failures.join("; ")
    )))
}
