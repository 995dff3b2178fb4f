#!/usr/bin/env bash
# Serves the app at http://127.0.0.1:8080, installing what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Serving www/ at http://127.0.0.1:8080 (Ctrl-C stops)"
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory www
