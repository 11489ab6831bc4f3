"""Every exception class, each produced the way it happens in use."""

from __future__ import annotations

import builtins
import time
from collections.abc import Callable
from typing import Any

import pytest
from conftest import Emulator, free_port

import finesse_client
from finesse_client import (
    ApiError,
    ApiErrorDetail,
    AuthenticationError,
    Client,
    DecodeError,
    FinesseError,
    InsecureWarning,
    InvalidStateError,
    NotFoundError,
    OutcomeUnknownError,
    RefusedError,
    ServiceUnavailableError,
    TlsError,
    TransportError,
    ValidationError,
)


def test_hierarchy() -> None:
    cls: type[Exception]
    for cls in (ApiError, TransportError, TlsError, OutcomeUnknownError, DecodeError):
        assert issubclass(cls, FinesseError)
    assert issubclass(RefusedError, FinesseError) and not issubclass(RefusedError, ApiError)
    for cls in (NotFoundError, AuthenticationError, InvalidStateError, ServiceUnavailableError):
        assert issubclass(cls, ApiError)
    assert issubclass(finesse_client.TimeoutError, FinesseError)
    assert issubclass(finesse_client.TimeoutError, builtins.TimeoutError)
    assert issubclass(ValidationError, FinesseError)
    assert issubclass(ValidationError, ValueError)
    assert issubclass(InsecureWarning, UserWarning)
    assert issubclass(FinesseError, Exception)
    assert finesse_client.exceptions.ValidationError is ValidationError
    for cls in (FinesseError, ApiError, ValidationError, finesse_client.TimeoutError):
        assert cls.__module__ == "finesse_client"


def offline_client() -> Client:
    """A client for a port nothing listens on: anything sent fails with TransportError."""
    return Client(f"https://127.0.0.1:{free_port()}", "1001", "pw", login_id="1001")


VALIDATION_CASES: list[tuple[str, Callable[[Client], Any]]] = [
    ("to_address", lambda c: c.make_call("")),
    ("to_address", lambda c: c.make_call("caf\u00e9", from_extension="1001001")),
    ("from_address", lambda c: c.make_call("6135551212", from_extension=" ")),
    (
        "call_variables[callVariable1]",
        lambda c: c.make_call(
            "6135551212", call_variables={"callVariable1": "x" * 41}, from_extension="1001001"
        ),
    ),
    (
        "call_variables[BAStatus]",
        lambda c: c.make_call(
            "6135551212", call_variables={"BAStatus": "x"}, from_extension="1001001"
        ),
    ),
    ("digits", lambda c: c.send_dtmf("16777217", "12X")),
    ("call_data", lambda c: c.update_call_data("16777217")),
    ("wrap_up_reason", lambda c: c.update_call_data("16777217", wrap_up_reason="w" * 40)),
    ("dialog_id", lambda c: c.dialog("../User/1002")),
    ("dialog_id", lambda c: c.hold("a/b")),
    ("user_id", lambda c: c.user_by_id("")),
    ("to_address", lambda c: c.consult_call("16777217", "")),
    ("to_address", lambda c: c.transfer_sst("16777217", "\n")),
    ("media_address", lambda c: c.drop_participant("16777217", "")),
    ("extension", lambda c: c.sign_in("")),
]


@pytest.mark.parametrize(("field", "call"), VALIDATION_CASES)
def test_validation_before_sending(field: str, call: Callable[[Client], Any]) -> None:
    with pytest.raises(ValidationError) as caught:
        call(offline_client())
    assert caught.value.field.startswith(field.split("[")[0])
    assert caught.value.field == field or "[" not in field
    assert "nothing was sent" in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_validation_leaves_the_server_untouched(emulator: Emulator) -> None:
    client = emulator.signed_in()
    with pytest.raises(ValueError):
        client.make_call("6135551212", call_variables={"callVariable1": "x" * 41})
    emulator.settle()
    assert emulator.dialogs() == []


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("url", {"url": "ftp://x"}),
        ("url", {"url": "https://x/finesse"}),
        ("secondary", {"secondary": "https://"}),
        ("password", {"password": ""}),
        ("password", {"password": None}),
        ("token", {"token": "tok"}),
        ("timeout", {"timeout": 0.0}),
        ("timeout", {"timeout": -1.0}),
        ("timeout", {"timeout": float("nan")}),
        ("connect_timeout", {"connect_timeout": float("inf")}),
        ("ca_file", {"ca_file": "/nonexistent/ca.pem"}),
        ("ca_pem", {"ca_pem": "not a certificate"}),
        ("username", {"user": "a:b"}),
    ],
)
def test_client_arguments(field: str, kwargs: dict[str, Any]) -> None:
    args: dict[str, Any] = {"url": "https://127.0.0.1:8445", "user": "1001", "password": "pw"}
    args.update(kwargs)
    with pytest.raises(ValidationError) as caught:
        Client(**args)
    assert caught.value.field == field


