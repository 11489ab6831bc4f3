//! A supervisor's APIs over real sockets: the Team resource, team members' states, silent
//! monitor, barge-in and their ends, and the errors the guide words for them.
//! Sources: DG12.5 p47 (supervisor state changes), p98-102 (silent monitor, barge, the
//! barge's synchronous refusals 20700 / 20999 / Invalid Destination), DEVNET
//! `dialog-api-errors`,
//! p131-132 (monitor call participants), p144-150 (Team).

mod common;

use common::{
    Client, Resp, action, fast, make_call, sign_in, start, wait_agent, wait_dialog, wait_gone,
    wait_until, with_request_id,
};
use finesse_emulator::{Deployment, Emulator};
use ureq::tls::TlsConfig;

fn monitor_body(verb: &str, from: &str, to: &str, associated: Option<&str>) -> String {
    let associated = associated
        .map(|id| format!("<associatedDialogUri>/finesse/api/Dialog/{id}</associatedDialogUri>"))
        .unwrap_or_default();
    format!(
        "<Dialog><requestedAction>{verb}</requestedAction><fromAddress>{from}</fromAddress>\
         <toAddress>{to}</toAddress>{associated}</Dialog>"
    )
}

/// 1001 talks to a customer; supervisor 2001 is signed in NOT_READY. Returns the call.
fn agent_on_call(emulator: &Emulator, client: &Client) -> String {
    sign_in(emulator, client, "1001", "1001001");
    sign_in(emulator, client, "2001", "2001001");
    let call = make_call(emulator, client, "1001", "1001001", "6135551212");
    wait_dialog(emulator, &call, "ACTIVE");
    wait_agent(emulator, "1001", "TALKING");
    call
}

fn monitor(emulator: &Emulator, client: &Client, call: &str) -> String {
    let r = client.post_as(
        "2001",
        "/finesse/api/User/2001/Dialogs",
        &monitor_body("SILENT_MONITOR", "2001001", "1001001", None),
        "monitor-1",
    );
    assert_eq!(r.status, 202, "{}", r.body);
    emulator.settle();
    let mut id = String::new();
    wait_until("monitor dialog", || {
        if let Some(d) = emulator.dialogs().into_iter().find(|d| d.id != call) {
            id = d.id;
            true
        } else {
            false
        }
    });
    id
}

#[test]
fn team_lists_members_with_their_states() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    let r = client.get_as("2001", "/finesse/api/Team/5007");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.starts_with("<?xml"));
    assert_eq!(r.field("uri").as_deref(), Some("/finesse/api/Team/5007"));
    assert_eq!(r.field("name").as_deref(), Some("Sales"));
    for id in ["1001", "1002", "1003", "2001"] {
        assert!(r.body.contains(&format!("<loginId>{id}</loginId>")), "{id}");
    }
    assert!(r.body.contains(
        "<loginId>1001</loginId><firstName>Jane</firstName><lastName>Doe</lastName>\
         <dialogs>/finesse/api/User/1001/Dialogs</dialogs><extension>1001001</extension>\
         <pendingState></pendingState><state>NOT_READY</state>"
    ));
    // CCE has no mediaState (DG12.5 p150: CCX only).
    assert!(!r.body.contains("mediaState"));
}

#[test]
fn team_errors_follow_the_guide() {
    let (emulator, client) = start(fast());
    emulator.add_agent(
        finesse_emulator::AgentConfig::new("3001", "other", "secret3001")
            .team("6000", "Support")
            .supervisor_of(vec![finesse_emulator::Team {
                id: "6000".to_owned(),
                name: "Support".to_owned(),
            }]),
    );
    let r = client.get_as("2001", "/finesse/api/Team/9999");
    assert_eq!(r.status, 404);
    let r = client.get_as("3001", "/finesse/api/Team/5007");
    assert_eq!(r.status, 401);
    assert_eq!(r.field("ErrorType").as_deref(), Some("Invalid Supervisor"));
    let r = client.get_as("1001", "/finesse/api/Team/5007");
    assert_eq!(r.status, 401);
    assert_eq!(
        r.field("ErrorType").as_deref(),
        Some("Invalid Authorization User Specified")
    );
    // A supervisor acting on a user outside its teams (DG12.5 User API errors).
    let r = client.put_as(
        "3001",
        "/finesse/api/User/1001",
        "<User><state>READY</state></User>",
        "",
    );
    assert_eq!(r.status, 401);
    assert_eq!(r.field("ErrorType").as_deref(), Some("Invalid Supervisor"));
}

