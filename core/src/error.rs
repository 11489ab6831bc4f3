//! The one error type of the library, from which C status codes and Python exceptions map.

use std::fmt;

use crate::model::ApiError;

/// The underlying failure of an [`Error`]: an I/O error, ureq's or rustls's error.
pub type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Everything that can go wrong in a call to Finesse.
///
/// The variants separate what a caller must handle differently:
/// - [`Error::InvalidArgument`]: rejected before sending; nothing left the process.
/// - [`Error::Api`]: the server answered with an error status; the request was not carried out.
/// - [`Error::Cti`]: the server accepted a command (202), then the CTI server refused it.
/// - [`Error::Transport`], [`Error::Tls`], [`Error::Timeout`]: the server could not be reached,
///   or (for a GET) did not answer in time. No command was carried out.
/// - [`Error::OutcomeUnknown`]: a command (PUT/POST) may have reached the server, but no answer
///   came back. Retrying could, for example, dial twice; check the state first.
/// - [`Error::Refused`]: the notification service refused the session or a request of it
///   (another session took its resource, a subscription was refused); it was reached.
/// - [`Error::Decode`]: the server's answer could not be understood.
/// - [`Error::Token`]: the application's token provider gave no usable token; nothing was
///   sent.
/// - [`Error::FailingOver`]: the client is moving to the other node; nothing was sent.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// An argument was rejected before anything was sent.
    InvalidArgument {
        /// The argument or field at fault, e.g. `call_variables[callVariable3]`.
        field: String,
        /// Why it was rejected.
        message: String,
    },
    /// The server rejected the request with an HTTP error status.
    Api(Box<ApiFailure>),
    /// A command was accepted, then refused by the CTI server (seen when waiting on it).
    Cti(Box<CtiFailure>),
    /// The server could not be reached: no connection, name not resolved, connection refused.
    Transport {
        /// What failed.
        message: String,
        /// The URL that was being reached, when known.
        url: Option<String>,
        /// The underlying failure (an I/O error, ureq's error), also given by
        /// [`std::error::Error::source`].
        source: Option<Cause>,
    },
    /// The TLS handshake failed: untrusted certificate, name mismatch, protocol error.
    Tls {
        /// What failed.
        message: String,
        /// The URL that was being reached, when known.
        url: Option<String>,
        /// The underlying failure (rustls's error), also given by
        /// [`std::error::Error::source`].
        source: Option<Cause>,
    },
    /// No answer in time, where the request is known to have had no effect (a GET, or a command
    /// that timed out while connecting).
    Timeout {
        /// Which step timed out.
        message: String,
        /// The command's `requestId`, when waiting on an accepted command timed out.
        request_id: Option<String>,
        /// The URL that was being reached, when known.
        url: Option<String>,
    },
    /// A command may or may not have been carried out: it was (perhaps partly) sent, and the
    /// answer never came. It is never resent automatically.
    OutcomeUnknown {
        /// The `requestId` the command carried; a later notification may echo it.
        request_id: String,
        /// What happened.
        message: String,
        /// The URL the command was sent to.
        url: Option<String>,
        /// The underlying failure, also given by [`std::error::Error::source`].
        source: Option<Cause>,
    },
    /// A document from the server (or given to a `from_xml`) could not be decoded.
    Decode(DecodeError),
    /// The notification service (XMPP) refused: the sign-in, resource binding, a pub-sub
    /// subscription, or the stream itself (a stream error such as `conflict`).
    Refused(Box<Refusal>),
    /// The token provider gave no token (or one that cannot be sent); nothing was sent.
    Token {
        /// What went wrong.
        message: String,
        /// The provider's own error, also given by [`std::error::Error::source`].
        source: Option<Cause>,
    },
    /// A command was not sent because the client is moving REST and notifications to the
    /// other node (its current node failed): try again once connected there. Its class is
    /// [`ErrorKind::ServiceUnavailable`].
    FailingOver {
        /// The node that failed.
        from: String,
        /// The node the client is moving to.
        to: String,
    },
}

