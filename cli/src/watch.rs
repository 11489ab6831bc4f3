//! `finesse watch`: events as they happen.

use std::time::{Duration, Instant};

use finesse_client::{Client, NotificationOptions};

use crate::output;

/// Streams events until `count` events or `seconds` have passed (or forever).
pub fn run(
    client: &Client,
    url: Option<String>,
    nodes: Vec<String>,
    count: Option<usize>,
    seconds: Option<f64>,
    json: bool,
) -> Result<(), String> {
    let mut options = NotificationOptions::default();
    if let Some(url) = url {
        options = options.url(url);
    }
    for node in nodes {
        options = options.subscribe(node);
    }
    let notifications = client
        .notifications_with(options)
        .map_err(|e| e.to_string())?;
    let deadline = match seconds {
        Some(s) => Some(
            Instant::now()
                + Duration::try_from_secs_f64(s).map_err(|_| format!("--seconds {s}"))?,
        ),
        None => None,
    };
    let mut printed = 0usize;
    while count.is_none_or(|n| printed < n) {
        let wait = match deadline {
            Some(d) if Instant::now() >= d => break,
            Some(d) => d - Instant::now(),
            None => Duration::from_secs(3600),
        };
        let Some(event) = notifications.recv_timeout(wait) else {
            if notifications.is_closed() {
                break;
            }
            continue;
        };
        if json {
            output::json_line(&event)?;
        } else {
            println!("{}", output::event_line(&event));
        }
        printed += 1;
    }
    notifications.close();
    Ok(())
}
