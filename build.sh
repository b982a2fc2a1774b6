#!/usr/bin/env bash
# The one entry point: set-up, build, test, benchmarks, serve, run.
#
#   ./build.sh            install what is missing, build everything (CLI, WASM, extension
#                         packages for Chrome and Firefox, playground)
#   ./build.sh test       the same, then every test: Rust, WASM, Chromium and Firefox
#   ./build.sh bench      benchmarks that print numbers (core speed, extension latency, size)
#   ./build.sh serve      serve the playground on 127.0.0.1 and print its address
#   ./build.sh run        open Firefox with the extension loaded (needs a display)
#   ./build.sh fuzz [S]   fuzz `analyze` for S seconds (default 60)
#   ./build.sh golden     accept the reports on the dev corpus as they are now
#                         (tests/golden/, checked by tests/golden.rs); commit them with the change
#   ./build.sh screenshot build, run the playground tests, and copy their picture of the page
#                         (tests/output/playground-light.png) to www/screenshot.png, and the
#                         Chromium tests' pictures of the popup and options page to
#                         extension/screenshots/, the README's; commit them with the change. Only `golden` and this
#                         write tracked files: builds and tests write to target/, dist/
#                         and tests/output/ alone.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

say() { printf '\n== %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

# ---- set-up: install what is missing, skip what is present -----------------------------

APT_UPDATED=
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} (apt)"
  local sudo=; [ "$(id -u)" -ne 0 ] && sudo=sudo
  if [ -z "$APT_UPDATED" ]; then $sudo apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

