//! Shared helpers for the integration tests: an HTTPS client trusting the emulator's CA,
//! and small waits on the emulator's state.

#![allow(dead_code)] // each test file uses a different subset

pub mod bosh;
pub mod tcp;
pub mod xmpp;

use std::io::Read;
use std::time::{Duration, Instant};

use base64::Engine as _;
use finesse_emulator::{Emulator, EmulatorConfig, Notification, Timing};
use ureq::tls::{Certificate, RootCerts, TlsConfig};

/// Fast telephony so the suite stays quick.
pub fn fast() -> EmulatorConfig {
    EmulatorConfig::new().timing(Timing {
        step: Duration::from_millis(5),
        ring: Duration::from_millis(30),
    })
}

pub fn start(config: EmulatorConfig) -> (Emulator, Client) {
    let emulator = Emulator::start(config).expect("emulator starts");
    let client = Client::new(&emulator);
    (emulator, client)
}

pub struct Resp {
    pub status: u16,
    pub body: String,
    pub headers: Vec<(String, String)>,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Text of the first `<name>` element.
    pub fn field(&self, name: &str) -> Option<String> {
        field(&self.body, name)
    }
}

/// Text of the first `<name>` element in `xml` (enough for the emulator's compact output).
pub fn field(xml: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let start = xml.find(&open)? + open.len();
    let end = xml[start..].find(&format!("</{name}>"))? + start;
    Some(xml[start..end].to_owned())
}

/// The dialog's own state (after the participants) in a Dialog document.
pub fn dialog_level_state(xml: &str) -> String {
    xml.rsplit_once("</participants><state>")
        .and_then(|(_, rest)| rest.split_once("</state>"))
        .map(|(state, _)| state.to_owned())
        .unwrap_or_default()
}

pub fn password(login_id: &str) -> String {
    format!("secret{login_id}")
}

pub fn basic(user: &str, password: &str) -> String {
    let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
    format!("Basic {token}")
}

pub struct Client {
    agent: ureq::Agent,
    pub base: String,
}

impl Client {
    pub fn new(emulator: &Emulator) -> Client {
        let ca = Certificate::from_pem(emulator.ca_pem().as_bytes()).expect("CA PEM parses");
        let tls = TlsConfig::builder()
            .root_certs(RootCerts::new_with_certs(&[ca]))
            .build();
        Client::with_tls(emulator.base_url(), tls)
    }

    pub fn with_tls(base: String, tls: TlsConfig) -> Client {
        let agent = ureq::Agent::config_builder()
            .tls_config(tls)
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(10)))
            .build()
            .into();
        Client { agent, base }
    }

    /// A request with any method, headers and body; `Err` when no response came.
    pub fn try_request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, String)],
        body: &str,
    ) -> Result<Resp, ureq::Error> {
        let url = if path.starts_with("http") {
            path.to_owned()
        } else {
            format!("{}{}", self.base, path)
        };
        let mut builder = ureq::http::Request::builder().method(method).uri(url);
        for (name, value) in headers {
            builder = builder.header(*name, value.as_str());
        }
        let request = builder.body(body.to_owned()).expect("valid request");
        let mut response = self.agent.run(request)?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or_default().to_owned()))
            .collect();
        let mut body = String::new();
        response
            .body_mut()
            .as_reader()
            .read_to_string(&mut body)
            .expect("body reads");
        Ok(Resp {
            status,
            body,
            headers,
        })
    }

    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, String)],
        body: &str,
    ) -> Resp {
        self.try_request(method, path, headers, body)
            .expect("a response")
    }

    /// GET as a default agent (password `secret<id>`).
    pub fn get_as(&self, login_id: &str, path: &str) -> Resp {
        let auth = basic(login_id, &password(login_id));
        self.request("GET", path, &[("Authorization", auth)], "")
    }

    pub fn put_as(&self, login_id: &str, path: &str, body: &str, request_id: &str) -> Resp {
        self.send_as("PUT", login_id, path, body, request_id)
    }

    pub fn post_as(&self, login_id: &str, path: &str, body: &str, request_id: &str) -> Resp {
        self.send_as("POST", login_id, path, body, request_id)
    }

    fn send_as(
        &self,
        method: &str,
        login_id: &str,
        path: &str,
        body: &str,
        request_id: &str,
    ) -> Resp {
        let headers = [
            ("Authorization", basic(login_id, &password(login_id))),
            ("Content-Type", "application/xml".to_owned()),
            ("requestId", request_id.to_owned()),
        ];
        self.request(method, path, &headers, body)
    }

    pub fn set_state(&self, login_id: &str, body: &str) -> Resp {
        self.put_as(login_id, &format!("/finesse/api/User/{login_id}"), body, "")
    }

    pub fn dialog_action(
        &self,
        login_id: &str,
        dialog: &str,
        body: &str,
        request_id: &str,
    ) -> Resp {
        self.put_as(
            login_id,
            &format!("/finesse/api/Dialog/{dialog}"),
            body,
            request_id,
        )
    }
}

