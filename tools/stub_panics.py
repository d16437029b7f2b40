#!/usr/bin/env python3
"""Make the functions of a .wasm that only panic trap at once, so that the code that formats panic
messages is left unused and `wasm-opt` drops it.

On wasm32-unknown-unknown a panic aborts (a trap: `unreachable`), and the message it formats goes
nowhere: std's standard error there writes nothing, and factcards sets no panic hook. So a function
that only panics behaves the same when its body is `unreachable`, without the formatting:
`core::panicking::*` (every panic of core and of the code: `panic!`, index out of bounds…),
`unwrap` and `expect` failures, string and slice index failures, std's `panic_with_hook`…
(`DIVERGING` below).

Usage:  python3 tools/stub_panics.py in.wasm out.wasm   (in.wasm: with its names, `wasm-opt -g`)
Fails when none of the entry points is found (a toolchain that names them otherwise), rather
than leaving them silently. Standard library only.
"""

import re
import sys

from order_functions import bodies, imported_functions, leb, sections, uleb

# Functions that do nothing but panic, by path (`*`: every function of the module: every one of
# core::panicking is one). Their names
# are demangled (wasm-bindgen writes them so; the crate hash in brackets varies) or mangled (v0 or
# legacy: rustc's own output); trait impls (`<… as …>::…`) never match.
DIVERGING = [
    ("core", "panicking", "*"),
    ("core", "str", "slice_error_fail"),
    ("core", "str", "slice_error_fail_rt"),
    ("core", "str", "slice_error_fail_ct"),
    ("core", "slice", "index", "slice_index_fail"),
    ("core", "slice", "index", "slice_start_index_len_fail"),
    ("core", "slice", "index", "slice_end_index_len_fail"),
    ("core", "slice", "index", "slice_index_order_fail"),
    ("core", "option", "unwrap_failed"),
    ("core", "option", "expect_failed"),
    ("core", "result", "unwrap_failed"),
    ("core", "cell", "panic_already_borrowed"),
    ("core", "cell", "panic_already_mutably_borrowed"),
    ("alloc", "raw_vec", "handle_error"),
    ("alloc", "raw_vec", "capacity_overflow"),
    ("alloc", "alloc", "handle_alloc_error"),
    ("std", "panicking", "begin_panic"),
    ("std", "panicking", "begin_panic_handler"),
    ("std", "panicking", "panic_with_hook"),
    ("std", "panicking", "rust_panic_with_hook"),
]


def patterns(path):
    *module, name = path
    ident = rb"[A-Za-z_][A-Za-z0-9_]*" if name == "*" else re.escape(name.encode())
    counted = rb"[0-9]+" + ident if name == "*" else str(len(name)).encode() + ident
    demangled = rb"::".join([re.escape(module[0].encode()) + rb"(\[[0-9a-f]+\])?"]
                             + [re.escape(m.encode()) for m in module[1:]])
    idents = b"".join(str(len(m)).encode() + m.encode() for m in module)
    return [
        re.compile(rb"^" + demangled + rb"::" + ident + rb"(::<.*>)?$"),
        # v0: a path (N…) in its crate (C, its hash), plain or generic (I…E).
        re.compile(rb"^_R(I)?Nv" + rb"Nt" * (len(module) - 1) + rb"Cs[0-9A-Za-z]*_" + idents
                   + counted + rb"($|[A-Z])"),
        re.compile(rb"^_ZN" + idents + counted + rb"17h[0-9a-f]{16}E$"),
    ]


ENTRIES = [p for path in DIVERGING for p in patterns(path)]

# A body with no locals: `unreachable`, `end`.
TRAP = b"\x00\x00\x0b"


def function_names(payload):
    """(index → name) of subsection 1 of the custom section `name` (its payload after "name")."""
    i, out = 0, {}
    while i < len(payload):
        kind = payload[i]
        size, i = leb(payload, i + 1)
        if kind == 1:
            count, j = leb(payload, i)
            for _ in range(count):
                index, j = leb(payload, j)
                n, j = leb(payload, j)
                out[index] = payload[j:j + n]
                j += n
        i += size
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-3])
    src, dst = sys.argv[1:]
    wasm = open(src, "rb").read()
    secs = sections(wasm)
    imports = sum(imported_functions(p) for s, p in secs if s == 2)
    name_payload = next((p[5:] for s, p in secs if s == 0 and p[:5] == b"\x04name"), None)
    if name_payload is None:
        sys.exit("stub_panics: the .wasm has no names (build it with wasm-opt -g)")
    names = function_names(name_payload)
    stubbed = {f - imports: n for f, n in names.items()
               if f >= imports and any(p.match(n) for p in ENTRIES)}
    if not stubbed:
        sys.exit("stub_panics: no panic entry point found")
    out = bytearray(wasm[:8])
    for s, p in secs:
        if s == 10:
            code = bodies(p)
            p = bytearray(uleb(len(code)))
            for f, body in enumerate(code):
                body = TRAP if f in stubbed else body
                p += uleb(len(body)) + body
        out += bytes([s]) + uleb(len(p)) + p
    open(dst, "wb").write(out)


if __name__ == "__main__":
    main()
