//! The model's methods beyond its fields, each a call of the core method of the same name.

use std::ffi::c_char;

use ::finesse_client::Action;

use crate::handles::{borrow, lend};
use crate::models::{
    finesse_dialog, finesse_media_properties, finesse_participant, finesse_team, finesse_user,
};
use crate::panic::infallible;
use crate::strings::str_arg;

/// Whether the agent is signed in (in any state but LOGOUT); false when `user` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_user_is_signed_in(user: *const finesse_user) -> bool {
    infallible(|| unsafe { borrow(user) }.map(|u| u.inner.is_signed_in()))
}

/// The participant whose media address is `media_address` (e.g. the agent's own extension),
/// or NULL when there is none. `media_address` is borrowed for the call only; the participant
/// is borrowed from `dialog`, valid until the handle owning it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_participant(
    dialog: *const finesse_dialog,
    media_address: *const c_char,
) -> *const finesse_participant {
    infallible(|| {
        let dialog = unsafe { borrow(dialog) }?;
        let address = unsafe { str_arg(media_address, "media_address") }.ok()?;
        let found = dialog.inner.participant(address)?;
        let index = dialog
            .inner
            .participants
            .iter()
            .position(|p| std::ptr::eq(p, found))?;
        dialog
            .participants
            .get(index)
            .map(lend::<finesse_participant>)
    })
}

/// The value of the call variable `name` (`"callVariable1"`, `"user.CustomerId"`, `"BAStatus"`),
/// or NULL when there is none of that name. `name` is borrowed for the call only; the value is
/// borrowed from `media_properties`, valid until the handle owning it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_media_properties_call_variable(
    media_properties: *const finesse_media_properties,
    name: *const c_char,
) -> *const c_char {
    infallible(|| {
        let properties = unsafe { borrow(media_properties) }?;
        let name = unsafe { str_arg(name, "name") }.ok()?;
        let value = properties.inner.call_variable(name)?;
        let index = properties
            .inner
            .call_variables
            .iter()
            .position(|v| std::ptr::eq(v.value.as_str(), value))?;
        properties
            .call_variables
            .get(index)
            .map(|v| v.value.as_ptr())
    })
}

/// Whether `action` (as Finesse writes it: `"HOLD"`, `"TRANSFER"`, ...) is allowed for the
/// participant now; false when `participant` or `action` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_participant_can(
    participant: *const finesse_participant,
    action: *const c_char,
) -> bool {
    infallible(|| {
        let participant = unsafe { borrow(participant) }?;
        let action = unsafe { str_arg(action, "action") }.ok()?;
        Some(participant.inner.can(&Action::parse(action)))
    })
}

/// The member of the team whose login id is `login_id`, or NULL when there is none. `login_id`
/// is borrowed for the call only; the User is borrowed from `team`, valid until the handle
/// owning it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_team_user(
    team: *const finesse_team,
    login_id: *const c_char,
) -> *const finesse_user {
    infallible(|| {
        let team = unsafe { borrow(team) }?;
        let login_id = unsafe { str_arg(login_id, "login_id") }.ok()?;
        let found = team.inner.user(login_id)?;
        let index = team
            .inner
            .users
            .iter()
            .position(|u| std::ptr::eq(u, found))?;
        team.users.get(index).map(lend::<finesse_user>)
    })
}
