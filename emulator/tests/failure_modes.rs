//! Failure simulation: out of service, latency, and a connection cut after the request
//! was processed (the outcome-unknown case).

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::{basic, fast, make_call_body, sign_in, start};
use finesse_emulator::{Emulator, EmulatorConfig};

#[test]
fn out_of_service_answers_503_except_system_info() {
    let (emulator, client) = start(fast());
    emulator.set_out_of_service(true);
    let r = client.get_as("1001", "/finesse/api/User/1001");
    assert_eq!(r.status, 503);
    assert!(r.body.ends_with(
        "<ApiErrors><ApiError><ErrorType>Service Unavailable</ErrorType><ErrorData></ErrorData>\
         <ErrorMessage>SERVER_OUT_OF_SERVICE</ErrorMessage></ApiError></ApiErrors>"
    ));
    let r = client.put_as("1001", "/finesse/api/User/1001", "<User/>", "");
    assert_eq!(r.status, 503);
    let r = client.request("GET", "/finesse/api/SystemInfo", &[], "");
    assert_eq!(r.status, 200);
    assert_eq!(r.field("status").as_deref(), Some("OUT_OF_SERVICE"));
    let published = emulator.notifications();
    let last = published.last().expect("a SystemInfo update");
    assert_eq!(last.node, "/finesse/api/SystemInfo");
    assert!(last.update_xml.contains("<status>OUT_OF_SERVICE</status>"));

    emulator.set_out_of_service(false);
    assert_eq!(client.get_as("1001", "/finesse/api/User/1001").status, 200);
    let r = client.request("GET", "/finesse/api/SystemInfo", &[], "");
    assert_eq!(r.field("status").as_deref(), Some("IN_SERVICE"));
}

#[test]
fn latency_delays_responses() {
    let (emulator, client) = start(fast());
    emulator.set_latency(Duration::from_millis(200));
    let began = Instant::now();
    assert_eq!(client.get_as("1001", "/finesse/api/User/1001").status, 200);
    assert!(began.elapsed() >= Duration::from_millis(200));
    emulator.set_latency(Duration::ZERO);
    assert_eq!(client.get_as("1001", "/finesse/api/User/1001").status, 200);
}

#[test]
fn cut_after_make_call_creates_the_call_exactly_once() {
    let (emulator, client) = start(fast());
    sign_in(&emulator, &client, "1001", "1001001");
    emulator.cut_connection_after("POST", "/finesse/api/User/1001/Dialogs");
    let headers = [
        ("Authorization", basic("1001", "secret1001")),
        ("Content-Type", "application/xml".to_owned()),
    ];
    let result = client.try_request(
        "POST",
        "/finesse/api/User/1001/Dialogs",
        &headers,
        &make_call_body("1001001", "6135551212"),
    );
    assert!(result.is_err(), "the client must see no response");
    let dialogs = emulator.dialogs();
    assert_eq!(dialogs.len(), 1);
    assert_eq!(dialogs[0].to_address, "6135551212");
    // One-shot: the next request is answered normally.
    assert_eq!(
        client
            .get_as("1001", "/finesse/api/User/1001/Dialogs")
            .status,
        200
    );
}

#[test]
fn cut_closes_the_socket_without_any_response_bytes() {
    let emulator = Emulator::start(EmulatorConfig::new().plain_http(true)).expect("starts");
    emulator.cut_connection_after("GET", "/finesse/api/SystemInfo");
    let addr = emulator.base_url().trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(&addr).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout set");
    write!(
        stream,
        "GET /finesse/api/SystemInfo HTTP/1.1\r\nHost: {addr}\r\n\r\n"
    )
    .expect("request written");
    let mut received = Vec::new();
    let read = stream.read_to_end(&mut received);
    assert!(read.is_ok() || received.is_empty(), "{read:?}");
    assert!(
        received.is_empty(),
        "{}",
        String::from_utf8_lossy(&received)
    );
}

#[test]
fn hostile_requests_get_answers_not_hangs() {
    let emulator = Emulator::start(EmulatorConfig::new().plain_http(true)).expect("starts");
    let addr = emulator.base_url().trim_start_matches("http://").to_owned();
    for request in [
        "GARBAGE\r\n\r\n".to_owned(),
        format!("GET /finesse/api/User/{} HTTP/1.1\r\nHost: x\r\n\r\n", "%ff".repeat(50)),
        "GET /finesse/api/Dialog/99999999999999999999999 HTTP/1.1\r\nHost: x\r\nAuthorization: Basic MTAwMTpzZWNyZXQxMDAx\r\n\r\n".to_owned(),
        format!("GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n", "a".repeat(100_000)),
    ] {
        let mut stream = TcpStream::connect(&addr).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .expect("timeout set");
        let _ = stream.write_all(request.as_bytes());
        let mut buf = [0u8; 512];
        let n = stream.read(&mut buf).unwrap_or(0);
        let head = String::from_utf8_lossy(&buf[..n]);
        assert!(n == 0 || head.starts_with("HTTP/1.1 4"), "{head}");
    }
    // Still serving.
    let client = common::Client::with_tls(emulator.base_url(), Default::default());
    assert_eq!(
        client
            .request("GET", "/finesse/api/SystemInfo", &[], "")
            .status,
        200
    );
}
