#!/usr/bin/env python3
"""Where the bytes of the shipped wasm go: `./x size` runs this on a build that keeps function names.

The wasm is built as the release is (same profile, wasm-bindgen, then wasm-opt -Oz with the flags of
tools/bundle.py), but with names kept, and twiggy lists every function and data segment. This groups them by what
they are for, so that a change can be judged by which group it moved. Sizes are raw bytes before compression; the
shipped gzip size is printed by `./x bench`. Pass the wasm-bindgen output; the named, optimised wasm is written
beside it as named.wasm.
"""

import collections
import csv
import io
import re
import subprocess
import sys
from pathlib import Path

from bundle import optimise

GROUPS = [
    # (group, pattern on the item's name); the first that matches wins.
    ("custom sections (not shipped)", r"^custom section|subsection"),
    ("string and table data", r"^data segment|^data\["),
    ("pages and components: html! output", r"CompStateInner<COMP>.*::view|FunctionProvider>::run"),
    ("Yew per-component glue", r"CreateRunner<COMP>|PropsWrapper<COMP>|CompStateInner<COMP>|Scope<COMP>|AnyScope"),
    ("Yew hooks", r"^<?yew::functional"),
    ("Yew runtime (diff, DOM, scheduler)", r"^<?yew::"),
    ("app: domain (rules, ledger, import, export)", r"rectify::domain"),
    ("app: UI glue (session, web, components)", r"rectify::ui"),
    ("serde, serde_json", r"serde"),
    ("csv", r"csv"),
    ("sha2", r"sha2"),
    ("wasm-bindgen, js-sys, web-sys, gloo", r"wasm_bindgen|js_sys|web_sys|gloo"),
    ("formatting (core::fmt)", r"fmt"),
    ("sorting", r"sort"),
    ("hash maps", r"hashbrown|indexmap|hash"),
    ("allocator", r"dlmalloc|__rust_alloc|__rust_dealloc|__rust_realloc"),
    ("core, alloc, std: the rest", r"^<?(core|alloc|std|T |&|char|str|\[)"),
]


def main():
    bindgen = Path(sys.argv[1] if len(sys.argv) > 1 else "target/size/rectify_bg.wasm")
    wasm = bindgen.with_name("named.wasm")
    optimise(bindgen, wasm, keep_names=True)
    out = subprocess.run(
        ["twiggy", "top", "-n", "1000000", "--format", "csv", wasm],
        check=True, capture_output=True, text=True,
    ).stdout
    sizes = collections.Counter()
    biggest = collections.defaultdict(list)
    for row in csv.DictReader(io.StringIO(out)):
        name, size = row["Name"], int(row["ShallowSize"])
        group = next((g for g, p in GROUPS if re.search(p, name)), "other")
        sizes[group] += size
        biggest[group].append((size, re.sub(r"::h[0-9a-f]{16}$", "", name)))
    shipped = sum(v for g, v in sizes.items() if not g.startswith("custom"))
    print(f"{'group':46} {'bytes':>9} {'share':>6}   largest item")
    for group, size in sizes.most_common():
        if group.startswith("custom"):
            continue
        top = max(biggest[group])
        print(f"{group:46} {size:9d} {100 * size / shipped:5.1f}%   {top[1][:70]} ({top[0]})")
    print(f"{'shipped code and data':46} {shipped:9d}")


if __name__ == "__main__":
    main()
