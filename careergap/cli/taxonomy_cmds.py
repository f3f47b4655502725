"""``careergap skills [QUERY]`` and ``careergap extract FILE|-``: look at the skill vocabulary."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from operator import itemgetter

import typer

from careergap.cli._common import command, echo, emit_json
from careergap.views.contract import SCHEMA_VERSION

#: Default number of rows for a fuzzy query (without a query every skill is listed).
DEFAULT_SEARCH_LIMIT = 20


@command("skills")
def skills(
    query: str | None = typer.Argument(
        None, help="Fuzzy search text, e.g. 'pytorch' or 'verilog'."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    limit: int | None = typer.Option(
        None,
        "--limit",
        min=1,
        help=f"At most N rows (default: all, or {DEFAULT_SEARCH_LIMIT} for a query).",
    ),
) -> None:
    """List the skill taxonomy, or search it by name and alias."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine.vocabulary import find_skills
    from careergap.views.vocabulary import print_skills, skills_json

    found = find_skills(query, limit, DEFAULT_SEARCH_LIMIT)
    if as_json:
        emit_json(skills_json(found))
        return
    if not found:
        echo(f"no skill matches {query!r}", err=True)
        return
    print_skills(found, query)


@command("extract")
def extract(
    source: str = typer.Argument(..., help="A text file (a posting, a CV), or '-' for stdin."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Show the skills found in free text, with the lines they were found on."""
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.engine.extract import extract_lines, lines_found
    from careergap.engine.texts import mentions_in, read_text

    text = read_text(source)
    taxonomy, mentions = mentions_in(text)
    if as_json:
        # Lazy, like the table's view below. Streamed, and the same bytes emit_json would print
        # for this payload (see views/extraction).
        from careergap.views.extraction import extract_json_chunks

        _write_utf8(
            extract_json_chunks(SCHEMA_VERSION, source, *extract_lines(text, taxonomy, mentions))
        )
        return
    found_lines = lines_found(text, mentions)
    if not found_lines:
        echo(f"no known skills found in {source}", err=True)
        return
    # Lazy: loaded when this command runs, so start-up (`--help`) imports only cli/.
    from careergap.views.vocabulary import print_extract  # the table only: rich

    print_extract(taxonomy, found_lines, Counter(map(itemgetter(0), mentions)), source)


def _write_utf8(chunks: Iterable[bytes]) -> None:
    """Write UTF-8 pieces to stdout: to its byte buffer when it has one (JSON is UTF-8)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    for chunk in chunks:
        if buffer is None:
            sys.stdout.write(chunk.decode())
        else:
            buffer.write(chunk)
    if buffer is not None:
        buffer.flush()
