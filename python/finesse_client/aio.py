"""asyncio: ``AsyncClient``, a ``Client`` whose calls are awaited, and its events as an
async iterator.

Each call of ``AsyncClient`` runs the same call of a ``Client`` (``AsyncClient.client``) on a
thread of its own, so the event loop never waits for the network; results, exceptions and
types are those of ``Client``. Events come from a session's own thread to the loop:
``async for event in client.events()``, or ``AsyncClient.notifications()`` for a session of
your own.

Cancelling an await (``task.cancel()``, ``asyncio.wait_for``, Ctrl-C under ``asyncio.run``)
raises ``CancelledError`` at once; the call itself goes on in its thread until it ends (within
its timeouts) and its result is dropped. A cancelled command is like one whose answer never
came (``OutcomeUnknownError``): it may have been carried out, so check (``user()``,
``dialogs()``) before sending it again; nothing is resent. A cancelled read of events takes no
event away: the next read gets it.

Example::

    import asyncio
    from finesse_client.aio import AsyncClient

    async def main() -> None:
        async with AsyncClient("https://finesse-a.example.com:8445", "1001", password) as client:
            await client.sign_in("1001001", wait=10.0)
            async for event in client.events(timeout=60.0):
                print(event)

    asyncio.run(main())
"""

from __future__ import annotations

import asyncio
import contextvars
import os
import threading
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterable, Mapping, Sequence
from types import TracebackType
from typing import Any, ParamSpec, TypeAlias, TypeVar, cast, overload

from finesse_client._finesse_client import (
    Accepted,
    Client,
    Dialog,
    Notifications,
    Queue,
    ReasonCode,
    SystemInfo,
    Team,
    User,
    WrapUpReason,
)
from finesse_client.enums import AgentState, ReasonCodeCategory
from finesse_client.events import Event

__all__ = ["AsyncAccepted", "AsyncClient", "AsyncNotifications"]

P = ParamSpec("P")
T = TypeVar("T")

_CallVariables: TypeAlias = Mapping[str, str] | Iterable[tuple[str, str]]

#: Events a session hands to the loop before they are read; beyond, they wait in the
#: session's own queue (see ``Notifications.dropped``).
_QUEUED = 1000


