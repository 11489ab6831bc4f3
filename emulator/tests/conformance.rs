//! The conformance matrix: for every release profile, each behaviour of the README's
//! "Release profiles" table, asserted as the table states it. The expectations are written
//! out here (not asked of `Release`), so the table and the emulator are checked against
//! each other.

mod common;

use std::time::Duration;

use common::{
    Client, action, agent_state, basic, fast, make_call, make_call_body, sign_in, start,
    wait_agent, wait_dialog, with_request_id,
};
use finesse_emulator::{AgentConfig, Emulator, EmulatorConfig, InboundCall, Release, WrapUpMode};

/// One row of the README table per profile: what the profile does.
struct Expected {
    release: Release,
    /// MAKE_CALL from READY accepted, the agent NOT_READY with reason 50006 (reference 10.4,
    /// DG12.5 p80); otherwise 400 Invalid State.
    dials_from_ready: bool,
    /// `GET /User/<loginName>` finds the user (reference 1.5 and 10.4); otherwise 404.
    looks_up_login_names: bool,
    /// CCX rather than CCE: `deploymentType`, LOGOUT from READY, the state on non-routed and
    /// held calls, call data on MAKE_CALL, PARTICIPANT_DROP / START_RECORDING, wrap-up.
    ccx: bool,
}

const MATRIX: [Expected; 5] = [
    Expected {
        release: Release::Cce11_6,
        dials_from_ready: false,
        looks_up_login_names: false,
        ccx: false,
    },
    Expected {
        release: Release::Cce12_0,
        dials_from_ready: false,
        looks_up_login_names: false,
        ccx: false,
    },
    Expected {
        release: Release::Cce12_5,
        dials_from_ready: true,
        looks_up_login_names: true,
        ccx: false,
    },
    Expected {
        release: Release::Cce12_6,
        dials_from_ready: true,
        looks_up_login_names: true,
        ccx: false,
    },
    Expected {
        release: Release::Ccx12_5,
        dials_from_ready: false,
        looks_up_login_names: false,
        ccx: true,
    },
];

fn start_as(release: Release) -> (Emulator, Client) {
    start(fast().release(release))
}

fn ready(emulator: &Emulator, client: &Client, login_id: &str) {
    let r = client.set_state(login_id, "<User><state>READY</state></User>");
    assert_eq!(r.status, 202);
    wait_agent(emulator, login_id, "READY");
}

/// A routed call to a READY agent, answered: returns the dialog id.
fn answered_routed_call(emulator: &Emulator, client: &Client, login_id: &str, ext: &str) -> String {
    sign_in(emulator, client, login_id, ext);
    ready(emulator, client, login_id);
    let id = emulator
        .inject_inbound_call(InboundCall::new(ext, "6135550000"))
        .expect("injected");
    wait_agent(emulator, login_id, "RESERVED");
    let r = client.dialog_action(login_id, &id, &action("ANSWER", ext), "");
    assert_eq!(r.status, 202);
    wait_agent(emulator, login_id, "TALKING");
    id
}

/// The one asynchronous error of `request_id`, on the user's own nodes.
fn async_error(emulator: &Emulator, request_id: &str) -> finesse_emulator::Notification {
    emulator.settle();
    let errors = with_request_id(emulator, request_id);
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().expect("one")
}

#[test]
fn the_matrix_covers_every_profile() {
    let covered: Vec<Release> = MATRIX.iter().map(|e| e.release).collect();
    assert_eq!(covered, Release::ALL);
}

#[test]
fn dial_from_ready() {
    for e in &MATRIX {
        let (emulator, client) = start_as(e.release);
        sign_in(&emulator, &client, "1001", "1001001");
        assert_eq!(
            client
                .set_state("1001", "<User><state>READY</state></User>")
                .status,
            202
        );
        wait_agent(&emulator, "1001", "READY");
        let r = client.post_as(
            "1001",
            "/finesse/api/User/1001/Dialogs",
            &make_call_body("1001001", "6135551212"),
            "dial",
        );
        if e.dials_from_ready {
            assert_eq!(r.status, 202, "{}: {}", e.release, r.body);
            emulator.settle();
            let sent = emulator
                .notifications()
                .into_iter()
                .any(|n| n.update_xml.contains("<reasonCodeId>50006</reasonCodeId>"));
            assert!(sent, "{}: NOT_READY 50006 published", e.release);
        } else {
            assert_eq!(r.status, 400, "{}: {}", e.release, r.body);
            assert_eq!(r.field("ErrorType").as_deref(), Some("Invalid State"));
            assert!(emulator.dialogs().is_empty(), "{}", e.release);
            assert_eq!(emulator.agent_state("1001").unwrap().state, "READY");
        }
    }
}

