//! `/finesse/api/Team/<id>`: a supervisor reads a team it supervises and its members' states
//! (DG12.5 p144-150 "Team"; DEVNET `team`).

use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::{ok_xml, reply};
use crate::engine::Engine;
use crate::errors::ApiError;
use crate::{xml_out, xml_team};

pub(super) async fn get(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(id) = path.map_err(|_| ApiError::not_found("Team"))?;
        let actor = w.authenticate(&headers)?;
        let members: Vec<_> = w.agents.values().filter(|a| a.cfg.team_id == id).collect();
        let supervisor = w.agents.get(&actor).filter(|a| a.cfg.is_supervisor());
        let supervised =
            supervisor.and_then(|s| s.cfg.supervised_teams.iter().find(|t| t.id == id));
        let name = match (supervised, members.first()) {
            (Some(t), _) => t.name.clone(),
            // "The team id is invalid. No such team exists": 404 (DG12.5 p150).
            (None, None) => return Err(ApiError::not_found(&id)),
            // A supervisor of other teams: Invalid Supervisor (DG12.5 "User API Errors",
            // reference 5.2); an agent has no Team API (as DG12.5 p98 refuses it other
            // users' objects).
            (None, Some(_)) if supervisor.is_some() => {
                return Err(ApiError::invalid_supervisor(&id));
            }
            (None, Some(_)) => return Err(ApiError::other_user(&id)),
        };
        ok_xml(xml_out::document(&xml_team::team(w, &id, &name, &members)))
    }))
}
