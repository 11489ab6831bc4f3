//! Call control: placing a call, and every action on an existing dialog.
//!
//! Each command returns once Finesse accepted it (HTTP 202); the outcome (the new dialog, the
//! new state) shows in the next `finesse_get_dialog` / `finesse_get_dialogs`, in the events, or
//! is waited for with `finesse_accepted_wait`. Commands are never retried:
//! `FINESSE_RESULT_OUTCOME_UNKNOWN` means the command may have been carried out.

use std::ffi::c_char;

use ::finesse_client::{Accepted, CallData, Client, MakeCall};

use crate::accepted::{deliver, finesse_accepted};
use crate::client::{client_arg, finesse_client};
use crate::error::{Failure, finesse_result};
use crate::handles::Out;
use crate::panic::fallible;
use crate::strings::{optional_str_arg, pairs, str_arg};

/// Runs one action on dialog `dialog_id`: checks the common arguments, then `act`.
///
/// # Safety
/// The pointers follow the C API contract.
unsafe fn dialog_action(
    client: *const finesse_client,
    dialog_id: *const c_char,
    out_accepted: *mut *mut finesse_accepted,
    act: impl FnOnce(&Client, &str) -> Result<Accepted, Failure>,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let dialog_id = unsafe { str_arg(dialog_id, "dialog_id") }?;
        let out = Out::optional(out_accepted);
        let accepted = act(client, dialog_id)?;
        unsafe { deliver(out, accepted) };
        Ok(())
    })
}

/// Reads the call data of `finesse_update_call_data`.
///
/// # Safety
/// The pointers follow the C API contract.
unsafe fn call_data(
    wrap_up_reason: *const c_char,
    var_names: *const *const c_char,
    var_values: *const *const c_char,
    count: usize,
) -> Result<CallData, Failure> {
    let reason = unsafe { optional_str_arg(wrap_up_reason, "wrap_up_reason") }?;
    let variables = unsafe { pairs(var_names, var_values, count) }?;
    let data = reason.map_or_else(CallData::new, |r| CallData::new().wrap_up_reason(r));
    Ok(variables
        .into_iter()
        .fold(data, |data, (name, value)| data.call_variable(name, value)))
}

/// Places a call with `count` call variables.
///
/// # Safety
/// The pointers follow the C API contract.
unsafe fn place_call(
    client: &Client,
    to_address: *const c_char,
    var_names: *const *const c_char,
    var_values: *const *const c_char,
    count: usize,
) -> Result<Accepted, Failure> {
    let to_address = unsafe { str_arg(to_address, "to_address") }?;
    let variables = unsafe { pairs(var_names, var_values, count) }?;
    let call = variables
        .into_iter()
        .fold(MakeCall::new(to_address), |call, (name, value)| {
            call.call_variable(name, value)
        });
    Ok(client.make_call(&call)?)
}

/// Places a call (click-to-dial) from the agent's extension to `to_address`, any printable
/// ASCII, sent as given. `count` call variables go with it: `var_names[i]` is
/// `"callVariable1"` to `"callVariable10"`, `"user.<name>"` or `"user.<name>[<index>]"` (ECC),
/// with value `var_values[i]`; with `count` 0 both arrays may be NULL. CCX accepts no call data
/// on MAKE_CALL.
///
/// Values are checked before sending (call variables at most 40 bytes, ECC at most 2000 bytes
/// in all, no `BA*` or wrap-up reason): `FINESSE_RESULT_INVALID_ARGUMENT` means nothing was
/// sent. The new dialog appears in `finesse_get_dialogs` once the phone starts the call.
///
/// All strings are borrowed for the call only. On success, when `out_accepted` is not NULL,
/// `*out_accepted` receives the accepted command (its request id, and `finesse_accepted_wait`
/// for its outcome), owned, released with `finesse_accepted_free`. On failure it is not
/// written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_make_call(
    client: *const finesse_client,
    to_address: *const c_char,
    var_names: *const *const c_char,
    var_values: *const *const c_char,
    count: usize,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let out = Out::optional(out_accepted);
        let accepted = unsafe { place_call(client, to_address, var_names, var_values, count) }?;
        unsafe { deliver(out, accepted) };
        Ok(())
    })
}

/// Answers the ringing call `dialog_id`.
///
/// `out_accepted` may be NULL; otherwise on success it receives the accepted command (see
/// `finesse_accepted_wait`), released with `finesse_accepted_free`; on failure it is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_answer(
    client: *const finesse_client,
    dialog_id: *const c_char,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    unsafe { dialog_action(client, dialog_id, out_accepted, |c, id| Ok(c.answer(id)?)) }
}

/// Puts the call `dialog_id` on hold.
///
/// `out_accepted` may be NULL; otherwise on success it receives the accepted command (see
/// `finesse_accepted_wait`), released with `finesse_accepted_free`; on failure it is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_hold(
    client: *const finesse_client,
    dialog_id: *const c_char,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    unsafe { dialog_action(client, dialog_id, out_accepted, |c, id| Ok(c.hold(id)?)) }
}

