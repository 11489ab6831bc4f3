"""A client for the Cisco Finesse Desktop API: agent state, click-to-dial and call control.

``Client`` signs an agent in, changes its state, places calls with call variables, and
answers, holds, transfers and ends them. Reads return frozen models (``User``, ``Dialog``,
``SystemInfo``…) whose states and actions are the string enums of ``finesse_client.enums``.
Every failure is a ``FinesseError``; see ``finesse_client.exceptions``.

Example::

    import finesse_client

    with finesse_client.Client("https://finesse-a.example.com:8445", "1001", password) as client:
        client.sign_in("1001001")
        client.make_call("6135551212", call_variables={"callVariable1": "acct-42"})
"""

from finesse_client._finesse_client import (
    Accepted,
    ApiErrorDetail,
    Client,
    Dialog,
    MediaProperties,
    MobileAgent,
    Participant,
    ReasonCode,
    ScheduledCallbackInfo,
    SystemInfo,
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
from finesse_client.exceptions import (
    ApiError,
    AuthenticationError,
    DecodeError,
    FinesseError,
    InsecureWarning,
    InvalidStateError,
    NotFoundError,
    OutcomeUnknownError,
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
    "DecodeError",
    "DeploymentType",
    "Dialog",
    "DialogState",
    "FinesseError",
    "InsecureWarning",
    "InvalidStateError",
    "MediaAddressType",
    "MediaProperties",
    "MobileAgent",
    "NotFoundError",
    "OutcomeUnknownError",
    "Participant",
    "ParticipantState",
    "ReasonCode",
    "ReasonCodeCategory",
    "ScheduledCallbackInfo",
    "ServiceUnavailableError",
    "StateCause",
    "SystemInfo",
    "SystemStatus",
    "TeamRef",
    "TimeoutError",
    "TlsError",
    "TransportError",
    "User",
    "UserSettings",
    "ValidationError",
    "WrapUpMode",
    "WrapUpReason",
    "__version__",
]
