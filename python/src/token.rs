//! `token_provider=`: SSO access tokens from a Python callable, called by core whenever it
//! needs a token (at first use, after 75% of the lifetime, after a rejection).

use std::time::Duration;

use finesse_client::{AccessToken, TokenError};
use pyo3::prelude::*;

use crate::convert;

/// A core token provider calling `callable()`, which returns ``(token, expires_in)``: the
/// token as ``str`` and its lifetime in seconds. What it raises becomes the provider's error,
/// with its message (the request that needed the token fails as ``AuthenticationError``,
/// unsent).
pub(crate) fn wrap(
    callable: Py<PyAny>,
) -> impl Fn() -> Result<AccessToken, TokenError> + Send + Sync + 'static {
    move || {
        Python::try_attach(|py| -> Result<AccessToken, TokenError> {
            let answer = callable.call0(py).map_err(|e| e.to_string())?;
            let (token, expires_in): (String, f64) = answer.extract(py).map_err(|_| {
                "token_provider must return (token: str, expires_in: seconds)".to_owned()
            })?;
            let lifetime: Duration =
                convert::seconds("expires_in", expires_in).map_err(|e| e.to_string())?;
            Ok(AccessToken::new(token, lifetime))
        })
        .unwrap_or_else(|| Err("the interpreter is shutting down".into()))
    }
}
