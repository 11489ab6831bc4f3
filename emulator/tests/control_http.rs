//! The control API over HTTP/JSON, as tests in other languages use it.

mod common;

use std::time::Duration;

use common::xmpp::Xmpp;
use common::{
    Client, Resp, fast, make_call_body, sign_in, start, wait_agent, wait_dialog, wait_until,
};
use finesse_emulator::Emulator;
use ureq::tls::TlsConfig;

fn control(emulator: &Emulator) -> Client {
    Client::with_tls(emulator.control_url(), TlsConfig::default())
}

fn json(c: &Client, method: &str, path: &str, body: &str) -> Resp {
    c.request(
        method,
        path,
        &[("Content-Type", "application/json".to_owned())],
        body,
    )
}

fn value(r: &Resp) -> serde_json::Value {
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{e}: {}", r.body))
}

#[test]
fn info_and_ca() {
    let (emulator, _) = start(fast());
    let c = control(&emulator);
    let r = json(&c, "GET", "/info", "");
    assert_eq!(r.status, 200);
    assert_eq!(value(&r)["base_url"], emulator.base_url());
    assert_eq!(value(&r)["notification_url"], emulator.notification_url());
    assert_eq!(value(&r)["xmpp_domain"], "localhost");
    assert_eq!(value(&r)["deployment"], "CCE");
    // The transports of CCE 12.5; STARTTLS is off there.
    assert_eq!(
        value(&r)["websocket_url"],
        emulator.rest_websocket_url().expect("offered")
    );
    assert_eq!(value(&r)["bosh_url"], emulator.bosh_url().expect("offered"));
    assert_eq!(
        value(&r)["xmpps_url"],
        emulator.xmpps_url().expect("offered")
    );
    assert!(value(&r)["xmpp_url"].is_null());
    let r = c.request("GET", "/ca.pem", &[], "");
    assert_eq!(r.body, emulator.ca_pem());
    assert_eq!(json(&c, "GET", "/nothing", "").status, 404);
}

