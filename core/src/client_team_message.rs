//! The TeamMessage APIs (Finesse 12.0 and later): a supervisor broadcasts a short message to
//! its teams, lists a team's active messages, and deletes one it sent.
//!
//! Sources: DG12.5 p202 "TeamMessage—Create a Team Message" and "—Delete a Team Message";
//! DEVNET `teammessage`, `teammessage-api-parameters` (content ≤ 255 characters, duration in
//! seconds), `teammessage-apis`; the Unified CCX 12.5(1) SU3 Features Guide, "Team Message"
//! (the desktop offers expiry times from 5 minutes to 23:55 hours).

use std::time::Duration;

use crate::client::Client;
use crate::error::Error;
use crate::http::Method;
use crate::model::TeamMessage;
use crate::validate;
use crate::xml::XmlWriter;

/// The longest content of a team message, in characters (DEVNET
/// `teammessage-api-parameters`: "A maximum of 255 characters are supported").
pub const TEAM_MESSAGE_MAX_CHARS: usize = 255;

/// The shortest display time of a team message: 5 minutes (CCX 12.5(1) SU3 Features Guide,
/// "Team Message": expiry times "starting at 5 minutes and ending at 23:55 hours").
pub const TEAM_MESSAGE_MIN_DURATION: Duration = Duration::from_secs(5 * 60);

/// The longest display time of a team message: 23 hours 55 minutes (same source).
pub const TEAM_MESSAGE_MAX_DURATION: Duration = Duration::from_secs(23 * 3600 + 55 * 60);

impl Client {
    /// A supervisor (or administrator) broadcasts `content` to the teams `team_ids`, shown on
    /// their agents' desktops for `duration` (`POST /finesse/api/TeamMessage`, Finesse 12.0 and
    /// later, DG12.5 p202). The agents' sessions receive it as
    /// [`Event::TeamMessageReceived`](crate::Event::TeamMessageReceived).
    ///
    /// Checked before sending, naming the field, with nothing sent: `content` not empty and at
    /// most [`TEAM_MESSAGE_MAX_CHARS`] characters; at least one team, each a valid id;
    /// `duration` whole seconds between [`TEAM_MESSAGE_MIN_DURATION`] and
    /// [`TEAM_MESSAGE_MAX_DURATION`].
    ///
    /// Returns the message as the server answers it (with its id, when the server gives one;
    /// otherwise the fields sent). A 207 ("partially succeeded": created, but perhaps not
    /// shown to agents signed in to the other node, DG12.5 p202) counts as sent. Refusals:
    /// a user who is not a supervisor (401), an unknown team (404), too many active messages
    /// (`System Resource Limit Exceeded`, `MAX_ACTIVE_MESSAGE_LIMIT_EXCEEDED`).
    pub fn send_team_message(
        &self,
        content: &str,
        duration: Duration,
        team_ids: &[&str],
    ) -> Result<TeamMessage, Error> {
        let seconds = validate_team_message(content, duration, team_ids)?;
        let mut w = XmlWriter::new("TeamMessage");
        w.element("duration", &seconds.to_string());
        w.element("content", content);
        w.open("teams");
        for team in team_ids {
            w.element("team", team);
        }
        w.close("teams");
        let body = w.finish("TeamMessage");
        let request_id = uuid::Uuid::new_v4().to_string();
        let (_, answer) = self.http().send_for_answer(
            Method::Post,
            "/finesse/api/TeamMessage",
            body,
            &request_id,
        )?;
        let sent = TeamMessage {
            duration: Some(seconds as i64),
            content: content.to_owned(),
            teams: team_ids.iter().map(|t| (*t).to_owned()).collect(),
            ..TeamMessage::default()
        };
        if answer.iter().all(u8::is_ascii_whitespace) {
            return Ok(sent);
        }
        TeamMessage::from_xml_with_limits(&answer, self.http().limits())
    }

