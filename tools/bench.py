#!/usr/bin/env python3
"""factcards benchmark report: speed, scaling, memory and size, next to peers in the same run.

Run by `./build.sh bench` after a build. Prints one report (and writes it to target/bench.md):
  - speed on the articles (the fixtures, plus up to --per-corpus articles of each summary corpus in
    ../shared when it is there): native CLI, wasm in Node, wasm in headless Chromium — ms/article
    and MB/s — for this build and for commit b07d71b (issue 14's starting point), built under
    target/baseline on first use and timed in the same run, runs alternating;
  - peers on the same articles: sumy LexRank and TextRank (Python, installed into a venv under
    target/ on first use; sentences handed over pre-split, as the evaluation kit does, so no NLTK
    data is needed) and compromise (npm, installed under target/ on first use: people, places,
    numbers, quotations) — and factcards' speed as a ratio;
  - scaling: time and peak memory of the native CLI on 1 KB, 10 KB, 100 KB, 1 MB inputs, and the
    time of each pathological input (examples/pathological.rs);
  - what a page downloads to analyse one article (the JS, the .wasm, one language's data), each part
    raw, gzip and brotli, against b07d71b; the biggest parts of the .wasm (`twiggy top -n 20`);
  - the first analysis in a fresh page (fetch, compile, the language's data, the first analyze()
    of a 5 KB article), in headless Chromium, on localhost and on an emulated 10 Mbit/s line.

Options: --shared PATH (default ../shared), --per-corpus N (default 100), --no-peers, --no-baseline,
--quick.
Standard library only; peers are optional and reported as unavailable when they cannot install.
"""
import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "factcards")
WASM = os.path.join(ROOT, "pkg", "factcards_bg.wasm")
TARGET = os.path.join(ROOT, "target")
BASELINE_COMMIT = "b07d71b"
# Native runs of each binary (a run is well under a second): the best of many, on a shared machine.
NATIVE_RUNS = 12
BASELINE = os.path.join(TARGET, "baseline")
BASELINE_BIN = os.path.join(BASELINE, "target", "release", "factcards")
BASELINE_PKG = os.path.join(BASELINE, "pkg")
WASM_OPT_FLAGS = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
                  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def articles(shared, per_corpus):
    items = []
    fx = os.path.join(ROOT, "tests", "fixtures")
    for name in sorted(os.listdir(fx)):
        if name.endswith(".txt"):
            with open(os.path.join(fx, name), encoding="utf-8") as f:
                items.append({"id": name, "text": f.read()})
    corpora = os.path.join(shared, "corpora", "summaries")
    if os.path.isdir(corpora):
        for name in sorted(os.listdir(corpora)):
            if not name.endswith(".jsonl"):
                continue
            with open(os.path.join(corpora, name), encoding="utf-8") as f:
                for n, line in enumerate(f):
                    if n >= per_corpus:
                        break
                    it = json.loads(line)
                    items.append({"id": f"{name}:{it['id']}", "text": it["text"]})
    return items


def best_of(runs, fn):
    best = None
    for _ in range(runs):
        t = fn()
        best = t if best is None or t < best else best
    return best


def native_speed(items, runs, binaries):
    """Best wall and CPU seconds of each binary on the batch, runs alternating between them. The
    CPU time is the child's own (user + system, from wait4, to the microsecond: os.times() counts
    in clock ticks of 10 ms, 6 % of a run here)."""
    data = "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items).encode("utf-8")
    best = {b: (None, None) for b in binaries}
    with tempfile.TemporaryFile() as batch:
        batch.write(data)
        for _ in range(runs):
            for b in binaries:
                batch.seek(0)
                t0 = time.perf_counter()
                p = subprocess.Popen([b, "--jsonl"], stdin=batch, stdout=subprocess.DEVNULL)
                _, status, usage = os.wait4(p.pid, 0)
                wall = time.perf_counter() - t0
                p.returncode = os.waitstatus_to_exitcode(status)
                if p.returncode != 0:
                    raise subprocess.CalledProcessError(p.returncode, [b, "--jsonl"])
                cpu = usage.ru_utime + usage.ru_stime
                w, c = best[b]
                best[b] = (wall if w is None else min(w, wall), cpu if c is None else min(c, cpu))
    return best


