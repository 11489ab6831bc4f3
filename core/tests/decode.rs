//! Decoding every document shape Finesse writes, forward-compatible ones, and hostile ones.

use std::time::{Duration, Instant};

use finesse_client::model::{CallType, DeploymentType, MediaAddressType, SystemStatus, WrapUpMode};
use finesse_client::{
    Action, AgentState, ApiError, Dialog, DialogState, Error, ErrorKind, ParticipantState,
    ReasonCode, ReasonCodeCategory, StateCause, SystemInfo, User, WrapUpReason,
};

fn doc(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/documents/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Decoding must fail with a decode error whose message mentions `needle`, quickly.
fn assert_decode_error<T: std::fmt::Debug>(result: Result<T, Error>, needle: &str) {
    match result {
        Err(Error::Decode(e)) => assert!(
            e.message.contains(needle),
            "expected {needle:?} in {:?}",
            e.message
        ),
        other => panic!("expected a decode error about {needle:?}, got {other:?}"),
    }
}

#[test]
fn user_as_cce11_writes_it() {
    let user = User::from_xml(doc("user_cce11.xml")).unwrap();
    assert_eq!(user.login_id, "1001");
    assert_eq!(user.login_name, "jdoe");
    assert_eq!(user.first_name, "Jane");
    assert_eq!(user.extension.as_deref(), Some("1001001"));
    assert_eq!(user.state, AgentState::NotReady);
    assert_eq!(user.pending_state, None);
    assert_eq!(user.reason_code_id, Some(49));
    let reason = user.reason_code.as_ref().unwrap();
    assert_eq!(reason.code, Some(201));
    assert_eq!(reason.label, "Prep Time");
    assert_eq!(reason.category, Some(ReasonCodeCategory::NotReady));
    assert_eq!(user.roles, ["Agent"]);
    assert_eq!(
        user.settings.wrap_up_on_incoming,
        Some(WrapUpMode::Required)
    );
    assert_eq!(user.team_name.as_deref(), Some("Sales"));
    assert_eq!(
        user.state_change_time.as_deref(),
        Some("2017-09-28T17:33:40.875Z")
    );
    assert_eq!(user.dialogs_uri, "/finesse/api/User/1001/Dialogs");
    assert!(user.is_signed_in());
}

#[test]
fn user_in_documentation_order_with_capital_reason_code_and_new_elements() {
    let user = User::from_xml(doc("user_doc_order.xml")).unwrap();
    assert_eq!(user.login_id, "1002");
    assert_eq!(user.state, AgentState::Talking);
    assert_eq!(user.pending_state, Some(AgentState::NotReady));
    assert_eq!(user.roles, ["Agent", "Supervisor"]);
    let reason = user
        .reason_code
        .as_ref()
        .expect("ReasonCode in either case");
    assert_eq!(reason.id, Some(22), "id taken from the URI");
    assert_eq!(reason.label, "Break & Lunch");
    assert_eq!(reason.system_code, Some(false));
    assert_eq!(reason.for_all, Some(false));
    assert_eq!(user.teams.len(), 2);
    assert_eq!(user.teams[1].name, "Support");
    let mobile = user.mobile_agent.as_ref().unwrap();
    assert_eq!(mobile.mode, "CALL_BY_CALL");
    assert_eq!(mobile.dial_number, "4085551234");
    assert_eq!(user.settings.device_selection.as_deref(), Some("FIXED"));
    assert_eq!(
        user.settings.wrap_up_on_outgoing,
        Some(WrapUpMode::NotAllowed)
    );
    assert_eq!(user.active_device_id.as_deref(), Some("SEP0011223344"));
    assert_eq!(user.skill_target_id.as_deref(), Some("5001"));
    assert_eq!(user.dialogs_uri, "/finesse/api/User/1002/Dialogs");
}

#[test]
fn user_notification_payload_with_unknown_state_and_no_reason() {
    let user = User::from_xml(doc("user_notification.xml")).unwrap();
    assert_eq!(
        user.state,
        AgentState::Other("ON_A_NEW_KIND_OF_BREAK".into())
    );
    assert_eq!(user.state.as_str(), "ON_A_NEW_KIND_OF_BREAK");
    assert_eq!(user.extension, None);
    assert_eq!(user.reason_code_id, None, "-1 means no reason");
    assert_eq!(user.pending_state, None);
    assert_eq!(user.state_change_time, None);
}

#[test]
fn dialog_as_cce11_writes_it() {
    let dialog = Dialog::from_xml(doc("dialog_cce11.xml")).unwrap();
    assert_eq!(dialog.id, "53149720");
    assert_eq!(dialog.state, DialogState::Alerting);
    assert_eq!(dialog.from_address, "335892");
    assert_eq!(dialog.to_address, "215194");
    assert_eq!(dialog.media_type, "Voice");
    assert_eq!(dialog.associated_dialog_uri, None);
    let media = &dialog.media_properties;
    assert_eq!(media.dnis.as_deref(), Some("215194"));
    assert_eq!(media.call_type, Some(CallType::OtherIn));
    assert_eq!(media.call_variables.len(), 10);
    assert_eq!(media.call_variables[9].name, "callVariable10");
    assert_eq!(media.call_variable("callVariable1"), Some(""));
    let agent = dialog.participant("215194").unwrap();
    assert_eq!(agent.state, ParticipantState::Alerting);
    assert_eq!(
        agent.media_address_type,
        Some(MediaAddressType::AgentDevice)
    );
    assert_eq!(agent.actions, [Action::Answer]);
    assert!(agent.can(&Action::Answer));
    assert_eq!(agent.state_cause, None);
    let caller = dialog.participant("335892").unwrap();
    assert_eq!(
        caller.media_address_type, None,
        "external party: empty type"
    );
    assert_eq!(caller.actions, [Action::UpdateCallData, Action::Drop]);
    assert_eq!(
        caller.start_time.as_deref(),
        Some("2017-10-13T16:17:55.401Z")
    );
}

#[test]
fn dialog_with_every_documented_field_and_unknown_ones() {
    let dialog = Dialog::from_xml(doc("dialog_doc_sample.xml")).unwrap();
    assert_eq!(dialog.id, "12345678");
    assert_eq!(dialog.secondary_id.as_deref(), Some("12345679"));
    assert_eq!(
        dialog.associated_dialog_uri.as_deref(),
        Some("/finesse/api/Dialog/321654")
    );
    assert_eq!(dialog.callback_number.as_deref(), Some("6135551212"));
    assert_eq!(dialog.state, DialogState::Active);
    let media = &dialog.media_properties;
    assert_eq!(media.media_id.as_deref(), Some("1"));
    assert_eq!(media.call_type, Some(CallType::AgentInside));
    assert_eq!(media.queue_number.as_deref(), Some("5022"));
    assert_eq!(media.queue_name.as_deref(), Some("UCM_PIM.Func.Agents.SG"));
    assert_eq!(media.call_key_call_id.as_deref(), Some("217"));
    assert_eq!(media.call_key_sequence_num.as_deref(), Some("1"));
    assert_eq!(media.call_key_prefix.as_deref(), Some("152018"));
    assert_eq!(media.call_guid.as_deref(), Some("A1B2C3D4"));
    assert_eq!(media.wrap_up_reason.as_deref(), Some("Sales Call"));
    assert_eq!(media.wrap_up_items, ["Wrong number", "Satisfied Customer"]);
    assert_eq!(media.call_variable("callVariable1"), Some("Chuck Smith"));
    assert_eq!(
        media.call_variable("callVariable3"),
        Some("<vip> \u{263A}"),
        "entities and character references resolved, child order free"
    );
    assert_eq!(media.call_variable("user.CustomerId"), Some("9"));
    assert_eq!(media.call_variable("user.Orders[1]"), Some("A-18"));
    assert_eq!(media.call_variable("BAStatus"), Some("PREDICTIVE_OUTBOUND"));
    let held = &dialog.participants[0];
    assert_eq!(held.state, ParticipantState::Held);
    assert!(held.can(&Action::Transfer));
    assert_eq!(
        held.actions.last(),
        Some(&Action::Other("START_VIDEO".into())),
        "unknown actions are kept"
    );
    let failed = &dialog.participants[1];
    assert_eq!(failed.state_cause, Some(StateCause::Busy));
    assert_eq!(
        failed.media_address_type,
        Some(MediaAddressType::Other("SOME_FUTURE_TYPE".into()))
    );
    let callback = dialog.scheduled_callback_info.as_ref().unwrap();
    assert_eq!(callback.callback_time.as_deref(), Some("2024-05-03T09:30"));
}

#[test]
fn dialogs_list_with_three_parties_and_ecc() {
    let dialogs = Dialog::list_from_xml(doc("dialogs_three_parties.xml")).unwrap();
    assert_eq!(dialogs.len(), 1);
    let d = &dialogs[0];
    assert_eq!(d.participants.len(), 3);
    assert_eq!(d.media_properties.call_variables.len(), 15);
    assert_eq!(
        d.media_properties.call_variable("callVariable6"),
        Some("acct-46")
    );
    assert_eq!(
        d.media_properties.call_variable("user.Orders[0]"),
        Some("A-17")
    );
    assert!(d.participants[0].can(&Action::SendDtmf));
}

#[test]
fn empty_dialogs_list() {
    assert!(
        Dialog::list_from_xml(doc("dialogs_empty.xml"))
            .unwrap()
            .is_empty()
    );
    assert!(
        Dialog::list_from_xml("<Dialogs></Dialogs>")
            .unwrap()
            .is_empty()
    );
}

#[test]
fn dialogs_notification_payload_keeps_the_dial_string_verbatim() {
    let dialogs = Dialog::list_from_xml(doc("dialogs_notification.xml")).unwrap();
    assert_eq!(dialogs[0].to_address, "(613) 555-1212 ext.9");
    assert_eq!(dialogs[0].state, DialogState::Initiating);
    assert_eq!(dialogs[0].media_properties.call_type, None);
    assert!(dialogs[0].media_properties.call_variables.is_empty());
}

#[test]
fn dialog_accepts_the_lowercase_notification_root() {
    let xml = String::from_utf8(doc("dialog_cce11.xml"))
        .unwrap()
        .replace("<Dialog>", "<dialog>")
        .replace("</Dialog>", "</dialog>");
    assert_eq!(Dialog::from_xml(xml).unwrap().id, "53149720");
}

#[test]
fn api_errors_in_every_child_order_and_case() {
    let errors = ApiError::list_from_xml(doc("api_errors_sync.xml")).unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].error_type, "Parameter Missing");
    assert_eq!(
        errors[0].error_data,
        "finesse.api.reasoncode.require_reasoncode"
    );
    assert_eq!(
        errors[0].error_message,
        "The state change requires a valid reason code."
    );

    let errors = ApiError::list_from_xml(doc("api_errors_multiple.xml")).unwrap();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0].error_data, "callVariable3");
    assert_eq!(errors[1].error_type, "Service Unavailable");
    assert_eq!(errors[1].error_message, "SERVER_OUT_OF_SERVICE");
    assert_eq!(errors[1].peripheral_error_code.as_deref(), Some("12005"));
    assert_eq!(
        errors[1].peripheral_error_msg.as_deref(),
        Some("CF_GENERIC")
    );
    assert_eq!(
        errors[1].peripheral_error_text.as_deref(),
        Some("Peripheral offline")
    );

    let errors = ApiError::list_from_xml(doc("api_errors_cti.xml")).unwrap();
    assert_eq!(errors[0].error_type, "Call Operation Failure");
    assert_eq!(errors[0].error_message, "CF_RESOURCE_OUT_OF_SERVICE");
    assert_eq!(errors[0].error_data, "34");
}

