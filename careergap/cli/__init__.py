"""The typer layer: parse arguments, call the core, render, map errors to exit codes.

Each ``*_cmds`` module registers its commands on ``app``; heavy modules are imported inside
the command bodies so ``careergap --help`` stays fast.
"""

from __future__ import annotations

import os
import sys

from careergap.cli._common import app

# Registration happens at import time of each command module; `--help` lists the commands in
# this order: scoring first, then the profile, the data, and the profile's history.
from careergap.cli import score_cmds  # noqa: E402,F401  isort: skip
from careergap.cli import profile_cmds  # noqa: E402,F401  isort: skip
from careergap.cli import resource_cmds  # noqa: E402,F401  isort: skip
from careergap.cli import taxonomy_cmds  # noqa: E402,F401  isort: skip
from careergap.cli import corpus_cmds  # noqa: E402,F401  isort: skip
from careergap.cli import life_cmds  # noqa: E402,F401  isort: skip
from careergap.cli import ads_cmds  # noqa: E402,F401  isort: skip

__all__ = ["app", "run"]


def run() -> None:
    """Run the typer app (called by ``careergap.__main__.main``, which owns Ctrl-C and closed
    pipes). A closed stdout or stderr (``>&-``) is written to as os.devnull, the way ``print``
    treats it, instead of failing on the first write."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
        else:
            _tolerate_narrow_encoding(getattr(sys, name))
    app(prog_name="careergap")


def _tolerate_narrow_encoding(stream: object) -> None:
    """On a stream that cannot encode careergap's bars and arrows (``PYTHONIOENCODING=ascii``,
    a C locale), print '?' for them instead of failing with an internal error. JSON stays exact:
    ``emit_json`` then writes non-ASCII as \\u escapes."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    import codecs

    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        if codecs.lookup(encoding).name.startswith("utf"):
            return
        reconfigure = stream.reconfigure  # type: ignore[attr-defined]
    except (LookupError, AttributeError):
        return
    reconfigure(errors="replace")
