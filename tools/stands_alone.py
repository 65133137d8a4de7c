#!/usr/bin/env python3
"""The repository must stand alone: no tracked file may refer to a path outside it.

A clone with nothing beside it must build, run and test. This finds, in every tracked text file:

- relative paths that climb out of the repository: `..`-paths resolved from the file's own folder (how scripts
  and imports resolve them) and from the repository root (how commands and docs run), which leave it or name a
  folder the repository does not have;
- path joins that climb a level and name something the repository does not have (`'..', 'name'` in a join);
- absolute home paths (under /home, /root, /Users, or a Windows user folder).

It prints each as `file:line: what` and exits 1 when there is any. `python3 tools/stands_alone.py --self-test`
checks the checker on files it makes.
"""

import os
import re
import subprocess
import sys
import tempfile

SELF = "tools/stands_alone.py"
# Folders that builds and installs make inside the repository: a reference to them is inside.
GENERATED = {"target", "dist", "node_modules"}

DOTTED = re.compile(r"(?<![\w.])((?:\.\./)+)([A-Za-z0-9_][\w.\-]*(?:/[\w.\-]+)*)")
JOINED = re.compile(r"""['"]\.\.['"]\s*,\s*['"]([\w.\-]+)['"]""")
HOME = re.compile(r"""(?<![\w.])(/home/[\w.\-]+|/root|/Users/[\w.\-]+|[A-Za-z]:\\\\?Users)(?=[/\\'"`\s]|$)""")


def tracked(root):
    out = subprocess.run(["git", "ls-files", "-z"], cwd=root, check=True, capture_output=True).stdout
    return [p for p in out.decode("utf-8").split("\0") if p]


def inside(root, path):
    real = os.path.normpath(path)
    return real == root or real.startswith(root + os.sep)


def exists_in_repo(root, path):
    """True when `path` (inside the repository) exists, or its first folder below the root is a generated one."""
    rel = os.path.relpath(os.path.normpath(path), root)
    first = rel.split(os.sep)[0]
    return first in GENERATED or os.path.exists(path)


def findings(root, name, text):
    root = os.path.normpath(root)
    here = os.path.dirname(os.path.join(root, name))
    for number, line in enumerate(text.splitlines(), 1):
        for m in DOTTED.finditer(line):
            ups, rest = m.group(1), m.group(2)
            ref = ups + rest
            from_file = os.path.join(here, ref)
            from_root = os.path.join(root, ref)
            ok_from_file = inside(root, from_file) and exists_in_repo(root, from_file)
            ok_from_root = inside(root, from_root) and exists_in_repo(root, from_root)
            if not (ok_from_file or ok_from_root):
                yield number, f"`{ref}` points outside the repository"
        for m in JOINED.finditer(line):
            # The folder it climbs from is not known here: a name the repository has at its top is taken as inside.
            name = m.group(1)
            if name not in GENERATED and not os.path.exists(os.path.join(root, name)):
                yield number, f"a path join climbs out of its folder to `{name}`, which the repository does not have"
        for m in HOME.finditer(line):
            yield number, f"`{m.group(1)}` is an absolute home path"


def check(root):
    problems = []
    for name in tracked(root):
        path = os.path.join(root, name)
        # Lock files name registries, not paths; this checker's own examples are what it looks for.
        if name.endswith(".lock") or name == SELF or not os.path.isfile(path):
            continue
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (UnicodeDecodeError, OSError):
            continue  # not a text file
        for number, what in findings(root, name, text):
            problems.append(f"{name}:{number}: {what}")
    return problems


def self_test():
    with tempfile.TemporaryDirectory() as parent:
        root = os.path.join(parent, "repo")
        os.makedirs(os.path.join(root, "tests", "e2e"))
        os.makedirs(os.path.join(root, "tools"))
        files = {
            "tests/e2e/ok.js": "import x from '../../tools/a.py';\nconst r = path.resolve(here, '../..');\n",
            "tools/a.py": "open('../target/x')\nsee ../tests/e2e/ok.js\n",
            "README.md": "run `tools/a.py`; outputs in dist/ are ignored, see tests/e2e/ok.js\n",
            "tests/bad.rs": 'fn f() { p.join("../sibling/fixtures"); }\n',
            "tests/e2e/bad.js": "path.join(root, '..', 'sibling', 'x')\n",
            "docs/bad.md": "See ../sibling/spec/format.md and /home/alice/notes.txt\n",
            "tools/bad.sh": "cat /root/.cargo/env\n",
        }
        for name, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(root, name)), exist_ok=True)
            with open(os.path.join(root, name), "w", encoding="utf-8") as f:
                f.write(text)
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        subprocess.run(["git", "add", "-A"], cwd=root, check=True)
        found = check(root)
        flagged = {p.split(":")[0] for p in found}
        expected = {"tests/bad.rs", "tests/e2e/bad.js", "docs/bad.md", "tools/bad.sh"}
        assert flagged == expected, f"flagged {sorted(flagged)}, expected {sorted(expected)}:\n" + "\n".join(found)
        assert sum(p.startswith("docs/bad.md") for p in found) == 2, found
    print("stands_alone self-test: ok")


def main():
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        return 0
    root = subprocess.run(["git", "rev-parse", "--show-toplevel"], check=True, capture_output=True,
                          text=True).stdout.strip()
    problems = check(root)
    if problems:
        print("These tracked files refer to paths outside the repository; a clone with nothing beside it would",
              "miss them. Keep what they need inside the repository (tests/fixtures/, docs/):", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        return 1
    print("every tracked file stays inside the repository")
    return 0


if __name__ == "__main__":
    sys.exit(main())
