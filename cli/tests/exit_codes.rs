//! Each class of failure ends with its own exit code, and with --json as a JSON error on
//! stderr; the password never shows.

mod common;

use std::process::Output;

use common::{EXT, Server, bare, code, json, stderr, stdout, wait_for};
use serde_json::Value;

/// The JSON error a failed `--json` command printed on stderr; checks its exit code matches.
#[track_caller]
fn json_error(output: &Output) -> Value {
    assert!(
        output.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let text = stderr(output);
    let value: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    assert_eq!(value["error"]["exit_code"], code(output), "{text}");
    value["error"].clone()
}

#[test]
fn invalid_arguments_exit_2_and_send_nothing() {
    let server = Server::start();
    stdout(&server.finesse(&["state", "login", "--extension", EXT]));

    // Refused by the command line.
    let out = server.finesse(&["call", "6135551212", "--var", "callVariable1"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("is not NAME=VALUE"),
        "{}",
        stderr(&out)
    );
    let out = server.finesse(&["call", "6135551212", "--var", "callVariable1", "--json"]);
    let error = json_error(&out);
    assert_eq!(error["kind"], "invalid_argument");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("is not NAME=VALUE"),
        "{error}"
    );
    assert_eq!(code(&server.finesse(&["state", "login"])), 2);

    // Refused by the library before sending.
    let long = format!("callVariable1={}", "x".repeat(41));
    let out = server.finesse(&["call", "6135551212", "--var", &long, "--json"]);
    assert_eq!(code(&out), 2);
    let error = json_error(&out);
    assert_eq!(error["kind"], "invalid_argument");
    assert_eq!(error["field"], "call_variables[callVariable1]");
    let out = server.finesse(&["dtmf", "16777217", "12X"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("nothing was sent"),
        "{}",
        stderr(&out)
    );
    assert!(server.emulator.dialogs().is_empty());
}

#[test]
fn a_wrong_password_exits_3_after_one_try_and_is_never_shown() {
    let server = Server::start();
    let out = server.finesse_as("1001", "not-the-password", &["state", "ready", "--json"]);
    assert_eq!(code(&out), 3);
    let error = json_error(&out);
    assert_eq!(error["kind"], "authentication");
    assert_eq!(error["http_status"], 401);
    for _ in 0..3 {
        let out = server.finesse_as("1001", "not-the-password", &["state", "ready", "-v"]);
        assert_eq!(code(&out), 3);
        assert!(
            !stderr(&out).contains("not-the-password"),
            "{}",
            stderr(&out)
        );
    }
    // Four commands, so four refused tries if each tries once: five in a row lock the agent
    // out.
    assert!(!server.emulator.agent_state("1001").unwrap().locked_out);
    stdout(&server.finesse(&["user"]));
}

#[test]
fn an_unknown_dialog_exits_4() {
    let server = Server::start();
    stdout(&server.finesse(&["state", "login", "--extension", EXT]));
    let out = server.finesse(&["hold", "99999", "--json"]);
    assert_eq!(code(&out), 4);
    let error = json_error(&out);
    assert_eq!(error["kind"], "not_found");
    assert_eq!(error["http_status"], 404);
    assert_eq!(error["api_errors"][0]["error_data"], "99999");
}

#[test]
fn a_state_change_not_possible_now_exits_5() {
    let server = Server::start();
    let out = server.finesse(&["state", "not-ready", "--reason", "22"]);
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    assert!(stderr(&out).contains("Invalid State"), "{}", stderr(&out));
}

#[test]
fn ready_while_signed_out_is_a_cti_refusal_exiting_6() {
    // A real CCE 12.5 accepts it and refuses it asynchronously, Invalid State 22 (reference
    // 10.4, recorded).
    let server = Server::start();
    let out = server.finesse(&["state", "ready", "--json"]);
    assert_eq!(code(&out), 6, "{}", stderr(&out));
    let error = json_error(&out);
    assert_eq!(error["kind"], "cti");
    assert_eq!(error["api_errors"][0]["error_type"], "Invalid State");
    assert_eq!(error["api_errors"][0]["error_data"], "22");
}

#[test]
fn a_cti_refusal_exits_6_with_the_servers_errors() {
    let server = Server::start();
    server.active_call("6135551212");
    // A second call while the first is not held: accepted, then refused by the CTI server.
    let out = server.finesse(&["call", "5552000", "--json"]);
    assert_eq!(code(&out), 6, "{}", stderr(&out));
    let error = json_error(&out);
    assert_eq!(error["kind"], "cti");
    assert_eq!(error["api_errors"][0]["error_data"], "20999");
    assert!(error["request_id"].is_string(), "{error}");
}

#[test]
fn an_out_of_service_node_exits_7() {
    let server = Server::start();
    server.emulator.set_out_of_service(true);
    let out = server.finesse(&["user", "--json"]);
    assert_eq!(code(&out), 7);
    assert_eq!(json_error(&out)["kind"], "service_unavailable");
}

#[test]
fn an_unreachable_or_untrusted_server_exits_9() {
    let server = Server::start();
    let refused = bare(&["user", "--server", "https://127.0.0.1:1", "--user", "1001"])
        .env("FINESSE_PASSWORD", "secret1001")
        .output()
        .unwrap();
    assert_eq!(code(&refused), 9, "{}", stderr(&refused));
    let untrusted = bare(&["user", "--json"])
        .env("FINESSE_SERVER", server.emulator.base_url())
        .env("FINESSE_USER", "1001")
        .env("FINESSE_PASSWORD", "secret1001")
        .output()
        .unwrap();
    assert_eq!(code(&untrusted), 9);
    let error = json_error(&untrusted);
    assert_eq!(error["kind"], "tls");
    assert!(!error.to_string().contains("secret1001"));
}

#[test]
fn an_outcome_not_seen_in_time_exits_10() {
    // Without notifications a CTI refusal is not seen: the wait ends in a timeout.
    let server = Server::without_events();
    server.active_call("6135551212");
    let out = server.finesse(&["call", "5552000", "--wait-timeout", "0.5", "--json"]);
    assert_eq!(code(&out), 10, "{}", stderr(&out));
    let error = json_error(&out);
    assert_eq!(error["kind"], "timeout");
    assert!(error["request_id"].is_string(), "{error}");
}

#[test]
fn a_lost_answer_exits_11_and_the_command_is_not_resent() {
    let server = Server::start();
    stdout(&server.finesse(&["state", "login", "--extension", EXT]));
    server
        .emulator
        .cut_connection_after("POST", "/finesse/api/User/1001/Dialogs");
    let out = server.finesse(&["call", "6135551212", "--json"]);
    assert_eq!(code(&out), 11, "{}", stderr(&out));
    let error = json_error(&out);
    assert_eq!(error["kind"], "outcome_unknown");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("check before retrying"),
        "{error}"
    );
    server.emulator.settle();
    assert_eq!(server.emulator.dialogs().len(), 1, "dialed once");
}

#[test]
fn a_subscription_the_notification_service_refuses_exits_13() {
    // An agent may not read a team.
    let server = Server::start();
    let out = server.finesse(&[
        "watch",
        "--subscribe",
        "/finesse/api/Team/5007/Users",
        "--count",
        "1",
        "--json",
    ]);
    assert_eq!(code(&out), 13, "{}", stderr(&out));
    let error = json_error(&out);
    assert_eq!(error["kind"], "refused");
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("forbidden"), "{error}");
    assert!(message.contains("/finesse/api/Team/5007/Users"), "{error}");
}

