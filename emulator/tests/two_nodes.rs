//! Two Finesse nodes sharing one CTI state (`Emulator::start_pair`): shared state, events
//! published by both nodes, SystemInfo naming both, each node's faults, the forced logout
//! per node, and SSO tokens with an expiry — all over real sockets.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::xmpp::{Xmpp, auth_frame, open_frame, upgrade, upgrade_url};
use common::{Client, basic, fast, field, sign_in, wait_until};
use finesse_emulator::{Deployment, Emulator, EmulatorConfig, InboundCall, Side};

/// Long enough for an event that would come.
const QUIET: Duration = Duration::from_millis(300);

fn pair(config: EmulatorConfig) -> (Emulator, Emulator, Client, Client) {
    let (a, b) = Emulator::start_pair(config).expect("pair starts");
    let (ca, cb) = (Client::new(&a), Client::new(&b));
    (a, b, ca, cb)
}

fn host_port(url: &str) -> String {
    url.split("://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("host:port")
        .to_owned()
}

fn port(url: &str) -> String {
    host_port(url).rsplit(':').next().expect("port").to_owned()
}

/// Whether a new connection to `url`'s port is closed at once: nothing answers a request.
fn refused(url: &str) -> bool {
    let Ok(mut tcp) = TcpStream::connect(host_port(url)) else {
        return true;
    };
    tcp.set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    let _ = tcp.write_all(b"GET /finesse/api/SystemInfo HTTP/1.1\r\nHost: x\r\n\r\n");
    let mut buf = [0u8; 64];
    matches!(tcp.read(&mut buf), Ok(0) | Err(_))
}

fn control(emulator: &Emulator, method: &str, path: &str, body: &str) -> (u16, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let url = format!("{}{path}", emulator.control_url());
    let request = ureq::http::Request::builder()
        .method(method)
        .uri(url)
        .body(body.to_owned())
        .expect("request");
    let mut response = agent.run(request).expect("control answers");
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap_or_default();
    (status, text)
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("JSON")
}

#[test]
fn both_nodes_share_the_cti_state_and_publish_its_events() {
    let (a, b, ca, cb) = pair(fast());
    assert_eq!((a.side(), b.side()), (Side::A, Side::B));
    assert_eq!(a.peer_base_url(), Some(b.base_url()));
    assert_eq!(b.peer_base_url(), Some(a.base_url()));
    assert_eq!(a.ca_pem(), b.ca_pem(), "one CA signs both nodes");
    assert_ne!(port(&a.base_url()), port(&b.base_url()));
    assert_ne!(a.control_url(), b.control_url());
    assert_ne!(a.notification_url(), b.notification_url());

    let mut on_b = Xmpp::sign_in(&b, "1001", "b");
    // A command on side A reaches a session on side B.
    sign_in(&a, &ca, "1001", "1001001");
    let e = on_b.next_event(Duration::from_secs(5)).expect("event on B");
    assert_eq!(e.node, "/finesse/api/User/1001");
    assert_eq!(e.field("state").as_deref(), Some("NOT_READY"));
    // The state is the same on both nodes.
    let r = cb.get_as("1001", "/finesse/api/User/1001");
    assert_eq!(r.field("state").as_deref(), Some("NOT_READY"));
    assert_eq!(a.agent_state("1001"), b.agent_state("1001"));
    // A call injected through either node's controls is one dialog for both.
    let id = b
        .inject_inbound_call(InboundCall::new("1001", "5550100").call_type("OTHER_IN"))
        .expect("call");
    assert_eq!(a.dialogs().len(), 1);
    let r = ca.get_as("1001", &format!("/finesse/api/Dialog/{id}"));
    assert_eq!(r.status, 200);
    let e = on_b
        .next_event(Duration::from_secs(5))
        .expect("dialog on B");
    assert_eq!(e.node, "/finesse/api/User/1001/Dialogs");
    // Each node logs its own requests and its own sessions.
    assert!(a.requests().iter().any(|r| r.method == "PUT"));
    assert!(b.requests().iter().all(|r| r.method == "GET"));
    assert_eq!(a.notification_sessions("1001"), 0);
    assert_eq!(b.notification_sessions("1001"), 1);
}

/// The leaf elements of a document, as paths from the root's children.
fn leaves(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).expect("XML");
    let mut out = Vec::new();
    fn walk(node: roxmltree::Node<'_, '_>, path: &str, out: &mut Vec<String>) {
        let children: Vec<_> = node.children().filter(|c| c.is_element()).collect();
        if children.is_empty() {
            out.push(path.to_owned());
        }
        for c in children {
            walk(c, &format!("{path}/{}", c.tag_name().name()), out);
        }
    }
    for c in doc.root_element().children().filter(|c| c.is_element()) {
        walk(c, c.tag_name().name(), &mut out);
    }
    out
}

