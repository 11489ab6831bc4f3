//! Notifications over a real XMPP-over-WebSocket connection to the emulator: the events of a
//! call in order, screen-pop latency, CTI errors on awaited commands, forced logout, dead-link
//! detection, subscriptions and reconnection.

mod common;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::*;
use finesse_client::{
    AgentState, Client, ConnectionState, DialogState, ErrorKind, Event, MakeCall,
    NotificationOptions, Notifications, Outcome,
};
use finesse_emulator::{Emulator, EmulatorConfig, InboundCall};

const WAIT: Duration = Duration::from_secs(5);

fn options(emulator: &Emulator) -> NotificationOptions {
    NotificationOptions::default().url(emulator.notification_url())
}

fn session(client: &Client, emulator: &Emulator) -> Notifications {
    client.notifications_with(options(emulator)).unwrap()
}

/// Reads events until `stop` accepts one, for at most `within`; returns all read.
#[track_caller]
fn events_until(
    notifications: &Notifications,
    within: Duration,
    stop: impl Fn(&Event) -> bool,
) -> Vec<Event> {
    let deadline = Instant::now() + within;
    let mut seen = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let Some(event) = notifications.recv_timeout(left) else {
            panic!("no matching event within {within:?}; saw {seen:#?}");
        };
        let done = stop(&event);
        seen.push(event);
        if done {
            return seen;
        }
    }
}

#[test]
fn every_event_of_an_outbound_call_in_order() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let notifications = session(&client, &emulator);
    assert!(notifications.is_connected());
    client.sign_in(EXT_1001).unwrap().wait(WAIT).unwrap();

    let accepted = client
        .make_call(&MakeCall::new("6135551212").call_variable("callVariable1", "acct-42"))
        .unwrap();
    let Outcome::Dialog(first) = accepted.wait(WAIT).unwrap() else {
        panic!("a dialog")
    };
    assert_eq!(
        first.state,
        DialogState::Initiating,
        "the echo is the new dialog"
    );
    wait_dialog(&client, "ACTIVE", |d| d.state == DialogState::Active);
    client.drop_call(&first.id).unwrap();

    let events = events_until(
        &notifications,
        WAIT,
        |e| matches!(e, Event::DialogRemoved { dialog, .. } if dialog.id == first.id),
    );
    let mut steps: Vec<String> = Vec::new();
    for event in &events {
        let step = match event {
            Event::DialogAdded { dialog, .. } if dialog.id == first.id => {
                format!("added {}", dialog.state)
            }
            Event::DialogChanged { dialog, .. } if dialog.id == first.id => {
                dialog.state.to_string()
            }
            Event::DialogRemoved { dialog, .. } if dialog.id == first.id => "removed".to_owned(),
            _ => continue,
        };
        if steps.last() != Some(&step) {
            steps.push(step);
        }
    }
    assert_eq!(
        steps,
        [
            "added INITIATING",
            "INITIATED",
            "ALERTING",
            "ACTIVE",
            "DROPPED",
            "removed"
        ]
    );
    // The agent's state changes came too, the first echoing the MAKE_CALL's request id.
    assert!(events.iter().any(|e| matches!(e,
        Event::UserChanged { user, .. } if user.state == AgentState::Talking)));
}

