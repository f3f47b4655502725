"""The README's "Real output" blocks, run again: check them, or rewrite them in place.

Every fenced block of README.md that starts with ``$ careergap`` is a transcript: each ``$``
line is a command and the lines under it what it printed (stdout and stderr, as a terminal
shows them). This script replays every transcript, in README order, in one fresh sandbox that
holds what the README's examples name: ``profiles/`` (the bundled examples), ``arjun.yaml``
(``tests/personas/design-verification.yaml``) and his saved ads as ``ads/formal`` and ``ads/dv``
(``tests/fixtures/dv-ads/``), with an empty home (written ``~`` in the transcripts, as a shell
user reads it), ``COLUMNS=100``, no colour and ``CAREERGAP_TODAY=2026-12-03``.

    python tests/tools/readme_examples.py            # exit 1 and a diff when a block is stale
    python tests/tools/readme_examples.py --update   # rewrite the stale blocks in README.md
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
TODAY = "2026-12-03"
COLUMNS = "100"
#: A transcript block: a fence, then ``$ careergap`` on its first line.
_BLOCK = re.compile(r"^```\n(\$ careergap[^\n]*\n.*?)^```\n", re.MULTILINE | re.DOTALL)


def _sandbox(root: Path) -> dict[str, str]:
    """The files the README's commands name, and the environment they run in."""
    shutil.copytree(REPO / "profiles", root / "profiles")
    shutil.copyfile(REPO / "tests" / "personas" / "design-verification.yaml", root / "arjun.yaml")
    ads = REPO / "tests" / "fixtures" / "dv-ads"
    shutil.copytree(ads / "formal-verification", root / "ads" / "formal")
    shutil.copytree(ads / "design-verification", root / "ads" / "dv")
    home = root / "home"
    home.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CAREERGAP_", "XDG_")) and k not in {"COLUMNS", "LINES", "FORCE_COLOR"}
    }
    env.update(
        HOME=str(home),
        COLUMNS=COLUMNS,
        NO_COLOR="1",
        TERM="dumb",
        CAREERGAP_TODAY=TODAY,
        PYTHONPATH=str(REPO),
    )
    return env


def _run(command: str, cwd: Path, env: dict[str, str]) -> str:
    argv = shlex.split(command)
    assert argv[0] == "careergap", command
    done = subprocess.run(
        [sys.executable, "-m", "careergap", *argv[1:]],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    return done.stdout.replace(env["HOME"], "~")


def replay(readme: str) -> list[tuple[str, str]]:
    """(block as written, block as careergap prints it now), for every transcript block."""
    pairs: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = _sandbox(root)
        for match in _BLOCK.finditer(readme):
            written = match.group(1)
            fresh = []
            for line in written.splitlines():
                if line.startswith("$ careergap"):
                    fresh.append(line)
                    fresh.append(_run(line[2:], root, env).rstrip("\n"))
            pairs.append((written, "\n".join(fresh) + "\n"))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite stale blocks in README.md")
    args = parser.parse_args(argv)
    readme = README.read_text(encoding="utf-8")
    stale = [(old, new) for old, new in replay(readme) if old != new]
    if not stale:
        print("README examples: every block is what careergap prints now")
        return 0
    if args.update:
        for old, new in stale:
            readme = readme.replace(old, new, 1)
        README.write_text(readme, encoding="utf-8")
        print(f"README examples: {len(stale)} block(s) rewritten")
        return 0
    for old, new in stale:
        sys.stdout.writelines(
            difflib.unified_diff(
                old.splitlines(True), new.splitlines(True), "README.md", "careergap now"
            )
        )
    print(f"README examples: {len(stale)} block(s) stale (rerun with --update)")
    return 1


if __name__ == "__main__":
    sys.exit(main())
