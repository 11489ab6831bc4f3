//! How users and dialogs are printed: one line each, or JSON.

use finesse_client::{ConnectionState, Dialog, Event, User};

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

/// The call variables that have a value, as `name=value` pairs.
pub fn variables_line(dialog: &Dialog) -> Option<String> {
    let set: Vec<String> = dialog
        .media_properties
        .call_variables
        .iter()
        .filter(|v| !v.value.is_empty())
        .map(|v| format!("{}={}", v.name, v.value))
        .collect();
    (!set.is_empty()).then(|| format!("  call data: {}", set.join(" ")))
}

/// Prints a document as pretty JSON.
pub fn json<T: serde::Serialize>(value: &T) -> Result<(), String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
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
            ConnectionState::Connected { node } => format!("notifications connected to {node}"),
            ConnectionState::Disconnected { reason } => {
                format!("notifications disconnected: {reason}")
            }
            ConnectionState::ServiceAvailable { available: true } => {
                "Finesse service available".to_owned()
            }
            ConnectionState::ServiceAvailable { available: false } => {
                "Finesse service unavailable".to_owned()
            }
            ConnectionState::Closed => "notifications closed".to_owned(),
            _ => format!("{state:?}"),
        },
        Event::Other { event, source, .. } => format!("{event} {source}"),
        _ => format!("{event:?}"),
    }
}

/// Prints a value as one line of JSON.
pub fn json_line<T: serde::Serialize>(value: &T) -> Result<(), String> {
    let text = serde_json::to_string(value).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(())
}
