//! `finesse-bench`: every benchmark figure of finesse-client side by side in one run, each
//! checked against its target. `scripts/bench` builds everything in release (the library, the
//! C bench program, the wheel in a fresh virtual environment), runs the criterion benches,
//! then runs this; BENCHMARKS.md explains each figure.
//!
//! `finesse-bench run [OPTIONS]` measures and prints; `finesse-bench serve` starts the
//! loopback HTTP server the round trips use and prints its URL, for running one round-trip
//! program by hand.

mod events;
mod report;
mod server;
mod stream;
mod transports;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use finesse_client::Event;
use finesse_emulator::{Emulator, EmulatorConfig};

use report::{Report, Target, median, percentile, ratio, size, time};

const USAGE: &str = "usage: finesse-bench run [--c-bench PATH] [--python PATH] [--wheel PATH] \
                     [--rounds N] [--seconds S] [--criterion-since UNIX_SECONDS] \
                     [--only criterion,languages,events,footprint]\n       \
                     finesse-bench serve";
/// The sections of a run, in order.
const SECTIONS: [&str; 4] = ["criterion", "languages", "events", "footprint"];

/// A Dialog PUT notification: the three-party dialog of the decode benchmark.
const DIALOG_UPDATE: &str = include_str!("../documents/update_dialog_put.xml");
/// A Dialogs POST notification: a call ringing (1 participant, 1 call variable).
const RINGING_UPDATE: &str = include_str!("../../core/tests/documents/update_dialogs_post.xml");
/// A User PUT notification: an agent going READY.
const USER_UPDATE: &str = include_str!("../../core/tests/documents/update_user_put.xml");
/// Where the Python bench scripts are.
const PYTHON_BENCH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../python/bench");
/// The Rust program at the limit of the stack: raw ureq, the request prepared once, and for
/// GET Dialogs a quick-xml scan of the answer.
const RAW: &str = "Rust raw ureq (+ scan for GET)";
/// The round-trip operations, in the order the programs print them.
const OPERATIONS: [(&str, &str); 2] = [
    ("get_dialogs", "GET Dialogs + decode"),
    ("make_call", "MAKE_CALL (202)"),
];

struct Options {
    c_bench: Option<PathBuf>,
    python: Option<PathBuf>,
    wheel: Option<PathBuf>,
    /// Rounds of the cross-language round trips (each program once per round).
    rounds: usize,
    /// Seconds each program times each operation, per round.
    seconds: f64,
    /// Criterion estimates older than this are stale: from an earlier run.
    criterion_since: Option<SystemTime>,
    /// The sections to run (all by default), e.g. to profile one.
    only: Vec<String>,
}

