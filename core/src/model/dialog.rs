//! The Dialog resource: a call, its participants and its call data.

use serde::Serialize;

use super::{
    Action, CallType, DialogState, MediaAddressType, ParticipantState, StateCause, non_empty,
};
use crate::error::Error;
use crate::limits::DecodeLimits;
use crate::xml::{XmlReader, decode_document};

/// A dialog (`/finesse/api/Dialog/<id>`): for voice, one call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Dialog {
    /// The call id, e.g. `16777437`.
    pub id: String,
    /// The resource URI.
    pub uri: String,
    /// The related dialog (consult call and original call), if any.
    pub associated_dialog_uri: Option<String>,
    /// After a transfer or conference, the id of the call merged away.
    pub secondary_id: Option<String>,
    /// The media routing domain name: `Voice` for calls.
    pub media_type: String,
    /// The calling party.
    pub from_address: String,
    /// The dialed number of the original call.
    pub to_address: String,
    /// The customer number without dialer prefix (CCE direct preview).
    pub callback_number: Option<String>,
    /// The dialog state.
    pub state: DialogState,
    /// Call data.
    pub media_properties: MediaProperties,
    /// The parties on the call.
    pub participants: Vec<Participant>,
    /// A scheduled callback (Outbound Option).
    pub scheduled_callback_info: Option<ScheduledCallbackInfo>,
}

/// Call data of a dialog (`Dialog/mediaProperties`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MediaProperties {
    /// The media routing domain id (`1` for voice).
    pub media_id: Option<String>,
    /// The number dialed.
    pub dialed_number: Option<String>,
    /// The DNIS.
    pub dnis: Option<String>,
    /// How the call came to be.
    pub call_type: Option<CallType>,
    /// Outbound Option classification.
    pub outbound_classification: Option<String>,
    /// The queue (skill group / CSQ) number.
    pub queue_number: Option<String>,
    /// The queue name.
    pub queue_name: Option<String>,
    /// CCE call key: call id.
    pub call_key_call_id: Option<String>,
    /// CCE call key: sequence number.
    pub call_key_sequence_num: Option<String>,
    /// CCE call key: prefix.
    pub call_key_prefix: Option<String>,
    /// The CCE call GUID (12.6).
    pub call_guid: Option<String>,
    /// The wrap-up reason set on the call.
    pub wrap_up_reason: Option<String>,
    /// Wrap-up items (CCX).
    pub wrap_up_items: Vec<String>,
    /// Call variables (`callVariable1`-`10`), ECC variables (`user.*`, arrays as
    /// `user.name[i]`) and Outbound Option `BA*` variables, in document order.
    pub call_variables: Vec<CallVariable>,
}

/// One call variable: `callVariableN`, `user.<name>`, `user.<name>[<i>]` or `BA*`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CallVariable {
    /// The variable name as Finesse writes it.
    pub name: String,
    /// The value; empty when unset.
    pub value: String,
}

impl CallVariable {
    /// A name-value pair.
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        CallVariable {
            name: name.into(),
            value: value.into(),
        }
    }
}

/// One party on a dialog (`Dialog/participants/Participant`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Participant {
    /// What this participant may do now; drive buttons from this, not from the state.
    pub actions: Vec<Action>,
    /// The party's extension or number.
    pub media_address: String,
    /// `AGENT_DEVICE` for an agent's phone; `None` for external parties.
    pub media_address_type: Option<MediaAddressType>,
    /// When the party joined.
    pub start_time: Option<String>,
    /// The party's state.
    pub state: ParticipantState,
    /// Why it failed, when it did.
    pub state_cause: Option<StateCause>,
    /// When the state last changed.
    pub state_change_time: Option<String>,
}

/// A scheduled callback (`Dialog/scheduledCallbackInfo`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ScheduledCallbackInfo {
    /// When, as `YYYY-MM-DDTHH:MM`.
    pub callback_time: Option<String>,
    /// The number to call back.
    pub callback_number: Option<String>,
}

impl Dialog {
    /// Decodes a `Dialog` document (a GET answer, or the `<dialog>` of a notification).
    pub fn from_xml(xml: impl AsRef<[u8]>) -> Result<Dialog, Error> {
        Self::from_xml_with_limits(xml.as_ref(), DecodeLimits::DEFAULT)
    }

    /// Decodes a `Dialogs` document (the user's dialog list, or the `<dialogs>` of a
    /// notification). An empty list may be written `<Dialogs/>`.
    pub fn list_from_xml(xml: impl AsRef<[u8]>) -> Result<Vec<Dialog>, Error> {
        Self::list_from_xml_with_limits(xml.as_ref(), DecodeLimits::DEFAULT)
    }

    pub(crate) fn from_xml_with_limits(xml: &[u8], limits: DecodeLimits) -> Result<Dialog, Error> {
        decode_document(xml, "Dialog", &[b"dialog"], limits, Dialog::read)
    }

    pub(crate) fn list_from_xml_with_limits(
        xml: &[u8],
        limits: DecodeLimits,
    ) -> Result<Vec<Dialog>, Error> {
        decode_document(xml, "Dialogs", &[b"dialogs"], limits, |r| {
            r.list(b"dialog", Dialog::read)
        })
    }

    /// The participant with this media address, if any.
    pub fn participant(&self, media_address: &str) -> Option<&Participant> {
        self.participants
            .iter()
            .find(|p| p.media_address == media_address)
    }

