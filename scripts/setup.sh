#!/usr/bin/env bash
# Installs whatever this machine lacks to build, serve and test the app.
# Idempotent: each step checks first and is skipped when already done, so a
# second run takes seconds. Debian + rustup assumed; run as root or with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
# wasm-bindgen-cli must be the exact version of the wasm-bindgen crate in Cargo.lock.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for comp in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$comp" || rustup component add "$comp"
done

if ! (have trunk && trunk --version | grep -q " $TRUNK_VERSION"); then
  say "installing Trunk $TRUNK_VERSION (about 10 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! (have wasm-bindgen && wasm-bindgen --version | grep -q " $WBG_VERSION"); then
  say "installing wasm-bindgen-cli $WBG_VERSION (matches Cargo.lock)"
  # --locked fails for this crate here: a locked dependency is missing upstream.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

if ! (have node && have npm); then
  say "installing Node.js and npm"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq nodejs npm
fi

# Debian's binaryen is too old for current wasm-bindgen output; npm's works.
if ! ([ -x .tools/node_modules/.bin/wasm-opt ] && .tools/node_modules/.bin/wasm-opt --version | grep -q "version ${BINARYEN_VERSION%%.*}"); then
  say "installing wasm-opt (npm binaryen $BINARYEN_VERSION) into .tools/"
  mkdir -p .tools
  (cd .tools && npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION")
fi

if ! (have chromium && have chromedriver && have pdftotext && have pdftoppm && have pdfinfo); then
  say "installing Debian's Chromium, ChromeDriver and poppler-utils (report PDF checks)"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium chromium-driver poppler-utils fonts-liberation
fi

if [ ! -d e2e/node_modules/playwright-core ] || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
  say "installing the end-to-end test packages (playwright-core, axe-core)"
  (cd e2e && npm ci --no-audit --no-fund --silent)
fi
say "ready"
