//! Builds a client from the command line's connection options.

use std::time::Duration;

use finesse_client::{Client, Config};

use crate::args::Server;
use crate::failure::Failure;
use crate::verbose::Verbose;

/// The environment variable the password is read from.
pub const PASSWORD_ENV: &str = "FINESSE_PASSWORD";

/// The password: from `FINESSE_PASSWORD`, or asked on the terminal without echo.
pub fn password(user: &str) -> Result<String, Failure> {
    if let Ok(password) = std::env::var(PASSWORD_ENV) {
        return Ok(password);
    }
    rpassword::prompt_password(format!("Password for {user}: ")).map_err(|e| {
        Failure::Usage(format!(
            "no password: set {PASSWORD_ENV} or run in a terminal ({e})"
        ))
    })
}

/// A duration given in seconds on the command line; `option` names it in the error.
pub fn seconds(option: &str, seconds: f64) -> Result<Duration, Failure> {
    Duration::try_from_secs_f64(seconds)
        .map_err(|_| Failure::Usage(format!("{option} {seconds} is not a number of seconds")))
}

/// A client for the server and user named on the command line.
pub fn client(server: &Server, say: Verbose) -> Result<Client, Failure> {
    let password = password(&server.user)?;
    let mut builder = Config::builder(&server.server)
        .basic_auth(&server.user, password)
        .user_agent(concat!("finesse-cli/", env!("CARGO_PKG_VERSION")));
    if let Some(timeout) = server.timeout {
        builder = builder.request_timeout(seconds("--timeout", timeout)?);
    }
    if let Some(secondary) = &server.secondary {
        builder = builder.secondary(secondary);
    }
    if let Some(ca) = &server.ca_file {
        builder = builder.ca_file(ca);
    }
    if let Some(url) = &server.notification_url {
        builder = builder.notification_url(url);
    }
    if server.insecure {
        eprintln!(
            "warning: certificate verification is OFF; the password and calls can be read by \
             anyone on the path"
        );
        builder = builder.danger_accept_invalid_certs(true);
    }
    let client = Client::new(builder.build()?)?;
    say.say(format!(
        "server {} as user {}",
        client.active_node(),
        server.user
    ));
    Ok(client)
}
