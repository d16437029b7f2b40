#!/usr/bin/env python3
"""Run the shared evaluation kit against the factcards binary and print one compact table.

Usage (from the repo root, after `cargo build --release`; `./build.sh eval` does both):
  python3 tools/eval.py [--shared PATH] [--bin PATH] [--quick] [--limit N] [--timeout S]

- --shared: the shared folder (default: ../shared next to the repo). When it is missing the
  evaluation is skipped with a message and exit status 0.
- --bin: the factcards binary (default: target/release/factcards).
- --quick: score only the first N items of each corpus (N = --limit, default 20) where the scorer
  has a --limit option (summaries, entities, meetings, quotes); fixtures and numbers always run whole.
- --timeout: seconds allowed for each scorer run (default 600).

What runs (each scorer with --json; its wall time is shown in the last column):
  score.py on every shared fixtures/*.txt with its .gold.json;
  summaries.py on cnndm (K=3), xsum (K=1), orangesum (K=1), bbc (K = the mean number of reference
    sentences, rounded: "at the reference length"; 3 if it cannot be read);
  entities.py on entities/*.dev.jsonl (--lang it / --lang en passed inside --cmd);
  meetings.py and quotes.py on their dev files; numbers.py on all numbers/*.dev.jsonl;
  facts.py on corpora/facts (real articles and passages in six languages: every fact kind);
  tools/confidence.py on the same articles: how well `confidence` ranks right cards above wrong.
A scorer that fails (exit status, bad JSON, timeout) shows "failed: <reason>" in its row and the
rest goes on. Informational, not a gate: exit status 0 whenever the table was printed.
Standard library only.
"""
import argparse
import glob
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SUMMARY_CORPORA = [("cnndm", 3), ("xsum", 1), ("orangesum", 1), ("bbc", None)]
ENTITY_LANG = {"kind_it": "it", "conll_en": "en"}


# ------------------------------------------------------------------------------------ helpers

def one_line(s, n=140):
    s = re.sub(r"\s+", " ", str(s or "")).strip()
    return s if len(s) <= n else s[:n - 1] + "…"


def pct(x, digits=1):
    """A 0..1 figure as x100; '-' when missing."""
    if x is None or isinstance(x, bool) or not isinstance(x, (int, float)):
        return "-"
    return f"{100 * x:.{digits}f}"


def num(x, digits=2):
    if x is None or isinstance(x, bool) or not isinstance(x, (int, float)):
        return "-"
    return f"{x:.{digits}f}"


def secs(t):
    return f"{t:.1f}s"


class ScorerFailed(Exception):
    pass


