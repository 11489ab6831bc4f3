"""The models: ``from_xml`` on the reference's document shapes, properties, equality,
``__repr__``, ``to_dict()``, and the enums' handling of unknown values."""

from __future__ import annotations

import copy
import inspect
import pickle
from collections.abc import Iterator

import pytest
from conftest import Emulator
from test_decode_update import MEDIA_PUT, SYSTEM_INFO_PUT
from test_documents import DECODERS, DOCUMENTS, index

import finesse_client
from finesse_client import (
    Action,
    AgentState,
    ApiErrorDetail,
    CallType,
    DeploymentType,
    Dialog,
    DialogState,
    MediaAddressType,
    ParticipantState,
    ReasonCode,
    ReasonCodeCategory,
    StateCause,
    SystemInfo,
    SystemStatus,
    User,
    WrapUpMode,
    WrapUpReason,
)

USER = """<User>
  <dialogs>/finesse/api/User/1001/Dialogs</dialogs>
  <extension>1001001</extension>
  <firstName>Jane</firstName>
  <lastName>Doe</lastName>
  <loginId>1001</loginId>
  <loginName>jdoe</loginName>
  <mediaType>1</mediaType>
  <pendingState></pendingState>
  <reasonCode>
    <category>NOT_READY</category><code>201</code><forAll>true</forAll><id>49</id>
    <label>Prep Time</label><uri>/finesse/api/ReasonCode/49</uri><systemCode>false</systemCode>
  </reasonCode>
  <reasonCodeId>49</reasonCodeId>
  <roles><role>Agent</role><role>Supervisor</role></roles>
  <settings><wrapUpOnIncoming>REQUIRED</wrapUpOnIncoming></settings>
  <state>NOT_READY</state>
  <stateChangeTime>2017-09-28T17:33:40.875Z</stateChangeTime>
  <teamId>5007</teamId>
  <teamName>Sales</teamName>
  <teams><Team><id>5007</id><name>Sales</name><uri>/finesse/api/Team/5007</uri></Team></teams>
  <mobileAgent><mode>CALL_BY_CALL</mode><dialNumber>6135550199</dialNumber></mobileAgent>
  <uri>/finesse/api/User/1001</uri>
</User>"""

CALL_VARIABLES = "".join(
    f"<CallVariable><name>callVariable{i}</name><value>{'acct-42' if i == 1 else ''}</value>"
    "</CallVariable>"
    for i in range(1, 11)
)

DIALOG = f"""<Dialog>
  <associatedDialogUri></associatedDialogUri>
  <fromAddress>335892</fromAddress>
  <id>53149720</id>
  <mediaProperties>
    <DNIS>215194</DNIS>
    <callType>OTHER_IN</callType>
    <dialedNumber>215194</dialedNumber>
    <outboundClassification></outboundClassification>
    <wrapUpItems><wrapUpItem>Sales</wrapUpItem></wrapUpItems>
    <callvariables>{CALL_VARIABLES}
      <CallVariable><name>user.CustomerId</name><value>9</value></CallVariable>
    </callvariables>
  </mediaProperties>
  <mediaType>Voice</mediaType>
  <participants>
    <Participant>
      <actions><action>ANSWER</action></actions>
      <mediaAddress>215194</mediaAddress>
      <mediaAddressType>AGENT_DEVICE</mediaAddressType>
      <startTime>2017-10-13T16:17:55.401Z</startTime>
      <state>ALERTING</state>
      <stateCause></stateCause>
      <stateChangeTime>2017-10-13T16:17:55.401Z</stateChangeTime>
    </Participant>
    <Participant>
      <actions><action>UPDATE_CALL_DATA</action><action>DROP</action></actions>
      <mediaAddress>335892</mediaAddress>
      <mediaAddressType></mediaAddressType>
      <startTime>2017-10-13T16:17:55.401Z</startTime>
      <state>INITIATED</state>
      <stateCause></stateCause>
      <stateChangeTime>2017-10-13T16:17:55.401Z</stateChangeTime>
    </Participant>
  </participants>
  <scheduledCallbackInfo><callbackTime>2024-01-02T10:30</callbackTime></scheduledCallbackInfo>
  <state>ALERTING</state>
  <toAddress>215194</toAddress>
  <uri>/finesse/api/Dialog/53149720</uri>
</Dialog>"""

