"""The examples run as written against the emulator: click-to-dial, and the screen pop
(threads, and asyncio)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Emulator

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE = EXAMPLES / "click_to_dial.py"


def example_env(emulator: Emulator) -> dict[str, str]:
    """The environment the examples read: agent 1001 on the emulator."""
    return dict(
        os.environ,
        FINESSE_URL=emulator.url,
        FINESSE_USER="1001",
        FINESSE_PASSWORD="secret1001",
        FINESSE_EXTENSION="1001001",
        FINESSE_CA_FILE=str(emulator.ca_file),
    )


def run_example(emulator: Emulator, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-W", "error", str(EXAMPLE), *args],
        env=example_env(emulator),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_click_to_dial_example(emulator: Emulator) -> None:
    result = run_example(emulator, "6135551212")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("dialing 6135551212 (request ")
    assert lines[1].endswith("connected, account acct-42")
    assert lines[2] == "hung up"
    emulator.settle()
    assert emulator.dialogs() == []
    assert emulator.agent("1001")["extension"] == "1001001"


def test_click_to_dial_example_reports_errors(emulator: Emulator) -> None:
    emulator.control("PUT", "/far-end", {"far_end": "BUSY"})
    emulator.control("PUT", "/out-of-service", {"out_of_service": True})
    result = run_example(emulator)
    assert result.returncode == 1
    assert result.stderr.startswith("error: HTTP 503")


@pytest.mark.parametrize("example", ["screen_pop.py", "async_screen_pop.py"])
def test_screen_pop_example(emulator: Emulator, example: str) -> None:
    with subprocess.Popen(
        [sys.executable, "-W", "error", str(EXAMPLES / example), "1"],
        env=example_env(emulator),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as pop:
        assert pop.stdout is not None and pop.stderr is not None
        try:
            first = pop.stdout.readline()
            assert first == "Jane Doe is READY, waiting for calls\n", pop.stderr.read()
            emulator.control(
                "POST",
                "/inbound-calls",
                {
                    "to": "1001001",
                    "from_address": "6135550000",
                    "dnis": "8005551000",
                    "call_variables": [
                        {"name": "callVariable1", "value": "case-9"},
                        {"name": "user.Lang", "value": "fr"},
                    ],
                },
            )
            out, err = pop.communicate(timeout=30)
        finally:
            pop.kill()
    assert pop.returncode == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("call ") and lines[0].endswith(" from 6135550000 to 8005551000")
    assert lines[1:] == ["  callVariable1 = case-9", "  user.Lang = fr"]


def test_wallboard_example(emulator: Emulator) -> None:
    """The wallboard prints the team and the queue, then follows a state change and the next
    queue statistics."""
    agent = emulator.signed_in("1001")
    env = dict(example_env(emulator), FINESSE_USER="2001", FINESSE_PASSWORD="secret2001")
    with subprocess.Popen(
        [sys.executable, "-W", "error", str(EXAMPLES / "wallboard.py"), "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as board:
        assert board.stdout is not None and board.stderr is not None
        try:
            first = board.stdout.readline()
            assert first == "team Sales: 4 members\n", board.stderr.read()
            lines = [board.stdout.readline() for _ in range(5)]
            assert "  1001 Jane Doe: NOT_READY\n" in lines
            assert lines[-1].startswith("  queue Sales: 0 waiting, 0 ready, 1 not ready")
            agent.ready(wait=5.0)
            emulator.control("POST", "/queue-statistics")
            out, err = board.communicate(timeout=30)
        finally:
            board.kill()
    assert board.returncode == 0, err
    assert out.splitlines() == [
        "1001 Jane Doe: READY",
        "queue Sales: 0 waiting, 1 ready, 0 not ready, 0 talking",
    ]
