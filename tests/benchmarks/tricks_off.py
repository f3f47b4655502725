"""Run careergap with one of its speed tricks turned off, for bench_tricks.py's on/off figures.

    python tricks_off.py TRICK [careergap arguments...]

TRICK is ``none`` (careergap as shipped) or one of :data:`TRICKS`; each is replaced by the plain
code it stands in for, with the same results, so only the time differs.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import Any


def _plain_json_encoder() -> None:
    """extract --json through emit_json's json.dumps(indent=2), not the hand-spelled chunks."""
    import json

    from careergap.files.escaping import for_json
    from careergap.views import extraction

    def chunks(
        schema_version: int,
        source: str,
        lines: Sequence[str],
        skills: Sequence[tuple[str, str, Sequence[int]]],
        sections: Sequence[str] | None = None,
        not_demands: Any = frozenset(),
    ) -> Iterator[bytes]:
        payload = {
            "schema_version": schema_version,
            "source": source,
            "skills": [
                {
                    "id": sid,
                    "name": name,
                    "mentions": [
                        {
                            "line": n,
                            "text": lines[n - 1].strip(),
                            "section": "requirements" if sections is None else sections[n - 1],
                            "demand": (sid, n) not in not_demands,
                        }
                        for n in numbers
                    ],
                }
                for sid, name, numbers in skills
            ],
        }
        yield (for_json(json.dumps(payload, indent=2, ensure_ascii=False)) + "\n").encode()

    extraction.extract_json_chunks = chunks


def _no_gc_freeze() -> None:
    """Loaded objects stay in the cyclic collector's sight."""
    import gc

    gc.freeze = lambda: None


def _no_worker_pool() -> None:
    """A large --postings folder is read and compiled in this process only: no workers, no
    orphan watch."""
    from careergap.corpus import readahead

    readahead._read_ahead = lambda paths, batch: iter(())


def _no_regex_programs() -> None:
    """The matcher's two patterns compiled by ``re`` on every run, not loaded as programs."""
    from careergap.files import regexcode

    regexcode.SUPPORTED = False


TRICKS = {
    "json-encoder": _plain_json_encoder,
    "gc-freeze": _no_gc_freeze,
    "worker-pool": _no_worker_pool,
    "regex-programs": _no_regex_programs,
}


if __name__ == "__main__":
    trick = sys.argv[1]
    if trick != "none":
        TRICKS[trick]()
    sys.argv = ["careergap", *sys.argv[2:]]
    from careergap.__main__ import main

    main()
