#!/usr/bin/env python3
"""factcards benchmark report: speed, scaling, memory and size, next to peers in the same run.

Run by `./build.sh bench` after a build. Prints one report (and writes it to target/bench.md):
  - speed on the articles (the fixtures, plus up to --per-corpus articles of each summary corpus in
    ../shared when it is there): native CLI, wasm in Node, wasm in headless Chromium — ms/article
    and MB/s;
  - peers on the same articles: sumy LexRank and TextRank (Python, installed into a venv under
    target/ on first use; sentences handed over pre-split, as the evaluation kit does, so no NLTK
    data is needed) and compromise (npm, installed under target/ on first use: people, places,
    numbers, quotations) — and factcards' speed as a ratio;
  - scaling: time and peak memory of the native CLI on 1 KB, 10 KB, 100 KB, 1 MB inputs, and the
    time of each pathological input (examples/pathological.rs);
  - size of the .wasm: raw, gzip, brotli, and its biggest parts (twiggy, when installed:
    `cargo install twiggy`), plus the compiled-in data.

Options: --shared PATH (default ../shared), --per-corpus N (default 100), --no-peers, --quick.
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


def native_speed(items, runs):
    data = "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items).encode("utf-8")

    def once():
        t0 = time.perf_counter()
        subprocess.run([BIN, "--jsonl"], input=data, stdout=subprocess.DEVNULL, check=True)
        return time.perf_counter() - t0

    return best_of(runs, once)


NODE_BENCH = r"""
import { readFileSync } from "node:fs";
import { initSync, analyze } from "%PKG%";
initSync({ module: readFileSync("%WASM%") });
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
const server = createServer((req, res) => {
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


def size_report():
    raw = open(WASM, "rb").read()
    gz = len(gzip.compress(raw, 9))
    br = None
    if shutil.which("brotli"):
        br = len(subprocess.run(["brotli", "-c", "-q", "11", WASM], capture_output=True).stdout)
    else:
        try:
            import brotli  # type: ignore
            br = len(brotli.compress(raw, quality=11))
        except ImportError:
            pass
    # As build.rs compiles them in: without their comment lines.
    data = b"".join(b"".join(line for line in open(os.path.join(dp, f), "rb") if not line.startswith(b"#"))
                    for dp, _, fs in sorted(os.walk(os.path.join(ROOT, "data"))) for f in sorted(fs)
                    if f.endswith(".txt"))
    parts = None
    if shutil.which("twiggy"):
        p = subprocess.run(["twiggy", "top", "-n", "12", WASM], capture_output=True, text=True)
        if p.returncode == 0:
            parts = p.stdout
    return len(raw), gz, br, len(data), len(gzip.compress(data, 9)), parts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--per-corpus", type=int, default=100)
    ap.add_argument("--no-peers", action="store_true")
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
    res = {}
    log("native CLI …")
    res["factcards native (CLI, batch)"] = native_speed(items, runs)
    log("wasm in Node …")
    pkg = os.path.join(ROOT, "pkg", "factcards.js")
    try:
        res["factcards wasm, Node"] = node_script(
            NODE_BENCH.replace("%PKG%", pkg).replace("%WASM%", WASM).replace("%RUNS%", str(runs)),
            items_path)["seconds"]
    except Exception as e:  # noqa: BLE001 - reported, not fatal
        res["factcards wasm, Node"] = f"failed: {e}"
    log("wasm in Chromium …")
    if os.path.exists("/usr/bin/chromium"):
        try:
            res["factcards wasm, Chromium"] = node_script(BROWSER_BENCH.replace("%RUNS%", str(runs)), items_path,
                                                          extra=(ROOT,))["seconds"]
        except Exception as e:  # noqa: BLE001
            res["factcards wasm, Chromium"] = f"failed: {e}"
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
    raw, gz, br, data, data_gz, parts = size_report()
    say(f"Size: .wasm {raw / 1024:.1f} KiB raw, {gz / 1024:.1f} KiB gzip"
        + (f", {br / 1024:.1f} KiB brotli" if br else " (brotli not installed)")
        + f"; compiled-in data (data/**/*.txt without comment lines) {data / 1024:.1f} KiB raw, {data_gz / 1024:.1f} KiB gzip"
        + f" ({100 * data_gz / gz:.0f}% of the gzipped .wasm, as an estimate).")
    if parts:
        say("")
        say("Biggest parts of the .wasm (twiggy top):")
        say("")
        say("```")
        say(parts.rstrip())
        say("```")
    else:
        say("(per-function breakdown: `cargo install twiggy`, then rerun)")
    report = "\n".join(out)
    print(report)
    with open(os.path.join(TARGET, "bench.md"), "w", encoding="utf-8") as f:
        f.write(report + "\n")


if __name__ == "__main__":
    main()
