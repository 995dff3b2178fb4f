#!/usr/bin/env bash
# Rebuilds the .docx test fixtures from the hand-written sample JSON (run it
# after changing a sample; the fixtures are committed).
set -euo pipefail
cd "$(dirname "$0")/.."
for name in jiyuan-hitech-zone-2024 huaian-city-2024 hongze-district-2023 hongze-district-2024; do
  cargo run -q -p nianbao-cli --example docx_fixture -- "samples/$name.json" "tests/fixtures/docx/$name.docx"
done
