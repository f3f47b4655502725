"""What `extract` shows beyond the mentions (`engine/texts.mentions_in`): each skill's lines,
with their section and whether each asks for the skill."""

from __future__ import annotations

from collections.abc import Iterator

from careergap.reading.demands import read_mentions
from careergap.reading.extraction import extract_json_chunks, first_lines, line_numbers
from careergap.reading.extractor import Mention
from careergap.reading.taxonomy import Taxonomy


def extract_json(
    schema_version: int, source: str, text: str, taxonomy: Taxonomy, mentions: list[Mention]
) -> Iterator[bytes]:
    """The ``extract --json`` document in UTF-8 pieces: each skill with the lines naming it,
    their section and whether each line asks for the skill."""
    lines = text.split("\n")
    found = line_numbers(lines, mentions)
    skills = [(sid, taxonomy.name(sid), numbers) for sid, numbers in found.items()]
    sections, not_demands = read_mentions(lines, mentions, taxonomy)
    return extract_json_chunks(schema_version, source, lines, skills, sections, not_demands)


def lines_found(text: str, mentions: list[Mention]) -> dict[str, tuple[int, str]]:
    """Each skill's first line (number, text) in ``text``."""
    return first_lines(text, mentions)
