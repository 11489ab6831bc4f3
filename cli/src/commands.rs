//! Runs a subcommand: reads print what they read, commands go through [`send::run`].

use finesse_client::{CallData, Client, MakeCall, ReasonCodeCategory};

use crate::args::{Category, Command, DialogArgs, Server, TargetArgs};
use crate::failure::Failure;
use crate::verbose::Verbose;
use crate::{completions, connect, demo, output, send, watch};

/// Runs one subcommand.
pub fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::User { server } => {
            let client = reader(&server, "the agent's User")?;
            let user = client.user()?;
            if server.json {
                return output::json(&user);
            }
            println!("{}", output::user_line(&user));
            Ok(())
        }
        Command::Dialogs { server } => {
            let client = reader(&server, "the agent's dialogs")?;
            let dialogs = client.dialogs()?;
            if server.json {
                return output::json(&dialogs);
            }
            if dialogs.is_empty() {
                println!("no calls");
            }
            dialogs.iter().for_each(output::dialog);
            Ok(())
        }
        Command::ReasonCodes { server, category } => reason_codes(&server, category),
        Command::PhoneBooks { server } => {
            let client = reader(&server, "the phone books")?;
            let books = client.phone_books()?;
            if server.json {
                return output::json(&books);
            }
            if books.is_empty() {
                println!("no phone books");
            }
            books
                .iter()
                .flat_map(output::phone_book_lines)
                .for_each(|line| println!("{line}"));
            Ok(())
        }
        Command::WrapUpReasons { server } => {
            let client = reader(&server, "the wrap-up reasons")?;
            let reasons = client.wrap_up_reasons()?;
            if server.json {
                return output::json(&reasons);
            }
            for reason in &reasons {
                println!("{}", output::wrap_up_reason_line(reason));
            }
            Ok(())
        }
        Command::State {
            server,
            wait,
            state,
            extension,
            reason,
        } => {
            let what = format!("state change to {state}");
            send::run(&server, &wait, &what, |client| match state.as_str() {
                // clap requires --extension with login; an empty one is refused by the library.
                "login" => client.sign_in(extension.as_deref().unwrap_or_default()),
                "ready" => client.ready(),
                "not-ready" => client.not_ready(reason),
                _ => client.sign_out(reason),
            })
        }
        Command::Call {
            server,
            wait,
            to,
            vars,
        } => {
            let call = vars.into_iter().fold(MakeCall::new(&to), |call, var| {
                call.call_variable(var.name, var.value)
            });
            send::run(&server, &wait, &format!("MAKE_CALL to {to}"), |client| {
                client.make_call(&call)
            })
        }
        Command::Answer(args) => on_dialog(args, "ANSWER", Client::answer),
        Command::Hold(args) => on_dialog(args, "HOLD", Client::hold),
        Command::Retrieve(args) => on_dialog(args, "RETRIEVE", Client::retrieve),
        Command::Drop(args) => on_dialog(args, "DROP", Client::drop_call),
        Command::Transfer(args) => on_dialog(args, "TRANSFER", Client::transfer),
        Command::Conference(args) => on_dialog(args, "CONFERENCE", Client::conference),
        Command::Consult(args) => to_target(args, "CONSULT_CALL", Client::consult_call),
        Command::Sst(args) => to_target(args, "TRANSFER_SST", Client::transfer_sst),
        Command::Dtmf {
            server,
            wait,
            dialog_id,
            digits,
        } => {
            let what = format!("SEND_DTMF on dialog {dialog_id}");
            send::run(&server, &wait, &what, |client| {
                client.send_dtmf(&dialog_id, &digits)
            })
        }
        Command::CallData {
            server,
            wait,
            dialog_id,
            vars,
            wrap_up,
        } => {
            let mut data = vars.into_iter().fold(CallData::new(), |data, var| {
                data.call_variable(var.name, var.value)
            });
            if let Some(reason) = wrap_up {
                data = data.wrap_up_reason(reason);
            }
            let what = format!("UPDATE_CALL_DATA on dialog {dialog_id}");
            send::run(&server, &wait, &what, |client| {
                client.update_call_data(&dialog_id, &data)
            })
        }
        Command::Team { server, team_id } => team(&server, team_id),
        Command::TeamMessage {
            server,
            content,
            teams,
            minutes,
        } => team_message(&server, &content, teams, minutes),
        Command::TeamMessages { server, team_id } => team_messages(&server, team_id),
        Command::Queue { server, queue_id } => queues(&server, queue_id),
        Command::Monitor {
            server,
            wait,
            agent_extension,
        } => {
            let what = format!("SILENT_MONITOR of {agent_extension}");
            send::run(&server, &wait, &what, |client| {
                client.silent_monitor(&agent_extension)
            })
        }
        Command::Barge {
            server,
            wait,
            agent_extension,
            monitor_dialog_id,
        } => {
            let what = format!("BARGE_CALL on {agent_extension} (monitor {monitor_dialog_id})");
            send::run(&server, &wait, &what, |client| {
                client.barge_in(&agent_extension, &monitor_dialog_id)
            })
        }
        Command::Watch {
            server,
            nodes,
            count,
            seconds,
        } => watch::run(&server, nodes, count, seconds),
        Command::Demo(args) => demo::run(&args),
        Command::Completions { shell } => {
            completions::print(shell);
            Ok(())
        }
    }
}

