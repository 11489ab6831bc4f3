//! `RecordedRequest`: one entry of the emulator's log of the REST requests it received.

use pyo3::prelude::*;
use pyo3::types::PyString;

/// A REST request the emulator received, and what it answered.
///
/// The emulator keeps the most recent 1,000 (``Emulator.requests()``). Credentials are
/// never recorded: of the headers only ``requestId`` is kept.
#[pyclass(frozen, get_all, module = "finesse_client.testing")]
pub(crate) struct RecordedRequest {
    /// Sequence number, from 1, one more per request (also across ``clear_requests()``).
    seq: u64,
    /// HTTP method, e.g. ``"POST"``.
    method: String,
    /// Path without the query, e.g. ``"/finesse/api/User/1001/Dialogs"``.
    path: String,
    /// Query string without ``?``; empty when none.
    query: String,
    /// The ``requestId`` header, or None.
    request_id: Option<String>,
    /// The body as text, cut at 8 KiB.
    body: String,
    /// Whether ``body`` was cut.
    body_truncated: bool,
    /// HTTP status answered.
    status: u16,
    /// Login id the request authenticated as, or None.
    user: Option<String>,
}

impl From<finesse_emulator::RecordedRequest> for RecordedRequest {
    fn from(r: finesse_emulator::RecordedRequest) -> Self {
        RecordedRequest {
            seq: r.seq,
            method: r.method,
            path: r.path,
            query: r.query,
            request_id: r.request_id,
            body: r.body,
            body_truncated: r.body_truncated,
            status: r.status,
            user: r.user,
        }
    }
}

#[pymethods]
impl RecordedRequest {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let method = PyString::new(py, &self.method).repr()?;
        let path = PyString::new(py, &self.path).repr()?;
        let user = match &self.user {
            Some(u) => PyString::new(py, u).repr()?.to_string(),
            None => "None".to_owned(),
        };
        Ok(format!(
            "RecordedRequest(seq={}, method={method}, path={path}, status={}, user={user})",
            self.seq, self.status
        ))
    }
}
