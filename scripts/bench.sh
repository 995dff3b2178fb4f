#!/usr/bin/env bash
# Benchmarks (not tests): core throughput on one core (in time, and in
# instructions when valgrind is there), publishing, `nianbao check` on
# a directory of 10,000 reports beside node + ajv, and the browser app (wasm
# size, time to the validated tables beside a static page, a batch of 1,000
# and 10,000 reports in Web Workers). Prints figures; judges nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release -q -p nianbao-core --example bench
cargo build --release -q -p nianbao-import --features pdf --example import_bench
cargo build --release -q -p nianbao-publish --example publish_bench
cargo build --release -q -p nianbao-cli
echo "== core =="
taskset -c 0 ./target/release/examples/bench 2>/dev/null || ./target/release/examples/bench
echo "== core, in instructions (callgrind: the same on every run; reproduce: scripts/bench-instructions.sh) =="
scripts/bench-instructions.sh || true
echo "== import =="
taskset -c 0 ./target/release/examples/import_bench 2>/dev/null || ./target/release/examples/import_bench

echo "== publish (web page, Word file, CSV) =="
taskset -c 0 ./target/release/examples/publish_bench 2>/dev/null || ./target/release/examples/publish_bench

echo "== nianbao check on 10,000 reports, beside node + ajv checking the same files' structure =="
# The corpus: the samples, each with its own agency, one file in ten with a
# hundred findings (bench/corpus.mjs). ajv validates them against
# `nianbao schema` (types and structure only); nianbao runs every rule and
# writes every message. Best of three runs each, wall time.
source scripts/tools.sh
ensure_node_modules >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
node bench/corpus.mjs "$dir/corpus" "${FILES:-10000}" >/dev/null
./target/release/nianbao schema >"$dir/schema.json"
du -sh --apparent-size "$dir/corpus" | awk '{print "corpus: " $1}'
best() { # "seconds kB": the best wall time of three runs of "$@", and their peak memory
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
best = float("inf")
for _ in range(3):
    start = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    best = min(best, time.perf_counter() - start)
print(f"{best:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
PY
}
read -r json json_mem < <(best ./target/release/nianbao check "$dir/corpus" --format json --today 2026-11-27)
read -r text text_mem < <(best ./target/release/nianbao check "$dir/corpus" --format text --today 2026-11-27)
read -r ajv ajv_mem < <(best node bench/ajv.mjs "$dir/schema.json" "$dir/corpus")
awk -v j="$json" -v jm="$json_mem" -v t="$text" -v tm="$text_mem" -v a="$ajv" -v am="$ajv_mem" -v c="$(nproc)" 'BEGIN {
  printf "nianbao check DIR --format json  %5.2f s  %4d MB   (%d cores)\n", j, jm / 1024, c
  printf "nianbao check DIR --format text  %5.2f s  %4d MB\n", t, tm / 1024
  printf "node bench/ajv.mjs SCHEMA DIR    %5.2f s  %4d MB\n", a, am / 1024
  printf "nianbao json / ajv: %.2fx (goal <= 1.0x)\n", j / a
}'
echo "reproduce: node bench/corpus.mjs /tmp/corpus 10000 && ./target/release/nianbao schema > /tmp/schema.json"
echo "           time ./target/release/nianbao check /tmp/corpus --format json > /dev/null; time node bench/ajv.mjs /tmp/schema.json /tmp/corpus > /dev/null"

echo "== the browser app =="
ensure_app_tools
ensure_chromium
build_app >/dev/null 2>&1
node bench/app.mjs
node bench/sheet.mjs
echo "== a batch of 1,000 and 10,000 reports dropped into the page (reproduce: node bench/batch.mjs [N…]) =="
node bench/batch.mjs
echo "== a county's report and 2,000 departments' reports: the aggregate check (reproduce: node bench/aggregate.mjs [N]) =="
node bench/aggregate.mjs
