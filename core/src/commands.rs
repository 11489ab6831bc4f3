//! The commands a client sends (PUT/POST), their validation and their XML bodies.

use crate::error::Error;
use crate::model::CallVariable;
use crate::validate::{self, VariableUse};
use crate::xml::XmlWriter;

/// A call to place (`MAKE_CALL`): click-to-dial.
///
/// ```
/// use finesse_client::MakeCall;
/// let call = MakeCall::new("6135551212")
///     .call_variable("callVariable1", "acct-42")
///     .call_variable("user.CustomerId", "9");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MakeCall {
    to_address: String,
    from_address: Option<String>,
    call_variables: Vec<CallVariable>,
}

impl MakeCall {
    /// A call to `to_address`: any printable ASCII, sent as given (Finesse does not normalize
    /// numbers, and neither does this library).
    pub fn new(to_address: impl Into<String>) -> Self {
        MakeCall {
            to_address: to_address.into(),
            from_address: None,
            call_variables: Vec::new(),
        }
    }

    /// Dials from this extension instead of the one the agent is signed in with.
    pub fn from_address(mut self, extension: impl Into<String>) -> Self {
        self.from_address = Some(extension.into());
        self
    }

    /// Adds a call variable (`callVariable1`-`10`) or ECC variable (`user.<name>`,
    /// `user.<name>[<i>]`). CCE only: CCX rejects any call data on MAKE_CALL.
    pub fn call_variable(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.call_variables.push(CallVariable::new(name, value));
        self
    }

    /// The destination.
    pub fn to(&self) -> &str {
        &self.to_address
    }

    /// The extension to dial from, when set explicitly.
    pub fn from(&self) -> Option<&str> {
        self.from_address.as_deref()
    }

    /// The call variables, in the order given.
    pub fn call_variables(&self) -> &[CallVariable] {
        &self.call_variables
    }

    /// Checks everything but the sending extension.
    pub(crate) fn validate(&self) -> Result<(), Error> {
        validate::address("to_address", &self.to_address)?;
        if let Some(from) = &self.from_address {
            validate::address("from_address", from)?;
        }
        validate::call_variables(&self.call_variables, VariableUse::MakeCall)
    }

    /// The request body as sent, dialing from `from_address` (for logs and tests).
    pub fn to_xml(&self, from_address: &str) -> String {
        let mut w = XmlWriter::new("Dialog");
        w.element("requestedAction", "MAKE_CALL");
        w.element("fromAddress", from_address);
        w.element("toAddress", &self.to_address);
        if !self.call_variables.is_empty() {
            w.open("mediaProperties");
            write_variables(&mut w, &self.call_variables);
            w.close("mediaProperties");
        }
        w.finish("Dialog")
    }
}

/// Call data to write on a dialog (`UPDATE_CALL_DATA`): only what is given changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallData {
    wrap_up_reason: Option<String>,
    call_variables: Vec<CallVariable>,
}

impl CallData {
    /// Nothing yet; add a wrap-up reason or variables.
    pub fn new() -> Self {
        CallData::default()
    }

    /// Sets the wrap-up reason (at most 39 bytes).
    pub fn wrap_up_reason(mut self, reason: impl Into<String>) -> Self {
        self.wrap_up_reason = Some(reason.into());
        self
    }

    /// Sets a call variable or ECC variable.
    pub fn call_variable(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.call_variables.push(CallVariable::new(name, value));
        self
    }

    /// The wrap-up reason, if set.
    pub fn get_wrap_up_reason(&self) -> Option<&str> {
        self.wrap_up_reason.as_deref()
    }

    /// The variables, in the order given.
    pub fn call_variables(&self) -> &[CallVariable] {
        &self.call_variables
    }

    fn validate(&self) -> Result<(), Error> {
        if self.wrap_up_reason.is_none() && self.call_variables.is_empty() {
            return Err(Error::invalid(
                "call_data",
                "give a wrap-up reason or at least one call variable",
            ));
        }
        if let Some(reason) = &self.wrap_up_reason {
            validate::wrap_up_reason(reason)?;
        }
        validate::call_variables(&self.call_variables, VariableUse::UpdateCallData)
    }
}

