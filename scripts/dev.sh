#!/usr/bin/env bash
# Sets up a fresh machine (idempotent) and serves the app on http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
exec trunk serve --offline "$@"
