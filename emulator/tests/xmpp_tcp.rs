//! XMPP over TCP (RFC 6120) on the STARTTLS port (TLS required before SASL, as Openfire on
//! Finesse) and on the direct-TLS port: sign-in, events, the end of the stream, hostile
//! input, and the fault controls.

mod common;

use std::time::Duration;

use common::tcp::{HEADER, Stream};
use common::{fast, sign_in, start, wait_until};
use finesse_emulator::Release;

const QUIET: Duration = Duration::from_millis(300);

#[test]
fn starttls_is_offered_first_and_required() {
    let (emulator, _) = start(fast().release(Release::Cce12_0));
    let url = emulator.xmpp_url().expect("offered on 12.0");
    let mut s = Stream::plain(&url);
    s.send(HEADER);
    let features = s.expect("</stream:features>");
    assert!(features.starts_with("<?xml version='1.0'?><stream:stream xmlns=\"jabber:client\" xmlns:stream=\"http://etherx.jabber.org/streams\" from=\"localhost\" id=\""), "{features}");
    assert!(features.ends_with(
        "<starttls xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"><required/></starttls></stream:features>"
    ), "{features}");
    // SASL before TLS breaks the policy.
    s.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGEAYg==</auth>");
    let end = s.read_to_end();
    assert!(
        end.contains("<policy-violation xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>"),
        "{end}"
    );
    assert!(end.ends_with("</stream:stream>"), "{end}");
}

#[test]
fn signs_in_over_starttls_and_receives_events() {
    let (emulator, client) = start(fast().release(Release::Cce11_6));
    let url = emulator.xmpp_url().expect("offered on 11.6");
    let mut s = Stream::starttls(&url, &emulator.ca_pem()).sign_in("1001", "tcp");
    assert_eq!(s.jid, "1001@localhost/tcp");
    assert_eq!(emulator.notification_sessions("1001"), 1);
    sign_in(&emulator, &client, "1001", "1001001");
    let event = s.next_event(Duration::from_secs(5)).expect("an event");
    assert_eq!(event.node, "/finesse/api/User/1001");
    assert_eq!(event.to, "1001@localhost");
    assert!(event.update.starts_with("<Update><data><user>"));

    s.send("<iq type='get' id='p1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
    assert_eq!(
        s.expect("/>"),
        "<iq xmlns=\"jabber:client\" type=\"result\" id=\"p1\" from=\"localhost\" to=\"1001@localhost/tcp\"/>"
    );
    s.send("</stream:stream>");
    let end = s.read_to_end();
    assert_eq!(end, "</stream:stream>");
    wait_until("session ended", || {
        emulator.notification_sessions("1001") == 0
    });
}

#[test]
fn signs_in_over_direct_tls() {
    let (emulator, client) = start(fast());
    let url = emulator.xmpps_url().expect("offered on 12.5");
    assert_eq!(emulator.xmpp_url(), None, "5222 is off on 12.5");
    let mut s = Stream::direct_tls(&url, &emulator.ca_pem()).sign_in("1002", "d");
    sign_in(&emulator, &client, "1002", "1002002");
    let event = s.next_event(Duration::from_secs(5)).expect("an event");
    assert_eq!(event.field("state").as_deref(), Some("NOT_READY"));
}

#[test]
fn a_port_the_release_does_not_offer_turns_clients_away() {
    let (emulator, _) = start(fast().release(Release::Cce12_0));
    let url = emulator.xmpp_url().expect("offered on 12.0");
    emulator.set_release(Release::Cce12_5);
    let mut s = Stream::plain(&url);
    assert_eq!(s.read_to_end(), "", "closed without a word");
}

#[test]
fn hostile_input_ends_the_stream_with_a_stream_error() {
    let (emulator, _) = start(fast());
    let url = emulator.xmpps_url().expect("offered");
    let ca = emulator.ca_pem();

    let mut deep = Stream::direct_tls(&url, &ca);
    deep.send(HEADER);
    deep.expect("</stream:features>");
    deep.send(&"<a>".repeat(50_000));
    let end = deep.read_to_end();
    assert!(end.contains("<policy-violation"), "{end}");

    let mut large = Stream::direct_tls(&url, &ca);
    large.send(HEADER);
    large.expect("</stream:features>");
    large.send(&format!("<message><body>{}", "x".repeat(70 * 1024)));
    assert!(large.read_to_end().contains("<policy-violation"));

    let mut comment = Stream::direct_tls(&url, &ca);
    comment.send(HEADER);
    comment.expect("</stream:features>");
    comment.send("<!-- hello -->");
    assert!(comment.read_to_end().contains("<restricted-xml"));

    let mut wrong = Stream::direct_tls(&url, &ca);
    wrong.send(
        "<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'>",
    );
    let end = wrong.read_to_end();
    // The server opens its own stream before the error (RFC 6120 4.9.1.1).
    assert!(
        end.starts_with("<?xml version='1.0'?><stream:stream "),
        "{end}"
    );
    assert!(end.contains("<invalid-namespace"), "{end}");

    let mut early = Stream::direct_tls(&url, &ca);
    early.send(HEADER);
    early.expect("</stream:features>");
    early.send("<presence/>");
    assert!(early.read_to_end().contains("<not-authorized"));
}

#[test]
fn a_second_session_on_the_same_resource_replaces_the_first() {
    let (emulator, _) = start(fast());
    let url = emulator.xmpps_url().expect("offered");
    let mut first = Stream::direct_tls(&url, &emulator.ca_pem()).sign_in("1001", "same");
    let _second = Stream::direct_tls(&url, &emulator.ca_pem()).sign_in("1001", "same");
    let end = first.read_to_end();
    assert!(
        end.contains("<conflict xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>"),
        "{end}"
    );
}

#[test]
fn freeze_and_drop_reach_tcp_sessions() {
    let (emulator, client) = start(fast());
    let url = emulator.xmpps_url().expect("offered");
    let mut s = Stream::direct_tls(&url, &emulator.ca_pem()).sign_in("1001", "f");
    emulator.freeze_notifications(true);
    s.send("<iq type='get' id='p1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
    assert_eq!(s.expect_within("/>", QUIET), None, "frozen: unanswered");
    emulator.freeze_notifications(false);
    assert!(s.expect("/>").contains("id=\"p1\""));

    emulator.drop_notification_connections();
    assert_eq!(s.read_to_end(), "", "dropped without a word");
    wait_until("session ended", || {
        emulator.notification_sessions("1001") == 0
    });
    sign_in(&emulator, &client, "1001", "1001001");
}
