//! The notification service over real sockets: the XMPP-over-WebSocket sign-in, SASL
//! failures and the shared lock-out, pings, closing, hostile frames, and the fault
//! controls (freeze, drop, Finesse's own presence).

mod common;

use std::time::Duration;

use common::xmpp::{FRAMING, Xmpp, auth_frame, open_frame, upgrade};
use common::{fast, start, wait_until};
use finesse_emulator::{AgentConfig, EmulatorConfig};

const SHORT: Duration = Duration::from_millis(300);

#[test]
fn signs_in_binds_answers_pings_and_closes() {
    let (emulator, _) = start(fast());
    assert!(emulator.notification_url().starts_with("wss://127.0.0.1:"));
    assert!(emulator.notification_url().ends_with("/ws"));
    assert_eq!(emulator.xmpp_domain(), "localhost");

    let mut x = Xmpp::connect(&emulator);
    x.send(&open_frame());
    let open = x.recv();
    assert!(open.starts_with(&format!(r#"<open xmlns="{FRAMING}" from="localhost" id=""#)));
    assert!(open.ends_with(r#"" version="1.0" xml:lang="en"/>"#));
    assert_eq!(
        x.recv(),
        "<stream:features xmlns:stream=\"http://etherx.jabber.org/streams\">\
         <mechanisms xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\"><mechanism>PLAIN</mechanism>\
         </mechanisms></stream:features>"
    );
    x.send(&auth_frame("1001", "secret1001"));
    assert_eq!(
        x.recv(),
        r#"<success xmlns="urn:ietf:params:xml:ns:xmpp-sasl"/>"#
    );
    x.send(&open_frame());
    assert!(x.recv().starts_with("<open "));
    assert_eq!(
        x.recv(),
        "<stream:features xmlns:stream=\"http://etherx.jabber.org/streams\">\
         <bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\"/>\
         <session xmlns=\"urn:ietf:params:xml:ns:xmpp-session\"><optional/></session>\
         </stream:features>"
    );
    x.send(r#"<iq xmlns="jabber:client" type="set" id="bind_1"><bind xmlns="urn:ietf:params:xml:ns:xmpp-bind"><resource>crm-7</resource></bind></iq>"#);
    assert_eq!(
        x.recv(),
        "<iq xmlns=\"jabber:client\" type=\"result\" id=\"bind_1\"><bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\">\
         <jid>1001@localhost/crm-7</jid></bind></iq>"
    );
    x.jid = "1001@localhost/crm-7".to_owned();
    x.send(r#"<iq xmlns="jabber:client" type="set" id="session_1"><session xmlns="urn:ietf:params:xml:ns:xmpp-session"/></iq>"#);
    assert_eq!(
        x.recv(),
        r#"<iq xmlns="jabber:client" type="result" id="session_1"/>"#
    );
    assert_eq!(emulator.notification_sessions("1001"), 0);
    x.available();
    assert_eq!(emulator.notification_sessions("1001"), 1);

    assert_eq!(
        x.ping("p1", Duration::from_secs(5)).as_deref(),
        Some(
            r#"<iq xmlns="jabber:client" type="result" id="p1" from="localhost" to="1001@localhost/crm-7"/>"#
        )
    );
    x.send(r#"<iq xmlns="jabber:client" type="get" id="v1"><query xmlns="urn:example:x"/></iq>"#);
    assert!(x.recv().contains("<service-unavailable"));

    x.send(r#"<presence xmlns="jabber:client" type="unavailable"/>"#);
    wait_until("presence gone", || {
        emulator.notification_sessions("1001") == 0
    });
    x.send(&format!(r#"<close xmlns="{FRAMING}"/>"#));
    let (frames, closed) = x.read_to_end();
    assert_eq!(frames, vec![format!(r#"<close xmlns="{FRAMING}"/>"#)]);
    assert!(closed, "the WebSocket closing handshake completes");
}

#[test]
fn wrong_passwords_fail_and_count_toward_the_rest_lockout() {
    let (emulator, client) = start(fast());
    let mut x = Xmpp::connect(&emulator);
    x.send(&open_frame());
    x.recv();
    x.recv();
    for _ in 0..5 {
        x.send(&auth_frame("1001", "wrong"));
        assert_eq!(
            x.recv(),
            "<failure xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\"><not-authorized/></failure>"
        );
    }
    // Locked now: even the right password fails, over XMPP and over REST.
    x.send(&auth_frame("1001", "secret1001"));
    assert!(x.recv().contains("<not-authorized/>"));
    assert_eq!(client.get_as("1001", "/finesse/api/User/1001").status, 401);
    assert!(emulator.agent_state("1001").expect("agent").locked_out);

    x.send(r#"<auth xmlns="urn:ietf:params:xml:ns:xmpp-sasl" mechanism="DIGEST-MD5"/>"#);
    assert!(x.recv().contains("<invalid-mechanism/>"));
    x.send(r#"<auth xmlns="urn:ietf:params:xml:ns:xmpp-sasl" mechanism="PLAIN">!!!</auth>"#);
    assert!(x.recv().contains("<incorrect-encoding/>"));
    // A stanza before authentication ends the stream.
    x.send(r#"<presence xmlns="jabber:client"/>"#);
    let (frames, _) = x.read_to_end();
    assert!(frames[0].contains("<not-authorized xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>"));
}

#[test]
fn bearer_tokens_authenticate_sessions() {
    let (emulator, _) =
        start(fast().agent(AgentConfig::new("3001", "neo", "pw").bearer_token("tok-3001")));
    let mut x = Xmpp::connect(&emulator);
    x.authenticate("3001", "tok-3001");
    x.bind("r");
    x.available();
    assert_eq!(x.jid, "3001@localhost/r");
}

#[test]
fn the_upgrade_requires_the_xmpp_subprotocol() {
    let (emulator, _) = start(fast());
    match upgrade(&emulator, None) {
        Err(tungstenite::Error::Http(response)) => assert_eq!(response.status(), 400),
        other => panic!("upgrade without subprotocol: {:?}", other.map(|_| ())),
    }
}

#[test]
fn hostile_frames_end_the_stream_with_a_stream_error() {
    let (emulator, _) = start(fast());
    let mut x = Xmpp::sign_in(&emulator, "1001", "a");
    x.send("<iq type='get'><unclosed>");
    let (frames, closed) = x.read_to_end();
    assert_eq!(
        frames,
        vec![
            "<stream:error xmlns:stream=\"http://etherx.jabber.org/streams\">\
             <not-well-formed xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/></stream:error>"
                .to_owned(),
            format!(r#"<close xmlns="{FRAMING}"/>"#),
        ]
    );
    assert!(closed);
    wait_until("session ended", || {
        emulator.notification_sessions("1001") == 0
    });

    let mut big = Xmpp::sign_in(&emulator, "1001", "b");
    big.send(&format!(
        r#"<message xmlns="jabber:client"><body>{}</body></message>"#,
        "x".repeat(70 * 1024)
    ));
    let (frames, _) = big.read_to_end();
    assert!(frames[0].contains("<policy-violation"), "{frames:?}");

    let mut dtd = Xmpp::connect(&emulator);
    dtd.send(r#"<!DOCTYPE open [<!ENTITY a "aaaa">]><open xmlns="urn:ietf:params:xml:ns:xmpp-framing">&a;</open>"#);
    let (frames, _) = dtd.read_to_end();
    assert!(frames[0].contains("<not-well-formed"));
}

#[test]
fn a_second_session_on_the_same_resource_replaces_the_first() {
    let (emulator, _) = start(fast());
    let mut first = Xmpp::sign_in(&emulator, "1001", "same");
    let mut second = Xmpp::sign_in(&emulator, "1001", "same");
    let (frames, _) = first.read_to_end();
    assert!(frames[0].contains("<conflict"), "{frames:?}");
    assert!(second.ping("p", Duration::from_secs(5)).is_some());
    wait_until("one session left", || {
        emulator.notification_sessions("1001") == 1
    });
}

#[test]
fn frozen_connections_stay_open_and_silent() {
    let (emulator, _) = start(fast());
    let mut x = Xmpp::sign_in(&emulator, "1001", "f");
    emulator.freeze_notifications(true);
    // Unanswered, yet the connection is not closed (a read just times out).
    assert_eq!(x.ping("p1", SHORT), None);
    assert_eq!(x.ping("p2", SHORT), None);
    let mut probe = [0u8; 1];
    x.tcp().set_nonblocking(true).expect("nonblocking");
    let peeked = x.tcp().peek(&mut probe);
    assert!(
        matches!(&peeked, Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
        "TCP still open and silent: {peeked:?}"
    );
    x.tcp().set_nonblocking(false).expect("blocking");
    assert_eq!(emulator.notification_sessions("1001"), 1);

    emulator.freeze_notifications(false);
    // The link comes back: what was sent meanwhile is read and answered.
    assert!(x.recv().contains(r#"id="p1""#));
    assert!(x.recv().contains(r#"id="p2""#));
    assert!(x.ping("p3", Duration::from_secs(5)).is_some());
}

#[test]
fn dropped_connections_close_without_a_word() {
    let (emulator, _) = start(fast());
    let mut x = Xmpp::sign_in(&emulator, "1001", "d");
    emulator.freeze_notifications(true);
    emulator.drop_notification_connections();
    let (frames, closed_cleanly) = x.read_to_end();
    assert!(frames.is_empty());
    assert!(!closed_cleanly, "no WebSocket close frame");
    wait_until("session ended", || {
        emulator.notification_sessions("1001") == 0
    });
    emulator.freeze_notifications(false);
    // New connections are served as before.
    Xmpp::sign_in(&emulator, "1001", "d2");
}

#[test]
fn finesse_presence_follows_the_service() {
    let (emulator, _) = start(fast());
    let mut x = Xmpp::sign_in(&emulator, "1001", "s");
    emulator.set_service_available(false);
    assert_eq!(
        x.recv(),
        r#"<presence xmlns="jabber:client" from="finesse@localhost/finesse" to="1001@localhost/s" type="unavailable"/>"#
    );
    // A session becoming available meanwhile learns that the service is away.
    let mut late = Xmpp::connect(&emulator);
    late.authenticate("1002", "secret1002");
    late.bind("s");
    late.send(r#"<presence xmlns="jabber:client"/>"#);
    assert!(late.recv().ends_with(r#"type="unavailable"/>"#));
    emulator.set_service_available(true);
    assert_eq!(
        x.recv(),
        r#"<presence xmlns="jabber:client" from="finesse@localhost/finesse" to="1001@localhost/s"/>"#
    );
}

#[test]
fn plain_http_serves_plain_websockets() {
    let (emulator, _) = start(EmulatorConfig::new().plain_http(true));
    assert!(emulator.notification_url().starts_with("ws://127.0.0.1:"));
    let mut x = Xmpp::sign_in(&emulator, "1002", "plain");
    assert!(x.ping("p", Duration::from_secs(5)).is_some());
}
