#!/usr/bin/env bash
# Benchmarks (not tests): core throughput on one core, publishing, and `nianbao check` on
# a directory of 10,000 reports, and the browser app (wasm size, time to the
# validated tables beside a static page). Prints figures; judges nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release -q -p nianbao-core --example bench
cargo build --release -q -p nianbao-import --features pdf --example import_bench
cargo build --release -q -p nianbao-publish --example publish_bench
cargo build --release -q -p nianbao-cli
echo "== core =="
taskset -c 0 ./target/release/examples/bench 2>/dev/null || ./target/release/examples/bench
echo "== import =="
taskset -c 0 ./target/release/examples/import_bench 2>/dev/null || ./target/release/examples/import_bench

echo "== publish (web page, Word file, CSV) =="
taskset -c 0 ./target/release/examples/publish_bench 2>/dev/null || ./target/release/examples/publish_bench

echo "== nianbao check on a directory of 10,000 reports =="
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
names = ["jiyuan-hitech-zone-2024", "huaian-city-2024", "hongze-district-2023", "hongze-district-2024"]
docs = [json.loads(pathlib.Path(f"samples/{n}.json").read_text(encoding="utf-8")) for n in names]
for i in range(10_000):
    doc = dict(docs[i % 4])
    doc["agency"] = f"{doc['agency']}（测试 {i}）"
    (out / f"report-{i:05}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
PY
du -sh "$dir" | awk '{print "corpus size: " $1}'
for format in text json; do
  start=$(date +%s.%N)
  ./target/release/nianbao check "$dir" --format "$format" --today 2026-11-27 > /dev/null || true
  end=$(date +%s.%N)
  python3 -c "print(f'nianbao check DIR --format $format: {($end - $start):.2f} s for 10,000 files')"
done

echo "== the browser app =="
source scripts/tools.sh
ensure_app_tools
ensure_chromium
build_app >/dev/null 2>&1
node bench/app.mjs
node bench/sheet.mjs
