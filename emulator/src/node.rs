//! The nodes of an emulated Finesse cluster: side A (the primary) and side B (the
//! secondary), where each node is, and what is wrong with it.
//!
//! Two Finesse nodes serve one peripheral, both active, both connected to the CTI server,
//! each with its own notification service (reference 7.1; DG12.5 "Failover Mechanisms").
//! The emulator runs one node, or a pair sharing one CTI state ([`crate::Emulator::start_pair`]).

use std::fmt;
use std::time::SystemTime;

use serde::Serialize;

use crate::transports::NodePorts;

/// Finesse nodes per peripheral: side A and side B (reference 7.1).
pub(crate) const MAX_NODES: usize = 2;

/// Which node of the pair.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub enum Side {
    /// Side A, the primary node (the only node of a single-node emulator).
    #[default]
    A,
    /// Side B, the secondary node.
    B,
}

impl Side {
    /// `"A"` or `"B"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::A => "A",
            Side::B => "B",
        }
    }

    /// The other side.
    pub fn peer(self) -> Side {
        match self {
            Side::A => Side::B,
            Side::B => Side::A,
        }
    }

    /// Index in per-node tables.
    pub(crate) fn index(self) -> usize {
        match self {
            Side::A => 0,
            Side::B => 1,
        }
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a node is, as SystemInfo names it (`primaryNode`, `secondaryNode`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct NodeAddress {
    /// The host clients reach the node at: `https://<host>:<httpsPort>` is its REST API.
    pub host: String,
    /// Its ports.
    pub ports: NodePorts,
}

/// The nodes of the cluster, the same for both nodes' SystemInfo.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Topology {
    /// Side A.
    pub primary: NodeAddress,
    /// Side B; `None` for a single node.
    pub secondary: Option<NodeAddress>,
}

/// What is wrong with one node. Each fault follows a row of DEVNET "Failure Scenarios".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct NodeHealth {
    /// The node lost its CTI connection: SystemInfo OUT_OF_SERVICE, 503 but for
    /// SystemInfo, and no events but SystemInfo's ("Finesse loses connection to the CTI
    /// server": SystemInfo notification OUT_OF_SERVICE; reference 7.2, 7.3).
    pub cti_down: bool,
    /// When the CTI connection was last lost or regained; `None`: up since the start.
    pub cti_changed: Option<SystemTime>,
    /// The notification service is down: no notification transport answers. Finesse then
    /// reports itself OUT_OF_SERVICE ("If any dependent service goes down, Finesse goes to
    /// OUT_OF_SERVICE state (for example, if the Cisco Finesse Notification Service is
    /// down)", DEVNET "Cisco Finesse API Errors", 503).
    pub notification_down: bool,
    /// Tomcat or the Finesse web application is down: REST answers 503 and the `finesse`
    /// user's presence is unavailable (DEVNET "Failure Scenarios").
    pub web_app_down: bool,
    /// The whole node is down: nothing of it answers.
    pub down: bool,
}

impl NodeHealth {
    /// Whether SystemInfo says IN_SERVICE.
    pub fn in_service(self) -> bool {
        !self.cti_down && !self.notification_down
    }

    /// Whether the node's web application runs, sees its users' presence and talks to CTI:
    /// what it takes to publish events and to sign agents out by itself.
    pub fn operational(self) -> bool {
        self.in_service() && !self.web_app_down && !self.down
    }
}
