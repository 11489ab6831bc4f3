//! The conformance matrix: for every release profile, each behaviour of the README's
//! "Release profiles" table, asserted as the table states it. The expectations are written
//! out here (not asked of `Release`), so the table and the emulator are checked against
//! each other.

mod common;

use common::{Client, fast, make_call_body, sign_in, start, wait_agent};
use finesse_emulator::{Emulator, Release};

/// One row of the README table per profile: what the profile does.
struct Expected {
    release: Release,
    /// MAKE_CALL from READY accepted, the agent NOT_READY with reason 50006 (reference 10.4,
    /// DG12.5 p80); otherwise 400 Invalid State.
    dials_from_ready: bool,
    /// `GET /User/<loginName>` finds the user (reference 1.5 and 10.4); otherwise 404.
    looks_up_login_names: bool,
}

const MATRIX: [Expected; 5] = [
    Expected {
        release: Release::Cce11_6,
        dials_from_ready: false,
        looks_up_login_names: false,
    },
    Expected {
        release: Release::Cce12_0,
        dials_from_ready: false,
        looks_up_login_names: false,
    },
    Expected {
        release: Release::Cce12_5,
        dials_from_ready: true,
        looks_up_login_names: true,
    },
    Expected {
        release: Release::Cce12_6,
        dials_from_ready: true,
        looks_up_login_names: true,
    },
    Expected {
        release: Release::Ccx12_5,
        dials_from_ready: false,
        looks_up_login_names: false,
    },
];

fn start_as(release: Release) -> (Emulator, Client) {
    start(fast().release(release))
}

#[test]
fn the_matrix_covers_every_profile() {
    let covered: Vec<Release> = MATRIX.iter().map(|e| e.release).collect();
    assert_eq!(covered, Release::ALL);
}

#[test]
fn dial_from_ready() {
    for e in &MATRIX {
        let (emulator, client) = start_as(e.release);
        sign_in(&emulator, &client, "1001", "1001001");
        assert_eq!(
            client
                .set_state("1001", "<User><state>READY</state></User>")
                .status,
            202
        );
        wait_agent(&emulator, "1001", "READY");
        let r = client.post_as(
            "1001",
            "/finesse/api/User/1001/Dialogs",
            &make_call_body("1001001", "6135551212"),
            "dial",
        );
        if e.dials_from_ready {
            assert_eq!(r.status, 202, "{}: {}", e.release, r.body);
            emulator.settle();
            let sent = emulator
                .notifications()
                .into_iter()
                .any(|n| n.update_xml.contains("<reasonCodeId>50006</reasonCodeId>"));
            assert!(sent, "{}: NOT_READY 50006 published", e.release);
        } else {
            assert_eq!(r.status, 400, "{}: {}", e.release, r.body);
            assert_eq!(r.field("ErrorType").as_deref(), Some("Invalid State"));
            assert!(emulator.dialogs().is_empty(), "{}", e.release);
            assert_eq!(emulator.agent_state("1001").unwrap().state, "READY");
        }
    }
}

#[test]
fn login_name_lookup() {
    for e in &MATRIX {
        let (_emulator, client) = start_as(e.release);
        let r = client.get_as("1001", "/finesse/api/User/jdoe");
        if e.looks_up_login_names {
            assert_eq!(r.status, 200, "{}: {}", e.release, r.body);
            assert_eq!(r.field("loginId").as_deref(), Some("1001"));
        } else {
            assert_eq!(r.status, 404, "{}: {}", e.release, r.body);
            assert_eq!(r.field("ErrorType").as_deref(), Some("User Not Found"));
        }
        // The login id always finds the user.
        assert_eq!(client.get_as("1001", "/finesse/api/User/1001").status, 200);
    }
}
