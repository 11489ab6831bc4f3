//! SystemInfo, reason codes and wrap-up reasons.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::{ok_xml, reply, resolve_user};
use crate::config::ReasonCategory;
use crate::engine::Engine;
use crate::errors::ApiError;
use crate::xml_out;
use crate::xml_system_info;

/// Readable without credentials (clients check it before signing in), and answered even
/// while the node is out of service.
pub(super) async fn system_info(State(engine): State<Arc<Engine>>) -> Response {
    let side = engine.side();
    reply(engine.with_world(|w| {
        ok_xml(xml_out::document(&xml_system_info::system_info(
            w,
            side,
            "SystemInfo",
        )))
    }))
}

/// Authenticates and checks that the caller may read this user's resources.
fn authorize(w: &mut crate::state::World, headers: &HeaderMap, raw: &str) -> Result<(), ApiError> {
    let actor = w.authenticate(headers)?;
    resolve_user(w, &actor, raw, false).map(|_| ())
}

pub(super) async fn reason_codes(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(raw) = path.map_err(|_| ApiError::not_found("ReasonCodes"))?;
        authorize(w, &headers, &raw)?;
        let Query(query) = query.map_err(|_| ApiError::invalid_input("category"))?;
        let category = query
            .get("category")
            .ok_or_else(|| ApiError::parameter_missing("category"))?;
        let filter = match category.as_str() {
            "NOT_READY" => Some(ReasonCategory::NotReady),
            "LOGOUT" => Some(ReasonCategory::Logout),
            "ALL" => None,
            _ => return Err(ApiError::invalid_input("category")),
        };
        ok_xml(xml_out::reason_codes(
            category,
            &w.listed_reason_codes(filter),
        ))
    }))
}

pub(super) async fn reason_code(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path((raw, code)) = path.map_err(|_| ApiError::not_found("ReasonCode"))?;
        authorize(w, &headers, &raw)?;
        w.listed_reason_codes(None)
            .into_iter()
            .find(|c| c.id.to_string() == code)
            .map(|c| ok_xml(xml_out::reason_code(&c)))
            .unwrap_or_else(|| Err(ApiError::not_found(&code)))
    }))
}

pub(super) async fn wrap_up_reasons(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(raw) = path.map_err(|_| ApiError::not_found("WrapUpReasons"))?;
        authorize(w, &headers, &raw)?;
        ok_xml(xml_out::wrap_up_reasons(&w.wrap_up_reasons))
    }))
}

pub(super) async fn wrap_up_reason(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path((raw, id)) = path.map_err(|_| ApiError::not_found("WrapUpReason"))?;
        authorize(w, &headers, &raw)?;
        w.wrap_up_reasons
            .iter()
            .find(|r| r.id.to_string() == id)
            .map(|r| ok_xml(xml_out::wrap_up_reason(r)))
            .unwrap_or_else(|| Err(ApiError::not_found(&id)))
    }))
}
