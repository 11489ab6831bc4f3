"""pytest fixtures for testing applications against the bundled Finesse emulator.

Installed with the package and loaded by pytest on its own (entry point ``pytest11``):

``finesse_emulator``
    A fresh ``finesse_client.testing.Emulator`` per test, closed after it.

``finesse_client_for``
    A factory (``finesse_client.testing.ClientFactory``): ``finesse_client_for("1001")``
    returns a ``Client`` for that agent of ``finesse_emulator`` (its password unless
    ``password=`` is given, trusting its CA, with its notification service); other keyword
    arguments go to ``Client``. The clients are closed after the test.

Example (``ClientFactory`` and ``Emulator`` come from ``finesse_client.testing``)::

    def test_dials(finesse_emulator: Emulator, finesse_client_for: ClientFactory) -> None:
        client = finesse_client_for("1001")
        client.sign_in("1001001", wait=5.0)
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from finesse_client import Client
from finesse_client.testing import ClientFactory, Emulator

__all__ = ["finesse_client_for", "finesse_emulator"]


@pytest.fixture
def finesse_emulator() -> Iterator[Emulator]:
    """A fresh emulator (CCE, HTTPS on 127.0.0.1), closed after the test."""
    with Emulator() as emulator:
        yield emulator


@pytest.fixture
def finesse_client_for(finesse_emulator: Emulator) -> Iterator[ClientFactory]:
    """Makes clients for agents of ``finesse_emulator``; closes them after the test."""
    clients: list[Client] = []

    def make(login_id: str = "1001", password: str | None = None, **kwargs: Any) -> Client:
        kwargs.setdefault("ca_pem", finesse_emulator.ca_pem)
        kwargs.setdefault("notification_url", finesse_emulator.notification_url)
        if password is None:
            password = finesse_emulator.passwords[login_id]
        client = Client(finesse_emulator.url, login_id, password, **kwargs)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