API_ERRORS = """<ApiErrors>
  <ApiError>
    <ErrorType>Invalid Input</ErrorType>
    <ErrorData>reasonCodeId</ErrorData>
    <ErrorMessage>The reason code is not valid</ErrorMessage>
  </ApiError>
  <ApiError>
    <ErrorMessage>SERVER_OUT_OF_SERVICE</ErrorMessage>
    <ErrorType>Service Unavailable</ErrorType>
    <ErrorData></ErrorData>
  </ApiError>
</ApiErrors>"""

CTI_ERROR = """<apiErrors><apiError>
  <errorData>34</errorData>
  <errorMessage>CF_RESOURCE_OUT_OF_SERVICE</errorMessage>
  <errorType>Call Operation Failure</errorType>
  <peripheralErrorCode>34</peripheralErrorCode>
</apiError></apiErrors>"""

SYSTEM_INFO = """<SystemInfo>
  <currentTimestamp>2024-03-01T12:00:00.000Z</currentTimestamp>
  <deploymentType>UCCE</deploymentType>
  <license>license-string</license>
  <primaryNode><host>finesse-a.example.com</host></primaryNode>
  <secondaryNode><host>finesse-b.example.com</host><httpsPort>8445</httpsPort></secondaryNode>
  <status>IN_SERVICE</status>
  <systemAuthMode>NON_SSO</systemAuthMode>
  <timezoneOffset>330</timezoneOffset>
  <uri>/finesse/api/SystemInfo</uri>
  <xmppDomain>finesse-a.example.com</xmppDomain>
  <xmppPubSubDomain>pubsub.finesse-a.example.com</xmppPubSubDomain>
  <ctiHeartbeatInterval>10</ctiHeartbeatInterval>
</SystemInfo>"""

REASON_CODES = """<ReasonCodes category="NOT_READY">
  <ReasonCode><uri>/finesse/api/ReasonCode/29</uri><id>29</id><category>NOT_READY</category>
    <code>201</code><label>Prep Time</label><forAll>true</forAll><systemCode>false</systemCode>
  </ReasonCode>
  <ReasonCode><uri>/finesse/api/ReasonCode/30</uri><category>NOT_READY</category>
    <code>50006</code><label>Outbound</label><forAll>true</forAll><systemCode>true</systemCode>
  </ReasonCode>
</ReasonCodes>"""

WRAP_UP_REASONS = """<WrapUpReasons>
  <WrapUpReason><uri>/finesse/api/WrapUpReason/7</uri><label>Support</label><forAll>true</forAll></WrapUpReason>
  <WrapUpReason><uri>/finesse/api/WrapUpReason/8</uri><label>Billing</label><forAll>false</forAll></WrapUpReason>
</WrapUpReasons>"""


def test_user_document() -> None:
    user = User.from_xml(USER)
    assert user.login_id == "1001" and user.login_name == "jdoe"
    assert (user.first_name, user.last_name) == ("Jane", "Doe")
    assert user.extension == "1001001"
    assert user.dialogs_uri == "/finesse/api/User/1001/Dialogs"
    assert user.roles == ["Agent", "Supervisor"]
    assert user.state is AgentState.NOT_READY
    assert user.pending_state is None
    assert user.state_change_time == "2017-09-28T17:33:40.875Z"
    assert user.reason_code_id == 49
    reason = user.reason_code
    assert reason is not None
    assert (reason.id, reason.code, reason.label) == (49, 201, "Prep Time")
    assert reason.category is ReasonCodeCategory.NOT_READY
    assert (reason.for_all, reason.system_code) == (True, False)
    assert user.settings.wrap_up_on_incoming is WrapUpMode.REQUIRED
    assert user.settings.wrap_up_on_outgoing is None
    assert (user.team_id, user.team_name) == ("5007", "Sales")
    assert [(t.id, t.name, t.uri) for t in user.teams] == [("5007", "Sales", "/finesse/api/Team/5007")]
    assert user.media_type == "1"
    mobile = user.mobile_agent
    assert mobile is not None and (mobile.mode, mobile.dial_number) == ("CALL_BY_CALL", "6135550199")
    assert user.is_signed_in()
    assert repr(user) == "User(login_id='1001', login_name='jdoe', state='NOT_READY', extension='1001001')"