async def _in_thread(fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """``fn(*args, **kwargs)`` on a thread of its own; cancelling the await abandons it.

    Not ``asyncio.to_thread``: the loop's executor would keep ``asyncio.run`` from returning
    until an abandoned call ends. The thread is a daemon: it does not hold the interpreter
    at exit either.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()
    context = contextvars.copy_context()

    def settle_with_result(result: T) -> None:
        if not future.done():
            future.set_result(result)

    def settle_with_error(error: BaseException) -> None:
        if not future.done():
            future.set_exception(error)

    def run() -> None:
        try:
            result = context.run(fn, *args, **kwargs)
        except BaseException as error:  # handed to the awaiting task
            _to_loop(loop, settle_with_error, error)
        else:
            _to_loop(loop, settle_with_result, result)

    threading.Thread(target=run, name="finesse-async-call", daemon=True).start()
    return await future


def _to_loop(loop: asyncio.AbstractEventLoop, callback: Callable[[T], None], value: T) -> bool:
    """Runs ``callback(value)`` on the loop; False when the loop is closed (nobody waits)."""
    try:
        loop.call_soon_threadsafe(callback, value)
    except RuntimeError:
        return False
    return True


class AsyncAccepted:
    """A command Finesse accepted (HTTP 202), from ``AsyncClient``: ``Accepted`` with an
    awaitable ``wait``."""

    def __init__(self, accepted: Accepted) -> None:
        self._accepted = accepted

    @property
    def accepted(self) -> Accepted:
        """The ``Accepted`` of the synchronous client."""
        return self._accepted

    @property
    def request_id(self) -> str:
        """The ``requestId`` header the command carried."""
        return self._accepted.request_id

    async def wait(self, timeout: float) -> User | Dialog | None:
        """Waits for the command's outcome; see ``Accepted.wait``. Cancelling the await
        leaves the command as it is."""
        return await _in_thread(self._accepted.wait, timeout)

    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
        return self._accepted.to_dict()

    def __repr__(self) -> str:
        return f"Async{self._accepted!r}"


class AsyncNotifications:
    """A notification session whose events are awaited: ``await session.next()``, ``async
    for event in session``. From ``AsyncClient.notifications()``; close it with ``aclose()``
    or ``async with``.

    A thread of the session hands each event to the event loop as it comes; the loop keeps up
    to 1,000 unread, and the session's own queue holds the rest (``dropped`` counts what it
    had to drop). Reading ends once the session is closed.
    """

    _END = object()

    def __init__(self, session: Notifications, loop: asyncio.AbstractEventLoop) -> None:
        self._session = session
        self._loop = loop
        self._queue: asyncio.Queue[object] = asyncio.Queue()
        self._room = threading.Semaphore(_QUEUED)
        self._ended = False
        threading.Thread(target=self._forward, name="finesse-async-events", daemon=True).start()

    def _forward(self) -> None:
        """On the thread: hands the session's events to the loop until it is closed; then
        the end, or what reading raised."""
        end: object = self._END
        try:
            while True:
                while not self._room.acquire(timeout=0.05):
                    if self._session.closed:
                        break
                event = self._session.next()
                if event is None or not _to_loop(self._loop, self._queue.put_nowait, event):
                    break
        except BaseException as error:  # raised by the reading task
            end = error
        _to_loop(self._loop, self._queue.put_nowait, end)

    @property
    def session(self) -> Notifications:
        """The ``Notifications`` session of the synchronous client."""
        return self._session

    @property
    def url(self) -> str:
        """The notification service's URL the session connected to."""
        return self._session.url

    @property
    def connected(self) -> bool:
        """Whether the connection is up and events are flowing."""
        return self._session.connected

    @property
    def closed(self) -> bool:
        """Whether the session is closed."""
        return self._session.closed

    @property
    def dropped(self) -> int:
        """How many events the session dropped because its queue was full."""
        return self._session.dropped

    async def next(self, timeout: float | None = None) -> Event | None:
        """The next event, waiting at most ``timeout`` seconds (None: until one comes or the
        session is closed).

        Returns:
            The event, or None when none came in time or the session is closed.
        """
        if self._ended:
            return None
        try:
            item = self._queue.get_nowait()
        except asyncio.QueueEmpty:
            if timeout is not None and timeout <= 0:
                return None
            try:
                item = await asyncio.wait_for(self._queue.get(), timeout)
            except asyncio.TimeoutError:
                return None
        if item is self._END:
            self._ended = True
            return None
        if isinstance(item, BaseException):
            self._ended = True
            raise item
        self._room.release()
        return cast(Event, item)

    async def events(self, timeout: float | None = None) -> AsyncGenerator[Event, None]:
        """The events as they come, until the session is closed, or until ``timeout``
        seconds pass without one."""
        while (event := await self.next(timeout)) is not None:
            yield event

    def __aiter__(self) -> AsyncIterator[Event]:
        return self.events()

    async def subscribe(self, node: str) -> None:
        """Subscribes to a node explicitly; see ``Notifications.subscribe``."""
        await _in_thread(self._session.subscribe, node)

    async def unsubscribe(self, node: str) -> None:
        """Unsubscribes from a node; see ``Notifications.unsubscribe``."""
        await _in_thread(self._session.unsubscribe, node)

    async def aclose(self) -> None:
        """Closes the session (see ``Notifications.close``); events not read are discarded
        and reading ends."""
        self._ended = True
        await _in_thread(self._session.close)

    async def __aenter__(self) -> AsyncNotifications:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"Async{self._session!r}"


