//! Screen pop: print the caller and the call data of every call that rings for the agent,
//! before it is answered (what a CRM does to bring up the customer's record).
//!
//! Set `FINESSE_URL`, `FINESSE_USER`, `FINESSE_PASSWORD` (and `FINESSE_CA_FILE` for a
//! private CA); the agent signs in on its extension elsewhere (its desktop or phone). Stops
//! after the number of calls given as the first argument, if any:
//!
//! ```sh
//! cargo run -p finesse-client --example screen_pop
//! ```

use std::collections::HashSet;

use finesse_client::{Client, Config, DialogState, Event};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let calls: Option<usize> = std::env::args().nth(1).map(|n| n.parse()).transpose()?;
    let env = |name: &str| std::env::var(name).map_err(|_| format!("set {name}"));
    let mut config = Config::builder(env("FINESSE_URL")?)
        .basic_auth(env("FINESSE_USER")?, env("FINESSE_PASSWORD")?);
    if let Ok(ca) = std::env::var("FINESSE_CA_FILE") {
        config = config.ca_file(ca);
    }
    let client = Client::new(config.build()?)?;
    // A ringing call may be reported more than once (added, then changed): pop it once.
    let mut popped = HashSet::new();
    for event in client.events()?.iter() {
        if let Event::DialogAdded { dialog, .. } | Event::DialogChanged { dialog, .. } = &event
            && dialog.state == DialogState::Alerting
            && popped.insert(dialog.id.clone())
        {
            let media = &dialog.media_properties;
            println!(
                "ringing: {} for {}, account {:?}",
                dialog.from_address,
                dialog.to_address,
                media.call_variable("callVariable1")
            );
            if calls.is_some_and(|n| popped.len() >= n) {
                break;
            }
        }
    }
    Ok(())
}
