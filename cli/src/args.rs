//! The command line: global connection options and the subcommands.

use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;
use finesse_client::ReasonCodeCategory;

use crate::exit;

/// Drive a Cisco Finesse agent from the terminal: state, calls, call control.
///
/// Commands wait for their outcome (the new state, the call, its end) and print it; --no-wait
/// returns as soon as Finesse accepts the command.
#[derive(Parser, Debug)]
#[command(name = "finesse", version)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The command definition, with the exit code table as the help's epilogue.
pub fn command() -> clap::Command {
    Cli::command().after_help(exit::help())
}

/// How to reach a Finesse server, and how to print.
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
    /// A PEM file of CA certificates to trust besides the operating system's store and the
    /// built-in roots.
    #[arg(long, env = "FINESSE_CA_FILE")]
    pub ca_file: Option<PathBuf>,
    /// Switch certificate verification off (lab servers only: the password can be read by
    /// anyone on the path).
    #[arg(long)]
    pub insecure: bool,
    /// Seconds to wait for each answer (the library's default when not given).
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<f64>,
    /// The notification service: wss://…/ws/ (WebSocket), https://…/http-bind/ (BOSH),
    /// xmpps://host:5223 or xmpp://host:5222 (TCP); by default what the release offers.
    #[arg(long, env = "FINESSE_NOTIFICATION_URL")]
    pub notification_url: Option<String>,
    /// Print results as JSON on stdout, and errors as JSON on stderr.
    #[arg(long)]
    pub json: bool,
    /// Say on stderr what is done: requests and their ids, the notification session, waiting.
    /// Twice (-vv): also every HTTP exchange with its status and time, and each connection
    /// attempt; three times (-vvv): everything the libraries underneath log.
    #[arg(long, short, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

