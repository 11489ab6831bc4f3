#!/usr/bin/env bash
# What the library trusts by default, in Rust (the `finesse` command) and C (libfinesse.so),
# with a CA no one was told about: the emulator's, freshly made.
#   1. nothing: the certificate is refused (a TLS error);
#   2. SSL_CERT_FILE naming a file with the CA: accepted;
#   3. the CA placed in the operating system's store (update-ca-certificates, as root): accepted
#      with nothing set; removed again afterwards, whatever happens.
# Python reads the same store through the same code; python/tests/test_trust.py checks it.
#
# Needs the Rust toolchain and gcc; step 3 needs root and Debian's ca-certificates (installed
# when missing). Run from anywhere: tests/trust/run.sh
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
target=${CARGO_TARGET_DIR:-$repo/target}
bin=$target/debug
work=$(mktemp -d)
store=/usr/local/share/ca-certificates/finesse-trust-test.crt
emulator_pid=
cleanup() {
    [[ -n $emulator_pid ]] && kill "$emulator_pid" 2>/dev/null || true
    if [[ -f $store ]]; then
        rm -f "$store"
        update-ca-certificates --fresh >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
cd "$repo"

step() { printf '\n=== %s\n' "$*"; }
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

step "building the emulator, the finesse command and libfinesse"
cargo build --quiet -p finesse-emulator -p finesse-cli -p finesse-ffi
gcc -std=c99 -Wall -Wextra -Werror -I"$repo/include" tests/trust/system_info.c -L"$bin" \
    -Wl,-rpath,"$bin" -lfinesse -o "$work/system_info"

"$bin/finesse-emulator" --port 0 --control-port 0 --notification-port 0 \
    --write-ca "$work/ca.pem" >"$work/emulator.out" 2>&1 &
emulator_pid=$!
for _ in $(seq 100); do
    grep -q '^CA certificate' "$work/emulator.out" 2>/dev/null && break
    sleep 0.1
done
url=$(sed -n 's#^Finesse REST API: *##p' "$work/emulator.out")
[[ -n $url ]] || fail "the emulator did not start: $(cat "$work/emulator.out")"

# Each language reads SystemInfo without a CA option, in a fresh process each time (the store
# is read once per process), with SSL_CERT_FILE and SSL_CERT_DIR unset unless given.
rust=(env -u FINESSE_CA_FILE FINESSE_PASSWORD=secret1001
    "$bin/finesse" user --server "$url" --user 1001)
c=("$work/system_info" "$url")
expect() {
    local want=$1 what=$2
    shift 2
    local got=no
    if env -u SSL_CERT_FILE -u SSL_CERT_DIR "$@" >"$work/out" 2>&1; then got=yes; fi
    [[ $got == "$want" ]] || fail "$what: trusted=$got, expected $want: $(cat "$work/out")"
    echo "ok   $what (trusted: $got): $(head -n 1 "$work/out")"
}

step "1. an unknown CA is refused"
expect no "Rust, nothing set" "${rust[@]}"
grep -q "TLS failure" "$work/out" || fail "not a TLS failure: $(cat "$work/out")"
expect no "C, nothing set" "${c[@]}"
grep -q "TLS failure" "$work/out" || fail "not a TLS failure: $(cat "$work/out")"

step "2. SSL_CERT_FILE"
expect yes "Rust, SSL_CERT_FILE" env SSL_CERT_FILE="$work/ca.pem" "${rust[@]}"
expect yes "C, SSL_CERT_FILE" env SSL_CERT_FILE="$work/ca.pem" "${c[@]}"

step "3. the operating system's store"
if [[ $(id -u) != 0 ]]; then
    echo "skipped: placing a CA in the store needs root"
    exit 0
fi
if ! command -v update-ca-certificates >/dev/null; then
    apt-get update -qq
    apt-get install -y -qq ca-certificates >/dev/null
fi
cp "$work/ca.pem" "$store"
update-ca-certificates >/dev/null 2>&1
expect yes "Rust, CA in the store" "${rust[@]}"
expect yes "C, CA in the store" "${c[@]}"
rm -f "$store"
update-ca-certificates --fresh >/dev/null 2>&1
expect no "Rust, CA removed from the store" "${rust[@]}"
expect no "C, CA removed from the store" "${c[@]}"

echo
echo "trust: every check passed"
