#!/usr/bin/env bash
# Builds the app (installing what is missing) and serves it at
# http://127.0.0.1:8080, where it shows the built-in sample.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh

ensure_app_tools
build_app
say "serving dist/ at http://127.0.0.1:8080 (Ctrl-C stops)"
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
