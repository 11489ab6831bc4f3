"""Wallboard: a supervisor's team, each member's state, and the queues' statistics, kept up to
date by events.

Set FINESSE_URL (e.g. https://finesse-a.example.com:8445), FINESSE_USER and FINESSE_PASSWORD
(a supervisor); FINESSE_CA_FILE names a PEM file when the node has a private CA, and
FINESSE_NOTIFICATION_URL the notification service, when not what the release offers. Prints
the board, then one line per change. Runs until interrupted (Ctrl-C); a number as first
argument stops after that many changes.
"""

import os
import sys

import finesse_client
from finesse_client import Queue, QueueChanged, TeamChanged, User, UserChanged


def member_line(user: User) -> str:
    reason = f" ({user.reason_code.label})" if user.reason_code else ""
    return f"{user.login_id} {user.first_name} {user.last_name}: {user.state}{reason}"


def queue_line(queue: Queue) -> str:
    s = queue.statistics
    return (
        f"queue {queue.name}: {s.calls_in_queue} waiting, {s.agents_ready} ready, "
        f"{s.agents_not_ready} not ready, {s.agents_talking_inbound} talking"
    )


def main() -> None:
    changes = int(sys.argv[1]) if len(sys.argv) > 1 else None
    with finesse_client.Client(
        os.environ["FINESSE_URL"],
        os.environ["FINESSE_USER"],
        os.environ["FINESSE_PASSWORD"],
        ca_file=os.environ.get("FINESSE_CA_FILE"),
        notification_url=os.environ.get("FINESSE_NOTIFICATION_URL"),
    ) as client:
        team = client.team(client.user().teams[0].id)
        try:
            queues = client.queues()
        except finesse_client.NotFoundError:
            queues = []  # CCX has no Queue API.
        members = {user.login_id: user for user in team.users}
        nodes = [f"/finesse/api/Team/{team.id}/Users"]
        nodes += [f"/finesse/api/Queue/{queue.id}" for queue in queues]
        # Subscribed before the board is printed: no change falls between the two.
        with client.notifications(subscribe=nodes) as session:
            print(f"team {team.name}: {len(members)} members")
            for user in members.values():
                print("  " + member_line(user))
            for queue in queues:
                print("  " + queue_line(queue))
            sys.stdout.flush()
            seen = 0
            for event in session:
                if isinstance(event, UserChanged) and event.user.login_id in members:
                    members[event.user.login_id] = event.user
                    print(member_line(event.user))
                elif isinstance(event, TeamChanged):
                    members = {user.login_id: user for user in event.team.users}
                    print(f"team {event.team.name}: {len(members)} members")
                elif isinstance(event, QueueChanged):
                    print(queue_line(event.queue))
                else:
                    continue
                sys.stdout.flush()
                seen += 1
                if changes is not None and seen >= changes:
                    break


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass
    except finesse_client.FinesseError as e:
        sys.exit(f"error: {e}")
