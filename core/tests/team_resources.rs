//! The desktop's lists against the emulator: reason codes, wrap-up reasons, phone books,
//! workflows and media properties layouts, read by the agent from the API its server's
//! release has (TeamResource from 12.5(1), the user-scoped lists before, DEVNET
//! `teamresource`), and by team with the `team_*` methods; the refusals outside one's team.

mod common;

use common::*;
use finesse_client::{Client, ErrorKind, ReasonCodeCategory};
use finesse_emulator::{AgentConfig, Emulator, Release};

/// The paths of the GETs made since `seq`, without the query.
fn gets_since(emulator: &Emulator, seq: u64) -> Vec<String> {
    emulator
        .requests_since(seq)
        .into_iter()
        .filter(|r| r.method == "GET")
        .map(|r| r.path)
        .collect()
}

fn last_seq(emulator: &Emulator) -> u64 {
    emulator.requests().last().map_or(0, |r| r.seq)
}

/// Reads every agent list once and returns the lists' paths (the User reads left out).
fn read_every_list(emulator: &Emulator, agent: &Client) -> Vec<String> {
    let seq = last_seq(emulator);
    assert!(
        !agent
            .reason_codes(ReasonCodeCategory::NotReady)
            .unwrap()
            .is_empty()
    );
    assert!(!agent.wrap_up_reasons().unwrap().is_empty());
    agent.phone_books().unwrap();
    agent.workflows().unwrap();
    agent.media_properties_layouts().unwrap();
    gets_since(emulator, seq)
        .into_iter()
        .filter(|p| p != "/finesse/api/User/1001")
        .collect()
}

#[test]
fn from_12_5_the_agents_lists_come_from_its_teams_resources() {
    let emulator = emulator();
    let agent = agent_1001(&emulator);
    assert_eq!(
        read_every_list(&emulator, &agent),
        [
            "/finesse/api/TeamResource/5007/ReasonCodes",
            "/finesse/api/TeamResource/5007/WrapUpReasons",
            "/finesse/api/TeamResource/5007/PhoneBooks",
            "/finesse/api/TeamResource/5007/Workflows",
            "/finesse/api/TeamResource/5007/MediaPropertiesLayouts",
        ]
    );
}

#[test]
fn before_12_5_they_come_from_the_user_after_one_404_remembered() {
    let emulator = emulator();
    emulator.set_release(Release::Cce11_6);
    let agent = agent_1001(&emulator);
    let first = read_every_list(&emulator, &agent);
    assert_eq!(
        first,
        [
            // The one probe: no TeamResource on 11.6 (404), so the user's lists from now on.
            "/finesse/api/TeamResource/5007/ReasonCodes",
            "/finesse/api/User/1001/ReasonCodes",
            "/finesse/api/User/1001/WrapUpReasons",
            "/finesse/api/User/1001/PhoneBooks",
            "/finesse/api/User/1001/Workflows",
            "/finesse/api/User/1001/MediaPropertiesLayouts",
        ]
    );
    // Both give the same reason codes, whichever the server has.
    let old = agent.reason_codes(ReasonCodeCategory::Logout).unwrap();
    emulator.set_release(Release::Cce12_5);
    let new = agent_1001(&emulator)
        .reason_codes(ReasonCodeCategory::Logout)
        .unwrap();
    assert_eq!(old, new);
}

#[test]
fn a_team_resource_outside_ones_team_is_refused_and_a_bad_team_id_is_not_sent() {
    let emulator = emulator();
    emulator.add_agent(AgentConfig::new("3001", "other", "secret3001").team("6000", "Support"));
    let agent = agent_1001(&emulator);
    let e = agent.team_phone_books("9999").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound, "{e}");
    let e = agent.team_phone_books("6000").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Permission, "{e}");
    let e = agent.team_workflows("6000").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Permission, "{e}");
    let e = agent.team_media_properties_layouts("6000").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Permission, "{e}");
    let seq = last_seq(&emulator);
    for bad in ["", "50 07", "5007/../1"] {
        let e = agent.team_phone_books(bad).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
        assert!(e.to_string().contains("team_id"), "{e}");
    }
    assert!(emulator.requests_since(seq).is_empty());
}

