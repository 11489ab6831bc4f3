"""Ctrl-C interrupts every blocking call within 100 ms: a slow request, a wait for a command's
outcome, a read of events, the start of a session on a silent server.

A timer thread sends the process a real SIGINT (``os.kill``); the main thread, blocked in the
call, must raise ``KeyboardInterrupt`` soon after. Blocking calls wait in slices of 50 ms and
run the signal handlers between them, so the bound leaves 50 ms for scheduling on a busy
machine.
"""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from conftest import EXTENSIONS, Emulator

import finesse_client

#: The longest from the signal to ``KeyboardInterrupt``.
BOUND = 0.1
#: When the signal is sent, after the call started.
DELAY = 0.3


@pytest.fixture(autouse=True)
def default_sigint_handler() -> Iterator[None]:
    """Ctrl-C raises ``KeyboardInterrupt``, whatever the test runner installed."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def interrupt_latency(call: Callable[[], object]) -> float:
    """Runs ``call``, which must block for seconds, sends SIGINT after ``DELAY``, and returns
    the time from the signal to the ``KeyboardInterrupt`` the call raised."""
    sent: list[float] = []

    def send() -> None:
        sent.append(time.monotonic())
        os.kill(os.getpid(), signal.SIGINT)

    timer = threading.Timer(DELAY, send)
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            call()
        raised = time.monotonic()
    finally:
        timer.cancel()
        timer.join()
    assert sent, "the call returned before the signal"
    return raised - sent[0]


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A URL whose server accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.05)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    listener.close()


def test_slow_request(emulator: Emulator) -> None:
    client = emulator.client()
    client.user()  # the login id is learned: the next call is one slow request
    emulator.control("PUT", "/latency", {"ms": 10_000})
    latency = interrupt_latency(client.user)
    assert latency < BOUND, f"KeyboardInterrupt {latency * 1000:.0f} ms after the signal"


def test_request_to_a_silent_server(silent_server: str) -> None:
    client = finesse_client.Client(silent_server, "1001", "secret", timeout=10.0)
    latency = interrupt_latency(client.system_info)
    assert latency < BOUND, f"KeyboardInterrupt {latency * 1000:.0f} ms after the signal"


def test_command_waiting_for_its_outcome(emulator: Emulator) -> None:
    client = emulator.client()
    with client.notifications():
        client.sign_in(EXTENSIONS["1001"], wait=5.0)
        # The connection stays up but carries nothing: the outcome never shows.
        emulator.control("PUT", "/notification-connections", {"frozen": True})
        latency = interrupt_latency(lambda: client.ready(wait=10.0))
        emulator.control("PUT", "/notification-connections", {"frozen": False})
    assert latency < BOUND, f"KeyboardInterrupt {latency * 1000:.0f} ms after the signal"
    # The command itself was carried out: an interrupted command may have been.
    emulator.settle()
    assert client.user().state == finesse_client.AgentState.READY


def test_accepted_wait(emulator: Emulator) -> None:
    client = emulator.client()
    with client.notifications():
        client.sign_in(EXTENSIONS["1001"], wait=5.0)
        emulator.control("PUT", "/notification-connections", {"frozen": True})
        accepted = client.ready()
        latency = interrupt_latency(lambda: accepted.wait(10.0))
        emulator.control("PUT", "/notification-connections", {"frozen": False})
    assert latency < BOUND, f"KeyboardInterrupt {latency * 1000:.0f} ms after the signal"


def test_event_read(emulator: Emulator) -> None:
    client = emulator.client()
    with client.notifications() as session:
        while session.next(timeout=0.5) is not None:
            pass  # what the start brought
        latency = interrupt_latency(session.next)
        # An interrupted read takes nothing off the queue: the session goes on.
        client.sign_in(EXTENSIONS["1001"])
        assert isinstance(session.next(timeout=5.0), finesse_client.UserChanged)
    assert latency < BOUND, f"KeyboardInterrupt {latency * 1000:.0f} ms after the signal"


def test_event_iteration(emulator: Emulator) -> None:
    client = emulator.client()

    def iterate() -> None:
        for _ in client.events():
            pass

    latency = interrupt_latency(iterate)
    client.close()
    assert latency < BOUND, f"KeyboardInterrupt {latency * 1000:.0f} ms after the signal"


def test_session_start_on_a_silent_server(silent_server: str) -> None:
    client = finesse_client.Client(
        silent_server,
        "1001",
        "secret",
        timeout=10.0,
        connect_timeout=10.0,
        notification_url=silent_server.replace("http://", "ws://") + "/ws/",
    )
    latency = interrupt_latency(client.notifications)
    assert latency < BOUND, f"KeyboardInterrupt {latency * 1000:.0f} ms after the signal"


def test_calls_from_other_threads_run_in_place(emulator: Emulator) -> None:
    """Off the main thread no signal arrives: calls there run as before, and work."""
    client = emulator.client()
    result: list[str] = []
    thread = threading.Thread(target=lambda: result.append(client.user().login_id))
    thread.start()
    thread.join()
    assert result == ["1001"]
