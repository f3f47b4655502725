"""How well careergap reads postings: precision, recall and must-not violations on the gold set.

Each gold posting (``tests/gold/``, format and definitions in its README) is given to the
installed ``careergap extract FILE --json``, exactly as a user would run it. Gold names are
resolved with careergap's own profile-name resolution
(``careergap.reading.matching.resolve_skill``); a gold name that does not resolve is a miss.
Figures are reported for the half of the gold set the taxonomy was NOT built from
(``outside``) and the seed half apart, and per family group, with sample sizes and 95%
bootstrap intervals over postings (fixed seed).

    python bench_accuracy.py                 # the table
    python bench_accuracy.py --json          # the same figures as JSON
    python bench_accuracy.py --details       # misses and false positives per posting
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CAREERGAP, REPO  # noqa: E402

sys.path.insert(0, str(REPO / "tests" / "gold"))
from goldset import CHIP_SUBGROUPS, GROUPS, HALVES, GoldPosting, gold_files, load_all  # noqa: E402

#: Version of the ``--json`` output of this benchmark.
SCHEMA_VERSION = 1
#: Bootstrap resamples for the intervals, and their fixed seed (same inputs, same figures).
BOOTSTRAP_RUNS = 2000
BOOTSTRAP_SEED = 20251203
#: Fewest postings a scope needs for an interval: resampling one or two postings shows no spread.
MIN_POSTINGS_FOR_CI = 5
#: When ``extract --json`` names a section per mention, only demand sections count (issue 11:
#: requirement, responsibility and stack lines carry demands). A section is a demand section
#: when its name contains one of these stems ("requirements", "preferred", "tech_stack", ...).
DEMAND_SECTION_STEMS = ("requir", "respons", "prefer", "qualif", "stack", "skill", "duties", "task")
#: Sections known to carry no demand; any other name not matching the stems is reported once.
OTHER_SECTIONS = ("title", "company", "about", "benefit", "legal", "eeo", "apply", "other", "intro")


@dataclass
class Scored:
    """One posting scored: what was demanded, what careergap found, and how they meet."""

    gold: GoldPosting
    found: dict[str, str]  # skill id -> first demand line careergap found it on
    names: dict[str, str]  # skill id -> careergap's name
    hits: list[tuple[str, str]] = field(default_factory=list)  # (gold name, id)
    misses: list[tuple[str, str | None, str]] = field(default_factory=list)  # name, id, why
    false_positives: list[str] = field(default_factory=list)  # ids
    violations: list[tuple[str, str]] = field(default_factory=list)  # (gold name, id)
    unresolved_must_not: list[str] = field(default_factory=list)

    @property
    def n_gold(self) -> int:
        return len(self.gold.demanded)

    @property
    def n_found(self) -> int:
        return len(self.found)

    @property
    def n_correct(self) -> int:
        """Found ids that are a demand (each counted once)."""
        return len(self.found) - len(self.false_positives)


def is_demand(mention: dict[str, Any], unknown: set[str] | None = None) -> bool:
    """Whether a mention of ``extract --json`` counts: only demand sections, when sections exist."""
    if "demand" in mention:
        return bool(mention["demand"])
    section = mention.get("section")
    if section is None:
        return True
    name = str(section).lower()
    if any(stem in name for stem in DEMAND_SECTION_STEMS):
        return True
    if unknown is not None and not any(stem in name for stem in OTHER_SECTIONS):
        unknown.add(name)
    return False


def extract(text: str, home: str) -> dict[str, Any]:
    """``careergap extract FILE --json`` on the posting text, as a user would run it."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fh:
        fh.write(text)
        path = fh.name
    try:
        proc = subprocess.run(
            [*CAREERGAP, "extract", path, "--json"],
            capture_output=True,
            env={**os.environ, "CAREERGAP_HOME": home},
            cwd=REPO,
            check=False,
        )
    finally:
        os.unlink(path)
    if proc.returncode != 0:
        raise SystemExit(f"careergap extract failed ({proc.returncode}): {proc.stderr.decode()}")
    return json.loads(proc.stdout)


def score(
    gold: GoldPosting,
    payload: dict[str, Any],
    resolve: Callable[[str], str | None],
    unknown_sections: set[str] | None = None,
) -> Scored:
    """Compare one posting's extraction with its labels (definitions: tests/gold/README.md)."""
    found: dict[str, str] = {}
    names: dict[str, str] = {}
    for skill in payload["skills"]:
        demands = [m for m in skill["mentions"] if is_demand(m, unknown_sections)]
        if demands:
            found[skill["id"]] = demands[0]["text"]
            names[skill["id"]] = skill["name"]
    result = Scored(gold, found, names)
    credited: set[str] = set()
    demand_ids: set[str] = set()
    for name in gold.demanded:
        sid = resolve(name)
        if sid is None:
            result.misses.append((name, None, "not in the taxonomy"))
            continue
        demand_ids.add(sid)
        if sid in credited:
            result.misses.append((name, sid, "resolves to the same skill as another gold item"))
        elif sid in found:
            credited.add(sid)
            result.hits.append((name, sid))
        else:
            result.misses.append((name, sid, "not found"))
    result.false_positives = sorted(sid for sid in found if sid not in demand_ids)
    for name in gold.must_not:
        sid = resolve(name)
        if sid is None:
            result.unresolved_must_not.append(name)
        elif sid in found and sid not in demand_ids:
            result.violations.append((name, sid))
    return result


