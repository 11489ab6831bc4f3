//! The agent state machine over PUT User, on CCE and CCX, and the User document.

mod common;

use common::{Client, fast, sign_in, start, wait_agent, with_request_id};
use finesse_emulator::{Deployment, Emulator, EmulatorConfig};

fn put(client: &Client, body: &str, request_id: &str) -> common::Resp {
    client.put_as("1001", "/finesse/api/User/1001", body, request_id)
}

fn ready(emulator: &Emulator, client: &Client) {
    assert_eq!(
        put(client, "<User><state>READY</state></User>", "").status,
        202
    );
    wait_agent(emulator, "1001", "READY");
}

#[test]
fn user_document_lists_elements_alphabetically() {
    let (_emulator, client) = start(fast());
    let r = client.get_as("1001", "/finesse/api/User/1001");
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-type")
            .unwrap_or_default()
            .starts_with("application/xml")
    );
    let order = [
        "dialogs",
        "extension",
        "firstName",
        "lastName",
        "loginId",
        "loginName",
        "mediaType",
        "pendingState",
        "reasonCodeId",
        "roles",
        "settings",
        "state",
        "stateChangeTime",
        "teamId",
        "teamName",
        "uri",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|e| {
            r.body
                .find(&format!("<{e}>"))
                .unwrap_or_else(|| panic!("{e} missing"))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{}", r.body);
    assert_eq!(r.field("state").as_deref(), Some("LOGOUT"));
    assert_eq!(r.field("reasonCodeId").as_deref(), Some("-1"));
    assert!(!r.body.contains("<reasonCode>"));
    assert!(r.body.contains("<extension></extension>"));
    let time = r.field("stateChangeTime").expect("time");
    assert_eq!(time.len(), 24, "{time}");
    assert!(time.ends_with('Z') && time.as_bytes()[19] == b'.');
}

#[test]
fn login_requires_an_extension() {
    let (_emulator, client) = start(fast());
    let r = put(&client, "<User><state>LOGIN</state></User>", "");
    assert_eq!(r.status, 400);
    assert_eq!(r.field("ErrorType").as_deref(), Some("Parameter Missing"));
    assert_eq!(r.field("ErrorData").as_deref(), Some("extension"));
}

#[test]
fn login_goes_not_ready_and_echoes_the_request_id() {
    let (emulator, client) = start(fast());
    let r = put(
        &client,
        "<User><state>LOGIN</state><extension>1001001</extension></User>",
        "req-login",
    );
    assert_eq!(r.status, 202);
    assert!(r.body.is_empty());
    wait_agent(&emulator, "1001", "NOT_READY");
    let updates = with_request_id(&emulator, "req-login");
    assert_eq!(updates.len(), 1);
    let n = &updates[0];
    assert_eq!(n.node, "/finesse/api/User/1001");
    assert_eq!(n.event, "PUT");
    assert!(n.update_xml.starts_with("<Update><data><user>"));
    assert!(n.update_xml.ends_with(
        "</user></data><event>PUT</event><requestId>req-login</requestId>\
         <source>/finesse/api/User/1001</source></Update>"
    ));
    let user = client.get_as("1001", "/finesse/api/User/1001");
    assert_eq!(user.field("extension").as_deref(), Some("1001001"));
    assert_eq!(user.field("reasonCodeId").as_deref(), Some("-1"));
}

#[test]
fn requests_before_sign_in_are_invalid_state() {
    let (_emulator, client) = start(fast());
    let r = put(
        &client,
        "<User><state>NOT_READY</state><reasonCodeId>22</reasonCodeId></User>",
        "",
    );
    assert_eq!(r.status, 400);
    assert_eq!(r.field("ErrorType").as_deref(), Some("Invalid State"));
}

/// The one asynchronous error of `request_id`, on the User node.
fn user_error(emulator: &Emulator, request_id: &str) -> finesse_emulator::Notification {
    emulator.settle();
    let mut errors = with_request_id(emulator, request_id);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let n = errors.remove(0);
    assert_eq!(n.node, "/finesse/api/User/1001");
    assert_eq!(n.source, "/finesse/api/User/1001");
    assert_eq!(n.event, "put");
    n
}

#[test]
fn ready_while_signed_out_is_accepted_then_refused() {
    // Recorded on a real CCE 12.5 (reference 10.4; pokornyIt/finesse-api
    // `XMPP/error-invalid-state.xml`): 202, then Invalid State 22 with the event `put`.
    let (emulator, client) = start(fast());
    let r = put(&client, "<User><state>READY</state></User>", "ready-out");
    assert_eq!(r.status, 202);
    let n = user_error(&emulator, "ready-out");
    assert_eq!(
        n.update_xml,
        "<Update><data><apiErrors><apiError><errorType>Invalid State</errorType>\
         <errorMessage>CF_INVALID_OBJECT_STATE</errorMessage><errorData>22</errorData>\
         </apiError></apiErrors></data><event>put</event><requestId>ready-out</requestId>\
         <source>/finesse/api/User/1001</source></Update>"
    );
    assert_eq!(common::agent_state(&emulator, "1001"), "LOGOUT");
}

#[test]
fn sign_in_on_an_unknown_extension_is_an_invalid_device() {
    // Recorded on a real CCE 12.5 (reference 10.4; pokornyIt/finesse-api
    // `XMPP/error-invalid-line.xml`): 202, then Invalid Device 260 with the peripheral
    // fields, in that order.
    let (emulator, client) = start(fast());
    let body = "<User><state>LOGIN</state><extension>no such phone</extension></User>";
    assert_eq!(put(&client, body, "bad-device").status, 202);
    let n = user_error(&emulator, "bad-device");
    assert!(
        n.update_xml.starts_with(
            "<Update><data><apiErrors><apiError><peripheralErrorCode>10125</peripheralErrorCode>\
             <errorType>Invalid Device</errorType>\
             <errorMessage>CF_INVALID_LOGON_DEVICE_SPECIFIED</errorMessage>\
             <peripheralErrorText>A device target with the network target ID specified cannot \
             be found."
        ),
        "{}",
        n.update_xml
    );
    assert!(n.update_xml.contains(
        "<peripheralErrorMsg>PERERR_TELDRIVE_NODEVICETARGETFORNETTARGETID</peripheralErrorMsg>\
         <errorData>260</errorData></apiError>"
    ));
    assert_eq!(common::agent_state(&emulator, "1001"), "LOGOUT");
}

#[test]
fn ready_and_not_ready_with_reasons() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    ready(&emulator, &client);

    // READY to READY is ignored: accepted, no event.
    let before = emulator.notifications().len();
    assert_eq!(
        put(&client, "<User><state>READY</state></User>", "again").status,
        202
    );
    emulator.settle();
    assert_eq!(emulator.notifications().len(), before);

    let r = put(&client, "<User><state>NOT_READY</state></User>", "");
    assert_eq!(r.status, 400);
    assert_eq!(r.field("ErrorType").as_deref(), Some("Parameter Missing"));
    assert_eq!(
        r.field("ErrorData").as_deref(),
        Some("finesse.api.reasoncode.require_reasoncode")
    );
    for bad in ["999999", "31", "abc", "50006"] {
        let body =
            format!("<User><state>NOT_READY</state><reasonCodeId>{bad}</reasonCodeId></User>");
        let r = put(&client, &body, "");
        assert_eq!(r.status, 400, "{bad}");
        assert_eq!(
            r.field("ErrorType").as_deref(),
            Some("Invalid Input"),
            "{bad}"
        );
    }
    let r = put(
        &client,
        "<User><state>NOT_READY</state><reasonCodeId>23</reasonCodeId></User>",
        "",
    );
    assert_eq!(r.status, 202);
    wait_agent(&emulator, "1001", "NOT_READY");
    let user = client.get_as("1001", "/finesse/api/User/1001");
    assert_eq!(user.field("reasonCodeId").as_deref(), Some("23"));
    let code = user.field("reasonCode").expect("reasonCode element");
    assert_eq!(
        code,
        "<category>NOT_READY</category><code>2</code><forAll>true</forAll><id>23</id>\
         <label>Lunch</label><systemCode>false</systemCode><uri>/finesse/api/ReasonCode/23</uri>"
    );
}

