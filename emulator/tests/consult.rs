//! Consult calls, transfer, conference, single-step transfer and participant drop.

mod common;

use common::{
    Client, action, fast, make_call, sign_in, start, wait_agent, wait_dialog, wait_gone, wait_until,
};
use finesse_emulator::{DialogSnapshot, Emulator};

fn dialog(emulator: &Emulator, id: &str) -> DialogSnapshot {
    emulator
        .dialogs()
        .into_iter()
        .find(|d| d.id == id)
        .expect("dialog exists")
}

fn to_address(verb: &str, to: &str, target: &str) -> String {
    format!(
        "<Dialog><requestedAction>{verb}</requestedAction><toAddress>{to}</toAddress>\
         <targetMediaAddress>{target}</targetMediaAddress></Dialog>"
    )
}

/// 1001 talks to a customer, then consults 1002, who answers. Returns (original, consult).
fn consulted(emulator: &Emulator, client: &Client) -> (String, String) {
    sign_in(emulator, client, "1001", "1001001");
    sign_in(emulator, client, "1002", "1002001");
    let original = make_call(emulator, client, "1001", "1001001", "6135551212");
    wait_dialog(emulator, &original, "ACTIVE");
    let r = client.dialog_action(
        "1001",
        &original,
        &to_address("CONSULT_CALL", "1002001", "1001001"),
        "consult",
    );
    assert_eq!(r.status, 202, "{}", r.body);
    emulator.settle();
    let consult = emulator
        .dialogs()
        .into_iter()
        .find(|d| d.id != original)
        .expect("consult dialog")
        .id;
    wait_dialog(emulator, &consult, "ALERTING");
    let r = client.dialog_action("1002", &consult, &action("ANSWER", "1002001"), "");
    assert_eq!(r.status, 202);
    wait_dialog(emulator, &consult, "ACTIVE");
    (original, consult)
}

#[test]
fn consult_holds_the_original_and_links_the_dialogs() {
    let (emulator, client) = start(fast());
    let (original, consult) = consulted(&emulator, &client);
    let o = dialog(&emulator, &original);
    let c = dialog(&emulator, &consult);
    assert_eq!(o.participant("1001001").expect("agent").state, "HELD");
    assert_eq!(o.associated_dialog_id.as_deref(), Some(consult.as_str()));
    assert_eq!(c.associated_dialog_id.as_deref(), Some(original.as_str()));
    assert_eq!(c.call_type, "CONSULT");
    // With an answered consult, both dialogs offer TRANSFER and CONFERENCE.
    let held = &o.participant("1001001").expect("agent").actions;
    assert!(held.contains(&"TRANSFER".to_owned()) && held.contains(&"CONFERENCE".to_owned()));
    let talking = &c.participant("1001001").expect("agent").actions;
    assert!(talking.contains(&"TRANSFER".to_owned()));
    let r = client.get_as("1001", &format!("/finesse/api/Dialog/{consult}"));
    assert_eq!(
        r.field("associatedDialogUri").as_deref(),
        Some(format!("/finesse/api/Dialog/{original}").as_str())
    );
    wait_agent(&emulator, "1001", "TALKING");
}

#[test]
fn transfer_hands_the_customer_to_the_consulted_agent() {
    let (emulator, client) = start(fast());
    let (original, consult) = consulted(&emulator, &client);
    let r = client.dialog_action("1001", &consult, &action("TRANSFER", "1001001"), "xfer");
    assert_eq!(r.status, 202);
    emulator.settle();
    wait_until("consult removed", || emulator.dialogs().len() == 1);
    let survivor = dialog(&emulator, &original);
    assert_eq!(survivor.secondary_id.as_deref(), Some(consult.as_str()));
    let addresses: Vec<&str> = survivor
        .participants
        .iter()
        .map(|p| p.address.as_str())
        .collect();
    assert_eq!(addresses, ["6135551212", "1002001"]);
    assert!(survivor.participants.iter().all(|p| p.state == "ACTIVE"));
    wait_agent(&emulator, "1001", "NOT_READY");
    assert_eq!(common::agent_state(&emulator, "1002"), "TALKING");

    let events: Vec<(String, String)> = common::with_request_id(&emulator, "xfer")
        .into_iter()
        .filter(|n| n.node.ends_with("/Dialogs"))
        .map(|n| (n.node, n.event))
        .collect();
    let count = |node: &str, event: &str| {
        events
            .iter()
            .filter(|(n, e)| n == &format!("/finesse/api/User/{node}/Dialogs") && e == event)
            .count()
    };
    assert_eq!(count("1001", "DELETE"), 2);
    assert_eq!(count("1002", "DELETE"), 1);
    assert_eq!(count("1002", "POST"), 1);
    let r = client.get_as("1002", &format!("/finesse/api/Dialog/{original}"));
    assert_eq!(r.field("secondaryId").as_deref(), Some(consult.as_str()));
    assert_eq!(
        client
            .get_as("1001", &format!("/finesse/api/Dialog/{original}"))
            .status,
        404
    );
}