#[test]
fn an_inbound_call_pops_with_its_call_variables() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let notifications = session(&client, &emulator);
    client.sign_in(EXT_1001).unwrap().wait(WAIT).unwrap();
    client.ready().unwrap().wait(WAIT).unwrap();
    while notifications.try_recv().is_some() {}

    let injected = Instant::now();
    let id = emulator
        .inject_inbound_call(
            InboundCall::new("1001", "4085550100")
                .dnis("8005551000")
                .variable("callVariable1", "claim-77")
                .variable("user.CustomerId", "90210"),
        )
        .unwrap();
    let events = events_until(&notifications, WAIT, |e| {
        matches!(e, Event::DialogAdded { dialog, .. } | Event::DialogChanged { dialog, .. }
            if dialog.id == id && dialog.state == DialogState::Alerting)
    });
    let latency = injected.elapsed();
    eprintln!("inbound call: ALERTING event with call variables after {latency:?}");
    let (Event::DialogAdded { dialog, .. } | Event::DialogChanged { dialog, .. }) =
        events.last().unwrap()
    else {
        unreachable!()
    };
    assert_eq!(dialog.from_address, "4085550100");
    assert_eq!(
        dialog.media_properties.call_variable("callVariable1"),
        Some("claim-77")
    );
    assert_eq!(
        dialog.media_properties.call_variable("user.CustomerId"),
        Some("90210")
    );
    let answered = client.answer(&id).unwrap().wait(WAIT).unwrap();
    assert_eq!(
        answered
            .dialog()
            .unwrap()
            .participant(EXT_1001)
            .unwrap()
            .state,
        finesse_client::ParticipantState::Active
    );
}

#[test]
fn a_command_refused_by_the_cti_is_a_typed_error_when_awaited() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let notifications = session(&client, &emulator);
    client.sign_in(EXT_1001).unwrap().wait(WAIT).unwrap();
    client.make_call(&MakeCall::new("6135551212")).unwrap();
    let events = events_until(
        &notifications,
        WAIT,
        |e| matches!(e, Event::DialogChanged { dialog, .. } if dialog.state == DialogState::Active),
    );
    let Some(Event::DialogChanged { dialog, .. }) = events.last() else {
        unreachable!()
    };
    // RETRIEVE on a call that is not held: 202, then the CTI refuses it.
    let accepted = client.retrieve(&dialog.id).unwrap();
    let err = accepted.wait(WAIT).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Cti, "{err}");
    assert_eq!(err.request_id(), Some(accepted.request_id.as_str()));
    assert_eq!(err.api_errors()[0].error_type, "Generic Error");
    assert_eq!(err.api_errors()[0].error_data, "20999");
}

#[test]
fn user_requests_refused_by_the_cti_are_typed_errors_when_awaited() {
    // As recorded on a real CCE 12.5 (reference 10.4): READY while signed out and a sign-in
    // on an unknown extension are accepted (202), then refused on the User node.
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let _notifications = session(&client, &emulator);
    let accepted = client.ready().unwrap();
    let err = accepted.wait(WAIT).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Cti, "{err}");
    assert_eq!(err.request_id(), Some(accepted.request_id.as_str()));
    assert_eq!(err.api_errors()[0].error_type, "Invalid State");
    assert_eq!(err.api_errors()[0].error_data, "22");
    let err = client
        .sign_in("no such phone")
        .unwrap()
        .wait(WAIT)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Cti, "{err}");
    let e = &err.api_errors()[0];
    assert_eq!(
        (e.error_type.as_str(), e.error_data.as_str()),
        ("Invalid Device", "260")
    );
    assert_eq!(e.error_message, "CF_INVALID_LOGON_DEVICE_SPECIFIED");
    assert_eq!(e.peripheral_error_code.as_deref(), Some("10125"));
    assert_eq!(
        e.peripheral_error_msg.as_deref(),
        Some("PERERR_TELDRIVE_NODEVICETARGETFORNETTARGETID")
    );
    assert!(e.peripheral_error_text.is_some());
    assert_eq!(client.user().unwrap().state, AgentState::Logout);
}

#[test]
fn awaited_state_changes_use_the_notifications() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let _notifications = session(&client, &emulator);
    let user = client.sign_in(EXT_1001).unwrap().wait(WAIT).unwrap();
    assert_eq!(user.user().unwrap().state, AgentState::NotReady);
    let user = client.not_ready(Some(22)).unwrap().wait(WAIT).unwrap();
    assert_eq!(user.user().unwrap().reason_code_id, Some(22));
    let user = client.sign_out(Some(31)).unwrap().wait(WAIT).unwrap();
    assert_eq!(user.user().unwrap().state, AgentState::Logout);
}

