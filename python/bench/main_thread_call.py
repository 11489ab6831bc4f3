"""The cost of one blocking call made on the main thread, where Ctrl-C must interrupt it.

``python main_thread_call.py LABEL`` starts the emulator in the process, warms up, then times
7 batches of 1000 ``Client.system_info()`` calls (a GET on loopback, decoded) and prints the
median per call. Run it with two builds of the package installed in turn, interleaved, to
compare them side by side (BENCHMARKS.md, "Python blocking calls").
"""

from __future__ import annotations

import statistics
import sys
import time

import finesse_client
from finesse_client.testing import Emulator

BATCHES = 7
CALLS = 1000


def main() -> None:
    label = sys.argv[1] if len(sys.argv) > 1 else "this build"
    with Emulator() as emulator:
        client = finesse_client.Client(
            emulator.url, "1001", emulator.passwords["1001"], ca_file=str(emulator.ca_file)
        )
        for _ in range(300):
            client.system_info()
        batches = []
        for _ in range(BATCHES):
            started = time.perf_counter()
            for _ in range(CALLS):
                client.system_info()
            batches.append((time.perf_counter() - started) / CALLS * 1e6)
    print(f"{label}: median {statistics.median(batches):.1f} µs per call")


if __name__ == "__main__":
    main()
