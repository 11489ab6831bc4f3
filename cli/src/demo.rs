//! `finesse demo`: a whole click-to-dial session, printing each agent and call state as it
//! changes, against the built-in emulator or a real server.

use std::time::{Duration, Instant};

use finesse_client::{
    AgentState, Client, Config, Dialog, DialogState, Event, MakeCall, NotificationOptions,
    Notifications, ParticipantState, ReasonCodeCategory, User,
};
use finesse_emulator::{Deployment, Emulator, EmulatorConfig, Timing};

use crate::args::DemoArgs;
use crate::failure::Failure;
use crate::{connect, output};

/// How long one step may take before the demo gives up.
const STEP_TIMEOUT: Duration = Duration::from_secs(20);
/// How often the state is read while waiting.
const POLL: Duration = Duration::from_millis(25);

/// Runs the demo.
pub fn run(args: &DemoArgs) -> Result<(), Failure> {
    // Keep the emulator alive until the demo ends.
    let (client, extension, notification_url, _emulator) = match &args.server {
        Some(server) => {
            // clap requires both with --server.
            let user = args.user.as_deref().unwrap_or_default();
            let extension = args.extension.clone().unwrap_or_default();
            let mut builder = Config::builder(server).basic_auth(user, connect::password(user)?);
            if let Some(ca) = &args.ca_file {
                builder = builder.ca_file(ca);
            }
            let client = Client::new(builder.build()?)?;
            (client, extension, args.notification_url.clone(), None)
        }
        None => {
            let deployment = if args.ccx {
                Deployment::Ccx
            } else {
                Deployment::Cce
            };
            let emulator =
                Emulator::start(EmulatorConfig::new().deployment(deployment).timing(Timing {
                    step: Duration::from_millis(300),
                    ring: Duration::from_millis(1200),
                }))
                .map_err(|e| Failure::Other(format!("cannot start the emulator: {e}")))?;
            println!("emulator listening on {}", emulator.base_url());
            let config = Config::builder(emulator.base_url())
                .basic_auth("1001", "secret1001")
                .ca_pem(emulator.ca_pem())
                .build()?;
            let client = Client::new(config)?;
            let url = Some(emulator.notification_url());
            (client, "1001001".to_owned(), url, Some(emulator))
        }
    };
    let mut options = NotificationOptions::default();
    if let Some(url) = notification_url {
        options = options.url(url);
    }
    // Events when the notification service can be reached; reading the state otherwise.
    let events = match client.notifications_with(options) {
        Ok(events) => Some(events),
        Err(e) => {
            println!("(no notifications: {e}; reading the state instead)");
            None
        }
    };
    Demo::new(client, events).run(&extension, &args.to)
}

struct Demo {
    client: Client,
    /// The notification session, when there is one.
    events: Option<Notifications>,
    /// The agent and their calls, as last seen.
    user: Option<User>,
    dialogs: Vec<Dialog>,
    /// The lines last printed for the agent and each call, to print only changes.
    last_user: String,
    last_dialogs: Vec<String>,
    last_ids: Vec<String>,
}

impl Demo {
    fn new(client: Client, events: Option<Notifications>) -> Self {
        Demo {
            client,
            events,
            user: None,
            dialogs: Vec::new(),
            last_user: String::new(),
            last_dialogs: Vec::new(),
            last_ids: Vec::new(),
        }
    }

    fn run(mut self, extension: &str, to: &str) -> Result<(), Failure> {
        let info = self.client.system_info()?;
        println!(
            "Finesse {} node, {}",
            info.deployment_type
                .as_ref()
                .map(|d| d.as_str())
                .unwrap_or("unknown"),
            info.status
        );
        self.observe()?;

        self.command(&format!("sign in on extension {extension}"), |c| {
            c.sign_in(extension)
        })?;
        self.until("signed in", |user, _| user.state == AgentState::NotReady)?;

        self.command("go READY", Client::ready)?;
        self.until("READY", |user, _| user.state == AgentState::Ready)?;

        let call = MakeCall::new(to)
            .call_variable("callVariable1", "acct-42")
            .call_variable("user.CustomerId", "90210");
        self.command(
            &format!("dial {to} with callVariable1=acct-42, user.CustomerId=90210"),
            |c| c.make_call(&call),
        )?;
        let dialog =
            self.until_dialog("the call is answered", |d| d.state == DialogState::Active)?;
        if let Some(vars) = output::variables_line(&dialog) {
            println!("{vars}");
        }

        self.command("hold", |c| c.hold(&dialog.id))?;
        self.until_dialog("held", |d| {
            own_state(d, extension) == Some(&ParticipantState::Held)
        })?;

        self.command("retrieve", |c| c.retrieve(&dialog.id))?;
        self.until_dialog("retrieved", |d| {
            own_state(d, extension) == Some(&ParticipantState::Active)
        })?;

        self.command("drop", |c| c.drop_call(&dialog.id))?;
        let (user, _) = self.until("the call ended", |user, dialogs| {
            dialogs.is_empty() && user.state != AgentState::Talking
        })?;

        if user.state != AgentState::NotReady {
            let reason = self.first_reason(ReasonCodeCategory::NotReady)?;
            self.command("go NOT_READY", |c| c.not_ready(reason))?;
            self.until("NOT_READY", |user, _| user.state == AgentState::NotReady)?;
        }
        let reason = self.first_reason(ReasonCodeCategory::Logout)?;
        self.command("sign out", |c| c.sign_out(reason))?;
        self.until("signed out", |user, _| user.state == AgentState::Logout)?;
        println!("done");
        Ok(())
    }

