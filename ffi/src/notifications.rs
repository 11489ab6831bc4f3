//! `finesse_notifications`: a client's notification session (XMPP over WebSocket, TCP or
//! BOSH, on a background thread), read by polling (`finesse_next_event`) or through a callback; and
//! `finesse_notification_options`, its settings.

use std::ffi::{c_char, c_void};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

use ::finesse_client::{Event, NotificationOptions, Notifications};

use crate::client::{client_arg, finesse_client};
use crate::error::{Failure, finesse_result};
use crate::events::{EventView, finesse_event, finesse_owned_event};
use crate::handles::{Handle, Out, arg, arg_mut, borrow, free, into_owned, lend};
use crate::panic::{fallible, infallible};
use crate::strings::{optional_str_arg, str_arg};

/// Settings of a notification session, for `finesse_notifications_start_with`. The defaults
/// follow the Finesse desktop: the configuration's notification URL, or else the transports
/// the node serves, tried in turn (see `finesse_config_set_notification_url`), a resource `finesse-client-<random>`, a ping every 10 s answered within 5 s with the link
/// declared dead after 2 misses, no explicit subscriptions, 10,000 queued events.
///
/// Created by `finesse_notification_options_new`, released by
/// `finesse_notification_options_free`; `finesse_notifications_start_with` only borrows it, so
/// one may start several sessions. The values are checked when a session starts. Not safe for
/// concurrent use: use one options handle from one thread at a time.
pub struct finesse_notification_options {
    _private: [u8; 0],
}

impl Handle for finesse_notification_options {
    type Target = NotificationOptions;
}

/// A running notification session of one client: the agent's presence (without which Finesse
/// signs the agent out after 60 s), a keep-alive ping, reconnection, and the events, read with
/// `finesse_next_event` or delivered to a callback (`finesse_notifications_set_callback`).
/// While it runs, `finesse_accepted_wait` of its client's commands waits on its events.
///
/// Created by `finesse_notifications_start` or `_start_with`, released (and the session
/// closed) by `finesse_notifications_free`; the client's own session of
/// `finesse_client_next_event` needs no handle. Safe to share across threads: every function takes
/// a `const finesse_notifications *` and may be called from several threads at once. Free it
/// only once no other thread uses it.
pub struct finesse_notifications {
    _private: [u8; 0],
}

impl Handle for finesse_notifications {
    type Target = Notifications;
}

/// A function receiving events on the library's notification thread (named
/// `finesse-notifications`), registered with `finesse_notifications_set_callback`.
///
/// `event` is borrowed for the duration of the call only (copy what you keep; never free it);
/// `user_data` is the pointer given at registration. The function must be thread-safe with
/// respect to the rest of the program, return promptly (events, pings and subscriptions wait
/// meanwhile), and not unwind (no C++ exception, no `longjmp` out of it). It may send commands
/// and read resources with the client, and call `finesse_notifications_set_callback`; it must
/// never call `finesse_notifications_free` on its own session. Functions that would wait for
/// this thread (`finesse_accepted_wait`, `finesse_notifications_subscribe` / `_unsubscribe`,
/// `finesse_next_event` with a timeout) fail at once there with
/// `FINESSE_RESULT_INVALID_ARGUMENT`.
pub type finesse_event_callback =
    Option<unsafe extern "C" fn(event: *const finesse_event, user_data: *mut c_void)>;

/// Creates notification options with the defaults (see `finesse_notification_options`).
///
/// On success the caller owns `*out_options` and releases it with
/// `finesse_notification_options_free`; on failure `*out_options` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notification_options_new(
    out_options: *mut *mut finesse_notification_options,
) -> finesse_result {
    fallible(|| {
        let out = Out::required(out_options, "out_options")?;
        unsafe {
            out.write(into_owned::<finesse_notification_options>(
                NotificationOptions::default(),
            ))
        };
        Ok(())
    })
}

/// Releases notification options. NULL is a no-op; must not be called twice with the same
/// pointer. Sessions started with them are not affected.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notification_options_free(
    options: *mut finesse_notification_options,
) {
    infallible(|| {
        unsafe { free(options) };
        Some(())
    })
}

/// Sets the URL of the notification service, whose scheme names the transport:
/// `wss://host:port/ws/` (XMPP over WebSocket), `https://host:7443/http-bind/` (BOSH),
/// `xmpps://host:5223` (TCP, direct TLS), `xmpp://host:5222` (TCP, STARTTLS); `ws://` and
/// `http://` for test servers. NULL goes back to the default (see
/// `finesse_config_set_notification_url`). Checked when the session starts; `url` is copied.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notification_options_set_url(
    options: *mut finesse_notification_options,
    url: *const c_char,
) -> finesse_result {
    fallible(|| {
        let options = unsafe { arg_mut(options, "options") }?;
        options.url = unsafe { optional_str_arg(url, "url") }?.map(str::to_owned);
        Ok(())
    })
}

