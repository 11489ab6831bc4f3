//! `finesse`: drive a Cisco Finesse agent from the terminal, or watch a demo against the
//! built-in emulator.

mod args;
mod commands;
mod completions;
mod connect;
mod demo;
mod exit;
mod failure;
mod output;
mod send;
mod verbose;
mod watch;

use std::process::ExitCode;

use clap::FromArgMatches;

use args::Cli;
use failure::Failure;

fn main() -> ExitCode {
    let cli = match args::command()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    let json = cli.command.json();
    verbose::log_library(cli.command.verbosity());
    match commands::run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if json {
                eprintln!("{}", failure.to_json());
            } else {
                eprintln!("error: {failure}");
            }
            ExitCode::from(failure.class().code)
        }
    }
}

/// A command line clap refused (or --help, --version): clap prints it, except that with
/// --json a refusal is printed as a JSON error, as every other error is.
fn usage_error(error: &clap::Error) -> ExitCode {
    if !error.use_stderr() {
        // --help or --version.
        let _ = error.print();
        return ExitCode::SUCCESS;
    }
    // clap's text up to its usage line, on one line.
    let text = error.to_string();
    let what = text.split("\n\n").next().unwrap_or_default();
    let failure = Failure::Usage(
        what.trim_start_matches("error: ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    );
    if std::env::args_os().any(|a| a == "--json") {
        eprintln!("{}", failure.to_json());
    } else {
        let _ = error.print();
    }
    ExitCode::from(failure.class().code)
}
