//! The Finesse REST resources under `/finesse/api`.

mod dialog;
mod options;
mod queue;
mod request_id;
mod system;
mod team;
mod team_message;
mod team_resource;
mod user;
mod user_resources;

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::engine::Engine;
use crate::errors::ApiError;
use crate::state::World;
use crate::xml_out;

/// Longest `requestId` echoed; longer values are cut.
const MAX_REQUEST_ID: usize = 128;

type Reply = Result<Response, ApiError>;

pub(crate) fn router(engine: Arc<Engine>) -> Router {
    let resources = Router::new()
        .route("/finesse/api/SystemInfo", get(system::system_info))
        .route("/finesse/api/User/{id}", get(user::get).put(user::put))
        .route(
            "/finesse/api/User/{id}/Dialogs",
            get(dialog::list).post(dialog::make_call),
        )
        .route(
            "/finesse/api/User/{id}/ReasonCodes",
            get(system::reason_codes),
        )
        .route(
            "/finesse/api/User/{id}/ReasonCode/{code}",
            get(system::reason_code),
        )
        .route(
            "/finesse/api/User/{id}/WrapUpReasons",
            get(system::wrap_up_reasons),
        )
        .route(
            "/finesse/api/User/{id}/WrapUpReason/{reason}",
            get(system::wrap_up_reason),
        )
        .route(
            "/finesse/api/User/{id}/PhoneBooks",
            get(user_resources::phone_books),
        )
        .route(
            "/finesse/api/User/{id}/Workflows",
            get(user_resources::workflows),
        )
        .route(
            "/finesse/api/User/{id}/MediaPropertiesLayout",
            get(user_resources::layout),
        )
        .route(
            "/finesse/api/User/{id}/MediaPropertiesLayouts",
            get(user_resources::layouts),
        )
        .route("/finesse/api/Team/{id}", get(team::get))
        .route(
            "/finesse/api/TeamMessage",
            axum::routing::post(team_message::create),
        )
        .route(
            "/finesse/api/TeamMessage/{id}",
            get(team_message::get).delete(team_message::delete),
        )
        .route(
            "/finesse/api/Team/{id}/TeamMessages",
            get(team_message::list),
        )
        .route(
            "/finesse/api/TeamResource/{id}/ReasonCodes",
            get(team_resource::reason_codes),
        )
        .route(
            "/finesse/api/TeamResource/{id}/WrapUpReasons",
            get(team_resource::wrap_up_reasons),
        )
        .route(
            "/finesse/api/TeamResource/{id}/PhoneBooks",
            get(team_resource::phone_books),
        )
        .route(
            "/finesse/api/TeamResource/{id}/Workflows",
            get(team_resource::workflows),
        )
        .route(
            "/finesse/api/TeamResource/{id}/MediaPropertiesLayouts",
            get(team_resource::layouts),
        )
        .route("/finesse/api/Queue/{id}", get(queue::get))
        .route("/finesse/api/User/{id}/Queues", get(queue::list))
        .route(
            "/finesse/api/Dialog/{id}",
            get(dialog::get).put(dialog::put),
        )
        .fallback(not_found)
        .with_state(engine);
    // Around the whole router: axum adds `Allow` to a 405 outside the routes' own layers.
    Router::new()
        .fallback_service(resources)
        .layer(middleware::from_fn(options::answer))
        .layer(middleware::from_fn(request_id::echo))
}

async fn not_found(uri: Uri) -> Response {
    error_response(&ApiError::not_found(uri.path()))
}

pub(crate) fn xml_response(status: StatusCode, body: String) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/xml;charset=UTF-8"),
    );
    response
}

pub(crate) fn error_response(e: &ApiError) -> Response {
    let status = StatusCode::from_u16(e.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    xml_response(status, xml_out::api_errors(e))
}

fn reply(r: Reply) -> Response {
    r.unwrap_or_else(|e| error_response(&e))
}

fn ok_xml(body: String) -> Reply {
    Ok(xml_response(StatusCode::OK, body))
}

/// A listing of phone books: 200 with every contact, 206 Partial Content when the range left
/// contacts out (DEVNET `teamresource—get-phone-books`, which names no header for it).
fn phone_book_reply(
    books: &[&crate::resources::PhoneBook],
    range: crate::phone_book_range::Range,
    form: crate::xml_resources::BookForm,
) -> Reply {
    let (listed, partial) = crate::phone_book_range::select(books, range);
    let body = xml_out::document(&crate::xml_resources::phone_books(&listed, form));
    let status = if partial {
        StatusCode::PARTIAL_CONTENT
    } else {
        StatusCode::OK
    };
    Ok(xml_response(status, body))
}

fn accepted() -> Reply {
    Ok(StatusCode::ACCEPTED.into_response())
}

/// The `requestId` header, echoed in the notifications the request causes.
fn request_id(headers: &HeaderMap) -> String {
    let id = headers
        .get("requestId")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    id.chars().take(MAX_REQUEST_ID).collect()
}

/// Resolves `/User/<id>` for the authenticated user: the user itself, or a member of a
/// team the user supervises. Returns the target login id and whether a supervisor acts.
fn resolve_user(
    world: &World,
    actor: &str,
    raw: &str,
    by_name: bool,
) -> Result<(String, bool), ApiError> {
    let target = world
        .agents
        .get(raw)
        .or_else(|| {
            by_name
                .then(|| world.agents.values().find(|a| a.cfg.login_name == raw))
                .flatten()
        })
        .ok_or_else(|| ApiError::user_not_found(raw))?;
    let target_id = target.cfg.login_id.clone();
    if target_id == actor {
        return Ok((target_id, false));
    }
    let actor = world.agents.get(actor);
    let supervisor = actor.is_some_and(|a| a.cfg.is_supervisor());
    let supervises = actor.is_some_and(|a| {
        a.cfg
            .supervised_teams
            .iter()
            .any(|t| t.id == target.cfg.team_id)
    });
    match (supervisor, supervises) {
        (true, true) => Ok((target_id, true)),
        // A supervisor outside its teams (DG12.5 "User API Errors", reference 10.4).
        (true, false) => Err(ApiError::invalid_supervisor(raw)),
        _ => Err(ApiError::other_user(raw)),
    }
}
