//! XMPP over WebSocket (RFC 7395): one XML element per text frame, the stream opened and
//! closed by `<open/>` and `<close/>`.

use std::io::Write;
use std::time::Duration;

use tungstenite::protocol::WebSocketConfig;
use tungstenite::protocol::frame::coding::{Data, OpCode};
use tungstenite::{Message, WebSocket};

use super::socket::{self, Stream};
use super::{Link, TICK};
use crate::error::Error;
use crate::notification_url::Parts;
use crate::session::Target;
use crate::xmpp::{self, Frame};

/// Largest frame accepted from the server.
const MAX_FRAME_BYTES: usize = 1024 * 1024;

pub(crate) struct WebSocketLink {
    ws: WebSocket<Stream>,
    url: String,
}

impl WebSocketLink {
    /// Connects and upgrades to a WebSocket with the `xmpp` subprotocol.
    pub(crate) fn connect(parts: &Parts, target: &Target) -> Result<WebSocketLink, Error> {
        let Parts {
            tls,
            host,
            port,
            path,
            ..
        } = parts;
        let url = &target.url;
        let tcp = socket::connect(host, *port, target.timeout)?;
        let stream = if *tls {
            socket::start_tls(tcp, host, &target.tls)?
        } else {
            Stream::Plain(tcp)
        };
        let scheme = if *tls { "wss" } else { "ws" };
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
                tungstenite::HandshakeError::Failure(e) => ws_error(url, e),
                tungstenite::HandshakeError::Interrupted(_) => {
                    Error::timeout("WebSocket upgrade").at(url)
                }
            })?;
        set_read_timeout(&ws, url, TICK)?;
        Ok(WebSocketLink {
            ws,
            url: url.clone(),
        })
    }
}

impl Link for WebSocketLink {
    fn open_stream(&mut self, domain: &str) -> Result<(), Error> {
        self.send(&xmpp::open(domain))
    }

    fn send(&mut self, stanza: &str) -> Result<(), Error> {
        self.ws
            .send(Message::text(stanza))
            .map_err(|e| ws_error(&self.url, e))
    }

    /// tungstenite logs every frame it writes, payload included, at TRACE: the sign-in frame
    /// (base64 of the password) is framed here and written under it instead.
    fn send_secret(&mut self, stanza: &str) -> Result<(), Error> {
        let mut frame = tungstenite::protocol::frame::Frame::message(
            stanza.as_bytes().to_vec(),
            OpCode::Data(Data::Text),
            true,
        );
        // RFC 6455 §5.3: a client masks every frame with an unpredictable key.
        let random = uuid::Uuid::new_v4();
        let mask = &random.as_bytes()[..4];
        frame.header_mut().mask = Some([mask[0], mask[1], mask[2], mask[3]]);
        let mut bytes = Vec::with_capacity(stanza.len() + 14);
        frame
            .format(&mut bytes)
            .map_err(|e| ws_error(&self.url, e))?;
        let stream = self.ws.get_mut();
        stream
            .write_all(&bytes)
            .and_then(|()| stream.flush())
            .map_err(|e| socket::io_error(&self.url, e))
    }

    fn socket(&self) -> Option<&std::net::TcpStream> {
        Some(self.ws.get_ref().tcp())
    }

    fn read(&mut self) -> Result<Option<Frame>, Error> {
        match self.ws.read() {
            Ok(Message::Text(text)) => xmpp::parse_frame(&text).map(Some).map_err(|e| {
                Error::transport(format!("malformed notification frame: {e}")).at(&self.url)
            }),
            // RFC 7395 §3.6: a WebSocket close without an XMPP `<close/>` first.
            Ok(Message::Close(_)) => {
                Err(Error::transport("the server closed the WebSocket").at(&self.url))
            }
            Ok(_) => Ok(None),
            Err(tungstenite::Error::Io(e)) if socket::is_idle(&e) => Ok(None),
            Err(e) => Err(ws_error(&self.url, e)),
        }
    }

    fn close(&mut self, last: &str) {
        let _ = self.send(last);
        let _ = self.send(&xmpp::close());
        let _ = self.ws.close(None);
        let _ = self.ws.flush();
    }
}

fn set_read_timeout(ws: &WebSocket<Stream>, url: &str, timeout: Duration) -> Result<(), Error> {
    ws.get_ref()
        .tcp()
        .set_read_timeout(Some(timeout))
        .map_err(|e| socket::io_error(url, e))
}

fn ws_error(url: &str, e: tungstenite::Error) -> Error {
    match e {
        tungstenite::Error::Io(io) => socket::io_error(url, io),
        tungstenite::Error::Tls(e) => Error::tls(e.to_string()).at(url).caused_by(e),
        // The server answered the upgrade with an HTTP error: no WebSocket there (a 404 on
        // Finesse 11.x, which has none).
        tungstenite::Error::Http(response) => Error::transport(format!(
            "no XMPP over WebSocket here (HTTP {})",
            response.status()
        ))
        .at(url),
        other => Error::transport(other.to_string()).at(url).caused_by(other),
    }
}
