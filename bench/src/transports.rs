//! The notification transports side by side: for each one the emulator serves (release 12.0
//! serves them all: WebSocket, BOSH, XMPP over TCP with STARTTLS and with direct TLS), how
//! long a session takes to start and to deliver its first event, and how many notifications
//! per second reach the application when the emulator publishes as fast as it can.

use std::time::{Duration, Instant};

use finesse_client::{Client, Config, ConnectionState, Event, NotificationOptions};
use finesse_emulator::{Emulator, EmulatorConfig, Release};

/// How long one measurement may take before it is abandoned.
const PATIENCE: Duration = Duration::from_secs(60);
/// The node and source the Updates are published on.
const NODE: &str = "/finesse/api/User/1001/Dialogs";
const SOURCE: &str = "/finesse/api/Dialog/16777437";

/// The figures of one transport.
pub struct Figures {
    /// The transport and its URL's scheme.
    pub label: &'static str,
    /// `notifications()` until it returns, signed in: median of the starts.
    pub start: Duration,
    /// `notifications()` until the first event from the server: the `finesse` service's
    /// presence, which the server sends once it routes the session's events; median of the
    /// starts.
    pub first_event: Duration,
    /// Updates published back to back, from the first to the last received, per second.
    pub per_second: f64,
}

/// Measures every transport: `starts` sessions each for the start figures, then `n`
/// Updates carrying `dialog_xml` for the rate.
pub fn measure(dialog_xml: &str, starts: usize, n: usize) -> Result<Vec<Figures>, String> {
    let emulator = Emulator::start(EmulatorConfig::new().release(Release::Cce12_0))
        .map_err(|e| e.to_string())?;
    let transports = [
        (
            "WebSocket on the REST port (wss://…/ws/)",
            emulator.rest_websocket_url(),
        ),
        ("BOSH (https://…/http-bind/)", emulator.bosh_url()),
        ("XMPP over TCP, direct TLS (xmpps://)", emulator.xmpps_url()),
        ("XMPP over TCP, STARTTLS (xmpp://)", emulator.xmpp_url()),
    ];
    let client = Config::builder(emulator.base_url())
        .basic_auth("1001", "secret1001")
        .ca_pem(emulator.ca_pem())
        .build()
        .and_then(Client::new)
        .map_err(|e| e.to_string())?;
    let mut figures = Vec::new();
    for (label, url) in transports {
        let url = url.ok_or_else(|| format!("the emulator serves no {label}"))?;
        let options = || NotificationOptions::default().url(url.clone());
        let mut start = Vec::new();
        let mut first = Vec::new();
        for _ in 0..starts {
            let began = Instant::now();
            let session = client
                .notifications_with(options())
                .map_err(|e| format!("{label}: {e}"))?;
            start.push(began.elapsed());
            until(&session, routed, 1)?;
            first.push(began.elapsed());
            session.close();
        }
        let session = client
            .notifications_with(options())
            .map_err(|e| format!("{label}: {e}"))?;
        until(&session, routed, 1)?;
        for i in 0..n {
            emulator.publish_update(NODE, "PUT", SOURCE, &format!("rate-{i}"), dialog_xml);
        }
        let rate = until(&session, |e| matches!(e, Event::DialogChanged { .. }), n)?;
        session.close();
        figures.push(Figures {
            label,
            start: median(start),
            first_event: median(first),
            per_second: rate,
        });
    }
    Ok(figures)
}

/// Whether `event` is the `finesse` service's presence: the session's events are routed.
fn routed(event: &Event) -> bool {
    matches!(
        event,
        Event::Connection(ConnectionState::ServiceAvailable { available: true })
    )
}

/// Reads events until `count` of them match; the rate of the matching ones from the first to
/// the last, per second.
fn until(
    session: &finesse_client::Notifications,
    matches: impl Fn(&Event) -> bool,
    count: usize,
) -> Result<f64, String> {
    let deadline = Instant::now() + PATIENCE;
    let mut seen = 0usize;
    let mut first = None;
    while seen < count {
        let left = deadline.saturating_duration_since(Instant::now());
        let event = session
            .recv_timeout(left)
            .ok_or_else(|| format!("{seen} of {count} notifications within {PATIENCE:?}"))?;
        if matches(&event) {
            seen += 1;
            first.get_or_insert_with(Instant::now);
        }
    }
    let elapsed = first.map_or(Duration::ZERO, |t| t.elapsed()).as_secs_f64();
    Ok((count.saturating_sub(1)) as f64 / elapsed.max(1e-9))
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}
