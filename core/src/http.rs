//! The HTTP exchange with the Finesse nodes: one ureq agent, side A / side B selection, and the
//! mapping of every failure onto [`Error`], including "outcome unknown" for commands.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::Instant;

use base64::Engine;

use crate::config::{Config, Credentials, Secret};
use crate::error::{ApiFailure, Error, ErrorKind};
use crate::limits::DecodeLimits;
use crate::model::ApiError;
use crate::session::SignInSecret;
use crate::shared::{SharedCache, shared};
use crate::token::Tokens;

/// The size of each I/O buffer of a connection.
const BUFFER_BYTES: usize = 16 * 1024;

/// The most response header accepted (a Finesse answer has under 1 KiB; proxies add some).
const MAX_HEADER_BYTES: usize = 12 * 1024;

/// How much of a non-XML error body is kept for the error message.
const SNIPPET_CHARS: usize = 200;

/// The method of a command.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Method {
    Put,
    Post,
    Delete,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

/// Sends requests to the active node, with the credentials and limits of the configuration.
pub(crate) struct Http {
    agent: Arc<ureq::Agent>,
    /// Held so that this client's notification sessions share it (see `tls::trust`).
    _trust: Arc<crate::tls::Trust>,
    /// Side A, then side B (configured, or learned from SystemInfo).
    nodes: RwLock<Vec<String>>,
    /// Index into `nodes` of the node requests go to first.
    active: AtomicUsize,
    /// Notification sessions running: while one runs it chooses the node, and REST follows
    /// it rather than moving alone (REST and notifications always use one node, DG12.5
    /// "Failover").
    pinned: AtomicUsize,
    /// The nodes a session is moving between (from, to): commands are refused meanwhile.
    failing_over: Mutex<Option<(String, String)>>,
    /// Where the `Authorization` header comes from; never logged.
    authorization: Authorization,
    limits: DecodeLimits,
    /// The proxy requests go through (from `ALL_PROXY`, `HTTPS_PROXY`, `HTTP_PROXY`), named
    /// in transport errors.
    proxy: Option<ureq::Proxy>,
    /// Set when the server rejected the credentials (401, authentication), cleared by an
    /// answer that accepted them: the notification session retries nothing meanwhile.
    rejected: Arc<AtomicBool>,
}

/// The `Authorization` header of every request.
enum Authorization {
    /// Basic credentials or a fixed bearer token: the header value, and the password or token
    /// the notification session signs in with.
    Fixed { header: String, secret: Secret },
    /// Tokens from the application's provider.
    Tokens(Arc<Tokens>),
}

/// What a request was sent with: the header, and the token in it if it came from the
/// provider (to renew it if rejected).
struct Credential {
    header: String,
    token: Option<Secret>,
}

impl Http {
    pub(crate) fn new(config: &Config) -> Http {
        let trust = crate::tls::trust(config);
        let agent = shared_agent(config);
        let authorization = match &config.credentials {
            Credentials::Basic { username, password } => Authorization::Fixed {
                header: format!(
                    "Basic {}",
                    base64::engine::general_purpose::STANDARD
                        .encode(format!("{username}:{}", password.expose()))
                ),
                secret: password.clone(),
            },
            Credentials::Bearer { token, .. } => Authorization::Fixed {
                header: format!("Bearer {}", token.expose()),
                secret: token.clone(),
            },
            Credentials::TokenProvider { provider, .. } => {
                Authorization::Tokens(Arc::new(Tokens::new(provider.clone())))
            }
        };
        Http {
            proxy: agent.config().proxy().cloned(),
            agent,
            _trust: trust,
            nodes: RwLock::new(config.nodes.clone()),
            active: AtomicUsize::new(0),
            pinned: AtomicUsize::new(0),
            failing_over: Mutex::new(None),
            authorization,
            limits: config.limits,
            rejected: Arc::default(),
        }
    }

    /// The flag saying that the server rejected the credentials, shared with the notification
    /// session so that it never reconnects with them.
    pub(crate) fn credentials_rejected(&self) -> Arc<AtomicBool> {
        self.rejected.clone()
    }

