//! `finesse-emulator`: runs the emulated Finesse server until interrupted.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use finesse_emulator::{Emulator, EmulatorConfig, Release, Timing};

/// A local Cisco Finesse server for developing and testing integrations.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// Address every port listens on, e.g. 0.0.0.0 or ::1.
    /// The control API has no authentication: listen beyond loopback only on a network
    /// you trust.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    listen: IpAddr,
    /// Another DNS name or IP address for the server certificate (repeatable), besides
    /// localhost, 127.0.0.1, ::1 and the listen address.
    #[arg(long, value_name = "NAME")]
    cert_name: Vec<String>,
    /// REST port (0 picks a free port).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Control API port (0 picks a free port).
    #[arg(long, default_value_t = 0)]
    control_port: u16,
    /// The emulator's own XMPP-over-WebSocket port (0 picks a free port).
    #[arg(long, default_value_t = 0)]
    notification_port: u16,
    /// BOSH port, Finesse's 7443 (0 picks a free port).
    #[arg(long, default_value_t = 0)]
    bosh_port: u16,
    /// XMPP-over-TCP port with STARTTLS, Finesse's 5222 (0 picks a free port).
    #[arg(long, default_value_t = 0)]
    xmpp_port: u16,
    /// XMPP-over-TCP port with direct TLS, Finesse's 5223 (0 picks a free port).
    #[arg(long, default_value_t = 0)]
    xmpp_secure_port: u16,
    /// Seconds a signed-in agent may stay without a notification session on a node (after
    /// having had one there) before that node forces it out with reason code 255 (0 never
    /// forces agents out).
    #[arg(
        long,
        visible_alias = "forced-logout-after",
        value_name = "SECS",
        default_value_t = 60
    )]
    forced_logout_secs: u64,
    /// CCE's LOAD 1: a forced logout signs the agent out instead of making it NOT_READY
    /// (CCX always signs it out).
    #[arg(long)]
    logout_on_disconnect: bool,
    /// Start two nodes, side A and side B, sharing one CTI state; side B takes free ports.
    #[arg(long)]
    pair: bool,
    /// Serve plain HTTP instead of HTTPS.
    #[arg(long)]
    http: bool,
    /// The release to behave as: cce-11.6, cce-12.0, cce-12.5 (the default), cce-12.6 or
    /// ccx-12.5.
    #[arg(long, value_name = "RELEASE", default_value_t = Release::Cce12_5)]
    release: Release,
    /// Behave as Unified CCX 12.5: the same as `--release ccx-12.5`.
    #[arg(long, conflicts_with = "release")]
    ccx: bool,
    /// Configure no reason codes: NOT_READY and LOGOUT without a reason are accepted.
    #[arg(long)]
    no_reason_codes: bool,
    /// Seconds an agent stays in wrap-up before leaving it by itself (0, the default: until
    /// the agent asks).
    #[arg(long, default_value_t = 0)]
    wrap_up_secs: u64,
    /// Reproduce the race between call-control requests (DG12.5 p91): a call-control
    /// request's outcome comes 200 ms after its 202, and another one from the same device
    /// meanwhile is accepted, then refused asynchronously (Generic Error, 33).
    #[arg(long)]
    call_control_race: bool,
    /// Connections each port serves at once; raise it for a fleet of clients.
    #[arg(long, default_value_t = 256)]
    max_connections: usize,
    /// Write the CA certificate (PEM) to this file.
    #[arg(long, value_name = "PATH")]
    write_ca: Option<PathBuf>,
    /// How long the far end rings before answering, in milliseconds.
    #[arg(long, default_value_t = 150)]
    ring_ms: u64,
    /// Length of one call-setup step, in milliseconds.
    #[arg(long, default_value_t = 20)]
    step_ms: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let config = args
        .cert_name
        .into_iter()
        .fold(EmulatorConfig::new(), EmulatorConfig::certificate_name)
        .listen(args.listen)
        .port(args.port)
        .control_port(args.control_port)
        .notification_port(args.notification_port)
        .bosh_port(args.bosh_port)
        .xmpp_port(args.xmpp_port)
        .xmpp_secure_port(args.xmpp_secure_port)
        .forced_logout_after(
            (args.forced_logout_secs > 0).then(|| Duration::from_secs(args.forced_logout_secs)),
        )
        .logout_on_disconnect(args.logout_on_disconnect)
        .plain_http(args.http)
        .reason_codes_configured(!args.no_reason_codes)
        .wrap_up_timer((args.wrap_up_secs > 0).then(|| Duration::from_secs(args.wrap_up_secs)))
        .call_control_race(args.call_control_race)
        .max_connections(args.max_connections)
        .release(if args.ccx {
            Release::Ccx12_5
        } else {
            args.release
        })
        .timing(Timing {
            step: Duration::from_millis(args.step_ms),
            ring: Duration::from_millis(args.ring_ms),
        });
    let nodes = if args.pair {
        Emulator::start_pair(config).map(|(a, b)| vec![a, b])
    } else {
        Emulator::start(config).map(|a| vec![a])
    };
    let nodes = match nodes {
        Ok(nodes) => nodes,
        Err(e) => {
            eprintln!("finesse-emulator: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    for emulator in &nodes {
        if args.pair {
            println!("Side {}:", emulator.side());
        }
        print_urls(emulator);
    }
    if let Some(path) = &args.write_ca {
        // One CA signs the certificate of both nodes.
        if let Err(e) = nodes[0].write_ca_pem(path) {
            eprintln!("finesse-emulator: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("CA certificate:   {}", path.display());
    }
    match wait_for_signal() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("finesse-emulator: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Prints a node's URLs: REST, notifications, control, then the transports the release
/// offers, in the URL forms clients take.
fn print_urls(emulator: &Emulator) {
    println!("Finesse REST API: {}", emulator.base_url());
    println!("Notifications:    {}", emulator.notification_url());
    println!("Control API:      {}", emulator.control_url());
    let transports = [
        ("WebSocket:       ", emulator.rest_websocket_url()),
        ("BOSH:            ", emulator.bosh_url()),
        ("XMPP STARTTLS:   ", emulator.xmpp_url()),
        ("XMPP TLS:        ", emulator.xmpps_url()),
    ];
    for (label, url) in transports {
        if let Some(url) = url {
            println!("{label} {url}");
        }
    }
}

/// Blocks until SIGINT (ctrl-c) or, on Unix, SIGTERM.
fn wait_for_signal() -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        #[cfg(unix)]
        {
            let mut term =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
            tokio::select! {
                r = tokio::signal::ctrl_c() => r,
                _ = term.recv() => Ok(()),
            }
        }
        #[cfg(not(unix))]
        {
            tokio::signal::ctrl_c().await
        }
    })
}