    pub(crate) fn read(r: &mut XmlReader<'_>) -> Result<Dialog, Error> {
        let mut d = Dialog {
            id: String::new(),
            uri: String::new(),
            associated_dialog_uri: None,
            secondary_id: None,
            media_type: String::new(),
            from_address: String::new(),
            to_address: String::new(),
            callback_number: None,
            state: DialogState::Other(String::new()),
            media_properties: MediaProperties::default(),
            participants: Vec::new(),
            scheduled_callback_info: None,
        };
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"id" => d.id = r.text()?,
                b"uri" => d.uri = r.text()?,
                b"associateddialoguri" => d.associated_dialog_uri = non_empty(r.text()?),
                b"secondaryid" => d.secondary_id = non_empty(r.text()?),
                b"mediatype" => d.media_type = r.text()?,
                b"fromaddress" => d.from_address = r.text()?,
                b"toaddress" => d.to_address = r.text()?,
                b"callbacknumber" => d.callback_number = non_empty(r.text()?),
                b"state" => d.state = DialogState::parse(&r.text()?),
                b"mediaproperties" => d.media_properties = MediaProperties::read(r)?,
                b"participants" => d.participants = r.list(b"participant", Participant::read)?,
                b"scheduledcallbackinfo" => {
                    d.scheduled_callback_info = Some(ScheduledCallbackInfo::read(r)?)
                }
                _ => r.skip()?,
            }
        }
        if d.id.is_empty() {
            // A dialog without an id cannot be acted on; fall back to the URI's last segment.
            if let Some(id) = d.uri.rsplit('/').next() {
                d.id = id.to_owned();
            }
        }
        Ok(d)
    }
}

impl MediaProperties {
    /// The value of a call variable by name (`callVariable1`, `user.CustomerId`, `BAStatus`).
    pub fn call_variable(&self, name: &str) -> Option<&str> {
        self.call_variables
            .iter()
            .find(|v| v.name == name)
            .map(|v| v.value.as_str())
    }

    fn read(r: &mut XmlReader<'_>) -> Result<MediaProperties, Error> {
        let mut m = MediaProperties::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"mediaid" => m.media_id = non_empty(r.text()?),
                b"dialednumber" => m.dialed_number = non_empty(r.text()?),
                b"dnis" => m.dnis = non_empty(r.text()?),
                b"calltype" => m.call_type = non_empty(r.text()?).map(|s| CallType::parse(&s)),
                b"outboundclassification" => m.outbound_classification = non_empty(r.text()?),
                b"queuenumber" => m.queue_number = non_empty(r.text()?),
                b"queuename" => m.queue_name = non_empty(r.text()?),
                b"callkeycallid" => m.call_key_call_id = non_empty(r.text()?),
                b"callkeysequencenum" => m.call_key_sequence_num = non_empty(r.text()?),
                b"callkeyprefix" => m.call_key_prefix = non_empty(r.text()?),
                b"callguid" => m.call_guid = non_empty(r.text()?),
                b"wrapupreason" => m.wrap_up_reason = non_empty(r.text()?),
                b"wrapupitems" => m.wrap_up_items = r.text_list(b"wrapupitem")?,
                b"callvariables" => m.call_variables = r.list(b"callvariable", read_variable)?,
                _ => r.skip()?,
            }
        }
        Ok(m)
    }
}

fn read_variable(r: &mut XmlReader<'_>) -> Result<CallVariable, Error> {
    let mut v = CallVariable::default();
    while let Some(name) = r.next_child()? {
        match name.as_bytes() {
            b"name" => v.name = r.text()?,
            b"value" => v.value = r.text()?,
            _ => r.skip()?,
        }
    }
    Ok(v)
}

impl Participant {
    /// Whether `action` is currently allowed for this participant.
    pub fn can(&self, action: &Action) -> bool {
        self.actions.contains(action)
    }

    fn read(r: &mut XmlReader<'_>) -> Result<Participant, Error> {
        let mut p = Participant {
            actions: Vec::new(),
            media_address: String::new(),
            media_address_type: None,
            start_time: None,
            state: ParticipantState::Other(String::new()),
            state_cause: None,
            state_change_time: None,
        };
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"actions" => p.actions = r.list(b"action", |r| Ok(Action::parse(&r.text()?)))?,
                b"mediaaddress" => p.media_address = r.text()?,
                b"mediaaddresstype" => {
                    p.media_address_type = non_empty(r.text()?).map(|s| MediaAddressType::parse(&s))
                }
                b"starttime" => p.start_time = non_empty(r.text()?),
                b"state" => p.state = ParticipantState::parse(&r.text()?),
                b"statecause" => {
                    p.state_cause = non_empty(r.text()?).map(|s| StateCause::parse(&s))
                }
                b"statechangetime" => p.state_change_time = non_empty(r.text()?),
                _ => r.skip()?,
            }
        }
        Ok(p)
    }
}

impl ScheduledCallbackInfo {
    fn read(r: &mut XmlReader<'_>) -> Result<ScheduledCallbackInfo, Error> {
        let mut s = ScheduledCallbackInfo::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"callbacktime" => s.callback_time = non_empty(r.text()?),
                b"callbacknumber" => s.callback_number = non_empty(r.text()?),
                _ => r.skip()?,
            }
        }
        Ok(s)
    }
}
