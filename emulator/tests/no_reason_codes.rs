//! The "no reason codes configured" setting: a Finesse whose administrator defined no
//! reason codes takes NOT_READY and LOGOUT without a reason (reference 2.4: the reason is
//! required only "if reason codes of that category are configured"; 2.2: `reasonCodeId` -1
//! when "no codes configured").

mod common;

use common::{Client, fast, sign_in, start, wait_agent};
use finesse_emulator::Emulator;
use ureq::tls::TlsConfig;

fn not_ready_without_reason(client: &Client) -> common::Resp {
    client.set_state("1001", "<User><state>NOT_READY</state></User>")
}

fn ready(emulator: &Emulator, client: &Client) {
    assert_eq!(
        client
            .set_state("1001", "<User><state>READY</state></User>")
            .status,
        202
    );
    wait_agent(emulator, "1001", "READY");
}

#[test]
fn by_default_a_reason_is_required() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    ready(&emulator, &client);
    let r = not_ready_without_reason(&client);
    assert_eq!(r.status, 400);
    assert_eq!(r.field("ErrorType").as_deref(), Some("Parameter Missing"));
}

#[test]
fn without_codes_not_ready_and_logout_need_no_reason() {
    let (emulator, client) = start(fast().reason_codes_configured(false));
    let r = client.get_as(
        "1001",
        "/finesse/api/User/1001/ReasonCodes?category=NOT_READY",
    );
    assert_eq!(r.status, 200);
    assert!(!r.body.contains("<ReasonCode>"), "{}", r.body);
    sign_in(&emulator, &client, "1001", "1001001");
    ready(&emulator, &client);
    assert_eq!(not_ready_without_reason(&client).status, 202);
    wait_agent(&emulator, "1001", "NOT_READY");
    let user = client.get_as("1001", "/finesse/api/User/1001");
    assert_eq!(user.field("reasonCodeId").as_deref(), Some("-1"));
    assert_eq!(
        client
            .set_state("1001", "<User><state>LOGOUT</state></User>")
            .status,
        202
    );
    wait_agent(&emulator, "1001", "LOGOUT");
}

#[test]
fn switched_by_the_rust_and_http_control_apis() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    ready(&emulator, &client);
    emulator.set_reason_codes_configured(false);
    assert_eq!(not_ready_without_reason(&client).status, 202);
    wait_agent(&emulator, "1001", "NOT_READY");
    ready(&emulator, &client);
    let control = Client::with_tls(emulator.control_url(), TlsConfig::default());
    let on = control.request("PUT", "/reason-codes", &[], r#"{"configured": true}"#);
    assert_eq!(on.status, 204);
    assert_eq!(not_ready_without_reason(&client).status, 400);
    let r = client.get_as(
        "1001",
        "/finesse/api/User/1001/ReasonCodes?category=NOT_READY",
    );
    assert!(r.body.contains("<label>Break</label>"), "{}", r.body);
    let off = control.request("PUT", "/reason-codes", &[], r#"{"configured": false}"#);
    assert_eq!(off.status, 204);
    assert_eq!(not_ready_without_reason(&client).status, 202);
    let bad = control.request("PUT", "/reason-codes", &[], r#"{"configured": "no"}"#);
    assert_eq!(bad.status, 400);
}
