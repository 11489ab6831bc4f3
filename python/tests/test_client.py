"""Every operation of the client against the emulator, CCE and CCX."""

from __future__ import annotations

import re
import uuid

import pytest
from conftest import Emulator, eventually

import finesse_client
from finesse_client import (
    Accepted,
    Action,
    AgentState,
    CallType,
    Client,
    DeploymentType,
    Dialog,
    DialogState,
    ParticipantState,
    ReasonCodeCategory,
    SystemStatus,
)


def assert_accepted(accepted: Accepted) -> None:
    assert isinstance(accepted, Accepted)
    assert str(uuid.UUID(accepted.request_id)) == accepted.request_id
    assert accepted.to_dict() == {"request_id": accepted.request_id}
    assert repr(accepted) == f"Accepted(request_id={accepted.request_id!r})"


def active_call(client: Client, to: str) -> Dialog:
    """Waits for the agent's call to ``to`` to be connected."""
    return eventually(
        lambda: next(
            (d for d in client.dialogs() if d.to_address == to and d.state == DialogState.ACTIVE),
            None,
        )
    )


def inbound_call(emulator: Emulator, client: Client, extension: str) -> Dialog:
    """Rings ``extension`` with a customer call and returns the ringing dialog."""
    emulator.control(
        "POST",
        "/inbound-calls",
        {
            "to": extension,
            "from_address": "5551234",
            "dnis": "8005550100",
            "call_type": "ACD_IN",
            "call_variables": [{"name": "callVariable1", "value": "order-77"}],
        },
    )
    return eventually(lambda: next(iter(client.dialogs()), None))


def test_system_info(emulator: Emulator) -> None:
    info = emulator.client().system_info()
    assert info.status == SystemStatus.IN_SERVICE
    assert isinstance(info.status, SystemStatus)
    assert info.deployment_type == DeploymentType.UCCE
    assert info.uri == "/finesse/api/SystemInfo"


def test_user_and_user_by_id(emulator: Emulator) -> None:
    client = emulator.client()
    user = client.user()
    assert (user.login_id, user.login_name, user.first_name, user.last_name) == (
        "1001",
        "jdoe",
        "Jane",
        "Doe",
    )
    assert user.state == AgentState.LOGOUT
    assert user.extension is None
    assert not user.is_signed_in()
    assert client.user() == user
    supervisor = emulator.client("2001")
    member = supervisor.user_by_id("1002")
    assert (member.login_id, member.first_name) == ("1002", "John")
    assert "Supervisor" in supervisor.user().roles
    # Good credentials, another user's object: not allowed, not an authentication failure.
    with pytest.raises(finesse_client.PermissionDeniedError) as refused:
        client.user_by_id("1002")
    assert isinstance(refused.value, finesse_client.ApiError)
    assert refused.value.status == 401


def test_sign_in_by_login_name(emulator: Emulator) -> None:
    client = finesse_client.Client(emulator.url, "jdoe", "secret1001", ca_file=emulator.ca_file)
    assert client.user().login_id == "1001"


def test_agent_state_changes(emulator: Emulator) -> None:
    client = emulator.client()
    assert_accepted(client.sign_in("1001001"))
    emulator.settle()
    user = client.user()
    assert (user.state, user.extension) == (AgentState.NOT_READY, "1001001")
    assert user.is_signed_in()

    assert_accepted(client.ready())
    emulator.settle()
    assert client.user().state == AgentState.READY

    assert_accepted(client.not_ready(reason_code_id=22))
    emulator.settle()
    user = client.user()
    assert (user.state, user.reason_code_id) == (AgentState.NOT_READY, 22)
    assert emulator.agent("1001")["reason_code_id"] == 22

    assert_accepted(client.sign_out(reason_code_id=31))
    emulator.settle()
    user = client.user()
    assert (user.state, user.extension) == (AgentState.LOGOUT, None)


def test_reason_codes_and_wrap_up_reasons(emulator: Emulator) -> None:
    client = emulator.client()
    not_ready = client.reason_codes()
    assert {22, 23} <= {code.id for code in not_ready}
    assert all(code.category == ReasonCodeCategory.NOT_READY for code in not_ready)
    assert next(c for c in not_ready if c.id == 22).label == "Break"
    logout = client.reason_codes(category="LOGOUT")
    assert [(code.id, code.label) for code in logout] == [(31, "End of shift")]
    assert client.reason_codes(ReasonCodeCategory.LOGOUT) == logout
    labels = [reason.label for reason in client.wrap_up_reasons()]
    assert labels == ["Sales Call", "Support", "Billing"]


