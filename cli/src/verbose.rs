//! `--verbose`: what the command does, on stderr so that stdout stays the result.
//!
//! Callers never pass a password or token: these lines name servers, users, requests and
//! request ids only. The library's own records (it never logs a secret) join them from `-vv`.

/// Sends the library's log records to stderr: from `-v` its warnings (a reconnection, a failed
/// request), from `-vv` every exchange and connection attempt, from `-vvv` everything, the
/// libraries underneath included.
pub fn log_library(verbosity: u8) {
    let level = match verbosity {
        0 => return,
        1 => log::LevelFilter::Warn,
        2 => log::LevelFilter::Debug,
        _ => log::LevelFilter::Trace,
    };
    let mut builder = env_logger::Builder::new();
    if verbosity < 3 {
        // Up to -vv the library only: its dependencies' debug records are noise here.
        builder.filter_module("finesse_client", level);
    } else {
        builder.filter_level(level);
    }
    builder
        .format(|out, record| {
            use std::io::Write;
            writeln!(out, "finesse: {}: {}", record.level(), record.args())
        })
        .init();
}

/// Says what is done, when `--verbose` was given.
#[derive(Debug, Clone, Copy)]
pub struct Verbose(bool);

impl Verbose {
    /// Speaks only when `on`.
    pub fn new(on: bool) -> Self {
        Verbose(on)
    }

    /// Prints one line, `finesse: <what>`.
    pub fn say(self, what: impl AsRef<str>) {
        if self.0 {
            eprintln!("finesse: {}", what.as_ref());
        }
    }
}
