//! `finesse_dialog`, its participants, and `finesse_dialog_list`: calls as Finesse describes
//! them.

use std::ffi::{CStr, CString, c_char};

use ::finesse_client::{Dialog, Participant};

use crate::client::{client_arg, finesse_client};
use crate::error::finesse_result;
use crate::handles::{Handle, Out, borrow, free, into_owned, lend};
use crate::panic::{fallible, infallible};
use crate::strings::{bytes_arg, c_string, c_string_opt, ptr_of, str_arg};

/// A dialog: for voice, one call, with its call data and participants.
///
/// Owned when created by `finesse_get_dialog` or `finesse_dialog_from_xml` (release it with
/// `finesse_dialog_free`); borrowed when obtained from `finesse_dialog_list_get` (valid until
/// the list is freed; never free it). Immutable: safe to read from several threads at once.
/// Strings and participants it returns are borrowed from it and valid until it (or its list)
/// is freed.
pub struct finesse_dialog {
    _private: [u8; 0],
}

impl Handle for finesse_dialog {
    type Target = DialogView;
}

/// One party on a dialog: its address, state and the actions it may take now.
///
/// Always borrowed from its dialog (`finesse_dialog_participant`), valid until that dialog is
/// freed; there is no free function. Immutable: safe to read from several threads at once.
pub struct finesse_participant {
    _private: [u8; 0],
}

impl Handle for finesse_participant {
    type Target = ParticipantView;
}

/// A list of dialogs, as `finesse_get_dialogs` returns the agent's calls.
///
/// Created by `finesse_get_dialogs` or `finesse_dialog_list_from_xml`, released by
/// `finesse_dialog_list_free`, which also ends the dialogs borrowed from it. Immutable: safe
/// to read from several threads at once.
pub struct finesse_dialog_list {
    _private: [u8; 0],
}

impl Handle for finesse_dialog_list {
    type Target = Vec<DialogView>;
}

/// A dialog with its strings converted once, so accessors can lend them.
pub(crate) struct DialogView {
    id: CString,
    state: CString,
    from_address: CString,
    to_address: CString,
    media_type: CString,
    call_type: Option<CString>,
    dnis: Option<CString>,
    dialed_number: Option<CString>,
    wrap_up_reason: Option<CString>,
    /// Name and value, in document order.
    call_variables: Vec<(CString, CString)>,
    participants: Vec<ParticipantView>,
}

/// A participant with its strings converted once.
pub(crate) struct ParticipantView {
    media_address: CString,
    media_address_type: Option<CString>,
    state: CString,
    state_cause: Option<CString>,
    start_time: Option<CString>,
    state_change_time: Option<CString>,
    actions: Vec<CString>,
}

impl From<&Dialog> for DialogView {
    fn from(d: &Dialog) -> Self {
        let m = &d.media_properties;
        DialogView {
            id: c_string(&d.id),
            state: c_string(d.state.as_str()),
            from_address: c_string(&d.from_address),
            to_address: c_string(&d.to_address),
            media_type: c_string(&d.media_type),
            call_type: c_string_opt(m.call_type.as_ref().map(|t| t.as_str())),
            dnis: c_string_opt(m.dnis.as_deref()),
            dialed_number: c_string_opt(m.dialed_number.as_deref()),
            wrap_up_reason: c_string_opt(m.wrap_up_reason.as_deref()),
            call_variables: m
                .call_variables
                .iter()
                .map(|v| (c_string(&v.name), c_string(&v.value)))
                .collect(),
            participants: d.participants.iter().map(ParticipantView::from).collect(),
        }
    }
}

impl From<&Participant> for ParticipantView {
    fn from(p: &Participant) -> Self {
        ParticipantView {
            media_address: c_string(&p.media_address),
            media_address_type: c_string_opt(p.media_address_type.as_ref().map(|t| t.as_str())),
            state: c_string(p.state.as_str()),
            state_cause: c_string_opt(p.state_cause.as_ref().map(|c| c.as_str())),
            start_time: c_string_opt(p.start_time.as_deref()),
            state_change_time: c_string_opt(p.state_change_time.as_deref()),
            actions: p.actions.iter().map(|a| c_string(a.as_str())).collect(),
        }
    }
}

fn list_view(dialogs: &[Dialog]) -> Vec<DialogView> {
    dialogs.iter().map(DialogView::from).collect()
}

