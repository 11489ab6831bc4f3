//! Decoding the `<Update>` documents notifications carry, and the whole pub-sub `<message>`
//! that carries them.

use finesse_client::model::SystemStatus;
use finesse_client::{AgentState, DialogState, Error, Event, PubSubMessage};

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
    let [
        Event::UserChanged {
            user,
            request_id,
            resync: false,
        },
    ] = events.as_slice()
    else {
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
    let [
        Event::DialogAdded {
            dialog,
            request_id,
            resync: false,
        },
    ] = events.as_slice()
    else {
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
    let xml = "<Update><data><media><state>READY</state></media></data><event>{put}</event>\
               <source>/finesse/api/User/1001/Media/5</source></Update>";
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
    assert_eq!(source, "/finesse/api/User/1001/Media/5");
    assert_eq!(update_xml, xml);
}

#[test]
fn hostile_updates_are_errors() {
    assert!(Event::from_update_xml("<Update><data><user>").is_err());
    assert!(Event::from_update_xml("<NotAnUpdate/>").is_err());
    assert!(Event::from_update_xml("<!DOCTYPE x [<!ENTITY a 'b'>]><Update>&a;</Update>").is_err());
}

/// Wraps `notification` (the content of `<notification>`, as written) in the envelope the
/// notification service sends, for `node`.
fn message(node: &str, notification: &str) -> String {
    format!(
        "<message from=\"pubsub.fin1.example.com\" to=\"1001@fin1.example.com/app\" \
         id=\"m1\" xmlns=\"jabber:client\"><event \
         xmlns=\"http://jabber.org/protocol/pubsub#event\"><items node=\"{node}\">\
         <item id=\"item-1\"><notification xmlns=\"http://jabber.org/protocol/pubsub\">\
         {notification}</notification></item></items></event></message>"
    )
}

fn escape(xml: &str) -> String {
    xml.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn a_pubsub_message_as_the_notification_service_sends_it() {
    let message = PubSubMessage::from_xml(doc("pubsub_message_dialogs_post.xml")).unwrap();
    assert_eq!(message.node, "/finesse/api/User/1001/Dialogs");
    assert_eq!(
        message.item_id.as_deref(),
        Some("0b6afdb5-5d1e-4c3a-9a41-6d1b8f3a2c10")
    );
    let [Event::DialogAdded { dialog, .. }] = message.events.as_slice() else {
        panic!("{message:?}")
    };
    assert_eq!(dialog.state, DialogState::Alerting);
    assert_eq!(
        dialog.media_properties.call_variable("callVariable1"),
        Some("claim-77")
    );
}

/// The payload of the User notification sample of the Finesse developer guide
/// (https://developer.cisco.com/docs/finesse/user-notification): lowercase `put`, a `<User>`
/// root in `<data>`, as it is documented.
const GUIDE_USER_UPDATE: &str = "<Update>
   <event>put</event>
   <source>/finesse/api/User/csmith</source>
   <data>
      <User>
        <dialogs>/finesse/api/User/1001001/Dialogs</dialogs>
        <extension></extension>
        <firstName>AGENT</firstName>
        <lastName>1001001</lastName>
        <loginId>1001001</loginId>
        <loginName>agent1</loginName>
        <pendingState></pendingState>
        <reasonCodeId>2</reasonCodeId>
        <ReasonCode>
          <uri>/finesse/api/ReasonCode/{id}</uri>
          <code>10</code>
          <label>Team Meeting</label>
        </ReasonCode>
        <settings>
          <wrapUpOnIncoming>OPTIONAL</wrapUpOnIncoming>
          <wrapUpOnOutgoing>REQUIRED</wrapUpOnOutgoing>
        </settings>
        <roles>
          <role>Agent</role>
        </roles>
        <state>LOGOUT</state>
        <stateChangeTime></stateChangeTime>
        <teamId>5000</teamId>
        <teamName>FunctionalAgents</teamName>
        <uri>/finesse/api/User/1001001</uri>
      </User>
   </data>
</Update>";

#[test]
fn the_update_may_be_escaped_text_or_an_embedded_element() {
    let node = "/finesse/api/User/1001001";
    let escaped = PubSubMessage::from_xml(message(node, &escape(GUIDE_USER_UPDATE))).unwrap();
    let embedded = PubSubMessage::from_xml(message(node, GUIDE_USER_UPDATE)).unwrap();
    let cdata = PubSubMessage::from_xml(message(node, &format!("<![CDATA[{GUIDE_USER_UPDATE}]]>")))
        .unwrap();
    assert_eq!(escaped, embedded);
    assert_eq!(escaped, cdata);
    assert_eq!(escaped.node, node);
    assert_eq!(escaped.item_id.as_deref(), Some("item-1"));
    let [
        Event::UserChanged {
            user,
            request_id,
            resync: false,
        },
    ] = escaped.events.as_slice()
    else {
        panic!("{escaped:?}")
    };
    assert_eq!(user.login_id, "1001001");
    assert_eq!(user.state, AgentState::Logout);
    assert_eq!(request_id, &None);
    // The same events as decoding the Update alone.
    assert_eq!(
        escaped.events,
        Event::from_update_xml(GUIDE_USER_UPDATE).unwrap()
    );
}

#[test]
fn several_items_give_their_events_in_order_and_unknown_elements_are_skipped() {
    let update = |state: &str| {
        escape(&format!(
            "<Update><data><user><loginId>1001</loginId><state>{state}</state></user></data>\
             <event>PUT</event><source>/finesse/api/User/1001</source></Update>"
        ))
    };
    let xml = format!(
        "<message><body>ignored</body><event><retract id='x'/><items node='/finesse/api/User/1001'>\
         <retract id='old'/><item id='a'><notification>{}</notification></item>\
         <item><notification>{}</notification></item></items></event>\
         <delay xmlns='urn:xmpp:delay' stamp='2024-01-01T00:00:00Z'/></message>",
        update("READY"),
        update("NOT_READY")
    );
    let message = PubSubMessage::from_xml(xml).unwrap();
    assert_eq!(message.item_id.as_deref(), Some("a"));
    let states: Vec<_> = message
        .events
        .iter()
        .map(|e| match e {
            Event::UserChanged { user, .. } => user.state.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(states, [AgentState::Ready, AgentState::NotReady]);
}

#[test]
fn a_message_without_a_pubsub_event_names_what_is_missing() {
    let update = escape(GUIDE_USER_UPDATE);
    // Each case's `<event>` content, inside `<message><event>…</event></message>`.
    let in_event = |content: &str| format!("<message><event>{content}</event></message>");
    for (xml, missing) in [
        (
            "<message from='a@b' type='chat'><body>hello</body></message>".to_owned(),
            "no pub-sub <event>",
        ),
        (in_event("<purge node='n'/>"), "has no <items>"),
        (
            in_event(&format!(
                "<items><item><notification>{update}</notification></item></items>"
            )),
            "has no node",
        ),
        (
            in_event("<items node='n'><retract id='1'/></items>"),
            "has no <item>",
        ),
        (
            in_event("<items node='n'><item id='1'/></items>"),
            "has no <notification>",
        ),
        (
            in_event("<items node='n'><item><notification> </notification></item></items>"),
            "is empty",
        ),
        (
            format!("<iq type='set'><notification>{update}</notification></iq>"),
            "expected a <message>",
        ),
    ] {
        match PubSubMessage::from_xml(&xml) {
            Err(Error::Decode(e)) => {
                assert_eq!(e.document, "message", "{xml}");
                assert!(e.message.contains(missing), "{missing:?} not in {e}");
            }
            other => panic!("{xml}: {other:?}"),
        }
    }
}

#[test]
fn a_bad_update_inside_a_message_is_the_updates_error() {
    let xml = message("/finesse/api/User/1001", &escape("<Update><data><user>"));
    match PubSubMessage::from_xml(xml) {
        Err(Error::Decode(e)) => assert_eq!(e.document, "Update", "{e}"),
        other => panic!("{other:?}"),
    }
    let entity = "<!DOCTYPE m [<!ENTITY a 'b'>]><message>&a;</message>";
    assert!(PubSubMessage::from_xml(entity).is_err());
}