def test_user_reason_code_element_in_either_case() -> None:
    upper = USER.replace("<reasonCode>", "<ReasonCode>").replace("</reasonCode>", "</ReasonCode>")
    assert User.from_xml(upper) == User.from_xml(USER)


def test_signed_out_user_has_no_reason() -> None:
    user = User.from_xml(
        "<User><loginId>1002</loginId><extension></extension><state>LOGOUT</state>"
        "<reasonCodeId>-1</reasonCodeId></User>"
    )
    assert (user.extension, user.reason_code_id, user.reason_code) == (None, None, None)
    assert not user.is_signed_in()


def test_dialog_document() -> None:
    dialog = Dialog.from_xml(DIALOG.encode())
    assert dialog.id == "53149720"
    assert dialog.uri == "/finesse/api/Dialog/53149720"
    assert dialog.associated_dialog_uri is None
    assert dialog.media_type == "Voice"
    assert (dialog.from_address, dialog.to_address) == ("335892", "215194")
    assert dialog.state is DialogState.ALERTING
    properties = dialog.media_properties
    assert properties.dnis == "215194" and properties.dialed_number == "215194"
    assert properties.call_type is CallType.OTHER_IN
    assert properties.outbound_classification is None
    assert properties.wrap_up_items == ["Sales"]
    assert len(properties.call_variables) == 11
    assert properties.call_variables["callVariable1"] == "acct-42"
    assert properties.call_variables["callVariable2"] == ""
    assert properties.call_variables["user.CustomerId"] == "9"
    assert properties.call_variable_list[0] == ("callVariable1", "acct-42")
    assert properties.call_variable_list[-1] == ("user.CustomerId", "9")
    agent, customer = dialog.participants
    assert agent.actions == [Action.ANSWER]
    assert agent.media_address_type is MediaAddressType.AGENT_DEVICE
    assert agent.state is ParticipantState.ALERTING
    assert agent.state_cause is None
    assert agent.start_time == "2017-10-13T16:17:55.401Z"
    assert customer.media_address_type is None
    assert customer.actions == [Action.UPDATE_CALL_DATA, Action.DROP]
    assert customer.can("DROP") and not customer.can(Action.ANSWER)
    assert dialog.participant("335892") == customer
    assert dialog.participant("nobody") is None
    callback = dialog.scheduled_callback_info
    assert callback is not None and callback.callback_time == "2024-01-02T10:30"
    assert callback.callback_number is None
    assert repr(dialog) == (
        "Dialog(id='53149720', state='ALERTING', from_address='335892', to_address='215194')"
    )


def test_dialog_list_documents() -> None:
    assert Dialog.list_from_xml("<Dialogs/>") == []
    dialogs = Dialog.list_from_xml(f"<Dialogs>{DIALOG}{DIALOG}</Dialogs>")
    assert len(dialogs) == 2 and dialogs[0] == dialogs[1]


def test_failed_participant() -> None:
    dialog = Dialog.from_xml(
        "<Dialog><id>1</id><state>FAILED</state><participants><Participant>"
        "<mediaAddress>1001001</mediaAddress><state>FAILED</state><stateCause>BUSY</stateCause>"
        "</Participant></participants></Dialog>"
    )
    assert dialog.state is DialogState.FAILED
    assert dialog.participants[0].state_cause is StateCause.BUSY


