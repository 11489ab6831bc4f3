"""A supervisor against the emulator: the team and its members' states, a member's state set by
the supervisor, silent monitor, barge-in and leaving, queues and their statistics, the team and
queue events, ``PermissionDeniedError`` outside one's teams, and team messages (12.x) sent by
supervisor 2001 and received by agent 1001 of team 5007 as ``TeamMessageReceived``."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import pytest
from conftest import Emulator, eventually

import finesse_client
from finesse_client import (
    AgentState,
    Dialog,
    ParticipantState,
    PermissionDeniedError,
    QueueChanged,
    Team,
    TeamMessage,
    TeamMessageDeleted,
    TeamMessageReceived,
    User,
    UserChanged,
    UserQueuesAdded,
    UserQueuesRemoved,
)

TEAM_NODE = "/finesse/api/Team/5007/Users"


def test_team_lists_members_with_their_states(emulator: Emulator) -> None:
    emulator.signed_in("1001")
    supervisor = emulator.client("2001")
    team_id = supervisor.user().teams[0].id
    team = supervisor.team(team_id)
    assert isinstance(team, Team)
    assert (team.id, team.name, team.uri) == ("5007", "Sales", "/finesse/api/Team/5007")
    members = {user.login_id: user for user in team.users}
    assert set(members) == {"1001", "1002", "1003", "2001"}
    assert members["1001"].state == AgentState.NOT_READY
    assert members["1001"].extension == "1001001"
    assert members["1002"].state == AgentState.LOGOUT
    assert members["1001"].media_state is None  # CCE writes none
    assert team.to_dict()["name"] == "Sales"
    assert pickle.loads(pickle.dumps(team)) == team
    assert copy.deepcopy(team) == team


def test_a_ccx_team_says_whether_each_member_is_on_a_call(ccx_emulator: Emulator) -> None:
    # DG12.5 p150: on CCX the users of a Team carry mediaState, BUSY or IDLE.
    ccx_emulator.signed_in("1001")
    team = ccx_emulator.client("2001").team("5007")
    members = {user.login_id: user for user in team.users}
    assert members["1001"].media_state == "IDLE"


def test_permission_errors_are_not_authentication_errors(emulator: Emulator) -> None:
    agent = emulator.client("1001")
    with pytest.raises(PermissionDeniedError) as refused:
        agent.team("5007")
    assert refused.value.status == 401
    assert refused.value.error_type == "Invalid Authorization User Specified"
    assert not isinstance(refused.value, finesse_client.AuthenticationError)
    with pytest.raises(finesse_client.NotFoundError):
        emulator.client("2001").team("9999")
    with pytest.raises(finesse_client.ValidationError):
        emulator.client("2001").set_member_state("1001", AgentState.TALKING)


def test_member_state_set_by_the_supervisor_is_seen_on_the_team_node(
    emulator: Emulator,
) -> None:
    emulator.signed_in("1001")
    supervisor = emulator.client("2001")
    with supervisor.notifications(subscribe=[TEAM_NODE]) as session:
        member = supervisor.set_member_state("1001", AgentState.READY, wait=5.0)
        assert isinstance(member, User)
        assert (member.login_id, member.state) == ("1001", AgentState.READY)
        seen = eventually(
            lambda: next(
                (
                    e
                    for e in iter(lambda: session.next(timeout=0.2), None)
                    if isinstance(e, UserChanged) and e.user.login_id == "1001"
                ),
                None,
            )
        )
        assert seen.user.state == AgentState.READY
    accepted = supervisor.set_member_state("1001", "NOT_READY")
    assert isinstance(accepted, finesse_client.Accepted)
    eventually(lambda: emulator.agent("1001")["state"] == "NOT_READY" or None)


def test_silent_monitor_barge_in_and_leave(emulator: Emulator) -> None:
    agent = emulator.signed_in("1001")
    call = agent.make_call("6135551212", wait=5.0)
    assert isinstance(call, Dialog)
    eventually(lambda: [d for d in agent.dialogs() if d.state == "ACTIVE"] or None)
    supervisor = emulator.signed_in("2001")
    with supervisor.notifications():
        monitor = supervisor.silent_monitor("1001001", wait=5.0)
        assert isinstance(monitor, Dialog)
        assert (monitor.from_address, monitor.to_address) == ("2001001", "1001001")
        mine = monitor.participant("2001001")
        assert mine is not None and mine.state == ParticipantState.ACTIVE
        assert mine.can("DROP")
        joined = supervisor.barge_in("1001001", monitor, wait=5.0)
        assert isinstance(joined, Dialog)
        assert joined.id == call.id
        assert len(joined.participants) == 3
        assert supervisor.drop(joined, wait=5.0) is None
    assert len(agent.dialog(call.id).participants) == 2


def test_monitoring_an_idle_agent_is_refused_by_cti(emulator: Emulator) -> None:
    emulator.signed_in("1001")
    supervisor = emulator.signed_in("2001")
    with supervisor.notifications(), pytest.raises(finesse_client.CtiError) as refused:
        supervisor.silent_monitor("1001001", wait=5.0)
    assert refused.value.error_data == "13145"


def test_queues_and_their_statistics_events(emulator: Emulator) -> None:
    client = emulator.client("2001")
    queue = client.queue("10")
    assert (queue.id, queue.name) == (10, "Sales")
    assert queue.statistics.agents_logged_on == 0
    assert [q.id for q in client.queues()] == [10]
    assert client.queue("11").statistics.agents_ready == -1
    with client.notifications(subscribe=["/finesse/api/Queue/10"]) as session:
        emulator.signed_in("1001")
        emulator.control("POST", "/queue-statistics")
        event = eventually(
            lambda: next(
                (
                    e
                    for e in iter(lambda: session.next(timeout=0.2), None)
                    if isinstance(e, QueueChanged)
                ),
                None,
            )
        )
    assert event.queue.id == 10
    assert event.queue.statistics.agents_logged_on == 1
    assert pickle.loads(pickle.dumps(event)) == event


def test_team_resources(emulator: Emulator) -> None:
    client = emulator.client("1001")
    team_id = client.user().team_id
    assert team_id == "5007"
    assert client.team_reason_codes(team_id) == client.reason_codes("NOT_READY")
    assert client.team_reason_codes(team_id, "LOGOUT") == client.reason_codes("LOGOUT")
    assert client.team_wrap_up_reasons(team_id) == client.wrap_up_reasons()
    with pytest.raises(finesse_client.NotFoundError):
        client.team_wrap_up_reasons("6000")


def test_team_messages_sent_received_listed_and_deleted(emulator: Emulator) -> None:
    agent = emulator.client("1001")
    supervisor = emulator.client("2001")
    with agent.notifications(subscribe=["/finesse/api/Team/5007/TeamMessages"]) as session:
        sent = supervisor.send_team_message("Huddle at 3 & bring <notes>", 600, ["5007"])
        assert isinstance(sent, TeamMessage)
        assert (sent.content, sent.duration, sent.teams) == (
            "Huddle at 3 & bring <notes>",
            600,
            ["5007"],
        )
        assert sent.created_by is not None
        assert (sent.created_by.id, sent.created_by.first_name) == ("2001", "Sam")
        event = eventually(
            lambda: next(
                (
                    e
                    for e in iter(lambda: session.next(timeout=0.2), None)
                    if isinstance(e, TeamMessageReceived)
                ),
                None,
            )
        )
    assert event.message == sent
    assert event.to_dict()["message"] == sent.to_dict()
    assert "TeamMessageReceived" in repr(event)
    assert pickle.loads(pickle.dumps(event)) == event
    assert copy.deepcopy(event) == event
    assert agent.team_messages("5007") == [sent]
    with pytest.raises(finesse_client.AuthenticationError) as refused:
        agent.send_team_message("hello", 600, ["5007"])
    assert refused.value.status == 401
    assert refused.value.error_type == "Authorization Failure"
    with pytest.raises(finesse_client.NotFoundError):
        supervisor.send_team_message("hello", 600, ["9999"])
    with agent.notifications(subscribe=["/finesse/api/Team/5007/TeamMessages"]) as session:
        supervisor.delete_team_message(sent.id)
        deleted = eventually(
            lambda: next(
                (
                    e
                    for e in iter(lambda: session.next(timeout=0.2), None)
                    if isinstance(e, TeamMessageDeleted)
                ),
                None,
            )
        )
    assert deleted.message.id == sent.id
    assert pickle.loads(pickle.dumps(deleted)) == deleted
    assert agent.team_messages("5007") == []


@pytest.mark.parametrize(
    ("content", "duration", "teams", "field"),
    [
        ("", 600, ["5007"], "content"),
        ("x" * 256, 600, ["5007"], "content"),
        ("hello", 600, [], "team_ids"),
        ("hello", 299, ["5007"], "duration"),
        ("hello", 86101, ["5007"], "duration"),
    ],
)
def test_team_message_input_is_checked_before_sending(
    emulator: Emulator, content: str, duration: int, teams: list[str], field: str
) -> None:
    supervisor = emulator.client("2001")
    with pytest.raises(finesse_client.ValidationError) as refused:
        supervisor.send_team_message(content, duration, teams)
    assert isinstance(refused.value, ValueError)
    assert field in str(refused.value)
    assert supervisor.team_messages("5007") == []


def test_a_queue_assigned_and_removed_is_told_on_the_users_queues_node(emulator: Emulator) -> None:
    agent = emulator.client("1001")
    nodes = ["/finesse/api/User/1001/Queues"]
    with agent.notifications(subscribe=nodes) as session:

        def next_of(kind: type) -> Any:
            return eventually(
                lambda: next(
                    (e for e in iter(lambda: session.next(timeout=0.2), None) if isinstance(e, kind)),
                    None,
                )
            )

        emulator.control("PUT", "/queues/11/teams/5007")
        added = next_of(UserQueuesAdded)
        assert [(q.id, q.name) for q in added.queues] == [(11, "Overflow")]
        assert [q.id for q in agent.queues()] == [10, 11]
        emulator.control("DELETE", "/queues/11/teams/5007")
        removed = next_of(UserQueuesRemoved)
    assert [q.uri for q in removed.queues] == ["/finesse/api/Queue/11"]
    assert pickle.loads(pickle.dumps(removed)) == removed
    assert [q.id for q in agent.queues()] == [10]
