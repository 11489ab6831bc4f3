//! High availability against a two-node emulator (side A and side B sharing one CTI state):
//! for each fault of DEVNET "Failure Scenarios", the client recovers as DG12.5 p377-379
//! describes, the application's view built from events alone equals the server's state
//! afterwards, no command is sent twice, and the agent is not logged out.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::*;

const WAIT: Duration = Duration::from_secs(10);
use finesse_client::{
    AccessToken, AgentState, Client, Config, ConnectionState, ErrorKind, Event,
    NotificationOptions, Notifications,
};
use finesse_emulator::{Emulator, EmulatorConfig, InboundCall};

/// What an application knows, built only from the events it was given.
#[derive(Default)]
struct View {
    state: Option<AgentState>,
    dialogs: BTreeMap<String, String>,
    resync_events: usize,
}

impl View {
    fn apply(&mut self, event: &Event) {
        match event {
            Event::UserChanged { user, resync, .. } if user.login_id == "1001" => {
                self.state = Some(user.state.clone());
                self.resync_events += usize::from(*resync);
            }
            Event::DialogAdded { dialog, resync, .. }
            | Event::DialogChanged { dialog, resync, .. } => {
                self.dialogs
                    .insert(dialog.id.clone(), format!("{:?}", dialog.state));
                self.resync_events += usize::from(*resync);
            }
            Event::DialogRemoved { dialog, resync, .. } => {
                self.dialogs.remove(&dialog.id);
                self.resync_events += usize::from(*resync);
            }
            _ => {}
        }
    }

    /// The server's state, read over REST, equals this view.
    fn assert_current(&self, client: &Client) {
        assert_eq!(
            self.state,
            Some(client.user().unwrap().state),
            "agent state"
        );
        let server: BTreeMap<String, String> = client
            .dialogs()
            .unwrap()
            .into_iter()
            .map(|d| (d.id.clone(), format!("{:?}", d.state)))
            .collect();
        assert_eq!(self.dialogs, server, "dialogs");
    }
}

/// Reads events into `view` until `done` accepts one; returns it and the connection states
/// seen on the way.
fn until(
    notifications: &Notifications,
    view: &mut View,
    what: &str,
    mut done: impl FnMut(&Event) -> bool,
) -> (Event, Vec<ConnectionState>) {
    let deadline = Instant::now() + Duration::from_secs(40);
    let mut states = Vec::new();
    while Instant::now() < deadline {
        let Some(event) = notifications.recv_timeout(Duration::from_millis(200)) else {
            continue;
        };
        view.apply(&event);
        if let Event::Connection(state) = &event {
            states.push(state.clone());
        }
        if done(&event) {
            return (event, states);
        }
    }
    panic!("no event {what} within 40 s; connection states seen: {states:?}");
}

fn recovered(event: &Event) -> bool {
    matches!(event, Event::Connection(ConnectionState::Recovered { .. }))
}

/// Side A and side B of one pair; the agent's forced logout after `forced_logout`.
fn pair(forced_logout: Duration) -> (Emulator, Emulator) {
    Emulator::start_pair(EmulatorConfig::new().forced_logout_after(Some(forced_logout))).unwrap()
}

/// Agent 1001 configured with side A only: side B is learned from SystemInfo.
fn agent_on(a: &Emulator) -> Client {
    Client::new(
        Config::builder(a.base_url())
            .basic_auth("1001", "secret1001")
            .ca_pem(a.ca_pem())
            .build()
            .unwrap(),
    )
    .unwrap()
}

/// A quick keep-alive and failover, so that each scenario takes seconds.
fn options(failover_after: Duration) -> NotificationOptions {
    NotificationOptions::default()
        .keep_alive(Duration::from_secs(1), Duration::from_secs(1), 2)
        .failover_after(failover_after)
}

/// The commands (PUT/POST) both nodes received, as `METHOD path requestId`.
fn commands(a: &Emulator, b: &Emulator) -> Vec<String> {
    a.requests()
        .into_iter()
        .chain(b.requests())
        .filter(|r| r.method != "GET")
        .map(|r| format!("{} {} {:?}", r.method, r.path, r.request_id))
        .collect()
}

fn assert_each_sent_once(a: &Emulator, b: &Emulator) {
    let sent = commands(a, b);
    let mut unique = sent.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        sent.len(),
        unique.len(),
        "a command was sent twice: {sent:?}"
    );
}

