#!/usr/bin/env bash
# Runs every test, installing what is missing first. CI runs this (.ci/run).
# Fast checks first: format, lints, then the native tests, then the wasm build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh

ensure_wasm_target

echo "== format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== the core builds for wasm32 (no IO, no clock, no web-sys)"
cargo build -p nianbao-core --target wasm32-unknown-unknown --locked --release -q

echo "== native tests"
cargo test -p nianbao-core --doc --locked
# Last, so that the final summary line counts the real tests.
cargo test --workspace --locked --lib --tests --bins
