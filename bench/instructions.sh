#!/usr/bin/env bash
# Benchmark (not a test): instructions the core spends on one report, read
# (the JSON reader alone, then the model too) and read and checked, counted
# by valgrind's callgrind. Unlike a time, a count is the same on every run,
# however busy the machine: the figure to compare a change by. Needs
# valgrind (Debian's package); says so and stops without it.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v valgrind >/dev/null; then
  echo "valgrind is not installed: no instruction counts (apt-get install valgrind)"
  exit 0
fi
cargo build --release -q -p nianbao-core --example repeat
runs=100
count() { # instructions of "$@" as valgrind counts them
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 | awk '/Collected/ { print $4 }'
}
for file in "" samples/huaian-city-2024.json; do
  name=${file:-built-in sample (济源 2024)}
  [ "$file" = samples/huaian-city-2024.json ] && name="淮安 2024 (largest narrative)"
  for mode in parse load check; do
    # The run minus the same program doing nothing: the report's share.
    many=$(count target/release/examples/repeat "$runs" "$mode" $file)
    none=$(count target/release/examples/repeat 0 "$mode" $file)
    printf "%-34s %-6s %8d instructions/report\n" "$name" "$mode" $(((many - none) / runs))
  done
done
