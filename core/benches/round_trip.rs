//! The client's round trips against the limit of its HTTP stack: GET Dialogs (with decoding)
//! and MAKE_CALL (with validation and encoding) through `Client`, against raw ureq sending the
//! same prepared request to the same server.
//!
//! The server is a minimal keep-alive HTTP/1.1 responder on loopback answering from memory,
//! written here so that its own cost is as small as possible and the same for both sides.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use finesse_client::{Client, Config, MakeCall};
use std::hint::black_box;

const DIALOGS: &[u8] = include_bytes!("../tests/documents/dialogs_three_parties.xml");
const USER: &str = "<User><loginId>1001</loginId><extension>1001001</extension>\
                    <state>READY</state></User>";

/// Serves every connection on its own thread until the process ends.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || answer(stream));
        }
    });
    url
}

fn answer(stream: TcpStream) {
    stream.set_nodelay(true).unwrap();
    let mut writer = stream.try_clone().unwrap();
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let path = line.split_whitespace().nth(1).unwrap_or("").to_owned();
        let mut length = 0usize;
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
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
        let mut body = vec![0u8; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let (status, payload): (&str, &[u8]) = if path.ends_with("/Dialogs") && length > 0 {
            ("202 Accepted", b"")
        } else if path.ends_with("/Dialogs") {
            ("200 OK", DIALOGS)
        } else {
            ("200 OK", USER.as_bytes())
        };
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: application/xml\r\nContent-Length: {}\r\n\r\n",
            payload.len()
        );
        if writer.write_all(head.as_bytes()).is_err() || writer.write_all(payload).is_err() {
            return;
        }
    }
}

fn benches(c: &mut Criterion) {
    let url = serve();
    let client = Client::new(
        Config::builder(&url)
            .basic_auth("1001", "secret1001")
            .login_id("1001")
            .build()
            .unwrap(),
    )
    .unwrap();
    // Learn the extension once, as a signed-in client would have.
    client.user().unwrap();
    let raw: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    let auth = "Basic MTAwMTpzZWNyZXQxMDAx";
    let dialogs_url = format!("{url}/finesse/api/User/1001/Dialogs");
    let call = MakeCall::new("6135551212")
        .call_variable("callVariable1", "acct-42")
        .call_variable("user.CustomerId", "90210");
    let body = call.to_xml("1001001");

    let mut group = c.benchmark_group("round_trip");
    group.bench_function("get_dialogs_client", |b| {
        b.iter(|| client.dialogs().unwrap())
    });
    group.bench_function("get_dialogs_raw_ureq", |b| {
        b.iter(|| {
            let mut response = raw
                .get(&dialogs_url)
                .header("Authorization", auth)
                .header("Accept", "application/xml")
                .call()
                .unwrap();
            black_box(response.body_mut().read_to_vec().unwrap())
        })
    });
    group.bench_function("make_call_client", |b| {
        b.iter(|| client.make_call(black_box(&call)).unwrap())
    });
    group.bench_function("make_call_raw_ureq", |b| {
        b.iter(|| {
            let mut response = raw
                .post(&dialogs_url)
                .header("Authorization", auth)
                .header("Accept", "application/xml")
                .header("Content-Type", "application/xml")
                .header("requestId", "5f0c9a1e-8d7b-4c3e-9a2f-1b6d4e8c7a90")
                .send(black_box(body.as_str()))
                .unwrap();
            black_box(response.body_mut().read_to_vec().unwrap())
        })
    });
    group.finish();
}

criterion_group!(round_trip, benches);
criterion_main!(round_trip);
