//! Phone books, workflows and media properties layouts over real sockets: the user-scoped
//! lists (`/User/<id>/PhoneBooks`, `/Workflows`, `/MediaPropertiesLayout`,
//! `/MediaPropertiesLayouts`, deprecated from 12.5(1) and still served) and the TeamResource
//! ones (12.5(1) on), with their security, the `Range` header of phone books (206, 416) and
//! each release's answers. Sources: DEVNET `teamresource`, `teamresource—get-phone-books`,
//! `phonebook`, `contact`, `user—get-list-of-workflows`, `workflowaction`,
//! `mediapropertieslayout`.

mod common;

use common::{Client, Resp, basic, fast, password, start};
use finesse_emulator::{AgentConfig, Contact, EmulatorConfig, PhoneBook, PhoneBookType, Release};

/// GET as a default user with a `Range` header.
fn get_range(client: &Client, login_id: &str, path: &str, range: &str) -> Resp {
    let headers = [
        ("Authorization", basic(login_id, &password(login_id))),
        ("Range", range.to_owned()),
    ];
    client.request("GET", path, &headers, "")
}

/// Every `<name>` text of the document, in order.
fn all(xml: &str, name: &str) -> Vec<String> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    xml.split(&open)
        .skip(1)
        .filter_map(|rest| rest.split_once(&close).map(|(text, _)| text.to_owned()))
        .collect()
}

const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

#[test]
fn the_team_resource_phone_books_list_global_books_first_with_their_contacts() {
    let (_emulator, client) = start(fast());
    let path = "/finesse/api/TeamResource/5007/PhoneBooks";
    let r = get_range(&client, "1001", path, "objects=1-6000");
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        r.body,
        format!(
            "{DECLARATION}<PhoneBooks>\
             <PhoneBook><name>Global Directory</name><type>GLOBAL</type><Contacts>\
             <Contact><firstName>Kathy</firstName><lastName>Wong</lastName><phoneNumber>5054</phoneNumber>\
             <description>Help desk</description><uri>/finesse/api/PhoneBook/1/Contact/1</uri></Contact>\
             <Contact><firstName>Joseph</firstName><lastName>Miller</lastName><phoneNumber>+14085551234</phoneNumber>\
             <description></description><uri>/finesse/api/PhoneBook/1/Contact/2</uri></Contact>\
             <Contact><firstName>Maria</firstName><lastName>Garcia</lastName><phoneNumber>6135550100</phoneNumber>\
             <description>Legal</description><uri>/finesse/api/PhoneBook/1/Contact/3</uri></Contact>\
             </Contacts></PhoneBook>\
             <PhoneBook><name>Sales Team</name><type>TEAM</type><Contacts>\
             <Contact><firstName>Ana</firstName><lastName>Silva</lastName><phoneNumber>6002</phoneNumber>\
             <description>Team lead</description><uri>/finesse/api/PhoneBook/2/Contact/4</uri></Contact>\
             <Contact><firstName></firstName><lastName>Billing</lastName><phoneNumber>6001</phoneNumber>\
             <description>Billing queue</description><uri>/finesse/api/PhoneBook/2/Contact/5</uri></Contact>\
             </Contacts></PhoneBook></PhoneBooks>"
        )
    );
    // The team's supervisor reads it too.
    assert_eq!(get_range(&client, "2001", path, "objects=1-10").status, 200);
}