/// A refusal by the notification service, with the XMPP condition it gave (RFC 6120 §4.9.3
/// stream errors, §6.5 SASL failures, §8.3.3 stanza errors, XEP-0060 pub-sub errors).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Refusal {
    /// What was refused: `sign-in`, `starttls`, `bind`, `session`, `subscribe`,
    /// `unsubscribe`, or `stream` (the server ended the stream).
    pub operation: String,
    /// The condition, e.g. `not-authorized`, `conflict`, `item-not-found`.
    pub condition: String,
    /// The server's explanation, when it gave one.
    pub text: Option<String>,
    /// The pub-sub node of a refused subscription.
    pub node: Option<String>,
    /// The notification service's URL.
    pub url: String,
}

impl Refusal {
    /// Whether the credentials were rejected (a SASL failure saying so): retrying with the
    /// same ones could lock the account.
    pub fn is_authentication(&self) -> bool {
        self.operation == "sign-in"
            && matches!(
                self.condition.as_str(),
                "not-authorized" | "account-disabled" | "credentials-expired"
            )
    }
}

/// An HTTP error answer from Finesse, with every `ApiError` its body carried.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiFailure {
    /// The HTTP status code.
    pub status: u16,
    /// The errors parsed from the `ApiErrors` body, in order; empty when the body was not one.
    pub errors: Vec<ApiError>,
    /// The `requestId` the request carried, for commands.
    pub request_id: Option<String>,
    /// The start of a body that was not an `ApiErrors` document (an HTML page from a proxy).
    pub body_snippet: Option<String>,
    /// Where the server redirected to, for a 3xx answer.
    pub location: Option<String>,
}

impl ApiFailure {
    /// The first error's `ErrorType`, if any.
    pub fn error_type(&self) -> Option<&str> {
        self.errors.first().map(|e| e.error_type.as_str())
    }
}

/// A command refused by the CTI server after Finesse accepted it: the asynchronous
/// `apiErrors` notification that echoed its request id.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CtiFailure {
    /// The errors, e.g. `Generic Error` with CTI code 20999 in `error_data`.
    pub errors: Vec<ApiError>,
    /// The refused command's `requestId`.
    pub request_id: Option<String>,
    /// The resource the command acted on.
    pub source: String,
}

/// A document that could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// The kind of document, e.g. `Dialog`.
    pub document: &'static str,
    /// What is wrong with it.
    pub message: String,
}

impl DecodeError {
    pub(crate) fn new(document: &'static str, message: impl Into<String>) -> Self {
        DecodeError {
            document,
            message: message.into(),
        }
    }
}

/// The class of an [`Error`], stable across versions: what C status codes and Python exception
/// classes are derived from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// [`Error::InvalidArgument`].
    InvalidArgument,
    /// [`Error::Api`] with status 401: bad credentials or a locked account;
    /// [`Error::Refused`] when the notification service rejected the credentials; or
    /// [`Error::Token`].
    Authentication,
    /// [`Error::Api`] refusing a signed-in user an object that is not theirs: error type
    /// `Invalid Supervisor` (a supervisor acting on someone outside their teams) or
    /// `Invalid Authorization User Specified` (an agent acting on another user), sent with
    /// status 401 (DG12.5 "User API Errors"). The credentials are good: retrying them is safe.
    Permission,
    /// [`Error::Api`] with status 404.
    NotFound,
    /// [`Error::Api`] whose error type is `Invalid State`, whatever its status (400, or 401
    /// as some Dialog and User requests send it).
    InvalidState,
    /// [`Error::Api`] with status 503: the node is out of service; or [`Error::FailingOver`].
    ServiceUnavailable,
    /// Any other [`Error::Api`].
    Api,
    /// [`Error::Cti`].
    Cti,
    /// [`Error::Transport`].
    Transport,
    /// [`Error::Tls`].
    Tls,
    /// [`Error::Timeout`].
    Timeout,
    /// [`Error::OutcomeUnknown`].
    OutcomeUnknown,
    /// [`Error::Decode`].
    Decode,
    /// [`Error::Refused`], but for rejected credentials, which are
    /// [`ErrorKind::Authentication`].
    Refused,
}

