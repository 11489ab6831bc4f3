//! The `finesse-emulator` binary prints its URLs, writes the CA and serves.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[test]
fn binary_serves_and_reports_its_urls() {
    let ca = std::env::temp_dir().join(format!("emulator-bin-ca-{}.pem", std::process::id()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_finesse-emulator"))
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
        .expect("binary starts");
    let stdout = child.stdout.take().expect("stdout");
    let lines: Vec<String> = BufReader::new(stdout)
        .lines()
        .take(4)
        .map(|l| l.expect("line"))
        .collect();
    let base = lines[0].split_whitespace().last().expect("url").to_owned();
    assert!(base.starts_with("http://127.0.0.1:") && !base.ends_with('/'));
    assert!(
        !base.contains("/finesse"),
        "the server URL a client takes: {base}"
    );
    assert!(lines[1].starts_with("Notifications:"));
    assert!(lines[1].contains("ws://127.0.0.1:") && lines[1].ends_with("/ws"));
    assert!(lines[2].contains("http://127.0.0.1:"));
    assert!(lines[3].contains(&ca.display().to_string()));
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

    child.kill().expect("stopped");
    child.wait().ok();
    std::fs::remove_file(&ca).ok();
}
