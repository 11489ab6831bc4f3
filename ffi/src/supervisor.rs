//! A supervisor's reads and commands: the team and its members' states, the team's reason
//! codes and wrap-up reasons, queues and their statistics, a member's state, silent monitor
//! and barge-in.

use std::ffi::c_char;

use ::finesse_client::AgentState;

use crate::accepted::{deliver, finesse_accepted};
use crate::client::{client_arg, finesse_client};
use crate::error::{finesse_result, invalid_argument};
use crate::handles::{Out, into_owned};
use crate::models::{
    QueueView, ReasonCodeView, TeamView, WrapUpReasonView, finesse_owned_queue,
    finesse_owned_queue_list, finesse_owned_reason_code_list, finesse_owned_team,
    finesse_owned_wrap_up_reason_list,
};
use crate::panic::fallible;
use crate::strings::str_arg;

/// The state a supervisor sets a team member to, passed to `finesse_set_member_state` as a
/// `uint32_t`.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum finesse_member_state {
    /// READY.
    Ready = 1,
    /// NOT_READY (the system applies its supervisor reason).
    NotReady = 2,
    /// LOGOUT (signed out).
    Logout = 3,
}

fn member_state(value: u32) -> Option<AgentState> {
    [
        (finesse_member_state::Ready, AgentState::Ready),
        (finesse_member_state::NotReady, AgentState::NotReady),
        (finesse_member_state::Logout, AgentState::Logout),
    ]
    .into_iter()
    .find(|(s, _)| *s as u32 == value)
    .map(|(_, state)| state)
}

/// Gets a team the signed-in supervisor supervises (GET `/finesse/api/Team/<id>`): its members
/// with their states. `FINESSE_RESULT_PERMISSION` for a team the user does not supervise,
/// `FINESSE_RESULT_NOT_FOUND` for no such team. `team_id` is borrowed for the call only.
///
/// On success the caller owns `*out_team` and releases it with `finesse_owned_team_free`; on
/// failure `*out_team` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_team(
    client: *const finesse_client,
    team_id: *const c_char,
    out_team: *mut *mut finesse_owned_team,
) -> finesse_result {
    fallible(|| {
        let out = Out::required(out_team, "out_team")?;
        let client = unsafe { client_arg(client) }?;
        let team_id = unsafe { str_arg(team_id, "team_id") }?;
        let team = TeamView::new(client.team(team_id)?);
        unsafe { out.write(into_owned::<finesse_owned_team>(team)) };
        Ok(())
    })
}

/// Gets a queue and its statistics (GET `/finesse/api/Queue/<id>`, CCE only). `queue_id` is
/// borrowed for the call only.
///
/// On success the caller owns `*out_queue` and releases it with `finesse_owned_queue_free`; on
/// failure `*out_queue` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_queue(
    client: *const finesse_client,
    queue_id: *const c_char,
    out_queue: *mut *mut finesse_owned_queue,
) -> finesse_result {
    fallible(|| {
        let out = Out::required(out_queue, "out_queue")?;
        let client = unsafe { client_arg(client) }?;
        let queue_id = unsafe { str_arg(queue_id, "queue_id") }?;
        let queue = QueueView::new(client.queue(queue_id)?);
        unsafe { out.write(into_owned::<finesse_owned_queue>(queue)) };
        Ok(())
    })
}

/// Lists the signed-in user's queues with their statistics (GET
/// `/finesse/api/User/<id>/Queues`, CCE only).
///
/// On success the caller owns `*out_list` and releases it with
/// `finesse_owned_queue_list_free`; on failure `*out_list` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_queues(
    client: *const finesse_client,
    out_list: *mut *mut finesse_owned_queue_list,
) -> finesse_result {
    fallible(|| {
        let out = Out::required(out_list, "out_list")?;
        let client = unsafe { client_arg(client) }?;
        let queues: Vec<QueueView> = client.queues()?.into_iter().map(QueueView::new).collect();
        unsafe { out.write(into_owned::<finesse_owned_queue_list>(queues)) };
        Ok(())
    })
}

/// A supervisor sets a member of a team it supervises to `state` (a `finesse_member_state`
/// value: READY, NOT_READY or LOGOUT, without a reason code); `FINESSE_RESULT_INVALID_ARGUMENT`
/// for any other value, nothing sent. `agent_id` is borrowed for the call only. The outcome (the
/// member's User) is seen on the team's node (subscribe to `/finesse/api/Team/<id>/Users`) or,
/// without a session, by reading the member.
///
/// `out_accepted` as for `finesse_sign_in`: may be NULL; otherwise it receives the accepted
/// command on success, released with `finesse_accepted_free`.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_set_member_state(
    client: *const finesse_client,
    agent_id: *const c_char,
    state: u32,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let agent_id = unsafe { str_arg(agent_id, "agent_id") }?;
        let state = member_state(state).ok_or_else(|| {
            invalid_argument(
                "state",
                format!("{state} is not a finesse_member_state value"),
            )
        })?;
        let out = Out::optional(out_accepted);
        let accepted = client.set_member_state(agent_id, state)?;
        unsafe { deliver(out, accepted) };
        Ok(())
    })
}

