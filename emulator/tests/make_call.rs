//! MAKE_CALL: validation as the 12.5(1) guide states it, the call setup sequence, far-end
//! outcomes, and the Dialog document.

mod common;

use common::{
    Client, agent_state, fast, make_call, make_call_body, sign_in, start, wait_agent, wait_dialog,
    with_request_id,
};
use finesse_emulator::{Deployment, Emulator, FarEnd};

fn ready_agent(emulator: &Emulator, client: &Client) {
    sign_in(emulator, client, "1001", "1001001");
    assert_eq!(
        client
            .set_state("1001", "<User><state>READY</state></User>")
            .status,
        202
    );
    wait_agent(emulator, "1001", "READY");
}

fn post(client: &Client, body: &str, request_id: &str) -> common::Resp {
    client.post_as("1001", "/finesse/api/User/1001/Dialogs", body, request_id)
}

fn error_type(r: &common::Resp) -> String {
    r.field("ErrorType").unwrap_or_default()
}

#[test]
fn call_from_ready_sets_50006_and_runs_the_setup_sequence() {
    let (emulator, client) = start(fast());
    ready_agent(&emulator, &client);
    let r = post(&client, &make_call_body("1001001", "6135551212"), "mc-1");
    assert_eq!(r.status, 202);
    assert!(r.body.is_empty());
    emulator.settle();
    let id = emulator.dialogs()[0].id.clone();
    wait_dialog(&emulator, &id, "ACTIVE");
    wait_agent(&emulator, "1001", "TALKING");

    // The request's own outcome carries its requestId: NOT_READY 50006, then the POST.
    let echoed = with_request_id(&emulator, "mc-1");
    assert_eq!(echoed.len(), 2);
    assert_eq!(echoed[0].node, "/finesse/api/User/1001");
    assert!(echoed[0].update_xml.contains("<state>NOT_READY</state>"));
    assert!(
        echoed[0]
            .update_xml
            .contains("<reasonCodeId>50006</reasonCodeId>")
    );
    assert!(
        echoed[0]
            .update_xml
            .contains("<systemCode>true</systemCode>")
    );
    assert_eq!(echoed[1].event, "POST");
    assert_eq!(echoed[1].source, "/finesse/api/User/1001/Dialogs");
    assert!(
        echoed[1]
            .update_xml
            .starts_with("<Update><data><dialogs><Dialog>")
    );

    let dialog_states: Vec<String> = emulator
        .notifications()
        .iter()
        .filter(|n| n.node == "/finesse/api/User/1001/Dialogs")
        .map(|n| format!("{} {}", n.event, common::dialog_level_state(&n.update_xml)))
        .collect();
    assert_eq!(
        dialog_states,
        [
            "POST INITIATING",
            "PUT INITIATED",
            "PUT ALERTING",
            "PUT ACTIVE"
        ]
    );
    let puts: Vec<_> = emulator
        .notifications()
        .into_iter()
        .filter(|n| n.event == "PUT" && n.node.ends_with("/Dialogs"))
        .collect();
    assert!(
        puts.iter()
            .all(|n| n.source == format!("/finesse/api/Dialog/{id}"))
    );
    assert!(puts[0].update_xml.starts_with("<Update><data><dialog>"));

    // Hanging up returns the agent to READY (50006 was only for the call).
    let r = client.dialog_action("1001", &id, &common::action("DROP", "1001001"), "drop-1");
    assert_eq!(r.status, 202);
    common::wait_gone(&emulator, &id);
    wait_agent(&emulator, "1001", "READY");
    let ends: Vec<String> = with_request_id(&emulator, "drop-1")
        .iter()
        .filter(|n| n.node.ends_with("/Dialogs"))
        .map(|n| n.event.clone())
        .collect();
    assert_eq!(ends, ["PUT", "DELETE"]);
}

