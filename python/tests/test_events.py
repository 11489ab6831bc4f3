"""Notification sessions against the emulator's notification service, over real sockets: the
events of a call in order, an inbound call with its call data, presence and forced logout, a
dead link, callbacks, ``Client.events()``, subscriptions, and the session's own API."""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

import pytest
from conftest import EXTENSIONS, Emulator, eventually

import finesse_client
from finesse_client import (
    AgentState,
    Client,
    ConnectionChanged,
    DialogAdded,
    DialogChanged,
    DialogRemoved,
    DialogState,
    Event,
    EventIterator,
    EventsDropped,
    FinesseError,
    Notifications,
    ParticipantState,
    RefusedError,
    UserChanged,
    ValidationError,
)

E = TypeVar("E")


def next_of(session: Notifications, kind: type[E], timeout: float = 5.0) -> E:
    """The next event of class ``kind``, skipping others."""
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        event = session.next(left)
        if isinstance(event, kind):
            return event
    raise AssertionError(f"no {kind.__name__} within {timeout} s")


def ringing(event: Event, extension: str) -> bool:
    """Whether ``event`` shows ``extension``'s phone ringing."""
    if not isinstance(event, (DialogAdded, DialogChanged)):
        return False
    me = event.dialog.participant(extension)
    return me is not None and me.state == ParticipantState.ALERTING


@pytest.fixture
def agent(emulator: Emulator) -> Iterator[tuple[Client, Notifications]]:
    """Agent 1001 with a notification session, signed in (NOT_READY), events read so far."""
    client = emulator.client()
    with client, client.notifications() as session:
        client.sign_in(EXTENSIONS["1001"], wait=5.0)
        while session.next(0.2) is not None:
            pass
        yield client, session


def test_outbound_call_events_in_order(agent: tuple[Client, Notifications]) -> None:
    client, session = agent
    accepted = client.make_call("6135551212")
    seen: list[tuple[str, str]] = []
    echoes: list[str | None] = []
    for event in session.events(timeout=5.0):
        if isinstance(event, (DialogAdded, DialogChanged, DialogRemoved)):
            seen.append((type(event).__name__, event.dialog.state))
            echoes.append(event.request_id)
            if event.dialog.state == DialogState.ACTIVE:
                client.drop(event.dialog)
            if isinstance(event, DialogRemoved):
                break
    assert seen == [
        ("DialogAdded", "INITIATING"),
        ("DialogChanged", "INITIATED"),
        ("DialogChanged", "ALERTING"),
        ("DialogChanged", "ACTIVE"),
        ("DialogChanged", "DROPPED"),
        ("DialogRemoved", "DROPPED"),
    ]
    assert echoes[0] == accepted.request_id, "the new dialog echoes the MAKE_CALL"


def test_request_id_echo(agent: tuple[Client, Notifications]) -> None:
    client, session = agent
    accepted = client.ready()
    event = next_of(session, UserChanged)
    assert event.request_id == accepted.request_id
    assert event.user.state == AgentState.READY


def test_inbound_call_rings_with_its_call_variables(
    agent: tuple[Client, Notifications], emulator: Emulator, capsys: pytest.CaptureFixture[str]
) -> None:
    client, session = agent
    client.ready(wait=5.0)
    while session.next(0.1) is not None:
        pass
    started = time.perf_counter()
    emulator.control(
        "POST",
        "/inbound-calls",
        {
            "to": EXTENSIONS["1001"],
            "from_address": "6135550000",
            "dnis": "8005551000",
            "call_variables": [
                {"name": "callVariable1", "value": "case-9"},
                {"name": "user.Lang", "value": "fr"},
            ],
        },
    )
    event = next(e for e in session.events(timeout=5.0) if ringing(e, EXTENSIONS["1001"]))
    latency_ms = (time.perf_counter() - started) * 1000
    with capsys.disabled():
        print(f"\n[latency] inbound call injected -> ALERTING event: {latency_ms:.1f} ms")
    assert isinstance(event, (DialogAdded, DialogChanged))
    dialog = event.dialog
    assert dialog.state == DialogState.ALERTING
    assert dialog.from_address == "6135550000"
    assert dialog.media_properties.call_variables["callVariable1"] == "case-9"
    assert dialog.media_properties.call_variables["user.Lang"] == "fr"


