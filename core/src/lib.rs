//! A client for the Cisco Finesse Desktop API, for services, scripts and CRM plug-ins outside
//! the Finesse browser desktop.
//!
//! - [`Client`]: sign an agent in, change state, place calls with call variables (click-to-dial),
//!   answer, hold, retrieve, drop, consult, transfer, conference, DTMF, call data and wrap-up.
//! - The typed model ([`User`], [`Dialog`], [`Participant`], [`SystemInfo`], …) with a public
//!   `from_xml` on each, tolerant of element order, case differences between Finesse releases,
//!   unknown elements and unknown enum values, and bounded against hostile documents.
//! - One [`Error`] type that tells apart what was never sent, what the server rejected, what
//!   could not reach it, and commands whose outcome is unknown. Commands are never retried.
//!
//! TLS verification is on by default; add a private CA with [`ConfigBuilder::ca_pem`].
//!
//! Finesse answers commands (PUT/POST) with 202 Accepted: the outcome (the new state, the new
//! call) is visible in the next GET, and is published as a notification.
//!
//! ```no_run
//! use finesse_client::{Client, Config, MakeCall};
//!
//! let client = Client::new(
//!     Config::builder("finesse-a.example.com")
//!         .basic_auth("1001", "secret")
//!         .build()?,
//! )?;
//! client.sign_in("1001001")?;
//! client.make_call(&MakeCall::new("6135551212").call_variable("callVariable1", "acct-42"))?;
//! for dialog in client.dialogs()? {
//!     println!("{} {} -> {}", dialog.state, dialog.from_address, dialog.to_address);
//! }
//! # Ok::<(), finesse_client::Error>(())
//! ```

mod client;
mod client_team_message;
mod client_team_resource;
mod commands;
mod config;
mod error;
mod events;
mod http;
mod limits;
pub mod model;
mod notification_url;
mod session;
mod shared;
mod tls;
mod token;
mod validate;
mod wait;
mod xml;
mod xmpp;

pub use client::Client;
pub use client_team_message::{
    TEAM_MESSAGE_MAX_CHARS, TEAM_MESSAGE_MAX_DURATION, TEAM_MESSAGE_MIN_DURATION,
};
pub use commands::{CallData, DialogAction, MakeCall};
pub use config::{Config, ConfigBuilder, Credentials, DEFAULT_PORT, Secret, Timeouts};
pub use error::{ApiFailure, CtiFailure, DecodeError, Error, ErrorKind, Refusal};
pub use events::{ConnectionState, Event, PubSubMessage};
pub use limits::DecodeLimits;
pub use model::{
    Action, AgentState, ApiError, CallType, CallVariable, Contact, DeploymentType, Dialog,
    DialogState, MediaAddressType, MediaProperties, MediaPropertiesLayout,
    MediaPropertiesLayoutColumn, MediaPropertiesLayoutEntry, MobileAgent, NodePorts, Participant,
    ParticipantState, PhoneBook, PhoneBookType, Queue, QueueStatistics, ReasonCode,
    ReasonCodeCategory, ScheduledCallbackInfo, StateCause, SystemInfo, SystemStatus, Team,
    TeamMessage, TeamMessageSender, TeamRef, User, UserSettings, Workflow, WorkflowAction,
    WorkflowActionParam, WorkflowCondition, WorkflowConditionSet, WorkflowTriggerSet,
    WorkflowVariable, WrapUpMode, WrapUpReason,
};
pub use session::{EventCallback, NotificationOptions, Notifications};
pub use token::{AccessToken, TokenError, TokenProvider};
pub use validate::{
    CALL_VARIABLE_MAX_BYTES, ECC_TOTAL_MAX_BYTES, ECC_VARIABLE_MAX_BYTES, WRAP_UP_REASON_MAX_BYTES,
};
pub use wait::{Accepted, Outcome};

// The bindings share these between threads (a C handle, a Python object released from the
// interpreter lock): a change that loses `Send` or `Sync` must not compile.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Client>();
    assert_send_sync::<Notifications>();
    assert_send_sync::<Accepted>();
};

/// The library version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The README's Rust example, compiled as a doctest so it stays true.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