#[test]
fn cce_signs_out_only_from_not_ready() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    ready(&emulator, &client);
    let logout = "<User><state>LOGOUT</state><reasonCodeId>31</reasonCodeId></User>";
    let r = put(&client, logout, "");
    assert_eq!(r.status, 400);
    assert_eq!(r.field("ErrorType").as_deref(), Some("Invalid State"));
    let r = put(&client, "<User><state>LOGOUT</state></User>", "");
    // The reason is checked first.
    assert_eq!(r.field("ErrorType").as_deref(), Some("Parameter Missing"));

    let nr = "<User><state>NOT_READY</state><reasonCodeId>22</reasonCodeId></User>";
    assert_eq!(put(&client, nr, "").status, 202);
    wait_agent(&emulator, "1001", "NOT_READY");
    assert_eq!(put(&client, logout, "").status, 202);
    wait_agent(&emulator, "1001", "LOGOUT");
    let user = client.get_as("1001", "/finesse/api/User/1001");
    assert_eq!(user.field("extension").as_deref(), Some(""));
    assert_eq!(user.field("reasonCodeId").as_deref(), Some("31"));
}

#[test]
fn ccx_signs_out_from_ready() {
    let (emulator, client) = start(fast().deployment(Deployment::Ccx));
    sign_in(&emulator, &client, "1001", "1001001");
    ready(&emulator, &client);
    let r = put(
        &client,
        "<User><state>LOGOUT</state><reasonCodeId>31</reasonCodeId></User>",
        "",
    );
    assert_eq!(r.status, 202);
    wait_agent(&emulator, "1001", "LOGOUT");
}

