//! The core's `Error` as a Python exception: the class follows `Error::kind()`, and the
//! server's fields become attributes.

use finesse_client::{Error, ErrorKind, Refusal, model};
use pyo3::exceptions::{PyBaseException, PyException};
use pyo3::prelude::*;
use pyo3::types::PyType;

use crate::exceptions::{
    ApiError, AuthenticationError, CtiError, DecodeError, FinesseError, InvalidStateError,
    NotFoundError, OutcomeUnknownError, PermissionDeniedError, RefusedError,
    ServiceUnavailableError, TlsError, TransportError, timeout_error, validation_error,
};
use crate::models::ApiError as ApiErrorDetail;

/// The exception for a core error.
pub(crate) fn to_py(py: Python<'_>, err: Error) -> PyErr {
    build(py, err).unwrap_or_else(|failure| failure)
}

fn build(py: Python<'_>, err: Error) -> PyResult<PyErr> {
    let kind = err.kind();
    let class = class(py, kind)?;
    let exception = PyErr::from_type(class, err.to_string());
    let value = exception.value(py);
    value.setattr("url", err.url())?;
    exception.set_cause(py, cause(py, &err));
    if kind == ErrorKind::Timeout {
        // Set when waiting on an accepted command timed out.
        value.setattr("request_id", err.request_id())?;
    }
    if kind == ErrorKind::Authentication {
        // Set again below when the notification service refused.
        refusal_fields(value, None)?;
    }
    match err {
        Error::InvalidArgument { field, .. } => value.setattr("field", field)?,
        Error::Api(failure) => {
            value.setattr("status", failure.status)?;
            server_fields(value, &failure.errors, failure.request_id.as_deref())?;
        }
        Error::Cti(failure) => {
            // The HTTP request was accepted; the CTI server refused the command afterwards.
            value.setattr("status", 202)?;
            value.setattr("source", failure.source.as_str())?;
            server_fields(value, &failure.errors, failure.request_id.as_deref())?;
        }
        Error::OutcomeUnknown { request_id, .. } => value.setattr("request_id", request_id)?,
        Error::Decode(decode) => value.setattr("document", decode.document)?,
        Error::Refused(refusal) => {
            if kind == ErrorKind::Authentication {
                // The attributes every `ApiError` has: the notification service rejected
                // the credentials the REST API would answer 401 to.
                value.setattr("status", 401)?;
                server_fields(value, &[], None)?;
            }
            refusal_fields(value, Some(&*refusal))?;
        }
        _ => {}
    }
    Ok(exception)
}

/// The failure underneath `err` as a Python exception, for `__cause__`: an I/O error as the
/// `OSError` subclass Python raises for it (`ConnectionRefusedError`, with its errno), any
/// other cause as an `Exception` with its text.
fn cause(py: Python<'_>, err: &Error) -> Option<PyErr> {
    let source = std::error::Error::source(err)?;
    let Some(io) = source.downcast_ref::<std::io::Error>() else {
        return Some(PyException::new_err(source.to_string()));
    };
    // The class Python raises for this kind of I/O error.
    let class = PyErr::from(std::io::Error::from(io.kind())).get_type(py);
    Some(match io.raw_os_error() {
        // As `OSError(errno, strerror)`, so that `errno` and `strerror` are set.
        Some(code) => {
            let text = io.to_string();
            let strerror = text.split(" (os error").next().unwrap_or(&text).to_owned();
            PyErr::from_type(class, (code, strerror))
        }
        None => PyErr::from_type(class, io.to_string()),
    })
}

/// The attributes of a refusal by the notification service, or None for each.
fn refusal_fields(value: &Bound<'_, PyBaseException>, refusal: Option<&Refusal>) -> PyResult<()> {
    value.setattr("condition", refusal.map(|r| r.condition.as_str()))?;
    value.setattr("operation", refusal.map(|r| r.operation.as_str()))?;
    value.setattr("node", refusal.and_then(|r| r.node.as_deref()))?;
    value.setattr("text", refusal.and_then(|r| r.text.as_deref()))
}

/// The attributes an `ApiError` takes from the server's errors.
fn server_fields(
    value: &Bound<'_, PyBaseException>,
    errors: &[model::ApiError],
    request_id: Option<&str>,
) -> PyResult<()> {
    let first = errors.first();
    value.setattr("error_type", first.map(|e| e.error_type.as_str()))?;
    value.setattr("error_message", first.map(|e| e.error_message.as_str()))?;
    value.setattr("error_data", first.map(|e| e.error_data.as_str()))?;
    value.setattr("request_id", request_id)?;
    let details: Vec<ApiErrorDetail> = errors.iter().cloned().map(ApiErrorDetail::from).collect();
    value.setattr("errors", details)
}

fn class(py: Python<'_>, kind: ErrorKind) -> PyResult<Bound<'_, PyType>> {
    Ok(match kind {
        ErrorKind::InvalidArgument => validation_error(py)?.clone(),
        ErrorKind::Authentication => py.get_type::<AuthenticationError>(),
        ErrorKind::NotFound => py.get_type::<NotFoundError>(),
        ErrorKind::InvalidState => py.get_type::<InvalidStateError>(),
        ErrorKind::Permission => py.get_type::<PermissionDeniedError>(),
        ErrorKind::ServiceUnavailable => py.get_type::<ServiceUnavailableError>(),
        ErrorKind::Api => py.get_type::<ApiError>(),
        ErrorKind::Cti => py.get_type::<CtiError>(),
        ErrorKind::Transport => py.get_type::<TransportError>(),
        ErrorKind::Tls => py.get_type::<TlsError>(),
        ErrorKind::Timeout => timeout_error(py)?.clone(),
        ErrorKind::OutcomeUnknown => py.get_type::<OutcomeUnknownError>(),
        ErrorKind::Decode => py.get_type::<DecodeError>(),
        ErrorKind::Refused => py.get_type::<RefusedError>(),
        _ => py.get_type::<FinesseError>(),
    })
}
