//! The desktop's configured resources that Finesse hands its users and teams: phone books
//! with their contacts, workflows with their actions, and media properties layouts.
//!
//! Sources: DEVNET `phonebook` (the PhoneBook object; type GLOBAL or TEAM; at most 10
//! global and 300 team phone books), `contact` (the Contact object; at most 6000 contacts in
//! a phone book, 50,000 in the system), `workflow-api-parameters` and `workflowaction`
//! (Workflow and WorkflowAction; at most 5 actions a workflow), `user—get-list-of-workflows`
//! (the example workflow: a SYSTEM `CALL_ARRIVES` TriggerSet), `mediapropertieslayout` and
//! `mediapropertieslayout-api-parameters` (one header entry, at most two columns of at most
//! 10 entries), the Unified CCX 12.0 administration guide "Manage Workflows" (20 workflows a
//! team, 100 in the system).

use serde::{Deserialize, Serialize};

/// At most this many global phone books (DEVNET `phonebook`).
const MAX_GLOBAL_PHONE_BOOKS: usize = 10;
/// At most this many team phone books (DEVNET `phonebook`).
const MAX_TEAM_PHONE_BOOKS: usize = 300;
/// At most this many contacts in one phone book (DEVNET `contact`).
const MAX_CONTACTS_PER_BOOK: usize = 6000;
/// At most this many contacts in the system (DEVNET `contact`).
const MAX_CONTACTS: usize = 50_000;
/// At most this many workflows in the system (CCX 12.0 admin guide, "Manage Workflows").
const MAX_WORKFLOWS: usize = 100;
/// At most this many actions in a workflow (same source).
const MAX_ACTIONS_PER_WORKFLOW: usize = 5;
/// At most this many entries in a layout column (DEVNET `mediapropertieslayout-api-parameters`).
const MAX_COLUMN_ENTRIES: usize = 10;
/// At most this many columns in a layout (same source).
const MAX_COLUMNS: usize = 2;
/// At most this many layouts: the guide gives no number; 200 is the emulator's bound.
const MAX_LAYOUTS: usize = 200;

/// Whether a phone book is everyone's or assigned to teams.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum PhoneBookType {
    /// Every agent's.
    Global,
    /// The agents of the teams it is assigned to.
    Team,
}

impl PhoneBookType {
    /// The `<type>` value.
    pub fn as_str(self) -> &'static str {
        match self {
            PhoneBookType::Global => "GLOBAL",
            PhoneBookType::Team => "TEAM",
        }
    }
}

/// One contact of a phone book (DEVNET `contact`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Id, in the contact's URI (`/finesse/api/PhoneBook/<book>/Contact/<id>`).
    pub id: u32,
    /// First name (may be empty).
    #[serde(default)]
    pub first_name: String,
    /// Last name (may be empty).
    #[serde(default)]
    pub last_name: String,
    /// The number to dial.
    pub phone_number: String,
    /// A note (may be empty).
    #[serde(default)]
    pub description: String,
}

impl Contact {
    /// A contact with names, number and note.
    pub fn new(
        id: u32,
        first_name: &str,
        last_name: &str,
        phone_number: &str,
        description: &str,
    ) -> Self {
        Contact {
            id,
            first_name: first_name.to_owned(),
            last_name: last_name.to_owned(),
            phone_number: phone_number.to_owned(),
            description: description.to_owned(),
        }
    }
}

/// A phone book (DEVNET `phonebook`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneBook {
    /// Id, in the phone book's URI (`/finesse/api/PhoneBook/<id>`).
    pub id: u32,
    /// Name.
    pub name: String,
    /// GLOBAL or TEAM.
    #[serde(rename = "type")]
    pub book_type: PhoneBookType,
    /// The teams a TEAM phone book is assigned to (ignored for a GLOBAL one).
    #[serde(default)]
    pub teams: Vec<String>,
    /// Its contacts, in order.
    #[serde(default)]
    pub contacts: Vec<Contact>,
}

