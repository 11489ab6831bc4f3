//! A small BOSH client for the transport tests: bodies posted with ureq over HTTPS
//! (verifying the emulator's certificate), `rid`s counted by hand.

use std::time::Duration;

use finesse_emulator::Emulator;
use ureq::tls::{Certificate, RootCerts, TlsConfig};

use super::xmpp::plain;

pub const HTTPBIND: &str = "http://jabber.org/protocol/httpbind";

pub struct Bosh {
    agent: ureq::Agent,
    pub url: String,
    pub sid: String,
    pub rid: u64,
}

/// Attributes of the body element (its start tag only).
pub fn attribute(body: &str, name: &str) -> Option<String> {
    let tag_end = body.find('>')?;
    let tag = &body[..tag_end];
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_owned())
}

impl Bosh {
    pub fn new(emulator: &Emulator) -> Bosh {
        let ca = Certificate::from_pem(emulator.ca_pem().as_bytes()).expect("CA PEM parses");
        let tls = TlsConfig::builder()
            .root_certs(RootCerts::new_with_certs(&[ca]))
            .build();
        let agent = ureq::Agent::config_builder()
            .tls_config(tls)
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(20)))
            .build()
            .into();
        Bosh {
            agent,
            url: emulator.bosh_url().expect("BOSH offered"),
            sid: String::new(),
            rid: 1000,
        }
    }

    /// Posts a raw body; returns the status and the body answered.
    pub fn post_raw(&self, body: &str) -> (u16, String) {
        let mut response = self
            .agent
            .post(&self.url)
            .header("Content-Type", "text/xml; charset=utf-8")
            .send(body)
            .expect("a response");
        let status = response.status().as_u16();
        let text = response.body_mut().read_to_string().expect("body");
        (status, text)
    }

    /// Creates the session (`wait` seconds, `hold` 1); returns the creation response.
    pub fn create(&mut self, wait: u64) -> String {
        let (status, body) = self.post_raw(&format!(
            "<body xmlns='{HTTPBIND}' xmlns:xmpp='urn:xmpp:xbosh' content='text/xml; charset=utf-8' \
             hold='1' rid='{}' to='localhost' ver='1.6' wait='{wait}' xmpp:version='1.0'/>",
            self.rid
        ));
        assert_eq!(status, 200, "{body}");
        self.sid = attribute(&body, "sid").expect("sid");
        body
    }

    /// A body of the session with the next rid, carrying `content` and `extra` attributes.
    pub fn body(&mut self, extra: &str, content: &str) -> String {
        self.rid += 1;
        format!(
            "<body xmlns='{HTTPBIND}' xmlns:xmpp='urn:xmpp:xbosh' rid='{}' sid='{}' {extra}>{content}</body>",
            self.rid, self.sid
        )
    }

    /// Sends the next body and waits for its answer.
    pub fn send(&mut self, extra: &str, content: &str) -> String {
        let body = self.body(extra, content);
        let (status, text) = self.post_raw(&body);
        assert_eq!(status, 200, "{text}");
        text
    }

    /// The whole sign-in: session, SASL PLAIN, restart, bind, available presence.
    pub fn sign_in(emulator: &Emulator, login_id: &str, resource: &str, wait: u64) -> Bosh {
        let mut b = Bosh::new(emulator);
        let created = b.create(wait);
        assert!(
            created.contains("<mechanism>PLAIN</mechanism>"),
            "{created}"
        );
        let success = b.send(
            "",
            &format!(
                "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>{}</auth>",
                plain(login_id, &format!("secret{login_id}"))
            ),
        );
        assert!(success.contains("<success"), "{success}");
        let features = b.send("xmpp:restart='true' to='localhost'", "");
        assert!(features.contains("<bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\"/>"));
        let bound = b.send(
            "",
            &format!(
                "<iq xmlns='jabber:client' type='set' id='b'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>{resource}</resource></bind></iq>"
            ),
        );
        assert!(bound.contains(&format!("<jid>{login_id}@localhost/{resource}</jid>")));
        let presence = b.send("", "<presence xmlns='jabber:client'/>");
        assert!(
            presence.contains("from=\"finesse@localhost/finesse\""),
            "{presence}"
        );
        b
    }
}
