//! Status codes and the thread-local last error.

use std::cell::RefCell;
use std::ffi::{CString, c_char};

use ::finesse_client::{Error, ErrorKind, Refusal};

use crate::handles::lend;
use crate::models::{ApiErrorView, finesse_api_error};
use crate::panic::infallible;
use crate::strings::c_string;

/// The status every fallible function returns: `FINESSE_RESULT_OK` (0) or the class of the
/// failure. Details of a failure are in the thread-local last error (`finesse_last_error_*`).
///
/// The classes follow the library's error kinds; numbers are never reused for another meaning.
/// In C this is a `uint32_t`: compare it with the constants, never assume the list is complete.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum finesse_result {
    /// Success.
    Ok = 0,
    /// An argument was rejected before anything was sent: nothing left the process.
    InvalidArgument = 1,
    /// HTTP 401: bad credentials or a locked account. Never retry blindly: repeated bad
    /// passwords lock the agent out.
    Authentication = 2,
    /// HTTP 404: no such resource (user, dialog).
    NotFound = 3,
    /// The server refused the request in the current state (`ErrorType` `Invalid State`).
    InvalidState = 4,
    /// HTTP 503: the node is out of service; back off or use the other node.
    ServiceUnavailable = 5,
    /// Any other error answer from the server; see the last error's HTTP status and API errors.
    Api = 6,
    /// The server could not be reached (connection refused, name not resolved). Nothing was
    /// carried out.
    Transport = 7,
    /// The TLS handshake failed (untrusted certificate, name mismatch). Nothing was carried out.
    Tls = 8,
    /// No answer in time, where the request had no effect (a GET, or a connect timeout). From
    /// `finesse_accepted_wait`: the command was accepted but its outcome was not seen in time;
    /// it may still be carried out (the last error carries its request id).
    Timeout = 9,
    /// A command may or may not have been carried out: it was sent and no answer came back.
    /// Retrying could, for example, dial twice: check the state first.
    OutcomeUnknown = 10,
    /// A document could not be decoded.
    Decode = 11,
    /// Finesse accepted a command, then the CTI server refused it (an asynchronous error); the
    /// last error carries its API errors and request id.
    Cti = 12,
    /// `finesse_next_event`: no event came within the timeout. Not a failure of the session:
    /// call again.
    NoEvent = 13,
    /// The notification service was reached and refused: a pub-sub subscription (`forbidden`
    /// for a node the user may not read, `item-not-found`), the resource binding, or the
    /// session itself (a stream error such as `conflict`: another session took the
    /// resource). Rejected credentials are `FINESSE_RESULT_AUTHENTICATION` instead. The
    /// last error carries the XMPP condition, what was refused and the node
    /// (`finesse_last_error_refusal_*`).
    Refused = 14,
    /// HTTP 401 for a signed-in user acting on what is not theirs: `Invalid Supervisor` (a
    /// supervisor and a team it does not supervise, or one of its members) or `Invalid
    /// Authorization User Specified` (an agent and another user). The credentials are good.
    Permission = 15,
    /// A required pointer argument was NULL. Nothing was done.
    NullArgument = 100,
    /// A string argument was not valid UTF-8. Nothing was done.
    InvalidUtf8 = 101,
    /// The library hit an internal error (a Rust panic) and stopped this call safely.
    Panic = 102,
}

