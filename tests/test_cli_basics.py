from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from careergap import __version__
from careergap.cli import app

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"careergap {__version__}\n"


def test_python_dash_m_runs() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "careergap", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"careergap {__version__}"


def test_unknown_command_is_usage_error() -> None:
    result = runner.invoke(app, ["no-such-command"])
    assert result.exit_code == 2


def test_closed_stdout_or_stderr_is_not_a_crash(tmp_path: Path) -> None:
    """`careergap ... >&-` (or `2>&-`) behaves like print() with a closed stream: no output."""
    profile = tmp_path / "me.yaml"
    profile.write_text("name: Ada\nskills:\n  Python: 3\n", encoding="utf-8")
    env = {**os.environ, "CAREERGAP_HOME": str(tmp_path / "home")}
    for redirect in (">&-", "2>&-"):
        proc = subprocess.run(
            f'"{sys.executable}" -m careergap validate "{profile}" --json {redirect}',
            shell=True,
            capture_output=redirect == "2>&-",
            env=env,
            check=False,
        )
        assert proc.returncode == 0, redirect
    assert b'"valid": true' in proc.stdout


def test_dash_h_is_help_everywhere() -> None:
    """`-h` works like `--help` on the app, on every command and on every sub-command."""
    for args in ([], ["match"], ["postings"], ["postings", "list"], ["corpus", "build"]):
        short, long = runner.invoke(app, [*args, "-h"]), runner.invoke(app, [*args, "--help"])
        assert (short.exit_code, short.stdout) == (0, long.stdout), args
        assert "-h, --help" in short.stdout, args


def test_shell_completion_is_offered_and_works(tmp_path: Path) -> None:
    """--show-completion prints a script for the shell; the script's completions list commands."""
    help_text = runner.invoke(app, ["--help"]).stdout
    assert "--install-completion" in help_text and "--show-completion" in help_text
    shown = runner.invoke(app, ["--show-completion", "bash"])
    assert shown.exit_code == 0
    assert "_CAREERGAP_COMPLETE=complete_bash" in shown.stdout
    env = {
        **os.environ,
        "_CAREERGAP_COMPLETE": "complete_bash",
        "COMP_WORDS": "careergap pos",
        "COMP_CWORD": "1",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "careergap"], env=env, capture_output=True, text=True, check=False
    )
    assert (proc.returncode, proc.stdout.split()) == (0, ["postings"]), proc.stderr
