//! The decoder of a whole XMPP pub-sub `<message>` as Finesse sends it, for applications that
//! receive Finesse notifications through their own XMPP stack (or from logs).

use serde::Serialize;

use super::Event;
use crate::error::Error;
use crate::limits::DecodeLimits;
use crate::xml::{XmlReader, decode_document};

/// One pub-sub event message from the Finesse notification service: the node it was published
/// to and the events of its `<Update>`.
///
/// Finesse sends
/// `<message from="pubsub.<domain>" to="…" id="…" xmlns="jabber:client">`
/// `<event xmlns="http://jabber.org/protocol/pubsub#event"><items node="/finesse/api/User/1001">`
/// `<item id="…"><notification xmlns="http://jabber.org/protocol/pubsub">&lt;Update&gt;…`
/// `</notification></item></items></event></message>`, the `<Update>` escaped as text; an
/// `<Update>` embedded as an element is accepted too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PubSubMessage {
    /// The node the item was published to, e.g. `/finesse/api/User/1001` or
    /// `/finesse/api/Team/5007/Users`.
    pub node: String,
    /// The item's id, when it has one. Finesse publishes one item per message; should a
    /// message carry several, this is the first one's.
    pub item_id: Option<String>,
    /// The events of the item's `<Update>` (of every item, in order, should there be several).
    pub events: Vec<Event>,
}

impl PubSubMessage {
    /// Decodes a `<message>` stanza. A message without a pub-sub event (no `<event>`, no
    /// `<items>` with a `node`, no `<item>`, no `<notification>`) is an [`Error::Decode`]
    /// naming what is missing; an `<Update>` that cannot be decoded is the Update's
    /// [`Error::Decode`].
    pub fn from_xml(xml: impl AsRef<[u8]>) -> Result<PubSubMessage, Error> {
        let limits = DecodeLimits::DEFAULT;
        decode_document(xml.as_ref(), "message", &[b"message"], limits, |r| {
            let mut message = None;
            while let Some(name) = r.next_child()? {
                match name.as_bytes() {
                    b"event" if message.is_none() => message = Some(read_event(r, limits)?),
                    _ => r.skip()?,
                }
            }
            message.ok_or_else(|| r.error("no pub-sub <event> in the message"))
        })
    }
}

/// `<event>`: its `<items>` (other children, such as a node's deletion, are skipped).
fn read_event(r: &mut XmlReader<'_>, limits: DecodeLimits) -> Result<PubSubMessage, Error> {
    let mut message = None;
    while let Some((name, node)) = r.next_child_with_attr(b"node")? {
        match name.as_bytes() {
            b"items" if message.is_none() => {
                let node = node
                    .filter(|n| !n.is_empty())
                    .ok_or_else(|| r.error("the pub-sub <items> has no node"))?;
                message = Some(read_items(r, node, limits)?);
            }
            _ => r.skip()?,
        }
    }
    message.ok_or_else(|| r.error("the pub-sub <event> has no <items>"))
}

/// `<items>`: each `<item>` (retractions are skipped).
fn read_items(
    r: &mut XmlReader<'_>,
    node: String,
    limits: DecodeLimits,
) -> Result<PubSubMessage, Error> {
    let mut message = PubSubMessage {
        node,
        item_id: None,
        events: Vec::new(),
    };
    let mut items = 0usize;
    while let Some((name, id)) = r.next_child_with_attr(b"id")? {
        match name.as_bytes() {
            b"item" => {
                items += 1;
                if items == 1 {
                    message.item_id = id;
                }
                message.events.extend(read_item(r, limits)?);
            }
            _ => r.skip()?,
        }
    }
    if items == 0 {
        return Err(r.error("the pub-sub <items> has no <item>"));
    }
    Ok(message)
}

/// `<item>`: the events of its `<notification>`.
fn read_item(r: &mut XmlReader<'_>, limits: DecodeLimits) -> Result<Vec<Event>, Error> {
    let mut events = None;
    while let Some(name) = r.next_child()? {
        match name.as_bytes() {
            b"notification" if events.is_none() => {
                let update = r.embedded_document()?;
                if update.trim_ascii().is_empty() {
                    return Err(r.error("the pub-sub <notification> is empty"));
                }
                events = Some(Event::from_update_xml_with_limits(&update, limits)?);
            }
            _ => r.skip()?,
        }
    }
    events.ok_or_else(|| r.error("the pub-sub <item> has no <notification>"))
}
