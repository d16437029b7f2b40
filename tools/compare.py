#!/usr/bin/env python3
"""Compares the Analysis JSON of two factcards binaries on every text of the dev corpora.

    python3 tools/compare.py OLD_BINARY [NEW_BINARY]

NEW_BINARY defaults to target/release/factcards. The texts: every `text` of the JSONL files under
../shared/corpora (when it is there), the .txt articles there, tests/fixtures/*.txt and
www/articles/*.txt. Each text is analysed twice by each binary: with the language detected, and
with the language its corpus gives forced (`--lang`). Prints how many outputs are identical and the
first differences; exits 1 when any differ. Standard library only.
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def texts(shared):
    items = []
    for base in (os.path.join(shared, "corpora"), os.path.join(ROOT, "tests", "fixtures"),
                 os.path.join(ROOT, "www", "articles")):
        if not os.path.isdir(base):
            continue
        for dirpath, dirs, files in os.walk(base):
            dirs[:] = sorted(d for d in dirs if d != "language")  # tests/fixtures/language: word lists
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, base)
                if name.endswith(".jsonl"):
                    with open(path, encoding="utf-8") as f:
                        for n, line in enumerate(f):
                            it = json.loads(line)
                            if isinstance(it.get("text"), str):
                                items.append((f"{rel}:{n}", it.get("lang"), it["text"]))
                elif name.endswith(".txt"):
                    with open(path, encoding="utf-8") as f:
                        lang = name[:2] if name[2:3] == "-" else None
                        items.append((rel, lang, f.read()))
    return items


def run(binary, items, lang):
    data = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, (_, _, t) in enumerate(items))
    argv = [binary, "--jsonl"] + (["--lang", lang] if lang else [])
    p = subprocess.run(argv, input=data.encode(), capture_output=True, check=True)
    return p.stdout.decode().splitlines()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old")
    ap.add_argument("new", nargs="?", default=os.path.join(ROOT, "target", "release", "factcards"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--show", type=int, default=5, help="differences to print")
    a = ap.parse_args()
    items = texts(a.shared)
    groups = {None: items}
    for it in items:
        if it[1] in ("it", "en", "es", "fr", "de", "pt"):
            groups.setdefault(it[1], []).append(it)
    same = differ = 0
    shown = 0
    for lang, group in groups.items():
        old, new = run(a.old, group, lang), run(a.new, group, lang)
        for it, o, n in zip(group, old, new):
            if o == n:
                same += 1
                continue
            differ += 1
            if shown < a.show:
                shown += 1
                k = next((i for i, (x, y) in enumerate(zip(o, n)) if x != y), min(len(o), len(n)))
                print(f"differs: {it[0]} (--lang {lang or 'auto'}) at char {k}:\n  old …{o[max(0, k - 80):k + 120]}\n"
                      f"  new …{n[max(0, k - 80):k + 120]}")
        if len(old) != len(new):
            differ += 1
            print(f"--lang {lang or 'auto'}: {len(old)} outputs before, {len(new)} after")
    print(f"{same} outputs identical, {differ} differ ({len(items)} texts, detected and forced language)")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
