"""Snapshot every `--json` output of the installed `careergap` command into a folder.

Two snapshots taken before and after a change that must not change behaviour (a module move,
an import-cycle fix) are compared with `diff -r BEFORE AFTER`: no output means byte-identical.

    python tests/tools/json_snapshot.py OUT_DIR [--quick]
    python tests/tools/json_snapshot.py OUT_DIR --subprocess [--careergap PATH] [--jobs N]

By default every command runs in this process through the installed package's typer app (what
the `careergap` console script calls), which takes a few minutes on a small machine;
`--subprocess` runs each as a separate process of the installed command instead (slower by the
start-up of every run, about ten times on a busy 2-core machine). Either way the runs share one
private, initially empty `CAREERGAP_HOME` and pass `--no-record` where the command has it, so
nothing reads or writes the user's history or cache. Coverage: for every example
profile in `profiles/`: match, whatif, validate, progress, diff against the next profile, and
gaps, explain and plan for every role family (`careergap roles --json` lists them); without a
profile: roles, skills (all and a few queries), resources for the most demanded skills,
extract on a few seed documents, postings list (all and per family), and a few known-bad
inputs (validate on malformed profiles, an unknown role). Each run writes `NAME.out` (stdout)
and, when the run wrote to stderr or exited non-zero, `NAME.err` with the exit code first; the
private home's path is replaced by `$CAREERGAP_HOME` so two snapshots compare.

`--quick` keeps the per-family commands to three profiles (about a fifth of the runs).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Profiles used by --quick for the per-family cross product: three different kinds of people.
QUICK_PROFILES = ("ml-engineer", "data-engineer", "eda-developer")
# A few skills queries that exercise exact, alias and fuzzy search.
SKILL_QUERIES = ("python", "k8s", "verilog", "pytorh")
# How many of the most demanded skills get a `resources --json` run.
RESOURCE_SKILLS = 25
# Seed documents given to `extract`: the first few (small, varied) keep the run short.
EXTRACT_SEEDS = 5


def _bad_profiles(tmp: Path) -> list[Path]:
    """Malformed profiles whose error messages (file:line) must not change."""
    cases = {
        "bad-level.yaml": "skills:\n  python: 9\n",
        "bad-yaml.yaml": "skills:\n  python: [3\n",
        "unknown-key.yaml": "skils:\n  python: 3\n",
        "unknown-skill.yaml": "skills:\n  pythn: 3\n  pytorch: 2\n",
    }
    out = []
    for name, text in cases.items():
        path = tmp / name
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def _plan(exe: str, quick: bool, tmp: Path, env: dict[str, str]) -> list[tuple[str, list[str]]]:
    """The (name, argv) list of runs; the family and skill lists come from the command itself."""
    roles = json.loads(
        subprocess.run([exe, "roles", "--json"], env=env, capture_output=True, check=True).stdout
    )
    families = [f["id"] for f in roles["families"]]
    profiles = sorted((ROOT / "profiles").glob("*.yaml"))
    runs: list[tuple[str, list[str]]] = [
        ("roles", ["roles", "--json"]),
        ("skills", ["skills", "--json"]),
        ("postings-list", ["postings", "list", "--json"]),
        ("gaps-unknown-role", ["gaps", "-r", "no-such-role", "-p", str(profiles[0]), "--json"]),
    ]
    runs += [(f"skills-q-{q}", ["skills", q, "--json"]) for q in SKILL_QUERIES]
    runs += [(f"postings-list-{f}", ["postings", "list", "-r", f, "--json"]) for f in families]
    top_skills: list[str] = []
    for fam in roles["families"]:
        for skill in fam["top_skills"]:
            if skill["id"] not in top_skills:
                top_skills.append(skill["id"])
    runs += [(f"resources-{s}", ["resources", s, "--json"]) for s in top_skills[:RESOURCE_SKILLS]]
    seeds = sorted((ROOT / "tests" / "seeds").glob("*.txt"))[:EXTRACT_SEEDS]
    runs += [(f"extract-{p.stem}", ["extract", str(p), "--json"]) for p in seeds]
    for bad in _bad_profiles(tmp):
        runs.append((f"validate-{bad.stem}", ["validate", str(bad), "--json"]))
        runs.append((f"match-{bad.stem}", ["match", str(bad), "--json", "--no-record"]))
    for i, prof in enumerate(profiles):
        p, name = str(prof), prof.stem
        nxt = str(profiles[(i + 1) % len(profiles)])
        runs += [
            (f"{name}/match", ["match", p, "--json", "--no-record"]),
            (f"{name}/match-top3", ["match", p, "--top", "3", "--json", "--no-record"]),
            (f"{name}/whatif", ["whatif", "-p", p, "-a", "Kubernetes=3", "-a", "Verilog=2",
                                "--json"]),
            (f"{name}/validate", ["validate", p, "--json"]),
            (f"{name}/progress", ["progress", "-p", p, "--json"]),
            (f"{name}/diff-next", ["diff", p, nxt, "--json"]),
            (f"{name}/gaps", ["gaps", "-p", p, "--json"]),
        ]
        if quick and name not in QUICK_PROFILES:
            continue
        for fam in families:
            runs += [
                (f"{name}/gaps-{fam}", ["gaps", "-r", fam, "-p", p, "--all", "--json"]),
                (f"{name}/explain-{fam}", ["explain", "-r", fam, "-p", p, "--json"]),
                (f"{name}/plan-{fam}", ["plan", "-r", fam, "-p", p, "--json"]),
            ]
        for skill in top_skills[:3]:
            runs.append((f"{name}/explain-{families[0]}-{skill}",
                         ["explain", "-r", families[0], "-s", skill, "-p", p, "--json"]))
    return runs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path, help="folder to write (replaced)")
    ap.add_argument("--subprocess", action="store_true", help="one process per run")
    ap.add_argument("--careergap", default=None, help="the command (default: next to python)")
    ap.add_argument("--jobs", type=int, default=2, help="runs in parallel (default 2)")
    ap.add_argument("--quick", action="store_true", help="per-family runs for 3 profiles only")
    args = ap.parse_args(argv)
    exe = args.careergap or str(Path(sys.executable).with_name("careergap"))
    home = Path(tempfile.mkdtemp(prefix="cg-snap-home-"))
    tmp = Path(tempfile.mkdtemp(prefix="cg-snap-in-"))
    env = {**os.environ, "CAREERGAP_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "100"}
    if not args.subprocess:
        os.environ.update(env)
        os.chdir(ROOT)
    try:
        runs = _plan(exe, args.quick, tmp, env)
        if args.out.exists():
            shutil.rmtree(args.out)
        args.out.mkdir(parents=True)

        def scrub(data: bytes) -> bytes:
            """Private temporary paths differ between snapshots; name them instead."""
            data = data.replace(str(home).encode(), b"$CAREERGAP_HOME")
            return data.replace(str(tmp).encode(), b"$TMP")

        def save(name: str, code: int, stdout: bytes, stderr: bytes) -> None:
            target = args.out / f"{name}.out"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(scrub(stdout))
            if code or stderr:
                err = f"exit {code}\n".encode() + scrub(stderr)
                (args.out / f"{name}.err").write_bytes(err)

        def run(item: tuple[str, list[str]]) -> None:
            name, cmd = item
            proc = subprocess.run([exe, *cmd], env=env, capture_output=True, cwd=ROOT)
            save(name, proc.returncode, proc.stdout, proc.stderr)

        if args.subprocess:
            with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
                list(pool.map(run, runs))
        else:
            from typer.testing import CliRunner  # only the in-process mode needs typer

            from careergap.cli import app

            runner = CliRunner()
            for name, cmd in runs:
                result = runner.invoke(app, cmd, env=env)
                save(name, result.exit_code, result.stdout_bytes, result.stderr_bytes)
        print(f"{len(runs)} runs written to {args.out}", file=sys.stderr)
    finally:
        shutil.rmtree(home, ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
