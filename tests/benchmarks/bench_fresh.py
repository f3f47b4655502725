"""A fresh check of careergap's reading on public labelled postings no one here labelled.

The gold set (``bench_accuracy.py``) is small and its outside half has been read for misses, so
it flatters. This check uses labels made by others, scored automatically by span, on text the
gold set does not hold (needs ``../shared/evaldata/gold/``, which is not shipped):

- **skillspan**: the SkillSpan tech postings (Zhang et al., NAACL 2022, MIT) that are not in
  ``tests/gold/outside``. The gold items are each posting's *knowledge* spans (tools,
  technologies, fields: what careergap's taxonomy is meant to cover); skill spans ("work in
  teams") only support precision.
- **techwolf**: the TechWolf test sentences of Decorte et al.'s benchmark (job-ad sentences from
  a source other than SkillSpan, each with the ESCO skills it names). Every ESCO label is a gold
  item; "known" labels are those careergap can read. Sentences are scored like green's.
- **green**: the test set of Green, Maynard & Lin (LREC 2022, CC BY 4.0), sentences of general
  job ads (kitchens, sales, engineering), one line each under a requirements heading. Its
  Skill/Qualification/Domain/Experience spans support precision; it mostly measures false
  positives on non-technical text.

Scoring, per posting (skillspan) or sentence (green), with careergap's own reading of each span
alone as the bridge between a span and a skill id:

- a gold span is **known** when ``extract`` on the span alone finds a skill, or the span is a
  skill's name or alias (profile-name resolution, no fuzzy match: a bare "go" or "c#"); it is
  **found** when one of those skills is found in the posting (recall = found / all spans; the
  rest split into "known, not found" and "unknown": no skill in the vocabulary names it);
- a skill found in the posting is **supported** when some gold span of the posting (knowledge or
  skill) yields it (precision = supported / found). The labellers did not mark every mention, so
  this precision is a lower bound; the unsupported list is for reading, by kind.

    python bench_fresh.py                  # figures for both sets
    python bench_fresh.py --details        # unknown spans and unsupported skills, by frequency
    python bench_fresh.py --json
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO  # noqa: E402
from bench_accuracy import extract, is_demand  # noqa: E402

GOLD = REPO.parent / "shared" / "evaldata" / "gold"
if not GOLD.is_dir():
    GOLD = Path("/work/shared/evaldata/gold")
SKILLSPAN = GOLD / "skillspan" / "skillspan_tech_postings.jsonl"
GREEN = GOLD / "green_lrec2022" / "df_testset.csv"
TECHWOLF = GOLD / "decorte_esco" / "techwolf_test_annotations.csv"
#: Green tags that name something a posting asks for (Occupation names the job, not a demand).
GREEN_DEMAND_TAGS = ("Skill", "Qualification", "Domain", "Experience")
#: Header written above each text so every line is read as a requirement line.
HEADING = "Requirements:"
#: Postings extracted at once (each is its own ``careergap extract`` process).
WORKERS = 2


@dataclass
class Unit:
    """One posting (or sentence): its text, gold spans, and what careergap made of them."""

    key: str
    text: str
    knowledge: list[str]
    support: list[str]  # every span that may back a found skill
    found: set[str] = field(default_factory=set)


@dataclass
class Result:
    name: str
    units: int = 0
    spans: int = 0
    found_spans: int = 0
    known_spans: int = 0
    found_ids: int = 0
    supported_ids: int = 0
    unknown: Counter[str] = field(default_factory=Counter)
    missed_known: Counter[str] = field(default_factory=Counter)
    unsupported: Counter[str] = field(default_factory=Counter)

    def figures(self) -> dict[str, Any]:
        def r(n: int, d: int) -> float | None:
            return round(n / d, 4) if d else None

        return {
            "set": self.name,
            "units": self.units,
            "gold_spans": self.spans,
            "recall": r(self.found_spans, self.spans),
            "recall_of_known": r(self.found_spans, self.known_spans),
            "unknown_spans": self.spans - self.known_spans,
            "found_skills": self.found_ids,
            "precision_lower_bound": r(self.supported_ids, self.found_ids),
        }


def _key(span: str) -> str:
    return " ".join(span.split()).casefold()


def _dedupe(spans: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for s in spans:
        s = " ".join(s.split())
        if s and s.casefold() not in seen:
            seen[s.casefold()] = s
    return list(seen.values())


def skillspan_units() -> list[Unit]:
    labelled = {p.stem for p in (REPO / "tests" / "gold" / "outside").glob("*.yaml")}
    units = []
    for line in SKILLSPAN.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"] in labelled:
            continue
        knowledge = _dedupe(rec["gold_knowledge_spans"])
        units.append(
            Unit(rec["id"], rec["text"], knowledge, _dedupe(knowledge + rec["gold_skill_spans"]))
        )
    return units


def green_units() -> list[Unit]:
    """Green's sentences, one unit each; tokens joined by spaces as the source has them."""
    words: dict[int, list[tuple[str, str]]] = {}
    with GREEN.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            words.setdefault(int(row["sentence_id"]), []).append((row["word"], row["tag"]))
    units = []
    for sid, toks in sorted(words.items()):
        spans: list[str] = []
        current: list[str] = []
        for word, tag in [*toks, ("", "O")]:
            kind = tag[2:] if tag[:2] in ("B-", "I-") else ""
            if current and (tag.startswith("B-") or kind not in GREEN_DEMAND_TAGS):
                spans.append(" ".join(current))
                current = []
            if kind in GREEN_DEMAND_TAGS:
                current.append(word)
        text = " ".join(w for w, _ in toks)
        units.append(Unit(f"green-{sid}", text, [], _dedupe(spans)))
    return units