#[test]
fn login_name_lookup() {
    for e in &MATRIX {
        let (_emulator, client) = start_as(e.release);
        let r = client.get_as("1001", "/finesse/api/User/jdoe");
        if e.looks_up_login_names {
            assert_eq!(r.status, 200, "{}: {}", e.release, r.body);
            assert_eq!(r.field("loginId").as_deref(), Some("1001"));
        } else {
            assert_eq!(r.status, 404, "{}: {}", e.release, r.body);
            assert_eq!(r.field("ErrorType").as_deref(), Some("User Not Found"));
        }
        // The login id always finds the user.
        assert_eq!(client.get_as("1001", "/finesse/api/User/1001").status, 200);
    }
}

#[test]
fn system_info_deployment_type() {
    // Reference 5.1: `deploymentType` UCCE / UCCX.
    for e in &MATRIX {
        let (_emulator, client) = start_as(e.release);
        let r = client.request("GET", "/finesse/api/SystemInfo", &[], "");
        let expected = if e.ccx { "UCCX" } else { "UCCE" };
        assert_eq!(
            r.field("deploymentType").as_deref(),
            Some(expected),
            "{}",
            e.release
        );
    }
}

#[test]
fn reason_codes_never_list_system_codes() {
    // Reference 10.4 (DEVNET `reasoncode`): system codes such as 50006 are never listed.
    for e in &MATRIX {
        let (_emulator, client) = start_as(e.release);
        for category in ["NOT_READY", "LOGOUT"] {
            let path = format!("/finesse/api/User/1001/ReasonCodes?category={category}");
            let r = client.get_as("1001", &path);
            assert_eq!(r.status, 200);
            assert!(r.body.contains("<ReasonCode>"), "{}", e.release);
            assert!(
                !r.body.contains("<systemCode>true</systemCode>"),
                "{}",
                e.release
            );
            for system in ["50006", "255", "999", "1999"] {
                assert!(
                    !r.body.contains(&format!("<id>{system}</id>")),
                    "{}",
                    e.release
                );
            }
        }
    }
}

#[test]
fn logout_from_ready() {
    // Reference 2.4 transitions (DG12.5 p42-46): CCE signs out only from NOT_READY, CCX also
    // from READY.
    for e in &MATRIX {
        let (emulator, client) = start_as(e.release);
        sign_in(&emulator, &client, "1001", "1001001");
        ready(&emulator, &client, "1001");
        let r = client.set_state(
            "1001",
            "<User><state>LOGOUT</state><reasonCodeId>31</reasonCodeId></User>",
        );
        if e.ccx {
            assert_eq!(r.status, 202, "{}", e.release);
            wait_agent(&emulator, "1001", "LOGOUT");
        } else {
            assert_eq!(r.status, 400, "{}", e.release);
            assert_eq!(r.field("ErrorType").as_deref(), Some("Invalid State"));
        }
    }
}

#[test]
fn agent_state_on_a_non_routed_call() {
    // Reference 10.4 (DG12.5 p49, DEVNET `user-states`): on CCX a non-ICD call leaves the
    // agent NOT_READY without a User update; CCE agents go TALKING.
    for e in &MATRIX {
        let (emulator, client) = start_as(e.release);
        sign_in(&emulator, &client, "1001", "1001001");
        emulator.settle();
        let id = make_call(&emulator, &client, "1001", "1001001", "5551234");
        wait_dialog(&emulator, &id, "ACTIVE");
        emulator.settle();
        let expected = if e.ccx { "NOT_READY" } else { "TALKING" };
        assert_eq!(agent_state(&emulator, "1001"), expected, "{}", e.release);
    }
}

