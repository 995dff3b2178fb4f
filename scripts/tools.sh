# Shared by scripts/*.sh: install what is missing, skip what is present.
# Sourced, not run. Every installer says what it does, once.

ensure_wasm_target() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    echo "== installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}
