#!/usr/bin/env bash
# The client's notification session against Prosody, on every transport: installs what is
# missing (Debian's prosody, a venv with slixmpp under target/), then runs
# core/tests/interop_prosody.rs with FINESSE_INTEROP_PROSODY naming the harness. Each test
# starts its own Prosody on loopback and stops it, also when the test fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
harness="$PWD/interop/prosody/harness.py"
start=$SECONDS
python3 "$harness" setup
status=0
FINESSE_INTEROP_PROSODY="$harness" RUST_BACKTRACE=0 \
    cargo test -p finesse-client --locked --test interop_prosody -- --test-threads 4 || status=$?
echo "interop/prosody/run.sh: $((SECONDS - start)) s"
exit "$status"
