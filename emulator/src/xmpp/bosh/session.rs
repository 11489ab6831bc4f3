//! One BOSH session (XEP-0124): a task owning the XMPP stream and the requests the client
//! has open. Requests are processed in `rid` order — one arriving early inside the window
//! waits for the ones before it (XEP-0124 14.2) —, up to `hold` are held until the server
//! has something to say or `wait` runs out, a repeated `rid` gets its response again
//! (14.3), and the session ends after `inactivity` without a request.

use std::collections::{BTreeMap, VecDeque};
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;

use super::super::connection::{Connection, End, Out, SIGN_IN_TIMEOUT};
use super::super::frames;
use super::super::link::Link;
use super::super::sessions::Outbound;
use super::super::stanza::Incoming;
use super::Registry;

/// Most bytes of stanzas one response carries, so that a burst does not make one body larger
/// than a client accepts; the rest goes in the next responses.
const MAX_RESPONSE_CONTENT: usize = 256 * 1024;
use super::body::{self, ClientBody};

/// Queues the requests of one session: the window, and one more to be refused.
pub(crate) fn channel(params: Params) -> (mpsc::Sender<Request>, mpsc::Receiver<Request>) {
    mpsc::channel(params.window() as usize + 1)
}

/// A client request handed to its session, with the way to answer it.
pub(crate) struct Request {
    pub body: ClientBody,
    pub respond: oneshot::Sender<String>,
}

/// The session's negotiated parameters.
#[derive(Clone, Copy)]
pub(crate) struct Params {
    pub wait: Duration,
    pub hold: usize,
    pub inactivity: Duration,
}

impl Params {
    /// Requests the client may have open at once (`requests` of the creation response).
    pub fn window(self) -> u64 {
        self.hold as u64 + 1
    }
}

struct Held {
    respond: oneshot::Sender<String>,
    deadline: Instant,
}

struct Session {
    sid: String,
    params: Params,
    conn: Connection,
    /// The `rid` to process next.
    next_rid: u64,
    /// Requests that arrived before an earlier one, by `rid`.
    early: BTreeMap<u64, Request>,
    /// Requests held for the server's next words, oldest first.
    held: VecDeque<Held>,
    /// Elements waiting for a held request.
    queue: Vec<String>,
    /// The last responses, by `rid`, for a client that asks again.
    answered: BTreeMap<u64, String>,
    /// The rid of each held request, in the order of `held`.
    held_rids: VecDeque<u64>,
    /// Once the session ends: the binding condition and the elements of its last body.
    ending: Option<(Option<&'static str>, String)>,
    last_request: Instant,
}

/// What a session task is started with.
pub(crate) struct Start {
    pub sid: String,
    /// The `rid` of the creation request.
    pub rid: u64,
    pub params: Params,
    pub conn: Connection,
    pub inbox: mpsc::Receiver<Outbound>,
    pub requests: mpsc::Receiver<Request>,
    pub link: Link,
    pub registry: Registry,
}

/// Runs a session; it ends when the client or the server ends it, or after `inactivity`
/// without a request.
pub(crate) async fn run(start: Start) {
    let Start {
        sid,
        rid,
        params,
        conn,
        mut inbox,
        mut requests,
        mut link,
        registry,
    } = start;
    let mut s = Session {
        sid,
        params,
        conn,
        next_rid: rid + 1,
        early: BTreeMap::new(),
        held: VecDeque::new(),
        queue: Vec::new(),
        answered: BTreeMap::new(),
        held_rids: VecDeque::new(),
        ending: None,
        last_request: Instant::now(),
    };
    let sign_in_deadline = Instant::now() + SIGN_IN_TIMEOUT;
    loop {
        if !link.thawed().await {
            break;
        }
        let bound = s.conn.is_bound();
        let wait_deadline = s.held.front().map(|h| h.deadline);
        let inactive_at = s.last_request + s.params.inactivity;
        tokio::select! {
            biased;
            () = link.interrupted() => continue,
            request = requests.recv() => match request {
                Some(request) => s.accept(request),
                None => break,
            },
            outbound = inbox.recv() => match outbound {
                Some(Outbound::Frame(frame)) => s.queue.push(frame),
                Some(Outbound::End(condition)) => s.end(End::Error(condition)),
                None => break,
            },
            () = sleep_until_some(wait_deadline) => s.answer_oldest(String::new()),
            () = tokio::time::sleep_until(inactive_at), if s.held.is_empty() => break,
            () = tokio::time::sleep_until(sign_in_deadline), if !bound => {
                s.end(End::Error("connection-timeout"));
            }
        }
        if s.flush() {
            break;
        }
    }
    registry.remove(&s.sid);
}

async fn sleep_until_some(deadline: Option<Instant>) {
    match deadline {
        Some(d) => tokio::time::sleep_until(d).await,
        None => std::future::pending().await,
    }
}

impl Session {
    /// Takes a request in: processed now when its turn has come, kept when early, answered
    /// again when repeated, refused beyond the window.
    fn accept(&mut self, request: Request) {
        self.last_request = Instant::now();
        let rid = request.body.rid;
        if rid < self.next_rid {
            let again = self
                .answered
                .get(&rid)
                .cloned()
                .unwrap_or_else(|| body::terminate(Some("item-not-found"), ""));
            let _ = request.respond.send(again);
            return;
        }
        if rid >= self.next_rid + self.params.window() || self.early.contains_key(&rid) {
            // Beyond the window, or twice the same: the session ends (XEP-0124 14.2).
            let _ = request
                .respond
                .send(body::terminate(Some("item-not-found"), ""));
            self.ending = Some((Some("item-not-found"), String::new()));
            return;
        }
        self.early.insert(rid, request);
        while let Some(request) = self.early.remove(&self.next_rid) {
            self.next_rid += 1;
            self.process(request);
        }
    }

