"""What `extract` shows beyond the mentions (`engine/texts.mentions_in`): each skill's lines,
with their section and whether each asks for the skill (written as JSON by `views/extraction`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from careergap.reading.demands import read_mentions
from careergap.reading.extraction import first_lines, line_numbers
from careergap.reading.extractor import Mention
from careergap.reading.taxonomy import Taxonomy


class ExtractLines(NamedTuple):
    """What ``extract --json`` prints: the text's lines; each skill found as (id, name, the
    1-based numbers of its lines), by id; each line's section; and the (skill id, line) pairs
    whose every mention on that line is not a demand."""

    lines: Sequence[str]
    skills: list[tuple[str, str, list[int]]]
    sections: list[str]
    not_demands: set[tuple[str, int]]


def extract_lines(text: str, taxonomy: Taxonomy, mentions: list[Mention]) -> ExtractLines:
    """Each skill with the lines naming it, their section and whether each line asks for it."""
    lines = text.split("\n")
    found = line_numbers(lines, mentions)
    skills = [(sid, taxonomy.name(sid), numbers) for sid, numbers in found.items()]
    sections, not_demands = read_mentions(lines, mentions, taxonomy)
    return ExtractLines(lines, skills, sections, not_demands)


def lines_found(text: str, mentions: list[Mention]) -> dict[str, tuple[int, str]]:
    """Each skill's first line (number, text) in ``text``."""
    return first_lines(text, mentions)