#[test]
fn presence_keeps_an_idle_agent_signed_in_and_its_absence_forces_not_ready() {
    // CCE with LOAD 0 (the default): 60 s (here 2 s) after the agent's last session went
    // unavailable, Finesse leaves the agent NOT_READY with reason 255 (DG12.5 "Desktop
    // presence and forced logout"). An agent that never opened a session is left alone.
    let emulator =
        Emulator::start(EmulatorConfig::new().forced_logout_after(Some(Duration::from_secs(2))))
            .unwrap();
    let with_session = agent_1001(&emulator);
    let notifications = session(&with_session, &emulator);
    with_session.sign_in(EXT_1001).unwrap().wait(WAIT).unwrap();
    with_session.ready().unwrap().wait(WAIT).unwrap();
    let without = agent_1002(&emulator);
    sign_in(&without, EXT_1002);

    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(with_session.user().unwrap().state, AgentState::Ready);
    assert_eq!(without.user().unwrap().state, AgentState::NotReady);

    notifications.close();
    std::thread::sleep(Duration::from_secs(3));
    let forced = with_session.user().unwrap();
    assert_eq!(forced.state, AgentState::NotReady);
    assert_eq!(forced.reason_code_id, Some(255));
    assert_eq!(without.user().unwrap().reason_code_id, None);
}

#[test]
fn a_silently_dead_link_is_detected_within_25_seconds() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    // The default keep-alive: a ping every 10 s, 5 s to answer, two misses.
    let notifications = session(&client, &emulator);
    while notifications.try_recv().is_some() {}
    let frozen = Instant::now();
    emulator.freeze_notifications(true);
    let events = events_until(&notifications, Duration::from_secs(25), |e| {
        matches!(e, Event::Connection(ConnectionState::Disconnected { .. }))
    });
    let detected = frozen.elapsed();
    eprintln!(
        "silent link detected after {detected:?}: {:?}",
        events.last()
    );
    assert!(detected < Duration::from_secs(25));
    assert!(!notifications.is_connected());
}

#[test]
fn a_dropped_connection_is_reported_and_restored() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let notifications = session(&client, &emulator);
    emulator.drop_notification_connections();
    events_until(&notifications, WAIT, |e| {
        matches!(e, Event::Connection(ConnectionState::Disconnected { .. }))
    });
    events_until(&notifications, WAIT, |e| {
        matches!(e, Event::Connection(ConnectionState::Connected { .. }))
    });
    // Events flow again.
    client.sign_in(EXT_1001).unwrap();
    events_until(
        &notifications,
        WAIT,
        |e| matches!(e, Event::UserChanged { user, .. } if user.state == AgentState::NotReady),
    );
}

#[test]
fn service_presence_and_system_status() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let notifications = session(&client, &emulator);
    events_until(&notifications, WAIT, |e| {
        e == &Event::Connection(ConnectionState::ServiceAvailable { available: true })
    });
    emulator.set_service_available(false);
    events_until(&notifications, WAIT, |e| {
        e == &Event::Connection(ConnectionState::ServiceAvailable { available: false })
    });
    emulator.set_out_of_service(true);
    events_until(&notifications, WAIT, |e| {
        matches!(e, Event::SystemStatusChanged { info }
            if info.status == finesse_client::model::SystemStatus::OutOfService)
    });
}

#[test]
fn a_supervisor_subscribes_to_the_team() {
    let emulator = emulator();
    let supervisor = client(&emulator, "2001", "secret2001");
    let notifications = session(&supervisor, &emulator);
    notifications
        .subscribe("/finesse/api/Team/5007/Users")
        .unwrap();
    let agent = agent_1001(&emulator);
    agent.sign_in(EXT_1001).unwrap();
    events_until(
        &notifications,
        WAIT,
        |e| matches!(e, Event::UserChanged { user, .. } if user.login_id == "1001"),
    );
    notifications
        .unsubscribe("/finesse/api/Team/5007/Users")
        .unwrap();

    // An agent may not subscribe to a team.
    let agent_session = session(&agent, &emulator);
    let err = agent_session
        .subscribe("/finesse/api/Team/5007/Users")
        .unwrap_err();
    assert!(err.to_string().contains("forbidden"), "{err}");
    assert_eq!(
        notifications.subscribe("not a node").unwrap_err().kind(),
        ErrorKind::InvalidArgument
    );
}

