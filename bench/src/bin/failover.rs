//! Recovery from each fault of DEVNET "Failure Scenarios": `finesse-bench-failover ROUNDS`
//! starts a two-node emulator (in this process) and, ROUNDS times per fault, gives agent 1001
//! a fresh client on side A with a notification session (default keep-alive: a ping every
//! 10 s, 5 s to answer, 2 missed; failover after 3 s), causes the fault, and takes two
//! times from the moment of the fault: to the first event that shows it (noticed), and to the
//! `Recovered` event (events flow again and User and Dialogs were read again). Faults:
//! `cut` (side A drops the client's link), `silent` (side A stops answering: only the
//! keep-alive can tell), `node` (side A dies: failover), `webapp` (side A's finesse service
//! goes unavailable: failover), `cti` (both nodes out of service for 2 s: the time to recover
//! is counted from IN_SERVICE). The baseline, measured alongside: the time a new session
//! takes to connect. Prints `<fault>_notice_ms`, `<fault>_recover_ms` (medians),
//! `<fault>_ratio` (recover / baseline) and `baseline_connect_ms`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use finesse_client::{Client, Config, ConnectionState, Event, Notifications};
use finesse_emulator::{Emulator, EmulatorConfig};

/// How long one recovery may take before the round counts as failed.
const LIMIT: Duration = Duration::from_secs(60);

/// How long both nodes stay out of service in the `cti` fault.
const CTI_OUTAGE: Duration = Duration::from_secs(2);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let [_, rounds] = args.as_slice() else {
        eprintln!("usage: finesse-bench-failover ROUNDS");
        return ExitCode::from(2);
    };
    let Ok(rounds) = rounds.parse::<usize>() else {
        eprintln!("ROUNDS must be a number");
        return ExitCode::from(2);
    };
    match run(rounds.max(1)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("failover: {e}");
            ExitCode::FAILURE
        }
    }
}

#[derive(Clone, Copy)]
enum Fault {
    Cut,
    Silent,
    Node,
    WebApp,
    Cti,
}

impl Fault {
    fn name(self) -> &'static str {
        match self {
            Fault::Cut => "cut",
            Fault::Silent => "silent",
            Fault::Node => "node",
            Fault::WebApp => "webapp",
            Fault::Cti => "cti",
        }
    }

    /// Causes the fault; returns the moment recovery is counted from.
    fn cause(self, a: &Emulator, b: &Emulator) -> Instant {
        match self {
            Fault::Cut => {
                a.cut_client_link("1001");
            }
            Fault::Silent => a.freeze_notifications(true),
            Fault::Node => a.set_node_down(true),
            Fault::WebApp => a.set_web_app_down(true),
            Fault::Cti => {
                a.set_out_of_service(true);
                b.set_out_of_service(true);
                std::thread::sleep(CTI_OUTAGE);
                a.set_out_of_service(false);
                b.set_out_of_service(false);
            }
        }
        Instant::now()
    }

    /// Whether `event` is the first sign of the fault.
    fn noticed(self, event: &Event) -> bool {
        match self {
            Fault::Cti => matches!(
                event,
                Event::Connection(ConnectionState::OutOfService { .. })
            ),
            Fault::WebApp => matches!(
                event,
                Event::Connection(ConnectionState::ServiceAvailable { available: false })
            ),
            _ => matches!(
                event,
                Event::Connection(ConnectionState::Disconnected { .. })
            ),
        }
    }

    /// Undoes the fault on side A for the next round.
    fn heal(self, a: &Emulator) {
        match self {
            Fault::Silent => a.freeze_notifications(false),
            Fault::Node => a.set_node_down(false),
            Fault::WebApp => a.set_web_app_down(false),
            Fault::Cut | Fault::Cti => {}
        }
    }
}

fn client(a: &Emulator) -> Result<Client, String> {
    let config = Config::builder(a.base_url())
        .basic_auth("1001", "secret1001")
        .ca_pem(a.ca_pem())
        .build()
        .map_err(|e| e.to_string())?;
    Client::new(config).map_err(|e| e.to_string())
}

/// One round: (noticed, recovered), in milliseconds from the fault. The fault is caused on a
/// thread of its own, so that the events it shows are read as they come (the `cti` fault
/// lasts 2 s).
fn round(fault: Fault, a: &Emulator, b: &Emulator) -> Result<(f64, f64), String> {
    let client = client(a)?;
    let session = client.notifications().map_err(|e| e.to_string())?;
    drain(&session);
    std::thread::scope(|scope| {
        let started = Instant::now();
        let cause = scope.spawn(|| fault.cause(a, b));
        let mut noticed = None;
        let deadline = started + LIMIT;
        let mut outcome = Err(format!("{}: no recovery within {LIMIT:?}", fault.name()));
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            let Some(event) = session.recv_timeout(left) else {
                continue;
            };
            if noticed.is_none() && fault.noticed(&event) {
                noticed = Some(started.elapsed());
            }
            if matches!(event, Event::Connection(ConnectionState::Recovered { .. })) {
                let recovered = Instant::now();
                outcome = noticed
                    .ok_or_else(|| "recovered without noticing".to_owned())
                    .map(|noticed| (noticed, recovered));
                break;
            }
        }
        let from = cause
            .join()
            .map_err(|_| "the fault's thread panicked".to_owned())?;
        fault.heal(a);
        session.close();
        let (noticed, recovered) = outcome?;
        Ok((ms(noticed), ms(recovered.saturating_duration_since(from))))
    })
}

fn drain(session: &Notifications) {
    while session.recv_timeout(Duration::from_millis(200)).is_some() {}
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn run(rounds: usize) -> Result<(), String> {
    let mut baseline = Vec::new();
    let mut results = Vec::new();
    for fault in [
        Fault::Cut,
        Fault::Silent,
        Fault::Node,
        Fault::WebApp,
        Fault::Cti,
    ] {
        let (mut notice, mut recover) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            // A fresh pair per round: a node brought back and the forced logouts of earlier
            // rounds do not carry over.
            let (a, b) = Emulator::start_pair(EmulatorConfig::new().forced_logout_after(None))
                .map_err(|e| e.to_string())?;
            let fresh = client(&a)?;
            let started = Instant::now();
            let session = fresh.notifications().map_err(|e| e.to_string())?;
            baseline.push(ms(started.elapsed()));
            session.close();
            let (n, r) = round(fault, &a, &b)?;
            notice.push(n);
            recover.push(r);
        }
        results.push((fault.name(), median(notice), median(recover)));
    }
    let baseline = median(baseline);
    for (name, notice, recover) in results {
        println!("{name}_notice_ms {notice:.0}");
        println!("{name}_recover_ms {recover:.0}");
        println!("{name}_ratio {:.1}", recover / baseline);
    }
    println!("baseline_connect_ms {baseline:.1}");
    Ok(())
}
