//! `Emulator`: the bundled Finesse emulator (crate finesse-emulator) running inside the Python
//! process, for users' tests. Every call that may wait (start, settle, close) releases the
//! interpreter lock.

mod recorded;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{PoisonError, RwLock};
use std::time::Duration;

use finesse_emulator::{
    ControlError, EmulatorConfig, FarEnd, InboundCall, Release, Timing, UnknownRelease,
};
use pyo3::exceptions::{PyLookupError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyType};

use crate::blocking;

pub(crate) use recorded::RecordedRequest;

/// A local Finesse server for tests: the REST API, the notification service and the
/// controls of the bundled emulator, in this process.
///
/// It serves HTTPS on 127.0.0.1 with a certificate signed by a CA of its own (``ca_pem``,
/// ``ca_file``), agents 1001, 1002, 1003 and supervisor 2001 (``passwords``), and behaves as
/// CCE 12.5 (or CCX). Outbound calls ring ``ring_ms`` and are answered, unless
/// ``set_far_end`` says otherwise. ``close()`` (or leaving the ``with`` block) stops it.
/// Settings left at None keep the emulator's own defaults (its README lists them).
///
/// Args:
///     release: The release to behave as: ``"cce-11.6"``, ``"cce-12.0"``, ``"cce-12.5"``,
///         ``"cce-12.6"`` or ``"ccx-12.5"`` (the emulator's README tabulates what each
///         changes).
///     ccx: Behave as Unified CCX 12.5 (``release="ccx-12.5"``).
///     http: Serve plain ``http://`` and ``ws://`` instead of TLS.
///     forced_logout_secs: Seconds a signed-in agent may stay without a notification
///         session before it is signed out (reason code 255); 0 never signs agents out.
///     ring_ms: How long the far end rings before it answers, in milliseconds.
///     step_ms: Length of one call-setup step and of the delay between a 202 and the
///         outcome, in milliseconds.
///     lockout_secs: How long five wrong passwords lock an agent out.
///     no_reason_codes: Behave as a deployment with no reason codes configured (NOT_READY
///         and LOGOUT need no reason).
///     wrap_up_secs: The wrap-up timer: WORK ends after this many seconds.
///     call_control_race: Reproduce the race between call-control requests (DG12.5 p91): a
///         call-control request's outcome comes 200 ms after its 202, and another one of
///         the same device meanwhile is accepted, then refused asynchronously (``Generic
///         Error`` 33 ``CF_RESOURCE_BUSY``).
///
/// Raises:
///     ValueError: A duration is negative or not finite, or ``release`` is unknown or
///         contradicts ``ccx``.
///     OSError: The server could not start (no free port, no temporary directory).
///
/// Example::
///
///     with Emulator() as emulator:
///         client = Client(emulator.url, "1001", emulator.passwords["1001"],
///                         ca_pem=emulator.ca_pem)
#[pyclass(frozen, module = "finesse_client.testing")]
pub(crate) struct Emulator {
    /// The server; `None` once closed.
    inner: RwLock<Option<finesse_emulator::Emulator>>,
    url: String,
    notification_url: String,
    control_url: String,
    ca_pem: String,
    ca_file: PathBuf,
    passwords: HashMap<String, String>,
}

fn millis(name: &str, value: f64) -> PyResult<Duration> {
    Duration::try_from_secs_f64(value / 1000.0)
        .map_err(|_| PyValueError::new_err(format!("{name} must be a finite number >= 0")))
}

fn seconds(name: &str, value: f64) -> PyResult<Duration> {
    Duration::try_from_secs_f64(value)
        .map_err(|_| PyValueError::new_err(format!("{name} must be a finite number >= 0")))
}

fn parse_release(name: &str) -> PyResult<Release> {
    name.parse()
        .map_err(|e: UnknownRelease| PyValueError::new_err(e.to_string()))
}

fn control_error(e: ControlError) -> PyErr {
    match e {
        ControlError::UnknownDialog(_)
        | ControlError::UnknownTarget(_)
        | ControlError::UnknownAgent(_)
        | ControlError::UnknownQueue(_) => PyLookupError::new_err(e.to_string()),
        ControlError::InvalidInput(_) => PyValueError::new_err(e.to_string()),
        _ => PyRuntimeError::new_err(e.to_string()),
    }
}