/// The phone books, workflow and layouts every release serves the agent of team 5007 (the
/// emulator's defaults, documented in emulator/README.md).
fn assert_the_agents_lists(agent: &Client) {
    let books = agent.phone_books().unwrap();
    let summary: Vec<_> = books
        .iter()
        .map(|b| {
            (
                b.name.as_str(),
                b.book_type.clone().map(|t| t.to_string()),
                b.contacts.len(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("Global Directory", Some("GLOBAL".to_owned()), 3),
            ("Sales Team", Some("TEAM".to_owned()), 2),
        ]
    );
    let ana = &books[1].contacts[0];
    assert_eq!(
        (
            ana.first_name.as_str(),
            ana.last_name.as_str(),
            ana.phone_number.as_str(),
            ana.description.as_str(),
        ),
        ("Ana", "Silva", "6002", "Team lead")
    );
    assert_eq!(ana.uri, "/finesse/api/PhoneBook/2/Contact/4");
    assert_eq!(ana.id, "4");

    let flows = agent.workflows().unwrap();
    assert_eq!(flows.len(), 1);
    let pop = &flows[0];
    assert_eq!(
        (pop.id.as_str(), pop.name.as_str()),
        ("1", "google ring pop")
    );
    let trigger = pop.trigger.as_ref().expect("a trigger set");
    assert_eq!(
        (trigger.trigger_type.as_str(), trigger.name.as_str()),
        ("SYSTEM", "CALL_ARRIVES")
    );
    let on = trigger.triggers[0].variable.as_ref().expect("a variable");
    assert_eq!(on.node.as_deref(), Some("//Dialog/mediaType"));
    assert_eq!(trigger.triggers[0].value, "Voice");
    let conditions = pop.conditions.as_ref().expect("conditions");
    assert_eq!(conditions.apply_method, "ALL");
    let action = &pop.actions[0];
    assert_eq!(
        (action.action_type.as_str(), action.handled_by.as_deref()),
        ("BROWSER_POP", Some("FINESSE_DESKTOP"))
    );
    let path = action
        .params
        .iter()
        .find(|p| p.name == "path")
        .expect("path");
    assert_eq!(path.value, "http://www.example.com?q=${callVariable1}");

    let layouts = agent.media_properties_layouts().unwrap();
    let names: Vec<_> = layouts.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Default Layout", "Sales Layout"]);
    let mine = agent.media_properties_layout().unwrap();
    assert_eq!(mine, layouts[1]);
    assert_eq!(mine.layout_type.as_deref(), Some("CUSTOM"));
    assert_eq!(mine.header[0].media_property, "callVariable2");
    let entries: Vec<_> = mine.columns[0]
        .entries
        .iter()
        .map(|e| e.media_property.as_str())
        .collect();
    assert_eq!(entries, ["callVariable3", "callVariable4"]);
}

#[test]
fn phone_books_workflows_and_layouts_are_the_same_from_either_api() {
    for release in [
        Release::Cce11_6,
        Release::Cce12_0,
        Release::Cce12_5,
        Release::Cce12_6,
        Release::Ccx12_5,
    ] {
        let emulator = emulator();
        emulator.set_release(release);
        assert_the_agents_lists(&agent_1001(&emulator));
    }
}

#[test]
fn a_supervisor_reads_its_teams_lists() {
    let emulator = emulator();
    let boss = client(&emulator, "2001", "secret2001");
    let books = boss.team_phone_books("5007").unwrap();
    assert_eq!(books.len(), 2);
    assert_eq!(books[1].contacts[1].last_name, "Billing");
    assert_eq!(
        boss.team_workflows("5007").unwrap()[0].name,
        "google ring pop"
    );
    let layouts = boss.team_media_properties_layouts("5007").unwrap();
    assert_eq!(layouts.len(), 2);
    // The 12.x entry flags.
    let acct = &layouts[0].columns[0].entries[1];
    assert_eq!(acct.media_property, "user.cisco.acctnum");
    assert_eq!(acct.show_in_pop_over, Some(true));
    // Before 12.5(1) a team's lists do not exist.
    emulator.set_release(Release::Cce12_0);
    let e = boss.team_phone_books("5007").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound, "{e}");
}