/// Takes the call `dialog_id` off hold.
///
/// `out_accepted` may be NULL; otherwise on success it receives the accepted command (see
/// `finesse_accepted_wait`), released with `finesse_accepted_free`; on failure it is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_retrieve(
    client: *const finesse_client,
    dialog_id: *const c_char,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    unsafe { dialog_action(client, dialog_id, out_accepted, |c, id| Ok(c.retrieve(id)?)) }
}

/// Leaves (hangs up) the call `dialog_id`.
///
/// `out_accepted` may be NULL; otherwise on success it receives the accepted command (see
/// `finesse_accepted_wait`), released with `finesse_accepted_free`; on failure it is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_drop_call(
    client: *const finesse_client,
    dialog_id: *const c_char,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    unsafe {
        dialog_action(
            client,
            dialog_id,
            out_accepted,
            |c, id| Ok(c.drop_call(id)?),
        )
    }
}

/// Holds the call `dialog_id` and calls `to_address` for a consult; the consult call is a new
/// dialog. `to_address` is borrowed for the call only.
///
/// `out_accepted` may be NULL; otherwise on success it receives the accepted command (see
/// `finesse_accepted_wait`), released with `finesse_accepted_free`; on failure it is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_consult_call(
    client: *const finesse_client,
    dialog_id: *const c_char,
    to_address: *const c_char,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    unsafe {
        dialog_action(client, dialog_id, out_accepted, |c, id| {
            let to_address = str_arg(to_address, "to_address")?;
            Ok(c.consult_call(id, to_address)?)
        })
    }
}

/// Completes a consult transfer (on either of the two dialogs).
///
/// `out_accepted` may be NULL; otherwise on success it receives the accepted command (see
/// `finesse_accepted_wait`), released with `finesse_accepted_free`; on failure it is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_transfer(
    client: *const finesse_client,
    dialog_id: *const c_char,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    unsafe { dialog_action(client, dialog_id, out_accepted, |c, id| Ok(c.transfer(id)?)) }
}

/// Transfers the call `dialog_id` to `to_address` in one step (blind transfer). `to_address`
/// is borrowed for the call only.
///
/// `out_accepted` may be NULL; otherwise on success it receives the accepted command (see
/// `finesse_accepted_wait`), released with `finesse_accepted_free`; on failure it is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_transfer_sst(
    client: *const finesse_client,
    dialog_id: *const c_char,
    to_address: *const c_char,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    unsafe {
        dialog_action(client, dialog_id, out_accepted, |c, id| {
            let to_address = str_arg(to_address, "to_address")?;
            Ok(c.transfer_sst(id, to_address)?)
        })
    }
}

/// Joins the consult call into a conference.
///
/// `out_accepted` may be NULL; otherwise on success it receives the accepted command (see
/// `finesse_accepted_wait`), released with `finesse_accepted_free`; on failure it is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_conference(
    client: *const finesse_client,
    dialog_id: *const c_char,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    unsafe {
        dialog_action(client, dialog_id, out_accepted, |c, id| {
            Ok(c.conference(id)?)
        })
    }
}

/// Sends DTMF `digits` (0-9, *, #, A-D) on the call `dialog_id`. `digits` is borrowed for the
/// call only.
///
/// `out_accepted` may be NULL; otherwise on success it receives the accepted command (see
/// `finesse_accepted_wait`), released with `finesse_accepted_free`; on failure it is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_send_dtmf(
    client: *const finesse_client,
    dialog_id: *const c_char,
    digits: *const c_char,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    unsafe {
        dialog_action(client, dialog_id, out_accepted, |c, id| {
            let digits = str_arg(digits, "digits")?;
            Ok(c.send_dtmf(id, digits)?)
        })
    }
}

/// Drops the participant at `media_address` from the conference `dialog_id` (CCE).
/// `media_address` is borrowed for the call only.
///
/// `out_accepted` may be NULL; otherwise on success it receives the accepted command (see
/// `finesse_accepted_wait`), released with `finesse_accepted_free`; on failure it is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_drop_participant(
    client: *const finesse_client,
    dialog_id: *const c_char,
    media_address: *const c_char,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    unsafe {
        dialog_action(client, dialog_id, out_accepted, |c, id| {
            let media_address = str_arg(media_address, "media_address")?;
            Ok(c.drop_participant(id, media_address)?)
        })
    }
}

/// Writes call data on the call `dialog_id`: the wrap-up reason `wrap_up_reason` (at most 39
/// bytes; NULL leaves it unchanged) and `count` call variables named and valued as for
/// `finesse_make_call` (with `count` 0 both arrays may be NULL). Give a reason, variables, or
/// both. All strings are borrowed for the call only.
///
/// `out_accepted` may be NULL; otherwise on success it receives the accepted command (see
/// `finesse_accepted_wait`), released with `finesse_accepted_free`; on failure it is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_update_call_data(
    client: *const finesse_client,
    dialog_id: *const c_char,
    wrap_up_reason: *const c_char,
    var_names: *const *const c_char,
    var_values: *const *const c_char,
    count: usize,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    unsafe {
        dialog_action(client, dialog_id, out_accepted, |c, id| {
            Ok(c.update_call_data(
                id,
                &call_data(wrap_up_reason, var_names, var_values, count)?,
            )?)
        })
    }
}
