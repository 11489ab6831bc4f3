//! Parsing of request bodies (User and Dialog documents sent by clients).
//!
//! Documents type definitions are refused, depth and node count are capped (see
//! `limits`), and element text is kept exactly as sent: addresses must reach the dialog
//! unchanged.

use roxmltree::{Document, Node};

use crate::errors::ApiError;
use crate::limits::REST_XML_NODES;
use crate::xml_scan::{self, Refused};

/// `<User>` body of PUT User.
#[derive(Debug, Default)]
pub(crate) struct UserBody {
    pub state: Option<String>,
    pub extension: Option<String>,
    pub reason_code_id: Option<String>,
    pub mobile_agent: Option<MobileAgentBody>,
}

/// `<mobileAgent>` of a sign-in request.
#[derive(Debug, Default)]
pub(crate) struct MobileAgentBody {
    pub mode: Option<String>,
    pub dial_number: Option<String>,
}

/// `<mediaProperties>` of a Dialog request.
#[derive(Debug, Default)]
pub(crate) struct MediaBody {
    pub wrap_up_reason: Option<String>,
    pub variables: Vec<(String, String)>,
    /// Names of other child elements (never allowed on MAKE_CALL).
    pub other: Vec<String>,
}

/// `<Dialog>` body of POST Dialogs and PUT Dialog.
#[derive(Debug, Default)]
pub(crate) struct DialogBody {
    pub requested_action: Option<String>,
    pub from_address: Option<String>,
    pub to_address: Option<String>,
    pub target_media_address: Option<String>,
    /// BARGE_CALL's monitor dialog (DG12.5 p101).
    pub associated_dialog_uri: Option<String>,
    pub media: Option<MediaBody>,
    pub action_params: Vec<(String, String)>,
}

/// `<TeamMessage>` body of POST TeamMessage (DG12.5 p202).
#[derive(Debug, Default)]
pub(crate) struct TeamMessageBody {
    pub duration: Option<String>,
    pub content: Option<String>,
    pub teams: Vec<String>,
}

fn parse_doc<'a>(bytes: &'a [u8], root: &str) -> Result<Document<'a>, ApiError> {
    let text = std::str::from_utf8(bytes).map_err(|_| ApiError::bad_request("not UTF-8"))?;
    let doc = xml_scan::parse(text, REST_XML_NODES).map_err(|e| {
        ApiError::bad_request(match e {
            Refused::NotWellFormed => "not well-formed XML",
            Refused::TooDeep => "elements nested too deeply",
            Refused::TooLarge => "too many XML nodes",
        })
    })?;
    if doc.root_element().tag_name().name() != root {
        return Err(ApiError::bad_request(&format!(
            "root element must be {root}"
        )));
    }
    Ok(doc)
}