/// Reads an optional lookup key; NULL or non-UTF-8 finds nothing.
///
/// # Safety
/// `key` is NULL or a NUL-terminated string.
unsafe fn key<'a>(key: *const c_char) -> Option<&'a CStr> {
    // SAFETY: by the contract above.
    (!key.is_null()).then(|| unsafe { CStr::from_ptr(key) })
}

/// Lists the agent's current dialogs (GET `/finesse/api/User/<id>/Dialogs`).
///
/// On success the caller owns `*out_list` and releases it with `finesse_dialog_list_free`; on
/// failure `*out_list` is not written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_dialogs(
    client: *const finesse_client,
    out_list: *mut *mut finesse_dialog_list,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let out = Out::required(out_list, "out_list")?;
        let dialogs = client.dialogs()?;
        unsafe { out.write(into_owned::<finesse_dialog_list>(list_view(&dialogs))) };
        Ok(())
    })
}

/// Gets one dialog by id (GET `/finesse/api/Dialog/<id>`); `FINESSE_RESULT_NOT_FOUND` when the
/// call no longer exists.
///
/// On success the caller owns `*out_dialog` and releases it with `finesse_dialog_free`; on
/// failure `*out_dialog` is not written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_dialog(
    client: *const finesse_client,
    dialog_id: *const c_char,
    out_dialog: *mut *mut finesse_dialog,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let dialog_id = unsafe { str_arg(dialog_id, "dialog_id") }?;
        let out = Out::required(out_dialog, "out_dialog")?;
        let dialog = client.dialog(dialog_id)?;
        unsafe { out.write(into_owned::<finesse_dialog>(DialogView::from(&dialog))) };
        Ok(())
    })
}

/// Decodes a Dialog document (`len` bytes of XML at `xml`, e.g. the `<Dialog>` of a
/// notification), without any network call.
///
/// On success the caller owns `*out_dialog` and releases it with `finesse_dialog_free`; on
/// failure (`FINESSE_RESULT_DECODE` for a document that is not a Dialog) `*out_dialog` is not
/// written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_from_xml(
    xml: *const u8,
    len: usize,
    out_dialog: *mut *mut finesse_dialog,
) -> finesse_result {
    fallible(|| {
        let xml = unsafe { bytes_arg(xml, len, "xml") }?;
        let out = Out::required(out_dialog, "out_dialog")?;
        let dialog = Dialog::from_xml(xml)?;
        unsafe { out.write(into_owned::<finesse_dialog>(DialogView::from(&dialog))) };
        Ok(())
    })
}

/// Decodes a Dialogs document (`len` bytes of XML at `xml`), without any network call.
///
/// On success the caller owns `*out_list` and releases it with `finesse_dialog_list_free`; on
/// failure `*out_list` is not written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_list_from_xml(
    xml: *const u8,
    len: usize,
    out_list: *mut *mut finesse_dialog_list,
) -> finesse_result {
    fallible(|| {
        let xml = unsafe { bytes_arg(xml, len, "xml") }?;
        let out = Out::required(out_list, "out_list")?;
        let dialogs = Dialog::list_from_xml(xml)?;
        unsafe { out.write(into_owned::<finesse_dialog_list>(list_view(&dialogs))) };
        Ok(())
    })
}

/// Releases a dialog obtained as owned. NULL is a no-op; must not be called twice with the same
/// pointer, and never on a dialog borrowed from a list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_free(dialog: *mut finesse_dialog) {
    infallible(|| {
        unsafe { free(dialog) };
        Some(())
    })
}

/// Releases a dialog list and the dialogs borrowed from it. NULL is a no-op; must not be called
/// twice with the same pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_list_free(list: *mut finesse_dialog_list) {
    infallible(|| {
        unsafe { free(list) };
        Some(())
    })
}

/// The number of dialogs in `list` (0 when `list` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_list_count(list: *const finesse_dialog_list) -> usize {
    infallible(|| unsafe { borrow(list) }.map(Vec::len))
}

/// Dialog `index` of `list`, or NULL when `index` is out of range or `list` is NULL.
///
/// Borrowed from `list`, valid until the list is freed; never free it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_list_get(
    list: *const finesse_dialog_list,
    index: usize,
) -> *const finesse_dialog {
    infallible(|| {
        unsafe { borrow(list) }?
            .get(index)
            .map(lend::<finesse_dialog>)
    })
}