#[test]
fn no_reason_needed_without_configured_codes() {
    let (emulator, client) = start(fast().reason_codes(Vec::new()));
    sign_in(&emulator, &client, "1001", "1001001");
    ready(&emulator, &client);
    assert_eq!(
        put(&client, "<User><state>NOT_READY</state></User>", "").status,
        202
    );
    wait_agent(&emulator, "1001", "NOT_READY");
    assert_eq!(
        put(&client, "<User><state>LOGOUT</state></User>", "").status,
        202
    );
    wait_agent(&emulator, "1001", "LOGOUT");
}

#[test]
fn cce_finds_a_user_by_login_name() {
    let (_emulator, client) = start(fast());
    let r = client.get_as("1001", "/finesse/api/User/jdoe");
    assert_eq!(r.status, 200);
    assert_eq!(r.field("loginId").as_deref(), Some("1001"));
    let (_emulator, client) = start(fast().deployment(Deployment::Ccx));
    assert_eq!(client.get_as("1001", "/finesse/api/User/jdoe").status, 404);
}

#[test]
fn extension_in_use_is_an_async_error() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    let body = "<User><state>LOGIN</state><extension>1001001</extension></User>";
    assert_eq!(
        client
            .put_as("1002", "/finesse/api/User/1002", body, "dup")
            .status,
        202
    );
    emulator.settle();
    let errors = with_request_id(&emulator, "dup");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].node, "/finesse/api/User/1002");
    assert!(errors[0].update_xml.contains("<apiErrors><apiError>"));
    assert_eq!(common::agent_state(&emulator, "1002"), "LOGOUT");
}