#[test]
fn agents_and_deployment() {
    let (emulator, client) = start(fast());
    let c = control(&emulator);
    let body = r#"{"login_id":"4001","login_name":"neo","password":"pw4001","first_name":"Tom",
        "last_name":"Anderson","wrap_up_on_incoming":"REQUIRED","bearer_token":"t4001"}"#;
    let r = json(&c, "POST", "/agents", body);
    assert_eq!(r.status, 201, "{}", r.body);
    let auth = [("Authorization", common::basic("neo", "pw4001"))];
    let user = client.request("GET", "/finesse/api/User/4001", &auth, "");
    assert_eq!(user.status, 200);
    assert_eq!(user.field("wrapUpOnIncoming").as_deref(), Some("REQUIRED"));
    assert_eq!(user.field("teamId").as_deref(), Some("5007"));

    let r = json(&c, "GET", "/agents/4001", "");
    assert_eq!(value(&r)["state"], "LOGOUT");
    assert_eq!(value(&r)["extension"], serde_json::Value::Null);
    assert_eq!(json(&c, "GET", "/agents/nobody", "").status, 404);
    assert_eq!(json(&c, "POST", "/agents", "{\"login_id\":1}").status, 400);
    assert_eq!(json(&c, "POST", "/agents", "not json").status, 400);

    assert_eq!(
        json(&c, "PUT", "/deployment", r#"{"deployment":"CCX"}"#).status,
        204
    );
    let r = client.request("GET", "/finesse/api/SystemInfo", &[], "");
    assert_eq!(r.field("deploymentType").as_deref(), Some("UCCX"));
    assert_eq!(
        json(&c, "PUT", "/deployment", r#"{"deployment":"X"}"#).status,
        400
    );
}

#[test]
fn far_end_dialogs_answer_and_hangup() {
    let (emulator, client) = start(fast());
    let c = control(&emulator);
    sign_in(&emulator, &client, "1001", "1001001");
    let r = json(&c, "PUT", "/far-end", r#"{"far_end":"RING"}"#);
    assert_eq!(r.status, 204);
    let r = json(
        &c,
        "PUT",
        "/far-end",
        r#"{"far_end":"BUSY","address":"5550001"}"#,
    );
    assert_eq!(r.status, 204);
    let post = client.post_as(
        "1001",
        "/finesse/api/User/1001/Dialogs",
        &make_call_body("1001001", "5551234"),
        "",
    );
    assert_eq!(post.status, 202);
    assert_eq!(json(&c, "POST", "/settle", "").status, 204);
    let dialogs = value(&json(&c, "GET", "/dialogs", ""));
    let id = dialogs[0]["id"].as_str().expect("id").to_owned();
    assert_eq!(dialogs[0]["to_address"], "5551234");
    assert_eq!(dialogs[0]["call_variables"][0]["name"], "callVariable1");
    wait_dialog(&emulator, &id, "ALERTING");

    assert_eq!(
        json(&c, "POST", &format!("/dialogs/{id}/answer"), "").status,
        204
    );
    wait_dialog(&emulator, &id, "ACTIVE");
    assert_eq!(
        json(&c, "POST", &format!("/dialogs/{id}/answer"), "").status,
        409
    );
    assert_eq!(
        json(&c, "POST", &format!("/dialogs/{id}/hangup"), "").status,
        204
    );
    common::wait_gone(&emulator, &id);
    assert_eq!(json(&c, "POST", "/dialogs/123/hangup", "").status, 404);
    assert_eq!(json(&c, "POST", "/dialogs/abc/answer", "").status, 404);
}

#[test]
fn inbound_calls() {
    let (emulator, client) = start(fast());
    let c = control(&emulator);
    sign_in(&emulator, &client, "1002", "1002001");
    let body = r#"{"to":"1002","from_address":"6135550000","dnis":"8005551000",
        "call_variables":[{"name":"callVariable1","value":"case-9"},{"name":"user.Lang","value":"fr"}],
        "queue_name":"Sales","queue_number":"10"}"#;
    let r = json(&c, "POST", "/inbound-calls", body);
    assert_eq!(r.status, 201, "{}", r.body);
    let id = value(&r)["dialog_id"].as_str().expect("id").to_owned();
    let d = client.get_as("1002", &format!("/finesse/api/Dialog/{id}"));
    assert_eq!(d.field("callType").as_deref(), Some("ACD_IN"));
    assert!(d.body.contains("<name>user.Lang</name><value>fr</value>"));
    let r = json(
        &c,
        "POST",
        "/inbound-calls",
        r#"{"to":"7777","from_address":"1"}"#,
    );
    assert_eq!(r.status, 404);
    let r = json(
        &c,
        "POST",
        "/inbound-calls",
        r#"{"to":"1002","from_address":"1","call_variables":[{"name":"BAStatus","value":"x"}]}"#,
    );
    assert_eq!(r.status, 409);
}

#[test]
fn out_of_service_latency_and_cut() {
    let (emulator, client) = start(fast());
    let c = control(&emulator);
    let r = json(&c, "PUT", "/out-of-service", r#"{"out_of_service":true}"#);
    assert_eq!(r.status, 204);
    assert_eq!(client.get_as("1001", "/finesse/api/User/1001").status, 503);
    json(&c, "PUT", "/out-of-service", r#"{"out_of_service":false}"#);
    assert_eq!(client.get_as("1001", "/finesse/api/User/1001").status, 200);

    assert_eq!(json(&c, "PUT", "/latency", r#"{"ms":120}"#).status, 204);
    let began = std::time::Instant::now();
    client.get_as("1001", "/finesse/api/User/1001");
    assert!(began.elapsed() >= std::time::Duration::from_millis(120));
    json(&c, "PUT", "/latency", r#"{"ms":0}"#);

    sign_in(&emulator, &client, "1001", "1001001");
    let r = json(
        &c,
        "POST",
        "/cut",
        r#"{"method":"POST","path_prefix":"/finesse/api/User/1001/Dialogs"}"#,
    );
    assert_eq!(r.status, 204);
    let headers = [("Authorization", common::basic("1001", "secret1001"))];
    let sent = client.try_request(
        "POST",
        "/finesse/api/User/1001/Dialogs",
        &headers,
        &make_call_body("1001001", "6135551212"),
    );
    assert!(sent.is_err());
    assert_eq!(
        value(&json(&c, "GET", "/dialogs", ""))
            .as_array()
            .map(Vec::len),
        Some(1)
    );
}

#[test]
fn notifications_and_agent_state() {
    let (emulator, client) = start(fast());
    let c = control(&emulator);
    sign_in(&emulator, &client, "1001", "1001001");
    let all = value(&json(&c, "GET", "/notifications", ""));
    let first = &all[0];
    assert_eq!(first["seq"], 1);
    assert_eq!(first["node"], "/finesse/api/User/1001");
    assert_eq!(first["event"], "PUT");
    assert!(
        first["update_xml"]
            .as_str()
            .expect("xml")
            .starts_with("<Update>")
    );
    client.set_state("1001", "<User><state>READY</state></User>");
    wait_agent(&emulator, "1001", "READY");
    let newer = value(&json(&c, "GET", "/notifications?since=1", ""));
    assert!(
        newer
            .as_array()
            .expect("list")
            .iter()
            .all(|n| n["seq"].as_u64() > Some(1))
    );
    assert_eq!(json(&c, "GET", "/notifications?since=x", "").status, 400);
    let agent = value(&json(&c, "GET", "/agents/1001", ""));
    assert_eq!(agent["state"], "READY");
    assert_eq!(agent["extension"], "1001001");
}

#[test]
fn notification_controls() {
    let (emulator, _) = start(fast());
    let c = control(&emulator);
    let mut x = Xmpp::sign_in(&emulator, "1001", "ctl");
    let sessions = json(&c, "GET", "/agents/1001/notification-sessions", "");
    assert_eq!(value(&sessions)["available_sessions"], 1);
    assert_eq!(
        json(&c, "GET", "/agents/nobody/notification-sessions", "").status,
        404
    );

    let r = json(&c, "PUT", "/service-presence", r#"{"available": false}"#);
    assert_eq!(r.status, 204);
    assert!(x.recv().ends_with(r#"type="unavailable"/>"#));
    assert_eq!(json(&c, "PUT", "/service-presence", "{}").status, 400);

    let r = json(
        &c,
        "PUT",
        "/notification-connections",
        r#"{"frozen": true}"#,
    );
    assert_eq!(r.status, 204);
    assert_eq!(x.ping("p1", Duration::from_millis(200)), None);
    let r = json(
        &c,
        "PUT",
        "/notification-connections",
        r#"{"frozen": false}"#,
    );
    assert_eq!(r.status, 204);
    assert!(x.recv().contains(r#"id="p1""#));

    assert_eq!(
        json(&c, "DELETE", "/notification-connections", "").status,
        204
    );
    let (_, clean) = x.read_to_end();
    assert!(!clean);
    wait_until("session gone", || {
        emulator.notification_sessions("1001") == 0
    });
}

#[test]
fn published_updates_reach_the_users_sessions() {
    let (emulator, _) = start(fast());
    let c = control(&emulator);
    let mut mine = Xmpp::sign_in(&emulator, "1001", "mine");
    let mut other = Xmpp::sign_in(&emulator, "1002", "other");
    let data = "<dialog><id>42</id><state>ACTIVE</state></dialog>";

    // From Rust: the caller knows the sequence number and when the Update left.
    let seq = emulator.publish_update(
        "/finesse/api/User/1001/Dialogs",
        "PUT",
        "/finesse/api/Dialog/42",
        "r-1",
        data,
    );
    let event = mine.next_event(Duration::from_secs(5)).expect("event");
    assert_eq!(event.node, "/finesse/api/User/1001/Dialogs");
    assert_eq!(
        event.update,
        format!(
            "<Update><data>{data}</data><event>PUT</event><requestId>r-1</requestId>\
             <source>/finesse/api/Dialog/42</source></Update>"
        )
    );
    let logged = emulator.notifications_since(seq - 1);
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].seq, seq);
    assert_eq!(logged[0].request_id, "r-1");

    // Over HTTP: the source defaults to the node.
    let r = json(
        &c,
        "POST",
        "/updates",
        &serde_json::json!({"node": "/finesse/api/User/1001", "event": "PUT",
                            "data": "<user><state>READY</state></user>"})
        .to_string(),
    );
    assert_eq!(r.status, 201);
    assert_eq!(value(&r)["seq"], seq + 1);
    let event = mine.next_event(Duration::from_secs(5)).expect("event");
    assert_eq!(
        event.update,
        "<Update><data><user><state>READY</state></user></data><event>PUT</event>\
         <requestId></requestId><source>/finesse/api/User/1001</source></Update>"
    );
    assert_eq!(
        json(&c, "POST", "/updates", r#"{"node": "/x"}"#).status,
        400
    );

    // Nothing for another user's session, and no state changed.
    assert!(other.next_event(Duration::from_millis(200)).is_none());
    assert!(emulator.dialogs().is_empty());
}
