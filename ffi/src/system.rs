//! The node's SystemInfo, and the reason codes and wrap-up reasons available to the agent.

use std::ffi::{CString, c_char};

use ::finesse_client::{ReasonCode, ReasonCodeCategory, SystemInfo, WrapUpReason};

use crate::client::{client_arg, finesse_client};
use crate::error::{finesse_result, invalid_argument};
use crate::handles::{Handle, Out, borrow, free, into_owned};
use crate::panic::{fallible, infallible};
use crate::strings::{bytes_arg, c_string, c_string_opt, ptr_of};

/// The category of a reason code, passed to `finesse_get_reason_codes` as a `uint32_t`.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum finesse_reason_category {
    /// Reasons for NOT_READY (`finesse_not_ready`).
    NotReady = 1,
    /// Reasons for signing out (`finesse_sign_out`).
    Logout = 2,
}

/// A Finesse node's description: service status, deployment type, XMPP domain, peers.
///
/// Created by `finesse_get_system_info` or `finesse_system_info_from_xml`, released by
/// `finesse_system_info_free`. Immutable: safe to read from several threads at once. Strings it
/// returns are borrowed from it and valid until it is freed.
pub struct finesse_system_info {
    _private: [u8; 0],
}

impl Handle for finesse_system_info {
    type Target = SystemInfoView;
}

/// The reason codes of one category, each with its Finesse id, code and label.
///
/// Created by `finesse_get_reason_codes` or `finesse_reason_code_list_from_xml`, released by
/// `finesse_reason_code_list_free`. Immutable: safe to read from several threads at once.
/// Strings it returns are borrowed from it and valid until it is freed.
pub struct finesse_reason_code_list {
    _private: [u8; 0],
}

impl Handle for finesse_reason_code_list {
    type Target = Vec<ReasonCodeView>;
}

/// The wrap-up reasons available to the agent, each with its id and label.
///
/// Created by `finesse_get_wrap_up_reasons` or `finesse_wrap_up_reason_list_from_xml`,
/// released by `finesse_wrap_up_reason_list_free`. Immutable: safe to read from several threads
/// at once. Strings it returns are borrowed from it and valid until it is freed.
pub struct finesse_wrap_up_reason_list {
    _private: [u8; 0],
}

impl Handle for finesse_wrap_up_reason_list {
    type Target = Vec<WrapUpReasonView>;
}

/// SystemInfo with its strings converted once.
pub(crate) struct SystemInfoView {
    status: CString,
    status_reason: Option<CString>,
    deployment_type: Option<CString>,
    xmpp_domain: Option<CString>,
    primary_node: Option<CString>,
    secondary_node: Option<CString>,
    current_timestamp: Option<CString>,
}

impl From<&SystemInfo> for SystemInfoView {
    fn from(s: &SystemInfo) -> Self {
        SystemInfoView {
            status: c_string(s.status.as_str()),
            status_reason: c_string_opt(s.status_reason.as_deref()),
            deployment_type: c_string_opt(s.deployment_type.as_ref().map(|d| d.as_str())),
            xmpp_domain: c_string_opt(s.xmpp_domain.as_deref()),
            primary_node: c_string_opt(s.primary_node.as_deref()),
            secondary_node: c_string_opt(s.secondary_node.as_deref()),
            current_timestamp: c_string_opt(s.current_timestamp.as_deref()),
        }
    }
}

/// A reason code with its label converted once.
pub(crate) struct ReasonCodeView {
    id: i64,
    code: i64,
    label: CString,
    category: Option<CString>,
}

impl From<&ReasonCode> for ReasonCodeView {
    fn from(r: &ReasonCode) -> Self {
        ReasonCodeView {
            id: r.id.unwrap_or(-1),
            code: r.code.unwrap_or(-1),
            label: c_string(&r.label),
            category: c_string_opt(r.category.as_ref().map(|c| c.as_str())),
        }
    }
}

/// A wrap-up reason with its label converted once.
pub(crate) struct WrapUpReasonView {
    id: i64,
    label: CString,
}

impl From<&WrapUpReason> for WrapUpReasonView {
    fn from(w: &WrapUpReason) -> Self {
        WrapUpReasonView {
            id: w.id.unwrap_or(-1),
            label: c_string(&w.label),
        }
    }
}

fn category(value: u32) -> Option<ReasonCodeCategory> {
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

/// Gets the node's SystemInfo (GET `/finesse/api/SystemInfo`).
///
/// On success the caller owns `*out_info` and releases it with `finesse_system_info_free`; on
/// failure `*out_info` is not written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_system_info(
    client: *const finesse_client,
    out_info: *mut *mut finesse_system_info,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let out = Out::required(out_info, "out_info")?;
        let info = client.system_info()?;
        unsafe {
            out.write(into_owned::<finesse_system_info>(SystemInfoView::from(
                &info,
            )))
        };
        Ok(())
    })
}

