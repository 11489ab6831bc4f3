//! Hostile peers over real sockets: deeply nested XML, oversized bodies and frames, floods
//! of header lines, on every port that parses what a client sends. Each gets the answer a
//! server gives (an HTTP status, a stream error, a BOSH terminate body), and the emulator
//! goes on serving: a normal request afterwards succeeds.

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::bosh::Bosh;
use common::tcp::{HEADER, Stream};
use common::xmpp::{Xmpp, upgrade_url};
use common::{basic, fast, start};
use finesse_emulator::{Emulator, Release};

/// `depth` nested elements, never closed: the shape that exhausts a recursive parser.
fn nested(depth: usize) -> String {
    "<a>".repeat(depth)
}

/// A User body whose state element holds `bytes` of nesting.
fn nested_user(bytes: usize) -> String {
    format!("<User><state>{}", nested(bytes / 3))
}

/// The answer to one raw HTTP/1.1 request: the status (none when the connection ended
/// without one) and everything read.
struct Raw {
    status: Option<u16>,
    text: String,
}

fn host_port(url: &str) -> String {
    url.split("://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("host:port")
        .to_owned()
}

/// Sends `head` (request line and headers, without the blank line) and `body` over a
/// plain connection, all of it before reading, as simple clients do; then reads the answer
/// until the server closes or one whole answer arrived. A server that answers early and
/// closes at once resets the connection under such a client, and its answer is lost.
fn raw(address: &str, head: &str, body: &[u8]) -> Raw {
    let mut tcp = TcpStream::connect(address).expect("port reachable");
    let timeout = Some(Duration::from_secs(10));
    tcp.set_read_timeout(timeout).expect("timeout");
    tcp.set_write_timeout(timeout).expect("timeout");
    let mut request = format!("{head}\r\ncontent-length: {}\r\n\r\n", body.len()).into_bytes();
    request.extend_from_slice(body);
    let written = tcp.write_all(&request).and_then(|()| tcp.flush());
    let mut bytes = Vec::new();
    let mut chunk = [0u8; 8192];
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        match tcp.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                bytes.extend_from_slice(&chunk[..n]);
                // One complete answer is enough (keep-alive connections stay open).
                if complete(&bytes) {
                    break;
                }
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(_) => break,
        }
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let status = text
        .strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok());
    if status.is_none() {
        return Raw {
            status,
            text: format!("no answer; writing: {written:?}"),
        };
    }
    Raw { status, text }
}

/// Whether `bytes` hold a whole response with a Content-Length.
fn complete(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        return false;
    };
    let length = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<usize>().ok())?
        })
        .unwrap_or(0);
    body.len() >= length
}

/// An authenticated REST request over plain HTTP.
fn rest(emulator: &Emulator, method: &str, path: &str, extra: &str, body: &[u8]) -> Raw {
    let address = host_port(&emulator.base_url());
    let head = format!(
        "{method} {path} HTTP/1.1\r\nhost: {address}\r\nauthorization: {}\r\n\
         content-type: application/xml{extra}",
        basic("1001", "secret1001")
    );
    raw(&address, &head, body)
}

/// The emulator still answers REST and control requests.
fn still_serving(emulator: &Emulator) {
    let r = rest(emulator, "GET", "/finesse/api/User/1001", "", b"");
    assert_eq!(r.status, Some(200), "{}", r.text);
    assert!(r.text.contains("<loginId>1001</loginId>"), "{}", r.text);
    let control = host_port(&emulator.control_url());
    let r = raw(
        &control,
        &format!("GET /info HTTP/1.1\r\nhost: {control}"),
        b"",
    );
    assert_eq!(r.status, Some(200), "{}", r.text);
}

fn plain() -> (Emulator, common::Client) {
    start(fast().plain_http(true))
}

#[test]
fn a_deeply_nested_rest_body_is_a_bad_request() {
    let (emulator, _) = plain();
    // 28 KB: within the size allowed, far too deep.
    let r = rest(
        &emulator,
        "PUT",
        "/finesse/api/User/1001",
        "",
        nested_user(28 * 1024).as_bytes(),
    );
    assert_eq!(r.status, Some(400), "{}", r.text);
    assert!(r.text.contains("<ApiErrors>"), "{}", r.text);
    still_serving(&emulator);
    // A Dialog body too.
    let dialog = format!(
        "<Dialog><requestedAction>MAKE_CALL</requestedAction>{}",
        nested(7 * 1024 / 3)
    );
    let r = rest(
        &emulator,
        "POST",
        "/finesse/api/User/1001/Dialogs",
        "",
        dialog.as_bytes(),
    );
    assert_eq!(r.status, Some(400), "{}", r.text);
    still_serving(&emulator);
}

