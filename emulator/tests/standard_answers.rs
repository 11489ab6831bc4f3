//! The standard answers a generic XMPP client gets from Openfire inside Finesse
//! (reference 10.1): roster, service discovery, version, pub-sub subscriptions, unknown
//! requests; pings answered by the address pinged; explicit subscriptions kept per JID,
//! bare or full (reference 10.2).

mod common;

use std::time::Duration;

use common::xmpp::Xmpp;
use common::{fast, sign_in, start};

const QUIET: Duration = Duration::from_millis(300);

fn ask(x: &mut Xmpp, iq: &str) -> String {
    x.send(iq);
    x.recv()
}

#[test]
fn roster_version_and_unknown_requests() {
    let (emulator, _) = start(fast());
    let mut x = Xmpp::sign_in(&emulator, "1001", "a");
    assert_eq!(
        ask(
            &mut x,
            r#"<iq xmlns="jabber:client" type="get" id="r"><query xmlns="jabber:iq:roster"/></iq>"#
        ),
        r#"<iq xmlns="jabber:client" type="result" id="r" to="1001@localhost/a"><query xmlns="jabber:iq:roster"/></iq>"#
    );
    let version = ask(
        &mut x,
        r#"<iq xmlns="jabber:client" type="get" id="v" to="localhost"><query xmlns="jabber:iq:version"/></iq>"#,
    );
    assert!(version.starts_with(r#"<iq xmlns="jabber:client" type="result" id="v" from="localhost" to="1001@localhost/a"><query xmlns="jabber:iq:version"><name>"#), "{version}");
    for (kind, payload) in [
        ("get", "<query xmlns='urn:example:nothing'/>"),
        ("set", "<vCard xmlns='vcard-temp'/>"),
    ] {
        let answer = ask(
            &mut x,
            &format!(
                r#"<iq xmlns="jabber:client" type="{kind}" id="u" to="localhost">{payload}</iq>"#
            ),
        );
        assert_eq!(
            answer,
            r#"<iq xmlns="jabber:client" type="error" id="u" from="localhost" to="1001@localhost/a"><error type="cancel"><service-unavailable xmlns="urn:ietf:params:xml:ns:xmpp-stanzas"/></error></iq>"#
        );
    }
}

#[test]
fn service_discovery_of_the_domain_and_the_pubsub_service() {
    let (emulator, _) = start(fast());
    let mut x = Xmpp::sign_in(&emulator, "2001", "d");
    let info = ask(
        &mut x,
        r#"<iq xmlns="jabber:client" type="get" id="i1" to="localhost"><query xmlns="http://jabber.org/protocol/disco#info"/></iq>"#,
    );
    assert!(
        info.contains(r#"<identity category="server" type="im"/>"#),
        "{info}"
    );
    assert!(info.contains(r#"<feature var="urn:xmpp:ping"/>"#));
    let items = ask(
        &mut x,
        r#"<iq xmlns="jabber:client" type="get" id="i2" to="localhost"><query xmlns="http://jabber.org/protocol/disco#items"/></iq>"#,
    );
    assert!(
        items.contains(r#"<item jid="pubsub.localhost" name="Publish-Subscribe service"/>"#),
        "{items}"
    );
    let service = ask(
        &mut x,
        r#"<iq xmlns="jabber:client" type="get" id="i3" to="pubsub.localhost"><query xmlns="http://jabber.org/protocol/disco#info"/></iq>"#,
    );
    assert!(service.contains(r#"from="pubsub.localhost""#));
    assert!(
        service.contains(r#"<identity category="pubsub" type="service"/>"#),
        "{service}"
    );
    assert!(service.contains(r#"<feature var="http://jabber.org/protocol/pubsub"/>"#));
    let nodes = ask(
        &mut x,
        r#"<iq xmlns="jabber:client" type="get" id="i4" to="pubsub.localhost"><query xmlns="http://jabber.org/protocol/disco#items"/></iq>"#,
    );
    for node in [
        "/finesse/api/SystemInfo",
        "/finesse/api/User/2001",
        "/finesse/api/User/2001/Dialogs",
        "/finesse/api/Team/5007/Users",
    ] {
        assert!(nodes.contains(&format!(r#"node="{node}""#)), "{nodes}");
    }
    let leaf = ask(
        &mut x,
        r#"<iq xmlns="jabber:client" type="get" id="i5" to="pubsub.localhost"><query xmlns="http://jabber.org/protocol/disco#info" node="/finesse/api/User/2001"/></iq>"#,
    );
    assert!(leaf.contains(r#"<query xmlns="http://jabber.org/protocol/disco#info" node="/finesse/api/User/2001"><identity category="pubsub" type="leaf"/>"#), "{leaf}");
    let missing = ask(
        &mut x,
        r#"<iq xmlns="jabber:client" type="get" id="i6" to="pubsub.localhost"><query xmlns="http://jabber.org/protocol/disco#info" node="/finesse/api/Queue/1"/></iq>"#,
    );
    assert!(missing.contains("<service-unavailable"), "{missing}");
}

#[test]
fn pings_are_answered_by_the_address_pinged() {
    let (emulator, _) = start(fast());
    let mut x = Xmpp::sign_in(&emulator, "1001", "p");
    for (to, from) in [
        (r#" to="localhost""#, r#" from="localhost""#),
        (r#" to="pubsub.localhost""#, r#" from="pubsub.localhost""#),
        ("", ""),
    ] {
        let answer = ask(
            &mut x,
            &format!(
                r#"<iq xmlns="jabber:client" type="get" id="p"{to}><ping xmlns="urn:xmpp:ping"/></iq>"#
            ),
        );
        assert_eq!(
            answer,
            format!(
                r#"<iq xmlns="jabber:client" type="result" id="p"{from} to="1001@localhost/p"/>"#
            )
        );
    }
}

fn subscribe(x: &mut Xmpp, id: &str, jid: &str) -> String {
    ask(
        x,
        &format!(
            r#"<iq xmlns="jabber:client" type="set" id="{id}" to="pubsub.localhost"><pubsub xmlns="http://jabber.org/protocol/pubsub"><subscribe node="/finesse/api/Team/5007/Users" jid="{jid}"/></pubsub></iq>"#
        ),
    )
}

#[test]
fn subscriptions_are_kept_per_full_jid_and_listed() {
    let (emulator, client) = start(fast());
    let mut one = Xmpp::sign_in(&emulator, "2001", "one");
    let mut two = Xmpp::sign_in(&emulator, "2001", "two");
    assert!(
        subscribe(&mut one, "s1", "2001@localhost/one").contains(r#"subscription="subscribed""#)
    );
    let listed = ask(
        &mut one,
        r#"<iq xmlns="jabber:client" type="get" id="l" to="pubsub.localhost"><pubsub xmlns="http://jabber.org/protocol/pubsub"><subscriptions/></pubsub></iq>"#,
    );
    assert!(listed.contains(r#"<subscription node="/finesse/api/Team/5007/Users" jid="2001@localhost/one" subscription="subscribed"/>"#), "{listed}");
    assert!(listed.contains(r#"<subscription node="/finesse/api/User/2001" jid="2001@localhost" subscription="subscribed"/>"#), "{listed}");

    // Only the subscribing session gets team events, addressed to its full JID.
    sign_in(&emulator, &client, "1001", "1001001");
    let event = one.next_event(Duration::from_secs(5)).expect("team event");
    assert_eq!(event.node, "/finesse/api/Team/5007/Users");
    assert_eq!(event.to, "2001@localhost/one");
    assert!(
        two.next_event(QUIET).is_none(),
        "not subscribed: {}",
        two.jid
    );

    // A bare-JID subscription reaches every session of the user.
    assert!(subscribe(&mut two, "s2", "2001@localhost").contains("subscribed"));
    client.set_state("1001", "<User><state>READY</state></User>");
    let to_two = two.next_event(Duration::from_secs(5)).expect("team event");
    assert_eq!(to_two.to, "2001@localhost");
    let to_one = one
        .next_event(Duration::from_secs(5))
        .expect("one event, not two");
    assert_eq!(to_one.to, "2001@localhost/one");
    assert!(
        one.next_event(QUIET).is_none(),
        "delivered once per session"
    );

    // Another user's JID is refused.
    assert!(subscribe(&mut one, "s3", "1001@localhost/one").contains("<invalid-jid"));
}