fn far_end(behaviour: &str, hang_up_after: Duration) -> PyResult<FarEnd> {
    Ok(match behaviour {
        "ANSWER" => FarEnd::Answer,
        "RING" => FarEnd::Ring,
        "BUSY" => FarEnd::Busy,
        "NOT_EXIST" => FarEnd::NotExist,
        "ANSWER_THEN_HANG_UP" => FarEnd::AnswerThenHangUp(hang_up_after),
        other => {
            return Err(PyValueError::new_err(format!(
                "far end {other:?}: one of ANSWER, RING, BUSY, NOT_EXIST, ANSWER_THEN_HANG_UP"
            )));
        }
    })
}

impl Emulator {
    /// Runs `op` on the running server with the interpreter lock released.
    fn run<T: Send>(
        &self,
        py: Python<'_>,
        op: impl FnOnce(&finesse_emulator::Emulator) -> T + Send,
    ) -> PyResult<T> {
        let guard = self.inner.read().unwrap_or_else(PoisonError::into_inner);
        let emulator = guard
            .as_ref()
            .ok_or_else(|| PyRuntimeError::new_err("the emulator is closed"))?;
        Ok(py.detach(|| op(emulator)))
    }

    fn stop(&self) {
        let emulator = self
            .inner
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if emulator.is_some() {
            // Written by `new`; already gone is fine.
            let _ = std::fs::remove_file(&self.ca_file);
        }
        drop(emulator);
    }
}

