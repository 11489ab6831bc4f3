#!/usr/bin/env python3
"""slixmpp (PyPI) signed in to the emulator as an agent over XMPP over TCP.

Connects to an `xmpp://HOST:PORT` URL with STARTTLS only, or to an `xmpps://HOST:PORT` URL
with direct TLS only, verifying the server certificate against the emulator's CA for the
XMPP domain. Once the session starts it asks what a generic client asks (roster, service
discovery, version, ping, pub-sub subscriptions), runs the call driver, and checks that
every pub-sub event the emulator published for the agent arrived, in order, through
slixmpp's own pub-sub decoding (which only sees stanzas in jabber:client).

Usage: slixmpp_client.py URL JID PASSWORD CA_PEM -- DRIVER...
"""

import asyncio
import json
import sys
from urllib.parse import urlsplit

import slixmpp

TIMEOUT = 20.0
PUBSUB = "{http://jabber.org/protocol/pubsub}notification"


def fail(message):
    print(f"slixmpp_client: {message}", file=sys.stderr)
    sys.exit(1)


class Agent(slixmpp.ClientXMPP):
    def __init__(self, jid, password, driver):
        super().__init__(jid, password)
        self.driver = driver
        self.received = []
        self.outcome = asyncio.get_event_loop().create_future()
        for plugin in ("xep_0030", "xep_0060", "xep_0092", "xep_0199"):
            self.register_plugin(plugin)
        self.add_event_handler("session_start", self.start)
        self.add_event_handler("pubsub_publish", self.publish)
        self.add_event_handler("failed_auth", lambda _: self.finish("authentication failed"))
        self.add_event_handler("stream_error", lambda e: self.finish(f"stream error {e}"))

    def finish(self, error=None):
        if not self.outcome.done():
            self.outcome.set_result(error)

    def publish(self, message):
        domain = self.boundjid.domain
        if message["from"] != f"pubsub.{domain}":
            self.finish(f"an event from {message['from']}")
            return
        items = message["pubsub_event"]["items"]
        item = items["item"]
        payload = item["payload"]
        if payload is None or payload.tag != PUBSUB or not item["id"]:
            self.finish(f"not a Finesse notification: {message}")
            return
        update = payload.text or ""
        if not update.startswith("<Update>"):
            self.finish(f"the notification carries no Update: {update[:80]}")
            return
        self.received.append({"node": items["node"], "update": update})

    async def start(self, _event):
        try:
            await self.standard_queries()
            self.send_presence()
            process = await asyncio.create_subprocess_exec(
                *self.driver, stdout=asyncio.subprocess.PIPE
            )
            stdout, _ = await process.communicate()
            if process.returncode != 0:
                self.finish("the driver failed")
                return
            expected = json.loads(stdout)
            if len(expected) < 6:
                self.finish(f"the call published only {len(expected)} events")
                return
            while len(self.received) < len(expected):
                await asyncio.sleep(0.05)
            if self.received != expected:
                self.finish(f"events differ:\nexpected {expected}\nreceived {self.received}")
                return
            print(f"slixmpp_client: {len(self.received)} of {len(expected)} events")
            self.finish()
        except Exception as e:  # any failure of the session is the test's failure
            self.finish(f"{type(e).__name__}: {e}")

    async def standard_queries(self):
        domain = self.boundjid.domain
        pubsub = f"pubsub.{domain}"
        roster = await self.get_roster()
        if len(roster["roster"]) != 0:
            raise AssertionError("the roster is not empty")
        info = await self.plugin["xep_0030"].get_info(jid=domain)
        if ("server", "im", None, None) not in info["disco_info"]["identities"]:
            raise AssertionError(f"no server identity: {info}")
        items = await self.plugin["xep_0030"].get_items(jid=domain)
        if (pubsub, None, "Publish-Subscribe service") not in items["disco_items"]["items"]:
            raise AssertionError(f"no pub-sub service: {items}")
        version = await self.plugin["xep_0092"].get_version(domain)
        if not version["software_version"]["name"]:
            raise AssertionError(f"no version: {version}")
        await self.plugin["xep_0199"].ping(domain)
        subscriptions = await self.plugin["xep_0060"].get_subscriptions(pubsub)
        nodes = {s["node"] for s in subscriptions["pubsub"]["subscriptions"]}
        if f"/finesse/api/User/{self.boundjid.user}" not in nodes:
            raise AssertionError(f"subscriptions: {nodes}")


async def main():
    args = sys.argv[1:]
    if len(args) < 6 or args[4] != "--":
        fail(__doc__.strip().splitlines()[-1])
    url, jid, password, ca = args[:4]
    parts = urlsplit(url)
    agent = Agent(jid, password, args[5:])
    agent.ca_certs = ca
    agent.use_aiodns = False
    agent.enable_plaintext = False
    if parts.scheme == "xmpp":
        agent.enable_direct_tls, agent.enable_starttls = False, True
    elif parts.scheme == "xmpps":
        agent.enable_direct_tls, agent.enable_starttls = True, False
    else:
        fail(f"not an xmpp:// or xmpps:// URL: {url}")
    agent.connect(parts.hostname, parts.port)
    try:
        error = await asyncio.wait_for(agent.outcome, TIMEOUT)
    except asyncio.TimeoutError:
        error = f"timed out; received {len(agent.received)} events"
    agent.disconnect()
    if error:
        fail(error)
    print(f"slixmpp_client: over {url}")


if __name__ == "__main__":
    asyncio.run(main())
