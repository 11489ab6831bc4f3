//! The client's notification session against Prosody, an XMPP server no one here wrote.
//!
//! The emulator and the client were written side by side, so they can share a mistake and
//! still agree (stanzas without `jabber:client` went unnoticed that way). Here REST still
//! comes from the emulator, but notifications come from Prosody (the Debian package, started
//! on loopback with a generated configuration and test CA by `interop/prosody/harness.py`),
//! and the Finesse-shaped pub-sub items are published by an independent XMPP client
//! (slixmpp): an item whose `<notification xmlns="http://jabber.org/protocol/pubsub">` holds
//! the `<Update>` document as escaped text, as Finesse sends it.
//!
//! Every check runs on every transport, named by the notification URL's scheme: XMPP over
//! WebSocket (`wss://…/xmpp-websocket`), XMPP over TCP with STARTTLS (`xmpp://`) and with
//! direct TLS (`xmpps://`), and BOSH (`https://…/http-bind`). Each asserts what a user of the
//! library would check:
//! - signing in and receiving a published item as a typed event;
//! - pings both ways: the client's keep-alive is answered (the session stays up over many
//!   short ping intervals) and the client answers a ping sent to its full JID;
//! - after Prosody restarts, `Disconnected`, then `Connected`, and events flow again;
//! - a password the notification service refuses fails the start with an authentication
//!   error, tried once;
//! - a second session taking the same resource ends the first with an error naming the
//!   conflict, instead of the two knocking each other off forever;
//! - a refused subscription fails with an error naming the node, not as "not reachable";
//! - a password changed on the server while a session runs stops its reconnection after one
//!   refused attempt, and the session says why (no lockout loop).
//!
//! TLS verification stays on: the client trusts the emulator's CA and the test CA.
//!
//! These tests run only when `FINESSE_INTEROP_PROSODY` names the harness (see
//! `interop/prosody/run.sh`); without it each returns at once, so that `cargo test` on a
//! machine without Prosody stays green. With it, a Prosody that cannot be started is a failure.

mod common;
#[path = "common/prosody.rs"]
mod prosody;

use std::time::{Duration, Instant};

use finesse_client::{
    AgentState, Client, Config, ConnectionState, DialogState, ErrorKind, Event,
    NotificationOptions, Notifications,
};
use finesse_emulator::Emulator;
use prosody::{Prosody, Transport};

/// The agent of these tests, with the password both the emulator and Prosody know.
const AGENT: &str = "1001";
const PASSWORD: &str = "secret1001";
/// The agent's bare JID: the emulator's XMPP domain is `localhost`, as is Prosody's host.
const JID: &str = "1001@localhost";
/// The agent's own nodes, to which Finesse subscribes the agent by itself.
const USER_NODE: &str = "/finesse/api/User/1001";
const DIALOGS_NODE: &str = "/finesse/api/User/1001/Dialogs";
/// `<Update>` documents as Finesse publishes them (see `documents/README.md`).
const DIALOGS_POST: &str = include_str!("documents/update_dialogs_post.xml");
const USER_PUT: &str = include_str!("documents/update_user_put.xml");

/// Generous bounds: two cores shared with other builds.
const EVENT_TIMEOUT: Duration = Duration::from_secs(10);
const RECONNECT_TIMEOUT: Duration = Duration::from_secs(20);

/// A short keep-alive, so that a few seconds span several pings.
fn short_keep_alive() -> NotificationOptions {
    NotificationOptions::default().keep_alive(Duration::from_secs(1), Duration::from_secs(1), 2)
}

/// The emulator for REST, Prosody for notifications, and the transport under test.
struct Setup {
    emulator: Emulator,
    prosody: Prosody,
    transport: Transport,
}

impl Setup {
    /// `None` (the test passes without doing anything) unless `FINESSE_INTEROP_PROSODY` is set.
    fn new(transport: Transport) -> Option<Setup> {
        if prosody::harness().is_none() {
            eprintln!("not run: {} is not set", prosody::HARNESS_VAR);
            return None;
        }
        let emulator = common::emulator();
        let prosody = Prosody::start(&[(AGENT, PASSWORD), ("1002", "secret1002")]);
        Some(Setup {
            emulator,
            prosody,
            transport,
        })
    }

    fn url(&self) -> String {
        self.prosody.url(self.transport)
    }

    /// A client of the emulator whose notifications come from Prosody on this transport.
    #[track_caller]
    fn client(&self, user: &str, password: &str) -> Client {
        let url = self.url();
        let config = Config::builder(self.emulator.base_url())
            .basic_auth(user, password)
            .ca_pem(self.emulator.ca_pem())
            .ca_pem(self.prosody.ca_pem.clone())
            .notification_url(&url)
            .build()
            .unwrap_or_else(|e| {
                panic!("the configuration refuses the notification URL {url}: {e}")
            });
        Client::new(config).unwrap()
    }

