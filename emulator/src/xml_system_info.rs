//! The SystemInfo document of one node (`GET /finesse/api/SystemInfo`, and the payload of
//! its notification), in the structure and element order of DEVNET `systeminfo` ("The
//! SystemInfo object is structured as follows", the 12.6(2)-era guide; reference 5.1,
//! 10.3): `currentTimestamp`, `deploymentType`, `lastCTIHeartbeatStatus`,
//! `lastSuccessCTIHeartbeatTime`, `ctiVersion`, `ctiHeartbeatInterval`, `ctiMMode`,
//! `ctiTimeInMMode`, `finesseMMode`, `finesseTimeInMMode`, `license`, `peripheralId`,
//! `primaryNode` and `secondaryNode` (each `host`, `httpsPort`, `xmppPort`,
//! `xmppSecurePort`), `status`, `statusReason`, `systemAuthMode`, `timezoneOffset`, `uri`,
//! `xmppDomain`, `xmppPubSubDomain`, `ctiServers` (two `ctiServer`, each `host`,
//! `connectedDuration`, `active`): 33 leaf elements. Values follow DEVNET
//! `systeminfo-api-parameters`. The 12.5(1) guide's structure (DG12.5 p333) is a subset
//! (no maintenance mode, ports or CTI servers); the emulator writes the whole structure in
//! every release, and clients skip what they do not know.
//!
//! Both nodes of a pair name the same `primaryNode` (side A) and `secondaryNode` (side B);
//! a single node names itself as primary, with an empty `secondaryNode`.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::node::{NodeAddress, Side};
use crate::release::Release;
use crate::state::World;
use crate::transports::Transports;
use crate::xml_out::{Xml, timestamp};
use crate::xmpp;

/// CTI heartbeat interval in seconds: Finesse goes out of service after three missed
/// heartbeats at 5 s (reference 7.3).
const CTI_HEARTBEAT_INTERVAL: &str = "5";

/// Seconds in maintenance mode while not in it: "The time will be negative if the [server]
/// is not in maintenance mode" (DEVNET `systeminfo-api-parameters`).
const NOT_IN_MAINTENANCE: &str = "-1";

/// The CTI protocol version a CCE release speaks: 24 from 12.6 (maintenance mode needs
/// "CTI protocol version 24 and above", DEVNET `rest-services-systeminfo`), 23 before (a
/// 12.5 node's SystemInfo reports 23: Acqueon "System Information" sample). CCX has no CTI
/// server of this kind: empty.
fn cti_version(release: Release) -> &'static str {
    match release {
        Release::Ccx12_5 => "",
        Release::Cce12_6 => "24",
        _ => "23",
    }
}

fn millis_since_epoch(t: SystemTime) -> String {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis().to_string())
        .unwrap_or_default()
}

fn node(x: &mut Xml, name: &str, address: Option<&NodeAddress>, offered: Transports) {
    x.open(name);
    if let Some(a) = address {
        // The TCP ports of transports the release turns away are left empty.
        let port = |on: bool, port: u16| if on { port.to_string() } else { String::new() };
        x.leaf("host", &a.host)
            .leaf("httpsPort", &a.ports.https.to_string())
            .leaf("xmppPort", &port(offered.starttls, a.ports.xmpp))
            .leaf(
                "xmppSecurePort",
                &port(offered.direct_tls, a.ports.xmpp_secure),
            );
    } else {
        x.leaf("host", "")
            .leaf("httpsPort", "")
            .leaf("xmppPort", "")
            .leaf("xmppSecurePort", "");
    }
    x.close(name);
}

/// The SystemInfo document of the node on `side`; `root` is `SystemInfo`.
pub(crate) fn system_info(world: &World, side: Side, root: &str) -> String {
    let health = world.health(side);
    let now = SystemTime::now();
    let cti_up = !health.cti_down;
    let release = world.release;
    let ccx = world.ccx();
    let offered = Transports::of(release);
    let mut x = Xml::new();
    x.open(root)
        .leaf("currentTimestamp", &timestamp(now))
        .leaf("deploymentType", release.deployment().deployment_type())
        .leaf(
            "lastCTIHeartbeatStatus",
            if cti_up { "success" } else { "failure" },
        )
        .leaf(
            "lastSuccessCTIHeartbeatTime",
            &millis_since_epoch(if cti_up {
                now
            } else {
                health.cti_changed.unwrap_or(now)
            }),
        )
        .leaf("ctiVersion", cti_version(release))
        .leaf("ctiHeartbeatInterval", CTI_HEARTBEAT_INTERVAL)
        // Empty: maintenance mode not initiated.
        .leaf("ctiMMode", "")
        .leaf("ctiTimeInMMode", NOT_IN_MAINTENANCE)
        .leaf("finesseMMode", "")
        .leaf("finesseTimeInMMode", NOT_IN_MAINTENANCE)
        // The Unified CCX license (blank on CCE, DEVNET `desktop-configuration-api-parameters`).
        .leaf("license", if ccx { "PREMIUM" } else { "" })
        // 5000 is the default peripheral id (DEVNET `systemconfig-api-parameters`).
        .leaf("peripheralId", if ccx { "" } else { "5000" });
    node(
        &mut x,
        "primaryNode",
        Some(&world.topology.primary),
        offered,
    );
    node(
        &mut x,
        "secondaryNode",
        world.topology.secondary.as_ref(),
        offered,
    );
    let cti_hosts = ["cti-a.localhost", "cti-b.localhost"];
    x.leaf(
        "status",
        if health.in_service() {
            "IN_SERVICE"
        } else {
            "OUT_OF_SERVICE"
        },
    )
    // No documented values: empty.
    .leaf("statusReason", "")
    .leaf("systemAuthMode", "NON_SSO")
    .leaf("timezoneOffset", "0")
    .leaf("uri", "/finesse/api/SystemInfo")
    .leaf("xmppDomain", xmpp::DOMAIN)
    .leaf("xmppPubSubDomain", xmpp::PUBSUB_DOMAIN)
    .open("ctiServers");
    // A duplexed CTI server: side A active while the node is connected.
    let connected = health.cti_changed.unwrap_or(world.started);
    for (i, host) in cti_hosts.iter().enumerate() {
        let active = cti_up && i == 0;
        let duration = if active {
            now.duration_since(connected).unwrap_or_default().as_secs()
        } else {
            0
        };
        x.open("ctiServer")
            .leaf("host", host)
            .leaf("connectedDuration", &duration.to_string())
            .leaf("active", if active { "true" } else { "false" })
            .close("ctiServer");
    }
    x.close("ctiServers").close(root);
    x.finish()
}
