//! Shared set-up of the integration tests: an emulator on loopback and clients trusting it.

#![allow(dead_code)] // Each test file uses a different part of this module.

use std::time::{Duration, Instant};

use finesse_client::{AgentState, Client, Config, Dialog, DialogState, MakeCall, User};
use finesse_emulator::{Emulator, EmulatorConfig};

/// Extension agent 1001 signs in with in these tests.
pub const EXT_1001: &str = "1001001";
/// Extension agent 1002 signs in with in these tests.
pub const EXT_1002: &str = "1002002";

/// Starts an emulator with the default agents.
pub fn emulator() -> Emulator {
    Emulator::start(EmulatorConfig::new()).expect("emulator starts")
}

/// A client for `user`, trusting the emulator's CA.
pub fn client(emulator: &Emulator, user: &str, password: &str) -> Client {
    let config = Config::builder(emulator.base_url())
        .basic_auth(user, password)
        .ca_pem(emulator.ca_pem())
        .build()
        .unwrap();
    Client::new(config).unwrap()
}

/// Agent 1001's client.
pub fn agent_1001(emulator: &Emulator) -> Client {
    client(emulator, "1001", "secret1001")
}

/// Agent 1002's client.
pub fn agent_1002(emulator: &Emulator) -> Client {
    client(emulator, "1002", "secret1002")
}

/// Polls `probe` every few milliseconds until it returns something, for at most 5 s.
#[track_caller]
pub fn wait_for<T>(what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(value) = probe() {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Waits until the agent's User satisfies `done`.
#[track_caller]
pub fn wait_user(client: &Client, what: &str, done: impl Fn(&User) -> bool) -> User {
    wait_for(what, || client.user().ok().filter(|u| done(u)))
}

/// Waits until one of the agent's dialogs satisfies `done`.
#[track_caller]
pub fn wait_dialog(client: &Client, what: &str, done: impl Fn(&Dialog) -> bool) -> Dialog {
    wait_for(what, || {
        client
            .dialogs()
            .ok()
            .and_then(|ds| ds.into_iter().find(|d| done(d)))
    })
}

/// Waits until the agent has no dialog left.
#[track_caller]
pub fn wait_no_dialogs(client: &Client) {
    wait_for("no dialogs", || {
        client.dialogs().ok().filter(|d| d.is_empty()).map(drop)
    })
}

/// Signs the client's agent in on `extension` and waits for NOT_READY.
#[track_caller]
pub fn sign_in(client: &Client, extension: &str) {
    client.sign_in(extension).unwrap();
    wait_user(client, "NOT_READY after sign-in", |u| {
        u.state == AgentState::NotReady
    });
}

/// Dials `to` from a signed-in agent and waits until the call is ACTIVE.
#[track_caller]
pub fn active_call(client: &Client, to: &str) -> Dialog {
    client.make_call(&MakeCall::new(to)).unwrap();
    wait_dialog(client, "an ACTIVE call", |d| d.state == DialogState::Active)
}
