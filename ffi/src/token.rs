//! `finesse_config_set_token_provider`: SSO access tokens from a C callback.

use std::ffi::{CStr, c_char, c_void};
use std::time::Duration;

use ::finesse_client::AccessToken;

use crate::config::{finesse_config, update};
use crate::error::{Failure, finesse_result};
use crate::handles::arg_mut;
use crate::panic::fallible;
use crate::strings::str_arg;

/// The room given to the callback for a token: SSO access tokens (JWTs) are a few KiB.
const TOKEN_CAPACITY: usize = 16 * 1024;

/// The application's token callback (see `finesse_config_set_token_provider`).
type TokenCallback = unsafe extern "C" fn(*mut c_void, *mut c_char, usize, *mut u32) -> i32;

/// The application's callback and its pointer.
struct Provider {
    callback: TokenCallback,
    user_data: *mut c_void,
}

// SAFETY: the API contract of `finesse_config_set_token_provider`: the callback is safe to
// call from any thread, and `user_data` is only passed back to it.
unsafe impl Send for Provider {}
unsafe impl Sync for Provider {}

impl Provider {
    fn token(&self) -> Result<AccessToken, ::finesse_client::TokenError> {
        let mut buffer = vec![0u8; TOKEN_CAPACITY];
        let mut expires_in = 0u32;
        // SAFETY: the callback's contract; the buffer and the integer outlive the call.
        let status = unsafe {
            (self.callback)(
                self.user_data,
                buffer.as_mut_ptr().cast(),
                buffer.len(),
                &mut expires_in,
            )
        };
        if status != 0 {
            return Err(format!("the token callback returned {status}").into());
        }
        let token = CStr::from_bytes_until_nul(&buffer)
            .map_err(|_| "the token callback wrote no NUL-terminated token")?
            .to_str()
            .map_err(|_| "the token callback wrote a token that is not UTF-8")?;
        Ok(AccessToken::new(
            token,
            Duration::from_secs(expires_in.into()),
        ))
    }
}

/// Authenticates with SSO access tokens from `provider` for agent `login_id`: the client asks
/// for one at first use, again once 75% of its lifetime has passed (as Cisco asks of
/// third-party applications), and once after the server rejects the one in use; REST and
/// notification sessions use the same token. A rejected token the provider gives again is
/// never retried. `login_id` is copied; `user_data` is passed back to each call and must stay
/// valid while the client lives. Tokens never appear in messages or logs.
///
/// `provider(user_data, token, token_capacity, expires_in_seconds)` writes a fresh access
/// token, NUL-terminated, into `token` (`token_capacity` bytes, 16 KiB) and its lifetime in
/// seconds from now into `*expires_in_seconds`, and returns 0; any other value means it has
/// no token, and the request that needed one fails with `FINESSE_RESULT_AUTHENTICATION`,
/// unsent. It is called from whichever thread needs a token (never two at once for one
/// client): it must be safe to call from any thread.
#[must_use]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn finesse_config_set_token_provider(
    config: *mut finesse_config,
    login_id: *const c_char,
    provider: Option<
        unsafe extern "C" fn(
            user_data: *mut c_void,
            token: *mut c_char,
            token_capacity: usize,
            expires_in_seconds: *mut u32,
        ) -> i32,
    >,
    user_data: *mut c_void,
) -> finesse_result {
    fallible(|| {
        let config = unsafe { arg_mut(config, "config") }?;
        let login_id = unsafe { str_arg(login_id, "login_id") }?;
        let callback = provider.ok_or_else(|| Failure::NullArgument("provider".to_owned()))?;
        let provider = Provider {
            callback,
            user_data,
        };
        update(config, |b| {
            b.token_provider(login_id, move || provider.token())
        });
        Ok(())
    })
}