def test_forced_not_ready_spares_the_agent_with_a_session(
    emulator_binary: str, tmp_path: Path
) -> None:
    # CCE with LOAD 0 (the default): 2 s (Finesse: 60 s) after the agent's last session went
    # unavailable, the agent is made NOT_READY with reason 255 (DG12.5 "Desktop presence and
    # forced logout"). An agent that never opened a session is left alone.
    emulator = Emulator(emulator_binary, tmp_path, "--forced-logout-secs", "2")
    try:
        with emulator.client("1001") as present, emulator.client("1002") as absent:
            with present.notifications() as session:
                present.sign_in(EXTENSIONS["1001"], wait=5.0)
                present.ready(wait=5.0)
                absent.sign_in(EXTENSIONS["1002"], wait=5.0)
                time.sleep(3.0)
                assert present.user().state == AgentState.READY
                assert absent.user().state == AgentState.NOT_READY
                assert session.connected
            eventually(lambda: present.user().reason_code_id == 255, timeout=10.0)
            assert present.user().state == AgentState.NOT_READY
            assert absent.user().reason_code_id is None
    finally:
        emulator.stop()


def test_silently_dead_link_is_reported(
    agent: tuple[Client, Notifications], emulator: Emulator
) -> None:
    _, session = agent
    emulator.control("PUT", "/notification-connections", {"frozen": True})
    frozen = time.monotonic()
    event = next_of(session, ConnectionChanged, timeout=30.0)
    detected = time.monotonic() - frozen
    assert event.state == "disconnected", event
    assert detected < 25.0, f"a dead link took {detected:.1f} s to notice"
    assert not session.connected
    emulator.control("PUT", "/notification-connections", {"frozen": False})
    assert next_of(session, ConnectionChanged, timeout=10.0).state == "connected"
    assert session.connected


def test_lost_connection_is_reported_and_restored(
    agent: tuple[Client, Notifications], emulator: Emulator
) -> None:
    client, session = agent
    emulator.control("DELETE", "/notification-connections")
    assert next_of(session, ConnectionChanged).state == "disconnected"
    assert next_of(session, ConnectionChanged).state == "connected"
    accepted = client.ready()
    assert next_of(session, UserChanged).request_id == accepted.request_id


def test_service_presence(agent: tuple[Client, Notifications], emulator: Emulator) -> None:
    _, session = agent
    emulator.control("PUT", "/service-presence", {"available": False})
    assert next_of(session, ConnectionChanged).state == "service_unavailable"
    emulator.control("PUT", "/service-presence", {"available": True})
    assert next_of(session, ConnectionChanged).state == "service_available"


def test_callback_runs_on_the_session_thread(emulator: Emulator) -> None:
    received: list[tuple[Event, int]] = []
    arrived = threading.Event()

    def on_event(event: Event) -> None:
        received.append((event, threading.get_ident()))
        if isinstance(event, UserChanged):
            arrived.set()

    with emulator.client() as client, client.notifications(callback=on_event) as session:
        accepted = client.sign_in(EXTENSIONS["1001"])
        assert arrived.wait(5.0)
        [(event, thread)] = [(e, t) for e, t in received if isinstance(e, UserChanged)]
        assert isinstance(event, UserChanged)
        assert event.request_id == accepted.request_id
        assert thread != threading.get_ident()
        # The events from before the callback was set stay queued: the opening ones.
        queued = list(session.events(timeout=0))
        assert all(isinstance(e, ConnectionChanged) for e in queued)
        assert isinstance(queued[0], ConnectionChanged) and queued[0].state == "connected"
    count = len(received)
    time.sleep(0.1)
    assert len(received) == count, "the callback was called after close()"


def test_callback_errors_go_to_the_unraisable_hook(
    emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[BaseException | None] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: reported.append(u.exc_value))
    updates: list[UserChanged] = []
    sessions: list[Notifications] = []

    def on_event(event: Event) -> None:
        if not isinstance(event, UserChanged):
            return
        updates.append(event)
        if len(updates) == 1:
            raise ValueError("the application's bug")
        if len(updates) == 2:
            # Refused at once: it would wait for the thread running the callback.
            sessions[0].subscribe("/finesse/api/Team/5007/Users")

    with emulator.client() as client, client.notifications(callback=on_event) as session:
        sessions.append(session)
        client.sign_in(EXTENSIONS["1001"])
        client.ready()
        client.not_ready(22)
        eventually(lambda: len(updates) >= 3)
        assert not session.closed, "the session goes on"
    assert [type(e) for e in reported] == [ValueError, ValidationError]
    assert "callback" in str(reported[1])


def test_close_from_the_callback_ends_the_session_without_waiting(emulator: Emulator) -> None:
    sessions: list[Notifications] = []
    closed_in: list[float] = []

    def on_event(event: Event) -> None:
        if isinstance(event, UserChanged) and not closed_in:
            started = time.monotonic()
            sessions[0].close()
            closed_in.append(time.monotonic() - started)

    with emulator.client() as client, client.notifications(callback=on_event) as session:
        sessions.append(session)
        client.sign_in(EXTENSIONS["1001"])
        eventually(lambda: session.closed)
    assert closed_in and closed_in[0] < 1.0