@dataclass(frozen=True)
class Figures:
    scope: str
    postings: int
    gold_items: int
    found_items: int
    precision: float | None
    precision_ci: tuple[float, float] | None
    recall: float | None
    recall_ci: tuple[float, float] | None
    violations: int
    postings_with_violation: int
    unresolved_gold: int

    def as_json(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {
            "scope": self.scope,
            "postings": self.postings,
            "gold_items": self.gold_items,
            "found_items": self.found_items,
            "precision": r(self.precision),
            "precision_ci95": _pair(self.precision_ci),
            "recall": r(self.recall),
            "recall_ci95": _pair(self.recall_ci),
            "must_not_violations": self.violations,
            "postings_with_violation": self.postings_with_violation,
            "unresolved_gold_items": self.unresolved_gold,
        }


def _pair(ci: tuple[float, float] | None) -> list[float] | None:
    return None if ci is None else [round(ci[0], 4), round(ci[1], 4)]


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _micro(rows: Sequence[Scored]) -> tuple[float | None, float | None]:
    correct = sum(s.n_correct for s in rows)
    found = sum(s.n_found for s in rows)
    hit = sum(len(s.hits) for s in rows)
    gold = sum(s.n_gold for s in rows)
    return _ratio(correct, found), _ratio(hit, gold)


def _interval(values: list[float]) -> tuple[float, float] | None:
    if not values:
        return None
    values.sort()
    lo = values[int(0.025 * (len(values) - 1))]
    hi = values[int(round(0.975 * (len(values) - 1)))]
    return lo, hi


def figures(scope: str, rows: Sequence[Scored]) -> Figures:
    """Micro-averaged figures over postings, with a percentile bootstrap over postings."""
    precision, recall = _micro(rows)
    rng = random.Random(f"{BOOTSTRAP_SEED}:{scope}")
    ps: list[float] = []
    rs: list[float] = []
    if len(rows) >= MIN_POSTINGS_FOR_CI:
        for _ in range(BOOTSTRAP_RUNS):
            sample = [rows[rng.randrange(len(rows))] for _ in rows]
            p, r = _micro(sample)
            if p is not None:
                ps.append(p)
            if r is not None:
                rs.append(r)
    return Figures(
        scope=scope,
        postings=len(rows),
        gold_items=sum(s.n_gold for s in rows),
        found_items=sum(s.n_found for s in rows),
        precision=precision,
        precision_ci=_interval(ps) if ps else None,
        recall=recall,
        recall_ci=_interval(rs) if rs else None,
        violations=sum(len(s.violations) for s in rows),
        postings_with_violation=sum(1 for s in rows if s.violations),
        unresolved_gold=sum(1 for s in rows for _, sid, _ in s.misses if sid is None),
    )


def scopes(rows: Sequence[Scored]) -> Iterable[tuple[str, list[Scored]]]:
    """Each half whole, then per group, then per chip subgroup; empty scopes are left out."""
    for half in HALVES:
        in_half = [s for s in rows if s.gold.half == half]
        yield half, in_half
        for group in GROUPS:
            in_group = [s for s in in_half if s.gold.group == group]
            if in_group:
                yield f"{half} / {group}", in_group
            if group == "chip":
                for sub in CHIP_SUBGROUPS:
                    in_sub = [s for s in in_group if s.gold.subgroup == sub]
                    if in_sub:
                        yield f"{half} / chip / {sub}", in_sub
    yield "all", list(rows)


def _pct(x: float | None, ci: tuple[float, float] | None) -> str:
    if x is None:
        return "n/a"
    band = f" [{ci[0]:.2f}-{ci[1]:.2f}]" if ci else " [n<5]"
    return f"{x:.2f}{band}"


def print_table(table: Sequence[Figures], command: str) -> None:
    print(f"command: {command}")
    head = f"{'scope':<34} {'posts':>5} {'gold':>5} {'found':>5}  {'precision [95% CI]':<20} "
    print(head + f"{'recall [95% CI]':<20} {'must-not':>8} {'unres.':>6}")
    for f in table:
        print(
            f"{f.scope:<34} {f.postings:>5} {f.gold_items:>5} {f.found_items:>5}  "
            f"{_pct(f.precision, f.precision_ci):<20} {_pct(f.recall, f.recall_ci):<20} "
            f"{f.violations:>8} {f.unresolved_gold:>6}"
        )
    print(
        "gold = demanded items (must + optional); found = skills careergap found on demand lines;"
        "\nmust-not = found skills that the text names only as a non-demand; unres. = gold names"
        "\ncareergap's profile-name resolution does not know (counted as misses)."
    )


def print_details(rows: Sequence[Scored]) -> None:
    for s in rows:
        g = s.gold
        print(
            f"\n== {g.id} ({g.half}, {g.group}{'/' + g.subgroup if g.subgroup else ''}) "
            f"hits {len(s.hits)}/{s.n_gold}, found {s.n_found}, false positives "
            f"{len(s.false_positives)}, must-not {len(s.violations)}"
        )
        for name, sid, why in s.misses:
            print(f"  miss  {name}" + (f" -> {sid}" if sid else "") + f": {why}")
        for sid in s.false_positives:
            print(f"  fp    {s.names[sid]} ({sid}): {s.found[sid][:100]!r}")
        for name, sid in s.violations:
            print(f"  must-not  {name} -> {sid}: {s.found[sid][:100]!r}")
        for name in s.unresolved_must_not:
            print(f"  (must-not {name!r} is not in the taxonomy: cannot be violated)")
    print_tallies(rows)


def tallies(rows: Sequence[Scored]) -> dict[str, list[tuple[str, int]]]:
    """What to fix first: unknown gold names and false positives, most frequent first."""
    unknown = Counter(name for s in rows for name, sid, _ in s.misses if sid is None)
    wrong = Counter(s.names[sid] for s in rows for sid in s.false_positives)
    missed = Counter(name for s in rows for name, sid, _ in s.misses if sid is not None)

    def ranked(counter: Counter[str]) -> list[tuple[str, int]]:
        return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))

    return {
        "not_in_taxonomy": ranked(unknown),
        "known_but_missed": ranked(missed),
        "false_positives": ranked(wrong),
    }


