//! Team messages (Finesse 12.x) over HTTPS and XMPP against the emulator: supervisor 2001 of
//! team 5007 broadcasts, agent 1001 (on team 5007) receives the typed event and lists the
//! team's messages, the sender deletes it; the refusals (not a supervisor, a team one does not
//! supervise, an unknown team, an 11.x server) and the input checked before anything is sent.
//!
//! Sources: DG12.5 p202 "TeamMessage—Create a Team Message" / "—Delete a Team Message";
//! DEVNET `teammessage` (the document, as `documents/team_message.xml`),
//! `teammessage-api-parameters` (content ≤ 255 characters, seconds); CCX 12.5(1) SU3 Features
//! Guide "Team Message" (5 minutes to 23:55 hours).

mod common;

use std::time::Duration;

use common::*;
use finesse_client::{
    Client, ErrorKind, Event, NotificationOptions, TEAM_MESSAGE_MAX_DURATION,
    TEAM_MESSAGE_MIN_DURATION, TeamMessage,
};
use finesse_emulator::{AgentConfig, Emulator, Release, Team};

const WAIT: Duration = Duration::from_secs(5);
const NODE_5007: &str = "/finesse/api/Team/5007/TeamMessages";

fn supervisor(emulator: &Emulator) -> Client {
    client(emulator, "2001", "secret2001")
}

fn document(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/documents/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_documented_document_decodes() {
    // DEVNET `teammessage`, "The TeamMessage object is structured as follows".
    let m = TeamMessage::from_xml(document("team_message.xml")).unwrap();
    assert_eq!(m.id, "be1598bb-bb2a-4dfc-8c01-91ec10b029af");
    assert_eq!(
        m.uri,
        "/finesse/api/TeamMessage/be1598bb-bb2a-4dfc-8c01-91ec10b029af"
    );
    let by = m.created_by.as_ref().expect("createdBy");
    assert_eq!(
        (
            by.id.as_str(),
            by.first_name.as_str(),
            by.last_name.as_str()
        ),
        ("1001050", "AGENT", "1001050")
    );
    assert_eq!(m.created_at, Some(1_537_418_173));
    assert_eq!(m.duration, Some(100));
    assert_eq!(m.content, "content 4");
    assert_eq!(m.teams, ["5052", "5000"]);
    // Names in any case, lenient numbers, unknown elements skipped.
    let list = TeamMessage::list_from_xml(document("team_messages.xml")).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[1].duration, None);
    assert_eq!(list[1].created_at, None);
    assert_eq!(list[1].content, "Team meeting at 3 & bring <notes>");
    // The notification: a typed event, not `Other`.
    let events = Event::from_update_xml(document("update_team_message_post.xml")).unwrap();
    match events.as_slice() {
        [
            Event::TeamMessageReceived {
                message,
                request_id,
            },
        ] => {
            assert_eq!(message, &m);
            assert_eq!(
                request_id.as_deref(),
                Some("6b1c2f0e-8f4e-4b53-9d7c-2a3b4c5d6e7f")
            );
        }
        other => panic!("unexpected events {other:?}"),
    }
    assert!(TeamMessage::from_xml("<Team/>").is_err());
}

#[test]
fn a_supervisor_broadcast_reaches_the_agent_and_can_be_deleted() {
    let emulator = emulator();
    let agent = agent_1001(&emulator);
    assert_eq!(agent.user().unwrap().team_id.as_deref(), Some("5007"));
    let events = agent
        .notifications_with(NotificationOptions::default().subscribe(NODE_5007))
        .unwrap();
    let boss = supervisor(&emulator);
    let sent = boss
        .send_team_message(
            "Huddle at 3 <room 2> & bring notes",
            Duration::from_secs(600),
            &["5007"],
        )
        .unwrap();
    assert!(!sent.id.is_empty());
    assert_eq!(sent.uri, format!("/finesse/api/TeamMessage/{}", sent.id));
    assert_eq!(sent.content, "Huddle at 3 <room 2> & bring notes");
    assert_eq!(sent.duration, Some(600));
    assert_eq!(sent.teams, ["5007"]);
    let by = sent.created_by.clone().expect("createdBy");
    assert_eq!((by.id.as_str(), by.first_name.as_str()), ("2001", "Sam"));
    // The body as sent: the documented element order, the content escaped.
    let body = emulator
        .requests()
        .into_iter()
        .find(|r| r.method == "POST" && r.path == "/finesse/api/TeamMessage")
        .expect("the POST")
        .body;
    assert_eq!(
        body,
        "<TeamMessage><duration>600</duration><content>Huddle at 3 &lt;room 2&gt; &amp; bring \
         notes</content><teams><team>5007</team></teams></TeamMessage>"
    );

    let received = events
        .iter()
        .find_map(|e| match e {
            Event::TeamMessageReceived { message, .. } => Some(message),
            _ => None,
        })
        .expect("the team message event");
    assert_eq!(received, sent);

    // The team's active messages, as its agent reads them.
    let listed = agent.team_messages("5007").unwrap();
    assert_eq!(listed, std::slice::from_ref(&sent));
    // Only its sender deletes it.
    let e = agent.delete_team_message(&sent.id).unwrap_err();
    assert_eq!(e.http_status(), Some(401), "{e}");
    boss.delete_team_message(&sent.id).unwrap();
    assert!(agent.team_messages("5007").unwrap().is_empty());
    let e = boss.delete_team_message(&sent.id).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound, "{e}");
    // Its deletion is published too: the desktop stops showing it.
    let deleted = events.recv_timeout(WAIT).expect("the deletion");
    match &deleted {
        Event::TeamMessageDeleted { message, .. } => assert_eq!(message.id, sent.id),
        other => panic!("unexpected event {other:?}"),
    }
}