    /// Starts a session; panics with the error (and its kind) when it cannot.
    #[track_caller]
    fn start(&self, client: &Client, options: NotificationOptions) -> Events {
        let session = client.notifications_with(options).unwrap_or_else(|e| {
            panic!(
                "signing in to Prosody at {} failed ({:?}): {e}",
                self.url(),
                e.kind()
            )
        });
        Events::new(session)
    }
}

/// A session and every event read from it so far, for assertions about their order.
struct Events {
    session: Notifications,
    seen: Vec<Event>,
}

impl Events {
    fn new(session: Notifications) -> Events {
        Events {
            session,
            seen: Vec::new(),
        }
    }

    /// Reads events until `pick` accepts one, for at most `timeout`.
    #[track_caller]
    fn until<T>(
        &mut self,
        what: &str,
        timeout: Duration,
        mut pick: impl FnMut(&Event) -> Option<T>,
    ) -> T {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self
                .session
                .recv_timeout(left.min(Duration::from_millis(100)))
            {
                Some(event) => {
                    let picked = pick(&event);
                    self.seen.push(event);
                    if let Some(picked) = picked {
                        return picked;
                    }
                }
                None if left.is_zero() || self.session.is_closed() => panic!(
                    "no {what} within {timeout:?} (session {}); events: {}",
                    if self.session.is_closed() {
                        "closed"
                    } else {
                        "open"
                    },
                    self.summary()
                ),
                None => {}
            }
        }
    }

    /// Waits for the next `Connected`.
    #[track_caller]
    fn connected(&mut self, timeout: Duration) {
        self.until("Connected event", timeout, |e| {
            matches!(e, Event::Connection(ConnectionState::Connected { .. })).then_some(())
        });
    }

    /// Waits for the next `Disconnected`; its reason.
    #[track_caller]
    fn disconnected(&mut self, timeout: Duration) -> String {
        self.until("Disconnected event", timeout, |e| match e {
            Event::Connection(ConnectionState::Disconnected { reason }) => Some(reason.clone()),
            _ => None,
        })
    }

    /// Reads every event for `duration`; those read.
    fn watch(&mut self, duration: Duration) -> &[Event] {
        let from = self.seen.len();
        let deadline = Instant::now() + duration;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            if let Some(event) = self
                .session
                .recv_timeout(left.min(Duration::from_millis(100)))
            {
                self.seen.push(event);
            }
        }
        &self.seen[from..]
    }

    /// Reads events until the session has ended by itself and every event was read, for at
    /// most `timeout`; whether it ended.
    fn closed_within(&mut self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            match self.session.recv_timeout(Duration::from_millis(100)) {
                Some(event) => self.seen.push(event),
                None if self.session.is_closed() => return true,
                None if Instant::now() >= deadline => return false,
                None => {}
            }
        }
    }

    /// Whether an event read so far mentions `text` (case-insensitive), in any of its fields.
    fn mention(&self, text: &str) -> bool {
        self.seen
            .iter()
            .any(|e| format!("{e:?}").to_lowercase().contains(text))
    }

    /// The events read so far, one short line each.
    fn summary(&self) -> String {
        let lines: Vec<String> = self.seen.iter().map(short).collect();
        format!("[{}]", lines.join(", "))
    }
}

/// An event in a few words: connection changes in full, documents by their key.
fn short(event: &Event) -> String {
    match event {
        Event::Connection(state) => format!("{state:?}"),
        Event::UserChanged { user, .. } => format!("UserChanged({:?})", user.state),
        Event::DialogAdded { dialog, .. } => format!("DialogAdded({})", dialog.id),
        Event::DialogChanged { dialog, .. } => format!("DialogChanged({})", dialog.id),
        Event::DialogRemoved { dialog, .. } => format!("DialogRemoved({})", dialog.id),
        Event::Other { source, .. } => format!("Other({source})"),
        other => {
            let text = format!("{other:?}");
            text.chars().take(200).collect()
        }
    }
}

fn is_lost_or_closed(event: &Event) -> bool {
    matches!(
        event,
        Event::Connection(ConnectionState::Disconnected { .. } | ConnectionState::Closed)
    )
}

/// Publishes the agent's User PUT and waits for it as a `UserChanged` event: events flow.
#[track_caller]
fn user_update_arrives(setup: &mut Setup, events: &mut Events) {
    setup.prosody.subscribe(JID, USER_NODE);
    setup.prosody.publish(USER_NODE, USER_PUT);
    let (user, request_id) = events.until("UserChanged event", EVENT_TIMEOUT, |e| match e {
        Event::UserChanged {
            user, request_id, ..
        } => Some((user.clone(), request_id.clone())),
        _ => None,
    });
    assert_eq!(user.login_id, AGENT);
    assert_eq!(user.state, AgentState::Ready);
    assert_eq!(user.extension.as_deref(), Some("1001001"));
    assert_eq!(
        request_id.as_deref(),
        Some("0d1d3b4c-6a3e-4e4e-9f3e-0c1b2a3d4e5f")
    );
}

