//! The crate's examples (`core/examples/`) run as a user runs them, against the emulator:
//! click-to-dial places a call that is answered and hangs up; screen pop prints the caller
//! and call data of a call that rings.

mod common;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{EXT_1001, agent_1001, emulator, wait_user};
use finesse_client::AgentState;
use finesse_emulator::{Emulator, InboundCall};

/// The example binary beside this test's: `cargo test` builds the examples with the tests;
/// when only this test was built, it is built here.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let path = profile_dir.join("examples").join(name);
    if !path.exists() {
        let built = Command::new(env!("CARGO"))
            .args([
                "build",
                "--quiet",
                "-p",
                "finesse-client",
                "--example",
                name,
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .unwrap();
        assert!(built.success(), "building the example {name}");
    }
    path
}

/// The example with the environment it reads, as agent 1001 on `emulator`.
fn command(emulator: &Emulator, name: &str, ca: &std::path::Path) -> Command {
    let mut cmd = Command::new(example(name));
    cmd.env("FINESSE_URL", emulator.base_url())
        .env("FINESSE_USER", "1001")
        .env("FINESSE_PASSWORD", "secret1001")
        .env("FINESSE_EXTENSION", EXT_1001)
        .env("FINESSE_CA_FILE", ca);
    cmd
}

fn ca_file(emulator: &Emulator, name: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("finesse-{name}-{}.pem", std::process::id()));
    emulator.write_ca_pem(&path).unwrap();
    path
}

#[test]
fn click_to_dial_places_an_answered_call_and_hangs_up() {
    let emulator = emulator();
    let ca = ca_file(&emulator, "click-to-dial");
    let out = command(&emulator, "click_to_dial", &ca)
        .arg("6135551212")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("dialing 6135551212: dialog "), "{stdout}");
    assert!(
        stdout.contains("6135551212 answered; hanging up"),
        "{stdout}"
    );
    assert!(emulator.dialogs().is_empty(), "the call is over");
}

#[test]
fn screen_pop_prints_the_caller_and_the_call_data_of_a_ringing_call() {
    let emulator = emulator();
    let ca = ca_file(&emulator, "screen-pop");
    let client = agent_1001(&emulator);
    client
        .sign_in(EXT_1001)
        .unwrap()
        .wait(Duration::from_secs(5))
        .unwrap();
    client
        .ready()
        .unwrap()
        .wait(Duration::from_secs(5))
        .unwrap();
    wait_user(&client, "READY", |u| u.state == AgentState::Ready);
    let mut pop = command(&emulator, "screen_pop", &ca)
        .arg("1")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // Once its session is up, a call rings.
    common::wait_for("the example's session", || {
        (emulator.notification_sessions("1001") == 1).then_some(())
    });
    emulator
        .inject_inbound_call(
            InboundCall::new(EXT_1001, "6135550000").variable("callVariable1", "acct-7"),
        )
        .unwrap();
    let mut line = String::new();
    BufReader::new(pop.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(
        line.trim(),
        format!("ringing: 6135550000 for {EXT_1001}, account Some(\"acct-7\")")
    );
    assert!(pop.wait().unwrap().success());
}