impl Error {
    /// The class of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidArgument { .. } => ErrorKind::InvalidArgument,
            Error::Api(failure) => match failure.status {
                // 401 is used for more than credentials (DG12.5 User API errors).
                _ if failure.error_type() == Some("Invalid State") => ErrorKind::InvalidState,
                401 if matches!(
                    failure.error_type(),
                    Some("Invalid Supervisor" | "Invalid Authorization User Specified")
                ) =>
                {
                    ErrorKind::Permission
                }
                401 => ErrorKind::Authentication,
                404 => ErrorKind::NotFound,
                503 => ErrorKind::ServiceUnavailable,
                _ if failure.error_type() == Some("Invalid State") => ErrorKind::InvalidState,
                _ => ErrorKind::Api,
            },
            Error::Cti(_) => ErrorKind::Cti,
            Error::Transport { .. } => ErrorKind::Transport,
            Error::Tls { .. } => ErrorKind::Tls,
            Error::Timeout { .. } => ErrorKind::Timeout,
            Error::OutcomeUnknown { .. } => ErrorKind::OutcomeUnknown,
            Error::Decode(_) => ErrorKind::Decode,
            Error::Refused(refusal) if refusal.is_authentication() => ErrorKind::Authentication,
            Error::Refused(_) => ErrorKind::Refused,
            Error::Token { .. } => ErrorKind::Authentication,
            Error::FailingOver { .. } => ErrorKind::ServiceUnavailable,
        }
    }

    /// The HTTP status of an API error.
    pub fn http_status(&self) -> Option<u16> {
        match self {
            Error::Api(failure) => Some(failure.status),
            _ => None,
        }
    }

    /// The server's errors, for an API or CTI error; empty otherwise.
    pub fn api_errors(&self) -> &[ApiError] {
        match self {
            Error::Api(failure) => &failure.errors,
            Error::Cti(failure) => &failure.errors,
            _ => &[],
        }
    }

    /// The `requestId` of the command this error belongs to, if any.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(failure) => failure.request_id.as_deref(),
            Error::Cti(failure) => failure.request_id.as_deref(),
            Error::OutcomeUnknown { request_id, .. } => Some(request_id),
            Error::Timeout { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// The URL that was being reached when a transport, TLS, timeout or outcome-unknown error
    /// happened, when known.
    pub fn url(&self) -> Option<&str> {
        match self {
            Error::Transport { url, .. }
            | Error::Tls { url, .. }
            | Error::Timeout { url, .. }
            | Error::OutcomeUnknown { url, .. } => url.as_deref(),
            Error::Refused(refusal) => Some(&refusal.url),
            _ => None,
        }
    }

    /// This error and every cause under it, on one line (`outer: cause: root cause`), for
    /// where only text travels (C, logs, the CLI).
    pub fn to_string_with_causes(&self) -> String {
        let mut text = self.to_string();
        let mut cause = std::error::Error::source(self);
        while let Some(e) = cause {
            let line = e.to_string();
            // Some causes repeat what they wrap (ureq's "io: …" over the I/O error): say each
            // thing once.
            if !text.ends_with(&line) {
                text.push_str(": ");
                text.push_str(&line);
            }
            cause = e.source();
        }
        text
    }

    pub(crate) fn timeout(message: impl Into<String>) -> Self {
        Error::Timeout {
            message: message.into(),
            request_id: None,
            url: None,
        }
    }

    pub(crate) fn transport(message: impl Into<String>) -> Self {
        Error::Transport {
            message: message.into(),
            url: None,
            source: None,
        }
    }

    pub(crate) fn tls(message: impl Into<String>) -> Self {
        Error::Tls {
            message: message.into(),
            url: None,
            source: None,
        }
    }

    /// Names the URL being reached (transport, TLS, timeout and outcome-unknown errors).
    pub(crate) fn at(mut self, at: &str) -> Self {
        if let Error::Transport { url, .. }
        | Error::Tls { url, .. }
        | Error::Timeout { url, .. }
        | Error::OutcomeUnknown { url, .. } = &mut self
        {
            *url = Some(at.to_owned());
        }
        self
    }

    pub(crate) fn token(message: impl Into<String>) -> Self {
        Error::Token {
            message: message.into(),
            source: None,
        }
    }

    /// Keeps the underlying failure (transport, TLS, outcome-unknown and token errors).
    pub(crate) fn caused_by(mut self, cause: impl Into<Cause>) -> Self {
        if let Error::Transport { source, .. }
        | Error::Tls { source, .. }
        | Error::OutcomeUnknown { source, .. }
        | Error::Token { source, .. } = &mut self
        {
            *source = Some(cause.into());
        }
        self
    }

    pub(crate) fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidArgument {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidArgument { field, message } => {
                write!(
                    f,
                    "invalid argument `{field}`: {message} (nothing was sent)"
                )
            }
            Error::Api(failure) => fmt::Display::fmt(failure, f),
            Error::Cti(failure) => fmt::Display::fmt(failure, f),
            Error::Transport { message, url, .. } => {
                f.write_str("server not reachable")?;
                write_url(f, url)?;
                write!(f, ": {message}")
            }
            Error::Tls { message, url, .. } => {
                f.write_str("TLS failure")?;
                write_url(f, url)?;
                write!(f, ": {message}")
            }
            Error::Timeout { message, url, .. } => {
                f.write_str("timed out")?;
                write_url(f, url)?;
                write!(f, ": {message}")
            }
            Error::OutcomeUnknown {
                request_id,
                message,
                url,
                ..
            } => {
                write!(f, "outcome unknown for request {request_id}")?;
                write_url(f, url)?;
                write!(
                    f,
                    ": {message}; the command may have been carried out, check before retrying"
                )
            }
            Error::Decode(e) => fmt::Display::fmt(e, f),
            Error::Refused(refusal) => fmt::Display::fmt(refusal, f),
            Error::Token { message, .. } => write!(f, "no access token: {message}"),
            Error::FailingOver { from, to } => write!(
                f,
                "failing over from {from} to {to}: nothing was sent; try again once connected"
            ),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the notification service at {} refused ", self.url)?;
        match (&self.node, self.operation.as_str()) {
            (Some(node), op) => write!(f, "{op} to node {node}")?,
            (None, "stream") => f.write_str("to go on with the stream")?,
            (None, op) => f.write_str(op)?,
        }
        write!(f, ": {}", self.condition)?;
        if let Some(text) = &self.text {
            write!(f, " ({})", shown(text))?;
        }
        Ok(())
    }
}

