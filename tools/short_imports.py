#!/usr/bin/env python3
"""Give the imports and internal exports wasm-bindgen writes short names, in the .wasm and in its
JS glue alike.

wasm-bindgen names each function the .wasm imports from its glue after the JS it calls and a hash
(`__wbg_new_1de793c59e102921`): about 35 names of 30 bytes, once in the .wasm's import section and
once in the glue, whose hashes gzip cannot pack. Renamed `_0`, `_1`… in both files: -1.3 KiB
gzip. Likewise its internal exports (`__wbindgen_malloc`…, `$0`, `$1`…). Nothing else reads these
names (they are the glue's own; the module's public exports keep theirs).

Usage:  python3 tools/short_imports.py factcards_bg.wasm factcards.js   (both rewritten in place)
Fails when an import name is found in the .wasm but not exactly once in the glue. Standard
library only.
"""

import re
import sys

from order_functions import import_description, leb, sections, uleb

NAME = re.compile(r"__wbg_\w+_[0-9a-f]{16}|__wbindgen_generic_[0-9a-f]{16}|__wbindgen_init_externref_table")
EXPORT = re.compile(r"__wbindgen_\w+|__externref_\w+|__abort_handler|__instance_terminated")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-3])
    wasm_path, js_path = sys.argv[1:]
    wasm = open(wasm_path, "rb").read()
    js = open(js_path, encoding="utf-8").read()
    names, renamed = {}, {}
    out = bytearray(wasm[:8])
    for s, p in sections(wasm):
        if s == 2:
            count, i = leb(p, 0)
            imports = bytearray(uleb(count))
            for _ in range(count):
                n, j = leb(p, i)
                module = p[j:j + n]
                n, k = leb(p, j + n)
                field = p[k:k + n].decode()
                _, end = import_description(p, k + n)
                if NAME.fullmatch(field):
                    field = names.setdefault(field, f"_{len(names):x}")
                name = field.encode()
                imports += uleb(len(module)) + module + uleb(len(name)) + name + p[k + n:end]
                i = end
            p = bytes(imports)
        elif s == 7:
            count, i = leb(p, 0)
            exports = bytearray(uleb(count))
            for _ in range(count):
                n, j = leb(p, i)
                field = p[j:j + n].decode()
                _, end = leb(p, j + n + 1)  # kind, index
                if EXPORT.fullmatch(field):
                    field = renamed.setdefault(field, f"${len(renamed):x}")
                name = field.encode()
                exports += uleb(len(name)) + name + p[j + n:end]
                i = end
            p = bytes(exports)
        out += bytes([s]) + uleb(len(p)) + p
    for old, new in names.items():
        js, found = re.subn(rf"\b{old}\b", new, js)
        if found != 1:
            sys.exit(f"short_imports: {old} is {found} times in {js_path}, not once")
    for old, new in renamed.items():
        js = re.sub(rf"\b{re.escape(old)}\b", new, js)
    open(wasm_path, "wb").write(out)
    open(js_path, "w", encoding="utf-8").write(js)


if __name__ == "__main__":
    main()