#[test]
fn ccx_team_members_carry_media_state() {
    let (emulator, client) = start(fast());
    emulator.set_deployment(Deployment::Ccx);
    sign_in(&emulator, &client, "1001", "1001001");
    let r = client.get_as("2001", "/finesse/api/Team/5007");
    assert_eq!(r.status, 200);
    assert!(
        r.body.contains("<mediaState>IDLE</mediaState>"),
        "{}",
        r.body
    );
}

#[test]
fn supervisor_sets_a_member_ready_and_the_team_node_hears_it() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    let r = client.put_as(
        "2001",
        "/finesse/api/User/1001",
        "<User><state>READY</state></User>",
        "sup-ready",
    );
    assert_eq!(r.status, 202, "{}", r.body);
    wait_agent(&emulator, "1001", "READY");
    emulator.settle();
    let team: Vec<_> = emulator
        .notifications()
        .into_iter()
        .filter(|n| n.node == "/finesse/api/Team/5007/Users" && n.request_id == "sup-ready")
        .collect();
    assert_eq!(team.len(), 1);
    assert_eq!(team[0].source, "/finesse/api/User/1001");
    assert!(team[0].update_xml.contains("<state>READY</state>"));
    // No reason code from a supervisor (DG12.5 p47).
    let r = client.put_as(
        "2001",
        "/finesse/api/User/1001",
        "<User><state>NOT_READY</state><reasonCodeId>22</reasonCodeId></User>",
        "",
    );
    assert_eq!(r.status, 400);
}

#[test]
fn silent_monitor_adds_a_passive_call_for_both() {
    let (emulator, client) = start(fast());
    let call = agent_on_call(&emulator, &client);
    let id = monitor(&emulator, &client, &call);
    let d = emulator
        .dialogs()
        .into_iter()
        .find(|d| d.id == id)
        .expect("monitor");
    assert_eq!(d.state, "ACTIVE");
    assert_eq!(d.from_address, "2001001");
    assert_eq!(d.to_address, "1001001");
    assert_eq!(d.call_type, "SUPERVISOR_MONITOR");
    assert_eq!(d.associated_dialog_id.as_deref(), Some(call.as_str()));
    let sup = d.participant("2001001").expect("supervisor");
    assert_eq!(sup.state, "ACTIVE");
    assert_eq!(sup.actions, ["BARGE_CALL", "DROP"]);
    // The agent is a participant with no allowable action (DG12.5 p131).
    assert!(d.participant("1001001").expect("agent").actions.is_empty());
    // CCE: the supervisor goes TALKING (DG12.5 p99).
    wait_agent(&emulator, "2001", "TALKING");
    let posts: Vec<_> = with_request_id(&emulator, "monitor-1")
        .into_iter()
        .filter(|n| n.event == "POST")
        .map(|n| n.node)
        .collect();
    assert!(posts.contains(&"/finesse/api/User/2001/Dialogs".to_owned()));
    assert!(posts.contains(&"/finesse/api/User/1001/Dialogs".to_owned()));
    // Ended with DROP and the supervisor's extension (DG12.5 p99).
    let r = client.dialog_action("2001", &id, &action("DROP", "2001001"), "end-monitor");
    assert_eq!(r.status, 202, "{}", r.body);
    wait_gone(&emulator, &id);
    wait_agent(&emulator, "2001", "NOT_READY");
    assert_eq!(dialog_state_of(&emulator, &call).as_deref(), Some("ACTIVE"));
}

fn dialog_state_of(emulator: &Emulator, id: &str) -> Option<String> {
    common::dialog_state(emulator, id)
}

