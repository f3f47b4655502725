"""Shared helpers for the benchmarks: timing a child process with its own peak memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

#: The repository checkout the benchmarks measure.
REPO = Path(__file__).resolve().parents[2]
#: The careergap entry point of the interpreter running the benchmark.
CAREERGAP = [sys.executable, "-m", "careergap"]
#: Where generated corpora are kept between runs (they take a while to write).
WORK_DIR = Path(os.environ.get("CAREERGAP_BENCH_DIR", "/tmp/careergap-bench"))


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    returncode: int
    stdout: bytes
    stderr: bytes
    #: The child's own CPU time, user + system (wait4): steadier than wall time on a busy machine.
    cpu: float = float("nan")


def run(argv: Sequence[str], env: Mapping[str, str] | None = None, cwd: Path = REPO) -> Run:
    """Run a command to completion: wall time, the child's CPU time and its peak RSS (wait4)."""
    return peak_run(argv, env, cwd=cwd)


def peak_run(
    argv: Sequence[str],
    env: Mapping[str, str] | None = None,
    stdin: Path | None = None,
    cwd: Path = REPO,
) -> Run:
    """Run a command to completion with its own rusage from wait4 (output goes to files, not
    pipes, so the child never waits on the reader)."""
    import tempfile

    merged = {**os.environ, **(env or {})}
    # As an installed command runs: bytecode cached after the first run. With this set (some
    # shells and CI images set it), every careergap module is compiled from source on every
    # run, while the baselines' libraries come with their bytecode from pip.
    merged.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        source = open(stdin, "rb") if stdin else subprocess.DEVNULL  # noqa: SIM115
        try:
            start = time.perf_counter()
            proc = subprocess.Popen(
                list(argv), stdin=source, stdout=out, stderr=err, env=merged, cwd=cwd
            )
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
        finally:
            if stdin:
                source.close()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            seconds,
            usage.ru_maxrss / 1024,
            proc.returncode,
            out.read(),
            err.read(),
            usage.ru_utime + usage.ru_stime,
        )


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def load_average() -> str:
    """The 1-, 5- and 15-minute load averages, to print beside every timed figure."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)"


def show(label: str, value: str) -> None:
    print(f"{label:<44} {value}", flush=True)
