#!/usr/bin/env python3
"""Append a language's stemmer module to its file, for the web build.

The language files build.rs writes (`factcards-<lang>.bin`, layout in src/lexicon/compile.rs) end
with the entries' streams; the web build's end with one stream more: the language's Snowball
stemmer as a WebAssembly module of its own (a varint length, then the module) (`stemmer/`, built by build.sh), which the core
instantiates when it reads the file (src/stemmer.rs). Native builds stem with rust-stemmers and
skip it.

Usage:  python3 tools/add_stemmer.py factcards-<lang>.bin <algorithm>.wasm
Standard library only.
"""

import sys


def varint(v):
    """A number as the language files write them: 7 bits a byte, the most significant first."""
    out = [v & 0x7F]
    v >>= 7
    while v:
        out.append(v & 0x7F | 0x80)
        v >>= 7
    return bytes(reversed(out))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-2])
    data, module = sys.argv[1:]
    wasm = open(module, "rb").read()
    if wasm[:4] != b"\0asm":
        sys.exit(f"add_stemmer: {module} is not a WebAssembly module")
    with open(data, "ab") as f:
        f.write(varint(len(wasm)) + wasm)


if __name__ == "__main__":
    main()
