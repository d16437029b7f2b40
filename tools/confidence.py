#!/usr/bin/env python3
"""How well a card's `confidence` ranks right cards above wrong ones, on the annotated real articles
of the evaluation kit (../shared/corpora/facts).

Usage (from the repo root, after `cargo build --release`):
  python3 tools/confidence.py [--shared PATH] [--bin PATH] [--json]

A card is right when it matches a required or an optional gold item of its article by the kit's own
rules (score.py: participants / parties by name, an agreement's title, a quote's words and its
speaker), wrong otherwise (a second card of one gold item is wrong too). For each kind it prints the
number of cards, how many are right, AUC (the chance that a right card has a higher confidence
than a wrong one, ties counting half) and the precision of the cards at confidence 0.7 or more and
below. Standard library only.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def matchers(score):
    loose_name, names_of, norm = score.loose_name, score.names_of, score.norm

    def meeting(o, g):
        ps = [names_of(p) for p in o.get("participants", []) or []]
        return all(any(loose_name(p, grp) for p in ps) for grp in g["participants"])

    def agreement(o, g):
        ps = [names_of(p) for p in o.get("parties", []) or []]
        title = norm(o.get("title"))
        return (all(any(loose_name(p, grp) for p in ps) for grp in g["parties"])
                and any(norm(c) in title for c in g["title_contains_any"]))

    def quote(o, g):
        a, b = norm(o.get("text")), norm(g["text_contains"])
        words = bool(a) and (b in a or (len(a) > 12 and a in b))
        return words and loose_name(names_of(o.get("speaker")), g["speaker"])

    return {"meeting": ("meetings", meeting), "agreement": ("agreements", agreement),
            "quote": ("quotes", quote)}


def auc(pairs):
    right = [c for c, ok in pairs if ok]
    wrong = [c for c, ok in pairs if not ok]
    if not right or not wrong:
        return None
    wins = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return wins / (len(right) * len(wrong))


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "factcards"))
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    folder = os.path.join(a.shared, "corpora", "facts")
    if not os.path.isdir(folder):
        print("../shared/corpora/facts not found: skipped")
        return 0
    sys.path.insert(0, os.path.join(a.shared, "eval"))
    sys.dont_write_bytecode = True
    import facts
    import score
    kinds = matchers(score)
    pairs = {k: [] for k in kinds}
    tmp = tempfile.mkdtemp(prefix="confidence-")
    for art, gold in facts.articles([folder], None, tmp):
        out = json.loads(subprocess.run([a.bin, "--json", art], capture_output=True, text=True,
                                        check=True).stdout)
        for kind, (section, ok) in kinds.items():
            sec = gold.get(section)
            if sec is None:
                continue
            items = sec.get("required", []) + sec.get("optional", [])
            taken = set()
            for card in (f for f in out.get("facts", []) if f.get("kind") == kind):
                hit = next((i for i, g in enumerate(items) if i not in taken and ok(card, g)), None)
                if hit is not None:
                    taken.add(hit)
                pairs[kind].append((card.get("confidence", 0.0), hit is not None))
    report = {}
    for kind, ps in pairs.items():
        high = [ok for c, ok in ps if c >= 0.7]
        low = [ok for c, ok in ps if c < 0.7]
        report[kind] = {
            "cards": len(ps), "right": sum(ok for _, ok in ps), "auc": auc(ps),
            "precision_high": sum(high) / len(high) if high else None, "high": len(high),
            "precision_low": sum(low) / len(low) if low else None, "low": len(low),
        }
    if a.json:
        print(json.dumps(report))
        return 0
    fmt = lambda x: "-" if x is None else f"{100 * x:.1f}"
    print(f"{'kind':10s} {'cards':>6s} {'right':>6s} {'AUC':>6s} {'P(c>=.7)':>9s} {'n':>4s} {'P(c<.7)':>8s} {'n':>4s}")
    for kind, r in report.items():
        print(f"{kind:10s} {r['cards']:6d} {r['right']:6d} {fmt(r['auc']):>6s} {fmt(r['precision_high']):>9s} "
              f"{r['high']:4d} {fmt(r['precision_low']):>8s} {r['low']:4d}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
