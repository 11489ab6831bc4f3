//! The notification transports against the emulator's release profiles, as a user meets
//! them: the default URL of each release (12.x: WebSocket on the REST origin at `/ws/`;
//! 11.6: no WebSocket, so BOSH on 7443, then XMPP over TCP on the port SystemInfo lists), and
//! a call's events over each transport named by its URL. The same transports against an
//! independent server are in `interop_prosody.rs`.

mod common;

use std::time::Duration;

use common::{EXT_1001, agent_1001};
use finesse_client::{
    AgentState, ConnectionState, DialogState, Event, MakeCall, NotificationOptions, Notifications,
};
use finesse_emulator::{Emulator, EmulatorConfig, Release};

fn emulator(release: Release) -> Emulator {
    Emulator::start(EmulatorConfig::new().release(release)).expect("emulator starts")
}

/// Reads events until `done` accepts one, for at most 10 s; panics naming `what`.
#[track_caller]
fn until(session: &Notifications, what: &str, done: impl Fn(&Event) -> bool) -> Event {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let mut seen = Vec::new();
    while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
        match session.recv_timeout(left) {
            Some(event) if done(&event) => return event,
            Some(event) => seen.push(format!("{event:?}")),
            None => break,
        }
    }
    panic!("no {what} within 10 s; saw: {seen:#?}");
}

/// The session's events are routed once the `finesse` service's presence arrives.
fn routed(event: &Event) -> bool {
    matches!(
        event,
        Event::Connection(ConnectionState::ServiceAvailable { available: true })
    )
}

#[test]
fn finesse_12_is_reached_at_the_documented_default_url() {
    for release in [Release::Cce12_5, Release::Cce12_6, Release::Ccx12_5] {
        let emulator = emulator(release);
        let client = agent_1001(&emulator);
        let session = client.notifications().unwrap();
        // wss://<REST host:port>/ws/, as the README's table says for 12.x.
        let expected = format!("{}/ws/", emulator.base_url().replace("https://", "wss://"));
        assert_eq!(session.url(), expected, "{release:?}");
        assert_eq!(
            emulator.rest_websocket_url().as_deref(),
            Some(expected.as_str())
        );
        until(&session, "the service's presence", routed);
        client.sign_in(EXT_1001).unwrap();
        until(
            &session,
            "the agent's sign-in",
            |e| matches!(e, Event::UserChanged { user, .. } if user.state == AgentState::NotReady),
        );
        session.close();
    }
}

#[test]
fn finesse_11_without_websocket_is_reached_over_tcp_on_the_port_system_info_lists() {
    let emulator = emulator(Release::Cce11_6);
    assert_eq!(emulator.rest_websocket_url(), None);
    let client = agent_1001(&emulator);
    let ports = client
        .system_info()
        .unwrap()
        .primary_node_ports
        .expect("SystemInfo lists the node's ports");
    let secure = ports.xmpp_secure_port.expect("the direct TLS port");
    // No WebSocket at /ws/ (HTTP 404), nothing on 7443 here: the TCP port comes next.
    let session = client.notifications().unwrap();
    assert_eq!(session.url(), format!("xmpps://127.0.0.1:{secure}"));
    assert_eq!(emulator.xmpps_url(), Some(session.url().to_owned()));
    until(&session, "the service's presence", routed);
    client.sign_in(EXT_1001).unwrap();
    until(
        &session,
        "the agent's sign-in",
        |e| matches!(e, Event::UserChanged { user, .. } if user.state == AgentState::NotReady),
    );
}

#[test]
fn a_call_s_events_arrive_over_every_transport() {
    // 12.0 offers them all.
    let emulator = emulator(Release::Cce12_0);
    let urls = [
        emulator.rest_websocket_url(),
        Some(emulator.notification_url()),
        emulator.bosh_url(),
        emulator.xmpps_url(),
        emulator.xmpp_url(),
    ];
    let client = agent_1001(&emulator);
    client.sign_in(EXT_1001).unwrap();
    for url in urls {
        let url = url.expect("release 12.0 serves every transport");
        let session = client
            .notifications_with(NotificationOptions::default().url(url.clone()))
            .unwrap_or_else(|e| panic!("{url}: {e}"));
        assert_eq!(session.url(), url);
        until(&session, "the service's presence", routed);
        let placed = client
            .make_call(&MakeCall::new("6135551212"))
            .unwrap()
            .wait(Duration::from_secs(5))
            .unwrap_or_else(|e| panic!("{url}: {e}"));
        let id = placed.dialog().expect("the new dialog").id.clone();
        until(
            &session,
            "the call's dialog",
            |e| matches!(e, Event::DialogAdded { dialog, .. } if dialog.id == id),
        );
        client.drop_call(&id).unwrap();
        until(&session, "the call's end", |e| {
            matches!(e, Event::DialogRemoved { dialog, .. } if dialog.id == id)
                || matches!(e, Event::DialogChanged { dialog, .. }
                    if dialog.id == id && dialog.state == DialogState::Dropped)
        });
        session.close();
    }
}

#[test]
fn a_burst_larger_than_one_bosh_answer_arrives_whole() {
    let emulator = emulator(Release::Cce12_0);
    let client = agent_1001(&emulator);
    let session = client
        .notifications_with(NotificationOptions::default().url(emulator.bosh_url().unwrap()))
        .unwrap();
    until(&session, "the service's presence", routed);
    // 400 notifications of about 4 KB: more than one BOSH answer carries.
    let padding = "x".repeat(4000);
    let dialog = format!(
        "<dialog><id>16777500</id><state>ACTIVE</state><fromAddress>1001001</fromAddress>\
         <toAddress>{padding}</toAddress><participants/></dialog>"
    );
    for i in 0..400 {
        emulator.publish_update(
            "/finesse/api/User/1001/Dialogs",
            "PUT",
            "/finesse/api/Dialog/16777500",
            &format!("burst-{i}"),
            &dialog,
        );
    }
    for i in 0..400 {
        let id = format!("burst-{i}");
        until(&session, &id, |e| e.request_id() == Some(id.as_str()));
    }
    assert!(session.is_connected());
}
