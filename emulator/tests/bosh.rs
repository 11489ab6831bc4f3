//! BOSH (XEP-0124, XEP-0206) at `/http-bind/` on its own port: session creation, SASL,
//! restart, bind, events delivered to a held request, `rid` checking (early requests
//! inside the window wait for their turn, a repeated one gets its answer again, one beyond
//! the window ends the session), `terminate`, inactivity, and bounds.

mod common;

use std::thread;
use std::time::Duration;

use common::bosh::{Bosh, HTTPBIND, attribute};
use common::xmpp::decode_event;
use common::{fast, sign_in, start, wait_until};
use finesse_emulator::Release;

#[test]
fn creates_a_session_with_the_stream_features() {
    let (emulator, _) = start(fast());
    let mut b = Bosh::new(&emulator);
    assert!(b.url.starts_with("https://127.0.0.1:") && b.url.ends_with("/http-bind/"));
    let created = b.create(30);
    for (name, value) in [
        ("wait", "30"),
        ("hold", "1"),
        ("requests", "2"),
        ("inactivity", "30"),
        ("ver", "1.6"),
        ("from", "localhost"),
        ("secure", "true"),
        ("xmpp:version", "1.0"),
    ] {
        assert_eq!(
            attribute(&created, name).as_deref(),
            Some(value),
            "{created}"
        );
    }
    assert!(attribute(&created, "authid").is_some());
    assert!(created.contains(
        "<stream:features xmlns:stream=\"http://etherx.jabber.org/streams\"><mechanisms xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\"><mechanism>PLAIN</mechanism></mechanisms></stream:features>"
    ), "{created}");
}

#[test]
fn signs_in_and_receives_events_on_a_held_request() {
    let (emulator, client) = start(fast().release(Release::Cce11_6));
    let mut b = Bosh::sign_in(&emulator, "1001", "bosh", 10);
    assert_eq!(emulator.notification_sessions("1001"), 1);
    // An empty request is held until the server has something to say.
    let held = b.body("", "");
    let other = Bosh::new(&emulator);
    let waiter = thread::spawn(move || other.post_raw(&held));
    thread::sleep(Duration::from_millis(200));
    sign_in(&emulator, &client, "1001", "1001001");
    let (status, body) = waiter.join().expect("answered");
    assert_eq!(status, 200);
    let start = body.find("<message").expect("a message");
    let end = body.rfind("</message>").expect("its end") + "</message>".len();
    let event = decode_event(&body[start..end]).expect("a pub-sub event");
    assert_eq!(event.node, "/finesse/api/User/1001");
    assert!(
        body[start..].starts_with("<message xmlns=\"jabber:client\" from=\"pubsub.localhost\"")
    );

    let ping = b.send(
        "",
        "<iq xmlns='jabber:client' type='get' id='p1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>",
    );
    assert!(
        ping.contains("<iq xmlns=\"jabber:client\" type=\"result\" id=\"p1\" from=\"localhost\""),
        "{ping}"
    );

    let end = b.send(
        "type='terminate'",
        "<presence xmlns='jabber:client' type='unavailable'/>",
    );
    assert_eq!(
        attribute(&end, "type").as_deref(),
        Some("terminate"),
        "{end}"
    );
    wait_until("session ended", || {
        emulator.notification_sessions("1001") == 0
    });
    // The session is gone.
    let after = b.send("", "");
    assert_eq!(
        attribute(&after, "condition").as_deref(),
        Some("item-not-found")
    );
}

#[test]
fn an_idle_held_request_is_answered_empty_after_wait() {
    let (emulator, _) = start(fast());
    let mut b = Bosh::sign_in(&emulator, "1001", "w", 1);
    let started = std::time::Instant::now();
    let empty = b.send("", "");
    assert!(started.elapsed() >= Duration::from_millis(900));
    assert_eq!(empty, format!("<body xmlns=\"{HTTPBIND}\"/>"));
}

