#!/usr/bin/env bash
# The C library for Windows, cross-built here with MinGW-w64 (ffi/README.md, "Windows"):
#   1. finesse.dll built for x86_64-pc-windows-gnu, with its import library libfinesse.dll.a;
#   2. the DLL exports every function of include/finesse.h and needs no MinGW runtime DLL
#      (only DLLs that every Windows has);
#   3. a C program (ffi/tests/packaging/installed.c) compiles and links against it with the
#      MinGW compiler, and imports from finesse.dll. It is not run: that would need Wine.
# The MSVC build (x86_64-pc-windows-msvc, on Windows) is not exercised here.
#
# Installs the Rust target and, with apt-get, the MinGW-w64 compiler when missing.
set -euo pipefail

rust_target=x86_64-pc-windows-gnu
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
target=${CARGO_TARGET_DIR:-$repo/target}
release=$target/$rust_target/release
out=$target/ffi-windows
cd "$repo"

step() { printf '\n=== %s\n' "$*"; }
fail() {
    echo "$*" >&2
    exit 1
}

if ! grep -qx "$rust_target" <<<"$(rustup target list --installed)"; then
    step "adding the Rust target $rust_target"
    rustup target add "$rust_target"
fi
if ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
    step "installing gcc-mingw-w64-x86-64"
    apt-get update -qq
    apt-get install -y -qq gcc-mingw-w64-x86-64 >/dev/null
fi

step "cargo build -p finesse-ffi --release --target $rust_target"
cargo build -p finesse-ffi --release --target "$rust_target" --locked
for file in finesse.dll libfinesse.dll.a; do
    [[ -f $release/$file ]] || fail "no $release/$file"
done

step "finesse.dll exports every function of include/finesse.h"
dump=$(x86_64-w64-mingw32-objdump -p "$release/finesse.dll")
exports=$(awk '/\[Ordinal\/Name Pointer\] Table/ { table = 1; next }
               table && NF == 0 { exit }
               table { print $NF }' <<<"$dump" | sort -u)
declared=$(sed 's/^FINESSE_MUST_USE //' include/finesse.h |
    grep -E '^[a-z].*\bfinesse_[a-z0-9_]+\(' | grep -oE '\bfinesse_[a-z0-9_]+\(' | tr -d '(' |
    sort -u)
missing=$(comm -23 <(echo "$declared") <(echo "$exports"))
[[ -z $missing ]] || fail "not exported by finesse.dll: $missing"
grep -qx finesse_make_call <<<"$exports" || fail "finesse_make_call is not exported"
echo "$(wc -l <<<"$declared") functions exported"

step "finesse.dll needs only DLLs of Windows itself"
dlls=$(sed -n 's/^\tDLL Name: //p' <<<"$dump" | sort -u)
echo "$dlls" | tr '\n' ' '
echo
if grep -iE '^(libgcc|libwinpthread|libstdc)' <<<"$dlls"; then
    fail "finesse.dll depends on a MinGW runtime DLL, which a Windows machine does not have"
fi

step "a C program links against finesse.dll with x86_64-w64-mingw32-gcc"
mkdir -p "$out"
x86_64-w64-mingw32-gcc -std=c99 -Wall -Wextra -Werror -pedantic -Iinclude \
    ffi/tests/packaging/installed.c -L"$release" -lfinesse -o "$out/installed.exe"
# Read whole before matching: `grep -q` would stop reading early, and objdump, cut off,
# would fail the pipeline (pipefail).
imports=$(x86_64-w64-mingw32-objdump -p "$out/installed.exe")
grep -q 'DLL Name: finesse.dll' <<<"$imports" ||
    fail "installed.exe does not import from finesse.dll"
echo "$out/installed.exe imports from finesse.dll"

step "Windows DLL: every check passed"