/// A client for a read, saying so with `--verbose`.
fn reader(server: &Server, what: &str) -> Result<Client, Failure> {
    let say = Verbose::new(server.verbose > 0);
    let client = connect::client(server, say)?;
    say.say(format!("reading {what}"));
    Ok(client)
}

/// Shows a team: the one named, or the first the user supervises.
fn team(server: &Server, team_id: Option<String>) -> Result<(), Failure> {
    let client = reader(server, "the team")?;
    let team_id = match team_id {
        Some(id) => id,
        None => client
            .user()?
            .teams
            .first()
            .map(|t| t.id.clone())
            .ok_or_else(|| Failure::Other("the user supervises no team".to_owned()))?,
    };
    let team = client.team(&team_id)?;
    if server.json {
        return output::json(&team);
    }
    println!("team {}  {}", team.id, team.name);
    for user in &team.users {
        println!("  {}", output::user_line(user));
    }
    Ok(())
}

/// Sends a team message to the teams named, or to every team the user supervises.
fn team_message(
    server: &Server,
    content: &str,
    teams: Vec<String>,
    minutes: u64,
) -> Result<(), Failure> {
    let say = Verbose::new(server.verbose > 0);
    let client = connect::client(server, say)?;
    let teams = if teams.is_empty() {
        client.user()?.teams.into_iter().map(|t| t.id).collect()
    } else {
        teams
    };
    if teams.is_empty() {
        return Err(Failure::Other("the user supervises no team".to_owned()));
    }
    let ids: Vec<&str> = teams.iter().map(String::as_str).collect();
    say.say(format!("sending a team message to {}", ids.join(", ")));
    let duration = std::time::Duration::from_secs(minutes.saturating_mul(60));
    let message = client.send_team_message(content, duration, &ids)?;
    if server.json {
        return output::json(&message);
    }
    println!("{}", output::team_message_line(&message));
    Ok(())
}

/// Lists a team's active messages: the one named, or the user's own team.
fn team_messages(server: &Server, team_id: Option<String>) -> Result<(), Failure> {
    let client = reader(server, "the team messages")?;
    let team_id = match team_id {
        Some(id) => id,
        None => client
            .user()?
            .team_id
            .ok_or_else(|| Failure::Other("the user is on no team".to_owned()))?,
    };
    let messages = client.team_messages(&team_id)?;
    if server.json {
        return output::json(&messages);
    }
    if messages.is_empty() {
        println!("no team messages");
    }
    for message in &messages {
        println!("{}", output::team_message_line(message));
    }
    Ok(())
}

/// Shows one queue, or each of the user's queues.
fn queues(server: &Server, queue_id: Option<String>) -> Result<(), Failure> {
    let client = reader(server, "the queues")?;
    let queues = match queue_id {
        Some(id) => vec![client.queue(&id)?],
        None => client.queues()?,
    };
    if server.json {
        return output::json(&queues);
    }
    if queues.is_empty() {
        println!("no queues");
    }
    for queue in &queues {
        println!("{}", output::queue_line(queue));
    }
    Ok(())
}

/// Lists the reason codes of one category, or of both.
fn reason_codes(server: &Server, category: Option<Category>) -> Result<(), Failure> {
    let client = reader(server, "the reason codes")?;
    let categories = match category {
        Some(one) => vec![ReasonCodeCategory::from(one)],
        None => vec![ReasonCodeCategory::NotReady, ReasonCodeCategory::Logout],
    };
    let mut codes = Vec::new();
    for category in categories {
        codes.extend(client.reason_codes(category)?);
    }
    if server.json {
        return output::json(&codes);
    }
    for code in &codes {
        println!("{}", output::reason_code_line(code));
    }
    Ok(())
}

/// The library's signature of a command on one dialog.
type OnDialog = fn(&Client, &str) -> Result<finesse_client::Accepted, finesse_client::Error>;

/// The library's signature of a command on one dialog that calls a number.
type ToTarget = fn(&Client, &str, &str) -> Result<finesse_client::Accepted, finesse_client::Error>;

fn on_dialog(args: DialogArgs, action: &str, send: OnDialog) -> Result<(), Failure> {
    let DialogArgs {
        server,
        wait,
        dialog_id,
    } = args;
    let what = format!("{action} on dialog {dialog_id}");
    send::run(&server, &wait, &what, |client| send(client, &dialog_id))
}

fn to_target(args: TargetArgs, action: &str, send: ToTarget) -> Result<(), Failure> {
    let TargetArgs {
        server,
        wait,
        dialog_id,
        to,
    } = args;
    let what = format!("{action} on dialog {dialog_id} to {to}");
    send::run(&server, &wait, &what, |client| {
        send(client, &dialog_id, &to)
    })
}
