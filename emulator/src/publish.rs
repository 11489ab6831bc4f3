//! Publishing what the state machine changed: each recorded [`Change`] becomes the
//! notifications Finesse sends for it, on its nodes, with its document.

use crate::notify::Notifier;
use crate::state::{Change, DialogEvent, World};
use crate::xml_out;

/// The event of an asynchronous error's Update: lower case, as real CCE 12.5 servers send
/// it (recorded: pokornyIt/finesse-api `XMPP/error-invalid-*.xml`, reference 10.4).
const CTI_ERROR_EVENT: &str = "put";

/// The event of a queue notification: lower case, as the guide's sample writes it (DEVNET
/// `queue-notifications`, "Sample Notification Payload (PUT)").
const QUEUE_EVENT: &str = "put";

/// Publishes the statistics of every queue whose statistics changed since last published, on
/// its node `/finesse/api/Queue/<id>` (CCE; nothing on CCX). Returns how many were published.
pub(crate) fn publish_queue_statistics(world: &mut World, notifier: &mut Notifier) -> usize {
    let changed = world.changed_queues();
    for (id, data) in &changed {
        let node = format!("/finesse/api/Queue/{id}");
        notifier.publish(node.clone(), QUEUE_EVENT, node, "", data);
    }
    changed.len()
}

/// Renders and publishes the changes in the world's outbox, in order, and empties it.
pub(crate) fn publish_changes(world: &mut World, notifier: &mut Notifier) {
    for change in std::mem::take(&mut world.changes) {
        publish(world, notifier, change);
    }
}

fn publish(world: &World, notifier: &mut Notifier, change: Change) {
    match change {
        Change::SystemInfo => {
            let data = xml_out::system_info(world, "SystemInfo");
            let node = "/finesse/api/SystemInfo".to_owned();
            notifier.publish(node.clone(), "PUT", node, "", &data);
        }
        Change::User { agent, request_id } => {
            let data = xml_out::user(world, &agent, "user");
            let node = format!("/finesse/api/User/{}", agent.cfg.login_id);
            let team_node = format!("/finesse/api/Team/{}/Users", agent.cfg.team_id);
            notifier.publish(node.clone(), "PUT", node.clone(), &request_id, &data);
            notifier.publish(team_node, "PUT", node, &request_id, &data);
        }
        Change::Dialog {
            dialog,
            actions,
            deliveries,
            request_id,
        } => {
            // A PUT carries the dialog itself, a POST or DELETE the collection with it.
            let item = xml_out::dialog(&dialog, &actions, "dialog");
            let listed = format!(
                "<dialogs>{}</dialogs>",
                xml_out::dialog(&dialog, &actions, "Dialog")
            );
            for (agent, event) in deliveries {
                let node = format!("/finesse/api/User/{agent}/Dialogs");
                let (source, data) = match event {
                    DialogEvent::Put => (format!("/finesse/api/Dialog/{}", dialog.id), &item),
                    DialogEvent::Post | DialogEvent::Delete => (node.clone(), &listed),
                };
                notifier.publish(node, event.as_str(), source, &request_id, data);
            }
        }
        Change::UserError {
            login_id,
            request_id,
            error,
        } => {
            let node = format!("/finesse/api/User/{login_id}");
            let data = xml_out::cti_error(&error);
            notifier.publish(node.clone(), CTI_ERROR_EVENT, node, &request_id, &data);
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
            let data = xml_out::cti_error(&error);
            notifier.publish(node, CTI_ERROR_EVENT, source, &request_id, &data);
        }
    }
}
