//! The supervisor's and wallboard's methods of `Client`: the team and its resources, queues,
//! a member's state, silent monitor and barge-in, team messages. Each is one call of the core
//! method of the same name.

use finesse_client::model;
use pyo3::prelude::*;

use crate::client::Client;
use crate::convert::DialogId;
use crate::models::{Queue, ReasonCode, Team, TeamMessage, WrapUpReason};

#[pymethods]
impl Client {
    /// Gets a team the signed-in supervisor supervises, with its members' states
    /// (``GET /finesse/api/Team/<id>``). The ids of the supervisor's teams are in
    /// ``User.teams``.
    ///
    /// Returns:
    ///     The ``Team``: ``users`` holds a summary ``User`` of each member (state,
    ///     extension, names, reason code).
    ///
    /// Raises:
    ///     PermissionDeniedError: The user does not supervise this team.
    ///     NotFoundError: No such team.
    fn team(&self, py: Python<'_>, team_id: String) -> PyResult<Team> {
        self.run(py, move |c| c.team(&team_id)).map(Team::from)
    }

    /// Lists the reason codes of a category of a team (``GET
    /// /finesse/api/TeamResource/<id>/ReasonCodes``, 12.5(1) and later: the API that replaces
    /// ``reason_codes``). The agent's team is ``User.team_id``.
    ///
    /// Returns:
    ///     The ``ReasonCode`` list.
    #[pyo3(signature = (team_id, category = "NOT_READY"))]
    fn team_reason_codes(
        &self,
        py: Python<'_>,
        team_id: String,
        category: &str,
    ) -> PyResult<Vec<ReasonCode>> {
        let category = model::ReasonCodeCategory::parse(category);
        self.run(py, move |c| c.team_reason_codes(&team_id, category))
            .map(|codes| codes.into_iter().map(ReasonCode::from).collect())
    }

    /// Lists the wrap-up reasons of a team (``GET
    /// /finesse/api/TeamResource/<id>/WrapUpReasons``, 12.5(1) and later).
    ///
    /// Returns:
    ///     The ``WrapUpReason`` list.
    fn team_wrap_up_reasons(&self, py: Python<'_>, team_id: String) -> PyResult<Vec<WrapUpReason>> {
        self.run(py, move |c| c.team_wrap_up_reasons(&team_id))
            .map(|reasons| reasons.into_iter().map(WrapUpReason::from).collect())
    }

    /// Gets a queue and its statistics (``GET /finesse/api/Queue/<id>``, CCE only; any
    /// signed-in user may read any queue).
    ///
    /// Returns:
    ///     The ``Queue``, with ``statistics``.
    fn queue(&self, py: Python<'_>, queue_id: String) -> PyResult<Queue> {
        self.run(py, move |c| c.queue(&queue_id)).map(Queue::from)
    }

    /// Lists the signed-in user's queues with their statistics
    /// (``GET /finesse/api/User/<id>/Queues``, CCE only).
    ///
    /// Returns:
    ///     The ``Queue`` list.
    fn queues(&self, py: Python<'_>) -> PyResult<Vec<Queue>> {
        self.run(py, |c| c.queues())
            .map(|queues| queues.into_iter().map(Queue::from).collect())
    }

    /// A supervisor sets a member of a team it supervises ``READY``, ``NOT_READY`` or
    /// ``LOGOUT`` (no reason code: the system applies its own). The outcome is the member's
    /// ``User``, seen on the team's node (subscribe to ``/finesse/api/Team/<id>/Users``) or,
    /// without a session, by reading the member.
    ///
    /// Args:
    ///     agent_id: The member's agent id.
    ///     state: An ``AgentState`` (or its name): ``READY``, ``NOT_READY`` or ``LOGOUT``.
    ///     wait: Seconds to wait for the outcome; by default the command returns once
    ///         accepted.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, the member's ``User`` after the change.
    ///
    /// Raises:
    ///     ValidationError: Another state; nothing was sent.
    ///     PermissionDeniedError: The member is not on a team the user supervises.
    #[pyo3(signature = (agent_id, state, *, wait = None))]
    fn set_member_state(
        &self,
        py: Python<'_>,
        agent_id: String,
        state: String,
        wait: Option<f64>,
    ) -> PyResult<Py<PyAny>> {
        let state = model::AgentState::parse(&state);
        self.command(py, wait, move |c| c.set_member_state(&agent_id, state))
    }

