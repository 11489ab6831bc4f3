//! `Notifications`, a running notification session, and `EventIterator`, the iterator over
//! its events.
//!
//! Blocking reads release the interpreter lock and wait in short slices, so that Ctrl-C
//! interrupts them within 50 ms (see `blocking`).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{PoisonError, RwLock};
use std::time::{Duration, Instant};

use finesse_client::Error;
use pyo3::prelude::*;
use pyo3::types::PyType;

use crate::blocking;
use crate::callback;
use crate::convert;
use crate::errors;
use crate::events;
use crate::exceptions::FinesseError;

/// A running notification session: an XMPP connection (WebSocket, TCP or BOSH) to Finesse on a
/// background thread, with presence (so Finesse does not sign the agent out) and a
/// keep-alive ping; it reconnects by itself. Start one with ``Client.notifications()``.
///
/// Read events with ``next()`` or by iterating (``for event in session``, or
/// ``session.events(timeout=...)``), or have them delivered to the ``callback`` given to
/// ``Client.notifications()``. Undelivered events are kept in a queue (the oldest are
/// dropped beyond 10,000; see ``dropped``). While a session runs, commands waited on
/// (``wait=``) learn their outcome from its events.
///
/// Usable as a context manager, which closes it. Safe to share between threads; blocking
/// reads release the interpreter lock and can be interrupted with Ctrl-C.
#[pyclass(frozen, weakref, module = "finesse_client")]
pub(crate) struct Notifications {
    /// The core session; `None` once closed.
    inner: RwLock<Option<finesse_client::Notifications>>,
    /// The notification service's URL the session connected to.
    url: String,
}

impl Notifications {
    /// Wraps a started core session; `callback`, if any, receives the events from now on.
    pub(crate) fn new(
        session: finesse_client::Notifications,
        callback: Option<Py<PyAny>>,
    ) -> Notifications {
        if let Some(callable) = callback {
            session.set_callback(Some(callback::wrap(callable)));
        }
        Notifications {
            url: session.url().to_owned(),
            inner: RwLock::new(Some(session)),
        }
    }

    /// Whether the session has ended.
    pub(crate) fn is_closed(&self) -> bool {
        self.inner
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .is_none_or(|session| session.is_closed())
    }

    /// The next event within `timeout` (`None`: until the session is closed).
    fn read(&self, py: Python<'_>, timeout: Option<Duration>) -> PyResult<Option<Py<PyAny>>> {
        let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
        // `Some` ends the wait: an event, an error, or `None` once the session has ended.
        let read = blocking::poll(py, deadline, |slice| {
            let inner = self.inner.read().unwrap_or_else(PoisonError::into_inner);
            let Some(session) = inner.as_ref() else {
                return Some(Ok(None));
            };
            match session.next_event(slice) {
                Ok(None) if !session.is_closed() => None,
                read => Some(read),
            }
        })?;
        match read
            .transpose()
            .map_err(|e| errors::to_py(py, e))?
            .flatten()
        {
            Some(event) => events::to_py(py, event).map(Some),
            None => Ok(None),
        }
    }

    /// Closes the session (see `close`).
    pub(crate) fn shutdown(&self, py: Python<'_>) -> PyResult<()> {
        let session = py.detach(|| {
            self.inner
                .write()
                .unwrap_or_else(PoisonError::into_inner)
                .take()
        });
        if let Some(session) = session {
            // The session thread may be waiting for the interpreter lock to run the callback.
            py.detach(|| session.close());
        }
        Ok(())
    }

    /// Runs `op` on the core session with the interpreter lock released; Ctrl-C interrupts
    /// it (see `blocking`).
    fn run(
        &self,
        py: Python<'_>,
        op: impl FnOnce(&finesse_client::Notifications) -> Result<(), Error> + Send + 'static,
    ) -> PyResult<()> {
        let session = self
            .inner
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or_else(|| FinesseError::new_err("the notification session is closed"))?;
        blocking::run(py, move || op(&session))?.map_err(|e| errors::to_py(py, e))
    }
}

/// A timeout argument: `None` (no limit) or seconds, zero included.
fn timeout(py: Python<'_>, value: Option<f64>) -> PyResult<Option<Duration>> {
    value
        .map(|t| convert::non_negative_seconds("timeout", t))
        .transpose()
        .map_err(|e| errors::to_py(py, e))
}

#[pymethods]
impl Notifications {
    /// The next event, waiting at most ``timeout`` seconds.
    ///
    /// Args:
    ///     timeout: Seconds to wait; ``0`` takes an event only if one is waiting; None waits
    ///         until one comes or the session is closed.
    ///
    /// Returns:
    ///     The event, or None when none came in time or the session is closed.
    ///
    /// Raises:
    ///     ValidationError: ``timeout`` is negative.
    ///     FinesseError: Called from the event callback.
    #[pyo3(signature = (timeout = None))]
    fn next(&self, py: Python<'_>, timeout: Option<f64>) -> PyResult<Option<Py<PyAny>>> {
        let timeout = self::timeout(py, timeout)?;
        self.read(py, timeout)
    }

