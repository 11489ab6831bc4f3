//! The User resource: an agent or supervisor, their state and their device.

use serde::Serialize;

use super::{AgentState, ReasonCode, WrapUpMode, non_empty, number};
use crate::error::Error;
use crate::limits::DecodeLimits;
use crate::xml::{XmlReader, decode_document};

/// An agent or supervisor (`/finesse/api/User/<id>`), as a GET returns it and as user
/// notifications carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct User {
    /// The resource URI, e.g. `/finesse/api/User/1001`.
    pub uri: String,
    /// The agent id used in URIs.
    pub login_id: String,
    /// The sign-in name (may differ from the id on CCE).
    pub login_name: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// The extension signed in with; `None` when signed out.
    pub extension: Option<String>,
    /// The URI of the user's Dialogs collection.
    pub dialogs_uri: String,
    /// Roles: `Agent`, `Supervisor`.
    pub roles: Vec<String>,
    /// The current state.
    pub state: AgentState,
    /// The state the agent enters when the current call ends, if one was requested.
    pub pending_state: Option<AgentState>,
    /// When the state last changed (`YYYY-MM-DDThh:mm:ss.SSSZ`); may be absent after failover.
    pub state_change_time: Option<String>,
    /// The Finesse id of the current NOT_READY or LOGOUT reason; `None` when there is none
    /// (the server writes `-1`).
    pub reason_code_id: Option<i64>,
    /// The current reason, when the server includes it.
    pub reason_code: Option<ReasonCode>,
    /// Wrap-up and device settings.
    pub settings: UserSettings,
    /// The agent's own team id.
    pub team_id: Option<String>,
    /// The agent's own team name.
    pub team_name: Option<String>,
    /// Teams a supervisor supervises.
    pub teams: Vec<TeamRef>,
    /// The voice media routing domain id (`1`).
    pub media_type: Option<String>,
    /// The CCE skill target id.
    pub skill_target_id: Option<String>,
    /// Mobile agent settings, when signed in as a mobile agent.
    pub mobile_agent: Option<MobileAgent>,
    /// The active device, on multi-line deployments.
    pub active_device_id: Option<String>,
    /// Whether the member is on a call, `BUSY` or `IDLE`: written only for the users of a
    /// Team document on CCX (DG12.5 p150, Team API parameters).
    pub media_state: Option<String>,
}

/// A user's wrap-up and device settings (`User/settings`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UserSettings {
    /// Wrap-up after incoming calls.
    pub wrap_up_on_incoming: Option<WrapUpMode>,
    /// Wrap-up after outgoing calls.
    pub wrap_up_on_outgoing: Option<WrapUpMode>,
    /// Device selection mode, on multi-line deployments.
    pub device_selection: Option<String>,
}

/// A team a supervisor supervises (`User/teams/Team`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TeamRef {
    /// Team id.
    pub id: String,
    /// Team name.
    pub name: String,
    /// Team URI.
    pub uri: String,
}

/// Mobile agent settings (`User/mobileAgent`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MobileAgent {
    /// `CALL_BY_CALL` or `NAILED_CONNECTION`.
    pub mode: String,
    /// The number the agent is reached at.
    pub dial_number: String,
}

impl User {
    /// Decodes a `User` document (a GET answer, or the `<user>` of a notification).
    pub fn from_xml(xml: impl AsRef<[u8]>) -> Result<User, Error> {
        Self::from_xml_with_limits(xml.as_ref(), DecodeLimits::DEFAULT)
    }

    pub(crate) fn from_xml_with_limits(xml: &[u8], limits: DecodeLimits) -> Result<User, Error> {
        decode_document(xml, "User", &[b"user"], limits, User::read)
    }

    /// Whether the agent is signed in.
    pub fn is_signed_in(&self) -> bool {
        self.state != AgentState::Logout
    }

    pub(crate) fn read(r: &mut XmlReader<'_>) -> Result<User, Error> {
        let mut u = User {
            uri: String::new(),
            login_id: String::new(),
            login_name: String::new(),
            first_name: String::new(),
            last_name: String::new(),
            extension: None,
            dialogs_uri: String::new(),
            roles: Vec::new(),
            state: AgentState::Unknown,
            pending_state: None,
            state_change_time: None,
            reason_code_id: None,
            reason_code: None,
            settings: UserSettings::default(),
            team_id: None,
            team_name: None,
            teams: Vec::new(),
            media_type: None,
            skill_target_id: None,
            mobile_agent: None,
            active_device_id: None,
            media_state: None,
        };
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"uri" => u.uri = r.text()?,
                b"loginid" => u.login_id = r.text()?,
                b"loginname" => u.login_name = r.text()?,
                b"firstname" => u.first_name = r.text()?,
                b"lastname" => u.last_name = r.text()?,
                b"extension" => u.extension = non_empty(r.text()?),
                b"dialogs" => u.dialogs_uri = r.text()?,
                b"roles" => u.roles = r.text_list(b"role")?,
                b"state" => u.state = AgentState::parse(&r.text()?),
                b"pendingstate" => {
                    u.pending_state = non_empty(r.text()?).map(|s| AgentState::parse(&s))
                }
                b"statechangetime" => u.state_change_time = non_empty(r.text()?),
                b"reasoncodeid" => u.reason_code_id = number(&r.text()?).filter(|id| *id >= 0),
                // Sources disagree on the case of this element; names are matched ignoring case.
                b"reasoncode" => u.reason_code = Some(ReasonCode::read(r)?),
                b"settings" => u.settings = read_settings(r)?,
                b"teamid" => u.team_id = non_empty(r.text()?),
                b"teamname" => u.team_name = non_empty(r.text()?),
                b"teams" => u.teams = r.list(b"team", read_team)?,
                b"mediatype" => u.media_type = non_empty(r.text()?),
                b"skilltargetid" => u.skill_target_id = non_empty(r.text()?),
                b"mobileagent" => u.mobile_agent = Some(read_mobile_agent(r)?),
                b"activedeviceid" => u.active_device_id = non_empty(r.text()?),
                b"mediastate" => u.media_state = non_empty(r.text()?),
                _ => r.skip()?,
            }
        }
        Ok(u)
    }
}

fn read_settings(r: &mut XmlReader<'_>) -> Result<UserSettings, Error> {
    let mut s = UserSettings::default();
    while let Some(name) = r.next_child()? {
        match name.as_bytes() {
            b"wrapuponincoming" => {
                s.wrap_up_on_incoming = non_empty(r.text()?).map(|v| WrapUpMode::parse(&v))
            }
            b"wrapuponoutgoing" => {
                s.wrap_up_on_outgoing = non_empty(r.text()?).map(|v| WrapUpMode::parse(&v))
            }
            b"deviceselection" => s.device_selection = non_empty(r.text()?),
            _ => r.skip()?,
        }
    }
    Ok(s)
}

fn read_team(r: &mut XmlReader<'_>) -> Result<TeamRef, Error> {
    let mut t = TeamRef::default();
    while let Some(name) = r.next_child()? {
        match name.as_bytes() {
            b"id" => t.id = r.text()?,
            b"name" => t.name = r.text()?,
            b"uri" => t.uri = r.text()?,
            _ => r.skip()?,
        }
    }
    Ok(t)
}

fn read_mobile_agent(r: &mut XmlReader<'_>) -> Result<MobileAgent, Error> {
    let mut m = MobileAgent::default();
    while let Some(name) = r.next_child()? {
        match name.as_bytes() {
            b"mode" => m.mode = r.text()?,
            b"dialnumber" => m.dial_number = r.text()?,
            _ => r.skip()?,
        }
    }
    Ok(m)
}
