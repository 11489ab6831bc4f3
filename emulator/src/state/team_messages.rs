//! Team messages (Finesse 12.0 and later): a supervisor's broadcast to its teams, kept until
//! it expires or its sender deletes it, and published to the teams' nodes.
//!
//! Sources: DG12.5 p202 "TeamMessage—Create a Team Message" (supervisors or administrators;
//! 200, 207, 401, 404, 500, 503; the limit error `System Resource Limit Exceeded` /
//! `teammessage.max.limit.exceeded` / `MAX_ACTIVE_MESSAGE_LIMIT_EXCEEDED`) and "—Delete a
//! Team Message" (the supervisor who created it, by its id); DEVNET `teammessage` (the
//! document) and `teammessage-api-parameters` (content ≤ 255 characters, `createdAt` and
//! `duration` in seconds). The notification node is not documented in what was found: the
//! emulator publishes on `/finesse/api/Team/<id>/TeamMessages` [infer], which the team's
//! members and supervisors may subscribe to.

use std::time::{Duration, SystemTime};

use super::{Change, World};
use crate::errors::ApiError;
use crate::limits::{MAX_ACTIVE_TEAM_MESSAGES, MAX_TEAM_MESSAGE_DURATION};
use crate::xml_in::TeamMessageBody;

/// The longest content, in characters (DEVNET `teammessage-api-parameters`).
const MAX_CONTENT_CHARS: usize = 255;

/// A message as the server keeps it.
#[derive(Clone, Debug)]
pub(crate) struct TeamMessage {
    pub id: String,
    pub created_by: String,
    pub first_name: String,
    pub last_name: String,
    /// Seconds since the Unix epoch.
    pub created_at: u64,
    /// Seconds.
    pub duration: u64,
    pub content: String,
    pub teams: Vec<String>,
}

impl TeamMessage {
    fn active(&self, now: u64) -> bool {
        now < self.created_at.saturating_add(self.duration)
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_secs()
}

impl World {
    /// The node a team's messages are published on [infer].
    pub fn team_message_node(team: &str) -> String {
        format!("/finesse/api/Team/{team}/TeamMessages")
    }

    /// Whether the user is a member or a supervisor of the team: who may read its messages
    /// and its TeamResource lists.
    pub fn member_or_supervisor(&self, login_id: &str, team: &str) -> bool {
        self.agents.get(login_id).is_some_and(|a| {
            a.cfg.team_id == team
                || (a.cfg.is_supervisor() && a.cfg.supervised_teams.iter().any(|t| t.id == team))
        })
    }

    /// A supervisor sends a message to teams it supervises: checked, kept and published.
    pub fn create_team_message(
        &mut self,
        actor: &str,
        body: TeamMessageBody,
        request_id: &str,
    ) -> Result<TeamMessage, ApiError> {
        let sender = self
            .agents
            .get(actor)
            .filter(|a| a.cfg.is_supervisor())
            // "Supervisors or administrators can use this API" (DG12.5 p202): an agent gets
            // the API's 401 Authorization Failure.
            .ok_or_else(|| ApiError::unauthorized(actor))?;
        let (first_name, last_name) = (sender.cfg.first_name.clone(), sender.cfg.last_name.clone());
        let content = body
            .content
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| ApiError::parameter_missing("content"))?;
        if content.chars().count() > MAX_CONTENT_CHARS {
            return Err(ApiError::invalid_input("content"));
        }
        let duration = body
            .duration
            .ok_or_else(|| ApiError::parameter_missing("duration"))?
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|d| (1..=MAX_TEAM_MESSAGE_DURATION).contains(d))
            .ok_or_else(|| ApiError::invalid_input("duration"))?;
        if body.teams.is_empty() {
            return Err(ApiError::parameter_missing("teams"));
        }
        let mut teams: Vec<String> = Vec::new();
        for team in body.teams {
            let team = team.trim().to_owned();
            if !self.team_exists(&team) {
                return Err(ApiError::not_found(&team));
            }
            if !self.supervises(actor, &team) {
                return Err(ApiError::invalid_supervisor(&team));
            }
            if !teams.contains(&team) {
                teams.push(team);
            }
        }
        let now = now();
        self.team_messages.retain(|m| m.active(now));
        if self.team_messages.len() >= MAX_ACTIVE_TEAM_MESSAGES {
            return Err(ApiError::team_message_limit());
        }
        let message = TeamMessage {
            id: uuid::Uuid::new_v4().to_string(),
            created_by: actor.to_owned(),
            first_name,
            last_name,
            created_at: now,
            duration,
            content,
            teams,
        };
        self.team_messages.push(message.clone());
        self.changes.push(Change::TeamMessage {
            message: Box::new(message.clone()),
            event: "POST",
            request_id: request_id.to_owned(),
        });
        Ok(message)
    }

    /// A team's active messages, oldest first.
    pub fn active_team_messages(&mut self, team: &str) -> Vec<TeamMessage> {
        let now = now();
        self.team_messages.retain(|m| m.active(now));
        self.team_messages
            .iter()
            .filter(|m| m.teams.iter().any(|t| t == team))
            .cloned()
            .collect()
    }

    /// An active message the user may read: its sender, or a reader of one of its teams.
    pub fn team_message(&mut self, actor: &str, id: &str) -> Result<TeamMessage, ApiError> {
        let now = now();
        self.team_messages.retain(|m| m.active(now));
        let message = self
            .team_messages
            .iter()
            .find(|m| m.id == id)
            .ok_or_else(|| ApiError::not_found(id))?;
        let allowed = message.created_by == actor
            || message
                .teams
                .iter()
                .any(|t| self.member_or_supervisor(actor, t));
        if !allowed {
            return Err(ApiError::other_user(id));
        }
        Ok(message.clone())
    }

    /// The sender deletes its message (DG12.5 p202); it is published as deleted [infer].
    pub fn delete_team_message(
        &mut self,
        actor: &str,
        id: &str,
        request_id: &str,
    ) -> Result<(), ApiError> {
        let now = now();
        self.team_messages.retain(|m| m.active(now));
        let index = self
            .team_messages
            .iter()
            .position(|m| m.id == id)
            .ok_or_else(|| ApiError::not_found(id))?;
        if self.team_messages[index].created_by != actor {
            return Err(ApiError::unauthorized(actor));
        }
        let message = self.team_messages.remove(index);
        self.changes.push(Change::TeamMessage {
            message: Box::new(message),
            event: "DELETE",
            request_id: request_id.to_owned(),
        });
        Ok(())
    }
}