/// Whether and how long a command waits for its outcome.
#[derive(Args, Debug, Clone)]
pub struct Wait {
    /// Return as soon as Finesse accepts the command (HTTP 202), printing its request id,
    /// instead of waiting for the outcome.
    #[arg(long)]
    pub no_wait: bool,
    /// Seconds to wait for the outcome; past them the command fails with exit code 10 (it
    /// may still be carried out).
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 10.0,
        conflicts_with = "no_wait"
    )]
    pub wait_timeout: f64,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Show the agent: state, reason, extension.
    User {
        #[command(flatten)]
        server: Server,
    },
    /// Change the agent's state, and wait until it has changed.
    State {
        #[command(flatten)]
        server: Server,
        #[command(flatten)]
        wait: Wait,
        /// login, ready, not-ready or logout.
        #[arg(value_parser = ["login", "ready", "not-ready", "logout"])]
        state: String,
        /// The extension to sign in with (login).
        #[arg(long, required_if_eq("state", "login"))]
        extension: Option<String>,
        /// The Finesse id of the reason code (not-ready, logout); see `finesse reason-codes`.
        #[arg(long)]
        reason: Option<i64>,
    },
    /// List the agent's calls.
    Dialogs {
        #[command(flatten)]
        server: Server,
    },
    /// Place a call from the agent's extension, and wait until the call exists.
    Call {
        #[command(flatten)]
        server: Server,
        #[command(flatten)]
        wait: Wait,
        /// The number to dial, sent as given.
        to: String,
        /// A call variable, NAME=VALUE (callVariable1-10, user.<ecc>); repeatable.
        #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_var)]
        vars: Vec<Var>,
    },
    /// Answer a ringing call.
    Answer(DialogArgs),
    /// Put a call on hold.
    Hold(DialogArgs),
    /// Take a call off hold.
    Retrieve(DialogArgs),
    /// Hang up a call, and wait until it has ended.
    Drop(DialogArgs),
    /// Hold a call and call someone for a consult; prints the consult call.
    Consult(TargetArgs),
    /// Complete a consult transfer: the caller goes to the consulted party.
    Transfer(DialogArgs),
    /// Transfer a call in a single step (blind), without consulting.
    Sst(TargetArgs),
    /// Join the consult call and the held call into a conference.
    Conference(DialogArgs),
    /// Send DTMF digits on a call.
    Dtmf {
        #[command(flatten)]
        server: Server,
        #[command(flatten)]
        wait: Wait,
        /// The dialog (call) id, as `finesse dialogs` shows it.
        dialog_id: String,
        /// The digits: 0-9, *, #, A-D.
        digits: String,
    },
    /// Write call variables and/or the wrap-up reason on a call.
    CallData {
        #[command(flatten)]
        server: Server,
        #[command(flatten)]
        wait: Wait,
        /// The dialog (call) id, as `finesse dialogs` shows it.
        dialog_id: String,
        /// A call variable, NAME=VALUE (callVariable1-10, user.<ecc>); repeatable.
        #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_var)]
        vars: Vec<Var>,
        /// The wrap-up reason, as a label from `finesse wrap-up-reasons`.
        #[arg(long, value_name = "REASON")]
        wrap_up: Option<String>,
    },
    /// List the reason codes the agent may choose (both categories unless one is named).
    ReasonCodes {
        #[command(flatten)]
        server: Server,
        /// Only the codes of this category.
        #[arg(long, value_enum)]
        category: Option<Category>,
    },
    /// List the wrap-up reasons the agent may choose.
    WrapUpReasons {
        #[command(flatten)]
        server: Server,
    },
    /// List the phone books the agent may dial from, each with its contacts.
    PhoneBooks {
        #[command(flatten)]
        server: Server,
    },
    /// Show a team the user supervises: each member's state, reason and extension.
    Team {
        #[command(flatten)]
        server: Server,
        /// The team id; by default the first team the user supervises.
        team_id: Option<String>,
    },
    /// Broadcast a team message to teams the user supervises (Finesse 12.x), shown on the
    /// agents' desktops for a while; prints the message sent.
    TeamMessage {
        #[command(flatten)]
        server: Server,
        /// The text, up to 255 characters.
        content: String,
        /// A team to send to (repeatable); by default every team the user supervises.
        #[arg(long = "team", value_name = "TEAM_ID")]
        teams: Vec<String>,
        /// How long the desktops show it, in minutes (5 to 1435).
        #[arg(long, default_value_t = 60)]
        minutes: u64,
    },
    /// List a team's active team messages (Finesse 12.x).
    TeamMessages {
        #[command(flatten)]
        server: Server,
        /// The team id; by default the user's own team.
        team_id: Option<String>,
    },
    /// Show a queue's statistics, or those of each of the user's queues (CCE).
    Queue {
        #[command(flatten)]
        server: Server,
        /// The queue id; by default every queue of the user.
        queue_id: Option<String>,
    },
    /// Silently monitor the call of a team member (supervisors); prints the monitor call.
    /// End it with `finesse drop <monitor call id>`.
    Monitor {
        #[command(flatten)]
        server: Server,
        #[command(flatten)]
        wait: Wait,
        /// The extension the team member is signed in on.
        agent_extension: String,
    },
    /// Barge in on the call being monitored (supervisors): the call becomes a conference.
    /// Leave it with `finesse drop <call id>`.
    Barge {
        #[command(flatten)]
        server: Server,
        #[command(flatten)]
        wait: Wait,
        /// The extension the team member is signed in on.
        agent_extension: String,
        /// The monitor call's dialog id, as `finesse monitor` printed it.
        monitor_dialog_id: String,
    },
    /// Print events as they happen (calls ringing, state changes, CTI errors) until stopped.
    Watch {
        #[command(flatten)]
        server: Server,
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
    /// Sign in, go READY, dial, hold, retrieve, drop and sign out, printing every state as it
    /// changes. Runs against a built-in emulator unless --server is given.
    Demo(DemoArgs),
    /// Print the completion script of a shell.
    ///
    /// bash: `finesse completions bash > ~/.local/share/bash-completion/completions/finesse`
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: Shell,
    },
}