#[test]
fn agent_state_while_the_routed_call_is_held() {
    // Reference 2.3: HOLD on CCE; CCX stays TALKING.
    for e in &MATRIX {
        let (emulator, client) = start_as(e.release);
        let id = answered_routed_call(&emulator, &client, "1001", "1001001");
        let r = client.dialog_action("1001", &id, &action("HOLD", "1001001"), "");
        assert_eq!(r.status, 202);
        emulator.settle();
        let expected = if e.ccx { "TALKING" } else { "HOLD" };
        wait_agent(&emulator, "1001", expected);
    }
}

#[test]
fn call_variables_on_make_call() {
    // Reference 3.7: CCE takes call variables on MAKE_CALL; CCX refuses any mediaProperties.
    for e in &MATRIX {
        let (emulator, client) = start_as(e.release);
        sign_in(&emulator, &client, "1001", "1001001");
        let body = "<Dialog><requestedAction>MAKE_CALL</requestedAction>\
                    <fromAddress>1001001</fromAddress><toAddress>5551234</toAddress>\
                    <mediaProperties><callvariables><CallVariable><name>callVariable1</name>\
                    <value>x</value></CallVariable></callvariables></mediaProperties></Dialog>";
        let r = client.post_as("1001", "/finesse/api/User/1001/Dialogs", body, "");
        if e.ccx {
            assert_eq!(r.status, 400, "{}", e.release);
            assert_eq!(r.field("ErrorData").as_deref(), Some("mediaProperties"));
        } else {
            assert_eq!(r.status, 202, "{}: {}", e.release, r.body);
        }
    }
}

#[test]
fn participant_drop_and_start_recording() {
    // Reference 4.2 and 3.6: START_RECORDING is CCX's (501 on CCE); PARTICIPANT_DROP is
    // CCE's (501 on CCX).
    for e in &MATRIX {
        let (emulator, client) = start_as(e.release);
        let id = answered_routed_call(&emulator, &client, "1001", "1001001");
        let me = emulator
            .dialogs()
            .into_iter()
            .find(|d| d.id == id)
            .and_then(|d| d.participant("1001001").cloned())
            .expect("agent participant");
        assert_eq!(
            me.actions.contains(&"START_RECORDING".to_owned()),
            e.ccx,
            "{}",
            e.release
        );
        let r = client.dialog_action("1001", &id, &action("START_RECORDING", "1001001"), "");
        assert_eq!(r.status == 501, !e.ccx, "{}: {}", e.release, r.status);
        let r = client.dialog_action("1001", &id, &action("PARTICIPANT_DROP", "6135550000"), "");
        assert_eq!(r.status == 501, e.ccx, "{}: {}", e.release, r.status);
    }
}

#[test]
fn request_id_echoed_and_options() {
    // Reference 1.3 (DG12.5 p21-23): requestId echoed; reference 1.4: OPTIONS in `Allow`.
    for e in &MATRIX {
        let (_emulator, client) = start_as(e.release);
        let r = client.put_as("1001", "/finesse/api/User/1001", "<User/>", "echo-me");
        assert_eq!(r.header("requestId"), Some("echo-me"), "{}", e.release);
        let auth = [("Authorization", basic("1001", "secret1001"))];
        let r = client.request("OPTIONS", "/finesse/api/User/1001", &auth, "");
        assert_eq!(r.status, 200, "{}", e.release);
        assert!(r.header("allow").unwrap_or_default().contains("PUT"));
    }
}

#[test]
fn asynchronous_errors_of_user_requests() {
    // Reference 10.4, recorded on CCE 12.5: READY while signed out and LOGIN on an unknown
    // extension are accepted, then refused on the User node with the event `put`.
    for e in &MATRIX {
        let (emulator, client) = start_as(e.release);
        let r = client.put_as(
            "1001",
            "/finesse/api/User/1001",
            "<User><state>READY</state></User>",
            "r",
        );
        assert_eq!(r.status, 202, "{}", e.release);
        let n = async_error(&emulator, "r");
        assert_eq!(
            (n.node.as_str(), n.event.as_str()),
            ("/finesse/api/User/1001", "put")
        );
        assert!(
            n.update_xml.contains("<errorData>22</errorData>"),
            "{}",
            e.release
        );
        let login = "<User><state>LOGIN</state><extension>not a phone</extension></User>";
        let r = client.put_as("1001", "/finesse/api/User/1001", login, "d");
        assert_eq!(r.status, 202, "{}", e.release);
        let n = async_error(&emulator, "d");
        assert_eq!(n.event, "put");
        assert!(
            n.update_xml
                .contains("<errorType>Invalid Device</errorType>")
        );
        assert!(
            n.update_xml
                .contains("<peripheralErrorCode>10125</peripheralErrorCode>")
        );
        assert!(
            n.update_xml.contains("<errorData>260</errorData>"),
            "{}",
            e.release
        );
    }
}