def ensure_baseline():
    """Commit b07d71b under target/baseline: its CLI and its npm package, built once."""
    if not os.path.exists(os.path.join(BASELINE, "Cargo.toml")):
        log(f"extracting {BASELINE_COMMIT} into target/baseline")
        os.makedirs(BASELINE, exist_ok=True)
        archive = subprocess.run(["git", "archive", BASELINE_COMMIT], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", BASELINE], input=archive.stdout, check=True)
    if not os.path.exists(BASELINE_BIN):
        log(f"building the {BASELINE_COMMIT} CLI (once)")
        subprocess.run(["cargo", "build", "--release", "--locked", "--bin", "factcards"], cwd=BASELINE, check=True,
                       capture_output=True)
    wasm = os.path.join(BASELINE_PKG, "factcards_bg.wasm")
    if not os.path.exists(wasm):
        log(f"building the {BASELINE_COMMIT} .wasm (once)")
        subprocess.run(["cargo", "build", "--release", "--locked", "--lib", "--target", "wasm32-unknown-unknown"],
                       cwd=BASELINE, check=True, capture_output=True)
        subprocess.run(["wasm-bindgen", os.path.join(BASELINE, "target", "wasm32-unknown-unknown", "release",
                                                     "factcards.wasm"),
                        "--out-dir", BASELINE_PKG, "--out-name", "factcards", "--target", "web", "--no-typescript"],
                       check=True, capture_output=True)
        subprocess.run([os.path.join(ROOT, "node_modules", ".bin", "wasm-opt"), "-Oz", *WASM_OPT_FLAGS, wasm, "-o",
                        wasm], check=True, capture_output=True)


NODE_BENCH = r"""
import { readFileSync } from "node:fs";
import { initSync, analyze } from "%PKG%";
initSync({ module: readFileSync("%WASM%") }); // the language files are read from disk when needed
const items = JSON.parse(readFileSync(process.argv[2], "utf8"));
for (const it of items.slice(0, 3)) analyze(it.text);
let best = Infinity;
for (let r = 0; r < %RUNS%; r++) {
  const t0 = performance.now();
  for (const it of items) analyze(it.text);
  best = Math.min(best, performance.now() - t0);
}
console.log(JSON.stringify({ seconds: best / 1000 }));
"""

BROWSER_BENCH = r"""
import { chromium } from "playwright-core";
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:http";
const root = process.argv[3];
const items = JSON.parse(readFileSync(process.argv[2], "utf8"));
const server = createServer((req, res) => { // every language is loaded by init() here
  const p = join(root, decodeURIComponent(req.url.split("?")[0]));
  try {
    const body = readFileSync(p);
    const type = p.endsWith(".wasm") ? "application/wasm" : p.endsWith(".js") ? "text/javascript" : "text/html";
    res.writeHead(200, { "content-type": type }); res.end(body);
  } catch { res.writeHead(404); res.end(); }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const port = server.address().port;
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "fc-bench-")), {
  executablePath: "/usr/bin/chromium", headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const page = await ctx.newPage();
await page.goto(`http://127.0.0.1:${port}/pkg/package.json`);
const seconds = await page.evaluate(async ({ items, runs }) => {
  const m = await import("/pkg/factcards.js");
  await m.default();
  for (const it of items.slice(0, 3)) m.analyze(it.text);
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (const it of items) m.analyze(it.text);
    best = Math.min(best, performance.now() - t0);
  }
  return best / 1000;
}, { items, runs: %RUNS% });
console.log(JSON.stringify({ seconds }));
await ctx.close(); server.close();
"""


FIRST_ANALYSIS = r"""
// The first analysis in a fresh page: a new browser profile each run (nothing cached), the files
// served gzip-compressed, the article in the page; the time from navigation start until the first
// analyze() has returned, for each package. Args: items.json (unused), then name=dir pairs.
import { chromium } from "playwright-core";
import { readFileSync, mkdtempSync, rmSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join, extname } from "node:path";
import { createServer } from "node:http";
const article = readFileSync(%ARTICLE%, "utf8");
const variants = process.argv.slice(3).map((a) => a.split("="));
const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html; charset=utf-8" };
const page = (lean) => `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>
<body><script type="module">
import init, * as fc from "/pkg/factcards.js";
const text = ${JSON.stringify(article)};
${lean ? "await init({ languages: [] }); await fc.ready(text);" : "await init();"}
const a = fc.analyze(text);
window.done = { ms: performance.now(), language: a.language };
</script></body></html>`;
const out = {};
for (const [name, dir] of variants) {
  const lean = existsSync(join(dir, "pkg", "factcards_core.js"));
  const cache = new Map();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(req.url.split("?")[0]);
    try {
      let body = cache.get(path);
      if (!body) {
        body = gzipSync(path === "/" ? page(lean) : readFileSync(join(dir, path)), { level: 9 });
        cache.set(path, body);
      }
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? (path === "/" ? TYPES[".html"] : "application/octet-stream"),
        "content-encoding": "gzip", "cache-control": "no-store" });
      res.end(body);
    } catch { res.writeHead(404); res.end(); }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${server.address().port}/`;
  for (const [net, conditions] of [["localhost", null],
      ["10 Mbit/s, 40 ms", { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 }]]) {
    const times = [];
    for (let r = 0; r < %RUNS%; r++) {
      const profile = mkdtempSync(join(tmpdir(), "fc-first-"));
      const ctx = await chromium.launchPersistentContext(profile, {
        executablePath: "/usr/bin/chromium", headless: true,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
      const p = await ctx.newPage();
      if (conditions) {
        const cdp = await ctx.newCDPSession(p);
        await cdp.send("Network.enable");
        await cdp.send("Network.emulateNetworkConditions", conditions);
      }
      await p.goto(url);
      const done = await p.waitForFunction(() => window.done, null, { timeout: 60000 }).then((h) => h.jsonValue());
      times.push(done.ms);
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    }
    times.sort((a, b) => a - b);
    out[`${name}|${net}`] = times[Math.floor(times.length / 2)];
  }
  server.close();
}
console.log(JSON.stringify(out));
"""

COMPROMISE_BENCH = r"""
import { readFileSync } from "node:fs";
import nlp from "compromise";
const items = JSON.parse(readFileSync(process.argv[2], "utf8"));
let best = Infinity;
for (let r = 0; r < %RUNS%; r++) {
  const t0 = performance.now();
  for (const it of items) {
    const doc = nlp(it.text);
    doc.people().out("array"); doc.places().out("array");
    doc.numbers().out("array"); doc.quotations().out("array");
  }
  best = Math.min(best, performance.now() - t0);
}
console.log(JSON.stringify({ seconds: best / 1000 }));
"""

SUMY_BENCH = r"""
import json, re, sys, time
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

class Tok:
    def __init__(self, lang): self.language = lang
    def to_words(self, s): return re.findall(r"\w+", s)
    def to_sentences(self, p): return [s for s in re.split(r"(?<=[.!?])\s+", p) if s.strip()]

items = json.load(open(sys.argv[1], encoding="utf-8"))
docs = []
tok = Tok("english")
for it in items:
    sents = [s for s in re.split(r"(?<=[.!?])\s+|\n+", it["text"]) if s.strip()]
    docs.append(ObjectDocumentModel([Paragraph([Sentence(s, tok) for s in sents])]))
out = {}
for name, cls in (("LexRank", LexRankSummarizer), ("TextRank", TextRankSummarizer)):
    summ = cls(Stemmer("english"))
    best = None
    for _ in range(%RUNS%):
        t0 = time.perf_counter()
        for d in docs:
            summ(d, 3)
        t = time.perf_counter() - t0
        best = t if best is None or t < best else best
    out[name] = best
print(json.dumps(out))
"""


def node_script(body, items_path, extra=(), cwd=None):
    with tempfile.NamedTemporaryFile("w", suffix=".mjs", dir=cwd or TARGET, delete=False) as f:
        f.write(body)
        path = f.name
    try:
        p = subprocess.run(["node", path, items_path, *extra], capture_output=True, text=True, cwd=cwd or ROOT,
                           timeout=1800)
        if p.returncode != 0:
            lines = [l for l in p.stderr.strip().splitlines() if "Error" in l] or p.stderr.strip().splitlines() or ["failed"]
            raise RuntimeError(lines[0])
        return json.loads(p.stdout.strip().splitlines()[-1])
    finally:
        os.unlink(path)


def ensure_compromise():
    d = os.path.join(TARGET, "bench-node")
    if not os.path.isdir(os.path.join(d, "node_modules", "compromise")):
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "package.json"), "w") as f:
            f.write('{"private": true, "type": "module"}\n')
        log("installing compromise (npm) under target/bench-node for the comparison")
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "compromise@14"], cwd=d,
                       check=True, capture_output=True)
    return d