    /// Sends a command and says so.
    fn command(
        &mut self,
        what: &str,
        send: impl FnOnce(&Client) -> Result<finesse_client::Accepted, finesse_client::Error>,
    ) -> Result<(), Failure> {
        let accepted = send(&self.client).map_err(Failure::doing(what))?;
        println!("-> {what}  (202 Accepted, request {})", accepted.request_id);
        Ok(())
    }

    /// Reads the agent and the calls, prints what changed, and returns them.
    fn observe(&mut self) -> Result<(User, Vec<Dialog>), Failure> {
        let user = self.client.user()?;
        let dialogs = self.client.dialogs()?;
        let user_line = output::user_line(&user);
        if user_line != self.last_user {
            println!("   {user_line}");
            self.last_user = user_line;
        }
        let lines: Vec<String> = dialogs.iter().map(output::dialog_line).collect();
        for line in &lines {
            if !self.last_dialogs.contains(line) {
                println!("   {line}");
            }
        }
        for gone in &self.last_ids {
            if !dialogs.iter().any(|d| &d.id == gone) {
                println!("   dialog {gone}  ended");
            }
        }
        self.last_dialogs = lines;
        self.last_ids = dialogs.iter().map(|d| d.id.clone()).collect();
        self.user = Some(user.clone());
        self.dialogs = dialogs.clone();
        Ok((user, dialogs))
    }

    /// Watches until `done` holds, printing each change: events as they arrive, or what
    /// changed between reads.
    fn until(
        &mut self,
        what: &str,
        done: impl Fn(&User, &[Dialog]) -> bool,
    ) -> Result<(User, Vec<Dialog>), Failure> {
        let deadline = Instant::now() + STEP_TIMEOUT;
        if self.user.is_none() {
            self.observe()?;
        }
        loop {
            if self.events.is_none() {
                self.observe()?;
            }
            let user = self
                .user
                .clone()
                .ok_or_else(|| Failure::Other("no user".to_owned()))?;
            if done(&user, &self.dialogs) {
                return Ok((user, self.dialogs.clone()));
            }
            if let Some(failed) = self.dialogs.iter().find(|d| d.state == DialogState::Failed) {
                return Err(Failure::Other(format!(
                    "the call failed: {}",
                    output::dialog_line(failed)
                )));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(Failure::NotSeen(format!("gave up waiting for: {what}")));
            }
            match &self.events {
                Some(events) => {
                    if let Some(event) = events.recv_timeout(left.min(POLL * 4)) {
                        println!("   event: {}", output::event_line(&event));
                        self.apply(event);
                    }
                }
                None => std::thread::sleep(POLL),
            }
        }
    }

    /// Updates the agent and calls from an event.
    fn apply(&mut self, event: Event) {
        match event {
            Event::UserChanged { user, .. }
                if self
                    .user
                    .as_ref()
                    .is_none_or(|u| u.login_id == user.login_id) =>
            {
                self.user = Some(user);
            }
            Event::DialogAdded { dialog, .. } | Event::DialogChanged { dialog, .. } => {
                match self.dialogs.iter_mut().find(|d| d.id == dialog.id) {
                    Some(known) => *known = dialog,
                    None => self.dialogs.push(dialog),
                }
            }
            Event::DialogRemoved { dialog, .. } => self.dialogs.retain(|d| d.id != dialog.id),
            _ => {}
        }
    }

    /// Watches until a call matches `done`, and returns it.
    fn until_dialog(
        &mut self,
        what: &str,
        done: impl Fn(&Dialog) -> bool,
    ) -> Result<Dialog, Failure> {
        let (_, dialogs) = self.until(what, |_, dialogs| dialogs.iter().any(&done))?;
        dialogs
            .into_iter()
            .find(|d| done(d))
            .ok_or_else(|| Failure::NotSeen(format!("gave up waiting for: {what}")))
    }

    /// The first reason code of a category that an agent may choose, if any are configured.
    fn first_reason(&self, category: ReasonCodeCategory) -> Result<Option<i64>, Failure> {
        let codes = self.client.reason_codes(category)?;
        Ok(codes
            .iter()
            .find(|c| c.system_code != Some(true))
            .and_then(|c| c.id))
    }
}

/// The state of the agent's own leg of a call.
fn own_state<'a>(dialog: &'a Dialog, extension: &str) -> Option<&'a ParticipantState> {
    dialog.participant(extension).map(|p| &p.state)
}
