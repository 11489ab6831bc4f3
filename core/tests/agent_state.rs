//! Agent state over HTTPS against the emulator: sign in, READY, NOT_READY with a reason,
//! sign out, on CCE and CCX.

mod common;

use common::*;
use finesse_client::{AgentState, ErrorKind, ReasonCodeCategory};
use finesse_emulator::{Deployment, Emulator, EmulatorConfig};

#[test]
fn sign_in_ready_not_ready_and_sign_out() {
    let emulator = emulator();
    let client = agent_1001(&emulator);

    let user = client.user().unwrap();
    assert_eq!(user.login_id, "1001");
    assert_eq!(user.login_name, "jdoe");
    assert_eq!(user.state, AgentState::Logout);
    assert_eq!(user.extension, None);

    let accepted = client.sign_in(EXT_1001).unwrap();
    assert_eq!(
        accepted.request_id.len(),
        36,
        "a UUID: {}",
        accepted.request_id
    );
    let user = wait_user(&client, "NOT_READY", |u| u.state == AgentState::NotReady);
    assert_eq!(user.extension.as_deref(), Some(EXT_1001));

    client.ready().unwrap();
    wait_user(&client, "READY", |u| u.state == AgentState::Ready);

    client.not_ready(Some(23)).unwrap();
    let user = wait_user(&client, "NOT_READY Lunch", |u| {
        u.state == AgentState::NotReady && u.reason_code_id == Some(23)
    });
    let reason = user.reason_code.expect("the reason is embedded");
    assert_eq!(reason.label, "Lunch");
    assert_eq!(reason.code, Some(2));

    client.sign_out(Some(31)).unwrap();
    let user = wait_user(&client, "LOGOUT", |u| u.state == AgentState::Logout);
    assert_eq!(user.reason_code_id, Some(31));
    assert!(!user.is_signed_in());
}

#[test]
fn each_command_carries_a_fresh_request_id_echoed_in_notifications() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let first = client.sign_in(EXT_1001).unwrap();
    wait_user(&client, "NOT_READY", |u| u.state == AgentState::NotReady);
    let second = client.ready().unwrap();
    assert_ne!(first.request_id, second.request_id);
    wait_for("the READY notification echoing the request id", || {
        emulator
            .notifications()
            .iter()
            .any(|n| {
                n.update_xml
                    .contains(&format!("<requestId>{}</requestId>", second.request_id))
            })
            .then_some(())
    });
}

#[test]
fn reason_code_required_when_configured() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    sign_in(&client, EXT_1001);
    client.ready().unwrap();
    wait_user(&client, "READY", |u| u.state == AgentState::Ready);

    let err = client.not_ready(None).unwrap_err();
    assert_eq!(err.http_status(), Some(400));
    assert_eq!(err.kind(), ErrorKind::Api);
    let api = &err.api_errors()[0];
    assert_eq!(api.error_type, "Parameter Missing");
    assert_eq!(api.error_data, "finesse.api.reasoncode.require_reasoncode");

    let err = client.not_ready(Some(999)).unwrap_err();
    assert_eq!(err.api_errors()[0].error_type, "Invalid Input");
    assert_eq!(
        client.user().unwrap().state,
        AgentState::Ready,
        "rejected commands change nothing"
    );
}

#[test]
fn cce_signs_out_only_from_not_ready() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    sign_in(&client, EXT_1001);
    client.ready().unwrap();
    wait_user(&client, "READY", |u| u.state == AgentState::Ready);
    let err = client.sign_out(Some(31)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidState);
    assert_eq!(err.api_errors()[0].error_type, "Invalid State");
}

#[test]
fn ccx_signs_out_from_ready() {
    let emulator = Emulator::start(EmulatorConfig::new().deployment(Deployment::Ccx)).unwrap();
    let client = agent_1001(&emulator);
    sign_in(&client, EXT_1001);
    client.ready().unwrap();
    wait_user(&client, "READY", |u| u.state == AgentState::Ready);
    client.sign_out(Some(31)).unwrap();
    wait_user(&client, "LOGOUT", |u| u.state == AgentState::Logout);
}

#[test]
fn sign_in_by_login_name_learns_the_login_id() {
    let emulator = emulator();
    let client = client(&emulator, "jdoe", "secret1001");
    client.sign_in(EXT_1001).unwrap();
    let user = wait_user(&client, "NOT_READY", |u| u.state == AgentState::NotReady);
    assert_eq!(user.login_id, "1001");
    // The dialogs URI uses the id, not the name.
    assert!(client.dialogs().unwrap().is_empty());
}

#[test]
fn reason_codes_wrap_up_reasons_and_system_info() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let not_ready = client.reason_codes(ReasonCodeCategory::NotReady).unwrap();
    let labels: Vec<&str> = not_ready.iter().map(|c| c.label.as_str()).collect();
    assert!(
        labels.contains(&"Break") && labels.contains(&"Lunch"),
        "{labels:?}"
    );
    assert!(
        not_ready
            .iter()
            .all(|c| c.category == Some(ReasonCodeCategory::NotReady))
    );
    let logout = client.reason_codes(ReasonCodeCategory::Logout).unwrap();
    assert_eq!(logout[0].id, Some(31));
    assert_eq!(logout[0].label, "End of shift");

    let wrap_up = client.wrap_up_reasons().unwrap();
    assert!(wrap_up.iter().any(|w| w.label == "Sales Call"));

    let info = client.system_info().unwrap();
    assert_eq!(info.status, finesse_client::model::SystemStatus::InService);
    assert_eq!(
        info.deployment_type,
        Some(finesse_client::model::DeploymentType::Ucce)
    );
    assert!(info.xmpp_domain.is_some());
}

#[test]
fn sso_bearer_token() {
    let emulator = Emulator::start(EmulatorConfig::new().agent(
        finesse_emulator::AgentConfig::new("1003", "asmith", "secret1003").bearer_token("tok-1003"),
    ))
    .unwrap();
    let with_token = |token: &str| {
        finesse_client::Client::new(
            finesse_client::Config::builder(emulator.base_url())
                .bearer_token("1003", token)
                .ca_pem(emulator.ca_pem())
                .build()
                .unwrap(),
        )
        .unwrap()
    };
    let client = with_token("tok-1003");
    sign_in(&client, "1003003");
    assert_eq!(client.user().unwrap().extension.as_deref(), Some("1003003"));
    let err = with_token("tok-wrong").user().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication);
    assert!(!format!("{err} {err:?}").contains("tok-wrong"));
}
