//! A minimal keep-alive HTTP/1.1 server on loopback answering from memory: the one server
//! every round trip is measured against (Rust, C, Python, requests, raw ureq), so that its
//! own cost is as small as possible and the same for all of them.
//!
//! It answers `GET …/Dialogs` with a realistic Dialogs document, any request with a body
//! (a command) with `202 Accepted`, `GET /finesse/api/SystemInfo` with a SystemInfo whose
//! XMPP domain is `localhost`, and any other `GET /finesse/api/User/…` with agent 1001
//! signed in on extension 1001001. Credentials are not checked.
//!
//! Standard library only: `core/benches/round_trip.rs` includes this file as a module.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};

/// The reference 3.2 shape: 3 participants, 10 call variables, 5 ECC variables.
const DIALOGS: &[u8] = include_bytes!("../../core/tests/documents/dialogs_three_parties.xml");
const USER: &[u8] = b"<User><loginId>1001</loginId><extension>1001001</extension>\
                      <state>READY</state><uri>/finesse/api/User/1001</uri></User>";
const SYSTEM_INFO: &[u8] = b"<SystemInfo><status>IN_SERVICE</status>\
                             <deploymentType>UCCE</deploymentType><xmppDomain>localhost</xmppDomain>\
                             <xmppPubSubDomain>pubsub.localhost</xmppPubSubDomain></SystemInfo>";

/// Starts the server on an ephemeral loopback port, serving each connection on a thread of
/// its own until the process ends; returns its base URL, `http://127.0.0.1:PORT`.
pub fn serve() -> io::Result<String> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let url = format!("http://{}", listener.local_addr()?);
    // Whole answers prepared once, each written with one call: one segment per answer.
    let answers = Answers {
        dialogs: answer("200 OK", DIALOGS),
        accepted: answer("202 Accepted", b""),
        user: answer("200 OK", USER),
        system_info: answer("200 OK", SYSTEM_INFO),
        not_found: answer("404 Not Found", b""),
    };
    std::thread::Builder::new()
        .name("bench-http".to_owned())
        .spawn(move || {
            for stream in listener.incoming().flatten() {
                let answers = answers.clone();
                // A connection that fails just ends; the client reports it.
                let _ = std::thread::Builder::new()
                    .name("bench-http-conn".to_owned())
                    .spawn(move || converse(stream, &answers));
            }
        })?;
    Ok(url)
}

#[derive(Clone)]
struct Answers {
    dialogs: Vec<u8>,
    accepted: Vec<u8>,
    user: Vec<u8>,
    system_info: Vec<u8>,
    not_found: Vec<u8>,
}

fn answer(status: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/xml\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

/// Answers requests on one connection until the client closes it.
fn converse(stream: TcpStream, answers: &Answers) -> io::Result<()> {
    stream.set_nodelay(true)?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    let mut body = Vec::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let mut words = line.split_whitespace();
        let method = words.next().unwrap_or("").to_owned();
        let path = words.next().unwrap_or("").to_owned();
        let mut length = 0usize;
        loop {
            line.clear();
            if reader.read_line(&mut line)? == 0 {
                return Ok(());
            }
            if line == "\r\n" {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().unwrap_or(0);
            }
        }
        body.resize(length, 0);
        reader.read_exact(&mut body)?;
        let answer = if method != "GET" {
            &answers.accepted
        } else if path.ends_with("/Dialogs") {
            &answers.dialogs
        } else if path == "/finesse/api/SystemInfo" {
            &answers.system_info
        } else if path.starts_with("/finesse/api/User/") {
            &answers.user
        } else {
            &answers.not_found
        };
        writer.write_all(answer)?;
    }
}
