//! `/finesse/api/TeamResource/<teamId>/ReasonCodes`, `/WrapUpReasons`, `/PhoneBooks`,
//! `/Workflows` and `/MediaPropertiesLayouts` (12.5(1) and later): the team's configuration,
//! which replaces the user-scoped lists deprecated in 12.5(1) (DEVNET `teamresource`:
//! "Responses from the TeamResource APIs are valid for all members of the team"; DG12.5 p1
//! "What's New"; DEVNET `teamresource—get-phone-books`: "Agents and supervisors who are part
//! of the team", 404 when the teamId does not exist; reference 5.4, 5.5, 10.4).

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::{ok_xml, phone_book_reply, reply};
use crate::config::ReasonCategory;
use crate::engine::Engine;
use crate::errors::ApiError;
use crate::phone_book_range::Range;
use crate::state::World;
use crate::xml_out;
use crate::xml_resources::{self, BookForm};

/// The team's members and its supervisors may read its resources; anyone else is refused
/// as for another user's objects (401 `Invalid Authorization User Specified`). Before
/// 12.5(1) the resource does not exist (404), nor for a team that does not (404).
fn authorize(w: &mut World, headers: &HeaderMap, team: &str) -> Result<(), ApiError> {
    let actor = w.authenticate(headers)?;
    if !w.release.has_team_resources() {
        return Err(ApiError::not_found("TeamResource"));
    }
    if !w.team_exists(team) {
        return Err(ApiError::not_found(team));
    }
    if w.member_or_supervisor(&actor, team) {
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

/// The team's phone books, global ones first, with the contacts of the `Range` header:
/// required before 12.6(2) (400 `Parameter Missing`), optional after (DEVNET
/// `teamresource—get-phone-books`).
pub(super) async fn phone_books(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(team) = path.map_err(|_| ApiError::not_found("PhoneBooks"))?;
        authorize(w, &headers, &team)?;
        let range = match headers.get("Range") {
            Some(v) => Range::parse(v.to_str().unwrap_or_default())?,
            None if w.release.phone_book_range_optional() => Range::ALL,
            None => return Err(ApiError::parameter_missing("Range")),
        };
        phone_book_reply(&w.phone_books_of_team(&team), range, BookForm::Team)
    }))
}

/// The workflows assigned to the team.
pub(super) async fn workflows(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(team) = path.map_err(|_| ApiError::not_found("Workflows"))?;
        authorize(w, &headers, &team)?;
        let doc = xml_resources::workflows(&w.workflows_of_team(&team));
        ok_xml(xml_out::document(&doc))
    }))
}

/// The layouts the team may use: the default ones, then the team's custom ones.
pub(super) async fn layouts(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(team) = path.map_err(|_| ApiError::not_found("MediaPropertiesLayouts"))?;
        authorize(w, &headers, &team)?;
        let doc = xml_resources::layouts(&w.layouts_of_team(&team), w.release);
        ok_xml(xml_out::document(&doc))
    }))
}
