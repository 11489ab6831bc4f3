//! Team messages (Finesse 12.x): a supervisor broadcasts to its teams, lists a team's active
//! messages, deletes one it sent. Agents receive them as `FINESSE_EVENT_KIND_TEAM_MESSAGE`
//! events.

use std::ffi::c_char;
use std::time::Duration;

use crate::client::{client_arg, finesse_client};
use crate::error::{Failure, finesse_result};
use crate::handles::{Out, into_owned};
use crate::models::{TeamMessageView, finesse_owned_team_message, finesse_owned_team_message_list};
use crate::panic::fallible;
use crate::strings::str_arg;

/// Reads `count` strings of an array. With `count` 0 the array may be NULL.
///
/// # Safety
/// When `count` > 0, `items` is NULL or points to `count` pointers, each NULL or a
/// NUL-terminated string that outlives the call.
unsafe fn str_array<'a>(
    items: *const *const c_char,
    count: usize,
    name: &str,
) -> Result<Vec<&'a str>, Failure> {
    if count == 0 {
        return Ok(Vec::new());
    }
    if items.is_null() {
        return Err(Failure::NullArgument(name.to_owned()));
    }
    // SAFETY: the array holds `count` elements by the contract above.
    let items = unsafe { std::slice::from_raw_parts(items, count) };
    items
        .iter()
        .enumerate()
        .map(|(i, &item)| unsafe { str_arg(item, &format!("{name}[{i}]")) })
        .collect()
}

/// A supervisor broadcasts `content` to the `team_count` teams of `team_ids`, shown on their
/// agents' desktops for `duration_seconds` (POST `/finesse/api/TeamMessage`, Finesse 12.0 and
/// later). The agents' sessions receive it as a `FINESSE_EVENT_KIND_TEAM_MESSAGE` event.
///
/// Checked before sending, with nothing sent (`FINESSE_RESULT_INVALID_ARGUMENT`, the message
/// naming the field): `content` not empty and at most 255 characters; at least one team, each a
/// valid id; `duration_seconds` from 300 (5 minutes) to 86100 (23:55 hours). Refusals: not a
/// supervisor (`FINESSE_RESULT_AUTHENTICATION`, the API's 401 `Authorization Failure`), a team
/// the user does not supervise (`FINESSE_RESULT_PERMISSION`), no such team
/// (`FINESSE_RESULT_NOT_FOUND`), too many active messages (`FINESSE_RESULT_API`,
/// `System Resource Limit Exceeded`). Strings are borrowed for the call only.
///
/// `out_message` may be NULL; otherwise on success it receives the message as the server
/// answered it (its id, sender and time), which the caller releases with
/// `finesse_owned_team_message_free`; on failure it is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_send_team_message(
    client: *const finesse_client,
    content: *const c_char,
    duration_seconds: u64,
    team_ids: *const *const c_char,
    team_count: usize,
    out_message: *mut *mut finesse_owned_team_message,
) -> finesse_result {
    fallible(|| {
        let out = Out::optional(out_message);
        let client = unsafe { client_arg(client) }?;
        let content = unsafe { str_arg(content, "content") }?;
        let teams = unsafe { str_array(team_ids, team_count, "team_ids") }?;
        let message =
            client.send_team_message(content, Duration::from_secs(duration_seconds), &teams)?;
        if let Some(out) = out {
            let owned = into_owned::<finesse_owned_team_message>(TeamMessageView::new(message));
            unsafe { out.write(owned) };
        }
        Ok(())
    })
}

/// Lists the active messages of a team (GET `/finesse/api/Team/<id>/TeamMessages`, 12.0 and
/// later): its members and supervisors may read them. `team_id` is borrowed for the call only.
///
/// On success the caller owns `*out_list` and releases it with
/// `finesse_owned_team_message_list_free`; on failure `*out_list` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_team_messages(
    client: *const finesse_client,
    team_id: *const c_char,
    out_list: *mut *mut finesse_owned_team_message_list,
) -> finesse_result {
    fallible(|| {
        let out = Out::required(out_list, "out_list")?;
        let client = unsafe { client_arg(client) }?;
        let team_id = unsafe { str_arg(team_id, "team_id") }?;
        let messages: Vec<TeamMessageView> = client
            .team_messages(team_id)?
            .into_iter()
            .map(TeamMessageView::new)
            .collect();
        unsafe { out.write(into_owned::<finesse_owned_team_message_list>(messages)) };
        Ok(())
    })
}

/// The supervisor who sent a message deletes it before it expires (DELETE
/// `/finesse/api/TeamMessage/<id>`): agents stop showing it. `message_id` (the message's
/// `finesse_team_message_id`) is borrowed for the call only.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_delete_team_message(
    client: *const finesse_client,
    message_id: *const c_char,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let message_id = unsafe { str_arg(message_id, "message_id") }?;
        client.delete_team_message(message_id)?;
        Ok(())
    })
}
