//! Which notification transports each release offers (the README's "Release profiles"
//! table, reference 10.1), the ports SystemInfo reports, and XMPP over WebSocket on the
//! REST port at `/ws/` and `/ws`, as Finesse 12.x serves it.

mod common;

use std::time::Duration;

use common::xmpp::{Xmpp, upgrade_url};
use common::{Client, fast, field, sign_in, start};
use finesse_emulator::{Emulator, EmulatorConfig, Release};

/// (release, WebSocket, BOSH, STARTTLS, direct TLS), as the README table states them.
const OFFERED: [(Release, bool, bool, bool, bool); 5] = [
    (Release::Cce11_6, false, true, true, true),
    (Release::Cce12_0, true, true, true, true),
    (Release::Cce12_5, true, true, false, true),
    (Release::Cce12_6, true, true, false, true),
    (Release::Ccx12_5, true, true, false, true),
];

fn system_info(client: &Client) -> String {
    client
        .request("GET", "/finesse/api/SystemInfo", &[], "")
        .body
}

fn port(url: &str) -> String {
    url.rsplit(':')
        .next()
        .and_then(|p| p.split('/').next())
        .expect("port")
        .to_owned()
}

#[test]
fn each_release_offers_its_transports() {
    for (release, websocket, bosh, starttls, direct_tls) in OFFERED {
        let (emulator, client) = start(fast().release(release));
        assert_eq!(
            emulator.rest_websocket_url().is_some(),
            websocket,
            "{release}"
        );
        assert_eq!(emulator.bosh_url().is_some(), bosh, "{release}");
        assert_eq!(emulator.xmpp_url().is_some(), starttls, "{release}");
        assert_eq!(emulator.xmpps_url().is_some(), direct_tls, "{release}");
        // The emulator's own port serves in every profile.
        assert!(emulator.notification_url().ends_with("/ws"));

        let info = system_info(&client);
        let rest_port = port(&emulator.base_url());
        assert_eq!(
            field(&info, "httpsPort"),
            Some(rest_port.clone()),
            "{release}"
        );
        // The port of a transport the release turns away is left empty.
        let listed = |name: &str| field(&info, name).filter(|p| !p.is_empty());
        assert_eq!(
            listed("xmppPort"),
            emulator.xmpp_url().map(|u| port(&u)),
            "{release}"
        );
        assert_eq!(
            listed("xmppSecurePort"),
            emulator.xmpps_url().map(|u| port(&u)),
            "{release}"
        );
        if let Some(ws) = emulator.rest_websocket_url() {
            assert_eq!(ws, format!("wss://127.0.0.1:{rest_port}/ws/"));
        }
    }
}

#[test]
fn system_info_lists_the_node_in_the_devnet_order() {
    let (_emulator, client) = start(fast().release(Release::Cce12_0));
    let info = system_info(&client);
    let node = field(&info, "primaryNode").expect("primaryNode");
    let order: Vec<usize> = ["<host>", "<httpsPort>", "<xmppPort>", "<xmppSecurePort>"]
        .iter()
        .map(|tag| node.find(tag).expect(tag))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{node}");
}

fn sign_in_over(emulator: &Emulator, url: &str, resource: &str) -> Xmpp {
    let mut x = upgrade_url(emulator, url, Some("xmpp")).expect("upgrade").0;
    x.authenticate("1001", "secret1001");
    x.bind(resource);
    x.available();
    x
}

#[test]
fn the_rest_port_serves_websocket_at_ws_slash_and_ws() {
    let (emulator, client) = start(fast());
    let url = emulator.rest_websocket_url().expect("offered on 12.5");
    let mut slash = sign_in_over(&emulator, &url, "slash");
    let mut bare = sign_in_over(&emulator, url.trim_end_matches('/'), "bare");
    sign_in(&emulator, &client, "1001", "1001001");
    for x in [&mut slash, &mut bare] {
        let event = x.next_event(Duration::from_secs(5)).expect("an event");
        assert_eq!(event.node, "/finesse/api/User/1001");
        assert_eq!(event.field("state").as_deref(), Some("NOT_READY"));
    }
    // REST is still served on the same port.
    assert_eq!(client.get_as("1001", "/finesse/api/User/1001").status, 200);
}

#[test]
fn the_rest_port_refuses_upgrades_without_the_xmpp_subprotocol() {
    let (emulator, _) = start(fast());
    let url = emulator.rest_websocket_url().expect("offered");
    match upgrade_url(&emulator, &url, None) {
        Err(tungstenite::Error::Http(response)) => assert_eq!(response.status(), 400),
        other => panic!("upgrade without subprotocol: {:?}", other.map(|_| ())),
    }
}

#[test]
fn without_websocket_the_rest_port_has_no_ws_endpoint() {
    let (emulator, client) = start(fast().release(Release::Cce11_6));
    assert_eq!(emulator.rest_websocket_url(), None);
    let ws = format!("{}/ws/", emulator.base_url().replace("https", "wss"));
    match upgrade_url(&emulator, &ws, Some("xmpp")) {
        Err(tungstenite::Error::Http(response)) => assert_eq!(response.status(), 404),
        other => panic!("upgrade on 11.6: {:?}", other.map(|_| ())),
    }
    assert_eq!(client.request("GET", "/ws/", &[], "").status, 404);
}

#[test]
fn plain_http_serves_ws_and_bosh_in_the_clear() {
    let (emulator, _) = start(EmulatorConfig::new().plain_http(true));
    let ws = emulator.rest_websocket_url().expect("offered");
    assert!(
        ws.starts_with("ws://127.0.0.1:") && ws.ends_with("/ws/"),
        "{ws}"
    );
    let bosh = emulator.bosh_url().expect("offered");
    assert!(bosh.starts_with("http://127.0.0.1:") && bosh.ends_with("/http-bind/"));
    let mut x = sign_in_over(&emulator, &ws, "plain");
    assert!(x.ping("p", Duration::from_secs(5)).is_some());
    // XMPP over TCP stays on TLS.
    assert!(
        emulator
            .xmpps_url()
            .expect("offered")
            .starts_with("xmpps://")
    );
}