#[test]
fn dialog_document_shape() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    let body = "<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>1001001</fromAddress>\
        <toAddress>6135551212</toAddress><mediaProperties><callvariables>\
        <CallVariable><name>callVariable1</name><value>acct-42</value></CallVariable>\
        <CallVariable><name>user.CustomerId</name><value>9</value></CallVariable>\
        <CallVariable><name>user.items[0]</name><value>a&amp;b</value></CallVariable>\
        </callvariables></mediaProperties></Dialog>";
    assert_eq!(post(&client, body, "").status, 202);
    emulator.settle();
    let id = emulator.dialogs()[0].id.clone();
    wait_dialog(&emulator, &id, "ACTIVE");
    assert_eq!(agent_state(&emulator, "1001"), "TALKING");

    let r = client.get_as("1001", &format!("/finesse/api/Dialog/{id}"));
    assert_eq!(r.status, 200);
    let doc = r.body;
    assert!(doc.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Dialog><associatedDialogUri></associatedDialogUri><fromAddress>1001001</fromAddress>"));
    assert!(doc.contains(&format!("<id>{id}</id><mediaProperties><DNIS>6135551212</DNIS><callType>OUT</callType><dialedNumber>6135551212</dialedNumber><outboundClassification></outboundClassification><callvariables>")));
    for n in 1..=10 {
        assert!(
            doc.contains(&format!("<name>callVariable{n}</name>")),
            "callVariable{n}"
        );
    }
    assert!(doc.contains("<name>callVariable1</name><value>acct-42</value>"));
    assert!(doc.contains("<name>callVariable2</name><value></value>"));
    let ten = doc.find("<name>callVariable10</name>").expect("ten");
    let ecc = doc
        .find("<name>user.CustomerId</name><value>9</value>")
        .expect("ecc");
    assert!(ten < ecc);
    assert!(doc.contains("<name>user.items[0]</name><value>a&amp;b</value>"));
    assert!(doc.contains("</callvariables></mediaProperties><mediaType>Voice</mediaType><participants><Participant><actions><action>HOLD</action>"));
    assert!(doc.contains(
        "<mediaAddress>1001001</mediaAddress><mediaAddressType>AGENT_DEVICE</mediaAddressType>"
    ));
    assert!(
        doc.contains(
            "<mediaAddress>6135551212</mediaAddress><mediaAddressType></mediaAddressType>"
        )
    );
    assert!(doc.ends_with(&format!("<state>ACTIVE</state><toAddress>6135551212</toAddress><uri>/finesse/api/Dialog/{id}</uri></Dialog>")));

    let list = client.get_as("1001", "/finesse/api/User/1001/Dialogs");
    assert!(
        list.body
            .contains("<Dialogs><Dialog><associatedDialogUri></associatedDialogUri>")
    );
}

#[test]
fn empty_dialog_list_and_unknown_dialog() {
    let (_emulator, client) = start(fast());
    let r = client.get_as("1001", "/finesse/api/User/1001/Dialogs");
    assert_eq!(r.status, 200);
    assert!(r.body.ends_with("<Dialogs/>"), "{}", r.body);
    for id in ["16777299", "abc"] {
        let r = client.get_as("1001", &format!("/finesse/api/Dialog/{id}"));
        assert_eq!(r.status, 404);
        assert_eq!(r.field("ErrorType").as_deref(), Some("Not Found"));
        assert_eq!(
            r.field("ErrorMessage").as_deref(),
            Some("Invalid dialogId specified for dialog")
        );
    }
}

#[test]
fn to_address_is_kept_verbatim() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    let to = "+1 (800) FLOWERS-x";
    let id = make_call(&emulator, &client, "1001", "1001001", to);
    let d = emulator
        .dialogs()
        .into_iter()
        .find(|d| d.id == id)
        .expect("dialog");
    assert_eq!(d.to_address, to);
    wait_dialog(&emulator, &id, "ACTIVE");
    let r = client.get_as("1001", &format!("/finesse/api/Dialog/{id}"));
    assert_eq!(r.field("toAddress").as_deref(), Some(to));
    assert!(
        r.body
            .contains(&format!("<mediaAddress>{to}</mediaAddress>"))
    );
}

#[test]
fn busy_and_bad_destination_fail() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    emulator.set_far_end_for("5550001", FarEnd::Busy);
    emulator.set_far_end_for("5550002", FarEnd::NotExist);
    for (to, cause) in [("5550001", "BUSY"), ("5550002", "BAD_DESTINATION")] {
        let id = make_call(&emulator, &client, "1001", "1001001", to);
        wait_dialog(&emulator, &id, "FAILED");
        let d = emulator
            .dialogs()
            .into_iter()
            .find(|d| d.id == id)
            .expect("dialog");
        assert_eq!(d.participants.len(), 1);
        assert_eq!(d.participants[0].state, "FAILED");
        assert_eq!(d.participants[0].state_cause, cause);
        assert_eq!(d.participants[0].actions, ["DROP"]);
        let r = client.dialog_action("1001", &id, &common::action("DROP", "1001001"), "");
        assert_eq!(r.status, 202);
        common::wait_gone(&emulator, &id);
        wait_agent(&emulator, "1001", "NOT_READY");
    }
}

#[test]
fn ringing_far_end_answers_when_told() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    emulator.set_far_end(FarEnd::Ring);
    let id = make_call(&emulator, &client, "1001", "1001001", "5551234");
    wait_dialog(&emulator, &id, "ALERTING");
    let d = emulator
        .dialogs()
        .into_iter()
        .find(|d| d.id == id)
        .expect("dialog");
    assert_eq!(d.participant("1001001").expect("agent").state, "INITIATED");
    assert_eq!(d.participant("5551234").expect("far end").state, "ALERTING");
    emulator.answer_far_end(&id).expect("answers");
    wait_dialog(&emulator, &id, "ACTIVE");
    assert!(emulator.answer_far_end(&id).is_err());
    emulator.hang_up_far_end(&id).expect("hangs up");
    common::wait_gone(&emulator, &id);
    wait_agent(&emulator, "1001", "NOT_READY");
}

