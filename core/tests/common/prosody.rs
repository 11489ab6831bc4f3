//! A Prosody server on loopback, driven through the harness `interop/prosody/harness.py`
//! (named by `FINESSE_INTEROP_PROSODY`): it starts Prosody with a test CA, publishes
//! Finesse-shaped items with an independent XMPP client (slixmpp), pings, restarts, and
//! counts sign-in attempts. Prosody is stopped when the [`Prosody`] is dropped, or when this
//! process ends (the harness stops it when its stdin closes).

#![allow(dead_code)] // Not every test file uses every part.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The environment variable naming the harness; without it the interop tests do nothing.
pub const HARNESS_VAR: &str = "FINESSE_INTEROP_PROSODY";

/// How long one harness command may take (a restart, a publication, a ping).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);

/// The harness's path, when the interop tests are asked for.
pub fn harness() -> Option<PathBuf> {
    std::env::var_os(HARNESS_VAR)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// How the client reaches Prosody: one notification URL scheme each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    /// XMPP over WebSocket (RFC 7395), `wss://…/xmpp-websocket`.
    WebSocket,
    /// XMPP over TCP with STARTTLS (RFC 6120), `xmpp://…`.
    StartTls,
    /// XMPP over TCP with direct TLS (XEP-0368), `xmpps://…`.
    DirectTls,
    /// BOSH (XEP-0124/0206), `https://…/http-bind`.
    Bosh,
}

/// A running Prosody and its harness.
pub struct Prosody {
    child: Child,
    stdin: Option<ChildStdin>,
    answers: mpsc::Receiver<String>,
    /// The ports: `c2s`, `c2s_direct_tls`, `http`, `https`.
    ports: Value,
    /// The test CA that signed Prosody's certificate, as PEM.
    pub ca_pem: String,
}

impl Prosody {
    /// Starts the harness named by `FINESSE_INTEROP_PROSODY` with these users (login id,
    /// password) on host `localhost`; panics if Prosody cannot be started.
    #[track_caller]
    pub fn start(users: &[(&str, &str)]) -> Prosody {
        let path = harness().expect("FINESSE_INTEROP_PROSODY names the harness");
        let mut child = Command::new(&path)
            .arg("serve")
            .args(users.iter().map(|(u, p)| format!("{u}:{p}")))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run the harness {}: {e}", path.display()));
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, answers) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut prosody = Prosody {
            stdin: child.stdin.take(),
            child,
            answers,
            ports: Value::Null,
            ca_pem: String::new(),
        };
        // Installing Prosody or the venv on a fresh machine takes longer than a command.
        let hello = prosody.answer(Duration::from_secs(300));
        assert!(
            hello["ok"] == true,
            "Prosody did not start: {}",
            hello["error"].as_str().unwrap_or("no answer")
        );
        prosody.ports = hello["ports"].clone();
        prosody.ca_pem = hello["ca_pem"].as_str().expect("ca_pem").to_owned();
        prosody
    }

    fn port(&self, name: &str) -> u64 {
        self.ports[name].as_u64().expect("a port")
    }

    /// The notification URL of `transport`, by IP address (the certificate names it).
    pub fn url(&self, transport: Transport) -> String {
        match transport {
            Transport::WebSocket => {
                format!("wss://127.0.0.1:{}/xmpp-websocket", self.port("https"))
            }
            Transport::StartTls => format!("xmpp://127.0.0.1:{}", self.port("c2s")),
            Transport::DirectTls => format!("xmpps://127.0.0.1:{}", self.port("c2s_direct_tls")),
            Transport::Bosh => format!("https://127.0.0.1:{}/http-bind", self.port("https")),
        }
    }

    #[track_caller]
    fn answer(&self, timeout: Duration) -> Value {
        let line = self
            .answers
            .recv_timeout(timeout)
            .unwrap_or_else(|e| panic!("no answer from the Prosody harness: {e}"));
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("harness answered {line:?}: {e}"))
    }

    /// Sends one command and returns the answer; panics when it failed.
    #[track_caller]
    fn command(&mut self, command: Value) -> Value {
        let stdin = self.stdin.as_mut().expect("harness running");
        writeln!(stdin, "{command}")
            .and_then(|()| stdin.flush())
            .expect("writing to the harness");
        let answer = self.answer(COMMAND_TIMEOUT);
        assert!(
            answer["ok"] == true,
            "harness command {} failed: {}",
            command["cmd"],
            answer["error"]
        );
        answer
    }

    /// The pub-sub admin subscribes `jid` to `node` (creating it), as Finesse subscribes
    /// agents to their own nodes.
    #[track_caller]
    pub fn subscribe(&mut self, jid: &str, node: &str) {
        self.command(json!({"cmd": "subscribe", "jid": jid, "node": node}));
    }

    /// Publishes an item carrying `update` (an `<Update>` document) to `node`, in the shape
    /// Finesse publishes: `<notification xmlns="http://jabber.org/protocol/pubsub">` holding
    /// the document as escaped text.
    #[track_caller]
    pub fn publish(&mut self, node: &str, update: &str) {
        self.command(json!({"cmd": "publish", "node": node, "update": update}));
    }

    /// Pings `jid` (XEP-0199) from the admin's session; whether it was answered, and the
    /// error condition when not.
    #[track_caller]
    pub fn ping(&mut self, jid: &str) -> Result<(), String> {
        let answer = self.command(json!({"cmd": "ping", "jid": jid, "timeout": 5}));
        if answer["answered"] == true {
            Ok(())
        } else {
            Err(answer["error"].as_str().unwrap_or("?").to_owned())
        }
    }

    /// Registers a user on `localhost`, or changes its password.
    #[track_caller]
    pub fn register(&mut self, user: &str, password: &str) {
        self.command(json!({"cmd": "register", "user": user, "password": password}));
    }

    /// Stops Prosody and starts it again on the same ports; returns once they answer.
    #[track_caller]
    pub fn restart(&mut self) {
        self.command(json!({"cmd": "restart"}));
    }

    /// The sign-in attempts of `user` Prosody has seen so far: (failed, succeeded).
    #[track_caller]
    pub fn sign_ins(&mut self, user: &str) -> (u64, u64) {
        let answer = self.command(json!({"cmd": "sign_ins", "user": user}));
        (
            answer["failures"].as_u64().expect("failures"),
            answer["successes"].as_u64().expect("successes"),
        )
    }
}

impl Drop for Prosody {
    fn drop(&mut self) {
        // Closing stdin tells the harness to stop Prosody and remove its directory.
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
