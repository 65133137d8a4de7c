"""Tests of the build's own tools (run by `./x test`): the bundle refuses a Trunk output it does not recognise and
a release without wasm-opt, and the stand-alone check finds what it must."""

import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle  # noqa: E402


class AsciiOnly(unittest.TestCase):
    """The outputs are ASCII so that Chromium reads them on its one-byte fast path; each escape must mean the same."""

    def test_a_js_string_keeps_its_value_even_above_the_basic_plane(self):
        import json
        text = '"汇总：第1版 😀"'
        escaped = bundle.ascii_js(text)
        self.assertTrue(escaped.isascii())
        # JSON's \\u escapes (pairs above U+FFFF) are JavaScript's.
        self.assertEqual(json.loads(escaped), json.loads(text))

    def test_css_and_html_escapes_need_no_separator(self):
        self.assertEqual(bundle.ascii_css('"微软雅黑"a'), '"\\005fae\\008f6f\\0096c5\\009ed1"a')
        self.assertEqual(bundle.ascii_html("<p>正在</p>"), "<p>&#x6b63;&#x5728;</p>")

    def test_a_stray_character_stops_the_build_naming_the_output(self):
        with self.assertRaises(SystemExit) as stop:
            bundle.ascii_only("<p>ok</p>正", "the page")
        self.assertIn("the page has a non-ASCII character at 9", str(stop.exception))


class ReplaceExactly(unittest.TestCase):
    def test_a_pattern_found_as_often_as_expected_is_replaced(self):
        self.assertEqual(bundle.replace_exactly("a<x>b<x>", "<x>", "-", "x", count=2), "a-b-")

    def test_a_pattern_found_too_rarely_or_too_often_stops_the_build(self):
        for text in ["nothing here", "<x><x>"]:
            with self.assertRaises(SystemExit) as stop:
                bundle.replace_exactly(text, "<x>", "-", "the x")
            self.assertIn("expected 1 × the x", str(stop.exception))

    def test_the_glue_of_this_wasm_bindgen_loses_its_fallback_url(self):
        glue = (
            "async function __wbg_init(module_or_path) {\n"
            "    if (module_or_path === undefined) {\n"
            "        module_or_path = new URL('rectify_bg.wasm', import.meta.url);\n"
            "    }\n"
            "    const imports = __wbg_get_imports();\n"
        )
        script = bundle.app_script(glue, b"\0asm")
        self.assertNotIn("new URL", script)
        self.assertIn("const imports", script)

    def test_the_single_file_reads_its_wasm_from_the_data_block(self):
        glue = "if (module_or_path === undefined) {\n    module_or_path = new URL('x_bg.wasm', import.meta.url);\n}\n"
        script = bundle.app_script("\n" + glue, b"\0asm" * 1000, data_block=True)
        self.assertIn('document.getElementById("wasm-data").content.textContent', script)
        self.assertNotIn(bundle.wasm_base64(b"\0asm" * 1000), script)

    def test_a_data_block_is_a_template(self):
        # A template's text is parsed in nodes of 64 KB; a script's into one node, copied whole at each chunk.
        block = bundle.base64_block("office-data", "AAEC+/8=")
        self.assertEqual(block, '<template id="office-data">AAEC+/8=</template>\n')

    def test_a_data_block_takes_only_base64(self):
        # In a template, `<` or `&` would be markup, not text.
        with self.assertRaises(SystemExit) as stop:
            bundle.base64_block("office-data", "AA<b>")
        self.assertIn("#office-data", str(stop.exception))


class WasmOpt(unittest.TestCase):
    def test_a_release_without_wasm_opt_stops_the_build(self):
        with tempfile.TemporaryDirectory() as d, mock.patch.dict(os.environ, {"TRUNK_PROFILE": "release"}), \
                mock.patch.object(bundle, "WASM_OPT", Path(d) / "missing-wasm-opt"):
            with self.assertRaises(SystemExit) as stop:
                bundle.wasm_opt(Path(d) / "app.wasm")
            self.assertIn("must be optimised", str(stop.exception))

    def test_a_debug_build_is_not_optimised(self):
        with mock.patch.dict(os.environ, {"TRUNK_PROFILE": "debug"}), \
                mock.patch.object(bundle, "WASM_OPT", Path("/nowhere/wasm-opt")):
            bundle.wasm_opt(Path("/nowhere/app.wasm"))


class Deflate(unittest.TestCase):
    """A release's wasm is deflated by Zopfli (tools/deflate); the browser inflates any zlib stream the same way."""

    def test_a_release_is_smaller_than_zlibs_best_and_inflates_to_the_same_bytes(self):
        data = b"".join(p.read_bytes() for p in sorted((bundle.ROOT / "src" / "domain").glob("*.rs")))
        bundle.deflated.cache_clear()
        with mock.patch.dict(os.environ, {"TRUNK_PROFILE": "release"}):
            packed = bundle.deflated(data)
        bundle.deflated.cache_clear()
        self.assertEqual(bundle.zlib.decompress(packed), data)
        self.assertLess(len(packed), len(bundle.zlib.compress(data, 9)))


class StandsAlone(unittest.TestCase):
    def test_the_check_finds_paths_outside_and_only_those(self):
        here = Path(__file__).resolve().parent
        subprocess.run([sys.executable, str(here / "stands_alone.py"), "--self-test"], check=True)


if __name__ == "__main__":
    unittest.main()
