//! The control API over HTTP/JSON on its own loopback port, for tests written in any
//! language (see README.md for the endpoints).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::json;

use crate::config::{AgentConfig, Deployment, FarEnd, QueueConfig};
use crate::control::InboundCall;
use crate::engine::Engine;
use crate::errors::ControlError;
use crate::release::Release;
use crate::state::CutRule;
use crate::transports::{TransportUrls, Transports};
use crate::xmpp;

/// Longest latency or hang-up delay accepted, so a typo cannot stall a test run for hours.
pub(crate) const MAX_DELAY: Duration = Duration::from_secs(600);

#[derive(Clone)]
pub(crate) struct ControlState {
    pub engine: Arc<Engine>,
    pub ca_pem: Arc<str>,
    pub base_url: Arc<str>,
    pub notification_url: Arc<str>,
    pub transport_urls: Arc<TransportUrls>,
    /// The other node's REST URL, in a pair.
    pub peer_base_url: Option<Arc<str>>,
}

pub(crate) fn router(state: ControlState) -> Router {
    Router::new()
        .route("/info", get(info))
        .route("/ca.pem", get(ca_pem))
        .route("/agents", post(add_agent))
        .route("/agents/{id}", get(agent))
        .route(
            "/agents/{id}/notification-sessions",
            get(notification_sessions),
        )
        .route("/agents/{id}/tokens", post(issue_token))
        .route("/agents/{id}/cut-link", post(cut_link))
        .route("/node-down", put(node_down))
        .route("/notification-service-down", put(notification_service_down))
        .route("/web-app-down", put(web_app_down))
        .route("/deployment", put(deployment))
        .route("/release", put(release))
        .route("/reason-codes", put(reason_codes))
        .route("/wrap-up-timer", put(wrap_up_timer))
        .route("/call-control-race", put(call_control_race))
        .route("/conference-limit", put(conference_limit))
        .route("/far-end", put(far_end))
        .route("/dialogs", get(dialogs))
        .route("/dialogs/{id}/answer", post(answer))
        .route("/dialogs/{id}/hangup", post(hang_up))
        .route("/inbound-calls", post(inbound_call))
        .route("/out-of-service", put(out_of_service))
        .route("/latency", put(latency))
        .route("/cut", post(cut))
        .route("/notifications", get(notifications))
        .route("/updates", post(publish_update))
        .route(
            "/notification-connections",
            put(freeze_connections).delete(drop_connections),
        )
        .route("/service-presence", put(service_presence))
        .route("/settle", post(settle))
        .route("/queue-statistics", post(queue_statistics))
        .route("/queues", get(queues).post(add_queue))
        .route("/queues/{id}", delete(remove_queue))
        .route(
            "/queues/{id}/teams/{team}",
            put(assign_queue).delete(unassign_queue),
        )
        .route("/reset", post(reset))
        .route("/requests", get(requests).delete(clear_requests))
        .route("/lockouts", delete(lift_lockouts))
        .route("/lockouts/{id}", delete(lift_lockout))
        .fallback(|| async { error(StatusCode::NOT_FOUND, "no such control endpoint") })
        .with_state(state)
}

fn error(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

fn control_error(e: &ControlError) -> Response {
    let status = match e {
        ControlError::UnknownDialog(_)
        | ControlError::UnknownTarget(_)
        | ControlError::UnknownAgent(_)
        | ControlError::UnknownQueue(_) => StatusCode::NOT_FOUND,
        _ => StatusCode::CONFLICT,
    };
    error(status, &e.to_string())
}

/// JSON bodies are read whatever their Content-Type, so plain HTTP clients need no ceremony.
fn parse<T: DeserializeOwned>(body: &Bytes) -> Result<T, String> {
    serde_json::from_slice(body).map_err(|e| format!("invalid JSON body: {e}"))
}

fn bad_request(message: &str) -> Response {
    error(StatusCode::BAD_REQUEST, message)
}

fn no_content() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

async fn info(State(s): State<ControlState>) -> Response {
    let release = s.engine.with_world(|w| w.release);
    let offered = s.transport_urls.offered(Transports::of(release));
    Json(json!({
        "side": s.engine.side(),
        "peer_base_url": s.peer_base_url.as_deref(),
        "base_url": &*s.base_url,
        "notification_url": &*s.notification_url,
        "websocket_url": offered.websocket,
        "bosh_url": offered.bosh,
        "xmpp_url": offered.starttls,
        "xmpps_url": offered.direct_tls,
        "xmpp_domain": xmpp::DOMAIN,
        "deployment": release.deployment(),
        "release": release,
    }))
    .into_response()
}

async fn ca_pem(State(s): State<ControlState>) -> Response {
    let mut response = s.ca_pem.to_string().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-pem-file"),
    );
    response
}

