//! `/finesse/api/User/<id>/Dialogs` (list, MAKE_CALL) and `/finesse/api/Dialog/<id>`
//! (GET, actions); a supervisor's SILENT_MONITOR and BARGE_CALL are POSTed like MAKE_CALL.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::{Reply, accepted, ok_xml, reply, request_id, resolve_user};
use crate::engine::Engine;
use crate::errors::ApiError;
use crate::state::{CtiJob, World};
use crate::{xml_in, xml_out};

pub(super) async fn list(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(raw) = path.map_err(|_| ApiError::not_found("Dialogs"))?;
        let actor = w.authenticate(&headers)?;
        let (target, _) = resolve_user(w, &actor, &raw, false)?;
        let items: Vec<String> = w
            .dialogs_of(&target)
            .into_iter()
            .map(|d| xml_out::dialog(d, &w.dialog_actions(d), "Dialog"))
            .collect();
        ok_xml(xml_out::dialogs(&items))
    }))
}

pub(super) async fn make_call(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    reply(make_call_inner(engine, path, headers, body).await)
}

async fn make_call_inner(
    engine: Arc<Engine>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    let Path(raw) = path.map_err(|_| ApiError::not_found("Dialogs"))?;
    let agent = engine.with_world(|w| {
        let actor = w.authenticate(&headers)?;
        match resolve_user(w, &actor, &raw, false)? {
            (target, false) => Ok(target),
            // Nobody places calls from another user's device.
            (_, true) => Err(ApiError::other_user(&raw)),
        }
    })?;
    let parsed = xml_in::parse_dialog(&body)?;
    let request_id = request_id(&headers);
    if World::is_supervise_request(&parsed) {
        engine
            .call_control(&agent, None, &request_id, |w| {
                Ok(CtiJob::Supervise {
                    request: w.validate_supervise(&agent, parsed)?,
                    request_id: request_id.clone(),
                })
            })
            .await?;
        return accepted();
    }
    engine
        .call_control(&agent, None, &request_id, |w| {
            let (to, variables) = w.validate_make_call(&agent, parsed)?;
            Ok(CtiJob::MakeCall {
                agent: agent.clone(),
                to,
                variables,
                request_id: request_id.clone(),
            })
        })
        .await?;
    accepted()
}

/// Dialog ids are numbers; anything else names no dialog.
fn dialog_id(path: Result<Path<String>, PathRejection>) -> Result<u64, ApiError> {
    let Path(raw) = path.map_err(|_| ApiError::dialog_not_found(""))?;
    raw.parse().map_err(|_| ApiError::dialog_not_found(&raw))
}

pub(super) async fn get(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let actor = w.authenticate(&headers)?;
        let id = dialog_id(path)?;
        let d = w
            .visible_dialog(&actor, id)
            .ok_or_else(|| ApiError::dialog_not_found(&id.to_string()))?;
        ok_xml(xml_out::document(&xml_out::dialog(
            d,
            &w.dialog_actions(d),
            "Dialog",
        )))
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
    let agent = engine.with_world(|w| w.authenticate(&headers))?;
    let id = dialog_id(path)?;
    let parsed = xml_in::parse_dialog(&body)?;
    let request_id = request_id(&headers);
    // SEND_DTMF publishes no outcome (nothing in the Dialog changes), so no client can wait
    // for it: it takes no part in the race between call-control requests.
    if parsed
        .requested_action
        .as_deref()
        .is_some_and(|a| a.eq_ignore_ascii_case("SEND_DTMF"))
    {
        engine.flush().await;
        let job = engine.with_world(|w| {
            let action = w.validate_dialog_put(&agent, id, parsed)?;
            Ok::<_, ApiError>(CtiJob::Dialog {
                agent: agent.clone(),
                dialog: id,
                action,
                request_id: request_id.clone(),
            })
        })?;
        engine.submit(job);
        return accepted();
    }
    engine
        .call_control(&agent, Some(id), &request_id, |w| {
            let action = w.validate_dialog_put(&agent, id, parsed)?;
            Ok(CtiJob::Dialog {
                agent: agent.clone(),
                dialog: id,
                action,
                request_id: request_id.clone(),
            })
        })
        .await?;
    accepted()
}
