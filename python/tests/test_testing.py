"""finesse_client.testing and the pytest plugin, used exactly as an application's tests would."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

import finesse_client
from finesse_client import AgentState, DialogState, ParticipantState
from finesse_client.testing import ClientFactory, Emulator

T = TypeVar("T")


def eventually(check: Callable[[], T | None], timeout: float = 5.0) -> T:
    """Polls ``check`` until it returns something true, and returns that."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(0.01)


def test_the_fixture_serves_on_loopback_with_its_own_ca(finesse_emulator: Emulator) -> None:
    assert finesse_emulator.url.startswith("https://127.0.0.1:")
    assert "/finesse" not in finesse_emulator.url
    assert finesse_emulator.notification_url.startswith("wss://127.0.0.1:")
    assert finesse_emulator.control_url.startswith("http://127.0.0.1:")
    assert Path(finesse_emulator.ca_file).read_text() == finesse_emulator.ca_pem
    assert finesse_emulator.passwords["1001"] == "secret1001"
    assert set(finesse_emulator.passwords) == {"1001", "1002", "1003", "2001"}
    assert repr(finesse_emulator) == f"Emulator(url='{finesse_emulator.url}')"


def test_the_request_log_shows_what_the_application_sent(
    finesse_emulator: Emulator, finesse_client_for: ClientFactory
) -> None:
    client = finesse_client_for("1001")
    client.sign_in("1001001", wait=5.0)
    client.make_call("6135551212", call_variables={"callVariable1": "acct-42"}, wait=5.0)

    requests = finesse_emulator.requests()
    [call] = [r for r in requests if r.method == "POST"]
    assert call.path == "/finesse/api/User/1001/Dialogs"
    assert call.status == 202
    assert call.user == "1001"
    assert call.request_id
    assert "<toAddress>6135551212</toAddress>" in call.body
    assert "<value>acct-42</value>" in call.body
    assert not call.body_truncated
    assert repr(call).startswith(f"RecordedRequest(seq={call.seq}, method='POST'")
    for r in requests:
        assert "secret1001" not in repr(r) + r.body
    assert [r.seq for r in finesse_emulator.requests(since=call.seq)] == [
        r.seq for r in requests if r.seq > call.seq
    ]
    finesse_emulator.clear_requests()
    assert finesse_emulator.requests() == []


def test_far_end_and_inbound_calls(
    finesse_emulator: Emulator, finesse_client_for: ClientFactory
) -> None:
    client = finesse_client_for("1001")
    client.sign_in("1001001", wait=5.0)
    finesse_emulator.set_far_end("RING")
    dialog = client.make_call("6135551212", wait=5.0)
    eventually(lambda: client.dialog(dialog.id).state == DialogState.ALERTING)
    finesse_emulator.answer_far_end(dialog.id)
    eventually(lambda: client.dialog(dialog.id).state == DialogState.ACTIVE)
    finesse_emulator.hang_up_far_end(dialog.id)
    eventually(lambda: not client.dialogs())
    with pytest.raises(LookupError):
        finesse_emulator.answer_far_end("1")

    finesse_emulator.set_far_end("BUSY", address="6135550000")
    busy = client.make_call("6135550000", wait=5.0)
    eventually(lambda: client.dialog(busy.id).state == DialogState.FAILED)
    client.drop(busy, wait=5.0)

    dialog_id = finesse_emulator.inject_inbound_call(
        "1001001", "6135559999", call_variables={"callVariable2": "case-9"}, call_type="OTHER_IN"
    )
    ringing = eventually(lambda: client.dialogs())
    assert ringing[0].id == dialog_id
    assert ringing[0].media_properties.call_variable("callVariable2") == "case-9"
    with pytest.raises(LookupError):
        finesse_emulator.inject_inbound_call("9999999", "6135559999")
    with pytest.raises(ValueError):
        finesse_emulator.set_far_end("MAYBE")


def test_lock_outs_are_lifted(
    finesse_emulator: Emulator, finesse_client_for: ClientFactory
) -> None:
    wrong = finesse_client_for("1002", password="wrong")
    for _ in range(5):
        with pytest.raises(finesse_client.AuthenticationError):
            wrong.user()
    right = finesse_client_for("1002")
    with pytest.raises(finesse_client.AuthenticationError):
        right.user()
    finesse_emulator.lift_lockout("1002")
    assert right.user().login_id == "1002"
    finesse_emulator.lift_lockout()
    with pytest.raises(LookupError):
        finesse_emulator.lift_lockout("9999")


