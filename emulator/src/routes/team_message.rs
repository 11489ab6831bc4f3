//! The TeamMessage APIs (Finesse 12.0 and later): `POST /finesse/api/TeamMessage` (a
//! supervisor broadcasts to its teams), `GET` and `DELETE /finesse/api/TeamMessage/<id>`, and
//! `GET /finesse/api/Team/<id>/TeamMessages` (a team's active messages). Sources: DG12.5 p202
//! (create, delete: statuses, the limit error), DEVNET `teammessage` (the document; "return
//! all active messages for a team"), `teammessage-apis`. The path of the team's list is not in
//! what was found [infer]. Before 12.0 none of them exists (404).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::{ok_xml, reply, request_id, xml_response};
use crate::engine::Engine;
use crate::errors::ApiError;
use crate::state::World;
use crate::{xml_in, xml_out};

/// Authenticates, then refuses releases without the APIs as an unknown resource.
fn authenticate(w: &mut World, headers: &HeaderMap) -> Result<String, ApiError> {
    let actor = w.authenticate(headers)?;
    if !w.release.has_team_messages() {
        return Err(ApiError::not_found("TeamMessage"));
    }
    Ok(actor)
}

/// Creates a message: 200 with the message (DG12.5 p202, "200: Success"), published on its
/// teams' nodes.
pub(super) async fn create(
    State(engine): State<Arc<Engine>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    reply(engine.with_world(|w| {
        let actor = authenticate(w, &headers)?;
        let parsed = xml_in::parse_team_message(&body)?;
        let message = w.create_team_message(&actor, parsed, &request_id(&headers))?;
        ok_xml(xml_out::document(&xml_out::team_message(&message)))
    }))
}

pub(super) async fn get(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(id) = path.map_err(|_| ApiError::not_found("TeamMessage"))?;
        let actor = authenticate(w, &headers)?;
        let message = w.team_message(&actor, &id)?;
        ok_xml(xml_out::document(&xml_out::team_message(&message)))
    }))
}

/// Deletes a message: its sender only (DG12.5 p202 "TeamMessage—Delete a Team Message").
pub(super) async fn delete(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(id) = path.map_err(|_| ApiError::not_found("TeamMessage"))?;
        let actor = authenticate(w, &headers)?;
        w.delete_team_message(&actor, &id, &request_id(&headers))?;
        Ok(xml_response(StatusCode::OK, String::new()))
    }))
}

/// A team's active messages, for its members and supervisors.
pub(super) async fn list(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(team) = path.map_err(|_| ApiError::not_found("TeamMessages"))?;
        let actor = authenticate(w, &headers)?;
        if !w.member_or_supervisor(&actor, &team) {
            return Err(if w.team_exists(&team) {
                ApiError::other_user(&team)
            } else {
                ApiError::not_found(&team)
            });
        }
        let messages = w.active_team_messages(&team);
        ok_xml(xml_out::document(&xml_out::team_messages(&messages)))
    }))
}
