//! BOSH (XEP-0124) carrying XMPP (XEP-0206): the stream travels in `<body>` documents of HTTP
//! POSTs. A poller thread keeps one request held by the server, so that what the server has
//! arrives at once; stanzas the session sends go in requests of their own (the server answers
//! the held one when a second arrives, `hold="1"`). Every answer's elements reach the session
//! through one channel.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use super::{Link, TICK};
use crate::error::Error;
use crate::notification_url::Parts;
use crate::session::Target;
use crate::xmpp::bosh::{self, Body};
use crate::xmpp::{Condition, Frame};

/// Largest response body accepted: a server may batch a burst of notifications (a team's
/// agents all changing state) into one answer.
const MAX_BODY_BYTES: u64 = 8 * 1024 * 1024;

/// What the session and the poller share.
struct Channel {
    agent: ureq::Agent,
    url: String,
    /// The next request id (XEP-0124 §14: each request takes the next one).
    rid: AtomicU64,
    /// Set when the link is closed: the poller stops after its request returns.
    stopped: AtomicBool,
}

pub(crate) struct BoshLink {
    channel: Arc<Channel>,
    sid: Option<String>,
    domain: String,
    frames: mpsc::Receiver<Result<Frame, Error>>,
    sender: mpsc::Sender<Result<Frame, Error>>,
}

impl BoshLink {
    /// Prepares the HTTP client; nothing is sent before the stream is opened.
    pub(crate) fn connect(parts: &Parts, target: &Target) -> Result<BoshLink, Error> {
        let scheme = if parts.tls { "https" } else { "http" };
        let url = format!("{scheme}://{}:{}{}", parts.host, parts.port, parts.path);
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_connect(Some(target.timeout))
            // A held request returns within the wait the server agreed to.
            .timeout_global(Some(
                Duration::from_secs(bosh::WAIT_SECONDS) + target.timeout,
            ))
            .tls_config(target.http_tls.clone())
            .user_agent(concat!("finesse-client/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        let (sender, frames) = mpsc::channel();
        Ok(BoshLink {
            channel: Arc::new(Channel {
                agent,
                url,
                rid: AtomicU64::new(u64::from(uuid::Uuid::new_v4().as_u128() as u32)),
                stopped: AtomicBool::new(false),
            }),
            sid: None,
            domain: String::new(),
            frames,
            sender,
        })
    }

    /// Sends one body and passes on what its answer carries.
    fn post(&self, body: String) -> Result<(), Error> {
        let answer = self.channel.post(body)?;
        deliver(&self.sender, &self.channel.url, answer)
    }
}

impl Channel {
    fn next_rid(&self) -> u64 {
        self.rid.fetch_add(1, Ordering::SeqCst)
    }

    fn post(&self, body: String) -> Result<Body, Error> {
        let url = &self.url;
        let mut response = self
            .agent
            .post(url)
            .header("Content-Type", "text/xml; charset=utf-8")
            .send(body)
            .map_err(|e| http_error(url, e))?;
        let status = response.status().as_u16();
        if status != 200 {
            // 404 before a session: no BOSH here (Finesse 12.6 may have it off); after: the
            // server forgot the session (XEP-0124 §17.1 answers 404 for an unknown sid).
            return Err(Error::transport(format!("no BOSH session here (HTTP {status})")).at(url));
        }
        let text = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY_BYTES)
            .read_to_string()
            .map_err(|e| http_error(url, e))?;
        bosh::parse_body(&text)
            .map_err(|e| Error::transport(format!("malformed BOSH response: {e}")).at(url))
    }
}

/// Passes a body's elements to the session; a termination ends the link.
fn deliver(
    sender: &mpsc::Sender<Result<Frame, Error>>,
    url: &str,
    body: Body,
) -> Result<(), Error> {
    for frame in body.frames {
        let _ = sender.send(Ok(frame));
    }
    match body.terminate {
        // XEP-0206 §7: a stream error travels inside the terminating body; the condition on
        // the body itself is BOSH's own (XEP-0124 §17.2).
        Some(condition) if !condition.is_empty() => {
            let _ = sender.send(Ok(Frame::StreamError(Condition {
                name: condition,
                text: Some(format!("BOSH session at {url} terminated")),
            })));
            Ok(())
        }
        Some(_) => {
            let _ = sender.send(Ok(Frame::Close));
            Ok(())
        }
        None => Ok(()),
    }
}

/// Keeps one request held by the server until the link is closed or fails.
fn poll(channel: Arc<Channel>, sid: String, sender: mpsc::Sender<Result<Frame, Error>>) {
    while !channel.stopped.load(Ordering::SeqCst) {
        let rid = channel.next_rid();
        let result = channel.post(bosh::request(rid, &sid, "")).and_then(|body| {
            let ended = body.terminate.is_some();
            deliver(&sender, &channel.url, body).map(|()| ended)
        });
        match result {
            Ok(false) => {}
            Ok(true) => return,
            Err(e) => {
                if !channel.stopped.load(Ordering::SeqCst) {
                    let _ = sender.send(Err(e));
                }
                return;
            }
        }
    }
}

impl Link for BoshLink {
    fn open_stream(&mut self, domain: &str) -> Result<(), Error> {
        let rid = self.channel.next_rid();
        match &self.sid {
            None => {
                self.domain = domain.to_owned();
                let answer = self.channel.post(bosh::create(rid, domain))?;
                let sid = answer.sid.clone().ok_or_else(|| {
                    Error::transport("the BOSH session has no sid").at(&self.channel.url)
                })?;
                deliver(&self.sender, &self.channel.url, answer)?;
                let (channel, sender, poll_sid) =
                    (self.channel.clone(), self.sender.clone(), sid.clone());
                std::thread::Builder::new()
                    .name("finesse-bosh".to_owned())
                    .spawn(move || poll(channel, poll_sid, sender))
                    .map_err(|e| Error::transport("cannot start the BOSH poller").caused_by(e))?;
                self.sid = Some(sid);
                Ok(())
            }
            Some(sid) => self.post(bosh::restart(rid, sid, &self.domain)),
        }
    }

    fn send(&mut self, stanza: &str) -> Result<(), Error> {
        let sid = self.sid.as_deref().unwrap_or_default();
        let rid = self.channel.next_rid();
        self.post(bosh::request(rid, sid, stanza))
    }

    fn read(&mut self) -> Result<Option<Frame>, Error> {
        match self.frames.recv_timeout(TICK) {
            Ok(frame) => frame.map(Some),
            Err(_) => Ok(None),
        }
    }

    fn close(&mut self, last: &str) {
        self.channel.stopped.store(true, Ordering::SeqCst);
        if let Some(sid) = &self.sid {
            let rid = self.channel.next_rid();
            let _ = self.channel.post(bosh::terminate(rid, sid, last));
        }
    }
}

impl Drop for BoshLink {
    /// The poller stops when its held request returns (at most the wait agreed on).
    fn drop(&mut self) {
        self.channel.stopped.store(true, Ordering::SeqCst);
    }
}

fn http_error(url: &str, e: ureq::Error) -> Error {
    match e {
        ureq::Error::Io(io) => super::socket::io_error(url, io),
        ureq::Error::Timeout(_) => Error::timeout("BOSH request").at(url),
        ureq::Error::Tls(m) => Error::tls(m).at(url),
        ureq::Error::Rustls(e) => Error::tls(e.to_string()).at(url).caused_by(e),
        other => Error::transport(other.to_string()).at(url).caused_by(other),
    }
}