/// Polls until `cond` holds; panics with `what` after five seconds.
pub fn wait_until(what: &str, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !cond() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

pub fn agent_state(emulator: &Emulator, login_id: &str) -> String {
    emulator
        .agent_state(login_id)
        .map(|a| a.state)
        .unwrap_or_default()
}

pub fn wait_agent(emulator: &Emulator, login_id: &str, state: &str) {
    wait_until(&format!("agent {login_id} {state}"), || {
        agent_state(emulator, login_id) == state
    });
}

/// Signs the agent in on `extension` and waits for NOT_READY.
pub fn sign_in(emulator: &Emulator, client: &Client, login_id: &str, extension: &str) {
    let body = format!("<User><state>LOGIN</state><extension>{extension}</extension></User>");
    assert_eq!(client.set_state(login_id, &body).status, 202);
    wait_agent(emulator, login_id, "NOT_READY");
}

pub fn make_call_body(from: &str, to: &str) -> String {
    format!(
        "<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>{from}</fromAddress>\
         <toAddress>{to}</toAddress></Dialog>"
    )
}

/// Places a call and returns the new dialog's id.
pub fn make_call(
    emulator: &Emulator,
    client: &Client,
    login_id: &str,
    from: &str,
    to: &str,
) -> String {
    let before: Vec<String> = emulator.dialogs().into_iter().map(|d| d.id).collect();
    let path = format!("/finesse/api/User/{login_id}/Dialogs");
    let r = client.post_as(login_id, &path, &make_call_body(from, to), "");
    assert_eq!(r.status, 202, "{}", r.body);
    emulator.settle();
    emulator
        .dialogs()
        .into_iter()
        .map(|d| d.id)
        .find(|id| !before.contains(id))
        .expect("a new dialog")
}

pub fn dialog_state(emulator: &Emulator, id: &str) -> Option<String> {
    emulator
        .dialogs()
        .into_iter()
        .find(|d| d.id == id)
        .map(|d| d.state)
}

pub fn wait_dialog(emulator: &Emulator, id: &str, state: &str) {
    wait_until(&format!("dialog {id} {state}"), || {
        dialog_state(emulator, id).as_deref() == Some(state)
    });
}

pub fn wait_gone(emulator: &Emulator, id: &str) {
    wait_until(&format!("dialog {id} removed"), || {
        dialog_state(emulator, id).is_none()
    });
}

pub fn action(name: &str, target: &str) -> String {
    format!(
        "<Dialog><requestedAction>{name}</requestedAction>\
         <targetMediaAddress>{target}</targetMediaAddress></Dialog>"
    )
}

/// Notifications on the users' own nodes whose Update echoes `request_id` (the copies of
/// User updates on Team nodes left out).
pub fn with_request_id(emulator: &Emulator, request_id: &str) -> Vec<Notification> {
    emulator
        .notifications()
        .into_iter()
        .filter(|n| n.request_id == request_id && n.node.starts_with("/finesse/api/User/"))
        .collect()
}
