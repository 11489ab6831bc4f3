//! Blocking calls that Ctrl-C interrupts.
//!
//! Python runs signal handlers on the main thread, between bytecodes: a thread blocked in
//! native code sees a Ctrl-C only when that code returns. So every call that may wait (a
//! request, a wait for a command's outcome, a session's start) goes through [`run`]: on the
//! main thread the core call runs on a worker thread (kept for the next call, see [`IDLE`])
//! while the caller waits for it in slices of at most [`SLICE`], with the interpreter lock
//! released, and runs pending signal handlers between slices. A Ctrl-C then raises `KeyboardInterrupt` within one slice; the call is
//! abandoned: its worker finishes on its own (within the core's timeouts) and its result is
//! dropped. For a command that was being sent, the outcome is unknown, as after a timeout: it
//! may have been carried out, and nothing is resent.
//!
//! Reading events goes through [`poll`] instead: the core read itself waits in slices, so
//! that an interrupted read never takes an event off the queue only to drop it.
//!
//! Elsewhere than on the main thread no signal handler runs, and calls run in place: this
//! also keeps the core's checks of the calling thread (an event callback runs on the session
//! thread, where waiting on that session is refused rather than deadlocking).

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, RecvTimeoutError, SendError, SyncSender};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;

/// The longest a blocking call waits before running pending signal handlers.
pub(crate) const SLICE: Duration = Duration::from_millis(50);

/// Runs `op` with the interpreter lock released; on the main thread, on a worker thread that
/// Ctrl-C abandons (see the module's documentation).
///
/// # Errors
///
/// `KeyboardInterrupt` (or whatever a signal handler raises) when interrupted, and `OSError`
/// when no worker thread can be started. A panic of `op` is raised again on the calling
/// thread.
pub(crate) fn run<T, F>(py: Python<'_>, op: F) -> PyResult<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    if !on_main_thread(py)? {
        return Ok(py.detach(op));
    }
    // A Ctrl-C already pending stops the call before it starts.
    py.check_signals()?;
    let (tx, mut rx) = mpsc::sync_channel(1);
    dispatch(Box::new(move || {
        // The receiver is gone when the caller was interrupted: the result is dropped.
        let _ = tx.send(panic::catch_unwind(AssertUnwindSafe(op)));
    }))
    .map_err(|e| PyOSError::new_err(format!("cannot start a thread for the call: {e}")))?;
    loop {
        // The receiver is moved in and out: it may not be shared between threads.
        let (received, back) = py.detach(move || (rx.recv_timeout(SLICE), rx));
        rx = back;
        match received {
            Ok(Ok(value)) => return Ok(value),
            Ok(Err(payload)) => panic::resume_unwind(payload),
            Err(RecvTimeoutError::Timeout) => py.check_signals()?,
            // The worker always sends before it ends, panic or not.
            Err(RecvTimeoutError::Disconnected) => {
                unreachable!("the worker thread ended without a result")
            }
        }
    }
}

/// A call for a worker thread.
type Job = Box<dyn FnOnce() + Send>;

/// The worker threads waiting for a call, each by the sender of its job channel. Starting a
/// thread for every call cost about as much as a loopback request (BENCHMARKS.md), so a
/// worker waits for the next call once it is done, for the life of the process. Calls come
/// from the main thread one at a time, so one worker usually serves them all; a call abandoned
/// by Ctrl-C keeps its worker until it ends, and the next call starts another.
static IDLE: Mutex<Vec<SyncSender<Job>>> = Mutex::new(Vec::new());

/// Hands `job` to an idle worker thread, or to a new one when none is idle.
fn dispatch(job: Job) -> std::io::Result<()> {
    let idle = IDLE.lock().unwrap_or_else(PoisonError::into_inner).pop();
    let job = match idle {
        Some(worker) => match worker.send(job) {
            Ok(()) => return Ok(()),
            // The worker's thread is gone (it never returns: this is only defensive).
            Err(SendError(job)) => job,
        },
        None => job,
    };
    let (tx, rx) = mpsc::sync_channel::<Job>(1);
    std::thread::Builder::new()
        .name("finesse-call".to_owned())
        .spawn(move || {
            let mut job = job;
            loop {
                job();
                // Listed only once it is free, so a job sent to it runs at once.
                IDLE.lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(tx.clone());
                match rx.recv() {
                    Ok(next) => job = next,
                    Err(_) => return,
                }
            }
        })
        .map(drop)
}

/// Calls `attempt` with the interpreter lock released and a wait of at most [`SLICE`] (less
/// when `deadline` is nearer), running pending signal handlers between attempts, until it
/// gives a value or `deadline` passes (`None`: no deadline).
///
/// # Errors
///
/// What a signal handler raises, `KeyboardInterrupt` for Ctrl-C.
pub(crate) fn poll<T: Send>(
    py: Python<'_>,
    deadline: Option<Instant>,
    mut attempt: impl FnMut(Duration) -> Option<T> + Send,
) -> PyResult<Option<T>> {
    loop {
        let slice = deadline.map_or(SLICE, |d| {
            d.saturating_duration_since(Instant::now()).min(SLICE)
        });
        if let Some(value) = py.detach(|| attempt(slice)) {
            return Ok(Some(value));
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(None);
        }
        py.check_signals()?;
    }
}

/// Drops `value` with the interpreter lock released. Dropping the last handle of a client or
/// of a session closes the session and waits for its thread, which may be waiting for the
/// lock itself (to log a record, or to run a callback).
pub(crate) fn release<T: Send>(value: T) {
    let mut value = Some(value);
    Python::try_attach(|py| py.detach(|| drop(value.take())));
    // The interpreter is finalizing: no thread can take the lock any more.
    drop(value);
}

/// Whether the caller runs on the interpreter's main thread, where signal handlers run.
fn on_main_thread(py: Python<'_>) -> PyResult<bool> {
    let threading = py.import("threading")?;
    let main = threading.call_method0("main_thread")?.getattr("ident")?;
    main.eq(threading.call_method0("get_ident")?)
}
