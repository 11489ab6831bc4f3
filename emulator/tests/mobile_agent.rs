//! Mobile agent sign-in: accepted, and shown in the User as `mobileAgent` with its mode and
//! dial number while signed in (reference 2.2 User fields, 2.4 sign-in bodies).

mod common;

use common::{fast, start, wait_agent};

fn login(mode: &str, dial_number: &str) -> String {
    format!(
        "<User><state>LOGIN</state><extension>1001001</extension><mobileAgent><mode>{mode}\
         </mode><dialNumber>{dial_number}</dialNumber></mobileAgent></User>"
    )
}

#[test]
fn a_mobile_agent_signs_in_and_the_user_shows_it() {
    let (emulator, client) = start(fast());
    let r = client.set_state("1001", &login("CALL_BY_CALL", "4085551234"));
    assert_eq!(r.status, 202, "{}", r.body);
    wait_agent(&emulator, "1001", "NOT_READY");
    let user = client.get_as("1001", "/finesse/api/User/1001");
    assert!(
        user.body.contains(
            "<mediaType>1</mediaType><mobileAgent><mode>CALL_BY_CALL</mode>\
             <dialNumber>4085551234</dialNumber></mobileAgent><pendingState>"
        ),
        "{}",
        user.body
    );
    // The notification carries it too.
    let update = emulator
        .notifications()
        .into_iter()
        .rev()
        .find(|n| n.node == "/finesse/api/User/1001")
        .expect("a User update");
    assert!(update.update_xml.contains("<mode>CALL_BY_CALL</mode>"));
    // Signing out ends it.
    let out = "<User><state>LOGOUT</state><reasonCodeId>31</reasonCodeId></User>";
    assert_eq!(client.set_state("1001", out).status, 202);
    wait_agent(&emulator, "1001", "LOGOUT");
    let user = client.get_as("1001", "/finesse/api/User/1001");
    assert!(!user.body.contains("<mobileAgent>"), "{}", user.body);
    // A desk-phone sign-in shows none.
    let desk = "<User><state>LOGIN</state><extension>1001001</extension></User>";
    assert_eq!(client.set_state("1001", desk).status, 202);
    wait_agent(&emulator, "1001", "NOT_READY");
    assert!(
        !client
            .get_as("1001", "/finesse/api/User/1001")
            .body
            .contains("<mobileAgent>")
    );
}

#[test]
fn nailed_connection_and_invalid_settings() {
    let (emulator, client) = start(fast());
    for (mode, number, error_type, data) in [
        ("SOMETIMES", "4085551234", "Invalid Input", "mode"),
        ("", "4085551234", "Parameter Missing", "mode"),
        ("CALL_BY_CALL", "", "Parameter Missing", "dialNumber"),
        ("CALL_BY_CALL", "call me", "Invalid Input", "dialNumber"),
    ] {
        let r = client.set_state("1001", &login(mode, number));
        assert_eq!(r.status, 400, "{mode} {number}");
        assert_eq!(r.field("ErrorType").as_deref(), Some(error_type));
        assert_eq!(r.field("ErrorData").as_deref(), Some(data));
    }
    let r = client.set_state("1001", &login("NAILED_CONNECTION", "+14085551234"));
    assert_eq!(r.status, 202);
    wait_agent(&emulator, "1001", "NOT_READY");
    let user = client.get_as("1001", "/finesse/api/User/1001");
    assert!(
        user.body
            .contains("<mode>NAILED_CONNECTION</mode><dialNumber>+14085551234</dialNumber>")
    );
}
