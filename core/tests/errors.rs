//! Every error class over real sockets: API errors with their parsed bodies, lock-out,
//! out of service, unreachable, timeouts, outcome unknown, and what proxies send.

mod common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::Duration;

use common::*;
use finesse_client::model::SystemStatus;
use finesse_client::{Client, Config, Error, ErrorKind, MakeCall};

#[test]
fn bad_password_is_an_authentication_error_never_retried() {
    let emulator = emulator();
    let client = client(&emulator, "1001", "wrong");
    let err = client.user().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication);
    assert_eq!(err.http_status(), Some(401));
    assert_eq!(err.api_errors()[0].error_type, "Authorization Failure");
    assert!(!err.to_string().contains("wrong"), "no secret in {err}");
}

#[test]
fn five_bad_passwords_lock_the_agent_out() {
    let emulator = emulator();
    let bad = client(&emulator, "1002", "wrong");
    for _ in 0..5 {
        assert_eq!(bad.user().unwrap_err().kind(), ErrorKind::Authentication);
    }
    let good = agent_1002(&emulator);
    let err = good.user().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication, "locked: {err}");
    // Other agents are not affected.
    agent_1001(&emulator).user().unwrap();
}

#[test]
fn unknown_dialog_is_not_found() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let err = client.dialog("99999999").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let api = &err.api_errors()[0];
    assert_eq!(api.error_type, "Not Found");
    assert_eq!(api.error_message, "Invalid dialogId specified for dialog");
}

#[test]
fn another_agents_user_is_refused() {
    let emulator = emulator();
    let err = agent_1001(&emulator).user_by_id("1002").unwrap_err();
    // Good credentials, another user's object: a permission error (401 "Invalid
    // Authorization User Specified"), not an authentication failure.
    assert_eq!(err.kind(), ErrorKind::Permission);
    assert_eq!(err.http_status(), Some(401));
}

#[test]
fn out_of_service_node_answers_503() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    client.user().unwrap();
    emulator.set_out_of_service(true);
    assert_eq!(
        client.user().unwrap_err().kind(),
        ErrorKind::ServiceUnavailable
    );
    let err = client.sign_in(EXT_1001).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ServiceUnavailable);
    assert_eq!(err.api_errors()[0].error_type, "Service Unavailable");
    assert_eq!(err.api_errors()[0].error_message, "SERVER_OUT_OF_SERVICE");
    assert!(err.request_id().is_some());
    assert_eq!(
        client.system_info().unwrap().status,
        SystemStatus::OutOfService
    );
    emulator.set_out_of_service(false);
    sign_in(&client, EXT_1001);
}

#[test]
fn closed_port_is_a_transport_error() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = Client::new(
        Config::builder(format!("https://127.0.0.1:{port}"))
            .basic_auth("1001", "secret1001")
            .login_id("1001")
            .build()
            .unwrap(),
    )
    .unwrap();
    let err = client.user().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport);
    // The error names where it was going and keeps the operating system's answer as its cause.
    let url = format!("https://127.0.0.1:{port}/finesse/api/User/1001");
    assert_eq!(err.url(), Some(url.as_str()));
    assert!(err.to_string().contains(&url), "{err}");
    let cause = std::error::Error::source(&err).expect("a cause");
    let io = cause
        .downcast_ref::<std::io::Error>()
        .expect("an I/O error");
    assert_eq!(io.kind(), std::io::ErrorKind::ConnectionRefused);
    let full = err.to_string_with_causes();
    assert!(full.starts_with(&err.to_string()), "{full}");
    assert!(full.to_lowercase().contains("connection refused"), "{full}");
    // A command that could not connect was not sent: a transport error, not an unknown
    // outcome.
    let err = client
        .make_call(&MakeCall::new("6135551212").from_address(EXT_1001))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport, "{err}");
}

#[test]
fn slow_answers_time_out() {
    let emulator = emulator();
    let client = Client::new(
        Config::builder(emulator.base_url())
            .basic_auth("1001", "secret1001")
            .ca_pem(emulator.ca_pem())
            .request_timeout(Duration::from_millis(200))
            .build()
            .unwrap(),
    )
    .unwrap();
    sign_in(&client, EXT_1001);
    emulator.set_latency(Duration::from_millis(800));
    assert_eq!(client.user().unwrap_err().kind(), ErrorKind::Timeout);
    // A command that timed out after being sent may have been carried out.
    let err = client.make_call(&MakeCall::new("6135551212")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OutcomeUnknown, "{err}");
    emulator.set_latency(Duration::ZERO);
    wait_for("the call the server did receive", || {
        (emulator.dialogs().len() == 1).then_some(())
    });
}

