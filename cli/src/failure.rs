//! Why a command failed, and how that is told: a line of text or a JSON object on stderr.

use std::fmt;

use finesse_client::Error;
use serde_json::{Value, json};

use crate::exit::{self, Class};

/// A failed command.
#[derive(Debug)]
pub enum Failure {
    /// An error from the library; `doing` says what was being done, when the error alone
    /// would not.
    Finesse {
        /// The error.
        error: Error,
        /// What was being done.
        doing: Option<String>,
    },
    /// A wrong argument the library never saw; nothing was sent.
    Usage(String),
    /// A change that was awaited and not seen in time (the demo's steps).
    NotSeen(String),
    /// The notification session ended for good (`ConnectionState::Failed`): the service
    /// rejected the credentials, or another session took over.
    SessionEnded {
        /// Why, as the library says it.
        reason: String,
        /// The XMPP condition, `not-authorized` for rejected credentials.
        condition: String,
    },
    /// Anything else: output not written, the built-in emulator not started.
    Other(String),
}

impl Failure {
    /// A library error met while doing `doing`.
    pub fn doing(doing: impl Into<String>) -> impl FnOnce(Error) -> Failure {
        let doing = doing.into();
        move |error| Failure::Finesse {
            error,
            doing: Some(doing),
        }
    }

    /// The class, which gives the exit code.
    pub fn class(&self) -> Class {
        match self {
            Failure::Finesse { error, .. } => exit::of(error.kind()),
            Failure::Usage(_) => exit::INVALID_ARGUMENT,
            Failure::NotSeen(_) => exit::TIMEOUT,
            Failure::SessionEnded { condition, .. } if condition == "not-authorized" => {
                exit::AUTHENTICATION
            }
            Failure::SessionEnded { .. } => exit::REFUSED,
            Failure::Other(_) => exit::OTHER,
        }
    }

    /// The JSON form: `{"error": {"kind", "message", "exit_code", ...}}`, with the server's
    /// details (HTTP status, request id, its errors, the field at fault) when there are any.
    pub fn to_json(&self) -> Value {
        let class = self.class();
        let mut error = json!({
            "kind": class.kind,
            "message": self.to_string(),
            "exit_code": class.code,
        });
        if let Failure::Finesse { error: e, .. } = self {
            let details = error.as_object_mut().expect("an object");
            if let Some(status) = e.http_status() {
                details.insert("http_status".into(), json!(status));
            }
            if let Some(id) = e.request_id() {
                details.insert("request_id".into(), json!(id));
            }
            if !e.api_errors().is_empty() {
                details.insert("api_errors".into(), json!(e.api_errors()));
            }
            if let Error::InvalidArgument { field, .. } = e {
                details.insert("field".into(), json!(field));
            }
        }
        json!({ "error": error })
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Finesse {
                error,
                doing: Some(doing),
            } => write!(f, "{doing}: {}", error.to_string_with_causes()),
            Failure::Finesse { error, doing: None } => f.write_str(&error.to_string_with_causes()),
            Failure::Usage(message) | Failure::NotSeen(message) | Failure::Other(message) => {
                f.write_str(message)
            }
            Failure::SessionEnded { reason, .. } => {
                write!(f, "the notification session ended: {reason}")
            }
        }
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure::Finesse { error, doing: None }
    }
}
