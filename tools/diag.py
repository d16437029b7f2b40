#!/usr/bin/env python3
"""Card by card, what factcards says against the gold of ../shared/corpora/facts (dev diagnostics:
the per-item view behind facts.py's totals).

    python3 tools/diag.py meetings|agreements|quotes [--bin B] [--lang xx] [--wrong] [--misses]

For meetings and agreements, each article's gold cards (REQ required, OPT optional) and the cards
factcards gave (OUT HIT / opt / FP, with place, when, title, status, confidence). --wrong keeps the
false cards, --misses the required cards no output matches. For quotes, each required quote:
MISS, or OK / BAD with the gold and the given speaker (--wrong keeps the BAD ones). B defaults to
target/release/factcards. Reads ../shared/eval (score.py, facts.py); standard library only.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(SHARED, "eval"))
from score import loose_name, names_of, norm  # noqa: E402
import facts  # noqa: E402


def matches(kind, key, out, gold):
    parties = [names_of(p) for p in out.get(key, [])]
    good = all(any(loose_name(p, grp) for p in parties) for grp in gold[key])
    if kind == "agreements":
        good = good and any(norm(c) in norm(out.get("title")) for c in gold["title_contains_any"])
    return good


def quotes(name, out, gold, wrong):
    given = [f for f in out["facts"] if f["kind"] == "quote"]
    for g in gold.get("quotes", {}).get("required", []):
        hit = [q for q in given if norm(g["text_contains"]) in norm(q["text"])]
        if not hit:
            print(f"{name}: MISS «{g['text_contains']}» by {g['speaker'][0]}")
            continue
        speaker = hit[0].get("speaker")
        ok = loose_name(names_of(speaker), g["speaker"])
        if not (ok and wrong):
            print(f"{name}: {'OK ' if ok else 'BAD'} «{g['text_contains'][:40]}» "
                  f"gold={g['speaker'][0]!r} got={speaker and speaker['name']!r}")


def cards(kind, name, text, out, gold, wrong, misses):
    section = gold.get(kind)
    if section is None:
        return
    key = "participants" if kind == "meetings" else "parties"
    given = [f for f in out["facts"] if f["kind"] == kind[:-1]]
    if not (section["required"] or section["optional"] or given):
        return
    lines = []
    for which in ("required", "optional"):
        for g in section[which]:
            if misses and (which == "optional" or any(matches(kind, key, o, g) for o in given)):
                continue
            lines.append(f"  {which[:3].upper()}  {[p[0] for p in g[key]]} "
                         f"{(g.get('place') or [''])[0]} {(g.get('when') or [''])[0]} "
                         f"{g.get('title_contains_any', '')}")
    for o in [] if misses else given:
        if any(matches(kind, key, o, g) for g in section["required"]):
            verdict = "HIT"
        elif any(matches(kind, key, o, g) for g in section["optional"]):
            verdict = "opt"
        else:
            verdict = "FP "
        if wrong and verdict != "FP ":
            continue
        lines.append(f"  OUT {verdict} {[p['name'] for p in o[key]]} {o.get('place') or ''} "
                     f"{o.get('when') or ''} {o.get('title', '')} {o.get('status', '')} "
                     f"{round(o['confidence'], 2)}")
    if lines and (not wrong or any(" FP " in x for x in lines)):
        print("=====", name, "|", text[:100].replace("\n", " "))
        print("\n".join(lines))


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kind", choices=["meetings", "agreements", "quotes"])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "factcards"))
    ap.add_argument("--lang")
    ap.add_argument("--wrong", action="store_true")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--dir", help="a folder of articles with .gold.json files (default: corpora/facts)")
    args = ap.parse_args(argv)
    corpus = args.dir or os.path.join(SHARED, "corpora", "facts")
    if not os.path.isdir(corpus):
        sys.exit(f"no {corpus}: the evaluation kit is not here")
    with tempfile.TemporaryDirectory() as tmp:
        for article, gold in facts.articles([corpus], args.lang, tmp):
            run = subprocess.run([args.bin, "--json", article], capture_output=True, text=True)
            out = json.loads(run.stdout)
            with open(article, encoding="utf-8") as f:
                text = f.read()
            name = os.path.basename(article)
            if args.kind == "quotes":
                quotes(name, out, gold, args.wrong)
            else:
                cards(args.kind, name, text, out, gold, args.wrong, args.misses)


if __name__ == "__main__":
    main(sys.argv[1:])
