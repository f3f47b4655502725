"""Scale: `careergap match --postings DIR` over 10k and 100k generated postings.

For each size: the first run (empty cache: reads every YAML file, extracts, writes the cache)
and the median of the cached runs, with each run's own peak RSS (wait4). The issue's bars for
100k: first run under 60 s, cached runs under 2 s, peak memory under 1 GB.

    python tests/benchmarks/bench_scale.py [--sizes 10000 100000] [--cached-runs 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile

from _common import CAREERGAP, WORK_DIR, load_average, median, peak_run, show
from generate_corpus import generate

FIRST_RUN_LIMIT_S = 60.0
CACHED_RUN_LIMIT_S = 2.0
PEAK_LIMIT_MB = 1024.0


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSES the target"


def bench(size: int, profile: str, cached_runs: int) -> None:
    folder = generate(size, WORK_DIR / f"{size // 1000}k")
    argv = [*CAREERGAP, "match", profile, "--postings", str(folder), "--json", "--no-record"]
    with tempfile.TemporaryDirectory() as home:
        env = {"CAREERGAP_HOME": home}
        first = peak_run(argv, env)
        assert first.returncode == 0, first.stderr.decode()[-2000:]
        cached = [peak_run(argv, env) for _ in range(cached_runs)]
        assert all(r.returncode == 0 for r in cached)
        assert all(r.stdout == first.stdout for r in cached), "cached output differs"
    big = size >= 100_000
    peak = max(r.peak_mb for r in (first, *cached))
    show(f"{size:,} postings: command", " ".join(argv))
    show(
        f"{size:,} postings: first run (no cache)",
        f"{first.seconds:.1f} s (CPU {first.cpu:.1f} s, workers included), "
        f"peak {first.peak_mb:.0f} MB"
        + (f"  [{_verdict(first.seconds < FIRST_RUN_LIMIT_S)}]" if big else ""),
    )
    show(
        f"{size:,} postings: cached run, median of {cached_runs}",
        f"{median([r.seconds for r in cached]):.2f} s "
        f"(CPU {median([r.cpu for r in cached]):.2f} s), peak "
        f"{max(r.peak_mb for r in cached):.0f} MB"
        + (
            f"  [{_verdict(median([r.seconds for r in cached]) < CACHED_RUN_LIMIT_S)}]"
            if big
            else ""
        ),
    )
    if big:
        show(
            f"{size:,} postings: peak memory", f"{peak:.0f} MB  [{_verdict(peak < PEAK_LIMIT_MB)}]"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--cached-runs", type=int, default=3)
    parser.add_argument("--profile", default="profiles/ml-engineer.yaml")
    args = parser.parse_args(argv)
    for size in args.sizes:
        show("load average before", load_average())
        bench(size, args.profile, args.cached_runs)
    show("load average after", load_average())
    return 0


if __name__ == "__main__":
    sys.exit(main())
