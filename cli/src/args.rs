//! The command line: global connection options and the subcommands.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Drive a Cisco Finesse agent from the terminal: state, calls, call control.
#[derive(Parser, Debug)]
#[command(name = "finesse", version)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// How to reach a Finesse server.
#[derive(Args, Debug, Clone)]
pub struct Server {
    /// The Finesse node: https://host[:port], or a host name (port 8445).
    #[arg(long, env = "FINESSE_SERVER")]
    pub server: String,
    /// The side B node, tried when side A is down.
    #[arg(long, env = "FINESSE_SECONDARY")]
    pub secondary: Option<String>,
    /// The agent id or sign-in name. The password comes from FINESSE_PASSWORD, or is asked
    /// for without echo.
    #[arg(long, env = "FINESSE_USER")]
    pub user: String,
    /// A PEM file of CA certificates to trust besides the built-in roots.
    #[arg(long, env = "FINESSE_CA_FILE")]
    pub ca_file: Option<PathBuf>,
    /// Switch certificate verification off (lab servers only: the password can be read by
    /// anyone on the path).
    #[arg(long)]
    pub insecure: bool,
    /// Seconds to wait for each answer (the library's default when not given).
    #[arg(long)]
    pub timeout: Option<f64>,
    /// Print documents as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Sign in, go READY, dial, hold, retrieve, drop and sign out, printing every state as it
    /// changes. Runs against a built-in emulator unless --server is given.
    Demo(DemoArgs),
    /// Show the agent: state, reason, extension, team.
    User {
        #[command(flatten)]
        server: Server,
    },
    /// Change the agent's state.
    State {
        #[command(flatten)]
        server: Server,
        /// login, ready, not-ready or logout.
        #[arg(value_parser = ["login", "ready", "not-ready", "logout"])]
        state: String,
        /// The extension to sign in with (login).
        #[arg(long)]
        extension: Option<String>,
        /// The Finesse id of the reason code (not-ready, logout).
        #[arg(long)]
        reason: Option<i64>,
    },
    /// List the agent's calls.
    Dialogs {
        #[command(flatten)]
        server: Server,
    },
    /// Place a call from the agent's extension.
    Call {
        #[command(flatten)]
        server: Server,
        /// The number to dial, sent as given.
        to: String,
        /// A call variable, NAME=VALUE (callVariable1-10, user.<ecc>); repeatable.
        #[arg(long = "var", value_name = "NAME=VALUE")]
        vars: Vec<String>,
    },
    /// Print events as they happen (calls ringing, state changes, CTI errors) until stopped.
    Watch {
        #[command(flatten)]
        server: Server,
        /// The notification WebSocket URL, when it is not wss://<server>/ws.
        #[arg(long, env = "FINESSE_NOTIFICATION_URL")]
        notification_url: Option<String>,
        /// A node to subscribe to explicitly (a team: /finesse/api/Team/<id>/Users);
        /// repeatable.
        #[arg(long = "subscribe", value_name = "NODE")]
        nodes: Vec<String>,
        /// Stop after this many events.
        #[arg(long)]
        count: Option<usize>,
        /// Stop after this many seconds.
        #[arg(long)]
        seconds: Option<f64>,
    },
    /// Answer a ringing call.
    Answer(DialogArgs),
    /// Put a call on hold.
    Hold(DialogArgs),
    /// Take a call off hold.
    Retrieve(DialogArgs),
    /// Hang up a call.
    Drop(DialogArgs),
}

/// A command on one dialog.
#[derive(Args, Debug)]
pub struct DialogArgs {
    /// Connection options.
    #[command(flatten)]
    pub server: Server,
    /// The dialog (call) id, as `finesse dialogs` shows it.
    pub dialog_id: String,
}

/// Options of the demo.
#[derive(Args, Debug)]
pub struct DemoArgs {
    /// A real Finesse node to run the demo against (it places a real call).
    #[arg(long, env = "FINESSE_SERVER", requires_all = ["user", "extension"])]
    pub server: Option<String>,
    /// The agent id, with --server; the password comes from FINESSE_PASSWORD or a prompt.
    #[arg(long, env = "FINESSE_USER")]
    pub user: Option<String>,
    /// A PEM file of CA certificates to trust, with --server.
    #[arg(long, env = "FINESSE_CA_FILE")]
    pub ca_file: Option<PathBuf>,
    /// The notification WebSocket URL, with --server, when it is not wss://<server>/ws.
    #[arg(long, env = "FINESSE_NOTIFICATION_URL")]
    pub notification_url: Option<String>,
    /// The extension to sign in with.
    #[arg(long)]
    pub extension: Option<String>,
    /// The number to dial.
    #[arg(long, default_value = "6135551212")]
    pub to: String,
    /// Run the emulator as UCCX instead of UCCE.
    #[arg(long, conflicts_with = "server")]
    pub ccx: bool,
}