#[test]
fn system_info() {
    let info = SystemInfo::from_xml(doc("system_info.xml")).unwrap();
    assert_eq!(info.status, SystemStatus::InService);
    assert_eq!(info.status_reason, None);
    assert_eq!(info.deployment_type, Some(DeploymentType::Ucce));
    assert_eq!(info.primary_node.as_deref(), Some("fin-a.example.com"));
    assert_eq!(info.secondary_node.as_deref(), Some("fin-b.example.com"));
    // The ports 12.6 lists beside the host: side A has some, side B none.
    let ports = info.primary_node_ports.as_ref().unwrap();
    assert_eq!(
        (ports.https_port, ports.xmpp_port, ports.xmpp_secure_port),
        (Some(8445), Some(5222), None)
    );
    assert_eq!(info.secondary_node_ports, None);
    assert_eq!(info.xmpp_domain.as_deref(), Some("fin-a.example.com"));
    assert_eq!(
        info.xmpp_pub_sub_domain.as_deref(),
        Some("pubsub.fin-a.example.com")
    );
    assert_eq!(info.timezone_offset, Some(-300));
    assert_eq!(info.system_auth_mode.as_deref(), Some("NON_SSO"));
    assert_eq!(info.peripheral_id.as_deref(), Some("5000"));
}

