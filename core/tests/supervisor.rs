//! A supervisor over HTTPS and XMPP against the emulator: the team and its members' states,
//! team notifications, changing a member's state, silent monitor, barge-in and their ends,
//! and the errors of acting outside one's teams.

mod common;

use std::time::Duration;

use common::*;
use finesse_client::{
    AgentState, Client, ErrorKind, Event, NotificationOptions, Outcome, ParticipantState,
    ReasonCodeCategory,
};
use finesse_emulator::{AgentConfig, Deployment, Emulator, EmulatorConfig, Team};

const EXT_2001: &str = "2001001";
const WAIT: Duration = Duration::from_secs(5);

fn supervisor(emulator: &Emulator) -> Client {
    client(emulator, "2001", "secret2001")
}

#[test]
fn team_lists_members_and_their_states() {
    let emulator = emulator();
    let agent = agent_1001(&emulator);
    sign_in(&agent, EXT_1001);
    let boss = supervisor(&emulator);
    let me = boss.user().unwrap();
    assert_eq!(me.teams.len(), 1);
    let team = boss.team(&me.teams[0].id).unwrap();
    assert_eq!(team.id, "5007");
    assert_eq!(team.name, "Sales");
    assert_eq!(team.uri, "/finesse/api/Team/5007");
    assert_eq!(team.users.len(), 4);
    let jane = team.user("1001").expect("1001 on the team");
    assert_eq!(jane.state, AgentState::NotReady);
    assert_eq!(jane.extension.as_deref(), Some(EXT_1001));
    assert_eq!(jane.first_name, "Jane");
    assert_eq!(team.user("1002").unwrap().state, AgentState::Logout);
    // CCE writes no mediaState.
    assert_eq!(jane.media_state, None);
}

#[test]
fn a_ccx_team_says_whether_each_member_is_on_a_call() {
    // DG12.5 p150: on CCX the users of a Team carry mediaState, BUSY or IDLE.
    let emulator = emulator();
    emulator.set_deployment(Deployment::Ccx);
    let agent = agent_1001(&emulator);
    sign_in(&agent, EXT_1001);
    let boss = supervisor(&emulator);
    let team = boss.team("5007").unwrap();
    let jane = team.user("1001").expect("1001 on the team");
    assert_eq!(jane.media_state.as_deref(), Some("IDLE"));
    active_call(&agent, "6135551212");
    let team = boss.team("5007").unwrap();
    assert_eq!(
        team.user("1001").unwrap().media_state.as_deref(),
        Some("BUSY")
    );
}

#[test]
fn outside_ones_teams_is_a_permission_error_not_authentication() {
    let emulator = emulator();
    emulator.add_agent(
        AgentConfig::new("3001", "other", "secret3001")
            .team("6000", "Support")
            .supervisor_of(vec![Team {
                id: "6000".to_owned(),
                name: "Support".to_owned(),
            }]),
    );
    let other = client(&emulator, "3001", "secret3001");
    let e = other.team("5007").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Permission, "{e}");
    assert_eq!(e.http_status(), Some(401));
    assert_eq!(e.api_errors()[0].error_type, "Invalid Supervisor");
    let e = other
        .set_member_state("1001", AgentState::Ready)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Permission, "{e}");
    // An agent reading another user.
    let e = agent_1001(&emulator).user_by_id("1002").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Permission, "{e}");
    // Unknown team.
    let e = supervisor(&emulator).team("9999").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    // Bad credentials stay an authentication error.
    let e = client(&emulator, "2001", "wrong").team("5007").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
}

#[test]
fn member_state_changes_are_sent_without_reason_and_seen_on_the_team_node() {
    let emulator = emulator();
    let agent = agent_1001(&emulator);
    sign_in(&agent, EXT_1001);
    let boss = supervisor(&emulator);
    let events = boss
        .notifications_with(
            NotificationOptions::default().subscribe("/finesse/api/Team/5007/Users"),
        )
        .unwrap();
    let accepted = boss.set_member_state("1001", AgentState::Ready).unwrap();
    match accepted.wait(WAIT).unwrap() {
        Outcome::User(user) => {
            assert_eq!(user.login_id, "1001");
            assert_eq!(user.state, AgentState::Ready);
        }
        other => panic!("unexpected outcome {other:?}"),
    }
    let seen = events.iter().find_map(|e| match e {
        Event::UserChanged {
            user, request_id, ..
        } if request_id.as_deref() == Some(accepted.request_id.as_str()) => Some(user),
        _ => None,
    });
    assert_eq!(seen.expect("team update").login_id, "1001");
    let body = emulator
        .requests()
        .into_iter()
        .rev()
        .find(|r| r.method == "PUT" && r.path == "/finesse/api/User/1001")
        .expect("the PUT")
        .body;
    assert_eq!(body, "<User><state>READY</state></User>");
    // Anything but READY, NOT_READY and LOGOUT is refused before sending.
    let e = boss
        .set_member_state("1001", AgentState::Talking)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    // Without a session, the outcome is read from the member.
    drop(events);
    boss.close_events();
    let accepted = boss.set_member_state("1001", AgentState::NotReady).unwrap();
    match accepted.wait(WAIT).unwrap() {
        Outcome::User(user) => assert_eq!(user.state, AgentState::NotReady),
        other => panic!("unexpected outcome {other:?}"),
    }
}

