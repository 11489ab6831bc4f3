//! Publishing what the state machine changed: each recorded [`Change`] becomes the
//! notifications Finesse sends for it, on its pub-sub nodes, with its document, from every
//! Finesse node that is operational: both nodes of a pair receive the CTI events and
//! publish them to their own sessions (reference 7.1). A node that lost its CTI connection
//! sends nothing but its SystemInfo ("no events are sent", reference 7.2).

use crate::node::Side;
use crate::notify::Notifier;
use crate::state::{Change, DialogEvent, World, queue_uri, removed_queue_item};
use crate::xml_out;
use crate::xml_system_info;

/// The event of an asynchronous error's Update: lower case, as real CCE 12.5 servers send
/// it (recorded: pokornyIt/finesse-api `XMPP/error-invalid-*.xml`, reference 10.4).
const CTI_ERROR_EVENT: &str = "put";

/// The event of a queue notification: lower case, as the guide's sample writes it (DEVNET
/// `queue-notifications`, "Sample Notification Payload (PUT)").
const QUEUE_EVENT: &str = "put";

/// The event of a queue's DELETE: lower case as its PUT (DEVNET `queue-notifications`,
/// "Payload (DELETE)" writes `{delete}`).
const QUEUE_DELETE_EVENT: &str = "delete";

/// The side of each notifier (`notifiers[i]` is the node of index `i`).
fn side_of(index: usize) -> Side {
    if index == 0 { Side::A } else { Side::B }
}

/// Publishes the statistics of every queue whose statistics changed since last published, on
/// its node `/finesse/api/Queue/<id>` (CCE; nothing on CCX), from every operational Finesse
/// node. Returns how many were published.
pub(crate) fn publish_queue_statistics(world: &mut World, notifiers: &mut [Notifier]) -> usize {
    let changed = world.changed_queues();
    for (i, notifier) in notifiers.iter_mut().enumerate() {
        if !world.nodes[i].operational() {
            continue;
        }
        for (id, data) in &changed {
            let node = queue_uri(*id);
            notifier.publish(node.clone(), QUEUE_EVENT, node, "", data);
        }
    }
    changed.len()
}

/// Renders and publishes the changes in the world's outbox, in order, and empties it.
pub(crate) fn publish_changes(world: &mut World, notifiers: &mut [Notifier]) {
    for change in std::mem::take(&mut world.changes) {
        for (i, notifier) in notifiers.iter_mut().enumerate() {
            publish(world, side_of(i), notifier, &change);
        }
    }
}

/// Publishes one change from the node on `side`, if that node publishes it.
fn publish(world: &World, side: Side, notifier: &mut Notifier, change: &Change) {
    let health = world.nodes[side.index()];
    match change {
        // The node's own status: sent while its web application runs, whatever the CTI
        // link (DEVNET "Failure Scenarios": "Finesse sends a SystemInfo notification of
        // status OUT_OF_SERVICE").
        Change::SystemInfo { side: of } => {
            if *of != side || health.web_app_down || health.down {
                return;
            }
            let data = xml_system_info::system_info(world, side, "SystemInfo");
            let node = "/finesse/api/SystemInfo".to_owned();
            notifier.publish(node.clone(), "PUT", node, "", &data);
        }
        Change::Only { side: of, change } => {
            if *of == side {
                publish(world, side, notifier, change);
            }
        }
        _ if !health.operational() => {}
        change => publish_event(world, notifier, change),
    }
}

/// Publishes a CTI event.
fn publish_event(world: &World, notifier: &mut Notifier, change: &Change) {
    match change {
        Change::SystemInfo { .. } | Change::Only { .. } => {}
        Change::User { agent, request_id } => {
            let data = xml_out::user(world, agent, "user");
            let node = format!("/finesse/api/User/{}", agent.cfg.login_id);
            let team_node = format!("/finesse/api/Team/{}/Users", agent.cfg.team_id);
            notifier.publish(node.clone(), "PUT", node.clone(), request_id, &data);
            notifier.publish(team_node, "PUT", node, request_id, &data);
        }
        Change::Dialog {
            dialog,
            actions,
            deliveries,
            request_id,
        } => {
            // A PUT carries the dialog itself, a POST or DELETE the collection with it.
            let item = xml_out::dialog(dialog, actions, "dialog");
            let listed = format!(
                "<dialogs>{}</dialogs>",
                xml_out::dialog(dialog, actions, "Dialog")
            );
            for (agent, event) in deliveries {
                let node = format!("/finesse/api/User/{agent}/Dialogs");
                let (source, data) = match event {
                    DialogEvent::Put => (format!("/finesse/api/Dialog/{}", dialog.id), &item),
                    DialogEvent::Post | DialogEvent::Delete => (node.clone(), &listed),
                };
                notifier.publish(node, event.as_str(), source, request_id, data);
            }
        }
        Change::TeamMessage {
            message,
            event,
            request_id,
        } => {
            let data = xml_out::team_message(message);
            let source = format!("/finesse/api/TeamMessage/{}", message.id);
            for team in &message.teams {
                let node = World::team_message_node(team);
                notifier.publish(node, event, source.clone(), request_id, &data);
            }
        }
        Change::UserQueues {
            login_id,
            event,
            data,
        } => {
            let node = format!("/finesse/api/User/{login_id}/Queues");
            notifier.publish(node.clone(), event, node, "", data);
        }
        Change::QueueRemoved { queue, users } => {
            let node = queue_uri(*queue);
            let data = removed_queue_item(*queue);
            notifier.publish_to(
                node.clone(),
                QUEUE_DELETE_EVENT,
                node,
                "",
                &data,
                Some(users),
            );
        }
        Change::UserError {
            login_id,
            request_id,
            error,
        } => {
            let node = format!("/finesse/api/User/{login_id}");
            let data = xml_out::cti_error(error);
            notifier.publish(node.clone(), CTI_ERROR_EVENT, node, request_id, &data);
        }
        Change::DialogError {
            login_id,
            dialog,
            request_id,
            error,
        } => {
            let node = format!("/finesse/api/User/{login_id}/Dialogs");
            let source = match dialog {
                Some(id) => format!("/finesse/api/Dialog/{id}"),
                None => node.clone(),
            };
            let data = xml_out::cti_error(error);
            notifier.publish(node, CTI_ERROR_EVENT, source, request_id, &data);
        }
    }
}
