"""Build a large corpus of postings from the real requirement lines of the committed corpus.

Each generated posting borrows the title and role families of a real posting and draws as many
requirement lines as that posting has from the pool of every real line (seed line number and
required/preferred flag kept); each line's text is then a new one from ``varied_text.py`` (real
lines spliced and reworded, never repeated), so the wording, skills and shape are those of real
postings while no line recurs: a cache keyed on repeated lines cannot flatter a large run.
Deterministic for a given size and seed.

    python tests/benchmarks/generate_corpus.py 100000 /tmp/careergap-bench/100k
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from varied_text import varied_lines

from careergap.corpus.load import load_corpus
from careergap.files.loader import dump_yaml

#: Fixed so every machine measures the same corpus.
DEFAULT_SEED = 20261123
#: Marks a complete folder, so an interrupted generation is redone rather than half-used.
DONE_MARKER = ".complete"


def generate(count: int, out: Path, seed: int = DEFAULT_SEED) -> Path:
    """Write ``count`` postings to ``out`` (skipped when a complete one is already there)."""
    marker = out / DONE_MARKER
    if marker.exists() and marker.read_text() == f"{count} {seed} varied\n":
        return out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.yaml"):
        old.unlink()
    real = [p for p in load_corpus().postings if p.kind == "posting"]
    pool = [line for p in real for line in p.lines]
    rng = random.Random(seed)
    texts = varied_lines(seed)
    for index in range(count):
        model = rng.choice(real)
        lines = sorted(rng.sample(pool, len(model.lines)), key=lambda ln: (ln.line, ln.text))
        doc = {
            "id": f"gen-{index:06d}",
            "title": model.title,
            "families": list(model.families),
            "source": f"generated-{seed}.txt",
            "lines": [
                {"line": ln.line, "text": next(texts), "required": ln.required} for ln in lines
            ],
        }
        (out / f"gen-{index:06d}.yaml").write_text(dump_yaml(doc), encoding="utf-8")
    marker.write_text(f"{count} {seed} varied\n")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    generate(args.count, args.out, args.seed)
    print(f"{args.count} postings in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