#[test]
fn silent_monitor_barge_and_leave() {
    let emulator = emulator();
    let agent = agent_1001(&emulator);
    sign_in(&agent, EXT_1001);
    let call = active_call(&agent, "6135551212");
    let boss = supervisor(&emulator);
    sign_in(&boss, EXT_2001);
    let _events = boss.notifications().unwrap();

    let monitor = match boss.silent_monitor(EXT_1001).unwrap().wait(WAIT).unwrap() {
        Outcome::Dialog(d) => d,
        other => panic!("unexpected outcome {other:?}"),
    };
    assert_eq!(monitor.from_address, EXT_2001);
    assert_eq!(monitor.to_address, EXT_1001);
    assert_eq!(
        monitor.associated_dialog_uri.as_deref(),
        Some(format!("/finesse/api/Dialog/{}", call.id).as_str())
    );
    let me = monitor.participant(EXT_2001).unwrap();
    assert_eq!(me.state, ParticipantState::Active);
    assert!(monitor.participant(EXT_1001).unwrap().actions.is_empty());
    wait_user(&boss, "TALKING while monitoring (CCE)", |u| {
        u.state == AgentState::Talking
    });

    let joined = match boss
        .barge_in(EXT_1001, &monitor.id)
        .unwrap()
        .wait(WAIT)
        .unwrap()
    {
        Outcome::Dialog(d) => d,
        other => panic!("unexpected outcome {other:?}"),
    };
    assert_eq!(joined.id, call.id);
    assert_eq!(joined.participants.len(), 3);

    match boss.drop_call(&joined.id).unwrap().wait(WAIT).unwrap() {
        Outcome::Ended { dialog_id } => assert_eq!(dialog_id, call.id),
        other => panic!("unexpected outcome {other:?}"),
    }
    let still = agent.dialog(&call.id).unwrap();
    assert_eq!(still.participants.len(), 2);
}

/// The barge-in refusals of DG12.5 p101-102 (DEVNET `dialog-api-errors`), synchronous 400s
/// the application gets at once, on both platforms: the member's call held (`Invalid
/// Destination`), the conference full (`20700`).
#[test]
fn barge_in_refusals_come_back_at_once_with_the_guides_error_types() {
    for deployment in [Deployment::Cce, Deployment::Ccx] {
        let emulator =
            Emulator::start(EmulatorConfig::new().deployment(deployment)).expect("emulator");
        let agent = agent_1001(&emulator);
        sign_in(&agent, EXT_1001);
        let call = active_call(&agent, "6135551212");
        let boss = supervisor(&emulator);
        sign_in(&boss, EXT_2001);
        let _events = boss.notifications().unwrap();
        let monitor = match boss.silent_monitor(EXT_1001).unwrap().wait(WAIT).unwrap() {
            Outcome::Dialog(d) => d,
            other => panic!("unexpected outcome {other:?}"),
        };

        agent.hold(&call.id).unwrap().wait(WAIT).unwrap();
        let e = boss.barge_in(EXT_1001, &monitor.id).unwrap_err();
        assert_eq!(e.http_status(), Some(400), "{deployment:?}: {e}");
        assert_eq!(e.api_errors()[0].error_type, "Invalid Destination");
        agent.retrieve(&call.id).unwrap().wait(WAIT).unwrap();

        emulator.set_conference_limit(2);
        let e = boss.barge_in(EXT_1001, &monitor.id).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Api, "{e}");
        assert_eq!(e.api_errors()[0].error_type, "20700");
        assert_eq!(e.api_errors()[0].error_data, EXT_1001);
    }
}

#[test]
fn silent_monitor_of_an_idle_agent_is_refused_by_cti() {
    let emulator = emulator();
    sign_in(&agent_1001(&emulator), EXT_1001);
    let boss = supervisor(&emulator);
    sign_in(&boss, EXT_2001);
    let _events = boss.notifications().unwrap();
    let e = boss
        .silent_monitor(EXT_1001)
        .unwrap()
        .wait(WAIT)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Cti, "{e}");
    assert_eq!(e.api_errors()[0].error_data, "13145");
}

