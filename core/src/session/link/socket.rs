//! The byte stream under WebSocket and XMPP over TCP: a TCP connection, with TLS or not.

use std::io::{self, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::ServerName;

use crate::error::Error;

/// A TCP connection, plain or under TLS.
pub(crate) enum Stream {
    Plain(TcpStream),
    Tls(Box<rustls::StreamOwned<rustls::ClientConnection, TcpStream>>),
}

impl Stream {
    /// The TCP connection underneath.
    pub(crate) fn tcp(&self) -> &TcpStream {
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

/// Connects to `host:port`, with `timeout` for connecting and for each read and write.
pub(crate) fn connect(host: &str, port: u16, timeout: Duration) -> Result<TcpStream, Error> {
    let addrs = (host.trim_matches(['[', ']']), port)
        .to_socket_addrs()
        .map_err(|e| {
            Error::transport(format!("cannot resolve {host}"))
                .at(&format!("{host}:{port}"))
                .caused_by(e)
        })?;
    let mut last = None;
    for addr in addrs {
        match TcpStream::connect_timeout(&addr, timeout) {
            Ok(s) => {
                s.set_read_timeout(Some(timeout))
                    .and_then(|()| s.set_write_timeout(Some(timeout)))
                    .and_then(|()| s.set_nodelay(true))
                    .map_err(|e| io_error(&format!("{host}:{port}"), e))?;
                return Ok(s);
            }
            Err(e) => last = Some(e),
        }
    }
    let e = last.unwrap_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no address"));
    Err(if e.kind() == io::ErrorKind::TimedOut {
        Error::timeout("connecting").at(&format!("{host}:{port}"))
    } else {
        io_error(&format!("{host}:{port}"), e)
    })
}

/// Starts TLS on `tcp`, verifying the certificate for `host`, and completes the handshake
/// (within the connection's read and write timeouts) so that failures show here.
pub(crate) fn start_tls(
    tcp: TcpStream,
    host: &str,
    tls: &Arc<rustls::ClientConfig>,
) -> Result<Stream, Error> {
    let name = ServerName::try_from(host.trim_matches(['[', ']']).to_owned())
        .map_err(|e| Error::invalid("notification_url", e.to_string()))?;
    let mut conn = rustls::ClientConnection::new(tls.clone(), name)
        .map_err(|e| Error::tls(e.to_string()).at(host).caused_by(e))?;
    let mut tcp = tcp;
    while conn.is_handshaking() {
        conn.complete_io(&mut tcp).map_err(|e| io_error(host, e))?;
    }
    Ok(Stream::Tls(Box::new(rustls::StreamOwned::new(conn, tcp))))
}

/// An I/O failure on the way to or from `what`: a TLS failure, a timeout, or the server not
/// reachable.
pub(crate) fn io_error(what: &str, e: io::Error) -> Error {
    if e.get_ref()
        .is_some_and(|inner| inner.downcast_ref::<rustls::Error>().is_some())
    {
        Error::tls(e.to_string()).at(what).caused_by(e)
    } else if matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    ) {
        Error::timeout(e.to_string()).at(what)
    } else {
        Error::transport(e.to_string()).at(what).caused_by(e)
    }
}

/// Whether a read ended only because nothing arrived within the read timeout.
pub(crate) fn is_idle(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}
