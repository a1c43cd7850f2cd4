#!/usr/bin/env bash
# Runs every test: host tests of the engine and state, browser tests of the
# components (wasm-bindgen-test in headless Chromium), a release build, and
# the end-to-end tests of that build in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "host tests (cargo test)"
cargo test --locked

step "browser tests of components (wasm-bindgen-test, headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test browser

step "release build (trunk build --release --offline)"
trunk build --release --offline

step "test batches of units' files (examples/gen_batch.rs)"
cargo run --locked --quiet --example gen_batch -- --count 6 --seed 7 --kind mixed --out target/batch-e2e
cargo run --locked --quiet --example gen_batch -- --count 6 --seed 8 --kind mixed --out target/batch-e2e-prev
cargo run --locked --quiet --example gen_batch -- --count 60 --seed 9 --out target/batch-e2e-66 --hostile
cargo run --locked --quiet --example gen_batch -- --count 2 --seed 11 --kind so --submitted --out target/batch-e2e-sub
cargo run --locked --quiet --example gen_batch -- --count 8 --seed 31 --kind so --submitted --out target/batch-e2e-8

step "end-to-end tests of dist/ (playwright-core + Chromium)"
(cd e2e && node --test --test-concurrency=1 tests/)
