"""What a client trusts by default: the operating system's certificate store, which
``SSL_CERT_FILE`` replaces as for OpenSSL, and the CAs given to it. Each case runs in a fresh
interpreter: the store is read once per process. (tests/trust/run.sh places a CA in the store
itself, for Rust and C.)"""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import Emulator

READ_USER = """
import sys
import finesse_client
client = finesse_client.Client(sys.argv[1], "1001", "secret1001")
try:
    print(client.user().state)
except finesse_client.TlsError as e:
    print("TlsError:", e)
    sys.exit(1)
"""


def read_user(emulator: Emulator, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("SSL_CERT_FILE", "SSL_CERT_DIR")}
    return subprocess.run(
        [sys.executable, "-c", READ_USER, emulator.url],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_an_unknown_ca_is_refused(emulator: Emulator) -> None:
    done = read_user(emulator)
    assert done.returncode == 1, done.stderr
    assert "UnknownIssuer" in done.stdout


def test_ssl_cert_file_is_trusted(emulator: Emulator) -> None:
    done = read_user(emulator, SSL_CERT_FILE=str(emulator.ca_file))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "LOGOUT"
