"""High availability against a two-node emulator: the client moves REST and notifications to
side B together when side A dies, delivers what changed meanwhile as events marked
``resync``, and renews SSO tokens from a provider; as the Rust scenarios do, in Python."""

from __future__ import annotations

import time
from collections.abc import Callable

import finesse_client
from finesse_client import ConnectionChanged, Notifications

from conftest import EXTENSIONS, PASSWORDS, Emulator


def until(session: Notifications, what: str, done: Callable[[object], bool]) -> list[object]:
    """The events read until ``done`` accepts one (included)."""
    seen: list[object] = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        event = session.next(timeout=0.2)
        if event is None:
            continue
        seen.append(event)
        if done(event):
            return seen
    raise AssertionError(f"no {what} within 30 s; seen: {seen}")


def state(event: object, name: str) -> bool:
    return isinstance(event, ConnectionChanged) and event.state == name


def states(seen: list[object], name: str) -> list[ConnectionChanged]:
    """The connection events of ``seen`` in state ``name``."""
    return [e for e in seen if isinstance(e, ConnectionChanged) and e.state == name]


def test_a_dead_node_moves_rest_and_notifications_to_side_b(pair: Emulator) -> None:
    assert pair.side_b is not None
    client = finesse_client.Client(pair.url, "1001", PASSWORDS["1001"], ca_file=pair.ca_file)
    with client.notifications(ping_interval=1, ping_timeout=1, failover_after=1) as session:
        client.sign_in(EXTENSIONS["1001"], wait=10)
        pair.control("PUT", "/node-down", {"down": True})
        started = time.monotonic()
        seen = until(session, "recovery", lambda e: state(e, "recovered"))
        took = time.monotonic() - started
        failing_over = states(seen, "failing_over")
        assert failing_over, seen
        assert failing_over[0].previous_node == pair.url
        assert failing_over[0].detail == pair.side_b.url
        connected = states(seen, "connected")
        assert connected and connected[-1].transport == "websocket"
        assert took < 2 + 5, f"failover took {took:.1f} s"
        assert client.active_node == pair.side_b.url
        # The agent works on from side B; nothing was logged out.
        user = client.ready(wait=10)
        assert user.state == "READY"
        requests = pair.side_b.control("GET", "/requests")
        assert any(r["method"] == "PUT" for r in requests)


def test_a_call_that_ended_during_an_outage_comes_as_a_resync_event(pair: Emulator) -> None:
    client = pair.client()
    with client.notifications(failover_after=60) as session:
        client.sign_in(EXTENSIONS["1001"], wait=10)
        dialog = pair.control(
            "POST", "/inbound-calls", {"to": EXTENSIONS["1001"], "from_address": "6135550000"}
        )["dialog_id"]
        until(session, "the ringing call", lambda e: isinstance(e, finesse_client.DialogAdded))
        pair.control("PUT", "/notification-service-down", {"down": True})
        until(session, "the lost link", lambda e: state(e, "disconnected"))
        pair.control("POST", f"/dialogs/{dialog}/hangup")
        pair.control("PUT", "/notification-service-down", {"down": False})
        seen = until(session, "recovery", lambda e: state(e, "recovered"))
        removed = [e for e in seen if isinstance(e, finesse_client.DialogRemoved)]
        assert removed and removed[0].resync and removed[0].dialog.id == dialog, seen
        recovered = seen[-1]
        assert isinstance(recovered, ConnectionChanged)
        assert recovered.changes is not None and recovered.changes >= 1
        assert client.dialogs() == []


def test_tokens_come_from_the_provider_and_are_renewed_after_a_rejection(pair: Emulator) -> None:
    lifetimes = [0.001, 3600.0]
    calls: list[float] = []

    def provider() -> tuple[str, float]:
        # The first token is already dead although it claims an hour: the 401 makes the
        # client ask once more.
        lifetime = lifetimes[min(len(calls), 1)]
        token = pair.control("POST", "/agents/1001/tokens", {"lifetime_ms": int(lifetime * 1000)})
        calls.append(lifetime)
        return token["token"], 3600.0

    client = finesse_client.Client(pair.url, "1001", token_provider=provider, ca_file=pair.ca_file)
    time.sleep(0.01)
    assert client.user().login_id == "1001"
    assert len(calls) == 2
    with client.notifications() as session:
        assert session.connected


def test_a_provider_that_raises_fails_the_request_unsent(pair: Emulator) -> None:
    def provider() -> tuple[str, float]:
        raise RuntimeError("the identity provider is down")

    client = finesse_client.Client(pair.url, "1001", token_provider=provider, ca_file=pair.ca_file)
    pair.control("DELETE", "/requests")
    try:
        client.user()
    except finesse_client.AuthenticationError as e:
        assert "identity provider is down" in str(e)
    else:
        raise AssertionError("no AuthenticationError")
    assert pair.control("GET", "/requests") == []
