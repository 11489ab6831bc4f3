//! Memory with an unread queue of large events: `finesse-bench-unread EMULATOR EVENTS KIB`
//! starts the emulator binary EMULATOR (a process of its own), opens one client with a
//! notification session that the application never reads, has the emulator publish EVENTS
//! updates of about KIB KiB each to it, and prints `<key> <value>` lines:
//!
//! - `published_mib`: the size of what was published;
//! - `held_mib`: the anonymous resident memory (RssAnon) the process added meanwhile;
//! - `dropped`: how many events the session dropped to stay within its bounds.

#[path = "../emulator_process.rs"]
mod emulator_process;

use std::process::ExitCode;
use std::time::Duration;

use emulator_process::{control, start};
use finesse_client::{Client, Config, NotificationOptions};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let [_, emulator, events, kib] = args.as_slice() else {
        eprintln!("usage: finesse-bench-unread EMULATOR EVENTS KIB");
        return ExitCode::from(2);
    };
    let (Ok(events), Ok(kib)) = (events.parse::<u32>(), kib.parse::<usize>()) else {
        eprintln!("EVENTS and KIB must be numbers");
        return ExitCode::from(2);
    };
    match run(emulator, events, kib) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("unread: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(emulator: &str, events: u32, kib: usize) -> Result<(), String> {
    let server = start(emulator, 64)?;
    let client = Config::builder(&server.base_url)
        .basic_auth("1001", "secret1001")
        .ca_file(&server.ca_file)
        .build()
        .and_then(Client::new)
        .map_err(|e| e.to_string())?;
    let session = client
        .notifications_with(NotificationOptions::default().url(&server.notification_url))
        .map_err(|e| e.to_string())?;
    let before = anon_kib();
    // An update of a kind the library does not type: its event holds the whole document.
    let body = format!(
        r#"{{"node": "/finesse/api/User/1001", "event": "PUT",
            "source": "/finesse/api/Unknown/1", "data": "<unknown>{}</unknown>"}}"#,
        "x".repeat(kib * 1024)
    );
    for _ in 0..events {
        control(&server, "/updates", &body)?;
    }
    control(&server, "/settle", "")?;
    std::thread::sleep(Duration::from_secs(1));
    let held = anon_kib().saturating_sub(before);
    let published = f64::from(events) * (kib as f64) / 1024.0;
    println!("published_mib {published:.0}");
    println!("held_mib {:.1}", held as f64 / 1024.0);
    println!("dropped {}", session.dropped());
    Ok(())
}

/// This process's anonymous resident memory (RssAnon), in KiB.
fn anon_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("RssAnon:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
