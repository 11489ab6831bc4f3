//! The README's command line sequence, run exactly as written: each command waits for its
//! outcome, so the next one finds the agent signed in (issue 13: `call` used to fail with
//! "not signed in to an extension" after `state login` returned at 202).

mod common;

use common::{Server, json, stdout};

/// The `finesse` lines of the README's command line example, split into arguments.
fn readme_commands() -> Vec<Vec<String>> {
    let readme = include_str!("../../README.md");
    let section = &readme[readme.find("## The command line").expect("the section")..];
    let block = &section[section.find("```sh\n").expect("an sh block") + 6..];
    let block = &block[..block.find("```").expect("the block's end")];
    let commands: Vec<Vec<String>> = block
        .lines()
        .filter_map(|line| line.strip_prefix("finesse "))
        .map(|args| args.split_whitespace().map(str::to_owned).collect())
        .collect();
    assert_eq!(
        block.lines().next(),
        Some(
            "export FINESSE_SERVER=fin-a.example.com FINESSE_USER=1001 FINESSE_CA_FILE=finesse-ca.pem"
        ),
        "the tests set exactly these variables (and the password)"
    );
    commands
}

/// Runs the README's sequence against `server` and checks what each command printed.
fn run_the_sequence(server: &Server) {
    let commands = readme_commands();
    let args: Vec<Vec<&str>> = commands
        .iter()
        .map(|c| c.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        args,
        [
            vec!["state", "login", "--extension", "1001001"],
            vec!["call", "6135551212", "--var", "callVariable1=acct-42"],
            vec!["dialogs", "--json"],
        ],
        "the README's sequence changed: update this test with it"
    );

    let login = stdout(&server.finesse(&args[0]));
    assert_eq!(login.trim(), "agent 1001  NOT_READY  extension 1001001");

    let call = stdout(&server.finesse(&args[1]));
    assert!(call.contains(" 1001001 -> 6135551212 "), "{call}");
    assert!(call.contains("call data: callVariable1=acct-42"), "{call}");

    let dialogs = json(&server.finesse(&args[2]));
    let dialogs = dialogs.as_array().expect("an array");
    assert_eq!(dialogs.len(), 1, "{dialogs:?}");
    assert_eq!(dialogs[0]["to_address"], "6135551212");
    let vars = dialogs[0]["media_properties"]["call_variables"]
        .as_array()
        .expect("call variables");
    assert!(
        vars.iter()
            .any(|v| v["name"] == "callVariable1" && v["value"] == "acct-42"),
        "{vars:?}"
    );
}

#[test]
fn the_readme_sequence_works_three_times_of_three_with_notifications() {
    for _ in 0..3 {
        run_the_sequence(&Server::start());
    }
}

#[test]
fn the_readme_sequence_works_three_times_of_three_without_notifications() {
    for _ in 0..3 {
        run_the_sequence(&Server::without_events());
    }
}
