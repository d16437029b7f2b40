#!/usr/bin/env python3
"""Make Rust's panic entry points of a .wasm trap at once, so that the code that formats panic
messages is left unused and `wasm-opt` drops it.

On wasm32-unknown-unknown a panic aborts (a trap: `unreachable`), and the message it formats goes
nowhere: std's standard error there writes nothing, and factcards sets no panic hook. So a panic
entry whose body is `unreachable` behaves the same, without the formatting: `core::panicking::
panic_fmt` (every panic of core and of the code: `panic!`, `unwrap`, index out of bounds…) and
std's `panic_with_hook` (`begin_panic`, a `panic!` with a literal inside std).

Usage:  python3 tools/stub_panics.py in.wasm out.wasm   (in.wasm: with its names, `wasm-opt -g`)
Fails when none of the entry points is found (a toolchain that names them otherwise), rather
than leaving them silently. Standard library only.
"""

import re
import sys

from order_functions import bodies, imported_functions, leb, sections, uleb

# Their names, demangled (wasm-bindgen writes them so; the crate hash in brackets varies) or
# mangled (v0 or legacy: rustc's own output).
ENTRIES = [re.compile(p) for p in (
    rb"^core(\[[0-9a-f]+\])?::panicking::panic_fmt$",
    rb"^std(\[[0-9a-f]+\])?::panicking::(rust_)?panic_with_hook$",
    rb"^_RNvNtCs[0-9A-Za-z_]+_4core9panicking9panic_fmt$",
    rb"^_RNvNtCs[0-9A-Za-z_]+_3std9panicking(15|20)(rust_)?panic_with_hook$",
    rb"^_ZN4core9panicking9panic_fmt17h[0-9a-f]{16}E$",
    rb"^_ZN3std9panicking(15|20)(rust_)?panic_with_hook17h[0-9a-f]{16}E$",
)]

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
