"""The native module of finesse_client: the client, the models and the exceptions."""

import builtins
import os
import pathlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import TracebackType
from typing import ClassVar, TypeAlias, final, overload

from finesse_client.enums import (
    Action,
    AgentState,
    CallType,
    DeploymentType,
    DialogState,
    MediaAddressType,
    ParticipantState,
    PhoneBookType,
    ReasonCodeCategory,
    StateCause,
    SystemStatus,
    WrapUpMode,
)

__all__ = [
    "__version__",
    "Client",
    "Accepted",
    "ApiErrorDetail",
    "Contact",
    "Dialog",
    "MediaProperties",
    "MediaPropertiesLayout",
    "MediaPropertiesLayoutColumn",
    "MediaPropertiesLayoutEntry",
    "MobileAgent",
    "NodePorts",
    "Participant",
    "PhoneBook",
    "Queue",
    "QueueStatistics",
    "ReasonCode",
    "ScheduledCallbackInfo",
    "SystemInfo",
    "Team",
    "TeamMessage",
    "TeamMessageSender",
    "TeamRef",
    "User",
    "UserSettings",
    "Workflow",
    "WorkflowAction",
    "WorkflowActionParam",
    "WorkflowCondition",
    "WorkflowConditionSet",
    "WorkflowTriggerSet",
    "WorkflowVariable",
    "WrapUpReason",
    "Notifications",
    "EventIterator",
    "UserChanged",
    "DialogAdded",
    "DialogChanged",
    "DialogRemoved",
    "CtiErrorEvent",
    "SystemStatusChanged",
    "ConnectionChanged",
    "TeamChanged",
    "QueueChanged",
    "QueueRemoved",
    "TeamMessageDeleted",
    "TeamMessageReceived",
    "UserQueuesAdded",
    "UserQueuesRemoved",
    "EventsDropped",
    "OtherUpdate",
    "PubSubMessage",
    "decode_update",
    "Emulator",
    "RecordedRequest",
    "FinesseError",
    "ApiError",
    "NotFoundError",
    "AuthenticationError",
    "InvalidStateError",
    "PermissionDeniedError",
    "ServiceUnavailableError",
    "CtiError",
    "RefusedError",
    "TransportError",
    "TlsError",
    "TimeoutError",
    "OutcomeUnknownError",
    "ValidationError",
    "DecodeError",
    "InsecureWarning",
]

__version__: str

_CallVariables: TypeAlias = Mapping[str, str] | Iterable[tuple[str, str]]
#: What pickling a model or an event gives: ``_restore`` and its arguments.
_Reduced: TypeAlias = tuple[Callable[[str, dict[str, object]], object], tuple[str, dict[str, object]]]
_Event: TypeAlias = (
    UserChanged
    | DialogAdded
    | DialogChanged
    | DialogRemoved
    | CtiErrorEvent
    | SystemStatusChanged
    | ConnectionChanged
    | TeamChanged
    | QueueChanged
    | QueueRemoved
    | TeamMessageReceived
    | TeamMessageDeleted
    | UserQueuesAdded
    | UserQueuesRemoved
    | EventsDropped
    | OtherUpdate
)