#[test]
fn monitor_ends_with_the_monitored_call() {
    let (emulator, client) = start(fast());
    let call = agent_on_call(&emulator, &client);
    let id = monitor(&emulator, &client, &call);
    let r = client.dialog_action("1001", &call, &action("DROP", "1001001"), "");
    assert_eq!(r.status, 202);
    wait_gone(&emulator, &call);
    wait_gone(&emulator, &id);
    wait_agent(&emulator, "2001", "NOT_READY");
}

#[test]
fn barge_turns_the_call_into_a_conference() {
    let (emulator, client) = start(fast());
    let call = agent_on_call(&emulator, &client);
    let id = monitor(&emulator, &client, &call);
    let r = client.post_as(
        "2001",
        "/finesse/api/User/2001/Dialogs",
        &monitor_body("BARGE_CALL", "2001001", "1001001", Some(&id)),
        "barge-1",
    );
    assert_eq!(r.status, 202, "{}", r.body);
    wait_gone(&emulator, &id);
    wait_until("supervisor in the call", || {
        emulator
            .dialogs()
            .into_iter()
            .find(|d| d.id == call)
            .is_some_and(|d| d.participant("2001001").is_some())
    });
    let d = emulator
        .dialogs()
        .into_iter()
        .find(|d| d.id == call)
        .expect("call");
    assert_eq!(d.participants.len(), 3);
    assert_eq!(d.participant("2001001").expect("sup").state, "ACTIVE");
    let agent = d.participant("1001001").expect("agent");
    assert!(agent.actions.iter().any(|a| a == "PARTICIPANT_DROP"));
    // The supervisor leaves; the call goes on between agent and customer.
    let r = client.dialog_action("2001", &call, &action("DROP", "2001001"), "");
    assert_eq!(r.status, 202);
    wait_until("supervisor left", || {
        emulator
            .dialogs()
            .into_iter()
            .find(|d| d.id == call)
            .is_some_and(|d| d.participant("2001001").is_none())
    });
    wait_dialog(&emulator, &call, "ACTIVE");
}

#[test]
fn monitor_errors_follow_the_guide() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    sign_in(&emulator, &client, "1002", "1002001");
    sign_in(&emulator, &client, "2001", "2001001");
    let path = "/finesse/api/User/2001/Dialogs";
    // Not signed in on fromAddress.
    let r = client.post_as(
        "2001",
        path,
        &monitor_body("SILENT_MONITOR", "9999", "1001001", None),
        "",
    );
    assert_eq!(r.status, 400);
    assert_eq!(r.field("ErrorType").as_deref(), Some("Invalid Input"));
    // No one on that extension.
    let r = client.post_as(
        "2001",
        path,
        &monitor_body("SILENT_MONITOR", "2001001", "5555", None),
        "",
    );
    assert_eq!(r.status, 400);
    assert_eq!(r.field("ErrorType").as_deref(), Some("Invalid Destination"));
    // An agent may not monitor (DG12.5 p98).
    let r = client.post_as(
        "1002",
        "/finesse/api/User/1002/Dialogs",
        &monitor_body("SILENT_MONITOR", "1002001", "1001001", None),
        "",
    );
    assert_eq!(r.status, 401);
    assert_eq!(
        r.field("ErrorType").as_deref(),
        Some("Invalid Authorization User Specified")
    );
    // Barge without a monitor dialog.
    let r = client.post_as(
        "2001",
        path,
        &monitor_body("BARGE_CALL", "2001001", "1001001", None),
        "",
    );
    assert_eq!(r.status, 400);
    assert_eq!(r.field("ErrorType").as_deref(), Some("Parameter Missing"));
    // An agent who is not talking: accepted, then refused by CTI (CCE 13145, DG12.5 p99).
    let r = client.post_as(
        "2001",
        path,
        &monitor_body("SILENT_MONITOR", "2001001", "1001001", None),
        "idle-agent",
    );
    assert_eq!(r.status, 202, "{}", r.body);
    emulator.settle();
    let errors = with_request_id(&emulator, "idle-agent");
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .update_xml
            .contains("<errorData>13145</errorData>")
    );
    // The supervisor must be NOT_READY (DG12.5 p99).
    let r = client.put_as(
        "2001",
        "/finesse/api/User/2001",
        "<User><state>READY</state></User>",
        "",
    );
    assert_eq!(r.status, 202);
    wait_agent(&emulator, "2001", "READY");
    let r = client.post_as(
        "2001",
        path,
        &monitor_body("SILENT_MONITOR", "2001001", "1001001", None),
        "",
    );
    assert_eq!(r.status, 400);
    assert_eq!(r.field("ErrorType").as_deref(), Some("Invalid State"));
}