    /// Feeds a request's elements to the stream, then holds it.
    fn process(&mut self, request: Request) {
        let Request { body, respond } = request;
        let rid = body.rid;
        if self.ending.is_none() {
            if body.restart {
                self.step(Incoming::Open);
            }
            for element in body.elements {
                if self.ending.is_some() {
                    break;
                }
                self.step(element);
            }
            if body.terminate && self.ending.is_none() {
                self.ending = Some((None, String::new()));
            }
        }
        self.held.push_back(Held {
            respond,
            deadline: Instant::now() + self.params.wait,
        });
        self.held_rids.push_back(rid);
        // Holding more than `hold` answers the oldest at once (XEP-0124 12).
        while self.held.len() > self.params.hold {
            self.answer_oldest(String::new());
        }
    }

    fn step(&mut self, element: Incoming) {
        match self.conn.handle(element) {
            Ok(outs) => {
                for out in outs {
                    // The stream id was given at creation; a restart answers with features.
                    if let Out::Frame(frame) = out {
                        self.queue.push(frame);
                    }
                }
            }
            Err(end) => self.end(end),
        }
    }

    fn end(&mut self, end: End) {
        let last = match end {
            End::Error(condition) => (Some("remote-stream-error"), frames::stream_error(condition)),
            End::Orderly | End::PeerClosed | End::Abrupt => (None, String::new()),
        };
        self.ending.get_or_insert(last);
    }

    /// The queued elements one response carries: up to [`MAX_RESPONSE_CONTENT`] bytes (at
    /// least one element); the rest waits for the next request.
    fn next_batch(&mut self) -> String {
        let mut size = 0;
        let count = self
            .queue
            .iter()
            .take_while(|frame| {
                let fits = size == 0 || size + frame.len() <= MAX_RESPONSE_CONTENT;
                size += frame.len();
                fits
            })
            .count();
        self.queue.drain(..count).collect::<Vec<_>>().concat()
    }

    /// Answers the oldest held request with `content` (elements, or nothing).
    fn answer_oldest(&mut self, content: String) {
        let (Some(held), Some(rid)) = (self.held.pop_front(), self.held_rids.pop_front()) else {
            return;
        };
        let response = body::carrying(&content);
        let _ = held.respond.send(response.clone());
        self.answered.insert(rid, response);
        while self.answered.len() > self.params.window() as usize {
            self.answered.pop_first();
        }
    }

    /// Sends what is queued to a held request; once the session ends, sends the last body
    /// (with what is still queued) to every held request. True once the session is over.
    fn flush(&mut self) -> bool {
        while !self.queue.is_empty() && !self.held.is_empty() && self.ending.is_none() {
            let content = self.next_batch();
            self.answer_oldest(content);
        }
        let Some((condition, content)) = self.ending.take() else {
            return false;
        };
        let mut last_content = std::mem::take(&mut self.queue).concat();
        last_content.push_str(&content);
        let last = body::terminate(condition, &last_content);
        for held in self.held.drain(..) {
            let _ = held.respond.send(last.clone());
        }
        true
    }
}