class AsyncClient:
    """A Finesse client for one agent whose calls are awaited: ``Client``'s methods, each
    run on a thread of its own (see the module's documentation).

    Takes the arguments of ``Client``. Use ``async with``, or ``await client.aclose()``.

    Example::

        async with AsyncClient(url, "1001", password) as client:
            user = await client.sign_in("1001001", wait=10.0)
            dialog = await client.make_call("6135551212", wait=10.0)
    """

    def __init__(
        self,
        url: str,
        user: str,
        password: str | None = None,
        *,
        secondary: str | None = None,
        ca_file: str | os.PathLike[str] | None = None,
        ca_pem: str | bytes | None = None,
        verify: bool = True,
        timeout: float | None = None,
        connect_timeout: float | None = None,
        token: str | None = None,
        login_id: str | None = None,
        notification_url: str | None = None,
    ) -> None:
        self._client = Client(
            url,
            user,
            password,
            secondary=secondary,
            ca_file=ca_file,
            ca_pem=ca_pem,
            verify=verify,
            timeout=timeout,
            connect_timeout=connect_timeout,
            token=token,
            login_id=login_id,
            notification_url=notification_url,
        )
        self._session: AsyncNotifications | None = None

    @property
    def client(self) -> Client:
        """The synchronous ``Client`` the calls go to."""
        return self._client

    @property
    def active_node(self) -> str:
        """The node requests currently go to first (side A, or side B after a failover)."""
        return self._client.active_node

    async def aclose(self) -> None:
        """Closes the client and the session ``events()`` started; see ``Client.close``."""
        await _in_thread(self._client.close)

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"Async{self._client!r}"

    async def _command(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Sends a command: its ``AsyncAccepted``, or with ``wait``, its outcome."""
        result = await _in_thread(fn, *args, **kwargs)
        return AsyncAccepted(result) if isinstance(result, Accepted) else result

    async def user(self) -> User:
        """Gets the agent's User; see ``Client.user``."""
        return await _in_thread(self._client.user)

    async def user_by_id(self, id: str) -> User:
        """Gets another user by id, or by sign-in name; see ``Client.user_by_id``."""
        return await _in_thread(self._client.user_by_id, id)

    @overload
    async def sign_in(self, extension: str, *, wait: None = None) -> AsyncAccepted: ...
    @overload
    async def sign_in(self, extension: str, *, wait: float) -> User: ...
    async def sign_in(self, extension: str, *, wait: float | None = None) -> AsyncAccepted | User:
        """Signs the agent in on ``extension``; see ``Client.sign_in``."""
        return cast(
            "AsyncAccepted | User", await self._command(self._client.sign_in, extension, wait=wait)
        )

    @overload
    async def ready(self, *, wait: None = None) -> AsyncAccepted: ...
    @overload
    async def ready(self, *, wait: float) -> User: ...
    async def ready(self, *, wait: float | None = None) -> AsyncAccepted | User:
        """Makes the agent READY; see ``Client.ready``."""
        return cast("AsyncAccepted | User", await self._command(self._client.ready, wait=wait))

    @overload
    async def not_ready(
        self, reason_code_id: int | None = None, *, wait: None = None
    ) -> AsyncAccepted: ...
    @overload
    async def not_ready(self, reason_code_id: int | None = None, *, wait: float) -> User: ...
    async def not_ready(
        self, reason_code_id: int | None = None, *, wait: float | None = None
    ) -> AsyncAccepted | User:
        """Makes the agent NOT_READY; see ``Client.not_ready``."""
        return cast(
            "AsyncAccepted | User",
            await self._command(self._client.not_ready, reason_code_id, wait=wait),
        )

    @overload
    async def sign_out(
        self, reason_code_id: int | None = None, *, wait: None = None
    ) -> AsyncAccepted: ...
    @overload
    async def sign_out(self, reason_code_id: int | None = None, *, wait: float) -> User: ...
    async def sign_out(
        self, reason_code_id: int | None = None, *, wait: float | None = None
    ) -> AsyncAccepted | User:
        """Signs the agent out; see ``Client.sign_out``."""
        return cast(
            "AsyncAccepted | User",
            await self._command(self._client.sign_out, reason_code_id, wait=wait),
        )

    async def dialogs(self) -> list[Dialog]:
        """Lists the agent's current dialogs; see ``Client.dialogs``."""
        return await _in_thread(self._client.dialogs)

    async def dialog(self, id: str) -> Dialog:
        """Gets one dialog by id; see ``Client.dialog``."""
        return await _in_thread(self._client.dialog, id)

    @overload
    async def make_call(
        self,
        to: str,
        *,
        call_variables: _CallVariables | None = None,
        from_extension: str | None = None,
        wait: None = None,
    ) -> AsyncAccepted: ...
    @overload
    async def make_call(
        self,
        to: str,
        *,
        call_variables: _CallVariables | None = None,
        from_extension: str | None = None,
        wait: float,
    ) -> Dialog: ...
    async def make_call(
        self,
        to: str,
        *,
        call_variables: _CallVariables | None = None,
        from_extension: str | None = None,
        wait: float | None = None,
    ) -> AsyncAccepted | Dialog:
        """Places a call; see ``Client.make_call``. A cancelled ``make_call`` may have
        placed the call."""
        return cast(
            "AsyncAccepted | Dialog",
            await self._command(
                self._client.make_call,
                to,
                call_variables=call_variables,
                from_extension=from_extension,
                wait=wait,
            ),
        )

    @overload
    async def answer(self, dialog: Dialog | str, *, wait: None = None) -> AsyncAccepted: ...
    @overload
    async def answer(self, dialog: Dialog | str, *, wait: float) -> Dialog | None: ...
    async def answer(
        self, dialog: Dialog | str, *, wait: float | None = None
    ) -> AsyncAccepted | Dialog | None:
        """Answers a ringing call; see ``Client.answer``."""
        return cast(
            "AsyncAccepted | Dialog | None",
            await self._command(self._client.answer, dialog, wait=wait),
        )

    @overload
    async def hold(self, dialog: Dialog | str, *, wait: None = None) -> AsyncAccepted: ...
    @overload
    async def hold(self, dialog: Dialog | str, *, wait: float) -> Dialog | None: ...
    async def hold(
        self, dialog: Dialog | str, *, wait: float | None = None
    ) -> AsyncAccepted | Dialog | None:
        """Puts a call on hold; see ``Client.hold``."""
        return cast(
            "AsyncAccepted | Dialog | None",
            await self._command(self._client.hold, dialog, wait=wait),
        )

    @overload
    async def retrieve(self, dialog: Dialog | str, *, wait: None = None) -> AsyncAccepted: ...
    @overload
    async def retrieve(self, dialog: Dialog | str, *, wait: float) -> Dialog | None: ...
    async def retrieve(
        self, dialog: Dialog | str, *, wait: float | None = None
    ) -> AsyncAccepted | Dialog | None:
        """Takes a call off hold; see ``Client.retrieve``."""
        return cast(
            "AsyncAccepted | Dialog | None",
            await self._command(self._client.retrieve, dialog, wait=wait),
        )

    @overload
    async def drop(self, dialog: Dialog | str, *, wait: None = None) -> AsyncAccepted: ...
    @overload
    async def drop(self, dialog: Dialog | str, *, wait: float) -> None: ...
    async def drop(self, dialog: Dialog | str, *, wait: float | None = None) -> AsyncAccepted | None:
        """Leaves (hangs up) a call; see ``Client.drop``."""
        return cast(
            "AsyncAccepted | None", await self._command(self._client.drop, dialog, wait=wait)
        )

    @overload
    async def consult_call(
        self, dialog: Dialog | str, to: str, *, wait: None = None
    ) -> AsyncAccepted: ...
    @overload
    async def consult_call(
        self, dialog: Dialog | str, to: str, *, wait: float
    ) -> Dialog | None: ...
    async def consult_call(
        self, dialog: Dialog | str, to: str, *, wait: float | None = None
    ) -> AsyncAccepted | Dialog | None:
        """Holds a call and calls ``to`` for a consult; see ``Client.consult_call``."""
        return cast(
            "AsyncAccepted | Dialog | None",
            await self._command(self._client.consult_call, dialog, to, wait=wait),
        )

    @overload
    async def transfer(self, dialog: Dialog | str, *, wait: None = None) -> AsyncAccepted: ...
    @overload
    async def transfer(self, dialog: Dialog | str, *, wait: float) -> None: ...
    async def transfer(
        self, dialog: Dialog | str, *, wait: float | None = None
    ) -> AsyncAccepted | None:
        """Completes a consult transfer; see ``Client.transfer``."""
        return cast(
            "AsyncAccepted | None", await self._command(self._client.transfer, dialog, wait=wait)
        )

    @overload
    async def transfer_sst(
        self, dialog: Dialog | str, to: str, *, wait: None = None
    ) -> AsyncAccepted: ...
    @overload
    async def transfer_sst(self, dialog: Dialog | str, to: str, *, wait: float) -> None: ...
    async def transfer_sst(
        self, dialog: Dialog | str, to: str, *, wait: float | None = None
    ) -> AsyncAccepted | None:
        """Transfers a call to ``to`` in one step; see ``Client.transfer_sst``."""
        return cast(
            "AsyncAccepted | None",
            await self._command(self._client.transfer_sst, dialog, to, wait=wait),
        )

    @overload
    async def conference(self, dialog: Dialog | str, *, wait: None = None) -> AsyncAccepted: ...
    @overload
    async def conference(self, dialog: Dialog | str, *, wait: float) -> Dialog | None: ...
    async def conference(
        self, dialog: Dialog | str, *, wait: float | None = None
    ) -> AsyncAccepted | Dialog | None:
        """Joins the consult call into a conference; see ``Client.conference``."""
        return cast(
            "AsyncAccepted | Dialog | None",
            await self._command(self._client.conference, dialog, wait=wait),
        )

    @overload
    async def send_dtmf(
        self, dialog: Dialog | str, digits: str, *, wait: None = None
    ) -> AsyncAccepted: ...
    @overload
    async def send_dtmf(
        self, dialog: Dialog | str, digits: str, *, wait: float
    ) -> Dialog | None: ...
    async def send_dtmf(
        self, dialog: Dialog | str, digits: str, *, wait: float | None = None
    ) -> AsyncAccepted | Dialog | None:
        """Sends DTMF digits on a call; see ``Client.send_dtmf``."""
        return cast(
            "AsyncAccepted | Dialog | None",
            await self._command(self._client.send_dtmf, dialog, digits, wait=wait),
        )

    @overload
    async def drop_participant(
        self, dialog: Dialog | str, address: str, *, wait: None = None
    ) -> AsyncAccepted: ...
    @overload
    async def drop_participant(
        self, dialog: Dialog | str, address: str, *, wait: float
    ) -> Dialog | None: ...
    async def drop_participant(
        self, dialog: Dialog | str, address: str, *, wait: float | None = None
    ) -> AsyncAccepted | Dialog | None:
        """Drops a participant from a conference; see ``Client.drop_participant``."""
        return cast(
            "AsyncAccepted | Dialog | None",
            await self._command(self._client.drop_participant, dialog, address, wait=wait),
        )

    @overload
    async def update_call_data(
        self,
        dialog: Dialog | str,
        *,
        call_variables: _CallVariables | None = None,
        wrap_up_reason: str | None = None,
        wait: None = None,
    ) -> AsyncAccepted: ...
    @overload
    async def update_call_data(
        self,
        dialog: Dialog | str,
        *,
        call_variables: _CallVariables | None = None,
        wrap_up_reason: str | None = None,
        wait: float,
    ) -> Dialog | None: ...
    async def update_call_data(
        self,
        dialog: Dialog | str,
        *,
        call_variables: _CallVariables | None = None,
        wrap_up_reason: str | None = None,
        wait: float | None = None,
    ) -> AsyncAccepted | Dialog | None:
        """Writes call variables and/or the wrap-up reason; see ``Client.update_call_data``."""
        return cast(
            "AsyncAccepted | Dialog | None",
            await self._command(
                self._client.update_call_data,
                dialog,
                call_variables=call_variables,
                wrap_up_reason=wrap_up_reason,
                wait=wait,
            ),
        )

    async def notifications(
        self,
        *,
        url: str | None = None,
        resource: str | None = None,
        subscribe: Sequence[str] = (),
        ping_interval: float | None = None,
        ping_timeout: float | None = None,
        max_missed_pings: int | None = None,
        queue_capacity: int | None = None,
        queue_bytes: int | None = None,
        history_bytes: int | None = None,
    ) -> AsyncNotifications:
        """Starts a notification session; see ``Client.notifications``. Close it (``aclose()``
        or ``async with``) when done; ``events()`` reads this one while it is open."""
        session = await _in_thread(
            self._client.notifications,
            url=url,
            resource=resource,
            subscribe=list(subscribe),
            ping_interval=ping_interval,
            ping_timeout=ping_timeout,
            max_missed_pings=max_missed_pings,
            queue_capacity=queue_capacity,
            queue_bytes=queue_bytes,
            history_bytes=history_bytes,
        )
        self._session = AsyncNotifications(session, asyncio.get_running_loop())
        return self._session

    async def events(self, timeout: float | None = None) -> AsyncGenerator[Event, None]:
        """Iterates over the events of the client's session: the one ``notifications()``
        returned, while it is open; else one started here, which stays open until the client
        is closed (see ``Client.events``).

        Args:
            timeout: Stop after this many seconds without an event; None (the default)
                iterates until the session is closed.
        """
        session = self._session
        if session is None or session.closed:
            iterator = await _in_thread(self._client.events)
            session = AsyncNotifications(iterator.session, asyncio.get_running_loop())
            self._session = session
        async for event in session.events(timeout):
            yield event

    async def system_info(self) -> SystemInfo:
        """Gets the node's SystemInfo; see ``Client.system_info``."""
        return await _in_thread(self._client.system_info)

    async def reason_codes(
        self, category: ReasonCodeCategory | str = "NOT_READY"
    ) -> list[ReasonCode]:
        """Lists the reason codes of a category; see ``Client.reason_codes``."""
        return await _in_thread(self._client.reason_codes, category)

    async def wrap_up_reasons(self) -> list[WrapUpReason]:
        """Lists the wrap-up reasons; see ``Client.wrap_up_reasons``."""
        return await _in_thread(self._client.wrap_up_reasons)

    async def team(self, team_id: str) -> Team:
        """Gets a team and its members' states; see ``Client.team``."""
        return await _in_thread(self._client.team, team_id)

    async def team_reason_codes(
        self, team_id: str, category: ReasonCodeCategory | str = "NOT_READY"
    ) -> list[ReasonCode]:
        """Lists a team's reason codes; see ``Client.team_reason_codes``."""
        return await _in_thread(self._client.team_reason_codes, team_id, category)

    async def team_wrap_up_reasons(self, team_id: str) -> list[WrapUpReason]:
        """Lists a team's wrap-up reasons; see ``Client.team_wrap_up_reasons``."""
        return await _in_thread(self._client.team_wrap_up_reasons, team_id)

    async def queue(self, queue_id: str) -> Queue:
        """Gets a queue and its statistics; see ``Client.queue``."""
        return await _in_thread(self._client.queue, queue_id)

    async def queues(self) -> list[Queue]:
        """Lists the user's queues; see ``Client.queues``."""
        return await _in_thread(self._client.queues)

    async def set_member_state(
        self, agent_id: str, state: AgentState | str, *, wait: float | None = None
    ) -> AsyncAccepted | User:
        """Sets a team member's state; see ``Client.set_member_state``."""
        return cast(
            "AsyncAccepted | User",
            await self._command(self._client.set_member_state, agent_id, state, wait=wait),
        )

    async def silent_monitor(
        self, agent_extension: str, *, wait: float | None = None
    ) -> AsyncAccepted | Dialog | None:
        """Silently monitors a team member's call; see ``Client.silent_monitor``."""
        return cast(
            "AsyncAccepted | Dialog | None",
            await self._command(self._client.silent_monitor, agent_extension, wait=wait),
        )

    async def barge_in(
        self, agent_extension: str, monitor_dialog: Dialog | str, *, wait: float | None = None
    ) -> AsyncAccepted | Dialog | None:
        """Barges in on the monitored call; see ``Client.barge_in``."""
        return cast(
            "AsyncAccepted | Dialog | None",
            await self._command(
                self._client.barge_in, agent_extension, monitor_dialog, wait=wait
            ),
        )
