//! `/finesse/api/TeamResource/<teamId>/ReasonCodes` and `/WrapUpReasons` (12.5(1) and later):
//! the team's reason codes and wrap-up reasons, which replace the user-scoped lists deprecated
//! in 12.5(1) (DEVNET `teamresource`: "Responses from the TeamResource APIs are valid for all
//! members of the team"; reference 5.4, 5.5, 10.4).

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::{ok_xml, reply};
use crate::config::ReasonCategory;
use crate::engine::Engine;
use crate::errors::ApiError;
use crate::release::Release;
use crate::state::World;
use crate::xml_out;

/// Whether the release has the TeamResource APIs: from 12.5(1), CCE and CCX.
fn serves_team_resource(release: Release) -> bool {
    matches!(
        release,
        Release::Cce12_5 | Release::Cce12_6 | Release::Ccx12_5
    )
}

/// The team's members and its supervisors may read its resources; anyone else is refused
/// as for another user's objects (401 `Invalid Authorization User Specified`). Before
/// 12.5(1) the resource does not exist (404).
fn authorize(w: &mut World, headers: &HeaderMap, team: &str) -> Result<(), ApiError> {
    let actor = w.authenticate(headers)?;
    if !serves_team_resource(w.release) {
        return Err(ApiError::not_found("TeamResource"));
    }
    let allowed = w.agents.get(&actor).is_some_and(|a| {
        a.cfg.team_id == team
            || (a.cfg.is_supervisor() && a.cfg.supervised_teams.iter().any(|t| t.id == team))
    });
    if allowed {
        Ok(())
    } else {
        Err(ApiError::other_user(team))
    }
}

pub(super) async fn reason_codes(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(team) = path.map_err(|_| ApiError::not_found("ReasonCodes"))?;
        authorize(w, &headers, &team)?;
        let Query(query) = query.map_err(|_| ApiError::invalid_input("category"))?;
        let category = query
            .get("category")
            .ok_or_else(|| ApiError::parameter_missing("category"))?;
        let filter = match category.as_str() {
            "NOT_READY" => ReasonCategory::NotReady,
            "LOGOUT" => ReasonCategory::Logout,
            _ => return Err(ApiError::invalid_input("category")),
        };
        ok_xml(xml_out::reason_codes(
            category,
            &w.listed_reason_codes(Some(filter)),
        ))
    }))
}

pub(super) async fn wrap_up_reasons(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(team) = path.map_err(|_| ApiError::not_found("WrapUpReasons"))?;
        authorize(w, &headers, &team)?;
        ok_xml(xml_out::wrap_up_reasons(&w.wrap_up_reasons))
    }))
}
