//! `finesse completions <shell>`: the shell's completion script, generated from the command
//! definition so that it never lags behind it.

use clap_complete::Shell;

use crate::args;

/// Prints the completion script for `shell` on stdout.
pub fn print(shell: Shell) {
    let mut command = args::command();
    clap_complete::generate(shell, &mut command, "finesse", &mut std::io::stdout());
}