/// Why a call failed, before it is turned into a status code and the last error.
pub(crate) enum Failure {
    /// Any error of the core library.
    Core(Error),
    /// An error while waiting on the accepted command with this request id.
    Waited(Error, String),
    /// No event came within this many milliseconds.
    NoEvent(u32),
    /// The named pointer argument was NULL.
    NullArgument(String),
    /// The named string argument was not UTF-8.
    InvalidUtf8(String),
    /// A panic, with its message when it had one.
    Panic(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}

/// An argument that core never sees (a C enum value) was out of range.
pub(crate) fn invalid_argument(field: &str, message: String) -> Failure {
    Failure::Core(Error::InvalidArgument {
        field: field.to_owned(),
        message,
    })
}

/// The status code of a core error kind.
fn code_of(kind: ErrorKind) -> finesse_result {
    match kind {
        ErrorKind::InvalidArgument => finesse_result::InvalidArgument,
        ErrorKind::Authentication => finesse_result::Authentication,
        ErrorKind::NotFound => finesse_result::NotFound,
        ErrorKind::InvalidState => finesse_result::InvalidState,
        ErrorKind::ServiceUnavailable => finesse_result::ServiceUnavailable,
        ErrorKind::Transport => finesse_result::Transport,
        ErrorKind::Tls => finesse_result::Tls,
        ErrorKind::Timeout => finesse_result::Timeout,
        ErrorKind::OutcomeUnknown => finesse_result::OutcomeUnknown,
        ErrorKind::Decode => finesse_result::Decode,
        ErrorKind::Cti => finesse_result::Cti,
        ErrorKind::Refused => finesse_result::Refused,
        ErrorKind::Permission => finesse_result::Permission,
        // `Api` and any kind added to core later: a server-side error without its own code.
        _ => finesse_result::Api,
    }
}

/// The details of the most recent failure on this thread.
struct LastError {
    code: finesse_result,
    message: CString,
    http_status: u16,
    api_errors: Vec<ApiErrorView>,
    request_id: Option<CString>,
    url: Option<CString>,
    refusal: Option<RefusalView>,
}

/// A refusal of the notification service, its strings converted once.
struct RefusalView {
    operation: CString,
    condition: CString,
    text: Option<CString>,
    node: Option<CString>,
}

impl RefusalView {
    fn new(refusal: &Refusal) -> Self {
        RefusalView {
            operation: c_string(&refusal.operation),
            condition: c_string(&refusal.condition),
            text: refusal.text.as_deref().map(c_string),
            node: refusal.node.as_deref().map(c_string),
        }
    }
}

thread_local! {
    static LAST_ERROR: RefCell<Option<LastError>> = const { RefCell::new(None) };
}

/// Records `failure` as this thread's last error and returns its status code.
pub(crate) fn record(failure: Failure) -> finesse_result {
    let last = match failure {
        Failure::Core(e) => core_error(&e, None),
        Failure::Waited(e, request_id) => core_error(&e, Some(&request_id)),
        Failure::NoEvent(timeout_ms) => simple(
            finesse_result::NoEvent,
            &format!("no event within {timeout_ms} ms"),
        ),
        Failure::NullArgument(name) => simple(
            finesse_result::NullArgument,
            &format!("argument `{name}` is NULL"),
        ),
        Failure::InvalidUtf8(name) => simple(
            finesse_result::InvalidUtf8,
            &format!("argument `{name}` is not valid UTF-8"),
        ),
        Failure::Panic(message) => simple(
            finesse_result::Panic,
            &format!("internal error (panic): {message}"),
        ),
    };
    let code = last.code;
    LAST_ERROR.with_borrow_mut(|slot| *slot = Some(last));
    code
}

/// The last error of a core error; `request_id` is the command's, when the error is about one
/// that carries none of its own.
fn core_error(e: &Error, request_id: Option<&str>) -> LastError {
    LastError {
        code: code_of(e.kind()),
        // C has only the text: the causes go into it.
        message: c_string(&e.to_string_with_causes()),
        http_status: e.http_status().unwrap_or(0),
        api_errors: e
            .api_errors()
            .iter()
            .cloned()
            .map(ApiErrorView::new)
            .collect(),
        request_id: e.request_id().or(request_id).map(c_string),
        url: e.url().map(c_string),
        refusal: match e {
            Error::Refused(refusal) => Some(RefusalView::new(refusal)),
            _ => None,
        },
    }
}

fn simple(code: finesse_result, message: &str) -> LastError {
    LastError {
        code,
        message: c_string(message),
        http_status: 0,
        api_errors: Vec::new(),
        request_id: None,
        url: None,
        refusal: None,
    }
}

/// Reads the last error; the pointers handed out stay valid until it is replaced or cleared.
fn with_last<T>(default: T, f: impl FnOnce(&LastError) -> T) -> T {
    LAST_ERROR.with_borrow(|slot| slot.as_ref().map_or(default, f))
}

/// A string of the last error's refusal, or NULL when the last error is not a refusal.
fn refusal_str(f: impl FnOnce(&RefusalView) -> Option<&CString>) -> *const c_char {
    infallible(|| with_last(None, |e| e.refusal.as_ref().and_then(f).map(|s| s.as_ptr())))
}

fn api_error<T>(index: usize, f: impl FnOnce(&ApiErrorView) -> T) -> Option<T> {
    LAST_ERROR.with_borrow(|slot| slot.as_ref().and_then(|e| e.api_errors.get(index)).map(f))
}

/// The status code of the most recent failed call on this thread, or `FINESSE_RESULT_OK` when
/// none failed since the start or since `finesse_last_error_clear`.
///
/// The last error is per thread: each thread sees only its own calls. Successful calls leave
/// it unchanged; always check a function's return value first.
#[must_use]
#[unsafe(no_mangle)]
pub extern "C" fn finesse_last_error_code() -> finesse_result {
    infallible(|| Some(with_last(finesse_result::Ok, |e| e.code)))
}

/// A message describing the most recent failed call on this thread, or NULL when there is none.
///
/// Borrowed, NUL-terminated UTF-8, valid until the next failing call on this thread or
/// `finesse_last_error_clear`; do not free it. Never contains a password or token.
#[unsafe(no_mangle)]
pub extern "C" fn finesse_last_error_message() -> *const c_char {
    infallible(|| with_last(None, |e| Some(e.message.as_ptr())))
}

/// The HTTP status of the last error when the server answered with one (401, 404, 503, ...),
/// otherwise 0.
#[unsafe(no_mangle)]
pub extern "C" fn finesse_last_error_http_status() -> u16 {
    infallible(|| Some(with_last(0, |e| e.http_status)))
}

/// How many `ApiError` entries the server's error answer carried (0 when the last error is not
/// an error answer, or its body held none). `finesse_last_error_api_error` gives each.
#[unsafe(no_mangle)]
pub extern "C" fn finesse_last_error_api_count() -> usize {
    infallible(|| Some(with_last(0, |e| e.api_errors.len())))
}

/// API error `index` of the last error: its `ErrorType` (e.g. `"Invalid State"`),
/// `ErrorMessage` (e.g. `"SERVER_OUT_OF_SERVICE"`), `ErrorData` (the field, user or CTI code at
/// fault) and peripheral fields, read with the `finesse_api_error_*` accessors; NULL when there
/// is no such entry.
///
/// Borrowed, valid until the next failing call on this thread or `finesse_last_error_clear`;
/// never freed.
#[unsafe(no_mangle)]
pub extern "C" fn finesse_last_error_api_error(index: usize) -> *const finesse_api_error {
    infallible(|| api_error(index, lend::<finesse_api_error>))
}

/// The `requestId` of the command the last error belongs to (always set for
/// `FINESSE_RESULT_OUTCOME_UNKNOWN`), or NULL.
///
/// Borrowed, NUL-terminated, valid until the next failing call on this thread or
/// `finesse_last_error_clear`; do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn finesse_last_error_request_id() -> *const c_char {
    infallible(|| with_last(None, |e| e.request_id.as_ref().map(|id| id.as_ptr())))
}

