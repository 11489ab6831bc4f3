//! The `_wait` variants of the commands: send, then wait for the outcome and hand it over.

use std::ptr;
use std::time::Duration;

use ::finesse_client::{Accepted, Client, Outcome};

use crate::client::{client_arg, finesse_client};
use crate::dialog::{DialogView, finesse_dialog};
use crate::error::{Failure, finesse_result};
use crate::handles::{Out, into_owned};
use crate::panic::fallible;
use crate::user::{UserView, finesse_user};

/// Waits at most `timeout_ms` for the outcome of `accepted`; a failure carries the command's
/// request id.
fn outcome(accepted: &Accepted, timeout_ms: u32) -> Result<Outcome, Failure> {
    accepted
        .wait(Duration::from_millis(u64::from(timeout_ms)))
        .map_err(|e| Failure::Waited(e, accepted.request_id.clone()))
}

/// Sends an agent state command and waits for the User it results in.
///
/// # Safety
/// The pointers follow the C API contract.
pub(crate) unsafe fn state_command_wait(
    client: *const finesse_client,
    timeout_ms: u32,
    out_user: *mut *mut finesse_user,
    send: impl FnOnce(&Client) -> Result<Accepted, Failure>,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let out = Out::optional(out_user);
        let accepted = send(client)?;
        let outcome = outcome(&accepted, timeout_ms)?;
        if let Some(out) = out {
            let user = match &outcome {
                Outcome::User(user) => into_owned::<finesse_user>(UserView::from(user)),
                _ => ptr::null_mut(),
            };
            unsafe { out.write(user) };
        }
        Ok(())
    })
}

/// Sends a call command and waits for the Dialog it results in (NULL when the call ended).
///
/// # Safety
/// The pointers follow the C API contract.
pub(crate) unsafe fn call_command_wait(
    client: *const finesse_client,
    timeout_ms: u32,
    out_dialog: *mut *mut finesse_dialog,
    send: impl FnOnce(&Client) -> Result<Accepted, Failure>,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let out = Out::optional(out_dialog);
        let accepted = send(client)?;
        let outcome = outcome(&accepted, timeout_ms)?;
        if let Some(out) = out {
            let dialog = match &outcome {
                Outcome::Dialog(dialog) => into_owned::<finesse_dialog>(DialogView::from(dialog)),
                _ => ptr::null_mut(),
            };
            unsafe { out.write(dialog) };
        }
        Ok(())
    })
}
