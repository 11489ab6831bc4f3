//! The queue of unread events is bounded in bytes: an application that stops reading keeps at
//! most `queue_bytes` of events; the oldest go, and the next event it reads says how many.

mod common;

use std::time::Duration;

use common::*;
use finesse_client::{AgentState, Event, NotificationOptions};

#[test]
fn a_full_queue_drops_the_oldest_and_the_next_read_says_how_many() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let mut options = NotificationOptions::default().url(emulator.notification_url());
    // A User document is about 1 KiB: room for a handful.
    options.queue_bytes = 8 * 1024;
    let session = client.notifications_with(options).unwrap();
    sign_in(&client, EXT_1001);
    let changes = 40;
    for i in 0..changes {
        if i % 2 == 0 {
            client.ready().unwrap();
        } else {
            client.not_ready(Some(22)).unwrap();
        }
    }
    // The last change (NOT_READY) is published last; wait until it was queued.
    wait_for("the drops", || {
        (session.dropped() >= changes / 2).then_some(())
    });
    std::thread::sleep(Duration::from_millis(300));
    let dropped = session.dropped();

    let mut events = Vec::new();
    while let Some(event) = session.recv_timeout(Duration::from_millis(200)) {
        events.push(event);
    }
    let Some(Event::Dropped { count }) = events.first() else {
        panic!("the first event read is not Dropped: {:?}", events.first());
    };
    assert_eq!(*count, dropped);
    let kept = &events[1..];
    assert!(!kept.is_empty() && kept.len() < 12, "{} kept", kept.len());
    assert!(kept.iter().all(|e| !matches!(e, Event::Dropped { .. })));
    // The newest were kept: the last event shows the final state.
    let Some(Event::UserChanged { user, .. }) = kept.last() else {
        panic!("{:?}", kept.last());
    };
    assert_eq!(user.state, AgentState::NotReady);
    // Reading on: nothing more was lost.
    client.ready().unwrap();
    let next = session.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(matches!(next, Event::UserChanged { .. }), "{next:?}");
    assert_eq!(session.dropped(), dropped);
}
