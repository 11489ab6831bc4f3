//! A fleet of agents in one process: `finesse-bench-fleet EMULATOR AGENTS IDLE_SECONDS` starts
//! the emulator binary EMULATOR (a process of its own, so that only the clients are counted
//! here), adds AGENTS agents to it, gives each a client with a notification session (WebSocket),
//! and prints `<key> <value>` lines:
//!
//! - `private_kib_per_client`: the anonymous resident memory (RssAnon) a client adds once it
//!   made a request (its pooled connection);
//! - `threads_per_session`, `private_kib_per_session`: what the notification sessions then
//!   added (threads; RssAnon), divided by AGENTS;
//! - `idle_cpu_percent`: the process's CPU time over IDLE_SECONDS with every session idle, in
//!   percent of one core;
//! - `ring_p50_ms`, `ring_p99_ms`, `ring_max_ms`: every agent gets a call at once (the calls
//!   injected as fast as the emulator takes them); from each call's injection to its agent's
//!   ALERTING event.
//!
//! Needs a limit of open files above 2 per agent (`ulimit -n`).

#[path = "../emulator_process.rs"]
mod emulator_process;

use std::collections::HashMap;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use emulator_process::{control, start};
use finesse_client::model::ParticipantState;
use finesse_client::{Client, Config, Event, NotificationOptions, Notifications};

/// The first agent's id; the others follow.
const FIRST_AGENT: u32 = 40_000;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let [_, emulator, agents, idle] = args.as_slice() else {
        eprintln!("usage: finesse-bench-fleet EMULATOR AGENTS IDLE_SECONDS");
        return ExitCode::from(2);
    };
    let (Ok(agents), Ok(idle)) = (agents.parse::<u32>(), idle.parse::<f64>()) else {
        eprintln!("AGENTS and IDLE_SECONDS must be numbers");
        return ExitCode::from(2);
    };
    match run(emulator, agents, Duration::from_secs_f64(idle)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fleet: {e}");
            ExitCode::FAILURE
        }
    }
}

fn login(i: u32) -> String {
    (FIRST_AGENT + i).to_string()
}

fn extension(i: u32) -> String {
    format!("6{}", FIRST_AGENT + i)
}

fn run(emulator: &str, agents: u32, idle: Duration) -> Result<(), String> {
    let server = start(emulator, agents * 2 + 64)?;
    for i in 0..agents {
        let id = login(i);
        control(
            &server,
            "/agents",
            &format!(r#"{{"login_id": "{id}", "login_name": "a{id}", "password": "pw{id}"}}"#),
        )?;
    }

    let before = Snapshot::take();
    let started = Instant::now();
    let mut clients = Vec::with_capacity(agents as usize);
    for i in 0..agents {
        let id = login(i);
        let client = Config::builder(&server.base_url)
            .basic_auth(&id, format!("pw{id}"))
            .ca_file(&server.ca_file)
            .build()
            .and_then(Client::new)
            .and_then(|client| client.user().map(|_| client))
            .map_err(|e| format!("client {id}: {e}"))?;
        clients.push(client);
    }
    let with_clients = Snapshot::take();
    let mut fleet: Vec<(Client, Notifications)> = Vec::with_capacity(agents as usize);
    for client in clients {
        let session = client
            .notifications_with(NotificationOptions::default().url(&server.notification_url))
            .map_err(|e| format!("session: {e}"))?;
        fleet.push((client, session));
    }
    let start_secs = started.elapsed().as_secs_f64();
    let after = Snapshot::take();
    let per = |b: u64, a: u64| a.saturating_sub(b) as f64 / f64::from(agents);
    println!("agents {agents}");
    println!("start_seconds {start_secs:.1}");
    println!(
        "threads_per_session {:.2}",
        per(with_clients.threads, after.threads)
    );
    println!(
        "private_kib_per_client {:.0}",
        per(before.anon_kib, with_clients.anon_kib)
    );
    println!(
        "private_kib_per_session {:.0}",
        per(with_clients.anon_kib, after.anon_kib)
    );

    let cpu = cpu_seconds();
    std::thread::sleep(idle);
    let idle_cpu = (cpu_seconds() - cpu) / idle.as_secs_f64() * 100.0;
    println!("idle_cpu_percent {idle_cpu:.2}");

    for (i, (client, _)) in fleet.iter().enumerate() {
        client
            .sign_in(&extension(i as u32))
            .and_then(|_| client.ready())
            .map_err(|e| format!("agent {i}: {e}"))?;
    }
    // Ready everywhere before the calls: the sign-ins' events are past.
    std::thread::sleep(Duration::from_secs(2));

    let rang: Arc<Mutex<HashMap<String, Instant>>> = Arc::default();
    for (i, (_, session)) in fleet.iter().enumerate() {
        let (rang, me) = (Arc::clone(&rang), extension(i as u32));
        session.set_callback(Some(Box::new(move |event: &Event| {
            if let Event::DialogAdded { dialog, .. } | Event::DialogChanged { dialog, .. } = event
                && dialog
                    .participant(&me)
                    .is_some_and(|p| p.state == ParticipantState::Alerting)
            {
                rang.lock()
                    .unwrap()
                    .entry(me.clone())
                    .or_insert_with(Instant::now);
            }
        })));
    }
    let mut injected = HashMap::new();
    for i in 0..agents {
        let to = extension(i);
        injected.insert(to.clone(), Instant::now());
        control(
            &server,
            "/inbound-calls",
            &format!(r#"{{"to": "{to}", "from_address": "4085550100"}}"#),
        )?;
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    while rang.lock().unwrap().len() < agents as usize && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let rang = rang.lock().unwrap();
    let mut latencies: Vec<f64> = rang
        .iter()
        .map(|(to, at)| at.duration_since(injected[to]).as_secs_f64() * 1000.0)
        .collect();
    if latencies.len() < agents as usize {
        return Err(format!(
            "only {} of {agents} agents saw their call ring",
            latencies.len()
        ));
    }
    latencies.sort_by(f64::total_cmp);
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q).round() as usize];
    println!("ring_p50_ms {:.1}", at(0.5));
    println!("ring_p99_ms {:.1}", at(0.99));
    println!("ring_max_ms {:.1}", at(1.0));
    Ok(())
}

/// This process's CPU time (user and system), in seconds, from /proc/self/stat.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of stat, the 12th and 13th after the command
    // name; Linux counts them in 100ths of a second (USER_HZ) everywhere it runs.
    (ticks(11) + ticks(12)) / 100.0
}

/// Threads and anonymous resident memory of this process.
struct Snapshot {
    threads: u64,
    anon_kib: u64,
}

impl Snapshot {
    fn take() -> Snapshot {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.split_whitespace().next()?.parse().ok())
                .unwrap_or(0)
        };
        Snapshot {
            threads: field("Threads:"),
            anon_kib: field("RssAnon:"),
        }
    }
}
