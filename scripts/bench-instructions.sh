#!/usr/bin/env bash
# A benchmark (not a test) in instructions, as valgrind's callgrind counts
# them: the same on an idle or a busy machine, so the figure to compare a
# change by.
#
#   scripts/bench-instructions.sh       the core's instructions per report
#                                       (the JSON reader alone, reading with the
#                                       model, reading and checking), for the
#                                       built-in sample and 淮安 2024
#   scripts/bench-instructions.sh REV   `nianbao check` on each sample, now and
#                                       at an earlier commit REV, side by side
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v valgrind >/dev/null; then
  echo "valgrind is needed for instruction counts (apt-get install valgrind)" >&2
  exit 1
fi
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 | awk '/Collected/ {print $4}'; }

if [ $# -eq 0 ]; then
  cargo build --release -q -p nianbao-core --example repeat
  runs=100
  for file in "" samples/huaian-city-2024.json; do
    name=${file:-built-in sample (济源 2024)}
    [ "$file" = samples/huaian-city-2024.json ] && name="淮安 2024 (largest narrative)"
    for mode in parse load check; do
      # The runs minus the same program doing none: the report's share.
      many=$(count target/release/examples/repeat "$runs" "$mode" $file)
      none=$(count target/release/examples/repeat 0 "$mode" $file)
      printf "%s  %-5s  %8d instructions/report\n" "$name" "$mode" $(((many - none) / runs))
    done
  done
  exit 0
fi

rev=$1
base=$(mktemp -d)
trap 'git worktree remove --force "$base/tree" >/dev/null 2>&1 || true; rm -rf "$base"' EXIT
git worktree add -q --detach "$base/tree" "$rev"
(cd "$base/tree" && CARGO_TARGET_DIR="$base/target" cargo build --release -q -p nianbao-cli)
cargo build --release -q -p nianbao-cli
printf '%-28s %12s %12s %7s\n' sample "at $rev" now ratio
for sample in samples/*.json; do
  then_=$(count "$base/target/release/nianbao" check "$sample" || true)
  now=$(count ./target/release/nianbao check "$sample" || true)
  printf '%-28s %12s %12s %7s\n' "$(basename "$sample" .json)" "$then_" "$now" "$(awk -v a="$then_" -v b="$now" 'BEGIN { printf "%.3f", b / a }')"
done
