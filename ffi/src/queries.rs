//! The reads (GET): the agent's User, its dialogs, the node's SystemInfo, reason codes and
//! wrap-up reasons, each handed to C as an owned document or list.

use std::ffi::c_char;

use ::finesse_client::ReasonCodeCategory;

use crate::client::{client_arg, finesse_client};
use crate::error::{finesse_result, invalid_argument};
use crate::handles::{Handle, Out, into_owned};
use crate::models::{
    DialogView, ReasonCodeView, SystemInfoView, UserView, WrapUpReasonView, finesse_owned_dialog,
    finesse_owned_dialog_list, finesse_owned_reason_code_list, finesse_owned_system_info,
    finesse_owned_user, finesse_owned_wrap_up_reason_list,
};
use crate::panic::fallible;
use crate::strings::str_arg;

/// The category of a reason code, passed to `finesse_get_reason_codes` as a `uint32_t`.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum finesse_reason_category {
    /// Reasons for NOT_READY (`finesse_not_ready`).
    NotReady = 1,
    /// Reasons for signing out (`finesse_sign_out`).
    Logout = 2,
}

pub(crate) fn category(value: u32) -> Option<ReasonCodeCategory> {
    [
        (
            finesse_reason_category::NotReady,
            ReasonCodeCategory::NotReady,
        ),
        (finesse_reason_category::Logout, ReasonCodeCategory::Logout),
    ]
    .into_iter()
    .find(|(c, _)| *c as u32 == value)
    .map(|(_, category)| category)
}

/// Runs one read and hands its result to `out` as an owned handle.
pub(crate) fn read<H: Handle>(
    out: *mut *mut H,
    name: &str,
    get: impl FnOnce() -> Result<H::Target, crate::error::Failure>,
) -> finesse_result {
    fallible(|| {
        let out = Out::required(out, name)?;
        let value = get()?;
        unsafe { out.write(into_owned::<H>(value)) };
        Ok(())
    })
}

/// Gets the agent's User document (GET `/finesse/api/User/<id>`).
///
/// On success the caller owns `*out_user` and releases it with `finesse_owned_user_free`; on
/// failure `*out_user` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_user(
    client: *const finesse_client,
    out_user: *mut *mut finesse_owned_user,
) -> finesse_result {
    read(out_user, "out_user", || {
        let client = unsafe { client_arg(client) }?;
        Ok(UserView::new(client.user()?))
    })
}

/// Gets another user's User document by id, or by sign-in name on CCE 12.5 and later
/// (a supervisor reading a team member, say).
///
/// `id` is borrowed for the call only. On success the caller owns `*out_user` and releases it
/// with `finesse_owned_user_free`; on failure `*out_user` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_user_by_id(
    client: *const finesse_client,
    id: *const c_char,
    out_user: *mut *mut finesse_owned_user,
) -> finesse_result {
    read(out_user, "out_user", || {
        let client = unsafe { client_arg(client) }?;
        let id = unsafe { str_arg(id, "id") }?;
        Ok(UserView::new(client.user_by_id(id)?))
    })
}

/// Lists the agent's current dialogs (GET `/finesse/api/User/<id>/Dialogs`).
///
/// On success the caller owns `*out_list` and releases it with
/// `finesse_owned_dialog_list_free`; on failure `*out_list` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_dialogs(
    client: *const finesse_client,
    out_list: *mut *mut finesse_owned_dialog_list,
) -> finesse_result {
    read(out_list, "out_list", || {
        let client = unsafe { client_arg(client) }?;
        Ok(client.dialogs()?.into_iter().map(DialogView::new).collect())
    })
}

/// Gets one dialog by id (GET `/finesse/api/Dialog/<id>`); `FINESSE_RESULT_NOT_FOUND` when the
/// call no longer exists.
///
/// `dialog_id` is borrowed for the call only. On success the caller owns `*out_dialog` and
/// releases it with `finesse_owned_dialog_free`; on failure `*out_dialog` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_dialog(
    client: *const finesse_client,
    dialog_id: *const c_char,
    out_dialog: *mut *mut finesse_owned_dialog,
) -> finesse_result {
    read(out_dialog, "out_dialog", || {
        let client = unsafe { client_arg(client) }?;
        let dialog_id = unsafe { str_arg(dialog_id, "dialog_id") }?;
        Ok(DialogView::new(client.dialog(dialog_id)?))
    })
}

/// Gets the node's SystemInfo (GET `/finesse/api/SystemInfo`).
///
/// On success the caller owns `*out_info` and releases it with
/// `finesse_owned_system_info_free`; on failure `*out_info` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_system_info(
    client: *const finesse_client,
    out_info: *mut *mut finesse_owned_system_info,
) -> finesse_result {
    read(out_info, "out_info", || {
        let client = unsafe { client_arg(client) }?;
        Ok(SystemInfoView::new(client.system_info()?))
    })
}

/// Lists the reason codes of `category` (a `finesse_reason_category` value) available to the
/// agent; `FINESSE_RESULT_INVALID_ARGUMENT` for any other value.
///
/// On success the caller owns `*out_list` and releases it with
/// `finesse_owned_reason_code_list_free`; on failure `*out_list` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_reason_codes(
    client: *const finesse_client,
    category: u32,
    out_list: *mut *mut finesse_owned_reason_code_list,
) -> finesse_result {
    read(out_list, "out_list", || {
        let client = unsafe { client_arg(client) }?;
        let category = self::category(category).ok_or_else(|| {
            invalid_argument(
                "category",
                format!("{category} is not a finesse_reason_category value"),
            )
        })?;
        let codes = client.reason_codes(category)?;
        Ok(codes.into_iter().map(ReasonCodeView::new).collect())
    })
}

/// Lists the wrap-up reasons available to the agent.
///
/// On success the caller owns `*out_list` and releases it with
/// `finesse_owned_wrap_up_reason_list_free`; on failure `*out_list` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_wrap_up_reasons(
    client: *const finesse_client,
    out_list: *mut *mut finesse_owned_wrap_up_reason_list,
) -> finesse_result {
    read(out_list, "out_list", || {
        let client = unsafe { client_arg(client) }?;
        let reasons = client.wrap_up_reasons()?;
        Ok(reasons.into_iter().map(WrapUpReasonView::new).collect())
    })
}