async fn add_agent(State(s): State<ControlState>, body: Bytes) -> Response {
    let config = match parse::<AgentConfig>(&body) {
        Ok(v) => v,
        Err(m) => return bad_request(&m),
    };
    if config.login_id.trim().is_empty() || config.login_name.trim().is_empty() {
        return error(
            StatusCode::BAD_REQUEST,
            "login_id and login_name are required",
        );
    }
    let login_id = config.login_id.clone();
    s.engine.with_world(|w| w.add_agent(config));
    (StatusCode::CREATED, Json(json!({ "login_id": login_id }))).into_response()
}

async fn agent(
    State(s): State<ControlState>,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    let Ok(Path(id)) = path else {
        return error(StatusCode::NOT_FOUND, "no such agent");
    };
    match s.engine.with_world(|w| w.agent_snapshot(&id)) {
        Some(snapshot) => Json(snapshot).into_response(),
        None => error(StatusCode::NOT_FOUND, "no such agent"),
    }
}

async fn notification_sessions(
    State(s): State<ControlState>,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    let Ok(Path(id)) = path else {
        return error(StatusCode::NOT_FOUND, "no such agent");
    };
    let count = s.engine.with_notifier(|w, n| {
        w.agents
            .contains_key(&id)
            .then(|| n.sessions.available(&id))
    });
    match count {
        Some(n) => Json(json!({ "login_id": id, "available_sessions": n })).into_response(),
        None => error(StatusCode::NOT_FOUND, "no such agent"),
    }
}

#[derive(Deserialize)]
struct FreezeBody {
    frozen: bool,
}

async fn freeze_connections(State(s): State<ControlState>, body: Bytes) -> Response {
    match parse::<FreezeBody>(&body) {
        Ok(b) => {
            s.engine.links().freeze(b.frozen);
            no_content()
        }
        Err(m) => bad_request(&m),
    }
}

async fn drop_connections(State(s): State<ControlState>) -> Response {
    s.engine.links().drop_all();
    no_content()
}

#[derive(Deserialize)]
struct ServicePresenceBody {
    available: bool,
}

async fn service_presence(State(s): State<ControlState>, body: Bytes) -> Response {
    match parse::<ServicePresenceBody>(&body) {
        Ok(b) => {
            s.engine
                .with_notifier(|_, n| xmpp::set_service_available(&mut n.sessions, b.available));
            no_content()
        }
        Err(m) => bad_request(&m),
    }
}

#[derive(Deserialize)]
struct DeploymentBody {
    deployment: Deployment,
}

async fn deployment(State(s): State<ControlState>, body: Bytes) -> Response {
    match parse::<DeploymentBody>(&body) {
        Ok(b) => {
            s.engine
                .with_world(|w| w.release = Release::of_deployment(b.deployment));
            no_content()
        }
        Err(m) => bad_request(&m),
    }
}

#[derive(Deserialize)]
struct ReasonCodesBody {
    configured: bool,
}

async fn reason_codes(State(s): State<ControlState>, body: Bytes) -> Response {
    match parse::<ReasonCodesBody>(&body) {
        Ok(b) => {
            s.engine
                .with_world(|w| w.reason_codes_configured = b.configured);
            no_content()
        }
        Err(m) => bad_request(&m),
    }
}

#[derive(Deserialize)]
struct WrapUpTimerBody {
    ms: Option<u64>,
}

async fn wrap_up_timer(State(s): State<ControlState>, body: Bytes) -> Response {
    match parse::<WrapUpTimerBody>(&body) {
        Ok(b) => {
            let timer = b.ms.map(Duration::from_millis);
            s.engine.with_world(|w| w.wrap_up_timer = timer);
            no_content()
        }
        Err(m) => bad_request(&m),
    }
}

#[derive(Deserialize)]
struct CallControlRaceBody {
    enabled: bool,
}