#[test]
fn a_range_pages_the_contacts_with_206_and_416_outside_1_to_6000() {
    let (_emulator, client) = start(fast());
    let path = "/finesse/api/TeamResource/5007/PhoneBooks";
    // Contacts 3 and 4: the last global one, the first of the team's book.
    let r = get_range(&client, "1001", path, "objects=3-4");
    assert_eq!(r.status, 206, "{}", r.body);
    assert_eq!(all(&r.body, "lastName"), ["Garcia", "Silva"]);
    assert_eq!(all(&r.body, "name"), ["Global Directory", "Sales Team"]);
    // Only the team's book holds contacts 5 and on.
    let r = get_range(&client, "1001", path, "objects=5-9");
    assert_eq!(r.status, 206);
    assert_eq!(all(&r.body, "name"), ["Sales Team"]);
    assert_eq!(all(&r.body, "lastName"), ["Billing"]);
    // Past the last contact: nothing, still partial.
    let r = get_range(&client, "1001", path, "objects=6-6000");
    assert_eq!(r.status, 206);
    assert!(r.body.ends_with("<PhoneBooks/>"), "{}", r.body);
    for bad in ["objects=0-5", "objects=1-6001", "objects=4-2", "bytes=1-5"] {
        let r = get_range(&client, "1001", path, bad);
        assert_eq!(r.status, 416, "{bad}: {}", r.body);
        assert_eq!(
            r.field("ErrorType").as_deref(),
            Some("Invalid Range Specified")
        );
        assert_eq!(
            r.field("ErrorMessage").as_deref(),
            Some("Range must be 1-6000 objects")
        );
        assert_eq!(r.field("ErrorData").as_deref(), Some(bad));
    }
}

#[test]
fn the_range_is_required_until_12_6() {
    let (emulator, client) = start(fast());
    let path = "/finesse/api/TeamResource/5007/PhoneBooks";
    for release in [Release::Cce12_5, Release::Ccx12_5] {
        emulator.set_release(release);
        let r = client.get_as("1001", path);
        assert_eq!(r.status, 400, "{release}");
        assert_eq!(r.field("ErrorType").as_deref(), Some("Parameter Missing"));
        assert_eq!(r.field("ErrorData").as_deref(), Some("Range"));
    }
    // "12.6(2) onward": without it, every contact up to 6000.
    emulator.set_release(Release::Cce12_6);
    let r = client.get_as("1001", path);
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(all(&r.body, "phoneNumber").len(), 5);
}

#[test]
fn team_resources_follow_the_release_and_the_team() {
    let (emulator, client) = start(fast());
    emulator.add_agent(AgentConfig::new("3001", "neo", "secret3001").team("6000", "Support"));
    let paths = [
        "/finesse/api/TeamResource/5007/Workflows",
        "/finesse/api/TeamResource/5007/MediaPropertiesLayouts",
    ];
    for release in Release::ALL {
        emulator.set_release(release);
        let served = matches!(
            release,
            Release::Cce12_5 | Release::Cce12_6 | Release::Ccx12_5
        );
        for path in paths {
            let r = client.get_as("1001", path);
            assert_eq!(r.status, if served { 200 } else { 404 }, "{release} {path}");
        }
        let r = get_range(
            &client,
            "2001",
            paths[0].replace("Workflows", "PhoneBooks").as_str(),
            "objects=1-2",
        );
        assert_eq!(r.status, if served { 206 } else { 404 }, "{release}");
    }
    emulator.set_release(Release::Cce12_5);
    // A member of another team: 401; no such team: 404.
    let r = client.get_as("3001", paths[0]);
    assert_eq!(r.status, 401);
    assert_eq!(
        r.field("ErrorType").as_deref(),
        Some("Invalid Authorization User Specified")
    );
    assert_eq!(
        client
            .get_as("1001", "/finesse/api/TeamResource/9999/Workflows")
            .status,
        404
    );
    // Team 6000 has no workflow, and the default layout only.
    let r = client.get_as("3001", "/finesse/api/TeamResource/6000/Workflows");
    assert!(r.body.ends_with("<Workflows/>"), "{}", r.body);
    let r = client.get_as(
        "3001",
        "/finesse/api/TeamResource/6000/MediaPropertiesLayouts",
    );
    assert_eq!(all(&r.body, "type"), ["DEFAULT"]);
}

