//! The log of REST requests the server received, for tests that assert what an
//! application sent. Bounded: the most recent [`LOG_CAP`] requests, bodies cut at
//! [`BODY_CAP`] bytes. Credentials are never recorded: only the `requestId` header is kept,
//! and the authenticated user's login id.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;

use serde::Serialize;

/// Oldest requests are forgotten past this many.
pub(crate) const LOG_CAP: usize = 1_000;
/// Longest body kept, in bytes; longer bodies are cut (at a character boundary).
pub(crate) const BODY_CAP: usize = 8 * 1024;

/// One REST request as the server received and answered it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecordedRequest {
    /// Sequence number, starting at 1, increasing by one per request (also across clears).
    pub seq: u64,
    /// HTTP method, e.g. `POST`.
    pub method: String,
    /// Path without the query, e.g. `/finesse/api/User/1001/Dialogs`.
    pub path: String,
    /// The query string without `?`; empty when none.
    pub query: String,
    /// The `requestId` header; `None` when absent.
    pub request_id: Option<String>,
    /// The body as text (invalid UTF-8 replaced), at most 8 KiB.
    pub body: String,
    /// Whether `body` was cut.
    pub body_truncated: bool,
    /// The status answered (for a cut connection: the status that was not sent).
    pub status: u16,
    /// The login id of the user the request authenticated as; `None` when it did not.
    pub user: Option<String>,
}

/// The bounded log.
#[derive(Default)]
pub(crate) struct RequestLog {
    entries: VecDeque<RecordedRequest>,
    next_seq: u64,
}

/// What a request was, before its answer is known.
pub(crate) struct Received<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub query: &'a str,
    pub request_id: Option<&'a str>,
    pub body: &'a [u8],
}

impl RequestLog {
    /// Appends a request with its answer and the user it authenticated as.
    pub fn record(&mut self, request: &Received<'_>, status: u16, user: Option<String>) {
        self.next_seq += 1;
        let text = String::from_utf8_lossy(request.body);
        let body_truncated = text.len() > BODY_CAP;
        let body = if body_truncated {
            let mut end = BODY_CAP;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text[..end].to_owned()
        } else {
            text.into_owned()
        };
        if self.entries.len() == LOG_CAP {
            self.entries.pop_front();
        }
        self.entries.push_back(RecordedRequest {
            seq: self.next_seq,
            method: request.method.to_owned(),
            path: request.path.to_owned(),
            query: request.query.to_owned(),
            request_id: request.request_id.map(str::to_owned),
            body,
            body_truncated,
            status,
            user,
        });
    }

    /// Requests with a sequence number greater than `seq`, oldest first.
    pub fn since(&self, seq: u64) -> Vec<RecordedRequest> {
        self.entries
            .iter()
            .filter(|r| r.seq > seq)
            .cloned()
            .collect()
    }

    /// Forgets every request; sequence numbers keep counting.
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

tokio::task_local! {
    /// The login id the request being handled authenticated as.
    static AUTHENTICATED: RefCell<Option<String>>;
}

/// Runs a request's handling, returning its result and the user it authenticated as
/// (noted by [`note_authenticated`] on the same task).
pub(crate) async fn observe_user<T>(handling: impl Future<Output = T>) -> (T, Option<String>) {
    AUTHENTICATED
        .scope(RefCell::new(None), async move {
            let result = handling.await;
            let user = AUTHENTICATED.with(|cell| cell.borrow_mut().take());
            (result, user)
        })
        .await
}

/// Notes the authenticated user of the request being handled; nothing outside
/// [`observe_user`].
pub(crate) fn note_authenticated(login_id: &str) {
    let _ = AUTHENTICATED.try_with(|cell| *cell.borrow_mut() = Some(login_id.to_owned()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn received(body: &[u8]) -> Received<'_> {
        Received {
            method: "POST",
            path: "/finesse/api/User/1001/Dialogs",
            query: "",
            request_id: Some("r-1"),
            body,
        }
    }

    #[test]
    fn keeps_the_most_recent_requests_only() {
        let mut log = RequestLog::default();
        for _ in 0..LOG_CAP + 5 {
            log.record(&received(b"<Dialog/>"), 202, Some("1001".to_owned()));
        }
        let all = log.since(0);
        assert_eq!(all.len(), LOG_CAP);
        assert_eq!(all[0].seq, 6);
        assert_eq!(log.since(LOG_CAP as u64 + 4).len(), 1);
        log.clear();
        assert!(log.since(0).is_empty());
        log.record(&received(b""), 401, None);
        assert_eq!(log.since(0)[0].seq, LOG_CAP as u64 + 6);
    }

    #[test]
    fn long_bodies_are_cut_at_a_character_boundary() {
        let mut log = RequestLog::default();
        let body = "é".repeat(BODY_CAP);
        log.record(&received(body.as_bytes()), 400, None);
        let entry = &log.since(0)[0];
        assert!(entry.body_truncated);
        assert_eq!(entry.body.len(), BODY_CAP);
        assert!(entry.body.chars().all(|c| c == 'é'));
    }
}