/// An action on an existing dialog (PUT `/finesse/api/Dialog/<id>`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DialogAction {
    /// Answer a ringing call.
    Answer,
    /// Hold the call.
    Hold,
    /// Take the call off hold.
    Retrieve,
    /// Leave (end) the call.
    Drop,
    /// Hold this call and call `to_address` for a consult.
    ConsultCall {
        /// Whom to consult.
        to_address: String,
    },
    /// Complete a consult transfer (on either dialog).
    Transfer,
    /// Transfer the call to `to_address` without consulting.
    TransferSst {
        /// Where to transfer.
        to_address: String,
    },
    /// Join the consult call into a conference.
    Conference,
    /// Send DTMF digits (0-9, *, #, A-D).
    SendDtmf {
        /// The digits.
        digits: String,
    },
    /// Drop a participant from a conference (CCE).
    ParticipantDrop {
        /// The participant to drop.
        media_address: String,
    },
    /// Write call variables and/or the wrap-up reason.
    UpdateCallData(CallData),
}

impl DialogAction {
    /// The `requestedAction` value.
    pub fn name(&self) -> &'static str {
        match self {
            DialogAction::Answer => "ANSWER",
            DialogAction::Hold => "HOLD",
            DialogAction::Retrieve => "RETRIEVE",
            DialogAction::Drop => "DROP",
            DialogAction::ConsultCall { .. } => "CONSULT_CALL",
            DialogAction::Transfer => "TRANSFER",
            DialogAction::TransferSst { .. } => "TRANSFER_SST",
            DialogAction::Conference => "CONFERENCE",
            DialogAction::SendDtmf { .. } => "SEND_DTMF",
            DialogAction::ParticipantDrop { .. } => "PARTICIPANT_DROP",
            DialogAction::UpdateCallData(_) => "UPDATE_CALL_DATA",
        }
    }

    /// Whether the body carries the acting agent's extension as `targetMediaAddress`.
    pub(crate) fn needs_own_extension(&self) -> bool {
        !matches!(
            self,
            DialogAction::UpdateCallData(_) | DialogAction::ParticipantDrop { .. }
        )
    }

    pub(crate) fn validate(&self) -> Result<(), Error> {
        match self {
            DialogAction::ConsultCall { to_address } | DialogAction::TransferSst { to_address } => {
                validate::address("to_address", to_address)
            }
            DialogAction::SendDtmf { digits } => validate::dtmf(digits),
            DialogAction::ParticipantDrop { media_address } => {
                validate::address("media_address", media_address)
            }
            DialogAction::UpdateCallData(data) => data.validate(),
            _ => Ok(()),
        }
    }

    /// The body; `own_extension` is the acting agent's extension, used as the target of every
    /// action but UPDATE_CALL_DATA and PARTICIPANT_DROP.
    pub(crate) fn to_xml(&self, own_extension: Option<&str>) -> String {
        let mut w = XmlWriter::new("Dialog");
        w.element("requestedAction", self.name());
        match self {
            DialogAction::ConsultCall { to_address } | DialogAction::TransferSst { to_address } => {
                w.element("toAddress", to_address);
            }
            DialogAction::ParticipantDrop { media_address } => {
                w.element("targetMediaAddress", media_address);
            }
            DialogAction::UpdateCallData(data) => {
                w.open("mediaProperties");
                if let Some(reason) = &data.wrap_up_reason {
                    w.element("wrapUpReason", reason);
                }
                if !data.call_variables.is_empty() {
                    write_variables(&mut w, &data.call_variables);
                }
                w.close("mediaProperties");
            }
            _ => {}
        }
        if let Some(ext) = own_extension.filter(|_| self.needs_own_extension()) {
            w.element("targetMediaAddress", ext);
        }
        if let DialogAction::SendDtmf { digits } = self {
            w.open("actionParams");
            w.open("ActionParam");
            w.element("name", "dtmfString");
            w.element("value", digits);
            w.close("ActionParam");
            w.close("actionParams");
        }
        w.finish("Dialog")
    }
}

/// The body of a User state change.
pub(crate) fn user_state_xml(
    state: &str,
    reason_code_id: Option<i64>,
    extension: Option<&str>,
) -> String {
    let mut w = XmlWriter::new("User");
    w.element("state", state);
    if let Some(ext) = extension {
        w.element("extension", ext);
    }
    if let Some(id) = reason_code_id {
        w.element("reasonCodeId", &id.to_string());
    }
    w.finish("User")
}

/// The body of a supervisor's SILENT_MONITOR or BARGE_CALL (DG12.5 p98, p101).
pub(crate) fn supervise_xml(
    action: &str,
    from_address: &str,
    to_address: &str,
    associated_dialog_uri: Option<&str>,
) -> String {
    let mut w = XmlWriter::new("Dialog");
    w.element("requestedAction", action);
    w.element("fromAddress", from_address);
    w.element("toAddress", to_address);
    if let Some(uri) = associated_dialog_uri {
        w.element("associatedDialogUri", uri);
    }
    w.finish("Dialog")
}