#[test]
fn system_info_has_the_devnet_structure_and_names_both_nodes() {
    let (a, b, ca, cb) = pair(fast());
    let expected: Vec<String> = [
        "currentTimestamp",
        "deploymentType",
        "lastCTIHeartbeatStatus",
        "lastSuccessCTIHeartbeatTime",
        "ctiVersion",
        "ctiHeartbeatInterval",
        "ctiMMode",
        "ctiTimeInMMode",
        "finesseMMode",
        "finesseTimeInMMode",
        "license",
        "peripheralId",
        "primaryNode/host",
        "primaryNode/httpsPort",
        "primaryNode/xmppPort",
        "primaryNode/xmppSecurePort",
        "secondaryNode/host",
        "secondaryNode/httpsPort",
        "secondaryNode/xmppPort",
        "secondaryNode/xmppSecurePort",
        "status",
        "statusReason",
        "systemAuthMode",
        "timezoneOffset",
        "uri",
        "xmppDomain",
        "xmppPubSubDomain",
        "ctiServers/ctiServer/host",
        "ctiServers/ctiServer/connectedDuration",
        "ctiServers/ctiServer/active",
        "ctiServers/ctiServer/host",
        "ctiServers/ctiServer/connectedDuration",
        "ctiServers/ctiServer/active",
    ]
    .map(str::to_owned)
    .to_vec();
    assert_eq!(expected.len(), 33);
    let mut documents = Vec::new();
    for client in [&ca, &cb] {
        let r = client.request("GET", "/finesse/api/SystemInfo", &[], "");
        assert_eq!(r.status, 200);
        assert_eq!(leaves(&r.body), expected);
        let primary = field(&r.body, "primaryNode").expect("primaryNode");
        let secondary = field(&r.body, "secondaryNode").expect("secondaryNode");
        assert_eq!(field(&primary, "host").as_deref(), Some("localhost"));
        assert_eq!(field(&primary, "httpsPort"), Some(port(&a.base_url())));
        assert_eq!(field(&secondary, "host").as_deref(), Some("127.0.0.1"));
        assert_eq!(field(&secondary, "httpsPort"), Some(port(&b.base_url())));
        // DirectTLS is offered by 12.5, STARTTLS is not.
        assert_eq!(
            field(&secondary, "xmppSecurePort"),
            b.xmpps_url().map(|u| port(&u))
        );
        assert_eq!(field(&secondary, "xmppPort").as_deref(), Some(""));
        assert_eq!(r.field("status").as_deref(), Some("IN_SERVICE"));
        assert_eq!(
            r.field("lastCTIHeartbeatStatus").as_deref(),
            Some("success")
        );
        documents.push((primary, secondary));
    }
    assert_eq!(documents[0], documents[1], "both nodes name the same nodes");
    // The client builds the alternate node's URL from host and httpsPort.
    let (_, secondary) = &documents[0];
    let alternate = format!(
        "https://{}:{}",
        field(secondary, "host").expect("host"),
        field(secondary, "httpsPort").expect("port")
    );
    assert_eq!(alternate, b.base_url());

    // A single node names itself, and no secondary node.
    let (single, client) = common::start(fast());
    let r = client.request("GET", "/finesse/api/SystemInfo", &[], "");
    assert_eq!(leaves(&r.body).len(), 33);
    let primary = field(&r.body, "primaryNode").expect("primaryNode");
    assert_eq!(field(&primary, "httpsPort"), Some(port(&single.base_url())));
    let secondary = field(&r.body, "secondaryNode").expect("secondaryNode");
    assert_eq!(field(&secondary, "host").as_deref(), Some(""));
}