#[test]
fn team_resources_from_12_5() {
    let (emulator, client) = start(fast());
    let r = client.get_as(
        "1001",
        "/finesse/api/TeamResource/5007/ReasonCodes?category=NOT_READY",
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        r.body.contains("<ReasonCodes category=\"NOT_READY\">"),
        "{}",
        r.body
    );
    let r = client.get_as("2001", "/finesse/api/TeamResource/5007/WrapUpReasons");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("<WrapUpReasons>"), "{}", r.body);
    let r = client.get_as("1001", "/finesse/api/TeamResource/5007/ReasonCodes");
    assert_eq!(r.field("ErrorType").as_deref(), Some("Parameter Missing"));
    // No such team: 404 (DEVNET `teamresource—get-phone-books`).
    let r = client.get_as("1001", "/finesse/api/TeamResource/6000/WrapUpReasons");
    assert_eq!(r.status, 404);
    emulator.set_release(finesse_emulator::Release::Cce12_0);
    let r = client.get_as("1001", "/finesse/api/TeamResource/5007/WrapUpReasons");
    assert_eq!(r.status, 404);
}

/// As [`agent_on_call`] on either platform: CCX leaves the agent NOT_READY on a call it
/// placed (DG12.5 p49), which a supervisor may monitor there (p99).
fn agent_on_placed_call(emulator: &Emulator, client: &Client) -> String {
    sign_in(emulator, client, "1001", "1001001");
    sign_in(emulator, client, "2001", "2001001");
    let call = make_call(emulator, client, "1001", "1001001", "6135551212");
    wait_dialog(emulator, &call, "ACTIVE");
    call
}

/// The supervisor's BARGE_CALL on its monitor call of `agent_ext`.
fn barge(client: &Client, agent_ext: &str, monitor: &str, request_id: &str) -> Resp {
    client.post_as(
        "2001",
        "/finesse/api/User/2001/Dialogs",
        &monitor_body("BARGE_CALL", "2001001", agent_ext, Some(monitor)),
        request_id,
    )
}

/// The monitor call of the supervisor on `agent_ext`, started now.
fn monitor_of(emulator: &Emulator, client: &Client, agent_ext: &str) -> String {
    let before: Vec<String> = emulator.dialogs().into_iter().map(|d| d.id).collect();
    let r = client.post_as(
        "2001",
        "/finesse/api/User/2001/Dialogs",
        &monitor_body("SILENT_MONITOR", "2001001", agent_ext, None),
        "",
    );
    assert_eq!(r.status, 202, "{}", r.body);
    emulator.settle();
    let mut id = String::new();
    wait_until("monitor dialog", || {
        let new = emulator
            .dialogs()
            .into_iter()
            .find(|d| !before.contains(&d.id) && d.call_type == "SUPERVISOR_MONITOR");
        new.map(|d| id = d.id).is_some()
    });
    id
}

