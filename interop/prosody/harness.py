#!/usr/bin/env python3
"""A Prosody server on loopback for the client's interop tests, driven over stdin/stdout.

    harness.py setup                      install what is missing (prosody, the slixmpp venv)
    harness.py serve USER:PASSWORD ...    start Prosody with these users, then obey commands

`serve` works in a fresh temporary directory: a test CA and a server certificate for
`localhost` and 127.0.0.1 (openssl), a Prosody configuration with free random ports, the users
registered with prosodyctl, and Prosody started in the foreground as a child. It prints one
JSON line describing the server, then reads one JSON command per line and answers each with one
JSON line:

    {"cmd": "subscribe", "node": N, "jid": J}     the pub-sub admin subscribes J to N
    {"cmd": "publish", "node": N, "update": XML}  publishes a Finesse-shaped item
    {"cmd": "ping", "jid": J}                     XEP-0199 ping; {"answered": bool}
    {"cmd": "register", "user": U, "password": P} adds a user or changes its password
    {"cmd": "restart"}                            stops Prosody and starts it again
    {"cmd": "sign_ins", "user": U}                {"failures": n, "successes": n} so far
    {"cmd": "quit"}

Prosody is stopped (by its PID) on `quit`, when stdin closes (the test ended or died), on
SIGTERM, and on any error; the directory is removed.
"""

import fcntl
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ""))
STATE = (TARGET if TARGET.is_absolute() else HERE.parent.parent / "target") / "interop-prosody"
VENV = STATE / "venv"
DOMAIN = "localhost"
PUBSUB = "pubsub.localhost"
ADMIN = "pubsub-admin"
STEP_TIMEOUT = 15  # seconds, for every wait of the harness
SETUP_TIMEOUT = 300


def log(message: str) -> None:
    print(f"harness: {message}", file=sys.stderr, flush=True)


def run(cmd, timeout=STEP_TIMEOUT, **kw) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
    if result.returncode != 0:
        raise RuntimeError(f"{cmd[0]} {cmd[1]} failed: {(result.stderr or result.stdout).strip()[-800:]}")
    return result


# --- setup ---------------------------------------------------------------------------------


