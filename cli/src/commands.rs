//! The subcommands that act on a real server.

use finesse_client::{Client, MakeCall};

use crate::args::{Command, DialogArgs};
use crate::connect;
use crate::output;
use crate::watch;

/// Runs one subcommand other than the demo.
pub fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Demo(_) => unreachable!("the demo is dispatched in main"),
        Command::Watch {
            server,
            notification_url,
            nodes,
            count,
            seconds,
        } => {
            let client = connect::client(&server)?;
            watch::run(
                &client,
                notification_url,
                nodes,
                count,
                seconds,
                server.json,
            )
        }
        Command::User { server } => {
            let client = connect::client(&server)?;
            let user = client.user().map_err(|e| e.to_string())?;
            if server.json {
                return output::json(&user);
            }
            println!("{}", output::user_line(&user));
            Ok(())
        }
        Command::State {
            server,
            state,
            extension,
            reason,
        } => {
            let client = connect::client(&server)?;
            let accepted = match state.as_str() {
                "login" => {
                    let ext = extension.ok_or("login needs --extension")?;
                    client.sign_in(&ext)
                }
                "ready" => client.ready(),
                "not-ready" => client.not_ready(reason),
                _ => client.sign_out(reason),
            }
            .map_err(|e| e.to_string())?;
            println!("accepted, request {}", accepted.request_id);
            Ok(())
        }
        Command::Dialogs { server } => {
            let client = connect::client(&server)?;
            let dialogs = client.dialogs().map_err(|e| e.to_string())?;
            if server.json {
                return output::json(&dialogs);
            }
            if dialogs.is_empty() {
                println!("no calls");
            }
            for dialog in &dialogs {
                println!("{}", output::dialog_line(dialog));
                if let Some(vars) = output::variables_line(dialog) {
                    println!("{vars}");
                }
            }
            Ok(())
        }
        Command::Call { server, to, vars } => {
            let client = connect::client(&server)?;
            let mut call = MakeCall::new(to);
            for var in &vars {
                let (name, value) = var
                    .split_once('=')
                    .ok_or_else(|| format!("--var {var:?} is not NAME=VALUE"))?;
                call = call.call_variable(name, value);
            }
            let accepted = client.make_call(&call).map_err(|e| e.to_string())?;
            println!("dialing, request {}", accepted.request_id);
            Ok(())
        }
        Command::Answer(args) => on_dialog(args, Client::answer),
        Command::Hold(args) => on_dialog(args, Client::hold),
        Command::Retrieve(args) => on_dialog(args, Client::retrieve),
        Command::Drop(args) => on_dialog(args, Client::drop_call),
    }
}

fn on_dialog(
    args: DialogArgs,
    action: fn(&Client, &str) -> Result<finesse_client::Accepted, finesse_client::Error>,
) -> Result<(), String> {
    let DialogArgs { server, dialog_id } = args;
    let client = connect::client(&server)?;
    let accepted = action(&client, &dialog_id).map_err(|e| e.to_string())?;
    println!("accepted, request {}", accepted.request_id);
    Ok(())
}
