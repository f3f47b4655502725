"""The typer layer: parse arguments, call the core, render, map errors to exit codes.

Each ``*_cmds`` module registers its commands on ``app``; heavy modules are imported inside
the command bodies so ``careergap --help`` stays fast.
"""

from __future__ import annotations

from careergap.cli._common import app

# Registration happens at import time of each command module.


__all__ = ["app"]