#[test]
fn reason_codes_and_wrap_up_reasons() {
    let codes = ReasonCode::list_from_xml(doc("reason_codes.xml")).unwrap();
    assert_eq!(codes.len(), 2);
    assert_eq!(codes[0].id, Some(29));
    assert_eq!(codes[0].code, Some(201));
    assert_eq!(codes[1].id, Some(30), "from the URI when no id element");
    assert_eq!(codes[1].code, Some(50006));
    assert_eq!(codes[1].system_code, Some(true));
    let one = ReasonCode::from_xml(
        "<ReasonCode><uri>/finesse/api/ReasonCode/7</uri><label>x</label></ReasonCode>",
    )
    .unwrap();
    assert_eq!(one.id, Some(7));

    let reasons = WrapUpReason::list_from_xml(doc("wrap_up_reasons.xml")).unwrap();
    assert_eq!(reasons.len(), 2);
    assert_eq!(reasons[0].id, Some(1));
    assert_eq!(reasons[0].label, "Sales Call");
    assert_eq!(reasons[1].for_all, Some(false));
    assert_eq!(
        WrapUpReason::from_xml("<WrapUpReason><label>L</label></WrapUpReason>")
            .unwrap()
            .label,
        "L"
    );
}

#[test]
fn wrong_root_is_named() {
    assert_decode_error(
        User::from_xml(doc("dialog_cce11.xml")),
        "expected a <User> document, found <dialog>",
    );
}

