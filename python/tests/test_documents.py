"""Every test document decodes in Python to the same values as in Rust.

``core/tests/documents/expected/`` records what Rust decodes each document to, every field of
every document kind (``core/tests/documents_json.rs`` keeps the records true). Here each
document is decoded with the package's classes, and every recorded field is read back as a
property: a field that a class lacks, or shows differently, fails.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import finesse_client
from finesse_client import (
    ApiErrorDetail,
    Contact,
    Dialog,
    MediaPropertiesLayout,
    PhoneBook,
    PubSubMessage,
    Queue,
    ReasonCode,
    SystemInfo,
    Team,
    TeamMessage,
    User,
    Workflow,
    WrapUpReason,
)

DOCUMENTS = Path(__file__).resolve().parents[2] / "core" / "tests" / "documents"

DECODERS: dict[str, Callable[[bytes], Any]] = {
    "ApiError": ApiErrorDetail.from_xml,
    "ApiErrors": ApiErrorDetail.list_from_xml,
    "Contacts": Contact.list_from_xml,
    "Dialog": Dialog.from_xml,
    "Dialogs": Dialog.list_from_xml,
    "MediaPropertiesLayout": MediaPropertiesLayout.from_xml,
    "MediaPropertiesLayouts": MediaPropertiesLayout.list_from_xml,
    "PhoneBooks": PhoneBook.list_from_xml,
    "PubSubMessage": PubSubMessage.from_xml,
    "Queue": Queue.from_xml,
    "Queues": Queue.list_from_xml,
    "ReasonCode": ReasonCode.from_xml,
    "ReasonCodes": ReasonCode.list_from_xml,
    "SystemInfo": SystemInfo.from_xml,
    "Team": Team.from_xml,
    "TeamMessage": TeamMessage.from_xml,
    "TeamMessages": TeamMessage.list_from_xml,
    "Update": finesse_client.decode_update,
    "User": User.from_xml,
    "Workflows": Workflow.list_from_xml,
    "WrapUpReason": WrapUpReason.from_xml,
    "WrapUpReasons": WrapUpReason.list_from_xml,
}

#: The event class of each recorded event ``type``.
EVENT_CLASSES: dict[str, type] = {
    "user_changed": finesse_client.UserChanged,
    "dialog_added": finesse_client.DialogAdded,
    "dialog_changed": finesse_client.DialogChanged,
    "dialog_removed": finesse_client.DialogRemoved,
    "cti_error": finesse_client.CtiErrorEvent,
    "system_status_changed": finesse_client.SystemStatusChanged,
    "team_changed": finesse_client.TeamChanged,
    "queue_changed": finesse_client.QueueChanged,
    "queue_removed": finesse_client.QueueRemoved,
    "team_message_received": finesse_client.TeamMessageReceived,
    "user_queues_added": finesse_client.UserQueuesAdded,
    "other": finesse_client.OtherUpdate,
}

#: Recorded names that a Python class shows under another name.
RENAMED = {"update_xml": "xml"}


def index() -> list[tuple[str, str]]:
    entries = json.loads((DOCUMENTS / "expected" / "index.json").read_text())
    return [(entry["document"], entry["kind"]) for entry in entries]


def assert_same(value: object, expected: object, path: str) -> None:
    """``value`` (a decoded object, list or scalar) shows everything ``expected`` records."""
    if isinstance(expected, list):
        assert isinstance(value, list), f"{path}: {value!r} is not a list"
        assert len(value) == len(expected), f"{path}: {len(value)} items, not {len(expected)}"
        for i, (item, want) in enumerate(zip(value, expected)):
            assert_same(item, want, f"{path}[{i}]")
    elif isinstance(expected, dict):
        if "type" in expected:
            event_class = EVENT_CLASSES[expected["type"]]
            assert isinstance(value, event_class), f"{path}: {value!r} is not a {event_class}"
        for key, want in expected.items():
            if key == "type":
                continue
            if key == "call_variables":
                assert_call_variables(value, want, f"{path}.{key}")
                continue
            name = RENAMED.get(str(key), str(key))
            assert hasattr(value, name), f"{path}: {type(value).__name__} has no {name}"
            assert_same(getattr(value, name), want, f"{path}.{name}")
    else:
        assert value == expected, f"{path}: {value!r} != {expected!r}"


def assert_call_variables(properties: Any, expected: list[dict[str, str]], path: str) -> None:
    """Python shows call variables as a dict (the first of a repeated name wins) and as pairs."""
    pairs = [(v["name"], v["value"]) for v in expected]
    assert properties.call_variable_list == pairs, path
    first: dict[str, str] = {}
    for name, value in pairs:
        first.setdefault(name, value)
    assert properties.call_variables == first, path


def test_the_records_cover_every_decoder() -> None:
    assert {kind for _, kind in index()} == set(DECODERS)


@pytest.mark.parametrize(("document", "kind"), index())
def test_document_decodes_as_in_rust(document: str, kind: str) -> None:
    expected = json.loads((DOCUMENTS / "expected" / document.replace(".xml", ".json")).read_text())
    decoded = DECODERS[kind]((DOCUMENTS / document).read_bytes())
    assert_same(decoded, expected, document)
