//! Call control from the command line: each command waits for its outcome and prints it.

mod common;

use common::{EXT, Server, json, stdout, wait_for};
use finesse_emulator::InboundCall;
use serde_json::Value;

/// The state of `address`'s leg in a dialog printed as JSON.
fn leg_state<'a>(dialog: &'a Value, address: &str) -> &'a str {
    dialog["participants"]
        .as_array()
        .expect("participants")
        .iter()
        .find(|p| p["media_address"] == address)
        .and_then(|p| p["state"].as_str())
        .unwrap_or_else(|| panic!("{address} not in {dialog}"))
}

#[test]
fn hold_retrieve_dtmf_call_data_consult_conference_and_drop() {
    let server = Server::start();
    let id = server.active_call("6135551212");

    let held = json(&server.finesse(&["hold", &id, "--json"]));
    assert_eq!(leg_state(&held, EXT), "HELD");
    let retrieved = stdout(&server.finesse(&["retrieve", &id]));
    assert!(
        retrieved.contains(&format!("dialog {id}  ACTIVE"))
            && retrieved.contains("[1001001 ACTIVE, 6135551212 ACTIVE]"),
        "{retrieved}"
    );

    let dtmf = json(&server.finesse(&["dtmf", &id, "12*#", "--json"]));
    assert_eq!(dtmf["id"], id.as_str());
    // Finesse publishes nothing for DTMF: the command returns once accepted, and the digits
    // arrive a moment later.
    wait_for("the digits", || {
        server
            .emulator
            .dialogs()
            .iter()
            .any(|d| d.id == id && d.dtmf_digits == "12*#")
    });

    let data = stdout(&server.finesse(&[
        "call-data",
        &id,
        "--var",
        "callVariable3=renewal",
        "--var",
        "user.Segment=GOLD",
        "--wrap-up",
        "Sales Call",
    ]));
    assert!(
        data.contains("callVariable3=renewal user.Segment=GOLD wrapUpReason=Sales Call"),
        "{data}"
    );

    let consult = json(&server.finesse(&["consult", &id, "6135550000", "--json"]));
    let consult_id = consult["id"].as_str().unwrap().to_owned();
    assert_ne!(consult_id, id);
    assert_eq!(
        consult["associated_dialog_uri"],
        format!("/finesse/api/Dialog/{id}")
    );
    server.until_active(&consult_id);

    let conference = json(&server.finesse(&["conference", &consult_id, "--json"]));
    for party in [EXT, "6135551212", "6135550000"] {
        assert_eq!(leg_state(&conference, party), "ACTIVE", "{conference}");
    }

    let dropped = json(&server.finesse(&["drop", &id, "--json"]));
    assert_eq!(dropped, serde_json::json!({"dialog_id": id, "ended": true}));
    assert_eq!(stdout(&server.finesse(&["dialogs"])).trim(), "no calls");
}

#[test]
fn consult_then_transfer_waiting_without_notifications() {
    let server = Server::without_events();
    let id = server.active_call("6135551212");
    let consult = stdout(&server.finesse(&["consult", &id, "6135550000"]));
    let consult_id = consult.split_whitespace().nth(1).unwrap().to_owned();
    assert!(
        consult.contains(&format!("dialog {consult_id}  ")) && consult.contains("-> 6135550000"),
        "{consult}"
    );
    server.until_active(&consult_id);

    let out = stdout(&server.finesse(&["transfer", &consult_id]));
    assert_eq!(out.trim(), format!("dialog {consult_id}  ended"));
    assert_eq!(stdout(&server.finesse(&["dialogs"])).trim(), "no calls");
}

#[test]
fn single_step_transfer_ends_the_call() {
    let server = Server::start();
    let id = server.active_call("6135551212");
    let out = json(&server.finesse(&["sst", &id, "6135550000", "--json"]));
    assert_eq!(out, serde_json::json!({"dialog_id": id, "ended": true}));
    assert_eq!(
        json(&server.finesse(&["dialogs", "--json"])),
        serde_json::json!([])
    );
}

#[test]
fn answer_a_ringing_call() {
    let server = Server::start();
    stdout(&server.finesse(&["state", "login", "--extension", EXT]));
    let id = server
        .emulator
        .inject_inbound_call(InboundCall::new("1001", "6135550000"))
        .unwrap();
    let answered = json(&server.finesse(&["answer", &id, "--json"]));
    assert_eq!(answered["id"], id.as_str());
    assert_eq!(leg_state(&answered, EXT), "ACTIVE");
}
