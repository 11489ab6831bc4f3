//! `finesse_config`: the builder of a client's configuration.

use std::ffi::c_char;
use std::time::Duration;

use ::finesse_client::{Config, ConfigBuilder};

use crate::error::finesse_result;
use crate::handles::{Handle, Out, arg_mut, free, into_owned};
use crate::panic::{fallible, infallible};
use crate::strings::str_arg;

/// How a client reaches Finesse: node URLs, credentials, trusted CAs, timeouts. Checked as a
/// whole by `finesse_client_new`, which consumes it.
///
/// Created by `finesse_config_new`, released by `finesse_client_new` or `finesse_config_free`.
/// Not safe for concurrent use: use one config from one thread at a time. Under the hood a
/// `finesse_client::ConfigBuilder`.
pub struct finesse_config {
    _private: [u8; 0],
}

impl Handle for finesse_config {
    type Target = ConfigBuilder;
}

/// Applies one builder step. The builder methods take `self`, so a placeholder holds its place
/// meanwhile; it is never observable because the steps cannot fail.
pub(crate) fn update(
    builder: &mut ConfigBuilder,
    step: impl FnOnce(ConfigBuilder) -> ConfigBuilder,
) {
    let current = std::mem::replace(builder, Config::builder(String::new()));
    *builder = step(current);
}

/// Starts a configuration for the Finesse node at `url`: `https://host[:port]`, or a bare host
/// name meaning `https://host:8445` (`http://` only for test servers). Defaults: certificate
/// verification on with the operating system's store (or `SSL_CERT_FILE`) and the built-in
/// roots, connect timeout 5 s, request timeout 10 s.
///
/// The URL is checked by `finesse_client_new`. On success the caller owns `*out_config` and
/// releases it with `finesse_client_new` or `finesse_config_free`; on failure `*out_config` is
/// not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_config_new(
    url: *const c_char,
    out_config: *mut *mut finesse_config,
) -> finesse_result {
    fallible(|| {
        let url = unsafe { str_arg(url, "url") }?;
        let out = Out::required(out_config, "out_config")?;
        unsafe { out.write(into_owned::<finesse_config>(Config::builder(url))) };
        Ok(())
    })
}

/// Releases a configuration that was not given to `finesse_client_new`. NULL is a no-op; must
/// not be called twice with the same pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_config_free(config: *mut finesse_config) {
    infallible(|| {
        unsafe { free(config) };
        Some(())
    })
}

/// Sets the side B node (same URL forms as `finesse_config_new`), tried when side A cannot be
/// reached or is out of service. `url` is borrowed for the call only.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_config_set_secondary(
    config: *mut finesse_config,
    url: *const c_char,
) -> finesse_result {
    fallible(|| {
        let config = unsafe { arg_mut(config, "config") }?;
        let url = unsafe { str_arg(url, "url") }?;
        update(config, |b| b.secondary(url));
        Ok(())
    })
}

/// Authenticates with HTTP Basic: the agent id (or sign-in name) and password. Both strings are
/// copied; the password is never shown in messages.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_config_set_basic_auth(
    config: *mut finesse_config,
    username: *const c_char,
    password: *const c_char,
) -> finesse_result {
    fallible(|| {
        let config = unsafe { arg_mut(config, "config") }?;
        let username = unsafe { str_arg(username, "username") }?;
        let password = unsafe { str_arg(password, "password") }?;
        update(config, |b| b.basic_auth(username, password));
        Ok(())
    })
}

/// Authenticates with an SSO access token (`Authorization: Bearer`) for agent `login_id`. Both
/// strings are copied; the token is never shown in messages.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_config_set_bearer_token(
    config: *mut finesse_config,
    login_id: *const c_char,
    token: *const c_char,
) -> finesse_result {
    fallible(|| {
        let config = unsafe { arg_mut(config, "config") }?;
        let login_id = unsafe { str_arg(login_id, "login_id") }?;
        let token = unsafe { str_arg(token, "token") }?;
        update(config, |b| b.bearer_token(login_id, token));
        Ok(())
    })
}

/// Sets the agent id used in URIs, for a Basic user name that is a sign-in name different from
/// it; without it the id is learned from the first User document. `login_id` is copied.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_config_set_login_id(
    config: *mut finesse_config,
    login_id: *const c_char,
) -> finesse_result {
    fallible(|| {
        let config = unsafe { arg_mut(config, "config") }?;
        let login_id = unsafe { str_arg(login_id, "login_id") }?;
        update(config, |b| b.login_id(login_id));
        Ok(())
    })
}

