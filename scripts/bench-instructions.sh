#!/usr/bin/env bash
# A benchmark (not a test): the instructions `nianbao check` takes on each
# sample (valgrind's count, the same on an idle or a busy machine), now and
# at an earlier commit REV, side by side. Usage: scripts/bench-instructions.sh REV
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: scripts/bench-instructions.sh REV}
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
base=$(mktemp -d)
trap 'git worktree remove --force "$base/tree" >/dev/null 2>&1 || true; rm -rf "$base"' EXIT
git worktree add -q --detach "$base/tree" "$rev"
(cd "$base/tree" && CARGO_TARGET_DIR="$base/target" cargo build --release -q -p nianbao-cli)
cargo build --release -q -p nianbao-cli
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 | awk '/Collected/ {print $4}'; }
printf '%-28s %12s %12s %7s\n' sample "at $rev" now ratio
for sample in samples/*.json; do
  then_=$(count "$base/target/release/nianbao" check "$sample" || true)
  now=$(count ./target/release/nianbao check "$sample" || true)
  printf '%-28s %12s %12s %7s\n' "$(basename "$sample" .json)" "$then_" "$now" "$(awk -v a="$then_" -v b="$now" 'BEGIN { printf "%.3f", b / a }')"
done