def ensure_sumy():
    venv = os.path.join(TARGET, "bench-venv")
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        log("installing sumy (PyPI) into target/bench-venv for the comparison")
        subprocess.run([sys.executable, "-m", "venv", venv], check=True, capture_output=True)
        subprocess.run([py, "-m", "pip", "install", "-q", "sumy", "numpy"], check=True, capture_output=True)
    return py


def rss_and_time(path):
    """Wall seconds and peak RSS (KiB) of the native CLI on one file."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", BIN, "--json", path], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, check=True)
    secs = time.perf_counter() - t0
    return secs, int(p.stderr.strip().splitlines()[-1])


def scaling(items):
    pool = "\n\n".join(it["text"] for it in items)
    while len(pool.encode()) < 1_100_000:
        pool += "\n\n" + pool
    rows = []
    with tempfile.TemporaryDirectory() as d:
        for size in (1_000, 10_000, 100_000, 1_000_000):
            text = pool.encode()[:size].decode("utf-8", "ignore")
            path = os.path.join(d, f"{size}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            best = min((rss_and_time(path) for _ in range(3)), key=lambda x: x[0])
            rows.append((size, best[0], best[1]))
    return rows


def brotli_size(data):
    """Bytes after brotli -q 11: the brotli command, the Python module, or the bench venv's."""
    if shutil.which("brotli"):
        return len(subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True).stdout)
    try:
        import brotli  # type: ignore
        return len(brotli.compress(data, quality=11))
    except ImportError:
        pass
    py = ensure_sumy()
    subprocess.run([py, "-m", "pip", "install", "-q", "brotli"], check=True, capture_output=True)
    p = subprocess.run([py, "-c", "import brotli, sys; sys.stdout.write(str(len(brotli.compress(sys.stdin.buffer.read(), quality=11))))"],
                       input=data, capture_output=True, check=True)
    return int(p.stdout)


