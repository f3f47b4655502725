"""Extraction throughput: `careergap extract` on a large file of real posting text.

The file is the committed corpus's requirement lines, shuffled and repeated to ``--mb``
megabytes. Reported: end-to-end MB/s of the `extract` command (start-up, reading, extraction,
output), with ``--json`` and as the table, the median and the best of ``--runs`` runs each
(wall time, and the process's own CPU time, which another busy core disturbs less), and
in-process MB/s of the extractor beside a well-known baseline measured in the
same run on (the first ``--baseline-mb`` of) the same text: one case-insensitive regex
alternation of every surface form, longest first, between word boundaries (what a hand-rolled
keyword matcher does). The issue's bar: at least 5 MB/s on one core.

    python tests/benchmarks/bench_extract.py [--mb 20]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import CAREERGAP, REPO, show

TARGET_MB_S = 5.0
SEED = 7


def posting_text(megabytes: float) -> str:
    from careergap.corpus.load import load_corpus

    lines = [line.text for p in load_corpus().postings for line in p.lines]
    rng = random.Random(SEED)
    out: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        rng.shuffle(lines)
        for text in lines:
            out.append(text)
            size += len(text.encode("utf-8")) + 1
    return "\n".join(out) + "\n"


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds (user + system, from wait4) and stdout of one run."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env={**os.environ, **env}, cwd=REPO)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err.seek(0)
        assert os.waitstatus_to_exitcode(status) == 0, err.read().decode()[-2000:]
        out.seek(0)
        return wall, usage.ru_utime + usage.ru_stime, out.read()


def end_to_end(
    label: str, argv: list[str], env: dict[str, str], runs: int, megabytes: float
) -> bytes:
    """Run ``argv`` ``runs`` times, print its MB/s (median and best) against the target."""
    results = [timed(argv, env) for _ in range(runs)]
    walls, cpus = [r[0] for r in results], [r[1] for r in results]
    median, best = statistics.median(walls), min(walls)
    verdict = "meets" if megabytes / median >= TARGET_MB_S else "MISSES"
    show(
        label,
        f"median {median:.2f} s = {megabytes / median:.1f} MB/s ({verdict} {TARGET_MB_S} MB/s), "
        f"best {best:.2f} s = {megabytes / best:.1f} MB/s; "
        f"CPU median {statistics.median(cpus):.2f} s",
    )
    return results[-1][2]


def baseline_pattern() -> re.Pattern[str]:
    from careergap.reading.taxonomy import load_taxonomy

    forms = {f for s in load_taxonomy() for f in (s.name, *s.aliases, *s.exact) if f.strip()}
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)", re.I)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument(
        "--baseline-mb",
        type=float,
        default=2.0,
        help="The baseline is ~25x slower: time it on the first N MB of the same text.",
    )
    parser.add_argument("--runs", type=int, default=3, help="End-to-end runs of each output.")
    args = parser.parse_args(argv)
    from careergap.reading.extractor import Extractor
    from careergap.reading.taxonomy import load_taxonomy

    text = posting_text(args.mb)
    megabytes = len(text.encode("utf-8")) / 1_000_000
    show("file size", f"{megabytes:.1f} MB of real posting lines")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "postings.txt"
        path.write_text(text, encoding="utf-8")
        env = {"CAREERGAP_HOME": folder}
        command = [*CAREERGAP, "extract", str(path)]
        shown = " ".join([*CAREERGAP, "extract", "FILE"])
        show("command", f"{shown} [--json], {args.runs} runs each")
        out = end_to_end(
            "extract --json, end to end", [*command, "--json"], env, args.runs, megabytes
        )
        assert json.loads(out)["skills"], "no skills found"
        out = end_to_end("extract (table), end to end", command, env, args.runs, megabytes)
        assert out.strip(), "no table printed"

    extractor = Extractor(load_taxonomy())
    start = time.perf_counter()
    ours = extractor.find(text)
    ours_s = time.perf_counter() - start
    pattern = baseline_pattern()
    sample = text[: int(args.baseline_mb * 1_000_000)]
    sample_mb = len(sample.encode("utf-8")) / 1_000_000
    start = time.perf_counter()
    theirs = sum(1 for _ in pattern.finditer(sample))
    base_s = time.perf_counter() - start
    ours_rate, base_rate = megabytes / ours_s, sample_mb / base_s

    show(
        "Extractor.find, in process",
        f"{ours_s:.2f} s = {ours_rate:.1f} MB/s, {len(ours):,} mentions",
    )
    show(
        "baseline regex alternation, in process",
        f"{base_s:.2f} s for {sample_mb:.1f} MB = {base_rate:.2f} MB/s, {theirs:,} hits",
    )
    show("careergap / baseline speed", f"{ours_rate / base_rate:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
