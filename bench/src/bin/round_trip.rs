//! The Rust round trip, timed the same way as `ffi/bench/round_trip.c` and
//! `python/bench/round_trip.py`: `finesse-bench-round-trip client|raw URL SECONDS` warms up,
//! then runs each operation in a loop for SECONDS and prints `<operation> <ns per call>
//! <calls>`.
//!
//! Operations: `get_dialogs` (GET the agent's Dialogs and decode them) and `make_call` (a
//! MAKE_CALL with two call variables, 202). `client` goes through `Client`: decoding into the
//! typed model, validating and encoding the call, a fresh `requestId`. `raw` is the limit of
//! the stack: a bare ureq agent sending the same request prepared once, and for GET Dialogs a
//! quick-xml scan of the answer that keeps nothing (the least any decoding takes).

#[path = "../../../core/benches/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use finesse_client::{Client, Config, MakeCall};

/// Calls made before timing, so connections, caches and the extension are in place.
const WARM_UP_CALLS: u32 = 200;

type Failure = Box<dyn std::error::Error>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(mode), Some(url), Some(seconds)) = (
        args.get(1),
        args.get(2),
        args.get(3).and_then(|s| s.parse().ok()),
    ) else {
        eprintln!("usage: finesse-bench-round-trip client|raw URL SECONDS");
        return ExitCode::from(2);
    };
    let budget = Duration::from_secs_f64(seconds);
    let result = match mode.as_str() {
        "client" => client(url, budget),
        "raw" => raw(url, budget),
        _ => Err("the mode is client or raw".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("round trip failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn call() -> MakeCall {
    MakeCall::new("6135551212")
        .call_variable("callVariable1", "acct-42")
        .call_variable("user.CustomerId", "90210")
}

fn client(url: &str, budget: Duration) -> Result<(), Failure> {
    let client = Client::new(
        Config::builder(url)
            .basic_auth("1001", "secret1001")
            .login_id("1001")
            .build()?,
    )?;
    let call = call();
    time("get_dialogs", budget, || {
        client.dialogs()?;
        Ok(())
    })?;
    time("make_call", budget, || {
        client.make_call(black_box(&call))?;
        Ok(())
    })
}

fn raw(url: &str, budget: Duration) -> Result<(), Failure> {
    // Timeouts on every step but name resolution, for which ureq would spawn a thread.
    let timeout = Some(Duration::from_secs(10));
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_connect(timeout)
        .timeout_send_request(timeout)
        .timeout_send_body(timeout)
        .timeout_recv_response(timeout)
        .timeout_recv_body(timeout)
        .build()
        .into();
    let auth = "Basic MTAwMTpzZWNyZXQxMDAx";
    let dialogs = format!("{url}/finesse/api/User/1001/Dialogs");
    let body = call().to_xml("1001001");
    time("get_dialogs", budget, || {
        let mut response = agent
            .get(&dialogs)
            .header("Authorization", auth)
            .header("Accept", "application/xml")
            .call()?;
        black_box(common::scan(&response.body_mut().read_to_vec()?));
        Ok(())
    })?;
    time("make_call", budget, || {
        let mut response = agent
            .post(&dialogs)
            .header("Authorization", auth)
            .header("Accept", "application/xml")
            .header("Content-Type", "application/xml")
            .header("requestId", "5f0c9a1e-8d7b-4c3e-9a2f-1b6d4e8c7a90")
            .send(black_box(body.as_str()))?;
        black_box(response.body_mut().read_to_vec()?);
        Ok(())
    })
}

/// Warms `op` up, then calls it for `budget` and prints the mean time per call.
fn time(
    name: &str,
    budget: Duration,
    mut op: impl FnMut() -> Result<(), Failure>,
) -> Result<(), Failure> {
    for _ in 0..WARM_UP_CALLS {
        op()?;
    }
    let start = Instant::now();
    let mut calls = 0u64;
    let elapsed = loop {
        op()?;
        calls += 1;
        let elapsed = start.elapsed();
        if elapsed >= budget {
            break elapsed;
        }
    };
    println!("{name} {} {calls}", elapsed.as_nanos() / u128::from(calls));
    Ok(())
}
