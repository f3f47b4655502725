"""The questions asked of free text: which skills a text names (`extract`, the postings
views, `init --from-text`). What `extract --json` adds, the section and demand of each line, is
in `engine/extract`, so the others do not load it."""

from __future__ import annotations

from collections.abc import Callable

from careergap.errors import CareergapError
from careergap.files.userfiles import read_user_text
from careergap.reading import taxonomy as taxonomies  # called through the module: tests redirect it
from careergap.reading.extractor import Extractor, Mention
from careergap.reading.taxonomy import Taxonomy

#: Largest text ``extract`` reads: bigger inputs are almost surely the wrong file.
MAX_TEXT_BYTES = 50 * 1024 * 1024


def read_text(source: str) -> str:
    """The text of FILE or stdin, with a clear error naming the file for every failure.

    An empty file is one of them: it is far more often the wrong file (or a redirect that
    produced nothing) than a text that names no skill.
    """
    text = read_user_text(source, MAX_TEXT_BYTES, "text file")
    if not text.strip():
        where = "<stdin>" if source == "-" else source
        raise CareergapError(f"{where}: is empty; there is no text to find skills in")
    return text


def mentions_in(text: str) -> tuple[Taxonomy, list[Mention]]:
    """The taxonomy and every skill mention in ``text``, sorted by start."""
    taxonomy = taxonomies.load_taxonomy()
    return taxonomy, Extractor(taxonomy).find(text)


def skill_finder() -> tuple[Callable[[str], list[Mention]], dict[str, str]]:
    """The taxonomy's skill finder (the mentions in a text) and each skill's display name by
    id."""
    taxonomy = taxonomies.load_taxonomy()
    names = {sid: skill.name for sid, skill in taxonomy.skills.items()}
    return Extractor(taxonomy).find, names
