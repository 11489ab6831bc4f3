//! The controls that make the emulator a test double for other people's suites: the log
//! of requests received, reset, lifting lock-outs, and the listen address — in Rust and
//! over the control API.

mod common;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

use common::xmpp::Xmpp;
use common::{Client, Resp, basic, fast, make_call, sign_in, start, wait_dialog, wait_until};
use finesse_emulator::{AgentConfig, Emulator, EmulatorConfig, FarEnd};
use ureq::tls::TlsConfig;

fn control(emulator: &Emulator) -> Client {
    Client::with_tls(emulator.control_url(), TlsConfig::default())
}

fn json(r: &Resp) -> serde_json::Value {
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{e}: {}", r.body))
}

const MAKE_CALL: &str = "<Dialog><requestedAction>MAKE_CALL</requestedAction>\
    <fromAddress>1001001</fromAddress><toAddress>6135551212</toAddress>\
    <mediaProperties><callvariables><CallVariable><name>callVariable1</name>\
    <value>acct-42</value></CallVariable></callvariables></mediaProperties></Dialog>";

#[test]
fn the_request_log_tells_what_the_application_sent() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    let path = "/finesse/api/User/1001/Dialogs";
    assert_eq!(client.post_as("1001", path, MAKE_CALL, "req-7").status, 202);
    let wrong = [("Authorization", basic("1002", "not-the-password"))];
    assert_eq!(
        client
            .request("GET", "/finesse/api/User/1002?x=1", &wrong, "")
            .status,
        401
    );

    let requests = emulator.requests();
    let call = requests
        .iter()
        .find(|r| r.method == "POST")
        .expect("MAKE_CALL recorded");
    assert_eq!(call.path, path);
    assert_eq!(call.request_id.as_deref(), Some("req-7"));
    assert_eq!(call.status, 202);
    assert_eq!(call.user.as_deref(), Some("1001"));
    assert!(call.body.contains("<toAddress>6135551212</toAddress>"));
    assert!(call.body.contains("<value>acct-42</value>"));
    assert!(!call.body_truncated);
    let refused = requests.last().expect("the 401");
    assert_eq!(
        (
            refused.status,
            refused.user.as_deref(),
            refused.query.as_str()
        ),
        (401, None, "x=1")
    );
    assert!(requests.windows(2).all(|w| w[1].seq == w[0].seq + 1));
    assert_eq!(emulator.requests_since(call.seq).len(), requests.len() - 2);

    // Over HTTP: the same entries, and never a credential.
    let c = control(&emulator);
    let r = c.request("GET", "/requests", &[], "");
    assert_eq!(r.status, 200);
    let listed = json(&r);
    assert_eq!(listed.as_array().expect("list").len(), requests.len());
    assert_eq!(listed[requests.len() - 1]["status"], 401);
    for secret in ["secret1001", "not-the-password", "Basic ", "Authorization"] {
        assert!(!r.body.contains(secret), "{secret} leaked: {}", r.body);
    }
    let since = format!("/requests?since={}", call.seq);
    assert_eq!(
        json(&c.request("GET", &since, &[], ""))
            .as_array()
            .map(Vec::len),
        Some(requests.len() - 2)
    );
    assert_eq!(c.request("GET", "/requests?since=x", &[], "").status, 400);
    assert_eq!(c.request("DELETE", "/requests", &[], "").status, 204);
    assert!(emulator.requests().is_empty());
    client.get_as("1001", "/finesse/api/User/1001");
    emulator.clear_requests();
    assert!(emulator.requests().is_empty());
}