    /// Lists the active messages of a team (`GET /finesse/api/Team/<id>/TeamMessages`, 12.0
    /// and later): those not yet expired nor deleted. DEVNET `teammessage` documents that the
    /// APIs "return all active messages for a team"; the path is the emulator's, as the page of
    /// the request was not found.
    pub fn team_messages(&self, team_id: &str) -> Result<Vec<TeamMessage>, Error> {
        validate::path_segment("team_id", team_id)?;
        let body = self
            .http()
            .get(&format!("/finesse/api/Team/{team_id}/TeamMessages"))?;
        TeamMessage::list_from_xml_with_limits(&body, self.http().limits())
    }

    /// The supervisor who sent a message (or an administrator) deletes it before it expires
    /// (`DELETE /finesse/api/TeamMessage/<id>`, DG12.5 p202 "TeamMessage—Delete a Team
    /// Message"): agents stop showing it.
    pub fn delete_team_message(&self, message_id: &str) -> Result<(), Error> {
        validate::path_segment("message_id", message_id)?;
        let request_id = uuid::Uuid::new_v4().to_string();
        self.http()
            .send_for_answer(
                Method::Delete,
                &format!("/finesse/api/TeamMessage/{message_id}"),
                String::new(),
                &request_id,
            )
            .map(drop)
    }
}

/// Checks a team message before it is sent; returns its duration in seconds.
fn validate_team_message(
    content: &str,
    duration: Duration,
    team_ids: &[&str],
) -> Result<u64, Error> {
    if content.trim().is_empty() {
        return Err(Error::invalid("content", "must not be empty"));
    }
    let chars = content.chars().count();
    if chars > TEAM_MESSAGE_MAX_CHARS {
        return Err(Error::invalid(
            "content",
            format!("{chars} characters; at most {TEAM_MESSAGE_MAX_CHARS} are supported"),
        ));
    }
    if team_ids.is_empty() {
        return Err(Error::invalid("team_ids", "at least one team is needed"));
    }
    for team in team_ids {
        validate::path_segment("team_ids", team)?;
    }
    if duration.subsec_nanos() != 0 {
        return Err(Error::invalid("duration", "must be whole seconds"));
    }
    if duration < TEAM_MESSAGE_MIN_DURATION || duration > TEAM_MESSAGE_MAX_DURATION {
        return Err(Error::invalid(
            "duration",
            format!(
                "{} s; between {} s (5 minutes) and {} s (23:55 hours)",
                duration.as_secs(),
                TEAM_MESSAGE_MIN_DURATION.as_secs(),
                TEAM_MESSAGE_MAX_DURATION.as_secs()
            ),
        ));
    }
    Ok(duration.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_name_the_field() {
        let ok = Duration::from_secs(600);
        let field = |r: Result<u64, Error>| match r {
            Err(Error::InvalidArgument { field, .. }) => field,
            other => panic!("expected an invalid argument, got {other:?}"),
        };
        assert_eq!(validate_team_message("hi", ok, &["5007"]).unwrap(), 600);
        assert_eq!(field(validate_team_message("", ok, &["5007"])), "content");
        let long = "é".repeat(256);
        assert_eq!(
            field(validate_team_message(&long, ok, &["5007"])),
            "content"
        );
        assert!(validate_team_message(&"é".repeat(255), ok, &["5007"]).is_ok());
        assert_eq!(field(validate_team_message("hi", ok, &[])), "team_ids");
        assert_eq!(
            field(validate_team_message("hi", ok, &["50/07"])),
            "team_ids"
        );
        let short = Duration::from_secs(299);
        assert_eq!(
            field(validate_team_message("hi", short, &["5007"])),
            "duration"
        );
        let long = Duration::from_secs(86_101);
        assert_eq!(
            field(validate_team_message("hi", long, &["5007"])),
            "duration"
        );
        let fraction = Duration::from_millis(300_500);
        assert_eq!(
            field(validate_team_message("hi", fraction, &["5007"])),
            "duration"
        );
    }
}
