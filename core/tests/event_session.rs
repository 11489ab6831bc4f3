//! The client's event session (`Client::events`) over real sockets to the emulator: which
//! session it hands out, who owns it, and when it ends; and the configured notification URL.

mod common;

use std::time::Duration;

use common::*;
use finesse_client::{
    AgentState, Client, Config, ErrorKind, Event, NotificationOptions, Notifications,
};
use finesse_emulator::Emulator;

const WAIT: Duration = Duration::from_secs(5);

/// Agent 1001's client, with the emulator's notification service in its configuration (the
/// emulator serves it on a port of its own, not at the default `/ws` of the REST port).
fn agent(emulator: &Emulator) -> Client {
    Client::new(
        Config::builder(emulator.base_url())
            .basic_auth("1001", "secret1001")
            .ca_pem(emulator.ca_pem())
            .notification_url(emulator.notification_url())
            .build()
            .unwrap(),
    )
    .unwrap()
}

/// Waits until the emulator counts `n` notification sessions of agent 1001.
#[track_caller]
fn sessions_become(emulator: &Emulator, n: usize) {
    wait_for(&format!("{n} sessions of 1001"), || {
        (emulator.notification_sessions("1001") == n).then_some(())
    });
}

/// Whether an event showing the agent NOT_READY reaches `session`.
fn sees_not_ready(session: &Notifications) -> bool {
    let deadline = std::time::Instant::now() + WAIT;
    while let Some(event) =
        session.recv_timeout(deadline.saturating_duration_since(std::time::Instant::now()))
    {
        if matches!(&event, Event::UserChanged { user, .. } if user.state == AgentState::NotReady) {
            return true;
        }
    }
    false
}

#[test]
fn the_configured_notification_url_is_used_and_options_override_it() {
    let emulator = emulator();
    let client = agent(&emulator);
    let session = client.notifications().unwrap();
    assert!(session.is_connected());
    session.close();

    let wrong = Client::new(
        Config::builder(emulator.base_url())
            .basic_auth("1001", "secret1001")
            .ca_pem(emulator.ca_pem())
            .notification_url("wss://127.0.0.1:1/ws")
            .build()
            .unwrap(),
    )
    .unwrap();
    let err = wrong.notifications().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport, "{err}");
    let session = wrong
        .notifications_with(NotificationOptions::default().url(emulator.notification_url()))
        .unwrap();
    assert!(session.is_connected());

    let err = client
        .notifications_with(NotificationOptions::default().url("ftp://127.0.0.1/ws"))
        .unwrap_err();
    assert!(
        matches!(&err, finesse_client::Error::InvalidArgument { field, .. } if field == "url"),
        "{err}"
    );
}

#[test]
fn events_starts_one_session_the_client_owns_and_later_calls_reuse_it() {
    let emulator = emulator();
    let client = agent(&emulator);
    let first = client.events().unwrap();
    let second = client.events().unwrap();
    sessions_become(&emulator, 1);
    client.sign_in(EXT_1001).unwrap();
    // One session: its events are read through either handle.
    assert!(sees_not_ready(&second));
    // The client owns it: dropping the handles does not end it.
    drop(first);
    drop(second);
    assert!(!client.events().unwrap().is_closed());
    sessions_become(&emulator, 1);
    // While it runs, the application cannot start another one.
    let err = client.notifications().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
}

#[test]
fn concurrent_first_calls_share_one_session() {
    let emulator = emulator();
    let client = agent(&emulator);
    let handles: Vec<Notifications> = std::thread::scope(|s| {
        let threads: Vec<_> = (0..4)
            .map(|_| s.spawn(|| client.events().unwrap()))
            .collect();
        threads.into_iter().map(|t| t.join().unwrap()).collect()
    });
    sessions_become(&emulator, 1);
    handles[0].close();
    assert!(handles.iter().all(Notifications::is_closed));
}

#[test]
fn events_hands_out_the_session_the_application_holds() {
    let emulator = emulator();
    let client = agent(&emulator);
    let app = client.notifications().unwrap();
    let events = client.events().unwrap();
    sessions_become(&emulator, 1);
    client.sign_in(EXT_1001).unwrap();
    assert!(sees_not_ready(&events));
    // The client does not own it: close_events leaves it alone.
    client.close_events();
    assert!(!app.is_closed());
    // Closing it through any handle closes it for all.
    app.close();
    assert!(events.is_closed());
    sessions_become(&emulator, 0);
    // Then events() starts one of the client's own.
    let own = client.events().unwrap();
    assert!(!own.is_closed());
    sessions_become(&emulator, 1);
}

#[test]
fn the_application_dropping_its_session_still_closes_it() {
    let emulator = emulator();
    let client = agent(&emulator);
    drop(client.notifications().unwrap());
    sessions_become(&emulator, 0);
    // Nothing runs any more: a new session may start.
    let again = client.notifications().unwrap();
    assert!(again.is_connected());
}

#[test]
fn close_events_and_dropping_the_client_end_the_owned_session_despite_handles() {
    let emulator = emulator();
    let client = agent(&emulator);
    let handle = client.events().unwrap();
    client.close_events();
    assert!(handle.is_closed(), "closed for the handle too");
    sessions_become(&emulator, 0);
    // Closing again, or with nothing to close, does nothing.
    client.close_events();
    handle.close();

    let handle = client.events().unwrap();
    let clone = client.clone();
    drop(client);
    assert!(!handle.is_closed(), "a clone of the client is left");
    drop(clone);
    assert!(handle.is_closed(), "the last clone of the client closed it");
    sessions_become(&emulator, 0);
}