impl Command {
    /// Whether errors are to be printed as JSON.
    pub fn json(&self) -> bool {
        self.server().is_some_and(|s| s.json)
    }

    /// How many times `--verbose` was given.
    pub fn verbosity(&self) -> u8 {
        self.server().map_or(0, |s| s.verbose)
    }

    /// The connection options, for the commands that talk to a server.
    fn server(&self) -> Option<&Server> {
        match self {
            Command::User { server }
            | Command::State { server, .. }
            | Command::Dialogs { server }
            | Command::Call { server, .. }
            | Command::Dtmf { server, .. }
            | Command::CallData { server, .. }
            | Command::ReasonCodes { server, .. }
            | Command::WrapUpReasons { server }
            | Command::PhoneBooks { server }
            | Command::Team { server, .. }
            | Command::TeamMessage { server, .. }
            | Command::TeamMessages { server, .. }
            | Command::Queue { server, .. }
            | Command::Monitor { server, .. }
            | Command::Barge { server, .. }
            | Command::Watch { server, .. }
            | Command::Answer(DialogArgs { server, .. })
            | Command::Hold(DialogArgs { server, .. })
            | Command::Retrieve(DialogArgs { server, .. })
            | Command::Drop(DialogArgs { server, .. })
            | Command::Transfer(DialogArgs { server, .. })
            | Command::Conference(DialogArgs { server, .. })
            | Command::Consult(TargetArgs { server, .. })
            | Command::Sst(TargetArgs { server, .. }) => Some(server),
            Command::Demo(_) | Command::Completions { .. } => None,
        }
    }
}

/// A command on one dialog.
#[derive(Args, Debug)]
pub struct DialogArgs {
    /// Connection options.
    #[command(flatten)]
    pub server: Server,
    /// Waiting options.
    #[command(flatten)]
    pub wait: Wait,
    /// The dialog (call) id, as `finesse dialogs` shows it. For transfer and conference,
    /// either call of the consult.
    pub dialog_id: String,
}

/// A command on one dialog that calls a number.
#[derive(Args, Debug)]
pub struct TargetArgs {
    /// Connection options.
    #[command(flatten)]
    pub server: Server,
    /// Waiting options.
    #[command(flatten)]
    pub wait: Wait,
    /// The dialog (call) id, as `finesse dialogs` shows it.
    pub dialog_id: String,
    /// The number or extension to call, sent as given.
    pub to: String,
}

/// A call variable from the command line.
#[derive(Debug, Clone)]
pub struct Var {
    /// callVariable1-10, or user.<ecc name>.
    pub name: String,
    /// The value.
    pub value: String,
}

/// Splits `NAME=VALUE`; the value may itself contain `=`.
fn parse_var(text: &str) -> Result<Var, String> {
    let (name, value) = text
        .split_once('=')
        .ok_or_else(|| format!("{text:?} is not NAME=VALUE"))?;
    Ok(Var {
        name: name.to_owned(),
        value: value.to_owned(),
    })
}

/// A reason code category, as Finesse spells it.
#[derive(ValueEnum, Debug, Clone, Copy)]
pub enum Category {
    /// Reasons for NOT_READY.
    #[value(name = "NOT_READY", alias = "not-ready")]
    NotReady,
    /// Reasons for signing out.
    #[value(name = "LOGOUT", alias = "logout")]
    Logout,
}

impl From<Category> for ReasonCodeCategory {
    fn from(category: Category) -> Self {
        match category {
            Category::NotReady => ReasonCodeCategory::NotReady,
            Category::Logout => ReasonCodeCategory::Logout,
        }
    }
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
    /// The notification service's URL (wss://, https://, xmpps:// or xmpp://), with --server;
    /// by default what the release offers.
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
