"""The entry point's process habits, end to end in a real process: Ctrl-C and closed pipes.

These run ``python -m careergap``, which is the installed ``careergap`` command's own code
(``[project.scripts]`` points at ``careergap.__main__:main``, checked below).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROFILE = ROOT / "profiles" / "ml-engineer.yaml"
COMMAND = [sys.executable, "-m", "careergap"]
#: Longest any single run may take before the test gives up on it (a hang is a failure).
RUN_TIMEOUT = 120


def test_the_installed_command_is_this_entry_point() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^careergap = "careergap\.__main__:main"$', pyproject, re.MULTILINE)


def _run_into_closed_pipe(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """Run careergap with stdout on a pipe whose reader is already gone: the first write of
    any size meets EPIPE, as `careergap ... | head -1` does once head has its line."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [*COMMAND, *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=RUN_TIMEOUT,
            check=False,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize(
    "args",
    [
        ["match", str(PROFILE), "--no-record"],
        ["match", str(PROFILE), "--no-record", "--json"],
        ["skills"],
        ["postings", "list"],
        ["report", str(PROFILE)],
        ["--help"],
        ["match", "-h"],
    ],
    ids=lambda args: " ".join(a if "/" not in a else Path(a).name for a in args),
)
def test_a_closed_pipe_ends_quietly_with_exit_0(args: list[str]) -> None:
    proc = _run_into_closed_pipe(args)
    assert (proc.returncode, proc.stderr) == (0, b"")


def test_a_closed_pipe_on_a_big_extract_ends_quietly(tmp_path: Path) -> None:
    text = tmp_path / "big.txt"
    text.write_text("Python and PyTorch on Kubernetes\n" * 20000, encoding="utf-8")
    for extra in ([], ["--json"]):
        proc = _run_into_closed_pipe(["extract", str(text), *extra])
        assert (proc.returncode, proc.stderr) == (0, b""), extra


def test_a_pipe_closed_mid_output_ends_quietly() -> None:
    """The shell pipeline itself: `careergap skills | head -1` keeps one line, says nothing."""
    proc = subprocess.run(
        ["/bin/bash", "-c", 'set -o pipefail; "$0" -m careergap skills | head -1', sys.executable],
        capture_output=True,
        timeout=RUN_TIMEOUT,
        check=False,
    )
    assert (proc.returncode, proc.stdout.count(b"\n"), proc.stderr) == (0, 1, b"")


#: Points of start-up at which Ctrl-C is sent: after the first import line of each module
#: (``-X importtime`` reports every import as it finishes, on stderr), and finally while the
#: command waits for its input. Each is a moment careergap's own handler is in place.
STAGES = ["typer", "pydantic", "careergap.cli", "waiting for stdin"]


@pytest.mark.parametrize("stage", STAGES)
def test_ctrl_c_at_any_moment_prints_interrupted_and_exits_130(stage: str) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-X", "importtime", "-m", "careergap", "extract", "-"],
        stdin=subprocess.PIPE,  # never written: `extract -` waits on it once started
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    watchdog = threading.Timer(RUN_TIMEOUT, proc.kill)  # a stage never reached must not hang
    watchdog.start()
    seen = []
    module = "careergap.cli" if stage == "waiting for stdin" else stage
    for raw in proc.stderr:
        seen.append(raw)
        name = raw.decode().rpartition("|")[2].strip()
        if name == module or name.startswith(module + "."):
            break
    else:
        pytest.fail(f"{module} was never imported: {b''.join(seen)[-500:]!r}")
    if stage == "waiting for stdin":
        time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=RUN_TIMEOUT)
    watchdog.cancel()
    lines = [line for line in err.splitlines() if not line.startswith(b"import time:")]
    assert proc.returncode == 130, err[-2000:]
    assert lines == [b"interrupted"], err[-2000:]
    assert out == b""


def test_a_second_ctrl_c_ends_the_process_at_once() -> None:
    """Clean-up that hangs cannot trap the user: the second Ctrl-C exits 130 immediately."""
    script = (
        "import signal, sys, time\n"
        "from careergap.__main__ import _on_sigint\n"
        "signal.signal(signal.SIGINT, _on_sigint)\n"
        "try:\n"
        "    print('ready', flush=True); time.sleep(60)\n"
        "finally:\n"
        "    print('cleaning', flush=True); time.sleep(60)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == b"ready\n"
    proc.send_signal(signal.SIGINT)
    assert proc.stdout.readline() == b"cleaning\n"
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=RUN_TIMEOUT)
    assert (proc.returncode, err) == (130, b"interrupted\n")
