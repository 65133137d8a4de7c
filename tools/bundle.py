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
    optimise(wasm, wasm)
    print(f"bundle: wasm-opt -Oz {before} -> {wasm.stat().st_size} bytes")


WASM_DATA_ID = "wasm-data"


def wasm_base64(wasm: bytes) -> str:
    """The wasm deflated, as base64. Compressed first: base64 of the raw wasm would defeat the server's gzip, base64
    of deflated bytes does not grow the transfer. DecompressionStream is in every browser that knows
    'wasm-unsafe-eval' (Chromium 97+)."""
    return base64.b64encode(zlib.compress(wasm, 9)).decode("ascii")


def app_script(glue: str, wasm: bytes, data_block: bool = False) -> str:
    """The glue with the wasm inside; starting it needs nothing from the network or the file system. With
    `data_block` the wasm is not in the script but in the page's data block `#wasm-data` (the single file): a
    script is parsed as JavaScript and hashed for the policy before it runs, a data block is neither, which on an
    old PC is a tenth of a second of the start-up."""
    # The glue's own fallback fetches `new URL('x_bg.wasm', import.meta.url)`; it is never reached because the
    # bytes are passed in, and it is removed so that no URL of a fetch is left in the app at all.
    # (Written `typeof module_or_path === 'undefined'` by older wasm-bindgen, `module_or_path === undefined` now.)
    glue = replace_exactly(
        glue,
        r"\n\s*if \((?:typeof module_or_path === 'undefined'|module_or_path === undefined)\) \{\n"
        r"\s*module_or_path = new URL\([^)]*\);\n\s*\}\n",
        "\n", "the glue's fallback URL of the .wasm")
    source = (f'document.getElementById("{WASM_DATA_ID}").textContent' if data_block
              else f'"{wasm_base64(wasm)}"')
    return (
        glue
        + "\n// The wasm, deflated, as base64: the Content-Security-Policy allows no fetch, and file:// allows none.\n"
        + f"const WASM_DEFLATED = {source};\n"
        + "const raw = atob(WASM_DEFLATED);\n"
        + "const packed = new Uint8Array(raw.length);\n"
        + "for (let i = 0; i < raw.length; i++) packed[i] = raw.charCodeAt(i);\n"
        + BOOT
    )


# Starting the app. No top-level await: a browser too old for it (Chromium < 89) would refuse the whole script and
# leave a blank page. Any failure (no DecompressionStream, the wasm refused or not understood) is said in Chinese
# in the start-up notice of index.html, with the browser's own words below it.
BOOT = """(async () => {
  try {
    const inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream('deflate'));
    // Compiled as it is inflated (streaming), not after: on an old PC that is a good part of the start-up.
    await __wbg_init({ module_or_path: new Response(inflated, { headers: { 'Content-Type': 'application/wasm' } }) });
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
    script = app_script(glue, wasm)
    digest = hashlib.sha256(script.encode()).hexdigest()[:16]
    app_name = f"app-{digest}.js"
    (staging / app_name).write_text(script, encoding="utf-8")
    glue_path.unlink()
    wasm_path.unlink()

    # Trunk's own loader (an inline module script and preload links of the glue and the wasm) is replaced by ours.
    html = replace_exactly(html, r"<script type=\"module\"[^>]*>.*?</script>\s*", "", "Trunk's loader script",
                           flags=re.S)
    html = replace_exactly(html, r"<link rel=\"(modulepreload|preload)\"[^>]*>\s*", "",
                           "Trunk's preload links (glue and wasm)", count=2)
    css_links = re.findall(r"<link rel=\"stylesheet\" href=\"([^\"]+)\"[^>]*>", html)
    if len(css_links) != 2:
        sys.exit(f"bundle: expected the 2 stylesheets of index.html (app.css, print.css), found {len(css_links)}")
    csp = r"<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*\">"

    def with_policy(page, value):
        return replace_exactly(page, csp, lambda _: f'<meta http-equiv="Content-Security-Policy" content="{value}">',
                               "Content-Security-Policy meta")

    def before_head_end(page, inserted, what):
        return replace_exactly(page, r"</head>", lambda _: inserted + "</head>", f"</head> (for {what})")

    served = with_policy(html, policy(["'self'"], ["'self'"]))
    served = before_head_end(served, f'  <script type="module" src="./{app_name}"></script>\n', "the app script")
    index_path.write_text(served, encoding="utf-8")

    # The single file: every stylesheet and the script inline, each allowed by its hash; the wasm in a data block,
    # which is not a script and so neither runs nor needs allowing.
    script = app_script(glue, wasm, data_block=True)
    styles = []
    for href in css_links:
        css_path = staging / href.split("/")[-1]
        styles.append(css_path.read_text(encoding="utf-8"))
    single = replace_exactly(html, r"<link rel=\"stylesheet\"[^>]*>\s*", "", "stylesheet links", count=2)
    style_tags = "".join(f"<style>{css}</style>\n" for css in styles)
    # A module script that contains `</script>` would end early; the glue and base64 never do, but check.
    if "</script" in script:
        sys.exit("bundle: the app script contains </script>; cannot inline it")
    single = before_head_end(single, style_tags + '<script type="module">' + script + "</script>\n",
                             "the inlined styles and script")
    single = with_policy(single, policy([sha256(script)], [sha256(c) for c in styles]))
    data = f'<script type="application/octet-stream" id="{WASM_DATA_ID}">{wasm_base64(wasm)}</script>\n'
    single = replace_exactly(single, r"</body>", lambda _: data + "</body>", "</body> (for the wasm's data block)")
    (staging / SINGLE_FILE).write_text(single, encoding="utf-8")
    print(f"bundle: wrote {app_name} and {SINGLE_FILE} ({len(single.encode()) // 1024} KB)")


if __name__ == "__main__":
    main()
