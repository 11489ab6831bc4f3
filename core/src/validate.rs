//! Client-side checks run before anything is sent, each naming the field at fault.
//!
//! The limits are Finesse's own (call variables 40 bytes, ECC 210 bytes each and 2000 bytes in
//! all, wrap-up reason 39 bytes): the CTI server silently truncates what exceeds them, so the
//! client refuses instead.

use std::collections::HashSet;

use crate::error::Error;
use crate::model::CallVariable;

/// Longest value of `callVariable1`-`10`, in bytes.
pub const CALL_VARIABLE_MAX_BYTES: usize = 40;
/// Longest value of one ECC (`user.*`) variable, in bytes.
pub const ECC_VARIABLE_MAX_BYTES: usize = 210;
/// Largest sum of ECC names (without `user.`) and values in one request, in bytes.
pub const ECC_TOTAL_MAX_BYTES: usize = 2000;
/// Longest wrap-up reason, in bytes.
pub const WRAP_UP_REASON_MAX_BYTES: usize = 39;
/// Longest address accepted: far above any dial string, it only bounds what is sent.
pub const ADDRESS_MAX_BYTES: usize = 128;

/// Where call variables are being written: MAKE_CALL accepts fewer than UPDATE_CALL_DATA.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum VariableUse {
    MakeCall,
    UpdateCallData,
}

/// A dial string or extension: non-empty printable ASCII, passed on verbatim.
pub(crate) fn address(field: &str, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if value.len() > ADDRESS_MAX_BYTES {
        return Err(Error::invalid(
            field,
            format!("longer than {ADDRESS_MAX_BYTES} bytes"),
        ));
    }
    if let Some(c) = value.chars().find(|c| !(' '..='~').contains(c)) {
        return Err(Error::invalid(
            field,
            format!("contains {c:?}; only printable ASCII is accepted"),
        ));
    }
    Ok(())
}

/// A path segment naming a resource (user or dialog id): no characters that would change
/// the URL.
pub(crate) fn path_segment(field: &str, value: &str) -> Result<(), Error> {
    if value.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if value.len() > ADDRESS_MAX_BYTES {
        return Err(Error::invalid(
            field,
            format!("longer than {ADDRESS_MAX_BYTES} bytes"),
        ));
    }
    if let Some(c) = value
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '@')))
    {
        return Err(Error::invalid(
            field,
            format!("contains {c:?}; only letters, digits and _ - . @ are accepted"),
        ));
    }
    Ok(())
}

/// DTMF digits: 0-9, *, #, A-D (CCX accepts only 0-9, * and #; the server says so).
pub(crate) fn dtmf(digits: &str) -> Result<(), Error> {
    if digits.is_empty() {
        return Err(Error::invalid("digits", "must not be empty"));
    }
    if let Some(c) = digits
        .chars()
        .find(|c| !(c.is_ascii_digit() || matches!(c, '*' | '#' | 'A'..='D')))
    {
        return Err(Error::invalid(
            "digits",
            format!("contains {c:?}; DTMF digits are 0-9, *, # and A-D"),
        ));
    }
    Ok(())
}

/// A wrap-up reason: at most 39 bytes of text.
pub(crate) fn wrap_up_reason(reason: &str) -> Result<(), Error> {
    if reason.trim().is_empty() {
        return Err(Error::invalid("wrap_up_reason", "must not be empty"));
    }
    if reason.len() > WRAP_UP_REASON_MAX_BYTES {
        return Err(Error::invalid(
            "wrap_up_reason",
            format!(
                "{} bytes, longer than the {WRAP_UP_REASON_MAX_BYTES}-byte limit",
                reason.len()
            ),
        ));
    }
    text("wrap_up_reason", reason)
}

/// Call variables: names, sizes, duplicates, and what the request kind allows.
pub(crate) fn call_variables(vars: &[CallVariable], usage: VariableUse) -> Result<(), Error> {
    let mut seen = HashSet::new();
    let mut ecc_total = 0usize;
    for var in vars {
        let field = format!("call_variables[{}]", var.name);
        if !seen.insert(var.name.as_str()) {
            return Err(Error::invalid(field, "given more than once"));
        }
        match classify(&var.name) {
            Kind::Peripheral => {
                if var.value.len() > CALL_VARIABLE_MAX_BYTES {
                    return Err(Error::invalid(
                        field,
                        format!(
                            "value of {} bytes exceeds the {CALL_VARIABLE_MAX_BYTES}-byte limit",
                            var.value.len()
                        ),
                    ));
                }
            }
            Kind::Ecc => {
                if var.value.len() > ECC_VARIABLE_MAX_BYTES {
                    return Err(Error::invalid(
                        field,
                        format!(
                            "value of {} bytes exceeds the {ECC_VARIABLE_MAX_BYTES}-byte ECC limit",
                            var.value.len()
                        ),
                    ));
                }
                ecc_total += var.name.len() - "user.".len() + var.value.len();
            }
            Kind::Outbound => {
                return Err(Error::invalid(
                    field,
                    "Outbound Option (BA*) variables are read-only",
                ));
            }
            Kind::WrapUpReason if usage == VariableUse::MakeCall => {
                return Err(Error::invalid(
                    field,
                    "a wrap-up reason cannot be set when making a call; set it with \
                     UPDATE_CALL_DATA once the call exists",
                ));
            }
            Kind::WrapUpReason => {
                return Err(Error::invalid(
                    field,
                    "the wrap-up reason is not a call variable; set it with wrap_up_reason",
                ));
            }
            Kind::Malformed => {
                return Err(Error::invalid(
                    field,
                    "not a call variable name: use callVariable1-callVariable10, \
                     user.<name> or user.<name>[<index>]",
                ));
            }
        }
        text(&field, &var.value)?;
    }
    if ecc_total > ECC_TOTAL_MAX_BYTES {
        return Err(Error::invalid(
            "call_variables",
            format!(
                "ECC variables total {ecc_total} bytes, over the {ECC_TOTAL_MAX_BYTES}-byte limit"
            ),
        ));
    }
    Ok(())
}

/// Text that will go into an XML body: XML 1.0 allows no control characters but tab, line
/// feed and carriage return.
fn text(field: &str, value: &str) -> Result<(), Error> {
    match value
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        Some(c) => Err(Error::invalid(
            field,
            format!("contains the control character {c:?}"),
        )),
        None => Ok(()),
    }
}

enum Kind {
    Peripheral,
    Ecc,
    Outbound,
    WrapUpReason,
    Malformed,
}

fn classify(name: &str) -> Kind {
    if let Some(n) = name.strip_prefix("callVariable") {
        return match n.parse::<u8>() {
            Ok(1..=10) if !n.starts_with('0') => Kind::Peripheral,
            _ => Kind::Malformed,
        };
    }
    if let Some(rest) = name.strip_prefix("user.") {
        let (base, index) = match rest.split_once('[') {
            Some((base, idx)) => (base, Some(idx)),
            None => (rest, None),
        };
        let base_ok = !base.is_empty()
            && base
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
        let index_ok = match index {
            None => true,
            Some(idx) => idx
                .strip_suffix(']')
                .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit())),
        };
        return if base_ok && index_ok {
            Kind::Ecc
        } else {
            Kind::Malformed
        };
    }
    if name.starts_with("BA") {
        return Kind::Outbound;
    }
    if name.eq_ignore_ascii_case("wrapUpReason") {
        return Kind::WrapUpReason;
    }
    Kind::Malformed
}