#[test]
fn the_users_reason_code_carries_system_code_from_12_0() {
    // Reference 2.2: a CCE 11.x capture embeds `<reasonCode>` without `systemCode`; 12.x adds
    // it.
    for e in &MATRIX {
        let (emulator, client) = start_as(e.release);
        sign_in(&emulator, &client, "1001", "1001001");
        ready(&emulator, &client, "1001");
        let on_break = "<User><state>NOT_READY</state><reasonCodeId>22</reasonCodeId></User>";
        assert_eq!(client.set_state("1001", on_break).status, 202);
        wait_agent(&emulator, "1001", "NOT_READY");
        let r = client.get_as("1001", "/finesse/api/User/1001");
        assert!(r.body.contains("<reasonCode>"), "{}: {}", e.release, r.body);
        let expected = e.release != Release::Cce11_6;
        assert_eq!(
            r.body.contains("<systemCode>"),
            expected,
            "{}: {}",
            e.release,
            r.body
        );
    }
}

#[test]
fn not_ready_without_a_reason() {
    // Reference 2.4: a reason is required only while reason codes are configured.
    for e in &MATRIX {
        for configured in [true, false] {
            let config = fast()
                .release(e.release)
                .reason_codes_configured(configured);
            let (emulator, client) = start(config);
            sign_in(&emulator, &client, "1001", "1001001");
            ready(&emulator, &client, "1001");
            let r = client.set_state("1001", "<User><state>NOT_READY</state></User>");
            let expected = if configured { 400 } else { 202 };
            assert_eq!(r.status, expected, "{} configured={configured}", e.release);
        }
    }
}

fn wrapping(release: Release, timer: Option<Duration>) -> EmulatorConfig {
    let agent = AgentConfig::new("3001", "wrapper", "secret3001")
        .wrap_up(WrapUpMode::Required, WrapUpMode::Required);
    fast().release(release).agent(agent).wrap_up_timer(timer)
}

#[test]
fn wrap_up_after_a_routed_call_and_its_timer() {
    // Reference 10.4 (WORK_READY is CCE-only; WORK/WORK_READY end by a wrap-up timer,
    // DEVNET `user-states`) and 2.4 (WORK_READY → READY when the timer expires).
    for e in &MATRIX {
        for timer in [None, Some(Duration::from_millis(150))] {
            let (emulator, client) = start(wrapping(e.release, timer));
            let id = answered_routed_call(&emulator, &client, "3001", "3001001");
            emulator.hang_up_far_end(&id).expect("hang up");
            let wrap = if e.ccx { "WORK" } else { "WORK_READY" };
            wait_agent(&emulator, "3001", wrap);
            match timer {
                Some(_) => wait_agent(&emulator, "3001", "READY"),
                None => {
                    std::thread::sleep(Duration::from_millis(250));
                    assert_eq!(agent_state(&emulator, "3001"), wrap, "{}", e.release);
                }
            }
        }
    }
}

#[test]
fn mobile_agent_sign_in() {
    // Reference 2.2 and 2.4: a mobile agent signs in with mode and dial number; the User
    // shows them.
    for e in &MATRIX {
        let (emulator, client) = start_as(e.release);
        let body = "<User><state>LOGIN</state><extension>1001001</extension><mobileAgent>\
                    <mode>CALL_BY_CALL</mode><dialNumber>4085551234</dialNumber></mobileAgent>\
                    </User>";
        assert_eq!(client.set_state("1001", body).status, 202, "{}", e.release);
        wait_agent(&emulator, "1001", "NOT_READY");
        let user = client.get_as("1001", "/finesse/api/User/1001");
        assert!(
            user.body
                .contains("<mobileAgent><mode>CALL_BY_CALL</mode><dialNumber>4085551234"),
            "{}",
            e.release
        );
    }
}