/// Sets the XMPP resource of the session (never `"desktop"`, which the Finesse desktop
/// reserves); NULL goes back to a random `finesse-client-<random>`. `resource` is copied.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notification_options_set_resource(
    options: *mut finesse_notification_options,
    resource: *const c_char,
) -> finesse_result {
    fallible(|| {
        let options = unsafe { arg_mut(options, "options") }?;
        options.resource = unsafe { optional_str_arg(resource, "resource") }?.map(str::to_owned);
        Ok(())
    })
}

/// Sets the keep-alive: a ping every `interval_ms`, each to be answered within `timeout_ms`,
/// the link declared dead (a `FINESSE_CONNECTION_STATE_DISCONNECTED` event, then reconnection)
/// after `max_missed` unanswered pings in a row. All must be greater than zero (checked when
/// the session starts). The default, 10,000 / 5,000 / 2, notices a silent link within 20 s.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notification_options_set_keep_alive(
    options: *mut finesse_notification_options,
    interval_ms: u32,
    timeout_ms: u32,
    max_missed: u32,
) -> finesse_result {
    fallible(|| {
        let options = unsafe { arg_mut(options, "options") }?;
        options.ping_interval = millis(interval_ms);
        options.ping_timeout = millis(timeout_ms);
        options.max_missed_pings = max_missed;
        Ok(())
    })
}

/// Adds a pub-sub node to subscribe to when the session starts, e.g.
/// `"/finesse/api/Team/5007/Users"` for a supervisor; the server keeps the subscription
/// across reconnections. Starting fails with `FINESSE_RESULT_REFUSED` when the server refuses
/// one (see `finesse_notifications_subscribe`). `node` is copied.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notification_options_add_subscription(
    options: *mut finesse_notification_options,
    node: *const c_char,
) -> finesse_result {
    fallible(|| {
        let options = unsafe { arg_mut(options, "options") }?;
        let node = unsafe { str_arg(node, "node") }?;
        options.subscriptions.push(node.to_owned());
        Ok(())
    })
}

/// Sets how many unread events are kept before the oldest are dropped (see
/// `finesse_notifications_dropped`); greater than zero, checked when the session starts.
/// Default 10,000.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notification_options_set_queue_capacity(
    options: *mut finesse_notification_options,
    capacity: usize,
) -> finesse_result {
    fallible(|| {
        let options = unsafe { arg_mut(options, "options") }?;
        options.queue_capacity = capacity;
        Ok(())
    })
}

/// Sets how many bytes of unread events are kept before the oldest are dropped (an event
/// counts as the notification document it came from); greater than zero, checked when the
/// session starts. Default 32 MiB. After a drop, the next event read is
/// `FINESSE_EVENT_KIND_DROPPED`.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notification_options_set_queue_bytes(
    options: *mut finesse_notification_options,
    bytes: usize,
) -> finesse_result {
    fallible(|| {
        let options = unsafe { arg_mut(options, "options") }?;
        options.queue_bytes = bytes;
        Ok(())
    })
}

/// Sets how many bytes of recent events are kept for commands waiting on their outcome
/// (`finesse_accepted_wait`); greater than zero, checked when the session starts. Default
/// 8 MiB.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notification_options_set_history_bytes(
    options: *mut finesse_notification_options,
    bytes: usize,
) -> finesse_result {
    fallible(|| {
        let options = unsafe { arg_mut(options, "options") }?;
        options.history_bytes = bytes;
        Ok(())
    })
}

/// Sets how long, in milliseconds, the node may stay unavailable (its notification service
/// unreachable, its Finesse service unavailable, or out of service) before the client moves
/// REST and notifications to the other node, if that one is in service; greater than zero,
/// checked when the session starts. Default 3,000: with the default keep-alive a dead node is
/// left within 25 s.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notification_options_set_failover_after_ms(
    options: *mut finesse_notification_options,
    failover_after_ms: u32,
) -> finesse_result {
    fallible(|| {
        let options = unsafe { arg_mut(options, "options") }?;
        options.failover_after = millis(failover_after_ms);
        Ok(())
    })
}

fn millis(ms: u32) -> Duration {
    Duration::from_millis(u64::from(ms))
}