def print_tallies(rows: Sequence[Scored]) -> None:
    for title, items in tallies(rows).items():
        shown = ", ".join(f"{name} ({n})" for name, n in items[:40])
        more = f", ... {len(items) - 40} more" if len(items) > 40 else ""
        print(f"\n{title.replace('_', ' ')}, by postings: {shown}{more}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--details", action="store_true", help="misses and false positives")
    parser.add_argument("--gold", type=Path, help="a gold folder other than tests/gold")
    args = parser.parse_args(argv)

    from careergap.reading.matching import resolve_skill
    from careergap.reading.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    cache: dict[str, str | None] = {}

    def resolve(name: str) -> str | None:
        if name not in cache:
            cache[name] = resolve_skill(name, taxonomy).skill_id
        return cache[name]

    postings = load_all(gold_files(args.gold) if args.gold else None)
    unknown: set[str] = set()
    with tempfile.TemporaryDirectory() as home:
        rows = [score(g, extract(g.text, home), resolve, unknown) for g in postings]
    if unknown:
        print(
            f"warning: sections counted as non-demand: {', '.join(sorted(unknown))}",
            file=sys.stderr,
        )
    table = [figures(scope, chosen) for scope, chosen in scopes(rows)]
    command = "python tests/benchmarks/bench_accuracy.py" + "".join(
        f" {a}" for a in (argv if argv is not None else sys.argv[1:])
    )
    if args.json:
        out = {
            "schema_version": SCHEMA_VERSION,
            "command": command,
            "bootstrap": {"runs": BOOTSTRAP_RUNS, "seed": BOOTSTRAP_SEED, "level": 0.95},
            "figures": [f.as_json() for f in table],
        }
        if args.details:
            out["postings"] = [_detail_json(s) for s in rows]
            out["tallies"] = {
                k: [{"name": n, "postings": c} for n, c in v] for k, v in tallies(rows).items()
            }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return
    print_table(table, command)
    if args.details:
        print_details(rows)


def _detail_json(s: Scored) -> dict[str, Any]:
    return {
        "id": s.gold.id,
        "half": s.gold.half,
        "group": s.gold.group,
        "subgroup": s.gold.subgroup,
        "hits": [{"gold": n, "id": i} for n, i in s.hits],
        "misses": [{"gold": n, "id": i, "why": w} for n, i, w in s.misses],
        "false_positives": [
            {"id": i, "name": s.names[i], "line": s.found[i]} for i in s.false_positives
        ],
        "must_not_violations": [{"gold": n, "id": i, "line": s.found[i]} for n, i in s.violations],
        "unresolved_must_not": s.unresolved_must_not,
    }


if __name__ == "__main__":
    main()
