//! Calls over HTTPS against the emulator: click-to-dial with call variables, and every dialog
//! action, on CCE and CCX.

mod common;

use common::*;
use finesse_client::model::{CallType, MediaAddressType};
use finesse_client::{
    Action, AgentState, CallData, DialogState, ErrorKind, MakeCall, ParticipantState, StateCause,
};
use finesse_emulator::{Deployment, Emulator, EmulatorConfig, FarEnd, InboundCall};

/// The dialog states in the order the emulator published them for `dialog_id`.
fn published_dialog_states(emulator: &Emulator, dialog_id: &str) -> Vec<String> {
    let mut states: Vec<String> = Vec::new();
    for n in emulator.notifications() {
        if !n.update_xml.contains(&format!("<id>{dialog_id}</id>")) {
            continue;
        }
        // The dialog's own <state> is the last one in the document (after the participants).
        let state = n
            .update_xml
            .rsplit("<state>")
            .next()
            .and_then(|s| s.split('<').next())
            .unwrap_or_default()
            .to_owned();
        if states.last() != Some(&state) {
            states.push(state);
        }
    }
    states
}

#[test]
fn click_to_dial_with_call_variables() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    sign_in(&client, EXT_1001);
    client.ready().unwrap();
    wait_user(&client, "READY", |u| u.state == AgentState::Ready);

    let call = MakeCall::new("6135551212")
        .call_variable("callVariable1", "acct-42")
        .call_variable("callVariable10", "x".repeat(40))
        .call_variable("user.CustomerId", "90210")
        .call_variable("user.Orders[1]", "A-18");
    client.make_call(&call).unwrap();

    let dialog = wait_dialog(&client, "ACTIVE call", |d| d.state == DialogState::Active);
    assert_eq!(dialog.from_address, EXT_1001);
    assert_eq!(dialog.to_address, "6135551212");
    assert_eq!(dialog.media_type, "Voice");
    assert_eq!(dialog.uri, format!("/finesse/api/Dialog/{}", dialog.id));
    let media = &dialog.media_properties;
    assert_eq!(media.call_variable("callVariable1"), Some("acct-42"));
    assert_eq!(
        media.call_variable("callVariable10"),
        Some("x".repeat(40).as_str())
    );
    assert_eq!(
        media.call_variable("callVariable5"),
        Some(""),
        "all ten are present"
    );
    assert_eq!(media.call_variable("user.CustomerId"), Some("90210"));
    assert_eq!(media.call_variable("user.Orders[1]"), Some("A-18"));
    let own = dialog.participant(EXT_1001).unwrap();
    assert_eq!(own.state, ParticipantState::Active);
    assert_eq!(own.media_address_type, Some(MediaAddressType::AgentDevice));
    for action in [
        Action::Hold,
        Action::Drop,
        Action::UpdateCallData,
        Action::ConsultCall,
    ] {
        assert!(own.can(&action), "{action} in {:?}", own.actions);
    }
    let far = dialog.participant("6135551212").unwrap();
    assert_eq!(far.media_address_type, None, "external party");

    assert_eq!(
        published_dialog_states(&emulator, &dialog.id),
        ["INITIATING", "INITIATED", "ALERTING", "ACTIVE"]
    );
    // CCE 12.5: a call placed from READY moves the agent to NOT_READY with code 50006.
    assert!(
        emulator
            .notifications()
            .iter()
            .any(|n| n.update_xml.contains("<state>NOT_READY</state>")
                && n.update_xml.contains("<code>50006</code>")),
        "NOT_READY 50006 published"
    );
    let user = wait_user(&client, "TALKING", |u| u.state == AgentState::Talking);
    assert_eq!(user.login_id, "1001");

    client.drop_call(&dialog.id).unwrap();
    wait_no_dialogs(&client);
    assert_eq!(
        published_dialog_states(&emulator, &dialog.id)
            .last()
            .map(String::as_str),
        Some("DROPPED")
    );
}

#[test]
fn any_ascii_destination_is_kept_verbatim() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    sign_in(&client, EXT_1001);
    let to = "+1 (613) 555-1212 x9 <A&B>";
    client.make_call(&MakeCall::new(to)).unwrap();
    let dialog = wait_dialog(&client, "the call", |d| d.to_address == to);
    assert!(emulator.dialogs().iter().any(|d| d.to_address == to));
    client.drop_call(&dialog.id).unwrap();
    wait_no_dialogs(&client);
}

#[test]
fn busy_and_bad_destination_fail_the_call() {
    let emulator = emulator();
    emulator.set_far_end_for("5550001", FarEnd::Busy);
    emulator.set_far_end_for("5550002", FarEnd::NotExist);
    let client = agent_1001(&emulator);
    sign_in(&client, EXT_1001);
    for (to, cause) in [
        ("5550001", StateCause::Busy),
        ("5550002", StateCause::BadDestination),
    ] {
        client.make_call(&MakeCall::new(to)).unwrap();
        let dialog = wait_dialog(&client, "FAILED", |d| d.state == DialogState::Failed);
        let own = dialog.participant(EXT_1001).unwrap();
        assert_eq!(own.state, ParticipantState::Failed);
        assert_eq!(own.state_cause, Some(cause));
        assert!(own.can(&Action::Drop));
        client.drop_call(&dialog.id).unwrap();
        wait_no_dialogs(&client);
    }
}