impl PhoneBook {
    /// Whether the agents of `team` see this phone book.
    pub(crate) fn serves(&self, team: &str) -> bool {
        self.book_type == PhoneBookType::Global || self.teams.iter().any(|t| t == team)
    }
}

/// A variable a trigger, condition or action reads (DEVNET `workflow-api-parameters`,
/// `workflowaction`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowVariable {
    /// Name, e.g. `callVariable1`.
    pub name: String,
    /// XPath into the Dialog for a CUSTOM variable; empty for a SYSTEM one.
    #[serde(default)]
    pub node: String,
    /// `CUSTOM` or `SYSTEM`.
    #[serde(rename = "type")]
    pub variable_type: String,
}

/// A trigger or a condition: a variable compared with a value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowTest {
    /// The variable compared.
    pub variable: WorkflowVariable,
    /// E.g. `IS_EQUAL`, `IS_IN_LIST`, `IS_NOT_EMPTY`.
    pub comparator: String,
    /// The value compared with (may be empty).
    #[serde(default)]
    pub value: String,
}

/// A named parameter of a workflow action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionParam {
    /// E.g. `path`, `windowName`.
    pub name: String,
    /// Its value.
    pub value: String,
}

/// A workflow action (DEVNET `workflowaction`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowAction {
    /// Id, in the action's URI (`/finesse/api/WorkflowAction/<id>`).
    pub id: u32,
    /// Name.
    pub name: String,
    /// `BROWSER_POP` or `HTTP_REQUEST`.
    #[serde(rename = "type")]
    pub action_type: String,
    /// `FINESSE_DESKTOP` or `OTHER`.
    pub handled_by: String,
    /// Its parameters.
    #[serde(default)]
    pub params: Vec<ActionParam>,
    /// The variables it uses.
    #[serde(default)]
    pub action_variables: Vec<WorkflowVariable>,
}

/// A workflow (DEVNET `workflow-api-parameters`): when it triggers, on which conditions, and
/// what it does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workflow {
    /// Id, in the workflow's URI (`/finesse/api/Workflow/<id>`).
    pub id: u32,
    /// Name.
    pub name: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// The teams it is assigned to (every workflow is a team workflow).
    #[serde(default)]
    pub teams: Vec<String>,
    /// The TriggerSet's `type`, e.g. `SYSTEM`.
    pub trigger_type: String,
    /// The TriggerSet's `name`, e.g. `CALL_ARRIVES`.
    pub trigger_name: String,
    /// The TriggerSet's triggers.
    #[serde(default)]
    pub triggers: Vec<WorkflowTest>,
    /// The ConditionSet's `applyMethod`: `ALL` or `ANY`.
    pub apply_method: String,
    /// The ConditionSet's conditions.
    #[serde(default)]
    pub conditions: Vec<WorkflowTest>,
    /// Its actions, in order.
    #[serde(default)]
    pub actions: Vec<WorkflowAction>,
}

/// Whether a layout is the system's default or an administrator's custom one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum LayoutType {
    /// The layout of the teams that have no custom one.
    Default,
    /// Assigned to teams.
    Custom,
}

impl LayoutType {
    /// The `<type>` value.
    pub fn as_str(self) -> &'static str {
        match self {
            LayoutType::Default => "DEFAULT",
            LayoutType::Custom => "CUSTOM",
        }
    }
}

/// One entry of a layout: a media property and the label it is shown with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayoutEntry {
    /// The label (may be empty).
    #[serde(default)]
    pub display_name: String,
    /// `callVariable1`..`callVariable10`, an ECC `user.*` variable or an Outbound `BA*` one.
    pub media_property: String,
    /// Shown in the call pop-over (12.x).
    #[serde(default)]
    pub show_in_pop_over: bool,
    /// Editable by the agent (12.x).
    #[serde(default)]
    pub ui_editable: bool,
}