def run_scorer(argv, timeout):
    """Run a scorer (argv list) from the repo root; return (parsed JSON or None, proc info, wall).
    Never raises for the scorer's sake."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    t0 = time.monotonic()
    try:
        p = subprocess.Popen(argv, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env, start_new_session=True)
    except OSError as e:
        return None, {"rc": None, "error": f"cannot start: {e}", "stdout": "", "stderr": ""}, 0.0
    try:
        out, err = p.communicate(timeout=timeout)
        error = None
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)      # the group this call started, nothing else
        except OSError:
            pass
        out, err = p.communicate()
        error = f"timed out after {timeout:g} s"
    wall = time.monotonic() - t0
    out = out.decode("utf-8", "replace")
    err = err.decode("utf-8", "replace")
    info = {"rc": p.returncode, "error": error, "stdout": out, "stderr": err}
    data = None
    if error is None:
        try:
            data = json.loads(out)
        except ValueError:
            data = None
    return data, info, wall


def failure_reason(data, info):
    """One line saying why a scorer run gave nothing usable."""
    if info.get("error"):
        return info["error"]
    if isinstance(data, dict) and data.get("ok") is False and data.get("error"):
        return data["error"]
    lines = [l for l in (info["stderr"] + "\n" + info["stdout"]).splitlines() if l.strip()]
    tail = lines[-1] if lines else "no output"
    if data is None:
        return f"exit {info['rc']}, no JSON report: {tail}"
    return f"exit {info['rc']}: {tail}"


# ------------------------------------------------------------------------------------ table

class Section:
    """A block of the table: a title, column headers, rows of cells or failure rows."""

    def __init__(self, title, headers, left=1):
        self.title, self.headers, self.left, self.rows = title, headers, left, []

    def add(self, cells):
        self.rows.append(("ok", [str(c) for c in cells]))

    def fail(self, label_cells, reason, wall=None):
        self.rows.append(("fail", [str(c) for c in label_cells],
                          "failed: " + one_line(reason) + (f"  ({secs(wall)})" if wall else "")))

    def render(self):
        widths = [len(h) for h in self.headers]
        for r in self.rows:
            if r[0] == "ok":
                for i, c in enumerate(r[1]):
                    widths[i] = max(widths[i], len(c))
            else:
                for i, c in enumerate(r[1]):
                    widths[i] = max(widths[i], len(c))

        def fmt(cells):
            out = []
            for i, c in enumerate(cells):
                out.append(c.ljust(widths[i]) if i < self.left else c.rjust(widths[i]))
            return "  ".join(out).rstrip()

        lines = [self.title, "  " + fmt(self.headers)]
        for r in self.rows:
            if r[0] == "ok":
                lines.append("  " + fmt(r[1]))
            else:
                lab = "  ".join(c.ljust(widths[i]) for i, c in enumerate(r[1]))
                lines.append("  " + lab + "  " + r[2])
        return "\n".join(lines)


# ------------------------------------------------------------------------------------ scorers

def eval_fixtures(a, notes):
    sec = Section("fixtures (score.py; F1 and ROUGE x100)",
                  ["fixture", "checks", "ent F1", "meet F1", "agr F1", "num F1", "quote F1",
                   "facts F1", "sum R1", "sum RL", "time"])
    arts = sorted(glob.glob(os.path.join(a.shared, "fixtures", "*.txt")))
    if not arts:
        sec.fail(["(none)"], f"no fixtures/*.txt in {a.shared}")
    for art in arts:
        name = os.path.basename(art)[:-4]
        gold = art[:-4] + ".gold.json"
        if not os.path.exists(gold):
            sec.fail([name], "no .gold.json beside it")
            continue
        cmd = shlex.quote(a.bin) + " --json"
        data, info, wall = run_scorer([sys.executable, a.scorer("score.py"), "--json", "--run", cmd,
                                       art, gold], a.timeout)
        if info["rc"] != 0 or not isinstance(data, dict) or "checks_passed" not in data:
            sec.fail([name], failure_reason(data, info), wall)
            continue
        try:
            rg = data.get("summary_rouge") or {}
            sec.add([name, data["checks_passed"], pct(data.get("entities_f1")),
                     pct(data["meetings"]["f1"]), pct(data["agreements"]["f1"]),
                     pct(data["numbers"]["f1"]), pct(data["quotes"]["f1"]),
                     pct(data.get("facts_macro_f1")), pct(rg.get("rouge1_f")), pct(rg.get("rougeL_f")),
                     secs(wall)])
            bad = [c["check"] for c in data.get("checks", []) if not c.get("ok")]
            if bad:
                notes.append(f"{name}: failed checks: " + "; ".join(bad))
        except (KeyError, TypeError) as e:
            sec.fail([name], f"unexpected report shape ({type(e).__name__}: {e})", wall)
    return sec


def bbc_k(path):
    """The reference length of the BBC corpus in sentences (mean, rounded); None if unreadable."""
    try:
        counts = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    it = json.loads(line)
                    if isinstance(it.get("reference_spans"), list):
                        counts.append(len(it["reference_spans"]))
        return max(1, round(sum(counts) / len(counts))) if counts else None
    except (OSError, ValueError, AttributeError):
        return None


def eval_summaries(a, notes):
    sec = Section("summaries (summaries.py; ROUGE F1 x100; ratio = product/Lead-K for R1/R2/RL; "
                  "b/s/w = articles better/same/worse than Lead-K)",
                  ["corpus", "K", "n", "R1", "R2", "RL", "Lead R1", "Lead RL", "ratio R1/R2/RL",
                   "b/s/w", "ms/art", "time"])
    for name, k in SUMMARY_CORPORA:
        path = os.path.join(a.shared, "corpora", "summaries", f"{name}.dev.jsonl")
        if not os.path.exists(path):
            sec.fail([name], f"{path} not found")
            continue
        if k is None:
            k = bbc_k(path)
            if k is None:
                k = 3
                notes.append(f"{name}: reference length unreadable, K=3")
        argv = [sys.executable, a.scorer("summaries.py"), "--json", "--cmd", a.jsonl_cmd(),
                "--sentences", str(k), "--timeout", str(a.timeout), path]
        if a.limit:
            argv += ["--limit", str(a.limit)]
        data, info, wall = run_scorer(argv, a.timeout + 60)
        if not isinstance(data, dict):
            sec.fail([name, str(k)], failure_reason(data, info), wall)
            continue
        if "error" in data:
            sec.fail([name, str(k)], data["error"], wall)
            continue
        try:
            run = data["run"]
            if run.get("error") or not run.get("answered"):
                why = run.get("error") or "no usable output"
                why += f" ({run.get('answered', 0)}/{data['articles']} answered)"
                tail = [l for l in (run.get("stderr_tail") or "").splitlines()
                        if l.strip() and l.strip() != run.get("error")]
                if tail:
                    why += ": " + tail[-1].strip()
                sec.fail([name, str(k)], why, wall)
                continue
            t = data["table"]
            p, lead = t["product"], t[f"Lead-{data['k']}"]
            ratios = "/".join(num(p.get(f"{m}/Lead-{data['k']}")) for m in ("R1", "R2", "RL"))
            pv = data.get("product_vs_lead", {})
            sec.add([name, data["k"], data["articles"], pct(p["R1"]), pct(p["R2"]), pct(p["RL"]),
                     pct(lead["R1"]), pct(lead["RL"]), ratios,
                     f"{pv.get('better', '-')}/{pv.get('same', '-')}/{pv.get('worse', '-')}",
                     num(run.get("ms_per_article"), 1), secs(wall)])
            if run.get("missing"):
                notes.append(f"summaries {name}: {run['missing']} articles unanswered (scored as empty)")
            sp = data.get("spans", {})
            if sp.get("violations"):
                notes.append(f"summaries {name}: {sp['violations']}/{sp.get('sentences')} summary spans "
                             f"violate the contract")
        except (KeyError, TypeError) as e:
            sec.fail([name, str(k)], f"unexpected report shape ({type(e).__name__}: {e})", wall)
    return sec


def run_extract(a, script, path, cmd):
    argv = [sys.executable, a.scorer(script), "--json", "--cmd", cmd, "--timeout", str(a.timeout), path]
    if a.limit:
        argv += ["--limit", str(a.limit)]
    data, info, wall = run_scorer(argv, a.timeout + 60)
    if not isinstance(data, dict) or data.get("ok") is not True or info["rc"] != 0:
        raise ScorerFailed(failure_reason(data, info), wall)
    return data, wall


def run_notes(label, data, notes):
    for w in (data.get("run") or {}).get("warnings", []) or []:
        notes.append(f"{label}: {w}")


def eval_entities(a, notes):
    sec = Section("entities (entities.py; exact-span P/R/F1 x100; len F1 = lenient overlap F1)",
                  ["corpus", "type", "P", "R", "F1", "len F1", "gold", "pred", "time"], left=2)
    paths = sorted(glob.glob(os.path.join(a.shared, "corpora", "entities", "*.dev.jsonl")))
    if not paths:
        sec.fail(["(none)", ""], "no entities/*.dev.jsonl")
    for path in paths:
        name = os.path.basename(path)[:-len(".dev.jsonl")]
        lang = ENTITY_LANG.get(name) or (name.rsplit("_", 1)[-1] if "_" in name else None)
        cmd = a.jsonl_cmd() + (f" --lang {lang}" if lang and re.fullmatch(r"[a-z]{2}", lang) else "")
        try:
            data, wall = run_extract(a, "entities.py", path, cmd)
            rows = [("all", data["exact"], data["lenient"], secs(wall))]
            rows += [(t, data["types"][t]["exact"], data["types"][t]["lenient"], "")
                     for t in ("PER", "ORG", "LOC")]
            for i, (t, ex, le, tm) in enumerate(rows):
                sec.add([name if i == 0 else "", t, pct(ex["precision"]), pct(ex["recall"]),
                         pct(ex["f1"]), pct(le["f1"]), ex["gold"], ex["predicted"], tm])
            run_notes(f"entities {name}", data, notes)
        except ScorerFailed as e:
            sec.fail([name, ""], e.args[0], e.args[1])
        except (KeyError, TypeError) as e:
            sec.fail([name, ""], f"unexpected report shape ({type(e).__name__}: {e})")
    return sec


def eval_meetings(a, notes):
    sec = Section("meetings (meetings.py; x100; core = meeting-word triggers only; "
                  "part R = participant recall, all / named)",
                  ["corpus", "set", "P", "R", "F1", "gold", "found", "output", "part R", "named", "time"],
                  left=2)
    paths = sorted(glob.glob(os.path.join(a.shared, "corpora", "meetings", "*.dev.jsonl")))
    if not paths:
        sec.fail(["(none)", ""], "no meetings/*.dev.jsonl")
    for path in paths:
        name = os.path.basename(path)[:-len(".dev.jsonl")]
        try:
            data, wall = run_extract(a, "meetings.py", path, a.jsonl_cmd())
            part = data["participants"]
            for i, mode in enumerate(("all", "core")):
                r = data[mode]
                sec.add([name if i == 0 else "", mode, pct(r["precision"]), pct(r["recall"]), pct(r["f1"]),
                         r["gold"], r["found"], r["predicted"],
                         pct(part.get("recall")) if i == 0 else "",
                         pct(part.get("recall_named")) if i == 0 else "",
                         secs(wall) if i == 0 else ""])
            if "agreements" in data:
                g = data["agreements"]
                notes.append(f"meetings {name}: agreements found {g['found']}/{g['gold']}, "
                             f"{g['predicted_elsewhere']} elsewhere")
            run_notes(f"meetings {name}", data, notes)
        except ScorerFailed as e:
            sec.fail([name, ""], e.args[0], e.args[1])
        except (KeyError, TypeError) as e:
            sec.fail([name, ""], f"unexpected report shape ({type(e).__name__}: {e})")
    return sec


def eval_quotes(a, notes):
    sec = Section("quotes (quotes.py; x100; speaker accuracy on found quotes, all / named sources)",
                  ["corpus", "P", "R", "F1", "gold", "found", "output", "spk acc", "spk named", "time"])
    paths = sorted(glob.glob(os.path.join(a.shared, "corpora", "quotes", "*.dev.jsonl")))
    if not paths:
        sec.fail(["(none)"], "no quotes/*.dev.jsonl")
    for path in paths:
        name = os.path.basename(path)[:-len(".dev.jsonl")]
        try:
            data, wall = run_extract(a, "quotes.py", path, a.jsonl_cmd())
            q, s = data["quotes"], data["speaker"]
            sec.add([name, pct(q["precision"]), pct(q["recall"]), pct(q["f1"]), q["gold"], q["found"],
                     q["predicted"], pct(s.get("accuracy_on_found")), pct(s.get("accuracy_named_sources")),
                     secs(wall)])
            run_notes(f"quotes {name}", data, notes)
        except ScorerFailed as e:
            sec.fail([name], e.args[0], e.args[1])
        except (KeyError, TypeError) as e:
            sec.fail([name], f"unexpected report shape ({type(e).__name__}: {e})")
    return sec


def eval_numbers(a, notes):
    sec = Section("numbers (numbers.py, all numbers/*.dev.jsonl; recall/precision/F1 x100)",
                  ["lang", "items", "expect", "found", "recall", "prec", "F1", "false+", "unit-", "time"])
    paths = sorted(glob.glob(os.path.join(a.shared, "corpora", "numbers", "*.dev.jsonl")))
    if not paths:
        sec.fail(["(none)"], "no numbers/*.dev.jsonl")
        return sec
    argv = [sys.executable, a.scorer("numbers.py"), "--json", "--cmd", a.jsonl_cmd(),
            "--timeout", str(a.timeout)] + paths
    data, info, wall = run_scorer(argv, a.timeout * 2 + 60)     # one command run per language
    if not isinstance(data, dict) or "rows" not in data:
        sec.fail(["all"], failure_reason(data, info), wall)
        return sec
    try:
        failed_lang = {}
        for r in data.get("runs", []):
            if r.get("error") or r.get("summary", "").startswith("exit 0, 0/"):
                tail = [l for l in (r.get("stderr_tail") or "").splitlines()
                        if l.strip() and l.strip() != r.get("error")]
                failed_lang[r["lang"]] = (r.get("error") or "no usable output") + " (" + r.get("summary", "") + ")" \
                    + (": " + tail[-1].strip() if tail else "")
        rows = [r for r in data["rows"] if r["source"] == "all" and not r["model"]]
        rows.sort(key=lambda r: (r["lang"] == "all", r["lang"]))
        for r in rows:
            lang = r["lang"]
            tm = secs(wall) if lang == "all" else ""
            if lang in failed_lang:
                sec.fail([lang], failed_lang[lang])
                continue
            sec.add([lang, r["items"], r["expected"], r["found"], pct(r["recall"]), pct(r["precision"]),
                     pct(r["f1"]), r["false_positives"], r["unit_misses"], tm])
        for p in data.get("corpus_problems", []):
            notes.append(f"numbers: {p}")
        c = data.get("checks", {})
        if c.get("evidence_invalid"):
            notes.append(f"numbers: {c['evidence_invalid']}/{c.get('evidence_spans')} evidence spans invalid")
    except (KeyError, TypeError) as e:
        sec.fail(["all"], f"unexpected report shape ({type(e).__name__}: {e})", wall)
    return sec


def eval_facts(a, notes, folder=None, title="facts (facts.py on corpora/facts: real articles and passages"):
    kinds = ("entities", "meetings", "agreements", "numbers", "quotes")
    sec = Section(title + "; P/R x100 per kind; speaker = quotes whose speaker is right)",
                  ["lang"] + [f"{k[:4]} {x}" for k in kinds for x in ("P", "R")] + ["speaker", "time"])
    folder = folder or os.path.join(a.shared, "corpora", "facts")
    if not os.path.isdir(folder):
        sec.fail(["(none)"], f"no {folder}")
        return sec
    argv = [sys.executable, a.scorer("facts.py"), "--json", "--cmd", shlex.quote(a.bin) + " --json", folder]
    data, info, wall = run_scorer(argv, a.timeout)
    if not isinstance(data, dict) or "total" not in data:
        sec.fail(["all"], failure_reason(data, info), wall)
        return sec
    try:
        rows = sorted(data["languages"].items()) + [("all", data["total"])]
        for lang, agg in rows:
            cells = [lang]
            for k in kinds:
                cells += [pct(agg[k]["precision"]), pct(agg[k]["recall"])]
            spk = agg["quotes"]["attrs"].get("speaker", [0, 0])
            cells += [f"{spk[0]}/{spk[1]}", secs(wall) if lang == "all" else ""]
            sec.add(cells)
        notes.append(f"{title.split(' (')[0]}: {data['articles']} articles and passages, checks {data['checks']}")
    except (KeyError, TypeError) as e:
        sec.fail(["all"], f"unexpected report shape ({type(e).__name__}: {e})", wall)
    return sec


def eval_invented(a, notes):
    """The invented articles of tests/fixtures/invented (written by someone who did not read the
    rules; the project's own)."""
    return eval_facts(a, notes, os.path.join(ROOT, "tests", "fixtures", "invented"),
                      "facts, invented (facts.py on tests/fixtures/invented: invented news, 3 per language")


def eval_invented2(a, notes):
    """The second set of invented articles, tests/fixtures/invented2 (another writer, who read
    neither the rules nor the first set)."""
    return eval_facts(a, notes, os.path.join(ROOT, "tests", "fixtures", "invented2"),
                      "facts, invented 2 (facts.py on tests/fixtures/invented2: invented news, 3 per language")


def eval_confidence(a, notes):
    sec = Section("confidence (tools/confidence.py on corpora/facts; AUC = chance a right card ranks above a "
                  "wrong one; P = precision of the cards at confidence >= 0.7 and below, x100)",
                  ["kind", "cards", "right", "AUC", "P >=.7", "n", "P <.7", "n", "time"])
    argv = [sys.executable, os.path.join(ROOT, "tools", "confidence.py"), "--json", "--shared", a.shared,
            "--bin", a.bin]
    data, info, wall = run_scorer(argv, a.timeout)
    if not isinstance(data, dict) or not data:
        sec.fail(["all"], failure_reason(data, info), wall)
        return sec
    for i, (kind, r) in enumerate(data.items()):
        sec.add([kind, r["cards"], r["right"], pct(r["auc"]), pct(r["precision_high"]), r["high"],
                 pct(r["precision_low"]), r["low"], secs(wall) if i == len(data) - 1 else ""])
    return sec


# ------------------------------------------------------------------------------------ main

def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"),
                    help="the shared folder with eval/, corpora/ and fixtures/ (default ../shared)")
    ap.add_argument("--bin", default="target/release/factcards", help="the factcards binary")
    ap.add_argument("--quick", action="store_true", help="score only the first --limit items of each corpus")
    ap.add_argument("--limit", type=int, default=None, help="items per corpus (default: all; 20 with --quick)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per scorer run (default 600)")
    a = ap.parse_args(argv)

    given_shared = "--shared" in " ".join(argv)
    if not os.path.isdir(a.shared):
        print(f"{a.shared if given_shared else '../shared'} not found: evaluation skipped")
        return 0
    a.shared = os.path.normpath(os.path.abspath(a.shared))
    if not os.path.isdir(os.path.join(a.shared, "eval")):
        print(f"{a.shared}/eval not found: evaluation skipped")
        return 0
    b = a.bin if os.path.isabs(a.bin) or os.path.exists(a.bin) else os.path.join(ROOT, a.bin)
    a.bin = os.path.abspath(b)
    if not (os.path.isfile(a.bin) and os.access(a.bin, os.X_OK)):
        print(f"{a.bin}: no such executable; build it first (cargo build --release)", file=sys.stderr)
        return 1
    if a.quick and not a.limit:
        a.limit = 20
    a.scorer = lambda s: os.path.join(a.shared, "eval", s)
    a.jsonl_cmd = lambda: shlex.quote(a.bin) + " --jsonl"

    t0 = time.monotonic()
    notes = []
    sections = []
    for fn in (eval_fixtures, eval_summaries, eval_entities, eval_meetings, eval_quotes, eval_numbers,
               eval_facts, eval_invented, eval_invented2, eval_confidence):
        try:
            sections.append(fn(a, notes))
        except Exception as e:       # a bug here must not hide the other sections
            s = Section(fn.__name__.replace("eval_", ""), ["scorer"])
            s.fail(["all"], f"{type(e).__name__}: {e}")
            sections.append(s)
    total = time.monotonic() - t0

    rel_bin = os.path.relpath(a.bin, ROOT) if a.bin.startswith(ROOT + os.sep) else a.bin
    print(f"factcards evaluation: bin {rel_bin}, shared {a.shared}, "
          + (f"first {a.limit} items per corpus" if a.limit else "full corpora"))
    print()
    for s in sections:
        print(s.render())
        print()
    if notes:
        print("notes:")
        for n in notes:
            print("  " + one_line(n, 200))
        print()
    print(f"total wall time {total:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
