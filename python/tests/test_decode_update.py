"""``decode_update`` on the reference's notification shapes (sections 4.3 and 6.3), the event
classes (properties, equality, ``__repr__``, ``to_dict()``), ``CtiError`` and
``ApiErrorDetail.from_xml``."""

from __future__ import annotations

import html

import pytest

import finesse_client
from finesse_client import (
    AgentState,
    ApiError,
    ApiErrorDetail,
    ConnectionChanged,
    CtiError,
    CtiErrorEvent,
    DecodeError,
    DialogAdded,
    DialogChanged,
    DialogRemoved,
    DialogState,
    Event,
    EventsDropped,
    FinesseError,
    OtherUpdate,
    QueueChanged,
    QueueRemoved,
    SystemStatus,
    SystemStatusChanged,
    TeamChanged,
    TeamMessageDeleted,
    TeamMessageReceived,
    UserChanged,
    UserQueuesAdded,
    UserQueuesRemoved,
    decode_update,
)

DIALOG = """<Dialog>
  <associatedDialogUri></associatedDialogUri>
  <fromAddress>4085550100</fromAddress>
  <id>16777220</id>
  <mediaProperties>
    <DNIS>8005551000</DNIS>
    <callType>ACD_IN</callType>
    <dialedNumber>8005551000</dialedNumber>
    <callvariables>
      <CallVariable><name>callVariable1</name><value>claim-77</value></CallVariable>
      <CallVariable><name>user.Lang</name><value>fr</value></CallVariable>
    </callvariables>
  </mediaProperties>
  <mediaType>Voice</mediaType>
  <participants>
    <Participant>
      <actions><action>ANSWER</action></actions>
      <mediaAddress>1001001</mediaAddress>
      <mediaAddressType>AGENT_DEVICE</mediaAddressType>
      <state>ALERTING</state>
    </Participant>
  </participants>
  <state>ALERTING</state>
  <toAddress>8005551000</toAddress>
  <uri>/finesse/api/Dialog/16777220</uri>
</Dialog>"""

# 6.3: a Dialogs collection POST (a ringing call), as carried escaped in the pub-sub item.
MESSAGE = f"""<message from='pubsub.fin1.example.com' to='1001@fin1.example.com'
         id='/finesse/api/User/1001/Dialogs__1001@fin1.example.com__k15Q3'>
  <event xmlns='http://jabber.org/protocol/pubsub#event'>
    <items node='/finesse/api/User/1001/Dialogs'>
      <item id='0b6afdb5'>
        <notification xmlns='http://jabber.org/protocol/pubsub'>{html.escape(
            "<Update><data><dialogs>" + DIALOG + "</dialogs></data><event>POST</event>"
            "<requestId></requestId><source>/finesse/api/User/1001/Dialogs</source></Update>"
        )}</notification>
      </item>
    </items>
  </event>
</message>"""

# 6.3: a User update, with the lowercase `put` one documentation sample shows.
USER_PUT = """<Update>
  <data>
    <user>
      <dialogs>/finesse/api/User/1001/Dialogs</dialogs>
      <extension>1001001</extension>
      <loginId>1001</loginId>
      <loginName>jdoe</loginName>
      <pendingState></pendingState>
      <reasonCodeId>-1</reasonCodeId>
      <roles><role>Agent</role></roles>
      <state>READY</state>
      <uri>/finesse/api/User/1001</uri>
    </user>
  </data>
  <event>put</event>
  <requestId>0d1d3b4c-6a3e-4e4e-9f3e-0c1b2a3d4e5f</requestId>
  <source>/finesse/api/User/1001</source>
</Update>"""

# 4.3: an asynchronous CTI error, lowercase elements.
CTI_ERROR = """<Update>
  <data><apiErrors><apiError>
    <errorData>34</errorData>
    <errorMessage>CF_RESOURCE_OUT_OF_SERVICE</errorMessage>
    <errorType>Call Operation Failure</errorType>
  </apiError></apiErrors></data>
  <event>PUT</event><requestId>req-9</requestId><source>/finesse/api/Dialog/12345</source>
</Update>"""

SYSTEM_INFO_PUT = """<Update><data><SystemInfo>
  <status>OUT_OF_SERVICE</status><statusReason>CTI down</statusReason>
  <deploymentType>UCCE</deploymentType><uri>/finesse/api/SystemInfo</uri>
</SystemInfo></data><event>PUT</event><requestId/>
<source>/finesse/api/SystemInfo</source></Update>"""

# A non-voice media state (a 12.x MRD node), which the library does not type.
MEDIA_PUT = """<Update><data><media><state>READY</state></media></data>
<event>put</event><requestId></requestId><source>/finesse/api/User/1001/Media/5</source></Update>"""


def notification_text(message: str) -> str:
    """The ``<Update>`` a pub-sub message carries: the text of its ``<notification>``."""
    start = message.index(">", message.index("<notification")) + 1
    return html.unescape(message[start : message.index("</notification>")])


def test_ringing_call_from_a_pubsub_message() -> None:
    [event] = decode_update(notification_text(MESSAGE))
    assert isinstance(event, DialogAdded)
    assert event.request_id is None, "an empty requestId is None"
    assert event.dialog.state == DialogState.ALERTING
    assert event.dialog.from_address == "4085550100"
    assert event.dialog.media_properties.call_variables == {
        "callVariable1": "claim-77",
        "user.Lang": "fr",
    }


