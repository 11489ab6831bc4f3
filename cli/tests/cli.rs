//! The `finesse` command, run as a user runs it.

use std::process::{Command, Output};

use finesse_emulator::{Emulator, EmulatorConfig};

fn finesse(args: &[&str], emulator: Option<&(Emulator, std::path::PathBuf)>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_finesse"));
    cmd.args(args)
        .env_remove("FINESSE_SERVER")
        .env_remove("FINESSE_USER")
        .env_remove("FINESSE_CA_FILE")
        .env_remove("FINESSE_PASSWORD");
    if let Some((emulator, ca)) = emulator {
        cmd.env("FINESSE_SERVER", emulator.base_url())
            .env("FINESSE_USER", "1001")
            .env("FINESSE_CA_FILE", ca)
            .env("FINESSE_PASSWORD", "secret1001");
    }
    cmd.output().expect("finesse runs")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn emulator() -> (Emulator, std::path::PathBuf) {
    let emulator = Emulator::start(EmulatorConfig::new()).unwrap();
    let ca = std::env::temp_dir().join(format!(
        "finesse-cli-ca-{}-{}.pem",
        std::process::id(),
        emulator.base_url().rsplit(':').next().unwrap()
    ));
    emulator.write_ca_pem(&ca).unwrap();
    (emulator, ca)
}

#[test]
fn demo_runs_the_whole_session_against_the_built_in_emulator() {
    let out = stdout(&finesse(&["demo"], None));
    let expected = [
        "Finesse UCCE node, IN_SERVICE",
        "agent 1001  LOGOUT",
        "-> sign in on extension 1001001",
        "agent 1001  NOT_READY",
        "agent 1001  READY",
        "-> dial 6135551212",
        "ALERTING  1001001 -> 6135551212",
        "ACTIVE  1001001 -> 6135551212",
        "call data: callVariable1=acct-42 user.CustomerId=90210",
        "-> hold",
        "[1001001 HELD, 6135551212 ACTIVE]",
        "-> retrieve",
        "-> drop",
        "ended",
        "-> sign out",
        "agent 1001  LOGOUT (reason 3 End of shift)",
        "done",
    ];
    // Each line appears, in this order.
    let mut rest = out.as_str();
    for line in expected {
        let at = rest
            .find(line)
            .unwrap_or_else(|| panic!("{line:?} missing (in order) from:\n{out}"));
        rest = &rest[at + line.len()..];
    }
    // These two come after the dial, in an order that depends on timing.
    let after_dial = &out[out.find("-> dial").unwrap()..];
    assert!(
        after_dial.contains("INITIATING  1001001 -> 6135551212"),
        "{out}"
    );
    assert!(
        after_dial.contains("NOT_READY (reason 50006 Outbound Call)"),
        "{out}"
    );
}

#[test]
fn subcommands_against_a_server() {
    let env = emulator();
    let out = stdout(&finesse(&["user"], Some(&env)));
    assert_eq!(out.trim(), "agent 1001  LOGOUT");

    let out = stdout(&finesse(
        &["state", "login", "--extension", "1001001"],
        Some(&env),
    ));
    assert!(out.starts_with("accepted, request "), "{out}");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !stdout(&finesse(&["user"], Some(&env))).contains("NOT_READY") {
        assert!(std::time::Instant::now() < deadline, "never signed in");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }

    let out = stdout(&finesse(
        &["call", "6135551212", "--var", "callVariable2=vip"],
        Some(&env),
    ));
    assert!(out.starts_with("dialing, request "), "{out}");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let listing = loop {
        let out = stdout(&finesse(&["dialogs"], Some(&env)));
        if out.contains("ACTIVE  1001001 -> 6135551212") {
            break out;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "never connected: {out}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert!(
        listing.contains("call data: callVariable2=vip"),
        "{listing}"
    );
    let id = listing.split_whitespace().nth(1).unwrap().to_owned();

    let json = stdout(&finesse(&["dialogs", "--json"], Some(&env)));
    assert!(json.contains(&format!("\"id\": \"{id}\"")), "{json}");
    for action in ["hold", "retrieve", "drop"] {
        let out = stdout(&finesse(&[action, &id], Some(&env)));
        assert!(out.starts_with("accepted"), "{action}: {out}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    std::fs::remove_file(&env.1).unwrap();
}

#[test]
fn errors_are_clear_and_never_show_the_password() {
    let env = emulator();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_finesse"));
    let out = cmd
        .args(["user"])
        .env("FINESSE_SERVER", env.0.base_url())
        .env("FINESSE_USER", "1001")
        .env("FINESSE_PASSWORD", "not-the-password")
        .env_remove("FINESSE_CA_FILE")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("TLS failure"), "{err}");
    assert!(!err.contains("not-the-password"));

    let out = finesse(
        &["call", "6135551212", "--var", "callVariable1"],
        Some(&env),
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not NAME=VALUE"));
    std::fs::remove_file(&env.1).unwrap();
}

#[test]
fn watch_streams_events_as_json_lines() {
    let env = emulator();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_finesse"));
    let child = cmd
        .args(["watch", "--json", "--count", "3", "--seconds", "20"])
        .env("FINESSE_SERVER", env.0.base_url())
        .env("FINESSE_USER", "1001")
        .env("FINESSE_CA_FILE", &env.1)
        .env("FINESSE_PASSWORD", "secret1001")
        .env("FINESSE_NOTIFICATION_URL", env.0.notification_url())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Sign the agent in once the watcher's session is up.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while env.0.notification_sessions("1001") == 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "watch never connected"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let client = finesse_client::Client::new(
        finesse_client::Config::builder(env.0.base_url())
            .basic_auth("1001", "secret1001")
            .ca_pem(env.0.ca_pem())
            .build()
            .unwrap(),
    )
    .unwrap();
    client.sign_in("1001001").unwrap();
    let out = child.wait_with_output().unwrap();
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with(r#"{"type":"connection","state":"connected""#),
        "{text}"
    );
    assert!(
        lines[2].starts_with(r#"{"type":"user_changed","user":{"#)
            && lines[2].contains(r#""state":"NOT_READY""#),
        "{text}"
    );
    std::fs::remove_file(&env.1).unwrap();
}