#[test]
fn on_ccx_too_a_message_reaches_the_team_and_its_deletion_is_told() {
    let emulator = emulator();
    emulator.set_release(Release::Ccx12_5);
    let agent = agent_1001(&emulator);
    let events = agent
        .notifications_with(NotificationOptions::default().subscribe(NODE_5007))
        .unwrap();
    let boss = supervisor(&emulator);
    let sent = boss
        .send_team_message("Queue is long", Duration::from_secs(300), &["5007"])
        .unwrap();
    let received = events.iter().find_map(|e| match e {
        Event::TeamMessageReceived { message, .. } => Some(message),
        _ => None,
    });
    assert_eq!(received.expect("the message").id, sent.id);
    boss.delete_team_message(&sent.id).unwrap();
    let deleted = events.iter().find_map(|e| match e {
        Event::TeamMessageDeleted { message, .. } => Some(message),
        _ => None,
    });
    assert_eq!(deleted.expect("the deletion").id, sent.id);
}

#[test]
fn only_supervisors_of_the_teams_may_send() {
    let emulator = emulator();
    emulator.add_agent(
        AgentConfig::new("3001", "other", "secret3001")
            .team("6000", "Support")
            .supervisor_of(vec![Team {
                id: "6000".to_owned(),
                name: "Support".to_owned(),
            }]),
    );
    let ten_minutes = Duration::from_secs(600);
    // An agent: the API's 401 Authorization Failure (DG12.5 p202: supervisors or
    // administrators).
    let e = agent_1001(&emulator)
        .send_team_message("hello", ten_minutes, &["5007"])
        .unwrap_err();
    assert_eq!(e.http_status(), Some(401), "{e}");
    assert_eq!(e.api_errors()[0].error_type, "Authorization Failure");
    // A supervisor of another team.
    let other = client(&emulator, "3001", "secret3001");
    let e = other
        .send_team_message("hello", ten_minutes, &["5007"])
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Permission, "{e}");
    assert_eq!(e.api_errors()[0].error_type, "Invalid Supervisor");
    // An unknown team.
    let e = supervisor(&emulator)
        .send_team_message("hello", ten_minutes, &["9999"])
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound, "{e}");
    // Another team's messages are not the agent's to read.
    let e = agent_1001(&emulator).team_messages("6000").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Permission, "{e}");
    // An 11.x server has no TeamMessage API.
    emulator.set_release(Release::Cce11_6);
    let e = supervisor(&emulator)
        .send_team_message("hello", ten_minutes, &["5007"])
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound, "{e}");
}

#[test]
fn bad_input_is_refused_naming_the_field_and_nothing_is_sent() {
    let emulator = emulator();
    let boss = supervisor(&emulator);
    let ten_minutes = Duration::from_secs(600);
    let long = "x".repeat(256);
    let cases: [(&str, Duration, &[&str], &str); 7] = [
        ("", ten_minutes, &["5007"], "content"),
        (&long, ten_minutes, &["5007"], "content"),
        ("hi", ten_minutes, &[], "team_ids"),
        ("hi", ten_minutes, &["50 07"], "team_ids"),
        (
            "hi",
            TEAM_MESSAGE_MIN_DURATION - Duration::from_secs(1),
            &["5007"],
            "duration",
        ),
        (
            "hi",
            TEAM_MESSAGE_MAX_DURATION + Duration::from_secs(1),
            &["5007"],
            "duration",
        ),
        ("hi", Duration::from_millis(600_500), &["5007"], "duration"),
    ];
    let before = emulator.requests().len();
    for (content, duration, teams, field) in cases {
        let e = boss
            .send_team_message(content, duration, teams)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
        assert!(e.to_string().contains(field), "{field}: {e}");
    }
    assert_eq!(emulator.requests().len(), before, "nothing was sent");
    // The bounds themselves and 255 characters (not bytes) are accepted.
    let max = "é".repeat(255);
    boss.send_team_message(&max, TEAM_MESSAGE_MIN_DURATION, &["5007"])
        .unwrap();
    boss.send_team_message("hi", TEAM_MESSAGE_MAX_DURATION, &["5007"])
        .unwrap();
    assert_eq!(boss.team_messages("5007").unwrap().len(), 2);
}
