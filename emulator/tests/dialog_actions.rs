//! Dialog actions: answer, hold, retrieve, drop, DTMF, call data, their validation, the
//! asynchronous CTI error for an action not currently allowed, pending states and wrap-up.

mod common;

use common::{
    Client, action, agent_state, fast, make_call, sign_in, start, wait_agent, wait_dialog,
    wait_gone, with_request_id,
};
use finesse_emulator::{AgentConfig, Deployment, Emulator, InboundCall, WrapUpMode};

/// Agent 1001 on an ACTIVE outbound call; returns the dialog id.
fn active_call(emulator: &Emulator, client: &Client) -> String {
    sign_in(emulator, client, "1001", "1001001");
    let id = make_call(emulator, client, "1001", "1001001", "5551234");
    wait_dialog(emulator, &id, "ACTIVE");
    id
}

fn agent_participant(
    emulator: &Emulator,
    id: &str,
    address: &str,
) -> finesse_emulator::ParticipantSnapshot {
    emulator
        .dialogs()
        .into_iter()
        .find(|d| d.id == id)
        .and_then(|d| d.participant(address).cloned())
        .expect("participant")
}

fn wait_participant(emulator: &Emulator, id: &str, address: &str, state: &str) {
    common::wait_until(&format!("{address} {state}"), || {
        agent_participant(emulator, id, address).state == state
    });
}

fn act(client: &Client, id: &str, body: &str, request_id: &str) -> common::Resp {
    client.dialog_action("1001", id, body, request_id)
}

#[test]
fn hold_and_retrieve_on_cce() {
    let (emulator, client) = start(fast());
    let id = active_call(&emulator, &client);
    assert_eq!(
        act(&client, &id, &action("HOLD", "1001001"), "h").status,
        202
    );
    wait_participant(&emulator, &id, "1001001", "HELD");
    assert_eq!(
        common::dialog_state(&emulator, &id).as_deref(),
        Some("ACTIVE")
    );
    wait_agent(&emulator, "1001", "HOLD");
    let held = agent_participant(&emulator, &id, "1001001");
    assert_eq!(held.actions, ["RETRIEVE", "DROP", "UPDATE_CALL_DATA"]);

    assert_eq!(
        act(&client, &id, &action("RETRIEVE", "1001001"), "r").status,
        202
    );
    wait_participant(&emulator, &id, "1001001", "ACTIVE");
    wait_agent(&emulator, "1001", "TALKING");
}

#[test]
fn ccx_stays_talking_on_hold() {
    // TALKING on CCX is for routed calls only (reference 10.4): a routed call, answered.
    let (emulator, client) = start(fast().deployment(Deployment::Ccx));
    sign_in(&emulator, &client, "1001", "1001001");
    assert_eq!(
        client
            .set_state("1001", "<User><state>READY</state></User>")
            .status,
        202
    );
    wait_agent(&emulator, "1001", "READY");
    let call = InboundCall::new("1001001", "6135550000");
    let id = emulator.inject_inbound_call(call).expect("injected");
    wait_agent(&emulator, "1001", "RESERVED");
    assert_eq!(
        act(&client, &id, &action("ANSWER", "1001001"), "").status,
        202
    );
    wait_agent(&emulator, "1001", "TALKING");
    let active = agent_participant(&emulator, &id, "1001001");
    assert!(active.actions.contains(&"START_RECORDING".to_owned()));
    assert_eq!(
        act(&client, &id, &action("HOLD", "1001001"), "").status,
        202
    );
    wait_participant(&emulator, &id, "1001001", "HELD");
    emulator.settle();
    assert_eq!(agent_state(&emulator, "1001"), "TALKING");
}

#[test]
fn an_action_not_allowed_now_is_an_async_cti_error() {
    for (deployment, error_type, error_data) in [
        (Deployment::Cce, "Generic Error", "20999"),
        (Deployment::Ccx, "Invalid State", "22"),
    ] {
        let (emulator, client) = start(fast().deployment(deployment));
        let id = active_call(&emulator, &client);
        // ANSWER is not offered to an ACTIVE participant.
        let r = act(&client, &id, &action("ANSWER", "1001001"), "req-answer");
        assert_eq!(r.status, 202);
        emulator.settle();
        let errors = with_request_id(&emulator, "req-answer");
        assert_eq!(errors.len(), 1);
        let n = &errors[0];
        assert_eq!(n.node, "/finesse/api/User/1001/Dialogs");
        // The event in lower case and the element order are those of the asynchronous
        // errors recorded on a real CCE 12.5 (reference 10.4; pokornyIt/finesse-api
        // `XMPP/error-invalid-state.xml`).
        assert_eq!(n.event, "put");
        assert_eq!(n.source, format!("/finesse/api/Dialog/{id}"));
        assert_eq!(
            n.update_xml,
            format!(
                "<Update><data><apiErrors><apiError><errorType>{error_type}</errorType>\
                 <errorMessage>{}</errorMessage><errorData>{error_data}</errorData></apiError>\
                 </apiErrors></data><event>put</event><requestId>req-answer</requestId>\
                 <source>/finesse/api/Dialog/{id}</source></Update>",
                common::field(&n.update_xml, "errorMessage").unwrap_or_default()
            )
        );
    }
}