#[test]
fn reset_returns_to_the_start_and_keeps_the_agents() {
    let (emulator, client) = start(fast());
    emulator.add_agent(AgentConfig::new("3001", "neo", "pw3001"));
    sign_in(&emulator, &client, "1001", "1001001");
    let mut session = Xmpp::sign_in(&emulator, "1001", "desk");
    emulator.set_far_end(FarEnd::Busy);
    let dialog = make_call(&emulator, &client, "1001", "1001001", "6135551212");
    wait_dialog(&emulator, &dialog, "FAILED");
    let wrong = [("Authorization", basic("1002", "bad"))];
    for _ in 0..5 {
        client.request("GET", "/finesse/api/User/1002", &wrong, "");
    }
    emulator.set_out_of_service(true);
    emulator.set_latency(Duration::from_millis(1));
    let published = emulator.notifications();
    let last_seq = published.last().expect("the call was published").seq;

    emulator.reset();

    assert!(emulator.dialogs().is_empty());
    assert!(emulator.requests().is_empty());
    assert!(
        emulator.notifications().is_empty(),
        "the notification log is emptied"
    );
    for id in ["1001", "1002", "3001"] {
        let agent = emulator.agent_state(id).expect("agents stay");
        assert_eq!(agent.state, "LOGOUT", "{id}");
        assert!(!agent.locked_out, "{id}");
    }
    let (_, closed_cleanly) = session.read_to_end();
    assert!(!closed_cleanly, "notification connections are dropped");
    assert_eq!(emulator.notification_sessions("1001"), 0);
    assert_eq!(client.get_as("1002", "/finesse/api/User/1002").status, 200);
    // The far end answers again, as configured.
    sign_in(&emulator, &client, "1001", "1001001");
    let dialog = make_call(&emulator, &client, "1001", "1001001", "6135551212");
    wait_dialog(&emulator, &dialog, "ACTIVE");
    // Sequence numbers keep counting across the reset.
    let after = emulator.notifications_since(last_seq);
    assert!(!after.is_empty() && after.iter().all(|n| n.seq > last_seq));

    // Over HTTP.
    let c = control(&emulator);
    assert_eq!(c.request("POST", "/reset", &[], "").status, 204);
    assert!(emulator.dialogs().is_empty());
    assert_eq!(emulator.agent_state("1001").expect("agent").state, "LOGOUT");
}

#[test]
fn accepted_requests_do_not_outlive_a_reset() {
    let slow = EmulatorConfig::new().timing(finesse_emulator::Timing {
        step: Duration::from_millis(200),
        ring: Duration::from_millis(200),
    });
    let (emulator, client) = start(slow);
    let login = "<User><state>LOGIN</state><extension>1001001</extension></User>";
    assert_eq!(client.set_state("1001", login).status, 202);
    emulator.reset();
    emulator.settle();
    assert_eq!(emulator.agent_state("1001").expect("agent").state, "LOGOUT");
}

#[test]
fn lock_outs_are_lifted_for_one_agent_or_all() {
    let (emulator, client) = start(fast());
    let lock = |id: &str| {
        let wrong = [("Authorization", basic(id, "bad"))];
        for _ in 0..5 {
            client.request("GET", &format!("/finesse/api/User/{id}"), &wrong, "");
        }
        assert!(emulator.agent_state(id).expect("agent").locked_out);
    };
    let locked = |id: &str| emulator.agent_state(id).expect("agent").locked_out;

    lock("1001");
    lock("1002");
    emulator.lift_lockout("1001").expect("known agent");
    assert!(!locked("1001") && locked("1002"));
    assert_eq!(client.get_as("1001", "/finesse/api/User/1001").status, 200);
    assert!(emulator.lift_lockout("9999").is_err());
    emulator.lift_lockouts();
    assert!(!locked("1002"));

    let c = control(&emulator);
    lock("1001");
    lock("1002");
    assert_eq!(c.request("DELETE", "/lockouts/1002", &[], "").status, 204);
    assert!(locked("1001") && !locked("1002"));
    assert_eq!(c.request("DELETE", "/lockouts/9999", &[], "").status, 404);
    assert_eq!(c.request("DELETE", "/lockouts", &[], "").status, 204);
    assert!(!locked("1001"));
}

fn serves_on(listen: IpAddr, url_prefix: &str) {
    let emulator = Emulator::start(fast().listen(listen)).expect("emulator starts");
    let base = emulator.base_url();
    assert!(base.starts_with(url_prefix), "{base}");
    assert!(
        emulator
            .control_url()
            .starts_with(&url_prefix.replace("https", "http"))
    );
    assert!(
        emulator
            .notification_url()
            .starts_with(&url_prefix.replace("https", "wss"))
    );
    // The certificate covers the address in the URL.
    let client = Client::new(&emulator);
    assert_eq!(client.get_as("1001", "/finesse/api/User/1001").status, 200);
    let info = control(&emulator).request("GET", "/info", &[], "");
    assert_eq!(json(&info)["base_url"], base);
    let mut session = Xmpp::sign_in(&emulator, "1001", "desk");
    wait_until("a session", || emulator.notification_sessions("1001") == 1);
    assert!(session.ping("p1", Duration::from_secs(5)).is_some());
}

#[test]
fn listens_on_ipv6_loopback() {
    serves_on(IpAddr::V6(Ipv6Addr::LOCALHOST), "https://[::1]:");
}

#[test]
fn listens_on_every_interface_and_names_loopback() {
    serves_on(IpAddr::V4(Ipv4Addr::UNSPECIFIED), "https://127.0.0.1:");
}
