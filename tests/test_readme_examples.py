"""The README's "Real output" blocks are what careergap prints today.

The README shows transcripts of `match`, `gaps`, `plan` and the worked example of a person's own
ads. `tests/tools/readme_examples.py` replays them in a fresh sandbox; a change that alters what
careergap prints must also refresh the README (`python tests/tools/readme_examples.py --update`),
so the README never shows output careergap no longer gives.
"""

from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path

TOOL = Path(__file__).resolve().parent / "tools" / "readme_examples.py"


def _tool():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("readme_examples", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_readme_transcript_is_what_careergap_prints_now() -> None:
    tool = _tool()
    pairs = tool.replay(tool.README.read_text(encoding="utf-8"))
    assert len(pairs) >= 5, "the README's transcripts were not found"
    stale = [
        "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True), "README", "now"))
        for old, new in pairs
        if old != new
    ]
    assert not stale, (
        "README output is stale; run `python tests/tools/readme_examples.py --update` and read "
        "the diff:\n" + "\n".join(stale)
    )
