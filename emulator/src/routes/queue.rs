//! `/finesse/api/Queue/<id>` and `/finesse/api/User/<id>/Queues` (CCE): queues and their
//! statistics (DEVNET `queue—get-queue`, `queue—get-list-of-queues-for-user`; DG12.5
//! p141-144).

use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::{ok_xml, reply};
use crate::engine::Engine;
use crate::errors::ApiError;
use crate::xml_out;

/// "Any user can use this API to retrieve information about a specific queue" (DEVNET
/// `queue—get-queue`). CCX has no Queue API ("not applicable for coresident Finesse
/// deployment with Unified CCX"): the emulator answers 404 there, its choice where the
/// guide says no more.
pub(super) async fn get(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(id) = path.map_err(|_| ApiError::not_found("Queue"))?;
        w.authenticate(&headers)?;
        if !w.queue_exists(&id) {
            return Err(ApiError::not_found(&id));
        }
        let doc = w
            .queue_document(&id)
            .ok_or_else(|| ApiError::not_found(&id))?;
        ok_xml(xml_out::document(&doc))
    }))
}

/// "All users can use this API to retrieve a list of queues for any user"; a supervisor's
/// list holds the queues of the teams it supervises (DEVNET
/// `queue—get-list-of-queues-for-user`). 404 User Not Found for an unknown user.
pub(super) async fn list(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(raw) = path.map_err(|_| ApiError::not_found("Queues"))?;
        w.authenticate(&headers)?;
        if w.ccx() {
            return Err(ApiError::not_found("Queues"));
        }
        let doc = w
            .queues_document(&raw)
            .ok_or_else(|| ApiError::user_not_found(&raw))?;
        ok_xml(xml_out::document(&doc))
    }))
}
