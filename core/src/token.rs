//! SSO access tokens from the application's provider, renewed when Cisco asks: "third-party
//! applications have to refresh the access token after 75% of the token expiry time is
//! elapsed" (DG12.5 "Single Sign-On—Refresh Existing Access Token"), and after the server
//! rejected the one in use.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::config::Secret;
use crate::error::Error;

/// The error a token provider returns when it cannot give a token.
pub type TokenError = Box<dyn std::error::Error + Send + Sync>;

/// An access token and how long it is valid from now, as the identity service gave it.
#[derive(Clone, Debug)]
pub struct AccessToken {
    /// The token (`Authorization: Bearer`, and the notification service's password).
    pub token: Secret,
    /// Its lifetime from now (the identity service's `expires_in`).
    pub expires_in: Duration,
}

impl AccessToken {
    /// A token valid for `expires_in` from now.
    pub fn new(token: impl Into<String>, expires_in: Duration) -> Self {
        AccessToken {
            token: Secret::new(token),
            expires_in,
        }
    }
}

/// The application's source of access tokens (its identity provider, or Finesse's
/// `/desktop/sso/token`), called on the thread that needs a token; calls are never
/// concurrent for one client.
#[derive(Clone)]
pub struct TokenProvider(Arc<dyn Fn() -> Result<AccessToken, TokenError> + Send + Sync>);

impl TokenProvider {
    /// Wraps a function returning a fresh token.
    pub fn new(
        provider: impl Fn() -> Result<AccessToken, TokenError> + Send + Sync + 'static,
    ) -> Self {
        TokenProvider(Arc::new(provider))
    }
}

/// Providers are equal when they are the same provider.
impl PartialEq for TokenProvider {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for TokenProvider {}

impl fmt::Debug for TokenProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TokenProvider")
    }
}

/// The part of a lifetime after which a token is renewed (Cisco: 75%).
const RENEW_AT: f64 = 0.75;

/// The token in use for one client, shared by its REST calls and notification sessions.
pub(crate) struct Tokens {
    provider: TokenProvider,
    /// Held while the provider runs, so that threads needing a token wait for the same one.
    held: Mutex<Option<Held>>,
}

struct Held {
    token: Secret,
    renew_at: Instant,
}

impl Tokens {
    pub(crate) fn new(provider: TokenProvider) -> Tokens {
        Tokens {
            provider,
            held: Mutex::new(None),
        }
    }

    /// The token to use now: the one held, unless 75% of its lifetime has passed.
    pub(crate) fn current(&self) -> Result<Secret, Error> {
        let mut held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        match &*held {
            Some(h) if Instant::now() < h.renew_at => Ok(h.token.clone()),
            _ => self.fetch(&mut held),
        }
    }

    /// After the server rejected `rejected`: a new token if `rejected` is still the one held
    /// (the provider is asked once), `None` when the provider gave the same one back, which
    /// must not be tried again. Another thread may already have renewed it: that one is used.
    pub(crate) fn renew_after_rejection(&self, rejected: &Secret) -> Result<Option<Secret>, Error> {
        let mut held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(h) = &*held
            && h.token != *rejected
        {
            return Ok(Some(h.token.clone()));
        }
        let token = self.fetch(&mut held)?;
        Ok((token != *rejected).then_some(token))
    }

    fn fetch(&self, held: &mut Option<Held>) -> Result<Secret, Error> {
        log::debug!("asking the token provider for an access token");
        let fresh = (self.provider.0)().map_err(|e| {
            Error::token(format!("the token provider gave no token: {e}")).caused_by(e)
        })?;
        crate::config::check_token("token", fresh.token.expose())?;
        let renew_in = fresh.expires_in.mul_f64(RENEW_AT);
        *held = Some(Held {
            token: fresh.token.clone(),
            renew_at: Instant::now() + renew_in,
        });
        Ok(fresh.token)
    }
}