#[test]
fn malformed_requests() {
    let (_emulator, client) = start(fast());
    for body in [
        "<User><state>READY</state>",
        "not xml",
        "",
        "<Dialog><state>READY</state></Dialog>",
        "<?xml version=\"1.0\"?><!DOCTYPE User [<!ENTITY x \"READY\">]><User><state>&x;</state></User>",
    ] {
        let r = put(&client, body, "");
        assert_eq!(r.status, 400, "{body}");
        assert_eq!(
            r.field("ErrorType").as_deref(),
            Some("Bad Request"),
            "{body}"
        );
    }
    let r = put(&client, "<User><state>DANCING</state></User>", "");
    assert_eq!(r.field("ErrorType").as_deref(), Some("Invalid Input"));
    let r = put(&client, "<User><extension>1</extension></User>", "");
    assert_eq!(r.field("ErrorType").as_deref(), Some("Parameter Missing"));

    let huge = format!("<User><state>{}</state></User>", "x".repeat(70 * 1024));
    assert_eq!(put(&client, &huge, "").status, 413);
}

#[test]
fn wrong_method_and_unknown_paths() {
    let (_emulator, client) = start(fast());
    let auth = [("Authorization", common::basic("1001", "secret1001"))];
    let r = client.request("POST", "/finesse/api/User/1001", &auth, "<User/>");
    assert_eq!(r.status, 405);
    let allow = r.header("allow").unwrap_or_default().to_owned();
    assert!(allow.contains("GET") && allow.contains("PUT"), "{allow}");
    let r = client.request("DELETE", "/finesse/api/Dialog/1", &auth, "");
    assert_eq!(r.status, 405);

    let r = client.request("GET", "/finesse/api/Nothing/here", &auth, "");
    assert_eq!(r.status, 404);
    assert_eq!(r.field("ErrorType").as_deref(), Some("Not Found"));
}

#[test]
fn reason_codes_and_wrap_up_reasons() {
    let (_emulator, client) = start(fast());
    let r = client.get_as(
        "1001",
        "/finesse/api/User/1001/ReasonCodes?category=NOT_READY",
    );
    assert_eq!(r.status, 200);
    assert!(r.body.contains("<ReasonCodes category=\"NOT_READY\"><ReasonCode><uri>/finesse/api/ReasonCode/22</uri><id>22</id><category>NOT_READY</category><code>1</code><label>Break</label><forAll>true</forAll><systemCode>false</systemCode></ReasonCode>"), "{}", r.body);
    // System codes such as 50006 are never listed (reference 10.4, DEVNET `reasoncode`).
    assert!(
        !r.body.contains("<id>50006</id>") && !r.body.contains("<systemCode>true</systemCode>")
    );
    let r = client.get_as("1001", "/finesse/api/User/1001/ReasonCodes?category=LOGOUT");
    assert!(r.body.contains("<label>End of shift</label>") && !r.body.contains("Break"));
    let r = client.get_as("1001", "/finesse/api/User/1001/ReasonCodes");
    assert_eq!(r.status, 400);
    let r = client.get_as("1001", "/finesse/api/User/1001/ReasonCode/23");
    assert_eq!(r.field("label").as_deref(), Some("Lunch"));
    let r = client.get_as("1001", "/finesse/api/User/1001/WrapUpReasons");
    assert!(
        r.body.contains("<label>Sales Call</label>") && r.body.contains("<label>Support</label>")
    );
    let r = client.get_as("1001", "/finesse/api/User/1001/WrapUpReason/2");
    assert_eq!(r.field("label").as_deref(), Some("Support"));
}

#[test]
fn system_info_reports_the_deployment() {
    let emulator =
        Emulator::start(EmulatorConfig::new().deployment(Deployment::Ccx)).expect("starts");
    let client = Client::new(&emulator);
    let r = client.request("GET", "/finesse/api/SystemInfo", &[], "");
    assert_eq!(r.field("deploymentType").as_deref(), Some("UCCX"));
    assert_eq!(r.field("systemAuthMode").as_deref(), Some("NON_SSO"));
    assert_eq!(r.field("xmppDomain").as_deref(), Some("localhost"));
    assert_eq!(r.field("uri").as_deref(), Some("/finesse/api/SystemInfo"));
    emulator.set_deployment(Deployment::Cce);
    let r = client.request("GET", "/finesse/api/SystemInfo", &[], "");
    assert_eq!(r.field("deploymentType").as_deref(), Some("UCCE"));
}
