//! A notification service answering from memory: XMPP over WebSocket on loopback, just enough
//! of it for the client to sign in (SASL PLAIN, bind, session, presence), after which it
//! writes whole bursts of prepared pub-sub messages with one call each. Its own cost is a
//! copy into the socket, so the rate measured is the client's.

use std::io::{self, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, mpsc};
use std::thread::JoinHandle;

use tungstenite::handshake::server::{Callback, ErrorResponse, Request, Response};
use tungstenite::http::HeaderValue;
use tungstenite::{Message, WebSocket};

/// The running service: one connection, fed with bursts.
pub struct Stream {
    url: String,
    bursts: Option<mpsc::Sender<Arc<[u8]>>>,
    thread: Option<JoinHandle<io::Result<()>>>,
}

impl Stream {
    /// Listens on an ephemeral loopback port for one client.
    pub fn start() -> io::Result<Stream> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let url = format!("ws://{}/ws", listener.local_addr()?);
        let (bursts, pending) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("bench-xmpp".to_owned())
            .spawn(move || {
                let (tcp, _) = listener.accept()?;
                converse(tcp, &pending)
            })?;
        Ok(Stream {
            url,
            bursts: Some(bursts),
            thread: Some(thread),
        })
    }

    /// The WebSocket URL, `ws://127.0.0.1:PORT/ws`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Writes `bytes` (WebSocket frames, see [`frames`]) once the client is signed in.
    pub fn send(&self, bytes: Arc<[u8]>) {
        if let Some(bursts) = &self.bursts {
            // A stopped service shows as notifications that never arrive.
            let _ = bursts.send(bytes);
        }
    }

    /// Stops after the bursts sent so far, once the client closes; returns what ended the
    /// connection if it was not the client closing it.
    pub fn finish(mut self) -> io::Result<()> {
        self.bursts = None;
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(io::Error::other("the notification service panicked")),
            None => Ok(()),
        }
    }
}

/// `n` pub-sub messages carrying `update_xml` (escaped, as Finesse sends it), as
/// unmasked WebSocket text frames ready to write.
pub fn frames(node: &str, update_xml: &str, n: usize) -> Vec<u8> {
    let mut escaped = String::with_capacity(update_xml.len() * 5 / 4);
    for c in update_xml.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            _ => escaped.push(c),
        }
    }
    let message = format!(
        "<message from=\"pubsub.localhost\" to=\"1001@localhost\" id=\"{node}__1001@localhost__0bE4x\">\
         <event xmlns=\"http://jabber.org/protocol/pubsub#event\"><items node=\"{node}\">\
         <item id=\"6c1f6a9e-3f4b-4f0e-8a55-1d2c3b4a5f60\">\
         <notification xmlns=\"http://jabber.org/protocol/pubsub\">{escaped}</notification>\
         </item></items></event></message>"
    );
    let payload = message.as_bytes();
    let mut frame = vec![0x81u8]; // FIN, text
    match payload.len() {
        len @ 0..=125 => frame.push(len as u8),
        len @ 126..=0xffff => {
            frame.push(126);
            frame.extend_from_slice(&(len as u16).to_be_bytes());
        }
        len => {
            frame.push(127);
            frame.extend_from_slice(&(len as u64).to_be_bytes());
        }
    }
    frame.extend_from_slice(payload);
    frame.repeat(n)
}

