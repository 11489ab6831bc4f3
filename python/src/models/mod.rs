//! The model classes: frozen views of the core's typed resources, with properties,
//! `__repr__`, equality, `to_dict()` and `from_xml()`.

mod accepted;
mod api_error;
mod dialog;
mod reason_code;
mod system_info;
mod user;

pub(crate) use accepted::{Accepted, outcome_to_py};
pub(crate) use api_error::ApiErrorDetail;
pub(crate) use dialog::{Dialog, MediaProperties, Participant, ScheduledCallbackInfo};
pub(crate) use reason_code::{ReasonCode, WrapUpReason};
pub(crate) use system_info::SystemInfo;
pub(crate) use user::{MobileAgent, TeamRef, User, UserSettings};