impl LayoutEntry {
    /// An entry shown neither in the pop-over nor editable.
    pub fn new(display_name: &str, media_property: &str) -> Self {
        LayoutEntry {
            display_name: display_name.to_owned(),
            media_property: media_property.to_owned(),
            show_in_pop_over: false,
            ui_editable: false,
        }
    }
}

/// A media properties layout (DEVNET `mediapropertieslayout`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaPropertiesLayout {
    /// Id, in the layout's URI (`/finesse/api/MediaPropertiesLayout/<id>`).
    pub id: u32,
    /// Name.
    pub name: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// DEFAULT or CUSTOM.
    #[serde(rename = "type")]
    pub layout_type: LayoutType,
    /// The teams a CUSTOM layout is assigned to.
    #[serde(default)]
    pub teams: Vec<String>,
    /// The header's one entry.
    pub header: LayoutEntry,
    /// At most two columns (left, right), each of at most 10 entries.
    #[serde(default)]
    pub columns: Vec<Vec<LayoutEntry>>,
}

/// The resources a configuration holds, kept within the documented sizes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Resources {
    pub phone_books: Vec<PhoneBook>,
    pub workflows: Vec<Workflow>,
    pub layouts: Vec<MediaPropertiesLayout>,
}

impl Default for Resources {
    fn default() -> Self {
        Resources {
            phone_books: default_phone_books(),
            workflows: default_workflows(),
            layouts: default_layouts(),
        }
    }
}

/// Keeps the phone books within Finesse's limits: the books past 10 global or 300 team ones,
/// the contacts past 6000 in a book or 50,000 in all, are left out.
pub(crate) fn bounded_phone_books(books: Vec<PhoneBook>) -> Vec<PhoneBook> {
    let (mut global, mut team, mut contacts) = (0, 0, 0);
    let mut kept = Vec::new();
    for mut book in books {
        let count = match book.book_type {
            PhoneBookType::Global => &mut global,
            PhoneBookType::Team => &mut team,
        };
        let max = match book.book_type {
            PhoneBookType::Global => MAX_GLOBAL_PHONE_BOOKS,
            PhoneBookType::Team => MAX_TEAM_PHONE_BOOKS,
        };
        if *count == max {
            continue;
        }
        *count += 1;
        let room = MAX_CONTACTS_PER_BOOK.min(MAX_CONTACTS - contacts);
        book.contacts.truncate(room);
        contacts += book.contacts.len();
        kept.push(book);
    }
    kept
}

/// Keeps the workflows within Finesse's limits: 100 in all, 5 actions each.
pub(crate) fn bounded_workflows(mut workflows: Vec<Workflow>) -> Vec<Workflow> {
    workflows.truncate(MAX_WORKFLOWS);
    for w in &mut workflows {
        w.actions.truncate(MAX_ACTIONS_PER_WORKFLOW);
    }
    workflows
}

/// Keeps the layouts within the documented shape: two columns of 10 entries at most.
pub(crate) fn bounded_layouts(
    mut layouts: Vec<MediaPropertiesLayout>,
) -> Vec<MediaPropertiesLayout> {
    layouts.truncate(MAX_LAYOUTS);
    for l in &mut layouts {
        l.columns.truncate(MAX_COLUMNS);
        for c in &mut l.columns {
            c.truncate(MAX_COLUMN_ENTRIES);
        }
    }
    layouts
}

/// A GLOBAL phone book of three contacts and a TEAM one of two for team 5007.
fn default_phone_books() -> Vec<PhoneBook> {
    vec![
        PhoneBook {
            id: 1,
            name: "Global Directory".to_owned(),
            book_type: PhoneBookType::Global,
            teams: Vec::new(),
            contacts: vec![
                Contact::new(1, "Kathy", "Wong", "5054", "Help desk"),
                Contact::new(2, "Joseph", "Miller", "+14085551234", ""),
                Contact::new(3, "Maria", "Garcia", "6135550100", "Legal"),
            ],
        },
        PhoneBook {
            id: 2,
            name: "Sales Team".to_owned(),
            book_type: PhoneBookType::Team,
            teams: vec!["5007".to_owned()],
            contacts: vec![
                Contact::new(4, "Ana", "Silva", "6002", "Team lead"),
                Contact::new(5, "", "Billing", "6001", "Billing queue"),
            ],
        },
    ]
}

