//! BOSH (XEP-0124 with XEP-0206) at `/http-bind/` and `/http-bind` on a port of its own, as
//! Finesse serves it on 7443 (reference 10.1): the request handler creates sessions and
//! hands each later request to its session's task (`session`). Bounded: bodies by the HTTP
//! server (`limits::MAX_BODY`; larger ones end with `policy-violation`), their XML in depth
//! and nodes, sessions in number, requests per session by the window.

mod body;
mod session;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderValue, Method, Response, StatusCode, header};
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use super::connection::{Connection, Out};
use super::link::Links;
use super::stanza::Incoming;
use crate::engine::Engine;
use crate::transports::Transports;
pub(crate) use body::parse as parse_body;
use body::{ClientBody, Created, Refusal};
use session::{Params, Request, Start};

/// Sessions open at once.
const MAX_SESSIONS: usize = 256;
/// The longest `wait` granted, in seconds (Openfire's default maximum).
const MAX_WAIT: u64 = 60;
/// The most requests held at once per session.
const MAX_HOLD: u64 = 2;

/// The sessions by `sid`, shared by the handler and the session tasks.
#[derive(Clone, Default)]
pub(crate) struct Registry(Arc<Mutex<HashMap<String, mpsc::Sender<Request>>>>);

impl Registry {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, mpsc::Sender<Request>>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn get(&self, sid: &str) -> Option<mpsc::Sender<Request>> {
        self.lock().get(sid).cloned()
    }

    /// Adds a session unless there are as many as the server keeps.
    fn insert(&self, sid: &str, requests: mpsc::Sender<Request>) -> bool {
        let mut sessions = self.lock();
        if sessions.len() >= MAX_SESSIONS {
            return false;
        }
        sessions.insert(sid.to_owned(), requests);
        true
    }

    pub fn remove(&self, sid: &str) {
        self.lock().remove(sid);
    }
}

/// The BOSH endpoint of the running server.
#[derive(Clone)]
pub(crate) struct Bosh {
    engine: Arc<Engine>,
    links: Links,
    registry: Registry,
    inactivity: Duration,
    secure: bool,
}

fn xml(content: String) -> Response<Body> {
    let mut response = Response::new(Body::from(content));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/xml; charset=utf-8"),
    );
    response
}

/// A terminal binding condition (XEP-0124 17.2): the client set `ver`, so HTTP 200.
fn terminate(condition: &str) -> Response<Body> {
    xml(body::terminate(Some(condition), ""))
}

impl Bosh {
    /// `secure`: whether the port serves TLS (the creation response says so).
    pub fn new(engine: Arc<Engine>, links: Links, inactivity: Duration, secure: bool) -> Bosh {
        Bosh {
            engine,
            links,
            registry: Registry::default(),
            inactivity,
            secure,
        }
    }

    /// The answer to a request whose body could not be read whole: too large
    /// (`policy-violation`) or cut short (`bad-request`).
    pub fn refuse(too_large: bool) -> Response<Body> {
        terminate(if too_large {
            "policy-violation"
        } else {
            "bad-request"
        })
    }

    /// Answers one HTTP request; `None` drops the connection without an answer (the
    /// session was cut off).
    pub async fn handle(
        &self,
        method: &Method,
        path: &str,
        bytes: &[u8],
    ) -> Option<Response<Body>> {
        let offered = self.engine.with_world(|w| Transports::of(w.release).bosh);
        if !offered || !matches!(path, "/http-bind/" | "/http-bind") {
            let mut response = Response::new(Body::from("not found"));
            *response.status_mut() = StatusCode::NOT_FOUND;
            return Some(response);
        }
        if method != Method::POST {
            let mut response = Response::new(Body::from("POST a BOSH body"));
            *response.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
            response
                .headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("POST"));
            return Some(response);
        }
        let client = match std::str::from_utf8(bytes) {
            Ok(text) => body::parse(text),
            Err(_) => Err(Refusal("bad-request")),
        };
        let client = match client {
            Ok(client) => client,
            Err(Refusal(condition)) => return Some(terminate(condition)),
        };
        match client.sid.clone() {
            None => Some(self.create(client)),
            Some(sid) => self.forward(&sid, client).await,
        }
    }

    /// Session creation (XEP-0124 7.1): the stream opens at once and its features go back
    /// with the session's parameters.
    fn create(&self, client: ClientBody) -> Response<Body> {
        let wait = client.wait.unwrap_or(MAX_WAIT).clamp(1, MAX_WAIT);
        let hold = client.hold.unwrap_or(1).clamp(1, MAX_HOLD);
        let params = Params {
            wait: Duration::from_secs(wait),
            hold: hold as usize,
            inactivity: self.inactivity,
        };
        let (mut conn, inbox) = Connection::new(Arc::clone(&self.engine));
        let Ok(outs) = conn.handle(Incoming::Open) else {
            return terminate("internal-server-error");
        };
        let mut stream_id = String::new();
        let mut content = String::new();
        for out in outs {
            match out {
                Out::Open(id) => stream_id = id,
                Out::Frame(frame) => content.push_str(&frame),
            }
        }
        let sid = Uuid::new_v4().simple().to_string();
        let (requests, receiver) = session::channel(params);
        if !self.registry.insert(&sid, requests) {
            return terminate("policy-violation");
        }
        let created = Created {
            sid: &sid,
            stream_id: &stream_id,
            wait,
            hold,
            inactivity: self.inactivity.as_secs(),
            secure: self.secure,
        };
        let response = body::created(&created, &content);
        tokio::spawn(session::run(Start {
            sid,
            rid: client.rid,
            params,
            conn,
            inbox,
            requests: receiver,
            link: self.links.link(),
            registry: self.registry.clone(),
        }));
        xml(response)
    }

    /// Hands a request to its session and waits for the answer.
    async fn forward(&self, sid: &str, client: ClientBody) -> Option<Response<Body>> {
        let Some(session) = self.registry.get(sid) else {
            return Some(terminate("item-not-found"));
        };
        let (respond, answer) = oneshot::channel();
        let request = Request {
            body: client,
            respond,
        };
        if session.try_send(request).is_err() {
            // More requests open than the window allows (XEP-0124 12).
            return Some(terminate("policy-violation"));
        }
        answer.await.ok().map(xml)
    }
}