#[test]
fn target_media_address_must_be_the_agents_own() {
    let (emulator, client) = start(fast());
    let id = active_call(&emulator, &client);
    let r = act(&client, &id, &action("HOLD", "5551234"), "");
    assert_eq!(
        (r.status, r.field("ErrorType").as_deref()),
        (400, Some("Invalid Input"))
    );
    let r = act(
        &client,
        &id,
        "<Dialog><requestedAction>HOLD</requestedAction></Dialog>",
        "",
    );
    assert_eq!(
        (r.status, r.field("ErrorType").as_deref()),
        (400, Some("Parameter Missing"))
    );
    let r = act(&client, &id, &action("JUGGLE", "1001001"), "");
    assert_eq!(
        (r.status, r.field("ErrorType").as_deref()),
        (400, Some("Invalid Input"))
    );
    let r = act(
        &client,
        &id,
        "<Dialog><targetMediaAddress>1001001</targetMediaAddress></Dialog>",
        "",
    );
    assert_eq!(
        (r.status, r.field("ErrorType").as_deref()),
        (400, Some("Parameter Missing"))
    );
    let r = act(&client, &id, &action("START_RECORDING", "1001001"), "");
    assert_eq!(
        (r.status, r.field("ErrorType").as_deref()),
        (501, Some("Not Implemented"))
    );
    let r = act(&client, "16777999", &action("HOLD", "1001001"), "");
    assert_eq!(r.status, 404);
    // Another agent cannot act on a dialog it is not part of.
    let r = client.dialog_action("1002", &id, &action("DROP", "1002001"), "");
    assert_eq!(r.status, 404);
}

fn dtmf(digits: &str) -> String {
    format!(
        "<Dialog><requestedAction>SEND_DTMF</requestedAction><targetMediaAddress>1001001</targetMediaAddress>\
         <actionParams><ActionParam><name>dtmfString</name><value>{digits}</value></ActionParam></actionParams></Dialog>"
    )
}

#[test]
fn send_dtmf() {
    let (emulator, client) = start(fast());
    let id = active_call(&emulator, &client);
    assert_eq!(act(&client, &id, &dtmf("12#*AD"), "").status, 202);
    assert_eq!(act(&client, &id, &dtmf("9"), "").status, 202);
    emulator.settle();
    let d = emulator
        .dialogs()
        .into_iter()
        .find(|d| d.id == id)
        .expect("dialog");
    assert_eq!(d.dtmf_digits, "12#*AD9");
    for bad in ["12x", "E"] {
        let r = act(&client, &id, &dtmf(bad), "");
        assert_eq!(
            (r.status, r.field("ErrorType").as_deref()),
            (400, Some("Invalid Input"))
        );
    }
    let r = act(&client, &id, &action("SEND_DTMF", "1001001"), "");
    assert_eq!(
        (r.status, r.field("ErrorType").as_deref()),
        (400, Some("Parameter Missing"))
    );

    assert_eq!(
        act(&client, &id, &action("HOLD", "1001001"), "").status,
        202
    );
    wait_participant(&emulator, &id, "1001001", "HELD");
    let r = act(&client, &id, &dtmf("1"), "");
    assert_eq!(
        (r.status, r.field("ErrorType").as_deref()),
        (401, Some("Invalid State"))
    );

    let (emulator, client) = start(fast().deployment(Deployment::Ccx));
    let id = active_call(&emulator, &client);
    assert_eq!(act(&client, &id, &dtmf("A"), "").status, 400);
    assert_eq!(act(&client, &id, &dtmf("0#"), "").status, 202);
}

fn call_data(media: &str) -> String {
    format!(
        "<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties>{media}</mediaProperties></Dialog>"
    )
}