    /// The limits documents are decoded with.
    pub(crate) fn limits(&self) -> DecodeLimits {
        self.limits
    }

    /// What the notification session signs in with: the same password, fixed token or
    /// provider's tokens as REST (one token cache for both).
    pub(crate) fn sign_in_secret(&self) -> SignInSecret {
        match &self.authorization {
            Authorization::Fixed { secret, .. } => SignInSecret::Fixed(secret.clone()),
            Authorization::Tokens(tokens) => SignInSecret::Tokens(tokens.clone()),
        }
    }

    /// The URL of the node requests currently go to first.
    pub(crate) fn active_node(&self) -> String {
        self.node(self.active.load(Ordering::Relaxed))
    }

    /// The URL of node `index` (0 side A, 1 side B).
    fn node(&self, index: usize) -> String {
        let nodes = self.nodes.read().unwrap_or_else(PoisonError::into_inner);
        nodes[index.min(nodes.len() - 1)].clone()
    }

    fn node_count(&self) -> usize {
        self.nodes
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// The other node than the active one: configured, else learned (`learn_alternate`).
    pub(crate) fn alternate_node(&self) -> Option<String> {
        let nodes = self.nodes.read().unwrap_or_else(PoisonError::into_inner);
        let active = self.active.load(Ordering::Relaxed);
        (nodes.len() > 1).then(|| nodes[(active + 1) % nodes.len()].clone())
    }

    /// Records the other node SystemInfo names, when the configuration gave only one.
    pub(crate) fn learn_alternate(&self, url: &str) {
        let mut nodes = self.nodes.write().unwrap_or_else(PoisonError::into_inner);
        if nodes.len() == 1 && nodes[0] != url {
            log::info!("SystemInfo names the other node: {url}");
            nodes.push(url.to_owned());
        }
    }

    /// Makes `url` (one of the nodes) the node requests go to.
    pub(crate) fn move_to(&self, url: &str) {
        let nodes = self.nodes.read().unwrap_or_else(PoisonError::into_inner);
        if let Some(index) = nodes.iter().position(|n| n == url) {
            self.active.store(index, Ordering::Relaxed);
        }
    }

    /// Pins REST to the session's node while the session runs; unpinned when the guard drops.
    pub(crate) fn pin(self: &Arc<Self>) -> Pin {
        self.pinned.fetch_add(1, Ordering::Relaxed);
        Pin(self.clone())
    }

    /// Refuses commands while a session moves from one node to the other (`None`: done).
    pub(crate) fn set_failing_over(&self, nodes: Option<(String, String)>) {
        *self
            .failing_over
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = nodes;
    }

    /// Whether REST may move to the other node by itself: only while no session runs.
    fn may_move(&self) -> bool {
        self.pinned.load(Ordering::Relaxed) == 0 && self.node_count() > 1
    }

    /// GETs `path` and returns the body of a 2xx answer. A GET changes nothing, so when the
    /// active node is unreachable or out of service the other node is tried, and becomes the
    /// active one if it answers; but not while a notification session runs, which moves
    /// REST and notifications together.
    pub(crate) fn get(&self, path: &str) -> Result<Vec<u8>, Error> {
        self.get_with(path, &[])
    }

    /// As [`Http::get`], with extra request headers (a phone book list's `Range`).
    pub(crate) fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Result<Vec<u8>, Error> {
        let first = self.active.load(Ordering::Relaxed);
        let mut result = self.get_from_with(&self.node(first), path, headers);
        if let Err(e) = &result
            && self.may_move()
            && node_unavailable(e)
        {
            let other = (first + 1) % self.node_count();
            result = self.get_from_with(&self.node(other), path, headers);
            if result.is_ok() {
                self.active.store(other, Ordering::Relaxed);
            }
        }
        result
    }

    /// GETs `path` from the node at `node` (a node URL), with one renewal of a provider's
    /// token the server rejected: a GET changes nothing, so it may be sent again.
    pub(crate) fn get_from(&self, node: &str, path: &str) -> Result<Vec<u8>, Error> {
        self.get_from_with(node, path, &[])
    }

    fn get_from_with(
        &self,
        node: &str,
        path: &str,
        headers: &[(&str, &str)],
    ) -> Result<Vec<u8>, Error> {
        let credential = self.credential()?;
        match self.get_once(node, path, &credential.header, headers) {
            Err(e) if e.kind() == ErrorKind::Authentication => match self.renewed(&credential)? {
                Some(header) => self.get_once(node, path, &header, headers),
                None => Err(e),
            },
            result => result,
        }
    }

    fn get_once(
        &self,
        node: &str,
        path: &str,
        authorization: &str,
        headers: &[(&str, &str)],
    ) -> Result<Vec<u8>, Error> {
        let url = format!("{node}{path}");
        let started = Instant::now();
        let mut request = self
            .agent
            .get(&url)
            .header("Authorization", authorization)
            .header("Accept", "application/xml");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let result = request
            .call()
            .map_err(|e| self.transport_error(e, &url, None))
            .and_then(|response| self.read_answer(response, &url, None));
        let outcome = result.as_ref().map(|(status, _)| *status);
        log_exchange("GET", &url, None, started, outcome);
        result.map(|(_, body)| body)
    }

    /// The credential for the next request.
    fn credential(&self) -> Result<Credential, Error> {
        match &self.authorization {
            Authorization::Fixed { header, .. } => Ok(Credential {
                header: header.clone(),
                token: None,
            }),
            Authorization::Tokens(tokens) => {
                let token = tokens.current()?;
                Ok(Credential {
                    header: format!("Bearer {}", token.expose()),
                    token: Some(token),
                })
            }
        }
    }

    /// After a 401: the header with a renewed token, if the provider gave a new one.
    fn renewed(&self, used: &Credential) -> Result<Option<String>, Error> {
        let (Authorization::Tokens(tokens), Some(token)) = (&self.authorization, &used.token)
        else {
            return Ok(None);
        };
        log::info!("the server rejected the access token; asking the provider for a new one");
        Ok(tokens
            .renew_after_rejection(token)?
            .map(|token| format!("Bearer {}", token.expose())))
    }

    /// Sends a command. It is sent once: if the active node cannot be connected to (so nothing
    /// was sent) it goes to the other node instead; any failure after that is reported, as
    /// [`Error::OutcomeUnknown`] when the command may have arrived.
    pub(crate) fn send(
        &self,
        method: Method,
        path: &str,
        body: String,
        request_id: &str,
    ) -> Result<(), Error> {
        self.send_for_answer(method, path, body, request_id)
            .map(drop)
    }

    /// As [`Http::send`], returning the answer's status and body (the TeamMessage APIs
    /// answer with a document rather than 202).
    pub(crate) fn send_for_answer(
        &self,
        method: Method,
        path: &str,
        body: String,
        request_id: &str,
    ) -> Result<(u16, Vec<u8>), Error> {
        if let Some((from, to)) = self
            .failing_over
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
        {
            return Err(Error::FailingOver { from, to });
        }
        let credential = self.credential()?;
        let first = self.active.load(Ordering::Relaxed);
        let result = match self.send_to(first, method, path, &body, request_id, &credential) {
            Err(Attempt::NotSent(e)) if self.may_move() => {
                let other = (first + 1) % self.node_count();
                let result = self.send_to(other, method, path, &body, request_id, &credential);
                if result.is_ok() {
                    self.active.store(other, Ordering::Relaxed);
                }
                result.map_err(|attempt| match attempt {
                    // Both nodes unreachable: report the active node's failure.
                    Attempt::NotSent(_) => e,
                    Attempt::Failed(e) => e,
                })
            }
            Err(Attempt::NotSent(e) | Attempt::Failed(e)) => Err(e),
            Ok(answer) => Ok(answer),
        };
        // A command is never sent twice: a rejected token is renewed for the next request,
        // and the rejection reported.
        if let Err(e) = &result
            && e.kind() == ErrorKind::Authentication
            && let Err(renewal) = self.renewed(&credential)
        {
            log::warn!("renewing the rejected access token failed: {renewal}");
        }
        result
    }

    fn send_to(
        &self,
        node: usize,
        method: Method,
        path: &str,
        body: &str,
        request_id: &str,
        credential: &Credential,
    ) -> Result<(u16, Vec<u8>), Attempt> {
        let url = format!("{}{path}", self.node(node));
        let request = match method {
            Method::Put => self.agent.put(&url),
            Method::Post => self.agent.post(&url),
            Method::Delete => self.agent.delete(&url).force_send_body(),
        }
        // A command never rides a pooled connection: the server may close an idle one just as
        // the command leaves (after ureq's check that it is open), and that failure could not
        // be told from a command that arrived. On a fresh connection, a failure after sending
        // really is an unknown outcome. Finesse commands are few; a handshake each is cheap.
        .config()
        .max_idle_age(std::time::Duration::ZERO)
        .build();
        let started = Instant::now();
        let result = request
            .header("Authorization", &credential.header)
            .header("Accept", "application/xml")
            .header("Content-Type", "application/xml")
            .header("requestId", request_id)
            .send(body)
            .map_err(|e| {
                if sent_nothing(&e) {
                    Attempt::NotSent(self.transport_error(e, &url, None))
                } else {
                    Attempt::Failed(self.transport_error(e, &url, Some(request_id)))
                }
            })
            .and_then(|response| {
                self.read_answer(response, &url, Some(request_id))
                    .map_err(Attempt::Failed)
            });
        let outcome = match &result {
            Ok((status, _)) => Ok(*status),
            Err(Attempt::NotSent(e) | Attempt::Failed(e)) => Err(e),
        };
        log_exchange(method.as_str(), &url, Some(request_id), started, outcome);
        result
    }

    /// Maps a ureq failure, naming the URL and the proxy it went through. With `request_id`
    /// (a command that may have been sent), anything that is not known to have happened
    /// before sending is an unknown outcome.
    fn transport_error(&self, e: ureq::Error, url: &str, request_id: Option<&str>) -> Error {
        let through = self
            .proxy_for(url)
            .map(|proxy| format!(", through proxy {proxy}"));
        let message = format!("{e}{}", through.as_deref().unwrap_or(""));
        let error = if let Some(request_id) = request_id {
            Error::OutcomeUnknown {
                request_id: request_id.to_owned(),
                message,
                url: None,
                source: None,
            }
        } else {
            match &e {
                ureq::Error::Timeout(t) => Error::timeout(format!("{t}")),
                ureq::Error::Tls(m) => Error::tls(*m),
                ureq::Error::Rustls(e) => Error::tls(e.to_string()),
                ureq::Error::Io(io) if is_tls_failure(io) => Error::tls(io.to_string()),
                ureq::Error::BodyExceedsLimit(limit) => {
                    return Error::Decode(crate::error::DecodeError::new(
                        "response",
                        format!("response body larger than {limit} bytes"),
                    ));
                }
                // The server answered, with more header than a Finesse answer ever has: not
                // "unreachable".
                ureq::Error::LargeResponseHeader(_, limit) => {
                    return Error::Decode(crate::error::DecodeError::new(
                        "response",
                        format!("response headers larger than {limit} bytes"),
                    ));
                }
                _ => Error::transport(message),
            }
        };
        let error = error.at(url);
        match e {
            // The I/O error itself is the cause; ureq's wrapper adds only "io: ".
            ureq::Error::Io(io) => error.caused_by(io),
            other => error.caused_by(other),
        }
    }

    /// The proxy a request to `url` goes through (scheme, host and port: never its
    /// credentials).
    fn proxy_for(&self, url: &str) -> Option<String> {
        let proxy = self.proxy.as_ref()?;
        let uri: ureq::http::Uri = url.parse().ok()?;
        if proxy.is_no_proxy(&uri) {
            return None;
        }
        let scheme = proxy.uri().scheme_str().unwrap_or("http");
        Some(format!("{scheme}://{}:{}", proxy.host(), proxy.port()))
    }

    /// Turns an answer into its body (2xx) or an [`Error::Api`].
    fn read_answer(
        &self,
        mut response: ureq::http::Response<ureq::Body>,
        url: &str,
        request_id: Option<&str>,
    ) -> Result<(u16, Vec<u8>), Error> {
        let status = response.status().as_u16();
        if status != 401 {
            self.rejected.store(false, Ordering::Relaxed);
        }
        let location = response
            .headers()
            .get("Location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response
            .body_mut()
            .with_config()
            .limit(self.limits.max_document_bytes as u64)
            .read_to_vec();
        if (200..300).contains(&status) {
            return match body {
                Ok(body) => Ok((status, body)),
                // A command's 2xx status line says it was accepted, whatever its body did.
                Err(_) if request_id.is_some() => Ok((status, Vec::new())),
                Err(e) => Err(self.transport_error(e, url, None)),
            };
        }
        let (errors, body_snippet) = match &body {
            Ok(bytes) if bytes.is_empty() => (Vec::new(), None),
            Ok(bytes) => match ApiError::list_from_xml_with_limits(bytes, self.limits) {
                Ok(errors) => (errors, None),
                Err(_) => (Vec::new(), Some(snippet(bytes))),
            },
            Err(e) => (Vec::new(), Some(format!("(body unreadable: {e})"))),
        };
        let error = Error::Api(Box::new(ApiFailure {
            status,
            errors,
            request_id: request_id.map(str::to_owned),
            body_snippet,
            location: location.filter(|_| (300..400).contains(&status)),
        }));
        if error.kind() == ErrorKind::Authentication {
            self.rejected.store(true, Ordering::Relaxed);
        }
        Err(error)
    }
}

/// Keeps REST on the session's node while the session runs.
pub(crate) struct Pin(Arc<Http>);

impl Drop for Pin {
    fn drop(&mut self) {
        self.0.pinned.fetch_sub(1, Ordering::Relaxed);
        self.0.set_failing_over(None);
    }
}

/// The ureq agent for `config`'s HTTP settings (timeouts, user agent, trust), shared by every
/// client with the same: an agent holds its parsed roots and its pool, some hundred KiB that
/// each of the thousands of clients of a floor would otherwise hold. Requests carry their own
/// credentials; pooled connections serve only GETs (commands open their own). Kept while a
/// client holds it: its pool closes with the last one.
fn shared_agent(config: &Config) -> Arc<ureq::Agent> {
    type Key = (
        crate::config::Timeouts,
        String,
        Vec<rustls::pki_types::CertificateDer<'static>>,
        bool,
    );
    static CACHE: SharedCache<Key, ureq::Agent> = Mutex::new(Vec::new());
    let key = (
        config.timeouts,
        config.user_agent.clone(),
        config.ca_certs.clone(),
        config.accept_invalid_certs,
    );
    shared(&CACHE, key, || new_agent(config))
}

fn new_agent(config: &Config) -> ureq::Agent {
    let t = config.timeouts;
    ureq::Agent::config_builder()
        // Error answers carry ApiErrors bodies: read them instead of turning them into
        // opaque errors.
        .http_status_as_error(false)
        // A redirect (Finesse 12.5 sends plain HTTP to 8445) is reported, not followed:
        // following would turn a PUT into a GET.
        .max_redirects(0)
        .max_redirects_will_error(false)
        // One timeout per step, none global, so that a timeout says whether the request
        // could have been sent. None for name resolution: ureq would resolve on a thread of
        // its own for every request to enforce it; the system resolver bounds itself.
        .timeout_connect(Some(t.connect))
        .timeout_send_request(Some(t.response))
        .timeout_send_body(Some(t.response))
        .timeout_recv_response(Some(t.response))
        .timeout_recv_body(Some(t.body))
        // Finesse documents are a few KiB: ureq's 128 KiB buffers (kept per pooled
        // connection, twice over TLS) would be idle memory.
        .input_buffer_size(BUFFER_BYTES)
        .output_buffer_size(BUFFER_BYTES)
        // Headers must fit in the input buffer; below its size the overflow is reported as
        // such, rather than as a server that went away.
        .max_response_header_size(MAX_HEADER_BYTES)
        .user_agent(config.user_agent.as_str())
        .tls_config(crate::tls::ureq_config(config))
        .build()
        .into()
}

/// Why a command attempt failed: before anything was sent, or after.
enum Attempt {
    NotSent(Error),
    Failed(Error),
}

/// Whether the node should be considered down, so a GET may go to the other one.
fn node_unavailable(e: &Error) -> bool {
    matches!(e, Error::Transport { .. } | Error::Timeout { .. }) || e.http_status() == Some(503)
}

/// Failures that happen before the request line leaves the process: resolving, connecting,
/// the TLS handshake, a bad URL.
fn sent_nothing(e: &ureq::Error) -> bool {
    use std::io::ErrorKind::*;
    match e {
        ureq::Error::HostNotFound
        | ureq::Error::ConnectionFailed
        | ureq::Error::BadUri(_)
        | ureq::Error::Http(_)
        | ureq::Error::Tls(_)
        | ureq::Error::Pem(_)
        | ureq::Error::Rustls(_)
        | ureq::Error::RequireHttpsOnly(_)
        | ureq::Error::TlsRequired
        | ureq::Error::InvalidProxyUrl
        | ureq::Error::ConnectProxyFailed(_) => true,
        ureq::Error::Timeout(t) => {
            matches!(t, ureq::Timeout::Resolve | ureq::Timeout::Connect)
        }
        ureq::Error::Io(io) => {
            is_tls_failure(io)
                || matches!(
                    io.kind(),
                    ConnectionRefused | HostUnreachable | NetworkUnreachable | AddrNotAvailable
                )
        }
        _ => false,
    }
}

fn is_tls_failure(io: &std::io::Error) -> bool {
    io.get_ref()
        .is_some_and(|inner| inner.downcast_ref::<rustls::Error>().is_some())
}

/// One line per exchange: method, URL, status or failure, request id, time. Never a header:
/// the `Authorization` header holds the credentials.
fn log_exchange(
    method: &str,
    url: &str,
    request_id: Option<&str>,
    started: Instant,
    outcome: Result<u16, &Error>,
) {
    let elapsed = started.elapsed().as_millis();
    let request_id = request_id
        .map(|id| format!(" (requestId {id})"))
        .unwrap_or_default();
    match outcome {
        Ok(status) => log::debug!("{method} {url}{request_id}: HTTP {status} in {elapsed} ms"),
        Err(e) => match e.http_status() {
            Some(status) => {
                log::debug!("{method} {url}{request_id}: HTTP {status} in {elapsed} ms")
            }
            None => log::warn!(
                "{method} {url}{request_id}: failed after {elapsed} ms: {}",
                e.to_string_with_causes()
            ),
        },
    }
}

/// The start of a body that is not XML, on one line, printable characters only.
fn snippet(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !c.is_control()));
        if out.chars().count() >= SNIPPET_CHARS {
            out = out.chars().take(SNIPPET_CHARS).collect();
            out.push('…');
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_while_failing_over_is_refused_unsent() {
        // A listener that counts connections: the refused command must make none.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let url = format!("https://{}", listener.local_addr().unwrap());
        let config = Config::builder(&url)
            .basic_auth("1001", "secret1001")
            .build()
            .unwrap();
        let http = Http::new(&config);
        let to = "https://fin-b.example.com:8445".to_owned();
        http.set_failing_over(Some((url.clone(), to.clone())));
        let error = http
            .send(Method::Put, "/finesse/api/User/1001", String::new(), "r1")
            .unwrap_err();
        assert!(
            matches!(&error, Error::FailingOver { from, to: moving_to } if *from == url && *moving_to == to),
            "{error:?}"
        );
        assert_eq!(error.kind(), ErrorKind::ServiceUnavailable);
        assert!(error.to_string().contains("nothing was sent"), "{error}");
        assert!(listener.accept().is_err(), "a connection was made");
        // Once there, commands go out again (here: to a closed port).
        drop(listener);
        http.set_failing_over(None);
        let sent = http.send(Method::Put, "/finesse/api/User/1001", String::new(), "r2");
        assert!(!matches!(sent, Err(Error::FailingOver { .. })));
    }
}
