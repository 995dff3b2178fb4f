#!/usr/bin/env bash
# Runs every test, installing what is missing first. CI runs this (.ci/run).
# Fast checks first: format and lints, native tests, then the wasm build,
# browser component tests and end-to-end tests in Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh

ensure_app_tools
ensure_chromium

say "format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p nianbao-app --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
# The viewer: the app without the workstation (src/handoff.rs).
cargo clippy -p nianbao-app --target wasm32-unknown-unknown --no-default-features --locked -- -D warnings
cargo clippy -p nianbao-app --no-default-features --all-targets --locked -- -D warnings

say "the viewer links no importer and no publisher; the core has no run-time dependency"
if cargo tree -p nianbao-app --no-default-features -e normal --target wasm32-unknown-unknown --locked | grep -q -e nianbao-import -e nianbao-publish; then
  echo "the viewer (nianbao-app without the workstation feature) must not depend on nianbao-import or nianbao-publish" >&2; exit 1
fi
if [ "$(cargo tree -p nianbao-core -e normal --locked --depth 1 | wc -l)" != 1 ]; then
  echo "nianbao-core must have no run-time dependency" >&2; exit 1
fi

say "the core builds for wasm32 (no IO, no clock, no web-sys)"
cargo build -p nianbao-core --target wasm32-unknown-unknown --locked --release -q

say "native tests"
cargo test -p nianbao-core --doc --locked
cargo test --workspace --locked --lib --tests --bins
cargo test -p nianbao-app --no-default-features --locked --lib

build_app

say "the viewer stays within its size budget"
check_viewer_size

say "component tests in headless chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown -p nianbao-app --tests --locked

say "end-to-end tests (playwright-core driving Debian's chromium; screenshots in tests/e2e/screenshots/)"
node --test --test-concurrency=1 tests/e2e/