def sizes(path):
    data = open(path, "rb").read()
    return len(data), len(gzip.compress(data, 9)), brotli_size(data)


def kib(n):
    return f"{n / 1024:.1f}"


def download_report(say, baseline):
    """What a page downloads to analyse one article, part by part, against b07d71b: the files of
    www/pkg/, as the page serves them (build.sh minifies the JS there; pkg/ keeps it readable)."""
    pkg = os.path.join(ROOT, "www", "pkg")
    js = [("fact-cards.js", "the element's entry, loaded up front"),
          ("fact-cards-element.js", "the element, loaded up front"),
          ("fact-cards-render.js", "the renderer"), ("fact-cards-languages.js", "each language's words module, by name (generated)"),
          ("factcards.js", "the API: init, ready, analyze"), ("factcards-files.js", "the languages' files (generated)"),
          ("factcards_core.js", "wasm-bindgen's glue")]
    rows = [(f, why, sizes(os.path.join(pkg, f))) for f, why in js]
    readable = sum(sizes(os.path.join(ROOT, "pkg", f))[1] for f, _ in js)
    rows.append(("factcards_bg.wasm", "the code and what every language shares", sizes(WASM)))
    langs = sorted(f for f in os.listdir(pkg) if f.startswith("factcards-") and f.endswith(".bin"))
    say("What a page downloads to analyse one article (KiB; the JS, the .wasm, one language's file and words):")
    say("")
    say("| part | what | raw | gzip | brotli |")
    say("|---|---|---|---|---|")
    for f, why, (r, g, b) in rows:
        say(f"| `{f}` | {why} | {kib(r)} | {kib(g)} | {kib(b)} |")
    lang_sizes = {}
    for f in langs:
        code = f[len("factcards-"):-len(".bin")]
        r, g, b = sizes(os.path.join(pkg, f))
        words = os.path.join(pkg, f"fact-cards-words-{code}.js")
        wr, wg, wb = sizes(words) if os.path.exists(words) else (0, 0, 0)
        lang_sizes[f] = (r + wr, g + wg, b + wb)
        say(f"| `{f}` + `fact-cards-words-{code}.js` | one language's data (with its stemmer, a small .wasm) and words, fetched when a text needs them | "
            f"{kib(r)} + {kib(wr)} | {kib(g)} + {kib(wg)} | {kib(b)} + {kib(wb)} |")
    fixed = [sum(x[2][i] for x in rows) for i in range(3)]
    worst = max(lang_sizes.values(), key=lambda x: x[1]) if lang_sizes else (0, 0, 0)
    best = min(lang_sizes.values(), key=lambda x: x[1]) if lang_sizes else (0, 0, 0)
    say(f"| **a page, one language** | JS + .wasm + one language | {kib(fixed[0] + best[0])}–{kib(fixed[0] + worst[0])} | "
        f"**{kib(fixed[1] + best[1])}–{kib(fixed[1] + worst[1])}** | {kib(fixed[2] + best[2])}–{kib(fixed[2] + worst[2])} |")
    if baseline:
        old = [sizes(os.path.join(BASELINE_PKG, f)) for f in
               ("fact-cards.js", "fact-cards-view.js", "factcards.js", "factcards_bg.wasm")]
        tot = [sum(x[i] for x in old) for i in range(3)]
        say(f"| {BASELINE_COMMIT}: a page | fact-cards.js, fact-cards-view.js, factcards.js, every language in the .wasm "
            f"({kib(old[3][1])} gzip) | {kib(tot[0])} | {kib(tot[1])} | {kib(tot[2])} |")
    say("")
    say(f"The JS above is minified as the page serves it; the package's readable sources (`pkg/`, what a "
        f"bundler minifies in turn) are {kib(readable)} KiB gzip.")
    say("")


