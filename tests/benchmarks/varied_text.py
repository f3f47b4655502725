"""Posting text that does not repeat itself, drawn from the real lines of the committed corpus.

A file made by copying a seed or by drawing from a small pool of lines repeats its lines, and
anything that remembers a line it has seen (a cache keyed on line text, a memo of extraction
results) looks faster on it than on real text. Here every line is new: two real lines are
spliced at random word positions, some words are swapped for other words of the corpus or for
other skill names of the taxonomy, numbers are redrawn, and a line already written is never
written again. The vocabulary, sentence shape and skill density stay those of real postings.

    python tests/benchmarks/varied_text.py 3.5 /tmp/varied.txt   # megabytes, file
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

#: Fixed so every machine measures the same text.
DEFAULT_SEED = 15
#: Per word: the chance it is swapped for another corpus word, and for a skill's name or alias.
WORD_SWAP = 0.08
SKILL_SWAP = 0.05
_NUMBER = re.compile(r"\d+")


def real_lines() -> list[str]:
    """Every requirement line of the committed corpus, once each, in a fixed order."""
    from careergap.corpus.load import load_corpus

    return sorted({line.text for p in load_corpus().postings for line in p.lines})


def skill_forms() -> list[str]:
    """Every name and alias of the packaged taxonomy, in a fixed order."""
    from careergap.reading.taxonomy import load_taxonomy

    return sorted({f for s in load_taxonomy() for f in (s.name, *s.aliases)})


def varied_lines(seed: int = DEFAULT_SEED) -> Iterator[str]:
    """An endless stream of distinct lines (see the module docstring)."""
    pool = real_lines()
    words = sorted({w for line in pool for w in line.split()})
    forms = skill_forms()
    rng = random.Random(seed)
    seen: set[str] = set()
    while True:
        head, tail = rng.choice(pool).split(), rng.choice(pool).split()
        out = head[: rng.randint(1, len(head))] + tail[rng.randint(0, len(tail) - 1) :]
        for i in range(len(out)):
            draw = rng.random()
            if draw < WORD_SWAP:
                out[i] = rng.choice(words)
            elif draw < WORD_SWAP + SKILL_SWAP:
                out[i] = rng.choice(forms)
        line = _NUMBER.sub(lambda m: str(rng.randint(1, 12)), " ".join(out))
        if line not in seen:
            seen.add(line)
            yield line


def write(megabytes: float, path: Path, seed: int = DEFAULT_SEED) -> Path:
    """Write distinct lines to ``path`` until it holds ``megabytes`` (UTF-8)."""
    limit, size, out = megabytes * 1_000_000, 0, []
    for line in varied_lines(seed):
        out.append(line)
        size += len(line.encode("utf-8")) + 1
        if size >= limit:
            break
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    written = write(float(sys.argv[1]), Path(sys.argv[2]))
    lines = written.read_text(encoding="utf-8").splitlines()
    print(f"{written}: {len(lines)} lines, {len(set(lines))} distinct")
