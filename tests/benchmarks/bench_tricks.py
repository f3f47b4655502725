"""Do careergap's speed tricks pay rent? Each one on and off, on the figure it is there for.

Issue 14: a trick that costs readability stays only where it is worth at least 10% of a
user-visible figure. For each trick, the figure it serves is timed with careergap as shipped
("on") and with that trick replaced by the plain code it stands in for ("off", see
``tricks_off.py``), whole processes interleaved run by run; wall and CPU medians (CPU from
wait4, the workers' included) and the gain, (off - on) / off.

    python tests/benchmarks/bench_tricks.py [--runs 5] [--size 10000] [--only TRICK ...]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from _common import CAREERGAP, WORK_DIR, load_average, median, run, show
from bench_extract_aho import text_file
from generate_corpus import generate

#: Issue 14's bar: the share of a user-visible figure a trick must save to stay.
RENT = 0.10
HERE = Path(__file__).resolve().parent
PROFILE = "profiles/ml-engineer.yaml"


def _argv(trick: str, args: list[str]) -> list[str]:
    return [sys.executable, str(HERE / "tricks_off.py"), trick, *args]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", type=int, default=10_000, help="generated postings")
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args(argv)
    corpus = generate(args.size, WORK_DIR / f"{args.size // 1000}k")
    text = text_file(3.5)
    load_before = load_average()
    with tempfile.TemporaryDirectory() as root:
        warm = Path(root) / "warm"
        env = {"CAREERGAP_HOME": str(warm)}
        for args_ in (
            ["match", PROFILE, "--no-record"],
            ["match", PROFILE, "--no-record", "--postings", str(corpus)],
            ["extract", str(text), "--json"],
        ):
            assert run([*CAREERGAP, *args_], env).returncode == 0
        compiled = [
            p
            for p in (warm / "cache").iterdir()
            if not p.name.startswith(("workspace-", "entries-"))
        ]

        def cold_home() -> dict[str, str]:
            """A home whose corpus cache is empty but whose compiled taxonomy is warm."""
            home = Path(tempfile.mkdtemp(dir=root))
            (home / "cache").mkdir()
            for path in compiled:
                shutil.copy(path, home / "cache" / path.name)
            return {"CAREERGAP_HOME": str(home)}

        def warm_home() -> dict[str, str]:
            return env

        first_10k = ["match", PROFILE, "--json", "--no-record", "--postings", str(corpus)]
        figures: list[tuple[str, str, list[str], Callable[[], dict[str, str]]]] = [
            (
                "json-encoder",
                f"extract {text.name} --json (3.5 MB varied)",
                ["extract", str(text), "--json"],
                warm_home,
            ),
            (
                "regex-programs",
                f"extract {text.name} --json (3.5 MB varied)",
                ["extract", str(text), "--json"],
                warm_home,
            ),
            (
                "gc-freeze",
                "cached match (bundled corpus)",
                ["match", PROFILE, "--no-record"],
                warm_home,
            ),
            ("gc-freeze", f"cached match --postings {args.size} postings", first_10k, warm_home),
            ("worker-pool", f"first match --postings {args.size} postings", first_10k, cold_home),
        ]
        print(
            f"{'trick':<13} {'figure':<44} {'on wall':>8} {'off wall':>9} {'gain':>6} "
            f"{'on CPU':>7} {'off CPU':>8} {'gain':>6}  verdict"
        )
        for trick, label, args_, home in figures:
            if args.only and trick not in args.only:
                continue
            on, off = [], []
            for _ in range(args.runs):
                for sink, which in ((on, "none"), (off, trick)):
                    result = run(_argv(which, args_), home())
                    assert result.returncode == 0, result.stderr.decode()[-2000:]
                    sink.append(result)
            w_on, w_off = median([r.seconds for r in on]), median([r.seconds for r in off])
            c_on, c_off = median([r.cpu for r in on]), median([r.cpu for r in off])
            gain_w, gain_c = (w_off - w_on) / w_off, (c_off - c_on) / c_off
            verdict = "pays rent" if max(gain_w, gain_c) >= RENT else "does NOT pay rent"
            print(
                f"{trick:<13} {label:<44} {w_on:>7.2f}s {w_off:>8.2f}s {gain_w:>5.0%} "
                f"{c_on:>6.2f}s {c_off:>7.2f}s {gain_c:>5.0%}  {verdict}",
                flush=True,
            )
    show("runs each (interleaved on/off)", str(args.runs))
    show("load average before / after", f"{load_before} / {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
