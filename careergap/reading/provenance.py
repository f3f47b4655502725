"""Where a skill comes from: the citation formats of ``Skill.sources`` and what a cited row names.

A source is a seed line, ``SEEDFILE:LINE``, or a row of an outside taxonomy,
``PREFIX:FILE:LINE``: ``onet`` (O*NET 29.2 Technology Skills, CC BY 4.0), ``esco`` (ESCO ICT
skills, CC BY 4.0), ``skx`` (the skill-extractor gazetteer, MIT) or ``lc`` (Lightcast Open Skills
names as listed with SkillNER, names only; the row holds the Lightcast id; Lightcast Open Skills
terms apply, not verified). A cited row must name the
skill or one of its forms in its label fields (the product name, the preferred or alternative
labels, the gazetteer entry), not merely in a description. Pure functions: no I/O.
"""

from __future__ import annotations

import csv
import json
import re
from typing import NamedTuple

#: A seed citation: ``002_d3afff88b32231de.txt:1557``.
SEED_SOURCE = re.compile(r"^(?P<file>\d{3}_[0-9a-f]+\.txt):(?P<line>[1-9]\d*)$")
#: An outside-taxonomy citation: ``onet:technology_skills.txt:1234``.
TAXONOMY_SOURCE = re.compile(
    r"^(?P<prefix>onet|esco|skx|lc):(?P<file>[A-Za-z0-9_.-]+):(?P<line>[1-9]\d*)$"
)
#: The one file each prefix may cite (its path under ../shared/evaldata/taxonomy).
TAXONOMY_FILES = {
    "onet": "onet_29_2/technology_skills.txt",
    "esco": "esco/esco_ict_skills_altlabels.csv",
    "skx": "skill_extractor_gazetteer/skill_extractor_skills.json",
    "lc": "lightcast_skillner/lightcast_emsi_skills.csv",
}
_TOKEN = re.compile(r"[a-z0-9+#]+")


class Citation(NamedTuple):
    prefix: str  # "seed", "onet", "esco", "skx" or "lc"
    file: str
    line: int


def parse_source(source: str) -> Citation | None:
    """The citation a source string names, or None if it follows neither format."""
    seed = SEED_SOURCE.match(source)
    if seed:
        return Citation("seed", seed["file"], int(seed["line"]))
    other = TAXONOMY_SOURCE.match(source)
    if other and TAXONOMY_FILES[other["prefix"]].endswith("/" + other["file"]):
        return Citation(other["prefix"], other["file"], int(other["line"]))
    return None


def label_fields(prefix: str, row: str) -> list[str]:
    """The parts of a taxonomy row that name a skill (never its description)."""
    if prefix == "onet":  # SOC code, Example, Commodity code, Commodity title, Hot, In demand
        cells = row.split("\t")
        return cells[1:2]
    if prefix == "esco":  # uri, preferredLabel, skillType, altLabels, description
        cells = next(csv.reader([row]), [])
        alt = cells[3].split(" | ") if len(cells) > 3 else []
        return [*cells[1:2], *alt]
    if prefix == "skx":  # one JSON string per line: "langchain",
        text = row.strip().rstrip(",")
        try:
            value = json.loads(text)
        except ValueError:
            return []
        return [value] if isinstance(value, str) else []
    if prefix == "lc":  # skill_id, skill_name, skill_type, skill_len, category, created_at
        cells = next(csv.reader([row]), [])
        return cells[1:2]
    raise ValueError(f"unknown source prefix {prefix!r}")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


def names(field: str, form: str) -> bool:
    """True if ``field`` names ``form``: its words appear in order, as whole words, or the two
    are equal once spaces and punctuation are dropped ("pg vector" = "pgvector")."""
    want, have = _tokens(form), _tokens(field)
    if not want:
        return False
    if "".join(want) == "".join(have):
        return True
    n = len(want)
    return any(have[i : i + n] == want for i in range(len(have) - n + 1))
