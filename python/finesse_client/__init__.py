"""A client for the Cisco Finesse Desktop API: agent state, click-to-dial, call control, events.

``Client`` signs an agent in, changes its state, places calls with call variables, and
answers, holds, transfers and ends them; with ``wait=``, a command returns its outcome (the
User, the new Dialog). Reads return frozen models (``User``, ``Dialog``, ``SystemInfo``…)
whose states and actions are the string enums of ``finesse_client.enums``. Events (a call
ringing, a state change) come from ``Client.events()`` or ``Client.notifications()``; see
``finesse_client.events``. Every failure is a ``FinesseError``; see
``finesse_client.exceptions``.

Example::

    import finesse_client

    with finesse_client.Client("https://finesse-a.example.com:8445", "1001", password) as client:
        client.sign_in("1001001", wait=10.0)
        dialog = client.make_call("6135551212", wait=10.0)  # the new Dialog
        for event in client.events(timeout=30.0):  # until 30 s pass without one
            print(event)
"""

from finesse_client._finesse_client import (
    Accepted,
    ApiErrorDetail,
    Client,
    Dialog,
    MediaProperties,
    MobileAgent,
    NodePorts,
    Participant,
    Queue,
    QueueStatistics,
    ReasonCode,
    ScheduledCallbackInfo,
    SystemInfo,
    Team,
    TeamMessage,
    TeamMessageSender,
    TeamRef,
    User,
    UserSettings,
    WrapUpReason,
    __version__,
)
from finesse_client.enums import (
    Action,
    AgentState,
    CallType,
    DeploymentType,
    DialogState,
    MediaAddressType,
    ParticipantState,
    ReasonCodeCategory,
    StateCause,
    SystemStatus,
    WrapUpMode,
)
from finesse_client.events import (
    ConnectionChanged,
    CtiErrorEvent,
    DialogAdded,
    DialogChanged,
    DialogRemoved,
    Event,
    EventIterator,
    EventsDropped,
    Notifications,
    OtherUpdate,
    PubSubMessage,
    QueueChanged,
    QueueRemoved,
    SystemStatusChanged,
    TeamChanged,
    TeamMessageReceived,
    UserChanged,
    decode_update,
)
from finesse_client.exceptions import (
    ApiError,
    AuthenticationError,
    CtiError,
    DecodeError,
    FinesseError,
    InsecureWarning,
    InvalidStateError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RefusedError,
    ServiceUnavailableError,
    TimeoutError,
    TlsError,
    TransportError,
    ValidationError,
)

__all__ = [
    "Accepted",
    "Action",
    "AgentState",
    "ApiError",
    "ApiErrorDetail",
    "AuthenticationError",
    "CallType",
    "Client",
    "ConnectionChanged",
    "CtiError",
    "CtiErrorEvent",
    "DecodeError",
    "DeploymentType",
    "Dialog",
    "DialogAdded",
    "DialogChanged",
    "DialogRemoved",
    "DialogState",
    "Event",
    "EventIterator",
    "EventsDropped",
    "FinesseError",
    "InsecureWarning",
    "InvalidStateError",
    "MediaAddressType",
    "MediaProperties",
    "MobileAgent",
    "NodePorts",
    "NotFoundError",
    "Notifications",
    "OtherUpdate",
    "PubSubMessage",
    "Queue",
    "QueueChanged",
    "QueueRemoved",
    "QueueStatistics",
    "OutcomeUnknownError",
    "PermissionDeniedError",
    "Participant",
    "ParticipantState",
    "ReasonCode",
    "ReasonCodeCategory",
    "RefusedError",
    "ScheduledCallbackInfo",
    "ServiceUnavailableError",
    "StateCause",
    "SystemInfo",
    "SystemStatus",
    "SystemStatusChanged",
    "Team",
    "TeamChanged",
    "TeamMessage",
    "TeamMessageReceived",
    "TeamMessageSender",
    "TeamRef",
    "TimeoutError",
    "TlsError",
    "TransportError",
    "User",
    "UserChanged",
    "UserSettings",
    "ValidationError",
    "WrapUpMode",
    "WrapUpReason",
    "decode_update",
    "__version__",
]
