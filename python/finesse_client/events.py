"""The events of a notification session, one class per kind.

- ``UserChanged``: an agent's User changed (state, reason, extension).
- ``DialogAdded``, ``DialogChanged``, ``DialogRemoved``: a call appeared (placed or
  ringing), changed, or ended.
- ``CtiErrorEvent``: a command was accepted, then refused by the CTI server.
- ``SystemStatusChanged``: the node went in or out of service.
- ``TeamChanged``: a whole team published on its node (a member's change is a
  ``UserChanged`` on ``/finesse/api/Team/<id>/Users``).
- ``QueueChanged``, ``QueueRemoved``: a queue's statistics changed (CCE, about every 10 s),
  or the queue was removed from the user.
- ``TeamMessageReceived``: a supervisor broadcast a message to a team of the user (12.x).
- ``TeamMessageDeleted``: its sender deleted a team message before it expired.
- ``UserQueuesAdded`` / ``UserQueuesRemoved``: queues added to or removed from a user's list (CCE).
- ``ConnectionChanged``: the notification connection went up or down, failed for good
  (``state="failed"``, with the XMPP ``condition``), or was closed.
- ``EventsDropped``: events were dropped, not read in time (``count`` of them): read the
  state again.
- ``OtherUpdate``: an update of another kind, raw.

``Event`` is the union of them all, for annotations, ``isinstance`` and ``match``.
``decode_update`` decodes one notification document, and ``PubSubMessage.from_xml`` a whole
pub-sub ``<message>`` as an XMPP stack receives it (its node, item id and events).

Example::

    for event in client.events(timeout=60.0):
        match event:
            case DialogAdded(dialog=dialog) if dialog.state == DialogState.ALERTING:
                print("ringing:", dialog.from_address)
            case ConnectionChanged(state="disconnected", detail=reason):
                print("events lost until reconnected:", reason)
"""

from typing import TypeAlias

from finesse_client._finesse_client import (
    ConnectionChanged,
    CtiErrorEvent,
    DialogAdded,
    DialogChanged,
    DialogRemoved,
    EventIterator,
    EventsDropped,
    Notifications,
    OtherUpdate,
    PubSubMessage,
    QueueChanged,
    QueueRemoved,
    SystemStatusChanged,
    TeamChanged,
    TeamMessageDeleted,
    TeamMessageReceived,
    UserQueuesAdded,
    UserQueuesRemoved,
    UserChanged,
    decode_update,
)

Event: TypeAlias = (
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
"""Any event of a notification session."""

__all__ = [
    "ConnectionChanged",
    "CtiErrorEvent",
    "DialogAdded",
    "DialogChanged",
    "DialogRemoved",
    "Event",
    "EventIterator",
    "EventsDropped",
    "Notifications",
    "OtherUpdate",
    "PubSubMessage",
    "QueueChanged",
    "QueueRemoved",
    "SystemStatusChanged",
    "TeamChanged",
    "TeamMessageDeleted",
    "TeamMessageReceived",
    "UserQueuesAdded",
    "UserQueuesRemoved",
    "UserChanged",
    "decode_update",
]
