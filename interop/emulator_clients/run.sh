#!/usr/bin/env bash
# The emulator against XMPP client libraries no one here wrote, on every transport it
# serves, as a Finesse 12.0 node (all four transports on) and as a 12.5 one (Cisco's 12.5.1
# Strophe sample's `wss://<REST host:port>/ws/`):
#   - Strophe.js (Debian libjs-strophe, with node-xmldom and node-xmlhttprequest) over
#     XMPP over WebSocket on the REST port, and over BOSH at /http-bind/;
#   - slixmpp (PyPI, in a venv under target/) over XMPP over TCP, STARTTLS and direct TLS.
# Each signs in as an agent whom drive_call.py takes through a call over the REST API, and
# must receive every event the emulator published for that agent. TLS is verified against
# the emulator's CA everywhere. Exits non-zero on any failure.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work="$root/target/interop-emulator-clients"
venv="$root/target/interop-emulator-venv"
emulator="$root/target/debug/finesse-emulator"
strophe=/usr/share/javascript/strophe/strophe.js

# What the clients need, installed only when missing.
missing=()
[[ -f $strophe ]] || missing+=(libjs-strophe)
[[ -d /usr/share/nodejs/@xmldom/xmldom ]] || missing+=(node-xmldom)
[[ -d /usr/share/nodejs/xmlhttprequest ]] || missing+=(node-xmlhttprequest)
command -v node >/dev/null || missing+=(nodejs)
command -v python3 >/dev/null || missing+=(python3)
python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
if ((${#missing[@]})); then
    echo "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
    echo "node $node_major has no WebSocket; Strophe needs node 20.10 or later" >&2
    exit 1
fi
node_flags=()
node -e 'if (typeof WebSocket === "undefined") process.exit(1)' 2>/dev/null ||
    node_flags=(--experimental-websocket)
if [[ ! -x $venv/bin/python ]] || ! "$venv/bin/python" -c 'import slixmpp' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q slixmpp
fi
if [[ ! -x $emulator ]]; then
    (cd "$root" && cargo build -q -p finesse-emulator)
fi

rm -rf "$work"
mkdir -p "$work"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT

# Starts an emulator as RELEASE; sets url_<label> for each line it prints.
start_emulator() {
    local release=$1 out="$work/$1.out"
    "$emulator" --release "$release" --write-ca "$work/$release-ca.pem" \
        --ring-ms 50 --step-ms 5 --forced-logout-secs 0 >"$out" 2>"$work/$release.err" &
    pids+=($!)
    for _ in $(seq 100); do
        grep -q '^CA certificate' "$out" 2>/dev/null && break
        sleep 0.1
    done
    ca="$work/$release-ca.pem"
    rest=$(sed -n 's#^Finesse REST API: *##p' "$out")
    control=$(sed -n 's#^Control API: *##p' "$out")
    websocket=$(sed -n 's#^WebSocket: *##p' "$out")
    bosh=$(sed -n 's#^BOSH: *##p' "$out")
    starttls=$(sed -n 's#^XMPP STARTTLS: *##p' "$out")
    direct_tls=$(sed -n 's#^XMPP TLS: *##p' "$out")
    if [[ -z $rest || -z $control ]]; then
        echo "the emulator did not start:" >&2
        cat "$out" "$work/$release.err" >&2
        exit 1
    fi
}

failures=0
# check NAME AGENT CLIENT...: runs one client signed in as AGENT through a call.
check() {
    local name=$1 agent=$2
    shift 2
    local driver=(python3 "$here/drive_call.py" --rest "$rest" --control "$control"
        --ca "$ca" --agent "$agent" --password "secret$agent")
    if "$@" "$agent@localhost" "secret$agent" "${extra[@]}" -- "${driver[@]}" \
        >"$work/$name.log" 2>&1; then
        echo "ok   $name: $(grep -m1 'events' "$work/$name.log")"
    else
        echo "FAIL $name" >&2
        sed 's/^/    /' "$work/$name.log" >&2
        failures=$((failures + 1))
    fi
}

strophe_client() {
    NODE_PATH=/usr/share/nodejs NODE_EXTRA_CA_CERTS="$ca" \
        node "${node_flags[@]}" "$here/strophe_client.js" "$@"
}

slixmpp_client() {
    local url=$1
    shift
    "$venv/bin/python" "$here/slixmpp_client.py" "$url" "$@"
}

start_emulator cce-12.0
extra=()
check "strophe-websocket-12.0" 1001 strophe_client "$websocket"
check "strophe-bosh-12.0" 1002 strophe_client "$bosh"
extra=("$ca")
check "slixmpp-starttls-12.0" 1003 slixmpp_client "$starttls"
check "slixmpp-direct-tls-12.0" 2001 slixmpp_client "$direct_tls"

start_emulator cce-12.5
if [[ -n $starttls ]]; then
    echo "FAIL 12.5 offers STARTTLS ($starttls)" >&2
    failures=$((failures + 1))
fi
extra=()
check "strophe-websocket-12.5" 1001 strophe_client "$websocket"
extra=("$ca")
check "slixmpp-direct-tls-12.5" 1002 slixmpp_client "$direct_tls"

if ((failures)); then
    echo "$failures failed" >&2
    exit 1
fi
echo "all passed"
