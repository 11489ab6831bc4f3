//! The Rust round trip, timed the same way as `ffi/bench/round_trip.c` and
//! `python/bench/round_trip.py`: `finesse-bench-round-trip URL SECONDS` warms up, then runs
//! each operation in a loop for SECONDS and prints `<operation> <ns per call> <calls>`.
//!
//! Operations: `get_dialogs` (GET the agent's Dialogs and decode them into the typed model)
//! and `make_call` (validate, encode and POST a MAKE_CALL with two call variables, 202).

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use finesse_client::{Client, Config, Error, MakeCall};

/// Calls made before timing, so connections, caches and the extension are in place.
const WARM_UP_CALLS: u32 = 200;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(url), Some(seconds)) = (args.get(1), args.get(2).and_then(|s| s.parse().ok())) else {
        eprintln!("usage: finesse-bench-round-trip URL SECONDS");
        return ExitCode::from(2);
    };
    match run(url, Duration::from_secs_f64(seconds)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("round trip failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(url: &str, budget: Duration) -> Result<(), Error> {
    let client = Client::new(
        Config::builder(url)
            .basic_auth("1001", "secret1001")
            .login_id("1001")
            .build()?,
    )?;
    let call = MakeCall::new("6135551212")
        .call_variable("callVariable1", "acct-42")
        .call_variable("user.CustomerId", "90210");
    time("get_dialogs", budget, || client.dialogs().map(drop))?;
    time("make_call", budget, || {
        client.make_call(black_box(&call)).map(drop)
    })
}

/// Warms `op` up, then calls it for `budget` and prints the mean time per call.
fn time(
    name: &str,
    budget: Duration,
    mut op: impl FnMut() -> Result<(), Error>,
) -> Result<(), Error> {
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
