"""Extraction speed: `careergap extract --json` against a pyahocorasick gazetteer process.

Both read the same file of varied posting text (`varied_text.py`: real lines spliced and
reworded so no line repeats) and write every mention as JSON; the gazetteer
(`aho_baseline.py`, copied from the shared benchmark baselines) matches careergap's own
vocabulary (`careergap skills --json`), case-insensitively with word-boundary checks and no
ambiguity rules, so it is a speed floor, not a reader. Whole processes, interleaved run by run,
the taxonomy cache warm. Issue 15's bar: careergap at least 2x the gazetteer's speed.

    python tests/benchmarks/bench_extract_aho.py [--mb 3.5] [--runs 7]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _common import CAREERGAP, WORK_DIR, load_average, median, run, show
from varied_text import DEFAULT_SEED, write

#: Issue 15: careergap's speed / the gazetteer's speed.
TARGET_SPEEDUP = 2.0
AHO = Path(__file__).resolve().with_name("aho_baseline.py")


def text_file(megabytes: float) -> Path:
    """The varied text, written once per size and seed and kept in the benchmark folder."""
    path = WORK_DIR / f"varied-{megabytes:g}mb-{DEFAULT_SEED}.txt"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        write(megabytes, tmp)
        tmp.replace(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.5)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    try:
        import ahocorasick  # noqa: F401
    except ImportError:
        print("needs pyahocorasick: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    text = text_file(args.mb)
    lines = text.read_text(encoding="utf-8").splitlines()
    load_before = load_average()
    with tempfile.TemporaryDirectory() as home:
        env = {"CAREERGAP_HOME": home}
        skills = Path(home) / "skills.json"
        listing = run([*CAREERGAP, "skills", "--json"], env)
        assert listing.returncode == 0, listing.stderr.decode()
        skills.write_bytes(listing.stdout)
        ours_argv = [*CAREERGAP, "extract", str(text), "--json"]
        aho_argv = [sys.executable, str(AHO), str(skills), str(text)]
        first = run(ours_argv, env)  # fills the taxonomy and matcher cache
        assert first.returncode == 0, first.stderr.decode()
        ours, aho = [], []
        for _ in range(args.runs):
            aho.append(run(aho_argv, env))
            ours.append(run(ours_argv, env))
            assert ours[-1].returncode == 0 and aho[-1].returncode == 0
    megabytes = text.stat().st_size / 1_000_000
    show("text", f"{text} ({megabytes:.2f} MB, {len(lines)} lines, {len(set(lines))} distinct)")
    show("runs each (interleaved)", str(args.runs))
    show("load average before / after", f"{load_before} / {load_average()}")
    show(
        "first careergap run (cold taxonomy cache)",
        f"{first.seconds:.2f} s wall, {first.cpu:.2f} s CPU",
    )
    rows = (("gazetteer (aho_baseline.py)", aho), ("careergap extract --json", ours))
    for label, runs in rows:
        wall, cpu = median([r.seconds for r in runs]), median([r.cpu for r in runs])
        show(label, f"wall {wall:.2f} s = {megabytes / wall:.1f} MB/s, CPU {cpu:.2f} s")
    for kind, key in (("wall", "seconds"), ("CPU", "cpu")):
        speedup = median([getattr(r, key) for r in aho]) / median([getattr(r, key) for r in ours])
        verdict = "met" if speedup >= TARGET_SPEEDUP else "NOT met"
        show(
            f"careergap speed / gazetteer speed ({kind})",
            f"{speedup:.2f}x ({TARGET_SPEEDUP}x: {verdict})",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
