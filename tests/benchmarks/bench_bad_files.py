"""Bad files are refused fast: the speed half of the bad-file tests, kept out of the default run.

The default tests check what a bad file gets (one located message, exit 1, nothing written, the
process's peak memory bounded); how fast it gets it depends on the machine and on what else runs
on it, so the bounds live here (the house rule: speed targets in tests/benchmarks/, never in timed
unit tests). Three tables, each case run in this process as the tests run them (so start-up is
not counted), median of ``--runs``:

- ``read_user_yaml`` on the alias bomb of tests/test_loader.py: wall time, target 0.5 s;
- ``careergap validate`` (typer's CliRunner) on every bad file of tests/test_loader.py, the deep
  nestings among them, and on the alias bomb: wall time, target 1.0 s each;
- every (command, bad file) pair of tests/test_bad_input.py: CPU time of this process, target
  1.0 s each (the issue's "a bad file gets its error in under a second").

    python tests/benchmarks/bench_bad_files.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _common import show
from typer.testing import CliRunner

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))

import test_bad_input as table  # noqa: E402 - the tests' own tables, so the cases cannot drift
from test_loader import ALIAS_BOMB, BAD_FILES  # noqa: E402

from careergap.cli import app  # noqa: E402
from careergap.errors import InputFileError  # noqa: E402
from careergap.files.loader import read_user_yaml  # noqa: E402

LOADER_LIMIT_S = 0.5
VALIDATE_LIMIT_S = 1.0
BAD_INPUT_CPU_LIMIT_S = table.TIME_LIMIT_S


def measure(runs: int, once: Callable[[], None]) -> tuple[float, float]:
    """Median (wall, CPU) seconds of ``runs`` calls."""
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        once()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def verdict(value: float, limit: float) -> str:
    return "ok" if value < limit else f"**over {limit:.1f} s**"


def loader_bomb(folder: Path, runs: int) -> bool:
    path = folder / "bomb.yaml"
    path.write_text(ALIAS_BOMB, encoding="utf-8")

    def once() -> None:
        try:
            read_user_yaml(path)
        except InputFileError:
            return
        raise SystemExit("the alias bomb was not refused")

    wall, cpu = measure(runs, once)
    show("read_user_yaml(alias bomb)", f"{wall:.3f} s wall, {cpu:.3f} s CPU  {verdict(wall, 0.5)}")
    return wall < LOADER_LIMIT_S


def validate_files(folder: Path, runs: int) -> bool:
    cases = [(name, data) for name, data, _ in BAD_FILES]
    cases.append(("alias bomb", ("skills: {}\n" + ALIAS_BOMB).encode()))
    ok = True
    for name, data in cases:
        path = folder / "me.yaml"
        path.write_bytes(data)

        def once(path: Path = path, name: str = name) -> None:
            result = CliRunner().invoke(app, ["validate", str(path)])
            if result.exit_code != 1:
                raise SystemExit(f"validate {name}: exit {result.exit_code}: {result.stderr}")

        wall, cpu = measure(runs, once)
        ok &= wall < VALIDATE_LIMIT_S
        show(f"validate: {name}", f"{wall:.3f} s wall, {cpu:.3f} s CPU  {verdict(wall, 1.0)}")
    return ok


def bad_input_table(folder: Path, runs: int) -> bool:
    """Each pair as test_bad_input runs it: one warm CAREERGAP_HOME, the bad file made afresh."""
    os.environ["CAREERGAP_HOME"] = str(folder / "home")
    good = table._good_profile(folder)
    warm = CliRunner().invoke(app, ["match", str(good), "--no-record"])
    if warm.exit_code != 0:
        raise SystemExit(f"warming the cache failed: {warm.stderr}")
    pairs: list[tuple[str, list[str], table.Case, str]] = []
    for command, args in sorted(table.PROFILE_COMMANDS.items()):
        pairs += [(command, args, case, "PROFILE") for case in table.PROFILE_CASES]
    for command, args in sorted(table.POSTINGS_COMMANDS.items()):
        pairs += [(command, args, case, "DIR") for case in table.POSTING_CASES]
    for command, args in sorted(table.TEXT_COMMANDS.items()):
        pairs += [(command, args, case, "TEXT") for case in table.TEXT_CASES]
    ok = True
    worst: list[tuple[float, str]] = []
    for index, (command, args, case, slot) in enumerate(pairs):
        work = folder / f"case-{index}"
        work.mkdir()
        if slot == "DIR":
            (work / "mine").mkdir()
            (work / "mine" / "a-good.yaml").write_text(table.GOOD_POSTING, encoding="utf-8")
            bad = work / "mine" / f"z-{case.name}.yaml"
            slots = {"DIR": work / "mine"}
        else:
            bad = work / f"{case.name}.{'txt' if slot == 'TEXT' else 'yaml'}"
            slots = {slot: bad}
        case.make(bad)
        argv = table._fill(
            args,
            GOOD=good,
            **slots,
            **{"OUT.html": work / "out.html", "OUT.yaml": work / "out.yaml"},
        )

        # Bound now: each closure runs after the loop has moved on (B023).
        def once(
            case: Any = case, bad: Path = bad, argv: list[str] = argv, command: str = command
        ) -> None:
            with pytest.MonkeyPatch.context() as mp:
                if case.name == "unreadable" and os.geteuid() == 0:
                    table._block_reads_as_root(bad, mp)
                result = CliRunner().invoke(app, argv)
            if result.exit_code != 1:
                raise SystemExit(f"{command} {case.name}: exit {result.exit_code}")

        _, cpu = measure(runs, once)
        ok &= cpu < BAD_INPUT_CPU_LIMIT_S
        worst.append((cpu, f"{command}: {case.name}"))
    worst.sort(reverse=True)
    show(f"bad-input table: {len(pairs)} pairs, slowest", "")
    for cpu, label in worst[:8]:
        show(f"  {label}", f"{cpu:.3f} s CPU  {verdict(cpu, BAD_INPUT_CPU_LIMIT_S)}")
    over = [label for cpu, label in worst if cpu >= BAD_INPUT_CPU_LIMIT_S]
    show("  pairs over the limit", str(len(over)) + (f": {', '.join(over)}" if over else ""))
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.update({"COLUMNS": "100", "NO_COLOR": "1"})
    os.environ.pop("CAREERGAP_PROFILE", None)
    print(f"$ python tests/benchmarks/bench_bad_files.py --runs {args.runs}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        ok = loader_bomb(folder, args.runs)
        ok &= validate_files(folder, args.runs)
        ok &= bad_input_table(folder, args.runs)
    print("every target met" if ok else "a target was MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
