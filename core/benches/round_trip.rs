//! The client's round trips against the limit of its stack: GET Dialogs (with decoding) and
//! MAKE_CALL (with validation and encoding) through `Client`, against raw ureq sending the same
//! prepared request to the same server (and, for GET Dialogs, scanning the answer with
//! quick-xml: the least any decoding takes). `scripts/bench` runs this and reports the ratios
//! against their target (within 1.15x).
//!
//! The server is the one every round trip of the benchmarks uses (`finesse-bench`'s, shared
//! by path): a minimal keep-alive HTTP/1.1 responder on loopback answering from memory.

mod common;
#[path = "../../bench/src/server.rs"]
mod server;

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use finesse_client::{Client, Config, MakeCall};
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let url = server::serve().unwrap();
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
    // Timeouts on every step but name resolution: ureq resolves on every request, even on a
    // pooled connection, and with a resolve timeout it does so on a thread of its own.
    let timeout = Some(Duration::from_secs(10));
    let raw: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_connect(timeout)
        .timeout_send_request(timeout)
        .timeout_send_body(timeout)
        .timeout_recv_response(timeout)
        .timeout_recv_body(timeout)
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
    group.bench_function("get_dialogs_raw_ureq_scan", |b| {
        b.iter(|| {
            let mut response = raw
                .get(&dialogs_url)
                .header("Authorization", auth)
                .header("Accept", "application/xml")
                .call()
                .unwrap();
            common::scan(&response.body_mut().read_to_vec().unwrap())
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
