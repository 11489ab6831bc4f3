//! Queues over real sockets (CCE): GET Queue and User/Queues with statistics computed from
//! the agents, `-1` for a queue assigned to no one, the queue node's notifications on change,
//! queues assigned to teams and removed from them at run time with the notifications of the
//! users' lists, and CCX's absence of queues. Sources: DEVNET `queue—get-queue`,
//! `queue—get-list-of-queues-for-user`, `queue-notifications`, `notification-parameters`.

mod common;

use std::time::Duration;

use common::xmpp::Xmpp;
use common::{Client, fast, sign_in, start, wait_agent};
use finesse_emulator::{AgentConfig, ControlError, Deployment, Emulator, QueueConfig};
use ureq::tls::TlsConfig;

/// How long a session waits to conclude that nothing more comes.
const QUIET: Duration = Duration::from_millis(300);

#[test]
fn queue_statistics_follow_the_agents() {
    let (emulator, client) = start(fast());
    let r = client.get_as("1001", "/finesse/api/Queue/10");
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.field("uri").as_deref(), Some("/finesse/api/Queue/10"));
    assert_eq!(r.field("name").as_deref(), Some("Sales"));
    assert_eq!(r.field("agentsLoggedOn").as_deref(), Some("0"));
    sign_in(&emulator, &client, "1001", "1001001");
    sign_in(&emulator, &client, "1002", "1002001");
    assert_eq!(
        client
            .set_state("1002", "<User><state>READY</state></User>")
            .status,
        202
    );
    wait_agent(&emulator, "1002", "READY");
    let r = client.get_as("1003", "/finesse/api/Queue/10");
    assert_eq!(r.field("agentsLoggedOn").as_deref(), Some("2"));
    assert_eq!(r.field("agentsReady").as_deref(), Some("1"));
    assert_eq!(r.field("agentsNotReady").as_deref(), Some("1"));
    assert_eq!(r.field("callsInQueue").as_deref(), Some("0"));
    assert_eq!(
        r.field("startTimeOfLongestCallInQueue").as_deref(),
        Some("")
    );
    // Assigned to no one: -1 and empty (DEVNET `queue—get-queue`).
    let r = client.get_as("1001", "/finesse/api/Queue/11");
    assert_eq!(r.field("agentsReady").as_deref(), Some("-1"));
    assert_eq!(r.field("callsInQueue").as_deref(), Some("-1"));
    let r = client.get_as("1001", "/finesse/api/Queue/99");
    assert_eq!(r.status, 404);
}

#[test]
fn user_queues_and_a_supervisors() {
    let (_emulator, client) = start(fast());
    let r = client.get_as("1001", "/finesse/api/User/1001/Queues");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        r.body
            .contains("<Queues><Queue><uri>/finesse/api/Queue/10</uri>")
    );
    assert!(!r.body.contains("/finesse/api/Queue/11"));
    // Any user may list any user's queues.
    let r = client.get_as("1002", "/finesse/api/User/2001/Queues");
    assert_eq!(r.status, 200);
    let r = client.get_as("1001", "/finesse/api/User/9999/Queues");
    assert_eq!(r.status, 404);
    assert_eq!(r.field("ErrorType").as_deref(), Some("User Not Found"));
}

#[test]
fn changed_statistics_are_published_on_the_queue_node() {
    let (emulator, client) = start(fast());
    emulator.publish_queue_statistics();
    let before = emulator.notifications().len();
    // Nothing changed: nothing published.
    assert_eq!(emulator.publish_queue_statistics(), 0);
    sign_in(&emulator, &client, "1001", "1001001");
    assert_eq!(emulator.publish_queue_statistics(), 1);
    let queue: Vec<_> = emulator.notifications()[before..]
        .iter()
        .filter(|n| n.node == "/finesse/api/Queue/10")
        .cloned()
        .collect();
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].event, "put");
    assert_eq!(queue[0].source, "/finesse/api/Queue/10");
    assert!(
        queue[0]
            .update_xml
            .contains("<agentsLoggedOn>1</agentsLoggedOn>")
    );
}

#[test]
fn ccx_has_no_queues() {
    let (emulator, client) = start(fast());
    emulator.set_deployment(Deployment::Ccx);
    assert_eq!(client.get_as("1001", "/finesse/api/Queue/10").status, 404);
    assert_eq!(
        client
            .get_as("1001", "/finesse/api/User/1001/Queues")
            .status,
        404
    );
    assert_eq!(emulator.publish_queue_statistics(), 0);
}

/// The user's session, subscribed to its queue list and to the given queues' nodes.
fn watching(emulator: &Emulator, login_id: &str, queues: &[u64]) -> Xmpp {
    let mut x = Xmpp::sign_in(emulator, login_id, "q");
    let own = format!("/finesse/api/User/{login_id}/Queues");
    assert!(x.subscribe(&own).contains("subscription=\"subscribed\""));
    for id in queues {
        let node = format!("/finesse/api/Queue/{id}");
        assert!(x.subscribe(&node).contains("subscription=\"subscribed\""));
    }
    x
}

