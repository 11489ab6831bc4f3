//! `finesse_user`: the agent's User document, and the agent state commands.

use std::ffi::{CString, c_char};

use ::finesse_client::User;

use crate::client::{client_arg, deliver, finesse_client};
use crate::error::finesse_result;
use crate::handles::{Handle, Out, borrow, free, into_owned};
use crate::panic::{fallible, infallible};
use crate::strings::{bytes_arg, c_string, c_string_opt, ptr_of, str_arg};
use crate::wait::state_command_wait;

/// An agent or supervisor as Finesse describes them: state, extension, reason code, team.
///
/// Created by `finesse_get_user` or `finesse_user_from_xml`, released by `finesse_user_free`.
/// Immutable: safe to read from several threads at once; free it only once no thread uses it.
/// Strings it returns are borrowed from it and valid until it is freed.
pub struct finesse_user {
    _private: [u8; 0],
}

impl Handle for finesse_user {
    type Target = UserView;
}

/// A user with its strings converted once, so accessors can lend them.
pub(crate) struct UserView {
    login_id: CString,
    login_name: CString,
    first_name: CString,
    last_name: CString,
    state: CString,
    pending_state: Option<CString>,
    state_change_time: Option<CString>,
    reason_code_id: i64,
    extension: Option<CString>,
    team_id: Option<CString>,
    team_name: Option<CString>,
}

impl From<&User> for UserView {
    fn from(u: &User) -> Self {
        UserView {
            login_id: c_string(&u.login_id),
            login_name: c_string(&u.login_name),
            first_name: c_string(&u.first_name),
            last_name: c_string(&u.last_name),
            state: c_string(u.state.as_str()),
            pending_state: c_string_opt(u.pending_state.as_ref().map(|s| s.as_str())),
            state_change_time: c_string_opt(u.state_change_time.as_deref()),
            reason_code_id: u.reason_code_id.unwrap_or(-1),
            extension: c_string_opt(u.extension.as_deref()),
            team_id: c_string_opt(u.team_id.as_deref()),
            team_name: c_string_opt(u.team_name.as_deref()),
        }
    }
}

/// A reason code id from C: negative means none.
fn reason(reason_code_id: i64) -> Option<i64> {
    (reason_code_id >= 0).then_some(reason_code_id)
}

/// Gets the agent's User document (GET `/finesse/api/User/<id>`).
///
/// On success the caller owns `*out_user` and releases it with `finesse_user_free`; on failure
/// `*out_user` is not written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_user(
    client: *const finesse_client,
    out_user: *mut *mut finesse_user,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let out = Out::required(out_user, "out_user")?;
        let user = client.user()?;
        unsafe { out.write(into_owned::<finesse_user>(UserView::from(&user))) };
        Ok(())
    })
}

/// Decodes a User document (`len` bytes of XML at `xml`, e.g. from a notification), without
/// any network call.
///
/// On success the caller owns `*out_user` and releases it with `finesse_user_free`; on failure
/// (`FINESSE_RESULT_DECODE` for a document that is not a User) `*out_user` is not written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_user_from_xml(
    xml: *const u8,
    len: usize,
    out_user: *mut *mut finesse_user,
) -> finesse_result {
    fallible(|| {
        let xml = unsafe { bytes_arg(xml, len, "xml") }?;
        let out = Out::required(out_user, "out_user")?;
        let user = User::from_xml(xml)?;
        unsafe { out.write(into_owned::<finesse_user>(UserView::from(&user))) };
        Ok(())
    })
}

/// Releases a user. NULL is a no-op; must not be called twice with the same pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_user_free(user: *mut finesse_user) {
    infallible(|| {
        unsafe { free(user) };
        Some(())
    })
}

/// Signs the agent in on `extension`; the agent becomes NOT_READY.
///
/// On success, when `out_request_id` is not NULL, `*out_request_id` receives the command's
/// request id: an owned NUL-terminated string, released with `finesse_string_free`. On failure
/// it is not written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_sign_in(
    client: *const finesse_client,
    extension: *const c_char,
    out_request_id: *mut *mut c_char,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let extension = unsafe { str_arg(extension, "extension") }?;
        let out = Out::optional(out_request_id);
        let accepted = client.sign_in(extension)?;
        unsafe { deliver(out, accepted) };
        Ok(())
    })
}

