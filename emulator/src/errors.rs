//! Error values: synchronous ApiErrors (HTTP responses), asynchronous CTI errors
//! (notifications), and errors of the control interface.

use std::fmt;

/// A synchronous error answered with an `<ApiErrors>` body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub status: u16,
    pub error_type: &'static str,
    pub message: String,
    pub data: String,
}

impl ApiError {
    fn new(status: u16, error_type: &'static str, message: impl Into<String>, data: &str) -> Self {
        ApiError {
            status,
            error_type,
            message: message.into(),
            data: clip(data),
        }
    }

    pub fn bad_request(detail: &str) -> Self {
        Self::new(400, "Bad Request", "The request body is invalid.", detail)
    }

    pub fn too_large() -> Self {
        Self::new(413, "Bad Request", "The request body is too large.", "")
    }

    pub fn parameter_missing(field: &str) -> Self {
        Self::new(
            400,
            "Parameter Missing",
            format!("The {field} parameter is missing."),
            field,
        )
    }

    pub fn reason_code_required() -> Self {
        Self::new(
            400,
            "Parameter Missing",
            "The state change requires a valid reason code.",
            "finesse.api.reasoncode.require_reasoncode",
        )
    }

    pub fn invalid_input(field: &str) -> Self {
        Self::new(
            400,
            "Invalid Input",
            format!("The value of {field} is invalid."),
            field,
        )
    }

    pub fn invalid_state(status: u16, detail: &str) -> Self {
        Self::new(
            status,
            "Invalid State",
            "The request is not valid in the current state.",
            detail,
        )
    }

    pub fn invalid_destination(address: &str) -> Self {
        Self::new(
            400,
            "Invalid Destination",
            "The destination address is not valid.",
            address,
        )
    }

    pub fn unauthorized(user: &str) -> Self {
        Self::new(401, "Authorization Failure", "UNAUTHORIZED", user)
    }

    pub fn other_user(target: &str) -> Self {
        Self::new(
            401,
            "Invalid Authorization User Specified",
            "The authenticated user tried to make a request for another user.",
            target,
        )
    }

    /// A supervisor acting on a user outside the teams it supervises (DG12.5 "User API
    /// Errors": 401 Invalid Supervisor).
    pub fn invalid_supervisor(target: &str) -> Self {
        Self::new(
            401,
            "Invalid Supervisor",
            "The supervisor does not supervise the team of this user.",
            target,
        )
    }

    pub fn user_not_found(id: &str) -> Self {
        Self::new(404, "User Not Found", "The user does not exist.", id)
    }

    pub fn dialog_not_found(id: &str) -> Self {
        Self::new(
            404,
            "Not Found",
            "Invalid dialogId specified for dialog",
            id,
        )
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(
            404,
            "Not Found",
            "The requested resource does not exist.",
            what,
        )
    }

    /// A barge-in that would take the conference past the parties the phone system allows:
    /// "400: 20700 (Conference resource limit violation)" (DG12.5 p102; DEVNET
    /// `dialog-api-errors`, where the number stands in the Error Type column).
    pub fn barge_conference_limit(agent_address: &str) -> Self {
        Self::new(
            400,
            "20700",
            "Conference resource limit violation",
            agent_address,
        )
    }

    /// A barge-in on a conference the agent does not control, or while the agent has a
    /// consult call: "400: 20999 (Barge via non-conference-controller or the agent already
    /// has an outstanding consult call)" (DG12.5 p102; DEVNET `dialog-api-errors`).
    pub fn barge_not_controller(agent_address: &str) -> Self {
        Self::new(
            400,
            "20999",
            "Barge via non-conference-controller or the agent already has an outstanding \
             consult call",
            agent_address,
        )
    }

    /// A `Range` outside 1-6000 objects: "416: Invalid Range Specified. Range must be 1–
    /// 6000 objects" (DEVNET `teamresource—get-phone-books`; no example body exists).
    pub fn invalid_range(range: &str) -> Self {
        Self::new(
            416,
            "Invalid Range Specified",
            "Range must be 1-6000 objects",
            range,
        )
    }

    pub fn not_implemented(action: &str) -> Self {
        Self::new(
            501,
            "Not Implemented",
            "The action is not supported on this deployment.",
            action,
        )
    }

    /// Too many active team messages (DG12.5 p202, "Example Failure Response"; the status
    /// is not given there: 400 [infer]).
    pub fn team_message_limit() -> Self {
        Self::new(
            400,
            "System Resource Limit Exceeded",
            "MAX_ACTIVE_MESSAGE_LIMIT_EXCEEDED",
            "teammessage.max.limit.exceeded",
        )
    }

    pub fn out_of_service() -> Self {
        Self::new(503, "Service Unavailable", "SERVER_OUT_OF_SERVICE", "")
    }
}

/// Echoed request data is clipped so a hostile request cannot inflate responses.
fn clip(s: &str) -> String {
    const MAX: usize = 200;
    if s.len() <= MAX {
        return s.to_owned();
    }
    let mut end = MAX;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_owned()
}

