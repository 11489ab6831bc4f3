//! What the application was last told about its agent (its User and Dialogs), and the events
//! that bring it up to date after an outage: finesse.js reads every object again when the
//! connection is RECOVERED (`_refreshObjects`, finesse-10.5.1.js), since notifications sent
//! during an outage are lost (DG12.5 p379).

use crate::error::Error;
use crate::events::Event;
use crate::http::Http;
use crate::model::{Dialog, User};

/// The agent's User and Dialogs as the events delivered so far describe them.
pub(crate) struct View {
    login_id: String,
    /// `None` until known: a resync then delivers the User as read.
    user: Option<User>,
    /// Few: an agent has a handful of dialogs at most.
    dialogs: Vec<Dialog>,
}

impl View {
    pub(crate) fn new(login_id: String) -> View {
        View {
            login_id,
            user: None,
            dialogs: Vec::new(),
        }
    }

    /// Follows what a delivered event tells about the agent.
    pub(crate) fn observe(&mut self, event: &Event) {
        match event {
            Event::UserChanged { user, .. } if user.login_id == self.login_id => {
                self.user = Some(user.clone());
            }
            Event::DialogAdded { dialog, .. } | Event::DialogChanged { dialog, .. } => {
                match self.dialogs.iter_mut().find(|d| d.id == dialog.id) {
                    Some(known) => *known = dialog.clone(),
                    None => self.dialogs.push(dialog.clone()),
                }
            }
            Event::DialogRemoved { dialog, .. } => self.dialogs.retain(|d| d.id != dialog.id),
            _ => {}
        }
    }

    /// Reads the agent's User and Dialogs from `node` and takes them as what is known,
    /// without events: the start of a session.
    pub(crate) fn load(&mut self, http: &Http, node: &str) -> Result<(), Error> {
        let (user, dialogs) = read(http, node, &self.login_id)?;
        self.user = Some(user);
        self.dialogs = dialogs;
        Ok(())
    }

    /// Reads the agent's User and Dialogs from `node`, and returns the events, marked
    /// `resync`, that turn what is known into what the server holds: dialogs removed first
    /// (a call that ended during the outage), then added or changed, then the User.
    pub(crate) fn resync(&mut self, http: &Http, node: &str) -> Result<Vec<Event>, Error> {
        let (user, dialogs) = read(http, node, &self.login_id)?;
        let mut events = Vec::new();
        for gone in self
            .dialogs
            .iter()
            .filter(|known| !dialogs.iter().any(|d| d.id == known.id))
        {
            events.push(Event::DialogRemoved {
                dialog: gone.clone(),
                request_id: None,
                resync: true,
            });
        }
        for dialog in &dialogs {
            match self.dialogs.iter().find(|known| known.id == dialog.id) {
                None => events.push(Event::DialogAdded {
                    dialog: dialog.clone(),
                    request_id: None,
                    resync: true,
                }),
                Some(known) if known != dialog => events.push(Event::DialogChanged {
                    dialog: dialog.clone(),
                    request_id: None,
                    resync: true,
                }),
                Some(_) => {}
            }
        }
        if self.user.as_ref() != Some(&user) {
            events.push(Event::UserChanged {
                user: user.clone(),
                request_id: None,
                resync: true,
            });
        }
        self.user = Some(user);
        self.dialogs = dialogs;
        Ok(events)
    }
}

fn read(http: &Http, node: &str, login_id: &str) -> Result<(User, Vec<Dialog>), Error> {
    let user = http.get_from(node, &format!("/finesse/api/User/{login_id}"))?;
    let user = User::from_xml_with_limits(&user, http.limits())?;
    let dialogs = http.get_from(node, &format!("/finesse/api/User/{login_id}/Dialogs"))?;
    let dialogs = Dialog::list_from_xml_with_limits(&dialogs, http.limits())?;
    Ok((user, dialogs))
}
