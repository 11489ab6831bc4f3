//! Builds a client from the command line's connection options.

use std::time::Duration;

use finesse_client::{Client, Config};

use crate::args::Server;

/// The environment variable the password is read from.
pub const PASSWORD_ENV: &str = "FINESSE_PASSWORD";

/// The password: from `FINESSE_PASSWORD`, or asked on the terminal without echo.
pub fn password(user: &str) -> Result<String, String> {
    if let Ok(password) = std::env::var(PASSWORD_ENV) {
        return Ok(password);
    }
    rpassword::prompt_password(format!("Password for {user}: "))
        .map_err(|e| format!("no password: set {PASSWORD_ENV} or run in a terminal ({e})"))
}

/// A client for the server and user named on the command line.
pub fn client(server: &Server) -> Result<Client, String> {
    let password = password(&server.user)?;
    let mut builder = Config::builder(&server.server)
        .basic_auth(&server.user, password)
        .user_agent(concat!("finesse-cli/", env!("CARGO_PKG_VERSION")));
    if let Some(seconds) = server.timeout {
        let timeout = Duration::try_from_secs_f64(seconds)
            .map_err(|_| format!("--timeout {seconds} is not a duration"))?;
        builder = builder.request_timeout(timeout);
    }
    if let Some(secondary) = &server.secondary {
        builder = builder.secondary(secondary);
    }
    if let Some(ca) = &server.ca_file {
        builder = builder.ca_file(ca);
    }
    if server.insecure {
        eprintln!(
            "warning: certificate verification is OFF; the password and calls can be read by \
             anyone on the path"
        );
        builder = builder.danger_accept_invalid_certs(true);
    }
    let config = builder.build().map_err(|e| e.to_string())?;
    Client::new(config).map_err(|e| e.to_string())
}