fn vars(pairs: &[(&str, &str)]) -> String {
    let items: String = pairs
        .iter()
        .map(|(n, v)| format!("<CallVariable><name>{n}</name><value>{v}</value></CallVariable>"))
        .collect();
    format!("<callvariables>{items}</callvariables>")
}

#[test]
fn update_call_data() {
    let (emulator, client) = start(fast());
    let id = active_call(&emulator, &client);
    let body = call_data(&format!(
        "<wrapUpReason>Sales Call</wrapUpReason>{}",
        vars(&[
            ("callVariable2", "two"),
            ("user.Account", "77"),
            ("user.list[1]", "b")
        ])
    ));
    assert_eq!(act(&client, &id, &body, "ucd").status, 202);
    emulator.settle();
    let update = with_request_id(&emulator, "ucd");
    assert_eq!(update.len(), 1);
    assert!(
        update[0]
            .update_xml
            .contains("<wrapUpReason>Sales Call</wrapUpReason><callvariables>")
    );

    // Only the supplied variables change.
    let body = call_data(&vars(&[("callVariable3", "three")]));
    assert_eq!(act(&client, &id, &body, "").status, 202);
    emulator.settle();
    let d = emulator
        .dialogs()
        .into_iter()
        .find(|d| d.id == id)
        .expect("dialog");
    assert_eq!(d.call_variable("callVariable2"), Some("two"));
    assert_eq!(d.call_variable("callVariable3"), Some("three"));
    assert_eq!(d.call_variable("user.Account"), Some("77"));
    assert_eq!(d.call_variable("user.list[1]"), Some("b"));
    assert_eq!(d.wrap_up_reason.as_deref(), Some("Sales Call"));

    let long_reason = format!("<wrapUpReason>{}</wrapUpReason>", "r".repeat(40));
    let too_long = "v".repeat(41);
    for media in [
        long_reason,
        vars(&[("callVariable1", "ok"), ("callVariable4", &too_long)]),
        vars(&[("BAStatus", "x")]),
        vars(&[("user.bad name", "x")]),
        vars(&[("user.ecc", &"e".repeat(2001))]),
    ] {
        let r = act(&client, &id, &call_data(&media), "");
        assert_eq!(
            (r.status, r.field("ErrorType").as_deref()),
            (400, Some("Invalid Input")),
            "{media}"
        );
    }
    // A refused request changes nothing, not even its valid part.
    emulator.settle();
    let d = emulator
        .dialogs()
        .into_iter()
        .find(|d| d.id == id)
        .expect("dialog");
    assert_eq!(d.call_variable("callVariable1"), Some(""));
    let r = act(
        &client,
        &id,
        "<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction></Dialog>",
        "",
    );
    assert_eq!(r.status, 400);
}

#[test]
fn inbound_routed_call_reserves_a_ready_agent() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    assert_eq!(
        client
            .set_state("1001", "<User><state>READY</state></User>")
            .status,
        202
    );
    wait_agent(&emulator, "1001", "READY");
    let call = InboundCall::new("1001001", "6135550000")
        .dnis("8005551000")
        .queue("Sales", "10")
        .variable("callVariable1", "case-9")
        .variable("user.Lang", "fr");
    let id = emulator.inject_inbound_call(call).expect("injected");
    wait_agent(&emulator, "1001", "RESERVED");
    let r = client.get_as("1001", &format!("/finesse/api/Dialog/{id}"));
    assert!(r.body.contains("<DNIS>8005551000</DNIS><callType>ACD_IN</callType><dialedNumber>8005551000</dialedNumber><outboundClassification></outboundClassification><queueName>Sales</queueName><queueNumber>10</queueNumber><callvariables>"));
    assert!(r.body.contains("<actions><action>ANSWER</action></actions><mediaAddress>1001001</mediaAddress><mediaAddressType>AGENT_DEVICE</mediaAddressType>"));
    assert!(r.body.contains("<actions><action>UPDATE_CALL_DATA</action><action>DROP</action></actions><mediaAddress>6135550000</mediaAddress><mediaAddressType></mediaAddressType>"));
    assert_eq!(r.field("fromAddress").as_deref(), Some("6135550000"));
    assert_eq!(r.field("toAddress").as_deref(), Some("8005551000"));

    assert_eq!(
        act(&client, &id, &action("ANSWER", "1001001"), "").status,
        202
    );
    wait_dialog(&emulator, &id, "ACTIVE");
    wait_agent(&emulator, "1001", "TALKING");
    emulator.hang_up_far_end(&id).expect("caller hangs up");
    wait_gone(&emulator, &id);
    wait_agent(&emulator, "1001", "READY");

    assert!(
        emulator
            .inject_inbound_call(InboundCall::new("1002001", "1"))
            .is_err()
    );
}