#[test]
fn truncated_documents() {
    let full = doc("dialog_doc_sample.xml");
    // Every prefix that cuts the root element open must fail cleanly, never panic.
    for cut in (1..full.len() - 12).step_by(7) {
        let result = Dialog::from_xml(&full[..cut]);
        assert!(
            matches!(result, Err(Error::Decode(_))),
            "prefix of {cut} bytes: {result:?}"
        );
    }
    assert_decode_error(Dialog::from_xml(""), "no root element");
}

#[test]
fn entity_bomb_is_rejected_without_expansion() {
    let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<User><firstName>&lol9;</firstName></User>"#;
    let start = Instant::now();
    assert_decode_error(User::from_xml(bomb), "DOCTYPE");
    assert!(start.elapsed() < Duration::from_secs(1));
    // Without a DTD, an undeclared entity is an error too, never expanded or kept.
    assert_decode_error(
        User::from_xml("<User><firstName>&lol9;</firstName></User>"),
        "unknown entity &lol9;",
    );
    // An external entity never reaches the file system.
    assert_decode_error(
        User::from_xml("<!DOCTYPE u [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><User>&x;</User>"),
        "DOCTYPE",
    );
}

#[test]
fn deep_nesting_is_bounded() {
    let depth = 100_000;
    let xml = format!(
        "<User><x>{}{}</x></User>",
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    );
    assert_decode_error(User::from_xml(xml), "nested deeper than 32 levels");
}

#[test]
fn long_text_is_bounded() {
    let xml = format!("<User><firstName>{}</firstName></User>", "a".repeat(70_000));
    assert_decode_error(User::from_xml(xml), "text longer than 65536 bytes");
}

#[test]
fn oversize_documents_are_refused() {
    let xml = format!("<User><x>{}</x></User>", " ".repeat(5 * 1024 * 1024));
    assert_decode_error(User::from_xml(xml), "exceeds the 4194304-byte limit");
}

#[test]
fn invalid_utf8_is_refused() {
    let mut bytes = b"<User><firstName>Jos".to_vec();
    bytes.extend_from_slice(&[0xC3, 0x28]);
    bytes.extend_from_slice(b"</firstName></User>");
    assert_decode_error(User::from_xml(bytes), "invalid UTF-8 (at byte 22)");
}

#[test]
fn html_error_page_is_refused() {
    let result = ApiError::list_from_xml(doc("proxy_error.html"));
    assert_decode_error(result, "DOCTYPE");
    let without_doctype =
        "<html><head><title>502</title></head><body><h1>502 Bad Gateway</h1></body></html>";
    assert_decode_error(
        ApiError::list_from_xml(without_doctype),
        "expected a <ApiErrors> document, found <html>",
    );
}

#[test]
fn mismatched_tags_and_trailing_content() {
    let result = User::from_xml("<User><loginId>1</loginName></User>");
    assert!(matches!(result, Err(Error::Decode(_))), "{result:?}");
    assert_decode_error(
        User::from_xml("<User/><User/>"),
        "content after the root element",
    );
    assert_eq!(
        User::from_xml("<User/>").unwrap().state,
        AgentState::Unknown
    );
}

#[test]
fn decode_errors_have_a_kind_and_a_message() {
    let err = Dialog::from_xml("<Dialog>").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(err.to_string().starts_with("cannot decode Dialog document"));
}

#[test]
fn one_api_error_in_either_case() {
    let e = ApiError::from_xml(
        "<apiError><errorType>Invalid State</errorType><errorData>22</errorData></apiError>",
    )
    .unwrap();
    assert_eq!(e.error_type, "Invalid State");
    assert_eq!(e.error_data, "22");
    assert_eq!(
        ApiError::from_xml("<ApiError><ErrorType>Bad Request</ErrorType></ApiError>")
            .unwrap()
            .error_type,
        "Bad Request"
    );
}
