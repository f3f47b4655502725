"""Write the skeleton of a gold posting file from its source, text copied verbatim.

    python tests/gold/new_gold.py seed seeds/002_d3afff88b32231de.txt 777 791 ID GROUP
    python tests/gold/new_gold.py skillspan \
        ../shared/evaldata/gold/skillspan/skillspan_tech_postings.jsonl RECORD GROUP

The labels (must, optional, must_not) start empty: fill them in by reading the text alone,
never careergap's output (see README.md in this folder).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent


def render(doc: dict[str, Any], text: str) -> str:
    """The gold YAML: fields first, then the text as a literal block that loads back exactly."""
    head = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
    chomp = "+" if text.endswith("\n") else "-"
    body = "".join(f"  {line}\n" if line else "\n" for line in text.split("\n"))
    if text.endswith("\n"):
        body = body[:-1]
    out = f"{head}text: |2{chomp}\n{body}"
    if yaml.safe_load(out)["text"] != text:
        # Text a literal block cannot carry (e.g. a stray control character): quote it instead.
        out = head + yaml.safe_dump({"text": text}, allow_unicode=True, width=100)
    assert yaml.safe_load(out)["text"] == text
    return out


def from_seed(path: str, first: int, last: int, gid: str, group: str) -> tuple[dict, str]:
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    text = "\n".join(lines[first - 1 : last])
    origin = {"seed": Path(path).name, "lines": [first, last]}
    return _doc(gid, "seed", origin, group), text


def from_skillspan(path: str, record: str, group: str) -> tuple[dict, str]:
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        row = json.loads(raw)
        if row["id"] == record:
            origin = {
                "dataset": "SkillSpan (Zhang et al., NAACL 2022), tech postings",
                "file": Path(path).name,
                "record": record,
                "licence": "MIT",
            }
            return _doc(record, "outside", origin, group), row["text"]
    raise SystemExit(f"{path}: no record {record!r}")


def _doc(gid: str, half: str, origin: dict, group: str) -> dict:
    subgroup = None
    if "/" in group:
        group, subgroup = group.split("/", 1)
    doc: dict[str, Any] = {"id": gid, "half": half, "origin": origin, "group": group}
    if subgroup:
        doc["subgroup"] = subgroup
    doc.update({"must": [], "optional": [], "must_not": [], "notes": ""})
    return doc


def main(argv: list[str]) -> None:
    kind = argv[0]
    if kind == "seed":
        doc, text = from_seed(argv[1], int(argv[2]), int(argv[3]), argv[4], argv[5])
    elif kind == "skillspan":
        doc, text = from_skillspan(argv[1], argv[2], argv[3])
    else:
        raise SystemExit(__doc__)
    target = HERE / doc["half"] / f"{doc['id']}.yaml"
    if target.exists():
        raise SystemExit(f"{target}: exists; not overwritten")
    target.parent.mkdir(exist_ok=True)
    target.write_text(render(doc, text), encoding="utf-8")
    print(target)


if __name__ == "__main__":
    main(sys.argv[1:])
