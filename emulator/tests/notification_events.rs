//! Events over the notification service: every published Update reaches the subscribed
//! sessions in order, escaped in pub-sub messages; CTI errors; explicit Team
//! subscriptions; SystemInfo changes; and the forced logout of agents without a session.

mod common;

use std::time::Duration;

use common::xmpp::{Event, Xmpp};
use common::{
    Client, dialog_level_state, fast, make_call_body, sign_in, start, wait_agent, wait_until,
};
use finesse_emulator::FarEnd;

const QUIET: Duration = Duration::from_millis(300);

fn user_body(state: &str, extension: &str) -> String {
    format!("<User><state>{state}</state><extension>{extension}</extension></User>")
}

/// Signs the agent in through REST with a request id; checks its User event.
fn sign_in_with_session(client: &Client, x: &mut Xmpp, login_id: &str) {
    let path = format!("/finesse/api/User/{login_id}");
    let body = user_body("LOGIN", &format!("{login_id}001"));
    assert_eq!(client.put_as(login_id, &path, &body, "login-1").status, 202);
    let event = x.next_event(Duration::from_secs(5)).expect("User event");
    assert_eq!(event.node, path);
    assert_eq!(event.field("state").as_deref(), Some("NOT_READY"));
    assert_eq!(event.field("requestId").as_deref(), Some("login-1"));
}

