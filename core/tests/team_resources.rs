//! The desktop's lists against the emulator: reason codes, wrap-up reasons, phone books,
//! workflows and media properties layouts, read by the agent from the API its server's
//! release has (TeamResource from 12.5(1), the user-scoped lists before, DEVNET
//! `teamresource`), and by team with the `team_*` methods; the refusals outside one's team.

mod common;

use common::*;
use finesse_client::{Client, ErrorKind, ReasonCodeCategory};
use finesse_emulator::{Emulator, Release};

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
    let agent = agent_1001(&emulator);
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