/// The most of each server-given text a message shows: a server can send megabytes, and a
/// message ends up in logs and dialogs. The errors themselves keep everything.
const SHOWN_CHARS: usize = 300;
/// The most server errors a message lists.
const SHOWN_ERRORS: usize = 5;

/// `text`, cut to [`SHOWN_CHARS`] characters with an ellipsis.
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]).into(),
        None => text.into(),
    }
}

/// Writes how many errors a message left out.
fn write_more(f: &mut fmt::Formatter<'_>, errors: &[ApiError]) -> fmt::Result {
    match errors.len().checked_sub(SHOWN_ERRORS) {
        Some(more) if more > 0 => write!(f, " (and {more} more)"),
        _ => Ok(()),
    }
}

impl fmt::Display for ApiFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}", self.status)?;
        for e in self.errors.iter().take(SHOWN_ERRORS) {
            write!(f, ": {}", shown(&e.error_type))?;
            if !e.error_message.is_empty() {
                write!(f, " ({})", shown(&e.error_message))?;
            }
            if !e.error_data.is_empty() {
                write!(f, " [{}]", shown(&e.error_data))?;
            }
        }
        write_more(f, &self.errors)?;
        if let Some(location) = &self.location {
            write!(f, ": redirected to {}", shown(location))?;
        }
        if let Some(snippet) = &self.body_snippet {
            write!(f, ": {snippet}")?;
        }
        Ok(())
    }
}

impl fmt::Display for CtiFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "refused by the CTI server")?;
        for e in self.errors.iter().take(SHOWN_ERRORS) {
            write!(
                f,
                ": {} ({}) [{}]",
                shown(&e.error_type),
                shown(&e.error_message),
                shown(&e.error_data)
            )?;
        }
        write_more(f, &self.errors)
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot decode {} document: {}",
            self.document, self.message
        )
    }
}

/// ` at <url>`, when the URL is known.
fn write_url(f: &mut fmt::Formatter<'_>, url: &Option<String>) -> fmt::Result {
    match url {
        Some(url) => write!(f, " at {url}"),
        None => Ok(()),
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport { source, .. }
            | Error::Tls { source, .. }
            | Error::OutcomeUnknown { source, .. }
            | Error::Token { source, .. } => source
                .as_deref()
                .map(|e| e as &(dyn std::error::Error + 'static)),
            // The others say everything in their own text: Api, Cti and Decode display the
            // failure they wrap.
            _ => None,
        }
    }
}
impl std::error::Error for ApiFailure {}
impl std::error::Error for CtiFailure {}
impl std::error::Error for DecodeError {}

impl From<DecodeError> for Error {
    fn from(e: DecodeError) -> Self {
        Error::Decode(e)
    }
}
