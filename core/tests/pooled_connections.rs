//! A command never rides a pooled connection. A server may close an idle keep-alive
//! connection just as a command leaves on it; the command then fails although the server
//! never took it, and the client could not tell that from a command that arrived ("outcome
//! unknown", a spurious "check before you dial again"). The server here plays that moment
//! every time: it answers the first request of each connection and closes the connection on
//! the second without reading it. GETs may share connections; commands must open their own.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use finesse_client::{Client, Config};

/// Serves on loopback; returns its URL and the count of connections accepted.
fn closing_server() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let accepted = Arc::new(AtomicUsize::new(0));
    let count = accepted.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            count.fetch_add(1, Ordering::SeqCst);
            std::thread::spawn(move || serve_once(stream));
        }
    });
    (url, accepted)
}

/// Answers one request, then closes the connection when the next one starts.
fn serve_once(stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut method = String::new();
    let mut content_length = 0;
    let mut line = String::new();
    while reader.read_line(&mut line).unwrap_or(0) > 0 {
        if method.is_empty() {
            method = line.split(' ').next().unwrap_or_default().to_owned();
        } else if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            content_length = value.trim().parse().unwrap_or(0);
        } else if line == "\r\n" {
            break;
        }
        line.clear();
    }
    let mut body = vec![0; content_length];
    let _ = reader.read_exact(&mut body);
    let answer = if method == "GET" {
        "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 10\r\n\r\n<Dialogs/>"
    } else {
        "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"
    };
    let mut stream = stream;
    let _ = stream.write_all(answer.as_bytes());
    // The next request on this connection: closed unanswered, as at a keep-alive timeout.
    let mut next = [0u8; 1];
    let _ = reader.read(&mut next);
}

#[test]
fn commands_never_ride_a_pooled_connection() {
    let (url, accepted) = closing_server();
    let client = Client::new(
        Config::builder(url)
            .basic_auth("1001", "secret1001")
            .login_id("1001")
            .build()
            .unwrap(),
    )
    .unwrap();
    assert!(client.dialogs().unwrap().is_empty());
    for _ in 0..3 {
        // On the pooled connection of the GET, each would fail as an unknown outcome.
        client.ready().expect("a command on a fresh connection");
    }
    assert_eq!(accepted.load(Ordering::SeqCst), 4);
}
