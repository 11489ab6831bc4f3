"""Test doubles: the bundled Finesse emulator, in this process, for your own tests.

``Emulator`` starts a local Finesse server (REST API, notification service, controls) on
127.0.0.1 and stops it on ``close()``. It records the REST requests it receives, so a test
can assert what the application sent (``requests()``), and it can ring an agent
(``inject_inbound_call``), make the far end busy (``set_far_end``), take the node out of
service, lift lock-outs and reset itself.

With pytest, the ``finesse_emulator`` fixture (a fresh emulator per test) and the
``finesse_client_for`` fixture come with the package; see ``finesse_client.pytest_plugin``.

Example::

    from finesse_client import Client
    from finesse_client.testing import Emulator

    with Emulator() as emulator:
        client = Client(emulator.url, "1001", emulator.passwords["1001"],
                        ca_pem=emulator.ca_pem)
        client.sign_in("1001001", wait=5.0)
        client.make_call("6135551212", wait=5.0)
        [call] = [r for r in emulator.requests() if r.method == "POST"]
        assert "<toAddress>6135551212</toAddress>" in call.body
"""

from typing import Any, Protocol

from finesse_client._finesse_client import Client, Emulator, RecordedRequest

__all__ = ["ClientFactory", "Emulator", "RecordedRequest"]


class ClientFactory(Protocol):
    """The type of the ``finesse_client_for`` fixture: it makes clients for the test's
    emulator."""

    def __call__(
        self, login_id: str = "1001", password: str | None = None, **client_kwargs: Any
    ) -> Client:
        """A ``Client`` for agent ``login_id`` of the emulator, with its password (or
        ``password``), trusting its CA and using its notification service; the other
        keyword arguments go to ``Client``."""
        ...