/// All text directly inside an element, entities decoded.
fn text(node: Node<'_, '_>) -> String {
    node.children()
        .filter(|c| c.is_text())
        .filter_map(|c| c.text())
        .collect()
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

fn child_text(node: Node<'_, '_>, name: &str) -> Option<String> {
    child(node, name).map(text)
}

/// `<X><name/><value/></X>` pairs under a list element.
fn name_value_pairs(list: Node<'_, '_>, item: &str) -> Result<Vec<(String, String)>, ApiError> {
    list.children()
        .filter(|c| c.is_element() && c.tag_name().name() == item)
        .map(|c| {
            let name =
                child_text(c, "name").ok_or_else(|| ApiError::bad_request("name missing"))?;
            Ok((name, child_text(c, "value").unwrap_or_default()))
        })
        .collect()
}

pub(crate) fn parse_user(bytes: &[u8]) -> Result<UserBody, ApiError> {
    let doc = parse_doc(bytes, "User")?;
    let root = doc.root_element();
    Ok(UserBody {
        state: child_text(root, "state"),
        extension: child_text(root, "extension"),
        reason_code_id: child_text(root, "reasonCodeId"),
        mobile_agent: child(root, "mobileAgent").map(|m| MobileAgentBody {
            mode: child_text(m, "mode"),
            dial_number: child_text(m, "dialNumber"),
        }),
    })
}

pub(crate) fn parse_dialog(bytes: &[u8]) -> Result<DialogBody, ApiError> {
    let doc = parse_doc(bytes, "Dialog")?;
    let root = doc.root_element();
    let media = match child(root, "mediaProperties") {
        None => None,
        Some(m) => {
            let mut body = MediaBody::default();
            for c in m.children().filter(|c| c.is_element()) {
                match c.tag_name().name() {
                    "wrapUpReason" => body.wrap_up_reason = Some(text(c)),
                    "callvariables" => body.variables = name_value_pairs(c, "CallVariable")?,
                    other => body.other.push(other.to_owned()),
                }
            }
            Some(body)
        }
    };
    let action_params = match child(root, "actionParams") {
        Some(list) => name_value_pairs(list, "ActionParam")?,
        None => Vec::new(),
    };
    Ok(DialogBody {
        requested_action: child_text(root, "requestedAction"),
        from_address: child_text(root, "fromAddress"),
        to_address: child_text(root, "toAddress"),
        target_media_address: child_text(root, "targetMediaAddress"),
        associated_dialog_uri: child_text(root, "associatedDialogUri"),
        media,
        action_params,
    })
}

pub(crate) fn parse_team_message(bytes: &[u8]) -> Result<TeamMessageBody, ApiError> {
    let doc = parse_doc(bytes, "TeamMessage")?;
    let root = doc.root_element();
    Ok(TeamMessageBody {
        duration: child_text(root, "duration"),
        content: child_text(root, "content"),
        teams: child(root, "teams")
            .map(|list| {
                list.children()
                    .filter(|c| c.is_element() && c.tag_name().name() == "team")
                    .map(text)
                    .collect()
            })
            .unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_address_text_verbatim() {
        let body = br#"<Dialog><requestedAction>MAKE_CALL</requestedAction><toAddress> +1 (800) FLOWERS &amp; co</toAddress></Dialog>"#;
        let d = parse_dialog(body).expect("valid body");
        assert_eq!(d.to_address.as_deref(), Some(" +1 (800) FLOWERS & co"));
    }

    #[test]
    fn refuses_dtd() {
        let body = br#"<?xml version="1.0"?><!DOCTYPE User [<!ENTITY a "aaaa">]><User><state>&a;</state></User>"#;
        assert_eq!(parse_user(body).map(|_| ()).unwrap_err().status, 400);
    }

    #[test]
    fn refuses_wrong_root_and_garbage() {
        assert!(parse_user(b"<Dialog/>").is_err());
        assert!(parse_user(b"<User><state>").is_err());
        assert!(parse_user(&[0xff, 0xfe]).is_err());
        assert!(parse_user(b"").is_err());
    }

    #[test]
    fn refuses_deep_bodies_without_recursion() {
        let deep = format!("<User><state>{}", "<a>".repeat(100_000));
        let e = parse_user(deep.as_bytes()).map(|_| ()).unwrap_err();
        assert_eq!(
            (e.status, e.data.as_str()),
            (400, "elements nested too deeply")
        );
    }

    #[test]
    fn reads_call_variables_and_params() {
        let body = br#"<Dialog><requestedAction>SEND_DTMF</requestedAction>
            <mediaProperties><wrapUpReason>Sales</wrapUpReason><callvariables>
            <CallVariable><name>callVariable1</name><value>x</value></CallVariable>
            <CallVariable><name>user.a[0]</name></CallVariable></callvariables></mediaProperties>
            <actionParams><ActionParam><name>dtmfString</name><value>12#</value></ActionParam></actionParams>
            </Dialog>"#;
        let d = parse_dialog(body).expect("valid body");
        let m = d.media.expect("media");
        assert_eq!(m.wrap_up_reason.as_deref(), Some("Sales"));
        assert_eq!(
            m.variables,
            vec![
                ("callVariable1".to_owned(), "x".to_owned()),
                ("user.a[0]".to_owned(), String::new())
            ]
        );
        assert_eq!(
            d.action_params,
            vec![("dtmfString".to_owned(), "12#".to_owned())]
        );
    }
}
