//! A supervisor from the command line: `finesse team`, `finesse queue`, `finesse monitor`,
//! `finesse barge`, `finesse team-message` and `finesse team-messages`, each against the
//! emulator; refusals outside one's teams exit 14.

mod common;

use common::{EXT, Server, code, json, stdout};

const BOSS: (&str, &str) = ("2001", "secret2001");

#[test]
fn team_shows_each_members_state() {
    let server = Server::start();
    stdout(&server.finesse(&["state", "login", "--extension", EXT]));
    let text = stdout(&server.finesse_as(BOSS.0, BOSS.1, &["team"]));
    assert!(text.starts_with("team 5007  Sales\n"), "{text}");
    assert!(
        text.contains("  agent 1001  NOT_READY  extension 1001001"),
        "{text}"
    );
    let team = json(&server.finesse_as(BOSS.0, BOSS.1, &["team", "5007", "--json"]));
    assert_eq!(team["name"], "Sales");
    assert_eq!(team["users"].as_array().map(Vec::len), Some(4));
    // An agent is not allowed: exit code 14, permission.
    let refused = server.finesse(&["team", "5007"]);
    assert_eq!(code(&refused), 14);
}

#[test]
fn queue_shows_statistics() {
    let server = Server::start();
    stdout(&server.finesse(&["state", "login", "--extension", EXT]));
    let text = stdout(&server.finesse(&["queue"]));
    assert!(text.starts_with("queue 10  Sales  waiting 0"), "{text}");
    assert!(text.contains("not ready 1"), "{text}");
    assert!(text.contains("signed in 1"), "{text}");
    let queues = json(&server.finesse(&["queue", "11", "--json"]));
    assert_eq!(queues[0]["statistics"]["agents_ready"], -1);
}

#[test]
fn monitor_then_barge_then_drop() {
    let server = Server::start();
    let call = server.active_call("6135551212");
    stdout(&server.finesse_as(
        BOSS.0,
        BOSS.1,
        &["state", "login", "--extension", "2001001"],
    ));
    let monitor = json(&server.finesse_as(BOSS.0, BOSS.1, &["monitor", EXT, "--json"]));
    assert_eq!(monitor["to_address"], EXT);
    let monitor_id = monitor["id"].as_str().expect("id").to_owned();
    let joined = json(&server.finesse_as(BOSS.0, BOSS.1, &["barge", EXT, &monitor_id, "--json"]));
    assert_eq!(joined["id"], call.as_str());
    assert_eq!(joined["participants"].as_array().map(Vec::len), Some(3));
    let left = stdout(&server.finesse_as(BOSS.0, BOSS.1, &["drop", &call]));
    assert!(left.contains("ended"), "{left}");
}

#[test]
fn team_message_then_list() {
    let server = Server::start();
    let sent = json(&server.finesse_as(
        BOSS.0,
        BOSS.1,
        &["team-message", "Huddle at 3", "--minutes", "10", "--json"],
    ));
    assert_eq!(sent["content"], "Huddle at 3");
    assert_eq!(sent["duration"], 600);
    assert_eq!(sent["teams"][0], "5007");
    // Agent 1001 of team 5007 lists it.
    let text = stdout(&server.finesse(&["team-messages"]));
    assert!(text.starts_with("team message "), "{text}");
    assert!(
        text.contains("from 2001 (Sam Boss)  to 5007  for 10 min: Huddle at 3"),
        "{text}"
    );
    // Too short: refused before sending.
    let refused = server.finesse_as(BOSS.0, BOSS.1, &["team-message", "hi", "--minutes", "1"]);
    assert_ne!(code(&refused), 0);
}