def test_make_call_with_call_variables(emulator: Emulator) -> None:
    client = emulator.signed_in()
    accepted = client.make_call(
        "6135551212",
        call_variables={"callVariable1": "acct-42", "user.CustomerId": "9"},
    )
    assert_accepted(accepted)
    dialog = active_call(client, "6135551212")
    assert dialog.from_address == "1001001"
    assert dialog.media_properties.call_type == CallType.OUT
    variables = dialog.media_properties.call_variables
    assert variables["callVariable1"] == "acct-42"
    assert variables["user.CustomerId"] == "9"
    assert ("callVariable1", "acct-42") in dialog.media_properties.call_variable_list
    agent = dialog.participant("1001001")
    assert agent is not None
    assert agent.state == ParticipantState.ACTIVE
    assert agent.can(Action.HOLD) and agent.can("DROP")
    assert not agent.can(Action.ANSWER)
    assert len(emulator.dialogs()) == 1


def test_make_call_with_pairs_and_from_extension(emulator: Emulator) -> None:
    client = emulator.signed_in()
    client.make_call(
        "6135550000",
        call_variables=[("callVariable2", "x"), ("callVariable3", "y")],
        from_extension="1001001",
    )
    dialog = active_call(client, "6135550000")
    assert dialog.media_properties.call_variables["callVariable2"] == "x"
    assert dialog.media_properties.call_variables["callVariable3"] == "y"


def test_make_call_passes_any_ascii_unchanged(emulator: Emulator) -> None:
    client = emulator.signed_in()
    client.make_call("9,1 (613) 555-1212#")
    assert active_call(client, "9,1 (613) 555-1212#").to_address == "9,1 (613) 555-1212#"


def test_dialog_by_id(emulator: Emulator) -> None:
    client = emulator.signed_in()
    client.make_call("6135551212")
    dialog = active_call(client, "6135551212")
    again = client.dialog(dialog.id)
    assert again.id == dialog.id
    assert again.uri == f"/finesse/api/Dialog/{dialog.id}"
    assert again == client.dialog(dialog.id)


def test_answer_hold_retrieve_dtmf_call_data_drop(emulator: Emulator) -> None:
    client = emulator.signed_in()
    client.ready()
    ringing = inbound_call(emulator, client, "1001001")
    assert ringing.state == DialogState.ALERTING
    assert ringing.media_properties.call_variables["callVariable1"] == "order-77"
    me = ringing.participant("1001001")
    assert me is not None and me.actions == [Action.ANSWER]

    assert_accepted(client.answer(ringing))
    emulator.settle()
    dialog = client.dialog(ringing.id)
    assert dialog.state == DialogState.ACTIVE
    assert client.user().state == AgentState.TALKING

    assert_accepted(client.hold(dialog.id))
    emulator.settle()
    me = client.dialog(dialog.id).participant("1001001")
    assert me is not None and me.state == ParticipantState.HELD

    assert_accepted(client.retrieve(dialog))
    emulator.settle()
    me = client.dialog(dialog.id).participant("1001001")
    assert me is not None and me.state == ParticipantState.ACTIVE

    assert_accepted(client.send_dtmf(dialog, "12#*"))
    emulator.settle()
    assert emulator.dialogs()[0]["dtmf_digits"] == "12#*"

    assert_accepted(
        client.update_call_data(
            dialog, call_variables={"callVariable4": "vip"}, wrap_up_reason="Support"
        )
    )
    emulator.settle()
    properties = client.dialog(dialog.id).media_properties
    assert properties.call_variables["callVariable4"] == "vip"
    assert properties.call_variables["callVariable1"] == "order-77"
    assert properties.wrap_up_reason == "Support"

    assert_accepted(client.drop(dialog))
    emulator.settle()
    assert client.dialogs() == []


def test_consult_then_transfer(emulator: Emulator) -> None:
    agent = emulator.signed_in("1001")
    other = emulator.signed_in("1002")
    agent.make_call("6135551212")
    call = active_call(agent, "6135551212")

    assert_accepted(agent.consult_call(call, "1002002"))
    emulator.settle()
    consult = eventually(lambda: next(iter(other.dialogs()), None))
    assert consult.media_properties.call_type == CallType.CONSULT
    other.answer(consult)
    emulator.settle()
    assert len(agent.dialogs()) == 2

    assert_accepted(agent.transfer(call))
    emulator.settle()
    assert agent.dialogs() == []
    [transferred] = other.dialogs()
    assert {p.media_address for p in transferred.participants} == {"1002002", "6135551212"}