/// Signs the client in, then writes each burst as it comes; after the last one, reads until
/// the client leaves.
fn converse(tcp: TcpStream, bursts: &mpsc::Receiver<Arc<[u8]>>) -> io::Result<()> {
    tcp.set_nodelay(true)?;
    let mut ws =
        tungstenite::accept_hdr(tcp, XmppProtocol).map_err(|e| io::Error::other(e.to_string()))?;
    let mut authenticated = false;
    loop {
        let text = match ws.read() {
            Ok(Message::Text(text)) => text,
            Ok(_) => continue,
            // The client closing without a word is not a failure of the service.
            Err(_) => return Ok(()),
        };
        let reply = if text.starts_with("<open") {
            let features = if authenticated {
                "<bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\"/>\
                 <session xmlns=\"urn:ietf:params:xml:ns:xmpp-session\"><optional/></session>"
            } else {
                "<mechanisms xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\">\
                 <mechanism>PLAIN</mechanism></mechanisms>"
            };
            send(
                &mut ws,
                "<open xmlns=\"urn:ietf:params:xml:ns:xmpp-framing\" from=\"localhost\" \
                 id=\"bench\" version=\"1.0\" xml:lang=\"en\"/>",
            )?;
            format!(
                "<stream:features xmlns:stream=\"http://etherx.jabber.org/streams\">\
                 {features}</stream:features>"
            )
        } else if text.starts_with("<auth") {
            authenticated = true;
            "<success xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\"/>".to_owned()
        } else if text.starts_with("<iq") && text.contains("<bind") {
            format!(
                "<iq type=\"result\" id=\"{}\"><bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\">\
                 <jid>1001@localhost/bench</jid></bind></iq>",
                id_of(&text)
            )
        } else if text.starts_with("<iq") {
            // The session request, or a ping: an empty result answers both.
            format!("<iq type=\"result\" id=\"{}\"/>", id_of(&text))
        } else if text.starts_with("<presence") && !text.contains("unavailable") {
            // Signed in: the bursts go out now, behind the WebSocket's back, as frames
            // prepared in advance.
            for burst in bursts.iter() {
                ws.get_mut().write_all(&burst)?;
            }
            continue;
        } else if text.starts_with("<close") {
            send(
                &mut ws,
                "<close xmlns=\"urn:ietf:params:xml:ns:xmpp-framing\"/>",
            )?;
            return Ok(());
        } else {
            continue;
        };
        send(&mut ws, &reply)?;
    }
}

/// Accepts the upgrade with the `xmpp` subprotocol, as Finesse does.
struct XmppProtocol;

impl Callback for XmppProtocol {
    fn on_request(self, _: &Request, mut response: Response) -> Result<Response, ErrorResponse> {
        response
            .headers_mut()
            .insert("Sec-WebSocket-Protocol", HeaderValue::from_static("xmpp"));
        Ok(response)
    }
}

fn send(ws: &mut WebSocket<TcpStream>, text: &str) -> io::Result<()> {
    ws.send(Message::text(text))
        .map_err(|e| io::Error::other(e.to_string()))
}

/// The `id` attribute of a stanza the client sent (it quotes with `"` or `'`).
fn id_of(stanza: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(rest) = stanza.split_once(&format!(" id={quote}")).map(|(_, r)| r)
            && let Some((id, _)) = rest.split_once(quote)
        {
            return id;
        }
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_are_unmasked_text_frames_with_the_escaped_update() {
        let bytes = frames("/n", "<Update>a & b</Update>", 2);
        assert_eq!(bytes.len() % 2, 0);
        let one = &bytes[..bytes.len() / 2];
        assert_eq!(one[0], 0x81);
        let (len, payload) = match one[1] {
            126 => (usize::from(u16::from_be_bytes([one[2], one[3]])), &one[4..]),
            len => (usize::from(len), &one[2..]),
        };
        assert_eq!(len, payload.len());
        let text = std::str::from_utf8(payload).unwrap();
        assert!(text.contains("<items node=\"/n\">"));
        assert!(text.contains(">&lt;Update&gt;a &amp; b&lt;/Update&gt;</notification>"));
    }

    #[test]
    fn stanza_ids_in_either_quotes() {
        assert_eq!(
            id_of("<iq type=\"set\" id=\"bind_1\"><bind/></iq>"),
            "bind_1"
        );
        assert_eq!(id_of("<iq type='get' id='p2'/>"), "p2");
        assert_eq!(id_of("<iq type='get'/>"), "");
    }
}