#[test]
fn a_queue_assigned_to_a_team_reaches_its_members_and_supervisors() {
    let (emulator, client) = start(fast());
    let mut agent = watching(&emulator, "1001", &[]);
    let mut boss = watching(&emulator, "2001", &[]);
    emulator
        .add_queue(QueueConfig::new(12, "Support"))
        .expect("new queue");
    // Assigned to no one: nobody's list changed.
    assert!(agent.next_event(QUIET).is_none());
    emulator.assign_queue(12, "5007").expect("assigned");
    for (x, id) in [(&mut agent, "1001"), (&mut boss, "2001")] {
        let e = x.next_event(Duration::from_secs(5)).expect("queue list");
        let node = format!("/finesse/api/User/{id}/Queues");
        assert_eq!(e.node, node);
        // DEVNET `userqueue-notification`, `notification-parameters`: `post` with the
        // queues added, the list's source, an empty requestId.
        assert_eq!(e.field("event").as_deref(), Some("post"));
        assert_eq!(e.field("source").as_deref(), Some(node.as_str()));
        assert_eq!(e.field("requestId").as_deref(), Some(""));
        assert!(
            e.update.starts_with(
                "<Update><data><Queues><Queue><uri>/finesse/api/Queue/12</uri>\
                 <name>Support</name><statistics><callsInQueue>0</callsInQueue>"
            ),
            "{}",
            e.update
        );
    }
    let r = client.get_as("1002", "/finesse/api/User/1002/Queues");
    assert!(
        r.body.contains("<uri>/finesse/api/Queue/12</uri>"),
        "{}",
        r.body
    );
    // Assigning it again changes nothing.
    emulator.assign_queue(12, "5007").expect("idempotent");
    assert!(agent.next_event(QUIET).is_none());
}

#[test]
fn a_queue_removed_from_a_team_is_deleted_for_those_who_lose_it() {
    let (emulator, client) = start(fast());
    emulator.add_agent(
        AgentConfig::new("3001", "neo", "secret3001")
            .name("Tom", "Anderson")
            .team("6000", "Support"),
    );
    emulator.assign_queue(10, "6000").expect("assigned");
    let mut agent = watching(&emulator, "1001", &[10]);
    let mut other = watching(&emulator, "3001", &[10]);
    emulator.unassign_queue(10, "5007").expect("removed");

    let events = agent.events_until_quiet(QUIET);
    let list = events
        .iter()
        .find(|e| e.node == "/finesse/api/User/1001/Queues")
        .expect("the list's DELETE");
    assert_eq!(
        list.update,
        "<Update><data><Queues><Queue><uri>/finesse/api/Queue/10</uri></Queue></Queues></data>\
         <event>delete</event><requestId></requestId>\
         <source>/finesse/api/User/1001/Queues</source></Update>"
    );
    let queue = events
        .iter()
        .find(|e| e.node == "/finesse/api/Queue/10")
        .expect("the queue's DELETE");
    // DEVNET `queue-notifications`, "Payload (DELETE)".
    assert_eq!(
        queue.update,
        "<Update><data><Queue><uri>/finesse/api/Queue/10</uri></Queue></data>\
         <event>delete</event><requestId></requestId>\
         <source>/finesse/api/Queue/10</source></Update>"
    );
    // The member of team 6000 keeps the queue: neither DELETE reaches it.
    assert!(other.next_event(QUIET).is_none());

    let r = client.get_as("1001", "/finesse/api/User/1001/Queues");
    assert!(r.body.ends_with("<Queues/>"), "{}", r.body);
    let r = client.get_as("3001", "/finesse/api/User/3001/Queues");
    assert!(r.body.contains("<uri>/finesse/api/Queue/10</uri>"));
    // The queue itself remains, with team 6000's statistics.
    assert_eq!(client.get_as("1001", "/finesse/api/Queue/10").status, 200);
    // Everyone who had it through team 5007 was told, the supervisor included.
    let deleted: Vec<String> = emulator
        .notifications()
        .iter()
        .filter(|n| n.event == "delete" && n.node.ends_with("/Queues"))
        .map(|n| n.node.clone())
        .collect();
    assert_eq!(
        deleted,
        ["1001", "1002", "1003", "2001"].map(|id| format!("/finesse/api/User/{id}/Queues"))
    );
}

#[test]
fn statistics_keep_being_published_as_assignments_change() {
    let (emulator, client) = start(fast());
    emulator.publish_queue_statistics();
    sign_in(&emulator, &client, "1001", "1001001");
    emulator.assign_queue(11, "5007").expect("assigned");
    let before = emulator.notifications().len();
    // Queue 10 counts the agent signed in; 11, assigned now, no longer reads -1.
    assert_eq!(emulator.publish_queue_statistics(), 2);
    let published: Vec<_> = emulator.notifications()[before..]
        .iter()
        .filter(|n| n.event == "put")
        .map(|n| (n.node.clone(), n.update_xml.clone()))
        .collect();
    assert_eq!(published.len(), 2);
    assert_eq!(published[1].0, "/finesse/api/Queue/11");
    assert!(
        published[1]
            .1
            .contains("<agentsLoggedOn>1</agentsLoggedOn>")
    );
    emulator.unassign_queue(11, "5007").expect("removed");
    assert_eq!(emulator.publish_queue_statistics(), 1);
    let r = client.get_as("1001", "/finesse/api/Queue/11");
    assert_eq!(r.field("agentsLoggedOn").as_deref(), Some("-1"));
    // A reset brings back the configured queues.
    emulator
        .add_queue(QueueConfig::new(12, "Support"))
        .expect("added");
    emulator.reset();
    let ids: Vec<u64> = emulator.queues().iter().map(|q| q.id).collect();
    assert_eq!(ids, [10, 11]);
    assert_eq!(emulator.queues()[0].teams, ["5007"]);
}

