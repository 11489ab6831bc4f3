//! A raw XMPP-over-WebSocket client for the notification tests: frames are written and
//! read as text, the way a client library would put them on the wire.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine as _;
use finesse_emulator::Emulator;
use rustls::pki_types::{CertificateDer, ServerName, pem::PemObject};
use tungstenite::client::IntoClientRequest;
use tungstenite::http::HeaderValue;
use tungstenite::{Error, Message, WebSocket};

pub const FRAMING: &str = "urn:ietf:params:xml:ns:xmpp-framing";

pub trait Duplex: Read + Write + Send {}
impl<T: Read + Write + Send> Duplex for T {}

/// One published Update, as a client decodes it from a pub-sub event message.
#[derive(Debug)]
pub struct Event {
    pub node: String,
    pub update: String,
    pub message_id: String,
    pub to: String,
}

impl Event {
    /// Text of the first `<name>` element of the Update.
    pub fn field(&self, name: &str) -> Option<String> {
        super::field(&self.update, name)
    }
}

pub struct Xmpp {
    ws: WebSocket<Box<dyn Duplex>>,
    tcp: TcpStream,
    pub jid: String,
}

fn tls_stream(tcp: TcpStream, ca_pem: &str) -> Box<dyn Duplex> {
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(ca_pem.as_bytes()) {
        roots.add(cert.expect("CA PEM")).expect("CA added");
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    let name = ServerName::try_from("127.0.0.1").expect("server name");
    let conn = rustls::ClientConnection::new(Arc::new(config), name).expect("TLS client");
    Box::new(rustls::StreamOwned::new(conn, tcp))
}

/// Upgrades a connection to the notification URL, offering `protocol` when given; returns
/// the connection and the subprotocol the server chose.
pub fn upgrade(
    emulator: &Emulator,
    protocol: Option<&str>,
) -> Result<(Xmpp, Option<String>), Error> {
    upgrade_url(emulator, &emulator.notification_url(), protocol)
}

/// As [`upgrade`], to any of the emulator's WebSocket URLs.
pub fn upgrade_url(
    emulator: &Emulator,
    url: &str,
    protocol: Option<&str>,
) -> Result<(Xmpp, Option<String>), Error> {
    let address = url
        .split("://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("host:port");
    let tcp = TcpStream::connect(address).expect("notification port reachable");
    tcp.set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    let raw = tcp.try_clone().expect("clone");
    let stream: Box<dyn Duplex> = if url.starts_with("wss://") {
        tls_stream(tcp.try_clone().expect("clone"), &emulator.ca_pem())
    } else {
        Box::new(tcp.try_clone().expect("clone"))
    };
    let mut request = url.into_client_request().expect("request");
    if let Some(p) = protocol {
        request.headers_mut().insert(
            "Sec-WebSocket-Protocol",
            HeaderValue::from_str(p).expect("header"),
        );
    }
    match tungstenite::client::client(request, stream) {
        Ok((ws, response)) => {
            let echoed = response
                .headers()
                .get("Sec-WebSocket-Protocol")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            let x = Xmpp {
                ws,
                tcp: raw,
                jid: String::new(),
            };
            Ok((x, echoed))
        }
        Err(tungstenite::HandshakeError::Failure(e)) => Err(e),
        Err(tungstenite::HandshakeError::Interrupted(_)) => panic!("blocking handshake"),
    }
}

/// SASL PLAIN payload for `login_id` and `secret`.
pub fn plain(login_id: &str, secret: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("\0{login_id}\0{secret}"))
}

pub fn open_frame() -> String {
    format!(r#"<open xmlns="{FRAMING}" to="localhost" version="1.0"/>"#)
}

pub fn auth_frame(login_id: &str, secret: &str) -> String {
    format!(
        r#"<auth xmlns="urn:ietf:params:xml:ns:xmpp-sasl" mechanism="PLAIN">{}</auth>"#,
        plain(login_id, secret)
    )
}

impl Xmpp {
    /// Connects and upgrades with the `xmpp` subprotocol.
    pub fn connect(emulator: &Emulator) -> Xmpp {
        let (x, echoed) = upgrade(emulator, Some("xmpp")).expect("upgrade");
        assert_eq!(echoed.as_deref(), Some("xmpp"));
        x
    }

    /// The whole sign-in: open, SASL PLAIN, re-open, bind, session, then available presence
    /// and Finesse's presence back.
    pub fn sign_in(emulator: &Emulator, login_id: &str, resource: &str) -> Xmpp {
        let mut x = Xmpp::connect(emulator);
        x.authenticate(login_id, &format!("secret{login_id}"));
        x.bind(resource);
        x.available();
        x
    }

    /// Opens the stream and authenticates; panics unless SASL succeeds.
    pub fn authenticate(&mut self, login_id: &str, secret: &str) {
        self.send(&open_frame());
        assert!(self.recv().starts_with("<open "));
        assert!(self.recv().contains("<mechanism>PLAIN</mechanism>"));
        self.send(&auth_frame(login_id, secret));
        let answer = self.recv();
        assert_eq!(
            answer, r#"<success xmlns="urn:ietf:params:xml:ns:xmpp-sasl"/>"#,
            "SASL for {login_id}"
        );
    }

    /// Re-opens the stream, binds `resource` and establishes the session.
    pub fn bind(&mut self, resource: &str) {
        self.send(&open_frame());
        assert!(self.recv().starts_with("<open "));
        let features = self.recv();
        assert!(features.contains(r#"<bind xmlns="urn:ietf:params:xml:ns:xmpp-bind"/>"#));
        self.send(&format!(
            r#"<iq xmlns="jabber:client" type="set" id="bind_1"><bind xmlns="urn:ietf:params:xml:ns:xmpp-bind"><resource>{resource}</resource></bind></iq>"#
        ));
        let bound = self.recv();
        self.jid = super::field(&bound, "jid").expect("bound JID");
        self.send(r#"<iq xmlns="jabber:client" type="set" id="session_1"><session xmlns="urn:ietf:params:xml:ns:xmpp-session"/></iq>"#);
        assert_eq!(
            self.recv(),
            r#"<iq xmlns="jabber:client" type="result" id="session_1"/>"#
        );
    }

    /// Sends the initial presence and expects Finesse's own presence back.
    pub fn available(&mut self) {
        self.send(r#"<presence xmlns="jabber:client"><priority>0</priority></presence>"#);
        let presence = self.recv();
        assert_eq!(
            presence,
            format!(
                r#"<presence xmlns="jabber:client" from="finesse@localhost/finesse" to="{}"/>"#,
                self.jid
            )
        );
    }

    /// Subscribes the session's bare JID to a pub-sub node; returns the server's answer.
    pub fn subscribe(&mut self, node: &str) -> String {
        let bare = self.jid.split('/').next().unwrap_or_default().to_owned();
        self.send(&format!(
            r#"<iq xmlns="jabber:client" type="set" id="sub" to="pubsub.localhost"><pubsub xmlns="http://jabber.org/protocol/pubsub"><subscribe node="{node}" jid="{bare}"/></pubsub></iq>"#
        ));
        self.recv()
    }

    pub fn send(&mut self, frame: &str) {
        self.ws
            .send(Message::text(frame.to_owned()))
            .expect("frame sent");
    }

    /// The next text frame; panics after five seconds or when the connection ends.
    pub fn recv(&mut self) -> String {
        self.recv_within(Duration::from_secs(5))
            .expect("a frame within five seconds")
    }

    /// The next text frame within `limit`; `None` on timeout.
    pub fn recv_within(&mut self, limit: Duration) -> Option<String> {
        self.tcp.set_read_timeout(Some(limit)).expect("timeout");
        loop {
            match self.ws.read() {
                Ok(Message::Text(t)) => return Some(t.to_string()),
                Ok(Message::Close(_)) => panic!("the server closed the WebSocket"),
                Ok(_) => continue,
                Err(Error::Io(e))
                    if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) =>
                {
                    return None;
                }
                Err(e) => panic!("connection failed: {e}"),
            }
        }
    }

    /// Reads until the WebSocket closes; returns the text frames read and whether the
    /// server sent a close frame (false: the connection was dropped).
    pub fn read_to_end(&mut self) -> (Vec<String>, bool) {
        self.tcp
            .set_read_timeout(Some(Duration::from_secs(5)))
            .expect("timeout");
        let mut frames = Vec::new();
        loop {
            match self.ws.read() {
                Ok(Message::Text(t)) => frames.push(t.to_string()),
                Ok(Message::Close(_)) => {
                    // Completes the closing handshake.
                    while self.ws.read().is_ok() {}
                    return (frames, true);
                }
                Ok(_) => {}
                Err(Error::ConnectionClosed) => return (frames, true),
                Err(Error::Io(e))
                    if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) =>
                {
                    panic!("the connection stayed open");
                }
                Err(_) => return (frames, false),
            }
        }
    }

    /// The next pub-sub event, skipping other frames; `None` after `limit`.
    pub fn next_event(&mut self, limit: Duration) -> Option<Event> {
        let deadline = Instant::now() + limit;
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let frame = self.recv_within(left.max(Duration::from_millis(1)))?;
            if let Some(event) = decode_event(&frame) {
                return Some(event);
            }
        }
    }

    /// Pub-sub events until none arrives for `quiet`.
    pub fn events_until_quiet(&mut self, quiet: Duration) -> Vec<Event> {
        let mut events = Vec::new();
        while let Some(e) = self.next_event(quiet) {
            events.push(e);
        }
        events
    }

    /// Sends a ping; returns the answer, if any within `limit`.
    pub fn ping(&mut self, id: &str, limit: Duration) -> Option<String> {
        self.send(&format!(
            r#"<iq xmlns="jabber:client" type="get" id="{id}" to="localhost"><ping xmlns="urn:xmpp:ping"/></iq>"#
        ));
        let deadline = Instant::now() + limit;
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let frame = self.recv_within(left.max(Duration::from_millis(1)))?;
            if frame.contains(&format!(r#"id="{id}""#)) {
                return Some(frame);
            }
        }
    }

    /// The raw TCP connection under the WebSocket.
    pub fn tcp(&self) -> &TcpStream {
        &self.tcp
    }
}

/// Decodes a pub-sub event message into its node and (unescaped) Update.
pub fn decode_event(frame: &str) -> Option<Event> {
    let doc = roxmltree::Document::parse(frame).ok()?;
    let message = doc.root_element();
    if message.tag_name().name() != "message" {
        return None;
    }
    let items = message.descendants().find(|n| n.has_tag_name("items"))?;
    let notification = items
        .descendants()
        .find(|n| n.has_tag_name("notification"))?;
    Some(Event {
        node: items.attribute("node")?.to_owned(),
        update: notification.text().unwrap_or_default().to_owned(),
        message_id: message.attribute("id").unwrap_or_default().to_owned(),
        to: message.attribute("to").unwrap_or_default().to_owned(),
    })
}