#[pymethods]
impl Emulator {
    #[new]
    #[pyo3(signature = (
        *,
        release = None,
        ccx = false,
        http = false,
        forced_logout_secs = None,
        ring_ms = None,
        step_ms = None,
        lockout_secs = None,
        no_reason_codes = false,
        wrap_up_secs = None,
        call_control_race = false,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        release: Option<&str>,
        ccx: bool,
        http: bool,
        forced_logout_secs: Option<f64>,
        ring_ms: Option<f64>,
        step_ms: Option<f64>,
        lockout_secs: Option<f64>,
        no_reason_codes: bool,
        wrap_up_secs: Option<f64>,
        call_control_race: bool,
    ) -> PyResult<Emulator> {
        let mut config = EmulatorConfig::new().plain_http(http);
        match (release.map(parse_release).transpose()?, ccx) {
            (Some(r), true) if r != Release::Ccx12_5 => {
                return Err(PyValueError::new_err(format!(
                    "release {:?} contradicts ccx=True",
                    r.as_str()
                )));
            }
            (Some(r), _) => config = config.release(r),
            (None, true) => config = config.release(Release::Ccx12_5),
            (None, false) => {}
        }
        if let Some(secs) = forced_logout_secs {
            let after = seconds("forced_logout_secs", secs)?;
            config = config.forced_logout_after(Some(after).filter(|d| !d.is_zero()));
        }
        if ring_ms.is_some() || step_ms.is_some() {
            let mut timing = Timing::default();
            if let Some(ms) = step_ms {
                timing.step = millis("step_ms", ms)?;
            }
            if let Some(ms) = ring_ms {
                timing.ring = millis("ring_ms", ms)?;
            }
            config = config.timing(timing);
        }
        if let Some(secs) = lockout_secs {
            config = config.lockout(seconds("lockout_secs", secs)?);
        }
        if no_reason_codes {
            config = config.reason_codes_configured(false);
        }
        if let Some(secs) = wrap_up_secs {
            config = config.wrap_up_timer(Some(seconds("wrap_up_secs", secs)?));
        }
        config = config.call_control_race(call_control_race);
        let emulator = blocking::run(py, move || finesse_emulator::Emulator::start(config))??;
        let url = emulator.base_url();
        let port = url.rsplit(':').next().unwrap_or_default();
        let ca_file = std::env::temp_dir().join(format!(
            "finesse-emulator-ca-{}-{port}.pem",
            std::process::id()
        ));
        emulator.write_ca_pem(&ca_file)?;
        let passwords = emulator
            .agents()
            .into_iter()
            .map(|a| (a.login_id, a.password))
            .collect();
        Ok(Emulator {
            url,
            notification_url: emulator.notification_url(),
            control_url: emulator.control_url(),
            ca_pem: emulator.ca_pem(),
            ca_file,
            passwords,
            inner: RwLock::new(Some(emulator)),
        })
    }

    /// The release the emulator behaves as, e.g. ``"cce-12.5"``.
    ///
    /// Raises:
    ///     RuntimeError: The emulator is closed.
    #[getter]
    fn release(&self, py: Python<'_>) -> PyResult<&'static str> {
        self.run(py, |e| e.release().as_str())
    }

    /// Behaves as another release from now on (see ``release`` in the constructor).
    ///
    /// Raises:
    ///     ValueError: The release is unknown.
    ///     RuntimeError: The emulator is closed.
    fn set_release(&self, py: Python<'_>, release: &str) -> PyResult<()> {
        let release = parse_release(release)?;
        self.run(py, |e| e.set_release(release))
    }

    /// Whether reason codes are configured: with False, NOT_READY and LOGOUT need no reason.
    ///
    /// Raises:
    ///     RuntimeError: The emulator is closed.
    fn set_reason_codes_configured(&self, py: Python<'_>, configured: bool) -> PyResult<()> {
        self.run(py, |e| e.set_reason_codes_configured(configured))
    }

    /// Sets the wrap-up timer (WORK ends after ``seconds``), or turns it off with None.
    ///
    /// Raises:
    ///     ValueError: ``seconds`` is negative or not finite.
    ///     RuntimeError: The emulator is closed.
    fn set_wrap_up_timer(&self, py: Python<'_>, seconds: Option<f64>) -> PyResult<()> {
        let timer = seconds.map(|s| self::seconds("seconds", s)).transpose()?;
        self.run(py, |e| e.set_wrap_up_timer(timer))
    }

    /// Switches the race between call-control requests on or off (see
    /// ``call_control_race`` in the constructor).
    ///
    /// Raises:
    ///     RuntimeError: The emulator is closed.
    fn set_call_control_race(&self, py: Python<'_>, enabled: bool) -> PyResult<()> {
        self.run(py, |e| e.set_call_control_race(enabled))
    }

    /// The server URL a ``Client`` takes, e.g. ``"https://127.0.0.1:43121"``.
    #[getter]
    fn url(&self) -> &str {
        &self.url
    }

    /// The notification service (XMPP over WebSocket), e.g. ``"wss://127.0.0.1:43123/ws"``:
    /// the ``notification_url`` a ``Client`` takes.
    #[getter]
    fn notification_url(&self) -> &str {
        &self.notification_url
    }

    /// XMPP over WebSocket on the REST port, as Finesse 12.x serves it, e.g.
    /// ``"wss://127.0.0.1:43121/ws/"``; ``None`` when the release offers no WebSocket
    /// (``"cce-11.6"``).
    ///
    /// Raises:
    ///     RuntimeError: The emulator is closed.
    #[getter]
    fn rest_websocket_url(&self, py: Python<'_>) -> PyResult<Option<String>> {
        self.run(py, finesse_emulator::Emulator::rest_websocket_url)
    }

    /// BOSH, e.g. ``"https://127.0.0.1:43124/http-bind/"``; ``None`` when the release does
    /// not offer it.
    ///
    /// Raises:
    ///     RuntimeError: The emulator is closed.
    #[getter]
    fn bosh_url(&self, py: Python<'_>) -> PyResult<Option<String>> {
        self.run(py, finesse_emulator::Emulator::bosh_url)
    }

    /// XMPP over TCP with STARTTLS, e.g. ``"xmpp://127.0.0.1:43125"``; ``None`` when the
    /// release does not offer it (from ``"cce-12.5"`` on).
    ///
    /// Raises:
    ///     RuntimeError: The emulator is closed.
    #[getter]
    fn xmpp_url(&self, py: Python<'_>) -> PyResult<Option<String>> {
        self.run(py, finesse_emulator::Emulator::xmpp_url)
    }

    /// XMPP over TCP with direct TLS, e.g. ``"xmpps://127.0.0.1:43126"``; ``None`` when the
    /// release does not offer it.
    ///
    /// Raises:
    ///     RuntimeError: The emulator is closed.
    #[getter]
    fn xmpps_url(&self, py: Python<'_>) -> PyResult<Option<String>> {
        self.run(py, finesse_emulator::Emulator::xmpps_url)
    }

    /// The HTTP/JSON control API, e.g. ``"http://127.0.0.1:43122"`` (see the emulator's
    /// README), for controls this class does not offer.
    #[getter]
    fn control_url(&self) -> &str {
        &self.control_url
    }

    /// PEM of the CA that signed the server's certificate: the ``ca_pem`` a ``Client`` takes.
    #[getter]
    fn ca_pem(&self) -> &str {
        &self.ca_pem
    }

    /// A file holding ``ca_pem`` (removed by ``close()``): the ``ca_file`` a ``Client`` takes.
    #[getter]
    fn ca_file(&self) -> PathBuf {
        self.ca_file.clone()
    }

    /// The password of every agent, by login id (``{"1001": "secret1001", ...}``).
    #[getter]
    fn passwords(&self) -> HashMap<String, String> {
        self.passwords.clone()
    }

    /// Whether ``close()`` has stopped the server.
    #[getter]
    fn closed(&self) -> bool {
        self.inner
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .is_none()
    }

    /// The ringing outside party of the dialog answers.
    ///
    /// Raises:
    ///     LookupError: No live dialog has this id.
    ///     RuntimeError: Nothing rings on that dialog, or the emulator is closed.
    fn answer_far_end(&self, py: Python<'_>, dialog_id: &str) -> PyResult<()> {
        self.run(py, |e| e.answer_far_end(dialog_id))?
            .map_err(control_error)
    }

    /// The outside parties of the dialog hang up.
    ///
    /// Raises:
    ///     LookupError: No live dialog has this id.
    ///     RuntimeError: The emulator is closed.
    fn hang_up_far_end(&self, py: Python<'_>, dialog_id: &str) -> PyResult<()> {
        self.run(py, |e| e.hang_up_far_end(dialog_id))?
            .map_err(control_error)
    }

    /// A call from outside arrives at a signed-in agent; returns the new dialog's id.
    ///
    /// Args:
    ///     to: The agent's extension or login id.
    ///     from_address: The caller's number.
    ///     dnis: The dialed number (default: the agent's extension).
    ///     call_type: ``"ACD_IN"`` (a routed call; reserves a READY agent) or e.g.
    ///         ``"OTHER_IN"``.
    ///     call_variables: ``callVariable1``..``callVariable10`` and ECC ``user.*``
    ///         variables: a dict of name to value.
    ///     queue_name: The queue's name.
    ///     queue_number: The queue's number.
    ///
    /// Raises:
    ///     LookupError: No signed-in agent has this extension or login id.
    #[pyo3(signature = (
        to,
        from_address,
        *,
        dnis = "",
        call_type = "ACD_IN",
        call_variables = None,
        queue_name = "",
        queue_number = "",
    ))]
    #[allow(clippy::too_many_arguments)]
    fn inject_inbound_call(
        &self,
        py: Python<'_>,
        to: String,
        from_address: String,
        dnis: &str,
        call_type: &str,
        call_variables: Option<Bound<'_, PyDict>>,
        queue_name: &str,
        queue_number: &str,
    ) -> PyResult<String> {
        let mut call = InboundCall::new(to, from_address)
            .dnis(dnis)
            .call_type(call_type)
            .queue(queue_name, queue_number);
        for (name, value) in call_variables.iter().flat_map(|d| d.iter()) {
            call = call.variable(name.extract::<String>()?, value.extract::<String>()?);
        }
        self.run(py, |e| e.inject_inbound_call(call))?
            .map_err(control_error)
    }

    /// What outside destinations do with new outbound calls: ``"ANSWER"`` (after ringing;
    /// the default), ``"RING"`` (until ``answer_far_end``), ``"BUSY"``, ``"NOT_EXIST"`` or
    /// ``"ANSWER_THEN_HANG_UP"`` (after ``hang_up_after`` seconds).
    ///
    /// Args:
    ///     behaviour: One of the above.
    ///     address: Only calls to this number; by default every number without a setting
    ///         of its own.
    ///     hang_up_after: Seconds, for ``"ANSWER_THEN_HANG_UP"`` (at most 600).
    ///
    /// Raises:
    ///     ValueError: An unknown behaviour or a bad duration.
    #[pyo3(signature = (behaviour, *, address = None, hang_up_after = 0.0))]
    fn set_far_end(
        &self,
        py: Python<'_>,
        behaviour: &str,
        address: Option<String>,
        hang_up_after: f64,
    ) -> PyResult<()> {
        let after = seconds("hang_up_after", hang_up_after)?.min(Duration::from_secs(600));
        let far_end = far_end(behaviour, after)?;
        self.run(py, |e| match address {
            Some(a) => e.set_far_end_for(&a, far_end),
            None => e.set_far_end(far_end),
        })
    }

    /// Takes the node out of service (every REST call but SystemInfo answers 503), or puts
    /// it back.
    #[pyo3(signature = (out_of_service = true))]
    fn set_out_of_service(&self, py: Python<'_>, out_of_service: bool) -> PyResult<()> {
        self.run(py, |e| e.set_out_of_service(out_of_service))
    }

    /// Assigns queue ``queue_id`` to the agents of team ``team_id`` (CCE): the users whose
    /// list of queues gains it get ``UserQueuesAdded`` on ``/finesse/api/User/<id>/Queues``.
    ///
    /// Raises:
    ///     LookupError: No such queue.
    fn assign_queue(&self, py: Python<'_>, queue_id: u64, team_id: &str) -> PyResult<()> {
        self.run(py, |e| e.assign_queue(queue_id, team_id))?
            .map_err(control_error)
    }

    /// Removes queue ``queue_id`` from the agents of team ``team_id`` (CCE): the users who
    /// lose it get ``UserQueuesRemoved`` on their Queues node and ``QueueRemoved`` on the
    /// queue's.
    ///
    /// Raises:
    ///     LookupError: No such queue.
    fn unassign_queue(&self, py: Python<'_>, queue_id: u64, team_id: &str) -> PyResult<()> {
        self.run(py, |e| e.unassign_queue(queue_id, team_id))?
            .map_err(control_error)
    }

    /// Back to the start: agents signed out and unlocked, no dialogs, far end and service as
    /// at start, notification connections closed, the request and notification logs emptied.
    fn reset(&self, py: Python<'_>) -> PyResult<()> {
        self.run(py, finesse_emulator::Emulator::reset)
    }

    /// The REST requests received (the most recent 1,000), oldest first; with ``since``,
    /// those with a greater ``seq``.
    #[pyo3(signature = (since = 0))]
    fn requests(&self, py: Python<'_>, since: u64) -> PyResult<Vec<RecordedRequest>> {
        let requests = self.run(py, |e| e.requests_since(since))?;
        Ok(requests.into_iter().map(RecordedRequest::from).collect())
    }

    /// Empties the request log.
    fn clear_requests(&self, py: Python<'_>) -> PyResult<()> {
        self.run(py, finesse_emulator::Emulator::clear_requests)
    }

    /// Lifts the lock-out of an agent after five wrong passwords, or of every agent.
    ///
    /// Raises:
    ///     LookupError: No agent has this login id.
    #[pyo3(signature = (login_id = None))]
    fn lift_lockout(&self, py: Python<'_>, login_id: Option<&str>) -> PyResult<()> {
        self.run(py, |e| match login_id {
            Some(id) => e.lift_lockout(id),
            None => {
                e.lift_lockouts();
                Ok(())
            }
        })?
        .map_err(control_error)
    }

    /// Waits until every request accepted so far (HTTP 202) has been carried out.
    fn settle(&self, py: Python<'_>) -> PyResult<()> {
        self.run(py, finesse_emulator::Emulator::settle)
    }

    /// Stops the server, closes its ports and removes ``ca_file``. Closing twice is fine.
    fn close(&self, py: Python<'_>) {
        py.detach(|| self.stop());
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __exit__(
        &self,
        py: Python<'_>,
        _exc_type: Option<&Bound<'_, PyType>>,
        _exc_value: Option<&Bound<'_, PyAny>>,
        _traceback: Option<&Bound<'_, PyAny>>,
    ) {
        self.close(py);
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let url = PyString::new(py, &self.url).repr()?;
        let state = if self.closed() { ", closed" } else { "" };
        Ok(format!("Emulator(url={url}{state})"))
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        self.stop();
    }
}
