//! How results are printed on stdout: one line each, or JSON.

use finesse_client::{
    ConnectionState, Dialog, Event, Outcome, PhoneBook, Queue, ReasonCode, TeamMessage, User,
    WrapUpReason,
};
use serde_json::json;

use crate::failure::Failure;

/// One line about the agent: id, state, reason, pending state, extension.
pub fn user_line(user: &User) -> String {
    let mut line = format!("agent {}  {}", user.login_id, user.state);
    match (&user.reason_code, user.reason_code_id) {
        (Some(reason), _) => {
            let code = reason.code.map(|c| c.to_string()).unwrap_or_default();
            line.push_str(&format!(" (reason {code} {})", reason.label));
        }
        (None, Some(id)) => line.push_str(&format!(" (reason id {id})")),
        (None, None) => {}
    }
    if let Some(pending) = &user.pending_state {
        line.push_str(&format!("  pending {pending}"));
    }
    if let Some(ext) = &user.extension {
        line.push_str(&format!("  extension {ext}"));
    }
    line
}

/// One line about a team message: id, sender, teams, how long it shows, and its text.
pub fn team_message_line(message: &TeamMessage) -> String {
    let from = message.created_by.as_ref().map_or_else(
        || "?".to_owned(),
        |by| format!("{} ({} {})", by.id, by.first_name, by.last_name),
    );
    let minutes = message
        .duration
        .map_or_else(|| "?".to_owned(), |d| (d / 60).to_string());
    format!(
        "team message {}  from {}  to {}  for {} min: {}",
        message.id,
        from,
        message.teams.join(","),
        minutes,
        message.content
    )
}

/// One line about a queue: id, name, calls waiting and the agents by state; `-` for a
/// statistic the server left empty, `-1` as the server writes it for a queue assigned to no
/// one.
pub fn queue_line(queue: &Queue) -> String {
    let s = &queue.statistics;
    let n = |v: Option<i64>| v.map_or_else(|| "-".to_owned(), |v| v.to_string());
    let mut line = format!(
        "queue {}  {}  waiting {}",
        queue.id.map_or_else(|| "?".to_owned(), |id| id.to_string()),
        queue.name,
        n(s.calls_in_queue)
    );
    if let Some(since) = &s.start_time_of_longest_call_in_queue {
        line.push_str(&format!(" (longest since {since})"));
    }
    line.push_str(&format!(
        "  ready {}  not ready {}  talking {}/{}/{} (in/out/internal)  wrap-up {}/{} (ready/not ready)  \
         busy other {}  signed in {}",
        n(s.agents_ready),
        n(s.agents_not_ready),
        n(s.agents_talking_inbound),
        n(s.agents_talking_outbound),
        n(s.agents_talking_internal),
        n(s.agents_wrap_up_ready),
        n(s.agents_wrap_up_not_ready),
        n(s.agents_busy_other),
        n(s.agents_logged_on),
    ));
    line
}

/// One line about a call: id, state, parties and their states.
pub fn dialog_line(dialog: &Dialog) -> String {
    let parties: Vec<String> = dialog
        .participants
        .iter()
        .map(|p| match &p.state_cause {
            Some(cause) => format!("{} {} ({cause})", p.media_address, p.state),
            None => format!("{} {}", p.media_address, p.state),
        })
        .collect();
    format!(
        "dialog {}  {}  {} -> {}  [{}]",
        dialog.id,
        dialog.state,
        dialog.from_address,
        dialog.to_address,
        parties.join(", ")
    )
}

/// The call variables that have a value, as `name=value` pairs, and the wrap-up reason.
pub fn variables_line(dialog: &Dialog) -> Option<String> {
    let media = &dialog.media_properties;
    let mut set: Vec<String> = media
        .call_variables
        .iter()
        .filter(|v| !v.value.is_empty())
        .map(|v| format!("{}={}", v.name, v.value))
        .collect();
    if let Some(reason) = media.wrap_up_reason.as_ref().filter(|r| !r.is_empty()) {
        set.push(format!("wrapUpReason={reason}"));
    }
    (!set.is_empty()).then(|| format!("  call data: {}", set.join(" ")))
}

/// One line about a reason code: id, category, code, label.
pub fn reason_code_line(code: &ReasonCode) -> String {
    let id = code.id.map(|i| i.to_string()).unwrap_or_default();
    let category = code.category.as_ref().map(|c| c.as_str()).unwrap_or("");
    let number = code.code.map(|c| c.to_string()).unwrap_or_default();
    let system = if code.system_code == Some(true) {
        "  (system, not selectable)"
    } else {
        ""
    };
    format!(
        "{id:>6}  {category:<9}  code {number:<6} {}{system}",
        code.label
    )
}

/// One line about a wrap-up reason: id and label (the label is what `call-data --wrap-up`
/// takes).
pub fn wrap_up_reason_line(reason: &WrapUpReason) -> String {
    let id = reason.id.map(|i| i.to_string()).unwrap_or_default();
    format!("{id:>6}  {}", reason.label)
}

