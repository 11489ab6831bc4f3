//! The `finesse` command, run as a user runs it.

mod common;

use common::{Server, bare, code, json, stdout, wait_for};

#[test]
fn demo_runs_the_whole_session_against_the_built_in_emulator() {
    let out = stdout(&bare(&["demo"]).output().unwrap());
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
fn reads_print_lines_or_json() {
    let server = Server::start();
    let out = stdout(&server.finesse(&["user"]));
    assert_eq!(out.trim(), "agent 1001  LOGOUT");
    let user = json(&server.finesse(&["user", "--json"]));
    assert_eq!(user["login_id"], "1001");
    assert_eq!(stdout(&server.finesse(&["dialogs"])).trim(), "no calls");
    assert_eq!(
        json(&server.finesse(&["dialogs", "--json"])),
        serde_json::json!([])
    );

    let codes = stdout(&server.finesse(&["reason-codes"]));
    let lines: Vec<&str> = codes.lines().map(str::trim).collect();
    assert_eq!(
        lines,
        [
            "22  NOT_READY  code 1      Break",
            "23  NOT_READY  code 2      Lunch",
            "31  LOGOUT     code 3      End of shift",
        ],
        "{codes}"
    );
    let logout = json(&server.finesse(&["reason-codes", "--category", "LOGOUT", "--json"]));
    assert_eq!(logout.as_array().unwrap().len(), 1, "{logout}");
    assert_eq!(logout[0]["id"], 31);
    assert_eq!(logout[0]["label"], "End of shift");

    let reasons = stdout(&server.finesse(&["wrap-up-reasons"]));
    let labels: Vec<&str> = reasons.lines().map(str::trim).collect();
    assert_eq!(labels, ["1  Sales Call", "2  Support", "3  Billing"]);
    let reasons = json(&server.finesse(&["wrap-up-reasons", "--json"]));
    assert_eq!(reasons[2]["label"], "Billing");

    let books = stdout(&server.finesse(&["phone-books"]));
    let lines: Vec<&str> = books.lines().collect();
    assert_eq!(lines[0], "Global Directory (GLOBAL)", "{books}");
    assert!(
        lines.contains(&"  6002              Ana Silva                 Team lead"),
        "{books}"
    );
    assert!(lines.contains(&"Sales Team (TEAM)"), "{books}");
    let books = json(&server.finesse(&["phone-books", "--json"]));
    assert_eq!(books[1]["contacts"][1]["phone_number"], "6001");
}

#[test]
fn verbose_says_what_is_done_on_stderr_without_the_password() {
    let server = Server::start();
    let out = server.finesse(&["state", "login", "--extension", "1001001", "--verbose"]);
    assert_eq!(
        stdout(&out).trim(),
        "agent 1001  NOT_READY  extension 1001001"
    );
    let said = String::from_utf8_lossy(&out.stderr);
    for line in [
        "finesse: server https://127.0.0.1:",
        "finesse: notification session started (wss://127.0.0.1:",
        "finesse: sending state change to login",
        "finesse: accepted (202), request ",
        "finesse: waiting up to 10 s for the outcome of request ",
        "finesse: outcome seen after ",
    ] {
        assert!(said.contains(line), "{line:?} missing from:\n{said}");
    }
    assert!(!said.contains("secret1001"), "{said}");

    // Without a notification service the command says so, and waits by reading the state.
    let server = Server::without_events();
    let out = server.finesse(&["state", "login", "--extension", "1001001", "-v"]);
    assert_eq!(
        stdout(&out).trim(),
        "agent 1001  NOT_READY  extension 1001001"
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("finesse: no notification session (")
            && said.contains("waiting by reading the state instead"),
        "{said}"
    );
}

#[test]
fn very_verbose_adds_the_librarys_records_of_each_exchange() {
    let server = Server::start();
    let out = server.finesse(&["user", "-vv"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.lines().any(
            |line| line.starts_with("finesse: DEBUG: GET https://127.0.0.1:")
                && line.contains("/finesse/api/User/1001: HTTP 200 in ")
        ),
        "{said}"
    );
    assert!(!said.contains("secret1001"), "{said}");
    // A single -v keeps to the command's own account.
    let out = server.finesse(&["user", "-v"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("DEBUG"));
}

#[test]
fn completions_print_a_script_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _finesse"),
        ("zsh", "#compdef finesse"),
        ("fish", "complete -c finesse"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let script = stdout(&bare(&["completions", shell]).output().unwrap());
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(script.contains("call-data"), "{shell}: every command");
    }
    assert_eq!(code(&bare(&["completions", "tcsh"]).output().unwrap()), 2);
}

#[test]
fn the_help_shows_the_readmes_exit_code_table() {
    let help = stdout(&bare(&["--help"]).output().unwrap());
    let readme = include_str!("../../README.md");
    let table = &readme[readme.find("| code | kind | meaning |").expect("the table")..];
    let rows: Vec<Vec<&str>> = table
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            line.trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().trim_matches('`'))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 16, "{rows:?}");
    let help_rows: Vec<String> = help
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    for row in rows {
        let expected = row
            .iter()
            .filter(|cell| !cell.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            help_rows.contains(&expected),
            "README row {expected:?} not in the help:\n{help}"
        );
    }
}

#[test]
fn watch_streams_events_as_json_lines() {
    let server = Server::start();
    let child = bare(&["watch", "--json", "--count", "3", "--seconds", "20"])
        .env("FINESSE_SERVER", server.emulator.base_url())
        .env("FINESSE_USER", "1001")
        .env("FINESSE_CA_FILE", server.ca())
        .env("FINESSE_PASSWORD", "secret1001")
        .env(
            "FINESSE_NOTIFICATION_URL",
            server.emulator.notification_url(),
        )
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Sign the agent in once the watcher's session is up.
    wait_for("watch connected", || {
        server.emulator.notification_sessions("1001") > 0
    });
    stdout(&server.finesse(&["state", "login", "--extension", "1001001", "--no-wait"]));
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
}
