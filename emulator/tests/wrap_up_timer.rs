//! The wrap-up timer: WORK and WORK_READY end by themselves when it expires (reference 2.4
//! transitions: "WORK → auto NOT_READY when wrap-up timer expires", "WORK_READY → auto
//! READY"; reference 10.4, DEVNET `user-states`).

mod common;

use std::time::Duration;

use common::{Client, fast, make_call, sign_in, start, wait_agent, wait_dialog};
use finesse_emulator::{AgentConfig, Emulator, EmulatorConfig, WrapUpMode};
use ureq::tls::TlsConfig;

fn wrapping_agent(config: EmulatorConfig) -> (Emulator, Client) {
    let agent = AgentConfig::new("3001", "wrapper", "secret3001")
        .wrap_up(WrapUpMode::Required, WrapUpMode::Required);
    start(config.agent(agent))
}

/// Places a call from `from_state` and lets the far end hang up: the agent wraps up.
fn call_and_hang_up(emulator: &Emulator, client: &Client, from_state: &str) {
    let body = match from_state {
        "READY" => "<User><state>READY</state></User>",
        _ => "<User><state>NOT_READY</state><reasonCodeId>22</reasonCodeId></User>",
    };
    assert_eq!(client.set_state("3001", body).status, 202);
    wait_agent(emulator, "3001", from_state);
    let id = make_call(emulator, client, "3001", "3001001", "5551234");
    wait_dialog(emulator, &id, "ACTIVE");
    emulator.hang_up_far_end(&id).expect("hang up");
}

#[test]
fn work_ready_goes_ready_and_work_goes_not_ready_when_the_timer_expires() {
    let config = fast().wrap_up_timer(Some(Duration::from_millis(150)));
    let (emulator, client) = wrapping_agent(config);
    sign_in(&emulator, &client, "3001", "3001001");
    call_and_hang_up(&emulator, &client, "READY");
    wait_agent(&emulator, "3001", "WORK_READY");
    wait_agent(&emulator, "3001", "READY");
    assert!(
        emulator.dialogs().is_empty(),
        "wrap-up over: the dialog is gone"
    );
    // The timer's change is not caused by a request: no requestId.
    let last = emulator
        .notifications()
        .into_iter()
        .rev()
        .find(|n| n.node == "/finesse/api/User/3001")
        .expect("a User update");
    assert!(last.update_xml.contains("<state>READY</state>") && last.request_id.is_empty());

    call_and_hang_up(&emulator, &client, "NOT_READY");
    wait_agent(&emulator, "3001", "WORK");
    wait_agent(&emulator, "3001", "NOT_READY");
}

#[test]
fn without_a_timer_wrap_up_lasts_until_the_agent_asks() {
    let (emulator, client) = wrapping_agent(fast());
    sign_in(&emulator, &client, "3001", "3001001");
    call_and_hang_up(&emulator, &client, "READY");
    wait_agent(&emulator, "3001", "WORK_READY");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(common::agent_state(&emulator, "3001"), "WORK_READY");
}

#[test]
fn a_timer_of_a_wrap_up_left_early_does_nothing() {
    let config = fast().wrap_up_timer(Some(Duration::from_millis(300)));
    let (emulator, client) = wrapping_agent(config);
    sign_in(&emulator, &client, "3001", "3001001");
    call_and_hang_up(&emulator, &client, "READY");
    wait_agent(&emulator, "3001", "WORK_READY");
    let not_ready = "<User><state>NOT_READY</state><reasonCodeId>22</reasonCodeId></User>";
    assert_eq!(client.set_state("3001", not_ready).status, 202);
    wait_agent(&emulator, "3001", "NOT_READY");
    std::thread::sleep(Duration::from_millis(450));
    assert_eq!(common::agent_state(&emulator, "3001"), "NOT_READY");
}

#[test]
fn set_by_the_rust_and_http_control_apis() {
    let (emulator, client) = wrapping_agent(fast());
    emulator.set_wrap_up_timer(Some(Duration::from_millis(100)));
    sign_in(&emulator, &client, "3001", "3001001");
    call_and_hang_up(&emulator, &client, "READY");
    wait_agent(&emulator, "3001", "WORK_READY");
    wait_agent(&emulator, "3001", "READY");

    let control = Client::with_tls(emulator.control_url(), TlsConfig::default());
    let off = control.request("PUT", "/wrap-up-timer", &[], r#"{"ms": null}"#);
    assert_eq!(off.status, 204);
    call_and_hang_up(&emulator, &client, "READY");
    wait_agent(&emulator, "3001", "WORK_READY");
    std::thread::sleep(Duration::from_millis(250));
    assert_eq!(common::agent_state(&emulator, "3001"), "WORK_READY");
    let on = control.request("PUT", "/wrap-up-timer", &[], r#"{"ms": 50}"#);
    assert_eq!(on.status, 204);
    let bad = control.request("PUT", "/wrap-up-timer", &[], r#"{"ms": "soon"}"#);
    assert_eq!(bad.status, 400);
}
