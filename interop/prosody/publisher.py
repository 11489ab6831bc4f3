"""An independent XMPP client (slixmpp) standing in for the Finesse notification service.

As the pub-sub admin it subscribes an agent's JID to a node (Finesse subscribes agents to
their own nodes by itself; Prosody does not), publishes Finesse-shaped items, and pings a JID
(XEP-0199). It speaks XMPP over TCP with STARTTLS and verifies the server's certificate
against the test CA.

    publisher.py --port P --ca CA.pem subscribe NODE JID
    publisher.py --port P --ca CA.pem publish NODE UPDATE.xml [--item-id ID]
    publisher.py --port P --ca CA.pem ping FULL_JID [--timeout S]

The admin's JID and password come from PUBLISHER_JID and PUBLISHER_PASSWORD (never on the
command line). One JSON object on stdout tells the outcome.
"""

import argparse
import asyncio
import json
import os
import sys

import slixmpp
from slixmpp.exceptions import IqError, IqTimeout
from slixmpp.xmlstream import ET as SET

PUBSUB_NS = "http://jabber.org/protocol/pubsub"
PUBSUB_SERVICE = "pubsub.localhost"


def notification(update_xml: str):
    """The item payload Finesse publishes: `<notification>` holding the Update as text
    (serialising escapes it: `&lt;Update&gt;…`)."""
    element = SET.Element(f"{{{PUBSUB_NS}}}notification")
    element.text = update_xml
    return element


def condition(error: IqError) -> str:
    return error.iq["error"]["condition"] or error.iq["error"]["type"] or "error"


async def run(xmpp: slixmpp.ClientXMPP, args) -> dict:
    pubsub = xmpp.plugin["xep_0060"]
    if args.command == "subscribe":
        try:
            await pubsub.create_node(PUBSUB_SERVICE, args.node, timeout=5)
        except IqError as e:
            if condition(e) != "conflict":  # the node exists already: fine
                return {"ok": False, "error": f"create {args.node}: {condition(e)}"}
        try:
            await pubsub.subscribe(PUBSUB_SERVICE, args.node, subscribee=args.jid, timeout=5)
        except IqError as e:
            return {"ok": False, "error": f"subscribe {args.jid} to {args.node}: {condition(e)}"}
        return {"ok": True}
    if args.command == "publish":
        with open(args.update, encoding="utf-8") as f:
            update = f.read()
        try:
            await pubsub.publish(
                PUBSUB_SERVICE, args.node, id=args.item_id, payload=notification(update), timeout=5
            )
        except IqError as e:
            return {"ok": False, "error": f"publish to {args.node}: {condition(e)}"}
        return {"ok": True}
    if args.command == "ping":
        try:
            await xmpp.plugin["xep_0199"].send_ping(args.jid, timeout=args.timeout)
        except IqError as e:
            return {"ok": True, "answered": False, "error": condition(e)}
        except IqTimeout:
            return {"ok": True, "answered": False, "error": "timeout"}
        return {"ok": True, "answered": True}
    raise ValueError(args.command)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True, help="c2s (STARTTLS) port")
    parser.add_argument("--ca", required=True, help="PEM of the CA to trust")
    parser.add_argument("--deadline", type=float, default=20, help="seconds for everything")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("subscribe")
    p.add_argument("node")
    p.add_argument("jid")
    p = sub.add_parser("publish")
    p.add_argument("node")
    p.add_argument("update", help="file holding one <Update> document")
    p.add_argument("--item-id")
    p = sub.add_parser("ping")
    p.add_argument("jid")
    p.add_argument("--timeout", type=float, default=5)
    args = parser.parse_args()

    xmpp = slixmpp.ClientXMPP(os.environ["PUBLISHER_JID"], os.environ["PUBLISHER_PASSWORD"])
    xmpp.ca_certs = args.ca
    # STARTTLS on the c2s port only: newer slixmpp tries direct TLS first.
    xmpp.enable_direct_tls = False
    xmpp.enable_starttls = True
    xmpp.enable_plaintext = False
    xmpp.register_plugin("xep_0060")
    xmpp.register_plugin("xep_0199")
    loop = asyncio.get_event_loop()
    outcome: asyncio.Future = loop.create_future()

    async def on_start(_event):
        try:
            result = await run(xmpp, args)
        except Exception as e:  # report, do not hang
            result = {"ok": False, "error": f"{type(e).__name__}: {e}"}
        if not outcome.done():
            outcome.set_result(result)

    def on_failure(what):
        def handler(event):
            if not outcome.done():
                outcome.set_result({"ok": False, "error": f"{what}: {event}"})

        return handler

    xmpp.add_event_handler("session_start", on_start)
    xmpp.add_event_handler("failed_auth", on_failure("authentication failed"))
    xmpp.add_event_handler("connection_failed", on_failure("connection failed"))
    xmpp.add_event_handler("ssl_invalid_chain", on_failure("certificate not trusted"))
    xmpp.connect(args.host, args.port)
    try:
        result = loop.run_until_complete(asyncio.wait_for(outcome, args.deadline))
    except asyncio.TimeoutError:
        result = {"ok": False, "error": f"no outcome within {args.deadline} s"}
    xmpp.disconnect()
    try:
        loop.run_until_complete(asyncio.wait_for(xmpp.disconnected, 2))
    except Exception:
        pass
    for task in asyncio.all_tasks(loop):  # slixmpp's own, cancelled quietly
        task.cancel()
        try:
            loop.run_until_complete(task)
        except BaseException:
            pass
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
