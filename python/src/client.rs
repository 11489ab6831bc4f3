//! `Client`: one agent's connection to Finesse, with a method per operation of the core client.
//!
//! Every network call runs with the interpreter lock released.

use std::path::PathBuf;
use std::sync::{PoisonError, RwLock};

use finesse_client::{CallData, Config, Error, MakeCall, model};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyType};

use crate::convert::{self, CallVariables, DialogId, StrOrBytes};
use crate::errors;
use crate::exceptions::{FinesseError, InsecureWarning};
use crate::models::{Accepted, Dialog, ReasonCode, SystemInfo, User, WrapUpReason};

/// A synchronous Finesse client for one agent (or supervisor).
///
/// Nothing is sent until the first call. Safe to share between threads: commands (state
/// changes, call control) from one client are sent one at a time, reads run concurrently,
/// and every call releases the interpreter lock while it waits for the network.
///
/// Commands return an ``Accepted`` as soon as Finesse accepts them (HTTP 202); the outcome
/// (the new state, the new call) shows in the next read. Commands are never retried.
///
/// Args:
///     url: The node: ``https://host[:port]``, or a bare host name, meaning
///         ``https://host:8445``.
///     user: The agent id or sign-in name (with ``token``, the agent id).
///     password: The password, for HTTP Basic authentication.
///     secondary: The side B node, tried when side A is unreachable or out of service.
///     ca_file: A PEM file of CA certificates to trust, in addition to the built-in roots.
///     ca_pem: PEM text of CA certificates to trust, in addition to the built-in roots.
///     verify: ``False`` switches certificate verification off and warns with
///         ``InsecureWarning``; use only against a lab server.
///     timeout: Seconds allowed to send a request and receive the answer headers, and again
///         for the body.
///     connect_timeout: Seconds allowed to connect, TLS included.
///     token: An SSO access token, sent as ``Authorization: Bearer`` instead of a password.
///     login_id: The agent id used in URIs, when ``user`` is a sign-in name that differs
///         from it; by default it is learned from the first User document.
///
/// Raises:
///     ValidationError: An argument is not valid (a bad URL, an unreadable CA file, both or
///         neither of ``password`` and ``token``, a timeout that is not positive).
///
/// Example::
///
///     with Client("https://finesse-a.example.com:8445", "1001", password) as client:
///         client.sign_in("1001001")
///         client.make_call("6135551212", call_variables={"callVariable1": "acct-42"})
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
    /// Runs `op` on the core client with the interpreter lock released.
    fn run<T: Send>(
        &self,
        py: Python<'_>,
        op: impl FnOnce(&finesse_client::Client) -> Result<T, Error> + Send,
    ) -> PyResult<T> {
        let client = self
            .inner
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or_else(|| FinesseError::new_err("the client is closed"))?;
        py.detach(move || op(&client))
            .map_err(|e| errors::to_py(py, e))
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
        timeout = 10.0,
        connect_timeout = 5.0,
        token = None,
        login_id = None,
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
        timeout: f64,
        connect_timeout: f64,
        token: Option<String>,
        login_id: Option<String>,
    ) -> PyResult<Client> {
        let config = (|| {
            let mut builder = Config::builder(url.as_str());
            builder = match (password, token) {
                (Some(password), None) => builder.basic_auth(user.as_str(), password),
                (None, Some(token)) => builder.bearer_token(user.as_str(), token),
                (Some(_), Some(_)) => {
                    return Err(Error::InvalidArgument {
                        field: "token".to_owned(),
                        message: "give a password or a token, not both".to_owned(),
                    });
                }
                (None, None) => {
                    return Err(Error::InvalidArgument {
                        field: "password".to_owned(),
                        message: "give a password or a token".to_owned(),
                    });
                }
            };
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
            builder
                .danger_accept_invalid_certs(!verify)
                .request_timeout(convert::seconds("timeout", timeout)?)
                .connect_timeout(convert::seconds("connect_timeout", connect_timeout)?)
                .build()
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
            .map(|c| c.active_node().to_owned())
            .ok_or_else(|| FinesseError::new_err("the client is closed"))
    }

    /// Releases the client's connections. Later calls raise ``FinesseError``; calls in
    /// progress finish. Closing twice does nothing.
    fn close(&self) {
        self.inner
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __exit__(
        &self,
        _exc_type: Option<&Bound<'_, PyType>>,
        _exc_value: Option<&Bound<'_, PyAny>>,
        _traceback: Option<&Bound<'_, PyAny>>,
    ) {
        self.close();
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
        self.run(py, |c| c.user()).map(User::new)
    }

    /// Gets another user by id (a supervisor's team member), or by sign-in name on CCE 12.5+.
    ///
    /// Args:
    ///     id: The user id or sign-in name.
    ///
    /// Returns:
    ///     The ``User``.
    fn user_by_id(&self, py: Python<'_>, id: String) -> PyResult<User> {
        self.run(py, move |c| c.user_by_id(&id)).map(User::new)
    }

    /// Signs the agent in on ``extension``; the agent becomes NOT_READY.
    ///
    /// Args:
    ///     extension: The phone extension to sign in on.
    ///
    /// Returns:
    ///     The ``Accepted`` command.
    fn sign_in(&self, py: Python<'_>, extension: String) -> PyResult<Accepted> {
        self.run(py, move |c| c.sign_in(&extension))
            .map(Accepted::new)
    }

    /// Makes the agent READY.
    ///
    /// Returns:
    ///     The ``Accepted`` command.
    fn ready(&self, py: Python<'_>) -> PyResult<Accepted> {
        self.run(py, |c| c.ready()).map(Accepted::new)
    }

    /// Makes the agent NOT_READY.
    ///
    /// Args:
    ///     reason_code_id: The Finesse id of a NOT_READY reason code (required when the
    ///         deployment has such codes; see ``reason_codes``).
    ///
    /// Returns:
    ///     The ``Accepted`` command.
    #[pyo3(signature = (reason_code_id = None))]
    fn not_ready(&self, py: Python<'_>, reason_code_id: Option<i64>) -> PyResult<Accepted> {
        self.run(py, move |c| c.not_ready(reason_code_id))
            .map(Accepted::new)
    }

    /// Signs the agent out. On CCE the agent must be NOT_READY first.
    ///
    /// Args:
    ///     reason_code_id: The Finesse id of a LOGOUT reason code, when required.
    ///
    /// Returns:
    ///     The ``Accepted`` command.
    #[pyo3(signature = (reason_code_id = None))]
    fn sign_out(&self, py: Python<'_>, reason_code_id: Option<i64>) -> PyResult<Accepted> {
        self.run(py, move |c| c.sign_out(reason_code_id))
            .map(Accepted::new)
    }

    /// Lists the agent's current dialogs (calls).
    ///
    /// Returns:
    ///     The ``Dialog`` list.
    fn dialogs(&self, py: Python<'_>) -> PyResult<Vec<Dialog>> {
        self.run(py, |c| c.dialogs())
            .map(|dialogs| dialogs.into_iter().map(Dialog::new).collect())
    }

    /// Gets one dialog by id.
    ///
    /// Args:
    ///     id: The dialog id.
    ///
    /// Returns:
    ///     The ``Dialog``.
    fn dialog(&self, py: Python<'_>, id: String) -> PyResult<Dialog> {
        self.run(py, move |c| c.dialog(&id)).map(Dialog::new)
    }

    /// Places a call (click-to-dial). The new dialog shows in ``dialogs()`` once the phone
    /// starts the call.
    ///
    /// Args:
    ///     to: The number to dial: any printable ASCII, sent as given.
    ///     call_variables: Call variables (``callVariable1``-``10``) and ECC variables
    ///         (``user.<name>``), as a mapping or as ``(name, value)`` pairs. CCE only.
    ///     from_extension: Dial from this extension instead of the signed-in one.
    ///
    /// Returns:
    ///     The ``Accepted`` command.
    ///
    /// Raises:
    ///     ValidationError: An argument is not valid; nothing was sent.
    ///     OutcomeUnknownError: The request was sent and no answer came: the call may exist.
    #[pyo3(signature = (to, *, call_variables = None, from_extension = None))]
    fn make_call(
        &self,
        py: Python<'_>,
        to: String,
        call_variables: Option<CallVariables>,
        from_extension: Option<String>,
    ) -> PyResult<Accepted> {
        let mut call = MakeCall::new(to);
        if let Some(from) = from_extension {
            call = call.from_address(from);
        }
        for (name, value) in call_variables.map(|v| v.0).unwrap_or_default() {
            call = call.call_variable(name, value);
        }
        self.run(py, move |c| c.make_call(&call)).map(Accepted::new)
    }

    /// Answers a ringing call.
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///
    /// Returns:
    ///     The ``Accepted`` command.
    fn answer(&self, py: Python<'_>, dialog: DialogId) -> PyResult<Accepted> {
        self.run(py, move |c| c.answer(&dialog.0))
            .map(Accepted::new)
    }

    /// Puts a call on hold.
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///
    /// Returns:
    ///     The ``Accepted`` command.
    fn hold(&self, py: Python<'_>, dialog: DialogId) -> PyResult<Accepted> {
        self.run(py, move |c| c.hold(&dialog.0)).map(Accepted::new)
    }

    /// Takes a call off hold.
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///
    /// Returns:
    ///     The ``Accepted`` command.
    fn retrieve(&self, py: Python<'_>, dialog: DialogId) -> PyResult<Accepted> {
        self.run(py, move |c| c.retrieve(&dialog.0))
            .map(Accepted::new)
    }

    /// Leaves (hangs up) a call.
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///
    /// Returns:
    ///     The ``Accepted`` command.
    fn drop(&self, py: Python<'_>, dialog: DialogId) -> PyResult<Accepted> {
        self.run(py, move |c| c.drop_call(&dialog.0))
            .map(Accepted::new)
    }

    /// Holds a call and calls ``to`` for a consult; the consult call is a new dialog.
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///     to: Whom to consult.
    ///
    /// Returns:
    ///     The ``Accepted`` command.
    fn consult_call(&self, py: Python<'_>, dialog: DialogId, to: String) -> PyResult<Accepted> {
        self.run(py, move |c| c.consult_call(&dialog.0, &to))
            .map(Accepted::new)
    }

    /// Completes a consult transfer.
    ///
    /// Args:
    ///     dialog: The ``Dialog`` (either call of the consult), or its id.
    ///
    /// Returns:
    ///     The ``Accepted`` command.
    fn transfer(&self, py: Python<'_>, dialog: DialogId) -> PyResult<Accepted> {
        self.run(py, move |c| c.transfer(&dialog.0))
            .map(Accepted::new)
    }

    /// Transfers a call to ``to`` in one step (blind transfer).
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///     to: Where to transfer.
    ///
    /// Returns:
    ///     The ``Accepted`` command.
    fn transfer_sst(&self, py: Python<'_>, dialog: DialogId, to: String) -> PyResult<Accepted> {
        self.run(py, move |c| c.transfer_sst(&dialog.0, &to))
            .map(Accepted::new)
    }

    /// Joins the consult call into a conference.
    ///
    /// Args:
    ///     dialog: The ``Dialog`` (either call of the consult), or its id.
    ///
    /// Returns:
    ///     The ``Accepted`` command.
    fn conference(&self, py: Python<'_>, dialog: DialogId) -> PyResult<Accepted> {
        self.run(py, move |c| c.conference(&dialog.0))
            .map(Accepted::new)
    }

    /// Sends DTMF digits on a call.
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///     digits: 0-9, ``*``, ``#``, A-D.
    ///
    /// Returns:
    ///     The ``Accepted`` command.
    fn send_dtmf(&self, py: Python<'_>, dialog: DialogId, digits: String) -> PyResult<Accepted> {
        self.run(py, move |c| c.send_dtmf(&dialog.0, &digits))
            .map(Accepted::new)
    }

    /// Drops a participant from a conference (CCE).
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///     address: The participant's media address.
    ///
    /// Returns:
    ///     The ``Accepted`` command.
    fn drop_participant(
        &self,
        py: Python<'_>,
        dialog: DialogId,
        address: String,
    ) -> PyResult<Accepted> {
        self.run(py, move |c| c.drop_participant(&dialog.0, &address))
            .map(Accepted::new)
    }

    /// Writes call variables and/or the wrap-up reason on a call; only what is given changes.
    ///
    /// Args:
    ///     dialog: The ``Dialog``, or its id.
    ///     call_variables: Call variables and ECC variables, as a mapping or as
    ///         ``(name, value)`` pairs.
    ///     wrap_up_reason: The wrap-up reason (at most 39 bytes).
    ///
    /// Returns:
    ///     The ``Accepted`` command.
    ///
    /// Raises:
    ///     ValidationError: Neither is given, or a value is not valid; nothing was sent.
    #[pyo3(signature = (dialog, *, call_variables = None, wrap_up_reason = None))]
    fn update_call_data(
        &self,
        py: Python<'_>,
        dialog: DialogId,
        call_variables: Option<CallVariables>,
        wrap_up_reason: Option<String>,
    ) -> PyResult<Accepted> {
        let mut data = CallData::new();
        if let Some(reason) = wrap_up_reason {
            data = data.wrap_up_reason(reason);
        }
        for (name, value) in call_variables.map(|v| v.0).unwrap_or_default() {
            data = data.call_variable(name, value);
        }
        self.run(py, move |c| c.update_call_data(&dialog.0, &data))
            .map(Accepted::new)
    }

    /// Gets the node's SystemInfo: status, deployment type, XMPP domain, peers.
    ///
    /// Returns:
    ///     The ``SystemInfo``.
    fn system_info(&self, py: Python<'_>) -> PyResult<SystemInfo> {
        self.run(py, |c| c.system_info()).map(SystemInfo::new)
    }

    /// Lists the reason codes of a category available to the agent.
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
            .map(|codes| codes.into_iter().map(ReasonCode::new).collect())
    }

    /// Lists the wrap-up reasons available to the agent.
    ///
    /// Returns:
    ///     The ``WrapUpReason`` list.
    fn wrap_up_reasons(&self, py: Python<'_>) -> PyResult<Vec<WrapUpReason>> {
        self.run(py, |c| c.wrap_up_reasons())
            .map(|reasons| reasons.into_iter().map(WrapUpReason::new).collect())
    }
}
