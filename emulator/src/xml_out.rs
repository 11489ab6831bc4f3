//! The documents the server writes: element order as a real server emits it (mostly
//! alphabetical), empty strings as `<x></x>`, empty lists as `<X/>`, text escaped.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::config::{ReasonCode, WrapUpReason};
use crate::errors::{ApiError, CtiError};
use crate::release::Release;
use crate::state::World;
use crate::state::agent::Agent;
use crate::state::dialog::Dialog;

const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// A REST response body: the declaration, then the document.
pub(crate) fn document(body: &str) -> String {
    format!("{DECLARATION}{body}")
}

/// `YYYY-MM-DDThh:mm:ss.SSSZ` in UTC.
pub(crate) fn timestamp(t: SystemTime) -> String {
    let since = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs();
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60,
        since.subsec_millis()
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

/// Escapes text or an attribute value; characters XML 1.0 cannot carry are left out.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

/// A small forward-only XML writer.
pub(crate) struct Xml(pub(crate) String);

impl Xml {
    pub(crate) fn new() -> Xml {
        Xml(String::with_capacity(512))
    }

    pub(crate) fn open(&mut self, name: &str) -> &mut Self {
        self.0.push('<');
        self.0.push_str(name);
        self.0.push('>');
        self
    }

    pub(crate) fn close(&mut self, name: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(name);
        self.0.push('>');
        self
    }

    pub(crate) fn leaf(&mut self, name: &str, text: &str) -> &mut Self {
        self.open(name);
        escape_into(&mut self.0, text);
        self.close(name)
    }

    pub(crate) fn raw(&mut self, xml: &str) -> &mut Self {
        self.0.push_str(xml);
        self
    }

    pub(crate) fn finish(self) -> String {
        self.0
    }
}

pub(crate) fn api_errors(e: &ApiError) -> String {
    let mut x = Xml::new();
    x.open("ApiErrors")
        .open("ApiError")
        .leaf("ErrorType", e.error_type)
        .leaf("ErrorData", &e.data)
        .leaf("ErrorMessage", &e.message)
        .close("ApiError")
        .close("ApiErrors");
    document(&x.finish())
}

/// The asynchronous form uses lower-camel names, in the order a real CCE 12.5 writes them
/// (recorded: pokornyIt/finesse-api `XMPP/error-invalid-line.xml`), the peripheral fields
/// only when the platform gives them.
pub(crate) fn cti_error(e: &CtiError) -> String {
    let mut x = Xml::new();
    x.open("apiErrors").open("apiError");
    if let Some(p) = &e.peripheral {
        x.leaf("peripheralErrorCode", &p.code.to_string());
    }
    x.leaf("errorType", e.error_type)
        .leaf("errorMessage", e.error_message);
    if let Some(p) = &e.peripheral {
        x.leaf("peripheralErrorText", p.text)
            .leaf("peripheralErrorMsg", p.msg);
    }
    x.leaf("errorData", &e.error_data)
        .close("apiError")
        .close("apiErrors");
    x.finish()
}

pub(crate) fn update(data: &str, event: &str, request_id: &str, source: &str) -> String {
    let mut x = Xml::new();
    x.open("Update")
        .open("data")
        .raw(data)
        .close("data")
        .leaf("event", event)
        .leaf("requestId", request_id)
        .leaf("source", source)
        .close("Update");
    x.finish()
}

fn reason_code_embedded(x: &mut Xml, c: &ReasonCode, release: Release) {
    x.open("reasonCode")
        .leaf("category", c.category.as_str())
        .leaf("code", &c.code.to_string())
        .leaf("forAll", bool_str(c.for_all))
        .leaf("id", &c.id.to_string())
        .leaf("label", &c.label);
    if release.embeds_system_code() {
        x.leaf("systemCode", bool_str(c.system_code));
    }
    x.leaf("uri", &format!("/finesse/api/ReasonCode/{}", c.id))
        .close("reasonCode");
}

fn bool_str(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

/// The User document; `root` is `User` (REST) or `user` (notification).
pub(crate) fn user(world: &World, a: &Agent, root: &str) -> String {
    let id = &a.cfg.login_id;
    let mut x = Xml::new();
    x.open(root)
        .leaf("dialogs", &format!("/finesse/api/User/{id}/Dialogs"))
        .leaf("extension", &a.extension)
        .leaf("firstName", &a.cfg.first_name)
        .leaf("lastName", &a.cfg.last_name)
        .leaf("loginId", id)
        .leaf("loginName", &a.cfg.login_name)
        .leaf("mediaType", "1");
    if let Some(m) = &a.mobile_agent {
        x.open("mobileAgent")
            .leaf("mode", m.mode)
            .leaf("dialNumber", &m.dial_number)
            .close("mobileAgent");
    }
    x.leaf(
        "pendingState",
        a.pending.map(|(s, _)| s.as_str()).unwrap_or_default(),
    );
    let reason = a.reason.and_then(|r| world.find_reason_code(r, a.state));
    if let Some(code) = &reason {
        reason_code_embedded(&mut x, code, world.release);
    }
    x.leaf(
        "reasonCodeId",
        &reason.map_or_else(|| "-1".to_owned(), |c| c.id.to_string()),
    );
    x.open("roles");
    for role in &a.cfg.roles {
        x.leaf("role", role);
    }
    x.close("roles")
        .open("settings")
        .leaf("wrapUpOnIncoming", a.cfg.wrap_up_on_incoming.as_str())
        .leaf("wrapUpOnOutgoing", a.cfg.wrap_up_on_outgoing.as_str())
        .close("settings")
        .leaf("state", a.state.as_str())
        .leaf("stateChangeTime", &timestamp(a.state_change_time))
        .leaf("teamId", &a.cfg.team_id)
        .leaf("teamName", &a.cfg.team_name);
    if a.cfg.is_supervisor() {
        if a.cfg.supervised_teams.is_empty() {
            x.raw("<teams/>");
        } else {
            x.open("teams");
            for t in &a.cfg.supervised_teams {
                x.open("Team")
                    .leaf("id", &t.id)
                    .leaf("name", &t.name)
                    .leaf("uri", &format!("/finesse/api/Team/{}", t.id))
                    .close("Team");
            }
            x.close("teams");
        }
    }
    x.leaf("uri", &format!("/finesse/api/User/{id}"))
        .close(root);
    x.finish()
}

/// The Dialog document; `actions[i]` belongs to participant `i`.
pub(crate) fn dialog(d: &Dialog, actions: &[Vec<&str>], root: &str) -> String {
    let uri_of = |id: u64| format!("/finesse/api/Dialog/{id}");
    let mut x = Xml::new();
    x.open(root)
        .leaf(
            "associatedDialogUri",
            &d.associated.map(uri_of).unwrap_or_default(),
        )
        .leaf("fromAddress", &d.from_address)
        .leaf("id", &d.id.to_string())
        .open("mediaProperties")
        .leaf("DNIS", &d.dnis)
        .leaf("callType", &d.call_type)
        .leaf("dialedNumber", &d.dialed_number)
        .leaf("outboundClassification", "");
    if !d.queue_name.is_empty() {
        x.leaf("queueName", &d.queue_name);
    }
    if !d.queue_number.is_empty() {
        x.leaf("queueNumber", &d.queue_number);
    }
    if let Some(reason) = &d.wrap_up_reason {
        x.leaf("wrapUpReason", reason);
    }
    x.open("callvariables");
    for (name, value) in d.all_variables() {
        x.open("CallVariable")
            .leaf("name", &name)
            .leaf("value", value)
            .close("CallVariable");
    }
    x.close("callvariables")
        .close("mediaProperties")
        .leaf("mediaType", "Voice");
    if d.participants.is_empty() {
        x.raw("<participants/>");
    } else {
        x.open("participants");
        for (i, p) in d.participants.iter().enumerate() {
            x.open("Participant");
            match actions.get(i).filter(|a| !a.is_empty()) {
                None => x.raw("<actions/>"),
                Some(list) => {
                    x.open("actions");
                    for a in list {
                        x.leaf("action", a);
                    }
                    x.close("actions")
                }
            };
            x.leaf("mediaAddress", &p.address)
                .leaf(
                    "mediaAddressType",
                    if p.agent.is_some() {
                        "AGENT_DEVICE"
                    } else {
                        ""
                    },
                )
                .leaf("startTime", &timestamp(p.start_time))
                .leaf("state", p.state.as_str())
                .leaf("stateCause", p.cause)
                .leaf("stateChangeTime", &timestamp(p.state_change_time))
                .close("Participant");
        }
        x.close("participants");
    }
    if let Some(s) = d.secondary_id {
        x.leaf("secondaryId", &s.to_string());
    }
    x.leaf("state", d.state.as_str())
        .leaf("toAddress", &d.to_address)
        .leaf("uri", &uri_of(d.id))
        .close(root);
    x.finish()
}

/// `<Dialogs>` with already rendered `<Dialog>` items; `<Dialogs/>` when empty.
pub(crate) fn dialogs(items: &[String]) -> String {
    if items.is_empty() {
        return document("<Dialogs/>");
    }
    document(&format!("<Dialogs>{}</Dialogs>", items.concat()))
}

fn reason_code_listed(x: &mut Xml, c: &ReasonCode) {
    x.open("ReasonCode")
        .leaf("uri", &format!("/finesse/api/ReasonCode/{}", c.id))
        .leaf("id", &c.id.to_string())
        .leaf("category", c.category.as_str())
        .leaf("code", &c.code.to_string())
        .leaf("label", &c.label)
        .leaf("forAll", bool_str(c.for_all))
        .leaf("systemCode", bool_str(c.system_code))
        .close("ReasonCode");
}

pub(crate) fn reason_codes(category: &str, codes: &[ReasonCode]) -> String {
    let mut x = Xml::new();
    x.raw("<ReasonCodes category=\"");
    escape_into(&mut x.0, category);
    if codes.is_empty() {
        x.raw("\"/>");
        return document(&x.finish());
    }
    x.raw("\">");
    for c in codes {
        reason_code_listed(&mut x, c);
    }
    x.close("ReasonCodes");
    document(&x.finish())
}

pub(crate) fn reason_code(c: &ReasonCode) -> String {
    let mut x = Xml::new();
    reason_code_listed(&mut x, c);
    document(&x.finish())
}

fn wrap_up_reason_into(x: &mut Xml, r: &WrapUpReason) {
    x.open("WrapUpReason")
        .leaf("uri", &format!("/finesse/api/WrapUpReason/{}", r.id))
        .leaf("label", &r.label)
        .leaf("forAll", bool_str(r.for_all))
        .close("WrapUpReason");
}

pub(crate) fn wrap_up_reasons(reasons: &[WrapUpReason]) -> String {
    if reasons.is_empty() {
        return document("<WrapUpReasons/>");
    }
    let mut x = Xml::new();
    x.open("WrapUpReasons");
    for r in reasons {
        wrap_up_reason_into(&mut x, r);
    }
    x.close("WrapUpReasons");
    document(&x.finish())
}

pub(crate) fn wrap_up_reason(r: &WrapUpReason) -> String {
    let mut x = Xml::new();
    wrap_up_reason_into(&mut x, r);
    document(&x.finish())
}

/// A `<TeamMessage>` in the order of the guide's document (DEVNET `teammessage`).
pub(crate) fn team_message(m: &crate::state::TeamMessage) -> String {
    let mut x = Xml::new();
    x.open("TeamMessage")
        .leaf("uri", &format!("/finesse/api/TeamMessage/{}", m.id))
        .leaf("id", &m.id)
        .open("createdBy")
        .leaf("id", &m.created_by)
        .leaf("firstName", &m.first_name)
        .leaf("lastName", &m.last_name)
        .close("createdBy")
        .leaf("createdAt", &m.created_at.to_string())
        .leaf("duration", &m.duration.to_string())
        .leaf("content", &m.content)
        .open("teams");
    for team in &m.teams {
        x.leaf("team", team);
    }
    x.close("teams").close("TeamMessage");
    x.finish()
}

/// A team's messages: `<TeamMessages>` with each `<TeamMessage>`.
pub(crate) fn team_messages(messages: &[crate::state::TeamMessage]) -> String {
    let mut x = Xml::new();
    x.open("TeamMessages");
    for m in messages {
        x.raw(&team_message(m));
    }
    x.close("TeamMessages");
    x.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn timestamps_are_utc_with_millis() {
        let t = UNIX_EPOCH + Duration::from_millis(1_507_911_475_401);
        assert_eq!(timestamp(t), "2017-10-13T16:17:55.401Z");
        assert_eq!(timestamp(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
        assert_eq!(timestamp(leap), "2000-02-29T00:00:00.000Z");
    }

    #[test]
    fn escapes_text() {
        let mut s = String::new();
        escape_into(&mut s, "a<b>&\"'\u{1}c");
        assert_eq!(s, "a&lt;b&gt;&amp;&quot;&apos;c");
    }
}