#[test]
fn the_workflow_is_the_guides_example() {
    let (_emulator, client) = start(fast());
    let expected = format!(
        "{DECLARATION}<Workflows><Workflow><uri>/finesse/api/Workflow/1</uri>\
         <name>google ring pop</name>\
         <description>Pops a Google web page when an agent phone rings</description>\
         <TriggerSet><type>SYSTEM</type><name>CALL_ARRIVES</name><triggers>\
         <Trigger><Variable><name>mediaType</name><node>//Dialog/mediaType</node><type>CUSTOM</type></Variable>\
         <comparator>IS_EQUAL</comparator><value>Voice</value></Trigger>\
         <Trigger><Variable><name>callType</name><node>//Dialog/mediaProperties/callType</node><type>CUSTOM</type></Variable>\
         <comparator>IS_IN_LIST</comparator>\
         <value>ACD_IN,PREROUTE_ACD_IN,PREROUTE_DIRECT_AGENT,TRANSFER,OVERFLOW_IN,OTHER_IN</value></Trigger>\
         </triggers></TriggerSet>\
         <ConditionSet><applyMethod>ALL</applyMethod><conditions><Condition>\
         <Variable><name>callVariable1</name><type>SYSTEM</type></Variable>\
         <comparator>IS_NOT_EMPTY</comparator><value></value></Condition></conditions></ConditionSet>\
         <workflowActions><WorkflowAction><uri>/finesse/api/WorkflowAction/1</uri><name>DuckDuckGo</name>\
         <type>BROWSER_POP</type><handledBy>FINESSE_DESKTOP</handledBy><params>\
         <Param><name>path</name><value>http://www.example.com?q=${{callVariable1}}</value></Param>\
         <Param><name>windowName</name><value>theWindow</value></Param></params>\
         <actionVariables><ActionVariable><name>callVariable1</name><type>SYSTEM</type></ActionVariable>\
         </actionVariables></WorkflowAction></workflowActions></Workflow></Workflows>"
    );
    let r = client.get_as("1001", "/finesse/api/User/1001/Workflows");
    assert_eq!(r.status, 200);
    assert_eq!(r.body, expected);
    let r = client.get_as("2001", "/finesse/api/TeamResource/5007/Workflows");
    assert_eq!(r.body, expected);
}

#[test]
fn user_lists_are_the_users_own_in_every_release() {
    let (emulator, client) = start(fast());
    for release in Release::ALL {
        emulator.set_release(release);
        let r = client.get_as("1001", "/finesse/api/User/1001/PhoneBooks");
        assert_eq!(r.status, 200, "{release}");
        // The PhoneBook object with its uri, its contacts embedded in `contacts`.
        assert!(
            r.body.contains(
                "<PhoneBook><uri>/finesse/api/PhoneBook/1</uri><name>Global Directory</name>\
                 <type>GLOBAL</type><contacts><Contact><firstName>Kathy</firstName>"
            ),
            "{}",
            r.body
        );
        assert_eq!(all(&r.body, "phoneNumber").len(), 5);
        for list in [
            "Workflows",
            "MediaPropertiesLayout",
            "MediaPropertiesLayouts",
        ] {
            let r = client.get_as("1001", &format!("/finesse/api/User/1001/{list}"));
            assert_eq!(r.status, 200, "{release} {list}");
        }
    }
    // Another user's: 401; no such user: 404.
    let r = client.get_as("1002", "/finesse/api/User/1001/PhoneBooks");
    assert_eq!(r.status, 401);
    assert_eq!(
        r.field("ErrorType").as_deref(),
        Some("Invalid Authorization User Specified")
    );
    assert_eq!(
        client
            .get_as("2001", "/finesse/api/User/1001/Workflows")
            .status,
        401
    );
    let r = client.get_as("1001", "/finesse/api/User/9999/MediaPropertiesLayout");
    assert_eq!(r.status, 404);
    // A range pages the user's list too.
    let r = get_range(
        &client,
        "1001",
        "/finesse/api/User/1001/PhoneBooks",
        "objects=1-1",
    );
    assert_eq!(r.status, 206);
    assert_eq!(all(&r.body, "lastName"), ["Wong"]);
}