wasm_bindgen_version() {
  # The CLI must match the library version that Cargo.lock pins.
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

setup() {
  have cargo || { echo "cargo is needed: install Rust with rustup first" >&2; exit 2; }
  apt_install zip advancecomp chromium chromium-driver xvfb firefox-esr fonts-noto-color-emoji
  rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$' \
    || { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want; want=$(wasm_bindgen_version)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (a few minutes, once)"
    cargo install -q wasm-bindgen-cli --version "$want"
  fi
  have geckodriver || { say "installing geckodriver (a few minutes, once)"; cargo install -q geckodriver; }
  for dir in extension tests; do
    if [ -f "$dir/package.json" ] && { [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; }; then
      say "installing npm packages in $dir/"
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    fi
  done
}

# ---- build ---------------------------------------------------------------------------

WASM_PKG=target/wasm-pkg

build_cli() {
  say "building the sociable CLI"
  cargo build --release --locked --bin sociable
}

build_wasm() {
  say "building the core for WebAssembly"
  cargo build --locked --lib --target wasm32-unknown-unknown --profile wasm
  rm -rf "$WASM_PKG"
  wasm-bindgen --target web --no-typescript --out-dir "$WASM_PKG" target/wasm32-unknown-unknown/wasm/sociable.wasm
  # One step, shared with extension/build.mjs and www/build.mjs: optimise with npm's
  # binaryen, check that the module starts and answers, print its size.
  node extension/wasm-package.mjs
}

build_pages() {
  # Bundles the page-side code and assembles dist/chrome, dist/firefox, the zips and the
  # playground (extension/build.mjs owns the details).
  if [ -f extension/build.mjs ]; then
    say "bundling the extension"
    node extension/build.mjs
  fi
  if [ -f www/build.mjs ]; then
    say "building the playground"
    node www/build.mjs
  fi
}

build_all() {
  setup
  build_cli
  build_wasm
  build_pages
  cat <<EOF

Built:
  CLI         target/release/sociable   (try: target/release/sociable check "Buy now! 50% off")
EOF
  if [ -d dist/chrome ]; then
    cat <<EOF
  Chrome      dist/chrome/   chrome://extensions → Developer mode → Load unpacked → pick dist/chrome
              dist/sociable-chrome.zip   (for the Chrome Web Store)
  Firefox     dist/firefox/  about:debugging#/runtime/this-firefox → Load Temporary Add-on → dist/firefox/manifest.json
              dist/sociable-firefox.zip  (for addons.mozilla.org)
EOF
  fi
  [ -d dist/www ] && echo "  Playground  dist/www/      ./build.sh serve"
  return 0
}

# ---- test ----------------------------------------------------------------------------

SUITES_PASSED=0
SUITES_FAILED=0
suite() {
  local name=$1; shift
  say "test: $name"
  if "$@"; then SUITES_PASSED=$((SUITES_PASSED + 1)); else SUITES_FAILED=$((SUITES_FAILED + 1)); echo "FAILED: $name" >&2; fi
}

cli_quality() {
  # The figures behind the floors that tests/corpus.rs asserts, printed for the log.
  target/release/sociable eval ../shared/corpus/youtube-dev.jsonl
}

test_all() {
  build_all
  suite "rust (unit, rule examples, corpus floors, properties)" cargo test --release --locked
  [ -f ../shared/corpus/youtube-dev.jsonl ] && suite "quality on the dev corpus" cli_quality
  if [ -f tests/e2e/run.mjs ]; then
    suite "browsers (Chromium and Firefox with the real extension)" node tests/e2e/run.mjs
  fi
  if [ -f tests/e2e/playground.mjs ]; then
    suite "playground in Chromium" node tests/e2e/playground.mjs
  fi
  printf '\nsuites: %d passed, %d failed\n' "$SUITES_PASSED" "$SUITES_FAILED"
  [ "$SUITES_FAILED" -eq 0 ]
}

# ---- the rest --------------------------------------------------------------------------

bench_all() {
  build_all
  say "bench: analysis core (criterion)"
  cargo bench --locked --bench analyze
  if [ -f tests/e2e/bench.mjs ]; then
    say "bench: extension in Chromium"
    node tests/e2e/bench.mjs
  fi
}

serve() {
  [ -d dist/www ] || build_all
  local port=${PORT:-8787}
  echo "Playground: http://127.0.0.1:$port/  (Ctrl+C to stop)"
  exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist/www
}

run_browser() {
  [ -d dist/firefox ] || build_all
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "no display: load dist/chrome or dist/firefox by hand (see ./build.sh output)" >&2
    exit 2
  fi
  exec npx --prefix extension web-ext run --source-dir dist/firefox --firefox=firefox-esr
}

screenshot() {
  build_all
  node tests/e2e/playground.mjs
  cp tests/output/playground-light.png www/screenshot.png
  echo "www/screenshot.png: refreshed from tests/output/playground-light.png"
  # The popup and options page, from the Chromium tests.
  SOCIABLE_BROWSERS=chromium SOCIABLE_ONLY='options page|last 8 weeks' node tests/e2e/run.mjs
  mkdir -p extension/screenshots
  for shot in popup-light popup-dark options-light; do cp "tests/output/$shot.png" "extension/screenshots/$shot.png"; done
  echo "extension/screenshots/: refreshed from tests/output/"

}

golden() {
  SOCIABLE_BLESS=1 cargo test --release --locked --test golden
  git --no-pager diff --stat -- tests/golden
}

fit() {
  # Dev-only: fits the pitch model to the dev corpus and the brief's cases, then shows
  # what moved. The goldens follow the new weights: refresh them with ./build.sh golden.
  cargo run --release --locked --features fit --bin sociable-fit
  git --no-pager diff --stat -- src/analysis/rules/fitted.toml
}

fuzz() {
  local seconds=${1:-60}
  have cargo-fuzz || cargo install -q cargo-fuzz
  # cargo fuzz wants nightly flags; the machine has one stable toolchain, which accepts
  # them when told it is bootstrapping.
  cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run analyze -- -max_total_time="$seconds"
}

case "${1:-build}" in
  build) build_all ;;
  setup) setup ;;
  test) test_all ;;
  bench) bench_all ;;
  serve) serve ;;
  run) run_browser ;;
  fuzz) shift; fuzz "$@" ;;
  golden) golden ;;
  fit) fit ;;
  screenshot) screenshot ;;
  *) echo "usage: ./build.sh [build|test|bench|serve|run|fuzz [seconds]|golden|fit|screenshot]" >&2; exit 2 ;;
esac
