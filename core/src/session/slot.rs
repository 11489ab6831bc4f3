//! The session a client knows of: the one [`crate::Client::events`] started and owns, or the
//! one [`crate::Client::notifications`] returned, which the application owns.

use std::sync::Weak;

use super::{Notifications, Session, Shared};

/// The client's view of its session.
#[derive(Default)]
pub(crate) struct Slot {
    /// The latest session started, owned or not; followed weakly so that the application's
    /// dropping its handles still closes it.
    current: Weak<Session>,
    /// The session `events()` started: it lives until the client closes it or is dropped.
    owned: Option<Notifications>,
}

impl Slot {
    /// The latest session, while it has a handle and is not closed.
    pub(crate) fn running(&self) -> Option<Notifications> {
        Notifications::upgrade(&self.current).filter(|s| !s.is_closed())
    }

    /// The latest session's shared state, closed or not, while it has a handle.
    pub(crate) fn shared(&self) -> Option<std::sync::Arc<Shared>> {
        Notifications::upgrade(&self.current).map(|s| s.shared().clone())
    }

    /// Follows `session`, which the application owns; returns the previous owned session
    /// (closed by now), to be dropped outside the client's lock.
    pub(crate) fn watch(&mut self, session: &Notifications) -> Option<Notifications> {
        self.current = session.downgrade();
        self.owned.take()
    }

    /// Keeps `session` as the client's own; returns the previous one, as `watch` does.
    pub(crate) fn own(&mut self, session: Notifications) -> Option<Notifications> {
        self.current = session.downgrade();
        self.owned.replace(session)
    }

    /// Gives up the owned session, for closing.
    pub(crate) fn take_owned(&mut self) -> Option<Notifications> {
        self.owned.take()
    }
}

impl Drop for Slot {
    /// The owned session ends with the client, even while the application still holds
    /// handles to it.
    fn drop(&mut self) {
        if let Some(session) = self.owned.take() {
            session.close();
        }
    }
}