/// Signs in and receives published Dialogs and User updates as typed events.
fn sign_in_and_receive_events(transport: Transport) {
    let Some(mut setup) = Setup::new(transport) else {
        return;
    };
    setup.prosody.subscribe(JID, DIALOGS_NODE);
    let client = setup.client(AGENT, PASSWORD);
    let mut events = setup.start(&client, NotificationOptions::default());
    events.connected(EVENT_TIMEOUT);
    assert!(events.session.is_connected());

    setup.prosody.publish(DIALOGS_NODE, DIALOGS_POST);
    let dialog = events.until("DialogAdded event", EVENT_TIMEOUT, |e| match e {
        Event::DialogAdded { dialog, .. } => Some(dialog.clone()),
        _ => None,
    });
    assert_eq!(dialog.id, "16777220");
    assert_eq!(dialog.state, DialogState::Alerting);
    assert_eq!(dialog.from_address, "4085550100");
    assert_eq!(dialog.participants[0].media_address, "1001001");
    let variable = &dialog.media_properties.call_variables[0];
    assert_eq!(
        (variable.name.as_str(), variable.value.as_str()),
        ("callVariable1", "claim-77")
    );

    user_update_arrives(&mut setup, &mut events);
    assert!(
        !events.seen.iter().any(is_lost_or_closed),
        "the session was interrupted: {}",
        events.summary()
    );
    events.session.close();
}

/// The client's keep-alive pings are answered, and the client answers a ping to its full JID.
fn pings_both_ways(transport: Transport) {
    let Some(mut setup) = Setup::new(transport) else {
        return;
    };
    let client = setup.client(AGENT, PASSWORD);
    let mut events = setup.start(&client, short_keep_alive().resource("interop-ping"));
    events.connected(EVENT_TIMEOUT);

    // One ping a second, each to be answered within a second, two missed in a row end the
    // link: six seconds span six pings.
    let during = events.watch(Duration::from_secs(6)).to_vec();
    assert!(
        !during.iter().any(is_lost_or_closed) && events.session.is_connected(),
        "the session did not stay up over six ping intervals: {}",
        events.summary()
    );

    let full_jid = format!("{JID}/interop-ping");
    if let Err(condition) = setup.prosody.ping(&full_jid) {
        panic!("the client did not answer a ping to {full_jid}: {condition}");
    }
    user_update_arrives(&mut setup, &mut events);
    events.session.close();
}

/// After Prosody restarts the session says `Disconnected`, then `Connected`, and events flow.
fn reconnects_after_restart(transport: Transport) {
    let Some(mut setup) = Setup::new(transport) else {
        return;
    };
    let client = setup.client(AGENT, PASSWORD);
    let mut events = setup.start(&client, short_keep_alive());
    events.connected(EVENT_TIMEOUT);

    setup.prosody.restart();
    events.disconnected(RECONNECT_TIMEOUT);
    events.connected(RECONNECT_TIMEOUT);
    assert!(events.session.is_connected());
    // Finesse subscribes the agent again by itself; here the admin does.
    user_update_arrives(&mut setup, &mut events);
    events.session.close();
}

/// A password the notification service refuses fails the start with an authentication
/// error, and is tried once.
fn wrong_password_fails_once(transport: Transport) {
    let Some(mut setup) = Setup::new(transport) else {
        return;
    };
    // REST (the emulator) accepts agent 1002's password; the notification service does not.
    setup.prosody.register("1002", "not-the-rest-password");
    let client = setup.client("1002", "secret1002");
    let err = match client.notifications_with(short_keep_alive()) {
        Ok(session) => panic!(
            "the session started with a password Prosody refuses: {:?}",
            session.try_recv()
        ),
        Err(e) => e,
    };
    assert_eq!(
        err.kind(),
        ErrorKind::Authentication,
        "not an authentication error: {err}"
    );
    assert!(
        err.to_string().contains("not-authorized"),
        "the error does not give the server's condition: {err}"
    );
    // Nothing goes on trying in the background.
    std::thread::sleep(Duration::from_secs(3));
    let (failures, _) = setup.prosody.sign_ins("1002");
    assert_eq!(failures, 1, "sign-ins Prosody refused");
}