#[test]
fn no_wait_returns_the_request_id_at_once() {
    let server = Server::start();
    let out = json(&server.finesse(&["state", "login", "--extension", EXT, "--no-wait", "--json"]));
    let id = out["request_id"].as_str().expect("a request id");
    assert_eq!(id.len(), 36, "a UUID: {id}");
    wait_for("signed in", || {
        server
            .emulator
            .agent_state("1001")
            .is_some_and(|a| a.state == "NOT_READY")
    });
    let text = stdout(&server.finesse(&["state", "ready", "--no-wait"]));
    assert!(text.starts_with("accepted, request "), "{text}");
}

/// A process out of address space cannot start the notification thread: an error saying so,
/// not a crash. (`RUST_MIN_STACK` asks for stacks larger than `ulimit -v` allows.)
#[test]
fn a_notification_thread_that_cannot_start_is_an_error_not_a_crash() {
    let server = Server::start();
    let finesse = env!("CARGO_BIN_EXE_finesse");
    let mut cmd = std::process::Command::new("sh");
    cmd.args(["-c", "ulimit -v 2000000 && exec \"$0\" \"$@\"", finesse])
        .args(["watch", "--seconds", "1"])
        .env("RUST_MIN_STACK", "4000000000")
        .env("FINESSE_SERVER", server.emulator.base_url())
        .env("FINESSE_USER", "1001")
        .env("FINESSE_CA_FILE", server.ca())
        .env("FINESSE_PASSWORD", "secret1001");
    let out = cmd.output().unwrap();
    let said = stderr(&out);
    assert!(
        said.contains("cannot start the notification thread"),
        "{said}"
    );
    assert!(!said.contains("panicked"), "{said}");
    assert_ne!(code(&out), 101, "{said}");
}