    /// A supervisor starts silently monitoring the call of the team member signed in on
    /// ``agent_extension``, from the extension the supervisor is signed in with. End it with
    /// ``drop_call`` on the monitor dialog.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, the monitor ``Dialog``.
    ///
    /// Raises:
    ///     CtiError: With ``wait``: the agent is on no call that can be monitored (CCE
    ///         13145, CCX 88049).
    #[pyo3(signature = (agent_extension, *, wait = None))]
    fn silent_monitor(
        &self,
        py: Python<'_>,
        agent_extension: String,
        wait: Option<f64>,
    ) -> PyResult<Py<PyAny>> {
        self.command(py, wait, move |c| c.silent_monitor(&agent_extension))
    }

    /// A supervisor barges in on the call it monitors: the call becomes a conference with
    /// the supervisor in it. Leave it with ``drop_call``.
    ///
    /// Args:
    ///     agent_extension: The monitored member's extension.
    ///     monitor_dialog: The monitor ``Dialog`` (or its id).
    ///     wait: Seconds to wait for the outcome.
    ///
    /// Returns:
    ///     The ``Accepted`` command; with ``wait``, the ``Dialog`` joined.
    #[pyo3(signature = (agent_extension, monitor_dialog, *, wait = None))]
    fn barge_in(
        &self,
        py: Python<'_>,
        agent_extension: String,
        monitor_dialog: DialogId,
        wait: Option<f64>,
    ) -> PyResult<Py<PyAny>> {
        let DialogId(monitor) = monitor_dialog;
        self.command(py, wait, move |c| c.barge_in(&agent_extension, &monitor))
    }

    /// A supervisor broadcasts ``content`` to its teams ``team_ids``, shown on their agents'
    /// desktops for ``duration`` seconds (``POST /finesse/api/TeamMessage``, Finesse 12.0 and
    /// later). The agents' sessions receive it as ``TeamMessageReceived``.
    ///
    /// Args:
    ///     content: The text, 1 to 255 characters.
    ///     duration: Seconds to show it, whole, from 300 (5 minutes) to 86100 (23:55 hours).
    ///     team_ids: The teams, at least one.
    ///
    /// Returns:
    ///     The ``TeamMessage`` as the server answered it (its id, sender and time).
    ///
    /// Raises:
    ///     ValidationError: Bad input, naming the field; nothing was sent.
    ///     AuthenticationError: The user is not a supervisor (the API's 401
    ///         ``Authorization Failure``).
    ///     PermissionDeniedError: A team the user does not supervise.
    ///     NotFoundError: No such team.
    fn send_team_message(
        &self,
        py: Python<'_>,
        content: String,
        duration: u64,
        team_ids: Vec<String>,
    ) -> PyResult<TeamMessage> {
        self.run(py, move |c| {
            let teams: Vec<&str> = team_ids.iter().map(String::as_str).collect();
            c.send_team_message(&content, std::time::Duration::from_secs(duration), &teams)
        })
        .map(TeamMessage::from)
    }

    /// Lists a team's active messages (``GET /finesse/api/Team/<id>/TeamMessages``, 12.0 and
    /// later): its members and supervisors may read them.
    ///
    /// Returns:
    ///     The ``TeamMessage`` list, oldest first.
    fn team_messages(&self, py: Python<'_>, team_id: String) -> PyResult<Vec<TeamMessage>> {
        self.run(py, move |c| c.team_messages(&team_id))
            .map(|messages| messages.into_iter().map(TeamMessage::from).collect())
    }

    /// The supervisor who sent a message deletes it before it expires (``DELETE
    /// /finesse/api/TeamMessage/<id>``): agents stop showing it.
    ///
    /// Args:
    ///     message_id: The message's ``id``.
    fn delete_team_message(&self, py: Python<'_>, message_id: String) -> PyResult<()> {
        self.run(py, move |c| c.delete_team_message(&message_id))
    }
}