#[test]
fn a_megabyte_of_nesting_is_too_large() {
    let (emulator, _) = plain();
    let r = rest(
        &emulator,
        "PUT",
        "/finesse/api/User/1001",
        "",
        nested_user(1024 * 1024).as_bytes(),
    );
    assert_eq!(r.status, Some(413), "{}", r.text);
    assert!(r.text.contains("<ApiErrors>"), "{}", r.text);
    still_serving(&emulator);
}

#[test]
fn an_oversized_body_is_answered_413_on_rest_and_control() {
    let (emulator, _) = plain();
    let big = vec![b'x'; 2 * 1024 * 1024];
    let r = rest(&emulator, "PUT", "/finesse/api/User/1001", "", &big);
    assert_eq!(r.status, Some(413), "{}", r.text);
    still_serving(&emulator);
    let control = host_port(&emulator.control_url());
    let r = raw(
        &control,
        &format!("POST /agents HTTP/1.1\r\nhost: {control}\r\ncontent-type: application/json"),
        &big,
    );
    assert_eq!(r.status, Some(413), "{}", r.text);
    still_serving(&emulator);
}

#[test]
fn an_oversized_body_is_answered_413_to_a_client_that_writes_it_all_first() {
    // Over TLS, with a client that sends the whole request before it reads: the answer
    // must reach it although the server stopped reading the body.
    let (_emulator, client) = start(fast());
    let auth = [("Authorization", basic("1001", "secret1001"))];
    let big = "x".repeat(16 * 1024 * 1024);
    let r = client
        .try_request("PUT", "/finesse/api/User/1001", &auth, &big)
        .expect("an answer, not a reset connection");
    assert_eq!(r.status, 413, "{}", r.body);
    assert_eq!(client.get_as("1001", "/finesse/api/User/1001").status, 200);
}

#[test]
fn deeply_nested_json_on_the_control_api_is_a_bad_request() {
    let (emulator, _) = plain();
    let control = host_port(&emulator.control_url());
    let deep = "[".repeat(20_000);
    let r = raw(
        &control,
        &format!("POST /agents HTTP/1.1\r\nhost: {control}\r\ncontent-type: application/json"),
        deep.as_bytes(),
    );
    assert_eq!(r.status, Some(400), "{}", r.text);
    still_serving(&emulator);
}

fn many_headers(count: usize) -> String {
    (0..count).map(|i| format!("\r\nx-h{i}: {i}")).collect()
}

#[test]
fn five_thousand_header_lines_are_answered_431() {
    let (emulator, _) = plain();
    let r = rest(
        &emulator,
        "GET",
        "/finesse/api/User/1001",
        &many_headers(5000),
        b"",
    );
    assert_eq!(r.status, Some(431), "{}", r.text);
    still_serving(&emulator);
    // A few header lines, each very long: too many bytes.
    let long = format!("\r\nx-long: {}", "v".repeat(200 * 1024));
    let r = rest(&emulator, "GET", "/finesse/api/User/1001", &long, b"");
    assert_eq!(r.status, Some(431), "{}", r.text);
    still_serving(&emulator);
    let control = host_port(&emulator.control_url());
    let r = raw(
        &control,
        &format!(
            "GET /info HTTP/1.1\r\nhost: {control}{}",
            many_headers(5000)
        ),
        b"",
    );
    assert_eq!(r.status, Some(431), "{}", r.text);
    still_serving(&emulator);
}

#[test]
fn five_thousand_header_lines_are_answered_431_over_tls() {
    let (_emulator, client) = start(fast());
    let headers: Vec<(String, String)> = (0..5000)
        .map(|i| (format!("x-h{i}"), i.to_string()))
        .collect();
    let headers: Vec<(&str, String)> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.clone()))
        .collect();
    let r = client
        .try_request("GET", "/finesse/api/SystemInfo", &headers, "")
        .expect("an answer, not a reset connection");
    assert_eq!(r.status, 431);
    let r = client.get_as("1001", "/finesse/api/User/1001");
    assert_eq!(r.status, 200);
}

