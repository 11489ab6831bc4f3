//! One notification connection: TCP, TLS, the WebSocket upgrade, and the XMPP sign-in.

use std::io::{self, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rustls::pki_types::ServerName;
use tungstenite::protocol::WebSocketConfig;
use tungstenite::{Message, WebSocket};

use crate::error::{ApiFailure, Error};
use crate::model::ApiError;
use crate::notification_url;
use crate::xmpp::{self, Frame};

/// How long a read waits before the session loop looks at its timers and requests.
pub(crate) const TICK: Duration = Duration::from_millis(50);
/// Largest frame accepted from the server.
const MAX_FRAME_BYTES: usize = 1024 * 1024;

/// Where and as whom to connect.
pub(crate) struct Target {
    /// `wss://host:port/path` or `ws://…`.
    pub(crate) url: String,
    /// The XMPP domain (SystemInfo `xmppDomain`).
    pub(crate) domain: String,
    /// The agent id: the JID's local part and the SASL user.
    pub(crate) login_id: String,
    /// The password (or SSO token).
    pub(crate) secret: String,
    /// The resource to bind.
    pub(crate) resource: String,
    /// TLS settings, for `wss`.
    pub(crate) tls: Arc<rustls::ClientConfig>,
    /// Limit for connecting and each sign-in step.
    pub(crate) timeout: Duration,
}

/// The byte stream under the WebSocket.
pub(crate) enum Stream {
    Plain(TcpStream),
    Tls(Box<rustls::StreamOwned<rustls::ClientConnection, TcpStream>>),
}

impl Stream {
    fn tcp(&self) -> &TcpStream {
        match self {
            Stream::Plain(s) => s,
            Stream::Tls(s) => s.get_ref(),
        }
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Stream::Plain(s) => s.read(buf),
            Stream::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stream::Plain(s) => s.write(buf),
            Stream::Tls(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Stream::Plain(s) => s.flush(),
            Stream::Tls(s) => s.flush(),
        }
    }
}

/// A signed-in notification connection.
pub(crate) struct Connection {
    ws: WebSocket<Stream>,
    /// The full JID bound.
    pub(crate) jid: String,
}

impl Connection {
    /// Connects and signs in: stream, SASL PLAIN, bind, session, presence.
    pub(crate) fn open(target: &Target) -> Result<Connection, Error> {
        let deadline = Instant::now() + target.timeout;
        let notification_url::Parts {
            tls,
            host,
            port,
            path,
        } = notification_url::parse("notification_url", &target.url)?;
        let scheme = if tls { "wss" } else { "ws" };
        let tcp = connect_tcp(&host, port, target.timeout)?;
        tcp.set_read_timeout(Some(target.timeout))
            .and_then(|()| tcp.set_write_timeout(Some(target.timeout)))
            .and_then(|()| tcp.set_nodelay(true))
            .map_err(|e| transport(&target.url, &e))?;
        let stream = if tls {
            let name = ServerName::try_from(host.trim_matches(['[', ']']).to_owned())
                .map_err(|e| Error::invalid("notification_url", e.to_string()))?;
            let conn = rustls::ClientConnection::new(target.tls.clone(), name).map_err(|e| {
                Error::Tls {
                    message: e.to_string(),
                }
            })?;
            Stream::Tls(Box::new(rustls::StreamOwned::new(conn, tcp)))
        } else {
            Stream::Plain(tcp)
        };
        let request = tungstenite::http::Request::builder()
            .uri(format!("{scheme}://{host}:{port}{path}"))
            .header("Host", format!("{host}:{port}"))
            .header("Connection", "Upgrade")
            .header("Upgrade", "websocket")
            .header("Sec-WebSocket-Version", "13")
            .header(
                "Sec-WebSocket-Key",
                tungstenite::handshake::client::generate_key(),
            )
            .header("Sec-WebSocket-Protocol", "xmpp")
            .body(())
            .map_err(|e| Error::invalid("notification_url", e.to_string()))?;
        // Notifications are a few KiB: small buffers keep an idle session light; larger
        // frames still arrive, in several reads.
        let ws_config = WebSocketConfig::default()
            .read_buffer_size(16 * 1024)
            .write_buffer_size(0)
            .max_message_size(Some(MAX_FRAME_BYTES))
            .max_frame_size(Some(MAX_FRAME_BYTES));
        let (ws, _) = tungstenite::client::client_with_config(request, stream, Some(ws_config))
            .map_err(|e| match e {
                tungstenite::HandshakeError::Failure(e) => ws_error(&target.url, e),
                tungstenite::HandshakeError::Interrupted(_) => {
                    Error::timeout(format!("WebSocket upgrade at {}", target.url))
                }
            })?;
        let mut conn = Connection {
            ws,
            jid: String::new(),
        };
        conn.sign_in(target, deadline)?;
        conn.ws
            .get_ref()
            .tcp()
            .set_read_timeout(Some(TICK))
            .map_err(|e| transport(&target.url, &e))?;
        Ok(conn)
    }

    fn sign_in(&mut self, target: &Target, deadline: Instant) -> Result<(), Error> {
        self.send(&xmpp::open(&target.domain))?;
        match self.expect_features(deadline)? {
            Frame::Features { plain: true, .. } => {}
            _ => return Err(refused("the server does not offer SASL PLAIN")),
        }
        self.send(&xmpp::auth_plain(&target.login_id, &target.secret))?;
        loop {
            match self.next_frame(deadline)? {
                Frame::Success => break,
                Frame::Failure(condition) => {
                    return Err(Error::Api(Box::new(ApiFailure {
                        status: 401,
                        errors: vec![ApiError {
                            error_type: "Authorization Failure".to_owned(),
                            error_message: format!("notification service: {condition}"),
                            error_data: target.login_id.clone(),
                            ..ApiError::default()
                        }],
                        request_id: None,
                        body_snippet: None,
                        location: None,
                    })));
                }
                _ => {}
            }
        }
        self.send(&xmpp::open(&target.domain))?;
        let Frame::Features { session, .. } = self.expect_features(deadline)? else {
            unreachable!("expect_features returns features")
        };
        self.send(&xmpp::bind("bind_1", &target.resource))?;
        self.jid = self.expect_result("bind_1", deadline)?.unwrap_or_else(|| {
            format!("{}@{}/{}", target.login_id, target.domain, target.resource)
        });
        if session {
            self.send(&xmpp::session("session_1"))?;
            self.expect_result("session_1", deadline)?;
        }
        self.send(&xmpp::presence())
    }

    fn expect_features(&mut self, deadline: Instant) -> Result<Frame, Error> {
        loop {
            match self.next_frame(deadline)? {
                f @ Frame::Features { .. } => return Ok(f),
                Frame::Failure(condition) => {
                    return Err(refused(&format!("stream error {condition}")));
                }
                _ => {}
            }
        }
    }

    fn expect_result(&mut self, id: &str, deadline: Instant) -> Result<Option<String>, Error> {
        loop {
            if let Frame::Iq {
                kind,
                id: got,
                jid,
                error,
                ..
            } = self.next_frame(deadline)?
                && got == id
            {
                return match kind.as_str() {
                    "result" => Ok(jid),
                    _ => Err(refused(&format!(
                        "{id} refused: {}",
                        error.unwrap_or_default()
                    ))),
                };
            }
        }
    }

    /// The next frame during sign-in, waiting until `deadline`.
    fn next_frame(&mut self, deadline: Instant) -> Result<Frame, Error> {
        loop {
            if Instant::now() > deadline {
                return Err(Error::timeout(
                    "signing in to the notification service".to_owned(),
                ));
            }
            if let Some(frame) = self.read()? {
                return Ok(frame);
            }
        }
    }

    /// Reads one frame; `None` when nothing arrived within the read timeout.
    pub(crate) fn read(&mut self) -> Result<Option<Frame>, Error> {
        match self.ws.read() {
            Ok(Message::Text(text)) => {
                xmpp::parse_frame(&text)
                    .map(Some)
                    .map_err(|e| Error::Transport {
                        message: format!("malformed notification frame: {e}"),
                    })
            }
            Ok(Message::Close(_)) => Err(Error::Transport {
                message: "the server closed the WebSocket".to_owned(),
            }),
            Ok(_) => Ok(None),
            Err(tungstenite::Error::Io(e))
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                Ok(None)
            }
            Err(e) => Err(ws_error("the notification service", e)),
        }
    }

    /// Sends one frame.
    pub(crate) fn send(&mut self, frame: &str) -> Result<(), Error> {
        self.ws
            .send(Message::text(frame))
            .map_err(|e| ws_error("the notification service", e))
    }

    /// Says goodbye: unavailable presence, then the stream close. Errors are ignored: the
    /// connection is going away anyway.
    pub(crate) fn close(mut self) {
        let _ = self.send(&xmpp::presence_unavailable());
        let _ = self.send(&xmpp::close());
        let _ = self.ws.close(None);
        let _ = self.ws.flush();
    }
}