/// A phone book as lines: its name and type, then a line per contact (number, name,
/// description).
pub fn phone_book_lines(book: &PhoneBook) -> Vec<String> {
    let kind = book.book_type.as_ref().map_or("?", |t| t.as_str());
    let mut lines = vec![format!("{} ({kind})", book.name)];
    lines.extend(book.contacts.iter().map(|c| {
        let name = format!("{} {}", c.first_name, c.last_name);
        format!(
            "  {:<16}  {:<24}  {}",
            c.phone_number,
            name.trim(),
            c.description
        )
        .trim_end()
        .to_owned()
    }));
    lines
}

/// Prints a call: its line, and its call data when any is set.
pub fn dialog(dialog: &Dialog) {
    println!("{}", dialog_line(dialog));
    if let Some(vars) = variables_line(dialog) {
        println!("{vars}");
    }
}

/// Prints the outcome of a command: the User, the Dialog, or that the call ended.
pub fn outcome(outcome: &Outcome, as_json: bool) -> Result<(), Failure> {
    match (outcome, as_json) {
        (Outcome::User(user), true) => json(user),
        (Outcome::User(user), false) => {
            println!("{}", user_line(user));
            Ok(())
        }
        (Outcome::Dialog(d), true) => json(d),
        (Outcome::Dialog(d), false) => {
            dialog(d);
            Ok(())
        }
        (Outcome::Ended { dialog_id }, true) => json(&json!({
            "dialog_id": dialog_id,
            "ended": true,
        })),
        (Outcome::Ended { dialog_id }, false) => {
            println!("dialog {dialog_id}  ended");
            Ok(())
        }
        // An outcome added to the library after this CLI: shown as the library shows it.
        (other, true) => json(&json!({ "outcome": format!("{other:?}") })),
        (other, false) => {
            println!("{other:?}");
            Ok(())
        }
    }
}

/// Prints what `--no-wait` returns: the command's request id.
pub fn accepted(request_id: &str, as_json: bool) -> Result<(), Failure> {
    if as_json {
        return json(&json!({ "request_id": request_id }));
    }
    println!("accepted, request {request_id}");
    Ok(())
}

/// Prints a document, or a list of them as an array, as pretty JSON.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure::Other(e.to_string()))?;
    println!("{text}");
    Ok(())
}

/// One line about an event.
pub fn event_line(event: &Event) -> String {
    match event {
        Event::UserChanged { user, .. } => user_line(user),
        Event::DialogAdded { dialog, .. } | Event::DialogChanged { dialog, .. } => {
            dialog_line(dialog)
        }
        Event::DialogRemoved { dialog, .. } => format!("dialog {}  ended", dialog.id),
        Event::CtiError { errors, source, .. } => {
            let what: Vec<String> = errors
                .iter()
                .map(|e| format!("{} {} ({})", e.error_type, e.error_data, e.error_message))
                .collect();
            format!("CTI error on {source}: {}", what.join("; "))
        }
        Event::SystemStatusChanged { info } => format!("Finesse node {}", info.status),
        Event::Connection(state) => match state {
            ConnectionState::Connected { node, transport } => {
                format!("notifications connected to {node} ({transport})")
            }
            ConnectionState::Disconnected { reason } => {
                format!("notifications disconnected, recovering: {reason}")
            }
            ConnectionState::FailingOver { from, to } => {
                format!("failing over from {from} to {to}")
            }
            ConnectionState::OutOfService { node } => format!("{node} out of service"),
            ConnectionState::Recovered { node, changes } => {
                format!("recovered on {node}: {changes} changes read again")
            }
            ConnectionState::ServiceAvailable { available: true } => {
                "Finesse service available".to_owned()
            }
            ConnectionState::ServiceAvailable { available: false } => {
                "Finesse service unavailable".to_owned()
            }
            ConnectionState::Failed { reason, condition } => {
                format!("notifications ended ({condition}): {reason}")
            }
            ConnectionState::Closed => "notifications closed".to_owned(),
            _ => format!("{state:?}"),
        },
        Event::Dropped { count } => {
            format!("{count} events dropped, not read in time: states shown may be stale")
        }
        Event::TeamChanged { team, .. } => {
            let states: Vec<String> = team
                .users
                .iter()
                .map(|u| format!("{} {}", u.login_id, u.state))
                .collect();
            format!("team {} {}: {}", team.id, team.name, states.join(", "))
        }
        Event::QueueChanged { queue } => queue_line(queue),
        Event::QueueRemoved { queue } => format!("queue {} removed", queue.uri),
        Event::TeamMessageReceived { message, .. } => team_message_line(message),
        Event::TeamMessageDeleted { message, .. } => {
            format!("team message {} deleted", message.id)
        }
        Event::Other { event, source, .. } => format!("{event} {source}"),
        _ => format!("{event:?}"),
    }
}

/// Prints a value as one line of JSON.
pub fn json_line<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string(value).map_err(|e| Failure::Other(e.to_string()))?;
    println!("{text}");
    Ok(())
}
