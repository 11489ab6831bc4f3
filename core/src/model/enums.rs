//! The string-valued enumerations of the Finesse API.
//!
//! Each keeps values it does not know in an `Other` variant: a newer server must never break an
//! older client, so decoding never fails on an unknown state or action.

/// Declares a string enumeration with an `Other(String)` fallback, its wire strings, parsing,
/// `Display` and serde `Serialize` (as the wire string).
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this version of the library does not know, kept as sent.
            Other(String),
        }

        impl $name {
            /// Every known value, in the order the API documents them.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),*];

            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )*
                    $name::Other(s) => s,
                }
            }

            /// Parses a wire value; unknown values become `Other`.
            pub fn parse(s: &str) -> Self {
                match s {
                    $( $wire => $name::$variant, )*
                    other => $name::Other(other.to_owned()),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Self::parse(s))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

wire_enum! {
    /// An agent state (`User/state`, `User/pendingState`).
    pub enum AgentState {
        /// Signed out.
        Logout = "LOGOUT",
        /// Signed in, not taking routed calls.
        NotReady = "NOT_READY",
        /// Available for routed calls.
        Ready = "READY",
        /// Reserved for a routed call.
        Reserved = "RESERVED",
        /// Reserved for an Outbound Option call.
        ReservedOutbound = "RESERVED_OUTBOUND",
        /// Reserved for an Outbound Option preview call.
        ReservedOutboundPreview = "RESERVED_OUTBOUND_PREVIEW",
        /// On a call.
        Talking = "TALKING",
        /// The only call is held (CCE).
        Hold = "HOLD",
        /// Wrap-up, then NOT_READY.
        Work = "WORK",
        /// Wrap-up, then READY.
        WorkReady = "WORK_READY",
        /// The server does not know the state.
        Unknown = "UNKNOWN",
    }
}

wire_enum! {
    /// The state of a dialog (a call) as a whole.
    pub enum DialogState {
        /// The call is being set up at the device.
        Initiating = "INITIATING",
        /// Dialing.
        Initiated = "INITIATED",
        /// Ringing.
        Alerting = "ALERTING",
        /// Connected (also while a party is held).
        Active = "ACTIVE",
        /// The call failed; see the participant's state cause.
        Failed = "FAILED",
        /// The call ended.
        Dropped = "DROPPED",
        /// An outbound preview reservation was accepted.
        Accepted = "ACCEPTED",
    }
}

wire_enum! {
    /// The state of one participant of a dialog.
    pub enum ParticipantState {
        /// Being set up at the device.
        Initiating = "INITIATING",
        /// Dialing.
        Initiated = "INITIATED",
        /// Ringing.
        Alerting = "ALERTING",
        /// Connected.
        Active = "ACTIVE",
        /// On hold.
        Held = "HELD",
        /// The call failed for this participant.
        Failed = "FAILED",
        /// Left the call.
        Dropped = "DROPPED",
        /// Left the call and is in wrap-up; call data can still be written.
        WrapUp = "WRAP_UP",
        /// Accepted an outbound preview reservation.
        Accepted = "ACCEPTED",
    }
}

wire_enum! {
    /// Why a participant or dialog failed (`stateCause`).
    pub enum StateCause {
        /// The far end was busy.
        Busy = "BUSY",
        /// The number does not exist.
        BadDestination = "BAD_DESTINATION",
        /// Another reason.
        OtherReason = "OTHER",
        /// The device has no resource for the call.
        DeviceResourceNotAvailable = "DEVICE_RESOURCE_NOT_AVAILABLE",
    }
}

wire_enum! {
    /// A requested action on a dialog, and an entry of a participant's allowed `actions`.
    pub enum Action {
        /// Place a call (POST to the user's Dialogs).
        MakeCall = "MAKE_CALL",
        /// Answer a ringing call.
        Answer = "ANSWER",
        /// Put the call on hold.
        Hold = "HOLD",
        /// Take the call off hold.
        Retrieve = "RETRIEVE",
        /// Leave or end the call.
        Drop = "DROP",
        /// Start a consult call from this call.
        ConsultCall = "CONSULT_CALL",
        /// Complete a consult transfer.
        Transfer = "TRANSFER",
        /// Single-step (blind) transfer.
        TransferSst = "TRANSFER_SST",
        /// Complete a consult conference.
        Conference = "CONFERENCE",
        /// Send DTMF digits.
        SendDtmf = "SEND_DTMF",
        /// Drop a participant from a conference.
        ParticipantDrop = "PARTICIPANT_DROP",
        /// Write call variables or the wrap-up reason.
        UpdateCallData = "UPDATE_CALL_DATA",
        /// Start recording (CCX).
        StartRecording = "START_RECORDING",
        /// Silent monitor an agent (supervisor).
        SilentMonitor = "SILENT_MONITOR",
        /// Barge into a monitored call (supervisor).
        BargeCall = "BARGE_CALL",
        /// Accept an outbound preview reservation.
        Accept = "ACCEPT",
        /// Close an outbound preview reservation.
        Close = "CLOSE",
        /// Reject an outbound preview reservation.
        Reject = "REJECT",
        /// Reclassify a direct preview call.
        Reclassify = "RECLASSIFY",
        /// Change a scheduled callback.
        UpdateScheduledCallback = "UPDATE_SCHEDULED_CALLBACK",
        /// Cancel a scheduled callback.
        CancelScheduledCallback = "CANCEL_SCHEDULED_CALLBACK",
    }
}

wire_enum! {
    /// How a call came to be (`mediaProperties/callType`).
    pub enum CallType {
        /// Routed inbound.
        AcdIn = "ACD_IN",
        /// Pre-routed inbound.
        PrerouteAcdIn = "PREROUTE_ACD_IN",
        /// Pre-routed to an agent.
        PrerouteDirectAgent = "PREROUTE_DIRECT_AGENT",
        /// Transferred.
        Transfer = "TRANSFER",
        /// Direct inbound.
        OtherIn = "OTHER_IN",
        /// Outbound.
        Out = "OUT",
        /// Overflowed inbound.
        OverflowIn = "OVERFLOW_IN",
        /// Automatic outbound.
        AutoOut = "AUTO_OUT",
        /// Agent outbound.
        AgentOut = "AGENT_OUT",
        /// Agent to agent.
        AgentInside = "AGENT_INSIDE",
        /// Assist call.
        AssistCall = "ASSIST_CALL",
        /// Barge-in consult.
        BargeInConsult = "BARGE_IN_CONSULT",
        /// Consult call.
        Consult = "CONSULT",
        /// Conference.
        Conference = "CONFERENCE",
        /// Emergency.
        Emergency = "EMERGENCY",
        /// Outbound Option.
        Outbound = "OUTBOUND",
        /// Outbound Option preview.
        OutboundPreview = "OUTBOUND_PREVIEW",
        /// Outbound Option callback.
        OutboundCallback = "OUTBOUND_CALLBACK",
        /// Outbound Option callback preview.
        OutboundCallbackPreview = "OUTBOUND_CALLBACK_PREVIEW",
        /// Outbound Option personal callback.
        OutboundPersonalCallback = "OUTBOUND_PERSONAL_CALLBACK",
        /// Outbound Option personal callback preview.
        OutboundPersonalCallbackPreview = "OUTBOUND_PERSONAL_CALLBACK_PREVIEW",
        /// Outbound Option direct preview.
        OutboundDirectPreview = "OUTBOUND_DIRECT_PREVIEW",
    }
}

wire_enum! {
    /// Whether wrap-up follows a call (`User/settings`).
    pub enum WrapUpMode {
        /// The agent enters wrap-up after the call.
        Required = "REQUIRED",
        /// Wrap-up with a wrap-up reason required.
        RequiredWithWrapUpData = "REQUIRED_WITH_WRAP_UP_DATA",
        /// The agent may choose.
        Optional = "OPTIONAL",
        /// No wrap-up.
        NotAllowed = "NOT_ALLOWED",
    }
}

wire_enum! {
    /// The category of a reason code.
    pub enum ReasonCodeCategory {
        /// Reasons for NOT_READY.
        NotReady = "NOT_READY",
        /// Reasons for signing out.
        Logout = "LOGOUT",
    }
}

wire_enum! {
    /// The service status of a Finesse node (`SystemInfo/status`).
    pub enum SystemStatus {
        /// Serving requests.
        InService = "IN_SERVICE",
        /// Not serving: REST answers 503 and no events are sent.
        OutOfService = "OUT_OF_SERVICE",
        /// Partly serving.
        PartialService = "PARTIAL_SERVICE",
    }
}

wire_enum! {
    /// The contact center a Finesse node belongs to (`SystemInfo/deploymentType`).
    pub enum DeploymentType {
        /// Unified Contact Center Enterprise.
        Ucce = "UCCE",
        /// Unified Contact Center Express.
        Uccx = "UCCX",
        /// Packaged Contact Center Enterprise.
        Pcce = "PCCE",
    }
}

wire_enum! {
    /// The kind of a participant's address (`mediaAddressType`); empty for external parties.
    pub enum MediaAddressType {
        /// A device Finesse monitors: an agent's phone.
        AgentDevice = "AGENT_DEVICE",
    }
}

wire_enum! {
    /// Who a phone book is for (`PhoneBook/type`, DEVNET `phonebook-api-parameters`).
    pub enum PhoneBookType {
        /// Available to every agent.
        Global = "GLOBAL",
        /// Available to the teams it is assigned to.
        Team = "TEAM",
    }
}