#[test]
fn hold_retrieve_drop() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    sign_in(&client, EXT_1001);
    let dialog = active_call(&client, "6135551212");

    client.hold(&dialog.id).unwrap();
    let held = wait_dialog(&client, "HELD", |d| {
        d.participant(EXT_1001).map(|p| &p.state) == Some(&ParticipantState::Held)
    });
    assert_eq!(held.state, DialogState::Active, "the dialog stays ACTIVE");
    assert!(held.participant(EXT_1001).unwrap().can(&Action::Retrieve));
    wait_user(&client, "HOLD (CCE)", |u| u.state == AgentState::Hold);

    client.retrieve(&dialog.id).unwrap();
    wait_dialog(&client, "ACTIVE again", |d| {
        d.participant(EXT_1001).map(|p| &p.state) == Some(&ParticipantState::Active)
    });
    wait_user(&client, "TALKING", |u| u.state == AgentState::Talking);

    client.drop_call(&dialog.id).unwrap();
    wait_no_dialogs(&client);
    wait_user(&client, "back to NOT_READY", |u| {
        u.state == AgentState::NotReady
    });
}

#[test]
fn consult_then_transfer_to_another_agent() {
    let emulator = emulator();
    let a = agent_1001(&emulator);
    let b = agent_1002(&emulator);
    sign_in(&a, EXT_1001);
    sign_in(&b, EXT_1002);
    let original = active_call(&a, "6135551212");

    a.consult_call(&original.id, EXT_1002).unwrap();
    let ringing = wait_dialog(&b, "consult ringing at B", |d| {
        d.participant(EXT_1002).map(|p| &p.state) == Some(&ParticipantState::Alerting)
    });
    b.answer(&ringing.id).unwrap();
    let consult = wait_dialog(&a, "consult ACTIVE at A", |d| {
        d.id != original.id && d.state == DialogState::Active
    });
    assert_eq!(
        consult.associated_dialog_uri.as_deref(),
        Some(original.uri.as_str())
    );
    let held = a.dialog(&original.id).unwrap();
    assert_eq!(
        held.participant(EXT_1001).unwrap().state,
        ParticipantState::Held
    );

    a.transfer(&consult.id).unwrap();
    wait_no_dialogs(&a);
    let survived = wait_dialog(&b, "the customer at B", |d| {
        d.participant("6135551212").is_some() && d.participant(EXT_1001).is_none()
    });
    assert!(survived.secondary_id.is_some(), "{survived:?}");
    b.drop_call(&survived.id).unwrap();
    wait_no_dialogs(&b);
}

#[test]
fn consult_then_conference_and_drop_a_participant() {
    let emulator = emulator();
    let a = agent_1001(&emulator);
    let b = agent_1002(&emulator);
    sign_in(&a, EXT_1001);
    sign_in(&b, EXT_1002);
    let original = active_call(&a, "6135551212");
    a.consult_call(&original.id, EXT_1002).unwrap();
    let ringing = wait_dialog(&b, "consult ringing", |d| d.state == DialogState::Alerting);
    b.answer(&ringing.id).unwrap();
    let consult = wait_dialog(&a, "consult ACTIVE", |d| {
        d.id != original.id && d.state == DialogState::Active
    });

    a.conference(&consult.id).unwrap();
    let conference = wait_dialog(&a, "three parties", |d| d.participants.len() == 3);
    for party in [EXT_1001, EXT_1002, "6135551212"] {
        assert!(
            conference.participant(party).is_some(),
            "{party} in {conference:?}"
        );
    }
    wait_for("one dialog left at A", || {
        a.dialogs().ok().filter(|ds| ds.len() == 1).map(drop)
    });

    a.drop_participant(&conference.id, EXT_1002).unwrap();
    wait_dialog(&a, "two parties", |d| {
        d.participant(EXT_1002)
            .is_none_or(|p| p.state == ParticipantState::Dropped)
    });
    a.drop_call(&conference.id).unwrap();
    wait_no_dialogs(&a);
}