/// Barge-in refusals on both platforms (DG12.5 p101-102, DEVNET `dialog-api-errors`): a held
/// agent is an Invalid Destination, a barge past the conference limit 20700, synchronously.
#[test]
fn barge_refusals_on_a_held_agent_and_past_the_conference_limit() {
    for deployment in [Deployment::Cce, Deployment::Ccx] {
        let (emulator, client) = start(fast().deployment(deployment));
        let call = agent_on_placed_call(&emulator, &client);
        let id = monitor_of(&emulator, &client, "1001001");
        // The agent holds the call: 400 Invalid Destination.
        let r = client.dialog_action("1001", &call, &action("HOLD", "1001001"), "");
        assert_eq!(r.status, 202);
        wait_until("held", || {
            emulator.dialogs().iter().any(|d| {
                d.id == call && d.participant("1001001").is_some_and(|p| p.state == "HELD")
            })
        });
        let r = barge(&client, "1001001", &id, "");
        assert_eq!(r.status, 400, "{deployment:?}: {}", r.body);
        assert_eq!(r.field("ErrorType").as_deref(), Some("Invalid Destination"));
        let r = client.dialog_action("1001", &call, &action("RETRIEVE", "1001001"), "");
        assert_eq!(r.status, 202);
        wait_dialog(&emulator, &call, "ACTIVE");
        wait_until("retrieved", || {
            emulator.dialogs().iter().any(|d| {
                d.id == call
                    && d.participant("1001001")
                        .is_some_and(|p| p.state == "ACTIVE")
            })
        });
        // Two parties already and a limit of two: 20700.
        emulator.set_conference_limit(2);
        let r = barge(&client, "1001001", &id, "limit");
        assert_eq!(r.status, 400, "{}", r.body);
        assert_eq!(r.field("ErrorType").as_deref(), Some("20700"));
        assert_eq!(
            r.field("ErrorMessage").as_deref(),
            Some("Conference resource limit violation")
        );
        assert_eq!(r.field("ErrorData").as_deref(), Some("1001001"));
        // Nothing reached the CTI: no asynchronous error follows.
        emulator.settle();
        assert!(with_request_id(&emulator, "limit").is_empty());
        // With room for the supervisor (set through the control API), the barge goes
        // through.
        let control = Client::with_tls(emulator.control_url(), TlsConfig::default());
        let r = control.request("PUT", "/conference-limit", &[], r#"{"parties": 3}"#);
        assert_eq!(r.status, 204, "{}", r.body);
        assert_eq!(barge(&client, "1001001", &id, "").status, 202);
        wait_gone(&emulator, &id);
    }
}

/// A conference the monitored agent does not control, or an agent with a consult call
/// outstanding: 400 `20999` (DG12.5 p101-102), on CCE and CCX.
#[test]
fn barge_refused_through_a_non_controller_with_20999() {
    for deployment in [Deployment::Cce, Deployment::Ccx] {
        let (emulator, client) = start(fast().deployment(deployment));
        let call = agent_on_placed_call(&emulator, &client);
        sign_in(&emulator, &client, "1002", "1002001");
        let consult_body = "<Dialog><requestedAction>CONSULT_CALL</requestedAction>\
             <toAddress>1002001</toAddress><targetMediaAddress>1001001</targetMediaAddress></Dialog>";
        assert_eq!(
            client.dialog_action("1001", &call, consult_body, "").status,
            202
        );
        emulator.settle();
        let mut consult = String::new();
        wait_until("consult", || {
            let c = emulator.dialogs().into_iter().find(|d| d.id != call);
            c.map(|d| consult = d.id).is_some()
        });
        wait_dialog(&emulator, &consult, "ALERTING");
        let r = client.dialog_action("1002", &consult, &action("ANSWER", "1002001"), "");
        assert_eq!(r.status, 202);
        wait_dialog(&emulator, &consult, "ACTIVE");
        // 1001 talks on its consult call: a barge on it meets the consult outstanding.
        let id = monitor_of(&emulator, &client, "1001001");
        let r = barge(&client, "1001001", &id, "");
        assert_eq!(r.status, 400, "{deployment:?}: {}", r.body);
        assert_eq!(r.field("ErrorType").as_deref(), Some("20999"));
        let r = client.dialog_action("2001", &id, &action("DROP", "2001001"), "");
        assert_eq!(r.status, 202);
        wait_gone(&emulator, &id);
        // 1001 conferences 1002 in and controls the conference; 1002 does not.
        let r = client.dialog_action("1001", &call, &action("CONFERENCE", "1001001"), "");
        assert_eq!(r.status, 202);
        wait_gone(&emulator, &consult);
        let id = monitor_of(&emulator, &client, "1002001");
        let r = barge(&client, "1002001", &id, "");
        assert_eq!(r.status, 400, "{}", r.body);
        assert_eq!(r.field("ErrorType").as_deref(), Some("20999"));
        assert_eq!(r.field("ErrorData").as_deref(), Some("1002001"));
    }
}
