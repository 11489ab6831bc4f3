//! The log callback: the records of the library (requests, notification sessions) and of its
//! dependencies, handed to the application's function.
//!
//! The records come from Rust's `log` facade; this file installs the one logger of the
//! process that forwards them. No record ever holds a password or token (core's contract).

use std::ffi::{c_char, c_void};
use std::sync::RwLock;

use crate::error::{Failure, finesse_result, invalid_argument};
use crate::panic::fallible;
use crate::strings::c_string;

/// The level of a log record, most severe first; passed to `finesse_set_log_callback` as a
/// `uint32_t` (the most verbose level wanted).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum finesse_log_level {
    /// Logging off (only as the level given to `finesse_set_log_callback`).
    Off = 0,
    /// A failure the library could not work around (a notification session that ended for
    /// good).
    Error = 1,
    /// A failure the library works around (a lost connection it reconnects, a failed request).
    Warn = 2,
    /// A change worth knowing (notifications connected, closed).
    Info = 3,
    /// Every request (method, URL, status, request id, time) and connection attempt.
    Debug = 4,
    /// Everything, dependencies included (TLS, WebSocket frames; never the sign-in).
    Trace = 5,
}

/// Receives one log record: its level, the module it comes from (e.g.
/// `"finesse_client::http"`, `"rustls::client"`) and the message, both NUL-terminated and
/// valid during the call only.
///
/// Called on whatever thread logs (the caller's thread for requests, a session thread for
/// notifications), possibly on several threads at once: it must be thread-safe, return
/// quickly, and must not call `finesse_set_log_callback`.
pub type finesse_log_callback = Option<
    unsafe extern "C" fn(
        level: finesse_log_level,
        target: *const c_char,
        message: *const c_char,
        user_data: *mut c_void,
    ),
>;

/// Sends the library's log records up to `max_level` (a `finesse_log_level`) to `callback`,
/// with `user_data` passed back on each call. `FINESSE_LOG_LEVEL_OFF` or a NULL callback
/// turns logging off. Replaces any previous callback; the process has one.
///
/// Returns `FINESSE_RESULT_INVALID_ARGUMENT` for a level out of range. Thread-safe; never call
/// it from the callback itself.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_set_log_callback(
    max_level: u32,
    callback: finesse_log_callback,
    user_data: *mut c_void,
) -> finesse_result {
    fallible(|| {
        let level = level_filter(max_level)?;
        let sink = callback.map(|callback| Sink {
            callback,
            user_data,
        });
        let level = if sink.is_some() {
            level
        } else {
            log::LevelFilter::Off
        };
        *SINK.write().unwrap_or_else(|e| e.into_inner()) = sink;
        // Fails only when a logger is already installed: ours, from an earlier call.
        let _ = log::set_logger(&Forwarder);
        log::set_max_level(level);
        Ok(())
    })
}

fn level_filter(level: u32) -> Result<log::LevelFilter, Failure> {
    Ok(match level {
        0 => log::LevelFilter::Off,
        1 => log::LevelFilter::Error,
        2 => log::LevelFilter::Warn,
        3 => log::LevelFilter::Info,
        4 => log::LevelFilter::Debug,
        5 => log::LevelFilter::Trace,
        other => {
            return Err(invalid_argument(
                "max_level",
                format!("{other} is not a finesse_log_level (0 to 5)"),
            ));
        }
    })
}

/// The application's callback and its pointer.
struct Sink {
    callback: unsafe extern "C" fn(finesse_log_level, *const c_char, *const c_char, *mut c_void),
    user_data: *mut c_void,
}

// SAFETY: the API contract of `finesse_set_log_callback`: the callback is thread-safe, and
// `user_data` is only passed back to it.
unsafe impl Send for Sink {}
unsafe impl Sync for Sink {}

static SINK: RwLock<Option<Sink>> = RwLock::new(None);

/// The process's logger: forwards each record to the sink.
struct Forwarder;

impl log::Log for Forwarder {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::max_level()
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let sink = SINK.read().unwrap_or_else(|e| e.into_inner());
        let Some(sink) = sink.as_ref() else { return };
        let level = match record.level() {
            log::Level::Error => finesse_log_level::Error,
            log::Level::Warn => finesse_log_level::Warn,
            log::Level::Info => finesse_log_level::Info,
            log::Level::Debug => finesse_log_level::Debug,
            log::Level::Trace => finesse_log_level::Trace,
        };
        let target = c_string(record.target());
        let message = c_string(&record.args().to_string());
        // SAFETY: the callback's contract; both strings outlive the call.
        unsafe { (sink.callback)(level, target.as_ptr(), message.as_ptr(), sink.user_data) };
    }

    fn flush(&self) {}
}
