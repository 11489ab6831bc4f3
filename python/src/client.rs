//! `Client`: one agent's connection to Finesse, with a method per operation of the core client.
//!
//! Every network call, and every wait for a command's outcome, runs with the interpreter lock
//! released.

use std::path::PathBuf;
use std::sync::{PoisonError, RwLock};

use finesse_client::{CallData, Config, Error, MakeCall, NotificationOptions, model};
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyType};

use crate::blocking;
use crate::convert::{self, CallVariables, DialogId, StrOrBytes};
use crate::errors;
use crate::exceptions::{FinesseError, InsecureWarning};
use crate::logging;
use crate::models::{Accepted, Dialog, ReasonCode, SystemInfo, User, WrapUpReason, outcome_to_py};
use crate::notifications::{EventIterator, Notifications};

/// A synchronous Finesse client for one agent (or supervisor).
///
/// Nothing is sent until the first call. Safe to share between threads: commands (state
/// changes, call control) from one client are sent one at a time, reads run concurrently,
/// and every call releases the interpreter lock while it waits for the network.
///
/// Commands return an ``Accepted`` as soon as Finesse accepts them (HTTP 202); the outcome
/// (the new state, the new call) shows in the next read, and in the events of a notification
/// session. With ``wait=`` (seconds), a command waits for its outcome and returns it instead
/// (see ``Accepted.wait``). Commands are never retried.
///
/// Ctrl-C interrupts any call that waits (a request, ``wait=``, a session's start) within
/// 50 ms: it raises ``KeyboardInterrupt`` and the call is abandoned. An interrupted command is
/// like one whose answer never came (``OutcomeUnknownError``): it may have been carried out,
/// so check (``user()``, ``dialogs()``) before sending it again; nothing is resent.
///
/// ``notifications()`` starts a notification session (events as they happen, presence so
/// that Finesse does not sign the agent out); ``events()`` iterates over the events of the
/// client's session, starting one if needed.
///
/// Args:
///     url: The node: ``https://host[:port]``, or a bare host name, meaning
///         ``https://host:8445``.
///     user: The agent id or sign-in name (with ``token``, the agent id).
///     password: The password, for HTTP Basic authentication.
///     secondary: The side B node, tried when side A is unreachable or out of service.
///     ca_file: A PEM file of CA certificates to trust, in addition to the operating
///         system's store (or ``SSL_CERT_FILE``) and the built-in roots.
///     ca_pem: PEM text of CA certificates to trust, in addition to the operating system's
///         store and the built-in roots.
///     verify: ``False`` switches certificate verification off and warns with
///         ``InsecureWarning``; use only against a lab server.
///     timeout: Seconds allowed to send a request and receive the answer headers, and again
///         for the body.
///     connect_timeout: Seconds allowed to connect, TLS included.
///     token: An SSO access token, sent as ``Authorization: Bearer`` instead of a password.
///     token_provider: A callable returning ``(token, expires_in)``, a fresh SSO access
///         token and its lifetime in seconds, instead of a password or a fixed token. The
///         client calls it at first use, again once 75% of the lifetime has passed (as Cisco
///         asks of third-party applications) and once after the server rejects the token in
///         use; REST and notifications use the same token. It runs on whichever thread needs
///         a token, with the interpreter lock taken; what it raises fails that request as
///         ``AuthenticationError``, unsent.
///     login_id: The agent id used in URIs, when ``user`` is a sign-in name that differs
///         from it; by default it is learned from the first User document.
///     notification_url: The notification service's URL, for ``notifications()`` and
///         ``events()``; its scheme names the transport: ``wss://host:8445/ws/``
///         (WebSocket, 12.x), ``https://host:7443/http-bind/`` (BOSH),
///         ``xmpps://host:5223`` (TCP, direct TLS), ``xmpp://host:5222`` (TCP, STARTTLS).
///         By default the client tries them in that order on the active node and keeps the
///         first that is offered (the README's table of releases and transports).
///
/// Raises:
///     ValidationError: An argument is not valid (a bad URL, an unreadable CA file, both or
///         neither of ``password`` and ``token``, a timeout that is not positive).
///
/// Example::
///
///     with Client("https://finesse-a.example.com:8445", "1001", password) as client:
///         client.sign_in("1001001", wait=10.0)
///         dialog = client.make_call("6135551212", wait=10.0)
#[pyclass(frozen, module = "finesse_client")]
pub(crate) struct Client {
    /// The core client; `None` once closed.
    inner: RwLock<Option<finesse_client::Client>>,
    /// The side A node, for `__repr__`.
    url: String,
    /// The user name, for `__repr__`.
    user: String,
}

