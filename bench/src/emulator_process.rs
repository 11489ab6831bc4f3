//! The emulator as a process of its own, for the benchmarks that measure this process alone.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// The emulator process and its URLs.
pub struct Server {
    child: Child,
    /// The REST API, `https://127.0.0.1:PORT`.
    pub base_url: String,
    /// The notification service (WebSocket on its own port).
    pub notification_url: String,
    /// The control API.
    pub control_url: String,
    /// The CA certificate file to trust.
    pub ca_file: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the emulator binary `emulator` on free ports, serving up to `connections`
/// connections per port, and reads its URLs.
pub fn start(emulator: &str, connections: u32) -> Result<Server, String> {
    let ca_file =
        std::env::temp_dir().join(format!("bench-emulator-ca-{}.pem", std::process::id()));
    let mut child = Command::new(emulator)
        .args([
            "--port",
            "0",
            "--control-port",
            "0",
            "--notification-port",
            "0",
        ])
        .args(["--forced-logout-secs", "0", "--max-connections"])
        .arg(connections.to_string())
        .arg("--write-ca")
        .arg(&ca_file)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {emulator}: {e}"))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut urls = HashMap::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| e.to_string())?;
        if let Some((key, value)) = line.split_once(": ") {
            urls.insert(key.to_owned(), value.trim().to_owned());
        }
        if line.starts_with("CA certificate") {
            break;
        }
    }
    let url = |key: &str| urls.get(key).cloned().ok_or(format!("no {key} printed"));
    Ok(Server {
        base_url: url("Finesse REST API")?,
        notification_url: url("Notifications")?,
        control_url: url("Control API")?,
        ca_file: ca_file.to_string_lossy().into_owned(),
        child,
    })
}

/// Sends a JSON request to the emulator's control API.
pub fn control(server: &Server, path: &str, body: &str) -> Result<(), String> {
    ureq::post(&format!("{}{path}", server.control_url))
        .header("Content-Type", "application/json")
        .send(body)
        .map(drop)
        .map_err(|e| format!("POST {path}: {e}"))
}
