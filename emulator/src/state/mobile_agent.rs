//! Mobile agent sign-in: the agent signs in on a virtual extension and Finesse calls it on
//! another phone, per call or over a nailed connection. The User shows `mobileAgent` with
//! the mode and the dial number while signed in so (reference 2.2, 2.4).

use crate::errors::ApiError;
use crate::xml_in::MobileAgentBody;

/// The mobile-agent settings of a signed-in agent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct MobileAgent {
    /// `CALL_BY_CALL` or `NAILED_CONNECTION`.
    pub mode: &'static str,
    /// The phone Finesse calls the agent on.
    pub dial_number: String,
}

/// The modes of reference 2.2.
const MODES: [&str; 2] = ["CALL_BY_CALL", "NAILED_CONNECTION"];

/// Longest dial number taken (an E.164 number with a prefix fits well within it).
const MAX_DIAL_NUMBER: usize = 32;

impl MobileAgent {
    /// Validates the `<mobileAgent>` of a sign-in (synchronous errors, as any missing or
    /// invalid parameter: reference 2.4).
    pub fn from_body(body: MobileAgentBody) -> Result<MobileAgent, ApiError> {
        let mode = body
            .mode
            .map(|m| m.trim().to_owned())
            .filter(|m| !m.is_empty())
            .ok_or_else(|| ApiError::parameter_missing("mode"))?;
        let mode = MODES
            .into_iter()
            .find(|m| *m == mode)
            .ok_or_else(|| ApiError::invalid_input("mode"))?;
        let dial_number = body
            .dial_number
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty())
            .ok_or_else(|| ApiError::parameter_missing("dialNumber"))?;
        let dialable = dial_number.len() <= MAX_DIAL_NUMBER
            && dial_number
                .bytes()
                .all(|b| b.is_ascii_digit() || b"+*#".contains(&b));
        if !dialable {
            return Err(ApiError::invalid_input("dialNumber"));
        }
        Ok(MobileAgent { mode, dial_number })
    }
}
