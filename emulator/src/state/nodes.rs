//! The health of each Finesse node as the platform sees it: a node losing and regaining its
//! CTI connection, its notification service, its web application, or the whole node.
//! Which faults exist and what clients see of them: DEVNET "Failure Scenarios" (see
//! [`crate::node::NodeHealth`]).

use super::{Change, DialogEvent, World};
use crate::node::Side;

impl World {
    /// The node's health.
    pub fn health(&self, side: Side) -> crate::node::NodeHealth {
        self.nodes[side.index()]
    }

    /// The node loses or regains its CTI connection. Losing it: SystemInfo goes
    /// OUT_OF_SERVICE (and is published), and the node sends no other event. Regaining it:
    /// SystemInfo IN_SERVICE is published, then the node publishes again the current User
    /// and Dialogs of every signed-in agent (DG12.5 failover chapter: on recovery Finesse
    /// republishes the last known states; reference 7.3).
    pub fn set_cti_down(&mut self, side: Side, down: bool) {
        let health = &mut self.nodes[side.index()];
        if health.cti_down == down {
            return;
        }
        health.cti_down = down;
        health.cti_changed = Some(std::time::SystemTime::now());
        self.changes.push(Change::SystemInfo { side });
        if !down {
            self.republish(side);
        }
    }

    /// The node's notification service stops or starts again. Finesse counts it as a
    /// dependent service: while it is down, SystemInfo says OUT_OF_SERVICE (DEVNET "Cisco
    /// Finesse API Errors", 503).
    pub fn set_notification_down(&mut self, side: Side, down: bool) {
        let health = &mut self.nodes[side.index()];
        if health.notification_down == down {
            return;
        }
        health.notification_down = down;
        self.changes.push(Change::SystemInfo { side });
    }

    /// The node's web application (Tomcat) stops or starts again.
    pub fn set_web_app_down(&mut self, side: Side, down: bool) {
        self.nodes[side.index()].web_app_down = down;
    }

    /// The whole node stops or starts again.
    pub fn set_node_down(&mut self, side: Side, down: bool) {
        self.nodes[side.index()].down = down;
    }

    /// Records, for the node on `side` only, every signed-in agent's User, then each dialog
    /// the agent has seen, as PUTs.
    fn republish(&mut self, side: Side) {
        let signed_in: Vec<String> = self
            .agents
            .values()
            .filter(|a| a.signed_in())
            .map(|a| a.cfg.login_id.clone())
            .collect();
        for login_id in signed_in {
            let Some(agent) = self.agents.get(&login_id) else {
                continue;
            };
            let user = Change::User {
                agent: Box::new(agent.clone()),
                request_id: String::new(),
            };
            self.changes.push(Change::Only {
                side,
                change: Box::new(user),
            });
            let dialogs: Vec<Change> = self
                .dialogs
                .values()
                .filter(|d| {
                    d.participants
                        .iter()
                        .any(|p| p.agent.as_deref() == Some(login_id.as_str()) && p.announced)
                })
                .map(|d| Change::Dialog {
                    dialog: Box::new(d.clone()),
                    actions: self.dialog_actions(d),
                    deliveries: vec![(login_id.clone(), DialogEvent::Put)],
                    request_id: String::new(),
                })
                .collect();
            for change in dialogs {
                self.changes.push(Change::Only {
                    side,
                    change: Box::new(change),
                });
            }
        }
    }
}
