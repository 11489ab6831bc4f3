#!/usr/bin/env bash
# Builds the Python package from source into a fresh virtual environment and checks it:
# the stub against the module (stubtest), the examples and the tests (mypy --strict),
# the pytest suite against the emulator, with warnings as errors, and the README's example
# test in a directory of its own, as a user runs it.
#
# Needs Rust (cargo) and Python 3.10+ with pip and venv; packages come from PyPI.
# PYTHON picks the interpreter (default python3). CARGO_TARGET_DIR is honoured.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python_dir="$(dirname "$here")"
repo="$(dirname "$python_dir")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== building the emulator"
cargo build --quiet --manifest-path "$repo/Cargo.toml" -p finesse-emulator
target="$(cd "${CARGO_TARGET_DIR:-$repo/target}" && pwd)"
export CARGO_TARGET_DIR="$target"
export FINESSE_EMULATOR="$target/debug/finesse-emulator"

echo "== installing the package into a fresh virtual environment"
"${PYTHON:-python3}" -m venv "$work/venv"
py="$work/venv/bin/python"
export MATURIN_NO_INSTALL_RUST=1
"$py" -m pip install --quiet --disable-pip-version-check "$python_dir" pytest mypy

# From a directory without the package sources, so that only the installed copy is seen.
cd "$work"

echo "== stubtest"
"$py" -m mypy.stubtest finesse_client._finesse_client

echo "== mypy --strict on the examples and the tests"
"$py" -m mypy --strict --no-incremental "$python_dir/examples"
"$py" -m mypy --strict --no-incremental "$python_dir/tests"

echo "== pytest"
status=0
"$py" -m pytest -c "$python_dir/pyproject.toml" --rootdir "$python_dir" -p no:cacheprovider \
    -W error "$python_dir/tests" || status=$?
if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests" >&2
    exit 1
fi
[ "$status" -eq 0 ] || exit "$status"

echo "== pytest on the README's example test, as a user runs it (the shipped fixtures)"
example_dir="$work/example"
mkdir "$example_dir"
cp "$python_dir/examples/test_with_emulator.py" "$example_dir/"
(cd "$example_dir" && "$py" -m pytest -p no:cacheprovider -W error test_with_emulator.py)