/// The dialog id (the call id, e.g. `"16777437"`), used by every call action. Borrowed from
/// `dialog`, valid until it is freed; NULL when `dialog` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_id(dialog: *const finesse_dialog) -> *const c_char {
    infallible(|| unsafe { borrow(dialog) }.map(|d| d.id.as_ptr()))
}

/// The dialog state as Finesse writes it: `"INITIATING"`, `"INITIATED"`, `"ALERTING"`,
/// `"ACTIVE"`, `"FAILED"`, `"DROPPED"`, ... (a newer server may send others). Borrowed from
/// `dialog`, valid until it is freed; NULL when `dialog` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_state(dialog: *const finesse_dialog) -> *const c_char {
    infallible(|| unsafe { borrow(dialog) }.map(|d| d.state.as_ptr()))
}

/// The calling party. Borrowed from `dialog`, valid until it is freed; NULL when `dialog` is
/// NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_from_address(
    dialog: *const finesse_dialog,
) -> *const c_char {
    infallible(|| unsafe { borrow(dialog) }.map(|d| d.from_address.as_ptr()))
}

/// The dialed number of the original call. Borrowed from `dialog`, valid until it is freed;
/// NULL when `dialog` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_to_address(dialog: *const finesse_dialog) -> *const c_char {
    infallible(|| unsafe { borrow(dialog) }.map(|d| d.to_address.as_ptr()))
}

/// The media routing domain name: `"Voice"` for calls. Borrowed from `dialog`, valid until it
/// is freed; NULL when `dialog` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_media_type(dialog: *const finesse_dialog) -> *const c_char {
    infallible(|| unsafe { borrow(dialog) }.map(|d| d.media_type.as_ptr()))
}

/// How the call came to be (`"ACD_IN"`, `"OUT"`, `"AGENT_INSIDE"`, `"CONSULT"`, ...), or NULL when
/// not given. Borrowed from `dialog`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_call_type(dialog: *const finesse_dialog) -> *const c_char {
    infallible(|| unsafe { borrow(dialog) }.and_then(|d| ptr_of(&d.call_type)))
}

/// The DNIS, or NULL when not given. Borrowed from `dialog`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_dnis(dialog: *const finesse_dialog) -> *const c_char {
    infallible(|| unsafe { borrow(dialog) }.and_then(|d| ptr_of(&d.dnis)))
}

/// The number dialed, or NULL when not given. Borrowed from `dialog`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_dialed_number(
    dialog: *const finesse_dialog,
) -> *const c_char {
    infallible(|| unsafe { borrow(dialog) }.and_then(|d| ptr_of(&d.dialed_number)))
}

/// The wrap-up reason set on the call, or NULL when none. Borrowed from `dialog`, valid until
/// it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_wrap_up_reason(
    dialog: *const finesse_dialog,
) -> *const c_char {
    infallible(|| unsafe { borrow(dialog) }.and_then(|d| ptr_of(&d.wrap_up_reason)))
}

/// The number of call variables (`callVariable1`-`10`, ECC `user.*`, Outbound `BA*`) on the
/// dialog, in document order (0 when `dialog` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_call_variable_count(
    dialog: *const finesse_dialog,
) -> usize {
    infallible(|| unsafe { borrow(dialog) }.map(|d| d.call_variables.len()))
}

/// The name of call variable `index`, or NULL when out of range. Borrowed from `dialog`, valid
/// until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_call_variable_name(
    dialog: *const finesse_dialog,
    index: usize,
) -> *const c_char {
    infallible(|| {
        let d = unsafe { borrow(dialog) }?;
        d.call_variables.get(index).map(|(name, _)| name.as_ptr())
    })
}

/// The value of call variable `index` (empty when unset), or NULL when out of range. Borrowed
/// from `dialog`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_call_variable_value(
    dialog: *const finesse_dialog,
    index: usize,
) -> *const c_char {
    infallible(|| {
        let d = unsafe { borrow(dialog) }?;
        d.call_variables.get(index).map(|(_, value)| value.as_ptr())
    })
}

/// The value of the call variable named `name` (e.g. `"callVariable1"`, `"user.CustomerId"`),
/// or NULL when the dialog has none of that name. `name` is borrowed for the call only.
/// The value is borrowed from `dialog`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_call_variable(
    dialog: *const finesse_dialog,
    name: *const c_char,
) -> *const c_char {
    infallible(|| {
        let d = unsafe { borrow(dialog) }?;
        let name = unsafe { key(name) }?;
        d.call_variables
            .iter()
            .find(|(n, _)| n.as_c_str() == name)
            .map(|(_, value)| value.as_ptr())
    })
}