def techwolf_units() -> list[Unit]:
    """TechWolf's sentences, one unit each, with their ESCO labels as gold."""
    labels: dict[str, list[str]] = {}
    with TECHWOLF.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            labels.setdefault(row["sentence"], []).append(row["label"])
    return [
        Unit(f"techwolf-{i}", " ".join(text.lstrip("*- ").split()), _dedupe(ls), _dedupe(ls))
        for i, (text, ls) in enumerate(sorted(labels.items()), 1)
    ]


def _found(payload: dict[str, Any]) -> dict[int, set[str]]:
    """Line number -> ids with a demand mention on it."""
    by_line: dict[int, set[str]] = {}
    for skill in payload["skills"]:
        for m in skill["mentions"]:
            if is_demand(m):
                by_line.setdefault(m["line"], set()).add(skill["id"])
    return by_line


def read_spans(spans: list[str], home: str) -> dict[str, set[str]]:
    """Each span (by ``_key``) -> the skill ids careergap finds in it, read alone as a
    requirement line, or that its exact name or alias resolves to."""
    from careergap.reading.matching import resolve_skill
    from careergap.reading.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    by_line = _found(extract(_one_per_heading(spans), home))
    out = {}
    for i, s in enumerate(spans):
        ids = set(by_line.get(2 * i + 2, set()))
        named = resolve_skill(s, taxonomy, fuzzy=False).skill_id  # a bare name: "go", "c#"
        out[_key(s)] = ids | {named} if named else ids
    return out


def _one_per_heading(texts: list[str]) -> str:
    """Each text as a list item under its own heading (line 2i+2), so no text is read as a
    heading that changes the section of the next ones."""
    return "".join(f"{HEADING}\n- {t}\n" for t in texts)


def run(name: str, units: list[Unit], home: str, per_line: bool) -> Result:
    spans = _dedupe(s for u in units for s in u.support)
    ids_of = read_spans(spans, home)
    if per_line:  # sentences: one extract over all of them, one line each
        by_line = _found(extract(_one_per_heading([u.text for u in units]), home))
        for i, u in enumerate(units):
            u.found = by_line.get(2 * i + 2, set())
    else:

        def one(u: Unit) -> set[str]:
            return {
                i for ids in _found(extract(f"{HEADING}\n{u.text}\n", home)).values() for i in ids
            }

        with ThreadPoolExecutor(WORKERS) as pool:
            for u, found in zip(units, pool.map(one, units), strict=True):
                u.found = found
    res = Result(name, units=len(units))
    for u in units:
        for s in u.knowledge:
            ids = ids_of.get(_key(s), set())
            res.spans += 1
            if not ids:
                res.unknown[s.casefold()] += 1
                continue
            res.known_spans += 1
            if ids & u.found:
                res.found_spans += 1
            else:
                res.missed_known[s.casefold()] += 1
        backed = {i for s in u.support for i in ids_of.get(_key(s), set())}
        res.found_ids += len(u.found)
        res.supported_ids += len(u.found & backed)
        res.unsupported.update(u.found - backed)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--only", choices=("skillspan", "techwolf", "green"))
    ap.add_argument("--top", type=int, default=80, help="rows per --details list")
    args = ap.parse_args(argv)
    if not GOLD.is_dir():
        raise SystemExit(f"no {GOLD}: this check needs ../shared/evaldata beside the checkout")
    results = []
    with tempfile.TemporaryDirectory(prefix="careergap-fresh-") as home:
        if args.only in (None, "skillspan"):
            results.append(
                run(
                    "skillspan (tech postings not in tests/gold)",
                    skillspan_units(),
                    home,
                    per_line=False,
                )
            )
        if args.only in (None, "techwolf"):
            results.append(
                run(
                    "techwolf (job-ad sentences, ESCO labels)",
                    techwolf_units(),
                    home,
                    per_line=True,
                )
            )
        if args.only in (None, "green"):
            results.append(
                run("green (general job-ad sentences)", green_units(), home, per_line=True)
            )
    if args.json:
        print(json.dumps([r.figures() for r in results], indent=2))
        return 0
    for r in results:
        f = r.figures()
        print(
            f"{r.name}: {f['units']} units, {f['gold_spans']} knowledge spans, "
            f"recall {f['recall']} (of known {f['recall_of_known']}, "
            f"{f['unknown_spans']} unknown); {f['found_skills']} skills found, "
            f"precision >= {f['precision_lower_bound']}"
        )
        if args.details:
            for title, counter in (
                ("unknown spans", r.unknown),
                ("known spans not found", r.missed_known),
                ("found, no span backs it", r.unsupported),
            ):
                rows = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[: args.top]
                print(f"  {title} ({sum(counter.values())}):")
                print("    " + "; ".join(f"{k} x{n}" if n > 1 else k for k, n in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
