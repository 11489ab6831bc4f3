//! Exit codes: the one table from a class of failure to its code and its name in JSON.

use finesse_client::ErrorKind;

/// A class of failure, as scripts see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Class {
    /// The process exit code.
    pub code: u8,
    /// The `kind` in a JSON error.
    pub kind: &'static str,
    /// What it means, for the help text.
    pub meaning: &'static str,
}

/// Any other failure.
pub const OTHER: Class = class(1, "other", "any other failure");
/// A wrong command line or argument, caught before anything was sent.
pub const INVALID_ARGUMENT: Class = class(
    2,
    "invalid_argument",
    "wrong command line or argument; nothing was sent",
);
pub const AUTHENTICATION: Class = class(3, "authentication", "wrong password or locked out (401)");
const NOT_FOUND: Class = class(4, "not_found", "no such dialog or user (404)");
const INVALID_STATE: Class = class(5, "invalid_state", "not possible in the current state");
const CTI: Class = class(6, "cti", "accepted, then refused by the CTI server");
const SERVICE_UNAVAILABLE: Class =
    class(7, "service_unavailable", "the node is out of service (503)");
const API: Class = class(8, "api", "any other error answer from Finesse");
const TRANSPORT: Class = class(9, "transport", "the server could not be reached");
const TLS: Class = class(9, "tls", "the TLS handshake failed (certificate, name)");
/// No answer in time, or the outcome of a command not seen in time.
pub const TIMEOUT: Class = class(10, "timeout", "no answer, or the outcome not seen, in time");
const OUTCOME_UNKNOWN: Class = class(
    11,
    "outcome_unknown",
    "sent, but the answer was lost: check before retrying",
);
const DECODE: Class = class(12, "decode", "the server's answer could not be read");
pub const REFUSED: Class = class(
    13,
    "refused",
    "the notification service refused (a subscription, the session), or ended the session",
);
const PERMISSION: Class = class(
    14,
    "permission",
    "signed in, but not allowed: another user's object or a team not supervised (401)",
);

/// Every class, in the order of their codes: what `finesse --help` and the README show.
pub const CLASSES: [Class; 15] = [
    OTHER,
    INVALID_ARGUMENT,
    AUTHENTICATION,
    NOT_FOUND,
    INVALID_STATE,
    CTI,
    SERVICE_UNAVAILABLE,
    API,
    TRANSPORT,
    TLS,
    TIMEOUT,
    OUTCOME_UNKNOWN,
    DECODE,
    REFUSED,
    PERMISSION,
];

const fn class(code: u8, kind: &'static str, meaning: &'static str) -> Class {
    Class {
        code,
        kind,
        meaning,
    }
}

/// The class of a library error.
pub fn of(kind: ErrorKind) -> Class {
    match kind {
        ErrorKind::InvalidArgument => INVALID_ARGUMENT,
        ErrorKind::Authentication => AUTHENTICATION,
        ErrorKind::NotFound => NOT_FOUND,
        ErrorKind::InvalidState => INVALID_STATE,
        ErrorKind::Cti => CTI,
        ErrorKind::ServiceUnavailable => SERVICE_UNAVAILABLE,
        ErrorKind::Api => API,
        ErrorKind::Transport => TRANSPORT,
        ErrorKind::Tls => TLS,
        ErrorKind::Timeout => TIMEOUT,
        ErrorKind::OutcomeUnknown => OUTCOME_UNKNOWN,
        ErrorKind::Decode => DECODE,
        ErrorKind::Refused => REFUSED,
        ErrorKind::Permission => PERMISSION,
        // A kind added to the library after this table.
        _ => OTHER,
    }
}

/// The help text's exit code table.
pub fn help() -> String {
    let mut text = String::from("Exit codes:\n   0  success\n");
    for class in CLASSES {
        text.push_str(&format!(
            "  {:>2}  {:<20} {}\n",
            class.code, class.kind, class.meaning
        ));
    }
    text.push_str(
        "\nWith --json, errors are printed on stderr as \
         {\"error\": {\"kind\": ..., \"message\": ..., \"exit_code\": ...}}.",
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_code_order_and_names_each_kind_once() {
        for pair in CLASSES.windows(2) {
            assert!(pair[0].code <= pair[1].code, "{pair:?}");
            assert_ne!(pair[0].kind, pair[1].kind);
        }
        assert_eq!(of(ErrorKind::Tls).code, of(ErrorKind::Transport).code);
        assert_eq!(of(ErrorKind::Cti).code, 6);
        assert_eq!(of(ErrorKind::OutcomeUnknown).code, 11);
        // A refusal of the notification service has its own code; rejected credentials are
        // an authentication failure wherever they were rejected.
        assert_eq!(of(ErrorKind::Refused).code, 13);
        assert_eq!(of(ErrorKind::Refused).kind, "refused");
        assert_eq!(of(ErrorKind::Authentication).code, 3);
        let codes: Vec<u8> = CLASSES.iter().map(|c| c.code).collect();
        assert_eq!(
            codes,
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 10, 11, 12, 13, 14],
            "codes are never renumbered"
        );
    }
}