/// Starts the notification session of `client` with the default options, at `url` (a URL
/// as `finesse_notification_options_set_url` takes, e.g. the emulator's
/// `wss://127.0.0.1:PORT/ws`), or, when `url` is NULL, at the configuration's notification
/// URL or else the transports the node serves (`finesse_config_set_notification_url`). See
/// `finesse_notifications_start_with`.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notifications_start(
    client: *const finesse_client,
    url: *const c_char,
    out_notifications: *mut *mut finesse_notifications,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let url = unsafe { optional_str_arg(url, "url") }?;
        let out = Out::required(out_notifications, "out_notifications")?;
        let mut options = NotificationOptions::default();
        options.url = url.map(str::to_owned);
        let notifications = client.notifications_with(options)?;
        unsafe { out.write(into_owned::<finesse_notifications>(notifications)) };
        Ok(())
    })
}

/// Starts the notification session of `client`: reads the node's SystemInfo, connects to the
/// notification service with the client's credentials and CA settings, sends presence, and
/// starts the background thread that keeps the session up (pings, reconnection) and receives
/// events. Returns once connected; the first event is a `FINESSE_CONNECTION_STATE_CONNECTED`
/// connection event. One session per client runs at a time (a second is
/// `FINESSE_RESULT_INVALID_ARGUMENT`); `options` is borrowed for the call only.
///
/// While the session runs, `finesse_accepted_wait` of `client`'s commands waits on its events,
/// and sees CTI refusals. The session does not borrow `client`: either may be freed first.
///
/// On success the caller owns `*out_notifications` and releases it with
/// `finesse_notifications_free`; on failure (`FINESSE_RESULT_AUTHENTICATION`,
/// `FINESSE_RESULT_TLS`, `FINESSE_RESULT_TRANSPORT`, `FINESSE_RESULT_REFUSED` for a refused
/// subscription of the options, ...) `*out_notifications` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notifications_start_with(
    client: *const finesse_client,
    options: *const finesse_notification_options,
    out_notifications: *mut *mut finesse_notifications,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let options = unsafe { arg(options, "options") }?;
        let out = Out::required(out_notifications, "out_notifications")?;
        let notifications = client.notifications_with(options.clone())?;
        unsafe { out.write(into_owned::<finesse_notifications>(notifications)) };
        Ok(())
    })
}

/// Closes the session and releases it: explicit subscriptions are removed, the agent's
/// presence goes unavailable (Finesse signs the agent out after 60 s without another
/// session), and the background thread ends; returns once it has. Unread events are
/// discarded. NULL is a no-op; must not be called twice with the same pointer, nor while
/// another thread uses the handle, nor from a `finesse_event_callback` of this session.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notifications_free(notifications: *mut finesse_notifications) {
    infallible(|| {
        unsafe { free(notifications) };
        Some(())
    })
}

/// Takes the next event, waiting at most `timeout_ms` milliseconds for one (0: only an event
/// already waiting). Events come in the order the server sent them; while a callback is
/// registered they go to the callback instead, and this only returns those queued before.
///
/// Returns `FINESSE_RESULT_OK` with the event, or `FINESSE_RESULT_NO_EVENT` when none came in
/// time. On success the caller owns `*out_event` and releases it with `finesse_owned_event_free`;
/// otherwise `*out_event` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_next_event(
    notifications: *const finesse_notifications,
    timeout_ms: u32,
    out_event: *mut *mut finesse_owned_event,
) -> finesse_result {
    fallible(|| {
        let notifications = unsafe { arg(notifications, "notifications") }?;
        let out = Out::required(out_event, "out_event")?;
        let event = notifications
            .next_event(millis(timeout_ms))?
            .ok_or(Failure::NoEvent(timeout_ms))?;
        unsafe { out.write(into_owned::<finesse_owned_event>(EventView::from(&event))) };
        Ok(())
    })
}

/// Takes the next event of the client's own event session, waiting at most `timeout_ms`
/// milliseconds (0: only an event already waiting), as `finesse_next_event` does. The session
/// is the one `finesse_notifications_start` returned while its handle is alive and open;
/// otherwise one is started here with the default options on first use, which the client
/// keeps (with the agent's presence) until `finesse_client_close_events` or
/// `finesse_client_free`. This is the simplest way to read events: no handle to manage.
///
/// Returns `FINESSE_RESULT_OK` with the event, `FINESSE_RESULT_NO_EVENT` when none came in
/// time, or the failure that kept a session from starting. Called from an event callback with
/// a non-zero timeout it fails at once (`FINESSE_RESULT_INVALID_ARGUMENT`). On success the
/// caller owns `*out_event` and releases it with `finesse_owned_event_free`; otherwise
/// `*out_event` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_client_next_event(
    client: *const finesse_client,
    timeout_ms: u32,
    out_event: *mut *mut finesse_owned_event,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let out = Out::required(out_event, "out_event")?;
        let event = client
            .events()?
            .next_event(millis(timeout_ms))?
            .ok_or(Failure::NoEvent(timeout_ms))?;
        unsafe { out.write(into_owned::<finesse_owned_event>(EventView::from(&event))) };
        Ok(())
    })
}

