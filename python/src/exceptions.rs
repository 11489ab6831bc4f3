//! The exception classes, all under `FinesseError`, and the insecure-configuration warning.
//!
//! `TimeoutError` and `ValidationError` also derive from a built-in class (`TimeoutError`,
//! `ValueError`), so they are created at first use with two bases.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTimeoutError, PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

create_exception!(
    finesse_client,
    FinesseError,
    PyException,
    "The base class of every error the client raises."
);
create_exception!(
    finesse_client,
    ApiError,
    FinesseError,
    "The server rejected the request with an HTTP error status; it was not carried out.\n\n\
     Attributes: ``status`` (the HTTP status), ``error_type``, ``error_message`` and \
     ``error_data`` (of the first error in the body, or None), ``errors`` (every \
     ``ApiError``), ``request_id`` (for commands, else None)."
);
create_exception!(
    finesse_client,
    NotFoundError,
    ApiError,
    "HTTP 404: the user, dialog or resource does not exist."
);
create_exception!(
    finesse_client,
    AuthenticationError,
    ApiError,
    "HTTP 401: bad credentials or a locked account; or the notification \
     service rejected the credentials at its sign-in. Never retried: repeated bad passwords \
     lock the agent out.\n\n\
     Attributes: those of ``ApiError`` (from the notification service, ``status`` is 401 \
     too and ``errors`` is empty), and ``condition``, ``operation``, ``node`` and ``text`` \
     as ``RefusedError`` has them when the notification service refused (``condition`` \
     ``not-authorized``, ``operation`` ``sign-in``), else None."
);
create_exception!(
    finesse_client,
    InvalidStateError,
    ApiError,
    "The server refused the request in the current state (ErrorType ``Invalid State``)."
);
create_exception!(
    finesse_client,
    PermissionDeniedError,
    ApiError,
    "HTTP 401 for a signed-in user acting on what is not theirs: ErrorType ``Invalid \
     Supervisor`` (a team the user does not supervise, or one of its members) or ``Invalid \
     Authorization User Specified`` (another user's object). The credentials are good: \
     unlike ``AuthenticationError``, nothing is at risk of a lockout."
);
create_exception!(
    finesse_client,
    ServiceUnavailableError,
    ApiError,
    "HTTP 503: the node is out of service. Back off, or use the other node."
);
create_exception!(
    finesse_client,
    CtiError,
    ApiError,
    "Finesse accepted a command (HTTP 202), then the CTI server refused it: raised when the \
     command is waited on (``wait=``, ``Accepted.wait``).\n\n\
     Attributes: ``errors`` (every ``ApiError``; ``error_data`` is the CTI error \
     code, e.g. ``20999``), ``error_type``, ``error_message`` and ``error_data`` of the \
     first, ``request_id`` (the refused command's), ``source`` (the resource it acted on, \
     e.g. ``/finesse/api/Dialog/16777217``), and ``status``, 202: the HTTP request itself \
     was accepted."
);
create_exception!(
    finesse_client,
    RefusedError,
    FinesseError,
    "The notification service was reached and refused: a pub-sub subscription (``forbidden`` \
     for a node the user may not read, ``item-not-found``), the resource binding, or the \
     session itself (a stream error such as ``conflict``). Rejected credentials raise \
     ``AuthenticationError`` instead.\n\n\
     Attributes: ``condition`` (the XMPP condition, e.g. ``forbidden``), ``operation`` (what \
     was refused: ``subscribe``, ``unsubscribe``, ``bind``, ``session``, ``starttls``, \
     ``stream``...), ``node`` (the pub-sub node of a refused subscription, else None), \
     ``text`` (the server's explanation, or None)."
);
create_exception!(
    finesse_client,
    TransportError,
    FinesseError,
    "The server could not be reached: no connection, name not resolved, connection refused. \
     No command was carried out."
);
create_exception!(
    finesse_client,
    TlsError,
    FinesseError,
    "The TLS handshake failed: untrusted certificate, name mismatch, protocol error. No \
     command was carried out."
);
create_exception!(
    finesse_client,
    OutcomeUnknownError,
    FinesseError,
    "A command may or may not have been carried out: it was sent and no answer came. It is \
     never resent; check the state before retrying, as a retry could, for example, dial \
     twice.\n\nAttributes: ``request_id``, the ``requestId`` the command carried."
);
create_exception!(
    finesse_client,
    DecodeError,
    FinesseError,
    "A document from the server, or given to ``from_xml``, could not be decoded.\n\n\
     Attributes: ``document``, the kind of document (e.g. ``Dialog``)."
);
create_exception!(
    finesse_client,
    InsecureWarning,
    PyUserWarning,
    "Certificate verification is switched off (``verify=False``): anyone on the path can \
     read the agent's password and calls."
);