impl Client {
    /// Runs `op` on the core client with the interpreter lock released; Ctrl-C interrupts
    /// it (see `blocking`).
    pub(crate) fn run<T: Send + 'static>(
        &self,
        py: Python<'_>,
        op: impl FnOnce(&finesse_client::Client) -> Result<T, Error> + Send + 'static,
    ) -> PyResult<T> {
        let client = self
            .inner
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or_else(|| FinesseError::new_err("the client is closed"))?;
        blocking::run(py, move || op(&client))?.map_err(|e| errors::to_py(py, e))
    }

    /// Sends a command: returns its `Accepted`, or with `wait`, its outcome.
    pub(crate) fn command(
        &self,
        py: Python<'_>,
        wait: Option<f64>,
        op: impl FnOnce(&finesse_client::Client) -> Result<finesse_client::Accepted, Error>
        + Send
        + 'static,
    ) -> PyResult<Py<PyAny>> {
        let Some(wait) = wait else {
            return Accepted::new(self.run(py, op)?).into_py_any(py);
        };
        let timeout = convert::seconds("wait", wait).map_err(|e| errors::to_py(py, e))?;
        let outcome = self.run(py, move |c| op(c)?.wait(timeout))?;
        outcome_to_py(py, outcome)
    }
}

#[pymethods]
impl Client {
    #[new]
    #[pyo3(signature = (
        url,
        user,
        password = None,
        *,
        secondary = None,
        ca_file = None,
        ca_pem = None,
        verify = true,
        timeout = None,
        connect_timeout = None,
        token = None,
        token_provider = None,
        login_id = None,
        notification_url = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        url: String,
        user: String,
        password: Option<String>,
        secondary: Option<String>,
        ca_file: Option<PathBuf>,
        ca_pem: Option<StrOrBytes>,
        verify: bool,
        timeout: Option<f64>,
        connect_timeout: Option<f64>,
        token: Option<String>,
        token_provider: Option<Py<PyAny>>,
        login_id: Option<String>,
        notification_url: Option<String>,
    ) -> PyResult<Client> {
        // Logging may have been configured since the last client: its levels are read again.
        logging::reread_levels();
        let config = (|| {
            let mut builder = Config::builder(url.as_str());
            if let Some(password) = password {
                builder = builder.basic_auth(user.as_str(), password);
            }
            if let Some(token) = token {
                builder = builder.bearer_token(user.as_str(), token);
            }
            if let Some(provider) = token_provider {
                builder = builder.token_provider(user.as_str(), crate::token::wrap(provider));
            }
            if let Some(secondary) = secondary {
                builder = builder.secondary(secondary);
            }
            if let Some(path) = ca_file {
                builder = builder.ca_file(path);
            }
            if let Some(pem) = ca_pem {
                builder = builder.ca_pem(pem.as_ref());
            }
            if let Some(id) = login_id {
                builder = builder.login_id(id);
            }
            if let Some(url) = notification_url {
                builder = builder.notification_url(url);
            }
            if let Some(timeout) = timeout {
                builder = builder.request_timeout(convert::seconds("timeout", timeout)?);
            }
            if let Some(timeout) = connect_timeout {
                builder = builder.connect_timeout(convert::seconds("connect_timeout", timeout)?);
            }
            builder.danger_accept_invalid_certs(!verify).build()
        })()
        .map_err(|e| errors::to_py(py, e))?;
        if !verify {
            PyErr::warn(
                py,
                &py.get_type::<InsecureWarning>(),
                c"verify=False: certificate verification is off; anyone on the path can read \
                  the agent's password and calls",
                1,
            )?;
        }
        let client = finesse_client::Client::new(config).map_err(|e| errors::to_py(py, e))?;
        Ok(Client {
            inner: RwLock::new(Some(client)),
            url,
            user,
        })
    }

    /// The node requests currently go to first (side A, or side B after a failover).
    ///
    /// Raises:
    ///     FinesseError: The client is closed.
    #[getter]
    fn active_node(&self) -> PyResult<String> {
        self.inner
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .map(|c| c.active_node())
            .ok_or_else(|| FinesseError::new_err("the client is closed"))
    }

    /// Releases the client's connections, and closes the notification session ``events()``
    /// started. Later calls raise ``FinesseError``; calls in progress finish. A session
    /// returned by ``notifications()`` is left to its owner. Closing twice does nothing.
    fn close(&self, py: Python<'_>) {
        let client = self
            .inner
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        // Closing the session waits for its thread, which may be waiting for the interpreter
        // lock to run a callback or to log.
        if let Some(client) = client {
            py.detach(move || client.close_events());
        }
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
        self.close(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let url = PyString::new(py, &self.url).repr()?;
        let user = PyString::new(py, &self.user).repr()?;
        Ok(format!("Client(url={url}, user={user})"))
    }

    /// Gets the agent's User: state, extension, reason code, team.
    ///
    /// Returns:
    ///     The ``User``.
    fn user(&self, py: Python<'_>) -> PyResult<User> {
        self.run(py, |c| c.user()).map(User::from)
    }

    /// Gets another user by id (a supervisor's team member), or by sign-in name on CCE 12.5+.
    ///
    /// Args:
    ///     id: The user id or sign-in name.
    ///
    /// Returns:
    ///     The ``User``.
    fn user_by_id(&self, py: Python<'_>, id: String) -> PyResult<User> {
        self.run(py, move |c| c.user_by_id(&id)).map(User::from)
    }

    /// Signs the agent in on ``extension``; the agent becomes NOT_READY.
    ///
    /// Args:
    ///     extension: The phone extension to sign in on.
    ///     wait: Seconds to wait for the outcome (see ``Accepted.wait``); by default the
    ///         command returns once accepted.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, the agent's ``User`` after the change.
    ///
    /// Raises:
    ///     CtiError: With ``wait``: the CTI server refused the command.
    ///     TimeoutError: With ``wait``: the outcome was not seen in time.
    #[pyo3(signature = (extension, *, wait = None))]
    fn sign_in(&self, py: Python<'_>, extension: String, wait: Option<f64>) -> PyResult<Py<PyAny>> {
        self.command(py, wait, move |c| c.sign_in(&extension))
    }

    /// Makes the agent READY.
    ///
    /// Args:
    ///     wait: Seconds to wait for the outcome (see ``Accepted.wait``); by default the
    ///         command returns once accepted.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, the agent's ``User`` after the change.
    ///
    /// Raises:
    ///     CtiError: With ``wait``: the CTI server refused the command.
    ///     TimeoutError: With ``wait``: the outcome was not seen in time.
    #[pyo3(signature = (*, wait = None))]
    fn ready(&self, py: Python<'_>, wait: Option<f64>) -> PyResult<Py<PyAny>> {
        self.command(py, wait, |c| c.ready())
    }

    /// Makes the agent NOT_READY.
    ///
    /// Args:
    ///     reason_code_id: The Finesse id of a NOT_READY reason code (required when the
    ///         deployment has such codes; see ``reason_codes``).
    ///     wait: Seconds to wait for the outcome (see ``Accepted.wait``); by default the
    ///         command returns once accepted.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, the agent's ``User`` after the change.
    ///
    /// Raises:
    ///     CtiError: With ``wait``: the CTI server refused the command.
    ///     TimeoutError: With ``wait``: the outcome was not seen in time.
    #[pyo3(signature = (reason_code_id = None, *, wait = None))]
    fn not_ready(
        &self,
        py: Python<'_>,
        reason_code_id: Option<i64>,
        wait: Option<f64>,
    ) -> PyResult<Py<PyAny>> {
        self.command(py, wait, move |c| c.not_ready(reason_code_id))
    }

    /// Signs the agent out. On CCE the agent must be NOT_READY first.
    ///
    /// Args:
    ///     reason_code_id: The Finesse id of a LOGOUT reason code, when required.
    ///     wait: Seconds to wait for the outcome (see ``Accepted.wait``); by default the
    ///         command returns once accepted.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, the agent's ``User`` after the change.
    ///
    /// Raises:
    ///     CtiError: With ``wait``: the CTI server refused the command.
    ///     TimeoutError: With ``wait``: the outcome was not seen in time.
    #[pyo3(signature = (reason_code_id = None, *, wait = None))]
    fn sign_out(
        &self,
        py: Python<'_>,
        reason_code_id: Option<i64>,
        wait: Option<f64>,
    ) -> PyResult<Py<PyAny>> {
        self.command(py, wait, move |c| c.sign_out(reason_code_id))
    }

    /// Lists the agent's current dialogs (calls).
    ///
    /// Returns:
    ///     The ``Dialog`` list.
    fn dialogs(&self, py: Python<'_>) -> PyResult<Vec<Dialog>> {
        self.run(py, |c| c.dialogs())
            .map(|dialogs| dialogs.into_iter().map(Dialog::from).collect())
    }

    /// Gets one dialog by id.
    ///
    /// Args:
    ///     id: The dialog id.
    ///
    /// Returns:
    ///     The ``Dialog``.
    fn dialog(&self, py: Python<'_>, id: String) -> PyResult<Dialog> {
        self.run(py, move |c| c.dialog(&id)).map(Dialog::from)
    }

    /// Places a call (click-to-dial). The new dialog shows in ``dialogs()`` once the phone
    /// starts the call.
    ///
    /// Args:
    ///     to: The number to dial: any printable ASCII, sent as given.
    ///     call_variables: Call variables (``callVariable1``-``10``) and ECC variables
    ///         (``user.<name>``), as a mapping or as ``(name, value)`` pairs. CCE only.
    ///     from_extension: Dial from this extension instead of the signed-in one.
    ///     wait: Seconds to wait for the outcome (see ``Accepted.wait``); by default the
    ///         command returns once accepted.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, the new call's ``Dialog`` as first
    ///     published (usually ``INITIATING``).
    ///
    /// Raises:
    ///     ValidationError: An argument is not valid; nothing was sent.
    ///     OutcomeUnknownError: The request was sent and no answer came: the call may exist.
    ///     CtiError: With ``wait``: the CTI server refused the command.
    ///     TimeoutError: With ``wait``: the outcome was not seen in time.
    #[pyo3(signature = (to, *, call_variables = None, from_extension = None, wait = None))]
    fn make_call(
        &self,
        py: Python<'_>,
        to: String,
        call_variables: Option<CallVariables>,
        from_extension: Option<String>,
        wait: Option<f64>,
    ) -> PyResult<Py<PyAny>> {
        let mut call = MakeCall::new(to);
        if let Some(from) = from_extension {
            call = call.from_address(from);
        }
        for (name, value) in call_variables.map(|v| v.0).unwrap_or_default() {
            call = call.call_variable(name, value);
        }
        self.command(py, wait, move |c| c.make_call(&call))
    }

    /// Answers a ringing call.
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///     wait: Seconds to wait for the outcome (see ``Accepted.wait``); by default the
    ///         command returns once accepted.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, the ``Dialog`` after the change, or None
    ///     if the call ended.
    ///
    /// Raises:
    ///     CtiError: With ``wait``: the CTI server refused the command.
    ///     TimeoutError: With ``wait``: the outcome was not seen in time.
    #[pyo3(signature = (dialog, *, wait = None))]
    fn answer(&self, py: Python<'_>, dialog: DialogId, wait: Option<f64>) -> PyResult<Py<PyAny>> {
        self.command(py, wait, move |c| c.answer(&dialog.0))
    }

    /// Puts a call on hold.
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///     wait: Seconds to wait for the outcome (see ``Accepted.wait``); by default the
    ///         command returns once accepted.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, the ``Dialog`` after the change, or None
    ///     if the call ended.
    ///
    /// Raises:
    ///     CtiError: With ``wait``: the CTI server refused the command.
    ///     TimeoutError: With ``wait``: the outcome was not seen in time.
    #[pyo3(signature = (dialog, *, wait = None))]
    fn hold(&self, py: Python<'_>, dialog: DialogId, wait: Option<f64>) -> PyResult<Py<PyAny>> {
        self.command(py, wait, move |c| c.hold(&dialog.0))
    }

    /// Takes a call off hold.
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///     wait: Seconds to wait for the outcome (see ``Accepted.wait``); by default the
    ///         command returns once accepted.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, the ``Dialog`` after the change, or None
    ///     if the call ended.
    ///
    /// Raises:
    ///     CtiError: With ``wait``: the CTI server refused the command.
    ///     TimeoutError: With ``wait``: the outcome was not seen in time.
    #[pyo3(signature = (dialog, *, wait = None))]
    fn retrieve(&self, py: Python<'_>, dialog: DialogId, wait: Option<f64>) -> PyResult<Py<PyAny>> {
        self.command(py, wait, move |c| c.retrieve(&dialog.0))
    }

    /// Leaves (hangs up) a call.
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///     wait: Seconds to wait for the outcome (see ``Accepted.wait``); by default the
    ///         command returns once accepted.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, None once the call has ended for the
    ///     agent.
    ///
    /// Raises:
    ///     CtiError: With ``wait``: the CTI server refused the command.
    ///     TimeoutError: With ``wait``: the outcome was not seen in time.
    #[pyo3(signature = (dialog, *, wait = None))]
    fn drop(&self, py: Python<'_>, dialog: DialogId, wait: Option<f64>) -> PyResult<Py<PyAny>> {
        self.command(py, wait, move |c| c.drop_call(&dialog.0))
    }

    /// Holds a call and calls ``to`` for a consult; the consult call is a new dialog.
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///     to: Whom to consult.
    ///     wait: Seconds to wait for the outcome (see ``Accepted.wait``); by default the
    ///         command returns once accepted.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, the consult call's ``Dialog``.
    ///
    /// Raises:
    ///     CtiError: With ``wait``: the CTI server refused the command.
    ///     TimeoutError: With ``wait``: the outcome was not seen in time.
    #[pyo3(signature = (dialog, to, *, wait = None))]
    fn consult_call(
        &self,
        py: Python<'_>,
        dialog: DialogId,
        to: String,
        wait: Option<f64>,
    ) -> PyResult<Py<PyAny>> {
        self.command(py, wait, move |c| c.consult_call(&dialog.0, &to))
    }

    /// Completes a consult transfer.
    ///
    /// Args:
    ///     dialog: The ``Dialog`` (either call of the consult), or its id.
    ///     wait: Seconds to wait for the outcome (see ``Accepted.wait``); by default the
    ///         command returns once accepted.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, None once the call has ended for the
    ///     agent.
    ///
    /// Raises:
    ///     CtiError: With ``wait``: the CTI server refused the command.
    ///     TimeoutError: With ``wait``: the outcome was not seen in time.
    #[pyo3(signature = (dialog, *, wait = None))]
    fn transfer(&self, py: Python<'_>, dialog: DialogId, wait: Option<f64>) -> PyResult<Py<PyAny>> {
        self.command(py, wait, move |c| c.transfer(&dialog.0))
    }

    /// Transfers a call to ``to`` in one step (blind transfer).
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///     to: Where to transfer.
    ///     wait: Seconds to wait for the outcome (see ``Accepted.wait``); by default the
    ///         command returns once accepted.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, None once the call has ended for the
    ///     agent.
    ///
    /// Raises:
    ///     CtiError: With ``wait``: the CTI server refused the command.
    ///     TimeoutError: With ``wait``: the outcome was not seen in time.
    #[pyo3(signature = (dialog, to, *, wait = None))]
    fn transfer_sst(
        &self,
        py: Python<'_>,
        dialog: DialogId,
        to: String,
        wait: Option<f64>,
    ) -> PyResult<Py<PyAny>> {
        self.command(py, wait, move |c| c.transfer_sst(&dialog.0, &to))
    }

    /// Joins the consult call into a conference.
    ///
    /// Args:
    ///     dialog: The ``Dialog`` (either call of the consult), or its id.
    ///     wait: Seconds to wait for the outcome (see ``Accepted.wait``); by default the
    ///         command returns once accepted.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, the ``Dialog`` after the change, or None
    ///     if the call ended.
    ///
    /// Raises:
    ///     CtiError: With ``wait``: the CTI server refused the command.
    ///     TimeoutError: With ``wait``: the outcome was not seen in time.
    #[pyo3(signature = (dialog, *, wait = None))]
    fn conference(
        &self,
        py: Python<'_>,
        dialog: DialogId,
        wait: Option<f64>,
    ) -> PyResult<Py<PyAny>> {
        self.command(py, wait, move |c| c.conference(&dialog.0))
    }

    /// Sends DTMF digits on a call.
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///     digits: 0-9, ``*``, ``#``, A-D.
    ///     wait: Seconds to wait for the outcome (see ``Accepted.wait``); by default the
    ///         command returns once accepted.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, the ``Dialog``.
    ///
    /// Raises:
    ///     CtiError: With ``wait``: the CTI server refused the command.
    ///     TimeoutError: With ``wait``: the outcome was not seen in time.
    #[pyo3(signature = (dialog, digits, *, wait = None))]
    fn send_dtmf(
        &self,
        py: Python<'_>,
        dialog: DialogId,
        digits: String,
        wait: Option<f64>,
    ) -> PyResult<Py<PyAny>> {
        self.command(py, wait, move |c| c.send_dtmf(&dialog.0, &digits))
    }

    /// Drops a participant from a conference (CCE).
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///     address: The participant's media address.
    ///     wait: Seconds to wait for the outcome (see ``Accepted.wait``); by default the
    ///         command returns once accepted.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, the ``Dialog`` after the change, or None
    ///     if the call ended.
    ///
    /// Raises:
    ///     CtiError: With ``wait``: the CTI server refused the command.
    ///     TimeoutError: With ``wait``: the outcome was not seen in time.
    #[pyo3(signature = (dialog, address, *, wait = None))]
    fn drop_participant(
        &self,
        py: Python<'_>,
        dialog: DialogId,
        address: String,
        wait: Option<f64>,
    ) -> PyResult<Py<PyAny>> {
        self.command(py, wait, move |c| c.drop_participant(&dialog.0, &address))
    }

    /// Writes call variables and/or the wrap-up reason on a call; only what is given changes.
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///     call_variables: Call variables and ECC variables, as a mapping or as
    ///         ``(name, value)`` pairs.
    ///     wrap_up_reason: The wrap-up reason (at most 39 bytes).
    ///     wait: Seconds to wait for the outcome (see ``Accepted.wait``); by default the
    ///         command returns once accepted.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, the ``Dialog`` after the change, or None
    ///     if the call ended.
    ///
    /// Raises:
    ///     ValidationError: Neither is given, or a value is not valid; nothing was sent.
    ///     CtiError: With ``wait``: the CTI server refused the command.
    ///     TimeoutError: With ``wait``: the outcome was not seen in time.
    #[pyo3(signature = (dialog, *, call_variables = None, wrap_up_reason = None, wait = None))]
    fn update_call_data(
        &self,
        py: Python<'_>,
        dialog: DialogId,
        call_variables: Option<CallVariables>,
        wrap_up_reason: Option<String>,
        wait: Option<f64>,
    ) -> PyResult<Py<PyAny>> {
        let mut data = CallData::new();
        if let Some(reason) = wrap_up_reason {
            data = data.wrap_up_reason(reason);
        }
        for (name, value) in call_variables.map(|v| v.0).unwrap_or_default() {
            data = data.call_variable(name, value);
        }
        self.command(py, wait, move |c| c.update_call_data(&dialog.0, &data))
    }

    /// Starts a notification session: an XMPP connection (WebSocket, TCP or BOSH) to the active node
    /// on a background thread, signed in with the client's credentials, with presence (so
    /// Finesse does not sign the agent out after 60 s without one) and a keep-alive ping; it
    /// reconnects by itself. Returns once connected. One session per client runs at a time;
    /// ``events()`` reads this one while it is open.
    ///
    /// Args:
    ///     url: The notification service's URL (``wss://``, ``https://``, ``xmpps://`` or
    ///         ``xmpp://``, see ``Client``); by default the client's ``notification_url``.
    ///     resource: The XMPP resource; by default ``finesse-client-<random>``. Never
    ///         ``desktop``, which the Finesse desktop reserves.
    ///     subscribe: Nodes to subscribe to explicitly (``/finesse/api/Team/<id>/Users``,
    ///         ``/finesse/api/Queue/<id>``) when the session starts, with its full JID; a
    ///         refusal raises ``RefusedError``. The server keeps them across reconnections. The agent's User,
    ///         Dialogs and SystemInfo nodes come without asking.
    ///     ping_interval: Seconds between pings.
    ///     ping_timeout: Seconds a ping may go unanswered.
    ///     max_missed_pings: Unanswered pings in a row after which the link is declared dead
    ///         and reconnected: with the defaults, a silent link is noticed within 20 s and
    ///         reported as ``ConnectionChanged(state="disconnected")``.
    ///     queue_capacity: How many unread events are kept (default 10,000).
    ///     queue_bytes: How many bytes of unread events are kept, an event counting as the
    ///         document it came from (default 32 MiB). When either bound is reached the oldest
    ///         events go, and the next one read is ``EventsDropped`` with their count.
    ///     history_bytes: How many bytes of recent events are kept for commands waiting on
    ///         their outcome (``wait=``; default 8 MiB).
    ///     failover_after: Seconds the node may stay unavailable (its notification service
    ///         unreachable, its Finesse service unavailable, or out of service) before the
    ///         client moves REST and notifications to the other node, if that one is in
    ///         service (default 3).
    ///     callback: Called with each event, instead of queueing it for ``next()``: on the
    ///         session's own thread (named ``finesse-notifications``), with the interpreter
    ///         lock taken. Keep it short; it may send commands, but not wait on them
    ///         (``wait=``), nor read or close the session. What it raises is reported through
    ///         ``sys.unraisablehook`` and the session goes on. The ``connected`` event that
    ///         opens the session is queued before the callback is set.
    ///
    /// Returns:
    ///     The ``Notifications`` session; close it (or use ``with``) when done.
    ///
    /// Raises:
    ///     ValidationError: An argument is not valid, or a session is already running for
    ///         this client.
    ///     AuthenticationError: The notification service refused the credentials.
    ///     TransportError, TlsError, TimeoutError: The service could not be reached.
    #[pyo3(signature = (
        *,
        url = None,
        resource = None,
        subscribe = Vec::new(),
        ping_interval = None,
        ping_timeout = None,
        max_missed_pings = None,
        queue_capacity = None,
        queue_bytes = None,
        history_bytes = None,
        failover_after = None,
        callback = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn notifications<'py>(
        &self,
        py: Python<'py>,
        url: Option<String>,
        resource: Option<String>,
        subscribe: Vec<String>,
        ping_interval: Option<f64>,
        ping_timeout: Option<f64>,
        max_missed_pings: Option<u32>,
        queue_capacity: Option<usize>,
        queue_bytes: Option<usize>,
        history_bytes: Option<usize>,
        failover_after: Option<f64>,
        callback: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, Notifications>> {
        if let Some(callable) = &callback
            && !callable.is_callable()
        {
            return Err(PyTypeError::new_err(format!(
                "callback must be callable, not {}",
                callable.get_type().name()?
            )));
        }
        let options = (|| {
            let defaults = NotificationOptions::default();
            let interval = ping_interval.map(|s| convert::seconds("ping_interval", s));
            let timeout = ping_timeout.map(|s| convert::seconds("ping_timeout", s));
            let mut options = defaults.clone().keep_alive(
                interval.transpose()?.unwrap_or(defaults.ping_interval),
                timeout.transpose()?.unwrap_or(defaults.ping_timeout),
                max_missed_pings.unwrap_or(defaults.max_missed_pings),
            );
            if let Some(url) = url {
                options = options.url(url);
            }
            if let Some(resource) = resource {
                options = options.resource(resource);
            }
            options.queue_capacity = queue_capacity.unwrap_or(options.queue_capacity);
            options.queue_bytes = queue_bytes.unwrap_or(options.queue_bytes);
            options.history_bytes = history_bytes.unwrap_or(options.history_bytes);
            if let Some(after) = failover_after {
                options = options.failover_after(convert::seconds("failover_after", after)?);
            }
            Ok(subscribe
                .into_iter()
                .fold(options, |options, node| options.subscribe(node)))
        })()
        .map_err(|e: Error| errors::to_py(py, e))?;
        let session = self.run(py, move |c| c.notifications_with(options))?;
        Bound::new(py, Notifications::new(session, callback.map(Bound::unbind)))
    }

    /// Iterates over the events of the client's notification session: the one
    /// ``notifications()`` returned, while it is open; else one started here with the
    /// default settings, which stays open (keeping the agent's presence) until the client
    /// is closed, and which later calls reuse.
    ///
    /// Args:
    ///     timeout: Stop after this many seconds without an event; None (the default)
    ///         iterates until the session is closed.
    ///
    /// Returns:
    ///     An ``EventIterator``. When the session has a callback, events go to the callback
    ///     and none to the iterator.
    ///
    /// Raises:
    ///     ValidationError: ``timeout`` is negative.
    ///     FinesseError: A session could not be started (see ``notifications()``).
    ///
    /// Example::
    ///
    ///     for event in client.events(timeout=30.0):
    ///         print(event)
    #[pyo3(signature = (timeout = None))]
    fn events(&self, py: Python<'_>, timeout: Option<f64>) -> PyResult<EventIterator> {
        let timeout = timeout
            .map(|t| convert::non_negative_seconds("timeout", t))
            .transpose()
            .map_err(|e| errors::to_py(py, e))?;
        let session = self.run(py, |c| c.events())?;
        let session = Bound::new(py, Notifications::new(session, None))?;
        Ok(EventIterator::new(session.unbind(), timeout))
    }

    /// Gets the node's SystemInfo: status, deployment type, XMPP domain, peers.
    ///
    /// Returns:
    ///     The ``SystemInfo``.
    fn system_info(&self, py: Python<'_>) -> PyResult<SystemInfo> {
        self.run(py, |c| c.system_info()).map(SystemInfo::from)
    }

    /// Lists the reason codes of a category available to the agent: its team's
    /// (TeamResource, 12.5(1) and later) or, on earlier releases, the user's.
    ///
    /// Args:
    ///     category: ``"NOT_READY"`` or ``"LOGOUT"`` (or a ``ReasonCodeCategory``).
    ///
    /// Returns:
    ///     The ``ReasonCode`` list.
    #[pyo3(signature = (category = "NOT_READY"))]
    fn reason_codes(&self, py: Python<'_>, category: &str) -> PyResult<Vec<ReasonCode>> {
        let category = model::ReasonCodeCategory::parse(category);
        self.run(py, move |c| c.reason_codes(category))
            .map(|codes| codes.into_iter().map(ReasonCode::from).collect())
    }

    /// Lists the wrap-up reasons available to the agent: its team's (TeamResource, 12.5(1)
    /// and later) or, on earlier releases, the user's.
    ///
    /// Returns:
    ///     The ``WrapUpReason`` list.
    fn wrap_up_reasons(&self, py: Python<'_>) -> PyResult<Vec<WrapUpReason>> {
        self.run(py, |c| c.wrap_up_reasons())
            .map(|reasons| reasons.into_iter().map(WrapUpReason::from).collect())
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // The last handle closes the session `events()` started (see `blocking::release`).
        blocking::release(
            self.inner
                .get_mut()
                .unwrap_or_else(PoisonError::into_inner)
                .take(),
        );
    }
}
