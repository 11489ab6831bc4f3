"""A test of your own code against the Finesse emulator that comes with finesse_client.

Once the package is installed, pytest provides the fixtures ``finesse_emulator`` (a fresh
emulator per test) and ``finesse_client_for`` (a Client for one of its agents).
Run it with ``pytest test_with_emulator.py``.
"""

from finesse_client import Client
from finesse_client.testing import ClientFactory, Emulator


def dial_customer(client: Client, account: str, number: str) -> None:
    """The code under test: click-to-dial with the account in callVariable1."""
    client.make_call(number, call_variables={"callVariable1": account}, wait=5.0)


def test_dial_customer(finesse_emulator: Emulator, finesse_client_for: ClientFactory) -> None:
    client = finesse_client_for("1001")
    client.sign_in("1001001", wait=5.0)

    dial_customer(client, "acct-42", "6135551212")

    [call] = [r for r in finesse_emulator.requests() if r.method == "POST"]
    assert call.path == "/finesse/api/User/1001/Dialogs"
    assert "<toAddress>6135551212</toAddress>" in call.body
    assert "<value>acct-42</value>" in call.body
