//! `finesse watch`: events as they happen.

use std::time::{Duration, Instant};

use finesse_client::{ConnectionState, Event, NotificationOptions};

use crate::args::Server;
use crate::connect;
use crate::failure::Failure;
use crate::output;
use crate::verbose::Verbose;

/// Streams events until `count` events or `seconds` have passed (or forever).
pub fn run(
    server: &Server,
    nodes: Vec<String>,
    count: Option<usize>,
    seconds: Option<f64>,
) -> Result<(), Failure> {
    let say = Verbose::new(server.verbose > 0);
    let deadline = match seconds {
        Some(s) => Some(Instant::now() + connect::seconds("--seconds", s)?),
        None => None,
    };
    let client = connect::client(server, say)?;
    let options = nodes.into_iter().fold(
        NotificationOptions::default(),
        NotificationOptions::subscribe,
    );
    let notifications = client
        .notifications_with(options)
        .map_err(Failure::doing("starting the notification session"))?;
    say.say(format!(
        "notification session started ({})",
        notifications.url()
    ));
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
        if server.json {
            output::json_line(&event)?;
        } else {
            println!("{}", output::event_line(&event));
        }
        printed += 1;
        // The session does not come back from this: say so in the exit code.
        if let Event::Connection(ConnectionState::Failed { reason, condition }) = event {
            return Err(Failure::SessionEnded { reason, condition });
        }
    }
    notifications.close();
    Ok(())
}