def test_wrong_argument_types_are_type_errors() -> None:
    client = offline_client()
    with pytest.raises(TypeError, match="call_variables"):
        client.make_call("1", call_variables="callVariable1=x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="call_variables"):
        client.make_call("1", call_variables={"callVariable1": 1})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="dialog"):
        client.answer(16777217)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="str or bytes"):
        finesse_client.User.from_xml(["<User/>"])  # type: ignore[arg-type]


def test_authentication_error(emulator: Emulator) -> None:
    client = Client(emulator.url, "1003", "wrong", ca_file=emulator.ca_file)
    with pytest.raises(AuthenticationError) as caught:
        client.user()
    error = caught.value
    assert isinstance(error, ApiError) and isinstance(error, FinesseError)
    assert error.status == 401
    assert error.error_type is not None
    assert error.errors and isinstance(error.errors[0], ApiErrorDetail)
    assert error.errors[0].error_type == error.error_type
    assert error.condition is None and error.operation is None
    assert error.node is None and error.text is None
    assert "wrong" not in str(error)


def test_refused_error(emulator: Emulator) -> None:
    # An agent may not read a team: the notification service refuses the subscription.
    with emulator.client("1001") as client, client.notifications() as session:
        with pytest.raises(RefusedError) as caught:
            session.subscribe("/finesse/api/Team/5007/Users")
    error = caught.value
    assert isinstance(error, FinesseError) and not isinstance(error, TransportError)
    assert error.condition == "forbidden"
    assert error.operation == "subscribe"
    assert error.node == "/finesse/api/Team/5007/Users"
    assert error.text is None  # the emulator gives no text
    assert "forbidden" in str(error) and "/finesse/api/Team/5007/Users" in str(error)


def test_credentials_refused_by_the_notification_service(emulator: Emulator) -> None:
    # With the id known, nothing reads a resource with the credentials before the
    # notification service's sign-in (SystemInfo needs none).
    client = Client(
        emulator.url,
        "1003",
        "wrong-secret",
        login_id="1003",
        ca_file=emulator.ca_file,
        notification_url=emulator.notification_url,
    )
    with client, pytest.raises(AuthenticationError) as caught:
        client.notifications()
    error = caught.value
    assert error.condition == "not-authorized"
    assert error.operation == "sign-in"
    assert error.node is None
    assert error.status == 401 and error.errors == [] and error.error_type is None
    assert error.request_id is None
    assert "wrong-secret" not in str(error)


def test_not_found_error(emulator: Emulator) -> None:
    client = emulator.signed_in()
    with pytest.raises(NotFoundError) as caught:
        client.dialog("99999")
    assert caught.value.status == 404
    assert caught.value.request_id is None
    with pytest.raises(NotFoundError) as command:
        client.answer("99999")
    assert command.value.request_id is not None


def test_invalid_state_error(emulator: Emulator) -> None:
    client = emulator.client()
    with pytest.raises(InvalidStateError) as caught:
        client.not_ready(22)
    error = caught.value
    assert (error.status, error.error_type, error.error_data) == (400, "Invalid State", "LOGOUT")
    assert error.error_message
    assert error.request_id is not None and len(error.request_id) == 36


def test_other_api_error(emulator: Emulator) -> None:
    client = emulator.signed_in()
    with pytest.raises(ApiError) as caught:
        client.not_ready(reason_code_id=999)
    error = caught.value
    assert type(error) is ApiError
    assert (error.status, error.error_type, error.error_data) == (400, "Invalid Input", "reasonCodeId")


def test_service_unavailable_error(emulator: Emulator) -> None:
    client = emulator.client()
    emulator.control("PUT", "/out-of-service", {"out_of_service": True})
    with pytest.raises(ServiceUnavailableError) as caught:
        client.user()
    assert caught.value.status == 503
    assert caught.value.error_message == "SERVER_OUT_OF_SERVICE"
    emulator.control("PUT", "/out-of-service", {"out_of_service": False})
    assert client.user().login_id == "1001"


def test_transport_error_on_a_closed_port() -> None:
    client = offline_client()
    with pytest.raises(TransportError) as caught:
        client.user()
    # Where it was going, and the operating system's answer underneath.
    url = f"{client.active_node}/finesse/api/User/1001"
    assert caught.value.url == url
    assert url in str(caught.value)
    assert isinstance(caught.value.__cause__, ConnectionRefusedError)
    assert caught.value.__cause__.errno is not None


def test_errors_without_a_url_say_none(emulator: Emulator) -> None:
    with pytest.raises(NotFoundError) as caught:
        emulator.client().dialog("99999999")
    assert caught.value.url is None and caught.value.__cause__ is None