/// Decodes a SystemInfo document (`len` bytes of XML at `xml`), without any network call.
///
/// On success the caller owns `*out_info` and releases it with `finesse_system_info_free`; on
/// failure `*out_info` is not written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_system_info_from_xml(
    xml: *const u8,
    len: usize,
    out_info: *mut *mut finesse_system_info,
) -> finesse_result {
    fallible(|| {
        let xml = unsafe { bytes_arg(xml, len, "xml") }?;
        let out = Out::required(out_info, "out_info")?;
        let info = SystemInfo::from_xml(xml)?;
        unsafe {
            out.write(into_owned::<finesse_system_info>(SystemInfoView::from(
                &info,
            )))
        };
        Ok(())
    })
}

/// Releases a SystemInfo. NULL is a no-op; must not be called twice with the same pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_system_info_free(info: *mut finesse_system_info) {
    infallible(|| {
        unsafe { free(info) };
        Some(())
    })
}

/// The node's status: `"IN_SERVICE"`, `"OUT_OF_SERVICE"` or `"PARTIAL_SERVICE"`. Borrowed from
/// `info`, valid until it is freed; NULL when `info` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_system_info_status(
    info: *const finesse_system_info,
) -> *const c_char {
    infallible(|| unsafe { borrow(info) }.map(|s| s.status.as_ptr()))
}

/// Why the node is not in service, or NULL. Borrowed from `info`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_system_info_status_reason(
    info: *const finesse_system_info,
) -> *const c_char {
    infallible(|| unsafe { borrow(info) }.and_then(|s| ptr_of(&s.status_reason)))
}

/// `"UCCE"`, `"UCCX"` or `"PCCE"`, or NULL when not given. Borrowed from `info`, valid until it
/// is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_system_info_deployment_type(
    info: *const finesse_system_info,
) -> *const c_char {
    infallible(|| unsafe { borrow(info) }.and_then(|s| ptr_of(&s.deployment_type)))
}

/// The XMPP domain, or NULL when not given. Borrowed from `info`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_system_info_xmpp_domain(
    info: *const finesse_system_info,
) -> *const c_char {
    infallible(|| unsafe { borrow(info) }.and_then(|s| ptr_of(&s.xmpp_domain)))
}

/// The side A host, or NULL when not given. Borrowed from `info`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_system_info_primary_node(
    info: *const finesse_system_info,
) -> *const c_char {
    infallible(|| unsafe { borrow(info) }.and_then(|s| ptr_of(&s.primary_node)))
}

/// The side B host, or NULL when there is none. Borrowed from `info`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_system_info_secondary_node(
    info: *const finesse_system_info,
) -> *const c_char {
    infallible(|| unsafe { borrow(info) }.and_then(|s| ptr_of(&s.secondary_node)))
}

/// The server's clock as it wrote it, or NULL when not given. Borrowed from `info`, valid until
/// it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_system_info_current_timestamp(
    info: *const finesse_system_info,
) -> *const c_char {
    infallible(|| unsafe { borrow(info) }.and_then(|s| ptr_of(&s.current_timestamp)))
}

/// Lists the reason codes of `category` (a `finesse_reason_category` value) available to the
/// agent; `FINESSE_RESULT_INVALID_ARGUMENT` for any other value.
///
/// On success the caller owns `*out_list` and releases it with `finesse_reason_code_list_free`;
/// on failure `*out_list` is not written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_reason_codes(
    client: *const finesse_client,
    category: u32,
    out_list: *mut *mut finesse_reason_code_list,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let out = Out::required(out_list, "out_list")?;
        let category = self::category(category).ok_or_else(|| {
            invalid_argument(
                "category",
                format!("{category} is not a finesse_reason_category value"),
            )
        })?;
        let codes = client.reason_codes(category)?;
        let view: Vec<_> = codes.iter().map(ReasonCodeView::from).collect();
        unsafe { out.write(into_owned::<finesse_reason_code_list>(view)) };
        Ok(())
    })
}

/// Decodes a ReasonCodes document (`len` bytes of XML at `xml`), without any network call.
///
/// On success the caller owns `*out_list` and releases it with `finesse_reason_code_list_free`;
/// on failure `*out_list` is not written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_reason_code_list_from_xml(
    xml: *const u8,
    len: usize,
    out_list: *mut *mut finesse_reason_code_list,
) -> finesse_result {
    fallible(|| {
        let xml = unsafe { bytes_arg(xml, len, "xml") }?;
        let out = Out::required(out_list, "out_list")?;
        let codes = ReasonCode::list_from_xml(xml)?;
        let view: Vec<_> = codes.iter().map(ReasonCodeView::from).collect();
        unsafe { out.write(into_owned::<finesse_reason_code_list>(view)) };
        Ok(())
    })
}