/// The XMPP condition of the last error when the notification service refused (a
/// `FINESSE_RESULT_REFUSED` error, or a `FINESSE_RESULT_AUTHENTICATION` one from the
/// notification service's sign-in): e.g. `"forbidden"` for a subscription to a node the user
/// may not read, `"item-not-found"`, `"conflict"` when another session took the resource,
/// `"not-authorized"` for rejected credentials. NULL when the last error is not a refusal.
///
/// Borrowed, NUL-terminated, valid until the next failing call on this thread or
/// `finesse_last_error_clear`; do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn finesse_last_error_refusal_condition() -> *const c_char {
    refusal_str(|r| Some(&r.condition))
}

/// What the notification service refused, for a refusal (see
/// `finesse_last_error_refusal_condition`): `"subscribe"`, `"unsubscribe"`, `"sign-in"`,
/// `"starttls"`, `"bind"`, `"session"`, or `"stream"` (the server ended the stream). NULL
/// when the last error is not a refusal.
///
/// Borrowed, NUL-terminated, valid until the next failing call on this thread or
/// `finesse_last_error_clear`; do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn finesse_last_error_refusal_operation() -> *const c_char {
    refusal_str(|r| Some(&r.operation))
}

/// The pub-sub node of a refused subscription (e.g. `"/finesse/api/Team/5007/Users"`); NULL
/// when the refusal was not about a node, or the last error is not a refusal.
///
/// Borrowed, NUL-terminated, valid until the next failing call on this thread or
/// `finesse_last_error_clear`; do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn finesse_last_error_refusal_node() -> *const c_char {
    refusal_str(|r| r.node.as_ref())
}

