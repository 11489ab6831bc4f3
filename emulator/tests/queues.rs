//! Queues over real sockets (CCE): GET Queue and User/Queues with statistics computed from
//! the agents, `-1` for a queue assigned to no one, the queue node's notifications on change,
//! and CCX's absence of queues. Sources: DEVNET `queue—get-queue`,
//! `queue—get-list-of-queues-for-user`, `queue-notifications`.

mod common;

use common::{fast, sign_in, start, wait_agent};
use finesse_emulator::Deployment;

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
