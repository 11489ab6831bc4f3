//! No secret reaches a log, at any level, dependencies included: with a logger taking every
//! record at TRACE (what an application debugging a connection turns on), the client signs in
//! over REST (a password, then a bearer token) and over each notification transport, fails,
//! reconnects and closes, and no record holds the password, the token or their encodings
//! (HTTP Basic, SASL PLAIN), while the library's own records of each step are there.
//! tungstenite logs every WebSocket frame it writes with its payload: the sign-in frame must
//! not be one of them. The emulator, the server that must receive the password, runs in this process on
//! its own thread; its records are left out. One test in this file: the logger is global to
//! the process.

mod common;

use std::sync::Mutex;
use std::time::Duration;

use base64::Engine;
use common::wait_for;
use finesse_client::{Client, Config, NotificationOptions};
use finesse_emulator::{AgentConfig, Emulator, EmulatorConfig, Release};

/// Every record logged, formatted.
static RECORDS: Mutex<Vec<String>> = Mutex::new(Vec::new());

struct Everything;

impl log::Log for Everything {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }

    fn log(&self, record: &log::Record<'_>) {
        let thread = std::thread::current();
        if thread
            .name()
            .is_some_and(|name| name.starts_with(EMULATOR_THREADS))
        {
            return;
        }
        let line = format!("{} {}: {}", record.level(), record.target(), record.args());
        RECORDS.lock().unwrap().push(line);
    }

    fn flush(&self) {}
}

const PASSWORD: &str = "Pw-3300-unmistakable";
const TOKEN: &str = "Tok-3301-unmistakable";
/// The prefix of the names of the threads the in-process emulator serves on.
const EMULATOR_THREADS: &str = "finesse-emulator";

#[test]
fn no_record_holds_a_secret_at_trace() {
    log::set_logger(&Everything).unwrap();
    log::set_max_level(log::LevelFilter::Trace);

    let emulator = Emulator::start(
        EmulatorConfig::new()
            .release(Release::Cce12_0)
            .agent(AgentConfig::new("3300", "agent3300", PASSWORD))
            .agent(AgentConfig::new("3301", "agent3301", "other-password").bearer_token(TOKEN)),
    )
    .unwrap();
    let client = Client::new(
        Config::builder(emulator.base_url())
            .basic_auth("3300", PASSWORD)
            .ca_pem(emulator.ca_pem())
            .build()
            .unwrap(),
    )
    .unwrap();
    let urls = [
        emulator.rest_websocket_url(),
        emulator.bosh_url(),
        emulator.xmpps_url(),
        emulator.xmpp_url(),
    ];
    for url in urls.into_iter().flatten() {
        let session = client
            .notifications_with(NotificationOptions::default().url(url.clone()))
            .unwrap_or_else(|e| panic!("{url}: {e}"));
        // A reconnection signs in again.
        emulator.drop_notification_connections();
        wait_for("the reconnection", || {
            (emulator.notification_sessions("3300") == 1 && session.is_connected()).then_some(())
        });
        session.close();
    }
    client.sign_in("3300300").unwrap();
    // A refused password, over REST and at the notification sign-in.
    let wrong = Client::new(
        Config::builder(emulator.base_url())
            .basic_auth("3300", format!("{PASSWORD}-wrong"))
            .ca_pem(emulator.ca_pem())
            .build()
            .unwrap(),
    )
    .unwrap();
    assert!(wrong.user().is_err());
    // Plain HTTP sends credentials in clear: allowed for test servers, never silently.
    Config::builder("http://127.0.0.1:1")
        .basic_auth("3300", PASSWORD)
        .build()
        .unwrap();
    // A bearer token (SSO), accepted and refused.
    for token in [TOKEN.to_owned(), format!("{TOKEN}-expired")] {
        let sso = Client::new(
            Config::builder(emulator.base_url())
                .bearer_token("3301", token)
                .ca_pem(emulator.ca_pem())
                .build()
                .unwrap(),
        )
        .unwrap();
        let _ = sso.user();
    }
    std::thread::sleep(Duration::from_millis(100));

    let records = RECORDS.lock().unwrap();
    // The logger saw the traffic: the test would notice a leak.
    assert!(
        records.iter().any(|r| r.contains("tungstenite")),
        "no WebSocket frame was logged: {} records",
        records.len()
    );
    // The library's own account of it: each request, each session change.
    let has = |needle: &str| records.iter().any(|r| r.contains(needle));
    assert!(has("GET https://127.0.0.1:"), "no request logged");
    assert!(
        has("/finesse/api/User/3300: HTTP 401 in "),
        "no refused request"
    );
    assert!(has("PUT https://127.0.0.1:"), "no command logged");
    assert!(has(": HTTP 202 in "), "no accepted command");
    assert!(
        has("notifications connected to wss://"),
        "no session logged"
    );
    assert!(
        has("notifications disconnected, recovering"),
        "no reconnection"
    );
    assert!(
        has("WARN finesse_client::config: http://127.0.0.1:1 is plain HTTP"),
        "no warning for plain HTTP"
    );
    let b64 = |s: String| base64::engine::general_purpose::STANDARD.encode(s);
    let secrets = [
        PASSWORD.to_owned(),
        TOKEN.to_owned(),
        b64(format!("3300:{PASSWORD}")),
        b64(format!("\u{0}3300\u{0}{PASSWORD}")),
        hex(&b64(format!("\u{0}3300\u{0}{PASSWORD}"))),
        hex(PASSWORD),
    ];
    for record in records.iter() {
        for secret in &secrets {
            assert!(!record.contains(secret.as_str()), "a secret in: {record}");
        }
    }
}

/// The lowercase hex of `s`'s bytes, as tungstenite prints payloads.
fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}