#[test]
fn queues_with_statistics_and_their_notifications() {
    let emulator = emulator();
    let agent = agent_1001(&emulator);
    let queue = agent.queue("10").unwrap();
    assert_eq!(queue.id, Some(10));
    assert_eq!(queue.name, "Sales");
    assert_eq!(queue.statistics.agents_logged_on, Some(0));
    let queues = agent.queues().unwrap();
    assert_eq!(queues.len(), 1);
    assert_eq!(queues[0].uri, "/finesse/api/Queue/10");
    let unassigned = agent.queue("11").unwrap();
    assert_eq!(unassigned.statistics.agents_ready, Some(-1));
    assert_eq!(
        unassigned.statistics.start_time_of_longest_call_in_queue,
        None
    );
    assert_eq!(agent.queue("99").unwrap_err().kind(), ErrorKind::NotFound);

    let boss = supervisor(&emulator);
    let events = boss
        .notifications_with(NotificationOptions::default().subscribe("/finesse/api/Queue/10"))
        .unwrap();
    sign_in(&agent, EXT_1001);
    emulator.publish_queue_statistics();
    let changed = events.iter().find_map(|e| match e {
        Event::QueueChanged { queue } => Some(queue),
        _ => None,
    });
    let changed = changed.expect("a queue notification");
    assert_eq!(changed.id, Some(10));
    assert_eq!(changed.statistics.agents_logged_on, Some(1));
    assert_eq!(changed.statistics.agents_not_ready, Some(1));
}

#[test]
fn a_queue_assigned_to_and_removed_from_the_agents_team_is_told_on_its_nodes() {
    let emulator = emulator();
    let agent = agent_1001(&emulator);
    let events = agent
        .notifications_with(
            NotificationOptions::default()
                .subscribe("/finesse/api/User/1001/Queues")
                .subscribe("/finesse/api/Queue/11"),
        )
        .unwrap();
    emulator.assign_queue(11, "5007").unwrap();
    let added = events
        .iter()
        .find_map(|e| match e {
            Event::UserQueuesAdded { queues } => Some(queues),
            _ => None,
        })
        .expect("the queues added");
    assert_eq!(added.len(), 1);
    assert_eq!(
        (added[0].id, added[0].name.as_str()),
        (Some(11), "Overflow")
    );
    // Now assigned: real numbers rather than the -1 of a queue no one has.
    assert_eq!(added[0].statistics.agents_ready, Some(0));
    let listed: Vec<_> = agent.queues().unwrap().into_iter().map(|q| q.id).collect();
    assert_eq!(listed, [Some(10), Some(11)]);

    emulator.unassign_queue(11, "5007").unwrap();
    let (mut from_list, mut from_node) = (None, None);
    for event in events.iter() {
        match event {
            Event::UserQueuesRemoved { queues } => from_list = Some(queues),
            Event::QueueRemoved { queue } => from_node = Some(queue),
            _ => {}
        }
        if from_list.is_some() && from_node.is_some() {
            break;
        }
    }
    let from_list = from_list.expect("the user's list told");
    assert_eq!(from_list.len(), 1);
    assert_eq!(from_list[0].uri, "/finesse/api/Queue/11");
    assert_eq!(from_node.expect("the queue's node told").id, Some(11));
    let listed: Vec<_> = agent.queues().unwrap().into_iter().map(|q| q.id).collect();
    assert_eq!(listed, [Some(10)]);
}

#[test]
fn team_resources_list_reason_codes_and_wrap_up_reasons() {
    let emulator = emulator();
    let agent = agent_1001(&emulator);
    let team = agent.user().unwrap().team_id.expect("a team");
    let codes = agent
        .team_reason_codes(&team, ReasonCodeCategory::NotReady)
        .unwrap();
    assert_eq!(
        codes,
        agent.reason_codes(ReasonCodeCategory::NotReady).unwrap()
    );
    assert!(!codes.is_empty());
    let logout = agent
        .team_reason_codes(&team, ReasonCodeCategory::Logout)
        .unwrap();
    assert!(
        logout
            .iter()
            .all(|c| c.category == Some(ReasonCodeCategory::Logout))
    );
    let reasons = agent.team_wrap_up_reasons(&team).unwrap();
    assert_eq!(reasons, agent.wrap_up_reasons().unwrap());
    // Another team's resources: not allowed; no such team: not found.
    emulator.add_agent(AgentConfig::new("3001", "other", "secret3001").team("6000", "Support"));
    let e = agent.team_wrap_up_reasons("6000").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Permission);
    let e = agent.team_wrap_up_reasons("9999").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    // Before 12.5(1) there is no such resource.
    emulator.set_release(finesse_emulator::Release::Cce12_0);
    let e = agent.team_wrap_up_reasons(&team).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
}