#[test]
fn an_outbound_call_arrives_in_order_with_its_request_ids() {
    let (emulator, client) = start(fast());
    let mut x = Xmpp::sign_in(&emulator, "1001", "calls");
    let start_seq = emulator.notifications().last().map_or(0, |n| n.seq);
    sign_in_with_session(&client, &mut x, "1001");

    let dialogs = "/finesse/api/User/1001/Dialogs";
    let r = client.post_as(
        "1001",
        dialogs,
        &make_call_body("1001001", "5551234"),
        "call-1",
    );
    assert_eq!(r.status, 202);
    let mut events: Vec<Event> = Vec::new();
    while !events
        .iter()
        .any(|e| e.node == dialogs && dialog_level_state(&e.update) == "ACTIVE")
    {
        events.push(x.next_event(Duration::from_secs(5)).expect("call event"));
    }
    let id = common::field(
        &events
            .iter()
            .find(|e| e.node == dialogs)
            .expect("POST")
            .update,
        "id",
    )
    .expect("dialog id");
    let drop = String::from(
        "<Dialog><requestedAction>DROP</requestedAction><targetMediaAddress>1001001</targetMediaAddress></Dialog>",
    );
    assert_eq!(
        client.dialog_action("1001", &id, &drop, "drop-1").status,
        202
    );
    events.extend(x.events_until_quiet(QUIET));

    let on_dialogs: Vec<(String, String, String)> = events
        .iter()
        .filter(|e| e.node == dialogs)
        .map(|e| {
            (
                e.field("event").unwrap_or_default(),
                dialog_level_state(&e.update),
                e.field("requestId").unwrap_or_default(),
            )
        })
        .collect();
    let expected = [
        ("POST", "INITIATING", "call-1"),
        ("PUT", "INITIATED", ""),
        ("PUT", "ALERTING", ""),
        ("PUT", "ACTIVE", ""),
        ("PUT", "DROPPED", "drop-1"),
        ("DELETE", "DROPPED", "drop-1"),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
        .collect();
    assert_eq!(on_dialogs, expected);
    let post = events.iter().find(|e| e.node == dialogs).expect("POST");
    assert!(post.update.starts_with("<Update><data><dialogs><Dialog>"));
    assert_eq!(post.field("source").as_deref(), Some(dialogs));
    let put = events
        .iter()
        .filter(|e| e.node == dialogs)
        .nth(1)
        .expect("PUT");
    assert!(put.update.starts_with("<Update><data><dialog>"));
    assert_eq!(
        put.field("source"),
        Some(format!("/finesse/api/Dialog/{id}"))
    );
    assert_eq!(put.to, "1001@localhost");
    assert!(
        put.message_id
            .starts_with(&format!("{dialogs}__1001@localhost__"))
    );

    // Everything published on the user's nodes since the session went up, in log order.
    let logged: Vec<String> = emulator
        .notifications_since(start_seq)
        .into_iter()
        .filter(|n| n.node.starts_with("/finesse/api/User/1001"))
        .map(|n| n.update_xml)
        .collect();
    let received: Vec<String> = events.iter().map(|e| e.update.clone()).collect();
    assert_eq!(
        received,
        logged[1..],
        "every Update after the sign-in, in order"
    );
}

#[test]
fn cti_errors_arrive_on_the_dialogs_node() {
    let (emulator, client) = start(fast());
    emulator.set_far_end(FarEnd::Ring);
    let mut x = Xmpp::sign_in(&emulator, "1001", "errors");
    sign_in_with_session(&client, &mut x, "1001");
    let dialogs = "/finesse/api/User/1001/Dialogs";
    let body = make_call_body("1001001", "5551234");
    assert_eq!(client.post_as("1001", dialogs, &body, "first").status, 202);
    emulator.settle();
    x.events_until_quiet(QUIET);
    assert_eq!(client.post_as("1001", dialogs, &body, "second").status, 202);
    let error = x.next_event(Duration::from_secs(5)).expect("CTI error");
    assert_eq!(error.node, dialogs);
    assert!(
        error
            .update
            .starts_with("<Update><data><apiErrors><apiError>")
    );
    assert_eq!(error.field("requestId").as_deref(), Some("second"));
    assert_eq!(error.field("errorType").as_deref(), Some("Generic Error"));
    // Lower case, as recorded on a real CCE 12.5 (reference 10.4).
    assert_eq!(error.field("event").as_deref(), Some("put"));
}

#[test]
fn events_wait_for_an_available_presence_with_a_non_negative_priority() {
    let (emulator, client) = start(fast());
    let mut x = Xmpp::connect(&emulator);
    x.authenticate("1001", "secret1001");
    x.bind("late");
    sign_in(&emulator, &client, "1001", "1001001");
    assert!(x.next_event(QUIET).is_none(), "bound but not available");
    x.send(r#"<presence xmlns="jabber:client"><priority>-1</priority></presence>"#);
    assert!(
        x.recv()
            .starts_with("<presence xmlns=\"jabber:client\" from=\"finesse@localhost/finesse\"")
    );
    client.set_state("1001", "<User><state>READY</state></User>");
    assert!(x.next_event(QUIET).is_none(), "negative priority");
    x.send(r#"<presence xmlns="jabber:client"><priority>1</priority></presence>"#);
    client.set_state(
        "1001",
        "<User><state>NOT_READY</state><reasonCodeId>22</reasonCodeId></User>",
    );
    let event = x.next_event(Duration::from_secs(5)).expect("routed now");
    assert_eq!(event.field("state").as_deref(), Some("NOT_READY"));
}

#[test]
fn supervisors_subscribe_to_their_team() {
    let (emulator, client) = start(fast());
    let team = "/finesse/api/Team/5007/Users";
    let subscribe = |x: &mut Xmpp, id: &str, node: &str, jid: &str| {
        x.send(&format!(
            r#"<iq xmlns="jabber:client" type="set" id="{id}" to="pubsub.localhost"><pubsub xmlns="http://jabber.org/protocol/pubsub"><subscribe node="{node}" jid="{jid}"/></pubsub></iq>"#
        ));
        x.recv()
    };
    let unsubscribe = |x: &mut Xmpp, id: &str, node: &str, jid: &str| {
        x.send(&format!(
            r#"<iq xmlns="jabber:client" type="set" id="{id}" to="pubsub.localhost"><pubsub xmlns="http://jabber.org/protocol/pubsub"><unsubscribe node="{node}" jid="{jid}"/></pubsub></iq>"#
        ));
        x.recv()
    };

    let mut agent = Xmpp::sign_in(&emulator, "1001", "a");
    assert_eq!(
        subscribe(&mut agent, "s0", team, "1001@localhost"),
        "<iq xmlns=\"jabber:client\" type=\"error\" id=\"s0\" from=\"pubsub.localhost\" to=\"1001@localhost/a\">\
         <error type=\"auth\"><forbidden xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\"/></error></iq>"
    );

    let mut boss = Xmpp::sign_in(&emulator, "2001", "sup");
    assert_eq!(
        subscribe(&mut boss, "s1", team, "2001@localhost"),
        "<iq xmlns=\"jabber:client\" type=\"result\" id=\"s1\" from=\"pubsub.localhost\" to=\"2001@localhost/sup\">\
         <pubsub xmlns=\"http://jabber.org/protocol/pubsub\"><subscription \
         node=\"/finesse/api/Team/5007/Users\" jid=\"2001@localhost\" subscription=\"subscribed\"/>\
         </pubsub></iq>"
    );
    assert!(
        subscribe(
            &mut boss,
            "s2",
            "/finesse/api/Team/9999/Users",
            "2001@localhost"
        )
        .contains(
            "<error type=\"cancel\"><item-not-found xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\"/>"
        )
    );
    // Any user may subscribe to a queue's statistics (DEVNET `queue-notifications`); an
    // unknown queue is no node.
    assert!(
        subscribe(&mut boss, "s3", "/finesse/api/Queue/10", "2001@localhost")
            .contains("subscription=\"subscribed\"")
    );
    assert!(
        subscribe(&mut boss, "s5", "/finesse/api/Queue/99", "2001@localhost")
            .contains("<item-not-found")
    );
    assert!(subscribe(&mut boss, "s4", team, "1001@localhost").contains("<invalid-jid"));

    sign_in(&emulator, &client, "1001", "1001001");
    let update = boss
        .next_event(Duration::from_secs(5))
        .expect("team update");
    assert_eq!(update.node, team);
    assert!(update.update.starts_with("<Update><data><user>"));
    assert_eq!(update.field("loginId").as_deref(), Some("1001"));
    assert_eq!(
        update.field("source").as_deref(),
        Some("/finesse/api/User/1001")
    );
    assert_eq!(update.field("event").as_deref(), Some("PUT"));

    // The subscription belongs to the user: a later session receives team events too.
    drop(boss);
    let mut boss = Xmpp::sign_in(&emulator, "2001", "sup2");
    client.set_state("1001", "<User><state>READY</state></User>");
    let update = boss
        .next_event(Duration::from_secs(5))
        .expect("team update");
    assert_eq!(update.field("state").as_deref(), Some("READY"));

    assert_eq!(
        unsubscribe(&mut boss, "u1", team, "2001@localhost"),
        r#"<iq xmlns="jabber:client" type="result" id="u1" from="pubsub.localhost" to="2001@localhost/sup2"/>"#
    );
    assert!(unsubscribe(&mut boss, "u2", team, "2001@localhost").contains("<not-subscribed"));
    client.set_state(
        "1001",
        "<User><state>NOT_READY</state><reasonCodeId>22</reasonCodeId></User>",
    );
    wait_agent(&emulator, "1001", "NOT_READY");
    assert!(boss.next_event(QUIET).is_none(), "unsubscribed");
}

#[test]
fn system_info_changes_reach_every_session() {
    let (emulator, _) = start(fast());
    let mut a = Xmpp::sign_in(&emulator, "1001", "a");
    let mut b = Xmpp::sign_in(&emulator, "1002", "b");
    emulator.set_out_of_service(true);
    for x in [&mut a, &mut b] {
        let e = x
            .next_event(Duration::from_secs(5))
            .expect("SystemInfo event");
        assert_eq!(e.node, "/finesse/api/SystemInfo");
        assert!(e.update.starts_with("<Update><data><SystemInfo>"));
        assert_eq!(e.field("status").as_deref(), Some("OUT_OF_SERVICE"));
        assert_eq!(e.field("xmppDomain").as_deref(), Some("localhost"));
        assert!(e.update.ends_with(
            "</SystemInfo></data><event>PUT</event><requestId></requestId>\
             <source>/finesse/api/SystemInfo</source></Update>"
        ));
    }
    emulator.set_out_of_service(false);
    let e = a
        .next_event(Duration::from_secs(5))
        .expect("back in service");
    assert_eq!(e.field("status").as_deref(), Some("IN_SERVICE"));
}

#[test]
fn agents_who_lose_their_session_are_forced_not_ready_with_reason_255() {
    let after = Duration::from_millis(500);
    let (emulator, client) = start(fast().forced_logout_after(Some(after)));
    // 1002 keeps a session; 1003 gets one shortly after signing in; 1001 never has one.
    let mut kept = Xmpp::sign_in(&emulator, "1002", "kept");
    sign_in(&emulator, &client, "1002", "1002001");
    let mut late = Xmpp::connect(&emulator);
    late.authenticate("1003", "secret1003");
    late.bind("late");
    sign_in(&emulator, &client, "1003", "1003001");
    late.available();
    sign_in(&emulator, &client, "1001", "1001001");

    // Nothing documents a forced logout of an agent that never opened a session.
    std::thread::sleep(after * 2);
    assert_eq!(common::agent_state(&emulator, "1001"), "NOT_READY");
    assert_eq!(common::agent_state(&emulator, "1002"), "NOT_READY");
    assert_eq!(common::agent_state(&emulator, "1003"), "NOT_READY");
    let snapshot = emulator.agent_state("1002").expect("agent");
    assert_eq!(snapshot.reason_code_id, None);

    // Losing the last session starts the timer; CCE with LOAD 0 (the default) makes the
    // agent NOT_READY with reason 255.
    kept.events_until_quiet(QUIET);
    let seq = emulator.notifications().last().map_or(0, |n| n.seq);
    kept.send(r#"<presence xmlns="jabber:client" type="unavailable"/>"#);
    wait_until("forced NOT_READY", || {
        emulator
            .agent_state("1002")
            .is_some_and(|a| a.reason_code_id == Some(255))
    });
    assert_eq!(common::agent_state(&emulator, "1002"), "NOT_READY");
    let forced = emulator
        .notifications_since(seq)
        .into_iter()
        .find(|n| n.node == "/finesse/api/User/1002" && n.update_xml.contains("<code>255</code>"))
        .expect("forced NOT_READY published");
    assert_eq!(forced.request_id, "");
    assert!(forced.update_xml.contains(
        "<reasonCode><category>NOT_READY</category><code>255</code><forAll>true</forAll>\
         <id>255</id><label>Connection Failure</label><systemCode>true</systemCode>"
    ));
    assert!(
        forced
            .update_xml
            .contains("<reasonCodeId>255</reasonCodeId>")
    );
    let e = kept.next_event(QUIET);
    assert!(e.is_none(), "an unavailable session gets no events");
}

#[test]
fn dropped_sessions_count_as_gone_for_the_forced_logout() {
    let config = fast()
        .forced_logout_after(Some(Duration::from_millis(200)))
        .logout_on_disconnect(true);
    let (emulator, client) = start(config);
    let _x = Xmpp::sign_in(&emulator, "1001", "x");
    sign_in(&emulator, &client, "1001", "1001001");
    emulator.drop_notification_connections();
    wait_until("session ended", || {
        emulator.notification_sessions("1001") == 0
    });
    wait_agent(&emulator, "1001", "LOGOUT");
}