def test_client_events_starts_and_reuses_a_session(emulator: Emulator) -> None:
    client = emulator.client()
    with client:
        events = client.events(timeout=0.5)
        assert isinstance(events, EventIterator)
        assert iter(events) is events
        first = next(events)
        assert isinstance(first, ConnectionChanged) and first.state == "connected"
        session = events.session
        assert client.events().session == session
        client.sign_in(EXTENSIONS["1001"])
        assert any(isinstance(e, UserChanged) for e in client.events(timeout=1.0))
        exhausted = client.events(timeout=0.1)
        assert list(exhausted) == [] and list(exhausted) == []
        with pytest.raises(ValidationError, match="already running"):
            client.notifications()
    assert session.closed, "closing the client closes the session events() started"


def test_client_events_reads_the_session_notifications_returned(emulator: Emulator) -> None:
    with emulator.client() as client:
        session = client.notifications()
        assert client.events().session == session
        session.close()
        replacement = client.events().session
        assert replacement != session and not replacement.closed
    assert replacement.closed
    assert not session.connected


def test_dropping_the_session_closes_it(emulator: Emulator) -> None:
    with emulator.client() as client:
        client.notifications()  # dropped at once
        with client.notifications() as session:
            assert session.connected


def test_next_and_iteration(agent: tuple[Client, Notifications]) -> None:
    client, session = agent
    assert session.next(0) is None
    started = time.monotonic()
    assert session.next(0.2) is None
    assert time.monotonic() - started >= 0.2
    client.ready()
    for event in session:
        if isinstance(event, UserChanged):
            break
    with pytest.raises(ValidationError):
        session.next(-1)
    with pytest.raises(ValidationError):
        session.events(timeout=float("nan"))


def test_a_full_queue_drops_the_oldest_and_says_how_many(emulator: Emulator) -> None:
    with emulator.client() as client:
        # A User document is about 1 KiB: room for a handful.
        with client.notifications(queue_bytes=8192) as session:
            client.sign_in(EXTENSIONS["1001"], wait=5.0)
            for i in range(40):
                if i % 2 == 0:
                    client.ready()
                else:
                    client.not_ready(22)
            eventually(lambda: session.dropped >= 20)
            time.sleep(0.3)
            dropped = session.dropped
            first = session.next(1.0)
            assert isinstance(first, EventsDropped)
            assert first.count == dropped
            assert first.to_dict() == {"count": dropped}
            kept = list(session.events(timeout=0.3))
            assert 0 < len(kept) < 12
            last = kept[-1]
            assert isinstance(last, UserChanged) and last.user.state == AgentState.NOT_READY


def test_blocking_read_can_be_interrupted(agent: tuple[Client, Notifications]) -> None:
    _, session = agent

    class Interrupted(Exception):
        pass

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise Interrupted

    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        started = time.monotonic()
        with pytest.raises(Interrupted):
            session.next()
        assert time.monotonic() - started < 2.0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_reading_from_another_thread_while_closing(agent: tuple[Client, Notifications]) -> None:
    _, session = agent
    results: list[object] = []
    reader = threading.Thread(target=lambda: results.append(session.next()))
    reader.start()
    time.sleep(0.2)  # this thread runs on: the blocked reader released the interpreter lock
    session.close()
    reader.join(5.0)
    assert not reader.is_alive()
    assert results == [None]


def test_closed_session(emulator: Emulator) -> None:
    with emulator.client() as client:
        session = client.notifications()
        assert repr(session) == "Notifications(connected=True)"
        session.close()
        session.close()
        assert session.closed and not session.connected and session.dropped == 0
        assert repr(session) == "Notifications(closed=True)"
        assert session.next() is None
        assert list(session) == []
        with pytest.raises(FinesseError, match="closed"):
            session.subscribe("/finesse/api/Team/5007/Users")


def test_supervisor_subscribes_to_a_team(emulator: Emulator) -> None:
    with (
        emulator.client("2001") as supervisor,
        supervisor.notifications(subscribe=["/finesse/api/Team/5007/Users"]) as session,
        emulator.client("1001") as member,
    ):
        member.sign_in(EXTENSIONS["1001"])
        update = next_of(session, UserChanged)
        assert update.user.login_id == "1001"
        session.unsubscribe("/finesse/api/Team/5007/Users")
        session.subscribe("/finesse/api/Team/5007/Users")
        with pytest.raises(FinesseError):
            session.subscribe("/finesse/api/Team/9999/Users")
        with pytest.raises(ValidationError):
            session.subscribe("Team/5007")


