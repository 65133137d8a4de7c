#!/usr/bin/env python3
"""Trunk post_build hook: turns Trunk's output into the two outputs the app ships.

- dist/index.html, to serve: one external module script (`app-<hash>.js`: the wasm-bindgen glue with the wasm
  inside as base64) and the stylesheets. The wasm travels inside a script because the Content-Security-Policy
  forbids every connection (`connect-src 'none'`), and fetching the .wasm would be one.
- dist/检视整改清单.html, one self-contained file for file:// (a USB stick): the same script and the stylesheets
  inlined, allowed by their hashes in the policy. Browsers refuse to fetch a .wasm or a module from file://.

A release build optimises the wasm with node_modules/.bin/wasm-opt (npm package `binaryen`) and fails without it
(an unoptimised release would ship a wasm a third larger, silently); Debian's wasm-opt is too old to read current
rustc output, so it is never used.

Every change to Trunk's output is made by `replace_exactly`, which fails the build unless its pattern matches as many
times as expected: a new Trunk or wasm-bindgen that writes something else stops the build instead of shipping a
page that quietly fetches, or loads nothing.
"""

import base64
import functools
import hashlib
import os
import re
import subprocess
import zlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SINGLE_FILE = "检视整改清单.html"

CSP = {
    "default-src": ["'none'"],
    "script-src": ["'wasm-unsafe-eval'"],
    "style-src": [],
    "img-src": ["data:"],
    "font-src": ["'none'"],
    "connect-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'none'"],
}


def policy(scripts, styles):
    parts = {k: list(v) for k, v in CSP.items()}
    parts["script-src"] = scripts + parts["script-src"]
    parts["style-src"] = styles
    # frame-ancestors is ignored in a <meta> policy; it is kept out to avoid a console warning.
    parts.pop("frame-ancestors")
    return "; ".join(f"{k} {' '.join(v)}" for k, v in parts.items())