def twiggy_report(say):
    """`twiggy top -n 20` of the .wasm with its function names (build.sh keeps that copy)."""
    named = os.path.join(TARGET, "factcards_bg.named.wasm")
    if not (shutil.which("twiggy") and os.path.exists(named)):
        say("(the .wasm's biggest parts: `cargo install twiggy`, then rerun)")
        return
    p = subprocess.run(["twiggy", "top", "-n", "20", named], capture_output=True, text=True)
    say("The biggest parts of the .wasm (`twiggy top -n 20`, names kept; the shipped file has the same code and data, "
        "its functions in another order):")
    say("")
    say("```")
    say(p.stdout.rstrip() if p.returncode == 0 else f"twiggy failed: {p.stderr.strip()[-200:]}")
    say("```")
    say("")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--per-corpus", type=int, default=100)
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--no-baseline", action="store_true", help=f"do not build or time {BASELINE_COMMIT}")
    ap.add_argument("--quick", action="store_true", help="20 articles per corpus, 1 run each")
    args = ap.parse_args()
    if args.quick:
        args.per_corpus = 20
    runs = 1 if args.quick else 3
    for need in (BIN, WASM):
        if not os.path.exists(need):
            sys.exit(f"{need} missing: run ./build.sh first")
    items = articles(args.shared, args.per_corpus)
    n = len(items)
    mb = sum(len(it["text"].encode()) for it in items) / 1e6
    os.makedirs(TARGET, exist_ok=True)
    items_path = os.path.join(TARGET, "bench-items.json")
    with open(items_path, "w", encoding="utf-8") as f:
        json.dump(items, f, ensure_ascii=False)

    out = []
    say = out.append
    say(f"# factcards benchmark — {n} articles, {mb:.2f} MB ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores)")
    say("")
    say("| engine | ms/article | MB/s | factcards native is |")
    say("|---|---|---|---|")
    baseline = False
    if not args.no_baseline:
        try:
            ensure_baseline()
            baseline = True
        except Exception as e:  # noqa: BLE001 - reported, not fatal
            log(f"{BASELINE_COMMIT} could not be built: {e}")
    res = {}
    log("native CLI …")
    bins = [BIN] + ([BASELINE_BIN] if baseline else [])
    native = native_speed(items, max(runs, NATIVE_RUNS), bins)
    res["factcards native (CLI, batch)"] = native[BIN][0]
    if baseline:
        res[f"factcards {BASELINE_COMMIT} native"] = native[BASELINE_BIN][0]
    log("wasm in Node …")
    for name, pkg_dir, wasm in [("factcards wasm, Node", os.path.join(ROOT, "pkg"), WASM)] + (
            [(f"factcards {BASELINE_COMMIT} wasm, Node", BASELINE_PKG, os.path.join(BASELINE_PKG, "factcards_bg.wasm"))]
            if baseline else []):
        try:
            res[name] = node_script(
                NODE_BENCH.replace("%PKG%", os.path.join(pkg_dir, "factcards.js")).replace("%WASM%", wasm)
                .replace("%RUNS%", str(runs)), items_path)["seconds"]
        except Exception as e:  # noqa: BLE001 - reported, not fatal
            res[name] = f"failed: {e}"
    log("wasm in Chromium …")
    if os.path.exists("/usr/bin/chromium"):
        for name, root in [("factcards wasm, Chromium", ROOT)] + (
                [(f"factcards {BASELINE_COMMIT} wasm, Chromium", BASELINE)] if baseline else []):
            try:
                res[name] = node_script(BROWSER_BENCH.replace("%RUNS%", str(runs)), items_path, extra=(root,))["seconds"]
            except Exception as e:  # noqa: BLE001
                res[name] = f"failed: {e}"
    if not args.no_peers:
        log("peers: sumy …")
        try:
            py = ensure_sumy()
            with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
                f.write(SUMY_BENCH.replace("%RUNS%", str(runs)))
            p = subprocess.run([py, f.name, items_path], capture_output=True, text=True, timeout=3600)
            os.unlink(f.name)
            if p.returncode != 0:
                raise RuntimeError(p.stderr.strip().splitlines()[-1])
            for k, v in json.loads(p.stdout).items():
                res[f"sumy {k} (Python)"] = v
        except Exception as e:  # noqa: BLE001
            res["sumy (Python)"] = f"unavailable: {e}"
        log("peers: compromise …")
        try:
            d = ensure_compromise()
            res["compromise (JS, people/places/numbers/quotes)"] = node_script(
                COMPROMISE_BENCH.replace("%RUNS%", str(runs)), items_path, cwd=d)["seconds"]
        except Exception as e:  # noqa: BLE001
            res["compromise (JS)"] = f"unavailable: {e}"
    base = res["factcards native (CLI, batch)"]
    for name, secs in res.items():
        if isinstance(secs, str):
            say(f"| {name} | {secs} | | |")
            continue
        ratio = "—" if name.startswith("factcards native") else f"{secs / base:.1f}× faster"
        say(f"| {name} | {secs * 1000 / n:.2f} | {mb / secs:.3g} | {ratio} |")
    say("")
    if baseline:
        old = native[BASELINE_BIN]
        say(f"**This build against {BASELINE_COMMIT}, same articles, same run** (native CLI batch, best of "
            f"{max(runs, NATIVE_RUNS)} alternating runs): {old[0] / native[BIN][0]:.2f}× faster in wall time, "
            f"{old[1] / native[BIN][1]:.2f}× in CPU time"
            + "".join(f"; wasm in {where} {res[f'factcards {BASELINE_COMMIT} wasm, {where}'] / res[f'factcards wasm, {where}']:.2f}×"
                      for where in ("Node", "Chromium")
                      if isinstance(res.get(f"factcards {BASELINE_COMMIT} wasm, {where}"), float)
                      and isinstance(res.get(f"factcards wasm, {where}"), float))
            + ".")
        say("")
    log("scaling …")
    say("Scaling (native CLI, one file, including process start):")
    say("")
    say("| input | seconds | peak RSS MiB | time per KB vs 1 KB |")
    say("|---|---|---|---|")
    rows = scaling(items)
    per_kb0 = rows[0][1] / (rows[0][0] / 1000)
    for size, secs, rss in rows:
        say(f"| {size // 1000} KB | {secs:.3f} | {rss / 1024:.1f} | {secs / (size / 1000) / per_kb0:.2f} |")
    say("")
    log("pathological inputs …")
    p = subprocess.run(["cargo", "run", "--quiet", "--release", "--example", "pathological"], cwd=ROOT,
                       capture_output=True, text=True, timeout=1800)
    say("Pathological inputs (one analysis each, native, `cargo run --release --example pathological`):")
    say("")
    say("```")
    say(p.stdout.rstrip() if p.returncode == 0 else f"failed: {p.stderr.strip()[-300:]}")
    say("```")
    say("")
    log("sizes …")
    download_report(say, baseline)
    twiggy_report(say)
    if os.path.exists("/usr/bin/chromium"):
        log("first analysis in a fresh page …")
        article = os.path.join(ROOT, "tests", "fixtures", "it-putin-vietnam.txt")
        try:
            first = node_script(FIRST_ANALYSIS.replace("%ARTICLE%", json.dumps(article)).replace("%RUNS%", "5"),
                                items_path, extra=[f"this build={os.path.join(ROOT, 'www')}"] + ([f"{BASELINE_COMMIT}={BASELINE}"] if baseline else []))
            say(f"First analysis in a fresh page (headless Chromium, a new profile each time, files served gzip; "
                f"from navigation start to the first `analyze()` of a {os.path.getsize(article) / 1000:.1f} KB article "
                "returning, median of 5; this build: `init({ languages: [] })`, `ready(text)`, `analyze(text)`):")
            say("")
            say("| package | localhost | 10 Mbit/s, 40 ms |")
            say("|---|---|---|")
            for name in ["this build"] + ([BASELINE_COMMIT] if baseline else []):
                say(f"| {name} | {first.get(name + '|localhost', 0):.0f} ms | {first.get(name + '|10 Mbit/s, 40 ms', 0):.0f} ms |")
            say("")
        except Exception as e:  # noqa: BLE001
            say(f"First analysis in a fresh page: failed: {e}")
            say("")
    report = "\n".join(out)
    print(report)
    with open(os.path.join(TARGET, "bench.md"), "w", encoding="utf-8") as f:
        f.write(report + "\n")


if __name__ == "__main__":
    main()