/// Makes the agent READY.
///
/// `out_request_id` as for `finesse_sign_in`: may be NULL; otherwise it receives an owned
/// string on success, released with `finesse_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_ready(
    client: *const finesse_client,
    out_request_id: *mut *mut c_char,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let out = Out::optional(out_request_id);
        let accepted = client.ready()?;
        unsafe { deliver(out, accepted) };
        Ok(())
    })
}

/// Makes the agent NOT_READY with the Finesse id of a NOT_READY reason code (see
/// `finesse_get_reason_codes`), or with none when `reason_code_id` is negative.
///
/// `out_request_id` as for `finesse_sign_in`: may be NULL; otherwise it receives an owned
/// string on success, released with `finesse_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_not_ready(
    client: *const finesse_client,
    reason_code_id: i64,
    out_request_id: *mut *mut c_char,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let out = Out::optional(out_request_id);
        let accepted = client.not_ready(reason(reason_code_id))?;
        unsafe { deliver(out, accepted) };
        Ok(())
    })
}

/// Signs the agent out with the Finesse id of a LOGOUT reason code, or with none when
/// `reason_code_id` is negative. On CCE the agent must be NOT_READY first.
///
/// `out_request_id` as for `finesse_sign_in`: may be NULL; otherwise it receives an owned
/// string on success, released with `finesse_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_sign_out(
    client: *const finesse_client,
    reason_code_id: i64,
    out_request_id: *mut *mut c_char,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let out = Out::optional(out_request_id);
        let accepted = client.sign_out(reason(reason_code_id))?;
        unsafe { deliver(out, accepted) };
        Ok(())
    })
}

/// Signs the agent in on `extension` as `finesse_sign_in` does, then waits at most
/// `timeout_ms` milliseconds for the outcome: the agent NOT_READY (or still in its state, when
/// already signed in).
///
/// Waiting works the same way for every `_wait` function. While a notification session of
/// this client runs (`finesse_notifications_start`), the outcome is the event that echoes the
/// command's request id or shows the requested change, and a refusal by the CTI server
/// returns `FINESSE_RESULT_CTI`, the last error carrying its `errorType`, `errorMessage` and
/// `errorData` (`finesse_last_error_api_*`). Without a session, the resource is read until it
/// shows the requested change, and a CTI refusal then shows as `FINESSE_RESULT_TIMEOUT`.
/// `FINESSE_RESULT_TIMEOUT` means the outcome was not seen in time: the command was accepted
/// and may still be carried out. Failures before sending are those of `finesse_sign_in`;
/// after sending, the last error's request id is the command's.
///
/// `extension` is borrowed for the call only. On success, when `out_user` is not NULL,
/// `*out_user` receives the User after the change, owned, released with `finesse_user_free`
/// (NULL in the rare case the outcome carried no User); on failure it is not written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_sign_in_wait(
    client: *const finesse_client,
    extension: *const c_char,
    timeout_ms: u32,
    out_user: *mut *mut finesse_user,
) -> finesse_result {
    unsafe {
        state_command_wait(client, timeout_ms, out_user, |c| {
            let extension = str_arg(extension, "extension")?;
            Ok(c.sign_in(extension)?)
        })
    }
}

/// Makes the agent READY as `finesse_ready` does, then waits at most `timeout_ms` milliseconds
/// for the User showing it (READY, or READY as the pending state during a call); waiting as
/// described for `finesse_sign_in_wait`.
///
/// On success, when `out_user` is not NULL, `*out_user` receives the User after the change,
/// owned, released with `finesse_user_free` (NULL in the rare case the outcome carried no
/// User); on failure it is not written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_ready_wait(
    client: *const finesse_client,
    timeout_ms: u32,
    out_user: *mut *mut finesse_user,
) -> finesse_result {
    unsafe { state_command_wait(client, timeout_ms, out_user, |c| Ok(c.ready()?)) }
}

/// Makes the agent NOT_READY as `finesse_not_ready` does (a negative `reason_code_id` sends
/// none), then waits at most `timeout_ms` milliseconds for the User showing it (or showing it
/// as the pending state during a call); waiting as described for `finesse_sign_in_wait`.
///
/// On success, when `out_user` is not NULL, `*out_user` receives the User after the change,
/// owned, released with `finesse_user_free` (NULL in the rare case the outcome carried no
/// User); on failure it is not written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_not_ready_wait(
    client: *const finesse_client,
    reason_code_id: i64,
    timeout_ms: u32,
    out_user: *mut *mut finesse_user,
) -> finesse_result {
    unsafe {
        state_command_wait(client, timeout_ms, out_user, |c| {
            Ok(c.not_ready(reason(reason_code_id))?)
        })
    }
}

