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


def run(argv: Sequence[str], env: Mapping[str, str] | None = None) -> Run:
    """Run a command to completion: wall time and the child's own peak RSS (wait4)."""
    merged = {**os.environ, **(env or {})}
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=merged, cwd=REPO
    )
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    # communicate() already reaped the child; its rusage went to RUSAGE_CHILDREN, so measure
    # peak memory per child with a fresh wait4 run only when asked (see peak_run).
    return Run(seconds, float("nan"), proc.returncode, out, err)


def peak_run(argv: Sequence[str], env: Mapping[str, str] | None = None) -> Run:
    """Like run(), with the child's peak RSS from wait4 (output goes to files, not pipes)."""
    import tempfile

    merged = {**os.environ, **(env or {})}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(argv), stdout=out, stderr=err, env=merged, cwd=REPO)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, out.read(), err.read())


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def show(label: str, value: str) -> None:
    print(f"{label:<44} {value}", flush=True)