fn connect_tcp(host: &str, port: u16, timeout: Duration) -> Result<TcpStream, Error> {
    let addrs = (host.trim_matches(['[', ']']), port)
        .to_socket_addrs()
        .map_err(|e| Error::Transport {
            message: format!("cannot resolve {host}: {e}"),
        })?;
    let mut last = None;
    for addr in addrs {
        match TcpStream::connect_timeout(&addr, timeout) {
            Ok(s) => return Ok(s),
            Err(e) => last = Some(e),
        }
    }
    let e = last.unwrap_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no address"));
    Err(if e.kind() == io::ErrorKind::TimedOut {
        Error::timeout(format!("connecting to {host}:{port}"))
    } else {
        transport(&format!("{host}:{port}"), &e)
    })
}

fn transport(what: &str, e: &io::Error) -> Error {
    Error::Transport {
        message: format!("{what}: {e}"),
    }
}

fn ws_error(what: &str, e: tungstenite::Error) -> Error {
    match e {
        tungstenite::Error::Io(io) => {
            if io
                .get_ref()
                .is_some_and(|inner| inner.downcast_ref::<rustls::Error>().is_some())
            {
                Error::Tls {
                    message: io.to_string(),
                }
            } else if matches!(
                io.kind(),
                io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
            ) {
                Error::timeout(format!("{what}: {io}"))
            } else {
                transport(what, &io)
            }
        }
        tungstenite::Error::Tls(e) => Error::Tls {
            message: e.to_string(),
        },
        other => Error::Transport {
            message: format!("{what}: {other}"),
        },
    }
}

fn refused(why: &str) -> Error {
    Error::Transport {
        message: format!("notification service: {why}"),
    }
}