#[test]
fn a_callback_receives_events_on_the_session_thread() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let notifications = session(&client, &emulator);
    let (tx, rx) = mpsc::channel();
    notifications.set_callback(Some(Box::new(move |event: &Event| {
        let thread = std::thread::current().name().map(str::to_owned);
        let _ = tx.send((thread, event.clone()));
    })));
    client.sign_in(EXT_1001).unwrap();
    let deadline = Instant::now() + WAIT;
    loop {
        let (thread, event) = rx.recv_timeout(deadline - Instant::now()).unwrap();
        assert_eq!(thread.as_deref(), Some("finesse-notifications"));
        if matches!(event, Event::UserChanged { .. }) {
            break;
        }
    }
}

#[test]
fn sessions_are_checked_before_connecting() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let err = client
        .notifications_with(options(&emulator).resource("desktop"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");

    let bad_password = Client::new(
        finesse_client::Config::builder(emulator.base_url())
            .basic_auth("1003", "wrong")
            .login_id("1003")
            .ca_pem(emulator.ca_pem())
            .build()
            .unwrap(),
    )
    .unwrap();
    let err = bad_password
        .notifications_with(options(&emulator))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication, "{err}");

    let first = session(&client, &emulator);
    let second = client.notifications_with(options(&emulator)).unwrap_err();
    assert_eq!(second.kind(), ErrorKind::InvalidArgument, "{second}");
    first.close();
    // Once closed, a new session may start.
    session(&client, &emulator).close();
}

#[test]
fn switching_verification_off_applies_to_the_websocket_too() {
    let emulator = emulator();
    let client = Client::new(
        finesse_client::Config::builder(emulator.base_url())
            .basic_auth("1001", "secret1001")
            .danger_accept_invalid_certs(true)
            .build()
            .unwrap(),
    )
    .unwrap();
    assert!(session(&client, &emulator).is_connected());
}

#[test]
fn dtmf_is_done_once_accepted_and_call_commands_answer_with_the_dialog() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let _notifications = session(&client, &emulator);
    client.sign_in(EXT_1001).unwrap().wait(WAIT).unwrap();
    client.ready().unwrap().wait(WAIT).unwrap();
    // From READY the call also changes the agent (NOT_READY 50006, TALKING): the outcome of
    // the MAKE_CALL is still the dialog.
    let outcome = client
        .make_call(&MakeCall::new("6135551212"))
        .unwrap()
        .wait(WAIT)
        .unwrap();
    let dialog = outcome.dialog().expect("a dialog, not the user").clone();
    wait_dialog(&client, "ACTIVE", |d| d.state == DialogState::Active);
    let started = Instant::now();
    let outcome = client
        .send_dtmf(&dialog.id, "123#")
        .unwrap()
        .wait(WAIT)
        .unwrap();
    assert_eq!(outcome.dialog().unwrap().id, dialog.id);
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn a_consult_call_is_answered_with_the_consult_dialog() {
    let emulator = emulator();
    let a = agent_1001(&emulator);
    let b = agent_1002(&emulator);
    let _events = session(&a, &emulator);
    a.sign_in(EXT_1001).unwrap().wait(WAIT).unwrap();
    sign_in(&b, EXT_1002);
    let original = a
        .make_call(&MakeCall::new("6135551212"))
        .unwrap()
        .wait(WAIT)
        .unwrap()
        .dialog()
        .unwrap()
        .clone();
    wait_dialog(&a, "ACTIVE", |d| d.state == DialogState::Active);
    // The first echo is the original call going on hold; the outcome is the new call.
    let consult = a
        .consult_call(&original.id, EXT_1002)
        .unwrap()
        .wait(WAIT)
        .unwrap();
    let consult = consult.dialog().expect("the consult dialog");
    assert_ne!(consult.id, original.id);
    assert_eq!(
        consult.associated_dialog_uri.as_deref(),
        Some(original.uri.as_str())
    );
}