/// A second session with the same resource ends the first (Prosody's default
/// `conflict_resolve` is `kick_old`) with an error naming the conflict; the second stays.
fn resource_conflict_ends_the_first_session(transport: Transport) {
    let Some(mut setup) = Setup::new(transport) else {
        return;
    };
    let options = short_keep_alive().resource("interop-conflict");
    let first_client = setup.client(AGENT, PASSWORD);
    let mut first = setup.start(&first_client, options.clone());
    first.connected(EVENT_TIMEOUT);
    let second_client = setup.client(AGENT, PASSWORD);
    let mut second = setup.start(&second_client, options);
    second.connected(EVENT_TIMEOUT);

    let closed = first.closed_within(Duration::from_secs(10));
    let (_, successes) = setup.prosody.sign_ins(AGENT);
    assert!(
        closed,
        "the first session is still open 10 s after a second took its resource ({successes} \
         sign-ins of {AGENT} meanwhile); its events: {}",
        first.summary()
    );
    assert!(
        first.mention("conflict"),
        "the first session ended without naming the conflict: {}",
        first.summary()
    );
    let after = second.watch(Duration::from_secs(5)).to_vec();
    assert!(
        !after.iter().any(is_lost_or_closed) && second.session.is_connected(),
        "the second session was knocked off: {}",
        second.summary()
    );
    user_update_arrives(&mut setup, &mut second);
    let (_, successes) = setup.prosody.sign_ins(AGENT);
    assert_eq!(successes, 2, "sign-ins of {AGENT}: one per session");
    second.session.close();
}

/// A subscription Prosody refuses fails with an error naming the node, not as "not
/// reachable"; the session goes on.
fn refused_subscription_names_the_node(transport: Transport) {
    let Some(mut setup) = Setup::new(transport) else {
        return;
    };
    let client = setup.client(AGENT, PASSWORD);
    let mut events = setup.start(&client, NotificationOptions::default());
    events.connected(EVENT_TIMEOUT);

    // No such node, and Prosody creates none on subscription.
    let node = "/finesse/api/Team/9999/Users";
    let err = match events.session.subscribe(node) {
        Ok(()) => panic!("Prosody accepted a subscription to {node}, which does not exist"),
        Err(e) => e,
    };
    assert!(
        err.to_string().contains(node),
        "the error does not name the node: {err}"
    );
    assert!(
        !matches!(err.kind(), ErrorKind::Transport | ErrorKind::Timeout),
        "a refusal reported as {:?}: {err}",
        err.kind()
    );
    assert!(events.session.is_connected());
    user_update_arrives(&mut setup, &mut events);
    events.session.close();
}

/// A password changed on the server while a session runs: after Prosody restarts, the session
/// tries once, stops, and says why.
fn changed_password_stops_reconnection(transport: Transport) {
    let Some(mut setup) = Setup::new(transport) else {
        return;
    };
    let client = setup.client(AGENT, PASSWORD);
    let mut events = setup.start(&client, short_keep_alive());
    events.connected(EVENT_TIMEOUT);

    setup.prosody.register(AGENT, "changed-on-the-server");
    setup.prosody.restart();
    events.disconnected(RECONNECT_TIMEOUT);
    let closed = events.closed_within(RECONNECT_TIMEOUT);
    let (failures, _) = setup.prosody.sign_ins(AGENT);
    assert!(
        closed,
        "the session is still open {RECONNECT_TIMEOUT:?} after Prosody came back with another \
         password, which it refused {failures} times meanwhile; events: {}",
        events.summary()
    );
    assert!(
        events.mention("not-authorized") || events.mention("authentication"),
        "the session ended without saying the password was refused: {}",
        events.summary()
    );
    std::thread::sleep(Duration::from_secs(3));
    let (later, _) = setup.prosody.sign_ins(AGENT);
    assert_eq!(
        (failures, later),
        (1, 1),
        "sign-ins Prosody refused, at the end and 3 s later"
    );
}

/// One test per check and transport: `websocket::pings_both_ways`, `bosh::…`.
macro_rules! on_every_transport {
    ($($check:ident),* $(,)?) => {
        on_every_transport!(@transport websocket, WebSocket, $($check),*);
        on_every_transport!(@transport xmpp_starttls, StartTls, $($check),*);
        on_every_transport!(@transport xmpp_direct_tls, DirectTls, $($check),*);
        on_every_transport!(@transport bosh, Bosh, $($check),*);
    };
    (@transport $module:ident, $transport:ident, $($check:ident),*) => {
        mod $module {
            $(
                #[test]
                fn $check() {
                    super::$check(super::Transport::$transport);
                }
            )*
        }
    };
}

on_every_transport!(
    sign_in_and_receive_events,
    pings_both_ways,
    reconnects_after_restart,
    wrong_password_fails_once,
    resource_conflict_ends_the_first_session,
    refused_subscription_names_the_node,
    changed_password_stops_reconnection,
);