def test_tls_error_without_the_ca(emulator: Emulator) -> None:
    client = Client(emulator.url, "1001", "secret1001")
    with pytest.raises(TlsError):
        client.user()


def test_verify_false_warns_and_connects(emulator: Emulator) -> None:
    with pytest.warns(InsecureWarning, match="verify=False"):
        client = Client(emulator.url, "1001", "secret1001", verify=False)
    assert client.user().login_id == "1001"


def test_timeout_error(emulator: Emulator) -> None:
    client = emulator.client(timeout=0.2)
    emulator.control("PUT", "/latency", {"ms": 1000})
    started = time.monotonic()
    with pytest.raises(finesse_client.TimeoutError) as caught:
        client.user()
    assert time.monotonic() - started < 0.9
    assert isinstance(caught.value, builtins.TimeoutError)


def test_outcome_unknown_when_the_connection_is_cut(emulator: Emulator) -> None:
    client = emulator.signed_in()
    emulator.control(
        "POST", "/cut", {"method": "POST", "path_prefix": "/finesse/api/User/1001/Dialogs"}
    )
    with pytest.raises(OutcomeUnknownError) as caught:
        client.make_call("6135551212")
    assert len(caught.value.request_id) == 36
    assert caught.value.request_id in str(caught.value)
    emulator.settle()
    calls = emulator.dialogs()
    assert len(calls) == 1
    assert calls[0]["to_address"] == "6135551212"


def test_outcome_unknown_when_a_command_times_out(emulator: Emulator) -> None:
    client = emulator.client(timeout=0.2, login_id="1001")
    emulator.control("PUT", "/latency", {"ms": 1000})
    with pytest.raises(OutcomeUnknownError):
        client.sign_in("1001001")
    emulator.control("PUT", "/latency", {"ms": 0})
    emulator.settle()
    assert emulator.agent("1001")["state"] == "NOT_READY"


def test_decode_error() -> None:
    with pytest.raises(DecodeError) as caught:
        finesse_client.Dialog.from_xml("<User><loginId>1</loginId></User>")
    assert caught.value.document == "Dialog"
    with pytest.raises(DecodeError):
        finesse_client.User.from_xml(b"<User><loginId>1</User>")


HOSTILE_INPUTS: list[str | bytes] = [
    "",
    b"",
    "<",
    "\x00",
    b"\xff\xfe<\x00U\x00",
    "<User>" * 10_000,
    '<!DOCTYPE u [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><User><loginId>&b;</loginId></User>',
    "<User><loginId>" + "x" * 2_000_000 + "</loginId></User>",
    "<Dialog><participants><Participant><actions>" + "<action>A</action>" * 50_000,
    "<ReasonCode><id>99999999999999999999999</id></ReasonCode>",
    "<ApiErrors><ApiError><ErrorType>\ud800</ErrorType></ApiError></ApiErrors>",
]


@pytest.mark.parametrize("data", HOSTILE_INPUTS, ids=range(len(HOSTILE_INPUTS)))
def test_hostile_documents_raise_ordinary_exceptions(data: str | bytes) -> None:
    decoders: list[Callable[[str | bytes], object]] = [
        finesse_client.User.from_xml,
        finesse_client.Dialog.from_xml,
        finesse_client.Dialog.list_from_xml,
        finesse_client.SystemInfo.from_xml,
        finesse_client.ReasonCode.from_xml,
        finesse_client.ReasonCode.list_from_xml,
        finesse_client.WrapUpReason.from_xml,
        finesse_client.WrapUpReason.list_from_xml,
        finesse_client.ApiErrorDetail.list_from_xml,
    ]
    for decode in decoders:
        try:
            decode(data)
        except (FinesseError, UnicodeError):
            pass


@pytest.mark.parametrize(
    "call",
    [
        lambda: Client("https://127.0.0.1:1", "\x00", "pw"),
        lambda: Client("https://[::1", "1001", "pw"),
        lambda: Client("https://127.0.0.1:1", "1001", "pw", timeout=1e300),
        lambda: Client("\ud800", "1001", "pw"),
        lambda: offline_client().make_call("1" * 100_000),
        lambda: offline_client().send_dtmf("1", "\x00"),
        lambda: offline_client().not_ready(reason_code_id=2**63),
        lambda: offline_client().reason_codes(category="A B&c=d"),
    ],
)
def test_bad_input_never_panics(call: Callable[[], object]) -> None:
    try:
        call()
    except (FinesseError, ValueError, TypeError, OverflowError, UnicodeError):
        pass


def test_error_messages_never_contain_the_password(emulator: Emulator) -> None:
    client = Client(emulator.url, "1003", "hunter2-secret", ca_file=emulator.ca_file)
    with pytest.raises(AuthenticationError) as caught:
        client.user()
    assert "hunter2" not in str(caught.value)
    assert "hunter2" not in repr(client)