def setup() -> None:
    """Installs Prosody (Debian) and a venv with slixmpp, once; concurrent harnesses wait."""
    STATE.mkdir(parents=True, exist_ok=True)
    with open(STATE / "setup.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shutil.which("prosody") and shutil.which("prosodyctl")):
            log("installing prosody")
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            run(["apt-get", "update"], timeout=SETUP_TIMEOUT, env=env)
            run(["apt-get", "install", "-y", "prosody"], timeout=SETUP_TIMEOUT, env=env)
        python = VENV / "bin" / "python"
        if not python.exists() or subprocess.run([python, "-c", "import slixmpp"], capture_output=True,
                                                  timeout=STEP_TIMEOUT).returncode:
            log("creating the slixmpp venv")
            run([sys.executable, "-m", "venv", "--clear", str(VENV)], timeout=SETUP_TIMEOUT)
            run([python, "-m", "pip", "install", "-q", "slixmpp"], timeout=SETUP_TIMEOUT)


# --- certificates and configuration -------------------------------------------------------------


def make_certificates(d: Path) -> None:
    """A test CA and a server certificate signed by it, for `localhost` and 127.0.0.1."""
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    run(["openssl", "req", "-x509", *ec, "-keyout", d / "ca.key", "-out", d / "ca.pem", "-days", "2",
         "-subj", "/CN=finesse-client interop test CA",
         "-addext", "basicConstraints=critical,CA:TRUE",
         "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
    run(["openssl", "req", *ec, "-keyout", d / "server.key", "-out", d / "server.csr", "-subj", "/CN=localhost"])
    (d / "server.ext").write_text(
        "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
        "basicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature,keyEncipherment\n"
        "extendedKeyUsage=serverAuth\n"
    )
    run(["openssl", "x509", "-req", "-in", d / "server.csr", "-CA", d / "ca.pem", "-CAkey", d / "ca.key",
         "-CAcreateserial", "-days", "2", "-extfile", d / "server.ext", "-out", d / "server.pem"])


def free_ports(n: int) -> list:
    sockets = []
    for _ in range(n):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        sockets.append(s)
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def write_config(d: Path, ports: dict) -> Path:
    ssl = f'{{ certificate = "{d}/server.pem"; key = "{d}/server.key"; }}'
    config = f"""-- Generated by interop/prosody/harness.py for one test run.
run_as_root = true -- root in containers; the files are ours anyway
pidfile = "{d}/prosody.pid"
data_path = "{d}/data"
log = {{ debug = "{d}/prosody.log" }}
admins = {{ "{ADMIN}@{DOMAIN}" }}
authentication = "internal_plain"
storage = "internal"

interfaces = {{ "127.0.0.1" }}
c2s_ports = {{ {ports['c2s']} }}
c2s_direct_tls_ports = {{ {ports['c2s_direct_tls']} }}
http_ports = {{ {ports['http']} }}
http_interfaces = {{ "127.0.0.1" }}
https_ports = {{ {ports['https']} }}
https_interfaces = {{ "127.0.0.1" }}
http_default_host = "{DOMAIN}"
s2s_ports = {{ }}

plugin_paths = {{ "{HERE}" }}
modules_enabled = {{ "roster"; "saslauth"; "tls"; "disco"; "ping"; "websocket"; "bosh"; "interop_auth_log" }}
modules_disabled = {{ "s2s" }}
c2s_require_encryption = true

ssl = {ssl}
https_ssl = {ssl}
c2s_direct_tls_ssl = {ssl}

VirtualHost "{DOMAIN}"

Component "{PUBSUB}" "pubsub"
    autocreate_on_publish = true
"""
    path = d / "prosody.cfg.lua"
    path.write_text(config)
    (d / "data").mkdir()
    return path


def die_with_parent() -> None:
    """Prosody gets SIGTERM if the harness dies without stopping it (Linux only)."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


# --- the server ------------------------------------------------------------------------------------


class Server:
    def __init__(self, users: list):
        self.dir = Path(tempfile.mkdtemp(prefix="finesse-prosody-"))
        self.process = None
        self.admin_password = os.urandom(12).hex()
        make_certificates(self.dir)
        self.ports = dict(zip(["c2s", "c2s_direct_tls", "http", "https"], free_ports(4)))
        self.config = write_config(self.dir, self.ports)
        for user, password in users + [(ADMIN, self.admin_password)]:
            self.register(user, password)

    def prosodyctl(self, *args):
        return run(["prosodyctl", "--config", self.config, *args])

    def register(self, user: str, password: str) -> None:
        self.prosodyctl("register", user, DOMAIN, password)

    def start(self) -> None:
        log_file = open(self.dir / "stdout.log", "ab")
        self.process = subprocess.Popen(
            ["prosody", "--config", str(self.config), "-F"],
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a Ctrl-C in the terminal reaches the harness, which stops it
            preexec_fn=die_with_parent,
        )
        deadline = time.monotonic() + STEP_TIMEOUT
        waiting = set(self.ports.values())
        while waiting:
            if self.process.poll() is not None:
                raise RuntimeError(f"prosody exited with {self.process.returncode}: {self.tail()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"prosody's ports {sorted(waiting)} not open within {STEP_TIMEOUT} s: {self.tail()}")
            for port in list(waiting):
                with socket.socket() as s:
                    s.settimeout(0.5)
                    if s.connect_ex(("127.0.0.1", port)) == 0:
                        waiting.discard(port)
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=STEP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=STEP_TIMEOUT)

    def tail(self) -> str:
        text = ""
        for name in ("stdout.log", "prosody.log"):
            path = self.dir / name
            if path.exists():
                text += path.read_text(errors="replace")[-1500:]
        return text

    def sign_ins(self, user: str) -> dict:
        """The user's sign-in attempts so far, as mod_interop_auth_log logged them."""
        path = self.dir / "prosody.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        return {
            "failures": text.count(f"interop: authentication failure for {user} "),
            "successes": len(re.findall(f"interop: authentication success for {re.escape(user)}$", text, re.M)),
        }

    def publisher(self, *args) -> dict:
        env = dict(os.environ, PUBLISHER_JID=f"{ADMIN}@{DOMAIN}", PUBLISHER_PASSWORD=self.admin_password)
        result = subprocess.run(
            [VENV / "bin" / "python", HERE / "publisher.py", "--port", str(self.ports["c2s"]),
             "--ca", self.dir / "ca.pem", *args],
            capture_output=True, text=True, timeout=STEP_TIMEOUT + 10, env=env,
        )
        try:
            return json.loads(result.stdout.strip().splitlines()[-1])
        except (IndexError, json.JSONDecodeError):
            return {"ok": False, "error": f"publisher: {result.stderr.strip()[-800:]}"}

    def describe(self) -> dict:
        return {
            "ok": True,
            "domain": DOMAIN,
            "pubsub": PUBSUB,
            "ports": self.ports,
            "ca_pem": (self.dir / "ca.pem").read_text(),
            "dir": str(self.dir),
            "pid": self.process.pid,
        }

    def obey(self, command: dict) -> dict:
        cmd = command.get("cmd")
        if cmd == "subscribe":
            return self.publisher("subscribe", command["node"], command["jid"])
        if cmd == "publish":
            update = self.dir / "update.xml"
            update.write_text(command["update"])
            extra = ["--item-id", command["item_id"]] if command.get("item_id") else []
            return self.publisher("publish", command["node"], str(update), *extra)
        if cmd == "ping":
            return self.publisher("ping", command["jid"], "--timeout", str(command.get("timeout", 5)))
        if cmd == "register":
            self.register(command["user"], command["password"])
            return {"ok": True}
        if cmd == "restart":
            self.stop()
            self.start()
            return {"ok": True, "pid": self.process.pid}
        if cmd == "sign_ins":
            return {"ok": True, **self.sign_ins(command["user"])}
        return {"ok": False, "error": f"unknown command {cmd!r}"}

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def reply(answer: dict) -> None:
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()


def serve(users: list) -> int:
    setup()
    server = None
    # SIGTERM ends the loop below like a closed stdin, so that Prosody is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    try:
        server = Server(users)
        server.start()
        reply(server.describe())
        for line in sys.stdin:
            if not line.strip():
                continue
            command = json.loads(line)
            if command.get("cmd") == "quit":
                break
            try:
                reply(server.obey(command))
            except Exception as e:
                reply({"ok": False, "error": f"{type(e).__name__}: {e}"})
        return 0
    except Exception as e:
        reply({"ok": False, "error": f"{type(e).__name__}: {e}" + (f"\n{server.tail()}" if server else "")})
        return 1
    finally:
        if server:
            server.close()


def main(argv: list) -> int:
    if argv[:1] == ["setup"]:
        setup()
        return 0
    if argv[:1] == ["serve"]:
        users = [tuple(u.split(":", 1)) for u in argv[1:]]
        return serve(users)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
