//! XMPP over TCP (RFC 6120): one XML stream per connection, with TLS from the first byte
//! (`xmpps://`, port 5223) or started by STARTTLS (`xmpp://`, port 5222; required: the client
//! never signs in without TLS).

use std::io::{Read, Write};
use std::time::Instant;

use super::socket::{self, Stream};
use super::{Link, TICK, refusal};
use crate::error::Error;
use crate::notification_url::Parts;
use crate::session::Target;
use crate::xmpp::{self, Frame, StreamReader};

/// Largest element accepted from the server.
const MAX_ELEMENT_BYTES: usize = 1024 * 1024;
/// Bytes read at a time.
const READ_BYTES: usize = 16 * 1024;

pub(crate) struct TcpLink {
    stream: Stream,
    reader: StreamReader,
    url: String,
}

impl TcpLink {
    /// Connects, and brings TLS up: at once, or through STARTTLS on a plain stream to
    /// `target.domain`.
    pub(crate) fn connect(
        parts: &Parts,
        direct_tls: bool,
        target: &Target,
        deadline: Instant,
    ) -> Result<TcpLink, Error> {
        let tcp = socket::connect(&parts.host, parts.port, target.timeout)?;
        let stream = if direct_tls {
            socket::start_tls(tcp, &parts.host, &target.tls)?
        } else {
            let mut plain = TcpLink::over(Stream::Plain(tcp), &target.url)?;
            plain.negotiate_tls(&target.domain, deadline)?;
            let Stream::Plain(tcp) = plain.stream else {
                unreachable!("the stream was plain")
            };
            tcp.set_read_timeout(Some(target.timeout))
                .map_err(|e| socket::io_error(&target.url, e))?;
            socket::start_tls(tcp, &parts.host, &target.tls)?
        };
        TcpLink::over(stream, &target.url)
    }

    fn over(stream: Stream, url: &str) -> Result<TcpLink, Error> {
        stream
            .tcp()
            .set_read_timeout(Some(TICK))
            .map_err(|e| socket::io_error(url, e))?;
        Ok(TcpLink {
            stream,
            reader: StreamReader::new(MAX_ELEMENT_BYTES),
            url: url.to_owned(),
        })
    }

    /// Opens the plain stream and asks for TLS; the server must offer it.
    fn negotiate_tls(&mut self, domain: &str, deadline: Instant) -> Result<(), Error> {
        self.open_stream(domain)?;
        let offered = loop {
            match super::next_frame(self, deadline)? {
                Frame::Features { starttls, .. } => break starttls,
                Frame::StreamError(condition) => {
                    return Err(refusal(&self.url, "stream", condition, None));
                }
                _ => {}
            }
        };
        if !offered {
            return Err(Error::tls(
                "the server does not offer STARTTLS, and the client never signs in without TLS",
            )
            .at(&self.url));
        }
        self.send(xmpp::STARTTLS)?;
        loop {
            match super::next_frame(self, deadline)? {
                Frame::Proceed => return Ok(()),
                Frame::SaslFailure(condition) => {
                    return Err(refusal(&self.url, "starttls", condition, None));
                }
                _ => {}
            }
        }
    }
}

impl Link for TcpLink {
    fn open_stream(&mut self, domain: &str) -> Result<(), Error> {
        // Whatever the previous stream left unread belongs to it (RFC 6120 §4.3.3).
        self.reader.reset();
        self.send(&xmpp::stream_header(domain))
    }

    fn send(&mut self, stanza: &str) -> Result<(), Error> {
        self.stream
            .write_all(stanza.as_bytes())
            .and_then(|()| self.stream.flush())
            .map_err(|e| socket::io_error(&self.url, e))
    }

    fn socket(&self) -> Option<&std::net::TcpStream> {
        Some(self.stream.tcp())
    }

    fn read(&mut self) -> Result<Option<Frame>, Error> {
        let malformed = |e: String| Error::transport(format!("malformed XML: {e}")).at(&self.url);
        if let Some(frame) = self.reader.next().map_err(malformed)? {
            return Ok(Some(frame));
        }
        let mut buffer = [0u8; READ_BYTES];
        match self.stream.read(&mut buffer) {
            Ok(0) => Err(Error::transport("the server closed the connection").at(&self.url)),
            Ok(n) => {
                self.reader.push(&buffer[..n]);
                self.reader.next().map_err(malformed)
            }
            Err(e) if socket::is_idle(&e) => Ok(None),
            Err(e) => Err(socket::io_error(&self.url, e)),
        }
    }

    fn close(&mut self, last: &str) {
        let _ = self.send(last);
        let _ = self.send(xmpp::STREAM_END);
        if let Stream::Tls(tls) = &mut self.stream {
            tls.conn.send_close_notify();
            let _ = tls.flush();
        }
    }
}
