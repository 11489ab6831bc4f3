//! `finesse`: drive a Cisco Finesse agent from the terminal, or watch a demo against the
//! built-in emulator.

mod args;
mod commands;
mod connect;
mod demo;
mod output;
mod watch;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Demo(args) => demo::run(&args),
        other => commands::run(other),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