/// Signs in, goes READY and takes a ringing call, reading every event into `view`.
fn agent_with_a_ringing_call(
    a: &Emulator,
    client: &Client,
    notifications: &Notifications,
    view: &mut View,
) -> String {
    client.sign_in(EXT_1001).unwrap().wait(WAIT).unwrap();
    client.ready().unwrap().wait(WAIT).unwrap();
    let id = a
        .inject_inbound_call(InboundCall::new(EXT_1001, "6135550000"))
        .unwrap();
    until(
        notifications,
        view,
        "the ringing call",
        |e| matches!(e, Event::DialogAdded { dialog, .. } if dialog.id == id),
    );
    until(notifications, view, "the agent READY", |_| {
        view_state_settled(client)
    });
    id
}

/// True once the agent's state reads the same twice (the call's effect on it has landed).
fn view_state_settled(client: &Client) -> bool {
    let first = client.user().unwrap().state;
    std::thread::sleep(Duration::from_millis(100));
    client.user().unwrap().state == first
}

#[test]
fn a_cut_link_recovers_on_the_same_node_and_delivers_the_call_that_ended_meanwhile() {
    let (a, b) = pair(Duration::from_secs(60));
    let client = agent_on(&a);
    let notifications = client
        .notifications_with(options(Duration::from_secs(60)))
        .unwrap();
    let mut view = View::default();
    let dialog = agent_with_a_ringing_call(&a, &client, &notifications, &mut view);

    // The notification service goes down: the link is lost, and meanwhile the caller hangs
    // up, which no notification will tell.
    a.set_notification_service_down(true);
    let lost = Instant::now();
    until(&notifications, &mut view, "the lost link", |e| {
        matches!(e, Event::Connection(ConnectionState::Disconnected { .. }))
    });
    a.hang_up_far_end(&dialog).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    a.set_notification_service_down(false);
    let (event, states) = until(&notifications, &mut view, "recovered", recovered);
    let Event::Connection(ConnectionState::Recovered { node, changes }) = event else {
        unreachable!()
    };
    assert_eq!(node, a.base_url(), "recovered on side A");
    assert!(changes >= 1, "the ended call came as a resync event");
    assert!(
        !states
            .iter()
            .any(|s| matches!(s, ConnectionState::FailingOver { .. })),
        "no failover for a short outage: {states:?}"
    );
    assert!(lost.elapsed() < Duration::from_secs(10));
    assert!(
        !view.dialogs.contains_key(&dialog),
        "the ended call is gone"
    );
    assert!(view.resync_events >= 1);
    view.assert_current(&client);
    assert_eq!(client.active_node(), a.base_url());
    assert_each_sent_once(&a, &b);
    assert_ne!(client.user().unwrap().state, AgentState::Logout);
}

#[test]
fn a_dead_node_moves_rest_and_notifications_to_side_b_together() {
    let (a, b) = pair(Duration::from_secs(60));
    let client = agent_on(&a);
    let notifications = client
        .notifications_with(options(Duration::from_secs(1)))
        .unwrap();
    let mut view = View::default();
    agent_with_a_ringing_call(&a, &client, &notifications, &mut view);
    let before = commands(&a, &b).len();

    a.set_node_down(true);
    let down = Instant::now();
    let (_, states) = until(&notifications, &mut view, "recovered on B", recovered);
    let took = down.elapsed();
    assert!(
        states.iter().any(|s| matches!(
            s,
            ConnectionState::FailingOver { from, to } if *from == a.base_url() && *to == b.base_url()
        )),
        "failing over from A to B: {states:?}"
    );
    assert!(
        states.iter().any(|s| matches!(
            s,
            ConnectionState::Connected { node, .. } if node.contains(b.base_url().trim_start_matches("https://"))
        )),
        "notifications connected to B: {states:?}"
    );
    assert!(
        took < Duration::from_secs(2 + 5),
        "failover took {took:?}: more than the keep-alive bound plus 5 s"
    );
    assert_eq!(
        client.active_node(),
        b.base_url(),
        "REST moved with notifications"
    );
    view.assert_current(&client);

    // Commands now go to side B, and their outcome comes from B's notifications.
    let drop = client
        .dialogs()
        .unwrap()
        .into_iter()
        .next()
        .map(|d| d.id)
        .unwrap();
    client.answer(&drop).unwrap().wait(WAIT).unwrap();
    let sent_to_a_after = a
        .requests()
        .into_iter()
        .filter(|r| r.method != "GET")
        .count();
    assert_eq!(commands(&a, &b).len(), before + 1);
    assert!(b.requests().iter().any(|r| r.method == "PUT"));
    assert_eq!(sent_to_a_after, before, "nothing more went to side A");
    assert_each_sent_once(&a, &b);
    assert_ne!(client.user().unwrap().state, AgentState::Logout);
}

