//! Authentication of REST requests: Basic with loginId or loginName, optional Bearer
//! tokens, and the lock-out after five consecutive wrong passwords.

use std::time::Instant;

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::errors::ApiError;
use crate::state::World;

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
    /// The login id of the authenticated user, or 401.
    pub fn authenticate(&mut self, headers: &HeaderMap) -> Result<String, ApiError> {
        let (user, password) = match credentials(headers) {
            None => return Err(ApiError::unauthorized("")),
            Some(Credentials::Bearer(token)) => {
                return self
                    .agents
                    .values()
                    .find(|a| a.cfg.bearer_token.as_deref() == Some(token.as_str()))
                    .map(|a| a.cfg.login_id.clone())
                    .ok_or_else(|| ApiError::unauthorized(""));
            }
            Some(Credentials::Basic { user, password }) => (user, password),
        };
        let lockout = self.lockout;
        let Some(agent) = self
            .agents
            .values_mut()
            .find(|a| a.cfg.login_id == user || a.cfg.login_name == user)
        else {
            return Err(ApiError::unauthorized(&user));
        };
        let now = Instant::now();
        if agent.locked_until.is_some_and(|until| until > now) {
            return Err(ApiError::unauthorized(&user));
        }
        if agent.cfg.password != password {
            agent.bad_passwords += 1;
            if agent.bad_passwords >= MAX_BAD_PASSWORDS {
                agent.bad_passwords = 0;
                agent.locked_until = Some(now + lockout);
            }
            return Err(ApiError::unauthorized(&user));
        }
        agent.bad_passwords = 0;
        agent.locked_until = None;
        Ok(agent.cfg.login_id.clone())
    }
}
