//! The race between call-control requests, made reproducible by
//! `EmulatorConfig::call_control_race` (`--call-control-race`, `PUT /call-control-race`).
//! Finesse 12.5(1): "call control requests for the same device should not be sent to the
//! Finesse server until the response to a previous call control request has been received"
//! (DG12.5 p91; reference 1.4, 10.4). With the race on, a second request of the device sent
//! before the first one's outcome gets 202, then an asynchronous CTI error echoing its
//! requestId (`Generic Error` 33 `CF_RESOURCE_BUSY`, the emulator's choice: no recording of
//! this case exists); the first completes. Off (the default), both succeed.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{
    Client, action, fast, make_call, sign_in, start, wait_dialog, wait_until, with_request_id,
};
use finesse_emulator::{CALL_CONTROL_OUTCOME, Emulator, EmulatorConfig, InboundCall};
use ureq::tls::TlsConfig;

const AGENT: &str = "1001";
const EXTENSION: &str = "1001001";

/// The state of the agent's participant in dialog `id`.
fn own_state(emulator: &Emulator, id: &str) -> Option<String> {
    emulator
        .dialogs()
        .into_iter()
        .find(|d| d.id == id)?
        .participants
        .into_iter()
        .find(|p| p.address == EXTENSION)
        .map(|p| p.state)
}

fn wait_own_state(emulator: &Emulator, id: &str, state: &str) {
    wait_until(&format!("participant {EXTENSION} {state}"), || {
        own_state(emulator, id).as_deref() == Some(state)
    });
}

/// Agent 1001 signed in, on an ACTIVE outbound call; its dialog id.
fn on_a_call(emulator: &Emulator, client: &Client) -> String {
    sign_in(emulator, client, AGENT, EXTENSION);
    let id = make_call(emulator, client, AGENT, EXTENSION, "6135551212");
    wait_dialog(emulator, &id, "ACTIVE");
    id
}

/// Sends HOLD then RETRIEVE back to back, without waiting for HOLD's outcome; both 202.
fn hold_then_retrieve(client: &Client, id: &str, hold: &str, retrieve: &str) {
    let r = client.dialog_action(AGENT, id, &action("HOLD", EXTENSION), hold);
    assert_eq!(r.status, 202, "{}", r.body);
    let r = client.dialog_action(AGENT, id, &action("RETRIEVE", EXTENSION), retrieve);
    assert_eq!(r.status, 202, "{}", r.body);
}

/// Waits for the asynchronous CTI error echoing `request_id` and checks its shape.
fn wait_refusal(emulator: &Emulator, id: Option<&str>, request_id: &str) {
    wait_until(&format!("the CTI error of {request_id}"), || {
        !with_request_id(emulator, request_id).is_empty()
    });
    let [n] = &with_request_id(emulator, request_id)[..] else {
        panic!("one notification for {request_id}");
    };
    assert_eq!(n.node, format!("/finesse/api/User/{AGENT}/Dialogs"));
    assert_eq!(n.event, "put", "the asynchronous errors' event");
    let source = match id {
        Some(id) => format!("/finesse/api/Dialog/{id}"),
        None => n.node.clone(),
    };
    assert_eq!(n.source, source);
    for part in [
        "<apiErrors><apiError>",
        "<errorType>Generic Error</errorType>",
        "<errorData>33</errorData>",
        "<errorMessage>CF_RESOURCE_BUSY</errorMessage>",
        &format!("<requestId>{request_id}</requestId>"),
    ] {
        assert!(n.update_xml.contains(part), "{part} in {}", n.update_xml);
    }
}

#[test]
fn a_second_request_before_the_first_ones_outcome_is_refused_asynchronously() {
    let (emulator, client) = start(fast().call_control_race(true));
    let id = on_a_call(&emulator, &client);
    let sent = Instant::now();
    hold_then_retrieve(&client, &id, "hold-1", "retrieve-1");
    wait_refusal(&emulator, Some(&id), "retrieve-1");
    // The first completes normally, and is what the dialog shows.
    wait_own_state(&emulator, &id, "HELD");
    assert!(
        sent.elapsed() >= CALL_CONTROL_OUTCOME,
        "HOLD's outcome came {:?} after it was sent",
        sent.elapsed()
    );
    let held = with_request_id(&emulator, "hold-1");
    assert!(
        held.iter()
            .any(|n| n.event == "PUT" && n.update_xml.contains("<state>HELD</state>")),
        "{held:?}"
    );
    assert!(held.iter().all(|n| !n.update_xml.contains("apiError")));
    std::thread::sleep(CALL_CONTROL_OUTCOME);
    assert_eq!(own_state(&emulator, &id).as_deref(), Some("HELD"));

    // Once the outcome is known, the device takes the next request.
    let r = client.dialog_action(AGENT, &id, &action("RETRIEVE", EXTENSION), "retrieve-2");
    assert_eq!(r.status, 202);
    wait_own_state(&emulator, &id, "ACTIVE");
    assert!(
        with_request_id(&emulator, "retrieve-2")
            .iter()
            .all(|n| !n.update_xml.contains("apiError"))
    );
}