def test_consult_then_conference_and_drop_participant(emulator: Emulator) -> None:
    agent = emulator.signed_in("1001")
    other = emulator.signed_in("1002")
    agent.make_call("6135551212")
    call = active_call(agent, "6135551212")
    agent.consult_call(call.id, "1002002")
    emulator.settle()
    other.answer(eventually(lambda: next(iter(other.dialogs()), None)))
    emulator.settle()

    assert_accepted(agent.conference(call))
    emulator.settle()
    [conference] = agent.dialogs()
    addresses = {p.media_address for p in conference.participants}
    assert addresses == {"1001001", "1002002", "6135551212"}

    assert_accepted(agent.drop_participant(conference, "1002002"))
    emulator.settle()
    [remaining] = agent.dialogs()
    assert {p.media_address for p in remaining.participants} == {"1001001", "6135551212"}
    assert other.dialogs() == []


def test_single_step_transfer(emulator: Emulator) -> None:
    agent = emulator.signed_in("1001")
    other = emulator.signed_in("1002")
    other.ready()
    agent.make_call("6135551212")
    call = active_call(agent, "6135551212")
    assert_accepted(agent.transfer_sst(call, "1002002"))
    emulator.settle()
    assert agent.dialogs() == []
    ringing = eventually(lambda: next(iter(other.dialogs()), None))
    assert ringing.participant("1002002") is not None


def test_context_manager_and_close(emulator: Emulator) -> None:
    with emulator.client() as client:
        assert client.system_info().status == SystemStatus.IN_SERVICE
        assert client.active_node == emulator.url
        assert repr(client) == f"Client(url={emulator.url!r}, user='1001')"
    with pytest.raises(finesse_client.FinesseError, match="closed"):
        client.user()
    with pytest.raises(finesse_client.FinesseError, match="closed"):
        _ = client.active_node
    client.close()


def test_secondary_node_takes_over_reads(emulator: Emulator) -> None:
    from conftest import free_port

    client = finesse_client.Client(
        f"https://127.0.0.1:{free_port()}",
        "1001",
        "secret1001",
        secondary=emulator.url,
        ca_file=emulator.ca_file,
    )
    assert client.user().login_id == "1001"
    assert client.active_node == emulator.url


def test_ca_pem_as_text_and_bytes(emulator: Emulator) -> None:
    pem = emulator.ca_file.read_bytes()
    for ca_pem in (pem, pem.decode()):
        client = finesse_client.Client(emulator.url, "1001", "secret1001", ca_pem=ca_pem)
        assert client.user().login_id == "1001"


def test_bare_host_url_gets_default_port() -> None:
    client = finesse_client.Client("finesse-a.example.com", "1001", "x")
    assert client.active_node == "https://finesse-a.example.com:8445"


def test_ccx_deployment(ccx_emulator: Emulator) -> None:
    client = ccx_emulator.signed_in()
    assert client.system_info().deployment_type == DeploymentType.UCCX
    with pytest.raises(finesse_client.ApiError) as refused:
        client.make_call("5551212", call_variables={"callVariable1": "x"})
    assert (refused.value.status, refused.value.error_data) == (400, "mediaProperties")
    assert ccx_emulator.dialogs() == []

    client.make_call("5551212")
    call = active_call(client, "5551212")
    me = call.participant("1001001")
    assert me is not None and me.can(Action.START_RECORDING)
    with pytest.raises(finesse_client.ApiError) as not_implemented:
        client.drop_participant(call, "5551212")
    assert not_implemented.value.status == 501
    client.drop(call)
    ccx_emulator.settle()
    assert client.dialogs() == []


def test_request_ids_are_fresh(emulator: Emulator) -> None:
    client = emulator.signed_in()
    ids = {client.ready().request_id, client.not_ready(22).request_id}
    assert len(ids) == 2
    assert all(re.fullmatch(r"[0-9a-f-]{36}", i) for i in ids)


def test_bearer_token(emulator: Emulator) -> None:
    emulator.control(
        "POST",
        "/agents",
        {"login_id": "3001", "login_name": "neo", "password": "pw", "bearer_token": "token-3001"},
    )
    client = finesse_client.Client(
        emulator.url, "3001", token="token-3001", ca_file=emulator.ca_file
    )
    assert client.user().login_name == "neo"
    assert "token-3001" not in repr(client)


def test_busy_far_end_fails_the_call(emulator: Emulator) -> None:
    from finesse_client import StateCause

    emulator.control("PUT", "/far-end", {"far_end": "BUSY"})
    client = emulator.signed_in()
    client.make_call("6135551212")

    def failed() -> Dialog | None:
        return next((d for d in client.dialogs() if d.state == DialogState.FAILED), None)

    dialog = eventually(failed)
    causes = [p.state_cause for p in dialog.participants if p.state_cause is not None]
    assert causes == [StateCause.BUSY]