def test_user_update_with_lowercase_put() -> None:
    [event] = decode_update(USER_PUT.encode())
    assert isinstance(event, UserChanged)
    assert event.user.state == AgentState.READY
    assert event.request_id == "0d1d3b4c-6a3e-4e4e-9f3e-0c1b2a3d4e5f"


def test_dialog_item_put_and_collection_delete() -> None:
    item = DIALOG.replace("<Dialog>", "<dialog>").replace("</Dialog>", "</dialog>")
    [changed] = decode_update(
        f"<Update><data>{item}</data><event>PUT</event><requestId>r1</requestId>"
        "<source>/finesse/api/Dialog/16777220</source></Update>"
    )
    assert isinstance(changed, DialogChanged)
    assert (changed.dialog.id, changed.request_id) == ("16777220", "r1")
    removed = decode_update(
        f"<Update><data><dialogs>{DIALOG}{DIALOG}</dialogs></data><event>DELETE</event>"
        "<requestId/><source>/finesse/api/User/1001/Dialogs</source></Update>"
    )
    assert [type(e) for e in removed] == [DialogRemoved, DialogRemoved]


def test_cti_error() -> None:
    [event] = decode_update(CTI_ERROR)
    assert isinstance(event, CtiErrorEvent)
    assert event.request_id == "req-9"
    assert event.source == "/finesse/api/Dialog/12345"
    [error] = event.errors
    assert (error.error_type, error.error_message, error.error_data) == (
        "Call Operation Failure",
        "CF_RESOURCE_OUT_OF_SERVICE",
        "34",
    )
    assert event.to_dict() == {
        "errors": [error.to_dict()],
        "request_id": "req-9",
        "source": "/finesse/api/Dialog/12345",
    }


def test_system_status_change() -> None:
    [event] = decode_update(SYSTEM_INFO_PUT)
    assert isinstance(event, SystemStatusChanged)
    assert event.info.status == SystemStatus.OUT_OF_SERVICE
    assert event.info.status_reason == "CTI down"


def test_other_updates_are_kept_raw() -> None:
    [event] = decode_update(MEDIA_PUT)
    assert isinstance(event, OtherUpdate)
    assert (event.event, event.source) == ("PUT", "/finesse/api/User/1001/Media/5")
    assert event.xml == MEDIA_PUT
    assert repr(event) == "OtherUpdate(event='PUT', source='/finesse/api/User/1001/Media/5')"


@pytest.mark.parametrize(
    "data", ["<Dialog/>", "not xml", "<Update><data><user><state>", b"\xff\xfe"]
)
def test_not_an_update_is_a_decode_error(data: str | bytes) -> None:
    with pytest.raises(DecodeError):
        decode_update(data)


def test_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        decode_update(42)  # type: ignore[arg-type]


def test_events_are_frozen_values() -> None:
    [a] = decode_update(USER_PUT)
    [b] = decode_update(USER_PUT)
    assert isinstance(a, UserChanged)
    assert a == b and a is not b
    assert a != decode_update(USER_PUT.replace("READY", "NOT_READY"))[0]
    with pytest.raises(AttributeError):
        a.request_id = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        hash(a)
    assert repr(a) == (
        "UserChanged(user=User(login_id='1001', login_name='jdoe', state='READY', "
        "extension='1001001'), request_id='0d1d3b4c-6a3e-4e4e-9f3e-0c1b2a3d4e5f', resync=False)"
    )
    assert a.to_dict() == {"user": a.user.to_dict(), "request_id": a.request_id, "resync": False}


def test_event_union() -> None:
    events: list[Event] = [
        *decode_update(USER_PUT),
        *decode_update(CTI_ERROR),
        *decode_update(MEDIA_PUT),
    ]
    assert all(isinstance(e, Event) for e in events)
    assert not isinstance(ApiErrorDetail.from_xml("<ApiError/>"), Event)
    assert set(Event.__args__) == {
        UserChanged,
        DialogAdded,
        DialogChanged,
        DialogRemoved,
        CtiErrorEvent,
        SystemStatusChanged,
        ConnectionChanged,
        TeamChanged,
        QueueChanged,
        QueueRemoved,
        UserQueuesAdded,
        UserQueuesRemoved,
        TeamMessageReceived,
        TeamMessageDeleted,
        EventsDropped,
        OtherUpdate,
    }


def test_event_classes_are_not_constructible() -> None:
    with pytest.raises(TypeError):
        UserChanged()


def test_cti_error_class() -> None:
    assert issubclass(CtiError, ApiError)
    assert issubclass(CtiError, FinesseError)
    assert finesse_client.exceptions.CtiError is CtiError


def test_api_error_detail_from_xml_both_forms() -> None:
    sync = ApiErrorDetail.from_xml(
        "<ApiError><ErrorType>Invalid State</ErrorType><ErrorData>READY</ErrorData>"
        "<ErrorMessage>Cannot change state</ErrorMessage></ApiError>"
    )
    assert (sync.error_type, sync.error_data) == ("Invalid State", "READY")
    cti = ApiErrorDetail.from_xml(
        b"<apiError><errorType>Generic Error</errorType><errorData>20999</errorData>"
        b"<errorMessage>CF_GENERIC_UNSPECIFIED</errorMessage></apiError>"
    )
    assert (cti.error_type, cti.error_message, cti.error_data) == (
        "Generic Error",
        "CF_GENERIC_UNSPECIFIED",
        "20999",
    )
    with pytest.raises(DecodeError):
        ApiErrorDetail.from_xml("<ApiErrors/>")
