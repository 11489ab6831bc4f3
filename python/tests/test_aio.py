"""``finesse_client.aio``: awaited calls and commands, events with ``async for``, calls that
overlap without blocking the loop, and cancellation that returns at once, against the emulator
over real sockets."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from typing import Any

import pytest
from conftest import EXTENSIONS, PASSWORDS, Emulator

import finesse_client
from finesse_client import AgentState, Dialog, User
from finesse_client.aio import AsyncAccepted, AsyncClient, AsyncNotifications
from finesse_client.events import Event

#: The longest from a cancellation to ``CancelledError``.
BOUND = 0.1


def async_client(emulator: Emulator, agent: str = "1001") -> AsyncClient:
    return AsyncClient(emulator.url, agent, PASSWORDS[agent], ca_file=emulator.ca_file)


async def first(events: AsyncNotifications, kind: type[Event], timeout: float = 5.0) -> Event:
    """The first event of class ``kind``."""
    async for event in events.events(timeout=timeout):
        if isinstance(event, kind):
            return event
    raise AssertionError(f"no {kind.__name__} within {timeout} s")


def test_calls_and_commands(emulator: Emulator) -> None:
    async def main() -> None:
        async with async_client(emulator) as client:
            user = await client.user()
            assert user.login_id == "1001" and user.state == AgentState.LOGOUT
            accepted = await client.sign_in(EXTENSIONS["1001"])
            assert isinstance(accepted, AsyncAccepted) and accepted.request_id
            signed_in = await accepted.wait(5.0)
            assert isinstance(signed_in, User) and signed_in.is_signed_in()
            ready = await client.ready(wait=5.0)
            assert ready.state == AgentState.READY
            dialog = await client.make_call("6135551212", wait=5.0)
            assert isinstance(dialog, Dialog) and dialog.to_address == "6135551212"
            assert [d.id for d in await client.dialogs()] == [dialog.id]
            await client.drop(dialog, wait=5.0)
            assert await client.dialogs() == []
            assert (await client.system_info()).xmpp_domain
            assert isinstance(await client.reason_codes(), list)

    asyncio.run(main())


def test_errors_are_raised_by_the_await(emulator: Emulator) -> None:
    async def main() -> None:
        client = AsyncClient(emulator.url, "1002", "wrong-password", ca_file=emulator.ca_file)
        with pytest.raises(finesse_client.AuthenticationError):
            await client.user()
        await client.aclose()
        with pytest.raises(finesse_client.FinesseError, match="closed"):
            await client.user()

    asyncio.run(main())
    emulator.control("DELETE", "/lockouts")


def test_events_of_a_session(emulator: Emulator) -> None:
    async def main() -> None:
        async with async_client(emulator) as client:
            async with await client.notifications() as session:
                assert session.connected and session.url.startswith("wss://")
                connected = await first(session, finesse_client.ConnectionChanged)
                assert isinstance(connected, finesse_client.ConnectionChanged)
                await client.sign_in(EXTENSIONS["1001"])
                changed = await first(session, finesse_client.UserChanged)
                assert isinstance(changed, finesse_client.UserChanged)
                assert changed.user.state == AgentState.NOT_READY

                # client.events() reads the session notifications() started.
                await client.make_call("6135551212")
                async for event in client.events(timeout=5.0):
                    if isinstance(event, finesse_client.DialogAdded):
                        break
                else:
                    raise AssertionError("no DialogAdded")
            assert session.closed
            assert await session.next(timeout=1.0) is None

    asyncio.run(main())


def test_events_start_a_session(emulator: Emulator) -> None:
    async def main() -> None:
        async with async_client(emulator) as client:
            events = client.events(timeout=5.0)
            first_event = await events.__anext__()
            assert isinstance(first_event, finesse_client.ConnectionChanged)
            await client.sign_in(EXTENSIONS["1001"])
            async for event in events:
                if isinstance(event, finesse_client.UserChanged):
                    break
            else:
                raise AssertionError("no UserChanged")
            await events.aclose()

    asyncio.run(main())


def test_calls_do_not_block_the_loop(emulator: Emulator) -> None:
    latency = 0.4

    async def main() -> float:
        clients = [async_client(emulator, agent) for agent in ("1001", "1002", "1003")]
        for client in clients:
            await client.user()
        emulator.control("PUT", "/latency", {"ms": int(latency * 1000)})
        ticks = 0

        async def tick() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.01)

        ticker = asyncio.create_task(tick())
        started = time.monotonic()
        users = await asyncio.gather(*(client.user() for client in clients))
        elapsed = time.monotonic() - started
        ticker.cancel()
        assert [u.login_id for u in users] == ["1001", "1002", "1003"]
        assert ticks >= 10, f"only {ticks} ticks while the calls waited"
        for client in clients:
            await client.aclose()
        return elapsed

    elapsed = asyncio.run(main())
    assert elapsed < 2 * latency, f"three {latency} s calls took {elapsed:.2f} s"


async def cancel_latency(
    call: Callable[[], Coroutine[Any, Any, object]], after: float = 0.3
) -> float:
    """Starts ``call``, which must take seconds, cancels it after ``after`` seconds, and
    returns the time from the cancellation to ``CancelledError``."""
    task = asyncio.create_task(call())
    await asyncio.sleep(after)
    assert not task.done()
    cancelled = time.monotonic()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    return time.monotonic() - cancelled


def test_cancelling_a_slow_request(emulator: Emulator) -> None:
    async def main() -> float:
        client = async_client(emulator)
        await client.user()
        emulator.control("PUT", "/latency", {"ms": 10_000})
        return await cancel_latency(client.user)

    started = time.monotonic()
    latency = asyncio.run(main())
    # The abandoned call does not keep asyncio.run from returning.
    assert time.monotonic() - started < 2.0
    assert latency < BOUND, f"CancelledError {latency * 1000:.0f} ms after the cancellation"


def test_cancelling_a_command_waiting_for_its_outcome(emulator: Emulator) -> None:
    async def main() -> float:
        async with async_client(emulator) as client:
            async with await client.notifications():
                await client.sign_in(EXTENSIONS["1001"], wait=5.0)
                # The connection stays up but carries nothing: the outcome never shows.
                emulator.control("PUT", "/notification-connections", {"frozen": True})
                latency = await cancel_latency(lambda: client.ready(wait=10.0))
                emulator.control("PUT", "/notification-connections", {"frozen": False})
            # A cancelled command may have been carried out: this one was.
            emulator.settle()
            assert (await client.user()).state == AgentState.READY
            return latency

    latency = asyncio.run(main())
    assert latency < BOUND, f"CancelledError {latency * 1000:.0f} ms after the cancellation"


def test_a_cancelled_event_read_takes_nothing(emulator: Emulator) -> None:
    async def main() -> float:
        async with async_client(emulator) as client, await client.notifications() as session:
            while await session.next(timeout=0.3) is not None:
                pass  # what the start brought
            latency = await cancel_latency(session.next)
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(session.next(), 0.2)
            await client.sign_in(EXTENSIONS["1001"])
            assert isinstance(await session.next(timeout=5.0), finesse_client.UserChanged)
            return latency

    latency = asyncio.run(main())
    assert latency < BOUND, f"CancelledError {latency * 1000:.0f} ms after the cancellation"


def test_wait_for_gives_up_on_a_call(emulator: Emulator) -> None:
    async def main() -> None:
        client = async_client(emulator)
        await client.user()
        emulator.control("PUT", "/latency", {"ms": 10_000})
        started = time.monotonic()
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(client.dialogs(), 0.2)
        assert time.monotonic() - started < 0.2 + BOUND

    asyncio.run(main())