#[test]
fn queues_change_through_the_control_api() {
    let (emulator, client) = start(fast());
    let control = Client::with_tls(emulator.control_url(), TlsConfig::default());
    let json = |method: &str, path: &str, body: &str| {
        control.request(
            method,
            path,
            &[("Content-Type", "application/json".to_owned())],
            body,
        )
    };
    let r = json("GET", "/queues", "");
    assert_eq!(r.status, 200);
    assert_eq!(
        r.body,
        r#"[{"id":10,"name":"Sales","teams":["5007"]},{"id":11,"name":"Overflow","teams":[]}]"#
    );
    let r = json(
        "POST",
        "/queues",
        r#"{"id": 12, "name": "Support", "teams": ["5007"]}"#,
    );
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body, r#"{"id":12}"#);
    assert_eq!(
        json("POST", "/queues", r#"{"id": 12, "name": "Again"}"#).status,
        409
    );
    assert_eq!(json("POST", "/queues", r#"{"id": 13}"#).status, 400);
    let r = client.get_as("1001", "/finesse/api/User/1001/Queues");
    assert!(r.body.contains("<name>Support</name>"));

    assert_eq!(json("DELETE", "/queues/12/teams/5007", "").status, 204);
    assert_eq!(json("PUT", "/queues/11/teams/5007", "").status, 204);
    let r = client.get_as("1001", "/finesse/api/User/1001/Queues");
    assert!(r.body.contains("<name>Overflow</name>") && !r.body.contains("Support"));
    assert_eq!(json("PUT", "/queues/99/teams/5007", "").status, 404);
    assert_eq!(json("DELETE", "/queues/x/teams/5007", "").status, 404);
    let teams: Vec<Vec<String>> = emulator.queues().into_iter().map(|q| q.teams).collect();
    assert_eq!(
        teams,
        [vec!["5007".to_owned()], vec!["5007".to_owned()], vec![]]
    );
}

#[test]
fn a_queue_removed_from_the_system_is_deleted_for_all_its_users() {
    let (emulator, client) = start(fast());
    emulator.add_agent(
        AgentConfig::new("3001", "neo", "secret3001")
            .name("Tom", "Anderson")
            .team("6000", "Support"),
    );
    emulator.assign_queue(10, "6000").expect("assigned");
    let mut agent = watching(&emulator, "1001", &[10]);
    let mut other = watching(&emulator, "3001", &[10]);
    emulator.remove_queue(10).expect("removed");

    // DEVNET `userqueue-notification`: also sent when a queue assigned to the user is removed
    // from the system; each user of either team is told on both nodes.
    for (watcher, user) in [(&mut agent, "1001"), (&mut other, "3001")] {
        let events = watcher.events_until_quiet(QUIET);
        let list = events
            .iter()
            .find(|e| e.node == format!("/finesse/api/User/{user}/Queues"))
            .expect("the list's DELETE");
        assert!(
            list.update
                .contains("<Queues><Queue><uri>/finesse/api/Queue/10</uri></Queue></Queues>"),
            "{}",
            list.update
        );
        assert!(events.iter().any(|e| e.node == "/finesse/api/Queue/10"));
    }
    assert_eq!(client.get_as("1001", "/finesse/api/Queue/10").status, 404);
    let r = client.get_as("3001", "/finesse/api/User/3001/Queues");
    assert!(r.body.ends_with("<Queues/>"), "{}", r.body);
    assert!(emulator.remove_queue(10).is_err());

    let control = Client::with_tls(emulator.control_url(), TlsConfig::default());
    assert_eq!(control.request("DELETE", "/queues/11", &[], "").status, 204);
    assert_eq!(control.request("DELETE", "/queues/11", &[], "").status, 404);
    assert!(emulator.queues().is_empty());
}

#[test]
fn ccx_publishes_no_queue_changes() {
    let (emulator, _client) = start(fast());
    emulator.set_deployment(Deployment::Ccx);
    let before = emulator.notifications().len();
    emulator
        .unassign_queue(10, "5007")
        .expect("the model changes");
    emulator
        .assign_queue(11, "5007")
        .expect("the model changes");
    assert_eq!(emulator.notifications().len(), before);
    assert_eq!(
        emulator.unassign_queue(99, "5007"),
        Err(ControlError::UnknownQueue("99".to_owned()))
    );
}