def test_api_errors_documents() -> None:
    first, second = ApiErrorDetail.list_from_xml(API_ERRORS)
    assert (first.error_type, first.error_data) == ("Invalid Input", "reasonCodeId")
    assert first.error_message == "The reason code is not valid"
    assert first.peripheral_error_code is None
    assert (second.error_type, second.error_message) == ("Service Unavailable", "SERVER_OUT_OF_SERVICE")
    assert second.error_data == ""
    [cti] = ApiErrorDetail.list_from_xml(CTI_ERROR)
    assert (cti.error_type, cti.error_data) == ("Call Operation Failure", "34")
    assert cti.error_message == "CF_RESOURCE_OUT_OF_SERVICE"
    assert cti.peripheral_error_code == "34"
    assert repr(cti) == (
        "ApiErrorDetail(error_type='Call Operation Failure', "
        "error_message='CF_RESOURCE_OUT_OF_SERVICE', error_data='34')"
    )


def test_system_info_document() -> None:
    info = SystemInfo.from_xml(SYSTEM_INFO)
    assert info.status is SystemStatus.IN_SERVICE
    assert info.deployment_type is DeploymentType.UCCE
    assert info.primary_node == "finesse-a.example.com"
    assert info.secondary_node == "finesse-b.example.com"
    assert info.primary_node_ports is None
    assert info.secondary_node_ports is not None
    assert info.secondary_node_ports.https_port == 8445
    assert info.secondary_node_ports.xmpp_port is None
    assert info.timezone_offset == 330
    assert info.system_auth_mode == "NON_SSO"
    assert info.xmpp_domain == "finesse-a.example.com"
    assert info.xmpp_pub_sub_domain == "pubsub.finesse-a.example.com"
    assert info.current_timestamp == "2024-03-01T12:00:00.000Z"
    assert info.license == "license-string"
    assert info.status_reason is None and info.cti_version is None
    assert info.uri == "/finesse/api/SystemInfo"


def test_reason_code_documents() -> None:
    prep, outbound = ReasonCode.list_from_xml(REASON_CODES)
    assert (prep.id, prep.code, prep.label, prep.for_all, prep.system_code) == (
        29,
        201,
        "Prep Time",
        True,
        False,
    )
    assert outbound.id == 30, "the id is taken from the URI when the element is absent"
    assert outbound.system_code is True
    single = ReasonCode.from_xml(
        "<ReasonCode><uri>/finesse/api/ReasonCode/29</uri><id>29</id><category>NOT_READY</category>"
        "<code>201</code><label>Prep Time</label><forAll>true</forAll><systemCode>false</systemCode>"
        "</ReasonCode>"
    )
    assert single == prep


def test_wrap_up_reason_documents() -> None:
    support, billing = WrapUpReason.list_from_xml(WRAP_UP_REASONS)
    assert (support.id, support.label, support.for_all) == (7, "Support", True)
    assert (billing.id, billing.for_all) == (8, False)
    assert WrapUpReason.from_xml(
        "<WrapUpReason><uri>/finesse/api/WrapUpReason/7</uri><label>Support</label>"
        "<forAll>true</forAll></WrapUpReason>"
    ) == support
    assert repr(support) == "WrapUpReason(id=7, label='Support')"


def test_element_order_and_unknown_elements_do_not_matter() -> None:
    shuffled = (
        "<User><uri>/finesse/api/User/1001</uri><futureThing><a/></futureThing>"
        "<state>READY</state><loginId>1001</loginId></User>"
    )
    user = User.from_xml(shuffled)
    assert (user.login_id, user.state) == ("1001", AgentState.READY)


def test_unknown_enum_values_are_kept() -> None:
    dialog = Dialog.from_xml(
        "<Dialog><id>1</id><state>TELEPORTED</state><participants><Participant>"
        "<actions><action>HOLD</action><action>LEVITATE</action></actions>"
        "<state>ACTIVE</state></Participant></participants></Dialog>"
    )
    state = dialog.state
    assert isinstance(state, DialogState)
    assert state == "TELEPORTED" and str(state) == "TELEPORTED" and f"{state}" == "TELEPORTED"
    assert not state.is_known
    assert state not in list(DialogState)
    hold, levitate = dialog.participants[0].actions
    assert hold is Action.HOLD and hold.is_known
    assert isinstance(levitate, Action) and levitate.value == "LEVITATE"
    assert dialog.participants[0].can("LEVITATE")
    assert dialog.to_dict()["state"] == "TELEPORTED"


