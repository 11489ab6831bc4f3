//! A raw XMPP-over-TCP client for the transport tests: bytes written and read as a client
//! library would put them on the wire, with STARTTLS or direct TLS (verifying the
//! emulator's certificate against its CA).

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rustls::pki_types::{CertificateDer, ServerName, pem::PemObject};

use super::xmpp::{Duplex, plain};

pub const HEADER: &str = "<?xml version='1.0'?><stream:stream to='localhost' \
    xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";

/// A TLS client configuration trusting only `ca_pem`.
pub fn tls_config(ca_pem: &str) -> Arc<rustls::ClientConfig> {
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
    Arc::new(config)
}

/// `host:port` of an `xmpp://` or `xmpps://` URL.
pub fn address(url: &str) -> String {
    url.split("://").nth(1).expect("host:port").to_owned()
}

pub struct Stream {
    io: Box<dyn Duplex>,
    tcp: TcpStream,
    /// Received and not yet taken.
    pub buffer: String,
    pub jid: String,
}

fn wrap(tcp: &TcpStream, ca_pem: &str) -> Box<dyn Duplex> {
    let name = ServerName::try_from("127.0.0.1").expect("server name");
    let conn = rustls::ClientConnection::new(tls_config(ca_pem), name).expect("TLS client");
    Box::new(rustls::StreamOwned::new(
        conn,
        tcp.try_clone().expect("clone"),
    ))
}

impl Stream {
    /// Connects in the clear (the STARTTLS port).
    pub fn plain(url: &str) -> Stream {
        let tcp = TcpStream::connect(address(url)).expect("port reachable");
        tcp.set_read_timeout(Some(Duration::from_secs(5)))
            .expect("timeout");
        Stream {
            io: Box::new(tcp.try_clone().expect("clone")),
            tcp,
            buffer: String::new(),
            jid: String::new(),
        }
    }

    /// Connects with TLS from the first byte (the direct-TLS port).
    pub fn direct_tls(url: &str, ca_pem: &str) -> Stream {
        let mut s = Stream::plain(url);
        s.io = wrap(&s.tcp, ca_pem);
        s
    }

    /// Opens the stream, asks for STARTTLS and completes the handshake.
    pub fn starttls(url: &str, ca_pem: &str) -> Stream {
        let mut s = Stream::plain(url);
        s.send(HEADER);
        s.expect("</stream:features>");
        s.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        let proceed = s.expect("/>");
        assert_eq!(
            proceed,
            "<proceed xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"/>"
        );
        s.io = wrap(&s.tcp, ca_pem);
        s
    }

    /// Opens the stream, authenticates, opens it again, binds `resource`, sends the
    /// initial presence and reads Finesse's presence back.
    pub fn sign_in(mut self, login_id: &str, resource: &str) -> Stream {
        self.send(HEADER);
        self.expect("</stream:features>");
        self.send(&format!(
            "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>{}</auth>",
            plain(login_id, &format!("secret{login_id}"))
        ));
        assert_eq!(
            self.expect("/>"),
            "<success xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\"/>"
        );
        self.send(HEADER);
        self.expect("</stream:features>");
        self.send(&format!(
            "<iq type='set' id='b'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>{resource}</resource></bind></iq>"
        ));
        let bound = self.expect("</iq>");
        self.jid = super::field(&bound, "jid").expect("bound JID");
        self.send("<presence/>");
        let presence = self.expect("/>");
        assert!(
            presence.contains("from=\"finesse@localhost/finesse\""),
            "{presence}"
        );
        self
    }

    pub fn send(&mut self, text: &str) {
        self.io.write_all(text.as_bytes()).expect("sent");
        self.io.flush().expect("flushed");
    }

    /// Reads until the buffer holds `end`; returns everything up to and including it.
    pub fn expect(&mut self, end: &str) -> String {
        self.expect_within(end, Duration::from_secs(5))
            .unwrap_or_else(|| panic!("{end:?} within five seconds; got {:?}", self.buffer))
    }

    /// As [`Stream::expect`], `None` after `limit` or when the stream ends.
    pub fn expect_within(&mut self, end: &str, limit: Duration) -> Option<String> {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(at) = self.buffer.find(end) {
                let taken: String = self.buffer.drain(..at + end.len()).collect();
                return Some(taken);
            }
            let left = deadline.checked_duration_since(Instant::now())?;
            self.tcp
                .set_read_timeout(Some(left.max(Duration::from_millis(1))))
                .expect("timeout");
            let mut chunk = [0u8; 4096];
            match self.io.read(&mut chunk) {
                Ok(0) => return None,
                Ok(n) => self
                    .buffer
                    .push_str(std::str::from_utf8(&chunk[..n]).expect("UTF-8")),
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    return None;
                }
                Err(_) => return None,
            }
        }
    }

    /// Reads until the server closes; returns what arrived.
    pub fn read_to_end(&mut self) -> String {
        while self
            .expect_within("\u{0}", Duration::from_secs(5))
            .is_some()
        {}
        std::mem::take(&mut self.buffer)
    }

    /// The next pub-sub event message, skipping other stanzas; `None` after `limit`.
    pub fn next_event(&mut self, limit: Duration) -> Option<super::xmpp::Event> {
        let deadline = Instant::now() + limit;
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let message = self.expect_within("</message>", left)?;
            let start = message.find("<message")?;
            if let Some(event) = super::xmpp::decode_event(&message[start..]) {
                return Some(event);
            }
        }
    }
}
