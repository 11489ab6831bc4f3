"""Commands waited on: ``wait=`` and ``Accepted.wait``, with a notification session (the
outcome from the events, CTI refusals as ``CtiError``) and without one (polling)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from conftest import EXTENSIONS, Emulator, eventually

import finesse_client
from finesse_client import (
    Accepted,
    AgentState,
    Client,
    CtiError,
    CtiErrorEvent,
    Dialog,
    DialogState,
    ParticipantState,
    User,
    ValidationError,
)

NUMBER = "6135551212"


def own_state(dialog: Dialog | None) -> ParticipantState | None:
    """The state of agent 1001's participant in ``dialog``."""
    assert isinstance(dialog, Dialog)
    me = dialog.participant(EXTENSIONS["1001"])
    return None if me is None else me.state


@pytest.fixture(params=["session", "polling"])
def client(request: pytest.FixtureRequest, emulator: Emulator) -> Iterator[Client]:
    """Agent 1001, with a notification session or without one."""
    with emulator.client() as client:
        if request.param == "session":
            with client.notifications():
                yield client
        else:
            yield client


def connected(client: Client, dialog: Dialog | None) -> Dialog:
    """The dialog once the far end has answered."""
    assert isinstance(dialog, Dialog)
    dialog_id = dialog.id
    return eventually(
        lambda: (d := client.dialog(dialog_id)).state == DialogState.ACTIVE and d or None
    )


def test_state_changes_return_the_user(client: Client) -> None:
    user = client.sign_in(EXTENSIONS["1001"], wait=5.0)
    assert isinstance(user, User)
    assert user.state == AgentState.NOT_READY and user.extension == EXTENSIONS["1001"]
    assert client.ready(wait=5.0).state == AgentState.READY
    assert client.not_ready(22, wait=5.0).reason_code_id == 22
    assert client.sign_out(31, wait=5.0).state == AgentState.LOGOUT


def test_call_commands_return_the_dialog(client: Client, emulator: Emulator) -> None:
    client.sign_in(EXTENSIONS["1001"], wait=5.0)
    dialog = client.make_call(NUMBER, call_variables={"callVariable1": "acct-42"}, wait=5.0)
    assert isinstance(dialog, Dialog)
    assert dialog.to_address == NUMBER
    assert dialog.media_properties.call_variables["callVariable1"] == "acct-42"
    connected(client, dialog)
    held = client.hold(dialog, wait=5.0)
    assert own_state(held) == ParticipantState.HELD
    assert own_state(client.retrieve(dialog.id, wait=5.0)) == ParticipantState.ACTIVE
    updated = client.update_call_data(dialog, wrap_up_reason="Sales Call", wait=5.0)
    assert isinstance(updated, Dialog)
    assert updated.media_properties.wrap_up_reason == "Sales Call"
    assert client.drop(dialog, wait=5.0) is None
    assert client.dialogs() == []


def test_consult_and_transfer(client: Client, emulator: Emulator) -> None:
    client.sign_in(EXTENSIONS["1001"], wait=5.0)
    original = connected(client, client.make_call(NUMBER, wait=5.0))
    consult = client.consult_call(original, "6135550001", wait=5.0)
    assert isinstance(consult, Dialog)
    assert consult.id != original.id
    assert (consult.associated_dialog_uri or "").endswith(original.id)
    connected(client, consult)
    assert client.transfer(consult, wait=5.0) is None


def test_send_dtmf_without_a_session(emulator: Emulator) -> None:
    # DTMF changes nothing in the dialog; without a session the dialog as it is is returned.
    with emulator.client() as client:
        client.sign_in(EXTENSIONS["1001"], wait=5.0)
        dialog = connected(client, client.make_call(NUMBER, wait=5.0))
        after = client.send_dtmf(dialog, "12#", wait=5.0)
        assert isinstance(after, Dialog) and after.id == dialog.id
        emulator.settle()
        assert emulator.dialogs()[0]["dtmf_digits"] == "12#"


def test_accepted_wait(client: Client) -> None:
    accepted = client.sign_in(EXTENSIONS["1001"])
    assert isinstance(accepted, Accepted)
    user = accepted.wait(5.0)
    assert isinstance(user, User) and user.state == AgentState.NOT_READY
    assert accepted.wait(5.0) == user, "waiting again gives the same outcome"
    with pytest.raises(ValidationError) as info:
        accepted.wait(0)
    assert info.value.field == "timeout"