#[test]
fn a_node_down_refuses_connections_and_drops_its_sessions() {
    let (a, b, ca, cb) = pair(fast());
    let mut on_a = Xmpp::sign_in(&a, "1001", "a");
    let mut on_b = Xmpp::sign_in(&b, "1001", "b");
    a.set_node_down(true);
    let (_, closed_cleanly) = on_a.read_to_end();
    assert!(!closed_cleanly, "dropped without a stream end");
    wait_until("session gone", || a.notification_sessions("1001") == 0);
    assert!(refused(&a.base_url()), "REST port refuses");
    assert!(refused(&a.notification_url()), "notification port refuses");
    assert!(refused(&a.bosh_url().expect("bosh")), "BOSH port refuses");
    assert!(refused(&a.xmpps_url().expect("xmpps")), "XMPP port refuses");
    let (status, _) = control(&a, "GET", "/info", "");
    assert_eq!(status, 200, "the control API stays up");
    // Side B serves on.
    assert_eq!(cb.get_as("1001", "/finesse/api/User/1001").status, 200);
    assert!(on_b.ping("p", Duration::from_secs(2)).is_some());

    a.set_node_down(false);
    assert_eq!(ca.get_as("1001", "/finesse/api/User/1001").status, 200);
    let _again = Xmpp::sign_in(&a, "1001", "again");
    assert_eq!(a.notification_sessions("1001"), 1);
}

#[test]
fn the_notification_service_down_turns_every_transport_away() {
    let (a, b, ca, cb) = pair(fast());
    let mut on_a = Xmpp::sign_in(&a, "1001", "a");
    let _on_b = Xmpp::sign_in(&b, "1001", "b");
    a.set_notification_service_down(true);
    let (_, closed_cleanly) = on_a.read_to_end();
    assert!(!closed_cleanly);
    assert!(refused(&a.notification_url()));
    assert!(refused(&a.bosh_url().expect("bosh")));
    assert!(refused(&a.xmpps_url().expect("xmpps")));
    let ws = a.rest_websocket_url().expect("websocket");
    assert!(upgrade_url(&a, &ws, Some("xmpp")).is_err(), "/ws/ refused");
    // REST answers; Finesse is out of service without its notification service.
    let r = ca.request("GET", "/finesse/api/SystemInfo", &[], "");
    assert_eq!(r.status, 200);
    assert_eq!(r.field("status").as_deref(), Some("OUT_OF_SERVICE"));
    assert_eq!(ca.get_as("1001", "/finesse/api/User/1001").status, 503);
    assert_eq!(cb.get_as("1001", "/finesse/api/User/1001").status, 200);
    assert_eq!(b.notification_sessions("1001"), 1);

    a.set_notification_service_down(false);
    let _again = Xmpp::sign_in(&a, "1001", "again");
    let r = ca.request("GET", "/finesse/api/SystemInfo", &[], "");
    assert_eq!(r.field("status").as_deref(), Some("IN_SERVICE"));
}

