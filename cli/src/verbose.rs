//! `--verbose`: what the command does, on stderr so that stdout stays the result.
//!
//! Callers never pass a password or token: these lines name servers, users, requests and
//! request ids only.

/// Says what is done, when `--verbose` was given.
#[derive(Debug, Clone, Copy)]
pub struct Verbose(bool);

impl Verbose {
    /// Speaks only when `on`.
    pub fn new(on: bool) -> Self {
        Verbose(on)
    }

    /// Prints one line, `finesse: <what>`.
    pub fn say(self, what: impl AsRef<str>) {
        if self.0 {
            eprintln!("finesse: {}", what.as_ref());
        }
    }
}
