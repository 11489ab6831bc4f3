//! Credentials the REST API rejects are never tried again by the notification session: a
//! password changed on the server (an administrator's reset) would otherwise be retried at
//! every reconnection until the account locks. The session ends, saying why.

mod common;

use std::time::Duration;

use common::*;
use finesse_client::{ConnectionState, ErrorKind, Event, NotificationOptions};
use finesse_emulator::AgentConfig;

#[test]
fn a_password_the_rest_api_rejects_is_not_retried_by_the_session() {
    let emulator = emulator();
    let client = agent_1001(&emulator);
    let session = client
        .notifications_with(NotificationOptions::default().url(emulator.notification_url()))
        .unwrap();
    // The password changes on the server; the client learns it from a request.
    emulator.add_agent(AgentConfig::new("1001", "agent1001", "a-new-password"));
    assert_eq!(client.user().unwrap_err().kind(), ErrorKind::Authentication);
    // The link drops: the session would reconnect with the old password.
    emulator.drop_notification_connections();
    let (reason, condition) = wait_for("the session to end", || {
        while let Some(event) = session.recv_timeout(Duration::from_millis(100)) {
            if let Event::Connection(ConnectionState::Failed { reason, condition }) = event {
                return Some((reason, condition));
            }
        }
        None
    });
    assert_eq!(condition, "not-authorized");
    assert!(
        reason.contains("the REST API rejected the credentials"),
        "{reason}"
    );
    assert!(session.is_closed());
    wait_for("no session of 1001 left", || {
        (emulator.notification_sessions("1001") == 0).then_some(())
    });
}