#[test]
fn single_step_transfer_dtmf_and_call_data() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    sign_in(&client, EXT_1001);
    let dialog = active_call(&client, "6135551212");

    client.send_dtmf(&dialog.id, "12*#").unwrap();
    client.send_dtmf(&dialog.id, "9").unwrap();
    wait_for("DTMF received", || {
        emulator
            .dialogs()
            .into_iter()
            .find(|d| d.id == dialog.id)
            .filter(|d| d.dtmf_digits == "12*#9")
            .map(drop)
    });

    client
        .update_call_data(
            &dialog.id,
            &CallData::new()
                .wrap_up_reason("Sales Call")
                .call_variable("callVariable3", "renewal")
                .call_variable("user.Segment", "GOLD"),
        )
        .unwrap();
    let updated = wait_dialog(&client, "call data", |d| {
        d.media_properties.wrap_up_reason.as_deref() == Some("Sales Call")
    });
    let media = &updated.media_properties;
    assert_eq!(media.call_variable("callVariable3"), Some("renewal"));
    assert_eq!(media.call_variable("user.Segment"), Some("GOLD"));
    assert_eq!(
        media.call_variable("callVariable1"),
        Some(""),
        "others untouched"
    );

    client.transfer_sst(&dialog.id, "6135550000").unwrap();
    wait_no_dialogs(&client);
}

#[test]
fn inbound_call_rings_with_its_data_and_is_answered() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    sign_in(&client, EXT_1001);
    client.ready().unwrap();
    wait_user(&client, "READY", |u| u.state == AgentState::Ready);

    let id = emulator
        .inject_inbound_call(
            InboundCall::new("1001", "4085550100")
                .dnis("8005551000")
                .variable("callVariable1", "claim-77")
                .variable("user.Language", "fr-CA"),
        )
        .unwrap();
    let ringing = wait_dialog(&client, "ALERTING", |d| d.id == id);
    assert_eq!(ringing.state, DialogState::Alerting);
    assert_eq!(ringing.from_address, "4085550100");
    assert_eq!(ringing.media_properties.dnis.as_deref(), Some("8005551000"));
    assert_eq!(ringing.media_properties.call_type, Some(CallType::AcdIn));
    assert_eq!(
        ringing.media_properties.call_variable("callVariable1"),
        Some("claim-77")
    );
    assert_eq!(
        ringing.media_properties.call_variable("user.Language"),
        Some("fr-CA")
    );
    assert_eq!(
        ringing.participant(EXT_1001).unwrap().actions,
        [Action::Answer]
    );

    client.answer(&id).unwrap();
    wait_dialog(&client, "ACTIVE", |d| {
        d.id == id && d.state == DialogState::Active
    });
    emulator.hang_up_far_end(&id).unwrap();
    wait_no_dialogs(&client);
}

#[test]
fn server_side_rejections_of_make_call() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    // Not signed in: no extension to dial from, refused before sending.
    let err = client.make_call(&MakeCall::new("6135551212")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    assert!(err.to_string().contains("not signed in"), "{err}");

    sign_in(&client, EXT_1001);
    let err = client.make_call(&MakeCall::new(EXT_1001)).unwrap_err();
    assert_eq!(err.http_status(), Some(400));
    assert_eq!(err.api_errors()[0].error_type, "Invalid Destination");
    assert!(err.request_id().is_some());
    assert!(client.dialogs().unwrap().is_empty());
}

#[test]
fn ccx_rejects_call_data_on_make_call() {
    let emulator = Emulator::start(EmulatorConfig::new().deployment(Deployment::Ccx)).unwrap();
    let client = agent_1001(&emulator);
    sign_in(&client, EXT_1001);
    let err = client
        .make_call(&MakeCall::new("6135551212").call_variable("callVariable1", "x"))
        .unwrap_err();
    assert_eq!(err.http_status(), Some(400));
    assert_eq!(err.api_errors()[0].error_type, "Invalid Input");
    assert!(client.dialogs().unwrap().is_empty());

    let dialog = active_call(&client, "6135551212");
    client.hold(&dialog.id).unwrap();
    wait_dialog(&client, "HELD", |d| {
        d.participant(EXT_1001).map(|p| &p.state) == Some(&ParticipantState::Held)
    });
    // A non-routed call leaves a CCX agent NOT_READY, held or not (reference 10.4, DG12.5
    // p49).
    assert_eq!(client.user().unwrap().state, AgentState::NotReady);
    // CCX accepts only 0-9, * and # as DTMF: the server says so.
    let err = client.send_dtmf(&dialog.id, "A").unwrap_err();
    assert_eq!(err.http_status(), Some(400));
}

#[test]
fn an_action_the_participant_may_not_take_is_refused_asynchronously() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    sign_in(&client, EXT_1001);
    let dialog = active_call(&client, "6135551212");
    // RETRIEVE on an active call: accepted (202), then refused by the CTI.
    let accepted = client.retrieve(&dialog.id).unwrap();
    wait_for("a CTI error echoing the request id", || {
        emulator
            .notifications()
            .iter()
            .any(|n| {
                n.update_xml.contains("<apiErrors>")
                    && n.update_xml
                        .contains(&format!("<requestId>{}</requestId>", accepted.request_id))
            })
            .then_some(())
    });
    client.drop_call(&dialog.id).unwrap();
    wait_no_dialogs(&client);
}
