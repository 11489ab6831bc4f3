"""The string-valued enumerations of the Finesse API: states, actions, causes and kinds.

Each member is a ``str`` equal to its value on the wire, so ``user.state == "READY"`` holds
and ``str(member)`` is the wire value.

Unknown values are kept: a newer Finesse release may send a state or action this version does
not list. Such a value becomes a *pseudo-member* of the enum: an instance of the class with the
value as both name and value, equal to the plain string, but not listed when iterating over the
class, and with ``is_known`` false. Compare members with ``==``, not ``is``.
"""

from __future__ import annotations

import enum

__all__ = [
    "Action",
    "AgentState",
    "CallType",
    "DeploymentType",
    "DialogState",
    "MediaAddressType",
    "ParticipantState",
    "PhoneBookType",
    "ReasonCodeCategory",
    "StateCause",
    "SystemStatus",
    "WireEnum",
    "WrapUpMode",
]


class WireEnum(str, enum.Enum):
    """The base of the enumerations: a ``str`` enum that keeps unknown values."""

    @classmethod
    def _missing_(cls, value: object) -> WireEnum | None:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, format_spec: str) -> str:
        return str.__format__(str(self), format_spec)

    @property
    def is_known(self) -> bool:
        """Whether this version of the library lists the value (false for pseudo-members)."""
        return type(self).__members__.get(self._name_) is self


class AgentState(WireEnum):
    """An agent state (``User.state``, ``User.pending_state``)."""

    LOGOUT = "LOGOUT"
    NOT_READY = "NOT_READY"
    READY = "READY"
    RESERVED = "RESERVED"
    RESERVED_OUTBOUND = "RESERVED_OUTBOUND"
    RESERVED_OUTBOUND_PREVIEW = "RESERVED_OUTBOUND_PREVIEW"
    TALKING = "TALKING"
    HOLD = "HOLD"
    WORK = "WORK"
    WORK_READY = "WORK_READY"
    UNKNOWN = "UNKNOWN"


class DialogState(WireEnum):
    """The state of a dialog (a call) as a whole."""

    INITIATING = "INITIATING"
    INITIATED = "INITIATED"
    ALERTING = "ALERTING"
    ACTIVE = "ACTIVE"
    FAILED = "FAILED"
    DROPPED = "DROPPED"
    ACCEPTED = "ACCEPTED"


class ParticipantState(WireEnum):
    """The state of one participant of a dialog."""

    INITIATING = "INITIATING"
    INITIATED = "INITIATED"
    ALERTING = "ALERTING"
    ACTIVE = "ACTIVE"
    HELD = "HELD"
    FAILED = "FAILED"
    DROPPED = "DROPPED"
    WRAP_UP = "WRAP_UP"
    ACCEPTED = "ACCEPTED"


class StateCause(WireEnum):
    """Why a participant or dialog failed (``Participant.state_cause``)."""

    BUSY = "BUSY"
    BAD_DESTINATION = "BAD_DESTINATION"
    OTHER = "OTHER"
    DEVICE_RESOURCE_NOT_AVAILABLE = "DEVICE_RESOURCE_NOT_AVAILABLE"


class Action(WireEnum):
    """An action on a dialog, as listed in ``Participant.actions``."""

    MAKE_CALL = "MAKE_CALL"
    ANSWER = "ANSWER"
    HOLD = "HOLD"
    RETRIEVE = "RETRIEVE"
    DROP = "DROP"
    CONSULT_CALL = "CONSULT_CALL"
    TRANSFER = "TRANSFER"
    TRANSFER_SST = "TRANSFER_SST"
    CONFERENCE = "CONFERENCE"
    SEND_DTMF = "SEND_DTMF"
    PARTICIPANT_DROP = "PARTICIPANT_DROP"
    UPDATE_CALL_DATA = "UPDATE_CALL_DATA"
    START_RECORDING = "START_RECORDING"
    SILENT_MONITOR = "SILENT_MONITOR"
    BARGE_CALL = "BARGE_CALL"
    ACCEPT = "ACCEPT"
    CLOSE = "CLOSE"
    REJECT = "REJECT"
    RECLASSIFY = "RECLASSIFY"
    UPDATE_SCHEDULED_CALLBACK = "UPDATE_SCHEDULED_CALLBACK"
    CANCEL_SCHEDULED_CALLBACK = "CANCEL_SCHEDULED_CALLBACK"


class CallType(WireEnum):
    """How a call came to be (``MediaProperties.call_type``)."""

    ACD_IN = "ACD_IN"
    PREROUTE_ACD_IN = "PREROUTE_ACD_IN"
    PREROUTE_DIRECT_AGENT = "PREROUTE_DIRECT_AGENT"
    TRANSFER = "TRANSFER"
    OTHER_IN = "OTHER_IN"
    OUT = "OUT"
    OVERFLOW_IN = "OVERFLOW_IN"
    AUTO_OUT = "AUTO_OUT"
    AGENT_OUT = "AGENT_OUT"
    AGENT_INSIDE = "AGENT_INSIDE"
    ASSIST_CALL = "ASSIST_CALL"
    BARGE_IN_CONSULT = "BARGE_IN_CONSULT"
    CONSULT = "CONSULT"
    CONFERENCE = "CONFERENCE"
    EMERGENCY = "EMERGENCY"
    OUTBOUND = "OUTBOUND"
    OUTBOUND_PREVIEW = "OUTBOUND_PREVIEW"
    OUTBOUND_CALLBACK = "OUTBOUND_CALLBACK"
    OUTBOUND_CALLBACK_PREVIEW = "OUTBOUND_CALLBACK_PREVIEW"
    OUTBOUND_PERSONAL_CALLBACK = "OUTBOUND_PERSONAL_CALLBACK"
    OUTBOUND_PERSONAL_CALLBACK_PREVIEW = "OUTBOUND_PERSONAL_CALLBACK_PREVIEW"
    OUTBOUND_DIRECT_PREVIEW = "OUTBOUND_DIRECT_PREVIEW"


class WrapUpMode(WireEnum):
    """Whether wrap-up follows a call (``UserSettings``)."""

    REQUIRED = "REQUIRED"
    REQUIRED_WITH_WRAP_UP_DATA = "REQUIRED_WITH_WRAP_UP_DATA"
    OPTIONAL = "OPTIONAL"
    NOT_ALLOWED = "NOT_ALLOWED"


class PhoneBookType(WireEnum):
    """Who a phone book is for (``PhoneBook.book_type``)."""

    GLOBAL = "GLOBAL"
    TEAM = "TEAM"


class ReasonCodeCategory(WireEnum):
    """The category of a reason code."""

    NOT_READY = "NOT_READY"
    LOGOUT = "LOGOUT"


class SystemStatus(WireEnum):
    """The service status of a Finesse node (``SystemInfo.status``)."""

    IN_SERVICE = "IN_SERVICE"
    OUT_OF_SERVICE = "OUT_OF_SERVICE"
    PARTIAL_SERVICE = "PARTIAL_SERVICE"


class DeploymentType(WireEnum):
    """The contact center a Finesse node belongs to (``SystemInfo.deployment_type``)."""

    UCCE = "UCCE"
    UCCX = "UCCX"
    PCCE = "PCCE"


class MediaAddressType(WireEnum):
    """The kind of a participant's address; ``None`` for external parties."""

    AGENT_DEVICE = "AGENT_DEVICE"
