"""Network calls release the interpreter lock: calls from two threads overlap in time."""

from __future__ import annotations

import threading
import time

from conftest import Emulator

LATENCY = 0.4


def timed_calls(emulator: Emulator, agents: list[str]) -> list[tuple[float, float]]:
    """Runs ``user()`` for each agent in its own thread; returns each call's start and end."""
    clients = [emulator.client(agent) for agent in agents]
    for client in clients:
        client.user()  # learn the login id first: one request per timed call
    emulator.control("PUT", "/latency", {"ms": int(LATENCY * 1000)})
    spans: list[tuple[float, float]] = [(0.0, 0.0)] * len(clients)
    barrier = threading.Barrier(len(clients))

    def run(index: int) -> None:
        barrier.wait()
        started = time.monotonic()
        clients[index].user()
        spans[index] = (started, time.monotonic())

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return spans


def test_two_threads_calls_overlap(emulator: Emulator) -> None:
    started = time.monotonic()
    (a_start, a_end), (b_start, b_end) = timed_calls(emulator, ["1001", "1002"])
    elapsed = time.monotonic() - started
    assert a_end - a_start >= LATENCY and b_end - b_start >= LATENCY
    assert a_start < b_end and b_start < a_end, "the calls did not overlap"
    assert elapsed < 2 * LATENCY, f"two {LATENCY} s calls took {elapsed:.2f} s"


def test_python_threads_run_during_a_call(emulator: Emulator) -> None:
    client = emulator.client()
    client.user()
    emulator.control("PUT", "/latency", {"ms": int(LATENCY * 1000)})
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.01)

    counter = threading.Thread(target=count)
    counter.start()
    try:
        client.user()
    finally:
        done.set()
        counter.join()
    assert ticks >= 10, f"only {ticks} ticks while the call waited"