fn write_variables(w: &mut XmlWriter, vars: &[CallVariable]) {
    w.open("callvariables");
    for var in vars {
        w.open("CallVariable");
        w.element("name", &var.name);
        w.element("value", &var.value);
        w.close("CallVariable");
    }
    w.close("callvariables");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn make_call_body_escapes_text_and_keeps_the_address_verbatim() {
        let call = MakeCall::new("+1 (613) 555-1212 <ext&9>")
            .call_variable("callVariable1", "a&b")
            .call_variable("user.Orders[0]", "x");
        assert_eq!(
            call.to_xml("1001001"),
            "<Dialog><requestedAction>MAKE_CALL</requestedAction>\
             <fromAddress>1001001</fromAddress>\
             <toAddress>+1 (613) 555-1212 &lt;ext&amp;9&gt;</toAddress>\
             <mediaProperties><callvariables>\
             <CallVariable><name>callVariable1</name><value>a&amp;b</value></CallVariable>\
             <CallVariable><name>user.Orders[0]</name><value>x</value></CallVariable>\
             </callvariables></mediaProperties></Dialog>"
        );
        assert!(
            !MakeCall::new("6135551212")
                .to_xml("1")
                .contains("mediaProperties")
        );
    }

    #[test]
    fn dialog_action_bodies() {
        assert_eq!(
            DialogAction::Answer.to_xml(Some("1001001")),
            "<Dialog><requestedAction>ANSWER</requestedAction>\
             <targetMediaAddress>1001001</targetMediaAddress></Dialog>"
        );
        assert_eq!(
            DialogAction::ConsultCall {
                to_address: "1002002".into()
            }
            .to_xml(Some("1001001")),
            "<Dialog><requestedAction>CONSULT_CALL</requestedAction>\
             <toAddress>1002002</toAddress>\
             <targetMediaAddress>1001001</targetMediaAddress></Dialog>"
        );
        assert_eq!(
            DialogAction::SendDtmf {
                digits: "777#".into()
            }
            .to_xml(Some("1001001")),
            "<Dialog><requestedAction>SEND_DTMF</requestedAction>\
             <targetMediaAddress>1001001</targetMediaAddress>\
             <actionParams><ActionParam><name>dtmfString</name><value>777#</value>\
             </ActionParam></actionParams></Dialog>"
        );
        assert_eq!(
            DialogAction::ParticipantDrop {
                media_address: "6135551212".into()
            }
            .to_xml(Some("1001001")),
            "<Dialog><requestedAction>PARTICIPANT_DROP</requestedAction>\
             <targetMediaAddress>6135551212</targetMediaAddress></Dialog>"
        );
        let data = CallData::new()
            .wrap_up_reason("Sales Call")
            .call_variable("callVariable3", "x");
        assert_eq!(
            DialogAction::UpdateCallData(data).to_xml(Some("1001001")),
            "<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction>\
             <mediaProperties><wrapUpReason>Sales Call</wrapUpReason><callvariables>\
             <CallVariable><name>callVariable3</name><value>x</value></CallVariable>\
             </callvariables></mediaProperties></Dialog>"
        );
    }

    #[test]
    fn supervisor_bodies() {
        assert_eq!(
            supervise_xml("SILENT_MONITOR", "2001001", "1001001", None),
            "<Dialog><requestedAction>SILENT_MONITOR</requestedAction>\
             <fromAddress>2001001</fromAddress><toAddress>1001001</toAddress></Dialog>"
        );
        assert_eq!(
            supervise_xml(
                "BARGE_CALL",
                "2001001",
                "1001001",
                Some("/finesse/api/Dialog/16777220")
            ),
            "<Dialog><requestedAction>BARGE_CALL</requestedAction>\
             <fromAddress>2001001</fromAddress><toAddress>1001001</toAddress>\
             <associatedDialogUri>/finesse/api/Dialog/16777220</associatedDialogUri></Dialog>"
        );
        assert_eq!(
            user_state_xml("NOT_READY", None, None),
            "<User><state>NOT_READY</state></User>"
        );
    }

    #[test]
    fn user_state_bodies() {
        assert_eq!(
            user_state_xml("LOGIN", None, Some("1001001")),
            "<User><state>LOGIN</state><extension>1001001</extension></User>"
        );
        assert_eq!(
            user_state_xml("NOT_READY", Some(22), None),
            "<User><state>NOT_READY</state><reasonCodeId>22</reasonCodeId></User>"
        );
    }
}
