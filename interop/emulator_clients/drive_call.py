#!/usr/bin/env python3
"""Drives one agent through a call on the emulator and prints what it published for them.

Signs the agent in over the Finesse REST API, places a call, waits until the far end
answers, drops it, signs the agent out, and prints (JSON) every Update the emulator
published on the agent's own nodes meanwhile, from its control API's notification log:
what an XMPP client signed in as the agent must have received, in this order.

Python standard library only; TLS verified against the emulator's CA.
"""

import argparse
import base64
import json
import ssl
import sys
import time
import urllib.request

TIMEOUT = 10.0


def request(url, method="GET", body=None, auth=None, context=None):
    headers = {"Content-Type": "application/xml"}
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    data = body.encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    with urllib.request.urlopen(req, timeout=TIMEOUT, context=context) as response:
        return response.status, response.read().decode()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rest", required=True, help="the REST base URL")
    parser.add_argument("--control", required=True, help="the control API URL")
    parser.add_argument("--ca", required=True, help="the emulator's CA (PEM)")
    parser.add_argument("--agent", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--to", default="6135551212", help="the number dialed")
    args = parser.parse_args()

    tls = ssl.create_default_context(cafile=args.ca)
    auth = (args.agent, args.password)
    extension = f"{args.agent}001"
    user = f"{args.rest}/finesse/api/User/{args.agent}"

    def control(path, method="GET", body=None):
        status, text = request(f"{args.control}{path}", method, body)
        return json.loads(text) if text else status

    def settle():
        control("/settle", "POST")

    def agent_dialogs():
        return [
            d
            for d in control("/dialogs")
            if any(p.get("login_id") == args.agent for p in d["participants"])
        ]

    def wait_for(what, condition):
        deadline = time.monotonic() + TIMEOUT
        while not condition():
            if time.monotonic() > deadline:
                sys.exit(f"drive_call: timed out waiting for {what}")
            time.sleep(0.02)

    start = max((n["seq"] for n in control("/notifications")), default=0)

    login = f"<User><state>LOGIN</state><extension>{extension}</extension></User>"
    assert request(user, "PUT", login, auth, tls)[0] == 202
    settle()
    make_call = (
        "<Dialog><requestedAction>MAKE_CALL</requestedAction>"
        f"<fromAddress>{extension}</fromAddress><toAddress>{args.to}</toAddress></Dialog>"
    )
    assert request(f"{user}/Dialogs", "POST", make_call, auth, tls)[0] == 202
    wait_for("the far end to answer", lambda: any(d["state"] == "ACTIVE" for d in agent_dialogs()))
    dialog = agent_dialogs()[0]["id"]
    drop = (
        "<Dialog><requestedAction>DROP</requestedAction>"
        f"<targetMediaAddress>{extension}</targetMediaAddress></Dialog>"
    )
    assert request(f"{args.rest}/finesse/api/Dialog/{dialog}", "PUT", drop, auth, tls)[0] == 202
    wait_for("the call to end", lambda: not agent_dialogs())
    logout = "<User><state>LOGOUT</state><reasonCodeId>31</reasonCodeId></User>"
    assert request(user, "PUT", logout, auth, tls)[0] == 202
    settle()
    wait_for("the sign-out", lambda: control(f"/agents/{args.agent}")["state"] == "LOGOUT")

    nodes = {f"/finesse/api/User/{args.agent}", f"/finesse/api/User/{args.agent}/Dialogs"}
    published = [
        {"node": n["node"], "update": n["update_xml"]}
        for n in control(f"/notifications?since={start}")
        if n["node"] in nodes
    ]
    json.dump(published, sys.stdout)


if __name__ == "__main__":
    main()