#[test]
fn a_lost_finesse_service_moves_the_client_after_failover_after() {
    let (a, b) = pair(Duration::from_secs(60));
    let client = agent_on(&a);
    let notifications = client
        .notifications_with(options(Duration::from_secs(1)))
        .unwrap();
    let mut view = View::default();
    client.sign_in(EXT_1001).unwrap().wait(WAIT).unwrap();

    a.set_web_app_down(true);
    let (_, states) = until(&notifications, &mut view, "recovered on B", recovered);
    let position = |wanted: fn(&ConnectionState) -> bool| states.iter().position(wanted);
    let unavailable =
        position(|s| matches!(s, ConnectionState::ServiceAvailable { available: false }));
    let failing_over = position(|s| matches!(s, ConnectionState::FailingOver { .. }));
    assert!(
        unavailable.is_some() && failing_over.is_some() && unavailable < failing_over,
        "the finesse presence went unavailable, then the client failed over: {states:?}"
    );
    assert_eq!(client.active_node(), b.base_url());
    client.ready().unwrap().wait(WAIT).unwrap();
    until(
        &notifications,
        &mut view,
        "READY",
        |e| matches!(e, Event::UserChanged { user, .. } if user.state == AgentState::Ready),
    );
    view.assert_current(&client);
    assert_each_sent_once(&a, &b);
}

#[test]
fn a_cti_failover_is_waited_out_and_what_changed_meanwhile_is_delivered() {
    let (a, b) = pair(Duration::from_secs(60));
    let client = agent_on(&a);
    let notifications = client
        .notifications_with(options(Duration::from_secs(60)))
        .unwrap();
    let mut view = View::default();
    let dialog = agent_with_a_ringing_call(&a, &client, &notifications, &mut view);

    // Both nodes lose the CTI server (a PG side switch): 503 on REST, no events.
    a.set_out_of_service(true);
    b.set_out_of_service(true);
    until(&notifications, &mut view, "out of service", |e| {
        matches!(e, Event::Connection(ConnectionState::OutOfService { .. }))
    });
    let refused = client.answer(&dialog).unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::ServiceUnavailable);
    a.hang_up_far_end(&dialog).unwrap();
    a.set_out_of_service(false);
    b.set_out_of_service(false);
    let (event, _) = until(&notifications, &mut view, "recovered", recovered);
    assert!(matches!(
        event,
        Event::Connection(ConnectionState::Recovered { ref node, .. }) if *node == a.base_url()
    ));
    assert!(!view.dialogs.contains_key(&dialog));
    view.assert_current(&client);
    assert_eq!(
        client.active_node(),
        a.base_url(),
        "no failover: both were out"
    );
    assert_each_sent_once(&a, &b);
    assert_ne!(client.user().unwrap().state, AgentState::Logout);
}

#[test]
fn explicit_subscriptions_are_made_again_on_side_b() {
    let (a, b) = pair(Duration::from_secs(60));
    let supervisor = Client::new(
        Config::builder(a.base_url())
            .basic_auth("2001", "secret2001")
            .ca_pem(a.ca_pem())
            .build()
            .unwrap(),
    )
    .unwrap();
    let notifications = supervisor
        .notifications_with(
            options(Duration::from_secs(1)).subscribe("/finesse/api/Team/5007/Users"),
        )
        .unwrap();
    let mut view = View::default();
    a.set_node_down(true);
    until(&notifications, &mut view, "recovered on B", recovered);
    // A team member's change now reaches the supervisor through B's team node.
    let agent = Client::new(
        Config::builder(b.base_url())
            .basic_auth("1002", "secret1002")
            .ca_pem(b.ca_pem())
            .build()
            .unwrap(),
    )
    .unwrap();
    agent.sign_in(EXT_1002).unwrap();
    until(
        &notifications,
        &mut view,
        "the member's change on B",
        |e| matches!(e, Event::UserChanged { user, .. } if user.login_id == "1002"),
    );
}