async fn call_control_race(State(s): State<ControlState>, body: Bytes) -> Response {
    match parse::<CallControlRaceBody>(&body) {
        Ok(b) => {
            s.engine.with_world(|w| w.call_control_race = b.enabled);
            no_content()
        }
        Err(m) => bad_request(&m),
    }
}

#[derive(Deserialize)]
struct ConferenceLimitBody {
    parties: usize,
}

async fn conference_limit(State(s): State<ControlState>, body: Bytes) -> Response {
    match parse::<ConferenceLimitBody>(&body) {
        Ok(b) => {
            s.engine
                .with_world(|w| w.conference_limit = b.parties.max(2));
            no_content()
        }
        Err(m) => bad_request(&m),
    }
}

#[derive(Deserialize)]
struct ReleaseBody {
    release: Release,
}

async fn release(State(s): State<ControlState>, body: Bytes) -> Response {
    match parse::<ReleaseBody>(&body) {
        Ok(b) => {
            s.engine.with_world(|w| w.release = b.release);
            no_content()
        }
        Err(m) => bad_request(&m),
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum FarEndKind {
    Answer,
    Ring,
    Busy,
    NotExist,
    AnswerThenHangUp,
}

#[derive(Deserialize)]
struct FarEndBody {
    far_end: FarEndKind,
    #[serde(default)]
    hang_up_after_ms: u64,
    #[serde(default)]
    address: Option<String>,
}

async fn far_end(State(s): State<ControlState>, body: Bytes) -> Response {
    let b = match parse::<FarEndBody>(&body) {
        Ok(v) => v,
        Err(m) => return bad_request(&m),
    };
    let far_end = match b.far_end {
        FarEndKind::Answer => FarEnd::Answer,
        FarEndKind::Ring => FarEnd::Ring,
        FarEndKind::Busy => FarEnd::Busy,
        FarEndKind::NotExist => FarEnd::NotExist,
        FarEndKind::AnswerThenHangUp => {
            FarEnd::AnswerThenHangUp(Duration::from_millis(b.hang_up_after_ms).min(MAX_DELAY))
        }
    };
    s.engine
        .with_world(|w| w.set_far_end(b.address.as_deref(), far_end));
    no_content()
}

async fn dialogs(State(s): State<ControlState>) -> Response {
    Json(s.engine.with_world(|w| w.dialog_snapshots())).into_response()
}

fn dialog_op(
    s: &ControlState,
    path: Result<Path<String>, PathRejection>,
    op: impl FnOnce(&mut crate::state::World, u64) -> Result<(), ControlError>,
) -> Response {
    let id = path.ok().and_then(|Path(id)| id.parse::<u64>().ok());
    let Some(id) = id else {
        return error(StatusCode::NOT_FOUND, "no such dialog");
    };
    match s.engine.with_world(|w| op(w, id)) {
        Ok(()) => no_content(),
        Err(e) => control_error(&e),
    }
}

async fn answer(
    State(s): State<ControlState>,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    dialog_op(&s, path, |w, id| w.far_end_answer(id))
}

async fn hang_up(
    State(s): State<ControlState>,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    dialog_op(&s, path, |w, id| w.far_end_hang_up(id))
}

#[derive(Deserialize)]
struct Variable {
    name: String,
    #[serde(default)]
    value: String,
}

#[derive(Deserialize)]
struct InboundBody {
    to: String,
    from_address: String,
    #[serde(default)]
    dnis: String,
    #[serde(default)]
    call_type: Option<String>,
    #[serde(default)]
    call_variables: Vec<Variable>,
    #[serde(default)]
    queue_name: String,
    #[serde(default)]
    queue_number: String,
}

async fn inbound_call(State(s): State<ControlState>, body: Bytes) -> Response {
    let b = match parse::<InboundBody>(&body) {
        Ok(v) => v,
        Err(m) => return bad_request(&m),
    };
    let mut call = InboundCall::new(b.to, b.from_address)
        .dnis(b.dnis)
        .queue(b.queue_name, b.queue_number);
    if let Some(t) = b.call_type {
        call = call.call_type(t);
    }
    for v in b.call_variables {
        call = call.variable(v.name, v.value);
    }
    match s.engine.with_world(|w| w.inject_inbound(call)) {
        Ok(id) => (
            StatusCode::CREATED,
            Json(json!({ "dialog_id": id.to_string() })),
        )
            .into_response(),
        Err(e) => control_error(&e),
    }
}

#[derive(Deserialize)]
struct OutOfServiceBody {
    out_of_service: bool,
}

async fn out_of_service(State(s): State<ControlState>, body: Bytes) -> Response {
    match parse::<OutOfServiceBody>(&body) {
        Ok(b) => {
            s.engine.set_out_of_service(b.out_of_service);
            no_content()
        }
        Err(m) => bad_request(&m),
    }
}

#[derive(Deserialize)]
struct LatencyBody {
    ms: u64,
}

async fn latency(State(s): State<ControlState>, body: Bytes) -> Response {
    match parse::<LatencyBody>(&body) {
        Ok(b) => {
            let d = Duration::from_millis(b.ms).min(MAX_DELAY);
            let node = s.engine.side().index();
            s.engine.with_world(|w| w.latency[node] = d);
            no_content()
        }
        Err(m) => bad_request(&m),
    }
}

#[derive(Deserialize)]
struct CutBody {
    method: String,
    path_prefix: String,
}

async fn cut(State(s): State<ControlState>, body: Bytes) -> Response {
    match parse::<CutBody>(&body) {
        Ok(b) => {
            let rule = CutRule {
                method: b.method,
                path_prefix: b.path_prefix,
            };
            let node = s.engine.side().index();
            s.engine.with_world(|w| w.cut[node] = Some(rule));
            no_content()
        }
        Err(m) => bad_request(&m),
    }
}

/// The `since` query parameter of a log read: 0 when absent.
fn since(query: Result<Query<HashMap<String, String>>, QueryRejection>) -> Result<u64, String> {
    match query {
        Ok(Query(q)) => match q.get("since").map(|v| v.parse::<u64>()) {
            None => Ok(0),
            Some(Ok(n)) => Ok(n),
            Some(Err(_)) => Err("since must be a number".to_owned()),
        },
        Err(e) => Err(e.body_text()),
    }
}

async fn notifications(
    State(s): State<ControlState>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Response {
    match since(query) {
        Ok(seq) => Json(s.engine.with_notifier(|_, n| n.since(seq))).into_response(),
        Err(m) => bad_request(&m),
    }
}

async fn requests(
    State(s): State<ControlState>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Response {
    match since(query) {
        Ok(seq) => Json(s.engine.with_requests(|log| log.since(seq))).into_response(),
        Err(m) => bad_request(&m),
    }
}

async fn clear_requests(State(s): State<ControlState>) -> Response {
    s.engine.with_requests(|log| log.clear());
    no_content()
}

async fn reset(State(s): State<ControlState>) -> Response {
    s.engine.reset();
    no_content()
}

async fn lift_lockouts(State(s): State<ControlState>) -> Response {
    match s.engine.with_world(|w| w.lift_lockout(None)) {
        Ok(()) => no_content(),
        Err(e) => control_error(&e),
    }
}

async fn lift_lockout(
    State(s): State<ControlState>,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    let Ok(Path(id)) = path else {
        return error(StatusCode::NOT_FOUND, "no such agent");
    };
    match s.engine.with_world(|w| w.lift_lockout(Some(&id))) {
        Ok(()) => no_content(),
        Err(e) => control_error(&e),
    }
}

#[derive(Deserialize)]
struct UpdateBody {
    node: String,
    event: String,
    /// Defaults to the node.
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    request_id: String,
    data: String,
}

async fn publish_update(State(s): State<ControlState>, body: Bytes) -> Response {
    let b = match parse::<UpdateBody>(&body) {
        Ok(v) => v,
        Err(m) => return bad_request(&m),
    };
    let source = b.source.unwrap_or_else(|| b.node.clone());
    let seq = s
        .engine
        .with_notifier(|_, n| n.publish(b.node, &b.event, source, &b.request_id, &b.data));
    (StatusCode::CREATED, Json(json!({ "seq": seq }))).into_response()
}

/// Publishes at once the statistics of the queues that changed, as the server does by itself
/// every 10 seconds (DEVNET `queue-notifications`).
async fn queue_statistics(State(s): State<ControlState>) -> Response {
    let published = s
        .engine
        .with_platform(crate::publish::publish_queue_statistics);
    Json(json!({ "published": published })).into_response()
}

async fn queues(State(s): State<ControlState>) -> Response {
    Json(s.engine.with_world(|w| w.queue_configs())).into_response()
}

async fn add_queue(State(s): State<ControlState>, body: Bytes) -> Response {
    let queue = match parse::<QueueConfig>(&body) {
        Ok(v) => v,
        Err(m) => return bad_request(&m),
    };
    let id = queue.id;
    match s.engine.with_world(|w| w.add_queue(queue)) {
        Ok(()) => (StatusCode::CREATED, Json(json!({ "id": id }))).into_response(),
        Err(e) => control_error(&e),
    }
}

/// Runs an assignment change on the queue and team of the path.
fn queue_team_op(
    s: &ControlState,
    path: Result<Path<(String, String)>, PathRejection>,
    op: impl FnOnce(&mut crate::state::World, u64, &str) -> Result<(), ControlError>,
) -> Response {
    let Ok(Path((id, team))) = path else {
        return error(StatusCode::NOT_FOUND, "no such queue");
    };
    let Ok(id) = id.parse::<u64>() else {
        return control_error(&ControlError::UnknownQueue(id));
    };
    match s.engine.with_world(|w| op(w, id, &team)) {
        Ok(()) => no_content(),
        Err(e) => control_error(&e),
    }
}

async fn assign_queue(
    State(s): State<ControlState>,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Response {
    queue_team_op(&s, path, |w, id, team| w.assign_queue(id, team))
}

async fn remove_queue(
    State(s): State<ControlState>,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    let Ok(Path(id)) = path else {
        return error(StatusCode::NOT_FOUND, "no such queue");
    };
    let Ok(id) = id.parse::<u64>() else {
        return control_error(&ControlError::UnknownQueue(id));
    };
    match s.engine.with_world(|w| w.remove_queue(id)) {
        Ok(()) => no_content(),
        Err(e) => control_error(&e),
    }
}

async fn unassign_queue(
    State(s): State<ControlState>,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Response {
    queue_team_op(&s, path, |w, id, team| w.unassign_queue(id, team))
}

async fn settle(State(s): State<ControlState>) -> Response {
    s.engine.flush().await;
    no_content()
}

#[derive(Deserialize)]
struct DownBody {
    down: bool,
}

/// Runs a fault switch with the `down` of the body.
fn switch(body: &Bytes, apply: impl FnOnce(bool)) -> Response {
    match parse::<DownBody>(body) {
        Ok(b) => {
            apply(b.down);
            no_content()
        }
        Err(m) => bad_request(&m),
    }
}

async fn node_down(State(s): State<ControlState>, body: Bytes) -> Response {
    switch(&body, |down| s.engine.set_node_down(down))
}

async fn notification_service_down(State(s): State<ControlState>, body: Bytes) -> Response {
    switch(&body, |down| s.engine.set_notification_service_down(down))
}

async fn web_app_down(State(s): State<ControlState>, body: Bytes) -> Response {
    switch(&body, |down| s.engine.set_web_app_down(down))
}

async fn cut_link(
    State(s): State<ControlState>,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    let Ok(Path(id)) = path else {
        return error(StatusCode::NOT_FOUND, "no such agent");
    };
    if !s.engine.with_world(|w| w.agents.contains_key(&id)) {
        return error(StatusCode::NOT_FOUND, "no such agent");
    }
    let cut = s.engine.cut_client_link(&id);
    Json(json!({ "login_id": id, "cut": cut })).into_response()
}

#[derive(Deserialize)]
struct TokenBody {
    lifetime_ms: u64,
}

/// Issues an SSO token; the answer is the only place it appears (never logged).
async fn issue_token(
    State(s): State<ControlState>,
    path: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Response {
    let Ok(Path(id)) = path else {
        return error(StatusCode::NOT_FOUND, "no such agent");
    };
    let b = match parse::<TokenBody>(&body) {
        Ok(b) => b,
        Err(m) => return bad_request(&m),
    };
    match s
        .engine
        .issue_agent_token(&id, Duration::from_millis(b.lifetime_ms))
    {
        Ok(token) => (StatusCode::CREATED, Json(json!({ "token": token }))).into_response(),
        Err(e) => control_error(&e),
    }
}
