#!/usr/bin/env bash
# Builds the wheel that is released, with the README's command (maturin with zig: abi3,
# manylinux2014), checks its tags and the glibc it needs, installs it into a fresh virtual
# environment and checks the package: the stub against the module (stubtest), the examples
# and the tests (mypy --strict), the pytest suite against the emulator, with warnings as
# errors, and the README's example test in a directory of its own, as a user runs it.
#
# Needs Rust (cargo) and Python 3.10+ with pip and venv; packages (maturin, ziglang, pytest,
# mypy) come from PyPI. PYTHON picks the interpreter (default python3). CARGO_TARGET_DIR is
# honoured.
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

echo "== a fresh virtual environment with maturin, zig, pytest and mypy"
"${PYTHON:-python3}" -m venv "$work/venv"
py="$work/venv/bin/python"
export MATURIN_NO_INSTALL_RUST=1
"$py" -m pip install --quiet --disable-pip-version-check "maturin>=1.9.4,<2" ziglang pytest mypy

# The README's command, with the wheel written here. Zig links against glibc 2.17, so the wheel
# is manylinux2014 whatever the glibc of this machine; one abi3 wheel serves CPython 3.10 and
# later. Its own target directory under the shared one: the zig compiler wrappers change the C
# compiler of ring's build script, and sharing <target>/x86_64-unknown-linux-gnu with the C
# library's build (cargo-c) would rebuild some 50 crates in each on every run.
build=(maturin build --release --zig --compatibility manylinux2014)
grep -qF -- "${build[*]} --manifest-path python/Cargo.toml" "$repo/README.md" ||
    { echo "README.md does not show: ${build[*]} --manifest-path python/Cargo.toml" >&2; exit 1; }
echo "== ${build[*]}"
(cd "$repo" && PATH="$work/venv/bin:$PATH" "${build[@]}" --manifest-path python/Cargo.toml \
    --target-dir "$target/manylinux" --out "$work/wheels")

echo "== the wheel: abi3, manylinux2014 (glibc 2.17), as its name and its WHEEL file say"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$repo/Cargo.toml" | head -n 1)
wheels=("$work"/wheels/*.whl)
[ "${#wheels[@]}" -eq 1 ] || { echo "expected one wheel: ${wheels[*]}" >&2; exit 1; }
wheel="${wheels[0]}"
echo "$(basename "$wheel")"
"$py" - "$wheel" "$version" <<'PY'
import re, subprocess, sys, tempfile, zipfile
from pathlib import Path

wheel, version = Path(sys.argv[1]), sys.argv[2]
platforms = {"manylinux2014_x86_64", "manylinux_2_17_x86_64"}
name = re.fullmatch(r"finesse_client-(.+)-cp310-abi3-(.+)\.whl", wheel.name)
if not name or name[1] != version or set(name[2].split(".")) != platforms:
    sys.exit(f"not an abi3 manylinux2014 wheel of {version}: {wheel.name}")
with zipfile.ZipFile(wheel) as archive:
    info = archive.read(f"finesse_client-{version}.dist-info/WHEEL").decode()
    tags = {line.split(": ", 1)[1] for line in info.splitlines() if line.startswith("Tag: ")}
    expected = {f"cp310-abi3-{platform}" for platform in platforms}
    if tags != expected:
        sys.exit(f"the WHEEL file's tags are {sorted(tags)}, not {sorted(expected)}")
    (module,) = [n for n in archive.namelist() if n.endswith(".abi3.so")]
    with tempfile.TemporaryDirectory() as tmp:
        library = archive.extract(module, tmp)
        symbols = subprocess.run(["objdump", "-T", library], capture_output=True, text=True,
                                 check=True).stdout
# The newest glibc symbol version the module needs: at most 2.17, manylinux2014's.
needed = max((tuple(map(int, v.split("."))) for v in re.findall(r"GLIBC_([0-9.]+)", symbols)),
             default=(0,))
if needed > (2, 17):
    sys.exit(f"{module} needs glibc {'.'.join(map(str, needed))}, more than 2.17")
print(f"tags {', '.join(sorted(tags))}; {module} needs glibc {'.'.join(map(str, needed))}")
PY

echo "== installing the wheel"
"$py" -m pip install --quiet --disable-pip-version-check "$wheel"

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
