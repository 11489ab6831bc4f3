//! Sending a command (PUT/POST) and, unless `--no-wait`, waiting for its outcome.
//!
//! Finesse answers a command with 202 Accepted and carries it out afterwards. Waiting makes
//! the next command see the change (the README's `state login` then `call`), and turns a CTI
//! refusal into an error with its exit code instead of a silent success.

use std::time::Instant;

use finesse_client::{Accepted, Client, ErrorKind};

use crate::args::{Server, Wait};
use crate::connect;
use crate::failure::Failure;
use crate::output;
use crate::verbose::Verbose;

/// Sends the command `what` with `send`, then prints its outcome (or, with `--no-wait`, its
/// request id). The command is sent once, never again, whatever happens.
pub fn run(
    server: &Server,
    wait: &Wait,
    what: &str,
    send: impl FnOnce(&Client) -> Result<Accepted, finesse_client::Error>,
) -> Result<(), Failure> {
    let say = Verbose::new(server.verbose > 0);
    let timeout = if wait.no_wait {
        None
    } else {
        Some(connect::seconds("--wait-timeout", wait.wait_timeout)?)
    };
    let client = connect::client(server, say)?;
    if timeout.is_some() {
        start_session(&client, say)?;
    }
    say.say(format!("sending {what}"));
    let accepted = send(&client).map_err(Failure::doing(what))?;
    say.say(format!("accepted (202), request {}", accepted.request_id));
    let Some(timeout) = timeout else {
        return output::accepted(&accepted.request_id, server.json);
    };
    say.say(format!(
        "waiting up to {} s for the outcome of request {}",
        timeout.as_secs_f64(),
        accepted.request_id
    ));
    let started = Instant::now();
    let outcome = accepted.wait(timeout).map_err(Failure::doing(what))?;
    say.say(format!(
        "outcome seen after {} ms",
        started.elapsed().as_millis()
    ));
    // The session (if any) closes when the client is dropped on return.
    output::outcome(&outcome, server.json)
}

/// Starts the client's notification session, so that the wait sees the outcome as events
/// (a CTI refusal included) and the agent has presence meanwhile. Without one, waiting
/// reads the resource instead.
fn start_session(client: &Client, say: Verbose) -> Result<(), Failure> {
    match client.events() {
        Ok(session) => {
            say.say(format!("notification session started ({})", session.url()));
            Ok(())
        }
        // A refused password is not tried again: five in a row lock the agent out.
        Err(error) if error.kind() == ErrorKind::Authentication => Err(error.into()),
        Err(error) => {
            say.say(format!(
                "no notification session ({error}); waiting by reading the state instead"
            ));
            Ok(())
        }
    }
}