/// The explanation the notification service gave with its refusal; NULL when it gave none,
/// or the last error is not a refusal.
///
/// Borrowed, NUL-terminated, valid until the next failing call on this thread or
/// `finesse_last_error_clear`; do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn finesse_last_error_refusal_text() -> *const c_char {
    refusal_str(|r| r.text.as_ref())
}

/// The URL (or `host:port`) being reached when the last error happened, for a transport,
/// TLS, timeout, outcome-unknown or refused error; NULL otherwise.
///
/// Borrowed, NUL-terminated, valid until the next failing call on this thread or
/// `finesse_last_error_clear`; do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn finesse_last_error_url() -> *const c_char {
    infallible(|| with_last(None, |e| e.url.as_ref().map(|url| url.as_ptr())))
}

/// A short English text for a status code (a `finesse_result`), e.g. `"outcome unknown"`;
/// `"unknown status"` for a code this library does not define. For messages and logs; the
/// last error's message says more.
///
/// Returns a static NUL-terminated string: never free it. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn finesse_result_text(code: u32) -> *const c_char {
    use finesse_result as R;
    const TEXTS: [(finesse_result, &str); 19] = [
        (R::Ok, "ok\0"),
        (R::InvalidArgument, "invalid argument\0"),
        (R::Authentication, "authentication failed\0"),
        (R::NotFound, "not found\0"),
        (R::InvalidState, "invalid state\0"),
        (R::ServiceUnavailable, "service unavailable\0"),
        (R::Api, "API error\0"),
        (R::Transport, "server not reachable\0"),
        (R::Tls, "TLS failure\0"),
        (R::Timeout, "timed out\0"),
        (R::OutcomeUnknown, "outcome unknown\0"),
        (R::Decode, "cannot decode\0"),
        (R::Cti, "refused by the CTI server\0"),
        (R::NoEvent, "no event\0"),
        (R::Refused, "refused by the notification service\0"),
        (R::Permission, "not allowed\0"),
        (R::NullArgument, "NULL argument\0"),
        (R::InvalidUtf8, "invalid UTF-8\0"),
        (R::Panic, "internal error\0"),
    ];
    let text = TEXTS
        .iter()
        .find(|(status, _)| *status as u32 == code)
        .map_or("unknown status\0", |(_, text)| text);
    text.as_ptr().cast()
}

/// Forgets this thread's last error: `finesse_last_error_code` returns `FINESSE_RESULT_OK`
/// again, and strings borrowed from the last error become invalid.
#[unsafe(no_mangle)]
pub extern "C" fn finesse_last_error_clear() {
    infallible(|| {
        LAST_ERROR.with_borrow_mut(|slot| *slot = None);
        Some(())
    })
}
