#!/usr/bin/env bash
# Fuzzes the client's decoders and the emulator's readers of what clients send (see
# fuzz/README.md): every target, or those named, for FUZZ_SECONDS each (default 5, half a
# minute for all six once built), from the checked-in seeds in fuzz/corpus. Prints
# the executions of each target and the crashes found; fails when one is found.
#
#   fuzz/run.sh                                  all targets, 5 s each
#   FUZZ_SECONDS=600 fuzz/run.sh                 a deep run: 10 minutes each
#   FUZZ_SECONDS=600 fuzz/run.sh emulator_stanzas
#   FUZZ_SANITIZER=address fuzz/run.sh           with AddressSanitizer (slower)
#
# Installs what it needs when missing: the nightly toolchain (rustup) and cargo-fuzz (into
# ~/.cargo/bin, like any cargo tool, so that a fresh checkout does not build it again). Builds go to target/fuzz; the corpus grown by a run is kept in
# target/fuzz/corpus, crashes in target/fuzz/artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${FUZZ_SECONDS:-5}
sanitizer=${FUZZ_SANITIZER:-none}
work=$root/target/fuzz

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "installing the nightly toolchain"
    started=$SECONDS
    rustup toolchain install nightly --profile minimal
    echo "nightly installed in $((SECONDS - started)) s"
fi
if ! command -v cargo-fuzz >/dev/null; then
    echo "installing cargo-fuzz"
    started=$SECONDS
    cargo install cargo-fuzz --locked
    echo "cargo-fuzz installed in $((SECONDS - started)) s"
fi

fuzz=(cargo +nightly fuzz)
options=(--fuzz-dir fuzz --target-dir "$work/build" --sanitizer "$sanitizer")
if (($# > 0)); then
    targets=("$@")
else
    mapfile -t targets < <("${fuzz[@]}" list --fuzz-dir fuzz)
fi

mkdir -p "$work"
started=$SECONDS
"${fuzz[@]}" build "${options[@]}" >"$work/build.log" 2>&1 || {
    tail -40 "$work/build.log"
    exit 1
}
echo "built the targets in $((SECONDS - started)) s (sanitizer: $sanitizer)"

crashes=0
failed=0
report=()
for target in "${targets[@]}"; do
    corpus=$work/corpus/$target
    artifacts=$work/artifacts/$target
    log=$work/logs/$target.log
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    # New inputs go to the first corpus directory: the checked-in seeds stay as they are.
    status=0
    "${fuzz[@]}" run "${options[@]}" "$target" "$corpus" "fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -dict=fuzz/xml.dict -artifact_prefix="$artifacts/" -print_final_stats=1 \
        >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    found=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
    if ((status != 0 && found == 0)); then
        # Failed without an artifact (a build or start-up error): count it and show why.
        found=1
        tail -20 "$log"
    fi
    crashes=$((crashes + found))
    if ((found > 0)); then
        failed=$((failed + 1))
    fi
    line=$(printf '%-22s %10s executions in %s s, crashes: %s' "$target" "${runs:-?}" "$seconds" "$found")
    report+=("$line")
    echo "$line"
    if ((found > 0)); then
        grep -m5 -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" || true
        find "$artifacts" -type f | head -5
    fi
done

echo
printf '%s\n' "${report[@]}"
echo "crashes: $crashes"
echo "fuzzing: $((${#targets[@]} - failed)) passed, $failed failed"
((failed == 0))