@final
class Client:
    """A synchronous Finesse client for one agent (or supervisor).

    Nothing is sent until the first call. Safe to share between threads; every call releases
    the interpreter lock while it waits for the network. Commands return an ``Accepted`` once
    Finesse accepts them (HTTP 202), or with ``wait=`` their outcome, and are never retried.
    ``notifications()`` and ``events()`` give the events as they happen.

    Ctrl-C interrupts any call that waits within 50 ms (``KeyboardInterrupt``). An interrupted
    command may have been carried out: check before sending it again; nothing is resent.
    """

    def __new__(
        cls,
        url: str,
        user: str,
        password: str | None = None,
        *,
        secondary: str | None = None,
        ca_file: str | os.PathLike[str] | None = None,
        ca_pem: str | bytes | None = None,
        verify: bool = True,
        timeout: float | None = None,
        connect_timeout: float | None = None,
        token: str | None = None,
        token_provider: Callable[[], tuple[str, float]] | None = None,
        login_id: str | None = None,
        notification_url: str | None = None,
    ) -> Client: ...
    @property
    def active_node(self) -> str:
        """The node requests currently go to first (side A, or side B after a failover)."""
    def close(self) -> None:
        """Releases the client's connections and the session ``events()`` started."""
    def __enter__(self) -> Client: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...
    def user(self) -> User:
        """Gets the agent's User: state, extension, reason code, team."""
    def user_by_id(self, id: str) -> User:
        """Gets another user by id, or by sign-in name on CCE 12.5+."""
    @overload
    def sign_in(self, extension: str, *, wait: None = None) -> Accepted:
        """Signs the agent in on ``extension``; with ``wait``, returns the User."""
    @overload
    def sign_in(self, extension: str, *, wait: float) -> User: ...
    @overload
    def ready(self, *, wait: None = None) -> Accepted:
        """Makes the agent READY; with ``wait``, returns the User."""
    @overload
    def ready(self, *, wait: float) -> User: ...
    @overload
    def not_ready(self, reason_code_id: int | None = None, *, wait: None = None) -> Accepted:
        """Makes the agent NOT_READY; with ``wait``, returns the User."""
    @overload
    def not_ready(self, reason_code_id: int | None = None, *, wait: float) -> User: ...
    @overload
    def sign_out(self, reason_code_id: int | None = None, *, wait: None = None) -> Accepted:
        """Signs the agent out; with ``wait``, returns the User."""
    @overload
    def sign_out(self, reason_code_id: int | None = None, *, wait: float) -> User: ...
    def dialogs(self) -> list[Dialog]:
        """Lists the agent's current dialogs (calls)."""
    def dialog(self, id: str) -> Dialog:
        """Gets one dialog by id."""
    @overload
    def make_call(
        self,
        to: str,
        *,
        call_variables: _CallVariables | None = None,
        from_extension: str | None = None,
        wait: None = None,
    ) -> Accepted:
        """Places a call (click-to-dial); with ``wait``, returns the new Dialog."""
    @overload
    def make_call(
        self,
        to: str,
        *,
        call_variables: _CallVariables | None = None,
        from_extension: str | None = None,
        wait: float,
    ) -> Dialog: ...
    @overload
    def answer(self, dialog: Dialog | str, *, wait: None = None) -> Accepted:
        """Answers a ringing call."""
    @overload
    def answer(self, dialog: Dialog | str, *, wait: float) -> Dialog | None: ...
    @overload
    def hold(self, dialog: Dialog | str, *, wait: None = None) -> Accepted:
        """Puts a call on hold."""
    @overload
    def hold(self, dialog: Dialog | str, *, wait: float) -> Dialog | None: ...
    @overload
    def retrieve(self, dialog: Dialog | str, *, wait: None = None) -> Accepted:
        """Takes a call off hold."""
    @overload
    def retrieve(self, dialog: Dialog | str, *, wait: float) -> Dialog | None: ...
    @overload
    def drop(self, dialog: Dialog | str, *, wait: None = None) -> Accepted:
        """Leaves (hangs up) a call; with ``wait``, returns None once it ended."""
    @overload
    def drop(self, dialog: Dialog | str, *, wait: float) -> None: ...
    @overload
    def consult_call(self, dialog: Dialog | str, to: str, *, wait: None = None) -> Accepted:
        """Holds a call and calls ``to``; with ``wait``, returns the consult Dialog."""
    @overload
    def consult_call(self, dialog: Dialog | str, to: str, *, wait: float) -> Dialog | None: ...
    @overload
    def transfer(self, dialog: Dialog | str, *, wait: None = None) -> Accepted:
        """Completes a consult transfer; with ``wait``, returns None once done."""
    @overload
    def transfer(self, dialog: Dialog | str, *, wait: float) -> None: ...
    @overload
    def transfer_sst(self, dialog: Dialog | str, to: str, *, wait: None = None) -> Accepted:
        """Transfers a call to ``to`` in one step; with ``wait``, returns None once done."""
    @overload
    def transfer_sst(self, dialog: Dialog | str, to: str, *, wait: float) -> None: ...
    @overload
    def conference(self, dialog: Dialog | str, *, wait: None = None) -> Accepted:
        """Joins the consult call into a conference."""
    @overload
    def conference(self, dialog: Dialog | str, *, wait: float) -> Dialog | None: ...
    @overload
    def send_dtmf(self, dialog: Dialog | str, digits: str, *, wait: None = None) -> Accepted:
        """Sends DTMF digits (0-9, *, #, A-D) on a call."""
    @overload
    def send_dtmf(self, dialog: Dialog | str, digits: str, *, wait: float) -> Dialog | None: ...
    @overload
    def drop_participant(
        self, dialog: Dialog | str, address: str, *, wait: None = None
    ) -> Accepted:
        """Drops a participant from a conference (CCE)."""
    @overload
    def drop_participant(
        self, dialog: Dialog | str, address: str, *, wait: float
    ) -> Dialog | None: ...
    @overload
    def update_call_data(
        self,
        dialog: Dialog | str,
        *,
        call_variables: _CallVariables | None = None,
        wrap_up_reason: str | None = None,
        wait: None = None,
    ) -> Accepted:
        """Writes call variables and/or the wrap-up reason on a call."""
    @overload
    def update_call_data(
        self,
        dialog: Dialog | str,
        *,
        call_variables: _CallVariables | None = None,
        wrap_up_reason: str | None = None,
        wait: float,
    ) -> Dialog | None: ...
    def notifications(
        self,
        *,
        url: str | None = None,
        resource: str | None = None,
        subscribe: Sequence[str] = ...,
        ping_interval: float | None = None,
        ping_timeout: float | None = None,
        max_missed_pings: int | None = None,
        queue_capacity: int | None = None,
        queue_bytes: int | None = None,
        history_bytes: int | None = None,
        failover_after: float | None = None,
        callback: Callable[[_Event], object] | None = None,
    ) -> Notifications:
        """Starts a notification session: events as they happen, and presence."""
    def events(self, timeout: float | None = None) -> EventIterator:
        """Iterates over the events of the client's session, starting one if needed."""
    def system_info(self) -> SystemInfo:
        """Gets the node's SystemInfo: status, deployment type, XMPP domain, peers."""
    def reason_codes(self, category: ReasonCodeCategory | str = "NOT_READY") -> list[ReasonCode]:
        """Lists the reason codes of a category (NOT_READY or LOGOUT)."""
    def wrap_up_reasons(self) -> list[WrapUpReason]:
        """Lists the wrap-up reasons available to the agent."""
    def team(self, team_id: str) -> Team:
        """Gets a team the supervisor supervises, with its members' states."""
    def team_reason_codes(
        self, team_id: str, category: ReasonCodeCategory | str = "NOT_READY"
    ) -> list[ReasonCode]:
        """Lists a team's reason codes of a category (TeamResource, 12.5(1)+)."""
    def team_wrap_up_reasons(self, team_id: str) -> list[WrapUpReason]:
        """Lists a team's wrap-up reasons (TeamResource, 12.5(1)+)."""
    def phone_books(self) -> list[PhoneBook]:
        """Lists the agent's phone books with their contacts (its team's, or the user's)."""
    def team_phone_books(self, team_id: str) -> list[PhoneBook]:
        """Lists a team's phone books with their contacts (TeamResource, 12.5(1)+)."""
    def workflows(self) -> list[Workflow]:
        """Lists the agent's workflows with their actions (its team's, or the user's)."""
    def team_workflows(self, team_id: str) -> list[Workflow]:
        """Lists a team's workflows (TeamResource, 12.5(1)+)."""
    def media_properties_layouts(self) -> list[MediaPropertiesLayout]:
        """Lists the agent's media properties layouts (its team's, or the user's)."""
    def media_properties_layout(self) -> MediaPropertiesLayout:
        """Gets the layout the desktop shows the agent's calls with."""
    def team_media_properties_layouts(self, team_id: str) -> list[MediaPropertiesLayout]:
        """Lists a team's media properties layouts (TeamResource, 12.5(1)+)."""
    def queue(self, queue_id: str) -> Queue:
        """Gets a queue and its statistics (CCE)."""
    def queues(self) -> list[Queue]:
        """Lists the user's queues with their statistics (CCE)."""
    @overload
    def set_member_state(
        self, agent_id: str, state: AgentState | str, *, wait: None = None
    ) -> Accepted:
        """Sets a team member READY, NOT_READY or LOGOUT; with ``wait``, returns the member."""
    @overload
    def set_member_state(self, agent_id: str, state: AgentState | str, *, wait: float) -> User: ...
    @overload
    def silent_monitor(self, agent_extension: str, *, wait: None = None) -> Accepted:
        """Silently monitors a team member's call; with ``wait``, returns the monitor Dialog."""
    @overload
    def silent_monitor(self, agent_extension: str, *, wait: float) -> Dialog | None: ...
    @overload
    def barge_in(
        self, agent_extension: str, monitor_dialog: Dialog | str, *, wait: None = None
    ) -> Accepted:
        """Barges in on the monitored call; with ``wait``, returns the Dialog joined."""
    @overload
    def barge_in(
        self, agent_extension: str, monitor_dialog: Dialog | str, *, wait: float
    ) -> Dialog | None: ...
    def send_team_message(self, content: str, duration: int, team_ids: list[str]) -> TeamMessage:
        """Broadcasts a team message (12.x) for ``duration`` seconds (300 to 86100)."""
    def team_messages(self, team_id: str) -> list[TeamMessage]:
        """Lists a team's active messages (12.x)."""
    def delete_team_message(self, message_id: str) -> None:
        """Deletes a team message the user sent (12.x)."""

