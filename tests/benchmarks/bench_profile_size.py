"""Profile size: `careergap validate` on profiles of 1,000 to 20,000 unknown skill names.

Issue 13: validation was quadratic (1,000 names 1 s, 3,000 names 6 s, 20,000 names minutes) since
each name was located by scanning every key before it and each was fuzzy-scored against the
whole taxonomy. Locating is now a dict lookup and fuzzy scoring stops after
``careergap.reading.profile.FUZZY_NAME_LIMIT`` unknown names, so the time grows linearly with the
file. Target: 20,000 names (about 400 KB, under the 1 MB cap) in under 5 s of CPU, and 20,000 names
taking at most 15x the CPU of 2,000 (10x is linear) once start-up is subtracted. CPU time (the
child's user + system, from wait4) is the measure, since the wall time on a shared machine
depends on the other load; the wall time is printed beside it.

    python tests/benchmarks/bench_profile_size.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import CAREERGAP, REPO, median, show

SIZES = (0, 1_000, 2_000, 3_000, 20_000)
#: The issue's bound for the largest profile.
TARGET_S = 5.0
#: 10x the names may take at most this many times as long, start-up subtracted.
MAX_GROWTH = 10 * 1.5


def write_profile(path: Path, names: int) -> None:
    """``names`` distinct unknown names (random letters: no exact, alias or close spelling)."""
    rng = random.Random(names)
    letters = "bcdfghjklmnpqrstvwxz"
    lines = ["skills:", "  Python: 3"]
    lines += [f"  {''.join(rng.choices(letters, k=12))}{i}: 2" for i in range(names)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float, int, bytes]:
    """(wall seconds, CPU seconds of the child, exit code, stderr)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdout=subprocess.DEVNULL, stderr=err, env={**os.environ, **env}, cwd=REPO
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        return wall, cpu, os.waitstatus_to_exitcode(status), err.read()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    times: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = {"CAREERGAP_HOME": str(Path(tmp) / "home")}
        for size in SIZES:
            profile = Path(tmp) / f"p{size}.yaml"
            write_profile(profile, size)
            walls, cpus = [], []
            for _ in range(args.runs):
                wall, cpu, code, err = timed([*CAREERGAP, "validate", str(profile)], env)
                if code != 0:
                    sys.stderr.write(err.decode(errors="replace")[-2000:])
                    return 1
                walls.append(wall)
                cpus.append(cpu)
            times[size] = median(cpus)
            kb = profile.stat().st_size / 1024
            show(
                f"validate, {size:>6,} unknown names ({kb:,.0f} KB)",
                f"{times[size]:.2f} s CPU, {median(walls):.2f} s wall",
            )
    base = times[0]
    growth = (times[20_000] - base) / max(times[2_000] - base, 1e-3)
    show("20,000 vs 2,000 names, start-up subtracted", f"{growth:.1f}x (linear: 10x)")
    ok = times[20_000] <= TARGET_S and growth <= MAX_GROWTH
    show("target", f"20,000 names <= {TARGET_S:.0f} s CPU, growth <= {MAX_GROWTH:.0f}x: "
         + ("met" if ok else "NOT met"))  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