/// A supervisor starts silently monitoring the call of the team member signed in on
/// `agent_extension`, from the extension the supervisor is signed in with. The outcome is the
/// monitor dialog; end it with `finesse_drop_call`. `agent_extension` is borrowed for the call
/// only.
///
/// `out_accepted` as for `finesse_sign_in`: may be NULL; otherwise it receives the accepted
/// command on success, released with `finesse_accepted_free`.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_silent_monitor(
    client: *const finesse_client,
    agent_extension: *const c_char,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let agent_extension = unsafe { str_arg(agent_extension, "agent_extension") }?;
        let out = Out::optional(out_accepted);
        let accepted = client.silent_monitor(agent_extension)?;
        unsafe { deliver(out, accepted) };
        Ok(())
    })
}

/// A supervisor barges in on the call it monitors with dialog `monitor_dialog_id`: the call
/// becomes a conference with the supervisor in it. The outcome is the dialog joined; leave it
/// with `finesse_drop_call`. The strings are borrowed for the call only.
///
/// `out_accepted` as for `finesse_sign_in`: may be NULL; otherwise it receives the accepted
/// command on success, released with `finesse_accepted_free`.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_barge_in(
    client: *const finesse_client,
    agent_extension: *const c_char,
    monitor_dialog_id: *const c_char,
    out_accepted: *mut *mut finesse_accepted,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let agent_extension = unsafe { str_arg(agent_extension, "agent_extension") }?;
        let monitor = unsafe { str_arg(monitor_dialog_id, "monitor_dialog_id") }?;
        let out = Out::optional(out_accepted);
        let accepted = client.barge_in(agent_extension, monitor)?;
        unsafe { deliver(out, accepted) };
        Ok(())
    })
}

/// Lists the reason codes of `category` (a `finesse_reason_category` value) of team `team_id`
/// (GET `/finesse/api/TeamResource/<id>/ReasonCodes`, 12.5(1) and later: the API that
/// replaces `finesse_get_reason_codes`); `FINESSE_RESULT_INVALID_ARGUMENT` for another
/// category value. `team_id` is borrowed for the call only.
///
/// On success the caller owns `*out_list` and releases it with
/// `finesse_owned_reason_code_list_free`; on failure `*out_list` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_team_reason_codes(
    client: *const finesse_client,
    team_id: *const c_char,
    category: u32,
    out_list: *mut *mut finesse_owned_reason_code_list,
) -> finesse_result {
    fallible(|| {
        let out = Out::required(out_list, "out_list")?;
        let client = unsafe { client_arg(client) }?;
        let team_id = unsafe { str_arg(team_id, "team_id") }?;
        let category = crate::queries::category(category).ok_or_else(|| {
            invalid_argument(
                "category",
                format!("{category} is not a finesse_reason_category value"),
            )
        })?;
        let codes: Vec<ReasonCodeView> = client
            .team_reason_codes(team_id, category)?
            .into_iter()
            .map(ReasonCodeView::new)
            .collect();
        unsafe { out.write(into_owned::<finesse_owned_reason_code_list>(codes)) };
        Ok(())
    })
}

/// Lists the wrap-up reasons of team `team_id` (GET
/// `/finesse/api/TeamResource/<id>/WrapUpReasons`, 12.5(1) and later). `team_id` is borrowed
/// for the call only.
///
/// On success the caller owns `*out_list` and releases it with
/// `finesse_owned_wrap_up_reason_list_free`; on failure `*out_list` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_team_wrap_up_reasons(
    client: *const finesse_client,
    team_id: *const c_char,
    out_list: *mut *mut finesse_owned_wrap_up_reason_list,
) -> finesse_result {
    fallible(|| {
        let out = Out::required(out_list, "out_list")?;
        let client = unsafe { client_arg(client) }?;
        let team_id = unsafe { str_arg(team_id, "team_id") }?;
        let reasons: Vec<WrapUpReasonView> = client
            .team_wrap_up_reasons(team_id)?
            .into_iter()
            .map(WrapUpReasonView::new)
            .collect();
        unsafe { out.write(into_owned::<finesse_owned_wrap_up_reason_list>(reasons)) };
        Ok(())
    })
}