def test_cti_refusal_raises_cti_error(emulator: Emulator) -> None:
    with emulator.client() as client, client.notifications() as session:
        client.sign_in(EXTENSIONS["1001"], wait=5.0)
        dialog = connected(client, client.make_call(NUMBER, wait=5.0))
        # RETRIEVE on a call that is not held: CCE Generic Error 20999, after the 202.
        with pytest.raises(CtiError) as info:
            client.retrieve(dialog, wait=5.0)
        error = info.value
        assert isinstance(error, finesse_client.ApiError)
        assert error.status == 202
        assert (error.error_type, error.error_data) == ("Generic Error", "20999")
        assert error.error_message == "CF_GENERIC_UNSPECIFIED"
        assert [e.error_data for e in error.errors] == ["20999"]
        assert error.source == f"/finesse/api/Dialog/{dialog.id}"
        assert "refused by the CTI server" in str(error)

        accepted = client.retrieve(dialog)
        with pytest.raises(CtiError) as again:
            accepted.wait(5.0)
        assert again.value.request_id == accepted.request_id
        refusals = [e for e in session.events(timeout=0.5) if isinstance(e, CtiErrorEvent)]
        assert [e.request_id for e in refusals][-1] == accepted.request_id


def test_user_requests_refused_by_the_cti_server(emulator: Emulator) -> None:
    # As recorded on a real CCE 12.5 (reference 10.4): READY while signed out and a sign-in
    # on an unknown extension are accepted (202), then refused on the User node.
    with emulator.client() as client, client.notifications():
        with pytest.raises(CtiError) as ready:
            client.ready(wait=5.0)
        assert (ready.value.error_type, ready.value.error_data) == ("Invalid State", "22")
        assert ready.value.error_message == "CF_INVALID_OBJECT_STATE"
        with pytest.raises(CtiError) as device:
            client.sign_in("no such phone", wait=5.0)
        error = device.value
        assert (error.error_type, error.error_data) == ("Invalid Device", "260")
        assert error.error_message == "CF_INVALID_LOGON_DEVICE_SPECIFIED"
        assert error.source == "/finesse/api/User/1001"
        assert client.user().state == AgentState.LOGOUT


def test_outcome_not_seen_in_time(emulator: Emulator) -> None:
    with emulator.client() as client:
        client.sign_in(EXTENSIONS["1001"], wait=5.0)
        dialog = connected(client, client.make_call(NUMBER, wait=5.0))
        started = time.monotonic()
        # Without a session the refusal is not seen: the conference never shows.
        with pytest.raises(finesse_client.TimeoutError, match="outcome was not seen"):
            client.conference(dialog, wait=0.3)
        assert time.monotonic() - started >= 0.2
        accepted = client.conference(dialog)
        with pytest.raises(TimeoutError) as info:
            accepted.wait(0.2)
        assert isinstance(info.value, finesse_client.TimeoutError)
        assert info.value.request_id == accepted.request_id


def test_wait_is_validated_before_sending(emulator: Emulator) -> None:
    with emulator.client() as client:
        for wait in (0.0, -1.0, float("inf")):
            with pytest.raises(ValidationError) as info:
                client.sign_in(EXTENSIONS["1001"], wait=wait)
            assert info.value.field == "wait"
        assert emulator.agent("1001")["state"] == "LOGOUT"


def test_waiting_releases_the_interpreter_lock(emulator: Emulator) -> None:
    with emulator.client() as client:
        client.user()
        emulator.control("PUT", "/latency", {"ms": 300})
        ticks = 0
        done = threading.Event()

        def count() -> None:
            nonlocal ticks
            while not done.is_set():
                ticks += 1
                time.sleep(0.01)

        counter = threading.Thread(target=count)
        counter.start()
        try:
            assert client.sign_in(EXTENSIONS["1001"], wait=5.0).state == AgentState.NOT_READY
        finally:
            done.set()
            counter.join()
        assert ticks >= 20, f"only {ticks} ticks while the command and its wait ran"


def test_dialog_state_after_make_call_with_session(emulator: Emulator) -> None:
    with emulator.client() as client, client.notifications():
        client.sign_in(EXTENSIONS["1001"], wait=5.0)
        client.ready(wait=5.0)
        dialog = client.make_call(NUMBER, wait=5.0)
        assert isinstance(dialog, Dialog)
        assert dialog.state == DialogState.INITIATING, "the new call as first published"

