//! The footprint of an idle client: `finesse-bench-idle BASE_URL NOTIFICATION_URL CA_FILE
//! SECONDS` reads this process's resident memory and threads, creates a client with a
//! notification session (HTTPS and WSS, trusting CA_FILE), lets it idle for SECONDS, reads
//! them again and prints `<key> <value>` lines:
//!
//! - `rss_kib`, `anon_kib`, `file_kib`: resident memory before and after (VmRSS, RssAnon,
//!   RssFile of /proc/self/status), in KiB;
//! - `threads`: the number of threads before and after;
//! - `new_threads`: the names of the threads the client started.
//!
//! A process of its own, so that nothing else (the server, a harness) is counted.

use std::collections::BTreeSet;
use std::process::ExitCode;
use std::time::Duration;

use finesse_client::{Client, Config, NotificationOptions};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let [_, base_url, notification_url, ca_file, seconds] = args.as_slice() else {
        eprintln!("usage: finesse-bench-idle BASE_URL NOTIFICATION_URL CA_FILE SECONDS");
        return ExitCode::from(2);
    };
    let Ok(seconds) = seconds.parse::<f64>() else {
        eprintln!("SECONDS must be a number");
        return ExitCode::from(2);
    };
    let before = Snapshot::take();
    let session = Config::builder(base_url)
        .basic_auth("1001", "secret1001")
        .ca_file(ca_file)
        .build()
        .and_then(Client::new)
        .and_then(|client| {
            client
                .notifications_with(NotificationOptions::default().url(notification_url))
                .map(|session| (client, session))
        });
    let (_client, session) = match session {
        Ok(started) => started,
        Err(e) => {
            eprintln!("starting the client failed: {e}");
            return ExitCode::FAILURE;
        }
    };
    std::thread::sleep(Duration::from_secs_f64(seconds));
    let after = Snapshot::take();
    if !session.is_connected() {
        eprintln!("the notification session is not connected");
        return ExitCode::FAILURE;
    }
    for (key, b, a) in [
        ("rss_kib", before.rss_kib, after.rss_kib),
        ("anon_kib", before.anon_kib, after.anon_kib),
        ("file_kib", before.file_kib, after.file_kib),
        (
            "threads",
            before.threads.len() as u64,
            after.threads.len() as u64,
        ),
    ] {
        println!("{key} {b} {a}");
    }
    let new: Vec<&str> = after
        .threads
        .iter()
        .filter(|t| !before.threads.contains(*t))
        .map(|(_, name)| name.as_str())
        .collect();
    println!("new_threads {}", new.join(","));
    ExitCode::SUCCESS
}

struct Snapshot {
    rss_kib: u64,
    anon_kib: u64,
    file_kib: u64,
    /// Thread ids with their names.
    threads: BTreeSet<(u64, String)>,
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
        let threads = std::fs::read_dir("/proc/self/task")
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|entry| {
                let id = entry.file_name().to_str()?.parse().ok()?;
                let name = std::fs::read_to_string(entry.path().join("comm")).ok()?;
                Some((id, name.trim().to_owned()))
            })
            .collect();
        Snapshot {
            rss_kib: field("VmRSS:"),
            anon_kib: field("RssAnon:"),
            file_kib: field("RssFile:"),
            threads,
        }
    }
}
