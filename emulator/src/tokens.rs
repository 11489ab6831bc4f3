//! SSO access tokens with an expiry, as an identity provider issues them for Finesse
//! (reference 10.5: clients "have to refresh the access token after 75% of the token expiry
//! time is elapsed", DG12.5 "Single Sign-On—Refresh Existing Access Token"). A token is
//! accepted as `Authorization: Bearer` on REST and as the SASL PLAIN password of the
//! notification service, by every node of a pair, until it expires; then REST answers 401
//! and the notification service `not-authorized`.
//!
//! How the notification service authenticates SSO users is not documented in what was found
//! (reference 10.5 [gap]): the token as the PLAIN password is the emulator's choice, as for
//! [`crate::AgentConfig::bearer_token`].

use std::collections::HashMap;
use std::time::{Duration, Instant};

use uuid::Uuid;

use crate::limits::{MAX_TOKEN_LIFETIME, MAX_TOKENS};

/// One issued token.
struct Issued {
    login_id: String,
    expires: Instant,
}

/// What a presented token is.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TokenCheck {
    /// Valid, for this user.
    Valid(String),
    /// Issued for this user, expired.
    Expired(String),
    /// Never issued (or forgotten).
    Unknown,
}

/// The tokens issued, bounded: past [`MAX_TOKENS`], the one expiring first is forgotten.
/// Expired tokens are kept until then, so that one presented late is known as expired (and
/// never counted as a wrong password).
#[derive(Default)]
pub(crate) struct Tokens {
    issued: HashMap<String, Issued>,
}

impl Tokens {
    /// Issues a new random token for the user, valid for `lifetime` (at most
    /// [`MAX_TOKEN_LIFETIME`]).
    pub fn issue(&mut self, login_id: &str, lifetime: Duration) -> String {
        if self.issued.len() >= MAX_TOKENS {
            let first = self
                .issued
                .iter()
                .min_by_key(|(_, t)| t.expires)
                .map(|(token, _)| token.clone());
            if let Some(first) = first {
                self.issued.remove(&first);
            }
        }
        // 244 random bits, in the URL-safe alphabet bearer tokens use.
        let token = format!("{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple());
        let expires = Instant::now() + lifetime.min(MAX_TOKEN_LIFETIME);
        self.issued.insert(
            token.clone(),
            Issued {
                login_id: login_id.to_owned(),
                expires,
            },
        );
        token
    }

    /// What `token` is now.
    pub fn check(&self, token: &str) -> TokenCheck {
        match self.issued.get(token) {
            None => TokenCheck::Unknown,
            Some(t) if t.expires > Instant::now() => TokenCheck::Valid(t.login_id.clone()),
            Some(t) => TokenCheck::Expired(t.login_id.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_expire_and_stay_known() {
        let mut tokens = Tokens::default();
        let long = tokens.issue("1001", Duration::from_secs(60));
        let short = tokens.issue("1001", Duration::ZERO);
        assert_ne!(long, short);
        assert_eq!(long.len(), 64);
        assert_eq!(tokens.check(&long), TokenCheck::Valid("1001".to_owned()));
        assert_eq!(tokens.check(&short), TokenCheck::Expired("1001".to_owned()));
        assert_eq!(tokens.check("nope"), TokenCheck::Unknown);
    }

    #[test]
    fn the_store_is_bounded() {
        let mut tokens = Tokens::default();
        for _ in 0..MAX_TOKENS + 5 {
            tokens.issue("1001", Duration::from_secs(1));
        }
        assert_eq!(tokens.issued.len(), MAX_TOKENS);
    }
}
