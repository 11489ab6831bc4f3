//! Event callbacks run on the session thread: the calls that would wait for that thread fail
//! at once there, naming the call, instead of blocking it (over real sockets to the emulator).

mod common;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::*;
use finesse_client::{Client, Error, Event, NotificationOptions, Notifications};
use finesse_emulator::Emulator;

const WAIT: Duration = Duration::from_secs(5);
const TEAM: &str = "/finesse/api/Team/5007/Users";

fn session(client: &Client, emulator: &Emulator) -> Notifications {
    let session = client
        .notifications_with(NotificationOptions::default().url(emulator.notification_url()))
        .unwrap();
    // The `connected` event queued before any callback is set.
    while session.try_recv().is_some() {}
    session
}

/// The field of an `InvalidArgument`, or what else came.
fn field<T: std::fmt::Debug>(result: Result<T, Error>) -> String {
    match result {
        Err(Error::InvalidArgument { field, message }) => {
            assert!(message.contains("event callback"), "{message}");
            field
        }
        other => format!("not refused: {other:?}"),
    }
}

/// Runs `check` once, in the callback, on the first event that shows agent 1001's User, and
/// returns what it returned and how long it took.
fn in_callback<T: Send + 'static>(
    session: &Notifications,
    client: &Client,
    check: impl FnOnce() -> T + Send + 'static,
) -> (T, Duration) {
    let (tx, rx) = mpsc::channel();
    let mut check = Some(check);
    session.set_callback(Some(Box::new(move |event: &Event| {
        if let Event::UserChanged { .. } = event
            && let Some(check) = check.take()
        {
            let started = Instant::now();
            let result = check();
            let _ = tx.send((result, started.elapsed()));
        }
    })));
    client.sign_in(EXT_1001).unwrap();
    rx.recv_timeout(WAIT * 4).expect("the callback ran")
}

#[test]
fn waiting_calls_fail_at_once_in_a_callback() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let other = agent_1002(&emulator);
    let notifications = session(&client, &emulator);
    let (s, c) = (notifications.clone(), client.clone());
    let (results, took) = in_callback(&notifications, &client, move || {
        let accepted = c.ready().expect("commands may be sent from a callback");
        let started = Instant::now();
        let recv = s.recv_timeout(WAIT);
        let iterated = s.iter().count();
        let nonblocking = (recv, iterated, started.elapsed());
        let same = c.events().map(|e| !e.is_closed());
        (
            [
                field(s.subscribe(TEAM)),
                field(s.unsubscribe(TEAM)),
                field(s.next_event(WAIT)),
                field(accepted.wait(WAIT)),
                field(c.notifications()),
                field(other.notifications()),
                field(other.events()),
            ],
            s.next_event(Duration::ZERO).is_ok(),
            nonblocking,
            same.ok(),
        )
    });
    let (fields, zero_timeout_ok, (recv, iterated, nonblocking), same) = results;
    assert_eq!(
        fields,
        [
            "subscribe",
            "unsubscribe",
            "next_event",
            "wait",
            "notifications",
            "notifications",
            "events"
        ]
    );
    assert!(zero_timeout_ok, "a zero timeout does not wait");
    // Events go to the callback: nothing is queued, and reading does not wait for any.
    assert_eq!((recv, iterated), (None, 0));
    assert!(nonblocking < Duration::from_secs(1), "{nonblocking:?}");
    assert_eq!(same, Some(true), "events() hands out the running session");
    assert!(
        took < Duration::from_secs(2),
        "refused at once, took {took:?}"
    );
    // Outside the callback the same calls work.
    notifications.set_callback(None);
    assert!(notifications.next_event(Duration::ZERO).is_ok());
    notifications.close();
}

#[test]
fn closing_from_a_callback_returns_at_once_and_the_session_ends() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let notifications = session(&client, &emulator);
    let s = notifications.clone();
    let ((), took) = in_callback(&notifications, &client, move || s.close());
    assert!(took < Duration::from_secs(1), "{took:?}");
    wait_for("the session closed", || {
        notifications.is_closed().then_some(())
    });
    wait_for("the emulator's session gone", || {
        (emulator.notification_sessions("1001") == 0).then_some(())
    });
}
