//! What CCX does differently with agent state: non-routed calls leave the agent alone,
//! wrap-up (WORK only) after routed calls.

mod common;

use common::{
    Client, action, agent_state, fast, make_call, sign_in, start, wait_agent, wait_dialog,
};
use finesse_emulator::{Emulator, InboundCall, Release, WrapUpMode};

fn ccx() -> (Emulator, Client) {
    start(fast().release(Release::Ccx12_5))
}

fn user_updates(emulator: &Emulator) -> usize {
    emulator
        .notifications()
        .iter()
        .filter(|n| n.node == "/finesse/api/User/1001" && n.update_xml.contains("<user>"))
        .count()
}

#[test]
fn a_non_routed_call_leaves_the_agent_not_ready_without_a_user_update() {
    // DG12.5 p49: "Agent receives and answers a non-ICD call — Finesse does not send a User
    // notification. The agent remains in NOT_READY state"; TALKING on CCX is for routed
    // calls only (DEVNET `user-states`; reference 10.4).
    let (emulator, client) = ccx();
    sign_in(&emulator, &client, "1001", "1001001");
    emulator.settle();
    let before = user_updates(&emulator);
    let id = make_call(&emulator, &client, "1001", "1001001", "5551234");
    wait_dialog(&emulator, &id, "ACTIVE");
    emulator.settle();
    assert_eq!(agent_state(&emulator, "1001"), "NOT_READY");
    // READY during the call is refused, as during any non-ICD call (reference 2.4).
    let r = client.put_as(
        "1001",
        "/finesse/api/User/1001",
        "<User><state>READY</state></User>",
        "ready-on-call",
    );
    assert_eq!(r.status, 202);
    emulator.settle();
    let refusal = common::with_request_id(&emulator, "ready-on-call");
    assert!(refusal[0].update_xml.contains("<errorData>33</errorData>"));
    assert_eq!(
        client
            .dialog_action("1001", &id, &action("DROP", "1001001"), "")
            .status,
        202
    );
    common::wait_gone(&emulator, &id);
    emulator.settle();
    assert_eq!(agent_state(&emulator, "1001"), "NOT_READY");
    assert_eq!(
        user_updates(&emulator),
        before,
        "no User update for a non-ICD call"
    );
}

#[test]
fn routed_calls_wrap_up_in_work() {
    // CCX has WORK but no WORK_READY (reference 10.4; DEVNET `user-states`).
    let (emulator, client) = ccx();
    emulator.add_agent(
        finesse_emulator::AgentConfig::new("1001", "jdoe", "secret1001")
            .wrap_up(WrapUpMode::Required, WrapUpMode::Required),
    );
    sign_in(&emulator, &client, "1001", "1001001");
    assert_eq!(
        client
            .set_state("1001", "<User><state>READY</state></User>")
            .status,
        202
    );
    wait_agent(&emulator, "1001", "READY");
    let id = emulator
        .inject_inbound_call(InboundCall::new("1001001", "6135550000"))
        .expect("injected");
    wait_agent(&emulator, "1001", "RESERVED");
    assert_eq!(
        client
            .dialog_action("1001", &id, &action("ANSWER", "1001001"), "")
            .status,
        202
    );
    wait_agent(&emulator, "1001", "TALKING");
    assert_eq!(
        client
            .dialog_action("1001", &id, &action("DROP", "1001001"), "")
            .status,
        202
    );
    wait_agent(&emulator, "1001", "WORK");
    assert_eq!(
        client
            .set_state("1001", "<User><state>READY</state></User>")
            .status,
        202
    );
    wait_agent(&emulator, "1001", "READY");
}
