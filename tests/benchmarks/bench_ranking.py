"""How often people land in their own family, and how robust that is (issue 12).

Every persona in tests/personas/ (with the family it must rank first) and every example profile
in profiles/ (with the family its file name names) is ranked by `engine.match`, and by coverage
alone for comparison. Robustness: each written skill is dropped in turn (one variant per skill)
and the variant is ranked again; a variant whose first family changes is counted.

    python bench_ranking.py            # the table
    python bench_ranking.py --margins  # each profile's first two families and their fits

Not a test: it prints figures for the README; tests/test_personas.py holds the checks.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path

import yaml

from careergap.engine.questions import load_workspace, match
from careergap.reading.profile import load_profile
from careergap.store.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
#: The family each example profile in profiles/ is written for (its file name says so).
PROFILE_FAMILIES = {
    "computer-vision": "computer-vision",
    "data-engineer": "data-engineer",
    "data-scientist": "data-scientist",
    "eda-developer": "eda-software-developer",
    "formal-verification": "formal-verification",
    "hardware-security": "hardware-security",
    "ml-engineer": "machine-learning-engineer",
    "mlops-engineer": "mlops-ml-platform",
    "nlp-engineer": "nlp-speech-llm",
    "physical-design": "physical-design-sta-dfm",
}


def cases() -> list[tuple[Path, str]]:
    personas = ROOT / "tests" / "personas"
    expected = yaml.safe_load((personas / "expectations.yaml").read_text(encoding="utf-8"))
    found = [(personas / name, spec["first"]) for name, spec in sorted(expected.items())]
    found += [(ROOT / "profiles" / f"{k}.yaml", v) for k, v in sorted(PROFILE_FAMILIES.items())]
    return found


def first(ws: Workspace, levels: Mapping[str, int], by_coverage: bool = False) -> list[str]:
    results = match(ws, levels)
    if by_coverage:
        results = sorted(results, key=lambda r: (-r.score.coverage, r.score.family_id))
    return [r.score.family_id for r in results]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--margins", action="store_true", help="print each profile's top two")
    args = parser.parse_args()
    ws = load_workspace()
    total = own_fit = own_cov = variants = moved = 0
    for path, family in cases():
        levels = dict(load_profile(path, ws.taxonomy).levels)
        ranked = first(ws, levels)
        total += 1
        own_fit += ranked[0] == family
        own_cov += first(ws, levels, by_coverage=True)[0] == family
        for skill in sorted(levels):
            variants += 1
            moved += first(ws, {k: v for k, v in levels.items() if k != skill})[0] != family
        if args.margins:
            scores = {r.score.family_id: r.score for r in match(ws, levels)}
            a, b = (scores[f] for f in ranked[:2])
            print(
                f"{path.parent.name}/{path.name}: {a.family_id} {a.rank_score:.3f}, "
                f"{b.family_id} {b.rank_score:.3f} (want {family})"
            )
    print(f"profiles and personas: {total}")
    print(f"own family first, by fit (match's order): {own_fit}/{total}")
    print(f"own family first, by coverage alone: {own_cov}/{total}")
    print(f"drop-one-skill variants whose first family is not their own: {moved}/{variants}")


if __name__ == "__main__":
    main()