#[test]
fn far_end_hangs_up_by_itself() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    emulator.set_far_end(FarEnd::AnswerThenHangUp(std::time::Duration::from_millis(
        50,
    )));
    let id = make_call(&emulator, &client, "1001", "1001001", "5551234");
    wait_dialog(&emulator, &id, "ACTIVE");
    common::wait_gone(&emulator, &id);
    // The far end dropping first is published before the call ends.
    let far_end_dropped = emulator.notifications().iter().any(|n| {
        n.update_xml
            .contains("<mediaAddress>5551234</mediaAddress><mediaAddressType></mediaAddressType>")
            && n.update_xml
                .contains("<state>DROPPED</state><stateCause></stateCause>")
            && n.update_xml
                .contains("</participants><state>ACTIVE</state>")
    });
    assert!(far_end_dropped);
}

#[test]
fn calling_another_agent_rings_that_agent() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    sign_in(&emulator, &client, "1002", "1002001");
    let id = make_call(&emulator, &client, "1001", "1001001", "1002001");
    wait_dialog(&emulator, &id, "ALERTING");
    let d = emulator
        .dialogs()
        .into_iter()
        .find(|d| d.id == id)
        .expect("dialog");
    assert_eq!(d.call_type, "AGENT_INSIDE");
    let callee = d.participant("1002001").expect("callee");
    assert_eq!(callee.login_id.as_deref(), Some("1002"));
    assert_eq!(callee.actions, ["ANSWER"]);
    let posted = emulator
        .notifications()
        .iter()
        .any(|n| n.node == "/finesse/api/User/1002/Dialogs" && n.event == "POST");
    assert!(posted);
    // The callee answers through the API; nobody answers for them.
    let r = client.dialog_action("1002", &id, &common::action("ANSWER", "1002001"), "");
    assert_eq!(r.status, 202);
    wait_dialog(&emulator, &id, "ACTIVE");
    wait_agent(&emulator, "1002", "TALKING");
    wait_agent(&emulator, "1001", "TALKING");
    let r = client.get_as("1002", &format!("/finesse/api/Dialog/{id}"));
    assert_eq!(r.status, 200);
    assert_eq!(
        client
            .get_as("1003", &format!("/finesse/api/Dialog/{id}"))
            .status,
        404
    );
}

#[test]
fn validation_errors() {
    let (emulator, client) = start(fast());
    let r = post(&client, &make_call_body("1001001", "6135551212"), "");
    assert_eq!((r.status, error_type(&r).as_str()), (400, "Invalid State"));
    sign_in(&emulator, &client, "1001", "1001001");

    let cases = [
        (make_call_body("1009999", "6135551212"), "Invalid Input"),
        (make_call_body("1001001", "1001001"), "Invalid Destination"),
        (
            "<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>1001001</fromAddress></Dialog>".to_owned(),
            "Parameter Missing",
        ),
        (make_call_body("1001001", ""), "Parameter Missing"),
        (
            "<Dialog><fromAddress>1001001</fromAddress><toAddress>1</toAddress></Dialog>".to_owned(),
            "Parameter Missing",
        ),
        (
            "<Dialog><requestedAction>DIAL</requestedAction><fromAddress>1001001</fromAddress><toAddress>1</toAddress></Dialog>".to_owned(),
            "Invalid Input",
        ),
        (make_call_body("1001001", "caf\u{e9}"), "Invalid Input"),
    ];
    for (body, expected) in cases {
        let r = post(&client, &body, "");
        assert_eq!(
            (r.status, error_type(&r)),
            (400, expected.to_owned()),
            "{body}"
        );
    }

    let with_media = |media: &str| {
        format!(
            "<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>1001001</fromAddress>\
             <toAddress>6135551212</toAddress><mediaProperties>{media}</mediaProperties></Dialog>"
        )
    };
    let var = |name: &str, value: &str| {
        format!(
            "<callvariables><CallVariable><name>{name}</name><value>{value}</value></CallVariable></callvariables>"
        )
    };
    for media in [
        var("BACampaign", "x"),
        var("callVariable3", &"x".repeat(41)),
        var("callVariable11", "x"),
        var("user.big", &"x".repeat(2000)),
        var("custom", "x"),
        "<wrapUpReason>Sales Call</wrapUpReason>".to_owned(),
    ] {
        let r = post(&client, &with_media(&media), "");
        assert_eq!(
            (r.status, error_type(&r).as_str()),
            (400, "Invalid Input"),
            "{media}"
        );
    }
    assert!(emulator.dialogs().is_empty());
    let ok = with_media(&var("callVariable3", &"x".repeat(40)));
    assert_eq!(post(&client, &ok, "").status, 202);

    // CCX takes no call data at all on MAKE_CALL.
    emulator.set_deployment(Deployment::Ccx);
    let r = post(&client, &with_media(&var("callVariable1", "x")), "");
    assert_eq!((r.status, error_type(&r).as_str()), (400, "Invalid Input"));
}

#[test]
fn a_second_call_while_talking_is_an_async_error() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    let id = make_call(&emulator, &client, "1001", "1001001", "5551234");
    wait_dialog(&emulator, &id, "ACTIVE");
    assert_eq!(
        post(&client, &make_call_body("1001001", "5559999"), "second").status,
        202
    );
    emulator.settle();
    let errors = with_request_id(&emulator, "second");
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .update_xml
            .contains("<errorType>Generic Error</errorType>")
    );
    assert_eq!(emulator.dialogs().len(), 1);
}