#[test]
fn conference_merges_the_participants() {
    let (emulator, client) = start(fast());
    let (original, consult) = consulted(&emulator, &client);
    let r = client.dialog_action("1001", &original, &action("CONFERENCE", "1001001"), "conf");
    assert_eq!(r.status, 202);
    emulator.settle();
    wait_until("consult removed", || emulator.dialogs().len() == 1);
    let conf = dialog(&emulator, &original);
    assert_eq!(conf.secondary_id.as_deref(), Some(consult.as_str()));
    assert_eq!(conf.participants.len(), 3);
    assert!(conf.participants.iter().all(|p| p.state == "ACTIVE"));
    // The conference controller may drop a participant (CCE).
    let me = conf.participant("1001001").expect("controller");
    assert!(me.actions.contains(&"PARTICIPANT_DROP".to_owned()));
    let other = conf.participant("1002001").expect("member");
    assert!(!other.actions.contains(&"PARTICIPANT_DROP".to_owned()));
    wait_agent(&emulator, "1001", "TALKING");

    let drop = action("PARTICIPANT_DROP", "1002001");
    assert_eq!(
        client.dialog_action("1001", &original, &drop, "").status,
        202
    );
    wait_until("1002 dropped", || {
        dialog(&emulator, &original).participants.len() == 2
    });
    wait_agent(&emulator, "1002", "NOT_READY");
    assert_eq!(
        client
            .get_as("1002", &format!("/finesse/api/Dialog/{original}"))
            .status,
        404
    );
    let r = client.dialog_action("1001", &original, &action("PARTICIPANT_DROP", "9999"), "");
    assert_eq!(r.status, 400);
}

#[test]
fn a_conference_member_leaving_keeps_the_call() {
    let (emulator, client) = start(fast());
    let (original, _) = consulted(&emulator, &client);
    client.dialog_action("1001", &original, &action("CONFERENCE", "1001001"), "");
    wait_until("merged", || emulator.dialogs().len() == 1);
    wait_until("three parties", || {
        dialog(&emulator, &original).participants.len() == 3
    });
    let r = client.dialog_action("1002", &original, &action("DROP", "1002001"), "");
    assert_eq!(r.status, 202);
    wait_until("two parties", || {
        dialog(&emulator, &original).participants.len() == 2
    });
    assert_eq!(dialog(&emulator, &original).state, "ACTIVE");
    wait_agent(&emulator, "1002", "NOT_READY");
}

#[test]
fn transfer_without_a_consult_is_an_async_error() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    let id = make_call(&emulator, &client, "1001", "1001001", "6135551212");
    wait_dialog(&emulator, &id, "ACTIVE");
    let r = client.dialog_action("1001", &id, &action("TRANSFER", "1001001"), "lonely");
    assert_eq!(r.status, 202);
    emulator.settle();
    let errors = common::with_request_id(&emulator, "lonely");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].update_xml.contains("<apiErrors>"));
}

#[test]
fn single_step_transfer() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    sign_in(&emulator, &client, "1002", "1002001");
    let id = make_call(&emulator, &client, "1001", "1001001", "6135551212");
    wait_dialog(&emulator, &id, "ACTIVE");

    let r = client.dialog_action(
        "1001",
        &id,
        &to_address("TRANSFER_SST", "1001001", "1001001"),
        "",
    );
    assert_eq!(
        (r.status, r.field("ErrorType").as_deref()),
        (400, Some("Invalid Destination"))
    );
    let r = client.dialog_action("1001", &id, &action("TRANSFER_SST", "1001001"), "");
    assert_eq!(
        (r.status, r.field("ErrorType").as_deref()),
        (400, Some("Parameter Missing"))
    );

    let r = client.dialog_action(
        "1001",
        &id,
        &to_address("TRANSFER_SST", "1002001", "1001001"),
        "",
    );
    assert_eq!(r.status, 202);
    wait_dialog(&emulator, &id, "ALERTING");
    let d = dialog(&emulator, &id);
    assert!(d.participant("1001001").is_none());
    assert_eq!(d.participant("1002001").expect("target").state, "ALERTING");
    wait_agent(&emulator, "1001", "NOT_READY");
    let r = client.dialog_action("1002", &id, &action("ANSWER", "1002001"), "");
    assert_eq!(r.status, 202);
    wait_dialog(&emulator, &id, "ACTIVE");
    wait_agent(&emulator, "1002", "TALKING");

    // Blind transfer to an outside number: the call leaves Finesse's view.
    let r = client.dialog_action(
        "1002",
        &id,
        &to_address("TRANSFER_SST", "6135550000", "1002001"),
        "",
    );
    assert_eq!(r.status, 202);
    wait_gone(&emulator, &id);
    wait_agent(&emulator, "1002", "NOT_READY");
}