#[test]
fn without_the_race_both_requests_succeed() {
    let (emulator, client) = start(fast());
    let id = on_a_call(&emulator, &client);
    hold_then_retrieve(&client, &id, "hold-1", "retrieve-1");
    emulator.settle();
    assert_eq!(own_state(&emulator, &id).as_deref(), Some("ACTIVE"));
    for rid in ["hold-1", "retrieve-1"] {
        let echoed = with_request_id(&emulator, rid);
        assert!(!echoed.is_empty(), "{rid} echoed");
        assert!(
            echoed.iter().all(|n| !n.update_xml.contains("apiError")),
            "{echoed:?}"
        );
    }
}

#[test]
fn answer_then_hold_and_a_second_make_call() {
    let (emulator, client) = start(fast().call_control_race(true));
    sign_in(&emulator, &client, AGENT, EXTENSION);
    let id = emulator
        .inject_inbound_call(InboundCall::new(EXTENSION, "6135550000"))
        .expect("a call rings");
    wait_own_state(&emulator, &id, "ALERTING");
    let r = client.dialog_action(AGENT, &id, &action("ANSWER", EXTENSION), "answer-1");
    assert_eq!(r.status, 202);
    let r = client.dialog_action(AGENT, &id, &action("HOLD", EXTENSION), "hold-1");
    assert_eq!(r.status, 202);
    wait_refusal(&emulator, Some(&id), "hold-1");
    wait_own_state(&emulator, &id, "ACTIVE");
    emulator.settle();
    assert_eq!(own_state(&emulator, &id).as_deref(), Some("ACTIVE"));

    // MAKE_CALL is call control too: a consult-less second call right after a HOLD.
    let r = client.dialog_action(AGENT, &id, &action("HOLD", EXTENSION), "hold-2");
    assert_eq!(r.status, 202);
    let path = format!("/finesse/api/User/{AGENT}/Dialogs");
    let body = common::make_call_body(EXTENSION, "6135551212");
    assert_eq!(client.post_as(AGENT, &path, &body, "call-1").status, 202);
    wait_refusal(&emulator, None, "call-1");
    wait_own_state(&emulator, &id, "HELD");
    emulator.settle();
    assert_eq!(emulator.dialogs().len(), 1, "no second call");
}

#[test]
fn synchronous_errors_stay_and_other_devices_are_not_held_up() {
    let (emulator, client) = start(fast().call_control_race(true));
    let id = on_a_call(&emulator, &client);
    sign_in(&emulator, &client, "1002", "1002002");
    let other = make_call(&emulator, &client, "1002", "1002002", "6135559999");
    wait_dialog(&emulator, &other, "ACTIVE");

    let r = client.dialog_action(AGENT, &id, &action("HOLD", EXTENSION), "hold-1");
    assert_eq!(r.status, 202);
    // Validated as ever while HOLD is pending: a wrong target is a synchronous 400.
    let r = client.dialog_action(AGENT, &id, &action("RETRIEVE", "999"), "bad-1");
    assert_eq!(r.status, 400, "{}", r.body);
    // Another device's request is not refused.
    let r = client.dialog_action("1002", &other, &action("HOLD", "1002002"), "other-1");
    assert_eq!(r.status, 202);
    emulator.settle();
    assert_eq!(own_state(&emulator, &id).as_deref(), Some("HELD"));
    let held = emulator
        .dialogs()
        .into_iter()
        .find(|d| d.id == other)
        .and_then(|d| d.participants.into_iter().find(|p| p.address == "1002002"))
        .map(|p| p.state);
    assert_eq!(held.as_deref(), Some("HELD"));
    std::thread::sleep(Duration::from_millis(50));
    assert!(with_request_id(&emulator, "bad-1").is_empty());
    assert!(
        with_request_id(&emulator, "other-1")
            .iter()
            .all(|n| !n.update_xml.contains("apiError"))
    );
}

