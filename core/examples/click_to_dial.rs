//! Click-to-dial: sign in, place a call with call data, wait until it is answered, hang up.
//!
//! Set `FINESSE_URL` (e.g. `https://finesse-a.example.com:8445`), `FINESSE_USER`,
//! `FINESSE_PASSWORD` and `FINESSE_EXTENSION`; `FINESSE_CA_FILE` names a PEM file when the
//! node has a private CA. The number to dial is the first argument:
//!
//! ```sh
//! cargo run -p finesse-client --example click_to_dial -- 6135551212
//! ```

use std::time::{Duration, Instant};

use finesse_client::{Client, Config, DialogState, Event, MakeCall};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let number = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "6135551212".to_owned());
    let env = |name: &str| std::env::var(name).map_err(|_| format!("set {name}"));
    let mut config = Config::builder(env("FINESSE_URL")?)
        .basic_auth(env("FINESSE_USER")?, env("FINESSE_PASSWORD")?);
    if let Ok(ca) = std::env::var("FINESSE_CA_FILE") {
        config = config.ca_file(ca);
    }
    let client = Client::new(config.build()?)?;
    // Events first, so that every command's outcome can be waited on.
    let events = client.events()?;
    if !client.user()?.is_signed_in() {
        client
            .sign_in(&env("FINESSE_EXTENSION")?)?
            .wait(Duration::from_secs(10))?;
    }
    let call = MakeCall::new(&number).call_variable("callVariable1", "acct-42");
    let placed = client.make_call(&call)?.wait(Duration::from_secs(10))?;
    let id = placed.dialog().ok_or("no dialog for the call")?.id.clone();
    println!("dialing {number}: dialog {id}");
    // The far end answers: the dialog becomes ACTIVE (at most 30 s).
    let deadline = Instant::now() + Duration::from_secs(30);
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match events.recv_timeout(left) {
            Some(Event::DialogChanged { dialog, .. })
                if dialog.id == id && dialog.state == DialogState::Active =>
            {
                println!("{number} answered; hanging up");
                break;
            }
            Some(_) => {}
            None => break,
        }
    }
    client.drop_call(&id)?.wait(Duration::from_secs(10))?;
    Ok(())
}
