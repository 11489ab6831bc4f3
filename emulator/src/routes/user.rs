//! `/finesse/api/User/<id>`: GET the user, PUT a state change.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::{Reply, accepted, ok_xml, reply, request_id, resolve_user};
use crate::engine::Engine;
use crate::errors::ApiError;
use crate::state::CtiJob;
use crate::{xml_in, xml_out};

pub(super) async fn get(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(raw) = path.map_err(|_| ApiError::not_found("User"))?;
        let actor = w.authenticate(&headers)?;
        // CCE 12.5 and later also find a user by login name (reference 1.5, 10.4).
        let (target, _) = resolve_user(w, &actor, &raw, w.release.looks_up_login_names())?;
        let agent = w
            .agents
            .get(&target)
            .ok_or_else(|| ApiError::user_not_found(&raw))?;
        ok_xml(xml_out::document(&xml_out::user(w, agent, "User")))
    }))
}

pub(super) async fn put(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    reply(put_inner(engine, path, headers, body).await)
}

async fn put_inner(
    engine: Arc<Engine>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    let Path(raw) = path.map_err(|_| ApiError::not_found("User"))?;
    let (target, by_supervisor) = engine.with_world(|w| {
        let actor = w.authenticate(&headers)?;
        resolve_user(w, &actor, &raw, false)
    })?;
    let parsed = xml_in::parse_user(&body)?;
    // Finesse handles a user's requests one after the other.
    engine.flush().await;
    let change = engine.with_world(|w| w.validate_user_put(&target, by_supervisor, parsed))?;
    engine.submit(CtiJob::User {
        target,
        change,
        by_supervisor,
        request_id: request_id(&headers),
    });
    accepted()
}