#[test]
fn switched_at_run_time_and_by_the_control_api() {
    let (emulator, client) = start(fast());
    let control = Client::with_tls(emulator.control_url(), TlsConfig::default());
    let id = on_a_call(&emulator, &client);
    let put = |body: &str| {
        control
            .request(
                "PUT",
                "/call-control-race",
                &[("Content-Type", "application/json".to_owned())],
                body,
            )
            .status
    };
    assert_eq!(put(r#"{"enabled": true}"#), 204);
    hold_then_retrieve(&client, &id, "hold-1", "retrieve-1");
    wait_refusal(&emulator, Some(&id), "retrieve-1");
    emulator.settle();
    assert_eq!(own_state(&emulator, &id).as_deref(), Some("HELD"));

    assert_eq!(put(r#"{"enabled": false}"#), 204);
    let r = client.dialog_action(AGENT, &id, &action("RETRIEVE", EXTENSION), "retrieve-2");
    assert_eq!(r.status, 202);
    let r = client.dialog_action(AGENT, &id, &action("HOLD", EXTENSION), "hold-2");
    assert_eq!(r.status, 202);
    emulator.settle();
    assert_eq!(own_state(&emulator, &id).as_deref(), Some("HELD"));
    assert!(
        with_request_id(&emulator, "hold-2")
            .iter()
            .all(|n| !n.update_xml.contains("apiError"))
    );

    emulator.set_call_control_race(true);
    hold_then_retrieve(&client, &id, "retrieve-3", "hold-3");
    wait_refusal(&emulator, Some(&id), "hold-3");
    assert_eq!(put(r#"{"on": true}"#), 400, "the field is `enabled`");
}

#[test]
fn reset_forgets_a_pending_request() {
    let config = EmulatorConfig::new().call_control_race(true);
    let (emulator, client) = start(config);
    let id = on_a_call(&emulator, &client);
    let r = client.dialog_action(AGENT, &id, &action("HOLD", EXTENSION), "hold-1");
    assert_eq!(r.status, 202);
    emulator.reset();
    let id = on_a_call(&emulator, &client);
    hold_then_retrieve(&client, &id, "hold-2", "retrieve-2");
    // The device was taken by the request from before the reset no more: HOLD succeeds.
    wait_own_state(&emulator, &id, "HELD");
    wait_refusal(&emulator, Some(&id), "retrieve-2");
}

/// Stops the binary when the test ends, passed or failed.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The binary's `--call-control-race`, driven as a test in another language would: REST and
/// the control API over plain HTTP.
#[test]
fn the_binary_takes_call_control_race() {
    let mut child = Running(
        Command::new(env!("CARGO_BIN_EXE_finesse-emulator"))
            .args(["--http", "--forced-logout-secs", "0", "--call-control-race"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("binary starts"),
    );
    let mut lines = BufReader::new(child.0.stdout.take().expect("stdout")).lines();
    let mut url = || {
        let line = lines.next().expect("a line").expect("readable");
        line.split_whitespace().last().expect("a URL").to_owned()
    };
    let rest = url();
    let _notifications = url();
    let control_url = url();
    let client = Client::with_tls(rest, TlsConfig::default());
    let control = Client::with_tls(control_url, TlsConfig::default());
    let json = |path: &str| -> serde_json::Value {
        serde_json::from_str(&control.request("GET", path, &[], "").body).expect("JSON")
    };
    let login = format!("<User><state>LOGIN</state><extension>{EXTENSION}</extension></User>");
    assert_eq!(client.set_state(AGENT, &login).status, 202);
    wait_until("signed in", || json("/agents/1001")["state"] == "NOT_READY");
    let path = format!("/finesse/api/User/{AGENT}/Dialogs");
    let body = common::make_call_body(EXTENSION, "6135551212");
    assert_eq!(client.post_as(AGENT, &path, &body, "call-1").status, 202);
    let mut id = String::new();
    wait_until("an ACTIVE call", || {
        let dialogs = json("/dialogs");
        let active = dialogs[0]["state"] == "ACTIVE";
        id = dialogs[0]["id"].as_str().unwrap_or_default().to_owned();
        active
    });
    hold_then_retrieve(&client, &id, "hold-1", "retrieve-1");
    wait_until("the refusal of retrieve-1", || {
        json("/notifications")
            .as_array()
            .expect("a list")
            .iter()
            .any(|n| {
                n["request_id"] == "retrieve-1"
                    && n["update_xml"]
                        .as_str()
                        .is_some_and(|x| x.contains("CF_RESOURCE_BUSY"))
            })
    });
}
