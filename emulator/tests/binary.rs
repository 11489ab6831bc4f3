//! The `finesse-emulator` binary prints its URLs, writes the CA and serves.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

#[test]
fn binary_serves_and_reports_its_urls() {
    let ca = std::env::temp_dir().join(format!("emulator-bin-ca-{}.pem", std::process::id()));
    let mut child = Running(
        Command::new(env!("CARGO_BIN_EXE_finesse-emulator"))
            .args([
                "--http",
                "--ccx",
                "--step-ms",
                "5",
                "--ring-ms",
                "10",
                "--notification-port",
                "0",
                "--forced-logout-secs",
                "0",
                "--write-ca",
            ])
            .arg(&ca)
            .stdout(Stdio::piped())
            .spawn()
            .expect("binary starts"),
    );
    let stdout = child.0.stdout.take().expect("stdout");
    let mut lines: Vec<String> = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("line");
        let last = line.starts_with("CA certificate:");
        lines.push(line);
        if last {
            break;
        }
    }
    let base = lines[0].split_whitespace().last().expect("url").to_owned();
    assert!(base.starts_with("http://127.0.0.1:") && !base.ends_with('/'));
    assert!(
        !base.contains("/finesse"),
        "the server URL a client takes: {base}"
    );
    assert!(lines[1].starts_with("Notifications:"));
    assert!(lines[1].contains("ws://127.0.0.1:") && lines[1].ends_with("/ws"));
    assert!(lines[2].starts_with("Control API:") && lines[2].contains("http://127.0.0.1:"));
    // CCX 12.5 offers WebSocket on the REST port, BOSH and direct TLS, each on a line in the
    // URL form clients take; plain HTTP serves WebSocket and BOSH in the clear.
    let rest_port = base.rsplit(':').next().expect("port");
    let url = |line: &str| line.rsplit(' ').next().expect("a URL").to_owned();
    assert!(lines[3].starts_with("WebSocket: "));
    assert_eq!(url(&lines[3]), format!("ws://127.0.0.1:{rest_port}/ws/"));
    assert!(lines[4].starts_with("BOSH: "));
    assert!(url(&lines[4]).starts_with("http://127.0.0.1:") && lines[4].ends_with("/http-bind/"));
    assert!(lines[5].starts_with("XMPP TLS: "));
    assert!(url(&lines[5]).starts_with("xmpps://127.0.0.1:"));
    assert_eq!(lines.len(), 7, "{lines:?}");
    assert!(lines[6].contains(&ca.display().to_string()));
    let pem = std::fs::read_to_string(&ca).expect("CA written");
    assert!(pem.contains("BEGIN CERTIFICATE"));

    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut r = agent
        .get(format!("{base}/finesse/api/SystemInfo"))
        .call()
        .expect("served");
    let body = r.body_mut().read_to_string().expect("body");
    assert!(body.contains("<deploymentType>UCCX</deploymentType>"));

    drop(child);
    std::fs::remove_file(&ca).ok();
}

/// The emulator process, stopped however the test ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.kill().ok();
        self.0.wait().ok();
    }
}
