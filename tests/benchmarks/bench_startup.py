"""Start-up: careergap's everyday commands against the floor app, side by side.

The floor (`floor_app.py`, copied from the shared benchmark baselines) is the smallest program
that does `match`'s kind of work on careergap's fixed stack: one typer command reads a YAML
profile into a pydantic model, fuzzy-matches its names with rapidfuzz and prints a rich table.
Issue 15's bar: each command below, with the corpus cache warm, takes at most 1.2x the floor's
median. Whole processes, interleaved run by run (the floor, then each command), so background
load hits them alike; wall time and the child's own CPU time (user + system, from wait4) are
both reported, CPU time being the steadier figure on a shared machine.

    python tests/benchmarks/bench_startup.py [--runs 9] [--profile profiles/ml-engineer.yaml]
        [--before CHECKOUT]

``--before`` also times another checkout of careergap (``python -m careergap`` run from its
folder, e.g. a ``git worktree`` of an older commit), interleaved in the same rounds, so a
change is measured before and after under the same load.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _common import CAREERGAP, REPO, load_average, median, run, show

#: Issue 15's bound on command / floor app.
TARGET_RATIO = 1.2
FLOOR_APP = Path(__file__).resolve().with_name("floor_app.py")


def commands(profile: str) -> dict[str, list[str]]:
    """The timed commands (issue 15's list), each as the user types it after `careergap`."""
    return {
        "match": ["match", profile, "--no-record"],
        "gaps": ["gaps", "-p", profile, "--role", "mle"],
        "explain": ["explain", "-p", profile, "--role", "mle"],
        "whatif": ["whatif", "-p", profile, "-a", "Kubernetes=3"],
        "validate": ["validate", profile],
        "--help": ["--help"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--profile", default="profiles/ml-engineer.yaml")
    parser.add_argument("--before", type=Path, default=None, help="another careergap checkout")
    args = parser.parse_args(argv)
    timed = commands(args.profile)
    floor = [sys.executable, str(FLOOR_APP), args.profile]
    checkouts = [("", REPO)] + ([("before ", args.before.resolve())] if args.before else [])
    names = ["floor", *(tag + n for tag, _ in checkouts for n in timed)]
    wall: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    load_before = load_average()
    with tempfile.TemporaryDirectory() as root:
        homes = {tag: str(Path(root) / f"home{i}") for i, (tag, _) in enumerate(checkouts)}
        for tag, folder in checkouts:  # warm every cache the commands keep
            env = {"CAREERGAP_HOME": homes[tag], "COLUMNS": "100", "NO_COLOR": "1"}
            for name, args_ in timed.items():
                warm = run([*CAREERGAP, *args_], env, cwd=folder)
                assert warm.returncode == 0, (name, warm.stderr.decode())
        for _ in range(args.runs):
            result = run(floor, {})
            wall["floor"].append(result.seconds)
            cpu["floor"].append(result.cpu)
            for name, args_ in timed.items():
                for tag, folder in checkouts:
                    env = {"CAREERGAP_HOME": homes[tag], "COLUMNS": "100", "NO_COLOR": "1"}
                    result = run([*CAREERGAP, *args_], env, cwd=folder)
                    assert result.returncode == 0, (name, result.stderr.decode())
                    wall[tag + name].append(result.seconds)
                    cpu[tag + name].append(result.cpu)
    show("runs each (interleaved)", str(args.runs))
    show("load average before / after", f"{load_before} / {load_average()}")
    show("floor", f"python tests/benchmarks/{FLOOR_APP.name} {args.profile}")
    for name, args_ in timed.items():
        show(name, "careergap " + " ".join(args_))
    if args.before:
        show("before", f"the same commands run from {args.before}")
    base_wall, base_cpu = median(wall["floor"]), median(cpu["floor"])
    print(
        f"{'median of ' + str(args.runs):<16} {'wall ms':>8} {'ratio':>6} "
        f"{'cpu ms':>8} {'ratio':>6}"
    )
    for name in wall:
        w, c = median(wall[name]), median(cpu[name])
        verdict = ""
        if name not in ("floor", "--help") and not name.startswith("before"):
            verdict = "  " + ", ".join(
                f"{kind} {'met' if ratio <= TARGET_RATIO else 'NOT met'}"
                for kind, ratio in (("wall", w / base_wall), ("cpu", c / base_cpu))
            )
        print(
            f"{name:<16} {w * 1000:>8.0f} {w / base_wall:>5.2f}x {c * 1000:>8.0f} "
            f"{c / base_cpu:>5.2f}x{verdict}",
            flush=True,
        )
    print(f"target: each command <= {TARGET_RATIO}x the floor (issue 15)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
