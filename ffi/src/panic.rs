//! The panic boundary around every exported body.
//!
//! A panic must never unwind into C (since Rust 1.81 that aborts the host process). Each
//! exported function passes its body as a closure to [`fallible`] or [`infallible`], which catch
//! a panic and turn it into `FINESSE_RESULT_PANIC` or the function's documented fallback value.
//! Wrapping the body rather than the item keeps every signature plain for cbindgen and rustfmt.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr;

use crate::error::{Failure, finesse_result, record};

/// Runs the body of a fallible function: `Ok` becomes `FINESSE_RESULT_OK`; a failure or a panic
/// becomes the last error and its code.
pub(crate) fn fallible(body: impl FnOnce() -> Result<(), Failure>) -> finesse_result {
    // Handles are immutable or, for the config builder, always left valid between steps, so
    // nothing observable is broken when a panic is caught.
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => finesse_result::Ok,
        Ok(Err(failure)) => record(failure),
        Err(payload) => record(Failure::Panic(panic_message(payload))),
    }
}

/// Runs the body of an infallible function (an accessor, a free): `None` (a NULL handle, an
/// index out of range, an absent value) and a panic give the fallback value.
pub(crate) fn infallible<T: Fallback>(body: impl FnOnce() -> Option<T>) -> T {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(value) => value.unwrap_or_else(T::fallback),
        Err(payload) => {
            record(Failure::Panic(panic_message(payload)));
            T::fallback()
        }
    }
}

/// The value an infallible function returns when it has nothing to return.
pub(crate) trait Fallback {
    fn fallback() -> Self;
}

impl Fallback for () {
    fn fallback() -> Self {}
}

impl Fallback for usize {
    fn fallback() -> Self {
        0
    }
}

impl Fallback for bool {
    fn fallback() -> Self {
        false
    }
}

impl Fallback for u32 {
    fn fallback() -> Self {
        0
    }
}

impl Fallback for u64 {
    fn fallback() -> Self {
        0
    }
}

impl Fallback for u16 {
    fn fallback() -> Self {
        0
    }
}

/// Ids and numbers: Finesse itself writes -1 for "none".
impl Fallback for i64 {
    fn fallback() -> Self {
        -1
    }
}

impl Fallback for finesse_result {
    fn fallback() -> Self {
        finesse_result::Ok
    }
}

/// Strings and borrowed handles: NULL.
impl<T> Fallback for *const T {
    fn fallback() -> Self {
        ptr::null()
    }
}

fn panic_message(payload: Box<dyn Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "no message".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::CStr;

    use super::*;
    use crate::error::{finesse_last_error_code, finesse_last_error_message};

    #[test]
    fn a_panic_becomes_a_status_and_the_last_error() {
        let code = fallible(|| panic!("boom"));
        assert_eq!(code, finesse_result::Panic);
        assert_eq!(finesse_last_error_code(), finesse_result::Panic);
        let message = unsafe { CStr::from_ptr(finesse_last_error_message()) };
        assert!(message.to_str().unwrap().contains("boom"));
    }

    #[test]
    fn a_panic_in_an_accessor_gives_its_fallback() {
        assert_eq!(infallible::<i64>(|| panic!("boom")), -1);
        assert!(infallible::<*const u8>(|| panic!("boom")).is_null());
        assert_eq!(finesse_last_error_code(), finesse_result::Panic);
    }
}
