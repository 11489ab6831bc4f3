"""The Python round trips, timed the same way as the Rust and C ones.

``python round_trip.py IMPL URL SECONDS`` warms up, then runs each operation in a loop for
SECONDS and prints ``<operation> <ns per call> <calls>``. IMPL is ``finesse_client`` (this
package) or ``requests`` (requests plus xml.etree.ElementTree, what a Python user writes
today without it). Both do the same work:

- ``get_dialogs``: GET the agent's Dialogs and decode every dialog into Python objects: the
  fields, the call variables and the participants with their actions;
- ``make_call``: build a MAKE_CALL with two call variables, POST it with a fresh
  ``requestId`` and check that it was accepted (202).
"""

from __future__ import annotations

import sys
import time
import uuid
import xml.etree.ElementTree as ET
from typing import Any, Callable

# Calls made before timing, so connections, caches and the extension are in place.
WARM_UP_CALLS = 200
USER = "1001"
PASSWORD = "secret1001"
EXTENSION = "1001001"
CALL_VARIABLES = {"callVariable1": "acct-42", "user.CustomerId": "90210"}


def finesse_client_ops(url: str) -> dict[str, Callable[[], object]]:
    import finesse_client

    client = finesse_client.Client(url, USER, PASSWORD, login_id=USER)
    return {
        "get_dialogs": client.dialogs,
        "make_call": lambda: client.make_call("6135551212", call_variables=CALL_VARIABLES),
    }


def decode_dialogs(body: bytes) -> list[dict[str, Any]]:
    """What the typed model gives, the ElementTree way."""
    dialogs = []
    for d in ET.fromstring(body).iterfind("Dialog"):
        media = d.find("mediaProperties")
        dialogs.append(
            {
                "id": d.findtext("id"),
                "uri": d.findtext("uri"),
                "state": d.findtext("state"),
                "media_type": d.findtext("mediaType"),
                "from_address": d.findtext("fromAddress"),
                "to_address": d.findtext("toAddress"),
                "dnis": media.findtext("DNIS") if media is not None else None,
                "dialed_number": media.findtext("dialedNumber") if media is not None else None,
                "call_type": media.findtext("callType") if media is not None else None,
                "call_variables": {
                    v.findtext("name"): v.findtext("value") or ""
                    for v in d.iterfind("mediaProperties/callvariables/CallVariable")
                },
                "participants": [
                    {
                        "media_address": p.findtext("mediaAddress"),
                        "media_address_type": p.findtext("mediaAddressType") or None,
                        "state": p.findtext("state"),
                        "state_cause": p.findtext("stateCause") or None,
                        "start_time": p.findtext("startTime"),
                        "state_change_time": p.findtext("stateChangeTime"),
                        "actions": [a.text for a in p.iterfind("actions/action")],
                    }
                    for p in d.iterfind("participants/Participant")
                ],
            }
        )
    return dialogs


def make_call_body(to: str) -> bytes:
    dialog = ET.Element("Dialog")
    ET.SubElement(dialog, "requestedAction").text = "MAKE_CALL"
    ET.SubElement(dialog, "fromAddress").text = EXTENSION
    ET.SubElement(dialog, "toAddress").text = to
    variables = ET.SubElement(ET.SubElement(dialog, "mediaProperties"), "callvariables")
    for name, value in CALL_VARIABLES.items():
        variable = ET.SubElement(variables, "CallVariable")
        ET.SubElement(variable, "name").text = name
        ET.SubElement(variable, "value").text = value
    return ET.tostring(dialog)


def requests_ops(url: str) -> dict[str, Callable[[], object]]:
    import requests

    session = requests.Session()
    session.auth = (USER, PASSWORD)
    session.headers["Accept"] = "application/xml"
    dialogs_url = f"{url}/finesse/api/User/{USER}/Dialogs"

    def get_dialogs() -> list[dict[str, Any]]:
        response = session.get(dialogs_url, timeout=10)
        response.raise_for_status()
        return decode_dialogs(response.content)

    def make_call() -> str:
        request_id = str(uuid.uuid4())
        response = session.post(
            dialogs_url,
            data=make_call_body("6135551212"),
            headers={"Content-Type": "application/xml", "requestId": request_id},
            timeout=10,
        )
        if response.status_code != 202:
            raise RuntimeError(f"MAKE_CALL answered {response.status_code}")
        return request_id

    return {"get_dialogs": get_dialogs, "make_call": make_call}


def time_op(name: str, op: Callable[[], object], budget_ns: int) -> None:
    """Warms ``op`` up, then calls it for ``budget_ns`` and prints the mean time per call."""
    for _ in range(WARM_UP_CALLS):
        op()
    clock = time.perf_counter_ns
    start = clock()
    calls = 0
    while True:
        op()
        calls += 1
        elapsed = clock() - start
        if elapsed >= budget_ns:
            break
    print(f"{name} {elapsed // calls} {calls}", flush=True)


def main() -> None:
    if len(sys.argv) != 4 or sys.argv[1] not in ("finesse_client", "requests"):
        sys.exit("usage: round_trip.py finesse_client|requests URL SECONDS")
    impl, url, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    ops = finesse_client_ops(url) if impl == "finesse_client" else requests_ops(url)
    for name in ("get_dialogs", "make_call"):
        time_op(name, ops[name], int(seconds * 1e9))


if __name__ == "__main__":
    main()
