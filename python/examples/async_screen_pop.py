"""Screen pop with asyncio: sign in, go READY, and show the caller and the call data when a
call rings.

Set FINESSE_URL (e.g. https://finesse-a.example.com:8445), FINESSE_USER, FINESSE_PASSWORD
and FINESSE_EXTENSION; FINESSE_CA_FILE names a PEM file when the node has a private CA.
Runs until interrupted (Ctrl-C); a number as first argument stops after that many calls.
"""

import asyncio
import os
import sys

import finesse_client
from finesse_client import DialogAdded, DialogChanged, ParticipantState
from finesse_client.aio import AsyncClient


async def main() -> None:
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else None
    extension = os.environ["FINESSE_EXTENSION"]
    async with (
        AsyncClient(
            os.environ["FINESSE_URL"],
            os.environ["FINESSE_USER"],
            os.environ["FINESSE_PASSWORD"],
            ca_file=os.environ.get("FINESSE_CA_FILE"),
        ) as client,
        await client.notifications() as session,
    ):
        if not (await client.user()).is_signed_in():
            await client.sign_in(extension, wait=10.0)
        agent = await client.ready(wait=10.0)
        print(f"{agent.first_name} {agent.last_name} is {agent.state}, waiting for calls")
        sys.stdout.flush()

        popped: set[str] = set()
        async for event in session:
            if not isinstance(event, (DialogAdded, DialogChanged)):
                continue
            dialog = event.dialog
            me = dialog.participant(extension)
            if dialog.id in popped or me is None or me.state != ParticipantState.ALERTING:
                continue
            popped.add(dialog.id)
            print(f"call {dialog.id} from {dialog.from_address} to {dialog.to_address}")
            for name, value in dialog.media_properties.call_variable_list:
                if value:
                    print(f"  {name} = {value}")
            sys.stdout.flush()
            if calls is not None and len(popped) >= calls:
                break


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
    except finesse_client.FinesseError as e:
        sys.exit(f"error: {e}")