#[test]
fn rids_are_processed_in_order_inside_the_window() {
    let (emulator, _) = start(fast());
    let mut b = Bosh::sign_in(&emulator, "1001", "r", 5);
    let first = b.body("", "<iq xmlns='jabber:client' type='get' id='p1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
    let second = b.body("", "<iq xmlns='jabber:client' type='get' id='p2' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
    // The second arrives first: it waits for the first, then both are answered in order.
    let other = Bosh::new(&emulator);
    let early = thread::spawn(move || other.post_raw(&second));
    thread::sleep(Duration::from_millis(200));
    let (_, answer1) = b.post_raw(&first);
    let (_, answer2) = early.join().expect("answered");
    let both = format!("{answer1}{answer2}");
    let p1 = both.find("id=\"p1\"").expect("p1 answered");
    let p2 = both.find("id=\"p2\"").expect("p2 answered");
    assert!(p1 < p2, "{both}");

    // A repeated rid gets the same answer again (XEP-0124 14.3).
    let (_, again) = b.post_raw(&first);
    assert_eq!(again, answer1);

    // A rid beyond the window ends the session.
    b.rid += 5;
    let beyond = b.send("", "");
    assert_eq!(
        attribute(&beyond, "condition").as_deref(),
        Some("item-not-found"),
        "{beyond}"
    );
    wait_until("session ended", || {
        emulator.notification_sessions("1001") == 0
    });
}

#[test]
fn an_inactive_session_ends() {
    let (emulator, _) = start(fast().bosh_inactivity(Duration::from_secs(1)));
    let mut b = Bosh::sign_in(&emulator, "1001", "i", 5);
    thread::sleep(Duration::from_millis(1600));
    wait_until("session ended", || {
        emulator.notification_sessions("1001") == 0
    });
    let after = b.send("", "");
    assert_eq!(
        attribute(&after, "condition").as_deref(),
        Some("item-not-found")
    );
}

#[test]
fn bad_bodies_and_stream_errors_terminate() {
    let (emulator, _) = start(fast());
    let b = Bosh::new(&emulator);
    let (status, body) = b.post_raw("<body rid='1'/>");
    assert_eq!(status, 200);
    assert_eq!(
        attribute(&body, "condition").as_deref(),
        Some("bad-request")
    );
    // A body too large is a terminal condition too (XEP-0124 17.2), not an HTTP error.
    let (status, body) = b.post_raw(&format!(
        "<body xmlns='{HTTPBIND}' rid='1'>{}</body>",
        "x".repeat(70 * 1024)
    ));
    assert_eq!(status, 200);
    assert_eq!(
        attribute(&body, "condition").as_deref(),
        Some("policy-violation")
    );

    // A stanza outside jabber:client ends the stream (XEP-0206 8).
    let mut s = Bosh::sign_in(&emulator, "1002", "ns", 5);
    let end = s.send("", "<presence/>");
    assert_eq!(attribute(&end, "type").as_deref(), Some("terminate"));
    assert_eq!(
        attribute(&end, "condition").as_deref(),
        Some("remote-stream-error")
    );
    assert!(
        end.contains("<unsupported-stanza-type xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>"),
        "{end}"
    );
}

#[test]
fn bosh_is_offered_on_every_release_and_freeze_reaches_it() {
    let (emulator, _) = start(fast().release(Release::Cce12_6));
    let mut b = Bosh::sign_in(&emulator, "1001", "f", 5);
    emulator.freeze_notifications(true);
    let held = b.body("", "<iq xmlns='jabber:client' type='get' id='p' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
    let other = Bosh::new(&emulator);
    let waiter = thread::spawn(move || other.post_raw(&held));
    thread::sleep(Duration::from_millis(300));
    assert!(!waiter.is_finished(), "frozen: nothing answered");
    emulator.freeze_notifications(false);
    let (_, answer) = waiter.join().expect("answered");
    assert!(answer.contains("id=\"p\""), "{answer}");
}
