//! TeamMessage (Finesse 12.x): a short message a supervisor broadcasts to its teams, shown
//! on the desktops of the teams' agents for a while.

use serde::Serialize;

use super::number;
use crate::error::Error;
use crate::limits::DecodeLimits;
use crate::xml::{XmlReader, decode_document};

/// A team message (`/finesse/api/TeamMessage/<id>`, Finesse 12.0 and later), as the
/// TeamMessage APIs answer it and as its notification carries it.
///
/// The document (DEVNET `teammessage`, "The TeamMessage object is structured as follows";
/// fields in DEVNET `teammessage-api-parameters`):
/// `<TeamMessage><uri/><id/><createdBy><id/><firstName/><lastName/></createdBy><createdAt/>
/// <duration/><content/><teams><team/>…</teams></TeamMessage>`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TeamMessage {
    /// The resource URI, e.g. `/finesse/api/TeamMessage/be1598bb-bb2a-4dfc-8c01-91ec10b029af`.
    pub uri: String,
    /// The message id (a UUID).
    pub id: String,
    /// Who sent it (a supervisor or an administrator).
    pub created_by: Option<TeamMessageSender>,
    /// When it was sent, in seconds since the Unix epoch (UTC).
    pub created_at: Option<i64>,
    /// How long the desktop shows it, in seconds.
    pub duration: Option<i64>,
    /// The text, at most 255 characters.
    pub content: String,
    /// The ids of the teams it was sent to.
    pub teams: Vec<String>,
}

/// The sender of a team message (its `createdBy`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TeamMessageSender {
    /// The sender's login id.
    pub id: String,
    /// The sender's first name.
    pub first_name: String,
    /// The sender's last name.
    pub last_name: String,
}

impl TeamMessage {
    /// Decodes one `TeamMessage` document (an answer of the TeamMessage APIs, or the
    /// `<TeamMessage>` of a notification).
    pub fn from_xml(xml: impl AsRef<[u8]>) -> Result<TeamMessage, Error> {
        Self::from_xml_with_limits(xml.as_ref(), DecodeLimits::DEFAULT)
    }

    pub(crate) fn from_xml_with_limits(
        xml: &[u8],
        limits: DecodeLimits,
    ) -> Result<TeamMessage, Error> {
        decode_document(xml, "TeamMessage", &[b"teammessage"], limits, Self::read)
    }

    /// Decodes a `TeamMessages` list document: the messages of a team.
    pub fn list_from_xml(xml: impl AsRef<[u8]>) -> Result<Vec<TeamMessage>, Error> {
        Self::list_from_xml_with_limits(xml.as_ref(), DecodeLimits::DEFAULT)
    }

    pub(crate) fn list_from_xml_with_limits(
        xml: &[u8],
        limits: DecodeLimits,
    ) -> Result<Vec<TeamMessage>, Error> {
        decode_document(xml, "TeamMessages", &[b"teammessages"], limits, |r| {
            r.list(b"teammessage", Self::read)
        })
    }

    pub(crate) fn read(r: &mut XmlReader<'_>) -> Result<TeamMessage, Error> {
        let mut m = TeamMessage::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"uri" => m.uri = r.text()?,
                b"id" => m.id = r.text()?,
                b"createdby" => m.created_by = Some(TeamMessageSender::read(r)?),
                b"createdat" => m.created_at = number(&r.text()?),
                b"duration" => m.duration = number(&r.text()?),
                b"content" => m.content = r.text()?,
                b"teams" => m.teams = r.text_list(b"team")?,
                _ => r.skip()?,
            }
        }
        Ok(m)
    }
}

impl TeamMessageSender {
    fn read(r: &mut XmlReader<'_>) -> Result<TeamMessageSender, Error> {
        let mut s = TeamMessageSender::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"id" => s.id = r.text()?,
                b"firstname" => s.first_name = r.text()?,
                b"lastname" => s.last_name = r.text()?,
                _ => r.skip()?,
            }
        }
        Ok(s)
    }
}
