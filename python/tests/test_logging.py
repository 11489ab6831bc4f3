"""The library's log records reach Python's ``logging``, under the logger ``finesse_client``,
and no record (nor anything written to the process's output) carries a password or a token.

The secrets are distinctive strings, looked for as written and as the Basic credentials
that carry them (base64 of ``user:password``).
"""

from __future__ import annotations

import base64
import logging
import subprocess
import sys
from collections.abc import Iterator

import pytest
from conftest import EXTENSIONS, PASSWORDS, Emulator

import finesse_client

#: Rust's TRACE, as Python sees it.
TRACE = 5
WRONG_PASSWORD = "Wr0ng-Pa55-q7Zx81"
TOKEN = "T0ken-Bearer-m3Kv92"


class Collect(logging.Handler):
    """Keeps every record it handles."""

    def __init__(self) -> None:
        super().__init__(level=logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def records() -> Iterator[list[logging.LogRecord]]:
    """The records of the ``finesse_client`` loggers, every level on."""
    logger = logging.getLogger("finesse_client")
    handler = Collect()
    level = logger.level
    logger.setLevel(1)
    logger.addHandler(handler)
    yield handler.records
    logger.removeHandler(handler)
    logger.setLevel(level)


def secrets(login_id: str, password: str) -> list[str]:
    """A password and the Basic credentials that carry it."""
    basic = base64.b64encode(f"{login_id}:{password}".encode()).decode()
    return [password, basic]


def test_records_without_secrets(
    emulator: Emulator, records: list[logging.LogRecord], capfd: pytest.CaptureFixture[str]
) -> None:
    client = emulator.client("1001")
    with client.notifications() as session:
        client.sign_in(EXTENSIONS["1001"], wait=5.0)
        client.ready(wait=5.0)
        while session.next(timeout=0.3) is not None:
            pass
    client.close()

    wrong = finesse_client.Client(emulator.url, "1002", WRONG_PASSWORD, ca_file=emulator.ca_file)
    with pytest.raises(finesse_client.AuthenticationError):
        wrong.user()
    wrong = finesse_client.Client(
        emulator.url, "1002", WRONG_PASSWORD, ca_file=emulator.ca_file, login_id="1002"
    )
    with pytest.raises(finesse_client.AuthenticationError):
        wrong.notifications()
    bearer = finesse_client.Client(emulator.url, "1003", token=TOKEN, ca_file=emulator.ca_file)
    with pytest.raises(finesse_client.FinesseError):
        bearer.user()
    emulator.control("DELETE", "/lockouts")

    assert records, "no record reached logging"
    names = {r.name for r in records}
    assert all(n == "finesse_client" or n.startswith("finesse_client.") for n in names), names
    assert any(r.levelno == logging.DEBUG for r in records)
    assert any("/finesse/api/User/1001" in r.getMessage() for r in records)

    forbidden = [
        *secrets("1001", PASSWORDS["1001"]),
        *secrets("1002", WRONG_PASSWORD),
        TOKEN,
    ]
    output = capfd.readouterr()
    for text in [r.getMessage() for r in records] + [output.out, output.err]:
        for secret in forbidden:
            assert secret not in text


def test_levels_are_honoured(emulator: Emulator, records: list[logging.LogRecord]) -> None:
    logger = logging.getLogger("finesse_client")
    logger.setLevel(logging.WARNING)
    emulator.client().user()
    assert not [r for r in records if r.levelno < logging.WARNING]

    # A client created after a change of level logs at the new one.
    logger.setLevel(logging.DEBUG)
    emulator.client().user()
    assert [r for r in records if r.levelno == logging.DEBUG]
    assert not [r for r in records if r.levelno < logging.DEBUG]


DROP_SCRIPT = """
import logging, sys
logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format="%(name)s: %(message)s")
import finesse_client
from finesse_client.testing import Emulator

with Emulator() as emulator:
    def client():
        return finesse_client.Client(
            emulator.url, "1001", emulator.passwords["1001"], ca_pem=emulator.ca_pem
        )

    # The last handle of a client closes the session events() started, whose thread logs.
    c = client()
    for _ in c.events(timeout=0.3):
        pass
    del c
    print("client dropped", flush=True)

    # So does a command's Accepted, which holds a handle of the client.
    c = client()
    for _ in c.events(timeout=0.3):
        pass
    accepted = c.sign_in("1001001")
    del c
    del accepted
    print("accepted dropped", flush=True)

    s = client().notifications()
    del s
    print("session dropped", flush=True)
"""


def test_dropping_the_last_handle_while_logging() -> None:
    """Closing a session waits for its thread, which logs: nothing may hold the interpreter
    lock meanwhile."""
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", DROP_SCRIPT],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for done in ("client dropped", "accepted dropped", "session dropped"):
        assert done in lines
    assert "finesse_client.session: notifications closed" in lines
