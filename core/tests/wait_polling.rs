//! Waiting on commands without a notification session: the client reads the resource until
//! it shows the outcome.

mod common;

use std::time::Duration;

use common::*;
use finesse_client::{
    AgentState, CallData, DialogState, ErrorKind, MakeCall, Outcome, ParticipantState,
};

const WAIT: Duration = Duration::from_secs(5);

#[test]
fn state_changes_and_a_call_are_awaited_by_polling() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let user = client.sign_in(EXT_1001).unwrap().wait(WAIT).unwrap();
    assert_eq!(user.user().unwrap().state, AgentState::NotReady);
    let user = client.ready().unwrap().wait(WAIT).unwrap();
    assert_eq!(user.user().unwrap().state, AgentState::Ready);

    let outcome = client
        .make_call(&MakeCall::new("6135551212"))
        .unwrap()
        .wait(WAIT)
        .unwrap();
    let dialog = outcome.dialog().expect("the new dialog").clone();
    assert_eq!(dialog.to_address, "6135551212");
    wait_dialog(&client, "ACTIVE", |d| d.state == DialogState::Active);

    let held = client.hold(&dialog.id).unwrap().wait(WAIT).unwrap();
    assert_eq!(
        held.dialog().unwrap().participant(EXT_1001).unwrap().state,
        ParticipantState::Held
    );
    let retrieved = client.retrieve(&dialog.id).unwrap().wait(WAIT).unwrap();
    assert_eq!(
        retrieved
            .dialog()
            .unwrap()
            .participant(EXT_1001)
            .unwrap()
            .state,
        ParticipantState::Active
    );
    let data = client
        .update_call_data(
            &dialog.id,
            &CallData::new().call_variable("callVariable4", "x"),
        )
        .unwrap()
        .wait(WAIT)
        .unwrap();
    assert_eq!(
        data.dialog()
            .unwrap()
            .media_properties
            .call_variable("callVariable4"),
        Some("x")
    );
    let ended = client.drop_call(&dialog.id).unwrap().wait(WAIT).unwrap();
    assert_eq!(
        ended,
        Outcome::Ended {
            dialog_id: dialog.id.clone()
        }
    );
}

#[test]
fn an_outcome_never_seen_is_a_timeout_not_a_failure() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    sign_in(&client, EXT_1001);
    // A second call while the first is connected (not held) is refused by the CTI, which
    // only a notification session would show: polling never sees the new call.
    active_call(&client, "6135551212");
    let err = client
        .make_call(&MakeCall::new("6135550000"))
        .unwrap()
        .wait(Duration::from_millis(300))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(
        err.to_string()
            .contains("was accepted, but its outcome was not seen")
    );
}