/// `finesse_client.TimeoutError`: a `FinesseError` and a built-in `TimeoutError`.
pub(crate) fn timeout_error(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    two_bases(
        py,
        &CLASS,
        "TimeoutError",
        "No answer in time, where the request is known to have had no effect (a read, or a \
         command that timed out while connecting); or, for a command waited on (``wait=``, \
         ``Accepted.wait``), its outcome was not seen in time: the command was accepted and \
         may still take effect. Also a built-in ``TimeoutError``.\n\n\
         Attributes: ``request_id``, the command's ``requestId`` when waiting on it timed \
         out, else None.",
        py.get_type::<PyTimeoutError>(),
    )
}

/// `finesse_client.ValidationError`: a `FinesseError` and a `ValueError`.
pub(crate) fn validation_error(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    two_bases(
        py,
        &CLASS,
        "ValidationError",
        "An argument was rejected before anything was sent. Also a ``ValueError``.\n\n\
         Attributes: ``field``, the argument or field at fault (e.g. \
         ``call_variables[callVariable3]``).",
        py.get_type::<PyValueError>(),
    )
}

/// A class deriving from `FinesseError` and `builtin`, created once.
fn two_bases<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyType>>,
    name: &str,
    doc: &str,
    builtin: Bound<'py, PyType>,
) -> PyResult<&'py Bound<'py, PyType>> {
    cell.get_or_try_init(py, || {
        let namespace = PyDict::new(py);
        namespace.set_item("__doc__", doc)?;
        namespace.set_item("__module__", "finesse_client")?;
        let bases = (py.get_type::<FinesseError>(), builtin);
        let class = py
            .get_type::<PyType>()
            .call1((name, bases, namespace))?
            .cast_into::<PyType>()?;
        Ok(class.unbind())
    })
    .map(|class| class.bind(py))
}

/// Adds every exception class and the warning to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("FinesseError", py.get_type::<FinesseError>())?;
    m.add("ApiError", py.get_type::<ApiError>())?;
    m.add("NotFoundError", py.get_type::<NotFoundError>())?;
    m.add("AuthenticationError", py.get_type::<AuthenticationError>())?;
    m.add("InvalidStateError", py.get_type::<InvalidStateError>())?;
    m.add(
        "PermissionDeniedError",
        py.get_type::<PermissionDeniedError>(),
    )?;
    m.add(
        "ServiceUnavailableError",
        py.get_type::<ServiceUnavailableError>(),
    )?;
    m.add("CtiError", py.get_type::<CtiError>())?;
    m.add("RefusedError", py.get_type::<RefusedError>())?;
    m.add("TransportError", py.get_type::<TransportError>())?;
    m.add("TlsError", py.get_type::<TlsError>())?;
    m.add("TimeoutError", timeout_error(py)?)?;
    m.add("OutcomeUnknownError", py.get_type::<OutcomeUnknownError>())?;
    m.add("ValidationError", validation_error(py)?)?;
    m.add("DecodeError", py.get_type::<DecodeError>())?;
    m.add("InsecureWarning", py.get_type::<InsecureWarning>())?;
    Ok(())
}
