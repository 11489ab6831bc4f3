"""Prints how long importing a module takes in a fresh interpreter, in nanoseconds.

``python import_time.py MODULE``: run it in a new process each time, so that nothing is
cached in ``sys.modules`` (the operating system's file cache stays warm).
"""

import importlib
import sys
import time

if len(sys.argv) != 2:
    sys.exit("usage: import_time.py MODULE")
start = time.perf_counter_ns()
importlib.import_module(sys.argv[1])
print(time.perf_counter_ns() - start)