@final
class Accepted:
    """A command Finesse accepted (HTTP 202); the outcome follows."""

    @property
    def request_id(self) -> str:
        """The ``requestId`` header the command carried."""
    def wait(self, timeout: float) -> User | Dialog | None:
        """Waits for the outcome: the User, the Dialog, or None when the call ended."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""

# --- models: generated by finesse-codegen from core/src/model; do not edit ---

@final
class ApiErrorDetail:
    """One error reported by Finesse. Synchronous answers write ``ApiErrors/ApiError/ErrorType``;
    asynchronous CTI errors write ``apiErrors/apiError/errorType``. Both are decoded, in any
    child order.
    """

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @classmethod
    def from_xml(cls, data: str | bytes) -> ApiErrorDetail:
        """Decodes one ``ApiError`` document."""
    @classmethod
    def list_from_xml(cls, data: str | bytes) -> list[ApiErrorDetail]:
        """Decodes a list document of ``ApiError``."""
    @property
    def error_type(self) -> str:
        """The class of error, e.g. ``Invalid State``, ``Parameter Missing``, ``Service
        Unavailable``.
        """
    @property
    def error_message(self) -> str:
        """The message, e.g. ``SERVER_OUT_OF_SERVICE`` or a sentence."""
    @property
    def error_data(self) -> str:
        """The field, user or key at fault; for CTI errors, the CTI error code."""
    @property
    def peripheral_error_code(self) -> str | None:
        """The peripheral's error code, for CTI-originated failures (12.5+)."""
    @property
    def peripheral_error_msg(self) -> str | None:
        """The peripheral's error name."""
    @property
    def peripheral_error_text(self) -> str | None:
        """The peripheral's error text."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> ApiErrorDetail: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> ApiErrorDetail: ...

@final
class Contact:
    """One entry of a phone book (``Contact``, DEVNET ``contact``, ``contact-api-parameters``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @classmethod
    def from_xml(cls, data: str | bytes) -> Contact:
        """Decodes one ``Contact`` document."""
    @classmethod
    def list_from_xml(cls, data: str | bytes) -> list[Contact]:
        """Decodes a list document of ``Contact``."""
    @property
    def uri(self) -> str:
        """The resource URI, ``/finesse/api/PhoneBook/<phoneBookId>/Contact/<id>``."""
    @property
    def id(self) -> str:
        """The contact's id, taken from the URI."""
    @property
    def first_name(self) -> str:
        """First name, at most 128 characters."""
    @property
    def last_name(self) -> str:
        """Last name, at most 128 characters."""
    @property
    def phone_number(self) -> str:
        """The number to dial, at most 32 characters."""
    @property
    def description(self) -> str:
        """A description, at most 128 characters."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> Contact: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> Contact: ...

@final
class Dialog:
    """A dialog (``/finesse/api/Dialog/<id>``): for voice, one call."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @classmethod
    def from_xml(cls, data: str | bytes) -> Dialog:
        """Decodes one ``Dialog`` document."""
    @classmethod
    def list_from_xml(cls, data: str | bytes) -> list[Dialog]:
        """Decodes a list document of ``Dialog``."""
    @property
    def id(self) -> str:
        """The call id, e.g. ``16777437``."""
    @property
    def uri(self) -> str:
        """The resource URI."""
    @property
    def associated_dialog_uri(self) -> str | None:
        """The related dialog (consult call and original call), if any."""
    @property
    def secondary_id(self) -> str | None:
        """After a transfer or conference, the id of the call merged away."""
    @property
    def media_type(self) -> str:
        """The media routing domain name: ``Voice`` for calls."""
    @property
    def from_address(self) -> str:
        """The calling party."""
    @property
    def to_address(self) -> str:
        """The dialed number of the original call."""
    @property
    def callback_number(self) -> str | None:
        """The customer number without dialer prefix (CCE direct preview)."""
    @property
    def state(self) -> DialogState:
        """The dialog state."""
    @property
    def media_properties(self) -> MediaProperties:
        """Call data."""
    @property
    def participants(self) -> list[Participant]:
        """The parties on the call."""
    @property
    def scheduled_callback_info(self) -> ScheduledCallbackInfo | None:
        """A scheduled callback (Outbound Option)."""
    def participant(self, media_address: str) -> Participant | None:
        """The participant with this media address (an extension or number), if any."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> Dialog: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> Dialog: ...

@final
class MediaProperties:
    """Call data of a dialog (``Dialog/mediaProperties``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def media_id(self) -> str | None:
        """The media routing domain id (``1`` for voice)."""
    @property
    def dialed_number(self) -> str | None:
        """The number dialed."""
    @property
    def dnis(self) -> str | None:
        """The DNIS."""
    @property
    def call_type(self) -> CallType | None:
        """How the call came to be."""
    @property
    def outbound_classification(self) -> str | None:
        """Outbound Option classification."""
    @property
    def queue_number(self) -> str | None:
        """The queue (skill group / CSQ) number."""
    @property
    def queue_name(self) -> str | None:
        """The queue name."""
    @property
    def call_key_call_id(self) -> str | None:
        """CCE call key: call id."""
    @property
    def call_key_sequence_num(self) -> str | None:
        """CCE call key: sequence number."""
    @property
    def call_key_prefix(self) -> str | None:
        """CCE call key: prefix."""
    @property
    def call_guid(self) -> str | None:
        """The CCE call GUID (12.6)."""
    @property
    def wrap_up_reason(self) -> str | None:
        """The wrap-up reason set on the call."""
    @property
    def wrap_up_items(self) -> list[str]:
        """Wrap-up items (CCX)."""
    @property
    def call_variables(self) -> dict[str, str]:
        """Call variables (``callVariable1``-``10``), ECC variables (``user.*``, arrays as
        ``user.name[i]``) and Outbound Option ``BA*`` variables, in document order.
        """
    @property
    def call_variable_list(self) -> list[tuple[str, str]]:
        """The call variables as ``(name, value)`` pairs, in document order."""
    def call_variable(self, name: str) -> str | None:
        """The value of a call variable by name, if present."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> MediaProperties: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> MediaProperties: ...

@final
class MediaPropertiesLayout:
    """A media properties layout (``MediaPropertiesLayout``): a header entry shown on the call
    and up to two columns of entries (left, right). The document (DEVNET
    ``mediapropertieslayout``, ``mediapropertieslayout-api-parameters``): a
    ``MediaPropertiesLayout`` with ``uri``, ``name``, ``description``, ``type``, a ``header``
    of one ``entry`` and up to two ``column`` elements of ``entry`` elements; 11.x writes only
    the header and columns, with entries of two fields.
    """

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @classmethod
    def from_xml(cls, data: str | bytes) -> MediaPropertiesLayout:
        """Decodes one ``MediaPropertiesLayout`` document."""
    @classmethod
    def list_from_xml(cls, data: str | bytes) -> list[MediaPropertiesLayout]:
        """Decodes a list document of ``MediaPropertiesLayout``."""
    @property
    def uri(self) -> str:
        """The resource URI, ``/finesse/api/MediaPropertiesLayout/<id>``."""
    @property
    def id(self) -> str:
        """The layout's id, taken from the URI."""
    @property
    def name(self) -> str:
        """Its name (at most 40 characters)."""
    @property
    def description(self) -> str:
        """Its description (at most 128 characters)."""
    @property
    def layout_type(self) -> str | None:
        """``DEFAULT`` (the system's layout) or ``CUSTOM``."""
    @property
    def header(self) -> list[MediaPropertiesLayoutEntry]:
        """The entries of the header (one, as configured)."""
    @property
    def columns(self) -> list[MediaPropertiesLayoutColumn]:
        """The columns, left first, each with up to 10 entries."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> MediaPropertiesLayout: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> MediaPropertiesLayout: ...

@final
class MediaPropertiesLayoutColumn:
    """One column of a layout (``column``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def entries(self) -> list[MediaPropertiesLayoutEntry]:
        """Its entries, top first."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> MediaPropertiesLayoutColumn: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> MediaPropertiesLayoutColumn: ...

@final
class MediaPropertiesLayoutEntry:
    """One shown value of a layout (``entry``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def display_name(self) -> str:
        """The label (at most 50 characters; may be empty)."""
    @property
    def media_property(self) -> str:
        """The call variable shown: ``callVariable1``…``callVariable10``, an ECC variable
        (``user.…``) or an Outbound Option variable (``BACampaign``, …).
        """
    @property
    def show_in_pop_over(self) -> bool | None:
        """Whether the desktop's call pop-over shows it too (12.x)."""
    @property
    def ui_editable(self) -> bool | None:
        """Whether the agent may edit the value on the desktop (12.x)."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> MediaPropertiesLayoutEntry: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> MediaPropertiesLayoutEntry: ...

@final
class MobileAgent:
    """Mobile agent settings (``User/mobileAgent``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def mode(self) -> str:
        """``CALL_BY_CALL`` or ``NAILED_CONNECTION``."""
    @property
    def dial_number(self) -> str:
        """The number the agent is reached at."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> MobileAgent: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> MobileAgent: ...

@final
class NodePorts:
    """A node's ports, as SystemInfo lists them inside ``<primaryNode>`` and ``<secondaryNode>``
    (DevNet ``systeminfo``, "structured as follows").
    """

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def https_port(self) -> int | None:
        """The REST API's HTTPS port (``httpsPort``)."""
    @property
    def xmpp_port(self) -> int | None:
        """XMPP over TCP with STARTTLS (``xmppPort``)."""
    @property
    def xmpp_secure_port(self) -> int | None:
        """XMPP over TCP with direct TLS (``xmppSecurePort``)."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> NodePorts: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> NodePorts: ...

@final
class Participant:
    """One party on a dialog (``Dialog/participants/Participant``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def actions(self) -> list[Action]:
        """What this participant may do now; drive buttons from this, not from the state."""
    @property
    def media_address(self) -> str:
        """The party's extension or number."""
    @property
    def media_address_type(self) -> MediaAddressType | None:
        """``AGENT_DEVICE`` for an agent's phone; ``None`` for external parties."""
    @property
    def start_time(self) -> str | None:
        """When the party joined."""
    @property
    def state(self) -> ParticipantState:
        """The party's state."""
    @property
    def state_cause(self) -> StateCause | None:
        """Why it failed, when it did."""
    @property
    def state_change_time(self) -> str | None:
        """When the state last changed."""
    def can(self, action: Action | str) -> bool:
        """Whether ``action`` is currently allowed for this participant."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> Participant: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> Participant: ...

@final
class PhoneBook:
    """A phone book (``PhoneBook``), GLOBAL (every agent's) or TEAM (assigned to teams). The
    object (DEVNET ``phonebook``): ``<PhoneBook><uri/><name/><type/><contacts/></PhoneBook>``,
    where ``contacts`` is the URI of its contacts. The lists an agent reads (DEVNET
    ``teamresource—get-phone-books``, ``user—get-list-of-phone-books``) embed the contacts
    instead, as ``<Contacts><Contact>…</Contact></Contacts>``; both forms are decoded.
    """

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @classmethod
    def from_xml(cls, data: str | bytes) -> PhoneBook:
        """Decodes one ``PhoneBook`` document."""
    @classmethod
    def list_from_xml(cls, data: str | bytes) -> list[PhoneBook]:
        """Decodes a list document of ``PhoneBook``."""
    @property
    def uri(self) -> str:
        """The resource URI, e.g. ``/finesse/api/PhoneBook/1``; empty when the list omits it."""
    @property
    def id(self) -> str:
        """The phone book's id, taken from the URI."""
    @property
    def name(self) -> str:
        """Its name."""
    @property
    def book_type(self) -> PhoneBookType | None:
        """GLOBAL or TEAM."""
    @property
    def contacts_uri(self) -> str | None:
        """The URI of its contacts, when the document gives a URI rather than the contacts."""
    @property
    def contacts(self) -> list[Contact]:
        """Its contacts, when the document embeds them (the lists agents read)."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> PhoneBook: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> PhoneBook: ...

@final
class Queue:
    """A queue (``/finesse/api/Queue/<id>``, CCE only), as a GET returns it and as queue
    notifications carry it (DG12.5 p141-144 "Queue").
    """

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @classmethod
    def from_xml(cls, data: str | bytes) -> Queue:
        """Decodes one ``Queue`` document."""
    @classmethod
    def list_from_xml(cls, data: str | bytes) -> list[Queue]:
        """Decodes a list document of ``Queue``."""
    @property
    def uri(self) -> str:
        """The resource URI, e.g. ``/finesse/api/Queue/10``."""
    @property
    def id(self) -> int | None:
        """The queue id (the skill group's peripheral number), from the ``id`` element or, when
        the document has none, from the URI.
        """
    @property
    def name(self) -> str:
        """The queue name."""
    @property
    def statistics(self) -> QueueStatistics:
        """The statistics."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> Queue: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> Queue: ...

@final
class QueueStatistics:
    """A queue's statistics (``Queue/statistics``). A queue assigned to no agent or supervisor
    has every number at ``-1`` (DG12.5 p143-144); an empty element is ``None``.
    """

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def calls_in_queue(self) -> int | None:
        """Calls waiting in the queue."""
    @property
    def start_time_of_longest_call_in_queue(self) -> str | None:
        """When the call waiting longest entered the queue (``YYYY-MM-DDThh:mm:ssZ``); ``None``
        when no call waits.
        """
    @property
    def agents_ready(self) -> int | None:
        """Agents READY."""
    @property
    def agents_not_ready(self) -> int | None:
        """Agents NOT_READY."""
    @property
    def agents_busy_other(self) -> int | None:
        """Agents busy with other work."""
    @property
    def agents_logged_on(self) -> int | None:
        """Agents signed in."""
    @property
    def agents_talking_inbound(self) -> int | None:
        """Agents on inbound calls."""
    @property
    def agents_talking_outbound(self) -> int | None:
        """Agents on outbound calls."""
    @property
    def agents_talking_internal(self) -> int | None:
        """Agents on internal calls."""
    @property
    def agents_wrap_up_not_ready(self) -> int | None:
        """Agents in wrap-up who go NOT_READY after it."""
    @property
    def agents_wrap_up_ready(self) -> int | None:
        """Agents in wrap-up who go READY after it."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> QueueStatistics: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> QueueStatistics: ...

@final
class ReasonCode:
    """A NOT_READY or LOGOUT reason (``ReasonCode``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @classmethod
    def from_xml(cls, data: str | bytes) -> ReasonCode:
        """Decodes one ``ReasonCode`` document."""
    @classmethod
    def list_from_xml(cls, data: str | bytes) -> list[ReasonCode]:
        """Decodes a list document of ``ReasonCode``."""
    @property
    def id(self) -> int | None:
        """The Finesse id, sent as ``reasonCodeId`` in state changes; taken from the URI when the
        document has no ``id`` element.
        """
    @property
    def uri(self) -> str:
        """The resource URI."""
    @property
    def category(self) -> ReasonCodeCategory | None:
        """NOT_READY or LOGOUT."""
    @property
    def code(self) -> int | None:
        """The CTI reason code number (e.g. 50006 for a call placed from READY)."""
    @property
    def label(self) -> str:
        """The label shown to agents."""
    @property
    def for_all(self) -> bool | None:
        """Whether the code is global rather than assigned to teams."""
    @property
    def system_code(self) -> bool | None:
        """Whether the code is defined by the system rather than an administrator."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> ReasonCode: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> ReasonCode: ...

@final
class ScheduledCallbackInfo:
    """A scheduled callback (``Dialog/scheduledCallbackInfo``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def callback_time(self) -> str | None:
        """When, as ``YYYY-MM-DDTHH:MM``."""
    @property
    def callback_number(self) -> str | None:
        """The number to call back."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> ScheduledCallbackInfo: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> ScheduledCallbackInfo: ...

@final
class SystemInfo:
    """A Finesse node's description (``/finesse/api/SystemInfo``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @classmethod
    def from_xml(cls, data: str | bytes) -> SystemInfo:
        """Decodes one ``SystemInfo`` document."""
    @property
    def status(self) -> SystemStatus:
        """IN_SERVICE, OUT_OF_SERVICE or PARTIAL_SERVICE."""
    @property
    def status_reason(self) -> str | None:
        """Why the node is not in service (12.x)."""
    @property
    def deployment_type(self) -> DeploymentType | None:
        """UCCE, UCCX or PCCE."""
    @property
    def xmpp_domain(self) -> str | None:
        """The XMPP domain, used in JIDs."""
    @property
    def xmpp_pub_sub_domain(self) -> str | None:
        """The XMPP pub-sub service domain."""
    @property
    def primary_node(self) -> str | None:
        """Side A host."""
    @property
    def primary_node_ports(self) -> NodePorts | None:
        """Side A's ports, where SystemInfo lists them (the 12.6 structure)."""
    @property
    def secondary_node(self) -> str | None:
        """Side B host."""
    @property
    def secondary_node_ports(self) -> NodePorts | None:
        """Side B's ports, where SystemInfo lists them."""
    @property
    def current_timestamp(self) -> str | None:
        """The server's clock."""
    @property
    def timezone_offset(self) -> int | None:
        """The server's offset from UTC, in minutes."""
    @property
    def system_auth_mode(self) -> str | None:
        """NON_SSO, SSO or HYBRID."""
    @property
    def license(self) -> str | None:
        """The license string."""
    @property
    def peripheral_id(self) -> str | None:
        """The CCE peripheral id."""
    @property
    def cti_version(self) -> str | None:
        """The CTI protocol version."""
    @property
    def uri(self) -> str:
        """The resource URI."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> SystemInfo: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> SystemInfo: ...

@final
class Team:
    """A team (``/finesse/api/Team/<id>``), as a supervisor of the team reads it and as
    ``<team>`` notifications carry it. Each member is a summary of its User (uri, loginId,
    names, extension, dialogs, state, pendingState, stateChangeTime and the reason code,
    DG12.5 p144 "Team"): fields the summary does not carry are empty in the team's ``users``.
    """

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @classmethod
    def from_xml(cls, data: str | bytes) -> Team:
        """Decodes one ``Team`` document."""
    @property
    def uri(self) -> str:
        """The resource URI, e.g. ``/finesse/api/Team/5007``."""
    @property
    def id(self) -> str:
        """The team id."""
    @property
    def name(self) -> str:
        """The team name."""
    @property
    def users(self) -> list[User]:
        """The members, in the server's order."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> Team: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> Team: ...

@final
class TeamMessage:
    """A team message (``/finesse/api/TeamMessage/<id>``, Finesse 12.0 and later), as the
    TeamMessage APIs answer it and as its notification carries it. The document (DEVNET
    ``teammessage``, "The TeamMessage object is structured as follows"; fields in DEVNET
    ``teammessage-api-parameters``):
    ``<TeamMessage><uri/><id/><createdBy><id/><firstName/><lastName/></createdBy><createdAt/>
    <duration/><content/><teams><team/>…</teams></TeamMessage>``.
    """

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @classmethod
    def from_xml(cls, data: str | bytes) -> TeamMessage:
        """Decodes one ``TeamMessage`` document."""
    @classmethod
    def list_from_xml(cls, data: str | bytes) -> list[TeamMessage]:
        """Decodes a list document of ``TeamMessage``."""
    @property
    def uri(self) -> str:
        """The resource URI, e.g.
        ``/finesse/api/TeamMessage/be1598bb-bb2a-4dfc-8c01-91ec10b029af``.
        """
    @property
    def id(self) -> str:
        """The message id (a UUID)."""
    @property
    def created_by(self) -> TeamMessageSender | None:
        """Who sent it (a supervisor or an administrator)."""
    @property
    def created_at(self) -> int | None:
        """When it was sent, in seconds since the Unix epoch (UTC)."""
    @property
    def duration(self) -> int | None:
        """How long the desktop shows it, in seconds."""
    @property
    def content(self) -> str:
        """The text, at most 255 characters."""
    @property
    def teams(self) -> list[str]:
        """The ids of the teams it was sent to."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> TeamMessage: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> TeamMessage: ...

@final
class TeamMessageSender:
    """The sender of a team message (its ``createdBy``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def id(self) -> str:
        """The sender's login id."""
    @property
    def first_name(self) -> str:
        """The sender's first name."""
    @property
    def last_name(self) -> str:
        """The sender's last name."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> TeamMessageSender: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> TeamMessageSender: ...

@final
class TeamRef:
    """A team a supervisor supervises (``User/teams/Team``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def id(self) -> str:
        """Team id."""
    @property
    def name(self) -> str:
        """Team name."""
    @property
    def uri(self) -> str:
        """Team URI."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> TeamRef: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> TeamRef: ...

@final
class User:
    """An agent or supervisor (``/finesse/api/User/<id>``), as a GET returns it and as user
    notifications carry it.
    """

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @classmethod
    def from_xml(cls, data: str | bytes) -> User:
        """Decodes one ``User`` document."""
    @property
    def uri(self) -> str:
        """The resource URI, e.g. ``/finesse/api/User/1001``."""
    @property
    def login_id(self) -> str:
        """The agent id used in URIs."""
    @property
    def login_name(self) -> str:
        """The sign-in name (may differ from the id on CCE)."""
    @property
    def first_name(self) -> str:
        """First name."""
    @property
    def last_name(self) -> str:
        """Last name."""
    @property
    def extension(self) -> str | None:
        """The extension signed in with; ``None`` when signed out."""
    @property
    def dialogs_uri(self) -> str:
        """The URI of the user's Dialogs collection."""
    @property
    def roles(self) -> list[str]:
        """Roles: ``Agent``, ``Supervisor``."""
    @property
    def state(self) -> AgentState:
        """The current state."""
    @property
    def pending_state(self) -> AgentState | None:
        """The state the agent enters when the current call ends, if one was requested."""
    @property
    def state_change_time(self) -> str | None:
        """When the state last changed (``YYYY-MM-DDThh:mm:ss.SSSZ``); may be absent after
        failover.
        """
    @property
    def reason_code_id(self) -> int | None:
        """The Finesse id of the current NOT_READY or LOGOUT reason; ``None`` when there is none
        (the server writes ``-1``).
        """
    @property
    def reason_code(self) -> ReasonCode | None:
        """The current reason, when the server includes it."""
    @property
    def settings(self) -> UserSettings:
        """Wrap-up and device settings."""
    @property
    def team_id(self) -> str | None:
        """The agent's own team id."""
    @property
    def team_name(self) -> str | None:
        """The agent's own team name."""
    @property
    def teams(self) -> list[TeamRef]:
        """Teams a supervisor supervises."""
    @property
    def media_type(self) -> str | None:
        """The voice media routing domain id (``1``)."""
    @property
    def skill_target_id(self) -> str | None:
        """The CCE skill target id."""
    @property
    def mobile_agent(self) -> MobileAgent | None:
        """Mobile agent settings, when signed in as a mobile agent."""
    @property
    def active_device_id(self) -> str | None:
        """The active device, on multi-line deployments."""
    @property
    def media_state(self) -> str | None:
        """Whether the member is on a call, ``BUSY`` or ``IDLE``: written only for the users of a
        Team document on CCX (DG12.5 p150, Team API parameters).
        """
    def is_signed_in(self) -> bool:
        """Whether the agent is signed in (in any state but ``LOGOUT``)."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> User: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> User: ...

@final
class UserSettings:
    """A user's wrap-up and device settings (``User/settings``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def wrap_up_on_incoming(self) -> WrapUpMode | None:
        """Wrap-up after incoming calls."""
    @property
    def wrap_up_on_outgoing(self) -> WrapUpMode | None:
        """Wrap-up after outgoing calls."""
    @property
    def device_selection(self) -> str | None:
        """Device selection mode, on multi-line deployments."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> UserSettings: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> UserSettings: ...

@final
class Workflow:
    """A workflow (``Workflow``): when its trigger set fires and its conditions hold, its actions
    run. The document (DEVNET ``user—get-list-of-workflows`` example,
    ``workflow-api-parameters``): a ``Workflow`` with ``uri``, ``name``, ``description``,
    ``media``, a ``TriggerSet``, a ``ConditionSet`` and ``workflowActions`` of
    ``WorkflowAction`` elements.
    """

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @classmethod
    def from_xml(cls, data: str | bytes) -> Workflow:
        """Decodes one ``Workflow`` document."""
    @classmethod
    def list_from_xml(cls, data: str | bytes) -> list[Workflow]:
        """Decodes a list document of ``Workflow``."""
    @property
    def uri(self) -> str:
        """The resource URI, ``/finesse/api/Workflow/<id>``."""
    @property
    def id(self) -> str:
        """The workflow's id, taken from the URI."""
    @property
    def name(self) -> str:
        """Its name (at most 40 characters)."""
    @property
    def description(self) -> str:
        """Its description (at most 128 characters)."""
    @property
    def media(self) -> str | None:
        """The media channel it applies to, on releases that write it."""
    @property
    def trigger(self) -> WorkflowTriggerSet | None:
        """The events that make the conditions be evaluated."""
    @property
    def conditions(self) -> WorkflowConditionSet | None:
        """The conditions that must hold for the actions to run."""
    @property
    def actions(self) -> list[WorkflowAction]:
        """The actions to run, in order (at most 5)."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> Workflow: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> Workflow: ...

@final
class WorkflowAction:
    """A workflow action (``WorkflowAction``, DEVNET ``workflowaction``): what runs."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @classmethod
    def from_xml(cls, data: str | bytes) -> WorkflowAction:
        """Decodes one ``WorkflowAction`` document."""
    @property
    def uri(self) -> str:
        """The resource URI, ``/finesse/api/WorkflowAction/<id>``."""
    @property
    def id(self) -> str:
        """The action's id, taken from the URI."""
    @property
    def name(self) -> str:
        """Its name (at most 64 characters)."""
    @property
    def action_type(self) -> str:
        """``BROWSER_POP`` or ``HTTP_REQUEST``."""
    @property
    def handled_by(self) -> str | None:
        """Who runs it: ``FINESSE_DESKTOP`` or ``OTHER`` (an application such as this one)."""
    @property
    def params(self) -> list[WorkflowActionParam]:
        """Its parameters: ``path`` and ``windowName`` for BROWSER_POP; ``method``, ``location``,
        ``contentType``, ``path`` and ``body`` for HTTP_REQUEST. ``${name}`` in a value stands
        for the action variable ``name``.
        """
    @property
    def variables(self) -> list[WorkflowVariable]:
        """The variables its parameters use (at most 5)."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> WorkflowAction: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> WorkflowAction: ...

@final
class WorkflowActionParam:
    """One parameter of a workflow action (``Param``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def name(self) -> str:
        """Its name, e.g. ``path``."""
    @property
    def value(self) -> str:
        """Its value, with ``${variable}`` placeholders."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> WorkflowActionParam: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> WorkflowActionParam: ...

@final
class WorkflowCondition:
    """A test of a dialog's variable against a value (a ``Trigger`` or a ``Condition``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def variable(self) -> WorkflowVariable | None:
        """The variable tested."""
    @property
    def comparator(self) -> str:
        """How, e.g. ``IS_EQUAL``, ``CONTAINS``, ``IS_IN_LIST``, ``IS_EMPTY``."""
    @property
    def value(self) -> str:
        """The value compared with (a comma-separated list for ``IS_IN_LIST``)."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> WorkflowCondition: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> WorkflowCondition: ...

@final
class WorkflowConditionSet:
    """The conditions of a workflow (``ConditionSet``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def apply_method(self) -> str:
        """``ALL`` or ``ANY``: whether every condition or one of them must hold."""
    @property
    def conditions(self) -> list[WorkflowCondition]:
        """The conditions (at most 5)."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> WorkflowConditionSet: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> WorkflowConditionSet: ...

@final
class WorkflowTriggerSet:
    """The events that start a workflow (``TriggerSet``): a system event such as
    ``CALL_ARRIVES``, narrowed by triggers on the dialog.
    """

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def trigger_type(self) -> str:
        """``SYSTEM`` for the built-in events."""
    @property
    def name(self) -> str:
        """The event, e.g. ``CALL_ARRIVES``, ``CALL_ANSWERED``, ``CALL_ENDS``."""
    @property
    def triggers(self) -> list[WorkflowCondition]:
        """Tests on the dialog that must all pass."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> WorkflowTriggerSet: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> WorkflowTriggerSet: ...

@final
class WorkflowVariable:
    """A variable of a dialog that workflows read (``Variable``, ``ActionVariable``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def name(self) -> str:
        """Its name, e.g. ``callVariable1`` or a name the administrator chose."""
    @property
    def node(self) -> str | None:
        """For a ``CUSTOM`` variable, the XPath of its value in the Dialog document, e.g.
        ``//Dialog/mediaProperties/callType``.
        """
    @property
    def variable_type(self) -> str:
        """``SYSTEM`` (a call variable Finesse knows) or ``CUSTOM`` (read at ``node``)."""
    @property
    def test_value(self) -> str | None:
        """A value to try the action with (action variables only)."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> WorkflowVariable: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> WorkflowVariable: ...

@final
class WrapUpReason:
    """A wrap-up reason (``WrapUpReason``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @classmethod
    def from_xml(cls, data: str | bytes) -> WrapUpReason:
        """Decodes one ``WrapUpReason`` document."""
    @classmethod
    def list_from_xml(cls, data: str | bytes) -> list[WrapUpReason]:
        """Decodes a list document of ``WrapUpReason``."""
    @property
    def id(self) -> int | None:
        """The Finesse id, taken from the ``id`` element or the URI."""
    @property
    def uri(self) -> str:
        """The resource URI."""
    @property
    def label(self) -> str:
        """The label, which is what ``UPDATE_CALL_DATA`` sets as ``wrapUpReason``."""
    @property
    def for_all(self) -> bool | None:
        """Whether the reason is global rather than assigned to teams."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> WrapUpReason: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> WrapUpReason: ...

# --- end of the generated models ---

@final
class Notifications:
    """A running notification session; a context manager that closes it."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, other: object, /) -> bool:
        """Equal when both are handles of one session."""
    def next(self, timeout: float | None = None) -> _Event | None:
        """The next event within ``timeout`` seconds; None if none came or when closed."""
    def events(self, timeout: float | None = None) -> EventIterator:
        """Iterates over the events, stopping after ``timeout`` seconds without one."""
    def subscribe(self, node: str) -> None:
        """Subscribes to a node explicitly (a Team's users, a Queue)."""
    def unsubscribe(self, node: str) -> None:
        """Unsubscribes from a node subscribed to explicitly."""
    @property
    def url(self) -> str:
        """The notification service's URL the session connected to; its scheme names the
        transport (``wss://`` WebSocket, ``https://`` BOSH, ``xmpps://`` and ``xmpp://`` TCP)."""
    @property
    def connected(self) -> bool:
        """Whether the connection is up and events are flowing."""
    @property
    def closed(self) -> bool:
        """Whether the session is closed."""
    @property
    def dropped(self) -> int:
        """How many events were dropped because the queue was full."""
    def close(self) -> None:
        """Closes the session; the callback is not called afterwards."""
    def __enter__(self) -> Notifications: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...
    def __iter__(self) -> EventIterator: ...

@final
class EventIterator:
    """Events of a notification session as they come."""

    @property
    def session(self) -> Notifications:
        """The session iterated over."""
    def __iter__(self) -> EventIterator: ...
    def __next__(self) -> _Event: ...

@final
class UserChanged:
    """An agent's User changed: state, reason, extension."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def user(self) -> User:
        """The User after the change."""
    @property
    def request_id(self) -> str | None:
        """The ``requestId`` of the command that caused it, or None."""
    @property
    def resync(self) -> bool:
        """Whether this change was found by reading the server again after an outage."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> UserChanged: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> UserChanged: ...

@final
class DialogAdded:
    """A dialog appeared: an outbound call being placed, an inbound call ringing."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def dialog(self) -> Dialog:
        """The new Dialog."""
    @property
    def request_id(self) -> str | None:
        """The ``requestId`` of the command that caused it, or None."""
    @property
    def resync(self) -> bool:
        """Whether this change was found by reading the server again after an outage."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> DialogAdded: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> DialogAdded: ...

@final
class DialogChanged:
    """A dialog changed: a participant's state, the participants, call data, actions."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def dialog(self) -> Dialog:
        """The Dialog after the change."""
    @property
    def request_id(self) -> str | None:
        """The ``requestId`` of the command that caused it, or None."""
    @property
    def resync(self) -> bool:
        """Whether this change was found by reading the server again after an outage."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> DialogChanged: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> DialogChanged: ...

@final
class DialogRemoved:
    """A dialog ended, or moved to another agent after a transfer."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def dialog(self) -> Dialog:
        """The Dialog as last published."""
    @property
    def request_id(self) -> str | None:
        """The ``requestId`` of the command that caused it, or None."""
    @property
    def resync(self) -> bool:
        """Whether this change was found by reading the server again after an outage."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> DialogRemoved: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> DialogRemoved: ...

@final
class CtiErrorEvent:
    """A command was accepted (HTTP 202), then refused by the CTI server."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def errors(self) -> list[ApiErrorDetail]:
        """The errors; ``error_data`` is the CTI error code."""
    @property
    def request_id(self) -> str | None:
        """The ``requestId`` of the refused command, or None."""
    @property
    def source(self) -> str:
        """The resource the command acted on."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> CtiErrorEvent: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> CtiErrorEvent: ...

@final
class SystemStatusChanged:
    """The node's SystemInfo changed (IN_SERVICE / OUT_OF_SERVICE)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def info(self) -> SystemInfo:
        """The new SystemInfo."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> SystemStatusChanged: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> SystemStatusChanged: ...

@final
class TeamChanged:
    """A whole team published as ``<team>`` on its node."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def team(self) -> Team:
        """The Team after the change."""
    @property
    def request_id(self) -> str | None:
        """The ``requestId`` of the command that caused it, if any."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> TeamChanged: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> TeamChanged: ...

@final
class QueueChanged:
    """A queue's statistics changed (CCE, about every 10 seconds while they change)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def queue(self) -> Queue:
        """The Queue with its new statistics."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> QueueChanged: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> QueueChanged: ...

@final
class QueueRemoved:
    """A queue was removed from the user."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def queue(self) -> Queue:
        """The Queue as last published."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> QueueRemoved: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> QueueRemoved: ...

@final
class UserQueuesAdded:
    """Queues were added to a user's list (CCE)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def queues(self) -> list[Queue]:
        """The Queue list added, with statistics."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> UserQueuesAdded: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> UserQueuesAdded: ...

@final
class UserQueuesRemoved:
    """Queues were removed from a user's list (CCE)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def queues(self) -> list[Queue]:
        """The Queue list removed (at least each uri)."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> UserQueuesRemoved: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> UserQueuesRemoved: ...

@final
class TeamMessageReceived:
    """A supervisor broadcast a message to a team of the user (12.x)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def message(self) -> TeamMessage:
        """The TeamMessage: its content, sender, teams, time and duration."""
    @property
    def request_id(self) -> str | None:
        """The ``requestId`` of the request that sent it, if any."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> TeamMessageReceived: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> TeamMessageReceived: ...

@final
class TeamMessageDeleted:
    """Its sender deleted a team message before it expired: stop showing it."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def message(self) -> TeamMessage:
        """The deleted TeamMessage (at least its id)."""
    @property
    def request_id(self) -> str | None:
        """The ``requestId`` of the request that deleted it, if any."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> TeamMessageDeleted: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> TeamMessageDeleted: ...

@final
class ConnectionChanged:
    """The notification connection changed state."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def state(self) -> str:
        """``connected``, ``disconnected``, ``failing_over``, ``out_of_service``,
        ``recovered``, ``service_available``, ``service_unavailable``, ``failed`` or
        ``closed``."""
    @property
    def detail(self) -> str:
        """The URL connected to, why the connection was lost or failed, the node moved to
        (``failing_over``), out of service, or recovered on; empty otherwise."""
    @property
    def condition(self) -> str | None:
        """The XMPP condition that ended a ``failed`` session (``conflict``...), else None."""
    @property
    def transport(self) -> str | None:
        """``websocket``, ``bosh``, ``tcp`` or ``tcp-tls`` when ``connected``, else None."""
    @property
    def previous_node(self) -> str | None:
        """The node left, when ``failing_over``, else None."""
    @property
    def changes(self) -> int | None:
        """How many ``resync`` events came just before, when ``recovered``, else None."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> ConnectionChanged: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> ConnectionChanged: ...

@final
class EventsDropped:
    """Events were dropped because they were not read in time; read the state again."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def count(self) -> int:
        """How many events were dropped since the last one read."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> EventsDropped: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> EventsDropped: ...

@final
class OtherUpdate:
    """An update of a kind without a class of its own, raw."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def event(self) -> str:
        """``POST``, ``PUT`` or ``DELETE``."""
    @property
    def source(self) -> str:
        """The resource the update is about."""
    @property
    def xml(self) -> str:
        """The whole ``<Update>`` document."""
    def to_dict(self) -> dict[str, object]:
        """The properties as a dict of plain values."""
    def __reduce__(self) -> _Reduced: ...
    def __copy__(self) -> OtherUpdate: ...
    def __deepcopy__(self, memo: dict[int, object], /) -> OtherUpdate: ...

@final
class PubSubMessage:
    """One pub-sub ``<message>`` of the Finesse notification service: node, item id, events."""

    @classmethod
    def from_xml(cls, data: str | bytes) -> PubSubMessage:
        """Decodes a ``<message>`` stanza as Finesse sends it."""
    @property
    def node(self) -> str:
        """The node the item was published to, e.g. ``/finesse/api/User/1001``."""
    @property
    def item_id(self) -> str | None:
        """The item's id, if it has one."""
    @property
    def events(self) -> list[_Event]:
        """The events of the item's ``<Update>``, in document order."""

def decode_update(data: str | bytes) -> list[_Event]:
    """Decodes one notification document (``<Update>``) into its events."""

def _restore(class_name: str, state: dict[str, object]) -> object:
    """Rebuilds a model or an event from what its ``__reduce__`` gave (unpickling)."""

class FinesseError(Exception):
    """The base class of every error the client raises."""

    url: str | None
    """The URL being reached (transport, TLS, timeout, outcome unknown, refused), else None;
    ``__cause__`` holds the failure underneath (``ConnectionRefusedError``, …) when known."""

class ApiError(FinesseError):
    """The server rejected the request with an HTTP error status; it was not carried out."""

    status: int
    error_type: str | None
    error_message: str | None
    error_data: str | None
    request_id: str | None
    errors: list[ApiErrorDetail]

class NotFoundError(ApiError):
    """HTTP 404: the user, dialog or resource does not exist."""

class AuthenticationError(ApiError):
    """HTTP 401: bad credentials, a locked account, or not allowed; or the notification
    service rejected the credentials. Never retried."""

    condition: str | None
    operation: str | None
    node: str | None
    text: str | None

class InvalidStateError(ApiError):
    """The server refused the request in the current state (``Invalid State``)."""

class PermissionDeniedError(ApiError):
    """HTTP 401 for a signed-in user acting on what is not theirs (``Invalid Supervisor``)."""

class ServiceUnavailableError(ApiError):
    """HTTP 503: the node is out of service."""

class CtiError(ApiError):
    """Finesse accepted a command (HTTP 202), then the CTI server refused it."""

    source: str

class RefusedError(FinesseError):
    """The notification service refused: a subscription, the resource binding, the session."""

    condition: str
    operation: str
    node: str | None
    text: str | None

class TransportError(FinesseError):
    """The server could not be reached; no command was carried out."""

class TlsError(FinesseError):
    """The TLS handshake failed; no command was carried out."""

class TimeoutError(FinesseError, builtins.TimeoutError):
    """No answer in time, where the request is known to have had no effect; or, for a
    command waited on, its outcome was not seen in time."""

    request_id: str | None

class OutcomeUnknownError(FinesseError):
    """A command was sent and no answer came: it may have been carried out."""

    request_id: str

class ValidationError(FinesseError, ValueError):
    """An argument was rejected before anything was sent."""

    field: str

class DecodeError(FinesseError):
    """A document could not be decoded."""

    document: str

class InsecureWarning(UserWarning):
    """Certificate verification is switched off (``verify=False``)."""

@final
class Emulator:
    """A local Finesse server for tests: the bundled emulator, in this process.

    HTTPS on 127.0.0.1 with a CA of its own, agents 1001-1003 and supervisor 2001, CCE 12.5
    (or CCX). Re-exported by ``finesse_client.testing``; a context manager that closes it.
    """

    def __new__(
        cls,
        *,
        release: str | None = None,
        ccx: bool = False,
        http: bool = False,
        forced_logout_secs: float | None = None,
        ring_ms: float | None = None,
        step_ms: float | None = None,
        lockout_secs: float | None = None,
        no_reason_codes: bool = False,
        wrap_up_secs: float | None = None,
        call_control_race: bool = False,
    ) -> Emulator: ...
    @property
    def release(self) -> str:
        """The release the emulator behaves as, e.g. ``"cce-12.5"``."""
    def set_release(self, release: str) -> None:
        """Behaves as another release from now on."""
    def set_reason_codes_configured(self, configured: bool) -> None:
        """Whether reason codes are configured: with False, NOT_READY needs no reason."""
    def set_wrap_up_timer(self, seconds: float | None) -> None:
        """Sets the wrap-up timer, or turns it off with None."""
    def set_call_control_race(self, enabled: bool) -> None:
        """Switches the race between call-control requests on or off: a second one of the
        same device before the first one's outcome is refused asynchronously."""
    @property
    def url(self) -> str:
        """The server URL a ``Client`` takes, e.g. ``"https://127.0.0.1:43121"``."""
    @property
    def notification_url(self) -> str:
        """The notification service's URL: the ``notification_url`` a ``Client`` takes."""
    @property
    def rest_websocket_url(self) -> str | None:
        """XMPP over WebSocket on the REST port (``wss://…/ws/``); None when the release has none."""
    @property
    def bosh_url(self) -> str | None:
        """BOSH (``https://…/http-bind/``); None when the release does not offer it."""
    @property
    def xmpp_url(self) -> str | None:
        """XMPP over TCP with STARTTLS (``xmpp://…``); None when the release does not offer it."""
    @property
    def xmpps_url(self) -> str | None:
        """XMPP over TCP with direct TLS (``xmpps://…``); None when the release does not offer it."""
    @property
    def control_url(self) -> str:
        """The HTTP/JSON control API's URL."""
    @property
    def ca_pem(self) -> str:
        """PEM of the CA that signed the server's certificate."""
    @property
    def ca_file(self) -> pathlib.Path:
        """A file holding ``ca_pem``, removed by ``close()``."""
    @property
    def passwords(self) -> dict[str, str]:
        """The password of every agent, by login id."""
    @property
    def closed(self) -> bool:
        """Whether ``close()`` has stopped the server."""
    def answer_far_end(self, dialog_id: str) -> None:
        """The ringing outside party of the dialog answers."""
    def hang_up_far_end(self, dialog_id: str) -> None:
        """The outside parties of the dialog hang up."""
    def inject_inbound_call(
        self,
        to: str,
        from_address: str,
        *,
        dnis: str = "",
        call_type: str = "ACD_IN",
        call_variables: dict[str, str] | None = None,
        queue_name: str = "",
        queue_number: str = "",
    ) -> str:
        """A call from outside arrives at a signed-in agent; returns the new dialog's id."""
    def set_far_end(
        self, behaviour: str, *, address: str | None = None, hang_up_after: float = 0.0
    ) -> None:
        """What outside destinations do with new outbound calls (``"BUSY"``...)."""
    def set_out_of_service(self, out_of_service: bool = True) -> None:
        """Takes the node out of service, or puts it back."""
    def assign_queue(self, queue_id: int, team_id: str) -> None:
        """Assigns a queue to the agents of a team (CCE); its users are told."""
    def unassign_queue(self, queue_id: int, team_id: str) -> None:
        """Removes a queue from the agents of a team (CCE); its users are told."""
    def reset(self) -> None:
        """Back to the start: agents signed out and unlocked, no dialogs, empty request and
        notification logs."""
    def requests(self, since: int = 0) -> list[RecordedRequest]:
        """The REST requests received (the most recent 1,000), oldest first."""
    def clear_requests(self) -> None:
        """Empties the request log."""
    def lift_lockout(self, login_id: str | None = None) -> None:
        """Lifts the lock-out of an agent, or of every agent."""
    def settle(self) -> None:
        """Waits until every request accepted so far has been carried out."""
    def close(self) -> None:
        """Stops the server and removes ``ca_file``."""
    def __enter__(self) -> Emulator: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

@final
class RecordedRequest:
    """A REST request the emulator received, and what it answered (no credentials)."""

    @property
    def seq(self) -> int:
        """Sequence number, from 1."""
    @property
    def method(self) -> str:
        """HTTP method."""
    @property
    def path(self) -> str:
        """Path without the query."""
    @property
    def query(self) -> str:
        """Query string without ``?``."""
    @property
    def request_id(self) -> str | None:
        """The ``requestId`` header."""
    @property
    def body(self) -> str:
        """The body as text, cut at 8 KiB."""
    @property
    def body_truncated(self) -> bool:
        """Whether ``body`` was cut."""
    @property
    def status(self) -> int:
        """HTTP status answered."""
    @property
    def user(self) -> str | None:
        """Login id the request authenticated as."""