#[test]
fn a_failover_leaves_the_agent_signed_in_even_with_logout_on_disconnect() {
    // CCE with LOAD 1 signs out an agent whose sessions all went unavailable on a node in
    // service (DG12.5 "Desktop presence and forced logout"). The client leaves side A while
    // its web application is down, so A forces no one out, and the agent works on from B.
    let (a, b) = Emulator::start_pair(
        EmulatorConfig::new()
            .forced_logout_after(Some(Duration::from_secs(2)))
            .logout_on_disconnect(true),
    )
    .unwrap();
    let client = agent_on(&a);
    let notifications = client
        .notifications_with(options(Duration::from_secs(1)))
        .unwrap();
    let mut view = View::default();
    client.sign_in(EXT_1001).unwrap().wait(WAIT).unwrap();
    client.ready().unwrap().wait(WAIT).unwrap();
    a.set_web_app_down(true);
    until(&notifications, &mut view, "recovered on B", recovered);
    a.set_web_app_down(false);
    std::thread::sleep(Duration::from_secs(4));
    while let Some(event) = notifications.try_recv() {
        view.apply(&event);
    }
    assert_eq!(view.state, Some(AgentState::Ready));
    view.assert_current(&client);
    assert_eq!(client.active_node(), b.base_url());
}

#[test]
fn tokens_are_renewed_after_75_percent_of_their_lifetime_and_after_a_rejection() {
    let (a, _b) = pair(Duration::from_secs(60));
    let calls = Arc::new(AtomicUsize::new(0));
    // The first token the provider gives is already dead although it claims an hour: the
    // server's 401 makes the client ask once more. Later tokens live 2 s.
    let a = Arc::new(a);
    let provider = {
        let (a, calls) = (a.clone(), calls.clone());
        move || {
            let n = calls.fetch_add(1, Ordering::SeqCst);
            Ok(if n == 0 {
                AccessToken::new(
                    a.issue_token("1001", Duration::from_millis(1)),
                    Duration::from_secs(3600),
                )
            } else {
                AccessToken::new(
                    a.issue_token("1001", Duration::from_secs(2)),
                    Duration::from_secs(2),
                )
            })
        }
    };
    let client = Client::new(
        Config::builder(a.base_url())
            .token_provider("1001", provider)
            .ca_pem(a.ca_pem())
            .build()
            .unwrap(),
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(10));
    assert_eq!(client.user().unwrap().login_id, "1001");
    assert_eq!(
        calls.load(Ordering::SeqCst),
        2,
        "asked again after the 401, once"
    );
    let notifications = client.notifications().unwrap();
    assert!(notifications.is_connected());
    // Past 75% of 2 s the next request asks for a new token first: no 401.
    std::thread::sleep(Duration::from_millis(1600));
    client.sign_in(EXT_1001).unwrap().wait(WAIT).unwrap();
    assert_eq!(calls.load(Ordering::SeqCst), 3);
}

#[test]
fn a_rejected_token_given_again_is_not_retried() {
    let (a, _b) = pair(Duration::from_secs(60));
    let dead = a.issue_token("1001", Duration::from_millis(1));
    std::thread::sleep(Duration::from_millis(10));
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = calls.clone();
    let client = Client::new(
        Config::builder(a.base_url())
            .token_provider("1001", move || {
                counted.fetch_add(1, Ordering::SeqCst);
                Ok(AccessToken::new(dead.clone(), Duration::from_secs(3600)))
            })
            .ca_pem(a.ca_pem())
            .build()
            .unwrap(),
    )
    .unwrap();
    a.clear_requests();
    let error = client.user().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert_eq!(calls.load(Ordering::SeqCst), 2, "asked once after the 401");
    assert_eq!(a.requests().len(), 1, "the same token is not sent again");
    // A provider that fails: the request is not sent.
    let failing = Client::new(
        Config::builder(a.base_url())
            .token_provider("1001", || Err("the identity provider is down".into()))
            .ca_pem(a.ca_pem())
            .build()
            .unwrap(),
    )
    .unwrap();
    a.clear_requests();
    let error = failing.user().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert!(
        error.to_string().contains("identity provider is down"),
        "{error}"
    );
    assert!(a.requests().is_empty());
}
