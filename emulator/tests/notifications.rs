//! The notification log and live subscription: one Update per change, on the right node.

mod common;

use std::time::Duration;

use common::{fast, make_call, sign_in, start, wait_dialog};

#[test]
fn subscribers_see_updates_as_they_happen() {
    let (emulator, client) = start(fast());
    let live = emulator.subscribe();
    sign_in(&emulator, &client, "1001", "1001001");
    let n = live
        .recv_timeout(Duration::from_secs(5))
        .expect("a notification");
    assert_eq!(n.node, "/finesse/api/User/1001");
    assert!(n.update_xml.contains("<state>NOT_READY</state>"));
    assert_eq!(emulator.notifications_since(0)[0], n);
}

#[test]
fn timer_driven_updates_carry_an_empty_request_id() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    let id = make_call(&emulator, &client, "1001", "1001001", "5551234");
    wait_dialog(&emulator, &id, "ACTIVE");
    let answered = emulator
        .notifications()
        .into_iter()
        .rev()
        .find(|n| n.node.ends_with("/Dialogs"))
        .expect("dialog update");
    assert_eq!(answered.request_id, "");
    assert!(answered.update_xml.contains("<requestId></requestId>"));
}

#[test]
fn both_agents_of_a_call_are_notified() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    sign_in(&emulator, &client, "1002", "1002001");
    let id = make_call(&emulator, &client, "1001", "1001001", "1002001");
    wait_dialog(&emulator, &id, "ALERTING");
    let nodes: Vec<String> = emulator
        .notifications()
        .into_iter()
        .filter(|n| n.source.contains(&id) || n.update_xml.contains(&format!("<id>{id}</id>")))
        .map(|n| format!("{} {}", n.node, n.event))
        .collect();
    assert!(nodes.contains(&"/finesse/api/User/1001/Dialogs POST".to_owned()));
    assert!(nodes.contains(&"/finesse/api/User/1002/Dialogs POST".to_owned()));
    let seqs: Vec<u64> = emulator.notifications().iter().map(|n| n.seq).collect();
    assert!(seqs.windows(2).all(|w| w[1] == w[0] + 1));
}