/// An asynchronous error, published as `<apiErrors>` in an Update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CtiError {
    pub error_type: &'static str,
    pub error_data: String,
    pub error_message: &'static str,
    /// The peripheral (CTI) fields CCE 12.5 adds to some errors (reference 4.1, 10.4).
    pub peripheral: Option<PeripheralError>,
}

/// `peripheralErrorCode`, `peripheralErrorMsg` and `peripheralErrorText` of an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PeripheralError {
    pub code: u32,
    pub msg: &'static str,
    pub text: &'static str,
}

impl CtiError {
    /// An action the participant may not take now. CCE reports a generic CTI failure,
    /// CCX an invalid object state.
    pub fn action_not_allowed(ccx: bool) -> Self {
        if ccx {
            CtiError {
                error_type: "Invalid State",
                error_data: "22".to_owned(),
                error_message: "CF_INVALID_OBJECT_STATE",
                peripheral: None,
            }
        } else {
            CtiError {
                error_type: "Generic Error",
                error_data: "20999".to_owned(),
                error_message: "CF_GENERIC_UNSPECIFIED",
                peripheral: None,
            }
        }
    }

    /// An agent state change the platform refuses.
    pub fn invalid_agent_state(ccx: bool) -> Self {
        if ccx {
            CtiError {
                error_type: "Invalid State",
                error_data: "265".to_owned(),
                error_message: "CF_INVALID_AGENT_WORKMODE",
                peripheral: None,
            }
        } else {
            CtiError {
                error_type: "Invalid State",
                error_data: "20999".to_owned(),
                error_message: "CF_INVALID_AGENT_STATE",
                peripheral: None,
            }
        }
    }

    /// A request on an object in the wrong state, as a real CCE 12.5 reports READY for a
    /// signed-out agent (recorded: pokornyIt/finesse-api `XMPP/error-invalid-state.xml`,
    /// reference 10.4).
    pub fn invalid_object_state() -> Self {
        CtiError {
            error_type: "Invalid State",
            error_data: "22".to_owned(),
            error_message: "CF_INVALID_OBJECT_STATE",
            peripheral: None,
        }
    }

    /// Signing in on an extension that is no device, as a real CCE 12.5 reports it
    /// (recorded: pokornyIt/finesse-api `XMPP/error-invalid-line.xml`, reference 10.4).
    pub fn invalid_device() -> Self {
        CtiError {
            error_type: "Invalid Device",
            error_data: "260".to_owned(),
            error_message: "CF_INVALID_LOGON_DEVICE_SPECIFIED",
            peripheral: Some(PeripheralError {
                code: 10125,
                msg: "PERERR_TELDRIVE_NODEVICETARGETFORNETTARGETID",
                text: "A device target with the network target ID specified cannot be found. \
                       This could indicate either an internal error or a configuration error",
            }),
        }
    }

    /// CCX refusing a pending READY while the agent is on a non-ICD call.
    pub fn resource_busy() -> Self {
        CtiError {
            error_type: "Invalid State",
            error_data: "33".to_owned(),
            error_message: "CF_RESOURCE_BUSY",
            peripheral: None,
        }
    }

    /// A call-control request arriving while the previous one of the same device awaits its
    /// CTI outcome, with the race switched on (DG12.5 p91; reference 1.4, 10.4). No
    /// recording shows this case: `Generic Error` with CTI's "resource busy" (reference 4.3)
    /// is the emulator's choice.
    pub fn call_control_pending() -> Self {
        CtiError {
            error_type: "Generic Error",
            error_data: "33".to_owned(),
            error_message: "CF_RESOURCE_BUSY",
            peripheral: None,
        }
    }

    /// Signing in on an extension another agent is signed in on.
    pub fn device_busy() -> Self {
        CtiError {
            error_type: "Call Operation Failure",
            error_data: "33".to_owned(),
            error_message: "CF_RESOURCE_BUSY",
            peripheral: None,
        }
    }
}

/// Failure of a control operation (Rust API or control HTTP).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ControlError {
    /// No live dialog has this id.
    UnknownDialog(String),
    /// No signed-in agent has this extension or login id.
    UnknownTarget(String),
    /// No agent has this login id.
    UnknownAgent(String),
    /// No queue has this id.
    UnknownQueue(String),
    /// The dialog is not in a state that allows the operation.
    InvalidState(String),
    /// A field of the request is invalid.
    InvalidInput(String),
}

impl fmt::Display for ControlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ControlError::UnknownDialog(id) => write!(f, "no live dialog with id {id}"),
            ControlError::UnknownTarget(t) => {
                write!(f, "no signed-in agent with extension or login id {t}")
            }
            ControlError::UnknownAgent(id) => write!(f, "no agent with login id {id}"),
            ControlError::UnknownQueue(id) => write!(f, "no queue with id {id}"),
            ControlError::InvalidState(why) => write!(f, "invalid state: {why}"),
            ControlError::InvalidInput(why) => write!(f, "invalid input: {why}"),
        }
    }
}

impl std::error::Error for ControlError {}