#[test]
fn layouts_per_team_and_release() {
    let (emulator, client) = start(fast());
    emulator.add_agent(AgentConfig::new("3001", "neo", "secret3001").team("6000", "Support"));
    // Team 5007 sees its custom layout; team 6000 the default.
    let r = client.get_as("1001", "/finesse/api/User/1001/MediaPropertiesLayout");
    assert_eq!(
        r.body,
        format!(
            "{DECLARATION}<MediaPropertiesLayout><uri>/finesse/api/MediaPropertiesLayout/2</uri>\
             <name>Sales Layout</name><description>Team 5007&apos;s call details</description>\
             <type>CUSTOM</type><header><entry><displayName>Account</displayName>\
             <mediaProperty>callVariable2</mediaProperty><showInPopOver>false</showInPopOver>\
             <uiEditable>false</uiEditable></entry></header><column>\
             <entry><displayName>Region</displayName><mediaProperty>callVariable3</mediaProperty>\
             <showInPopOver>false</showInPopOver><uiEditable>false</uiEditable></entry>\
             <entry><displayName>Order</displayName><mediaProperty>callVariable4</mediaProperty>\
             <showInPopOver>false</showInPopOver><uiEditable>true</uiEditable></entry>\
             </column></MediaPropertiesLayout>"
        )
    );
    let r = client.get_as("3001", "/finesse/api/User/3001/MediaPropertiesLayout");
    assert_eq!(r.field("name").as_deref(), Some("Default Layout"));
    assert_eq!(all(&r.body, "column").len(), 2);
    assert!(r.body.contains(
        "<entry><displayName>Customer Acct#</displayName><mediaProperty>user.cisco.acctnum</mediaProperty>\
         <showInPopOver>true</showInPopOver><uiEditable>false</uiEditable></entry>"
    ));
    let r = client.get_as("1001", "/finesse/api/User/1001/MediaPropertiesLayouts");
    assert_eq!(all(&r.body, "name"), ["Default Layout", "Sales Layout"]);
    // 11.6 entries have neither 12.x flag.
    emulator.set_release(Release::Cce11_6);
    let r = client.get_as("1001", "/finesse/api/User/1001/MediaPropertiesLayout");
    assert!(r.body.contains(
        "<entry><displayName>Account</displayName><mediaProperty>callVariable2</mediaProperty></entry>"
    ));
    assert!(!r.body.contains("showInPopOver"));
}

#[test]
fn configured_phone_books_replace_the_defaults_within_bounds() {
    let many: Vec<Contact> = (1..=6005)
        .map(|i| Contact::new(i, "", &format!("n{i}"), &i.to_string(), ""))
        .collect();
    let config = EmulatorConfig::new()
        .phone_books(vec![
            PhoneBook {
                id: 9,
                name: "Huge".to_owned(),
                book_type: PhoneBookType::Global,
                teams: Vec::new(),
                contacts: many,
            },
            PhoneBook {
                id: 10,
                name: "Other team".to_owned(),
                book_type: PhoneBookType::Team,
                teams: vec!["6000".to_owned()],
                contacts: vec![Contact::new(1, "A", "B", "1", "")],
            },
        ])
        .workflows(Vec::new());
    let (_emulator, client) = start(config);
    let r = get_range(
        &client,
        "1001",
        "/finesse/api/TeamResource/5007/PhoneBooks",
        "objects=5990-6000",
    );
    // A phone book keeps 6000 contacts at most; the other team's book is not 5007's.
    assert_eq!(r.status, 206);
    assert_eq!(all(&r.body, "phoneNumber").len(), 11);
    assert!(!r.body.contains("Other team"));
    let r = get_range(
        &client,
        "1001",
        "/finesse/api/TeamResource/5007/PhoneBooks",
        "objects=1-6000",
    );
    assert_eq!(r.status, 200);
    let r = client.get_as("1001", "/finesse/api/User/1001/Workflows");
    assert!(r.body.ends_with("<Workflows/>"));
}
