//! The library's log records in Python's `logging`.
//!
//! Records of the `log` facade under the target `finesse_client` (the core's modules:
//! `finesse_client::http`, `finesse_client::session`…) go to the Python logger of the same
//! name with dots (`finesse_client.http`), through `pyo3-log`; those of other crates (TLS,
//! HTTP, WebSocket) are dropped. Rust's TRACE is level 5 in Python.
//!
//! Each logger's effective level is read when it logs its first record, then kept, so that a
//! record below it costs no interpreter lock; creating a `Client` reads the levels again.

use std::sync::OnceLock;

use log::{LevelFilter, Log, Metadata, Record};
use pyo3::prelude::*;
use pyo3_log::{Caching, Logger, ResetHandle};

/// The log target, and Python logger, of the library's records.
const TARGET: &str = "finesse_client";

/// Clears the installed logger's cache of levels; unset when another logger was installed
/// first.
static RESET: OnceLock<ResetHandle> = OnceLock::new();

/// Installs the bridge as the process's `log` logger, unless one is installed already.
pub(crate) fn install(py: Python<'_>) -> PyResult<()> {
    let logger = Logger::new(py, Caching::LoggersAndLevels)?
        .filter(LevelFilter::Off)
        .filter_target(TARGET.to_owned(), LevelFilter::Trace);
    let reset = logger.reset_handle();
    if log::set_boxed_logger(Box::new(Bridge(logger))).is_ok() {
        log::set_max_level(LevelFilter::Trace);
        let _ = RESET.set(reset);
    }
    Ok(())
}

/// Makes the next records read the Python loggers' levels again.
pub(crate) fn reread_levels() {
    if let Some(reset) = RESET.get() {
        reset.reset();
    }
}

/// `pyo3-log`'s logger, silent while the interpreter is finalizing (a session or worker
/// thread may still log then, and could not take the interpreter lock).
struct Bridge(Logger);

impl Log for Bridge {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        self.0.enabled(metadata)
    }

    fn log(&self, record: &Record<'_>) {
        if self.0.enabled(record.metadata()) {
            Python::try_attach(|_| self.0.log(record));
        }
    }

    fn flush(&self) {}
}
