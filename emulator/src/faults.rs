//! Per-node fault controls, each a row of DEVNET "Failure Scenarios" (reference 7.2): the
//! CTI connection lost, the notification service down, the web application down, the whole
//! node down, and one client's link cut. The same operations serve the Rust control API
//! ([`Emulator`]) and the control HTTP API (`control_http`), on the node they are called on.

use std::time::Duration;

use crate::Emulator;
use crate::engine::Engine;
use crate::errors::ControlError;
use crate::xmpp;

impl Engine {
    /// See [`Emulator::set_out_of_service`].
    pub fn set_out_of_service(&self, yes: bool) {
        let side = self.side();
        self.with_world(|w| w.set_cti_down(side, yes));
    }

    /// See [`Emulator::set_notification_service_down`].
    pub fn set_notification_service_down(&self, down: bool) {
        let side = self.side();
        self.with_world(|w| w.set_notification_down(side, down));
        if down {
            self.links().drop_all();
        }
    }

    /// See [`Emulator::set_web_app_down`].
    pub fn set_web_app_down(&self, down: bool) {
        let side = self.side();
        self.with_notifier(|w, n| {
            w.set_web_app_down(side, down);
            xmpp::set_service_available(&mut n.sessions, !down);
        });
    }

    /// See [`Emulator::set_node_down`].
    pub fn set_node_down(&self, down: bool) {
        let side = self.side();
        self.with_world(|w| w.set_node_down(side, down));
        if down {
            self.links().drop_all();
        }
    }

    /// See [`Emulator::cut_client_link`].
    pub fn cut_client_link(&self, login_id: &str) -> usize {
        let side = self.side();
        self.with_notifier(|w, n| xmpp::cut_user(side, w, &mut n.sessions, login_id))
    }

    /// See [`Emulator::issue_token`].
    pub fn issue_token(&self, login_id: &str, lifetime: Duration) -> String {
        self.with_world(|w| w.tokens.issue(login_id, lifetime))
    }

    /// As [`Engine::issue_token`], for a known agent only.
    pub fn issue_agent_token(
        &self,
        login_id: &str,
        lifetime: Duration,
    ) -> Result<String, ControlError> {
        self.with_world(|w| {
            if !w.agents.contains_key(login_id) {
                return Err(ControlError::UnknownAgent(login_id.to_owned()));
            }
            Ok(w.tokens.issue(login_id, lifetime))
        })
    }
}

impl Emulator {
    /// This node loses (`true`) or regains (`false`) its CTI connection, as in a CTI
    /// failover ("Finesse loses connection to the CTI server", DEVNET "Failure Scenarios";
    /// reference 7.2, 7.3). While out: SystemInfo says OUT_OF_SERVICE, its notification is
    /// published to the node's sessions, every REST request but SystemInfo answers 503,
    /// and the node publishes no other event (the CTI state goes on changing through the
    /// other node or the controls). On recovery: the IN_SERVICE notification, then the
    /// current User and every Dialog of each signed-in agent, published again by this node
    /// (DG12.5 failover chapter: Finesse republishes). A CTI failover hitting both nodes of
    /// a pair is this call on both.
    pub fn set_out_of_service(&self, yes: bool) {
        self.engine.set_out_of_service(yes);
    }

    /// This node's notification service goes down (`true`) or comes back: every
    /// notification transport of the node (the REST port's `/ws/` included) turns new
    /// connections away at once (the REST port's upgrade is answered 503), and its
    /// notification connections are dropped without a stream end ("Cisco Finesse
    /// Notification Service goes down": the client loses its XMPP connection, DEVNET
    /// "Failure Scenarios"). REST still answers, but Finesse counts the notification service
    /// as a dependent service: SystemInfo says OUT_OF_SERVICE and other requests answer 503
    /// meanwhile (DEVNET "Cisco Finesse API Errors", 503 Service Unavailable).
    pub fn set_notification_service_down(&self, down: bool) {
        self.engine.set_notification_service_down(down);
    }

    /// Tomcat or the Finesse web application of this node goes down (`true`) or comes
    /// back: the `finesse` user's presence becomes unavailable to every session of the
    /// node ("Cisco Finesse Tomcat goes down" / "Finesse web app goes down", DEVNET
    /// "Failure Scenarios") and every REST request, SystemInfo included, answers 503; on
    /// `false` the presence is available again and REST serves. The node's notification
    /// service keeps running; the node publishes no event and forces no one out meanwhile.
    pub fn set_web_app_down(&self, down: bool) {
        self.engine.set_web_app_down(down);
    }

    /// The whole node goes down (`true`) or comes back: its REST and notification
    /// listeners close new connections at once, requests on connections kept alive from
    /// before get no answer (the connection closes), and its notification connections are
    /// dropped without a stream end. The control API stays up. The node publishes nothing
    /// and forces no one out meanwhile. On `false`, everything serves again (clients sign
    /// in again: the sessions are gone).
    pub fn set_node_down(&self, down: bool) {
        self.engine.set_node_down(down);
    }

    /// Drops the agent's notification connections on this node abruptly, as a lost link
    /// would, and returns how many there were. The node treats those sessions as gone at
    /// once (presence unavailable), which starts the forced-logout timer when they were
    /// the agent's last available sessions on the node (see
    /// [`EmulatorConfig::forced_logout_after`](crate::EmulatorConfig::forced_logout_after)).
    pub fn cut_client_link(&self, login_id: &str) -> usize {
        self.engine.cut_client_link(login_id)
    }

    /// Issues a new random SSO access token for the agent, valid for `lifetime` (at most a
    /// week) on every node of a pair: as `Authorization: Bearer <token>` on REST, and as
    /// the password of the notification service's SASL PLAIN. Once expired, REST answers
    /// 401 and the notification service `not-authorized`; an expired token never counts
    /// as a wrong password. The emulator keeps the most recent 4096 tokens. A token for a
    /// login id that names no agent authenticates no one.
    pub fn issue_token(&self, login_id: &str, lifetime: Duration) -> String {
        self.engine.issue_token(login_id, lifetime)
    }
}
