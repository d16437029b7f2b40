#!/usr/bin/env bash
# factcards build script. Installs what is missing, idempotently (a fresh machine has only the
# Rust toolchain, node/npm and python3).
#
#   ./build.sh          build: native CLI, the npm package in pkg/, the page in www/
#   ./build.sh serve    build, then serve the page on http://127.0.0.1:8080
#   ./build.sh test     build, then every test: Rust, Node (the npm package), headless Chromium
#   ./build.sh eval     build, then the evaluation kit in ../shared (when present): one table
#   ./build.sh bench    build, then the benchmark report (builds commit b07d71b under target/baseline
#                       once, to time it in the same run)
#   ./build.sh fuzz [S] fuzz every cargo-fuzz target for S seconds each (default 60)
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

ensure_wasm_target() {
  if command -v rustup >/dev/null && ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
ensure_wasm_bindgen() {
  local want have=""
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
  if command -v wasm-bindgen >/dev/null; then have=$(wasm-bindgen --version | awk '{print $2}'); fi
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (once, a few minutes)"
    cargo install wasm-bindgen-cli --version "$want" # not --locked: a locked dependency is gone from the index
  fi
}

ensure_node_modules() {
  if [ ! -d node_modules/binaryen ] || [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing build and test tools from npm (binaryen, playwright-core, esbuild, vite, typescript, publint, attw, axe-core)"
    npm ci --no-audit --no-fund
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    say "installing Debian's chromium for the browser tests"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  fi
}

size_report() {
  local wasm=pkg/factcards_bg.wasm raw gz br=""
  raw=$(wc -c <"$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  if command -v brotli >/dev/null; then br=", $(brotli -c -q 11 "$wasm" | wc -c | awk '{printf "%.1f", $1/1024}') KiB brotli"; fi
  printf '.wasm size: %s bytes raw (%.1f KiB), %s bytes gzip (%.1f KiB)%s\n' \
    "$raw" "$(echo "$raw/1024" | bc -l)" "$gz" "$(echo "$gz/1024" | bc -l)" "$br"
}

gz() { gzip -9 -c "$@" | wc -c; }

# What an embedding page downloads (the page's minified copies): fact-cards.js and the element up
# front; the rest when the element is first seen with a text (the words and labels of the article's
# language: Italian's here; English's too for a long text in a language the page does not give).
js_size_report() {
  local p=www/pkg
  printf 'JS (minified, gzip): up front fact-cards.js + fact-cards-element.js %s bytes; on first sight, with the .wasm: factcards.js %s + factcards-files.js %s + factcards_core.js %s + fact-cards-render.js %s + fact-cards-languages.js %s + fact-cards-words-it.js %s bytes\n' \
    "$(( $(gz $p/fact-cards.js) + $(gz $p/fact-cards-element.js) ))" "$(gz $p/factcards.js)" "$(gz $p/factcards-files.js)" \
    "$(gz $p/factcards_core.js)" "$(gz $p/fact-cards-render.js)" "$(gz $p/fact-cards-languages.js)" \
    "$(gz $p/fact-cards-words-it.js)"
}

WASM_FEATURES="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue"

# Panics of the web build abort (a trap) and their messages go nowhere (std's standard error writes
# nothing on wasm32-unknown-unknown; factcards sets no panic hook): their locations (file, line,
# column: about 830 of them) are left out of the .wasm, -6.4 KiB gzip. -Zlocation-detail is a flag
# of nightly rustc; RUSTC_BOOTSTRAP=1 lets the stable compiler take it, for these builds only.
WASM_RUSTFLAGS='"-Zlocation-detail=none"'

# Each language's Snowball stemmer as a WebAssembly module of its own (stemmer/), which the web
# build's file of the language carries (tools/add_stemmer.py; src/stemmer.rs instantiates it):
# a page downloads one stemmer, not the six of rust-stemmers in the core (-14 KiB gzip of the
# .wasm; each module 5–8 KiB gzip). Its panic entry points trap at once (tools/stub_panics.py),
# which leaves the code that formats panic messages unused.
build_stemmers() {
  local algorithm wasm=target/stemmer/wasm32-unknown-unknown/release/factcards_stemmer.wasm
  for algorithm in $(awk -F'\t' '$1 == "stemmer" && $2 != "none" { print $2 }' data/*/language.txt | sort -u); do
    RUSTC_BOOTSTRAP=1 cargo build --release --locked --manifest-path stemmer/Cargo.toml --target wasm32-unknown-unknown \
      --target-dir target/stemmer --features "$algorithm" \
      --config "target.wasm32-unknown-unknown.rustflags=[\"-C\", \"link-arg=-zstack-size=65536\", $WASM_RUSTFLAGS]"
    python3 tools/stub_panics.py "$wasm" "target/stemmer/$algorithm.stubbed.wasm"
    # shellcheck disable=SC2086
    # Its data (the suffix tables) in one segment, not cut where zeros are: -0.4 KiB gzip.
    node_modules/.bin/wasm-opt -Oz --converge --skip-pass=memory-packing --strip-debug --strip-producers \
      --strip-target-features $WASM_FEATURES "target/stemmer/$algorithm.stubbed.wasm" -o "target/stemmer/$algorithm.wasm"
  done
}

build() {
  ensure_wasm_target
  ensure_wasm_bindgen
  ensure_node_modules
  say "native CLI"
  cargo build --release --locked
  say "wasm (no language built in: each is a file of its own, fetched when a text needs it)"
  # Optimized for size (the native CLI keeps the release profile's speed), with LLVM's inlining of
  # opt-level "s" partly back: measured on the bench articles in Node, 1.5× faster for 4 KiB gzip
  # more ("z" alone: 214.8 KiB and 920 ms; threshold 40: 218.9 KiB, 606 ms; "s": 244.8 KiB, 461 ms).
  # LLVM's GVN hoisting (instructions alike in both branches computed once before): -0.3 KiB, as
  # fast (GVN sinking, SimplifyCFG's hoisting and sinking: larger). With it, threshold 35 (as 33)
  # is -0.5 KiB against 40 (as 38), as fast in Node (CPU time, best of 8, alternating); 30: +0.8.
  RUSTC_BOOTSTRAP=1 cargo build --release --locked --lib --target wasm32-unknown-unknown --no-default-features \
    --config 'profile.release.opt-level="z"' \
    --config "target.wasm32-unknown-unknown.rustflags=[\"-C\", \"llvm-args=-inline-threshold=35\", \"-C\", \"llvm-args=-enable-gvn-hoist\", $WASM_RUSTFLAGS]" \
    --message-format=json-render-diagnostics >target/wasm-build.jsonl
  # build.rs wrote the language files into its OUT_DIR: cargo's messages say where.
  local out
  out=$(python3 -c 'import json, sys
for line in open(sys.argv[1]):
    m = json.loads(line)
    if m.get("reason") == "build-script-executed" and m["package_id"].startswith("path+") \
            and "#factcards@" in m["package_id"]:
        print(m["out_dir"])' target/wasm-build.jsonl | tail -n 1)
  [ -n "$out" ] || { echo "build.sh: cargo did not say where build.rs wrote the language files" >&2; exit 1; }
  wasm-bindgen target/wasm32-unknown-unknown/release/factcards.wasm \
    --out-dir target/bindgen --out-name factcards --target web --no-typescript
  python3 tools/stub_panics.py target/bindgen/factcards_bg.wasm target/bindgen/factcards_bg.wasm
  python3 tools/short_imports.py target/bindgen/factcards_bg.wasm target/bindgen/factcards.js
  cp target/bindgen/factcards.js pkg/factcards_core.js
  # wasm-opt -Oz, less what shrinks the raw file but grows it gzipped (code sequences made less
  # alike): inlining a function of any size into its one caller (-10 KiB gzip with 20 instructions
  # at most; small ones still inlined, so no slower than -Oz in Node and Chromium), merging
  # locals, local CSE, merging similar functions (-1.6 KiB together); run to a fixed point (-0.6).
  # Rust leaves the first KiB of memory unused (the bottom of its stack) and the module's memory
  # starts zeroed: saying so lets constant offsets fold into loads and stores (-0.6 KiB). Its data
  # stays in the segments it has, not cut where zeros are (-0.1 KiB).
  # shellcheck disable=SC2086
  node_modules/.bin/wasm-opt -Oz --converge --one-caller-inline-max-function-size=20 --skip-pass=merge-locals \
    --skip-pass=local-cse --skip-pass=merge-similar-functions --skip-pass=memory-packing --low-memory-unused --zero-filled-memory \
    $WASM_FEATURES -g target/bindgen/factcards_bg.wasm -o target/factcards_bg.named.wasm
  # Then alike functions side by side, which gzip packs better (-3 KiB: tools/order_functions.py),
  # without the names and the custom sections no engine reads; the same code, written as -Oz
  # writes it (its stack IR).
  python3 tools/order_functions.py target/factcards_bg.named.wasm target/factcards_bg.ordered.wasm
  # shellcheck disable=SC2086
  node_modules/.bin/wasm-opt --reorder-functions-by-name --strip-debug --strip-producers --strip-target-features \
    --generate-stack-ir --optimize-stack-ir --optimize-level=2 --shrink-level=2 $WASM_FEATURES \
    target/factcards_bg.ordered.wasm -o pkg/factcards_bg.wasm
  rm -f pkg/factcards-*.bin
  cp "$out"/web/factcards-*.bin "$out"/factcards-files.js "$out"/factcards-labels.js pkg/
  say "stemmers (one WebAssembly module per language, in its file)"
  build_stemmers
  local lang algorithm
  for lang in data/*/language.txt; do
    algorithm=$(awk -F'\t' '$1 == "stemmer" { print $2 }' "$lang")
    lang=$(basename "$(dirname "$lang")")
    if [ "$algorithm" != "none" ] && [ -f "pkg/factcards-$lang.bin" ]; then
      python3 tools/add_stemmer.py "pkg/factcards-$lang.bin" "target/stemmer/$algorithm.wasm"
    fi
  done
  cp LICENSE-MIT LICENSE-APACHE pkg/
  say "page"
  mkdir -p www/pkg www/examples
  rm -f www/pkg/factcards-*.bin
  cp pkg/factcards.js pkg/factcards_core.js pkg/factcards_bg.wasm pkg/factcards-*.bin pkg/factcards-files.js \
    pkg/factcards-labels.js pkg/fact-cards.js pkg/fact-cards-element.js pkg/fact-cards-view.js \
    pkg/fact-cards-render.js pkg/fact-cards-languages.js pkg/fact-cards-words*.js \
    pkg/fact-cards-worker.js www/pkg/
  # The page serves its JS minified, as a news site's bundler would (pkg/ keeps it readable):
  # each module on its own, its imports untouched.
  local f
  for f in www/pkg/*.js; do
    node_modules/.bin/esbuild "$f" --minify --format=esm --log-level=warning --outfile="$f" --allow-overwrite
  done
  cp tests/fixtures/*.txt www/articles/*.txt www/examples/
  size_report
  js_size_report
}

case "${1:-build}" in
  build)
    build
    ;;
  serve)
    build
    say "serving www/ — open http://127.0.0.1:8080/ (Ctrl-C stops)"
    exec python3 -m http.server 8080 --bind 127.0.0.1 --directory www
    ;;
  test)
    ensure_chromium
    build
    say "Rust tests"
    cargo test --release --locked
    say "the npm package: publint --strict, attw (.attw.json: ESM only by design), the cards' words"
    node_modules/.bin/publint --strict pkg
    node_modules/.bin/attw --pack pkg --format table-flipped
    node tools/gen_words.mjs --check
    say "JS tests (Node + headless Chromium)"
    node --test tests/js/
    ;;
  eval)
    build
    python3 tools/eval.py "${@:2}"
    ;;
  bench)
    build
    if ! command -v twiggy >/dev/null; then
      say "installing twiggy for the size breakdown (once, a few minutes)"
      cargo install twiggy
    fi
    python3 tools/bench.py "${@:2}"
    ;;
  fuzz)
    seconds=${2:-60}
    if ! cargo fuzz --version >/dev/null 2>&1; then
      say "installing cargo-fuzz (once, a few minutes)"
      cargo install cargo-fuzz
    fi
    cd fuzz
    for target in $(cargo fuzz list); do
      mkdir -p "corpus/$target"
      for f in ../tests/fixtures/*.txt; do printf 'AAA' | cat - "$f" >"corpus/$target/$(basename "$f").seed"; done
      say "fuzzing $target for $seconds s (stable toolchain: no sanitizer)"
      cargo fuzz run "$target" --sanitizer none -- -max_total_time="$seconds" -max_len=65536 2>&1 | tail -n 3
    done
    ;;
  *)
    echo "usage: $0 [build|serve|test|eval|bench|fuzz [seconds]]" >&2
    exit 2
    ;;
esac
