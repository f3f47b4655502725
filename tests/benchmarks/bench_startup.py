"""Start-up: `careergap match PROFILE` against importing careergap's own dependencies.

The issue's bar: the median wall time of a (cached) `match` is at most 1.2x that of
``python -c "import typer, rich.console, rich.table, pydantic, yaml, rapidfuzz"``, measured
on the same machine in the same run. The two are interleaved so background load hits both.

    python tests/benchmarks/bench_startup.py [--runs 15] [--profile profiles/ml-engineer.yaml]
"""

from __future__ import annotations

import argparse
import sys
import tempfile

from _common import CAREERGAP, median, run, show

#: The issue's bound on match / bare-imports.
TARGET_RATIO = 1.2
#: What any typer command costs before careergap does anything: typer builds its parameters
#: through pydantic on invocation, which the bare imports above never load.
FLOOR = [
    sys.executable,
    "-c",
    "import typer, rich.console, rich.table, pydantic, yaml, rapidfuzz\n"
    "from pathlib import Path\n"
    "app = typer.Typer(add_completion=False)\n"
    "@app.command()\n"
    "def match(profile: Path, json: bool = False) -> None: pass\n"
    "app(['profile.yaml'])",
]
#: What any program costs that defines one pydantic model (careergap's profile, taxonomy and
#: corpus are pydantic models, a house rule): ``import pydantic`` is lazy, so the bare imports
#: above never load pydantic's model machinery.
MODEL_FLOOR = [
    sys.executable,
    "-c",
    "import typer, rich.console, rich.table, pydantic, yaml, rapidfuzz\n"
    "class Skill(pydantic.BaseModel, extra='forbid'):\n"
    "    id: str\n"
    "Skill(id='python')",
]
#: careergap's own work on a warm cache without typer and without drawing the table: what an
#: entry point that bypassed typer could at best achieve.
CORE = [
    sys.executable,
    "-c",
    "import sys\n"
    "from pathlib import Path\n"
    "from careergap.engine.questions import load_workspace, match\n"
    "from careergap.reading.profile import load_profile\n"
    "ws = load_workspace([])\n"
    "levels = load_profile(Path(sys.argv[1]), ws.taxonomy).levels\n"
    "print(match(ws, dict(levels))[0].score.name)",
]
BASELINE = [
    sys.executable,
    "-c",
    "import typer, rich.console, rich.table, pydantic, yaml, rapidfuzz",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--profile", default="profiles/ml-engineer.yaml")
    args = parser.parse_args(argv)
    match = [*CAREERGAP, "match", args.profile, "--no-record"]
    with tempfile.TemporaryDirectory() as home:
        env = {"CAREERGAP_HOME": home}
        warm = run(match, env)  # builds the corpus cache: start-up is about the runs after it
        assert warm.returncode == 0, warm.stderr.decode()
        base, floor, model, core, ours = [], [], [], [], []
        for _ in range(args.runs):
            base.append(run(BASELINE, env).seconds)
            floor.append(run(FLOOR, env).seconds)
            model.append(run(MODEL_FLOOR, env).seconds)
            core.append(run([*CORE, args.profile], env).seconds)
            result = run(match, env)
            assert result.returncode == 0, result.stderr.decode()
            ours.append(result.seconds)
    ratio = median(ours) / median(base)
    show("command", " ".join(match))
    show("runs each (interleaved)", str(args.runs))
    show("first run (builds the cache)", f"{warm.seconds * 1000:.0f} ms")
    show("median: python -c 'import typer, rich...'", f"{median(base) * 1000:.0f} ms")
    show(
        "median: empty typer command (floor)",
        f"{median(floor) * 1000:.0f} ms = {median(floor) / median(base):.2f}x",
    )
    show(
        "median: one pydantic model (floor)",
        f"{median(model) * 1000:.0f} ms = {median(model) / median(base):.2f}x",
    )
    show(
        "median: careergap's core, no typer, no table",
        f"{median(core) * 1000:.0f} ms = {median(core) / median(base):.2f}x",
    )
    show("median: careergap match (cached)", f"{median(ours) * 1000:.0f} ms")
    verdict = "meets" if ratio <= TARGET_RATIO else "MISSES"
    show("ratio", f"{ratio:.2f}x ({verdict} the {TARGET_RATIO}x target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
