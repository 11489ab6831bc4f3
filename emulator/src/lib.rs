//! A faithful local Cisco Finesse server.
//!
//! [`Emulator::start`] serves the Finesse Desktop REST API on 127.0.0.1 (or another listen
//! address) over HTTPS (with a
//! certificate signed by a CA it generates) or plain HTTP, with Basic authentication, the
//! agent and dialog state machines, 202-then-notification request handling, synchronous
//! ApiErrors and asynchronous CTI errors, behaving as a chosen [`Release`] (CCE 11.6 to
//! 12.6, CCX 12.5; CCE 12.5 by default). Notifications go out over the transports that
//! release offers: XMPP over WebSocket on the REST port (`/ws/`), BOSH (`/http-bind/`), XMPP
//! over TCP with STARTTLS and with direct TLS ([`Emulator::rest_websocket_url`],
//! [`Emulator::bosh_url`], [`Emulator::xmpp_url`], [`Emulator::xmpps_url`]). A control API — Rust
//! methods, and HTTP/JSON on a second port — adds agents, injects calls, steers the far
//! end, takes the node out of service, adds latency, cuts connections, lifts lock-outs,
//! resets everything, and keeps a log of the REST requests received for tests to assert.
//!
//! [`Emulator::start_pair`] runs two nodes, side A and side B, sharing one CTI state, each
//! with its own ports, sessions and faults (node, notification service, web application or
//! CTI connection down; one client's link cut), as a Finesse cluster fails over.
//!
//! ```no_run
//! use finesse_emulator::{Emulator, EmulatorConfig};
//!
//! let emulator = Emulator::start(EmulatorConfig::new())?;
//! println!("Finesse at {}", emulator.base_url());
//! # Ok::<(), std::io::Error>(())
//! ```

mod accept;
mod auth;
mod config;
mod control;
mod control_http;
mod emulator;
mod engine;
mod errors;
mod faults;
pub mod fuzzing;
mod limits;
mod node;
mod notify;
mod phone_book_range;
mod publish;
mod release;
mod request_log;
mod resources;
mod routes;
mod runner;
mod server;
mod state;
mod tls;
mod tokens;
mod transports;
mod xml_in;
mod xml_out;
mod xml_resources;
mod xml_scan;
mod xml_system_info;
mod xml_team;
mod xmpp;

pub use config::{
    AgentConfig, CALL_CONTROL_OUTCOME, Deployment, EmulatorConfig, FarEnd, QueueConfig,
    ReasonCategory, ReasonCode, Team, Timing, WrapUpMode, WrapUpReason,
};
pub use control::{AgentSnapshot, CallVariable, DialogSnapshot, InboundCall, ParticipantSnapshot};
pub use emulator::Emulator;
pub use errors::ControlError;
pub use node::Side;
pub use notify::Notification;
pub use release::{Release, UnknownRelease};
pub use request_log::RecordedRequest;
pub use resources::{
    ActionParam, Contact, LayoutEntry, LayoutType, MediaPropertiesLayout, PhoneBook, PhoneBookType,
    Workflow, WorkflowAction, WorkflowTest, WorkflowVariable,
};