def sha256(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


WASM_OPT = ROOT / "node_modules" / ".bin" / "wasm-opt"


def optimise(wasm: Path, out: Path, keep_names=False):
    """wasm-opt -Oz as the release ships it; with `keep_names` the function names stay (for `./x size`)."""
    names = ["-g"] if keep_names else ["--strip-debug", "--strip-producers", "--strip-target-features"]
    subprocess.run(
        [str(WASM_OPT), "-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
         "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types",
         "--enable-multivalue", *names, str(wasm), "-o", str(out)],
        check=True,
    )


def replace_exactly(text, pattern, replacement, what, count=1, flags=0):
    """`text` with `pattern` (a regular expression) replaced, when it matches exactly `count` times; else the build
    fails, saying what was looked for and how often it was found."""
    new, found = re.subn(pattern, replacement, text, flags=flags)
    if found != count:
        sys.exit(f"bundle: expected {count} × {what}, found {found}; Trunk's or wasm-bindgen's output changed")
    return new


def wasm_opt(wasm: Path):
    if os.environ.get("TRUNK_PROFILE") != "release":
        return
    if not WASM_OPT.exists():
        sys.exit(f"bundle: {WASM_OPT} is missing: a release must be optimised (run `npm ci`, as ./x does)")
    before = wasm.stat().st_size
    # RECTIFY_KEEP_NAMES=1: a build whose CPU profiles name Rust functions (for finding what a keystroke costs).
    optimise(wasm, wasm, keep_names=bool(os.environ.get("RECTIFY_KEEP_NAMES")))
    print(f"bundle: wasm-opt -Oz {before} -> {wasm.stat().st_size} bytes")


WASM_DATA_ID = "wasm-data"


# The single file's wasm, as base64, is kept in `<template>` blocks: never run, never hashed, and inert. Not in
# `<script type="application/octet-stream">` as it was: the parser appends a script's text to one text node chunk
# by chunk, copying all of it each time, so the 1.9 MB file's blocks (1.7 MB of base64) cost an old PC's start-up
# their square; a template's text is cut into nodes of 64 KB and costs its length. At 4x, the whole file is read
# (DOMContentLoaded, a figure of `./x bench`) in 0.57-0.84x the time, five runs (BENCHMARKS.md).
# Base64 has no `<`, `&` or NUL, so the block's text is exactly the data.
def base64_block(block_id: str, text: str) -> str:
    if re.search(r"[^A-Za-z0-9+/=]", text):
        sys.exit(f"bundle: the data block #{block_id} is not plain base64")
    return f'<template id="{block_id}">{text}</template>\n'


def data_text(block_id: str) -> str:
    """The JavaScript that reads a data block's base64: the template's content, all its text nodes together."""
    return f'document.getElementById("{block_id}").content.textContent'


# Every output is written in ASCII only, its Chinese as escapes. Chromium keeps a text that is all ASCII in one byte
# a character, and decodes, tokenizes and parses it on a fast path; a single Chinese character in a chunk of the
# 1.8 MB single file made the whole chunk two bytes a character: about a tenth of a second of an old PC's start-up
# (measured: 656 → 550 ms at 4×, BENCHMARKS.md). Each kind of text has its own escape that means the same.


def ascii_js(text):
    """JavaScript with every non-ASCII character as `\\uXXXX` (a pair of them above U+FFFF): the same value in a
    string, template or regular expression, the same name in an identifier, and only text in a comment."""
    def escape(m):
        units = m.group(0).encode("utf-16-be")
        return "".join("\\u%02x%02x" % (units[i], units[i + 1]) for i in range(0, len(units), 2))
    return re.sub(r"[^\x00-\x7f]", escape, text)


def ascii_css(text):
    """CSS with every non-ASCII character as a six-digit escape (`\\00XXXX`, which needs no space after it)."""
    return re.sub(r"[^\x00-\x7f]", lambda m: "\\%06x" % ord(m.group(0)), text)


def ascii_html(text):
    """HTML outside scripts and styles with every non-ASCII character as a character reference."""
    return re.sub(r"[^\x00-\x7f]", lambda m: "&#x%x;" % ord(m.group(0)), text)


def ascii_only(text, what):
    """`text` checked to be ASCII: the build fails, naming the output, rather than ship a slow start."""
    stray = re.search(r"[^\x00-\x7f]", text)
    if stray:
        sys.exit(f"bundle: {what} has a non-ASCII character at {stray.start()}: "
                 f"{text[max(0, stray.start() - 30):stray.end() + 10]!r}")
    return text



class Lazy:
    """A wasm module the app loads when it is first needed, never at start-up: Trunk builds it as a `worker` binary
    (a no-modules glue and its wasm). Served, it is a script of its own, imported on first use; in the single
    file, a data block after the app's script, compiled on first use. `rectify<Name>()` gives its exports."""

    def __init__(self, bin_name, global_name, what):
        self.bin = bin_name
        self.global_name = global_name
        self.data_id = f"{bin_name}-data"
        self.what = what


LAZY = [
    Lazy("writers", "rectifyWriters", "The writers of Excel and Word files: compiled on the first export"),
    Lazy("office", "rectifyOffice", "The office's pages (汇总, 调度): compiled when first entered"),
    Lazy("ledger", "rectifyLedger", "整改台账 and 打印: compiled when a branch first opens either"),
]


DEFLATE_TOOL = ROOT / "tools" / "deflate"


@functools.lru_cache(maxsize=None)
def deflated(wasm: bytes) -> bytes:
    """`wasm` as a zlib stream: in a release, Zopfli's (tools/deflate, about 4% smaller than zlib's level 9: 12 KB of
    the start-up's 300, measured), built and run with the build's own cargo; otherwise zlib's, in no time. Each wasm
    goes into both outputs, so it is compressed once."""
    if os.environ.get("TRUNK_PROFILE") != "release":
        return zlib.compress(wasm, 9)
    manifest = ["--manifest-path", str(DEFLATE_TOOL / "Cargo.toml"), "--target-dir", str(ROOT / "target" / "tools")]
    subprocess.run(["cargo", "build", "--quiet", "--locked", "--release", *manifest], check=True)
    done = subprocess.run([str(ROOT / "target" / "tools" / "release" / "deflate")], input=wasm,
                          capture_output=True, check=True)
    if zlib.decompress(done.stdout) != wasm:
        sys.exit("bundle: tools/deflate wrote a stream that does not inflate to the wasm")
    print(f"bundle: deflated {len(wasm)} -> {len(done.stdout)} bytes (zlib -9: {len(zlib.compress(wasm, 9))})")
    return done.stdout


def wasm_base64(wasm: bytes) -> str:
    """The wasm deflated, as base64. Compressed first: base64 of the raw wasm would defeat the server's gzip, base64
    of deflated bytes does not grow the transfer. DecompressionStream is in every browser that knows
    'wasm-unsafe-eval' (Chromium 97+)."""
    return base64.b64encode(deflated(wasm)).decode("ascii")


def without_fallback_url(glue: str, what: str) -> str:
    """The glue without its fallback that fetches the `.wasm` beside it: never reached, since the bytes are passed
    in, and removed so that no URL of a fetch is left in the app at all. Written `typeof module_or_path ===
    'undefined'` by older wasm-bindgen, `module_or_path === undefined` now; the writers' (no-modules) glue also asks
    for `script_src`."""
    return replace_exactly(
        glue,
        r"\n\s*if \((?:typeof module_or_path === 'undefined'|module_or_path === undefined)"
        r"(?: && script_src !== undefined)?\) \{\n"
        r"\s*module_or_path = (?:new URL\([^)]*\)|script_src\.replace\([^;]*\));\n\s*\}\n",
        "\n", f"{what}'s fallback URL of the .wasm")


# Turns deflated base64 into what wasm-bindgen's init takes: a response it compiles as it is inflated (streaming)
# rather than after, which on an old PC is a good part of the start-up.
# `Uint8Array.fromBase64` (Chromium 140+) decodes natively: at start-up on an old PC the loop over atob's 400 KB
# string was 30-50 ms of the main thread (CPU profile at 4x); older kernels (86, 109) still take the loop.
UNPACK = """function unpack(deflated) {
  let packed;
  if (Uint8Array.fromBase64) {
    packed = Uint8Array.fromBase64(deflated);
  } else {
    const raw = atob(deflated);
    packed = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) packed[i] = raw.charCodeAt(i);
  }
  const inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Response(inflated, { headers: { 'Content-Type': 'application/wasm' } });
}
"""


def lazy_glue_script(lazy: Lazy, glue: str) -> str:
    """The single file's script of a lazy module: its glue inside a function that compiles it, kept in a block
    that is not run (`{bin}-glue`) and run only when the module is first asked for — so that the start-up does not
    parse it. Its hash is in the policy; a classic script, so that it runs as soon as it is inserted."""
    source = data_text(lazy.data_id)
    return (
        f"globalThis.__{lazy.bin}Compile = async (unpack) => {{\n"
        + glue
        + f"\n  await wasm_bindgen({{ module_or_path: unpack({source}) }});\n"
        "  return wasm_bindgen;\n"
        "};\n"
    )


def lazy_loader(lazy: Lazy) -> str:
    """`rectify<Name>()` of the single file: runs the module's glue script (its block `{bin}-glue`) and compiles
    the module, on the first call only (the start-up never pays for it), then keeps it."""
    variable = f"{lazy.bin}Loading"
    return (
        f"\n// {lazy.what}, not at start-up.\n"
        f"let {variable};\n"
        f"globalThis.{lazy.global_name} = () => {variable} ??= (async () => {{\n"
        # The app starts before the parser reaches the file's tail, where the module's blocks are: opened
        # straight at 汇总 (a bookmark, a reload) on a slow PC, the blocks may not be there yet.
        "  if (document.readyState === 'loading') {\n"
        "    await new Promise((parsed) => document.addEventListener('DOMContentLoaded', parsed, { once: true }));\n"
        "  }\n"
        f"  if (!globalThis.__{lazy.bin}Compile) {{\n"
        "    const script = document.createElement('script');\n"
        f"    script.textContent = document.getElementById('{lazy.bin}-glue').textContent;\n"
        "    document.head.appendChild(script);\n"
        "  }\n"
        f"  return globalThis.__{lazy.bin}Compile(unpack);\n"
        f"}})().catch((e) => {{ {variable} = undefined; throw e; }});\n"
    )


def served_lazy_loader(lazy: Lazy, name: str) -> str:
    """`rectify<Name>()` of the served app: the module's own script, imported on the first call."""
    variable = f"{lazy.bin}Loading"
    return (
        f"\n// {lazy.what}: its own script, not at start-up.\n"
        f"let {variable};\n"
        f"globalThis.{lazy.global_name} = () => {variable} ??= import('./{name}').then((m) => m.load(unpack))\n"
        f"  .catch((e) => {{ {variable} = undefined; throw e; }});\n"
    )


def lazy_script(glue: str, wasm: bytes) -> str:
    """The served app's script of a lazy module: its glue, its wasm, and `load(unpack)`."""
    return (
        glue
        + f'\nconst DEFLATED = "{wasm_base64(wasm)}";\n'
        + "export async function load(unpack) {\n"
        + "  await wasm_bindgen({ module_or_path: unpack(DEFLATED) });\n"
        + "  return wasm_bindgen;\n"
        + "}\n"
    )


def app_script(glue: str, wasm: bytes, data_block: bool = False, loaders: str = "") -> str:
    """The glue with the wasm inside; starting it needs nothing from the network or the file system. With
    `data_block` the wasm is not in the script but in the page's data block `#wasm-data` (the single file): a
    script is parsed as JavaScript and hashed for the policy before it runs, a data block is neither, which on an
    old PC is a tenth of a second of the start-up."""
    glue = without_fallback_url(glue, "the glue")
    source = (data_text(WASM_DATA_ID) if data_block
              else f'"{wasm_base64(wasm)}"')
    return (
        glue
        + "\n// The wasm, deflated, as base64: the Content-Security-Policy allows no fetch, and file:// allows none.\n"
        + f"const WASM_DEFLATED = {source};\n"
        # The block's 430 KB of text are not needed in the page any more.
        + (f'document.getElementById("{WASM_DATA_ID}").remove();\n' if data_block else "")
        + UNPACK
        + loaders
        + BOOT
    )


# Starting the app. No top-level await: a browser too old for it (Chromium < 89) would refuse the whole script and
# leave a blank page. Any failure (no DecompressionStream, the wasm refused or not understood) is said in Chinese
# in the start-up notice of index.html, with the browser's own words below it.
BOOT = """(async () => {
  try {
    await __wbg_init({ module_or_path: unpack(WASM_DEFLATED) });
  } catch (e) {
    const boot = document.getElementById('boot');
    if (!boot) throw e;
    boot.classList.add('boot-failed');
    boot.setAttribute('role', 'alert');
    boot.firstElementChild.textContent = '这个浏览器运行不了检视整改清单。';
    const late = boot.querySelector('.boot-late');
    if (late) late.textContent = late.textContent.replace('如果一直停在这里，', '');
    const reason = document.createElement('p');
    reason.className = 'boot-reason';
    reason.textContent = '浏览器给出的原因：' + (e && e.message ? e.message : String(e));
    boot.appendChild(reason);
  }
})();
"""


def main():
    staging = Path(os.environ.get("TRUNK_STAGING_DIR", ROOT / "dist"))
    index_path = staging / "index.html"
    html = index_path.read_text(encoding="utf-8")

    glue_path = next(p for p in staging.glob("rectify*.js"))
    wasm_path = next(p for p in staging.glob("rectify*_bg.wasm"))
    wasm_opt(wasm_path)
    glue = glue_path.read_text(encoding="utf-8")
    wasm = wasm_path.read_bytes()
    # The lazy modules (Trunk builds each as a worker binary: a no-modules glue and its wasm), optimised the same way.
    lazies = []
    for lazy in LAZY:
        lazy_glue_path = staging / f"{lazy.bin}.js"
        lazy_wasm_path = staging / f"{lazy.bin}_bg.wasm"
        if not lazy_glue_path.exists() or not lazy_wasm_path.exists():
            sys.exit(f"bundle: Trunk wrote no {lazy.bin}.js / {lazy.bin}_bg.wasm (the {lazy.bin} binary of index.html)")
        wasm_opt(lazy_wasm_path)
        lazy_glue = without_fallback_url(lazy_glue_path.read_text(encoding="utf-8"), f"the {lazy.bin} glue")
        lazy_wasm = lazy_wasm_path.read_bytes()
        module = ascii_js(lazy_script(lazy_glue, lazy_wasm))
        name = f"{lazy.bin}-{hashlib.sha256(module.encode()).hexdigest()[:16]}.js"
        (staging / name).write_text(module, encoding="utf-8")
        lazies.append((lazy, lazy_glue, lazy_wasm, name))
        lazy_glue_path.unlink()
        lazy_wasm_path.unlink()
    script = ascii_js(app_script(glue, wasm,
                                 loaders="".join(served_lazy_loader(lz, name) for lz, _, _, name in lazies)))
    digest = hashlib.sha256(script.encode()).hexdigest()[:16]
    app_name = f"app-{digest}.js"
    (staging / app_name).write_text(script, encoding="utf-8")
    for done in [glue_path, wasm_path]:
        done.unlink()

    # Trunk's own loader (an inline module script and preload links of the glue and the wasm) is replaced by ours.
    html = replace_exactly(html, r"<script type=\"module\"[^>]*>.*?</script>\s*", "", "Trunk's loader script",
                           flags=re.S)
    html = replace_exactly(html, r"<link rel=\"(modulepreload|preload)\"[^>]*>\s*", "",
                           "Trunk's preload links (glue and wasm)", count=2)
    css_links = re.findall(r"<link rel=\"stylesheet\" href=\"([^\"]+)\"[^>]*>", html)
    if len(css_links) != 2:
        sys.exit(f"bundle: expected the 2 stylesheets of index.html (app.css, print.css), found {len(css_links)}")
    # The page's own text (title, start-up notice, comments) as character references; it has no inline script or
    # style left (Trunk's loader is gone, the stylesheets are links).
    html = ascii_html(html)
    csp = r"<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*\">"

    def with_policy(page, value):
        return replace_exactly(page, csp, lambda _: f'<meta http-equiv="Content-Security-Policy" content="{value}">',
                               "Content-Security-Policy meta")

    def before_head_end(page, inserted, what):
        return replace_exactly(page, r"</head>", lambda _: inserted + "</head>", f"</head> (for {what})")

    served = with_policy(html, policy(["'self'"], ["'self'"]))
    served = before_head_end(served, f'  <script type="module" src="./{app_name}"></script>\n', "the app script")
    index_path.write_text(ascii_only(served, "index.html"), encoding="utf-8")

    # The single file: every stylesheet and the script inline, each allowed by its hash; the wasm in a data block,
    # which is not a script and so neither runs nor needs allowing.
    script = ascii_js(app_script(glue, wasm, data_block=True,
                                 loaders="".join(lazy_loader(lz) for lz, _, _, _ in lazies)))
    glue_scripts = [(lz, ascii_js(lazy_glue_script(lz, lazy_glue))) for lz, lazy_glue, _, _ in lazies]
    for lz, text in glue_scripts:
        if "</script" in text:
            sys.exit(f"bundle: the {lz.bin} glue contains </script>; cannot keep it in a block")
    styles = []
    for href in css_links:
        css_path = staging / href.split("/")[-1]
        styles.append(ascii_css(css_path.read_text(encoding="utf-8")))
    single = replace_exactly(html, r"<link rel=\"stylesheet\"[^>]*>\s*", "", "stylesheet links", count=2)
    style_tags = "".join(f"<style>{css}</style>\n" for css in styles)
    # A module script that contains `</script>` would end early; the glue and base64 never do, but check.
    if "</script" in script:
        sys.exit("bundle: the app script contains </script>; cannot inline it")
    single = before_head_end(single, style_tags, "the inlined styles")
    single = with_policy(single, policy([sha256(script)] + [sha256(text) for _, text in glue_scripts],
                                        [sha256(c) for c in styles]))
    # At the end of the body: the app's wasm, then the script, `async` so that it starts as soon as it is parsed
    # instead of after the whole page, then the lazy modules' wasm, which the start-up so never waits for (parsing
    # the writers' 400 KB was 45 ms of an old PC's start-up). The app is mounted on #app, so those blocks stay.
    data = (base64_block(WASM_DATA_ID, wasm_base64(wasm))
            + f'<script type="module" async>{script}</script>\n'
            + "".join(base64_block(lz.data_id, wasm_base64(w)) for lz, _, w, _ in lazies)
            + "".join(f'<script type="text/plain" id="{lz.bin}-glue">{text}</script>\n' for lz, text in glue_scripts))
    single = replace_exactly(single, r"</body>", lambda _: data + "</body>",
                             "</body> (for the wasm's data blocks and the script)")
    (staging / SINGLE_FILE).write_text(ascii_only(single, SINGLE_FILE), encoding="utf-8")
    print(f"bundle: wrote {app_name} and {SINGLE_FILE} ({len(single.encode()) // 1024} KB)")


if __name__ == "__main__":
    main()