/// The guide's example workflow (DEVNET `user—get-list-of-workflows`) for team 5007: on
/// CALL_ARRIVES of a voice call routed in, when callVariable1 is set, the BROWSER_POP action
/// of DEVNET `workflowaction`.
fn default_workflows() -> Vec<Workflow> {
    let custom = |name: &str, node: &str| WorkflowVariable {
        name: name.to_owned(),
        node: node.to_owned(),
        variable_type: "CUSTOM".to_owned(),
    };
    let system = |name: &str| WorkflowVariable {
        name: name.to_owned(),
        node: String::new(),
        variable_type: "SYSTEM".to_owned(),
    };
    vec![Workflow {
        id: 1,
        name: "google ring pop".to_owned(),
        description: "Pops a Google web page when an agent phone rings".to_owned(),
        teams: vec!["5007".to_owned()],
        trigger_type: "SYSTEM".to_owned(),
        trigger_name: "CALL_ARRIVES".to_owned(),
        triggers: vec![
            WorkflowTest {
                variable: custom("mediaType", "//Dialog/mediaType"),
                comparator: "IS_EQUAL".to_owned(),
                value: "Voice".to_owned(),
            },
            WorkflowTest {
                variable: custom("callType", "//Dialog/mediaProperties/callType"),
                comparator: "IS_IN_LIST".to_owned(),
                value: "ACD_IN,PREROUTE_ACD_IN,PREROUTE_DIRECT_AGENT,TRANSFER,OVERFLOW_IN,OTHER_IN"
                    .to_owned(),
            },
        ],
        apply_method: "ALL".to_owned(),
        conditions: vec![WorkflowTest {
            variable: system("callVariable1"),
            comparator: "IS_NOT_EMPTY".to_owned(),
            value: String::new(),
        }],
        actions: vec![WorkflowAction {
            id: 1,
            name: "DuckDuckGo".to_owned(),
            action_type: "BROWSER_POP".to_owned(),
            handled_by: "FINESSE_DESKTOP".to_owned(),
            params: vec![
                ActionParam {
                    name: "path".to_owned(),
                    value: "http://www.example.com?q=${callVariable1}".to_owned(),
                },
                ActionParam {
                    name: "windowName".to_owned(),
                    value: "theWindow".to_owned(),
                },
            ],
            action_variables: vec![system("callVariable1")],
        }],
    }]
}

/// The default layout, and a custom one for team 5007.
fn default_layouts() -> Vec<MediaPropertiesLayout> {
    vec![
        MediaPropertiesLayout {
            id: 1,
            name: "Default Layout".to_owned(),
            description: "The layout of teams without a custom one".to_owned(),
            layout_type: LayoutType::Default,
            teams: Vec::new(),
            header: LayoutEntry::new("Customer Name", "callVariable1"),
            columns: vec![
                vec![
                    LayoutEntry::new("Customer Name", "callVariable1"),
                    LayoutEntry {
                        show_in_pop_over: true,
                        ..LayoutEntry::new("Customer Acct#", "user.cisco.acctnum")
                    },
                ],
                vec![LayoutEntry::new("Campaign", "BACampaign")],
            ],
        },
        MediaPropertiesLayout {
            id: 2,
            name: "Sales Layout".to_owned(),
            description: "Team 5007's call details".to_owned(),
            layout_type: LayoutType::Custom,
            teams: vec!["5007".to_owned()],
            header: LayoutEntry::new("Account", "callVariable2"),
            columns: vec![vec![
                LayoutEntry::new("Region", "callVariable3"),
                LayoutEntry {
                    ui_editable: true,
                    ..LayoutEntry::new("Order", "callVariable4")
                },
            ]],
        },
    ]
}
