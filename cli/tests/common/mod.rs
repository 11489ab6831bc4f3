//! Shared set-up of the CLI tests: an emulator on loopback, and `finesse` run as a user runs
//! it, with the connection settings in the environment.

#![allow(dead_code)] // Each test file uses a different part of this module.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use finesse_emulator::{Emulator, EmulatorConfig};
use serde_json::Value;

/// Agent 1001's extension.
pub const EXT: &str = "1001001";

/// An emulator, its CA certificate on disk, and whether commands get its notification URL.
pub struct Server {
    /// The emulator.
    pub emulator: Emulator,
    ca: PathBuf,
    events: bool,
}

impl Server {
    /// An emulator whose notification service the commands use, at the default URL (no
    /// `FINESSE_NOTIFICATION_URL`: `wss://<server>/ws/`, as the README documents for 12.x).
    pub fn start() -> Server {
        let emulator = Emulator::start(EmulatorConfig::new()).expect("emulator starts");
        let ca = std::env::temp_dir().join(format!(
            "finesse-cli-ca-{}-{}.pem",
            std::process::id(),
            emulator.base_url().rsplit(':').next().unwrap()
        ));
        emulator.write_ca_pem(&ca).unwrap();
        Server {
            emulator,
            ca,
            events: true,
        }
    }

    /// The same, but the commands are sent to a notification service that is not there (a
    /// port nothing listens on), so they wait by reading.
    pub fn without_events() -> Server {
        let mut server = Server::start();
        server.events = false;
        server
    }

    /// The CA file.
    pub fn ca(&self) -> &PathBuf {
        &self.ca
    }

    /// `finesse` as agent 1001 with the right password.
    pub fn finesse(&self, args: &[&str]) -> Output {
        self.finesse_as("1001", "secret1001", args)
    }

    /// `finesse` as `user` with `password`.
    pub fn finesse_as(&self, user: &str, password: &str, args: &[&str]) -> Output {
        let mut cmd = bare(args);
        cmd.env("FINESSE_SERVER", self.emulator.base_url())
            .env("FINESSE_USER", user)
            .env("FINESSE_CA_FILE", &self.ca)
            .env("FINESSE_PASSWORD", password);
        if !self.events {
            cmd.env("FINESSE_NOTIFICATION_URL", "wss://127.0.0.1:1/ws/");
        }
        cmd.output().expect("finesse runs")
    }

    /// Signs agent 1001 in and places a call to `to`, answered by the far end; returns the
    /// call's id.
    pub fn active_call(&self, to: &str) -> String {
        stdout(&self.finesse(&["state", "login", "--extension", EXT]));
        let call = json(&self.finesse(&["call", to, "--json"]));
        let id = call["id"].as_str().unwrap().to_owned();
        self.until_active(&id);
        id
    }

    /// Waits until the far end of dialog `id` has answered.
    pub fn until_active(&self, id: &str) {
        wait_for(&format!("dialog {id} ACTIVE"), || {
            self.emulator
                .dialogs()
                .into_iter()
                .any(|d| d.id == id && d.participants.iter().all(|p| p.state == "ACTIVE"))
        });
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.ca);
    }
}

/// `finesse` with none of the connection settings in its environment.
pub fn bare(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_finesse"));
    cmd.args(args);
    for var in [
        "FINESSE_SERVER",
        "FINESSE_SECONDARY",
        "FINESSE_USER",
        "FINESSE_CA_FILE",
        "FINESSE_PASSWORD",
        "FINESSE_NOTIFICATION_URL",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// Stdout of a command that must have succeeded.
#[track_caller]
pub fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "failed ({:?}): {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// Stdout of a command that must have succeeded, as JSON.
#[track_caller]
pub fn json(output: &Output) -> Value {
    let text = stdout(output);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// Stderr of a command.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The exit code of a command.
pub fn code(output: &Output) -> i32 {
    output.status.code().expect("exited")
}

/// Checks until `done` holds, for at most 5 s.
#[track_caller]
pub fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}
