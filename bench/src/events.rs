//! The events figures: how many notifications the client decodes per second from a WebSocket
//! stream, and how long an Update takes from the server publishing it to the application
//! receiving it.

use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use finesse_client::{Client, Config, Event, NotificationOptions};
use finesse_emulator::{Emulator, EmulatorConfig};

use crate::stream::{self, Stream};

/// How long a burst or one Update may take before the measurement is abandoned.
const PATIENCE: Duration = Duration::from_secs(60);
/// Updates published before the latency is recorded: connections and caches warm.
const LATENCY_WARM_UP: usize = 100;

/// One burst of notifications as the client received them.
#[derive(Debug, Clone, Copy)]
pub struct Burst {
    /// Notifications decoded per second of wall time, first to last.
    pub per_second: f64,
    /// Notifications decoded per second of CPU time of the session thread.
    pub per_cpu_second: f64,
}

/// Sends `rounds` bursts of `n` copies of `update_xml` on `node` through a notification
/// service answering from memory, to a client whose callback counts the events of kind
/// `expected` on the session's own thread (one core: reading, unescaping, decoding and
/// delivering are all done there). `rest_url` is the HTTP server the client reads its
/// SystemInfo from.
pub fn throughput(
    rest_url: &str,
    node: &str,
    update_xml: &str,
    expected: fn(&Event) -> bool,
    n: usize,
    rounds: usize,
) -> Result<Vec<Burst>, String> {
    let service = Stream::start().map_err(|e| e.to_string())?;
    let client = Config::builder(rest_url)
        .basic_auth("1001", "secret1001")
        .login_id("1001")
        .build()
        .and_then(Client::new)
        .map_err(|e| e.to_string())?;
    // No keep-alive pings during the bursts: the service answers none while writing.
    let hour = Duration::from_secs(3600);
    let session = client
        .notifications_with(
            NotificationOptions::default()
                .url(service.url())
                .keep_alive(hour, hour, 1),
        )
        .map_err(|e| format!("notification session: {e}"))?;
    let (done, finished) = mpsc::channel::<Result<Burst, String>>();
    let mut count = 0usize;
    let mut first = (Instant::now(), 0u64);
    session.set_callback(Some(Box::new(move |event: &Event| {
        if matches!(event, Event::Connection(_)) {
            return;
        }
        if !expected(event) {
            let _ = done.send(Err(format!("unexpected event: {event:?}")));
            return;
        }
        count += 1;
        if count == 1 {
            first = (Instant::now(), thread_cpu_ns());
        } else if count == n {
            count = 0;
            let wall = first.0.elapsed().as_secs_f64();
            let cpu = thread_cpu_ns().saturating_sub(first.1) as f64 / 1e9;
            // From the first to the last: n - 1 notifications decoded in between.
            let decoded = (n - 1) as f64;
            let _ = done.send(Ok(Burst {
                per_second: decoded / wall,
                per_cpu_second: decoded / cpu.max(1e-9),
            }));
        }
    })));
    let burst: Arc<[u8]> = stream::frames(node, update_xml, n).into();
    let mut results = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        service.send(burst.clone());
        let result = finished
            .recv_timeout(PATIENCE)
            .map_err(|_| format!("{n} notifications did not arrive within {PATIENCE:?}"))?;
        results.push(result?);
    }
    let dropped = session.dropped();
    session.close();
    service.finish().map_err(|e| e.to_string())?;
    if dropped > 0 {
        return Err(format!("{dropped} events dropped"));
    }
    Ok(results)
}

/// The CPU time of one typed decode of `update_xml` on this thread: the median over `rounds`
/// runs of `n` decodes, the baseline the session's cost per notification is compared with.
pub fn decode_cpu_time(update_xml: &str, n: usize, rounds: usize) -> Result<Duration, String> {
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let start = thread_cpu_ns();
        for _ in 0..n {
            let events = Event::from_update_xml(std::hint::black_box(update_xml.as_bytes()))
                .map_err(|e| e.to_string())?;
            std::hint::black_box(events);
        }
        times.push(thread_cpu_ns().saturating_sub(start) as f64 / n as f64);
    }
    times.sort_by(f64::total_cmp);
    Ok(Duration::from_nanos(times[times.len() / 2] as u64))
}

/// CPU time of the calling thread so far, in nanoseconds (Linux: the first field of
/// /proc/thread-self/schedstat).
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Publishes `samples` copies of a Dialog update on agent 1001's Dialogs node through the
/// emulator (HTTPS and WSS on loopback, as a real deployment), one at a time `gap` apart,
/// and returns for each the time from the call that publishes it to the application
/// receiving its event from [`finesse_client::Notifications::recv_timeout`].
pub fn latency(dialog_xml: &str, samples: usize, gap: Duration) -> Result<Vec<Duration>, String> {
    let emulator = Emulator::start(EmulatorConfig::new()).map_err(|e| e.to_string())?;
    let client = Config::builder(emulator.base_url())
        .basic_auth("1001", "secret1001")
        .ca_pem(emulator.ca_pem())
        .build()
        .and_then(Client::new)
        .map_err(|e| e.to_string())?;
    let session = client
        .notifications_with(NotificationOptions::default().url(emulator.notification_url()))
        .map_err(|e| format!("notification session: {e}"))?;
    // The connection's own events (connected, the service's presence) come first.
    while session.recv_timeout(Duration::from_millis(200)).is_some() {}
    let node = "/finesse/api/User/1001/Dialogs";
    let mut times = Vec::with_capacity(samples);
    for i in 0..LATENCY_WARM_UP + samples {
        let request_id = format!("latency-{i}");
        let start = Instant::now();
        emulator.publish_update(
            node,
            "PUT",
            "/finesse/api/Dialog/16777437",
            &request_id,
            dialog_xml,
        );
        loop {
            let event = session
                .recv_timeout(PATIENCE)
                .ok_or_else(|| format!("update {i} did not arrive"))?;
            let elapsed = start.elapsed();
            match &event {
                Event::DialogChanged { .. } if event.request_id() == Some(request_id.as_str()) => {
                    if i >= LATENCY_WARM_UP {
                        times.push(elapsed);
                    }
                    break;
                }
                Event::Connection(_) => {}
                other => return Err(format!("unexpected event: {other:?}")),
            }
        }
        std::thread::sleep(gap);
    }
    session.close();
    Ok(times)
}