/// Releases a reason code list. NULL is a no-op; must not be called twice with the same
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_reason_code_list_free(list: *mut finesse_reason_code_list) {
    infallible(|| {
        unsafe { free(list) };
        Some(())
    })
}

/// The number of reason codes in `list` (0 when `list` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_reason_code_list_count(
    list: *const finesse_reason_code_list,
) -> usize {
    infallible(|| unsafe { borrow(list) }.map(Vec::len))
}

/// The Finesse id of reason code `index`: the value `finesse_not_ready` and `finesse_sign_out`
/// take. -1 when out of range or unknown.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_reason_code_list_id(
    list: *const finesse_reason_code_list,
    index: usize,
) -> i64 {
    infallible(|| unsafe { borrow(list) }?.get(index).map(|r| r.id))
}

/// The CTI reason code number of reason code `index` (e.g. 50006); -1 when out of range or
/// not given.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_reason_code_list_code(
    list: *const finesse_reason_code_list,
    index: usize,
) -> i64 {
    infallible(|| unsafe { borrow(list) }?.get(index).map(|r| r.code))
}

/// The label of reason code `index`, as shown to agents, or NULL when out of range. Borrowed
/// from `list`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_reason_code_list_label(
    list: *const finesse_reason_code_list,
    index: usize,
) -> *const c_char {
    infallible(|| {
        unsafe { borrow(list) }?
            .get(index)
            .map(|r| r.label.as_ptr())
    })
}

/// The category of reason code `index` (`"NOT_READY"` or `"LOGOUT"`), or NULL when out of range
/// or not given. Borrowed from `list`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_reason_code_list_category(
    list: *const finesse_reason_code_list,
    index: usize,
) -> *const c_char {
    infallible(|| ptr_of(&unsafe { borrow(list) }?.get(index)?.category))
}

/// Lists the wrap-up reasons available to the agent.
///
/// On success the caller owns `*out_list` and releases it with
/// `finesse_wrap_up_reason_list_free`; on failure `*out_list` is not written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_get_wrap_up_reasons(
    client: *const finesse_client,
    out_list: *mut *mut finesse_wrap_up_reason_list,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { client_arg(client) }?;
        let out = Out::required(out_list, "out_list")?;
        let reasons = client.wrap_up_reasons()?;
        let view: Vec<_> = reasons.iter().map(WrapUpReasonView::from).collect();
        unsafe { out.write(into_owned::<finesse_wrap_up_reason_list>(view)) };
        Ok(())
    })
}

/// Decodes a WrapUpReasons document (`len` bytes of XML at `xml`), without any network call.
///
/// On success the caller owns `*out_list` and releases it with
/// `finesse_wrap_up_reason_list_free`; on failure `*out_list` is not written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_wrap_up_reason_list_from_xml(
    xml: *const u8,
    len: usize,
    out_list: *mut *mut finesse_wrap_up_reason_list,
) -> finesse_result {
    fallible(|| {
        let xml = unsafe { bytes_arg(xml, len, "xml") }?;
        let out = Out::required(out_list, "out_list")?;
        let reasons = WrapUpReason::list_from_xml(xml)?;
        let view: Vec<_> = reasons.iter().map(WrapUpReasonView::from).collect();
        unsafe { out.write(into_owned::<finesse_wrap_up_reason_list>(view)) };
        Ok(())
    })
}

/// Releases a wrap-up reason list. NULL is a no-op; must not be called twice with the same
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_wrap_up_reason_list_free(list: *mut finesse_wrap_up_reason_list) {
    infallible(|| {
        unsafe { free(list) };
        Some(())
    })
}

/// The number of wrap-up reasons in `list` (0 when `list` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_wrap_up_reason_list_count(
    list: *const finesse_wrap_up_reason_list,
) -> usize {
    infallible(|| unsafe { borrow(list) }.map(Vec::len))
}

/// The Finesse id of wrap-up reason `index`, or -1 when out of range or unknown.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_wrap_up_reason_list_id(
    list: *const finesse_wrap_up_reason_list,
    index: usize,
) -> i64 {
    infallible(|| unsafe { borrow(list) }?.get(index).map(|w| w.id))
}

/// The label of wrap-up reason `index`: the text `finesse_update_call_data` takes as
/// `wrap_up_reason`. NULL when out of range. Borrowed from `list`, valid until it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_wrap_up_reason_list_label(
    list: *const finesse_wrap_up_reason_list,
    index: usize,
) -> *const c_char {
    infallible(|| {
        unsafe { borrow(list) }?
            .get(index)
            .map(|w| w.label.as_ptr())
    })
}
