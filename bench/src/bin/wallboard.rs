//! A wallboard's view of a team: `finesse-bench-wallboard AGENTS ROUNDS` starts the emulator
//! (in this process, CTI step 1 ms) with AGENTS agents on the supervisor's team, signs them in,
//! and opens a wallboard: supervisor 2001 with one notification session (WebSocket) subscribed
//! to `/finesse/api/Team/5007/Users`. Then, ROUNDS times, one agent (in turn) changes state
//! (READY, NOT_READY alternately) and the time is taken from just before its PUT to the
//! wallboard's `UserChanged` showing the new state. Then the baseline, ROUNDS more changes of
//! the same agents: each agent's own session seeing its own `UserChanged` (the User node every
//! agent has); and a polling wallboard's cost: one `GET Team` of the whole team. Prints
//! `<key> <value>` lines: `wallboard_p50_us`, `wallboard_p99_us`, `wallboard_max_us`,
//! `own_p50_us`, `own_p99_us`, `ratio_p50` (wallboard / own), `get_team_p50_us`, `members`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use finesse_client::{AgentState, Client, Config, Event, NotificationOptions, Notifications};
use finesse_emulator::{AgentConfig, Emulator, EmulatorConfig, Timing};

/// The first agent's id; the others follow.
const FIRST_AGENT: u32 = 50_000;
/// The emulator's NOT_READY reason code "Break".
const NOT_READY_REASON: i64 = 22;
/// How long a change may take before the round counts as lost.
const LIMIT: Duration = Duration::from_secs(5);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let [_, agents, rounds] = args.as_slice() else {
        eprintln!("usage: finesse-bench-wallboard AGENTS ROUNDS");
        return ExitCode::from(2);
    };
    let (Ok(agents), Ok(rounds)) = (agents.parse::<u32>(), rounds.parse::<usize>()) else {
        eprintln!("AGENTS and ROUNDS must be numbers");
        return ExitCode::from(2);
    };
    match run(agents, rounds) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wallboard: {e}");
            ExitCode::FAILURE
        }
    }
}

fn client(emulator: &Emulator, user: &str, password: &str) -> Result<Client, String> {
    let config = Config::builder(emulator.base_url())
        .basic_auth(user, password)
        .ca_pem(emulator.ca_pem())
        .build()
        .map_err(|e| e.to_string())?;
    Client::new(config).map_err(|e| e.to_string())
}

/// Waits for the `UserChanged` of `login_id` in `state`; the time it came.
fn seen(session: &Notifications, login_id: &str, state: &AgentState) -> Result<Instant, String> {
    let deadline = Instant::now() + LIMIT;
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        if let Some(Event::UserChanged { user, .. }) = session.recv_timeout(left)
            && user.login_id == login_id
            && &user.state == state
        {
            return Ok(Instant::now());
        }
    }
    Err(format!(
        "no UserChanged of {login_id} to {state} within {LIMIT:?}"
    ))
}

fn run(agents: u32, rounds: usize) -> Result<(), String> {
    let emulator = Emulator::start(EmulatorConfig::new().timing(Timing {
        step: Duration::from_millis(1),
        ring: Duration::from_millis(50),
    }))
    .map_err(|e| e.to_string())?;
    let mut members = Vec::new();
    for i in 0..agents {
        let id = (FIRST_AGENT + i).to_string();
        let password = format!("secret{id}");
        emulator.add_agent(AgentConfig::new(&id, format!("agent{id}"), &password));
        let agent = client(&emulator, &id, &password)?;
        agent
            .sign_in(&format!("5{id}"))
            .and_then(|a| a.wait(LIMIT))
            .map_err(|e| e.to_string())?;
        members.push((id, agent));
    }
    let boss = client(&emulator, "2001", "secret2001")?;
    let wallboard = boss
        .notifications_with(
            NotificationOptions::default().subscribe("/finesse/api/Team/5007/Users"),
        )
        .map_err(|e| e.to_string())?;
    let team = boss.team("5007").map_err(|e| e.to_string())?;

    // Each agent's own session, for the baseline; opened after the sign-ins.
    let own: Vec<Notifications> = members
        .iter()
        .map(|(_, c)| c.notifications().map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;

    // Each change is timed on one session at a time, the other's events left unread: first
    // the wallboard, then the agents' own sessions, with the same agents and changes.
    let mut board = Vec::with_capacity(rounds);
    let mut mine = Vec::with_capacity(rounds);
    for (phase, times) in [(0, &mut board), (1, &mut mine)] {
        for round in 0..rounds {
            let index = round % members.len();
            let (id, agent) = &members[index];
            // Every agent starts NOT_READY; its changes alternate READY, NOT_READY.
            let ready = ((phase * rounds + round) / members.len()).is_multiple_of(2);
            let state = if ready {
                AgentState::Ready
            } else {
                AgentState::NotReady
            };
            let session = if phase == 0 { &wallboard } else { &own[index] };
            while session.try_recv().is_some() {}
            let start = Instant::now();
            if ready {
                agent.ready()
            } else {
                agent.not_ready(Some(NOT_READY_REASON))
            }
            .map_err(|e| e.to_string())?;
            times.push(seen(session, id, &state)? - start);
        }
    }

    let mut get_team = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let start = Instant::now();
        boss.team("5007").map_err(|e| e.to_string())?;
        get_team.push(start.elapsed());
    }

    let us = |d: Duration| d.as_secs_f64() * 1e6;
    let p = |v: &mut Vec<Duration>, q: f64| {
        v.sort();
        v[((v.len() as f64 - 1.0) * q).round() as usize]
    };
    let board_p50 = p(&mut board, 0.5);
    let own_p50 = p(&mut mine, 0.5);
    println!("members {}", team.users.len());
    println!("wallboard_p50_us {:.1}", us(board_p50));
    println!("wallboard_p99_us {:.1}", us(p(&mut board, 0.99)));
    println!("wallboard_max_us {:.1}", us(p(&mut board, 1.0)));
    println!("own_p50_us {:.1}", us(own_p50));
    println!("own_p99_us {:.1}", us(p(&mut mine, 0.99)));
    println!("ratio_p50 {:.3}", us(board_p50) / us(own_p50));
    println!("get_team_p50_us {:.1}", us(p(&mut get_team, 0.5)));
    Ok(())
}
