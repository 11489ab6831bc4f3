//! `finesse_accepted`: a command Finesse accepted, and `finesse_outcome`: what it resulted in.

use std::ffi::{CString, c_char};
use std::time::Duration;

use ::finesse_client::{Accepted, Outcome};

use crate::error::{Failure, finesse_result};
use crate::handles::{Handle, Out, borrow, free, into_owned, lend};
use crate::models::{DialogView, UserView, finesse_dialog, finesse_user};
use crate::panic::{Fallback, fallible, infallible};

/// A command Finesse accepted (HTTP 202): its request id, and its outcome to wait for with
/// `finesse_accepted_wait`.
///
/// Returned by every command (`finesse_sign_in`, `finesse_make_call`, ...) through its
/// `out_accepted`, released with `finesse_accepted_free`. Safe to use from several threads at
/// once; it keeps its client's connections alive until it is freed.
pub struct finesse_accepted {
    _private: [u8; 0],
}

impl Handle for finesse_accepted {
    type Target = AcceptedView;
}

/// An accepted command with its request id converted once.
pub(crate) struct AcceptedView {
    accepted: Accepted,
    request_id: CString,
}

/// What kind of outcome a `finesse_outcome` holds, as `finesse_outcome_type` returns it. In C
/// a `uint32_t`: a newer library may add kinds, so treat an unknown value as an outcome
/// without a User or dialog.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum finesse_outcome_kind {
    /// No outcome: what `finesse_outcome_type` returns for NULL.
    None = 0,
    /// The agent's User after a state change: `finesse_outcome_user`.
    User = 1,
    /// The dialog a call command created or changed: `finesse_outcome_dialog`.
    Dialog = 2,
    /// The call a command ended (drop, transfer): `finesse_outcome_ended_dialog_id`.
    Ended = 3,
}

impl Fallback for finesse_outcome_kind {
    fn fallback() -> Self {
        finesse_outcome_kind::None
    }
}

/// The outcome of a command, from `finesse_accepted_wait`; released with
/// `finesse_outcome_free`. Immutable: safe to read from several threads at once.
pub struct finesse_outcome {
    _private: [u8; 0],
}

impl Handle for finesse_outcome {
    type Target = OutcomeView;
}

/// An outcome with its documents converted once.
pub(crate) enum OutcomeView {
    User(Box<UserView>),
    Dialog(Box<DialogView>),
    Ended(CString),
}

/// Hands an accepted command to the caller, when wanted.
///
/// # Safety
/// `out` was made from a pointer valid for a write.
pub(crate) unsafe fn deliver(out: Option<Out<*mut finesse_accepted>>, accepted: Accepted) {
    if let Some(out) = out {
        let request_id = crate::strings::c_string(&accepted.request_id);
        let view = AcceptedView {
            accepted,
            request_id,
        };
        unsafe { out.write(into_owned::<finesse_accepted>(view)) };
    }
}

/// The `requestId` the command carried, which its notifications echo. Borrowed from
/// `accepted`, valid until it is freed; NULL when `accepted` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_accepted_request_id(
    accepted: *const finesse_accepted,
) -> *const c_char {
    infallible(|| unsafe { borrow(accepted) }.map(|a| a.request_id.as_ptr()))
}

/// Waits at most `timeout_ms` milliseconds for the command's outcome: the User after a state
/// change, the new or changed dialog after a call command, or the end of the call after a
/// drop or a transfer.
///
/// While a notification session of the client runs, the outcome is the event that echoes the
/// request id or shows the requested change, and a refusal by the CTI server returns
/// `FINESSE_RESULT_CTI` with the server's errors in the last error. Without a session, the
/// resource is read until it shows the requested change (a CTI refusal then shows as a
/// timeout). `FINESSE_RESULT_TIMEOUT` means the outcome was not seen in time: the command may
/// still be carried out. Called from an event callback it fails at once
/// (`FINESSE_RESULT_INVALID_ARGUMENT`): the callback runs on the thread that would deliver the
/// outcome. The last error of a failure carries the command's request id.
///
/// On success, when `out_outcome` is not NULL, `*out_outcome` receives the outcome, owned,
/// released with `finesse_outcome_free`; on failure it is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_accepted_wait(
    accepted: *const finesse_accepted,
    timeout_ms: u32,
    out_outcome: *mut *mut finesse_outcome,
) -> finesse_result {
    fallible(|| {
        let view = unsafe { borrow(accepted) }
            .ok_or_else(|| Failure::NullArgument("accepted".to_owned()))?;
        let out = Out::optional(out_outcome);
        let outcome = view
            .accepted
            .wait(Duration::from_millis(u64::from(timeout_ms)))
            .map_err(|e| Failure::Waited(e, view.accepted.request_id.clone()))?;
        if let Some(out) = out {
            let outcome = match outcome {
                Outcome::User(user) => OutcomeView::User(Box::new(UserView::new(user))),
                Outcome::Dialog(dialog) => OutcomeView::Dialog(Box::new(DialogView::new(dialog))),
                Outcome::Ended { dialog_id } => {
                    OutcomeView::Ended(crate::strings::c_string(&dialog_id))
                }
                // An outcome added to core later: reported as the end of the command.
                _ => OutcomeView::Ended(CString::default()),
            };
            unsafe { out.write(into_owned::<finesse_outcome>(outcome)) };
        }
        Ok(())
    })
}

/// Releases an accepted command. NULL is a no-op; must not be called twice with the same
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_accepted_free(accepted: *mut finesse_accepted) {
    infallible(|| {
        unsafe { free(accepted) };
        Some(())
    })
}

/// What the outcome holds (`FINESSE_OUTCOME_KIND_NONE` when `outcome` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_outcome_type(
    outcome: *const finesse_outcome,
) -> finesse_outcome_kind {
    infallible(|| {
        unsafe { borrow(outcome) }.map(|o| match o {
            OutcomeView::User(_) => finesse_outcome_kind::User,
            OutcomeView::Dialog(_) => finesse_outcome_kind::Dialog,
            OutcomeView::Ended(_) => finesse_outcome_kind::Ended,
        })
    })
}

/// The User of a `FINESSE_OUTCOME_KIND_USER` outcome, borrowed from `outcome` until it is
/// freed; NULL for other kinds.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_outcome_user(
    outcome: *const finesse_outcome,
) -> *const finesse_user {
    infallible(|| match unsafe { borrow(outcome) }? {
        OutcomeView::User(user) => Some(lend::<finesse_user>(user.as_ref())),
        _ => None,
    })
}

/// The dialog of a `FINESSE_OUTCOME_KIND_DIALOG` outcome, borrowed from `outcome` until it is
/// freed; NULL for other kinds.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_outcome_dialog(
    outcome: *const finesse_outcome,
) -> *const finesse_dialog {
    infallible(|| match unsafe { borrow(outcome) }? {
        OutcomeView::Dialog(dialog) => Some(lend::<finesse_dialog>(dialog.as_ref())),
        _ => None,
    })
}

/// The id of the dialog a `FINESSE_OUTCOME_KIND_ENDED` outcome ended, borrowed from
/// `outcome` until it is freed; NULL for other kinds.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_outcome_ended_dialog_id(
    outcome: *const finesse_outcome,
) -> *const c_char {
    infallible(|| match unsafe { borrow(outcome) }? {
        OutcomeView::Ended(id) => Some(id.as_ptr()),
        _ => None,
    })
}

/// Releases an outcome and the views it lent. NULL is a no-op; must not be called twice with
/// the same pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_outcome_free(outcome: *mut finesse_outcome) {
    infallible(|| {
        unsafe { free(outcome) };
        Some(())
    })
}