def test_reset_and_out_of_service(
    finesse_emulator: Emulator, finesse_client_for: ClientFactory
) -> None:
    client = finesse_client_for("1001")
    client.sign_in("1001001", wait=5.0)
    finesse_emulator.set_out_of_service()
    with pytest.raises(finesse_client.ServiceUnavailableError):
        client.user()
    finesse_emulator.set_out_of_service(False)
    assert client.user().state == AgentState.NOT_READY
    finesse_emulator.reset()
    assert client.user().state == AgentState.LOGOUT
    assert [r.method for r in finesse_emulator.requests()] == ["GET"]


def test_queues_assigned_and_removed(
    finesse_emulator: Emulator, finesse_client_for: ClientFactory
) -> None:
    client = finesse_client_for("1001")
    assert [q.id for q in client.queues()] == [10]
    finesse_emulator.assign_queue(11, "5007")
    assert [q.id for q in client.queues()] == [10, 11]
    finesse_emulator.unassign_queue(11, "5007")
    assert [q.id for q in client.queues()] == [10]
    with pytest.raises(LookupError):
        finesse_emulator.assign_queue(99, "5007")


def test_started_by_hand_with_options_and_closed() -> None:
    with Emulator(ccx=True, http=True, forced_logout_secs=0, ring_ms=10, step_ms=5) as emulator:
        assert emulator.url.startswith("http://127.0.0.1:")
        client = finesse_client.Client(emulator.url, "1003", emulator.passwords["1003"])
        assert client.system_info().deployment_type == finesse_client.DeploymentType.UCCX
        client.close()
        ca_file = emulator.ca_file
        assert not emulator.closed
    assert emulator.closed
    assert not Path(ca_file).exists()
    assert repr(emulator).endswith(", closed)")
    emulator.close()
    with pytest.raises(RuntimeError, match="closed"):
        emulator.reset()
    with pytest.raises(ValueError, match="step_ms"):
        Emulator(step_ms=-1)


def test_release_profiles_and_deployment_settings() -> None:
    with Emulator(release="cce-12.0", no_reason_codes=True, forced_logout_secs=0) as emulator:
        assert emulator.release == "cce-12.0"
        client = finesse_client.Client(emulator.url, "1001", emulator.passwords["1001"],
                                       ca_pem=emulator.ca_pem)
        client.sign_in("1001001", wait=5.0)
        client.ready(wait=5.0)
        # Dialing from READY exists only from CCE 12.5: 12.0 refuses it.
        with pytest.raises(finesse_client.InvalidStateError):
            client.make_call("6135551212")
        # Without reason codes configured, NOT_READY needs no reason.
        assert client.not_ready(wait=5.0).state == AgentState.NOT_READY
        emulator.set_release("cce-12.5")
        emulator.set_reason_codes_configured(True)
        emulator.set_wrap_up_timer(0.2)
        emulator.set_wrap_up_timer(None)
        assert emulator.release == "cce-12.5"
        client.close()
    with pytest.raises(ValueError, match="contradicts"):
        Emulator(release="cce-12.5", ccx=True)
    with pytest.raises(ValueError, match="cce-9"):
        Emulator(release="cce-9")


def test_the_race_between_call_control_requests() -> None:
    """With ``call_control_race`` a second call-control request of a device sent before the
    first one's outcome is refused, as Finesse 12.5(1) warns (DG12.5 p91); the client waits
    for that outcome when it has a notification session."""
    with Emulator(call_control_race=True, forced_logout_secs=0) as emulator:
        client = finesse_client.Client(emulator.url, "1001", emulator.passwords["1001"],
                                       ca_pem=emulator.ca_pem,
                                       notification_url=emulator.notification_url)
        client.sign_in("1001001", wait=5.0)
        dialog = client.make_call("6135551212", wait=5.0)
        assert dialog is not None
        call_id = dialog.id
        eventually(lambda: client.dialog(call_id).state == DialogState.ACTIVE)

        def own_state() -> ParticipantState:
            [me] = [p for p in client.dialog(call_id).participants
                    if p.media_address == "1001001"]
            return me.state

        # Without a notification session RETRIEVE goes before HOLD's outcome: refused.
        client.hold(call_id)
        client.retrieve(call_id)
        emulator.settle()
        time.sleep(0.1)
        assert own_state() == ParticipantState.HELD
        # With one, the client waits for HOLD's outcome before RETRIEVE: both succeed.
        session = client.notifications()
        try:
            client.retrieve(call_id, wait=5.0)
            client.hold(call_id)
            retrieved = client.retrieve(call_id, wait=5.0)
            assert retrieved is not None
            assert own_state() == ParticipantState.ACTIVE
        finally:
            session.close()
        emulator.set_call_control_race(False)
        client.close()
