# Shared by scripts/*.sh: installs what is missing and skips what is present.
# Sourced, not run. Versions are pinned here and in Cargo.lock / package.json
# (see ../shared/TOOLCHAIN.md for why each one).

TRUNK_VERSION=0.21.14
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

ensure_wasm_target() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

# The wasm-bindgen version in Cargo.lock: the CLI must be exactly that.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
    say "installing trunk $TRUNK_VERSION (about 12 minutes, once)"
    cargo install trunk --locked --version "$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen_cli() {
  local version; version=$(wasm_bindgen_version)
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$version"; then
    say "installing wasm-bindgen-cli $version (about 3 minutes, once)"
    # Without --locked: its lockfile names a crate version the registry lacks.
    cargo install wasm-bindgen-cli --version "$version"
  fi
}

# wasm-opt (npm binaryen 132), playwright-core, axe-core: node_modules/.bin
# comes first on PATH, so Trunk takes this wasm-opt, not an older one.
ensure_node_modules() {
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages (binaryen, playwright-core, axe-core)"
    npm ci --no-audit --no-fund
  fi
}

# Debian's chromium and chromedriver for the browser tests, and a CJK font so
# screenshots show 汉字 rather than boxes. Nothing ever downloads a browser.
ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list 2>/dev/null | grep -qi wqy; then
    say "installing Debian's chromium, chromium-driver and fonts-wqy-microhei"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
  fi
}

# Plain `trunk build --release` (without this script's PATH) must find the
# same wasm-opt: link it beside trunk and wasm-bindgen in ~/.cargo/bin.
ensure_wasm_opt_link() {
  if ! PATH="$HOME/.cargo/bin:/usr/bin:/bin" wasm-opt --version 2>/dev/null | grep -q "version 132"; then
    ln -sf "$PWD/node_modules/.bin/wasm-opt" "$HOME/.cargo/bin/wasm-opt"
  fi
}

ensure_app_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen_cli
  ensure_node_modules
  ensure_wasm_opt_link
}

build_app() {
  say "building the app into dist/"
  cargo fetch --locked -q
  TRUNK_OFFLINE=true trunk build --release --offline
}

# The viewer's size budget, gzipped (gzip -9, as bench/app.mjs measures it):
# every visitor downloads this file, so it may shrink but not grow
# (docs/DECISIONS.md, decisions 130, 135, 138, 139 and 141). 194.4 kB when last lowered; the
# goal is 150 kB (issue 16). Lower the budget when a cut lands.
VIEWER_BUDGET_GZ=195400

check_viewer_size() {
  local wasm=dist/nianbao-app_bg.wasm size
  [ -f "$wasm" ] || { echo "no $wasm: run build_app first" >&2; return 1; }
  size=$(gzip -9 -c "$wasm" | wc -c)
  say "the viewer is $size bytes gzipped (budget $VIEWER_BUDGET_GZ)"
  if [ "$size" -gt "$VIEWER_BUDGET_GZ" ]; then
    echo "the viewer ($wasm) is $size bytes gzipped, over its budget of $VIEWER_BUDGET_GZ: cut what grew, or raise the budget in scripts/tools.sh with a decision saying why" >&2
    return 1
  fi
}
