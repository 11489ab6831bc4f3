//! Fault injection on notification connections: freezing them all (a silently dead link:
//! nothing read, nothing written, the TCP connection left open) and dropping them all.

use std::sync::Arc;

use tokio::sync::watch;

#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct LinkState {
    frozen: bool,
    /// Bumped to drop every connection opened before.
    generation: u64,
}

/// The switches shared by the control interfaces and every notification connection.
#[derive(Clone)]
pub(crate) struct Links(Arc<watch::Sender<LinkState>>);

impl Links {
    pub fn new() -> Links {
        Links(Arc::new(watch::Sender::new(LinkState::default())))
    }

    /// Freezes or thaws every notification connection, present and future.
    pub fn freeze(&self, frozen: bool) {
        self.0.send_modify(|s| s.frozen = frozen);
    }

    /// Closes every open notification connection abruptly.
    pub fn drop_all(&self) {
        self.0.send_modify(|s| s.generation += 1);
    }

    /// The view of one new connection.
    pub fn link(&self) -> Link {
        let rx = self.0.subscribe();
        let generation = rx.borrow().generation;
        Link { rx, generation }
    }
}

/// One connection's view of the switches.
pub(crate) struct Link {
    rx: watch::Receiver<LinkState>,
    generation: u64,
}

impl Link {
    /// Resolves when the connection must stop moving data: frozen or dropped.
    pub async fn interrupted(&mut self) {
        let generation = self.generation;
        let _ = self
            .rx
            .wait_for(|s| s.frozen || s.generation != generation)
            .await;
    }

    /// Waits out a freeze; false when the connection is to be dropped (or the server stops).
    pub async fn thawed(&mut self) -> bool {
        let generation = self.generation;
        match self
            .rx
            .wait_for(|s| !s.frozen || s.generation != generation)
            .await
        {
            Ok(state) => state.generation == generation,
            Err(_) => false,
        }
    }
}