def test_enums_are_strings() -> None:
    assert AgentState.READY == "READY"
    assert str(AgentState.NOT_READY) == "NOT_READY"
    assert f"{AgentState.NOT_READY}" == "NOT_READY"
    assert AgentState("READY") is AgentState.READY
    assert pickle.loads(pickle.dumps(AgentState("NEW"))) == "NEW"
    with pytest.raises(ValueError):
        AgentState(42)


def test_equality() -> None:
    assert Dialog.from_xml(DIALOG) == Dialog.from_xml(DIALOG.encode())
    assert Dialog.from_xml(DIALOG) != Dialog.from_xml(DIALOG.replace("ALERTING", "ACTIVE"))
    other: object = "not a dialog"
    assert Dialog.from_xml(DIALOG) != other
    assert Dialog.from_xml(DIALOG).media_properties == Dialog.from_xml(DIALOG).media_properties


def test_models_are_frozen() -> None:
    user = User.from_xml(USER)
    with pytest.raises(AttributeError):
        user.login_id = "1002"  # type: ignore[misc]
    with pytest.raises(TypeError):
        User()


def public_properties(cls: type) -> set[str]:
    return {
        name
        for name, value in inspect.getmembers(cls)
        if not name.startswith("_") and inspect.isdatadescriptor(value)
    }


MODELS = [
    User.from_xml(USER),
    User.from_xml(USER).settings,
    User.from_xml(USER).teams[0],
    User.from_xml(USER).mobile_agent,
    User.from_xml(USER).reason_code,
    Dialog.from_xml(DIALOG),
    Dialog.from_xml(DIALOG).media_properties,
    Dialog.from_xml(DIALOG).participants[0],
    Dialog.from_xml(DIALOG).scheduled_callback_info,
    ApiErrorDetail.list_from_xml(CTI_ERROR)[0],
    SystemInfo.from_xml(SYSTEM_INFO),
    WrapUpReason.list_from_xml(WRAP_UP_REASONS)[0],
]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: type(m).__name__)
def test_to_dict_holds_every_property_as_plain_data(model: object) -> None:
    to_dict = getattr(model, "to_dict")
    data = to_dict()
    assert set(data) == public_properties(type(model))

    def check_plain(value: object) -> None:
        assert type(value) in (str, int, bool, type(None), list, tuple, dict), type(value)
        if isinstance(value, (list, tuple)):
            for item in value:
                check_plain(item)
        if isinstance(value, dict):
            for key, item in value.items():
                assert type(key) is str
                check_plain(item)

    check_plain(data)
    assert repr(model).startswith(type(model).__name__ + "(")


def test_to_dict_of_a_dialog() -> None:
    data = Dialog.from_xml(DIALOG).to_dict()
    assert data["state"] == "ALERTING" and type(data["state"]) is str
    properties = data["media_properties"]
    assert isinstance(properties, dict)
    assert properties["call_variables"]["callVariable1"] == "acct-42"
    participants = data["participants"]
    assert isinstance(participants, list)
    assert participants[0]["actions"] == ["ANSWER"]
    assert participants[0]["media_address_type"] == "AGENT_DEVICE"


def test_every_enum_is_exported() -> None:
    from finesse_client import enums

    for name in enums.__all__:
        if name != "WireEnum":
            assert getattr(finesse_client, name) is getattr(enums, name)


# Copying and pickling: every model and event, as decoded from the recorded documents (and
# from this module's), survives copy.copy, copy.deepcopy and a pickle round trip at every
# protocol, equal and of the same class.

MODEL_CLASSES = {
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
}
EVENT_CLASSES = {
    "UserChanged",
    "DialogAdded",
    "DialogChanged",
    "DialogRemoved",
    "CtiErrorEvent",
    "SystemStatusChanged",
    "TeamChanged",
    "QueueChanged",
    "QueueRemoved",
    "UserQueuesAdded",
    "UserQueuesRemoved",
    "TeamMessageReceived",
    "TeamMessageDeleted",
    "OtherUpdate",
}