#[test]
fn state_requested_during_a_call_is_pending() {
    let (emulator, client) = start(fast());
    let id = active_call(&emulator, &client);
    let body = "<User><state>NOT_READY</state><reasonCodeId>22</reasonCodeId></User>";
    assert_eq!(client.set_state("1001", body).status, 202);
    emulator.settle();
    let agent = emulator.agent_state("1001").expect("agent");
    assert_eq!(agent.state, "TALKING");
    assert_eq!(agent.pending_state.as_deref(), Some("NOT_READY"));
    let user = client.get_as("1001", "/finesse/api/User/1001");
    assert_eq!(user.field("pendingState").as_deref(), Some("NOT_READY"));

    assert_eq!(
        act(&client, &id, &action("DROP", "1001001"), "").status,
        202
    );
    wait_gone(&emulator, &id);
    wait_agent(&emulator, "1001", "NOT_READY");
    let agent = emulator.agent_state("1001").expect("agent");
    assert_eq!(agent.reason_code_id, Some(22));
    assert_eq!(agent.pending_state, None);
}

#[test]
fn pending_logout_signs_out_after_the_call() {
    let (emulator, client) = start(fast());
    let id = active_call(&emulator, &client);
    let body = "<User><state>LOGOUT</state><reasonCodeId>31</reasonCodeId></User>";
    assert_eq!(client.set_state("1001", body).status, 202);
    emulator.hang_up_far_end(&id).ok();
    wait_agent(&emulator, "1001", "LOGOUT");
}

#[test]
fn required_wrap_up_keeps_the_dialog_until_the_agent_leaves_work() {
    let agent = AgentConfig::new("3001", "wrapper", "secret3001")
        .wrap_up(WrapUpMode::Required, WrapUpMode::Required);
    let (emulator, client) = start(fast().agent(agent));
    sign_in(&emulator, &client, "3001", "3001001");
    assert_eq!(
        client
            .set_state("3001", "<User><state>READY</state></User>")
            .status,
        202
    );
    wait_agent(&emulator, "3001", "READY");
    let id = make_call(&emulator, &client, "3001", "3001001", "5551234");
    wait_dialog(&emulator, &id, "ACTIVE");
    emulator.hang_up_far_end(&id).expect("hang up");
    wait_agent(&emulator, "3001", "WORK_READY");

    let d = emulator
        .dialogs()
        .into_iter()
        .find(|d| d.id == id)
        .expect("kept for wrap-up");
    assert_eq!(d.state, "DROPPED");
    let me = d.participant("3001001").expect("agent");
    assert_eq!(me.state, "WRAP_UP");
    assert_eq!(me.actions, ["UPDATE_CALL_DATA"]);
    let body = call_data("<wrapUpReason>Support</wrapUpReason>");
    assert_eq!(client.dialog_action("3001", &id, &body, "").status, 202);
    emulator.settle();
    assert_eq!(
        emulator.dialogs()[0].wrap_up_reason.as_deref(),
        Some("Support")
    );

    assert_eq!(
        client
            .set_state("3001", "<User><state>READY</state></User>")
            .status,
        202
    );
    wait_agent(&emulator, "3001", "READY");
    wait_gone(&emulator, &id);
    let deleted = emulator
        .notifications()
        .iter()
        .any(|n| n.node == "/finesse/api/User/3001/Dialogs" && n.event == "DELETE");
    assert!(deleted);
}

#[test]
fn wrap_up_after_not_ready_is_work() {
    let agent = AgentConfig::new("3001", "wrapper", "secret3001")
        .wrap_up(WrapUpMode::Required, WrapUpMode::Required);
    let (emulator, client) = start(fast().agent(agent));
    sign_in(&emulator, &client, "3001", "3001001");
    let id = make_call(&emulator, &client, "3001", "3001001", "5551234");
    wait_dialog(&emulator, &id, "ACTIVE");
    let drop = action("DROP", "3001001");
    assert_eq!(client.dialog_action("3001", &id, &drop, "").status, 202);
    wait_agent(&emulator, "3001", "WORK");
    let body = "<User><state>NOT_READY</state><reasonCodeId>22</reasonCodeId></User>";
    assert_eq!(client.set_state("3001", body).status, 202);
    wait_agent(&emulator, "3001", "NOT_READY");
    wait_gone(&emulator, &id);
}