def test_a_forbidden_subscription_is_refused_and_the_session_goes_on(
    agent: tuple[Client, Notifications],
) -> None:
    client, session = agent
    with pytest.raises(RefusedError) as caught:
        session.subscribe("/finesse/api/Team/5007/Users")
    assert caught.value.condition == "forbidden"
    assert caught.value.node == "/finesse/api/Team/5007/Users"
    assert session.connected
    accepted = client.ready()
    assert next_of(session, UserChanged).request_id == accepted.request_id


def test_a_refused_subscription_fails_the_start(emulator: Emulator) -> None:
    with emulator.client("1001") as client:
        with pytest.raises(RefusedError) as caught:
            client.notifications(subscribe=["/finesse/api/Team/5007/Users"])
        assert caught.value.condition == "forbidden"
        assert caught.value.operation == "subscribe"
        assert caught.value.node == "/finesse/api/Team/5007/Users"
        # Nothing is left running: a session starts again.
        with client.notifications() as session:
            assert session.connected


def test_a_resource_taken_over_fails_the_older_session(emulator: Emulator) -> None:
    with (
        emulator.client("1001") as first,
        emulator.client("1001") as second,
        first.notifications(resource="crm-plugin") as older,
    ):
        assert next_of(older, ConnectionChanged).state == "connected"
        while older.next(0.2) is not None:
            pass
        with second.notifications(resource="crm-plugin") as newer:
            # The server ends the older session with a `conflict` stream error; it fails for
            # good instead of taking the resource back.
            event = next_of(older, ConnectionChanged)
            match event:
                case ConnectionChanged(state="failed", condition="conflict", detail=reason):
                    assert "conflict" in reason
                case _:
                    raise AssertionError(f"not a conflict: {event!r}")
            assert event.to_dict() == {
                "state": "failed",
                "detail": event.detail,
                "condition": "conflict",
                "transport": None,
                "previous_node": None,
                "changes": None,
            }
            assert older.closed
            assert older.next(0.5) is None
            assert newer.connected and not newer.closed
            connected = next_of(newer, ConnectionChanged)
            assert connected.state == "connected" and connected.condition is None


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("ping_interval", {"ping_interval": 0}),
        ("ping_timeout", {"ping_timeout": -1.0}),
        ("keep_alive", {"max_missed_pings": 0}),
        ("resource", {"resource": "desktop"}),
        ("queue_bytes", {"queue_bytes": 0}),
        ("history_bytes", {"history_bytes": 0}),
        ("queue_capacity", {"queue_capacity": 0}),
    ],
)
def test_session_arguments_are_validated(
    emulator: Emulator, field: str, kwargs: dict[str, Any]
) -> None:
    with emulator.client() as client:
        with pytest.raises(ValidationError) as info:
            client.notifications(**kwargs)
        assert info.value.field == field


def test_wrong_argument_types(emulator: Emulator) -> None:
    with emulator.client() as client:
        with pytest.raises(TypeError, match="callable"):
            client.notifications(callback=42)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            client.notifications(subscribe="/finesse/api/Team/5007/Users")
        with pytest.raises(OverflowError):
            client.notifications(max_missed_pings=-1)


def test_wrong_credentials(emulator: Emulator) -> None:
    client = Client(
        emulator.url,
        "1001",
        "wrong",
        ca_file=emulator.ca_file,
        notification_url=emulator.notification_url,
    )
    with client, pytest.raises(finesse_client.AuthenticationError):
        client.notifications()


@pytest.mark.parametrize("transport", ["WebSocket", "BOSH", "XMPP STARTTLS", "XMPP TLS"])
def test_every_transport_by_its_url(emulator_binary: str, tmp_path: Path, transport: str) -> None:
    """The notification URL's scheme chooses the transport: ``wss://`` WebSocket,
    ``https://`` BOSH, ``xmpp://`` TCP with STARTTLS, ``xmpps://`` TCP with direct TLS
    (the emulator as Finesse 12.0 serves them all)."""
    emu = Emulator(emulator_binary, tmp_path, "--release", "cce-12.0")
    try:
        url = emu.transports[transport]
        with emu.client(notification_url=url) as client, client.notifications() as session:
            assert session.url == url
            client.sign_in(EXTENSIONS["1001"])
            changed = next(
                e for e in session.events(timeout=5.0) if isinstance(e, finesse_client.UserChanged)
            )
            assert changed.user.state is finesse_client.AgentState.NOT_READY, f"over {url}"
    finally:
        emu.stop()


def test_unreachable_notification_service(emulator: Emulator) -> None:
    with emulator.client(notification_url="wss://127.0.0.1:1/ws") as client:
        with pytest.raises(finesse_client.TransportError):
            client.notifications()
        with pytest.raises(finesse_client.TransportError):
            client.notifications(url="wss://127.0.0.1:1/other")

