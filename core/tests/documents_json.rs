//! Every test document decodes to the JSON beside it in `documents/expected/`: one record of
//! every field of every document kind, which the Python suite compares its classes with.
//!
//! `FINESSE_UPDATE_EXPECTED=1` rewrites the records after a deliberate change of the model.

use std::path::{Path, PathBuf};

use finesse_client::{
    ApiError, Contact, Dialog, Error, Event, MediaPropertiesLayout, PhoneBook, PubSubMessage,
    Queue, ReasonCode, SystemInfo, Team, TeamMessage, User, Workflow, WrapUpReason,
};
use serde_json::{Value, json};

/// Each document with the kind it is decoded as.
const DOCUMENTS: &[(&str, &str)] = &[
    ("api_error.xml", "ApiError"),
    ("api_errors_cti.xml", "ApiErrors"),
    ("api_errors_multiple.xml", "ApiErrors"),
    ("api_errors_sync.xml", "ApiErrors"),
    ("contacts.xml", "Contacts"),
    ("dialog_cce11.xml", "Dialog"),
    ("dialog_doc_sample.xml", "Dialog"),
    ("dialogs_empty.xml", "Dialogs"),
    ("dialogs_notification.xml", "Dialogs"),
    ("dialogs_three_parties.xml", "Dialogs"),
    ("media_properties_layout.xml", "MediaPropertiesLayout"),
    ("media_properties_layouts.xml", "MediaPropertiesLayouts"),
    ("phone_books_team_resource.xml", "PhoneBooks"),
    ("phone_books_user.xml", "PhoneBooks"),
    ("pubsub_message_dialogs_post.xml", "PubSubMessage"),
    ("queue.xml", "Queue"),
    ("queues.xml", "Queues"),
    ("reason_code.xml", "ReasonCode"),
    ("reason_codes.xml", "ReasonCodes"),
    ("system_info.xml", "SystemInfo"),
    ("team.xml", "Team"),
    ("team_message.xml", "TeamMessage"),
    ("team_messages.xml", "TeamMessages"),
    ("update_cti_error.xml", "Update"),
    ("update_dialogs_post.xml", "Update"),
    ("update_queue_delete.xml", "Update"),
    ("update_queue_put.xml", "Update"),
    ("update_team_message_post.xml", "Update"),
    ("update_team_put.xml", "Update"),
    ("update_team_users_put.xml", "Update"),
    ("update_user_put.xml", "Update"),
    ("update_user_queues_post.xml", "Update"),
    ("user_cce11.xml", "User"),
    ("user_doc_order.xml", "User"),
    ("user_notification.xml", "User"),
    ("workflows.xml", "Workflows"),
    ("wrap_up_reason.xml", "WrapUpReason"),
    ("wrap_up_reasons.xml", "WrapUpReasons"),
];

fn decode(kind: &str, xml: &[u8]) -> Result<Value, Error> {
    let json = |v: Result<Value, serde_json::Error>| v.expect("the model serializes");
    Ok(match kind {
        "ApiError" => json(serde_json::to_value(ApiError::from_xml(xml)?)),
        "ApiErrors" => json(serde_json::to_value(ApiError::list_from_xml(xml)?)),
        "Contacts" => json(serde_json::to_value(Contact::list_from_xml(xml)?)),
        "Dialog" => json(serde_json::to_value(Dialog::from_xml(xml)?)),
        "Dialogs" => json(serde_json::to_value(Dialog::list_from_xml(xml)?)),
        "MediaPropertiesLayout" => {
            json(serde_json::to_value(MediaPropertiesLayout::from_xml(xml)?))
        }
        "MediaPropertiesLayouts" => json(serde_json::to_value(
            MediaPropertiesLayout::list_from_xml(xml)?,
        )),
        "PhoneBooks" => json(serde_json::to_value(PhoneBook::list_from_xml(xml)?)),
        "PubSubMessage" => json(serde_json::to_value(PubSubMessage::from_xml(xml)?)),
        "Queue" => json(serde_json::to_value(Queue::from_xml(xml)?)),
        "Queues" => json(serde_json::to_value(Queue::list_from_xml(xml)?)),
        "ReasonCode" => json(serde_json::to_value(ReasonCode::from_xml(xml)?)),
        "ReasonCodes" => json(serde_json::to_value(ReasonCode::list_from_xml(xml)?)),
        "SystemInfo" => json(serde_json::to_value(SystemInfo::from_xml(xml)?)),
        "Team" => json(serde_json::to_value(Team::from_xml(xml)?)),
        "TeamMessage" => json(serde_json::to_value(TeamMessage::from_xml(xml)?)),
        "TeamMessages" => json(serde_json::to_value(TeamMessage::list_from_xml(xml)?)),
        "Update" => json(serde_json::to_value(Event::from_update_xml(xml)?)),
        "User" => json(serde_json::to_value(User::from_xml(xml)?)),
        "Workflows" => json(serde_json::to_value(Workflow::list_from_xml(xml)?)),
        "WrapUpReason" => json(serde_json::to_value(WrapUpReason::from_xml(xml)?)),
        "WrapUpReasons" => json(serde_json::to_value(WrapUpReason::list_from_xml(xml)?)),
        _ => panic!("unknown kind {kind}"),
    })
}

fn documents() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/documents")
}

#[test]
fn every_document_decodes_to_its_record() {
    let update = std::env::var_os("FINESSE_UPDATE_EXPECTED").is_some();
    let expected = documents().join("expected");
    let index: Vec<Value> = DOCUMENTS
        .iter()
        .map(|(document, kind)| json!({ "document": document, "kind": kind }))
        .collect();
    let mut records = vec![(
        expected.join("index.json"),
        serde_json::to_string_pretty(&index).unwrap() + "\n",
    )];
    for (document, kind) in DOCUMENTS {
        let xml = std::fs::read(documents().join(document)).unwrap();
        let value = decode(kind, &xml).unwrap_or_else(|e| panic!("{document}: {e}"));
        let name = document.replace(".xml", ".json");
        records.push((
            expected.join(name),
            serde_json::to_string_pretty(&value).unwrap() + "\n",
        ));
    }
    for (path, text) in records {
        if update {
            std::fs::create_dir_all(&expected).unwrap();
            std::fs::write(&path, text).unwrap();
        } else {
            let found = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(
                found,
                text,
                "{} differs from the decoded document (a deliberate change? rewrite with \
                 FINESSE_UPDATE_EXPECTED=1)",
                path.display()
            );
        }
    }
}

#[test]
fn every_document_of_the_folder_is_recorded() {
    let mut found: Vec<String> = std::fs::read_dir(documents())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".xml"))
        .collect();
    found.sort();
    let listed: Vec<&str> = DOCUMENTS.iter().map(|(d, _)| *d).collect();
    assert_eq!(found, listed);
}
