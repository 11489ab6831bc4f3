//! Call-control commands sent back to back against an emulator that reproduces the race
//! between them (`EmulatorConfig::call_control_race`). Finesse 12.5(1): "call control
//! requests for the same device should not be sent to the Finesse server until the response
//! to a previous call control request has been received" (DG12.5 p91; reference 1.4, 10.4).
//! With a notification session the client waits for the notification echoing the previous
//! command's request id before it sends the next, so both succeed; without one nothing shows
//! that outcome, the second goes at once and the server refuses it — which proves the race is
//! there to be lost.

mod common;

use std::time::{Duration, Instant};

use common::*;
use finesse_client::{Client, Dialog, Error, ParticipantState};
use finesse_emulator::{CALL_CONTROL_OUTCOME, Emulator, EmulatorConfig, InboundCall};

const WAIT: Duration = Duration::from_secs(5);

fn racing_emulator() -> Emulator {
    Emulator::start(EmulatorConfig::new().call_control_race(true)).expect("emulator starts")
}

/// The state of the agent's own participant (extension 1001001).
fn own_state(dialog: &Dialog) -> Option<ParticipantState> {
    dialog
        .participants
        .iter()
        .find(|p| p.media_address == EXT_1001)
        .map(|p| p.state.clone())
}

/// The emulator's asynchronous errors that echoed `request_id`.
fn cti_errors_for(emulator: &Emulator, request_id: &str) -> Vec<String> {
    emulator
        .notifications()
        .into_iter()
        .filter(|n| n.request_id == request_id && n.update_xml.contains("<apiErrors>"))
        .map(|n| n.update_xml)
        .collect()
}

/// Agent 1001 on an ACTIVE outbound call; the dialog.
fn on_a_call(client: &Client) -> Dialog {
    sign_in(client, EXT_1001);
    active_call(client, "6135551212")
}

#[test]
fn with_a_notification_session_hold_then_retrieve_both_succeed() {
    let emulator = racing_emulator();
    let client = agent_1001(&emulator);
    let _events = client.events().unwrap();
    let dialog = on_a_call(&client);

    let started = Instant::now();
    let hold = client.hold(&dialog.id).unwrap();
    // Sent without waiting on HOLD: the client holds RETRIEVE back until HOLD's outcome.
    let retrieve = client.retrieve(&dialog.id).unwrap();
    assert!(
        started.elapsed() >= CALL_CONTROL_OUTCOME,
        "RETRIEVE went {:?} after HOLD, before HOLD's outcome could come",
        started.elapsed()
    );

    let outcome = match retrieve.wait(WAIT) {
        Ok(outcome) => outcome,
        Err(Error::Cti(failure)) => panic!("RETRIEVE refused: {failure}"),
        Err(e) => panic!("RETRIEVE: {e}"),
    };
    let after = outcome.dialog().expect("the dialog");
    assert_eq!(own_state(after), Some(ParticipantState::Active));
    let held = hold.wait(WAIT).expect("HOLD succeeded");
    assert_eq!(
        own_state(held.dialog().expect("the dialog")),
        Some(ParticipantState::Held)
    );
    for request_id in [&hold.request_id, &retrieve.request_id] {
        assert_eq!(cti_errors_for(&emulator, request_id), Vec::<String>::new());
    }
    let now = wait_dialog(&client, "the call", |d| d.id == dialog.id);
    assert_eq!(own_state(&now), Some(ParticipantState::Active));
}

#[test]
fn with_a_notification_session_answer_then_hold_both_succeed() {
    let emulator = racing_emulator();
    let client = agent_1001(&emulator);
    let _events = client.events().unwrap();
    sign_in(&client, EXT_1001);
    let id = emulator
        .inject_inbound_call(InboundCall::new(EXT_1001, "6135550000"))
        .expect("a call rings");
    wait_dialog(&client, "the call ringing", |d| {
        d.id == id && own_state(d) == Some(ParticipantState::Alerting)
    });
    let answer = client.answer(&id).unwrap();
    let hold = client.hold(&id).unwrap();
    let outcome = hold.wait(WAIT).expect("HOLD succeeded, not refused");
    assert_eq!(
        own_state(outcome.dialog().expect("the dialog")),
        Some(ParticipantState::Held)
    );
    answer.wait(WAIT).expect("ANSWER succeeded");
    assert!(cti_errors_for(&emulator, &hold.request_id).is_empty());
}

/// The counter-check: the same two commands without a notification session. Nothing shows
/// HOLD's outcome, so the client cannot wait for it; RETRIEVE reaches the server while HOLD
/// is pending and is refused, and the call stays held.
#[test]
fn without_a_notification_session_the_second_command_is_refused() {
    let emulator = racing_emulator();
    let client = agent_1001(&emulator);
    let dialog = on_a_call(&client);

    let hold = client.hold(&dialog.id).unwrap();
    let retrieve = client.retrieve(&dialog.id).unwrap();
    let refused = wait_for("RETRIEVE's refusal", || {
        cti_errors_for(&emulator, &retrieve.request_id)
            .into_iter()
            .next()
    });
    for part in [
        "<errorType>Generic Error</errorType>",
        "<errorData>33</errorData>",
        "<errorMessage>CF_RESOURCE_BUSY</errorMessage>",
    ] {
        assert!(refused.contains(part), "{part} in {refused}");
    }
    assert!(cti_errors_for(&emulator, &hold.request_id).is_empty());
    emulator.settle();
    let now = wait_dialog(&client, "the call", |d| d.id == dialog.id);
    assert_eq!(
        own_state(&now),
        Some(ParticipantState::Held),
        "RETRIEVE lost"
    );
}

/// DTMF publishes no outcome (nothing in the Dialog changes), so neither the client nor the
/// server waits for one: a HOLD right after tones goes at once and succeeds.
#[test]
fn a_command_right_after_dtmf_is_not_held_back_and_succeeds() {
    let emulator = racing_emulator();
    let client = agent_1001(&emulator);
    let _events = client.events().unwrap();
    let dialog = on_a_call(&client);

    let started = Instant::now();
    let tones = client.send_dtmf(&dialog.id, "1234#").unwrap();
    let hold = client.hold(&dialog.id).unwrap();
    assert!(
        started.elapsed() < CALL_CONTROL_OUTCOME,
        "HOLD waited {:?} after tones, which publish nothing to wait for",
        started.elapsed()
    );
    let held = match hold.wait(WAIT) {
        Ok(outcome) => outcome,
        Err(Error::Cti(failure)) => panic!("HOLD refused after DTMF: {failure}"),
        Err(e) => panic!("HOLD: {e}"),
    };
    assert_eq!(
        own_state(held.dialog().expect("the dialog")),
        Some(ParticipantState::Held)
    );
    for request_id in [&tones.request_id, &hold.request_id] {
        assert_eq!(cti_errors_for(&emulator, request_id), Vec::<String>::new());
    }
}