/// Closes the session the client started for `finesse_client_next_event`, if any, and returns
/// once it has ended; a session `finesse_notifications_start` returned is left to its owner.
/// NULL is a no-op.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_client_close_events(client: *const finesse_client) {
    infallible(|| {
        unsafe { borrow(client) }?.close_events();
        Some(())
    })
}

/// A C callback and its user data, called on the notification thread.
struct CCallback {
    function: unsafe extern "C" fn(*const finesse_event, *mut c_void),
    user_data: *mut c_void,
}

// SAFETY: the callback's contract (see `finesse_event_callback`) makes the function and its
// user data usable from the notification thread.
unsafe impl Send for CCallback {}

impl CCallback {
    fn call(&self, event: &Event) {
        // A panic converting the event must not end the notification thread.
        let _ = catch_unwind(AssertUnwindSafe(|| {
            let view = EventView::from(event);
            // SAFETY: by the callback's contract; the event outlives the call.
            unsafe { (self.function)(lend::<finesse_event>(&view), self.user_data) };
        }));
    }
}

/// Delivers events to `callback` instead of the queue of `finesse_next_event` (events already
/// queued stay there). `callback` runs on the library's notification thread, one event at a
/// time, in order, with `user_data` as given; see `finesse_event_callback` for what it may
/// do. A NULL `callback` unregisters: events go to the queue again. A new registration
/// replaces the previous one.
///
/// A call already running when this returns still finishes: keep `user_data` valid until
/// `finesse_notifications_free` has returned (which ends the thread), or at least until the
/// running call has returned. A callback still registered then receives the last event,
/// `FINESSE_CONNECTION_STATE_CLOSED`, while `finesse_notifications_free` runs.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notifications_set_callback(
    notifications: *const finesse_notifications,
    callback: finesse_event_callback,
    user_data: *mut c_void,
) -> finesse_result {
    fallible(|| {
        let notifications = unsafe { arg(notifications, "notifications") }?;
        let callback = callback.map(|function| {
            let target = CCallback {
                function,
                user_data,
            };
            let deliver: ::finesse_client::EventCallback =
                Box::new(move |event: &Event| target.call(event));
            deliver
        });
        notifications.set_callback(callback);
        Ok(())
    })
}

/// Subscribes the session to a pub-sub node (a supervisor's `"/finesse/api/Team/<id>/Users"`,
/// a Queue), waiting up to 10 s for the server's answer; the server keeps the subscription
/// across reconnections, and it is removed when the session is freed. `node` is borrowed for
/// the call only. A node that is not a Finesse URI is `FINESSE_RESULT_INVALID_ARGUMENT`; a
/// refusal by the server is `FINESSE_RESULT_REFUSED`, with the XMPP condition (`forbidden`
/// for a node the user may not read, `item-not-found`) and the node in
/// `finesse_last_error_refusal_condition` and `finesse_last_error_refusal_node`. While the
/// session is reconnecting it is `FINESSE_RESULT_TRANSPORT`: try again once connected.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notifications_subscribe(
    notifications: *const finesse_notifications,
    node: *const c_char,
) -> finesse_result {
    fallible(|| {
        let notifications = unsafe { arg(notifications, "notifications") }?;
        let node = unsafe { str_arg(node, "node") }?;
        notifications.subscribe(node)?;
        Ok(())
    })
}

/// Unsubscribes the session from a node it subscribed to explicitly, waiting up to 10 s for
/// the server's answer; a refusal is `FINESSE_RESULT_REFUSED`, as for
/// `finesse_notifications_subscribe`. `node` is borrowed for the call only.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notifications_unsubscribe(
    notifications: *const finesse_notifications,
    node: *const c_char,
) -> finesse_result {
    fallible(|| {
        let notifications = unsafe { arg(notifications, "notifications") }?;
        let node = unsafe { str_arg(node, "node") }?;
        notifications.unsubscribe(node)?;
        Ok(())
    })
}

/// Whether the connection is up and events are flowing now (false while the session
/// reconnects, and for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notifications_is_connected(
    notifications: *const finesse_notifications,
) -> bool {
    infallible(|| unsafe { borrow(notifications) }.map(Notifications::is_connected))
}

/// How many events were discarded because the queue was full (0 for NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_notifications_dropped(
    notifications: *const finesse_notifications,
) -> u64 {
    infallible(|| unsafe { borrow(notifications) }.map(Notifications::dropped))
}
