//! Opaque handles: how a C pointer maps to the Rust value behind it, and out-params.
//!
//! Each C type (`finesse_client`, `finesse_dialog`, ...) is an empty struct that cbindgen emits
//! as a forward declaration. [`Handle`] ties it to the Rust value the pointer really points to,
//! so a pointer is only ever cast back to the type it was made from.

use std::ptr::NonNull;

use crate::error::Failure;

/// Links an opaque C type to its Rust value.
pub(crate) trait Handle {
    /// The value a pointer to the C type points to. C hands handles between threads, and the
    /// client and the immutable handles are used from several threads at once.
    type Target: Send + Sync;
}

/// Moves `value` to the heap and hands it to C as an owned handle, to be released by
/// [`free`].
pub(crate) fn into_owned<H: Handle>(value: H::Target) -> *mut H {
    Box::into_raw(Box::new(value)).cast()
}

/// A pointer C may use to borrow `value` (a dialog of a list, a participant of a dialog).
pub(crate) fn lend<H: Handle>(value: &H::Target) -> *const H {
    (value as *const H::Target).cast()
}

/// Borrows the value behind a handle; `None` for NULL.
///
/// # Safety
/// `ptr` is NULL, or came from [`into_owned`] or [`lend`] for this `H` and is still alive.
pub(crate) unsafe fn borrow<'a, H: Handle>(ptr: *const H) -> Option<&'a H::Target> {
    // SAFETY: by the contract above, a non-NULL pointer points to a live `H::Target`.
    unsafe { ptr.cast::<H::Target>().as_ref() }
}

/// Borrows the value behind a required handle argument.
///
/// # Safety
/// As for [`borrow`].
pub(crate) unsafe fn arg<'a, H: Handle>(
    ptr: *const H,
    name: &str,
) -> Result<&'a H::Target, Failure> {
    unsafe { borrow(ptr) }.ok_or_else(|| Failure::NullArgument(name.to_owned()))
}

/// Borrows the value behind a required handle argument, mutably.
///
/// # Safety
/// `ptr` is NULL, or came from [`into_owned`] for this `H`, is alive and not used elsewhere
/// at the same time.
pub(crate) unsafe fn arg_mut<'a, H: Handle>(
    ptr: *mut H,
    name: &str,
) -> Result<&'a mut H::Target, Failure> {
    // SAFETY: by the contract above.
    unsafe { ptr.cast::<H::Target>().as_mut() }
        .ok_or_else(|| Failure::NullArgument(name.to_owned()))
}

/// Takes back ownership of the value behind an owned handle; `None` for NULL.
///
/// # Safety
/// `ptr` is NULL, or came from [`into_owned`] for this `H` and was not taken back before.
pub(crate) unsafe fn take<H: Handle>(ptr: *mut H) -> Option<H::Target> {
    // SAFETY: by the contract above, the pointer is a live box made by `into_owned`.
    NonNull::new(ptr).map(|p| *unsafe { Box::from_raw(p.as_ptr().cast::<H::Target>()) })
}

/// Releases an owned handle; NULL is a no-op.
///
/// # Safety
/// As for [`take`].
pub(crate) unsafe fn free<H: Handle>(ptr: *mut H) {
    drop(unsafe { take(ptr) });
}

/// An out-param checked to be non-NULL, written only once the call has succeeded.
pub(crate) struct Out<T>(NonNull<T>);

impl<T> Out<T> {
    /// Checks a required out-param; NULL is a [`Failure::NullArgument`].
    pub(crate) fn required(ptr: *mut T, name: &str) -> Result<Out<T>, Failure> {
        NonNull::new(ptr)
            .map(Out)
            .ok_or_else(|| Failure::NullArgument(name.to_owned()))
    }

    /// An optional out-param: NULL means the caller does not want the value.
    pub(crate) fn optional(ptr: *mut T) -> Option<Out<T>> {
        NonNull::new(ptr).map(Out)
    }

    /// Writes the result.
    ///
    /// # Safety
    /// The pointer given to [`Out::required`] or [`Out::optional`] is valid for a write of `T`.
    pub(crate) unsafe fn write(self, value: T) {
        // SAFETY: by the contract above; `write` does not read the (possibly uninitialized)
        // old value.
        unsafe { self.0.as_ptr().write(value) }
    }
}
