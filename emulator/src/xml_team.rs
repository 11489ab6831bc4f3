//! The Team document (`GET /finesse/api/Team/<id>`), in the element order of the guide's
//! sample: DG12.5 p144 "Team" and DEVNET `team` ("The Team object is structured as
//! follows"): `uri`, `id`, `name`, then `users/User` summaries with `uri`, `loginId`,
//! `firstName`, `lastName`, `dialogs`, `extension`, `pendingState`, `state`, `reasonCode`
//! (when a reason applies), `stateChangeTime`; CCX adds `mediaState` (DG12.5 p150 "Team API
//! Parameters").

use crate::state::World;
use crate::state::agent::Agent;
use crate::state::dialog::Activity;
use crate::xml_out::{escape_into, timestamp};

fn leaf(out: &mut String, name: &str, text: &str) {
    out.push('<');
    out.push_str(name);
    out.push('>');
    escape_into(out, text);
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// The team's document; `members` in login id order.
pub(crate) fn team(world: &World, id: &str, name: &str, members: &[&Agent]) -> String {
    let mut out = String::with_capacity(256 + members.len() * 512);
    out.push_str("<Team>");
    leaf(&mut out, "uri", &format!("/finesse/api/Team/{id}"));
    leaf(&mut out, "id", id);
    leaf(&mut out, "name", name);
    if members.is_empty() {
        out.push_str("<users/>");
    } else {
        out.push_str("<users>");
        for a in members {
            member(&mut out, world, a);
        }
        out.push_str("</users>");
    }
    out.push_str("</Team>");
    out
}

fn member(out: &mut String, world: &World, a: &Agent) {
    let id = &a.cfg.login_id;
    out.push_str("<User>");
    leaf(out, "uri", &format!("/finesse/api/User/{id}"));
    leaf(out, "loginId", id);
    leaf(out, "firstName", &a.cfg.first_name);
    leaf(out, "lastName", &a.cfg.last_name);
    leaf(out, "dialogs", &format!("/finesse/api/User/{id}/Dialogs"));
    leaf(out, "extension", &a.extension);
    if world.ccx() {
        let busy = world.call_activity(id) != Activity::Idle;
        leaf(out, "mediaState", if busy { "BUSY" } else { "IDLE" });
    }
    leaf(
        out,
        "pendingState",
        a.pending.map(|(s, _)| s.as_str()).unwrap_or_default(),
    );
    leaf(out, "state", a.state.as_str());
    if let Some(c) = a.reason.and_then(|r| world.find_reason_code(r, a.state)) {
        out.push_str("<reasonCode>");
        leaf(out, "category", c.category.as_str());
        leaf(out, "code", &c.code.to_string());
        leaf(out, "label", &c.label);
        leaf(out, "id", &c.id.to_string());
        leaf(out, "uri", &format!("/finesse/api/ReasonCode/{}", c.id));
        out.push_str("</reasonCode>");
    }
    leaf(out, "stateChangeTime", &timestamp(a.state_change_time));
    out.push_str("</User>");
}