/// The number of participants (parties) on the dialog (0 when `dialog` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_participant_count(dialog: *const finesse_dialog) -> usize {
    infallible(|| unsafe { borrow(dialog) }.map(|d| d.participants.len()))
}

/// Participant `index` of the dialog, or NULL when out of range. Borrowed from `dialog`, valid
/// until it is freed; never free it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_participant(
    dialog: *const finesse_dialog,
    index: usize,
) -> *const finesse_participant {
    infallible(|| {
        let d = unsafe { borrow(dialog) }?;
        d.participants.get(index).map(lend::<finesse_participant>)
    })
}

/// The participant whose media address is `media_address` (e.g. the agent's own extension), or
/// NULL when there is none. `media_address` is borrowed for the call only; the participant is
/// borrowed from `dialog`, valid until it is freed; never free it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_dialog_participant_by_address(
    dialog: *const finesse_dialog,
    media_address: *const c_char,
) -> *const finesse_participant {
    infallible(|| {
        let d = unsafe { borrow(dialog) }?;
        let address = unsafe { key(media_address) }?;
        d.participants
            .iter()
            .find(|p| p.media_address.as_c_str() == address)
            .map(lend::<finesse_participant>)
    })
}

/// The participant's extension or number. Borrowed from the dialog, valid until it is freed;
/// NULL when `participant` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_participant_media_address(
    participant: *const finesse_participant,
) -> *const c_char {
    infallible(|| unsafe { borrow(participant) }.map(|p| p.media_address.as_ptr()))
}

/// `"AGENT_DEVICE"` for an agent's phone; NULL for an external party. Borrowed from the dialog,
/// valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_participant_media_address_type(
    participant: *const finesse_participant,
) -> *const c_char {
    infallible(|| unsafe { borrow(participant) }.and_then(|p| ptr_of(&p.media_address_type)))
}

/// The participant's state: `"INITIATED"`, `"ALERTING"`, `"ACTIVE"`, `"HELD"`, `"FAILED"`,
/// `"DROPPED"`, `"WRAP_UP"`, ... Borrowed from the dialog, valid until it is freed; NULL when
/// `participant` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_participant_state(
    participant: *const finesse_participant,
) -> *const c_char {
    infallible(|| unsafe { borrow(participant) }.map(|p| p.state.as_ptr()))
}

/// Why the participant failed (`"BUSY"`, `"BAD_DESTINATION"`, `"OTHER"`, ...), or NULL when it did
/// not. Borrowed from the dialog, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_participant_state_cause(
    participant: *const finesse_participant,
) -> *const c_char {
    infallible(|| unsafe { borrow(participant) }.and_then(|p| ptr_of(&p.state_cause)))
}

/// When the participant joined, as the server wrote it, or NULL when not given. Borrowed from
/// the dialog, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_participant_start_time(
    participant: *const finesse_participant,
) -> *const c_char {
    infallible(|| unsafe { borrow(participant) }.and_then(|p| ptr_of(&p.start_time)))
}

/// When the participant's state last changed, or NULL when not given. Borrowed from the dialog,
/// valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_participant_state_change_time(
    participant: *const finesse_participant,
) -> *const c_char {
    infallible(|| unsafe { borrow(participant) }.and_then(|p| ptr_of(&p.state_change_time)))
}

/// The number of actions the participant may take now (0 when `participant` is NULL). Drive
/// buttons from the actions, not from the state.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_participant_action_count(
    participant: *const finesse_participant,
) -> usize {
    infallible(|| unsafe { borrow(participant) }.map(|p| p.actions.len()))
}

/// Action `index` of the participant (`"ANSWER"`, `"HOLD"`, `"RETRIEVE"`, `"DROP"`,
/// `"TRANSFER_SST"`, `"UPDATE_CALL_DATA"`, ...), or NULL when out of range. Borrowed from the
/// dialog, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_participant_action(
    participant: *const finesse_participant,
    index: usize,
) -> *const c_char {
    infallible(|| {
        let p = unsafe { borrow(participant) }?;
        p.actions.get(index).map(|a| a.as_ptr())
    })
}
