"""Click-to-dial: sign in, place a call with call data, wait for the answer, hang up.

Set FINESSE_URL (e.g. https://finesse-a.example.com:8445), FINESSE_USER, FINESSE_PASSWORD
and FINESSE_EXTENSION; FINESSE_CA_FILE names a PEM file when the node has a private CA.
Pass the number to dial as the first argument.
"""

import os
import sys
import time

import finesse_client
from finesse_client import AgentState, DialogState


def wait_for_answer(client: finesse_client.Client, number: str) -> finesse_client.Dialog:
    """Polls the agent's dialogs until the call to ``number`` is connected."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for dialog in client.dialogs():
            if dialog.to_address == number and dialog.state == DialogState.ACTIVE:
                return dialog
        time.sleep(0.2)
    raise SystemExit(f"{number} did not answer")


def main() -> None:
    number = sys.argv[1] if len(sys.argv) > 1 else "6135551212"
    with finesse_client.Client(
        os.environ["FINESSE_URL"],
        os.environ["FINESSE_USER"],
        os.environ["FINESSE_PASSWORD"],
        ca_file=os.environ.get("FINESSE_CA_FILE"),
    ) as client:
        if client.user().state == AgentState.LOGOUT:
            client.sign_in(os.environ["FINESSE_EXTENSION"])
            while not client.user().is_signed_in():
                time.sleep(0.2)

        accepted = client.make_call(number, call_variables={"callVariable1": "acct-42"})
        print(f"dialing {number} (request {accepted.request_id})")

        dialog = wait_for_answer(client, number)
        account = dialog.media_properties.call_variables.get("callVariable1")
        print(f"call {dialog.id} connected, account {account}")

        client.drop(dialog)
        print("hung up")


if __name__ == "__main__":
    try:
        main()
    except finesse_client.OutcomeUnknownError as e:
        sys.exit(f"the call may have been placed; check before retrying: {e}")
    except finesse_client.FinesseError as e:
        sys.exit(f"error: {e}")
