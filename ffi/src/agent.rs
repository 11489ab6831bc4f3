//! The agent state commands: sign in, READY, NOT_READY, sign out.

use std::ffi::c_char;

use crate::accepted::{deliver, finesse_accepted};
use crate::client::{client_arg, finesse_client};
use crate::error::finesse_result;
use crate::handles::Out;
use crate::panic::fallible;
use crate::strings::str_arg;

/// A reason code id from C: negative means none.
fn reason(reason_code_id: i64) -> Option<i64> {
    (reason_code_id >= 0).then_some(reason_code_id)
}

/// Signs the agent in on `extension`; the agent becomes NOT_READY.
///
/// On success, when `out_accepted` is not NULL, `*out_accepted` receives the accepted command
/// (its request id, and `finesse_accepted_wait` for its outcome), owned, released with
/// `finesse_accepted_free`. On failure it is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_sign_in(
    client: *const finesse_client,
    extension: *const c_char,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let extension = unsafe { str_arg(extension, "extension") }?;
        let out = Out::optional(out_accepted);
        let accepted = client.sign_in(extension)?;
        unsafe { deliver(out, accepted) };
        Ok(())
    })
}

/// Makes the agent READY.
///
/// `out_accepted` as for `finesse_sign_in`: may be NULL; otherwise it receives the accepted
/// command on success, released with `finesse_accepted_free`.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_ready(
    client: *const finesse_client,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let out = Out::optional(out_accepted);
        let accepted = client.ready()?;
        unsafe { deliver(out, accepted) };
        Ok(())
    })
}

/// Makes the agent NOT_READY with the Finesse id of a NOT_READY reason code (see
/// `finesse_get_reason_codes`), or with none when `reason_code_id` is negative.
///
/// `out_accepted` as for `finesse_sign_in`: may be NULL; otherwise it receives the accepted
/// command on success, released with `finesse_accepted_free`.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_not_ready(
    client: *const finesse_client,
    reason_code_id: i64,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let out = Out::optional(out_accepted);
        let accepted = client.not_ready(reason(reason_code_id))?;
        unsafe { deliver(out, accepted) };
        Ok(())
    })
}

/// Signs the agent out with the Finesse id of a LOGOUT reason code, or with none when
/// `reason_code_id` is negative. On CCE the agent must be NOT_READY first.
///
/// `out_accepted` as for `finesse_sign_in`: may be NULL; otherwise it receives the accepted
/// command on success, released with `finesse_accepted_free`.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_sign_out(
    client: *const finesse_client,
    reason_code_id: i64,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let out = Out::optional(out_accepted);
        let accepted = client.sign_out(reason(reason_code_id))?;
        unsafe { deliver(out, accepted) };
        Ok(())
    })
}