/// Trusts the CA certificates in the PEM file at `path`, in addition to the operating system's
/// store and the built-in roots (Finesse nodes often carry self-signed or private-CA
/// certificates). The file is read by
/// `finesse_client_new`. `path` is copied.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_config_add_ca_file(
    config: *mut finesse_config,
    path: *const c_char,
) -> finesse_result {
    fallible(|| {
        let config = unsafe { arg_mut(config, "config") }?;
        let path = unsafe { str_arg(path, "path") }?;
        update(config, |b| b.ca_file(path));
        Ok(())
    })
}

/// Trusts the CA certificates in `len` bytes of PEM text at `pem`, in addition to the operating
/// system's store and the built-in roots. The bytes are copied; they need no NUL terminator.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_config_add_ca_pem(
    config: *mut finesse_config,
    pem: *const u8,
    len: usize,
) -> finesse_result {
    fallible(|| {
        let config = unsafe { arg_mut(config, "config") }?;
        let pem = unsafe { crate::strings::bytes_arg(pem, len, "pem") }?;
        update(config, |b| b.ca_pem(pem));
        Ok(())
    })
}

/// **Switches certificate verification off** when `accept` is true. Anyone on the network path
/// can then read the agent's password and calls: use only against a lab server, never in
/// production; prefer `finesse_config_add_ca_file`.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_config_danger_accept_invalid_certs(
    config: *mut finesse_config,
    accept: bool,
) -> finesse_result {
    fallible(|| {
        let config = unsafe { arg_mut(config, "config") }?;
        update(config, |b| b.danger_accept_invalid_certs(accept));
        Ok(())
    })
}

/// Sets the connect timeout, TLS handshake included, in milliseconds (default 5000; 0 is
/// refused by `finesse_client_new`).
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_config_set_connect_timeout_ms(
    config: *mut finesse_config,
    timeout_ms: u64,
) -> finesse_result {
    fallible(|| {
        let config = unsafe { arg_mut(config, "config") }?;
        update(config, |b| {
            b.connect_timeout(Duration::from_millis(timeout_ms))
        });
        Ok(())
    })
}

/// Sets the time allowed to send a request and receive the response headers, and again to
/// receive the body, in milliseconds (default 10000; 0 is refused by `finesse_client_new`).
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_config_set_request_timeout_ms(
    config: *mut finesse_config,
    timeout_ms: u64,
) -> finesse_result {
    fallible(|| {
        let config = unsafe { arg_mut(config, "config") }?;
        update(config, |b| {
            b.request_timeout(Duration::from_millis(timeout_ms))
        });
        Ok(())
    })
}

/// Sets the `User-Agent` header (printable ASCII, checked by `finesse_client_new`).
/// `user_agent` is copied.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_config_set_user_agent(
    config: *mut finesse_config,
    user_agent: *const c_char,
) -> finesse_result {
    fallible(|| {
        let config = unsafe { arg_mut(config, "config") }?;
        let user_agent = unsafe { str_arg(user_agent, "user_agent") }?;
        update(config, |b| b.user_agent(user_agent));
        Ok(())
    })
}

/// Sets the notification service's URL, used by sessions that name none. Its scheme names
/// the transport: `wss://host[:port]/ws/` (XMPP over WebSocket, Finesse 12.x),
/// `https://host:7443/http-bind/` (BOSH), `xmpps://host:5223` (XMPP over TCP, direct TLS),
/// `xmpp://host:5222` (XMPP over TCP, STARTTLS); `ws://` and `http://` for test servers.
/// Without it a session tries, on the node requests go to, `wss://<REST host>:<REST
/// port>/ws/`, then BOSH on 7443, then TCP on 5223 and 5222 (the ports SystemInfo lists,
/// when it does), moving on only when a transport is not offered; rejected credentials or an
/// untrusted certificate stop the search. Checked by `finesse_client_new`; `url` is copied.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_config_set_notification_url(
    config: *mut finesse_config,
    url: *const c_char,
) -> finesse_result {
    fallible(|| {
        let config = unsafe { arg_mut(config, "config") }?;
        let url = unsafe { str_arg(url, "url") }?;
        update(config, |b| b.notification_url(url));
        Ok(())
    })
}