#[test]
fn the_web_app_down_makes_finesse_unavailable_and_rest_503() {
    let (a, b, ca, cb) = pair(fast());
    let mut on_a = Xmpp::sign_in(&a, "1001", "a");
    let mut on_b = Xmpp::sign_in(&b, "1001", "b");
    a.set_web_app_down(true);
    let presence = on_a.recv();
    assert!(
        presence.contains(r#"from="finesse@localhost/finesse""#)
            && presence.contains(r#"type="unavailable""#),
        "{presence}"
    );
    assert!(on_b.recv_within(QUIET).is_none(), "side B is not affected");
    assert_eq!(ca.get_as("1001", "/finesse/api/User/1001").status, 503);
    let r = ca.request("GET", "/finesse/api/SystemInfo", &[], "");
    assert_eq!(r.status, 503);
    assert_eq!(cb.get_as("1001", "/finesse/api/User/1001").status, 200);

    a.set_web_app_down(false);
    let presence = on_a.recv();
    assert!(
        presence.contains(r#"from="finesse@localhost/finesse""#) && !presence.contains("type="),
        "{presence}"
    );
    assert_eq!(ca.get_as("1001", "/finesse/api/User/1001").status, 200);
}

#[test]
fn out_of_service_silences_the_node_and_recovery_republishes() {
    let (a, b, ca, cb) = pair(fast());
    sign_in(&a, &ca, "1001", "1001001");
    let id = a
        .inject_inbound_call(InboundCall::new("1001", "5550100").call_type("OTHER_IN"))
        .expect("call");
    let mut on_a = Xmpp::sign_in(&a, "1001", "a");
    let mut on_b = Xmpp::sign_in(&b, "1001", "b");

    a.set_out_of_service(true);
    let e = on_a.next_event(Duration::from_secs(5)).expect("SystemInfo");
    assert_eq!(e.node, "/finesse/api/SystemInfo");
    assert_eq!(e.field("status").as_deref(), Some("OUT_OF_SERVICE"));
    assert!(on_b.next_event(QUIET).is_none(), "side B stays in service");
    assert_eq!(ca.get_as("1001", "/finesse/api/User/1001").status, 503);
    let r = ca.request("GET", "/finesse/api/SystemInfo", &[], "");
    assert_eq!(r.field("status").as_deref(), Some("OUT_OF_SERVICE"));
    assert_eq!(
        r.field("lastCTIHeartbeatStatus").as_deref(),
        Some("failure")
    );

    // The CTI state changes through side B: only side B publishes it.
    let answer = common::action("ANSWER", "1001001");
    assert_eq!(cb.dialog_action("1001", &id, &answer, "").status, 202);
    let e = on_b
        .next_event(Duration::from_secs(5))
        .expect("answered on B");
    assert_eq!(e.node, "/finesse/api/User/1001/Dialogs");
    on_b.events_until_quiet(QUIET);
    assert!(on_a.next_event(QUIET).is_none(), "no events while out");

    a.set_out_of_service(false);
    let events = on_a.events_until_quiet(QUIET);
    let nodes: Vec<&str> = events.iter().map(|e| e.node.as_str()).collect();
    assert_eq!(
        nodes,
        [
            "/finesse/api/SystemInfo",
            "/finesse/api/User/1001",
            "/finesse/api/User/1001/Dialogs"
        ]
    );
    assert_eq!(events[0].field("status").as_deref(), Some("IN_SERVICE"));
    assert_eq!(events[1].field("state").as_deref(), Some("TALKING"));
    assert!(events[2].update.contains("<event>PUT</event>"));
    assert!(events[2].update.contains("<state>ACTIVE</state>"));
    assert!(
        on_b.next_event(QUIET).is_none(),
        "side B republishes nothing"
    );
    assert_eq!(ca.get_as("1001", "/finesse/api/User/1001").status, 200);
}

#[test]
fn cutting_a_client_link_drops_its_connections_on_that_node() {
    let (a, b, _, _) = pair(fast());
    let mut first = Xmpp::sign_in(&a, "1001", "one");
    let mut second = Xmpp::sign_in(&a, "1001", "two");
    let mut other = Xmpp::sign_in(&a, "1002", "other");
    assert_eq!(b.cut_client_link("1001"), 0);
    assert_eq!(a.cut_client_link("1001"), 2);
    assert_eq!(a.notification_sessions("1001"), 0, "gone at once");
    for x in [&mut first, &mut second] {
        let (_, closed_cleanly) = x.read_to_end();
        assert!(!closed_cleanly);
    }
    assert!(other.ping("p", Duration::from_secs(2)).is_some());
    assert_eq!(a.notification_sessions("1002"), 1);
}

/// Signs 1001 in on side A with a session there, cuts the session, and returns the pair.
fn forced_out(config: EmulatorConfig) -> (Emulator, Emulator) {
    let (a, b, ca, _) = pair(config.forced_logout_after(Some(Duration::from_millis(200))));
    let _x = Xmpp::sign_in(&a, "1001", "a");
    sign_in(&a, &ca, "1001", "1001001");
    assert_eq!(a.cut_client_link("1001"), 1);
    wait_until("forced out", || {
        a.agent_state("1001")
            .is_some_and(|s| s.reason_code_id == Some(255))
    });
    (a, b)
}

#[test]
fn cce_load_0_forces_not_ready_with_reason_255() {
    let (a, _b) = forced_out(fast());
    assert_eq!(common::agent_state(&a, "1001"), "NOT_READY");
    let forced = a
        .notifications()
        .into_iter()
        .rev()
        .find(|n| n.node == "/finesse/api/User/1001")
        .expect("published");
    assert!(
        forced
            .update_xml
            .contains("<category>NOT_READY</category><code>255</code>")
    );
}

#[test]
fn cce_load_1_signs_out_with_reason_255() {
    let (a, _b) = forced_out(fast().logout_on_disconnect(true));
    assert_eq!(common::agent_state(&a, "1001"), "LOGOUT");
}

#[test]
fn ccx_signs_out_with_reason_255() {
    let (a, _b) = forced_out(fast().deployment(Deployment::Ccx));
    assert_eq!(common::agent_state(&a, "1001"), "LOGOUT");
}

#[test]
fn failing_over_to_side_b_lets_side_a_force_the_agent_out() {
    // DEVNET desktop-presence-and-forced-logout: the primary sees unavailable presence and,
    // being in service, sends a forced logout, whatever the session on the other node.
    let (a, b, ca, _) = pair(fast().forced_logout_after(Some(Duration::from_millis(200))));
    let mut on_a = Xmpp::sign_in(&a, "1001", "a");
    sign_in(&a, &ca, "1001", "1001001");
    let _on_b = Xmpp::sign_in(&b, "1001", "b");
    on_a.send(r#"<presence xmlns="jabber:client" type="unavailable"/>"#);
    wait_until("forced out by A", || {
        b.agent_state("1001")
            .is_some_and(|s| s.reason_code_id == Some(255))
    });
}

#[test]
fn a_session_back_in_time_or_a_node_out_of_service_forces_no_one_out() {
    let after = Duration::from_millis(300);
    let (a, _b, ca, _) = pair(fast().forced_logout_after(Some(after)));
    let _x = Xmpp::sign_in(&a, "1001", "a");
    sign_in(&a, &ca, "1001", "1001001");
    let _y = Xmpp::sign_in(&a, "1002", "a");
    sign_in(&a, &ca, "1002", "1002001");
    // 1001 comes back in time; 1002 is lost while the node is out of service.
    assert_eq!(a.cut_client_link("1001"), 1);
    let _back = Xmpp::sign_in(&a, "1001", "back");
    a.set_out_of_service(true);
    assert_eq!(a.cut_client_link("1002"), 1);
    std::thread::sleep(after * 2);
    for id in ["1001", "1002"] {
        let s = a.agent_state(id).expect("agent");
        assert_eq!((s.state.as_str(), s.reason_code_id), ("NOT_READY", None));
    }
    // An agent signed out already stays so.
    let _z = Xmpp::sign_in(&a, "1003", "a");
    a.set_out_of_service(false);
    assert_eq!(a.cut_client_link("1003"), 1);
    std::thread::sleep(after * 2);
    let s = a.agent_state("1003").expect("agent");
    assert_eq!((s.state.as_str(), s.reason_code_id), ("LOGOUT", None));
}

fn sasl(emulator: &Emulator, login_id: &str, secret: &str) -> String {
    let (mut x, _) = upgrade(emulator, Some("xmpp")).expect("upgrade");
    x.send(&open_frame());
    x.recv();
    x.recv();
    x.send(&auth_frame(login_id, secret));
    x.recv()
}

#[test]
fn sso_tokens_work_on_both_nodes_until_they_expire() {
    let (a, b, ca, cb) = pair(fast());
    let lifetime = Duration::from_millis(400);
    let token = a.issue_token("1001", lifetime);
    let bearer = [("Authorization", format!("Bearer {token}"))];
    for client in [&ca, &cb] {
        let r = client.request("GET", "/finesse/api/User/1001", &bearer, "");
        assert_eq!(r.status, 200);
    }
    let mut x = Xmpp::connect(&b);
    x.authenticate("1001", &token);
    x.bind("sso");
    x.available();
    // Nothing shows the token.
    assert!(!format!("{:?}", a.requests()).contains(&token));

    std::thread::sleep(lifetime + Duration::from_millis(100));
    for client in [&ca, &cb] {
        let r = client.request("GET", "/finesse/api/User/1001", &bearer, "");
        assert_eq!(r.status, 401);
    }
    // Expired tokens are no wrong passwords: five of them lock no one out.
    for _ in 0..6 {
        let answer = sasl(&a, "1001", &token);
        assert!(answer.contains("<not-authorized/>"), "{answer}");
    }
    assert!(!a.agent_state("1001").expect("agent").locked_out);
    let password = [("Authorization", basic("1001", "secret1001"))];
    let r = ca.request("GET", "/finesse/api/User/1001", &password, "");
    assert_eq!(r.status, 200);
}

#[test]
fn the_control_api_drives_each_node() {
    let (a, b, ca, _) = pair(fast());
    let (status, info) = control(&b, "GET", "/info", "");
    assert_eq!(status, 200);
    let info = json(&info);
    assert_eq!(info["side"], "B");
    assert_eq!(info["peer_base_url"], a.base_url());

    let (status, text) = control(
        &a,
        "POST",
        "/agents/1001/tokens",
        r#"{"lifetime_ms":60000}"#,
    );
    assert_eq!(status, 201);
    let token = json(&text)["token"].as_str().expect("token").to_owned();
    let r = ca.request(
        "GET",
        "/finesse/api/User/1001",
        &[("Authorization", format!("Bearer {token}"))],
        "",
    );
    assert_eq!(r.status, 200);
    let (status, _) = control(&a, "POST", "/agents/9999/tokens", r#"{"lifetime_ms":1}"#);
    assert_eq!(status, 404);

    let _x = Xmpp::sign_in(&a, "1001", "a");
    let (status, text) = control(&a, "POST", "/agents/1001/cut-link", "");
    assert_eq!((status, json(&text)["cut"].as_u64()), (200, Some(1)));

    for (path, check) in [
        ("/web-app-down", "/finesse/api/SystemInfo"),
        ("/node-down", ""),
        ("/notification-service-down", "/finesse/api/User/1001"),
    ] {
        let (status, _) = control(&a, "PUT", path, r#"{"down":true}"#);
        assert_eq!(status, 204, "{path}");
        if check.is_empty() {
            assert!(refused(&a.base_url()));
        } else {
            assert_eq!(ca.get_as("1001", check).status, 503, "{path}");
        }
        let (status, _) = control(&a, "PUT", path, r#"{"down":false}"#);
        assert_eq!(status, 204);
        assert_eq!(ca.get_as("1001", "/finesse/api/User/1001").status, 200);
    }
    let (status, _) = control(&a, "PUT", "/node-down", "{}");
    assert_eq!(status, 400);
}

#[test]
fn the_binary_starts_a_pair_and_labels_each_side() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_finesse-emulator"))
        .args([
            "--pair",
            "--forced-logout-after",
            "0",
            "--logout-on-disconnect",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines: Vec<String> = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("line");
        let done = lines
            .iter()
            .filter(|l| l.starts_with("Control API:"))
            .count()
            == 2
            && line.starts_with("XMPP TLS:");
        lines.push(line);
        if done {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let at = |label: &str| lines.iter().position(|l| l == label).expect(label);
    let (side_a, side_b) = (at("Side A:"), at("Side B:"));
    assert!(side_a < side_b, "{lines:?}");
    assert!(lines[side_a + 1].starts_with("Finesse REST API: https://localhost:"));
    assert!(lines[side_b + 1].starts_with("Finesse REST API: https://127.0.0.1:"));
    assert!(lines[side_b + 3].starts_with("Control API:"));
}
