//! Decoding the `<Update>` documents notifications carry.

use finesse_client::model::SystemStatus;
use finesse_client::{AgentState, DialogState, Event};

fn doc(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/documents/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn user_update_with_lowercase_put() {
    let events = Event::from_update_xml(doc("update_user_put.xml")).unwrap();
    let [Event::UserChanged { user, request_id }] = events.as_slice() else {
        panic!("{events:?}")
    };
    assert_eq!(user.state, AgentState::Ready);
    assert_eq!(
        request_id.as_deref(),
        Some("0d1d3b4c-6a3e-4e4e-9f3e-0c1b2a3d4e5f")
    );
    assert_eq!(events[0].request_id(), request_id.as_deref());
}

#[test]
fn dialogs_post_is_a_ringing_call_with_its_data() {
    let events = Event::from_update_xml(doc("update_dialogs_post.xml")).unwrap();
    let [Event::DialogAdded { dialog, request_id }] = events.as_slice() else {
        panic!("{events:?}")
    };
    assert_eq!(request_id, &None, "an empty requestId is none");
    assert_eq!(dialog.state, DialogState::Alerting);
    assert_eq!(
        dialog.media_properties.call_variable("callVariable1"),
        Some("claim-77")
    );
}

#[test]
fn dialog_put_and_delete() {
    let dialog = String::from_utf8(doc("dialog_cce11.xml")).unwrap();
    let inner = dialog
        .replace("<Dialog>", "<dialog>")
        .replace("</Dialog>", "</dialog>");
    let put = format!(
        "<Update><data>{inner}</data><event>PUT</event><requestId>r1</requestId>\
         <source>/finesse/api/Dialog/53149720</source></Update>"
    );
    assert!(matches!(
        Event::from_update_xml(put).unwrap().as_slice(),
        [Event::DialogChanged { dialog, .. }] if dialog.id == "53149720"
    ));
    let delete = format!(
        "<Update><data><dialogs>{dialog}{dialog}</dialogs></data><event>DELETE</event>\
         <requestId/><source>/finesse/api/User/1001/Dialogs</source></Update>"
    );
    let events = Event::from_update_xml(delete).unwrap();
    assert_eq!(events.len(), 2);
    assert!(
        events
            .iter()
            .all(|e| matches!(e, Event::DialogRemoved { .. }))
    );
}

#[test]
fn cti_error() {
    let events = Event::from_update_xml(doc("update_cti_error.xml")).unwrap();
    let [
        Event::CtiError {
            errors,
            request_id,
            source,
        },
    ] = events.as_slice()
    else {
        panic!("{events:?}")
    };
    assert_eq!(errors[0].error_type, "Call Operation Failure");
    assert_eq!(errors[0].error_data, "34");
    assert_eq!(request_id.as_deref(), Some("req-9"));
    assert_eq!(source, "/finesse/api/Dialog/12345");
}

#[test]
fn system_info_in_either_case() {
    for root in ["SystemInfo", "systemInfo"] {
        let xml = format!(
            "<Update><data><{root}><status>OUT_OF_SERVICE</status></{root}></data>\
             <event>PUT</event><source>/finesse/api/SystemInfo</source></Update>"
        );
        let events = Event::from_update_xml(xml).unwrap();
        assert!(
            matches!(events.as_slice(), [Event::SystemStatusChanged { info }]
                if info.status == SystemStatus::OutOfService),
            "{events:?}"
        );
    }
}

#[test]
fn an_untyped_update_is_kept_raw() {
    let xml = "<Update><data><Queue><name>Sales</name></Queue></data><event>{put}</event>\
               <source>/finesse/api/Queue/10</source></Update>";
    let events = Event::from_update_xml(xml).unwrap();
    let [
        Event::Other {
            event,
            source,
            update_xml,
        },
    ] = events.as_slice()
    else {
        panic!("{events:?}")
    };
    assert_eq!(event, "{PUT}");
    assert_eq!(source, "/finesse/api/Queue/10");
    assert_eq!(update_xml, xml);
}

#[test]
fn hostile_updates_are_errors() {
    assert!(Event::from_update_xml("<Update><data><user>").is_err());
    assert!(Event::from_update_xml("<NotAnUpdate/>").is_err());
    assert!(Event::from_update_xml("<!DOCTYPE x [<!ENTITY a 'b'>]><Update>&a;</Update>").is_err());
}
