//! The Team resource: a supervisor's team and the state of each member.

use serde::Serialize;

use super::User;
use crate::error::Error;
use crate::limits::DecodeLimits;
use crate::xml::{XmlReader, decode_document};

/// A team (`/finesse/api/Team/<id>`), as a supervisor of the team reads it and as `<team>`
/// notifications carry it.
///
/// Each member is a summary of its User (uri, loginId, names, extension, dialogs, state,
/// pendingState, stateChangeTime and the reason code, DG12.5 p144 "Team"): fields the
/// summary does not carry are empty in the team's `users`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Team {
    /// The resource URI, e.g. `/finesse/api/Team/5007`.
    pub uri: String,
    /// The team id.
    pub id: String,
    /// The team name.
    pub name: String,
    /// The members, in the server's order.
    pub users: Vec<User>,
}

impl Team {
    /// Decodes a `Team` document (a GET answer, or the `<team>` of a notification).
    pub fn from_xml(xml: impl AsRef<[u8]>) -> Result<Team, Error> {
        Self::from_xml_with_limits(xml.as_ref(), DecodeLimits::DEFAULT)
    }

    pub(crate) fn from_xml_with_limits(xml: &[u8], limits: DecodeLimits) -> Result<Team, Error> {
        decode_document(xml, "Team", &[b"team"], limits, Team::read)
    }

    /// The member with this login id, if it is on the team.
    pub fn user(&self, login_id: &str) -> Option<&User> {
        self.users.iter().find(|u| u.login_id == login_id)
    }

    pub(crate) fn read(r: &mut XmlReader<'_>) -> Result<Team, Error> {
        let mut t = Team::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"uri" => t.uri = r.text()?,
                b"id" => t.id = r.text()?,
                b"name" => t.name = r.text()?,
                b"users" => t.users = r.list(b"user", User::read)?,
                _ => r.skip()?,
            }
        }
        Ok(t)
    }
}
