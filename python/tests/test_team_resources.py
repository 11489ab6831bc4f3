"""The desktop's lists against the emulator (Finesse 12.5(1): TeamResource): phone books with
their contacts, workflows with their actions, media properties layouts, the agent's and a
team's; the documents' classes copy, pickle and convert to plain values."""

from __future__ import annotations

import pickle

import pytest
from conftest import Emulator

import finesse_client
from finesse_client import MediaPropertiesLayout, PhoneBook, PhoneBookType, Workflow


def test_the_agents_phone_books_with_their_contacts(emulator: Emulator) -> None:
    books = emulator.client("1001").phone_books()
    assert all(isinstance(b, PhoneBook) for b in books)
    assert [(b.name, b.book_type, len(b.contacts)) for b in books] == [
        ("Global Directory", PhoneBookType.GLOBAL, 3),
        ("Sales Team", PhoneBookType.TEAM, 2),
    ]
    ana = books[1].contacts[0]
    assert (ana.first_name, ana.last_name, ana.phone_number, ana.description) == (
        "Ana",
        "Silva",
        "6002",
        "Team lead",
    )
    assert ana.id == "4"
    assert pickle.loads(pickle.dumps(books[1])) == books[1]
    contacts = books[1].to_dict()["contacts"]
    assert isinstance(contacts, list)
    assert contacts[0]["phone_number"] == "6002"


def test_the_agents_workflow_and_its_browser_pop(emulator: Emulator) -> None:
    (flow,) = emulator.client("1001").workflows()
    assert isinstance(flow, Workflow)
    assert flow.name == "google ring pop"
    assert flow.trigger is not None
    assert (flow.trigger.trigger_type, flow.trigger.name) == ("SYSTEM", "CALL_ARRIVES")
    assert [t.comparator for t in flow.trigger.triggers] == ["IS_EQUAL", "IS_IN_LIST"]
    assert flow.conditions is not None
    assert flow.conditions.apply_method == "ALL"
    (action,) = flow.actions
    assert (action.action_type, action.handled_by) == ("BROWSER_POP", "FINESSE_DESKTOP")
    params = {p.name: p.value for p in action.params}
    assert params["path"] == "http://www.example.com?q=${callVariable1}"
    assert [v.name for v in action.variables] == ["callVariable1"]


def test_the_agents_layouts(emulator: Emulator) -> None:
    client = emulator.client("1001")
    layouts = client.media_properties_layouts()
    assert [layout.name for layout in layouts] == ["Default Layout", "Sales Layout"]
    mine = client.media_properties_layout()
    assert isinstance(mine, MediaPropertiesLayout)
    assert mine == layouts[1]
    assert mine.layout_type == "CUSTOM"
    assert [e.media_property for e in mine.columns[0].entries] == ["callVariable3", "callVariable4"]
    acct = layouts[0].columns[0].entries[1]
    assert (acct.media_property, acct.show_in_pop_over) == ("user.cisco.acctnum", True)


def test_a_teams_lists_and_refusals(emulator: Emulator) -> None:
    boss = emulator.client("2001")
    assert len(boss.team_phone_books("5007")) == 2
    assert boss.team_workflows("5007")[0].name == "google ring pop"
    assert len(boss.team_media_properties_layouts("5007")) == 2
    with pytest.raises(finesse_client.NotFoundError):
        boss.team_phone_books("9999")
    with pytest.raises(finesse_client.ValidationError) as bad:
        boss.team_workflows("50 07")
    assert "team_id" in str(bad.value)
