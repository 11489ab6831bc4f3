//! Authentication of REST requests (Basic with loginId or loginName, optional Bearer
//! tokens) and of notification sessions (SASL PLAIN with the loginId and the password or
//! token), and the lock-out after five consecutive wrong passwords, shared by both.

use std::time::Instant;

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::errors::{ApiError, ControlError};
use crate::request_log;
use crate::state::World;
use crate::tokens::TokenCheck;

/// Wrong passwords in a row before the account locks.
const MAX_BAD_PASSWORDS: u32 = 5;

enum Credentials {
    Basic { user: String, password: String },
    Bearer(String),
}

fn credentials(headers: &HeaderMap) -> Option<Credentials> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, rest) = value.split_once(' ')?;
    let rest = rest.trim();
    if scheme.eq_ignore_ascii_case("basic") {
        let decoded = STANDARD.decode(rest).ok()?;
        let text = String::from_utf8(decoded).ok()?;
        let (user, password) = text.split_once(':')?;
        Some(Credentials::Basic {
            user: user.to_owned(),
            password: password.to_owned(),
        })
    } else if scheme.eq_ignore_ascii_case("bearer") {
        Some(Credentials::Bearer(rest.to_owned()))
    } else {
        None
    }
}

impl World {
    /// The login id of the authenticated user, or 401. The user is noted for the request
    /// log.
    pub fn authenticate(&mut self, headers: &HeaderMap) -> Result<String, ApiError> {
        let login_id = self.authenticate_rest(headers)?;
        request_log::note_authenticated(&login_id);
        Ok(login_id)
    }

    fn authenticate_rest(&mut self, headers: &HeaderMap) -> Result<String, ApiError> {
        let (user, password) = match credentials(headers) {
            None => return Err(ApiError::unauthorized("")),
            Some(Credentials::Bearer(token)) => {
                if let TokenCheck::Valid(login_id) = self.tokens.check(&token)
                    && self.agents.contains_key(&login_id)
                {
                    return Ok(login_id);
                }
                // A Bearer token is never a password: wrong or expired, it does not count
                // towards the lock-out.
                return self
                    .agents
                    .values()
                    .find(|a| a.cfg.bearer_token.as_deref() == Some(token.as_str()))
                    .map(|a| a.cfg.login_id.clone())
                    .ok_or_else(|| ApiError::unauthorized(""));
            }
            Some(Credentials::Basic { user, password }) => (user, password),
        };
        self.check_password(&user, &password, true)
            .ok_or_else(|| ApiError::unauthorized(&user))
    }

    /// SASL PLAIN of a notification session: the login id with the password or the
    /// user's Bearer token. Returns the login id.
    pub fn authenticate_xmpp(&mut self, login_id: &str, secret: &str) -> Option<String> {
        let token_matches = self
            .agents
            .get(login_id)
            .is_some_and(|a| a.cfg.bearer_token.as_deref() == Some(secret));
        if token_matches {
            return Some(login_id.to_owned());
        }
        match self.tokens.check(secret) {
            TokenCheck::Valid(owner) if owner == login_id => return Some(owner),
            // An SSO user's token ran out: the identity provider's business, not a guessed
            // password. Counting it would lock out an agent whose client merely refreshed
            // late (five expired retries), and SSO users sign in at the identity provider,
            // not with a Finesse password the lock-out protects.
            TokenCheck::Valid(_) | TokenCheck::Expired(_) => return None,
            TokenCheck::Unknown => {}
        }
        self.check_password(login_id, secret, false)
    }

    /// Checks a password, counting wrong ones toward the lock-out. `by_name` also finds the
    /// user by login name.
    fn check_password(&mut self, user: &str, password: &str, by_name: bool) -> Option<String> {
        let lockout = self.lockout;
        let agent = self
            .agents
            .values_mut()
            .find(|a| a.cfg.login_id == user || (by_name && a.cfg.login_name == user))?;
        let now = Instant::now();
        if agent.locked_until.is_some_and(|until| until > now) {
            return None;
        }
        if agent.cfg.password != password {
            agent.bad_passwords += 1;
            if agent.bad_passwords >= MAX_BAD_PASSWORDS {
                agent.bad_passwords = 0;
                agent.locked_until = Some(now + lockout);
            }
            return None;
        }
        agent.bad_passwords = 0;
        agent.locked_until = None;
        Some(agent.cfg.login_id.clone())
    }
}

impl World {
    /// Lifts the lock-out of one agent (and forgets its wrong passwords), or of every agent
    /// when `login_id` is `None`.
    pub fn lift_lockout(&mut self, login_id: Option<&str>) -> Result<(), ControlError> {
        let unlock = |agent: &mut crate::state::Agent| {
            agent.bad_passwords = 0;
            agent.locked_until = None;
        };
        match login_id {
            None => self.agents.values_mut().for_each(unlock),
            Some(id) => unlock(
                self.agents
                    .get_mut(id)
                    .ok_or_else(|| ControlError::UnknownAgent(id.to_owned()))?,
            ),
        }
        Ok(())
    }
}
