//! Side A / side B: reads go to the node that answers; a command goes to the other node only
//! when the active one could not even be connected to.

mod common;

use std::net::TcpListener;

use common::*;
use finesse_client::{AgentState, Client, Config, ErrorKind, MakeCall};

fn closed_port_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    format!("https://{}", listener.local_addr().unwrap())
}

#[test]
fn an_unreachable_side_a_fails_over_to_side_b() {
    let side_b = emulator();
    let side_a = closed_port_url();
    let client = Client::new(
        Config::builder(&side_a)
            .secondary(side_b.base_url())
            .basic_auth("1001", "secret1001")
            .ca_pem(side_b.ca_pem())
            .build()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(client.active_node(), side_a);
    assert_eq!(client.user().unwrap().login_id, "1001");
    assert_eq!(client.active_node(), side_b.base_url());
    sign_in(&client, EXT_1001);
}

#[test]
fn a_command_goes_to_side_b_when_side_a_cannot_be_connected_to() {
    let side_b = emulator();
    let client = Client::new(
        Config::builder(closed_port_url())
            .secondary(side_b.base_url())
            .basic_auth("1001", "secret1001")
            .login_id("1001")
            .ca_pem(side_b.ca_pem())
            .build()
            .unwrap(),
    )
    .unwrap();
    client.sign_in(EXT_1001).unwrap();
    assert_eq!(client.active_node(), side_b.base_url());
    wait_user(&client, "NOT_READY", |u| u.state == AgentState::NotReady);
}

#[test]
fn an_out_of_service_side_a_serves_reads_from_side_b_but_never_resends_commands() {
    let side_a = emulator();
    let side_b = emulator();
    // Both emulators have their own CA: trust both.
    let client = Client::new(
        Config::builder(side_a.base_url())
            .secondary(side_b.base_url())
            .basic_auth("1001", "secret1001")
            .ca_pem(side_a.ca_pem())
            .ca_pem(side_b.ca_pem())
            .build()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(client.user().unwrap().login_id, "1001");
    assert_eq!(client.active_node(), side_a.base_url());
    side_a.set_out_of_service(true);
    // A command answered 503 is reported, not sent again elsewhere.
    let err = client
        .make_call(&MakeCall::new("6135551212").from_address(EXT_1001))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ServiceUnavailable);
    assert!(side_b.dialogs().is_empty());
    // A read moves to side B.
    client.user().unwrap();
    assert_eq!(client.active_node(), side_b.base_url());
}