    /// Iterates over the events as they come.
    ///
    /// Args:
    ///     timeout: Stop after this many seconds without an event; None (the default)
    ///         iterates until the session is closed.
    ///
    /// Returns:
    ///     An ``EventIterator``.
    ///
    /// Raises:
    ///     ValidationError: ``timeout`` is negative.
    #[pyo3(signature = (timeout = None))]
    fn events(slf: Bound<'_, Self>, timeout: Option<f64>) -> PyResult<EventIterator> {
        let timeout = self::timeout(slf.py(), timeout)?;
        Ok(EventIterator::new(slf.unbind(), timeout))
    }

    /// Subscribes to a node explicitly (a Team's users, a Queue), waiting for the server's
    /// answer; a refusal raises ``RefusedError`` naming the node and the XMPP condition. The
    /// subscription is made with the session's full JID; the server keeps it across
    /// reconnections, until ``unsubscribe`` or the session's close.
    ///
    /// Args:
    ///     node: The node, e.g. ``/finesse/api/Team/5007/Users``.
    ///
    /// Raises:
    ///     ValidationError: ``node`` is not a Finesse node.
    ///     FinesseError: The server refused, the session is closed, or called from the
    ///         event callback.
    fn subscribe(&self, py: Python<'_>, node: String) -> PyResult<()> {
        self.run(py, move |session| session.subscribe(&node))
    }

    /// Unsubscribes from a node subscribed to explicitly.
    ///
    /// Args:
    ///     node: The node.
    ///
    /// Raises:
    ///     ValidationError: ``node`` is not a Finesse node.
    ///     FinesseError: The server refused, the session is closed, or called from the
    ///         event callback.
    fn unsubscribe(&self, py: Python<'_>, node: String) -> PyResult<()> {
        self.run(py, move |session| session.unsubscribe(&node))
    }

    /// The notification service's URL the session connected to: the configured one, or the
    /// first of the defaults that answered; its scheme names the transport (``wss://``
    /// WebSocket, ``https://`` BOSH, ``xmpps://`` and ``xmpp://`` TCP).
    #[getter]
    fn url(&self) -> &str {
        &self.url
    }

    /// Whether the connection is up and events are flowing.
    #[getter]
    fn connected(&self) -> bool {
        self.inner
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .is_some_and(|session| session.is_connected())
    }

    /// Whether the session is closed.
    #[getter]
    fn closed(&self) -> bool {
        self.is_closed()
    }

    /// How many events were dropped because the queue was full (0 once closed).
    #[getter]
    fn dropped(&self) -> u64 {
        self.inner
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .map_or(0, |session| session.dropped())
    }

    /// Closes the session: explicit subscriptions are removed, presence goes unavailable,
    /// and the background thread ends; the callback is not called afterwards. Events not
    /// read are discarded. Closing twice does nothing.
    ///
    /// Raises:
    ///     FinesseError: Called from the event callback.
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        self.shutdown(py)
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __exit__(
        &self,
        py: Python<'_>,
        _exc_type: Option<&Bound<'_, PyType>>,
        _exc_value: Option<&Bound<'_, PyAny>>,
        _traceback: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        self.close(py)
    }

    fn __iter__(slf: Bound<'_, Self>) -> EventIterator {
        EventIterator::new(slf.unbind(), None)
    }

    /// Equal when both are handles of one session (``Client.events()`` hands out the one
    /// ``notifications()`` returned, say).
    fn __eq__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> bool {
        let Ok(other) = other.cast::<Notifications>() else {
            return false;
        };
        if slf.is(other) {
            return true;
        }
        let mine = slf
            .get()
            .inner
            .read()
            .unwrap_or_else(PoisonError::into_inner);
        let theirs = other
            .get()
            .inner
            .read()
            .unwrap_or_else(PoisonError::into_inner);
        matches!((mine.as_ref(), theirs.as_ref()), (Some(a), Some(b)) if a == b)
    }

    fn __repr__(&self) -> String {
        if self.is_closed() {
            "Notifications(closed=True)".to_owned()
        } else {
            let connected = if self.connected() { "True" } else { "False" };
            format!("Notifications(connected={connected})")
        }
    }
}

impl Drop for Notifications {
    fn drop(&mut self) {
        // Core returns at once when this runs on the session's thread itself.
        blocking::release(
            self.inner
                .get_mut()
                .unwrap_or_else(PoisonError::into_inner)
                .take(),
        );
    }
}

/// Events of a notification session as they come: from ``Notifications.events()``,
/// iterating over a ``Notifications``, or ``Client.events()``.
///
/// Ends when the session is closed, or after ``timeout`` seconds without an event when one
/// was given. Waiting releases the interpreter lock and can be interrupted with Ctrl-C.
#[pyclass(frozen, module = "finesse_client")]
pub(crate) struct EventIterator {
    session: Py<Notifications>,
    timeout: Option<Duration>,
    /// Set once the iteration has ended: it stays ended.
    done: AtomicBool,
}

impl EventIterator {
    /// Iterates over `session`'s events.
    pub(crate) fn new(session: Py<Notifications>, timeout: Option<Duration>) -> Self {
        EventIterator {
            session,
            timeout,
            done: AtomicBool::new(false),
        }
    }
}

#[pymethods]
impl EventIterator {
    /// The session iterated over.
    #[getter]
    fn session(&self, py: Python<'_>) -> Py<Notifications> {
        self.session.clone_ref(py)
    }

    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        if self.done.load(Ordering::Acquire) {
            return Ok(None);
        }
        let event = self.session.get().read(py, self.timeout)?;
        if event.is_none() {
            self.done.store(true, Ordering::Release);
        }
        Ok(event)
    }
}
