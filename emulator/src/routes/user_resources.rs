//! `/finesse/api/User/<id>/PhoneBooks`, `/Workflows`, `/MediaPropertiesLayout` and
//! `/MediaPropertiesLayouts`: the configuration a user's desktop loads, its team's. The lists
//! are deprecated from 12.5(1) in favour of the TeamResource APIs and still served "for
//! backward compatibility" (DEVNET `teamresource`); finesse.js reads them at these URLs
//! (`User.getPhoneBooks`, `getWorkflows`, `getMediaPropertiesLayout(s)`).

use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::{ok_xml, phone_book_reply, reply};
use crate::engine::Engine;
use crate::errors::ApiError;
use crate::phone_book_range::Range;
use crate::state::World;
use crate::xml_out;
use crate::xml_resources::{self, BookForm};

/// A user reads only its own (401 `Invalid Authorization User Specified` for another's; 404
/// `User Not Found` for no such user). Returns the user's team.
fn own_team(w: &mut World, headers: &HeaderMap, raw: &str) -> Result<String, ApiError> {
    let actor = w.authenticate(headers)?;
    let team = w
        .agents
        .get(raw)
        .map(|a| a.cfg.team_id.clone())
        .ok_or_else(|| ApiError::user_not_found(raw))?;
    if actor != raw {
        return Err(ApiError::other_user(raw));
    }
    Ok(team)
}

/// The user's phone books with their contacts; a `Range` header pages the contacts as
/// TeamResource's does (the emulator's choice: this list's own page was not found).
pub(super) async fn phone_books(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(raw) = path.map_err(|_| ApiError::not_found("PhoneBooks"))?;
        let team = own_team(w, &headers, &raw)?;
        let range = match headers.get("Range") {
            Some(v) => Range::parse(v.to_str().unwrap_or_default())?,
            None => Range::ALL,
        };
        phone_book_reply(&w.phone_books_of_team(&team), range, BookForm::User)
    }))
}

/// The workflows assigned to the user's team.
pub(super) async fn workflows(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(raw) = path.map_err(|_| ApiError::not_found("Workflows"))?;
        let team = own_team(w, &headers, &raw)?;
        let doc = xml_resources::workflows(&w.workflows_of_team(&team));
        ok_xml(xml_out::document(&doc))
    }))
}

/// The user's layout: its team's custom one, else the default (404 when there is none).
pub(super) async fn layout(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(raw) = path.map_err(|_| ApiError::not_found("MediaPropertiesLayout"))?;
        let team = own_team(w, &headers, &raw)?;
        let layout = w
            .layout_of_team(&team)
            .ok_or_else(|| ApiError::not_found("MediaPropertiesLayout"))?;
        ok_xml(xml_out::document(&xml_resources::layout(layout, w.release)))
    }))
}

/// The layouts the user's team may use: the default ones, then the team's custom ones.
pub(super) async fn layouts(
    State(engine): State<Arc<Engine>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    reply(engine.with_world(|w| {
        let Path(raw) = path.map_err(|_| ApiError::not_found("MediaPropertiesLayouts"))?;
        let team = own_team(w, &headers, &raw)?;
        let doc = xml_resources::layouts(&w.layouts_of_team(&team), w.release);
        ok_xml(xml_out::document(&doc))
    }))
}
