//! The notification session a `Client` knows of, for `Client.events()`: the one `events()`
//! started itself, kept until the client is closed, or the one `Client.notifications()`
//! returned, followed through a weak reference so that dropping it still closes it.

use std::sync::{Mutex, PoisonError};

use pyo3::prelude::*;
use pyo3::sync::MutexExt;
use pyo3::types::{PyWeakrefMethods, PyWeakrefReference};

use crate::notifications::Notifications;

/// How the client holds its session.
enum Held {
    /// Started by `events()`; the client owns it.
    Owned(Py<Notifications>),
    /// Returned by `notifications()`; the application owns it.
    Watched(Py<PyWeakrefReference>),
}

/// The client's session slot.
pub(crate) struct SessionSlot {
    held: Mutex<Option<Held>>,
}

impl SessionSlot {
    /// No session.
    pub(crate) fn new() -> Self {
        SessionSlot {
            held: Mutex::new(None),
        }
    }

    /// The running session, else the one `start` starts, which the client then owns. The
    /// slot stays locked (with the interpreter lock released while waiting for it) so that
    /// two threads do not both start one.
    pub(crate) fn get_or_start<'py>(
        &self,
        py: Python<'py>,
        start: impl FnOnce() -> PyResult<Bound<'py, Notifications>>,
    ) -> PyResult<Bound<'py, Notifications>> {
        let mut held = self
            .held
            .lock_py_attached(py)
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(session) = running(py, held.as_ref())? {
            return Ok(session);
        }
        let session = start()?;
        *held = Some(Held::Owned(session.clone().unbind()));
        Ok(session)
    }

    /// Starts a session the application owns, with `start`, and follows it.
    pub(crate) fn start_watched<'py>(
        &self,
        py: Python<'py>,
        start: impl FnOnce() -> PyResult<Bound<'py, Notifications>>,
    ) -> PyResult<Bound<'py, Notifications>> {
        let mut held = self
            .held
            .lock_py_attached(py)
            .unwrap_or_else(PoisonError::into_inner);
        let session = start()?;
        let watched = PyWeakrefReference::new(session.as_any())?;
        *held = Some(Held::Watched(watched.unbind()));
        Ok(session)
    }

    /// Forgets the session; returns it when the client owned it, for closing.
    pub(crate) fn take_owned(&self, py: Python<'_>) -> Option<Py<Notifications>> {
        let held = self
            .held
            .lock_py_attached(py)
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        match held {
            Some(Held::Owned(session)) => Some(session),
            _ => None,
        }
    }
}

/// The held session, if it is still alive and not closed.
fn running<'py>(
    py: Python<'py>,
    held: Option<&Held>,
) -> PyResult<Option<Bound<'py, Notifications>>> {
    let session = match held {
        None => None,
        Some(Held::Owned(session)) => Some(session.bind(py).clone()),
        Some(Held::Watched(reference)) => reference.bind(py).upgrade_as::<Notifications>()?,
    };
    Ok(session.filter(|s| !s.get().is_closed()))
}