#[test]
fn connection_cut_after_make_call_is_an_unknown_outcome_never_resent() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    sign_in(&client, EXT_1001);
    emulator.cut_connection_after("POST", "/finesse/api/User/1001/Dialogs");
    let err = client
        .make_call(&MakeCall::new("6135551212").call_variable("callVariable1", "once"))
        .unwrap_err();
    let Error::OutcomeUnknown { request_id, .. } = &err else {
        panic!("expected an unknown outcome, got {err:?}");
    };
    assert_eq!(request_id.len(), 36);
    let url = format!("{}/finesse/api/User/1001/Dialogs", emulator.base_url());
    assert_eq!(err.url(), Some(url.as_str()));
    assert!(std::error::Error::source(&err).is_some(), "{err:?}");
    assert!(err.to_string().contains("check before retrying"));
    // The server did place the call, exactly once.
    let dialog = wait_dialog(&client, "the call", |_| true);
    std::thread::sleep(Duration::from_millis(200));
    let calls = emulator.dialogs();
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert_eq!(
        dialog.media_properties.call_variable("callVariable1"),
        Some("once")
    );
}

/// Serves one canned HTTP answer on loopback and returns its URL.
fn canned(answer: impl Into<String>) -> String {
    let answer = answer.into();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(answer.as_bytes());
            // Closing at once could reset the connection before the client read the answer.
            std::thread::sleep(Duration::from_millis(300));
        }
    });
    url
}

fn plain_client(url: String) -> Client {
    Client::new(
        Config::builder(url)
            .basic_auth("1001", "secret1001")
            .login_id("1001")
            .build()
            .unwrap(),
    )
    .unwrap()
}

#[test]
fn an_html_error_page_keeps_a_snippet() {
    let url = canned(
        "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: 88\r\n\
         Connection: close\r\n\r\n<html><head><title>502 Bad Gateway</title></head>\
         <body><h1>Bad Gateway</h1></body></html>",
    );
    let err = plain_client(url).user().unwrap_err();
    let Error::Api(failure) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(failure.status, 502);
    assert!(failure.errors.is_empty());
    assert!(
        failure
            .body_snippet
            .as_deref()
            .unwrap()
            .contains("502 Bad Gateway"),
        "{failure:?}"
    );
}

#[test]
fn a_redirect_is_reported_with_its_location() {
    let url = canned(
        "HTTP/1.1 301 Moved Permanently\r\nLocation: https://fin-a.example.com:8445/finesse/api/User/1001\r\n\
         Content-Length: 0\r\nConnection: close\r\n\r\n",
    );
    let err = plain_client(url).user().unwrap_err();
    let Error::Api(failure) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(failure.status, 301);
    assert_eq!(
        failure.location.as_deref(),
        Some("https://fin-a.example.com:8445/finesse/api/User/1001")
    );
}

#[test]
fn a_garbled_success_body_is_a_decode_error() {
    let url = canned(
        "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 16\r\n\
         Connection: close\r\n\r\n<User><loginId>1",
    );
    assert_eq!(
        plain_client(url).user().unwrap_err().kind(),
        ErrorKind::Decode
    );
}

#[test]
fn an_oversize_answer_is_refused() {
    let body = format!("<User><firstName>{}</firstName></User>", "x".repeat(4096));
    let answer = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    );
    let url = canned(Box::leak(answer.into_boxed_str()));
    let client = Client::new(
        Config::builder(url)
            .basic_auth("1001", "secret1001")
            .login_id("1001")
            .limits(finesse_client::DecodeLimits::DEFAULT.with_max_document_bytes(1024))
            .build()
            .unwrap(),
    )
    .unwrap();
    let err = client.user().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
    assert!(err.to_string().contains("larger than 1024 bytes"), "{err}");
}

#[test]
fn a_huge_error_answer_gives_a_bounded_message() {
    let error = format!(
        "<ApiError><ErrorType>Invalid Input</ErrorType><ErrorMessage>{}</ErrorMessage>\
         <ErrorData>{}</ErrorData></ApiError>",
        "m".repeat(60_000),
        "d".repeat(1_000)
    );
    let body = format!("<ApiErrors>{}</ApiErrors>", error.repeat(40));
    let url = canned(format!(
        "HTTP/1.1 400 Bad Request\r\nContent-Type: application/xml\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    ));
    let err = plain_client(url).user().unwrap_err();
    // Everything is kept in the error; its message, which ends up in logs, is bounded.
    assert_eq!(err.api_errors().len(), 40);
    assert_eq!(err.api_errors()[39].error_message.len(), 60_000);
    let message = err.to_string();
    assert!(message.len() < 4096, "{} bytes", message.len());
    assert!(message.ends_with("(and 35 more)"), "{message}");
}

#[test]
fn oversized_response_headers_are_not_an_unreachable_server() {
    let url = canned(format!(
        "HTTP/1.1 200 OK\r\nX-Padding: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        "p".repeat(20 * 1024)
    ));
    let err = plain_client(url).user().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
    assert!(
        err.to_string().contains("response headers larger than"),
        "{err}"
    );
}