impl Options {
    fn runs(&self, section: &str) -> bool {
        self.only.is_empty() || self.only.iter().any(|s| s == section)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("serve") => match server::serve() {
            Ok(url) => {
                println!("{url}");
                loop {
                    std::thread::park();
                }
            }
            Err(e) => {
                eprintln!("cannot serve: {e}");
                ExitCode::FAILURE
            }
        },
        Some("run") => match parse(&args[1..]) {
            Ok(options) => {
                if run(&options) {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            }
            Err(e) => {
                eprintln!("{e}\n{USAGE}");
                ExitCode::from(2)
            }
        },
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        c_bench: None,
        python: None,
        wheel: None,
        rounds: 5,
        seconds: 0.5,
        criterion_since: None,
        only: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = |what: &str| -> Result<f64, String> {
            value
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v > 0.0)
                .ok_or_else(|| format!("{what} must be a positive number"))
        };
        match flag.as_str() {
            "--c-bench" => options.c_bench = Some(value.into()),
            "--python" => options.python = Some(value.into()),
            "--wheel" => options.wheel = Some(value.into()),
            "--rounds" => options.rounds = number("--rounds")?.round().max(1.0) as usize,
            "--seconds" => options.seconds = number("--seconds")?,
            "--criterion-since" => {
                options.criterion_since =
                    Some(UNIX_EPOCH + Duration::from_secs_f64(number("--criterion-since")?))
            }
            "--only" => {
                options.only = value.split(',').map(str::to_owned).collect();
                if let Some(unknown) = options
                    .only
                    .iter()
                    .find(|s| !SECTIONS.contains(&s.as_str()))
                {
                    return Err(format!("unknown section {unknown}"));
                }
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(options)
}

/// Runs every measurement and prints it; false when one could not be taken.
fn run(options: &Options) -> bool {
    let exe_dir = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .unwrap_or_default();
    let mut report = Report::default();
    if options.runs("criterion") {
        criterion_figures(&mut report, &exe_dir, options.criterion_since);
    }
    if options.runs("languages") || options.runs("events") {
        match server::serve() {
            Ok(url) => {
                if options.runs("languages") {
                    languages(&mut report, &exe_dir, &url, options);
                }
                if options.runs("events") {
                    events(&mut report, &url);
                }
            }
            Err(e) => report.failed("the loopback HTTP server", &e.to_string()),
        }
    }
    if options.runs("footprint") {
        footprint(&mut report, &exe_dir, options);
    }
    report.finish()
}

/// The decode and client round-trip figures from `cargo bench` (criterion), which
/// `scripts/bench` runs just before.
fn criterion_figures(report: &mut Report, exe_dir: &Path, since: Option<SystemTime>) {
    // target/release/finesse-bench → target/criterion.
    let dir = exe_dir.join("../criterion");
    let estimate = |id: &str| -> Result<f64, String> {
        let path = dir.join(id).join("new/estimates.json");
        let modified = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .map_err(|_| format!("no criterion estimate {id}: run cargo bench first"))?;
        if since.is_some_and(|since| modified < since) {
            return Err(format!(
                "the criterion estimate {id} is from an earlier run"
            ));
        }
        let json: serde_json::Value = std::fs::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .ok_or_else(|| format!("unreadable {}", path.display()))?;
        json["median"]["point_estimate"]
            .as_f64()
            .ok_or_else(|| format!("no median in {}", path.display()))
    };

    report.section("Decode and encode (cargo bench: criterion medians)");
    let typed = estimate("decode/dialogs_typed");
    let raw = estimate("decode/dialogs_raw_scan");
    show_time(
        report,
        "Dialogs typed decode (3 parties, 10 vars, 5 ECC)",
        &typed,
    );
    show_time(report, "Dialogs raw quick-xml event scan (the limit)", &raw);
    if let (Ok(typed), Ok(raw)) = (&typed, &raw) {
        let r = typed / raw;
        report.check(
            "typed decode / raw scan",
            r,
            &ratio(r),
            Target::AtMost(2.0),
            "<= 2x",
        );
    }
    let books = estimate("decode/phone_books_6000_typed");
    let books_raw = estimate("decode/phone_books_6000_raw_scan");
    show_time(report, "PhoneBooks typed decode (6000 contacts)", &books);
    show_time(report, "PhoneBooks raw quick-xml event scan", &books_raw);
    // No target: each contact is seven owned strings (the id copied out of its URI), 42,000
    // allocations per document that the scan does not make; the ratio is shown to follow.
    if let (Ok(typed), Ok(raw)) = (&books, &books_raw) {
        report.figure("phone books typed / raw scan", &ratio(typed / raw));
    }
    let update = estimate("decode/notification_update");
    show_time(report, "Dialog PUT notification Update decode", &update);
    show_time(report, "MAKE_CALL encode", &estimate("encode/make_call"));

    // The same comparison is checked against its target on the interleaved rounds of
    // `languages`: one measurement after the other, as criterion runs them, moves with the
    // machine's load more than the 15% at stake.
    report.section("Client round trip vs raw ureq (criterion medians, for reference)");
    for (op, label, limit) in [
        ("get_dialogs", "GET Dialogs + decode", "raw ureq + raw scan"),
        ("make_call", "MAKE_CALL (202)", "raw ureq"),
    ] {
        let client = estimate(&format!("round_trip/{op}_client"));
        let raw = match op {
            "get_dialogs" => estimate("round_trip/get_dialogs_raw_ureq_scan"),
            _ => estimate(&format!("round_trip/{op}_raw_ureq")),
        };
        show_time(report, &format!("{label}: Client"), &client);
        show_time(report, &format!("{label}: {limit}, same request"), &raw);
        if let (Ok(client), Ok(raw)) = (&client, &raw) {
            report.figure(&format!("{label}: Client / {limit}"), &ratio(client / raw));
        }
    }
    show_time(
        report,
        "GET Dialogs: raw ureq alone, no decoding",
        &estimate("round_trip/get_dialogs_raw_ureq"),
    );
}

fn show_time(report: &mut Report, label: &str, value: &Result<f64, String>) {
    match value {
        Ok(ns) => report.figure(label, &time(*ns)),
        Err(e) => report.failed(label, e),
    }
}

/// A round-trip program: its name in the report and its command line before `URL SECONDS`.
struct Program {
    name: &'static str,
    command: Vec<String>,
}

/// The same round trips from Rust (through `Client`, and raw ureq at the limit of the stack),
/// C, Python, and requests + ElementTree, each a process of its own timed the same way, in
/// rounds (each program once per round, the order rotating), against the same server; figures
/// are medians over the rounds, ratios medians of the ratios within each round.
fn languages(report: &mut Report, exe_dir: &Path, url: &str, options: &Options) {
    let python_bench = |implementation: &str| {
        options.python.as_ref().map(|python| {
            vec![
                python.display().to_string(),
                format!("{PYTHON_BENCH}/round_trip.py"),
                implementation.to_owned(),
            ]
        })
    };
    let rust = |mode: &str| {
        Some(vec![
            exe_dir
                .join("finesse-bench-round-trip")
                .display()
                .to_string(),
            mode.to_owned(),
        ])
    };
    let candidates = [
        ("Rust", rust("client")),
        (RAW, rust("raw")),
        (
            "C",
            options
                .c_bench
                .as_ref()
                .map(|p| vec![p.display().to_string()]),
        ),
        ("Python finesse_client", python_bench("finesse_client")),
        ("Python requests + ElementTree", python_bench("requests")),
    ];
    report.section(&format!(
        "Round trips by language, same server ({} rounds, {} s per operation each)",
        options.rounds, options.seconds
    ));
    let mut programs = Vec::new();
    for (name, command) in candidates {
        match command {
            Some(command) => programs.push(Program { name, command }),
            None => report.failed(name, "not built: see scripts/bench"),
        }
    }
    // times[program][operation] = one mean per round.
    let mut times: HashMap<&str, HashMap<&str, Vec<f64>>> = HashMap::new();
    let mut broken: HashMap<&str, String> = HashMap::new();
    for round in 0..options.rounds {
        for i in 0..programs.len() {
            let program = &programs[(i + round) % programs.len()];
            if broken.contains_key(program.name) {
                continue;
            }
            match run_round_trip(program, url, options.seconds) {
                Ok(result) => {
                    for (op, _) in OPERATIONS {
                        if let Some(ns) = result.get(op) {
                            times
                                .entry(program.name)
                                .or_default()
                                .entry(op)
                                .or_default()
                                .push(*ns);
                        }
                    }
                }
                Err(e) => {
                    broken.insert(program.name, e);
                }
            }
        }
    }
    for (name, why) in &broken {
        report.failed(name, why);
    }
    let series = |program: &str, op: &str| -> Option<Vec<f64>> {
        if broken.contains_key(program) {
            return None;
        }
        times
            .get(program)?
            .get(op)
            .filter(|v| v.len() == options.rounds)
            .cloned()
    };
    // Per round, then the median: a slow moment of the machine hits both sides of a ratio.
    let ratio_of = |a: &[f64], b: &[f64]| -> f64 {
        median(&a.iter().zip(b).map(|(a, b)| a / b).collect::<Vec<_>>())
    };
    for (op, label) in OPERATIONS {
        for program in &programs {
            if let Some(v) = series(program.name, op) {
                report.figure(&format!("{label}: {}", program.name), &time(median(&v)));
            }
        }
        let checks = [
            (
                "Rust",
                RAW,
                "Client / raw ureq (the limit)",
                Target::AtMost(1.15),
                "<= 1.15x",
            ),
            ("C", "Rust", "C / Rust", Target::AtMost(1.05), "<= 1.05x"),
            (
                "Python finesse_client",
                "Rust",
                "Python / Rust",
                Target::AtMost(1.3),
                "<= 1.3x",
            ),
            (
                "Python requests + ElementTree",
                "Python finesse_client",
                "speed-up over requests + ET",
                Target::AtLeast(5.0),
                ">= 5x",
            ),
        ];
        for (program, base, what, target, text) in checks {
            if let (Some(v), Some(base)) = (series(program, op), series(base, op)) {
                let r = ratio_of(&v, &base);
                report.check(&format!("{label}: {what}"), r, &ratio(r), target, text);
            }
        }
    }
}

/// Runs one round-trip program; returns nanoseconds per call by operation.
fn run_round_trip(
    program: &Program,
    url: &str,
    seconds: f64,
) -> Result<HashMap<String, f64>, String> {
    let output = Command::new(&program.command[0])
        .args(&program.command[1..])
        .arg(url)
        .arg(seconds.to_string())
        .output()
        .map_err(|e| format!("{}: {e}", program.command[0]))?;
    if !output.status.success() {
        return Err(format!(
            "exited with {}: {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let mut result = HashMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let mut words = line.split_whitespace();
        if let (Some(op), Some(Ok(ns))) = (words.next(), words.next().map(str::parse::<f64>)) {
            result.insert(op.to_owned(), ns);
        }
    }
    Ok(result)
}

/// A kind of notification whose decoding rate is measured.
struct Kind {
    label: &'static str,
    node: &'static str,
    update: &'static str,
    /// Whether an event is the one the update decodes into.
    expected: fn(&Event) -> bool,
    /// Notifications per burst.
    n: usize,
}

/// Notifications decoded per second, and publish-to-delivery latency.
fn events(report: &mut Report, rest_url: &str) {
    report.section("Events (one notification session; decoding on its own thread)");
    let kinds = [
        Kind {
            label: "Dialog PUT, 3 parties, 3.5 KB",
            node: "/finesse/api/User/1001/Dialogs",
            update: DIALOG_UPDATE,
            expected: |e| matches!(e, Event::DialogChanged { .. }),
            n: 10_000,
        },
        Kind {
            label: "Dialogs POST, a call ringing, 1.1 KB",
            node: "/finesse/api/User/1001/Dialogs",
            update: RINGING_UPDATE,
            expected: |e| matches!(e, Event::DialogAdded { .. }),
            n: 50_000,
        },
        Kind {
            label: "User PUT, 0.6 KB",
            node: "/finesse/api/User/1001",
            update: USER_UPDATE,
            expected: |e| matches!(e, Event::UserChanged { .. }),
            n: 50_000,
        },
    ];
    for Kind {
        label,
        node,
        update,
        expected,
        n,
    } in kinds
    {
        match events::throughput(rest_url, node, update, expected, n, 5) {
            Ok(bursts) => {
                let wall = median(&bursts.iter().map(|b| b.per_second).collect::<Vec<_>>());
                let cpu = median(&bursts.iter().map(|b| b.per_cpu_second).collect::<Vec<_>>());
                report.check(
                    &format!("{label}: notifications/s"),
                    wall,
                    &format!("{wall:.0}/s"),
                    Target::AtLeast(100_000.0),
                    ">= 100000",
                );
                report.figure(
                    &format!("{label}: per thread CPU-second"),
                    &format!("{cpu:.0}/s"),
                );
                // Side by side: the session thread's CPU per notification (reading the
                // frame, unescaping, decoding, delivering) against the decode alone.
                match events::decode_cpu_time(update, n, 5) {
                    Ok(decode) => {
                        let ratio = (1.0 / cpu) / decode.as_secs_f64();
                        report.check(
                            &format!("{label}: frame to event / Update decode"),
                            ratio,
                            &format!("{ratio:.2}x ({:.1} µs)", decode.as_secs_f64() * 1e6),
                            Target::AtMost(2.0),
                            "<= 2x",
                        );
                    }
                    Err(e) => report.failed(&format!("{label}: Update decode"), &e),
                }
            }
            Err(e) => report.failed(&format!("{label}: notifications/s"), &e),
        }
    }
    let dialog = DIALOG_UPDATE
        .find("<dialog>")
        .zip(DIALOG_UPDATE.find("</dialog>"))
        .map(|(start, end)| &DIALOG_UPDATE[start..end + "</dialog>".len()])
        .unwrap_or_default();
    match events::latency(dialog, 2000, Duration::from_micros(500)) {
        Ok(times) => {
            let mut ns: Vec<f64> = times.iter().map(|d| d.as_nanos() as f64).collect();
            ns.sort_by(f64::total_cmp);
            let label = "publish-to-delivery (emulator, WSS, 2000 Dialog PUTs)";
            report.figure(&format!("{label}: p50"), &time(percentile(&ns, 50.0)));
            let p99 = percentile(&ns, 99.0);
            report.check(
                &format!("{label}: p99"),
                p99,
                &time(p99),
                Target::Below(1e6),
                "< 1 ms",
            );
            report.figure(&format!("{label}: max"), &time(percentile(&ns, 100.0)));
        }
        Err(e) => report.failed("publish-to-delivery latency", &e),
    }
    match transports::measure(dialog, 5, 2000) {
        Ok(figures) => {
            for f in figures {
                report.figure(
                    &format!("{}: notifications() to signed in", f.label),
                    &time(f.start.as_nanos() as f64),
                );
                report.figure(
                    &format!("{}: notifications() to the first event", f.label),
                    &time(f.first_event.as_nanos() as f64),
                );
                report.figure(
                    &format!("{}: notifications/s (emulator publishing)", f.label),
                    &format!("{:.0}/s", f.per_second),
                );
            }
        }
        Err(e) => report.failed("transports", &e),
    }
}

/// An idle client's memory and threads, the sizes of what users install, and the import time.
fn footprint(report: &mut Report, exe_dir: &Path, options: &Options) {
    report.section("Footprint");
    match idle(exe_dir) {
        Ok(probe) => {
            let added = |key: &str| {
                probe
                    .numbers
                    .get(key)
                    .map_or(0, |(before, after)| after.saturating_sub(*before))
            };
            let rss = added("rss_kib");
            report.check(
                "idle client + notification session: resident memory added",
                rss as f64,
                &size(rss * 1024),
                Target::Below(2048.0),
                "< 2 MiB",
            );
            report.figure(
                "  of which private (heap, stacks)",
                &size(added("anon_kib") * 1024),
            );
            report.figure(
                "  of which code and read-only data (shared, clean)",
                &size(added("file_kib") * 1024),
            );
            let threads = added("threads");
            report.check(
                &format!("threads the client started ({})", probe.new_threads),
                threads as f64,
                &threads.to_string(),
                Target::AtMost(2.0),
                "<= 2",
            );
        }
        Err(e) => report.failed("idle client", &e),
    }
    let library = exe_dir.join("libfinesse.so");
    match std::fs::metadata(&library) {
        Ok(m) => {
            report.figure("libfinesse.so as built (with line tables)", &size(m.len()));
            match stripped_size(&library) {
                Ok(len) => report.figure("libfinesse.so stripped", &size(len)),
                Err(e) => report.failed("libfinesse.so stripped", &e),
            }
        }
        Err(e) => report.failed("libfinesse.so", &e.to_string()),
    }
    match options.wheel.as_ref().map(std::fs::metadata) {
        Some(Ok(m)) => report.figure("wheel (abi3, stripped)", &size(m.len())),
        Some(Err(e)) => report.failed("wheel", &e.to_string()),
        None => report.failed("wheel", "not built: see scripts/bench"),
    }
    match &options.python {
        Some(python) => {
            for (module, label) in [
                ("finesse_client", "import finesse_client, fresh interpreter"),
                ("requests", "import requests, for comparison"),
                (
                    "xml.etree.ElementTree",
                    "import xml.etree.ElementTree, for comparison",
                ),
            ] {
                match import_time(python, module) {
                    Ok(ns) => report.figure(label, &time(ns)),
                    Err(e) => report.failed(label, &e),
                }
            }
        }
        None => report.failed("import finesse_client", "no Python: see scripts/bench"),
    }
}

/// What the idle probe printed.
struct Probe {
    /// `key before after` lines.
    numbers: HashMap<String, (u64, u64)>,
    /// The names of the threads the client started.
    new_threads: String,
}

/// Runs the idle probe against an emulator in this process (so the probe's own process holds
/// nothing but the client).
fn idle(exe_dir: &Path) -> Result<Probe, String> {
    let emulator = Emulator::start(EmulatorConfig::new()).map_err(|e| e.to_string())?;
    let ca = std::env::temp_dir().join(format!("finesse-bench-ca-{}.pem", std::process::id()));
    emulator.write_ca_pem(&ca).map_err(|e| e.to_string())?;
    let output = Command::new(exe_dir.join("finesse-bench-idle"))
        .arg(emulator.base_url())
        .arg(emulator.notification_url())
        .arg(&ca)
        .arg("2")
        .output();
    let _ = std::fs::remove_file(&ca);
    let output = output.map_err(|e| format!("finesse-bench-idle: {e}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).trim().to_owned());
    }
    let mut probe = Probe {
        numbers: HashMap::new(),
        new_threads: String::new(),
    };
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["new_threads", names @ ..] => probe.new_threads = names.join(" "),
            [key, before, after] => {
                if let (Ok(before), Ok(after)) = (before.parse(), after.parse()) {
                    probe.numbers.insert((*key).to_owned(), (before, after));
                }
            }
            _ => {}
        }
    }
    Ok(probe)
}

/// The size of `library` with its symbols and debug information stripped, as a package
/// would ship it.
fn stripped_size(library: &Path) -> Result<u64, String> {
    let out = std::env::temp_dir().join(format!("finesse-bench-{}.so", std::process::id()));
    let status = Command::new("strip")
        .arg("--strip-all")
        .arg("-o")
        .arg(&out)
        .arg(library)
        .status()
        .map_err(|e| format!("strip: {e}"))?;
    let len = std::fs::metadata(&out).map(|m| m.len());
    let _ = std::fs::remove_file(&out);
    match (status.success(), len) {
        (true, Ok(len)) => Ok(len),
        _ => Err("strip failed".to_owned()),
    }
}

/// The median time of importing `module` in 15 fresh interpreters.
fn import_time(python: &Path, module: &str) -> Result<f64, String> {
    let mut times = Vec::new();
    for _ in 0..15 {
        let output = Command::new(python)
            .arg(format!("{PYTHON_BENCH}/import_time.py"))
            .arg(module)
            .output()
            .map_err(|e| e.to_string())?;
        let ns = String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse::<f64>()
            .map_err(|_| String::from_utf8_lossy(&output.stderr).trim().to_owned())?;
        times.push(ns);
    }
    Ok(median(&times))
}
