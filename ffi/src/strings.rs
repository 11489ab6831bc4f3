//! C strings in (NUL-terminated UTF-8) and out (borrowed from the handle that owns them).

use std::ffi::{CStr, CString, c_char};

use crate::error::Failure;

/// Reads a required string argument.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string that outlives the call.
pub(crate) unsafe fn str_arg<'a>(ptr: *const c_char, name: &str) -> Result<&'a str, Failure> {
    if ptr.is_null() {
        return Err(Failure::NullArgument(name.to_owned()));
    }
    // SAFETY: non-NULL and NUL-terminated by the contract above.
    unsafe { CStr::from_ptr(ptr) }
        .to_str()
        .map_err(|_| Failure::InvalidUtf8(name.to_owned()))
}

/// Reads an optional string argument: NULL is `None`.
///
/// # Safety
/// As for [`str_arg`].
pub(crate) unsafe fn optional_str_arg<'a>(
    ptr: *const c_char,
    name: &str,
) -> Result<Option<&'a str>, Failure> {
    if ptr.is_null() {
        Ok(None)
    } else {
        unsafe { str_arg(ptr, name) }.map(Some)
    }
}

/// Reads a required byte buffer of `len` bytes (a PEM text, an XML document).
///
/// # Safety
/// `ptr` is NULL or points to `len` readable bytes that outlive the call.
pub(crate) unsafe fn bytes_arg<'a>(
    ptr: *const u8,
    len: usize,
    name: &str,
) -> Result<&'a [u8], Failure> {
    if ptr.is_null() {
        return Err(Failure::NullArgument(name.to_owned()));
    }
    // SAFETY: non-NULL with `len` readable bytes by the contract above.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// Reads `count` name-value pairs from two parallel arrays of strings. With `count` 0 both
/// arrays may be NULL.
///
/// # Safety
/// When `count` > 0, `names` and `values` are NULL or point to `count` pointers, each NULL or
/// a NUL-terminated string that outlives the call.
pub(crate) unsafe fn pairs<'a>(
    names: *const *const c_char,
    values: *const *const c_char,
    count: usize,
) -> Result<Vec<(&'a str, &'a str)>, Failure> {
    if count == 0 {
        return Ok(Vec::new());
    }
    if names.is_null() {
        return Err(Failure::NullArgument("var_names".to_owned()));
    }
    if values.is_null() {
        return Err(Failure::NullArgument("var_values".to_owned()));
    }
    // SAFETY: both arrays hold `count` elements by the contract above.
    let (names, values) = unsafe {
        (
            std::slice::from_raw_parts(names, count),
            std::slice::from_raw_parts(values, count),
        )
    };
    names
        .iter()
        .zip(values)
        .enumerate()
        .map(|(i, (&name, &value))| {
            let name = unsafe { str_arg(name, &format!("var_names[{i}]")) }?;
            let value = unsafe { str_arg(value, &format!("var_values[{i}]")) }?;
            Ok((name, value))
        })
        .collect()
}

/// A C copy of `s`. Finesse text never contains NUL (XML forbids it); should one appear, the
/// string is cut there rather than refused.
pub(crate) fn c_string(s: &str) -> CString {
    let end = s.find('\0').unwrap_or(s.len());
    CString::new(&s[..end]).unwrap_or_default()
}

/// An optional C copy of `s`.
pub(crate) fn c_string_opt(s: Option<&str>) -> Option<CString> {
    s.map(c_string)
}

/// A pointer to an optional borrowed string; NULL when absent.
pub(crate) fn ptr_of(s: &Option<CString>) -> Option<*const c_char> {
    s.as_ref().map(|s| s.as_ptr())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_cuts_the_string() {
        assert_eq!(c_string("a\0b").as_bytes(), b"a");
        assert_eq!(c_string("callVariable1").as_bytes(), b"callVariable1");
    }

    #[test]
    fn pairs_name_the_element_at_fault() {
        let names = [c"callVariable1".as_ptr(), std::ptr::null()];
        let values = [c"a".as_ptr(), c"b".as_ptr()];
        let Err(Failure::NullArgument(name)) =
            (unsafe { pairs(names.as_ptr(), values.as_ptr(), 2) })
        else {
            panic!("a NULL name must be refused");
        };
        assert_eq!(name, "var_names[1]");
        let none = unsafe { pairs(std::ptr::null(), std::ptr::null(), 0) };
        assert!(none.is_ok_and(|pairs| pairs.is_empty()));
    }
}
