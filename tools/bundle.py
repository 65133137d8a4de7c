#!/usr/bin/env python3
"""Trunk post_build hook: turns Trunk's output into the two outputs the app ships.

- dist/index.html, to serve: one external module script (`app-<hash>.js`: the wasm-bindgen glue with the wasm
  inside as base64) and the stylesheets. The wasm travels inside a script because the Content-Security-Policy
  forbids every connection (`connect-src 'none'`), and fetching the .wasm would be one.
- dist/检视整改清单.html, one self-contained file for file:// (a USB stick): the same script and the stylesheets
  inlined, allowed by their hashes in the policy. Browsers refuse to fetch a .wasm or a module from file://.

When node_modules/.bin/wasm-opt (npm package `binaryen`) is present, the wasm is optimised with it first; Debian's
wasm-opt is too old to read current rustc output, so it is never used.
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


def wasm_opt(wasm: Path):
    if os.environ.get("TRUNK_PROFILE") != "release" or not WASM_OPT.exists():
        return
    before = wasm.stat().st_size
    optimise(wasm, wasm)
    print(f"bundle: wasm-opt -Oz {before} -> {wasm.stat().st_size} bytes")


def app_script(glue: str, wasm: bytes) -> str:
    """The glue with the wasm inside; starting it needs nothing from the network or the file system."""
    # The glue's own fallback fetches `new URL('x_bg.wasm', import.meta.url)`; it is never reached because the
    # bytes are passed in, and it is removed so that no URL of a fetch is left in the app at all.
    glue = re.sub(r"\n\s*if \(typeof module_or_path === 'undefined'\) \{\n[^}]*\}\n", "\n", glue)
    # Compressed first: base64 of the raw wasm would defeat the server's gzip, base64 of deflated bytes does not
    # grow the transfer. DecompressionStream is in every browser that knows 'wasm-unsafe-eval' (Chromium 97+).
    b64 = base64.b64encode(zlib.compress(wasm, 9)).decode("ascii")
    return (
        glue
        + "\n// The wasm, deflated, as base64: the Content-Security-Policy allows no fetch, and file:// allows none.\n"
        + f'const WASM_DEFLATED = "{b64}";\n'
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
    await __wbg_init({ module_or_path: await new Response(inflated).arrayBuffer() });
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


def lambda_free(style_tags, script):
    return style_tags + '<script type="module">' + script + "</script>\n</head>"


def main():
    staging = Path(os.environ.get("TRUNK_STAGING_DIR", ROOT / "dist"))
    index_path = staging / "index.html"
    html = index_path.read_text(encoding="utf-8")

    glue_path = next(p for p in staging.glob("rectify*.js"))
    wasm_path = next(p for p in staging.glob("rectify*_bg.wasm"))
    wasm_opt(wasm_path)
    script = app_script(glue_path.read_text(encoding="utf-8"), wasm_path.read_bytes())
    digest = hashlib.sha256(script.encode()).hexdigest()[:16]
    app_name = f"app-{digest}.js"
    (staging / app_name).write_text(script, encoding="utf-8")
    glue_path.unlink()
    wasm_path.unlink()

    # Trunk's own loader (an inline module script and preload links) is replaced by ours.
    html = re.sub(r"<script type=\"module\"[^>]*>.*?</script>\s*", "", html, flags=re.S)
    html = re.sub(r"<link rel=\"(modulepreload|preload)\"[^>]*>\s*", "", html)
    css_links = re.findall(r"<link rel=\"stylesheet\" href=\"([^\"]+)\"[^>]*>", html)
    csp_re = re.compile(r"<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*\">")
    if not csp_re.search(html):
        sys.exit("bundle: index.html has no Content-Security-Policy meta to fill in")

    served_policy = policy(["'self'"], ["'self'"])
    served = csp_re.sub(f'<meta http-equiv="Content-Security-Policy" content="{served_policy}">', html)
    served = served.replace("</head>", f'  <script type="module" src="./{app_name}"></script>\n</head>')
    index_path.write_text(served, encoding="utf-8")

    # The single file: every stylesheet and the script inline, each allowed by its hash.
    styles = []
    for href in css_links:
        css_path = staging / href.split("/")[-1]
        styles.append(css_path.read_text(encoding="utf-8"))
    single = html
    single = re.sub(r"<link rel=\"stylesheet\"[^>]*>\s*", "", single)
    style_tags = "".join(f"<style>{css}</style>\n" for css in styles)
    # A module script that contains `</script>` would end early; the glue and base64 never do, but check.
    if "</script" in script:
        sys.exit("bundle: the app script contains </script>; cannot inline it")
    single = single.replace("</head>", lambda_free(style_tags, script))
    single_policy = policy([sha256(script)], [sha256(c) for c in styles])
    single = csp_re.sub(lambda _: f'<meta http-equiv="Content-Security-Policy" content="{single_policy}">', single)
    (staging / SINGLE_FILE).write_text(single, encoding="utf-8")
    print(f"bundle: wrote {app_name} and {SINGLE_FILE} ({len(single.encode()) // 1024} KB)")


if __name__ == "__main__":
    main()