/// Signs the agent out as `finesse_sign_out` does (a negative `reason_code_id` sends none),
/// then waits at most `timeout_ms` milliseconds for the User showing LOGOUT (or LOGOUT as the
/// pending state during a call); waiting as described for `finesse_sign_in_wait`.
///
/// On success, when `out_user` is not NULL, `*out_user` receives the User after the change,
/// owned, released with `finesse_user_free` (NULL in the rare case the outcome carried no
/// User); on failure it is not written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_sign_out_wait(
    client: *const finesse_client,
    reason_code_id: i64,
    timeout_ms: u32,
    out_user: *mut *mut finesse_user,
) -> finesse_result {
    unsafe {
        state_command_wait(client, timeout_ms, out_user, |c| {
            Ok(c.sign_out(reason(reason_code_id))?)
        })
    }
}

/// The agent id used in URIs, e.g. `"1001"`. Borrowed from `user`, valid until it is freed;
/// NULL when `user` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_user_login_id(user: *const finesse_user) -> *const c_char {
    infallible(|| unsafe { borrow(user) }.map(|u| u.login_id.as_ptr()))
}

/// The sign-in name (may differ from the id on CCE). Borrowed from `user`, valid until it is
/// freed; NULL when `user` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_user_login_name(user: *const finesse_user) -> *const c_char {
    infallible(|| unsafe { borrow(user) }.map(|u| u.login_name.as_ptr()))
}

/// The first name, possibly empty. Borrowed from `user`, valid until it is freed; NULL when
/// `user` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_user_first_name(user: *const finesse_user) -> *const c_char {
    infallible(|| unsafe { borrow(user) }.map(|u| u.first_name.as_ptr()))
}

/// The last name, possibly empty. Borrowed from `user`, valid until it is freed; NULL when
/// `user` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_user_last_name(user: *const finesse_user) -> *const c_char {
    infallible(|| unsafe { borrow(user) }.map(|u| u.last_name.as_ptr()))
}

/// The agent state as Finesse writes it: `"LOGOUT"`, `"NOT_READY"`, `"READY"`, `"TALKING"`,
/// `"WORK"`, ... (a newer server may send values not listed here). Borrowed from `user`, valid
/// until it is freed; NULL when `user` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_user_state(user: *const finesse_user) -> *const c_char {
    infallible(|| unsafe { borrow(user) }.map(|u| u.state.as_ptr()))
}

/// The state the agent enters when the current call ends, when one was requested; otherwise
/// NULL. Borrowed from `user`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_user_pending_state(user: *const finesse_user) -> *const c_char {
    infallible(|| unsafe { borrow(user) }.and_then(|u| ptr_of(&u.pending_state)))
}

/// When the state last changed (`YYYY-MM-DDThh:mm:ss.SSSZ`), or NULL when the server did not
/// say. Borrowed from `user`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_user_state_change_time(
    user: *const finesse_user,
) -> *const c_char {
    infallible(|| unsafe { borrow(user) }.and_then(|u| ptr_of(&u.state_change_time)))
}

/// The Finesse id of the current NOT_READY or LOGOUT reason code, or -1 when there is none
/// (or `user` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_user_reason_code_id(user: *const finesse_user) -> i64 {
    infallible(|| unsafe { borrow(user) }.map(|u| u.reason_code_id))
}

/// The extension the agent is signed in with, or NULL when signed out. Borrowed from `user`,
/// valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_user_extension(user: *const finesse_user) -> *const c_char {
    infallible(|| unsafe { borrow(user) }.and_then(|u| ptr_of(&u.extension)))
}

/// The id of the agent's team, or NULL when not given. Borrowed from `user`, valid until it is
/// freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_user_team_id(user: *const finesse_user) -> *const c_char {
    infallible(|| unsafe { borrow(user) }.and_then(|u| ptr_of(&u.team_id)))
}

/// The name of the agent's team, or NULL when not given. Borrowed from `user`, valid until it
/// is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_user_team_name(user: *const finesse_user) -> *const c_char {
    infallible(|| unsafe { borrow(user) }.and_then(|u| ptr_of(&u.team_name)))
}
