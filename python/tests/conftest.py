"""Fixtures: a fresh emulator per test (CCE, or CCX with ``ccx_emulator``), and clients for it.

Clients reach the emulator's notification service at the documented default URL
(``wss://<host:port>/ws/`` of the REST node), as they would a Finesse 12.x node.

The emulator binary comes from the environment variable ``FINESSE_EMULATOR`` (``run.sh``
builds it); nothing is built here.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

import finesse_client

T = TypeVar("T")

#: The emulator's default agents: login id -> password.
PASSWORDS = {"1001": "secret1001", "1002": "secret1002", "1003": "secret1003", "2001": "secret2001"}
#: The extension each test agent signs in on.
EXTENSIONS = {"1001": "1001001", "1002": "1002002", "1003": "1003003", "2001": "2001001"}


def call_control(control_url: str, method: str, path: str, body: object = None) -> Any:
    """Calls an emulator node's control API; returns the decoded JSON answer, or None."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        control_url + path,
        data=data,
        method=method,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        raw = response.read()
    return json.loads(raw) if raw else None


class Node:
    """Side B of a pair (``--pair``): its URLs and control API."""

    def __init__(self) -> None:
        self.url = ""
        self.control_url = ""

    def control(self, method: str, path: str, body: object = None) -> Any:
        """Calls this node's control API."""
        return call_control(self.control_url, method, path, body)


class Emulator:
    """A running emulator (side A of a pair, with ``--pair``) and its control API."""

    def __init__(self, binary: str, workdir: Path, *extra: str) -> None:
        self.ca_file = workdir / "ca.pem"
        self._log = (workdir / "emulator.log").open("wb")
        self._process = subprocess.Popen(
            [binary, "--write-ca", str(self.ca_file), "--ring-ms", "40", "--step-ms", "5", *extra],
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
        )
        assert self._process.stdout is not None
        self.url = ""
        self.notification_url = ""
        self.control_url = ""
        #: The notification transports this release serves, by the name the binary prints
        #: (``WebSocket``, ``BOSH``, ``XMPP STARTTLS``, ``XMPP TLS``), as URLs.
        self.transports: dict[str, str] = {}
        #: Side B, when started with ``--pair``.
        self.side_b: Node | None = None
        for line in self._process.stdout:
            name, _, value = line.partition(":")
            if line.startswith("Side B:"):
                self.side_b = Node()
            elif self.side_b is not None and line.startswith("Finesse REST API:"):
                self.side_b.url = value.strip()
            elif self.side_b is not None and line.startswith("Control API:"):
                self.side_b.control_url = value.strip()
            elif self.side_b is not None and not line.startswith("CA certificate:"):
                continue
            elif line.startswith("Finesse REST API:"):
                self.url = line.split(":", 1)[1].strip()
            elif name in ("WebSocket", "BOSH", "XMPP STARTTLS", "XMPP TLS"):
                self.transports[name] = value.strip()
            elif line.startswith("Notifications:"):
                self.notification_url = line.split(":", 1)[1].strip()
            elif line.startswith("Control API:"):
                self.control_url = line.split(":", 1)[1].strip()
            elif line.startswith("CA certificate:"):
                break
        if not (self.url and self.notification_url and self.control_url):
            self.stop()
            raise RuntimeError(f"the emulator did not start; see {workdir / 'emulator.log'}")

    def stop(self) -> None:
        """Stops the emulator and releases its pipes."""
        self._process.terminate()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        assert self._process.stdout is not None
        self._process.stdout.close()
        self._log.close()

    def control(self, method: str, path: str, body: object = None) -> Any:
        """Calls the control API; returns the decoded JSON answer, or None."""
        return call_control(self.control_url, method, path, body)

    def settle(self) -> None:
        """Waits until every accepted request has been carried out."""
        self.control("POST", "/settle")

    def dialogs(self) -> list[dict[str, Any]]:
        """The emulator's view of every dialog."""
        result: list[dict[str, Any]] = self.control("GET", "/dialogs")
        return result

    def agent(self, login_id: str) -> dict[str, Any]:
        """The emulator's view of one agent."""
        result: dict[str, Any] = self.control("GET", f"/agents/{login_id}")
        return result

    def client(self, agent: str = "1001", **kwargs: Any) -> finesse_client.Client:
        """A client for a default agent, trusting the emulator's CA."""
        kwargs.setdefault("ca_file", self.ca_file)
        return finesse_client.Client(self.url, agent, PASSWORDS[agent], **kwargs)

    def signed_in(self, agent: str = "1001") -> finesse_client.Client:
        """A client whose agent is signed in on its extension (NOT_READY)."""
        client = self.client(agent)
        client.sign_in(EXTENSIONS[agent])
        self.settle()
        return client


def eventually(check: Callable[[], T | None], timeout: float = 5.0) -> T:
    """Polls ``check`` until it returns something true, and returns that."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(0.01)


def free_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


@pytest.fixture
def emulator_binary() -> str:
    binary = os.environ.get("FINESSE_EMULATOR")
    if not binary:
        raise RuntimeError("set FINESSE_EMULATOR to the finesse-emulator binary (run.sh does)")
    return binary


@pytest.fixture
def emulator(emulator_binary: str, tmp_path: Path) -> Iterator[Emulator]:
    """A fresh CCE emulator."""
    emu = Emulator(emulator_binary, tmp_path)
    yield emu
    emu.stop()


@pytest.fixture
def ccx_emulator(emulator_binary: str, tmp_path: Path) -> Iterator[Emulator]:
    """A fresh CCX emulator."""
    emu = Emulator(emulator_binary, tmp_path, "--ccx")
    yield emu
    emu.stop()


@pytest.fixture
def pair(emulator_binary: str, tmp_path: Path) -> Iterator[Emulator]:
    """Side A and side B of one Finesse pair (``side_b``), sharing one CTI state."""
    emu = Emulator(emulator_binary, tmp_path, "--pair")
    assert emu.side_b is not None and emu.side_b.url, "the emulator printed no side B"
    yield emu
    emu.stop()
