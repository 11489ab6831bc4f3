"""The README's example runs as written against the emulator."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import Emulator

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "click_to_dial.py"


def run_example(emulator: Emulator, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        FINESSE_URL=emulator.url,
        FINESSE_USER="1001",
        FINESSE_PASSWORD="secret1001",
        FINESSE_EXTENSION="1001001",
        FINESSE_CA_FILE=str(emulator.ca_file),
    )
    return subprocess.run(
        [sys.executable, "-W", "error", str(EXAMPLE), *args],
        env=env,
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