def reachable(value: object) -> Iterator[object]:
    """``value`` and every model and event inside it."""
    if isinstance(value, list):
        for item in value:
            yield from reachable(item)
    elif isinstance(value, finesse_client.PubSubMessage):
        yield from reachable(value.events)
    elif hasattr(value, "to_dict"):
        yield value
        for name in getattr(value, "to_dict")():
            yield from reachable(getattr(value, name))


def decoded_objects() -> list[object]:
    """Every model and event of the recorded documents and of this module's documents."""
    decoded: list[object] = [
        DECODERS[kind]((DOCUMENTS / document).read_bytes()) for document, kind in index()
    ]
    decoded += [
        User.from_xml(USER),
        Dialog.from_xml(DIALOG),
        ApiErrorDetail.list_from_xml(API_ERRORS),
        ApiErrorDetail.list_from_xml(CTI_ERROR),
        SystemInfo.from_xml(SYSTEM_INFO),
        ReasonCode.list_from_xml(REASON_CODES),
        WrapUpReason.list_from_xml(WRAP_UP_REASONS),
        finesse_client.decode_update(SYSTEM_INFO_PUT),
        finesse_client.decode_update(MEDIA_PUT),
    ]
    team_message = (DOCUMENTS / "team_message.xml").read_text()
    decoded.append(
        finesse_client.decode_update(
            f"<Update><data>{team_message}</data><event>DELETE</event><requestId/>"
            "<source>/finesse/api/TeamMessage/be1598bb</source></Update>"
        )
    )
    decoded.append(
        finesse_client.decode_update(
            "<Update><data><Queues><Queue><uri>/finesse/api/Queue/1004</uri></Queue></Queues>"
            "</data><event>delete</event><requestId/>"
            "<source>/finesse/api/User/1001/Queues</source></Update>"
        )
    )
    for event in ("PUT", "DELETE"):
        decoded.append(
            finesse_client.decode_update(
                f"<Update><data><dialogs>{DIALOG}</dialogs></data><event>{event}</event>"
                "<requestId>r1</requestId><source>/finesse/api/User/1001/Dialogs</source></Update>"
            )
        )
    return [obj for value in decoded for obj in reachable(value)]


OBJECTS = decoded_objects()


def assert_copies_and_pickles(value: object) -> None:
    assert copy.copy(value) == value
    assert copy.deepcopy(value) == value
    assert copy.deepcopy([value, value]) == [value, value]
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        restored = pickle.loads(pickle.dumps(value, protocol))
        assert type(restored) is type(value)
        assert restored == value
        assert getattr(restored, "to_dict")() == getattr(value, "to_dict")()
        assert repr(restored) == repr(value)


def test_the_documents_have_every_model_and_event() -> None:
    assert {type(obj).__name__ for obj in OBJECTS} == MODEL_CLASSES | EVENT_CLASSES


@pytest.mark.parametrize("value", OBJECTS, ids=lambda v: type(v).__name__)
def test_copy_and_pickle(value: object) -> None:
    assert_copies_and_pickles(value)


def test_copy_and_pickle_of_connection_events(emulator: Emulator) -> None:
    client = emulator.client()
    with client.notifications() as session:
        connected = session.next(timeout=5.0)
    assert isinstance(connected, finesse_client.ConnectionChanged)
    assert connected.state == "connected"
    assert_copies_and_pickles(connected)


def test_pickle_keeps_values_unknown_to_this_version() -> None:
    dialog = Dialog.from_xml(DIALOG.replace("<state>ALERTING</state>", "<state>TELEPORTED</state>"))
    restored = pickle.loads(pickle.dumps(dialog))
    assert restored == dialog and restored.state == "TELEPORTED"
    assert isinstance(restored.state, DialogState) and not restored.state.is_known


def test_pickle_of_an_older_version_restores_the_fields_it_has() -> None:
    from finesse_client._finesse_client import _restore

    user = _restore("User", {"login_id": "1001", "state": "READY", "roles": ["Agent"]})
    assert isinstance(user, User)
    assert (user.login_id, user.state, user.roles) == ("1001", AgentState.READY, ["Agent"])
    assert user.extension is None and user.first_name == ""
    with pytest.raises(ValueError, match="Telephone"):
        _restore("Telephone", {})
