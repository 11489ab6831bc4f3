//! `finesse_client`: one agent's connection to Finesse.

use std::ffi::c_char;

use ::finesse_client::{Client, Error};

use crate::config::finesse_config;
use crate::error::{Failure, finesse_result};
use crate::handles::{Handle, Out, arg, free, into_owned, take};
use crate::panic::{fallible, infallible};

/// A Finesse client for one agent (or supervisor).
///
/// Created by `finesse_client_new`, released by `finesse_client_free`. Safe to share across
/// threads: every operation takes a `const finesse_client *` and may be called from several
/// threads at once (commands from one client are sent one at a time, GETs run concurrently).
/// Free it only once no other thread uses it. Under the hood a `finesse_client::Client`, which
/// shares one connection pool behind a reference count.
pub struct finesse_client {
    _private: [u8; 0],
}

impl Handle for finesse_client {
    type Target = Client;
}

/// Creates a client from `config`, checking the configuration (URLs, credentials, CA files,
/// timeouts). Nothing is sent until the first operation.
///
/// Consumes `config` in every case, success or failure: do not use or free it afterwards.
/// On success the caller owns `*out_client` and releases it with `finesse_client_free`; on
/// failure `*out_client` is not written.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_client_new(
    config: *mut finesse_config,
    out_client: *mut *mut finesse_client,
) -> finesse_result {
    fallible(|| {
        let builder =
            unsafe { take(config) }.ok_or_else(|| Failure::NullArgument("config".to_owned()))?;
        let out = Out::required(out_client, "out_client")?;
        let client = Client::new(builder.build()?)?;
        unsafe { out.write(into_owned::<finesse_client>(client)) };
        Ok(())
    })
}

/// Releases a client and its connections. NULL is a no-op; must not be called twice with the
/// same pointer, nor while another thread uses the client.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_client_free(client: *mut finesse_client) {
    infallible(|| {
        unsafe { free(client) };
        Some(())
    })
}

/// Copies the URL of the node requests go to (side A, or side B after a failover; while a
/// notification session runs, the session's node) into `buffer`, NUL-terminated, and its
/// length without the NUL into `*out_len` when `out_len` is not NULL. A `capacity` too small
/// for it is `FINESSE_RESULT_INVALID_ARGUMENT`, with nothing written; 256 bytes always fit a
/// node URL.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_client_active_node(
    client: *const finesse_client,
    buffer: *mut c_char,
    capacity: usize,
    out_len: *mut usize,
) -> finesse_result {
    fallible(|| {
        let client = unsafe { arg(client, "client") }?;
        if buffer.is_null() {
            return Err(Failure::NullArgument("buffer".to_owned()));
        }
        let node = client.active_node();
        if node.len() >= capacity {
            return Err(Error::InvalidArgument {
                field: "capacity".to_owned(),
                message: format!("{} bytes are needed, with the NUL", node.len() + 1),
            }
            .into());
        }
        // SAFETY: the caller's buffer holds `capacity` bytes, more than the URL and its NUL.
        unsafe {
            std::ptr::copy_nonoverlapping(node.as_ptr(), buffer.cast(), node.len());
            *buffer.add(node.len()) = 0;
        }
        if let Some(out) = Out::optional(out_len) {
            unsafe { out.write(node.len()) };
        }
        Ok(())
    })
}

/// Borrows the client behind a required `client` argument.
///
/// # Safety
/// `client` is NULL or a live handle from `finesse_client_new`.
pub(crate) unsafe fn client_arg<'a>(client: *const finesse_client) -> Result<&'a Client, Failure> {
    unsafe { arg(client, "client") }
}