/// The frames a WebSocket client reads after sending `frame` as its first.
fn websocket_answer(emulator: &Emulator, url: &str, frame: &str) -> Vec<String> {
    let (mut x, _) = upgrade_url(emulator, url, Some("xmpp")).expect("upgrade");
    x.send(frame);
    let (frames, _) = x.read_to_end();
    frames
}

fn policy_violation(frames: &[String]) {
    assert!(
        frames.iter().any(
            |f| f.contains("<policy-violation xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>")
        ),
        "{frames:?}"
    );
    assert!(
        frames.last().is_some_and(|f| f.starts_with("<close")),
        "{frames:?}"
    );
}

#[test]
fn a_deeply_nested_websocket_frame_before_sign_in_is_a_policy_violation() {
    let (emulator, _) = plain();
    // 7 KB, on the emulator's notification port and on Finesse's own endpoint.
    let frame = nested(7 * 1024 / 3);
    for url in [
        emulator.notification_url(),
        emulator.rest_websocket_url().expect("offered"),
    ] {
        policy_violation(&websocket_answer(&emulator, &url, &frame));
        let mut x = Xmpp::sign_in(&emulator, "1001", "after");
        assert!(x.ping("p", Duration::from_secs(5)).is_some());
    }
    // Deep inside a stanza that is otherwise fine, after sign-in.
    let mut x = Xmpp::sign_in(&emulator, "1001", "deep");
    x.send(&format!(
        "<message xmlns='jabber:client' to='x@localhost'><body>{}</body></message>",
        nested(1000)
    ));
    let (frames, _) = x.read_to_end();
    policy_violation(&frames);
    still_serving(&emulator);
}

#[test]
fn a_malformed_websocket_frame_is_not_well_formed() {
    let (emulator, _) = plain();
    let frames = websocket_answer(&emulator, &emulator.notification_url(), "<open");
    assert!(
        frames
            .iter()
            .any(|f| f.contains("<not-well-formed xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>")),
        "{frames:?}"
    );
}

#[test]
fn a_deep_tcp_stanza_is_a_policy_violation() {
    let (emulator, _) = start(fast().release(Release::Cce12_0));
    let url = emulator.xmpps_url().expect("offered");
    let mut s = Stream::direct_tls(&url, &emulator.ca_pem());
    s.send(HEADER);
    s.expect("</stream:features>");
    s.send(&format!("<iq type='get' id='d'>{}", nested(7 * 1024 / 3)));
    let end = s.read_to_end();
    assert!(
        end.contains("<policy-violation xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>"),
        "{end}"
    );
    assert!(end.ends_with("</stream:stream>"), "{end}");
    let mut s = Stream::direct_tls(&url, &emulator.ca_pem()).sign_in("1001", "after");
    s.send("<iq type='get' id='p'><ping xmlns='urn:xmpp:ping'/></iq>");
    s.expect("/>");
}

#[test]
fn a_huge_bosh_body_ends_with_policy_violation() {
    let (emulator, _) = start(fast());
    let b = Bosh::new(&emulator);
    let huge = format!(
        "<body xmlns='http://jabber.org/protocol/httpbind' rid='1' wait='5' hold='1'>{}</body>",
        "<presence xmlns='jabber:client'/>".repeat(32 * 1024)
    );
    let (status, text) = b.post_raw(&huge);
    assert_eq!(status, 200, "{text}");
    assert!(text.contains("type=\"terminate\""), "{text}");
    assert!(text.contains("condition=\"policy-violation\""), "{text}");
    let deep = format!(
        "<body xmlns='http://jabber.org/protocol/httpbind' rid='1' wait='5' hold='1'>{}",
        nested(7 * 1024 / 3)
    );
    let (status, text) = b.post_raw(&deep);
    assert_eq!(status, 200, "{text}");
    assert!(text.contains("condition=\"policy-violation\""), "{text}");
    let (status, text) = b.post_raw("<body xmlns='http://jabber.org/protocol/httpbind'");
    assert_eq!(status, 200, "{text}");
    assert!(text.contains("condition=\"bad-request\""), "{text}");
    // Sessions are still made.
    let _ = Bosh::sign_in(&emulator, "1001", "after", 5);
}
