//! Authentication: Basic with loginId or loginName, Bearer tokens, 401 ApiErrors, the
//! five-password lock-out, and access to other users' objects.

mod common;

use std::time::Duration;

use common::{basic, fast, start};
use finesse_emulator::AgentConfig;

fn get(client: &common::Client, path: &str, auth: Option<String>) -> common::Resp {
    let headers: Vec<(&str, String)> = auth.into_iter().map(|a| ("Authorization", a)).collect();
    client.request("GET", path, &headers, "")
}

#[test]
fn missing_or_wrong_credentials_are_401_api_errors() {
    let (_emulator, client) = start(fast());
    let r = get(&client, "/finesse/api/User/1001", None);
    assert_eq!(r.status, 401);
    assert_eq!(
        r.field("ErrorType").as_deref(),
        Some("Authorization Failure")
    );
    assert_eq!(r.field("ErrorMessage").as_deref(), Some("UNAUTHORIZED"));

    let r = get(
        &client,
        "/finesse/api/User/1001",
        Some(basic("1001", "nope")),
    );
    assert_eq!(r.status, 401);
    assert_eq!(r.field("ErrorData").as_deref(), Some("1001"));

    let r = get(&client, "/finesse/api/User/1001", Some(basic("9999", "x")));
    assert_eq!(r.status, 401);
    let r = get(
        &client,
        "/finesse/api/User/1001",
        Some("Basic %%%".to_owned()),
    );
    assert_eq!(r.status, 401);
}

#[test]
fn login_id_and_login_name_both_authenticate() {
    let (_emulator, client) = start(fast());
    for user in ["1001", "jdoe"] {
        let r = get(
            &client,
            "/finesse/api/User/1001",
            Some(basic(user, "secret1001")),
        );
        assert_eq!(r.status, 200, "{user}");
        assert_eq!(r.field("loginName").as_deref(), Some("jdoe"));
    }
}

#[test]
fn five_wrong_passwords_lock_the_agent() {
    let (emulator, client) = start(fast().lockout(Duration::from_millis(300)));
    for _ in 0..5 {
        let r = get(
            &client,
            "/finesse/api/User/1002",
            Some(basic("1002", "wrong")),
        );
        assert_eq!(r.status, 401);
    }
    assert!(emulator.agent_state("1002").expect("agent").locked_out);
    let right = Some(basic("1002", "secret1002"));
    assert_eq!(
        get(&client, "/finesse/api/User/1002", right.clone()).status,
        401
    );
    // Other agents are not affected.
    assert_eq!(
        get(
            &client,
            "/finesse/api/User/1001",
            Some(basic("1001", "secret1001"))
        )
        .status,
        200
    );
    std::thread::sleep(Duration::from_millis(350));
    assert_eq!(get(&client, "/finesse/api/User/1002", right).status, 200);
}

#[test]
fn a_good_password_resets_the_count() {
    let (emulator, client) = start(fast());
    for _ in 0..4 {
        get(
            &client,
            "/finesse/api/User/1003",
            Some(basic("1003", "wrong")),
        );
    }
    let right = Some(basic("1003", "secret1003"));
    assert_eq!(
        get(&client, "/finesse/api/User/1003", right.clone()).status,
        200
    );
    for _ in 0..4 {
        get(
            &client,
            "/finesse/api/User/1003",
            Some(basic("1003", "wrong")),
        );
    }
    assert!(!emulator.agent_state("1003").expect("agent").locked_out);
    assert_eq!(get(&client, "/finesse/api/User/1003", right).status, 200);
}

#[test]
fn bearer_tokens_when_configured() {
    let agent = AgentConfig::new("3001", "sso", "pw").bearer_token("tok-3001");
    let (_emulator, client) = start(fast().agent(agent));
    let r = get(
        &client,
        "/finesse/api/User/3001",
        Some("Bearer tok-3001".to_owned()),
    );
    assert_eq!(r.status, 200);
    let r = get(
        &client,
        "/finesse/api/User/3001",
        Some("Bearer other".to_owned()),
    );
    assert_eq!(r.status, 401);
}

#[test]
fn another_users_object_is_refused() {
    let (_emulator, client) = start(fast());
    let r = client.get_as("1001", "/finesse/api/User/1002");
    assert_eq!(r.status, 401);
    assert_eq!(
        r.field("ErrorType").as_deref(),
        Some("Invalid Authorization User Specified")
    );
    let r = client.put_as(
        "1001",
        "/finesse/api/User/1002",
        "<User><state>READY</state></User>",
        "",
    );
    assert_eq!(r.status, 401);
    let r = client.get_as("1001", "/finesse/api/User/1002/Dialogs");
    assert_eq!(r.status, 401);
}

#[test]
fn a_supervisor_reads_and_changes_team_members() {
    let (emulator, client) = start(fast());
    let r = client.get_as("2001", "/finesse/api/User/1001");
    assert_eq!(r.status, 200);
    let sup = client.get_as("2001", "/finesse/api/User/2001");
    assert!(sup.body.contains("<role>Supervisor</role>"));
    assert!(
        sup.body
            .contains("<teams><Team><id>5007</id><name>Sales</name>")
    );

    common::sign_in(&emulator, &client, "1001", "1001001");
    assert_eq!(
        client
            .set_state("1001", "<User><state>READY</state></User>")
            .status,
        202
    );
    common::wait_agent(&emulator, "1001", "READY");
    // A supervisor may not choose the reason; the platform applies its own.
    let with_reason = "<User><state>NOT_READY</state><reasonCodeId>22</reasonCodeId></User>";
    let r = client.put_as("2001", "/finesse/api/User/1001", with_reason, "");
    assert_eq!(r.status, 400);
    assert_eq!(r.field("ErrorType").as_deref(), Some("Invalid Input"));
    let r = client.put_as(
        "2001",
        "/finesse/api/User/1001",
        "<User><state>NOT_READY</state></User>",
        "",
    );
    assert_eq!(r.status, 202);
    common::wait_agent(&emulator, "1001", "NOT_READY");
    assert_eq!(
        emulator.agent_state("1001").expect("agent").reason_code_id,
        Some(999)
    );
}

#[test]
fn unknown_users_are_404() {
    let (_emulator, client) = start(fast());
    let r = client.get_as("2001", "/finesse/api/User/4242");
    assert_eq!(r.status, 404);
    assert_eq!(r.field("ErrorType").as_deref(), Some("User Not Found"));
}

#[test]
fn system_info_needs_no_credentials() {
    let (_emulator, client) = start(fast());
    let r = client.request("GET", "/finesse/api/SystemInfo", &[], "");
    assert_eq!(r.status, 200);
    assert_eq!(r.field("deploymentType").as_deref(), Some("UCCE"));
}
